"""Cross-entropy from logits: the stable form frameworks use, and the sigmoid."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ce_lib._reduce import reduce_terms
from ce_lib._validation import (
    as_finite,
    as_unit_interval,
    check_reduction,
    check_same_shape,
    log_base_divisor,
)


def sigmoid(z: ArrayLike) -> np.ndarray:
    """Return the logistic sigmoid 1 / (1 + e^-z), without overflow for any finite z.

    Parameters
    ----------
    z : array_like
        Logits (finite real numbers).

    Returns
    -------
    numpy.ndarray
        Probabilities in [0, 1], same shape as ``z``.

    Examples
    --------
    >>> sigmoid([0.0, 800.0, -800.0])
    array([0.5, 1. , 0. ])
    """
    logits = as_finite(z, "z")
    with np.errstate(under="ignore"):  # e^-800 rounds to 0: the exact float answer
        decay = np.exp(-np.abs(logits))  # in [0, 1]: never overflows
    return np.where(logits >= 0.0, 1.0 / (1.0 + decay), decay / (1.0 + decay))


def logit(p: ArrayLike) -> np.ndarray:
    """Return the logit ln(p / (1 - p)), the inverse of the sigmoid: exact at 0 and 1 (-inf, inf).

    A model that gives a point probability p of red gives it this logit; on a line, a logit
    is the signed distance to the line times the line's sharpness.

    Parameters
    ----------
    p : array_like
        Probabilities in [0, 1].

    Returns
    -------
    numpy.ndarray
        Logits, same shape as ``p``: 0 at p = 0.5, -inf at p = 0, inf at p = 1.

    Examples
    --------
    >>> logit([0.5, 0.9, 0.0, 1.0]).round(4).tolist()
    [0.0, 2.1972, -inf, inf]
    """
    probabilities = as_unit_interval(p, "p")
    with np.errstate(divide="ignore"):  # ln 0 = -inf is the exact answer at p = 0 or 1
        return np.log(probabilities) - np.log1p(-probabilities) + 0.0


def softplus_pair(logits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (softplus(z), softplus(-z)) = (-ln(1 - sigmoid(z)), -ln(sigmoid(z))), stably.

    Uses softplus(x) = max(x, 0) + log1p(exp(-|x|)), finite and accurate for any finite z.
    """
    with np.errstate(under="ignore"):
        shared = np.log1p(np.exp(-np.abs(logits)))
    return np.maximum(logits, 0.0) + shared, np.maximum(-logits, 0.0) + shared


def cross_entropy_from_logits(
    y: ArrayLike,
    z: ArrayLike,
    *,
    reduction: str = "sum",
    base: float | None = None,
) -> float | np.ndarray:
    """Return ``cross_entropy(y, sigmoid(z))``, computed stably from the logits ``z``.

    Each term is y * softplus(-z) + (1 - y) * softplus(z): finite and accurate for any
    finite z (e.g. z = +-800), where sigmoid-then-log would give inf or lose every digit.

    Parameters
    ----------
    y : array_like
        True labels in [0, 1] (soft labels allowed).
    z : array_like
        Logits, finite real numbers, same shape as ``y``.
    reduction : {"sum", "mean", "none"}, default "sum"
        How to combine the per-point terms.
    base : float, optional
        Base of the logarithm; ``None`` (the default) means the natural log.

    Returns
    -------
    float or numpy.ndarray
        A float for ``"sum"`` and ``"mean"``, an array shaped like ``y`` for ``"none"``.

    Examples
    --------
    >>> cross_entropy_from_logits([1, 0], [-800.0, 800.0])
    1600.0
    >>> round(cross_entropy_from_logits([1], [0.0]), 6)
    0.693147
    """
    labels = as_unit_interval(y, "y", what="labels")
    logits = as_finite(z, "z")
    check_same_shape(labels, logits, ("y", "z"))
    reduction = check_reduction(reduction)
    divisor = log_base_divisor(base)
    softplus_z, softplus_minus_z = softplus_pair(logits)
    terms = labels * softplus_minus_z + (1.0 - labels) * softplus_z
    return reduce_terms(terms, reduction, divisor)
