"""The views that say why the name and why this loss: surprise (03), honest probabilities (05), the push (07).

Here, what each says: its readout is ce_lib's numbers in the catalogue's words. What every view
shares (in Chromium the live readout equals it for random control settings, the browser draws
exactly the stored picture, and no text of the picture overlaps another or runs off it, with the
controls at their ends too) is in test_every_view.py.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import ce_lib
from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.views import Calibration, Divergence, Gradients, Surprise


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


def test_the_doors_scored_with_the_wrong_probabilities():
    """Outcomes drawn from p, surprise measured with q: H(p, q) = H(p) + KL(p‖q), KL = 0 only at q = p."""
    view = Divergence("doors")
    doors = story.DOOR_PROBABILITIES
    own = [ce_lib.entropy([p, 1 - p]) for p in doors]
    assert [round(h, 3) for h in own] == [0.5, 0.611, 0.325]
    table = ce_lib.outcome_table(doors)
    expected_surprise = sum(row.probability * row.cross_entropy for row in table)
    assert view.decomposition()["entropy"] == pytest.approx(sum(own), rel=1e-12) == pytest.approx(expected_surprise)
    assert round(view.decomposition()["entropy"], 3) == 1.436
    parts = view.decomposition()
    assert parts["cross_entropy"] == pytest.approx(parts["entropy"] + parts["kl"], rel=1e-12) and parts["kl"] > 0
    scored_with_q = sum(
        row.probability * -math.log(math.prod(q if y else 1 - q for y, q in zip(row.labels, (0.5,) * 3, strict=True)))
        for row in table
    )
    assert parts["cross_entropy"] == pytest.approx(scored_with_q, rel=1e-12)
    view.weights = list(doors)
    assert view.decomposition()["kl"] == 0.0 and view.decomposition()["cross_entropy"] == pytest.approx(sum(own))
    view.set_weight(3, 0.0)  # a gift behind door 3 now happens, though q calls it impossible
    assert view.decomposition()["kl"] == math.inf and "∞" in view.describe()
