"""Pure drawing functions: each draws on a Matplotlib ``Axes`` and returns the artists it made,
so an app can update them in place (``set_data``, ``set_height``) instead of redrawing.

Colours are the Okabe-Ito palette, safe for colour-blind readers, and every colour is paired
with a shape or a hatch: red points are circles, blue points squares; model A's bars are
hatched, model B's solid. Sizes are chosen to be readable on a projector.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon, Rectangle
from matplotlib.text import Text

from ce_lib import data
from ce_lib.binary import cross_entropy
from ce_lib.formatting import format_number
from ce_lib.outcomes import OutcomeTable
from ce_lib.probability import point_errors

VERMILLION, BLUE, SKY = "#D55E00", "#0072B2", "#56B4E9"
PURPLE, GREEN, ORANGE, GREY = "#CC79A7", "#009E73", "#E69F00", "#555555"
POINT_STYLE = {data.RED: (VERMILLION, "o"), data.BLUE: (BLUE, "s")}
MODEL_STYLE = {"A": (PURPLE, "//"), "B": (GREEN, "")}
PLANE_LIMITS = ((0.0, 5.0), (0.0, 4.4))
FONT = {"title": 15, "label": 13, "tick": 12, "note": 13}


def new_figure(width: float, height: float, dpi: int = 80) -> Figure:
    """Return a Matplotlib figure that belongs to no pyplot state (no global figure list)."""
    figure = Figure(figsize=(width, height), dpi=dpi, layout="constrained")
    figure.patch.set_facecolor("white")
    return figure


def figure_png(figure: Figure) -> bytes:
    """Return ``figure`` as it looks now, as PNG bytes (for readers without a kernel)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def style_axes(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    """Give ``ax`` a title, axis labels and tick labels at projector-readable sizes."""
    ax.set_title(title, fontsize=FONT["title"])
    ax.set_xlabel(xlabel, fontsize=FONT["label"])
    ax.set_ylabel(ylabel, fontsize=FONT["label"])
    ax.tick_params(labelsize=FONT["tick"])


def half_plane(line: tuple[float, float, float], limits=PLANE_LIMITS) -> np.ndarray:
    """Return the corners of the part of the plot box where a*x + b*y + c >= 0.

    Clips the rectangle ``limits`` by the line (one Sutherland-Hodgman step).
    """
    (x0, x1), (y0, y1) = limits
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    a, b, c = line

    def side(point: tuple[float, float]) -> float:
        return a * point[0] + b * point[1] + c

    kept: list[tuple[float, float]] = []
    for start, end in zip(corners, corners[1:] + corners[:1], strict=True):
        start_side, end_side = side(start), side(end)
        if start_side >= 0:
            kept.append(start)
        if (start_side >= 0) != (end_side >= 0):
            t = start_side / (start_side - end_side)
            kept.append((start[0] + t * (end[0] - start[0]), start[1] + t * (end[1] - start[1])))
    return np.array(kept) if kept else np.empty((0, 2))


def line_segment(weights: Sequence[float], limits=PLANE_LIMITS) -> tuple[list[float], list[float]]:
    """Return the two ends of the line a*x + b*y + c = 0 inside the plot box (or nothing)."""
    corners = half_plane(tuple(weights), limits)
    a, b, c = weights
    on_line = [tuple(p) for p in corners if abs(a * p[0] + b * p[1] + c) < 1e-9 * (abs(a) + abs(b) + abs(c) + 1)]
    if len(on_line) < 2:
        return [], []
    (x0, y0), (x1, y1) = on_line[0], on_line[-1]
    return [x0, x1], [y0, y1]


def _points_and_labels(ax: Axes) -> tuple[list[Line2D], list[Text]]:
    """Draw the four points (red circles, blue squares) and an empty label beside each."""
    points = []
    for (x, y), colour in zip(data.POINT_POSITIONS, data.POINT_COLOURS, strict=True):
        face, marker = POINT_STYLE[colour]
        (point,) = ax.plot([x], [y], marker=marker, ms=16, color=face, mec="black", mew=1.5, ls="none")
        points.append(point)
    labels = [
        ax.text(x + 0.18, y + 0.18, "", fontsize=FONT["note"], fontweight="bold",
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": GREY, "alpha": 0.9})
        for x, y in data.POINT_POSITIONS
    ]  # fmt: skip
    return points, labels


def _style_plane(ax: Axes) -> None:
    """Fix the plane's limits and equal aspect, and label its axes."""
    (x0, x1), (y0, y1) = PLANE_LIMITS
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    style_axes(ax, "", "x  (beside each point: its number and p of its true colour)", "y")
    ax.xaxis.label.set_fontsize(FONT["tick"] - 1)


@dataclass
class PlaneArtists:
    """What :func:`draw_model_plane` drew that changes when a probability changes."""

    labels: list[Text]

    def dynamic(self) -> list[Artist]:
        """Return the artists that change when a probability changes."""
        return list(self.labels)


def draw_model_plane(ax: Axes, model: data.Model, probabilities: Sequence[float]) -> PlaneArtists:
    """Draw the points, the model's dividing line and its two coloured sides on ``ax``.

    Beside every point stands the probability the model gives the point its true colour.
    """
    a, b, c = model.line
    ax.add_patch(Polygon(half_plane(model.line), closed=True, color=VERMILLION, alpha=0.13, lw=0))
    ax.add_patch(Polygon(half_plane((-a, -b, -c)), closed=True, color=SKY, alpha=0.18, lw=0))
    ax.plot(*line_segment(model.line), color="black", lw=2.5)
    _, labels = _points_and_labels(ax)
    _style_plane(ax)
    ax.legend(
        handles=[
            Line2D([], [], marker="o", color=VERMILLION, mec="black", ls="none", ms=11, label="red point"),
            Line2D([], [], marker="s", color=BLUE, mec="black", ls="none", ms=11, label="blue point"),
        ],
        loc="upper center",
        ncols=2,
        fontsize=FONT["tick"] - 1,
        framealpha=0.9,
    )
    ax.set_title(f"Model {model.name}", fontsize=FONT["title"], fontweight="bold")
    artists = PlaneArtists(labels)
    update_model_plane(artists, probabilities)
    return artists


def update_model_plane(artists: PlaneArtists, probabilities: Sequence[float]) -> None:
    """Write each point's number and probability beside it ("2: 0.2")."""
    for number, (label, probability) in enumerate(zip(artists.labels, probabilities, strict=True), start=1):
        label.set_text(f"{number}: {format_number(probability, 2)}")


@dataclass(frozen=True)
class StepScale:
    """How one step of the argument shows a per-point quantity as bars."""

    ylabel: str
    limits: tuple[float, float]


STEP_SCALES = {
    "product": StepScale("probability of the true colour", (0.0, 1.15)),
    "log": StepScale("ln(probability)", (-5.6, 0.0)),
    "error": StepScale("error −ln(probability)", (0.0, 5.6)),
}


@dataclass
class BarArtists:
    """What :func:`draw_step_bars` drew that changes when a value changes."""

    bars: dict[str, list[Rectangle]]
    values: dict[str, list[Text]]
    title: Text
    limits: tuple[float, float]

    def dynamic(self) -> list[Artist]:
        """Return the artists that change when a value changes (bars before their labels)."""
        return [
            self.title,
            *(b for bars in self.bars.values() for b in bars),
            *(t for texts in self.values.values() for t in texts),
        ]


def draw_step_bars(ax: Axes, step: str, values: dict[str, Sequence[float]], title: str) -> BarArtists:
    """Draw one bar per point per model (A hatched, B solid) for a step's quantity."""
    scale = STEP_SCALES[step]
    width = 0.38
    bars: dict[str, list[Rectangle]] = {}
    texts: dict[str, list[Text]] = {}
    for offset, name in ((-width / 2, "A"), (width / 2, "B")):
        colour, hatch = MODEL_STYLE[name]
        positions = np.arange(1, len(values[name]) + 1) + offset
        container = ax.bar(
            positions,
            np.zeros(len(positions)),
            width,
            color=colour,
            hatch=hatch,
            edgecolor="black",
            lw=1.2,
            label=f"model {name}",
        )
        bars[name] = list(container.patches)
        texts[name] = [ax.text(x, 0.0, "", ha="center", fontsize=FONT["tick"]) for x in positions]
    ax.set_xticks(np.arange(1, len(values["A"]) + 1))
    ax.set_xticklabels([f"point {i} ({c})" for i, c in enumerate(data.POINT_COLOURS, start=1)])
    ax.set_ylim(*scale.limits)
    ax.axhline(0.0, color="black", lw=1)
    style_axes(ax, title, "", scale.ylabel)
    # Outside the axes: bars are drawn on top of the static background and must not hide it.
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=FONT["tick"])
    artists = BarArtists(bars, texts, ax.title, scale.limits)
    update_step_bars(artists, values, title)
    return artists


def update_step_bars(artists: BarArtists, values: dict[str, Sequence[float]], title: str) -> None:
    """Set every bar's height (infinite values fill the axis and are labelled ∞)."""
    low, high = artists.limits
    span = high - low
    for name, heights in values.items():
        for bar, text, value in zip(artists.bars[name], artists.values[name], heights, strict=True):
            if math.isfinite(value):
                shown = min(max(value, low), high)
            else:  # ∞ fills most of the axis, leaving room for its label
                shown = high - 0.1 * span if value > 0 else low + 0.1 * span
            bar.set_height(shown)
            text.set_text(format_number(value, 3))
            text.set_y(shown + 0.02 * span if shown >= 0 else shown - 0.07 * span)
    artists.title.set_text(title)


@dataclass
class CurveArtists:
    """A marker that moves along a curve, and its label."""

    marker: Line2D
    label: Text
    floor: float

    def dynamic(self) -> list[Artist]:
        """Return the artists that change when n changes."""
        return [self.marker, self.label]


def draw_underflow(
    ax: Axes, counts: np.ndarray, float_log10: np.ndarray, exact_log10: np.ndarray | None
) -> CurveArtists:
    """Draw log10 of the product of n halves against n: as float64 computes it, and exactly.

    ``float_log10`` is -inf where the float64 product is 0.0; those points are not drawn,
    so the curve stops where the product underflows. ``exact_log10`` (the sum of logs)
    goes on; pass ``None`` to leave it out.
    """
    ax.plot(
        counts, np.where(np.isfinite(float_log10), float_log10, np.nan), color=ORANGE, lw=4, label="the float64 product"
    )
    if exact_log10 is not None:
        ax.plot(counts, exact_log10, color=BLUE, lw=2.5, ls="--", label="the sum of logs (exact)")
    floor = math.log10(np.finfo(np.float64).smallest_subnormal)
    ax.axhline(floor, color=GREY, ls=":", lw=2, label="smallest positive float64 (≈ 4.9e−324)")
    (marker,) = ax.plot([], [], marker="D", ms=14, color=VERMILLION, mec="black", ls="none", label="your n")
    label = ax.text(
        0.03,
        0.06,
        "",
        transform=ax.transAxes,
        fontsize=FONT["note"],
        fontweight="bold",
        bbox={"boxstyle": "round", "fc": "white", "ec": GREY},
    )
    bottom = exact_log10[-1] * 1.05 if exact_log10 is not None else floor * 1.12
    ax.set_xlim(0, counts[-1])
    ax.set_ylim(bottom, 15)
    style_axes(ax, "The product of n probabilities of 0.5", "number of points n", "log10 of the product")
    ax.legend(loc="upper right", fontsize=FONT["tick"] - 1)
    return CurveArtists(marker, label, bottom * 0.98)


@dataclass
class OutcomeArtists:
    """The outcome dots, their labels and the highlight of the most and least likely."""

    dots: Line2D
    labels: list[Text]
    most: Line2D
    least: Line2D
    title: Text

    def dynamic(self) -> list[Artist]:
        """Return the artists that change when a door's probability changes."""
        return [self.title, self.dots, self.most, self.least, *self.labels]


def draw_outcomes(ax: Axes, table: OutcomeTable) -> OutcomeArtists:
    """Draw each outcome's cross-entropy against its probability, over the curve −ln P."""
    grid = np.linspace(0.003, 1.0, 400)
    ax.plot(grid, point_errors(grid), color=GREY, lw=2, label="cross-entropy = −ln(probability)")
    (dots,) = ax.plot([], [], "o", ms=11, color=BLUE, mec="black", label="an outcome")
    (most,) = ax.plot([], [], "*", ms=24, color=GREEN, mec="black", label="most likely")
    (least,) = ax.plot([], [], "X", ms=18, color=VERMILLION, mec="black", label="least likely")
    labels = [ax.text(0, 0, "", fontsize=FONT["tick"] - 1) for _ in table]
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 6.5)
    style_axes(ax, "", "probability of the outcome (labels y₁y₂y₃: 1 = gift)", "cross-entropy of the outcome")
    ax.legend(loc="upper right", fontsize=FONT["tick"] - 1)
    artists = OutcomeArtists(dots, labels, most, least, ax.title)
    update_outcomes(artists, table)
    return artists


