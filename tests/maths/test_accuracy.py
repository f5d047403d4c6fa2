"""Accuracy against 50-digit references: a few ulp across (0, 1), no lost digits near 0 or 1."""

import math

import numpy as np
import pytest

import ce_lib

from . import reference

RNG = np.random.default_rng(20261124)


def relative_error(got: float, want: float) -> float:
    return abs(got - want) / abs(want)


@pytest.mark.parametrize("exponent", range(-300, 0, 13))
def test_tiny_probabilities_keep_every_digit(exponent):
    p = 10.0**exponent
    assert relative_error(ce_lib.cross_entropy([0], [p]), reference.cross_entropy([0], [p])) < 4e-16
    assert relative_error(ce_lib.cross_entropy([1], [p]), reference.cross_entropy([1], [p])) < 4e-16


def test_naive_log_of_one_minus_p_would_lose_digits():
    """The reason for log1p: -ln(1 - 1e-12) computed naively is off in the fifth digit."""
    p = 1e-12
    naive = -math.log(1 - p)
    exact = reference.cross_entropy([0], [p])
    assert relative_error(naive, exact) > 1e-5
    assert relative_error(ce_lib.cross_entropy([0], [p]), exact) < 4e-16


def test_random_inputs_agree_with_the_reference_to_1e_12():
    for size in (1, 2, 7, 50, 200):
        y = RNG.random(size)
        y[: size // 2] = RNG.integers(0, 2, size // 2)
        p = RNG.random(size) ** RNG.uniform(0.2, 5)
        p = np.clip(p, 1e-300, 1 - 1e-16)
        want = reference.cross_entropy(y, p)
        assert relative_error(ce_lib.cross_entropy(y, p), want) < 1e-12
        assert relative_error(ce_lib.cross_entropy(y, p, reduction="mean"), want / size) < 1e-12


def test_per_point_terms_are_within_a_few_ulp():
    p = RNG.uniform(0, 1, 300)
    y = RNG.integers(0, 2, 300)
    terms = ce_lib.cross_entropy(y, p, reduction="none")
    for label, prob, term in zip(y, p, terms, strict=True):
        want = reference.cross_entropy([label], [prob])
        assert abs(term - want) <= 4 * math.ulp(want)


@pytest.mark.parametrize("logit", [-800.0, -40.0, -1.0, 0.0, 1e-10, 3.0, 40.0, 800.0])
def test_logits_agree_with_the_reference(logit):
    for label in (0.0, 0.3, 1.0):
        got = ce_lib.cross_entropy_from_logits([label], [logit])
        want = reference.cross_entropy_from_logits([label], [logit])
        assert math.isfinite(got)
        assert got == pytest.approx(want, rel=1e-14, abs=1e-300)


def test_kl_divergence_agrees_with_the_reference():
    for _ in range(50):
        p = RNG.dirichlet(np.ones(5))
        q = RNG.dirichlet(np.ones(5))
        assert ce_lib.kl_divergence(p, q) == pytest.approx(reference.kl_divergence(p, q), rel=1e-12)


def test_kl_divergence_when_q_is_near_p_keeps_its_digits():
    p = np.array([0.3, 0.7])
    q = np.array([0.3 + 1e-9, 0.7 - 1e-9])
    assert ce_lib.kl_divergence(p, q) == pytest.approx(reference.kl_divergence(p, q), rel=1e-6)


def test_kl_divergence_where_the_ratio_overflows_is_finite():
    p, q = [0.5, 0.5], [1e-320, 1 - 1e-320]
    assert ce_lib.kl_divergence(p, q) == pytest.approx(reference.kl_divergence(p, q), rel=1e-12)
