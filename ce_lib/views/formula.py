"""One point's binary cross-entropy −[y ln p + (1 − y) ln(1 − p)], for a label y and a prediction p.

A choice sets the label y (0, a soft 0.5, or 1) and a slider the predicted probability p of
class 1. The figure shows what each label costs for every p: −ln p when y = 1 (solid,
vermillion), −ln(1 − p) when y = 0 (dashed, blue) and, for the soft label 0.5, their average
(dotted). Markers sit at the chosen p on each curve, the larger one on the chosen label's cost;
a cost of ∞ (a certain, wrong prediction) is drawn at the top edge, labelled ∞.

Shown in notebook 05.
"""

from __future__ import annotations

import numpy as np
import traitlets
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ce_lib.binary import cross_entropy
from ce_lib.formatting import format_number
from ce_lib.views._base import View, choice, slider
from ce_lib.views._pictures import BLUE, FONT, GREY, INK, VERMILLION, labelled, new_figure, style_axes

TITLE = "One point's cross-entropy: −[y ln p + (1 − y) ln(1 − p)]"
LABELS = (0.0, 0.5, 1.0)
#: The y axis: finite costs up to CLIP; ∞ is drawn at the top edge, EDGE.
CLIP, EDGE = 6.0, 6.6
#: Per label: colour, marker, line style (Matplotlib), the curve's words.
STYLE = {
    1.0: (VERMILLION, "o", "-", "y = 1: −ln(p)"),
    0.0: (BLUE, "s", (0, (6, 4)), "y = 0: −ln(1 − p)"),
    0.5: (INK, "D", (0, (1.5, 2.5)), "y = 0.5: their average"),
}


def cost(y: float, p: float) -> float:
    """Return one point's binary cross-entropy for label ``y`` and prediction ``p`` (ce_lib.cross_entropy)."""
    return cross_entropy([y], [p])


def spread(wanted: list[float], gap: float, low: float, high: float) -> list[float]:
    """Move positions ``wanted`` (pixels) apart to at least ``gap``, inside [low, high], keeping their order.

    Labels that would overlap join a group centred where its labels want to be on average
    (the ES module spreads its labels the same way).

    Examples
    --------
    >>> spread([100.0, 100.0, 100.0], 20.0, 0.0, 500.0)
    [80.0, 100.0, 120.0]
    >>> spread([5.0, 300.0], 20.0, 10.0, 500.0)
    [10.0, 300.0]
    """
    order = sorted(range(len(wanted)), key=lambda i: (wanted[i], i))
    groups = [[i] for i in order]  # each group: the labels in it, lowest first

    def first(group: list[int]) -> float:
        centre = sum(wanted[i] for i in group) / len(group)
        start = centre - gap * (len(group) - 1) / 2
        return min(max(start, low), high - gap * (len(group) - 1))

    merged = True
    while merged:
        merged = False
        for k in range(1, len(groups)):
            if first(groups[k - 1]) + gap * len(groups[k - 1]) > first(groups[k]) + 1e-9:
                groups[k - 1 : k + 1] = [groups[k - 1] + groups[k]]
                merged = True
                break
    result = [0.0] * len(wanted)
    for group in groups:
        start = first(group)
        for j, i in enumerate(group):
            result[i] = start + gap * j
    return result


