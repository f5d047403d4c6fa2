"""Properties that hold for every valid input (hypothesis draws the inputs)."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import ce_lib

settings.register_profile("ce_lib", max_examples=150, deadline=None, derandomize=True)
settings.load_profile("ce_lib")

probability = st.floats(0.0, 1.0)
open_probability = st.floats(1e-300, 1.0, exclude_max=True)
sizes = st.integers(1, 40)


@st.composite
def labels_and_probabilities(draw, prob=probability):
    size = draw(sizes)
    y = draw(arrays(np.float64, size, elements=probability))
    p = draw(arrays(np.float64, size, elements=prob))
    return y, p


@st.composite
def distribution_pairs(draw):
    size = draw(st.integers(1, 8))
    weights = draw(arrays(np.float64, (2, size), elements=st.floats(0.0, 10.0)))
    weights[:, 0] += 1e-3  # keep both sums positive
    return weights[0] / weights[0].sum(), weights[1] / weights[1].sum()


@given(labels_and_probabilities())
def test_cross_entropy_is_never_negative_nor_nan(pair):
    y, p = pair
    value = ce_lib.cross_entropy(y, p)
    assert value >= 0.0
    assert not math.isnan(value)


@given(arrays(np.float64, st.integers(1, 40), elements=st.floats(1e-3, 1.0)))
def test_cross_entropy_with_all_ones_is_minus_log_of_the_product(p):
    product = ce_lib.product_of_probabilities(p)
    assert product > 0.0
    assert math.isclose(ce_lib.cross_entropy(np.ones_like(p), p), -math.log(product), rel_tol=1e-12, abs_tol=1e-15)


@given(arrays(np.float64, st.integers(1, 40), elements=probability))
def test_point_errors_sum_to_minus_the_sum_of_logs(p):
    errors = ce_lib.point_errors(p)
    assert np.all(errors >= 0.0)
    total = ce_lib.sum_of_logs(p)
    if math.isinf(total):
        assert math.isinf(errors.sum())
    else:
        assert math.isclose(errors.sum(), -total, rel_tol=1e-12, abs_tol=1e-15)


@given(arrays(np.float64, st.integers(1, 8), elements=probability))
def test_door_probabilities_sum_to_one(p):
    table = ce_lib.outcome_table(p)
    assert len(table) == 2**p.size
    assert math.isclose(math.fsum(row.probability for row in table), 1.0, abs_tol=1e-12)
    smallest_normal = np.finfo(np.float64).tiny
    for row in table:
        if row.probability >= smallest_normal:
            assert math.isclose(row.cross_entropy, -math.log(row.probability), rel_tol=1e-12, abs_tol=1e-15)
        else:  # the probability underflowed (or lost digits); the cross-entropy did not
            assert row.cross_entropy >= -math.log(smallest_normal) * (1 - 1e-12)


@given(distribution_pairs())
def test_kl_is_never_negative_and_zero_against_itself(pair):
    p, q = pair
    assert ce_lib.kl_divergence(p, q) >= 0.0
    assert ce_lib.kl_divergence(p, p) == 0.0


@given(distribution_pairs())
def test_cross_entropy_is_entropy_plus_kl(pair):
    p, q = pair
    h_pq = ce_lib.general_cross_entropy(p, q)
    decomposed = ce_lib.entropy(p) + ce_lib.kl_divergence(p, q)
    if math.isinf(h_pq):
        assert math.isinf(decomposed)
    else:
        assert math.isclose(h_pq, decomposed, rel_tol=1e-9, abs_tol=1e-12)


@given(
    arrays(np.float64, st.integers(1, 20), elements=probability),
    arrays(np.float64, st.integers(1, 20), elements=st.floats(-700.0, 700.0)),
)
def test_from_logits_equals_the_probability_form_where_that_is_finite(y, z):
    y = np.resize(y, z.shape)
    p = ce_lib.sigmoid(z)
    direct = ce_lib.cross_entropy(y, p)
    stable = ce_lib.cross_entropy_from_logits(y, z)
    assert math.isfinite(stable)
    # Where sigmoid rounds p to 0 or 1 the probability form loses the tail; compare only
    # where every probability keeps real digits.
    if math.isfinite(direct) and np.all((p > 1e-6) & (p < 1 - 1e-6)):
        assert math.isclose(direct, stable, rel_tol=1e-9, abs_tol=1e-12)


garbage = st.one_of(
    st.none(),
    st.text(max_size=5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.complex_numbers(),
    st.lists(st.one_of(st.floats(), st.text(max_size=2), st.none(), st.booleans()), max_size=4),
    st.lists(st.lists(st.floats(-2, 2), max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.integers(-5, 5),
)


@given(garbage, garbage)
def test_garbage_raises_only_value_or_type_error(first, second):
    calls = [
        lambda: ce_lib.product_of_probabilities(first),
        lambda: ce_lib.sum_of_logs(first),
        lambda: ce_lib.point_errors(first),
        lambda: ce_lib.outcome_table(first),
        lambda: ce_lib.entropy(first),
        lambda: ce_lib.sigmoid(first),
        lambda: ce_lib.cross_entropy(first, second),
        lambda: ce_lib.cross_entropy_from_logits(first, second),
        lambda: ce_lib.kl_divergence(first, second),
        lambda: ce_lib.general_cross_entropy(first, second),
        lambda: ce_lib.softmax(first),
        lambda: ce_lib.log_softmax(first),
        lambda: ce_lib.categorical_cross_entropy(first, second),
        lambda: ce_lib.cross_entropy_from_class_logits(first, second),
    ]
    with np.errstate(all="raise"):  # a leaked RuntimeWarning would surface as FloatingPointError
        for call in calls:
            try:
                result = call()
            except (ValueError, TypeError):
                continue
            if isinstance(result, ce_lib.OutcomeTable):
                result = [value for row in result for value in (row.probability, row.cross_entropy)]
            assert not np.any(np.isnan(result))
