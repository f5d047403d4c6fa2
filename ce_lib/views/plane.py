"""The models' plane: model A against model B, one slider per point per model (notebooks 00-03).

Each model is a line with a sharpness; the plane is shaded with the probability of red it
gives everywhere (white on the line, where p(red) = 0.5), with dashed level lines at 0.1,
0.3, 0.7 and 0.9. Beside each point stands the probability the model gives its true colour.
A slider asks "what if the model said this?": when it differs from what the line gives, a
hollow marker shows where on the model's field the point would have to be for that
probability, so the picture never contradicts the numbers. Below the planes, each point's
probability (notebook 01), its ln (02) or its error −ln p (03), and each model's total.

Shown in notebooks 00 (``step="points"``), 01, 02 and 03.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import traitlets
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ce_lib.binary import cross_entropy
from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.lines import line_logits
from ce_lib.logits import logit, sigmoid
from ce_lib.probability import point_errors, product_of_probabilities, sum_of_logs
from ce_lib.views._base import View, slider
from ce_lib.views._pictures import (
    BLUE,
    FONT,
    INK,
    MODEL_STYLE,
    POINT_STYLE,
    VERMILLION,
    labelled,
    new_figure,
    style_axes,
)

LEVELS = (0.1, 0.3, 0.5, 0.7, 0.9)
#: Which side of its point each label goes (chosen so no label crosses model A's or B's line).
LABEL_SIDE = {1: "left", 2: "right", 3: "right", 4: "right"}


@dataclass(frozen=True)
class Step:
    """How one step of the argument scores a model: per point, in total, and which way is better."""

    name: str
    axis: str
    limits: tuple[float, float]
    per_point: Callable[[Sequence[float]], np.ndarray]
    total: Callable[[Sequence[float]], float]
    higher_is_better: bool


STEPS = {
    "product": Step(
        "Product of probabilities", "probability of the true colour", (0.0, 1.15),
        lambda p: np.asarray(p, dtype=float), product_of_probabilities, True,
    ),
    "log": Step(
        "Sum of ln(probabilities)", "ln(probability)", (-5.6, 0.0), lambda p: -point_errors(p), sum_of_logs, True,
    ),
    "error": Step(
        "Cross-entropy (sum of errors)", "error −ln(probability)", (0.0, 5.6),
        point_errors, lambda p: cross_entropy(np.ones(len(p)), p), False,
    ),
}  # fmt: skip


def verdict(totals: dict[str, float], higher_is_better: bool) -> str:
    """Say which model is ahead; level when both totals print the same."""
    if format_number(totals["A"]) == format_number(totals["B"]):
        return "A and B are level"
    return "A is ahead" if (totals["A"] > totals["B"]) == higher_is_better else "B is ahead"


def point_records() -> list[dict]:
    """Return the story's points as the JSON the ES module draws."""
    return [{"number": p.number, "colour": p.colour, "x": p.position[0], "y": p.position[1]} for p in story.POINTS]


