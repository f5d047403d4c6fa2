"""Static pictures: the Matplotlib side of the views, for readers without a kernel.

Colours are the Okabe-Ito palette, safe for colour-blind readers, and every colour is paired
with a shape or a hatch (red points are circles, blue points squares; model A's bars are
hatched, model B's solid), at sizes readable on a projector. The live SVG in the browser
uses the same palette (``_shared.js``).
"""

from __future__ import annotations

import io

from matplotlib.axes import Axes
from matplotlib.figure import Figure

VERMILLION, BLUE, SKY = "#D55E00", "#0072B2", "#56B4E9"
PURPLE, GREEN, ORANGE, GREY, INK = "#CC79A7", "#009E73", "#E69F00", "#555555", "#1A1A1A"
POINT_STYLE = {"red": (VERMILLION, "o"), "blue": (BLUE, "s")}
MODEL_STYLE = {"A": (PURPLE, "//"), "B": (GREEN, "")}
FONT = {"title": 15, "label": 13, "tick": 12, "note": 12}
#: The gid every text that states a number or a name of the figure carries (compared with the live view).
LABEL_GID = "ce-label"


def new_figure(width: float, height: float, dpi: int = 80) -> Figure:
    """Return a Matplotlib figure that belongs to no pyplot state (no global figure list)."""
    figure = Figure(figsize=(width, height), dpi=dpi, layout="constrained")
    figure.patch.set_facecolor("white")
    return figure


def figure_png(figure: Figure) -> bytes:
    """Return ``figure`` as PNG bytes: the one figure-to-picture helper of the package.

    The picture is stored in every notebook, so it is kept small: 256 colours (an octree
    palette keeps the palette's exact colours and the text's grey edges; the shading becomes
    fine bands), losslessly compressed. About a quarter of the full-colour size.
    """
    from PIL import Image  # Matplotlib's own dependency

    rendered = io.BytesIO()
    figure.savefig(rendered, format="png", metadata={"Software": None})
    image = Image.open(rendered).convert("RGB")
    palette = image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    palette.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def style_axes(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    """Give ``ax`` a title, axis labels and tick labels at projector-readable sizes."""
    ax.set_title(title, fontsize=FONT["title"], fontweight="bold", gid=LABEL_GID if title else None)
    ax.set_xlabel(xlabel, fontsize=FONT["label"])
    ax.set_ylabel(ylabel, fontsize=FONT["label"])
    ax.tick_params(labelsize=FONT["tick"])


def labelled(artist):  # type: ignore[no-untyped-def]
    """Mark a text artist as one of the figure's stated numbers or names; return it."""
    artist.set_gid(LABEL_GID)
    return artist


def label_texts(figure: Figure) -> list[str]:
    """Return the texts of ``figure`` marked with :func:`labelled` (or as a title), sorted."""
    return sorted(t.get_text() for t in figure.findobj(lambda a: a.get_gid() == LABEL_GID) if t.get_text())
