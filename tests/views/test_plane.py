"""The models' plane (notebooks 00-03): driven from Python, and live in Chromium against ce_lib."""

import math
import random

import numpy as np
import pytest

import ce_lib
from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.views import ModelComparison
from ce_lib.views.plane import STEPS

from ..support.pages import browser_drawing, live_text_problems, picture_problems, readout, set_control

TOTALS = {
    "product": ce_lib.product_of_probabilities,
    "log": ce_lib.sum_of_logs,
    "error": lambda p: ce_lib.cross_entropy(np.ones(len(p)), p),
}


@pytest.mark.parametrize("step", list(TOTALS))
def test_readout_is_ce_libs_numbers(step):
    view = ModelComparison(step)
    assert view.totals() == {m.name: TOTALS[step](m.probabilities) for m in story.MODELS}
    view.set_probability("A", 2, 0.95)
    moved = (0.6, 0.95, 0.1, 0.7)
    assert view.probabilities("A") == moved
    assert f"model A: {format_number(TOTALS[step](moved))}," in view.describe()
    assert view.readout == {"text": view.describe(), "revision": view.revision}


def test_model_b_is_ahead_until_a_matches_it():
    view = ModelComparison("error")
    assert "B is ahead" in view.describe()
    for point, value in enumerate(story.MODEL_B.probabilities, start=1):
        view.set_probability("A", point, value)
    assert "A and B are level" in view.describe()
    view.set_probability("A", 1, 0.99)
    assert "A is ahead" in view.describe()


@pytest.mark.parametrize("step", list(TOTALS))
def test_sliders_at_their_ends_give_zero_and_infinity_cleanly(step):
    view = ModelComparison(step)
    with np.errstate(all="raise"):
        view.set_probability("A", 3, 0.0)
        view.set_probability("B", 1, 1.0)
        picture = view.svg()
    assert "nan" not in view.describe() and "nan" not in picture.lower()
    expected = {"product": "0", "log": "−∞", "error": "∞"}[step]
    assert f"model A: {expected}," in view.describe()
    assert f">{expected}</text>" in picture


def test_points_step_counts_points_given_at_least_one_half():
    view = ModelComparison("points")
    assert "model A: 2 of 4" in view.describe() and "model B: 4 of 4" in view.describe()
    view.set_probability("A", 2, 0.5)
    assert "model A: 3 of 4" in view.describe()


def test_unknown_step_is_refused():
    with pytest.raises(ValueError, match="step"):
        ModelComparison("products")


@pytest.mark.parametrize("step", ["points", *STEPS])
def test_stored_picture_reads_cleanly(view_pages, step):
    view = ModelComparison(step)
    page = view_pages.show(view)
    assert picture_problems(page, view.svg()) == []
    view.set_probability("A", 2, 0.95)
    view.set_probability("B", 1, 0.0)
    assert picture_problems(page, view.svg()) == []
    for point in (1, 2, 3, 4):  # every slider at each end: the what-if markers sit at the plot's edges
        for end in (0.0, 1.0):
            view.set_probability("A", point, end)
            view.set_probability("B", point, end)
            assert picture_problems(page, view.svg()) == [], (point, end)
    page.close()


@pytest.mark.parametrize("step", ["points", *STEPS])
def test_the_stored_picture_is_what_the_browser_draws(view_pages, step):
    """One drawing: the kernel's picture is the browser's figure, markup for markup, at any width."""
    view = ModelComparison(step)
    view.set_probability("A", 3, 0.0)
    page = view_pages.show(view)
    for width in (960, 700, 375):
        assert browser_drawing(page, view, width) == view.svg(width)
    page.close()


def test_display_carries_the_widget_a_picture_and_the_state():
    data, _ = ModelComparison("error")._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["image/png"].startswith("iVBORw0KGgo")
    assert data["text/plain"].startswith("Cross-entropy")
    assert data["application/vnd.ce-lib.view+json"]["module"] == "plane"