def update_outcomes(artists: OutcomeArtists, table: OutcomeTable) -> None:
    """Move every outcome's dot and label; mark the most and least likely outcomes."""
    ceiling = 6.2
    probabilities = np.array([row.probability for row in table])
    heights = np.minimum([row.cross_entropy for row in table], ceiling)
    artists.dots.set_data(probabilities, heights)
    for text, row, x, y in zip(artists.labels, table, probabilities, heights, strict=True):
        text.set_text("".join(str(v) for v in row.labels))
        text.set_position((x + 0.015, y + 0.12))
    best, worst = table.most_likely(), table.least_likely()
    artists.most.set_data([best.probability], [min(best.cross_entropy, ceiling)])
    artists.least.set_data([worst.probability], [min(worst.cross_entropy, ceiling)])
    artists.title.set_text(
        f"Likely ↔ small cross-entropy (probabilities sum to {format_number(math.fsum(probabilities), 6)})"
    )


@dataclass
class TermArtists:
    """The two markers on the binary cross-entropy curves."""

    positive: Line2D
    negative: Line2D
    title: Text

    def dynamic(self) -> list[Artist]:
        """Return the artists that change when y or p changes."""
        return [self.title, self.positive, self.negative]


def draw_binary_terms(ax: Axes) -> TermArtists:
    """Draw a point's cross-entropy against p for y = 1 (−ln p) and y = 0 (−ln(1 − p))."""
    grid = np.linspace(0.0025, 0.9975, 400)
    ax.plot(grid, point_errors(grid), color=VERMILLION, lw=2.5, label="y = 1: −ln(p)")
    ax.plot(
        grid,
        cross_entropy(np.zeros_like(grid), grid, reduction="none"),
        color=BLUE,
        lw=2.5,
        ls="--",
        label="y = 0: −ln(1 − p)",
    )
    (positive,) = ax.plot([], [], "o", ms=14, color=VERMILLION, mec="black", ls="none")
    (negative,) = ax.plot([], [], "s", ms=14, color=BLUE, mec="black", ls="none")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 6.2)
    style_axes(ax, "", "predicted probability p of class 1", "the point's cross-entropy")
    ax.legend(loc="upper center", fontsize=FONT["tick"])
    return TermArtists(positive, negative, ax.title)


