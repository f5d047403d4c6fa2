"""Many classes and lines: softmax, clipping rules, logits, level lines, gradients, gradient descent."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import ce_lib
from ce_lib.course import story
from ce_lib.frameworks import CLIPPING_RULES, clipped_cross_entropy, naive_cross_entropy_from_logits
from ce_lib.lines import (
    cross_entropy_gradient_logits,
    gradient_descent,
    level_line_crossing,
    line_cross_entropy,
    line_gradient,
    line_logits,
    line_loss_gradient,
    line_squared_error,
    line_weights,
    squared_error_gradient_logits,
    true_colour_probabilities,
)

POINTS, LABELS = np.array(story.POSITIONS), np.array(story.LABELS)
logits = arrays(np.float64, st.integers(1, 6), elements=st.floats(-700, 700))


@given(logits)
def test_softmax_is_a_distribution_and_its_log_is_stable(z):
    q = ce_lib.softmax(z)
    assert np.all(q >= 0) and math.isclose(q.sum(), 1.0, rel_tol=1e-12)
    assert np.all(np.isfinite(ce_lib.log_softmax(z)))
    for k in range(z.size):
        loss = ce_lib.cross_entropy_from_class_logits(k, z)
        assert math.isfinite(loss) and loss >= 0
        if q[k] > 1e-300:
            assert math.isclose(loss, -math.log(q[k]), rel_tol=1e-9, abs_tol=1e-12)


def test_one_hot_truth_reduces_the_general_formula_to_minus_log_q_true():
    q = [0.2, 0.7, 0.1]
    for k in range(3):
        one_hot = np.eye(3)[k]
        assert ce_lib.categorical_cross_entropy(k, q) == ce_lib.general_cross_entropy(one_hot, q)
        assert ce_lib.categorical_cross_entropy(k, q) == pytest.approx(-math.log(q[k]), rel=1e-15)


def test_clipping_rules_reproduce_each_library():
    eps = np.finfo(np.float64).eps
    assert CLIPPING_RULES["scikit-learn"].cap == pytest.approx(-math.log(eps)) == pytest.approx(36.04, abs=0.01)
    assert CLIPPING_RULES["PyTorch"].cap == 100.0
    assert CLIPPING_RULES["Keras"].cap == pytest.approx(16.12, abs=0.01)
    for library, rule in CLIPPING_RULES.items():
        # 1 - eps is rounded in float64, so the label-0 side matches the cap to 9 digits, not 15.
        assert clipped_cross_entropy([1, 0], [0.0, 1.0], library) == pytest.approx(2 * rule.cap, rel=1e-9)
        assert ce_lib.cross_entropy([1], [0.0]) == math.inf  # ce_lib itself never clips
        # Away from the edges every rule is the exact cross-entropy.
        assert clipped_cross_entropy([1, 0], [0.3, 0.4], library) == pytest.approx(
            ce_lib.cross_entropy([1, 0], [0.3, 0.4]), rel=1e-15
        )


def test_pytorch_clamps_the_log_not_the_probability():
    p = math.exp(-150)
    assert clipped_cross_entropy([1], [p], "PyTorch") == 100.0
    assert clipped_cross_entropy([1], [math.exp(-50)], "PyTorch") == pytest.approx(50.0, rel=1e-12)


def test_naive_sigmoid_then_log_overflows_where_the_stable_form_does_not():
    with np.errstate(all="raise"):
        for z in (37.0, 50.0, 800.0):
            assert naive_cross_entropy_from_logits([0], [z]) == math.inf
            assert ce_lib.cross_entropy_from_logits([0], [z]) == pytest.approx(z, rel=1e-15)
        assert naive_cross_entropy_from_logits([1], [-800.0]) == math.inf


@pytest.mark.parametrize("z", [-30.0, -3.0, -0.5, 0.0, 0.7, 4.0, 30.0])
@pytest.mark.parametrize("y", [0.0, 0.25, 1.0])
def test_gradient_with_respect_to_a_logit_is_p_minus_y(y, z):
    step = 1e-6
    numeric = (
        ce_lib.cross_entropy_from_logits([y], [z + step]) - ce_lib.cross_entropy_from_logits([y], [z - step])
    ) / (2 * step)
    analytic = cross_entropy_gradient_logits([y], [z])[0]
    assert analytic == pytest.approx(float(ce_lib.sigmoid([z])[0]) - y, abs=1e-15)
    assert numeric == pytest.approx(analytic, abs=1e-8)


@pytest.mark.parametrize("z", [-12.0, -3.0, -0.5, 0.0, 0.7, 4.0, 12.0])
@pytest.mark.parametrize("y", [0.0, 0.25, 1.0])
def test_squared_errors_gradient_is_p_minus_y_times_the_sigmoids_slope(y, z):
    def half_squared_error(logit: float) -> float:
        return 0.5 * (float(ce_lib.sigmoid([logit])[0]) - y) ** 2

    step = 1e-6
    numeric = (half_squared_error(z + step) - half_squared_error(z - step)) / (2 * step)
    analytic = squared_error_gradient_logits([y], [z])[0]
    p = float(ce_lib.sigmoid([z])[0])
    assert analytic == pytest.approx((p - y) * p * (1 - p), rel=1e-6)  # 1 − p itself loses digits near p = 1
    assert numeric == pytest.approx(analytic, abs=1e-9)


def test_a_confidently_wrong_point_gets_the_strongest_push_from_cross_entropy_and_almost_none_from_squared_error():
    wrong = np.array([-10.0, -6.0, -3.0])  # a red point (y = 1) given less and less
    cross = np.abs(cross_entropy_gradient_logits([1, 1, 1], wrong))
    squared = np.abs(squared_error_gradient_logits([1, 1, 1], wrong))
    assert (np.diff(cross) < 0).all() and cross[0] > 0.99  # the more wrong, the harder the push
    assert (np.diff(squared) > 0).all() and squared[0] < 1e-4  # the more wrong, the weaker


def test_accuracy_counts_calls_not_confidence():
    labels = [1, 1, 0, 0]
    assert ce_lib.accuracy(labels, [0.6, 0.2, 0.9, 0.3]) == 0.5
    assert ce_lib.accuracy(labels, [0.51, 0.51, 0.49, 0.49]) == ce_lib.accuracy(labels, [0.99, 0.99, 0.01, 0.01]) == 1.0
    for q in (0.5, 0.51, 0.7, 0.99):
        assert ce_lib.accuracy([0.7], [q]) == pytest.approx(0.7)
    assert ce_lib.accuracy([0.7], [0.3]) == pytest.approx(0.3)
    with pytest.raises(ValueError, match="threshold"):
        ce_lib.accuracy([1], [0.5], threshold=1.5)


def central_differences(loss, weights, h: float = 1e-6) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Return the gradient of ``loss`` at ``weights`` by central differences, one weight at a time."""
    return np.array([(loss(weights + h * e) - loss(weights - h * e)) / (2 * h) for e in np.eye(len(weights))])


