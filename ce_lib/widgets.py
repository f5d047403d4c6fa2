"""The interactive apps of the series: sliders wired to ``ce_lib`` and to :mod:`ce_lib.plots`.

Each app is an object: a notebook shows it with one line (``ModelComparisonApp("error")``),
and a test drives it from Python (``app.set_probability("A", 2, 0.9)``) and reads back what
is shown (``app.readout.value``, ``app.totals``). The figure is built once; a slider move
updates the artists in place and redraws only what changed (:mod:`ce_lib.canvas`), sending
the frame at once when a browser is connected. ipywidgets keeps at most one slider message
in flight and then sends the latest value, so dragging never builds a backlog.

When displayed, an app sends the live widget and, beside it, a PNG of its figure: JupyterLab
shows the widget, while GitHub and nbviewer (no kernel) show the picture.
"""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets
import numpy as np
from matplotlib.artist import Artist
from matplotlib.figure import Figure

from ce_lib import data, plots
from ce_lib.binary import cross_entropy
from ce_lib.canvas import BlittingCanvas
from ce_lib.formatting import format_number
from ce_lib.outcomes import OutcomeTable, outcome_table
from ce_lib.probability import point_errors, product_of_probabilities, sum_of_logs

SLIDER_STYLE = {"description_width": "105px"}
SLIDER_LAYOUT = widgets.Layout(width="380px")


def probability_slider(description: str, value: float) -> widgets.FloatSlider:
    """Return a 0-to-1 slider in steps of 0.01 that updates while it is dragged."""
    return widgets.FloatSlider(
        value=value,
        min=0.0,
        max=1.0,
        step=0.01,
        description=description,
        readout_format=".2f",
        continuous_update=True,
        style=SLIDER_STYLE,
        layout=SLIDER_LAYOUT,
    )


class App:
    """What every app shares: a figure on an ipympl canvas, a text readout and a static twin."""

    figure: Figure
    canvas: BlittingCanvas
    readout: widgets.HTML
    widget: widgets.Box

    def update(self, change: Any = None) -> None:
        """Recompute everything shown from the sliders; called on every slider move."""
        raise NotImplementedError

    def _finish(self, controls: widgets.Widget, dynamic: Sequence[Artist]) -> None:
        """Lay out controls, readout and figure, and show the sliders' first values."""
        self.canvas = BlittingCanvas(self.figure, dynamic)
        self.readout = widgets.HTML(layout=widgets.Layout(margin="6px 0 6px 0"))
        self.widget = widgets.VBox([controls, self.readout, self.canvas])
        # Stable names for the browser test and for anyone styling the apps.
        self.widget.add_class("ce-app")
        self.readout.add_class("ce-readout")
        self.canvas.add_class("ce-figure")
        self.update()

    def _observe(self, sliders: Sequence[widgets.Widget]) -> None:
        for slider in sliders:
            slider.observe(self.update, names="value")

    def _redraw(self) -> None:
        if self.canvas.syncing_data_url:
            # No front end has said hello (tests, nbconvert): let ipympl draw when asked.
            self.canvas.draw_idle()
        else:
            # A browser shows the figure: send the new frame now, not after a round trip.
            # ipywidgets keeps at most one slider message in flight and sends only the
            # latest value, so drawing here cannot build a backlog while dragging.
            self.canvas.draw()

    def shown_text(self) -> str:
        """Return the readout as plain text, the way a learner reads it."""
        text = re.sub(r"<[^>]+>", " ", self.readout.value)
        return re.sub(r"\s+", " ", html.unescape(text)).strip()

    def png(self) -> bytes:
        """Return the figure as it looks now, as PNG bytes."""
        return plots.figure_png(self.figure)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        png = base64.b64encode(self.png()).decode("ascii")
        # ipympl shows this picture until its first live frame arrives.
        self.canvas._data_url = f"data:image/png;base64,{png}"
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        bundle["image/png"] = png
        bundle["text/plain"] = self.shown_text()
        return bundle


