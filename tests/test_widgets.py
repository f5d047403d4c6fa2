"""Drive every app from Python: move sliders, read back what is shown and what is plotted."""

import math

import numpy as np
import pytest

import ce_lib
from ce_lib import data
from ce_lib.formatting import format_number
from ce_lib.widgets import BinaryFormulaApp, DoorsApp, ModelComparisonApp, UnderflowApp


def bar_heights(app, name):
    return [bar.get_height() for bar in app.bars.bars[name]]


def figure_pixels(app):
    app.canvas.draw()
    return np.asarray(app.canvas.get_renderer().buffer_rgba()).copy()


@pytest.mark.parametrize(
    ("step", "total"),
    [
        ("product", ce_lib.product_of_probabilities),
        ("log", ce_lib.sum_of_logs),
        ("error", lambda p: ce_lib.cross_entropy(np.ones(len(p)), p)),
    ],
)
def test_model_app_shows_what_ce_lib_computes(step, total):
    app = ModelComparisonApp(step)
    assert app.totals == {"A": total(data.MODEL_A.probabilities), "B": total(data.MODEL_B.probabilities)}
    before = figure_pixels(app)
    heights_before = bar_heights(app, "A")
    app.set_probability("A", 2, 0.95)
    moved = (0.6, 0.95, 0.1, 0.7)
    assert app.probabilities("A") == moved
    assert app.totals["A"] == total(moved)
    assert format_number(app.totals["A"]) in app.shown_text()
    assert format_number(app.totals["B"]) in app.shown_text()
    assert bar_heights(app, "A")[1] != heights_before[1]
    assert app.planes["A"].labels[1].get_text() == "2: 0.95"
    assert not np.array_equal(before, figure_pixels(app)), "the figure did not change"


def test_model_app_says_who_is_ahead():
    app = ModelComparisonApp("error")
    assert "B is ahead" in app.shown_text()
    for point, value in enumerate(data.MODEL_B.probabilities, start=1):
        app.set_probability("A", point, value)
    assert "A and B are level" in app.shown_text()
    app.set_probability("A", 1, 0.99)
    assert "A is ahead" in app.shown_text()


@pytest.mark.parametrize("step", ["product", "log", "error"])
def test_sliders_at_their_ends_show_zero_and_infinity_cleanly(step):
    app = ModelComparisonApp(step)
    with np.errstate(all="raise"):
        app.set_probability("A", 3, 0.0)
        app.set_probability("B", 1, 1.0)
        app.canvas.draw()
    shown = app.shown_text()
    assert "nan" not in shown.lower()
    expected_a = {"product": "0", "log": "−∞", "error": "∞"}[step]
    assert f"model A: {expected_a} " in shown
    texts = [t.get_text() for t in app.bars.values["A"]]
    assert texts[2] == {"product": "0", "log": "−∞", "error": "∞"}[step]
    assert all(math.isfinite(h) for h in bar_heights(app, "A"))
    assert app.bars.values["B"][0].get_text() == {"product": "1", "log": "0", "error": "0"}[step]


def test_points_app_counts_points_given_at_least_one_half():
    app = ModelComparisonApp("points")
    assert "model A: 2 of 4" in app.shown_text() and "model B: 4 of 4" in app.shown_text()
    app.set_probability("A", 2, 0.5)
    assert "model A: 3 of 4" in app.shown_text()


def test_unknown_step_is_refused():
    with pytest.raises(ValueError, match="step"):
        ModelComparisonApp("products")


def test_underflow_app_hits_exact_zero_after_1074_halves():
    app = UnderflowApp(show_log_sum=True)
    app.slider.value = 1074
    assert app.product == ce_lib.product_of_probabilities([0.5] * 1074) > 0
    app.slider.value = 1075
    assert app.product == 0.0
    assert "underflow" in app.shown_text()
    assert app.log_sum == ce_lib.sum_of_logs([0.5] * 1075)
    assert format_number(app.log_sum, 6) in app.shown_text()
    x, _ = app.curve.marker.get_data()
    assert list(x) == [1075]


def test_doors_app_table_follows_the_sliders():
    app = DoorsApp()
    assert "0.504" in app.shown_text() and "★ most likely" in app.shown_text()
    before = figure_pixels(app)
    app.sliders[2].value = 0.9
    table = ce_lib.outcome_table((0.8, 0.7, 0.9))
    assert [(r.labels, r.probability) for r in app.table] == [(r.labels, r.probability) for r in table]
    assert app.table.most_likely().labels == (1, 1, 1)
    xs, _ = app.outcomes.dots.get_data()
    assert list(xs) == [r.probability for r in table]
    assert app.outcomes.most.get_data()[0][0] == table.most_likely().probability
    assert not np.array_equal(before, figure_pixels(app))
    for slider in app.sliders:
        slider.value = 1.0
    assert "∞" in app.shown_text() and "nan" not in app.shown_text().lower()
    assert "sum to 1" in app.shown_text()


def test_binary_formula_app_picks_the_term_by_the_label():
    app = BinaryFormulaApp()
    app.y_slider.value, app.p_slider.value = 0.0, 0.25
    assert app.value == ce_lib.cross_entropy([0], [0.25])
    assert format_number(app.value) in app.shown_text()
    app.y_slider.value, app.p_slider.value = 1.0, 0.0
    assert app.value == math.inf
    assert "∞" in app.shown_text()
    assert app.terms.positive.get_data()[1][0] == 6.0  # clipped to the axis, not nan


def test_apps_display_the_live_widget_and_a_static_png():
    bundle = ModelComparisonApp("error")._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"].startswith("iVBORw0KGgo")  # base64 of the PNG signature
    assert bundle["text/plain"].startswith("Cross-entropy")


@pytest.mark.parametrize("make", [lambda: ModelComparisonApp("error"), DoorsApp, UnderflowApp, BinaryFormulaApp])
def test_partial_redraws_are_pixel_identical_to_a_full_redraw(make):
    app = make()
    app.canvas.draw()
    moves = {
        ModelComparisonApp: lambda: [
            app.set_probability(m, i, v) for m, i, v in [("A", 1, 0.05), ("B", 3, 0.0), ("A", 4, 0.99)]
        ],
        DoorsApp: lambda: [setattr(s, "value", v) for s, v in zip(app.sliders, (0.3, 1.0, 0.55), strict=True)],
        UnderflowApp: lambda: setattr(app.slider, "value", 1100),
        BinaryFormulaApp: lambda: (setattr(app.p_slider, "value", 0.01), setattr(app.y_slider, "value", 0.5)),
    }
    moves[type(app)]()
    app.canvas.draw()
    partial = np.asarray(app.canvas.get_renderer().buffer_rgba()).copy()
    assert app.canvas.full_draws == 1 and app.canvas.partial_draws >= 1
    app.canvas._background = None  # force a full draw of the same state
    app.canvas.draw()
    full = np.asarray(app.canvas.get_renderer().buffer_rgba())
    assert np.array_equal(partial, full)


def test_blitting_redraws_only_the_dynamic_artists():
    app = ModelComparisonApp("error")
    app.canvas.draw()
    for value in (0.1, 0.2, 0.3):
        app.set_probability("B", 4, value)
        app.canvas.draw()
    assert app.canvas.full_draws == 1
    app.figure.set_dpi(app.figure.dpi * 2)  # a HiDPI screen: the background is drawn anew
    app.canvas.draw()
    assert app.canvas.full_draws == 2