def test_line_gradient_matches_finite_differences():
    weights = story.MODEL_A.line.weights()
    analytic = line_gradient(weights, POINTS, LABELS)
    numeric = central_differences(lambda w: line_cross_entropy(w, POINTS, LABELS), weights)
    assert numeric == pytest.approx(analytic, abs=1e-7)


def test_gradient_descent_moves_model_a_past_model_b():
    path = gradient_descent(
        story.MODEL_A.line.weights(),
        POINTS,
        LABELS,
        steps=story.DESCENT_STEPS,
        learning_rate=story.DESCENT_LEARNING_RATE,
    )
    assert path.weights.shape == (story.DESCENT_STEPS + 1, 3)
    assert np.all(np.diff(path.cross_entropies) < 0), "every step lowers the cross-entropy"
    assert path.cross_entropies[0] == pytest.approx(story.MODEL_A.cross_entropy(), rel=1e-12), "it starts at model A"
    assert path.cross_entropies[0] > story.MODEL_B.cross_entropy() > path.cross_entropies[-1], "and passes model B"
    start_errors = -np.log(true_colour_probabilities(path.weights[0], POINTS, LABELS))
    end_errors = -np.log(true_colour_probabilities(path.weights[-1], POINTS, LABELS))
    assert np.all(end_errors[1:3] < start_errors[1:3]), "the misclassified points' errors shrink"
    assert np.all(true_colour_probabilities(path.weights[-1], POINTS, LABELS) > 0.5), "every point on its side"


