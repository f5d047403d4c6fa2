"""Step 5 of the argument: binary cross-entropy, -sum[y ln p + (1 - y) ln(1 - p)]."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ce_lib._reduce import reduce_terms
from ce_lib._validation import (
    as_unit_interval,
    as_unit_interval_with_bounds,
    check_reduction,
    check_same_shape,
    log_base_divisor,
)


def log_likelihood_terms(labels: np.ndarray, probabilities: np.ndarray, *, interior: bool = False) -> np.ndarray:
    """Return y ln p + (1 - y) ln(1 - p) per point, with every zero-weight term exactly 0.

    Inputs must already be validated float64 arrays of one shape. A term whose weight
    is 0 is never evaluated, so 0 * ln 0 is 0 (not nan), and ln(1 - p) uses log1p, exact
    for tiny p. With ``interior=True`` the caller promises 0 < p < 1 everywhere: both logs
    are then finite, no term needs masking, and the work is done in place (as fast as
    the plain NumPy expression).
    """
    if interior:
        positive = np.log(probabilities, out=np.empty_like(probabilities))  # out=: stays an array when 0-d
        positive *= labels
        negative = np.negative(probabilities, out=np.empty_like(probabilities))
        np.log1p(negative, out=negative)
        negative *= np.subtract(1.0, labels)
        positive += negative
        return positive
    with np.errstate(divide="ignore"):  # ln 0 = -inf is the exact answer, not a warning
        positive = np.log(probabilities, out=np.zeros_like(probabilities), where=labels != 0.0)
        negative = np.log1p(-probabilities, out=np.zeros_like(probabilities), where=labels != 1.0)
    positive *= labels
    negative *= 1.0 - labels
    positive += negative
    return positive


def cross_entropy(
    y: ArrayLike,
    p: ArrayLike,
    *,
    reduction: str = "sum",
    base: float | None = None,
) -> float | np.ndarray:
    """Return the binary cross-entropy of labels ``y`` under predicted probabilities ``p``.

    CE = -sum_i [ y_i ln(p_i) + (1 - y_i) ln(1 - p_i) ]

    Exact at the boundaries: a term whose weight is 0 contributes 0 (y = 1, p = 1 gives
    0), and a confident wrong answer (y = 1, p = 0) gives inf, never nan and never a
    silently clipped number.

    Parameters
    ----------
    y : array_like
        True labels in [0, 1]: 1 for the positive class (red, gift), 0 for the other;
        soft labels in between are allowed.
    p : array_like
        Predicted probability of the positive class, in [0, 1], same shape as ``y``.
    reduction : {"sum", "mean", "none"}, default "sum"
        ``"sum"`` is the article's total, ``"mean"`` the per-point average most
        libraries report, ``"none"`` returns each point's term.
    base : float, optional
        Base of the logarithm; ``None`` (the default) means the natural log, 2 gives bits.

    Returns
    -------
    float or numpy.ndarray
        A float for ``"sum"`` and ``"mean"``, an array shaped like ``y`` for ``"none"``.

    Examples
    --------
    >>> round(cross_entropy([1, 0, 1, 1], [0.4, 0.6, 0.1, 0.5]), 10)
    4.8283137373
    >>> cross_entropy([1, 0], [1.0, 0.0])
    0.0
    >>> cross_entropy([1], [0.0])
    inf
    """
    labels = as_unit_interval(y, "y", what="labels")
    probabilities, low, high = as_unit_interval_with_bounds(p, "p")
    check_same_shape(labels, probabilities, ("y", "p"))
    reduction = check_reduction(reduction)
    divisor = log_base_divisor(base)
    terms = log_likelihood_terms(labels, probabilities, interior=0.0 < low and high < 1.0)
    np.negative(terms, out=terms)
    return reduce_terms(terms, reduction, divisor)


def accuracy(y: ArrayLike, p: ArrayLike, *, threshold: float = 0.5) -> float:
    """Return the share of points classified right: called positive when p ≥ ``threshold``, negative below.

    Accuracy ignores how confident the model is: p = 0.51 and p = 0.99 count the same. A soft
    label y (a fraction of look-alike points that are positive) counts as that fraction right
    when the point is called positive, and the rest when it is called negative.

    Parameters
    ----------
    y : array_like
        Labels in [0, 1].
    p : array_like
        Predicted probabilities of the positive class, same shape as ``y``.
    threshold : float, default 0.5
        Where the call switches to positive.

    Examples
    --------
    >>> accuracy([1, 1, 0, 0], [0.6, 0.2, 0.9, 0.3])  # model A's points by colour: 2 of 4
    0.5
    >>> accuracy([0.7], [0.99]), accuracy([0.7], [0.51])  # 70 % red look-alikes, called red either way
    (0.7, 0.7)
    """
    labels = as_unit_interval(y, "y", what="labels")
    probabilities = as_unit_interval(p, "p")
    check_same_shape(labels, probabilities, ("y", "p"))
    cut = float(as_unit_interval([threshold], "threshold", what="a probability")[0])
    right = np.where(probabilities >= cut, labels, 1.0 - labels)
    return float(right.mean()) + 0.0
