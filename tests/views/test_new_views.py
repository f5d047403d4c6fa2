"""The views that say why the name and why this loss: surprise (03), honest probabilities (05), the push (07).

Each is checked the way every view is: its readout is ce_lib's numbers in the catalogue's words;
in Chromium the live readout equals it for random control settings, the browser draws exactly
the stored picture, and no text of the picture overlaps another or runs off it, with the
controls at their ends too.
"""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

import ce_lib
from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.views import Calibration, Gradients, Surprise

from ..support.pages import browser_drawing, picture_problems, readout, set_control


def test_surprise_is_ce_libs_errors_and_their_sum():
    view = Surprise()
    for model in story.MODELS:
        errors = ce_lib.point_errors(model.probabilities)
        terms = " + ".join(format_number(float(e), 3) for e in errors)
        total = format_number(ce_lib.cross_entropy(np.ones(4), model.probabilities))
        assert f"model {model.name}: {terms} = {total}" in view.describe()
    view.set_probability("A", 3, 0.0)
    assert "= ∞" in view.describe() and "nan" not in view.svg().lower()
    assert ">∞</text>" in view.svg()


def test_surprise_in_bits_is_the_same_curve_scaled_by_ln_2():
    """A fair coin's outcome is 1 bit, a 1-in-8 outcome 3 bits: −log₂ p = −ln p / ln 2."""
    assert ce_lib.point_errors([0.5], base=2)[0] == pytest.approx(1.0)
    assert ce_lib.point_errors([1 / 8], base=2)[0] == pytest.approx(3.0)
    assert ce_lib.point_errors([0.5])[0] == pytest.approx(math.log(2))


def test_calibration_is_lowest_exactly_at_the_true_share():
    view = Calibration()
    costs = {q / 100: view.expected_cross_entropy(q / 100) for q in range(1, 100)}
    assert min(costs, key=costs.get) == view.share == 0.7
    assert view.expected_cross_entropy(0.7) == pytest.approx(ce_lib.entropy([0.7, 0.3]), rel=1e-15)
    assert round(view.expected_cross_entropy(0.7), 3) == 0.611
    assert {view.accuracy()} == {Calibration().accuracy()} == {0.7}
    for q in (0.51, 0.7, 0.99):
        view.q = q
        assert view.accuracy() == 0.7  # accuracy cannot tell them apart
    assert view.expected_cross_entropy(0.99) > 2 * view.expected_cross_entropy(0.7)  # cross-entropy can
    view.q = 1.0
    assert view.expected_cross_entropy() == math.inf and "∞" in view.describe()


def test_gradients_are_ce_libs_and_vanish_for_squared_error_only():
    view = Gradients()
    pushes = view.pushes()
    assert pushes["cross-entropy"] == pytest.approx(float(ce_lib.sigmoid([-5.0])[0]) - 1)
    assert abs(pushes["squared error"]) < 0.01 < 0.99 < abs(pushes["cross-entropy"])
    assert format_number(pushes["cross-entropy"], 3) in view.describe()


CASES = {
    "surprise": (Surprise, lambda rng: rng.choice([0.0, 1.0, round(rng.uniform(0, 1), 2)])),
    "calibration": (Calibration, None),
    "gradients": (Gradients, None),
}


def random_setting(view, rng):
    """Return (control index, value) for a random move of one of the view's controls."""
    index = rng.randrange(len(view.controls))
    spec = view.controls[index]
    if spec["kind"] == "choice":
        return index, rng.choice(spec["options"])[1]
    steps = round((spec["max"] - spec["min"]) / spec["step"])
    return index, round(spec["min"] + rng.choice([0, steps, rng.randrange(steps + 1)]) * spec["step"], 10)


def apply(view, spec, value) -> None:
    if spec.get("index") is None:
        setattr(view, spec["key"], value)
    else:
        values = list(getattr(view, spec["key"]))
        values[spec["index"]] = value
        setattr(view, spec["key"], values)


@pytest.mark.parametrize("name", list(CASES))
def test_live_view_shows_ce_libs_numbers_and_draws_the_stored_picture(view_pages, name):
    cls, _ = CASES[name]
    view = cls()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert readout(element) == view.describe()
    rng = random.Random(name)
    for _ in range(30):
        index, value = random_setting(view, rng)
        spec = view.controls[index]
        if spec["kind"] == "choice":
            element.locator(f".ce-control input[value='{value}']").check()
        else:
            set_control(element, sum(1 for s in view.controls[:index] if s["kind"] != "choice"), value)
        apply(view, spec, value)
        assert readout(element) == view.describe()
    for width in (960, 640, 375):
        assert browser_drawing(page, view, width) == view.svg(width)
    assert page.errors == []
    page.close()


@pytest.mark.parametrize("name", list(CASES))
def test_stored_picture_reads_cleanly_with_the_controls_at_their_ends(view_pages, name):
    cls, _ = CASES[name]
    view = cls()
    page = view_pages.show(view)
    assert picture_problems(page, view.svg()) == []
    for spec in view.controls:
        ends = [value for _, value in spec["options"]] if spec["kind"] == "choice" else [spec["min"], spec["max"]]
        for end in ends:
            apply(view, spec, end)
            assert picture_problems(page, view.svg()) == [], (spec["key"], spec.get("index"), end)
            assert picture_problems(page, view.svg(375)) == [], (spec["key"], spec.get("index"), end, 375)
    page.close()
