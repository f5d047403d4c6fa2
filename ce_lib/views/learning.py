"""Learning the line: fit a line by hand, then watch gradient descent fit it (notebook 07).

Every model of the story is a line with a sharpness: a point's probability of red is
sigmoid(a·x + b·y + c). :class:`LineFit` gives the learner the line's three settings (angle,
offset, sharpness), starting exactly at model A, and shows the plane, each point's error
−ln p and the line's cross-entropy beside model A's, model B's and the best line's.
:class:`Descent` steps through plain gradient descent on the cross-entropy, started at model
A's line: the line on the plane, the cross-entropy against the step (it passes model B's
1.196 on its way down) and each point's error.

Shown in notebook 07.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import traitlets
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import ScaledTranslation

from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.lines import line_cross_entropy, line_weights, true_colour_probabilities
from ce_lib.probability import point_errors
from ce_lib.views._base import View, slider, toggle
from ce_lib.views._pictures import (
    BLUE,
    FONT,
    GREEN,
    GREY,
    INK,
    ORANGE,
    POINT_STYLE,
    PURPLE,
    labelled,
    new_figure,
    style_axes,
)
from ce_lib.views.plane import draw_plane, level_segment, plane_legend, point_records

#: The top of the error axis: by hand (a wrong line's errors run far higher; their bars fill the axis) and in descent.
LINE_FIT_ERROR_TOP, DESCENT_ERROR_TOP = 6.0, 3.0
#: The top of the cross-entropy axis of the descent curve (model A starts at 4.78).
DESCENT_CURVE_TOP = 5.4
#: How the reference lines look on the plane, in Matplotlib (the ES modules use the same).
MODEL_A_LINE_STYLE = {"color": PURPLE, "lw": 2.5, "ls": (0, (7, 4))}
MODEL_B_LINE_STYLE = {"color": GREEN, "lw": 2.5, "ls": (0, (7, 4))}
BEST_LINE_STYLE = {"color": GREY, "lw": 3, "ls": (0, (1, 2.2)), "dash_capstyle": "round"}


def first_step_below_model_b() -> int:
    """Return the first step of the descent whose cross-entropy is below model B's.

    Examples
    --------
    >>> step = first_step_below_model_b()
    >>> bool(story.descent().cross_entropies[step] < story.MODEL_B.line.cross_entropy())
    True
    """
    below = story.descent().cross_entropies < story.MODEL_B.line.cross_entropy()
    if not below.any():
        raise ValueError("the descent never gets below model B's cross-entropy: more steps or a larger rate")
    return int(np.argmax(below))


def settings_text(line: story.Line) -> str:
    """Return a line's settings as the readout prints them: ``story.Line.describe()`` with true minus signs.

    Examples
    --------
    >>> settings_text(story.MODEL_A.line)
    'angle 180°, offset −2.5, sharpness 1'
    """
    return line.describe().replace("-", "−")


def errors_title(cross_entropy: float) -> str:
    """Return the title over the error bars of :class:`LineFit`."""
    return f"Cross-entropy of your line: {format_number(cross_entropy)}"


def steps_text(step: int) -> str:
    """Return "1 step" or "k steps"."""
    return f"{step} step" if step == 1 else f"{step} steps"


class LineFit(View):
    """Fit the line by hand: its angle, offset and sharpness give every point its probability.

    The sliders start exactly at model A's line. Two toggles add model B's line (dashed green)
    and the best line gradient descent finds (dotted grey) to the plane. Shown in notebook 07.

    Examples
    --------
    >>> view = LineFit()
    >>> round(view.cross_entropy(), 4)
    4.7795
    >>> view.set_line(90, 1.8, 1)  # model B's line
    >>> view.describe().startswith("Your line (angle 90°, offset 1.8, sharpness 1): cross-entropy 1.196 ·")
    True
    """

    module = "linefit"
    modules = ("_plane", "_learning", "linefit")
    state_keys = ("angle", "offset", "sharpness", "show_model_b", "show_best")

    angle = traitlets.Float(story.MODEL_A.line.angle_degrees).tag(sync=True)
    offset = traitlets.Float(story.MODEL_A.line.offset).tag(sync=True)
    sharpness = traitlets.Float(story.MODEL_A.line.sharpness).tag(sync=True)
    show_model_b = traitlets.Bool(False).tag(sync=True)
    show_best = traitlets.Bool(False).tag(sync=True)
    points = traitlets.List().tag(sync=True)
    limits = traitlets.List().tag(sync=True)
    model_b_settings = traitlets.Dict().tag(sync=True)
    model_b_weights = traitlets.List().tag(sync=True)
    best_weights = traitlets.List().tag(sync=True)
    steps = traitlets.Int(story.DESCENT_STEPS).tag(sync=True)
    references = traitlets.Dict().tag(sync=True)

    def __init__(self) -> None:
        line_a, line_b, path = story.MODEL_A.line, story.MODEL_B.line, story.descent()
        controls = [
            slider("angle", "angle (°)", 0, 360, 1, decimals=0).spec(),
            slider("offset", "offset", -6, 6, 0.05, decimals=2).spec(),
            slider("sharpness", "sharpness", 0.1, 6, 0.1, decimals=1).spec(),
            toggle("show_model_b", "show model B's line").spec(),
            toggle("show_best", "show the best line (gradient descent)").spec(),
        ]
        super().__init__(
            angle=line_a.angle_degrees, offset=line_a.offset, sharpness=line_a.sharpness,
            points=point_records(),
            limits=[list(pair) for pair in story.PLANE_LIMITS],
            model_b_settings={"angle": line_b.angle_degrees, "offset": line_b.offset, "sharpness": line_b.sharpness},
            model_b_weights=line_b.weights().tolist(),
            best_weights=path.weights[-1].tolist(),
            steps=len(path.cross_entropies) - 1,
            references={
                "A": line_a.cross_entropy(), "B": line_b.cross_entropy(),
                "best": float(path.cross_entropies[-1]),
            },
            controls=controls,
            label="Fit the line by hand: its angle, offset and sharpness",
        )  # fmt: skip

    def line(self) -> story.Line:
        """Return the line the sliders set."""
        return story.Line(self.angle, self.offset, self.sharpness)

    def set_line(self, angle: float, offset: float, sharpness: float) -> None:
        """Move the three sliders to ``angle`` (degrees), ``offset`` and ``sharpness``."""
        self.angle, self.offset, self.sharpness = float(angle), float(offset), float(sharpness)

    def weights(self) -> np.ndarray:
        """Return the line's weights (a, b, c)."""
        return line_weights(self.angle, self.offset, self.sharpness)

    def probabilities(self) -> np.ndarray:
        """Return the probability the line gives each point's true colour."""
        return true_colour_probabilities(self.weights(), story.POSITIONS, story.LABELS)

    def errors(self) -> np.ndarray:
        """Return each point's error −ln p(true colour)."""
        return point_errors(self.probabilities())

    def cross_entropy(self) -> float:
        """Return the line's cross-entropy on the story's points (ce_lib's stable form from the logits)."""
        return line_cross_entropy(self.weights(), story.POSITIONS, story.LABELS)

    def describe(self) -> str:
        """Return the readout: this line's cross-entropy beside model A's, model B's and the best line's."""
        references = self.references
        return (
            f"Your line ({settings_text(self.line())}): cross-entropy {format_number(self.cross_entropy())} · "
            f"model A: {format_number(references['A'])} · "
            f"model B ({settings_text(story.MODEL_B.line)}): {format_number(references['B'])} · "
            f"best line after {self.steps} steps: {format_number(references['best'])}"
        )

    def picture(self) -> Figure:
        """Draw the plane for this line (and the toggled reference lines) and each point's error."""
        figure = new_figure(10.5, 5.9)
        grid = figure.add_gridspec(1, 2, width_ratios=[1.2, 1])
        plane = figure.add_subplot(grid[0, 0])
        draw_plane(plane, self.weights(), self.probabilities(), "Your line", what_if=False)
        extras = []
        if self.show_model_b:
            extras.append(plane_line(plane, story.MODEL_B.line.weights(), MODEL_B_LINE_STYLE, "model B's line"))
        if self.show_best:
            extras.append(plane_line(plane, story.descent().weights[-1], BEST_LINE_STYLE,
                                     "best line (gradient descent)"))  # fmt: skip
        learning_legend(figure, extras)
        bars = figure.add_subplot(grid[0, 1])
        draw_errors(bars, self.errors(), LINE_FIT_ERROR_TOP, errors_title(self.cross_entropy()))
        return figure


