"""The curriculum's worked numbers, each computed by ce_lib and by an independent route."""

import itertools
import math

import numpy as np
import pytest

import ce_lib
from ce_lib.course import story


def test_model_products_match_the_curriculum():
    assert ce_lib.product_of_probabilities(story.MODEL_A.probabilities) == pytest.approx(0.0084, rel=1e-14)
    assert ce_lib.product_of_probabilities(story.MODEL_B.probabilities) == pytest.approx(0.3024, rel=1e-14)


def test_model_cross_entropies_are_minus_log_of_the_products():
    ones = np.ones(4)
    assert ce_lib.cross_entropy(ones, story.MODEL_A.probabilities) == pytest.approx(-math.log(0.0084), rel=1e-15)
    assert ce_lib.cross_entropy(ones, story.MODEL_B.probabilities) == pytest.approx(-math.log(0.3024), rel=1e-15)
    assert round(ce_lib.cross_entropy(ones, story.MODEL_A.probabilities), 4) == 4.7795
    assert round(ce_lib.cross_entropy(ones, story.MODEL_B.probabilities), 4) == 1.1960


def test_point_errors_are_the_curriculum_terms():
    assert ce_lib.point_errors(story.MODEL_A.probabilities).round(2).tolist() == [0.51, 1.61, 2.30, 0.36]
    assert ce_lib.point_errors(story.MODEL_B.probabilities).round(2).tolist() == [0.36, 0.11, 0.22, 0.51]


def test_sum_of_logs_is_log_of_product_and_negative():
    total = ce_lib.sum_of_logs(story.MODEL_A.probabilities)
    assert total == pytest.approx(math.log(0.0084), rel=1e-15)
    assert total < 0


def test_product_of_1100_halves_underflows_but_the_log_sum_does_not():
    halves = [0.5] * 1100
    assert ce_lib.product_of_probabilities(halves) == 0.0
    assert ce_lib.product_of_probabilities([0.5] * 1074) > 0.0
    assert ce_lib.product_of_probabilities([0.5] * 1075) == 0.0
    assert ce_lib.sum_of_logs(halves) == pytest.approx(1100 * math.log(0.5), rel=1e-14)


def test_door_table_matches_the_curriculum():
    table = ce_lib.outcome_table(story.DOOR_PROBABILITIES)
    assert [row.labels for row in table] == list(itertools.product([1, 0], repeat=3))
    assert table.most_likely().labels == (1, 1, 0)
    assert table.most_likely().probability == pytest.approx(0.504, rel=1e-14)
    assert table.least_likely().labels == (0, 0, 1)
    assert table.least_likely().probability == pytest.approx(0.006, rel=1e-12)
    assert math.fsum(row.probability for row in table) == pytest.approx(1.0, abs=1e-15)
    for row in table:
        assert row.cross_entropy == pytest.approx(-math.log(row.probability), rel=1e-14)
    ordered = sorted(table, key=lambda row: row.probability)
    assert [row.cross_entropy for row in ordered] == sorted((row.cross_entropy for row in table), reverse=True)


def test_grader_value():
    value = ce_lib.cross_entropy(story.GRADER_LABELS, story.GRADER_PROBABILITIES)
    assert value == pytest.approx(4.8283137373, abs=1e-10)
    assert value == pytest.approx(-math.log(0.4 * 0.4 * 0.1 * 0.5), rel=1e-15)


def test_boundaries_are_exact():
    assert ce_lib.cross_entropy([1, 0], [1.0, 0.0]) == 0.0
    assert ce_lib.cross_entropy([1], [0.0]) == math.inf
    assert ce_lib.cross_entropy([0], [1.0]) == math.inf
    assert ce_lib.point_errors([1.0, 0.0]).tolist() == [0.0, math.inf]
    assert ce_lib.sum_of_logs([0.0, 0.5]) == -math.inf
    assert ce_lib.product_of_probabilities([0.0, 0.5]) == 0.0
    assert math.copysign(1.0, ce_lib.cross_entropy([1], [1.0])) == 1.0  # +0.0, not -0.0
    assert ce_lib.entropy([1.0, 0.0]) == 0.0
    assert ce_lib.general_cross_entropy([1.0, 0.0], [0.0, 1.0]) == math.inf
    assert ce_lib.kl_divergence([1.0, 0.0], [0.0, 1.0]) == math.inf
    assert ce_lib.kl_divergence([1.0, 0.0], [1.0, 0.0]) == 0.0