class ModelComparison(View):
    """Model A against model B: one slider per point per model, both replotted at once.

    Parameters
    ----------
    step : {"points", "product", "log", "error"}
        What is shown below the two planes: nothing more (``"points"``, notebook 00), the
        product of probabilities (01), the logs (02) or the errors and cross-entropy (03).

    Examples
    --------
    >>> view = ModelComparison("error")
    >>> round(view.totals()["A"], 4), round(view.totals()["B"], 4)
    (4.7795, 1.196)
    >>> view.set_probability("A", 3, 0.0)
    >>> view.totals()["A"]
    inf
    """

    module = "plane"
    modules = ("_plane", "plane")
    state_keys = ("probabilities_a", "probabilities_b")

    step = traitlets.Unicode("error").tag(sync=True)
    probabilities_a = traitlets.List(traitlets.Float()).tag(sync=True)
    probabilities_b = traitlets.List(traitlets.Float()).tag(sync=True)
    points = traitlets.List().tag(sync=True)
    lines = traitlets.Dict().tag(sync=True)
    limits = traitlets.List().tag(sync=True)

    def __init__(self, step: str = "error") -> None:
        if step not in ("points", *STEPS):
            raise ValueError(f"step must be one of {('points', *STEPS)}, got {step!r}")
        controls = [
            slider(f"probabilities_{model.name.lower()}", f"point {p.number} ({p.colour})", 0.0, 1.0, 0.01,
                   index=p.number - 1, group=f"Model {model.name}").spec()
            for model in story.MODELS for p in story.POINTS
        ]  # fmt: skip
        super().__init__(
            step=step,
            probabilities_a=list(story.MODEL_A.probabilities),
            probabilities_b=list(story.MODEL_B.probabilities),
            points=point_records(),
            lines={model.name: model.line.weights().tolist() for model in story.MODELS},
            limits=[list(pair) for pair in story.PLANE_LIMITS],
            controls=controls,
            label="Model A against model B: one slider per point per model",
        )

    def probabilities(self, name: str) -> tuple[float, ...]:
        """Return model ``name``'s per-point probabilities as the sliders set them."""
        return tuple(getattr(self, f"probabilities_{name.lower()}"))

    def set_probability(self, name: str, point: int, value: float) -> None:
        """Move the slider of ``point`` (1 to 4) of model ``name`` ("A" or "B") to ``value``."""
        key = f"probabilities_{name.lower()}"
        values = list(getattr(self, key))
        values[point - 1] = float(value)
        setattr(self, key, values)

    def totals(self) -> dict[str, float]:
        """Return each model's total for this step (the product, the sum of logs or the cross-entropy)."""
        step = STEPS[self.step if self.step in STEPS else "error"]
        return {name: step.total(self.probabilities(name)) for name in ("A", "B")}

    def describe(self) -> str:
        """Return the readout: each model's score for this step, and which is ahead."""
        if self.step == "points":
            right = {name: sum(p >= 0.5 for p in self.probabilities(name)) for name in ("A", "B")}
            return (
                f"Points given at least 0.5 for their true colour — model A: {right['A']} of 4 · "
                f"model B: {right['B']} of 4"
            )
        step, totals = STEPS[self.step], self.totals()
        better = "higher" if step.higher_is_better else "lower"
        return (
            f"{step.name} — model A: {format_number(totals['A'])} · model B: {format_number(totals['B'])} → "
            f"{verdict(totals, step.higher_is_better)} ({better} is better)"
        )

    def picture(self) -> Figure:
        """Draw both planes (and the step's bars) with Matplotlib."""
        has_bars = self.step in STEPS
        figure = new_figure(10.5, 9.4 if has_bars else 6.2)
        grid = figure.add_gridspec(2 if has_bars else 1, 2, height_ratios=[1.25, 1] if has_bars else None)
        for column, model in enumerate(story.MODELS):
            draw_plane(figure.add_subplot(grid[0, column]), model.line.weights(), self.probabilities(model.name),
                       f"Model {model.name}")  # fmt: skip
        plane_legend(figure)
        if has_bars:
            draw_bars(figure.add_subplot(grid[1, :]), STEPS[self.step], {n: self.probabilities(n) for n in ("A", "B")})
        return figure


def field_colours(p_red: np.ndarray) -> np.ndarray:
    """Return RGB colours for p(red): blue-tinted below 0.5, white at 0.5, red-tinted above (as the SVG)."""
    strength = np.minimum(1.0, np.abs(p_red - 0.5) * 2.0)[..., None] * 0.42
    red, blue = np.array([213, 94, 0]) / 255, np.array([0, 114, 178]) / 255
    target = np.where((p_red >= 0.5)[..., None], red, blue)
    return 1.0 + (target - 1.0) * strength


def level_segment(weights: Sequence[float], z: float) -> list[tuple[float, float]] | None:
    """Return the two ends of the level line a*x + b*y + c = z inside the plane's limits, or None."""
    (x0, x1), (y0, y1) = story.PLANE_LIMITS
    a, b, c = weights
    hits: list[tuple[float, float]] = []

    def add(x: float, y: float) -> None:
        inside = x0 - 1e-9 <= x <= x1 + 1e-9 and y0 - 1e-9 <= y <= y1 + 1e-9
        if inside and not any(abs(u - x) < 1e-9 and abs(v - y) < 1e-9 for u, v in hits):
            hits.append((x, y))

    if b != 0:
        add(x0, (z - c - a * x0) / b)
        add(x1, (z - c - a * x1) / b)
    if a != 0:
        add((z - c - b * y0) / a, y0)
        add((z - c - b * y1) / a, y1)
    return hits[:2] if len(hits) >= 2 else None