class BinaryFormula(View):
    """One point's binary cross-entropy, with a choice for the label y and a slider for p.

    Examples
    --------
    >>> view = BinaryFormula()
    >>> view.describe()
    'y = 1, p = 0.80: −[1 · ln(0.80) + 0 · ln(1 − 0.80)] = 0.2231'
    >>> view.set_label(0.5)
    >>> view.set_probability(0.0)
    >>> view.cost()
    inf
    """

    module = "formula"
    state_keys = ("y", "p")

    y = traitlets.Float(1.0).tag(sync=True)
    p = traitlets.Float(0.8).tag(sync=True)

    def __init__(self) -> None:
        controls = [
            choice("y", "label y", (("0", 0.0), ("0.5 (soft label)", 0.5), ("1", 1.0))).spec(),
            slider("p", "p", 0.0, 1.0, 0.01).spec(),
        ]
        super().__init__(y=1.0, p=0.8, controls=controls, label="One point's cross-entropy: choose the label y and p")

    def set_label(self, y: float) -> None:
        """Choose the label y: 0, 0.5 or 1."""
        if y not in LABELS:
            raise ValueError(f"y must be one of {LABELS}, got {y!r}")
        self.y = float(y)

    def set_probability(self, p: float) -> None:
        """Move the slider p to ``p``."""
        self.p = float(p)

    def cost(self) -> float:
        """Return the point's cross-entropy −[y ln p + (1 − y) ln(1 − p)] (ce_lib.cross_entropy)."""
        return cost(self.y, self.p)

    def describe(self) -> str:
        """Return the readout: the formula with the chosen y and p, and its value."""
        y, p = self.y, self.p
        formula = f"−[{y:g} · ln({p:.2f}) + {1 - y:g} · ln(1 − {p:.2f})]"
        return f"y = {y:g}, p = {p:.2f}: {formula} = {format_number(self.cost())}"

    def shown_labels(self) -> tuple[float, ...]:
        """Return the labels whose cost is marked: always 1 and 0, and 0.5 when it is the chosen label."""
        return (1.0, 0.0, 0.5) if self.y == 0.5 else (1.0, 0.0)

    def marker_texts(self) -> dict[float, str]:
        """Return the words beside each marker: each shown label's cost at p."""
        return {y: f"y = {y:g}: {format_number(cost(y, self.p), 3)}" for y in self.shown_labels()}

    def picture(self) -> Figure:
        """Draw the cost curves, the markers at p and their costs with Matplotlib."""
        figure = new_figure(10.5, 5.4)
        ax = figure.add_subplot()
        grid = np.linspace(0.0, 1.0, 801)[1:-1]
        for y in self.shown_labels():
            colour, _, style, words = STYLE[y]
            ax.plot(grid, cross_entropy(np.full_like(grid, y), grid, reduction="none"), color=colour, ls=style,
                    lw=2.5 if y != 0.5 else 2.2, label=words)  # fmt: skip
        ax.axvline(self.p, color=GREY, lw=1, ls=":", zorder=1)
        ax.set_xlim(-0.03, 1.03)
        ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0], labels=["0", "0.2", "0.4", "0.6", "0.8", "1"])
        ax.set_ylim(-0.25, EDGE)
        ticks = list(range(int(CLIP) + 1))
        ax.set_yticks([*ticks, EDGE], labels=[str(t) for t in ticks] + ["∞"])
        style_axes(ax, TITLE, "predicted probability p of label 1", "the point's cross-entropy")
        ax.get_yticklabels()[-1].set_fontsize(FONT["tick"] + 6)  # the ∞ glyph is small
        ax.grid(axis="y", color="#E6E6E6", lw=1)
        ax.set_axisbelow(True)
        handles = [
            Line2D([], [], color=STYLE[y][0], ls=STYLE[y][2], lw=2.5, label=STYLE[y][3]) for y in self.shown_labels()
        ]
        handles.append(Line2D([], [], marker=STYLE[self.y][1], ms=14, color=GREY if self.y == 0.5 else STYLE[self.y][0],
                              mec=INK, ls="none",
                              label=f"your label y = {self.y:g} at p"))  # fmt: skip
        figure.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=FONT["tick"],
                      frameon=False)  # fmt: skip
        figure.draw_without_rendering()  # fix the layout: the markers' words are placed in pixels
        figure.set_layout_engine("none")
        draw_markers(ax, self)
        return figure


def draw_markers(ax: Axes, view: BinaryFormula) -> None:
    """Mark each shown label's cost at p (the chosen label's larger), and write it beside its marker."""
    p, texts = view.p, view.marker_texts()
    heights = {y: min(cost(y, p), EDGE) for y in texts}
    for y, height in heights.items():
        colour, shape, _, _ = STYLE[y]
        chosen = y == view.y
        ax.plot([p], [height], marker=shape, ms=(17 if shape != "D" else 15) if chosen else 10,
                color=GREY if y == 0.5 else colour,
                mec=INK, mew=1.8 if chosen else 1.2, ls="none", clip_on=False, zorder=4 if chosen else 3)  # fmt: skip
    # The words: right of the markers (left when p is large), spread apart vertically.
    right = p <= 0.62
    frame = ax.bbox
    pixels = [ax.transData.transform((p, h))[1] for h in heights.values()]
    gap = (FONT["note"] + 1) * ax.figure.dpi / 72 * 1.45
    spots = spread(pixels, gap, frame.y0 + gap / 2, frame.y1 - gap / 2)
    inverse = ax.transData.inverted()
    for (y, words), pixel, spot in zip(texts.items(), pixels, spots, strict=True):
        _, data_y = inverse.transform((0, spot))
        x_px = ax.transData.transform((p, 0))[0] + (20 if right else -20)
        data_x = inverse.transform((x_px, 0))[0]
        labelled(ax.text(data_x, data_y, words, ha="left" if right else "right", va="center", fontsize=FONT["note"] + 1,
                         fontweight="bold" if y == view.y else None, color=INK,
                         bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85}))  # fmt: skip
        if abs(spot - pixel) > 4:
            start = inverse.transform((ax.transData.transform((p, 0))[0], pixel))
            ax.plot([start[0], data_x], [start[1], data_y], color=GREY, lw=1, ls=":", zorder=2)