def test_line_weights_describe_model_a():
    weights = line_weights(180.0, -2.5, 1.0)
    assert weights == pytest.approx([-1.0, 0.0, 2.5], abs=1e-12)  # x1 = 2.5, red on the left
    assert true_colour_probabilities(weights, POINTS, LABELS) == pytest.approx(story.MODEL_A.probabilities, abs=1e-12)


def test_level_lines_cross_where_both_logits_hold():
    first, second = np.array([0.6, -0.8, 1.0]), np.array([2.0, 1.0, -3.0])
    point = level_line_crossing(first, second, 0.7, -1.2)
    assert line_logits(first, [point])[0] == pytest.approx(0.7, abs=1e-12)
    assert line_logits(second, [point])[0] == pytest.approx(-1.2, abs=1e-12)


@pytest.mark.parametrize(
    ("call", "error", "word"),
    [
        (lambda: ce_lib.categorical_cross_entropy(3, [0.5, 0.5]), ValueError, "true_class"),
        (lambda: ce_lib.categorical_cross_entropy(1.0, [0.5, 0.5]), TypeError, "true_class"),
        (lambda: ce_lib.categorical_cross_entropy(0, [0.5, 0.6]), ValueError, "sum to 1"),
        (lambda: ce_lib.softmax([1.0, float("inf")]), ValueError, "finite"),
        (lambda: ce_lib.softmax("abc"), TypeError, "text"),
        (lambda: clipped_cross_entropy([1], [0.5], "TensorFlow"), ValueError, "library"),
        (lambda: line_cross_entropy([1.0, 2.0], POINTS, LABELS), ValueError, "weights"),
        (lambda: line_cross_entropy([1.0, 2.0, 3.0], [1.0, 2.0], LABELS), ValueError, "points"),
        (lambda: gradient_descent([1.0, 0.0, 0.0], POINTS, LABELS, steps=-1, learning_rate=0.1), ValueError, "steps"),
        (
            lambda: gradient_descent([1.0, 0.0, 0.0], POINTS, LABELS, steps=5, learning_rate=0.0),
            ValueError,
            "learning_rate",
        ),
        (lambda: level_line_crossing([1.0, 0.0, 0.0], [2.0, 0.0, 1.0], 0.0, 1.0), ValueError, "parallel"),
        (
            lambda: gradient_descent([1.0, 0.0, 0.0], POINTS, LABELS, steps=3, learning_rate=0.1, loss="hinge"),
            ValueError,
            "loss must be one of",
        ),
        (lambda: ce_lib.logit([1.5]), ValueError, "[0, 1]"),
    ],
)
def test_bad_input_to_the_class_and_line_functions(call, error, word):
    with pytest.raises(error, match=word):
        call()


# A batch of examples, as every library takes them -------------------------------------------

SKLEARN_Y, SKLEARN_Q = [1, 0, 2], [[0.2, 0.7, 0.1], [0.6, 0.2, 0.2], [0.6, 0.1, 0.3]]


def test_a_batch_gives_scikit_learns_own_test_value():
    """scikit-learn's test_log_loss: y = [1, 0, 2] under these rows has mean log loss 0.6904911."""
    mean = ce_lib.categorical_cross_entropy(SKLEARN_Y, SKLEARN_Q, reduction="mean")
    assert mean == pytest.approx(0.6904911, abs=5e-8)