def _verdict(totals: dict[str, float], higher_is_better: bool) -> str:
    if totals["A"] == totals["B"]:
        return "A and B are level"
    a_ahead = (totals["A"] > totals["B"]) == higher_is_better
    return f"{'A' if a_ahead else 'B'} is ahead"


STEPS: dict[str, tuple[str, Callable[[Sequence[float]], np.ndarray], Callable[[Sequence[float]], float], bool]] = {
    # step: (name of the total, per-point quantity, total, is a higher total better?)
    "product": ("product of probabilities", lambda p: np.asarray(p, dtype=float), product_of_probabilities, True),
    "log": ("sum of ln(probabilities)", lambda p: -point_errors(p), sum_of_logs, True),
    "error": ("cross-entropy (sum of errors)", point_errors, lambda p: cross_entropy(np.ones(len(p)), p), False),
}


class ModelComparisonApp(App):
    """Model A against model B: one slider per point per model, both replotted at once.

    Parameters
    ----------
    step : {"points", "product", "log", "error"}
        What the app shows beside the two planes: nothing more (``"points"``), the product
        of probabilities (notebook 01), the logs (02) or the per-point errors and the
        cross-entropy (03).

    Examples
    --------
    >>> app = ModelComparisonApp("error")
    >>> round(app.totals["A"], 4), round(app.totals["B"], 4)
    (4.7795, 1.196)
    >>> app.set_probability("A", 3, 0.0)
    >>> app.totals["A"]
    inf
    """

    def __init__(self, step: str = "error") -> None:
        if step not in ("points", *STEPS):
            raise ValueError(f"step must be one of {('points', *STEPS)}, got {step!r}")
        self.step = step
        self.models = {"A": data.MODEL_A, "B": data.MODEL_B}
        self.sliders = {
            name: [
                probability_slider(f"point {i} ({c})", p)
                for i, (p, c) in enumerate(zip(model.probabilities, data.POINT_COLOURS, strict=True), start=1)
            ]
            for name, model in self.models.items()
        }
        self.totals: dict[str, float] = {}
        has_bars = step in STEPS
        self.figure = plots.new_figure(10.5, 8.8 if has_bars else 5.0)
        grid = self.figure.add_gridspec(2 if has_bars else 1, 2, height_ratios=[1.15, 1] if has_bars else None)
        self.planes = {
            name: plots.draw_model_plane(self.figure.add_subplot(grid[0, column]), model, model.probabilities)
            for column, (name, model) in enumerate(self.models.items())
        }
        self.bars = (
            plots.draw_step_bars(self.figure.add_subplot(grid[1, :]), step, self._per_point(), "") if has_bars else None
        )
        columns = [
            widgets.VBox(
                [
                    widgets.HTML(f"<b style='color:{plots.MODEL_STYLE[name][0]};font-size:120%'>Model {name}</b>"),
                    *self.sliders[name],
                ]
            )
            for name in self.models
        ]
        dynamic = [artist for plane in self.planes.values() for artist in plane.dynamic()]
        self._finish(widgets.HBox(columns), dynamic + (self.bars.dynamic() if self.bars else []))
        self._observe([slider for sliders in self.sliders.values() for slider in sliders])

    def probabilities(self, name: str) -> tuple[float, ...]:
        """Return model ``name``'s per-point probabilities as the sliders set them."""
        return tuple(slider.value for slider in self.sliders[name])

    def set_probability(self, name: str, point: int, value: float) -> None:
        """Move the slider of ``point`` (1 to 4) of model ``name`` ("A" or "B") to ``value``."""
        self.sliders[name][point - 1].value = value

    def _per_point(self) -> dict[str, np.ndarray]:
        quantity = STEPS[self.step][1]
        return {name: quantity(self.probabilities(name)) for name in self.models}

    def update(self, change: Any = None) -> None:
        for name, artists in self.planes.items():
            plots.update_model_plane(artists, self.probabilities(name))
        if self.step == "points":
            right = {name: sum(p >= 0.5 for p in self.probabilities(name)) for name in self.models}
            self.readout.value = (
                f"<span style='font-size:125%'>Points given at least 0.5 for their true colour — model A: "
                f"<b>{right['A']}</b> of 4 · model B: <b>{right['B']}</b> of 4</span>"
            )
        else:
            label, _, total, higher_is_better = STEPS[self.step]
            self.totals = {name: total(self.probabilities(name)) for name in self.models}
            shown = {name: format_number(value) for name, value in self.totals.items()}
            verdict = _verdict(self.totals, higher_is_better)
            better = "higher" if higher_is_better else "lower"
            self.readout.value = (
                f"<span style='font-size:125%'>{label[0].upper()}{label[1:]} — model A: <b>{shown['A']}</b>"
                f" · model B: <b>{shown['B']}</b> → <b>{verdict}</b> ({better} is better)</span>"
            )
            title = f"{label[0].upper()}{label[1:]}:   A = {shown['A']}   ·   B = {shown['B']}   ({verdict})"
            plots.update_step_bars(self.bars, self._per_point(), title)
        self._redraw()