# In the browser ------------------------------------------------------------------------------


@pytest.mark.parametrize("step", ["points", *STEPS])
def test_live_view_shows_ce_libs_numbers_for_random_slider_positions(view_pages, step):
    view = ModelComparison(step)
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert readout(element) == view.describe()
    rng = random.Random(f"plane-{step}")
    for _ in range(25):
        control = rng.randrange(8)
        value = rng.choice([0.0, 1.0, round(rng.uniform(0, 1), 2)])
        set_control(element, control, f"{value:.2f}")
        view.set_probability("AB"[control // 4], control % 4 + 1, value)
        assert readout(element) == view.describe()
    assert browser_drawing(page, view, 960) == view.svg(960)
    assert page.errors == []
    page.close()


def test_live_view_speaks_to_screen_readers_and_the_keyboard(view_pages):
    """An accessible name, a figure with a text title, a readout a screen reader hears change."""
    page = view_pages.show(ModelComparison("error"))
    element = page.locator(".ce-view")
    assert element.get_attribute("role") == "group" and "Model A against model B" in element.get_attribute("aria-label")
    assert element.locator(".ce-readout").get_attribute("aria-live") == "polite"
    svg = element.locator("svg")
    assert svg.get_attribute("role") == "img" and "model A: 4.78, model B: 1.196" in svg.get_attribute("aria-label")
    slider = element.locator("input.ce-slider").first
    slider.focus()
    slider.press("ArrowRight")
    assert slider.get_attribute("aria-valuetext") == "point 1 (red): 0.61"
    moved = format_number(ce_lib.cross_entropy(np.ones(4), [0.61, 0.2, 0.1, 0.7]))
    assert f"model A: {moved}," in readout(element)
    page.close()


def test_live_view_fits_a_phone_without_sideways_scrolling(view_pages):
    page = view_pages.show(ModelComparison("error"), width=375, height=800)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    element = page.locator(".ce-view")
    set_control(element, 4, "0.00")
    assert "model B: ∞" in readout(element)
    page.close()


def test_live_labels_never_overlap(view_pages):
    view = ModelComparison("error")
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    for control, value in ((1, "0.95"), (4, "0.00"), (6, "0.30")):
        set_control(element, control, value)
        assert live_text_problems(element, "svg text.ce-label") == []
    page.close()


def test_js_formatting_is_pythons_digit_for_digit(view_pages):
    """The module prints numbers exactly as ce_lib.formatting does: ties, tiny, huge, negative."""
    page = view_pages.show(ModelComparison("points"))
    rng = random.Random(7)
    values = [0.0, -0.0, 0.125, 0.375, 2.5, 1.5, 0.0084, 4.779523573132869, 1.1960046346767592, 5e-324, 1e-5,
              123456.0, 9.9996, 0.99995, -762.4618986159398, 1e300, math.inf, -math.inf]  # fmt: skip
    values += [rng.uniform(-10, 10) for _ in range(300)] + [10 ** rng.uniform(-320, 300) for _ in range(300)]
    values += [round(rng.uniform(0, 1), 2) for _ in range(100)] + [rng.randrange(1, 2000) / 8 for _ in range(100)]
    shown = page.evaluate(
        "values => values.map(v => [ce.formatNumber(v), ce.formatNumber(v, 2), ce.formatNumber(v, 3), "
        "ce.formatFixed(v, 2), ce.formatFixed(v, 3), ce.formatShort(v)])",
        values,
    )
    from ce_lib.formatting import format_fixed

    for value, (four, two, three, fixed2, fixed3, short) in zip(values, shown, strict=True):
        assert four == format_number(value), value
        assert two == format_number(value, 2), value
        assert three == format_number(value, 3), value
        assert fixed2 == format_fixed(value, 2), value
        assert fixed3 == format_fixed(value, 3), value
        if math.isfinite(value):
            assert short == f"{value:g}".replace("-", "−"), value
    page.close()
