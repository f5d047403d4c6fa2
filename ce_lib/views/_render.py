"""A view's stored picture, drawn by the view's own ES module: one drawing per figure.

What GitHub, nbviewer, nbconvert and JupyterLab before a run show in place of the live view is
made here, in the kernel, from the same code the browser runs: the figure's pure drawing code
(``_numbers.js``, ``_maths.js``, ``_svg.js`` and the view's own ``.js``, none of which touches a
page) runs in QuickJS, a small JavaScript engine embedded from PyPI (``quickjs-ng``), and
returns the figure's SVG markup. resvg (``resvg-py``) rasterises it with the fonts shipped in
``fonts/``, so every reader sees the same glyphs, Chinese ones included, whatever their machine
has; the PNG is stored with 256 colours (Pillow), which keeps the notebooks small.
"""

from __future__ import annotations

import functools
import io
import json
import re
import threading
from importlib import resources
from typing import Any

#: The width, in CSS pixels, the stored picture is drawn for (one SVG unit is one pixel).
PICTURE_WIDTH = 960
#: The uid the stored picture's SVG ids start with (the live view makes its own).
PICTURE_UID = "ce"

_engines = threading.local()  # QuickJS is single-threaded: one engine per thread and source


def _engine(source: str) -> Any:
    """Return a QuickJS context that has run ``source`` (made once per thread)."""
    import quickjs

    cache = getattr(_engines, "by_source", None)
    if cache is None:
        cache = _engines.by_source = {}
    if source not in cache:
        context = quickjs.Context()
        context.eval(source)
        cache[source] = context
    return cache[source]


def svg(source: str, state: dict[str, Any], width: int = PICTURE_WIDTH) -> str:
    """Return the SVG markup ``FIGURE.draw`` in ``source`` makes for ``state`` at ``width`` pixels.

    Examples
    --------
    >>> svg("const FIGURE = { draw: (state, width, uid) => `<svg id='${uid}' width='${width}'>${state.n}</svg>` };",
    ...     {"n": 3})
    "<svg id='ce' width='960'>3</svg>"
    """
    context = _engine(source)
    call = f"JSON.stringify(FIGURE.draw({json.dumps(state, ensure_ascii=False)}, {int(width)}, {PICTURE_UID!r}))"
    return json.loads(context.eval(call))  # through JSON: the engine's long strings are ropes


#: Where wide (CJK) characters start: below, DejaVu Sans draws them; from here, the Chinese face.
WIDE = 0x2E80
#: The Chinese face the package ships (Noto Sans CJK SC, cut down to the series' characters).
WIDE_FONT_FILE = "NotoSansCJKsc-Regular.otf"


def needs_wide_font(texts: Any) -> bool:
    """Tell whether any of ``texts`` (strings) has a character only the Chinese face draws.

    Examples
    --------
    >>> needs_wide_font(["cross-entropy"]), needs_wide_font(["交叉熵"])
    (False, True)
    """
    return any(ord(character) >= WIDE for text in texts for character in text)


@functools.cache
def wide_font() -> bytes:
    """Return the Chinese face's bytes: a live view hands them to the browser, which may have no Chinese font."""
    return (resources.files("ce_lib.views") / "fonts" / WIDE_FONT_FILE).read_bytes()


@functools.cache
def font_files() -> tuple[str, ...]:
    """Return the paths of the fonts the pictures are drawn with."""
    folder = resources.files("ce_lib.views") / "fonts"
    return tuple(str(folder / entry.name) for entry in folder.iterdir() if entry.name.endswith((".ttf", ".otf")))


#: The family of the shipped Chinese faces.
WIDE_FAMILY = "Noto Sans CJK SC"
_TEXT_ELEMENT = re.compile(r"(<text\b[^>]*>)(.*?)(</text>)", re.S)
_TAG = re.compile(r"(<[^>]+>)")
_WIDE_RUN = re.compile(f"[{chr(WIDE)}-\U0010ffff]+")


def with_wide_runs_marked(markup: str) -> str:
    """Return SVG ``markup`` with each run of wide characters in a text set in the Chinese family.

    resvg takes a character the text's font lacks from the first font that has it, whatever its
    weight; named, the Chinese family is matched by weight too, so a bold title stays bold.

    Examples
    --------
    >>> with_wide_runs_marked('<text font-weight="bold">模型 A</text>')
    '<text font-weight="bold"><tspan font-family="Noto Sans CJK SC">模型</tspan> A</text>'
    """

    def mark(element: re.Match) -> str:
        def wide(run: re.Match) -> str:
            return f'<tspan font-family="{WIDE_FAMILY}">{run.group(0)}</tspan>'

        parts = _TAG.split(element.group(2))
        inner = "".join(part if part.startswith("<") else _WIDE_RUN.sub(wide, part) for part in parts)
        return element.group(1) + inner + element.group(3)

    return _TEXT_ELEMENT.sub(mark, markup)


def png(markup: str) -> bytes:
    """Return ``markup`` (an SVG document) as a PNG with at most 256 colours."""
    import resvg_py
    from PIL import Image

    full = resvg_py.svg_to_bytes(
        svg_string=with_wide_runs_marked(markup), skip_system_fonts=True, font_files=list(font_files()),
        font_family="DejaVu Sans", sans_serif_family="DejaVu Sans", background="white",
    )  # fmt: skip
    image = Image.open(io.BytesIO(bytes(full))).convert("RGB")
    buffer = io.BytesIO()
    image.quantize(256, method=Image.Quantize.MEDIANCUT).save(buffer, "PNG")
    return buffer.getvalue()
