"""One return type per reduction, whichever function computes it."""

import numpy as np
import pytest

import ce_lib


@pytest.mark.parametrize(
    "call",
    [
        lambda reduction: ce_lib.cross_entropy(0.5, 0.3, reduction=reduction),
        lambda reduction: ce_lib.cross_entropy(1.0, 0.0, reduction=reduction),  # the masked path
        lambda reduction: ce_lib.cross_entropy_from_logits(1.0, 0.4, reduction=reduction),
    ],
)
def test_none_gives_a_0d_array_and_sum_a_float_for_scalar_input(call):
    per_point = call("none")
    assert type(per_point) is np.ndarray and per_point.shape == () and per_point.dtype == np.float64
    assert type(call("sum")) is float and type(call("mean")) is float
    assert float(per_point) == call("sum")


def test_none_keeps_the_shape_and_never_returns_minus_zero():
    per_point = ce_lib.cross_entropy([[1.0, 0.0]], [[1.0, 0.0]], reduction="none")
    assert per_point.shape == (1, 2)
    assert np.all(np.signbit(per_point) == False)  # noqa: E712
