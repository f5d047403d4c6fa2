"""The one story: one data set, one model A, one model B, and the geometry that makes them agree."""

import math

import numpy as np
import pytest

import ce_lib
from ce_lib.course import story
from ce_lib.lines import gradient_descent, line_cross_entropy, true_colour_probabilities


@pytest.mark.parametrize("model", story.MODELS, ids=lambda m: m.name)
def test_each_line_gives_the_articles_probabilities_to_1e_12(model):
    given = true_colour_probabilities(model.line.weights(), story.POSITIONS, story.LABELS)
    assert np.max(np.abs(given - np.array(model.probabilities))) < 1e-12


def test_the_articles_numbers():
    assert story.MODEL_A.probabilities == (0.6, 0.2, 0.1, 0.7)
    assert story.MODEL_B.probabilities == (0.7, 0.9, 0.8, 0.6)
    assert story.MODEL_A.cross_entropy() == pytest.approx(-math.log(0.0084), rel=1e-15)
    assert story.MODEL_B.cross_entropy() == pytest.approx(-math.log(0.3024), rel=1e-15)
    assert story.DOOR_PROBABILITIES == (0.8, 0.7, 0.1)


def test_model_a_is_one_line_with_one_cross_entropy_everywhere():
    """The article's numbers, the line's own probabilities and the descent's start agree on 4.78."""
    weights = story.MODEL_A.line.weights()
    from_line = line_cross_entropy(weights, story.POSITIONS, story.LABELS)
    path = gradient_descent(weights, story.POSITIONS, story.LABELS, steps=1, learning_rate=story.DESCENT_LEARNING_RATE)
    assert from_line == pytest.approx(story.MODEL_A.cross_entropy(), rel=1e-12)
    assert path.cross_entropies[0] == pytest.approx(story.MODEL_A.cross_entropy(), rel=1e-12)
    assert f"{from_line:.2f}" == "4.78"


def test_the_curriculums_geometry():
    assert story.MODEL_A.line == story.Line(180.0, -2.5, 1.0)  # x1 = 2.5, red on the left
    assert story.MODEL_B.line == story.Line(90.0, 1.8, 1.0)  # x2 = 1.8, red above
    expected = [(2.095, 2.647), (3.886, 3.997), (0.303, 0.414), (3.347, 1.395)]
    assert np.round(story.POSITIONS, 3).tolist() == [list(p) for p in expected]


def test_points_are_two_red_then_two_blue_inside_the_plane():
    assert [p.colour for p in story.POINTS] == ["red", "red", "blue", "blue"]
    assert story.LABELS == (1, 1, 0, 0)
    (x0, x1), (y0, y1) = story.PLANE_LIMITS
    for x, y in story.POSITIONS:
        assert x0 < x < x1 and y0 < y < y1


def test_red_logits_match_the_probabilities_of_red():
    for model in story.MODELS:
        p_red = [p if c == story.RED else 1 - p for p, c in zip(model.probabilities, story.COLOURS, strict=True)]
        assert ce_lib.sigmoid(story.red_logits(model.line)) == pytest.approx(p_red, abs=1e-12)


def test_descent_starts_at_model_a_and_passes_model_b():
    path = gradient_descent(story.MODEL_A.line.weights(), story.POSITIONS, story.LABELS,
                            steps=story.DESCENT_STEPS, learning_rate=story.DESCENT_LEARNING_RATE)  # fmt: skip
    passed = np.flatnonzero(path.cross_entropies < story.MODEL_B.cross_entropy())
    assert passed.size and 0 < passed[0] < story.DESCENT_STEPS


def test_the_step_that_beats_model_b_is_found_once_against_model_bs_line():
    """One answer, for the view and the exercises: the descent's cross-entropy against model B's line's."""
    losses = story.descent().cross_entropies
    model_b = line_cross_entropy(story.MODEL_B.line.weights(), story.POSITIONS, story.LABELS)
    step = story.first_step_below_model_b()
    assert losses[step] < model_b <= losses[step - 1]
    assert all(loss >= model_b for loss in losses[:step])
    # The article's 1.196 (from B's probabilities) is the same number to 1e-12, so it gives the same step.
    assert model_b == pytest.approx(story.MODEL_B.cross_entropy(), abs=1e-12)
    assert np.flatnonzero(losses < story.MODEL_B.cross_entropy())[0] == step


def test_the_coin_flip_baseline_is_ln_2_per_point():
    assert ce_lib.cross_entropy([1] * 4, [0.5] * 4, reduction="mean") == pytest.approx(story.COIN_FLIP_PER_POINT)