def what_if_position(weights: Sequence[float], point: story.Point, p: float) -> tuple[float, float, bool]:
    """Return where ``point`` would have to be, along the normal to the line, to get probability ``p``.

    Clamped to the plane (the third value says whether it was): a probability of 0 or 1 is
    infinitely far from the line.
    """
    a, b, _ = weights
    p_red = p if point.colour == story.RED else 1.0 - p
    k = math.hypot(a, b)
    own = float(line_logits(weights, [point.position])[0])
    shift = (float(logit([p_red])[0]) - own) / k
    direction = math.copysign(1.0, shift)
    nx, ny = direction * a / k, direction * b / k  # the way the point would move
    (x0, x1), (y0, y1) = story.PLANE_LIMITS
    margin = 0.15
    room = math.inf
    for n, start, low, high in ((nx, point.position[0], x0, x1), (ny, point.position[1], y0, y1)):
        if n > 1e-12:
            room = min(room, (high - margin - start) / n)
        if n < -1e-12:
            room = min(room, (low + margin - start) / n)
    step = min(abs(shift), max(room, 0.0))
    return point.position[0] + step * nx, point.position[1] + step * ny, abs(shift) > room


def _point_label(ax: Axes, x: float, y: float, number: int, words: str) -> None:
    left = LABEL_SIDE.get(number) == "left"
    labelled(ax.annotate(
        words, (x, y), xytext=(-11 if left else 11, 7), textcoords="offset points", ha="right" if left else "left",
        fontsize=FONT["note"] + 1, fontweight="bold", annotation_clip=False,
        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
    ))  # fmt: skip


def draw_plane(ax: Axes, weights: Sequence[float], shown: Sequence[float], title: str, what_if: bool = True) -> None:
    """Draw a model's plane: its probability field and level lines, the points and their probabilities.

    ``shown[i]`` is the probability a slider says the model gives point i's true colour; where it
    differs from the line's own, a hollow marker shows where the point would have to be.
    """
    (x0, x1), (y0, y1) = story.PLANE_LIMITS
    xs, ys = np.linspace(x0, x1, 251), np.linspace(y0, y1, 231)
    grid = np.column_stack([g.ravel() for g in np.meshgrid(xs, ys)])
    p_red = sigmoid(line_logits(weights, grid)).reshape(len(ys), len(xs))
    ax.imshow(field_colours(p_red), extent=(x0, x1, y0, y1), origin="lower", interpolation="bilinear", aspect="equal")
    placed: list[tuple[float, float, str]] = []
    for level in LEVELS:
        segment = level_segment(weights, float(logit([level])[0]))
        if segment is None:
            continue
        (ax_, ay), (bx, by) = segment
        main = level == 0.5
        ax.plot([ax_, bx], [ay, by], color=INK if main else "#444444", lw=3 if main else 1.3,
                ls="-" if main else (0, (6, 4)))  # fmt: skip
        # At the top edge, else the right edge, else (a line leaving through the left and bottom
        # edges) just inside the left edge, never over the tick labels.
        ends = [(ax_, ay), (bx, by)]
        on_top = next((e for e in ends if abs(e[1] - y1) < 1e-6), None)
        on_right = next((e for e in ends if abs(e[0] - x1) < 1e-6), None)
        if on_top:
            spot, offset, ha, va, edge = on_top, (0, 3), "center", "bottom", "top"
        elif on_right:
            spot, offset, ha, va, edge = on_right, (4, 0), "left", "center", "right"
        else:
            spot = max(ends, key=lambda e: e[1])
            below = spot[1] > y1 - 0.3
            spot, offset, ha, va, edge = spot, (5, -3 if below else 3), "left", "top" if below else "bottom", "inside"
        if any(abs(u - spot[0]) < 0.35 and abs(v - spot[1]) < 0.2 for u, v, _ in placed):
            continue
        placed.append((*spot, edge))
        labelled(ax.annotate(format_number(level, 2), spot, xytext=offset, textcoords="offset points", ha=ha, va=va,
                             fontsize=FONT["tick"] - 1, fontweight="bold" if main else None, annotation_clip=False))
    top = [(u, v) for u, v, edge in placed if edge == "top"]
    side = [(u, v) for u, v, edge in placed if edge == "right"]
    if top and not any(u < x0 + 0.3 for u, _ in top):
        ax.annotate("p(red)", (x0, y1), xytext=(-4, 3), textcoords="offset points", ha="right", va="bottom",
                    fontsize=FONT["tick"] - 1, annotation_clip=False)  # fmt: skip
    if side and not any(v > y1 - 0.25 for _, v in side):
        ax.annotate("p(red)", (x1, y1), xytext=(4, 3), textcoords="offset points", ha="left", va="bottom",
                    fontsize=FONT["tick"] - 1, annotation_clip=False)  # fmt: skip
    for point, p in zip(story.POINTS, shown, strict=True):
        colour, shape = POINT_STYLE[point.colour]
        x, y = point.position
        own = float(sigmoid(line_logits(weights, [point.position]))[0])
        own = own if point.colour == story.RED else 1.0 - own
        if abs(own - p) <= 1e-9 or not what_if:
            ax.plot([x], [y], marker=shape, ms=15, color=colour, mec="black", mew=1.5, ls="none")
            _point_label(ax, x, y, point.number, f"{point.number}: {format_number(p, 2)}")
            continue
        tx, ty, off = what_if_position(weights, point, p)
        ax.plot([x, tx], [y, ty], color=colour, lw=2, ls=(0, (1, 3)))
        ax.plot([x], [y], marker=shape, ms=11, color=colour, mec="black", mew=1.5, ls="none")
        ax.plot([tx], [ty], marker=shape, ms=15, mfc="white", mec=colour, mew=2.5, ls="none")
        _point_label(ax, x, y, point.number, f"{point.number}")
        _point_label(
            ax, tx, ty, point.number, f"{point.number}: {format_number(p, 2)}" + (" (off the plot)" if off else "")
        )
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    style_axes(ax, "", "x₁", "x₂")
    ax.set_title(title, fontsize=FONT["title"] + 1, fontweight="bold", pad=20, gid="ce-label")