class Descent(View):
    """Gradient descent on the cross-entropy moves model A's line: a slider over the steps.

    The path (each step's weights and cross-entropy) is computed once by ce_lib and synced as fixed
    data; the slider only picks a step. Shown in notebook 07.

    Examples
    --------
    >>> view = Descent()
    >>> view.set_step(first_step_below_model_b())
    >>> view.cross_entropy() < story.MODEL_B.line.cross_entropy() < view.cross_entropy_at(view.step - 1)
    True
    """

    module = "descent"
    modules = ("_plane", "_learning", "descent")
    state_keys = ("step",)

    step = traitlets.Int(0).tag(sync=True)
    points = traitlets.List().tag(sync=True)
    limits = traitlets.List().tag(sync=True)
    path_weights = traitlets.List().tag(sync=True)
    path_cross_entropies = traitlets.List().tag(sync=True)
    model_a_weights = traitlets.List().tag(sync=True)
    model_b_cross_entropy = traitlets.Float().tag(sync=True)
    first_below_model_b = traitlets.Int().tag(sync=True)

    def __init__(self) -> None:
        path = story.descent()
        super().__init__(
            step=0,
            points=point_records(),
            limits=[list(pair) for pair in story.PLANE_LIMITS],
            path_weights=path.weights.tolist(),
            path_cross_entropies=path.cross_entropies.tolist(),
            model_a_weights=story.MODEL_A.line.weights().tolist(),
            model_b_cross_entropy=story.MODEL_B.line.cross_entropy(),
            first_below_model_b=first_step_below_model_b(),
            controls=[slider("step", "step", 0, len(path.cross_entropies) - 1, 1, decimals=0).spec()],
            label="Gradient descent from model A's line: a slider over the steps",
        )

    def set_step(self, step: int) -> None:
        """Move the slider to ``step`` (0 is model A's line, up to ``story.DESCENT_STEPS``)."""
        last = len(self.path_cross_entropies) - 1
        if not 0 <= int(step) <= last:
            raise ValueError(f"step must be from 0 to {last}, got {step!r}")
        self.step = int(step)

    def first_step_below_model_b(self) -> int:
        """Return the first step whose cross-entropy is below model B's (the figure marks it)."""
        return self.first_below_model_b

    def weights(self, step: int | None = None) -> np.ndarray:
        """Return the line's weights (a, b, c) after ``step`` steps (default: the slider's), as the view draws them."""
        return np.array(self.path_weights[self.step if step is None else step])

    def cross_entropy_at(self, step: int) -> float:
        """Return the cross-entropy after ``step`` steps, as the view shows it."""
        return float(self.path_cross_entropies[step])

    def cross_entropy(self) -> float:
        """Return the cross-entropy at the slider's step."""
        return self.cross_entropy_at(self.step)

    def errors(self) -> np.ndarray:
        """Return each point's error −ln p(true colour) at the slider's step."""
        return point_errors(true_colour_probabilities(self.weights(), story.POSITIONS, story.LABELS))

    def describe(self) -> str:
        """Return the readout: this step's cross-entropy, the start's, model B's, and each point's error."""
        errors = ", ".join(format_number(float(e), 3) for e in self.errors())
        return (
            f"Step {self.step}: cross-entropy {format_number(self.cross_entropy())} · "
            f"model A (step 0): {format_number(self.cross_entropy_at(0))} · "
            f"model B: {format_number(self.model_b_cross_entropy)} · errors {errors}"
        )

    def picture(self) -> Figure:
        """Draw the line at this step, the cross-entropy against the step, and each point's error."""
        figure = new_figure(10.5, 9.6)
        grid = figure.add_gridspec(2, 2, height_ratios=[1.25, 1], width_ratios=[1.15, 1])
        plane = figure.add_subplot(grid[0, 0])
        weights = self.weights()
        probabilities = true_colour_probabilities(weights, story.POSITIONS, story.LABELS)
        draw_plane(plane, weights, probabilities, f"The line after {steps_text(self.step)}", what_if=False)
        start = plane_line(plane, story.MODEL_A.line.weights(), MODEL_A_LINE_STYLE, "model A's line (step 0)")
        learning_legend(figure, [start])
        draw_curve(figure.add_subplot(grid[0, 1]), self.step, self.model_b_cross_entropy)
        draw_errors(figure.add_subplot(grid[1, :]), self.errors(), DESCENT_ERROR_TOP,
                    f"Each point's error −ln p after {steps_text(self.step)}")  # fmt: skip
        return figure