class UnderflowApp(App):
    """The product of n probabilities of 0.5, and (optionally) its sum of logs, as n grows.

    Parameters
    ----------
    show_log_sum : bool
        Also draw and report the sum of logs, which stays exact (notebook 02).
    max_points : int
        The slider's largest n.

    Examples
    --------
    >>> app = UnderflowApp()
    >>> app.slider.value = 1100
    >>> app.product
    0.0
    """

    def __init__(self, show_log_sum: bool = False, max_points: int = 1200) -> None:
        self.show_log_sum = show_log_sum
        counts = np.arange(1, max_points + 1)
        float_log10 = np.array([sum_of_logs([product_of_probabilities(np.full(n, 0.5))], base=10) for n in counts])
        exact_log10 = np.array([sum_of_logs(np.full(n, 0.5), base=10) for n in counts]) if show_log_sum else None
        self.figure = plots.new_figure(10.5, 4.8)
        self.curve = plots.draw_underflow(self.figure.add_subplot(), counts, float_log10, exact_log10)
        self.slider = widgets.IntSlider(
            value=40,
            min=1,
            max=max_points,
            step=1,
            description="points n",
            continuous_update=True,
            style=SLIDER_STYLE,
            layout=widgets.Layout(width="600px"),
        )
        self.product = 0.0
        self.log_sum = 0.0
        self._finish(self.slider, self.curve.dynamic())
        self._observe([self.slider])

    def update(self, change: Any = None) -> None:
        n = self.slider.value
        halves = np.full(n, 0.5)
        self.product = product_of_probabilities(halves)
        self.log_sum = sum_of_logs(halves)
        product_text = format_number(self.product) + ("  (underflow: exactly 0.0)" if self.product == 0.0 else "")
        lines = [f"0.5 multiplied {n} times = <b>{product_text}</b>"]
        if self.show_log_sum:
            lines.append(f"sum of ln(0.5), {n} times = <b>{format_number(self.log_sum, 6)}</b>  (never underflows)")
        self.readout.value = "<span style='font-size:125%'>" + "<br>".join(lines) + "</span>"
        shown = sum_of_logs(halves, base=10) if self.show_log_sum or self.product > 0.0 else self.curve.floor
        self.curve.marker.set_data([n], [shown])
        self.curve.label.set_text(
            f"n = {n}: product = {format_number(self.product)}" + (" exactly: underflow" if self.product == 0 else "")
        )
        self._redraw()


def outcome_name(labels: Sequence[int]) -> str:
    """Return an outcome as words: (1, 0, 1) → "gift, no gift, gift"."""
    return ", ".join("gift" if label else "no gift" for label in labels)


