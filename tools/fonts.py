"""Cut the fonts the figures are drawn with down to the characters the series uses.

The views' stored pictures are rasterised in the kernel (resvg) with fonts shipped in the package
(``ce_lib/views/fonts``), so every reader sees the same glyphs, whatever fonts their machine has;
a live view and the static edition hand the Chinese one to the browser too, so a machine with no
Chinese font still shows Chinese. Whole fonts are large (a Chinese one is megabytes); the
shipped ones keep only the characters the catalogues, the translated prose, the numbers and the
figures' symbols use. Run this after adding words with new characters (a test lists any
character the shipped fonts lack)::

    python tools/fonts.py --noto /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

The sources: DejaVu Sans, as Matplotlib ships it (Bitstream Vera licence), and Noto Sans CJK SC
(SIL Open Font License 1.1; on Debian, the package ``fonts-noto-cjk``), whose file ``--noto``
names (a collection: its Simplified Chinese face is taken; the bold one is read beside it).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FONTS = ROOT / "ce_lib" / "views" / "fonts"
#: The Chinese faces the package ships: regular (the pictures' and the browser's) and bold (the pictures' titles).
CHINESE_FONTS = {"Regular": FONTS / "NotoSansCJKsc-Regular.otf", "Bold": FONTS / "NotoSansCJKsc-Bold.otf"}
#: Every character of these ranges is kept: Latin, Greek, punctuation, super- and subscripts,
#: arrows, mathematical operators, geometric shapes, and the check and cross marks.
RANGES = [(0x20, 0x7E), (0xA0, 0x17F), (0x370, 0x3FF), (0x2000, 0x206F), (0x2070, 0x209F), (0x2190, 0x21FF),
          (0x2200, 0x22FF), (0x25A0, 0x25FF), (0x2713, 0x2717)]  # fmt: skip
#: Where wide (CJK) characters start: below, DejaVu draws; from here, the Chinese face.
WIDE = 0x2E80
#: The punctuation a Chinese sentence uses, kept in the Chinese face whether or not the words use it yet.
CHINESE_PUNCTUATION = "，。：；？！“”‘’（）、《》【】…—·～"


def characters(extra: str = "") -> set[str]:
    """Return the characters to keep: the ranges above and every character of ``extra``."""
    kept = {chr(code) for low, high in RANGES for code in range(low, high + 1)}
    return kept | set(extra)


def series_text() -> str:
    """Return every word the series shows: every catalogue and every translated prose block, in every language."""
    from ce_lib import words

    text = []
    for language in words.LANGUAGES:
        text += words.catalogue(language).values()
    for path in sorted((ROOT / "notebooks" / "source").glob("*/*.toml")):
        text += [entry["text"] for entry in tomllib.loads(path.read_text(encoding="utf-8")).get("block", [])]
    return "".join(text)


def wide_characters(text: str) -> set[str]:
    """Return the characters of ``text`` the Chinese face draws."""
    return {c for c in text if ord(c) >= WIDE}


def subset(source: Path, target: Path, keep: set[str], *, face: int = 0) -> None:
    """Write face ``face`` of ``source`` cut down to the glyphs of ``keep`` into ``target``."""
    from fontTools import subset as fonttools_subset

    options = fonttools_subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = ["kern", "liga"]
    options.font_number = face
    font = fonttools_subset.load_font(str(source), options)
    subsetter = fonttools_subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(keep)))
    subsetter.subset(font)
    fonttools_subset.save_font(font, str(target), options)


def simplified_chinese_face(source: Path) -> int:
    """Return the number of the Noto Sans CJK SC face in ``source`` (0 for a single font)."""
    from fontTools.ttLib import TTCollection

    if source.suffix.lower() != ".ttc":
        return 0
    faces = [font["name"].getDebugName(1) for font in TTCollection(str(source)).fonts]
    return next(i for i, family in enumerate(faces) if family == "Noto Sans CJK SC")


def main(argv: list[str] | None = None) -> int:
    """Command line: write the shipped fonts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--noto", type=Path, help="Noto Sans CJK (.ttc, or the SC .otf) to cut from")
    arguments = parser.parse_args(argv)
    import matplotlib

    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    text = series_text()
    latin = {c for c in text if ord(c) < WIDE}
    for name in ("DejaVuSans", "DejaVuSans-Bold"):
        subset(dejavu / f"{name}.ttf", FONTS / f"{name}.ttf", characters("".join(latin)))
        print(f"wrote {FONTS / name}.ttf")
    if arguments.noto:
        keep = wide_characters(text) | set(CHINESE_PUNCTUATION) | set("0123456789")
        for weight, target in CHINESE_FONTS.items():
            source = arguments.noto.with_name(arguments.noto.name.replace("Regular", weight))
            subset(source, target, keep, face=simplified_chinese_face(source))
            print(f"wrote {target} ({len(keep)} characters, {target.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
