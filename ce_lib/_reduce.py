"""Turn per-point terms into the number a function returns (sum, mean or per point)."""

from __future__ import annotations

import numpy as np


def reduce_terms(terms: np.ndarray, reduction: str, divisor: float) -> float | np.ndarray:
    """Apply ``reduction`` to per-point terms and convert to the requested log base.

    ``"none"`` always returns a float64 ``numpy.ndarray`` shaped like the input (0-d for a
    scalar input); ``"sum"`` and ``"mean"`` return a Python float. Never -0.0.
    """
    if reduction == "none":
        per_point = np.array(terms, dtype=np.float64)  # a new array, also for a 0-d scalar
        if divisor != 1.0:
            np.divide(per_point, divisor, out=per_point)
        np.add(per_point, 0.0, out=per_point)  # turns -0.0 into 0.0, in place so 0-d stays an array
        return per_point
    total = float(terms.sum()) if reduction == "sum" else float(terms.mean())
    return total / divisor + 0.0  # + 0.0 turns -0.0 into 0.0
