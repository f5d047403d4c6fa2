"""Cut the fonts the stored pictures are drawn with down to the characters the series uses.

The views' stored pictures are rasterised in the kernel (resvg) with fonts shipped in the package
(``ce_lib/views/fonts``), so every reader sees the same glyphs, whatever fonts their machine
has. Whole fonts are large (a Chinese one is megabytes); the shipped ones keep only the
characters the catalogues, the numbers and the figures' symbols use. Run this after adding words
with new characters (a test lists any character the shipped fonts lack)::

    python tools/fonts.py

The sources: DejaVu Sans, as Matplotlib ships it (Bitstream Vera licence), and Noto Sans SC
(SIL Open Font License), read from wherever they are installed (``--noto`` names the file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FONTS = ROOT / "ce_lib" / "views" / "fonts"
#: Every character of these ranges is kept: Latin, Greek, punctuation, super- and subscripts,
#: arrows, mathematical operators, geometric shapes, and the check and cross marks.
RANGES = [(0x20, 0x7E), (0xA0, 0x17F), (0x370, 0x3FF), (0x2000, 0x206F), (0x2070, 0x209F), (0x2190, 0x21FF),
          (0x2200, 0x22FF), (0x25A0, 0x25FF), (0x2713, 0x2717)]  # fmt: skip


def characters(extra: str = "") -> set[str]:
    """Return the characters to keep: the ranges above and every character of ``extra``."""
    kept = {chr(code) for low, high in RANGES for code in range(low, high + 1)}
    return kept | set(extra)


def catalogue_text() -> str:
    """Return every word of every catalogue, in every language (the characters the figures may draw)."""
    from ce_lib import words

    text = []
    for language in words.LANGUAGES:
        text += words.catalogue(language).values()
    return "".join(text)


def subset(source: Path, target: Path, keep: set[str]) -> None:
    """Write ``source`` cut down to the glyphs of ``keep`` into ``target`` (TrueType)."""
    from fontTools import subset as fonttools_subset

    options = fonttools_subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = ["kern", "liga"]
    font = fonttools_subset.load_font(str(source), options)
    subsetter = fonttools_subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(keep)))
    subsetter.subset(font)
    fonttools_subset.save_font(font, str(target), options)


def main(argv: list[str] | None = None) -> int:
    """Command line: write the shipped fonts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--noto", type=Path, help="a Noto Sans SC (or CJK SC) font file to cut the Chinese font from")
    arguments = parser.parse_args(argv)
    import matplotlib

    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    text = catalogue_text()
    latin = {c for c in text if ord(c) < 0x2E80}
    for name in ("DejaVuSans", "DejaVuSans-Bold"):
        subset(dejavu / f"{name}.ttf", FONTS / f"{name}.ttf", characters("".join(latin)))
        print(f"wrote {FONTS / name}.ttf")
    if arguments.noto:
        wide = {c for c in text if ord(c) >= 0x2E80}
        subset(arguments.noto, FONTS / "NotoSansSC.ttf", wide | set("0123456789"))
        print(f"wrote {FONTS / 'NotoSansSC.ttf'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