def outcome_table_html(table: OutcomeTable, p: Sequence[float]) -> str:
    """Return the doors' outcome table as HTML, the most and least likely rows marked."""
    best, worst = table.most_likely(), table.least_likely()
    rows = []
    for row in table:
        factors = " × ".join(format_number(q if y else 1.0 - q, 2) for y, q in zip(row.labels, p, strict=True))
        mark, colour = (
            ("★ most likely", "#d9f0d3")
            if row is best
            else ("✗ least likely", "#fddbc7")
            if row is worst
            else ("", "white")
        )
        rows.append(
            f"<tr style='background:{colour}'><td>{outcome_name(row.labels)}</td><td>{factors}</td>"
            f"<td><b>{format_number(row.probability)}</b></td><td><b>{format_number(row.cross_entropy)}</b></td>"
            f"<td>{mark}</td></tr>"
        )
    total = math.fsum(row.probability for row in table)
    return (
        "<table style='font-size:115%;border-collapse:collapse'><tr><th>doors 1, 2, 3</th><th>factors</th>"
        "<th>probability</th><th>cross-entropy</th><th></th></tr>"
        + "".join(rows)
        + f"</table><p style='font-size:115%'>The 8 probabilities sum to <b>{format_number(total, 6)}</b>.</p>"
    )


class DoorsApp(App):
    """Three doors, a gift behind each with its own probability: all 8 outcomes, live.

    Examples
    --------
    >>> app = DoorsApp()
    >>> app.table.most_likely().labels
    (1, 1, 0)
    """

    def __init__(self) -> None:
        self.sliders = [probability_slider(f"door {i}", p) for i, p in enumerate(data.DOOR_PROBABILITIES, start=1)]
        self.table = outcome_table(self.probabilities())
        self.figure = plots.new_figure(10.5, 5.2)
        self.outcomes = plots.draw_outcomes(self.figure.add_subplot(), self.table)
        self._finish(
            widgets.VBox([widgets.HTML("<b>p(gift) behind each door</b>"), *self.sliders]), self.outcomes.dynamic()
        )
        self._observe(self.sliders)

    def probabilities(self) -> tuple[float, ...]:
        """Return the three doors' gift probabilities as the sliders set them."""
        return tuple(slider.value for slider in self.sliders)

    def update(self, change: Any = None) -> None:
        self.table = outcome_table(self.probabilities())
        self.readout.value = outcome_table_html(self.table, self.probabilities())
        plots.update_outcomes(self.outcomes, self.table)
        self._redraw()


class BinaryFormulaApp(App):
    """One point's cross-entropy −[y ln p + (1 − y) ln(1 − p)], with sliders for y and p.

    Examples
    --------
    >>> app = BinaryFormulaApp()
    >>> app.p_slider.value, app.y_slider.value = 1.0, 1.0
    >>> app.value
    0.0
    """

    def __init__(self) -> None:
        self.p_slider = probability_slider("p", 0.8)
        self.y_slider = widgets.FloatSlider(
            value=1.0,
            min=0.0,
            max=1.0,
            step=0.5,
            description="label y",
            readout_format=".1f",
            continuous_update=True,
            style=SLIDER_STYLE,
            layout=SLIDER_LAYOUT,
        )
        self.value = 0.0
        self.figure = plots.new_figure(10.5, 4.8)
        self.terms = plots.draw_binary_terms(self.figure.add_subplot())
        self._finish(widgets.VBox([self.y_slider, self.p_slider]), self.terms.dynamic())
        self._observe([self.p_slider, self.y_slider])

    def update(self, change: Any = None) -> None:
        p, y = self.p_slider.value, self.y_slider.value
        positive = cross_entropy([1.0], [p])
        negative = cross_entropy([0.0], [p])
        self.value = cross_entropy([y], [p])
        self.readout.value = (
            f"<span style='font-size:125%'>y = {y:g}, p = {p:.2f}: −[{y:g} · ln({p:.2f}) + {1 - y:g} · ln(1 − {p:.2f})]"
            f" = <b>{format_number(self.value)}</b></span>"
        )
        ceiling = 6.0
        self.terms.positive.set_data([p], [min(positive, ceiling)])
        self.terms.negative.set_data([p], [min(negative, ceiling)])
        self.terms.title.set_text(
            f"y = 1 costs {format_number(positive, 3)}, y = 0 costs {format_number(negative, 3)}; "
            f"your y = {y:g} costs {format_number(self.value, 3)}"
        )
        self._redraw()
