"""The apps of notebooks 06 and 07: many classes, divergence, clipping, and learning the line."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import numpy as np

from ce_lib import data, plots
from ce_lib.distributions import entropy, general_cross_entropy, kl_divergence
from ce_lib.formatting import format_number
from ce_lib.frameworks import CLIPPING_RULES, clipped_cross_entropy, naive_cross_entropy_from_logits
from ce_lib.learning import (
    gradient_descent,
    line_cross_entropy,
    line_weights,
    scaled_line,
    true_colour_probabilities,
)
from ce_lib.logits import cross_entropy_from_logits
from ce_lib.multiclass import categorical_cross_entropy, cross_entropy_from_class_logits, softmax
from ce_lib.probability import point_errors
from ce_lib.widgets import SLIDER_LAYOUT, SLIDER_STYLE, App, probability_slider

POINTS = np.array(data.POINT_POSITIONS)
LABELS = np.array(data.POINT_LABELS, dtype=float)
POINT_NAMES = [f"point {i} ({c})" for i, c in enumerate(data.POINT_COLOURS, start=1)]
START = np.array(data.DESCENT_START)
#: Model B's line at the same sharpness as the start: the level to beat.
MODEL_B_LINE = scaled_line(data.MODEL_B.line, data.DESCENT_SHARPNESS)


def _slider(description: str, value: float, low: float, high: float, step: float) -> widgets.FloatSlider:
    return widgets.FloatSlider(
        value=value, min=low, max=high, step=step, description=description, continuous_update=True,
        style=SLIDER_STYLE, layout=SLIDER_LAYOUT,
    )  # fmt: skip


class SoftmaxApp(App):
    """Three logits on sliders → softmax probabilities → the loss for the chosen true class.

    Examples
    --------
    >>> app = SoftmaxApp()
    >>> app.true_class.value = 2
    >>> app.loss == cross_entropy_from_class_logits(2, [s.value for s in app.sliders])
    True
    """

    def __init__(self) -> None:
        self.sliders = [_slider(f"logit z{i}", v, -6.0, 6.0, 0.1) for i, v in enumerate((2.0, 1.0, 0.1), start=1)]
        self.true_class = widgets.ToggleButtons(
            options=[("class 1", 0), ("class 2", 1), ("class 3", 2)], value=0, description="true class"
        )
        self.loss = 0.0
        self.q = np.zeros(3)
        self.figure = plots.new_figure(10.5, 4.6)
        self.bars = plots.draw_class_bars(
            self.figure.add_subplot(), ["class 1", "class 2", "class 3"], "q = softmax(z)"
        )
        self._finish(widgets.VBox([*self.sliders, self.true_class]), self.bars.dynamic())
        self._observe([*self.sliders, self.true_class])

    def update(self, change: Any = None) -> None:
        logits = [slider.value for slider in self.sliders]
        self.q = softmax(logits)
        true = self.true_class.value
        self.loss = cross_entropy_from_class_logits(true, logits)
        shown = ", ".join(format_number(v, 3) for v in self.q)
        self.readout.value = (
            f"<span style='font-size:125%'>q = softmax(z) = [{shown}] · true class {true + 1}: "
            f"cross-entropy = −ln q<sub>{true + 1}</sub> = <b>{format_number(self.loss)}</b></span>"
        )
        title = f"True class {true + 1} (hatched): loss −ln q{true + 1} = {format_number(self.loss, 3)}"
        plots.update_class_bars(self.bars, self.q, true, title)
        self._redraw()


class DivergenceApp(App):
    """Move the prediction q away from the truth p: H(p, q) = H(p) + KL(p‖q), stacked.

    Examples
    --------
    >>> app = DivergenceApp()
    >>> for slider, value in zip(app.sliders, app.truth):
    ...     slider.value = value
    >>> app.kl < 1e-15  # zero, up to the rounding of dividing the weights by their sum
    True
    """

    truth = (0.6, 0.3, 0.1)

    def __init__(self) -> None:
        self.sliders = [probability_slider(f"weight q{i}", v) for i, v in enumerate((0.2, 0.3, 0.5), start=1)]
        self.q = np.zeros(3)
        self.kl = self.cross_entropy = 0.0
        self.figure = plots.new_figure(10.5, 4.8)
        grid = self.figure.add_gridspec(1, 2, width_ratios=[2.2, 1])
        classes = self.figure.add_subplot(grid[0, 0])
        self.bars = plots.draw_class_bars(classes, ["class 1", "class 2", "class 3"], "probability")
        classes.plot([1, 2, 3], self.truth, "_", ms=60, mew=4, color="black", label="truth p")
        classes.legend(loc="upper left", fontsize=plots.FONT["tick"] - 1)
        self.limit = 4.0
        self.stack = plots.draw_decomposition(self.figure.add_subplot(grid[0, 1]), self.limit)
        self._finish(
            widgets.VBox([widgets.HTML("<b>q ∝ these weights</b> (they are divided by their sum)"), *self.sliders]),
            self.bars.dynamic() + self.stack.dynamic(),
        )
        self._observe(self.sliders)

    def update(self, change: Any = None) -> None:
        weights = np.array([slider.value for slider in self.sliders])
        self.q = weights / weights.sum() if weights.sum() > 0 else np.full(3, 1 / 3)
        h_p = entropy(self.truth)
        self.kl = kl_divergence(self.truth, self.q)
        self.cross_entropy = general_cross_entropy(self.truth, self.q)
        self.readout.value = (
            f"<span style='font-size:125%'>q = [{', '.join(format_number(v, 3) for v in self.q)}] · "
            f"H(p) = {format_number(h_p)} + KL(p‖q) = {format_number(self.kl)} → "
            f"H(p, q) = <b>{format_number(self.cross_entropy)}</b></span>"
        )
        plots.update_class_bars(self.bars, self.q, None, "Prediction q (bars), truth p (black)")
        plots.update_decomposition(self.stack, h_p, self.kl, self.limit)
        self._redraw()


CEILING = 125.0  # the clipping plot's top: above PyTorch's cap of 100, to show it flatten


def per_point_clipped(library: str, grid: np.ndarray) -> np.ndarray:
    """Return one point's (label 1) cross-entropy at every p in ``grid`` under ``library``'s rule."""
    return np.array([clipped_cross_entropy([1.0], [p], library) for p in grid])


class ClippingApp(App):
    """How the libraries keep a certain, wrong prediction finite: a table and curves, live.

    Examples
    --------
    >>> app = ClippingApp()
    >>> app.slider.value = 1e-20
    >>> round(app.values["Keras"], 2), round(app.values["ce_lib (exact)"], 2)
    (16.12, 46.05)
    >>> app.slider.value = 1e-50
    >>> app.values["PyTorch"]
    100.0
    """

    def __init__(self) -> None:
        self.slider = widgets.FloatLogSlider(
            value=1e-3, base=10, min=-50, max=0, step=0.1, description="p(true class)", readout_format=".1e",
            continuous_update=True, style=SLIDER_STYLE, layout=widgets.Layout(width="600px"),
        )  # fmt: skip
        grid = np.logspace(-50, 0, 400)
        curves = {"ce_lib (exact)": point_errors(grid)} | {
            name: per_point_clipped(name, grid) for name in CLIPPING_RULES
        }
        self.values: dict[str, float] = {}
        self.figure = plots.new_figure(10.5, 4.8)
        self.curves = plots.draw_clipping(self.figure.add_subplot(), grid, curves, ceiling=CEILING)
        self._finish(self.slider, self.curves.dynamic())
        self._observe([self.slider])

    def update(self, change: Any = None) -> None:
        p = self.slider.value
        self.values = {"ce_lib (exact)": float(point_errors([p])[0])}
        self.values |= {name: clipped_cross_entropy([1.0], [p], name) for name in CLIPPING_RULES}
        rows = "".join(
            f"<tr><td>{name}</td><td>{CLIPPING_RULES[name].description if name in CLIPPING_RULES else 'no clipping'}"
            f"</td><td><b>{format_number(value)}</b></td>"
            f"<td>{format_number(CLIPPING_RULES[name].cap) if name in CLIPPING_RULES else '∞'}</td></tr>"
            for name, value in self.values.items()
        )
        self.readout.value = (
            f"<table style='font-size:115%'><tr><th>who</th><th>rule</th><th>cost at p = {p:.1e}</th>"
            f"<th>most a point can cost</th></tr>{rows}</table>"
        )
        for marker, value in zip(self.curves.markers, self.values.values(), strict=True):
            marker.set_data([p], [min(value, CEILING)])
        self.curves.title.set_text(f"One point with p = {p:.1e} for its true class")
        self._redraw()


class LogitStabilityFigure:
    """A static figure: one point's cross-entropy over z from −50 to 50, naive against stable.

    Displayed as a picture (``_repr_png_``), so it needs no kernel.
    """

    def __init__(self) -> None:
        z = np.linspace(-50, 50, 401)
        self.figure = plots.new_figure(10.5, 4.6)
        ax = self.figure.add_subplot()
        stable = np.array([cross_entropy_from_logits([0.0], [v]) for v in z])
        naive = np.array([naive_cross_entropy_from_logits([0.0], [v]) for v in z])
        self.first_infinite = float(z[np.isinf(naive)][0])
        ax.plot(z, stable, color=plots.BLUE, lw=4, label="stable: softplus(z) (cross_entropy_from_logits)")
        ax.plot(z, np.where(np.isfinite(naive), naive, np.nan), color=plots.VERMILLION, lw=2, ls="--",
                label="naive: −ln(1 − sigmoid(z))")  # fmt: skip
        ax.axvline(self.first_infinite, color=plots.GREY, ls=":", lw=2)
        ax.annotate(f"naive = ∞ from z ≈ {self.first_infinite:.1f}\n(sigmoid(z) rounds to exactly 1)",
                    (self.first_infinite, 20), xytext=(-45, 35), fontsize=plots.FONT["note"],
                    arrowprops={"arrowstyle": "->"})  # fmt: skip
        plots.style_axes(ax, "A point with label y = 0 and logit z", "logit z", "the point's cross-entropy")
        ax.legend(loc="upper left", fontsize=plots.FONT["tick"] - 1)

    def _repr_png_(self) -> bytes:
        return plots.figure_png(self.figure)

    def __repr__(self) -> str:
        return (
            f"Naive cross-entropy from logits is inf from z ≈ {self.first_infinite:.1f}; the stable form stays finite."
        )


class LineFitApp(App):
    """Fit the line by hand: its angle, offset and sharpness make every point's probability.

    Examples
    --------
    >>> app = LineFitApp()
    >>> round(app.cross_entropy, 3) == round(line_cross_entropy(line_weights(180, -2.5, 1.0), POINTS, LABELS), 3)
    True
    """

    def __init__(self) -> None:
        self.angle = _slider("angle (°)", 180.0, 0.0, 360.0, 1.0)
        self.offset = _slider("offset", -2.5, -5.0, 5.0, 0.05)
        self.sharpness = _slider("sharpness", 1.0, 0.1, 6.0, 0.1)
        self.show_best = widgets.Checkbox(value=False, description="show the best line (gradient descent, 300 steps)")
        self.best = gradient_descent(
            START, POINTS, LABELS, steps=data.DESCENT_STEPS, learning_rate=data.DESCENT_LEARNING_RATE
        )
        self.cross_entropy = 0.0
        self.model_b_level = line_cross_entropy(MODEL_B_LINE, POINTS, LABELS)
        self.figure = plots.new_figure(10.5, 8.6)
        grid = self.figure.add_gridspec(2, 1, height_ratios=[1.3, 1])
        self.plane = plots.draw_line_plane(self.figure.add_subplot(grid[0, 0]))
        self.errors = plots.draw_class_bars(self.figure.add_subplot(grid[1, 0]), POINT_NAMES, "error −ln p", 5.6)
        controls = widgets.VBox([self.angle, self.offset, self.sharpness, self.show_best])
        self._finish(controls, self.plane.dynamic() + self.errors.dynamic())
        self._observe([self.angle, self.offset, self.sharpness, self.show_best])

    def weights(self) -> np.ndarray:
        """Return the line (a, b, c) the sliders set."""
        return line_weights(self.angle.value, self.offset.value, self.sharpness.value)

    def update(self, change: Any = None) -> None:
        weights = self.weights()
        probabilities = true_colour_probabilities(weights, POINTS, LABELS)
        self.cross_entropy = line_cross_entropy(weights, POINTS, LABELS)
        best = self.best.cross_entropies[-1]
        self.readout.value = (
            f"<span style='font-size:125%'>Cross-entropy of your line: <b>{format_number(self.cross_entropy)}</b>"
            f" · model B's line: {format_number(self.model_b_level)}"
            f" · the best line found by gradient descent: {format_number(best)}</span>"
        )
        reference = self.best.weights[-1] if self.show_best.value else None
        title = "Your line (dashed: the best line)" if reference is not None else "Your line"
        plots.update_line_plane(self.plane, weights, probabilities, title, reference)
        errors = point_errors(probabilities)
        plots.update_class_bars(self.errors, errors, None, f"Cross-entropy {format_number(self.cross_entropy, 3)}")
        self._redraw()


class DescentApp(App):
    """Gradient descent on cross-entropy moves model A's line: a slider over the steps.

    Examples
    --------
    >>> app = DescentApp()
    >>> app.slider.value = 300
    >>> bool(app.cross_entropy < app.path.cross_entropies[0])
    True
    """

    def __init__(self, steps: int = data.DESCENT_STEPS, learning_rate: float = data.DESCENT_LEARNING_RATE) -> None:
        self.path = gradient_descent(START, POINTS, LABELS, steps=steps, learning_rate=learning_rate)
        self.slider = widgets.IntSlider(
            value=0, min=0, max=steps, step=1, description="step", continuous_update=True,
            style=SLIDER_STYLE, layout=widgets.Layout(width="600px"),
        )  # fmt: skip
        self.cross_entropy = 0.0
        self.figure = plots.new_figure(10.5, 8.6)
        grid = self.figure.add_gridspec(2, 2, height_ratios=[1.2, 1])
        self.plane = plots.draw_line_plane(self.figure.add_subplot(grid[0, 0]))
        level = line_cross_entropy(MODEL_B_LINE, POINTS, LABELS)
        self.curve = plots.draw_descent_curve(self.figure.add_subplot(grid[0, 1]), self.path.cross_entropies, level,
                                              "model B's line, same sharpness")  # fmt: skip
        self.errors = plots.draw_class_bars(self.figure.add_subplot(grid[1, :]), POINT_NAMES, "error −ln p", 3.0)
        self._finish(self.slider, self.plane.dynamic() + self.curve.dynamic() + self.errors.dynamic())
        self._observe([self.slider])

    def update(self, change: Any = None) -> None:
        step = self.slider.value
        weights = self.path.weights[step]
        self.cross_entropy = float(self.path.cross_entropies[step])
        probabilities = true_colour_probabilities(weights, POINTS, LABELS)
        errors = point_errors(probabilities)
        self.readout.value = (
            f"<span style='font-size:125%'>Step {step}: cross-entropy <b>{format_number(self.cross_entropy)}</b>"
            f" (start {format_number(self.path.cross_entropies[0])}) · errors "
            f"{', '.join(format_number(e, 3) for e in errors)}</span>"
        )
        plots.update_line_plane(self.plane, weights, probabilities, f"The line after {step} steps (dashed: model A)",
                                START)  # fmt: skip
        self.curve.marker.set_data([step], [self.cross_entropy])
        self.curve.title.set_text(f"Cross-entropy {format_number(self.cross_entropy, 3)} at step {step}")
        plots.update_class_bars(self.errors, errors, None, "Each point's error −ln p(true colour)")
        self._redraw()


__all__ = [
    "ClippingApp",
    "DescentApp",
    "DivergenceApp",
    "LineFitApp",
    "LogitStabilityFigure",
    "SoftmaxApp",
    "categorical_cross_entropy",
]