@dataclass
class ClassBarArtists:
    """Bars of a distribution over classes, their labels, and the axes title."""

    bars: list[Rectangle]
    values: list[Text]
    title: Text

    def dynamic(self) -> list[Artist]:
        """Return the artists that change when the distribution changes."""
        return [self.title, *self.bars, *self.values]


def draw_class_bars(ax: Axes, names: Sequence[str], ylabel: str, limit: float = 1.1) -> ClassBarArtists:
    """Draw one bar per name (heights set later by :func:`update_class_bars`)."""
    positions = np.arange(1, len(names) + 1)
    container = ax.bar(positions, np.zeros(len(names)), 0.6, color=SKY, edgecolor="black", lw=1.2)
    values = [ax.text(x, 0.0, "", ha="center", fontsize=FONT["tick"]) for x in positions]
    ax.set_xticks(positions)
    ax.set_xticklabels(names)
    ax.set_ylim(0, limit)
    style_axes(ax, "", "", ylabel)
    return ClassBarArtists(list(container.patches), values, ax.title)


def update_class_bars(artists: ClassBarArtists, heights: Sequence[float], marked: int | None, title: str) -> None:
    """Set the bars' heights (∞ fills the axis); hatch and colour the ``marked`` class."""
    top = artists.bars[0].axes.get_ylim()[1]
    for index, (bar, text, height) in enumerate(zip(artists.bars, artists.values, heights, strict=True)):
        shown = min(height, top * 0.9)
        bar.set_height(shown)
        bar.set_facecolor(GREEN if index == marked else SKY)
        bar.set_hatch("//" if index == marked else "")
        text.set_text(format_number(height, 3))
        text.set_y(shown + 0.02 * top)
    artists.title.set_text(title)