def plane_line(ax: Axes, weights: Sequence[float], style: dict, label: str) -> Line2D:
    """Draw the line (p(red) = 0.5) of ``weights`` on a plane drawn by ``draw_plane``; return its legend handle.

    As in the live view, it goes over the plane's level lines and under its points and labels.
    """
    for artist in ax.lines:  # the points: above the reference line
        if artist.get_marker() not in (None, "None", "", " "):
            artist.set_zorder(2.2)
    segment = level_segment(weights, 0.0)
    if segment is not None:
        (x0, y0), (x1, y1) = segment
        ax.plot([x0, x1], [y0, y1], zorder=2.1, **style)
    return Line2D([], [], label=label, **style)


def learning_legend(figure: Figure, extras: Sequence[Line2D]) -> None:
    """Put the planes' legend (``plane_legend``, no what-if) at the foot of the figure, with ``extras`` added."""
    plane_legend(figure, what_if=False)
    if not extras:
        return
    base = figure.legends.pop()
    handles = [*base.legend_handles, *extras]
    labels = [text.get_text() for text in base.texts] + [line.get_label() for line in extras]
    figure.legend(handles, labels, loc="outside lower center", ncols=3, fontsize=FONT["tick"], frameon=False)


def draw_errors(ax: Axes, errors: Sequence[float], top: float, title: str) -> None:
    """Draw each point's error as a bar in its colour, valued; a bar past ``top`` (or ∞) fills the axis."""
    for i, (point, error) in enumerate(zip(story.POINTS, errors, strict=True), start=1):
        colour, shape = POINT_STYLE[point.colour]
        error = float(error)
        full = not math.isfinite(error) or error > top
        ax.bar([i], [top if full else error], 0.55, color=colour, edgecolor=INK, lw=1.2)
        words = format_number(error, 3)
        if full or error > 0.88 * top:
            box = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.9}
            labelled(ax.text(i, top - 0.03 * top, words, ha="center", va="top", fontsize=FONT["tick"],
                             fontweight="bold", bbox=box))  # fmt: skip
        else:
            labelled(ax.text(i, error + 0.02 * top, words, ha="center", va="bottom", fontsize=FONT["tick"]))
        below = ax.get_xaxis_transform() + ScaledTranslation(0, -12 / 72, ax.figure.dpi_scale_trans)
        ax.plot([i], [0.0], marker=shape, ms=10, color=colour, mec=INK, mew=1.2, ls="none", transform=below,
                clip_on=False)  # fmt: skip
    ax.set_xticks(range(1, len(story.POINTS) + 1))
    ax.set_xticklabels([f"point {p.number}\n({p.colour})" for p in story.POINTS])
    ax.set_xlim(0.4, len(story.POINTS) + 0.6)
    ax.set_ylim(0.0, top)
    style_axes(ax, title, "", "error −ln p(true colour)")
    ax.tick_params(axis="x", pad=22, length=0)


