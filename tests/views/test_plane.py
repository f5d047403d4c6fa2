"""The models' plane (notebooks 00-03): driven from Python, and live in Chromium against ce_lib.

What every view shares (names, keyboard, live readout, stored picture, a phone) is in test_every_view.py.
"""

import math
import random

import numpy as np
import pytest

import ce_lib
from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.views import ModelComparison

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
    assert view.label.startswith("Model A against model B")
    assert view.describe().startswith("Cross-entropy") and "model A: 4.78, model B: 1.196" in view.describe()
    assert "B is ahead" in view.describe()
    for point, value in enumerate(story.MODEL_B.probabilities, start=1):
        view.set_probability("A", point, value)
    assert "A and B are level" in view.describe()
    view.set_probability("A", 1, 0.99)
    assert "A is ahead" in view.describe()
    view.set_probability("B", 1, 0.0)
    assert "model B: ∞" in view.describe()


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


# In the browser ------------------------------------------------------------------------------


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