@dataclass
class DecompositionArtists:
    """The stacked bar H(p) + KL(p‖q) = H(p, q) and its labels."""

    entropy_bar: Rectangle
    kl_bar: Rectangle
    label: Text
    title: Text

    def dynamic(self) -> list[Artist]:
        """Return the artists that change when q changes."""
        return [self.title, self.entropy_bar, self.kl_bar, self.label]


def draw_decomposition(ax: Axes, limit: float) -> DecompositionArtists:
    """Draw an empty stacked bar for H(p) (bottom, solid) and KL(p‖q) (top, hatched)."""
    entropy_bar = ax.bar([0], [0.0], 0.5, color=BLUE, edgecolor="black", label="H(p): entropy of the truth")[0]
    kl_bar = ax.bar([0], [0.0], 0.5, color=ORANGE, edgecolor="black", hatch="xx", label="KL(p‖q): extra cost of q")[0]
    label = ax.text(0, 0, "", ha="center", fontsize=FONT["note"], fontweight="bold")
    ax.set_xlim(-0.6, 0.6)
    ax.set_xticks([0])
    ax.set_xticklabels(["H(p, q)"])
    ax.set_ylim(0, limit)
    style_axes(ax, "", "", "nats")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=FONT["tick"] - 1)
    return DecompositionArtists(entropy_bar, kl_bar, label, ax.title)