def test_boundaries_raise_no_warning():
    with np.errstate(all="raise"):
        ce_lib.cross_entropy([1, 0, 1, 0.5], [0.0, 1.0, 1.0, 0.0], reduction="none")
        ce_lib.point_errors([0.0])
        ce_lib.sum_of_logs([0.0])
        ce_lib.kl_divergence([0.5, 0.5], [1.0, 0.0])
        ce_lib.general_cross_entropy([0.5, 0.5], [1.0, 0.0])
        ce_lib.entropy([[1.0, 0.0], [0.5, 0.5]])
        ce_lib.cross_entropy_from_logits([1, 0], [-800.0, 800.0])
        ce_lib.sigmoid([-800.0, 800.0])


def test_reductions_and_bits():
    y, p = [1, 0, 1], [0.9, 0.2, 0.5]
    per_point = ce_lib.cross_entropy(y, p, reduction="none")
    assert per_point.shape == (3,)
    assert ce_lib.cross_entropy(y, p) == pytest.approx(math.fsum(per_point), rel=1e-15)
    assert ce_lib.cross_entropy(y, p, reduction="mean") == pytest.approx(math.fsum(per_point) / 3, rel=1e-15)
    assert ce_lib.cross_entropy([1], [0.5], base=2) == 1.0
    assert ce_lib.entropy([0.25] * 4, base=2) == 2.0
    assert ce_lib.sum_of_logs([0.5, 0.25], base=2) == -3.0


def test_soft_labels_and_scalars():
    assert ce_lib.cross_entropy(0.5, 0.5) == pytest.approx(math.log(2), rel=1e-15)
    assert ce_lib.cross_entropy([0.3], [0.6]) == pytest.approx(-(0.3 * math.log(0.6) + 0.7 * math.log(0.4)), rel=1e-15)


def test_logits_are_finite_far_out():
    assert ce_lib.cross_entropy_from_logits([1, 0], [-800.0, 800.0]) == 1600.0
    assert ce_lib.cross_entropy_from_logits([1, 0], [800.0, -800.0]) == 0.0
    assert ce_lib.cross_entropy_from_logits([1], [40.0]) == pytest.approx(math.exp(-40.0), rel=1e-15)
    assert ce_lib.sigmoid([0.0]).tolist() == [0.5]


def test_batches_of_distributions():
    p = [[0.5, 0.5], [1.0, 0.0]]
    q = [[0.9, 0.1], [0.5, 0.5]]
    batch = ce_lib.general_cross_entropy(p, q)
    assert batch.shape == (2,)
    for row in range(2):
        assert batch[row] == ce_lib.general_cross_entropy(p[row], q[row])


def test_outcome_table_has_two_to_the_n_rows_and_is_read_only():
    table = ce_lib.outcome_table([0.5])
    assert len(table) == 2 and table[0].labels == (1,) and table[1].labels == (0,)
    with pytest.raises(AttributeError):
        table[0].probability = 1.0  # type: ignore[misc]


def test_perplexity_is_the_effective_number_of_equal_choices():
    assert ce_lib.perplexity(math.log(2)) == pytest.approx(2.0, rel=1e-15)  # a coin flip
    assert ce_lib.perplexity(ce_lib.cross_entropy_from_class_logits(0, [0.0, 0.0, 0.0])) == pytest.approx(3.0)
    b_mean = ce_lib.cross_entropy(np.ones(4), story.MODEL_B.probabilities, reduction="mean")
    a_mean = ce_lib.cross_entropy(np.ones(4), story.MODEL_A.probabilities, reduction="mean")
    assert round(ce_lib.perplexity(b_mean), 2) == 1.35 and round(ce_lib.perplexity(a_mean), 2) == 3.30
    assert ce_lib.perplexity(0.0) == 1.0 and ce_lib.perplexity(math.inf) == math.inf
    assert ce_lib.perplexity([1.0, 2.0], base=2).tolist() == [2.0, 4.0]
