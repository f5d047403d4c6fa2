"""Three doors, a gift behind each independently: all eight outcomes, their probabilities and cross-entropies.

One slider per door sets its p(gift) (the story's 0.8, 0.7 and 0.1 to start). The table lists
the eight outcomes y₁y₂y₃ (1 = gift): the factors of each outcome's probability (p or 1 − p per
door), the probability, the cross-entropy −ln(probability), and marks the most and the least
likely. The scatter below shows every outcome's cross-entropy against its probability, on the
curve cross-entropy = −ln(probability): the likely outcomes have the small cross-entropies.

Shown in notebook 04.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import traitlets
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from ce_lib.course import story
from ce_lib.formatting import format_fixed
from ce_lib.outcomes import Outcome, OutcomeTable, outcome_table
from ce_lib.views._base import View, slider
from ce_lib.views._pictures import FONT, GREEN, GREY, INK, SKY, VERMILLION, labelled, new_figure, style_axes

TITLE = "Likely outcomes have small cross-entropy"
#: The words over each column of the table (the outcome spans its code and its words).
HEADER = ("outcome y₁y₂y₃", "", "factors", "probability", "cross-entropy", "")
MOST, LEAST = "★ most likely", "✗ least likely"
#: Which of a row's cells hold numbers (right-aligned, in their own columns).
NUMBER_COLUMNS = (2, 3, 4)


def outcome_code(labels: Sequence[int]) -> str:
    """Return an outcome as its labels y₁y₂y₃: (1, 1, 0) → "110"."""
    return "".join(str(label) for label in labels)


def outcome_words(labels: Sequence[int]) -> str:
    """Return an outcome in words: (1, 1, 0) → "gift, gift, no gift"."""
    return ", ".join("gift" if label else "no gift" for label in labels)


def marks(table: OutcomeTable) -> list[str]:
    """Return each row's mark: "★ most likely", "✗ least likely", both (all equally likely) or ""."""
    best, worst = table.most_likely(), table.least_likely()
    return [" · ".join(([MOST] if row is best else []) + ([LEAST] if row is worst else [])) for row in table]


def probability_sum(table: OutcomeTable) -> float:
    """Return the sum of the outcomes' probabilities, correctly rounded (math.fsum)."""
    return math.fsum(row.probability for row in table)


def axis_top(table: OutcomeTable) -> tuple[float, float]:
    """Return the scatter's highest finite tick value and its top edge, where a cross-entropy of ∞ is drawn."""
    finite = [row.cross_entropy for row in table if math.isfinite(row.cross_entropy)]
    top = max(6.0, math.ceil(max(finite, default=0.0)) + 1.0)
    return top, top * 1.12


class Doors(View):
    """Three doors with a gift behind each independently: the eight outcomes, live.

    Examples
    --------
    >>> view = Doors()
    >>> view.table().most_likely().labels
    (1, 1, 0)
    >>> view.table_rows()[1]
    ('110', 'gift, gift, no gift', '0.80 × 0.70 × 0.90', '0.504', '0.685', '★ most likely')
    >>> view.set_probability(1, 1.0)
    >>> view.table_rows()[4][3:5]
    ('0.000', '∞')
    """

    module = "doors"
    state_keys = ("probabilities",)

    probabilities = traitlets.List(traitlets.Float()).tag(sync=True)

    def __init__(self) -> None:
        controls = [
            slider("probabilities", f"door {door}: p(gift)", 0.0, 1.0, 0.01, index=door - 1).spec()
            for door in range(1, len(story.DOOR_PROBABILITIES) + 1)
        ]
        super().__init__(
            probabilities=list(story.DOOR_PROBABILITIES),
            controls=controls,
            label="Three doors: one slider per door for its probability of a gift",
        )

    def set_probability(self, door: int, value: float) -> None:
        """Move the slider of ``door`` (1 to 3) to ``value``."""
        values = list(self.probabilities)
        values[door - 1] = float(value)
        self.probabilities = values

    def table(self) -> OutcomeTable:
        """Return the eight outcomes for the sliders' probabilities (ce_lib.outcome_table)."""
        return outcome_table(self.probabilities)

    def table_rows(self) -> list[tuple[str, ...]]:
        """Return the table's cells as text, one tuple per outcome.

        The cells are: the code y₁y₂y₃, the words, the factors, the probability, the
        cross-entropy and the mark (most or least likely, or "").
        """
        table = self.table()
        rows = []
        for row, mark in zip(table, marks(table), strict=True):
            pairs = zip(row.labels, self.probabilities, strict=True)
            factors = " × ".join(format_fixed(p if label else 1.0 - p, 2) for label, p in pairs)
            rows.append((outcome_code(row.labels), outcome_words(row.labels), factors,
                         format_fixed(row.probability, 3), format_fixed(row.cross_entropy, 3), mark))  # fmt: skip
        return rows

    def sum_text(self) -> str:
        """Return the line under the table: the eight probabilities' sum, to six decimals."""
        table = self.table()
        return f"The {len(table)} probabilities sum to {format_fixed(probability_sum(table), 6)}"

    def describe(self) -> str:
        """Return the readout: the most and the least likely outcome, with their probabilities and cross-entropies."""
        table = self.table()

        def said(row: Outcome) -> str:
            return (
                f"{outcome_words(row.labels)} (probability {format_fixed(row.probability, 3)}, "
                f"cross-entropy {format_fixed(row.cross_entropy, 3)})"
            )

        return f"Most likely: {said(table.most_likely())} · least likely: {said(table.least_likely())}"

    def picture(self) -> Figure:
        """Draw the scatter of cross-entropy against probability, and the table, with Matplotlib."""
        figure = new_figure(10.5, 9.6)
        grid = figure.add_gridspec(2, 1, height_ratios=[1.55, 1])
        ax, sheet = figure.add_subplot(grid[0]), figure.add_subplot(grid[1])
        table = self.table()
        top, edge = axis_top(table)
        draw_scatter_frame(ax, table, top, edge)
        sheet.set_axis_off()
        handles = [
            Line2D([], [], color=GREY, lw=2, label="cross-entropy = −ln(probability)"),
            Line2D([], [], marker="o", ms=10, color=SKY, mec=INK, ls="none", label="an outcome"),
            Line2D([], [], marker="*", ms=18, color=GREEN, mec=INK, ls="none", label="most likely"),
            Line2D([], [], marker="X", ms=13, color=VERMILLION, mec=INK, ls="none", label="least likely"),
        ]
        ax.legend(handles=handles, loc="upper right", fontsize=FONT["tick"])
        FigureCanvasAgg(figure)  # a renderer, to measure the table's texts
        figure.draw_without_rendering()  # fix the layout: the labels and the table are placed in pixels
        figure.set_layout_engine("none")
        draw_outcome_labels(ax, table, edge)
        draw_table(sheet, self.table_rows(), self.sum_text())
        return figure