def plane_legend(figure: Figure, what_if: bool = True) -> None:
    """Put one legend for the planes' marks at the top of the figure."""
    handles = [
        Line2D([], [], marker="o", color=VERMILLION, mec="black", ls="none", ms=10, label="red point"),
        Line2D([], [], marker="s", color=BLUE, mec="black", ls="none", ms=10, label="blue point"),
        Line2D([], [], color=INK, lw=3, label="line: p(red) = 0.5"),
        Line2D([], [], color="#444444", lw=1.3, ls=(0, (6, 4)), label="p(red) = 0.1, 0.3, 0.7, 0.9"),
    ]
    if what_if:
        handles.append(Line2D([], [], marker="o", mfc="white", mec=VERMILLION, mew=2, ls="none", ms=10,
                              label="what if: where the point would be for the slider's p"))  # fmt: skip
    figure.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=FONT["tick"], frameon=False)


def draw_bars(ax: Axes, step: Step, probabilities: dict[str, Sequence[float]]) -> None:
    """Draw one bar per point per model (A hatched, B solid) for a step's per-point quantity."""
    low, high = step.limits
    span = high - low
    totals = {name: step.total(values) for name, values in probabilities.items()}
    width = 0.36
    for offset, name in ((-width / 2 - 0.02, "A"), (width / 2 + 0.02, "B")):
        colour, hatch = MODEL_STYLE[name]
        values = step.per_point(probabilities[name])
        for i, value in enumerate(values, start=1):
            if math.isfinite(value):
                shown = min(max(value, low), high)
            else:
                shown = high - 0.1 * span if value > 0 else low + 0.1 * span
            ax.bar([i + offset], [shown], width, color="white" if hatch else colour, hatch=hatch, edgecolor=INK,
                   lw=1.2, label=f"model {name}" if i == 1 else None)  # fmt: skip
            if hatch:
                ax.patches[-1].set_edgecolor(colour)
                ax.bar([i + offset], [shown], width, fill=False, edgecolor=INK, lw=1.2)
            spot = shown + 0.02 * span if shown >= 0 else shown - 0.02 * span
            labelled(ax.text(i + offset, spot, format_number(float(value), 3), ha="center",
                             va="bottom" if shown >= 0 else "top", fontsize=FONT["tick"]))  # fmt: skip
    ax.set_xticks(range(1, len(story.POINTS) + 1))
    ax.set_xticklabels([f"point {p.number} ({p.colour})" for p in story.POINTS])
    ax.set_xlim(0.4, len(story.POINTS) + 0.6)
    ax.set_ylim(low, high)
    ax.axhline(0.0, color=INK, lw=1)
    title = (
        f"{step.name}:  A = {format_number(totals['A'])}  ·  B = {format_number(totals['B'])}  "
        f"({verdict(totals, step.higher_is_better)})"
    )
    style_axes(ax, title, "", step.axis)
    ax.legend(loc="lower right" if step.name.startswith("Sum") else "upper right", fontsize=FONT["tick"])