def update_decomposition(artists: DecompositionArtists, entropy: float, kl: float, limit: float) -> None:
    """Stack KL on top of H(p); an infinite KL fills the axis and is labelled ∞."""
    shown_kl = min(kl, limit * 0.88 - entropy)
    artists.entropy_bar.set_height(entropy)
    artists.kl_bar.set_y(entropy)
    artists.kl_bar.set_height(shown_kl)
    artists.label.set_text(f"{format_number(entropy + kl, 3)}")
    artists.label.set_y(entropy + shown_kl + 0.03 * limit)
    artists.title.set_text("H(p, q) = H(p) + KL(p‖q)")


@dataclass
class ClippingArtists:
    """The marker on the exact curve at the chosen p, and the markers on each library's curve."""

    markers: list[Line2D]
    title: Text

    def dynamic(self) -> list[Artist]:
        """Return the artists that change when p changes."""
        return [self.title, *self.markers]


def draw_clipping(ax: Axes, grid: np.ndarray, curves: dict[str, np.ndarray], ceiling: float) -> ClippingArtists:
    """Draw one point's cross-entropy against p (log axis): exact and under each library's rule."""
    styles = [(GREY, "-", "o"), (VERMILLION, "--", "s"), (BLUE, "-.", "^"), (GREEN, ":", "D")]
    markers = []
    for (name, values), (colour, line, marker) in zip(curves.items(), styles, strict=False):
        ax.plot(grid, np.minimum(values, ceiling), color=colour, ls=line, lw=2.5, label=name)
        (point,) = ax.plot([], [], marker=marker, ms=12, color=colour, mec="black", ls="none")
        markers.append(point)
    ax.set_xscale("log")
    ax.set_ylim(0, ceiling)
    style_axes(ax, "", "predicted probability p of the true class (log scale)", "the point's cross-entropy")
    ax.legend(loc="upper right", fontsize=FONT["tick"] - 1)
    return ClippingArtists(markers, ax.title)