def test_a_batch_is_the_examples_one_by_one():
    each = [ce_lib.categorical_cross_entropy(k, row) for k, row in zip(SKLEARN_Y, SKLEARN_Q, strict=True)]
    per_example = ce_lib.categorical_cross_entropy(SKLEARN_Y, SKLEARN_Q, reduction="none")
    assert per_example.tolist() == each
    assert ce_lib.categorical_cross_entropy(SKLEARN_Y, SKLEARN_Q) == pytest.approx(sum(each), rel=1e-15)
    assert ce_lib.categorical_cross_entropy(SKLEARN_Y, SKLEARN_Q, base=2) == pytest.approx(sum(each) / math.log(2))
    logits = np.log(SKLEARN_Q)
    from_logits = ce_lib.cross_entropy_from_class_logits(SKLEARN_Y, logits, reduction="none")
    assert from_logits == pytest.approx(per_example, rel=1e-12)
    mean = ce_lib.cross_entropy_from_class_logits(SKLEARN_Y, logits, reduction="mean")
    assert mean == pytest.approx(0.6904911, abs=5e-8)


def test_one_example_still_gives_one_number():
    assert ce_lib.categorical_cross_entropy(1, [0.2, 0.7, 0.1]) == pytest.approx(-math.log(0.7), rel=1e-15)
    assert ce_lib.categorical_cross_entropy(1, [0.2, 0.7, 0.1], reduction="mean") == pytest.approx(-math.log(0.7))
    assert ce_lib.categorical_cross_entropy(2, [0.5, 0.5, 0.0]) == math.inf
    assert ce_lib.cross_entropy_from_class_logits(2, [0.0, 0.0, 0.0]) == pytest.approx(math.log(3))


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: ce_lib.categorical_cross_entropy([1, 0], SKLEARN_Q), ValueError, "one entry per example"),
        (lambda: ce_lib.categorical_cross_entropy(1, SKLEARN_Q), TypeError, "one class index per example"),
        (lambda: ce_lib.categorical_cross_entropy([1, 0, 3], SKLEARN_Q), ValueError, "true_class"),
        (lambda: ce_lib.categorical_cross_entropy([[1]], [[[0.5, 0.5]]]), ValueError, "1-D"),
        (lambda: ce_lib.categorical_cross_entropy([1, 0, 2], SKLEARN_Q, reduction="average"), ValueError, "reduction"),
        (lambda: ce_lib.cross_entropy_from_class_logits([0, 1.5], [[0, 0], [0, 0]]), TypeError, "whole number"),
    ],
)
def test_a_bad_batch_is_refused_with_its_reason(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_a_path_that_never_gets_below_a_level_says_so():
    path = gradient_descent([1.0, 0.0, 0.0], POINTS, LABELS, steps=3, learning_rate=0.1)
    assert path.first_step_below(0.0) is None
    assert path.first_step_below(math.inf) == 0


def test_squared_error_descent_lowers_its_own_loss_and_follows_its_gradient():
    start = story.MODEL_A.line.weights()
    path = gradient_descent(start, POINTS, LABELS, steps=40, learning_rate=0.05, loss="squared error")
    assert path.loss == "squared error" and (np.diff(path.losses) < 0).all()
    analytic = line_loss_gradient(start, POINTS, LABELS, "squared error")
    numeric = central_differences(lambda w: line_squared_error(w, POINTS, LABELS), start)
    assert numeric == pytest.approx(analytic, abs=1e-8)
    assert (path.weights[1] == start - 0.05 * analytic).all()


def test_from_model_a_squared_error_is_far_slower_to_beat_model_b_than_cross_entropy():
    """Notebook 07's story: at one rate, cross-entropy's descent beats B at step 76, squared error's not in 200."""
    assert story.first_step_below_model_b() == 76
    assert story.first_step_below_model_b("squared error") is None
    assert story.model_b_loss("squared error") == pytest.approx(0.15)
    longer = gradient_descent(
        story.MODEL_A.line.weights(), POINTS, LABELS, steps=600, learning_rate=0.05, loss="squared error"
    )
    assert 200 < longer.first_step_below(story.model_b_loss("squared error")) < 600