def draw_scatter_frame(ax: Axes, table: OutcomeTable, top: float, edge: float) -> None:
    """Draw the curve −ln(probability) and every outcome's marker (∞ at the top edge)."""
    grid = np.geomspace(math.exp(-edge), 1.0, 400)
    ax.plot(grid, -np.log(grid), color=GREY, lw=2)
    best, worst = table.most_likely(), table.least_likely()
    for row in table:
        height = row.cross_entropy if math.isfinite(row.cross_entropy) else edge
        marked = row is best or row is worst  # drawn over the circles
        style = {"ls": "none", "mec": INK, "clip_on": math.isfinite(row.cross_entropy), "zorder": 3 if marked else 2.5}
        if row is best:
            ax.plot([row.probability], [height], marker="*", ms=24, color=GREEN, mew=1.2, **style)
        elif row is worst:
            ax.plot([row.probability], [height], marker="X", ms=17, color=VERMILLION, mew=1.2, **style)
        else:
            ax.plot([row.probability], [height], marker="o", ms=11, color=SKY, mew=1.2, **style)
        if row is best and row is worst:
            ax.plot([row.probability], [height], marker="X", ms=12, color=VERMILLION, mew=1.2, **style)
    ax.set_xlim(-0.05, 1.05)
    ax.set_ylim(-0.04 * edge, edge)
    ticks = [t for t in range(0, int(top) + 1, 2 if top <= 10 else 4)]
    ax.set_yticks([*ticks, edge], labels=[str(t) for t in ticks] + ["∞"])
    ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0], labels=["0", "0.2", "0.4", "0.6", "0.8", "1"])
    style_axes(ax, TITLE, "probability of the outcome", "cross-entropy = −ln(probability)")
    ax.get_yticklabels()[-1].set_fontsize(FONT["tick"] + 6)  # the ∞ glyph is small
    ax.grid(color="#E6E6E6", lw=1)
    ax.set_axisbelow(True)


#: Where a label may go around its marker, first choice first: right, left, above, below, then the diagonals.
DIRECTIONS = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1))


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)


#: The spots tried around a marker, in label-sized cells (i across, j down): nearer rings first,
#: then straight before diagonal, then in the order of DIRECTIONS.
SPOTS = tuple(sorted(
    ((i, j) for i in range(-4, 5) for j in range(-4, 5) if (i, j) != (0, 0)),
    key=lambda s: (max(abs(s[0]), abs(s[1])), abs(s[0]) + abs(s[1]), DIRECTIONS.index((_sign(s[0]), _sign(s[1])))),
))  # fmt: skip


def _cell(k: int, near: float, size: float) -> float:
    """Return the offset of the centre of a label ``k`` cells away from its marker along one axis."""
    return 0.0 if k == 0 else _sign(k) * (near + size / 2 + (abs(k) - 1) * (size + 4))