def draw_curve(ax: Axes, step: int, model_b: float) -> None:
    """Draw the descent's cross-entropy against the step, model A's and B's levels, and mark ``step``."""
    losses = story.descent().cross_entropies
    steps = len(losses) - 1
    first = first_step_below_model_b()
    ax.plot(range(steps + 1), losses, color=BLUE, lw=2.5)
    ax.axhline(losses[0], **MODEL_A_LINE_STYLE)
    ax.axhline(model_b, **MODEL_B_LINE_STYLE)
    labelled(ax.annotate(f"model A: {format_number(float(losses[0]))}", (steps, losses[0]), xytext=(-4, 4),
                         textcoords="offset points", ha="right", va="bottom", fontsize=FONT["tick"]))  # fmt: skip
    labelled(ax.annotate(f"model B: {format_number(model_b)}", (steps, model_b), xytext=(-4, 4),
                         textcoords="offset points", ha="right", va="bottom", fontsize=FONT["tick"]))  # fmt: skip
    ax.plot([first, first], [0.0, model_b + 0.55], color=GREEN, lw=1.5, ls=(0, (3, 3)))
    labelled(ax.annotate(f"below B from step {first}", (first, model_b), xytext=(5, 19), textcoords="offset points",
                         ha="left", va="bottom", fontsize=FONT["tick"]))  # fmt: skip
    ax.plot([step], [losses[step]], marker="o", ms=12, color=ORANGE, mec=INK, mew=1.5, ls="none")
    ax.set_xlim(-5, steps + 5)
    ax.set_xticks(range(0, steps + 1, 50))
    ax.set_ylim(0.0, DESCENT_CURVE_TOP)
    ax.grid(axis="y", color="#E6E6E6")
    style_axes(ax, f"Cross-entropy at step {step}: {format_number(float(losses[step]))}", "step", "cross-entropy")


__all__ = ["Descent", "LineFit", "first_step_below_model_b"]