@dataclass
class LinePlaneArtists:
    """A plane whose dividing line moves: its two sides, the line, the points and labels."""

    red_side: Polygon
    blue_side: Polygon
    line: Line2D
    reference: Line2D
    points: list[Line2D]
    labels: list[Text]
    title: Text

    def dynamic(self) -> list[Artist]:
        """Return the artists that change when the line moves (sides first, labels last)."""
        return [self.title, self.red_side, self.blue_side, self.line, self.reference, *self.points, *self.labels]


def draw_line_plane(ax: Axes) -> LinePlaneArtists:
    """Draw the points on a plane whose line is set by :func:`update_line_plane`."""
    red_side = ax.add_patch(Polygon(np.zeros((3, 2)), closed=True, color=VERMILLION, alpha=0.13, lw=0))
    blue_side = ax.add_patch(Polygon(np.zeros((3, 2)), closed=True, color=SKY, alpha=0.18, lw=0))
    (line,) = ax.plot([], [], color="black", lw=2.5)
    (reference,) = ax.plot([], [], color=GREY, lw=2, ls="--")
    points, labels = _points_and_labels(ax)
    _style_plane(ax)
    return LinePlaneArtists(red_side, blue_side, line, reference, points, labels, ax.title)


def update_line_plane(
    artists: LinePlaneArtists,
    weights: Sequence[float],
    probabilities: Sequence[float],
    title: str,
    reference: Sequence[float] | None = None,
) -> None:
    """Move the line and its shaded sides to ``weights``; label each point; draw ``reference`` dashed."""
    a, b, c = weights
    for patch, side in ((artists.red_side, (a, b, c)), (artists.blue_side, (-a, -b, -c))):
        corners = half_plane(side)
        patch.set_xy(corners if len(corners) >= 3 else np.zeros((3, 2)))
    artists.line.set_data(*line_segment(weights))
    artists.reference.set_data(*(line_segment(reference) if reference is not None else ([], [])))
    for number, (label, probability) in enumerate(zip(artists.labels, probabilities, strict=True), start=1):
        label.set_text(f"{number}: {format_number(probability, 2)}")
    artists.title.set_text(title)


@dataclass
class CurveMarkerArtists:
    """A marker moving along a fixed curve."""

    marker: Line2D
    title: Text

    def dynamic(self) -> list[Artist]:
        """Return the artists that change when the position along the curve changes."""
        return [self.title, self.marker]


def draw_descent_curve(ax: Axes, losses: np.ndarray, reference: float, reference_label: str) -> CurveMarkerArtists:
    """Draw cross-entropy against step, with a reference level, and a marker for the current step."""
    ax.plot(np.arange(len(losses)), losses, color=BLUE, lw=2.5, label="cross-entropy of the line")
    ax.axhline(reference, color=GREEN, ls="--", lw=2, label=reference_label)
    (marker,) = ax.plot([], [], "o", ms=13, color=VERMILLION, mec="black", label="this step")
    ax.set_ylim(0, max(float(losses[0]), reference) * 1.15)
    style_axes(ax, "", "gradient descent step", "cross-entropy")
    ax.legend(loc="upper right", fontsize=FONT["tick"] - 1)
    return CurveMarkerArtists(marker, ax.title)
