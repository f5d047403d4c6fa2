"""Input validation shared by every public function of :mod:`ce_lib`.

Each helper turns what a learner passes (a list, a tuple, a NumPy array, a plain
number) into a float64 NumPy array, or raises :class:`TypeError` (not numbers) or
:class:`ValueError` (numbers that are not allowed) with a message that names the
argument, says what is wrong and says what is allowed.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import numpy as np

REDUCTIONS = ("sum", "mean", "none")
DISTRIBUTION_TOLERANCE = 1e-9


def as_real_array(value: Any, name: str) -> np.ndarray:
    """Return ``value`` as a non-empty, finite float64 array.

    Raises ``TypeError`` for anything that is not made of real numbers (strings,
    ``None``, complex numbers, objects) and ``ValueError`` for ragged or empty
    input and for nan or inf.
    """
    if value is None:
        raise TypeError(f"{name} must be numbers (a list, tuple or NumPy array), got None")
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be numbers, got the text {value!r}")
    try:
        array = np.asarray(value)
    except ValueError:  # ragged nested lists
        raise ValueError(
            f"{name} must be a rectangular array of numbers, but its rows have different lengths"
        ) from None
    if array.dtype == object:
        array = _object_array_to_float(array, name)
    elif array.dtype.kind == "c":
        raise TypeError(f"{name} must be real numbers, got complex numbers")
    elif array.dtype.kind in "US":
        items = array.ravel().tolist()
        text = next((item for item in items if not _is_number_text(item)), items[0])
        raise TypeError(f"{name} must be numbers, but it contains the text {text!r}")
    elif array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be numbers, got values of type {array.dtype}")
    array = array.astype(np.float64, copy=False)
    if array.size == 0:
        raise ValueError(f"{name} is empty; give at least one value")
    return array


def _is_number_text(item: str | bytes) -> bool:
    """Tell whether numpy turned a number into text because it sat beside a string."""
    try:
        float(item)
    except ValueError:
        return False
    return True


def _object_array_to_float(array: np.ndarray, name: str) -> np.ndarray:
    """Convert an object array of real numbers (e.g. ``Fraction``) to float64."""
    flat = array.ravel()
    for item in flat:
        if isinstance(item, (list, tuple, np.ndarray)):
            raise ValueError(f"{name} must be a rectangular array of numbers, but its rows have different lengths")
        if not isinstance(item, numbers.Real) or isinstance(item, (str, bytes)):
            raise TypeError(f"{name} must be numbers, but it contains {item!r}")
    return np.array([float(item) for item in flat], dtype=np.float64).reshape(array.shape)


def as_unit_interval(value: Any, name: str, what: str = "probabilities") -> np.ndarray:
    """Return ``value`` as a float64 array whose entries all lie in [0, 1].

    Parameters
    ----------
    value : array_like
        The learner's input.
    name : str
        The argument's name, used in error messages.
    what : str
        What the values are ("probabilities", "labels"), used in error messages.
    """
    return as_unit_interval_with_bounds(value, name, what)[0]


def as_unit_interval_with_bounds(value: Any, name: str, what: str = "probabilities") -> tuple[np.ndarray, float, float]:
    """Like :func:`as_unit_interval`, and also return the smallest and largest entry.

    The bounds come free with the check; a caller can use them to take a fast path
    when no entry is exactly 0 or 1.
    """
    array = as_real_array(value, name)
    # min/max are fast and propagate nan, so one comparison catches nan, inf and range.
    low, high = float(array.min()), float(array.max())
    if not (low >= 0.0 and high <= 1.0):
        _raise_outside_unit_interval(array, name, what)
    return array, low, high


def _raise_outside_unit_interval(array: np.ndarray, name: str, what: str) -> None:
    flat = array.ravel()
    if np.isnan(flat).any():
        index = int(np.flatnonzero(np.isnan(flat))[0])
        raise ValueError(f"{name} contains nan at position {index}; {what} must be numbers in [0, 1]")
    bad = np.flatnonzero((flat < 0.0) | (flat > 1.0))
    index = int(bad[0])
    raise ValueError(
        f"{name} must be {what} in [0, 1], but {name}[{index}] = {float(flat[index])!r}"
        + (f" ({bad.size} values are outside [0, 1])" if bad.size > 1 else "")
    )


def as_finite(value: Any, name: str) -> np.ndarray:
    """Return ``value`` as a float64 array of finite numbers (e.g. logits)."""
    array = as_real_array(value, name)
    if not np.isfinite(array).all():
        index = int(np.flatnonzero(~np.isfinite(array.ravel()))[0])
        raise ValueError(
            f"{name} must be finite numbers, but {name}[{index}] = {float(array.ravel()[index])!r}; "
            "for probabilities of exactly 0 or 1 use cross_entropy on probabilities"
        )
    return array


def as_distribution(value: Any, name: str) -> np.ndarray:
    """Return ``value`` as a float64 array of discrete distributions along the last axis.

    Every entry must be in [0, 1] and every distribution must sum to 1 (within
    ``DISTRIBUTION_TOLERANCE``).
    """
    array = as_unit_interval(value, name, what="probabilities of a distribution")
    totals = np.atleast_1d(array.sum(axis=-1))
    off = np.flatnonzero(np.abs(totals - 1.0) > DISTRIBUTION_TOLERANCE)
    if off.size:
        where = "" if array.ndim == 1 else f" (row {int(off[0])})"
        raise ValueError(
            f"{name} must sum to 1 along its last axis, but it sums to {float(totals[off[0]])!r}{where}; "
            f"divide by its sum to normalise it"
        )
    return array


def as_distribution_pair(p: Any, q: Any) -> tuple[np.ndarray, np.ndarray]:
    """Return the truth ``p`` and the prediction ``q`` as distributions of one shape."""
    truth, prediction = as_distribution(p, "p"), as_distribution(q, "q")
    check_same_shape(truth, prediction, ("p", "q"))
    return truth, prediction


def check_same_shape(first: np.ndarray, second: np.ndarray, names: tuple[str, str]) -> None:
    """Raise ``ValueError`` unless the two arrays have the same shape."""
    if first.shape != second.shape:
        raise ValueError(
            f"{names[0]} and {names[1]} must have the same shape, but {names[0]} has shape "
            f"{first.shape} and {names[1]} has shape {second.shape}"
        )


def check_reduction(reduction: Any) -> str:
    """Return ``reduction`` if it is one of ``"sum"``, ``"mean"``, ``"none"``."""
    if not isinstance(reduction, str):
        raise TypeError(f"reduction must be one of {REDUCTIONS}, got {reduction!r}")
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {REDUCTIONS}, got {reduction!r}")
    return reduction


def log_base_divisor(base: Any) -> float:
    """Return ln(base), the number a natural-log result is divided by (1.0 for ``None``)."""
    if base is None:
        return 1.0
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        raise TypeError(f"base must be a positive number other than 1 (e.g. 2 for bits), got {base!r}")
    base = float(base)
    if not (math.isfinite(base) and base > 0.0 and base != 1.0):
        raise ValueError(f"base must be a positive number other than 1 (e.g. 2 for bits), got {base!r}")
    return math.log(base)


def check_class_index(index: Any, classes: int) -> int:
    """Return ``index`` if it is a whole number naming one of ``classes`` classes."""
    if isinstance(index, bool) or not isinstance(index, numbers.Integral):
        raise TypeError(f"true_class must be a whole number (a class index), got {index!r}")
    if classes < 1:
        raise ValueError("q must hold at least one class probability")
    if not 0 <= index < classes:
        raise ValueError(f"true_class must be between 0 and {classes - 1}, got {index}")
    return int(index)