def place_labels(
    anchors: Sequence[tuple[float, float]], radii: Sequence[float], sizes: Sequence[tuple[float, float]],
    bounds: tuple[float, float, float, float], obstacles: Sequence[tuple[float, float, float, float]] = (),
) -> list[tuple[float, float, int]]:  # fmt: skip
    """Place one label per marker, in pixels (y down): on no other label, no marker, no obstacle, inside ``bounds``.

    ``anchors`` are the markers' centres and ``radii`` their sizes. Tries the spots of
    :data:`SPOTS` around each marker in turn; returns each label's centre and its ring (1 is
    next to its marker; further out, a leader line is drawn). The ES module places its labels
    the same way (``placeLabels`` in ``doors.js``).
    """
    markers = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(anchors, radii, strict=True)]
    placed: list[tuple[float, float, float, float]] = []
    chosen = []
    left, top, right, bottom = bounds
    for (x, y), radius, (width, height) in zip(anchors, radii, sizes, strict=True):
        best = None
        for i, j in SPOTS:
            cx, cy = x + _cell(i, radius + 3, width), y + _cell(j, radius + 3, height)
            box = (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
            inside = box[0] >= left and box[2] <= right and box[1] >= top and box[3] <= bottom
            if inside and not any(_overlap(box, other) for other in (*placed, *markers, *obstacles)):
                best = (cx, cy, max(abs(i), abs(j)), box)
                break
        if best is None:
            cx, cy = x + _cell(1, radius + 3, width), y
            best = (cx, cy, 1, (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2))
        placed.append(best[3])
        chosen.append(best[:3])
    return chosen


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def draw_outcome_labels(ax: Axes, table: OutcomeTable, edge: float) -> None:
    """Label every outcome with its code, none on top of another (the figure's layout must be fixed)."""
    size = FONT["tick"] + 1
    pixels = ax.figure.dpi / 72
    height_px = ax.figure.bbox.height
    frame = ax.bbox
    best, worst = table.most_likely(), table.least_likely()
    anchors, radii = [], []
    for row in table:
        height = row.cross_entropy if math.isfinite(row.cross_entropy) else edge
        x, y = ax.transData.transform((row.probability, height))
        anchors.append((x, height_px - y))
        radii.append((24 if row is best else 17 if row is worst else 11) * pixels / 2 + 1)
    legend = ax.get_legend().get_window_extent()
    obstacles = [(legend.x0, height_px - legend.y1, legend.x1, height_px - legend.y0)]
    sizes = [(len(outcome_code(row.labels)) * size * pixels * 0.68 + 6, size * pixels * 1.25 + 2) for row in table]
    bounds = (frame.x0 + 2, height_px - frame.y1 + 2, frame.x1 - 2, height_px - frame.y0 - 2)
    spots = place_labels(anchors, radii, sizes, bounds, obstacles)
    inverse = ax.transData.inverted()
    for row, (ax_x, ax_y), (cx, cy, ring) in zip(table, anchors, spots, strict=True):
        x, y = inverse.transform((cx, height_px - cy))
        labelled(ax.text(x, y, outcome_code(row.labels), ha="center", va="center", fontsize=size, fontweight="bold",
                         bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8}))  # fmt: skip
        if ring > 1:
            start = inverse.transform((ax_x, height_px - ax_y))
            ax.plot([start[0], x], [start[1], y], color=GREY, lw=1, ls=":", zorder=1.5)


def draw_table(sheet: Axes, rows: Sequence[tuple[str, ...]], total: str) -> None:
    """Draw the table as aligned texts in ``sheet`` (an axes measured in pixels): the same cells as the live table."""
    box = sheet.bbox
    sheet.set_xlim(0, box.width)
    sheet.set_ylim(box.height, 0)
    renderer = sheet.figure.canvas.get_renderer()
    size = FONT["tick"]
    row_height = min(26.0, (box.height - 40) / (len(rows) + 1))
    grid: list[list] = []  # the texts, header first, placed at x = 0 until the columns are measured
    for r, cells in enumerate([HEADER, *rows]):
        texts = []
        for c, words in enumerate(cells):
            right = c in NUMBER_COLUMNS
            text = sheet.text(0, row_height * (r + 0.5), words, ha="right" if right else "left", va="center",
                              fontsize=size, fontweight="bold" if r == 0 or c == 0 else None)  # fmt: skip
            if r > 0 and words:
                labelled(text)
            texts.append(text)
        grid.append(texts)
    widths = [max(row[c].get_window_extent(renderer).width for row in grid) for c in range(len(HEADER))]
    widths[0] = max(widths[0] - widths[1], max(row[0].get_window_extent(renderer).width for row in grid[1:]))
    gap = 18.0
    starts = [10.0]
    for width in widths[:-1]:
        starts.append(starts[-1] + width + gap)
    for texts in grid:
        for c, text in enumerate(texts):
            text.set_x(starts[c] + (widths[c] if c in NUMBER_COLUMNS else 0))
    end = starts[-1] + widths[-1] + 8
    sheet.plot([starts[0] - 6, end], [row_height, row_height], color=INK, lw=1)
    for r, cells in enumerate(rows, start=1):
        if cells[-1]:
            colour = "#d9f0d3" if "★" in cells[-1] else "#fddbc7"
            sheet.add_patch(Rectangle((starts[0] - 6, row_height * r), end - starts[0] + 6, row_height, color=colour,
                                      zorder=0))  # fmt: skip
    labelled(sheet.text(starts[0], row_height * (len(rows) + 1) + 12, total, ha="left", va="top", fontsize=size + 1))
