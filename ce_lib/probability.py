"""Steps 1 to 3 of the argument: the product, the sum of logs, and each point's error."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ce_lib._validation import as_unit_interval, log_base_divisor


def product_of_probabilities(p: ArrayLike) -> float:
    """Return the product of the probabilities, the model's probability of all the data.

    The product underflows honestly: 1100 factors of 0.5 give exactly 0.0 in float64.
    That is the first problem with the product, and the reason for the log trick.

    Parameters
    ----------
    p : array_like
        Probabilities in [0, 1], one per point (any shape).

    Returns
    -------
    float
        The product of all entries.

    Examples
    --------
    >>> round(product_of_probabilities([0.6, 0.2, 0.1, 0.7]), 10)
    0.0084
    >>> product_of_probabilities([0.5] * 1100)
    0.0
    """
    probabilities = as_unit_interval(p, "p")
    return float(np.prod(probabilities))


def sum_of_logs(p: ArrayLike, *, base: float | None = None) -> float:
    """Return the sum of the logs of the probabilities: log of the product, without the product.

    Exact where the product underflows: ``sum_of_logs([0.5] * 1100)`` is -762.46...,
    while the product is 0.0. A probability of 0 gives ``-inf``.

    Parameters
    ----------
    p : array_like
        Probabilities in [0, 1], one per point.
    base : float, optional
        Base of the logarithm; ``None`` (the default) means the natural log, 2 gives bits.

    Returns
    -------
    float
        The sum, always <= 0.

    Examples
    --------
    >>> round(sum_of_logs([0.6, 0.2, 0.1, 0.7]), 4)
    -4.7795
    >>> sum_of_logs([1.0, 1.0])
    0.0
    """
    probabilities = as_unit_interval(p, "p")
    divisor = log_base_divisor(base)
    with np.errstate(divide="ignore"):
        total = float(np.log(probabilities).sum())
    return total / divisor + 0.0


def point_errors(p: ArrayLike, *, base: float | None = None) -> np.ndarray:
    """Return each point's error, -log(p): big for a point the model gets wrong.

    Parameters
    ----------
    p : array_like
        The probability the model gives each point's true colour, in [0, 1].
    base : float, optional
        Base of the logarithm; ``None`` (the default) means the natural log.

    Returns
    -------
    numpy.ndarray
        Array of the same shape as ``p`` with values in [0, inf]; p = 0 gives inf.

    Examples
    --------
    >>> point_errors([0.2, 1.0, 0.0]).round(2)
    array([1.61, 0.  ,  inf])
    """
    probabilities = as_unit_interval(p, "p")
    divisor = log_base_divisor(base)
    with np.errstate(divide="ignore"):
        errors = -np.log(probabilities)
    if divisor != 1.0:
        errors /= divisor
    errors += 0.0
    return errors
