"""Turn per-point terms into the number a function returns (sum, mean or per point)."""

from __future__ import annotations

import numpy as np


def reduce_terms(terms: np.ndarray, reduction: str, divisor: float) -> float | np.ndarray:
    """Apply ``reduction`` to per-point terms and convert to the requested log base."""
    if reduction == "none":
        per_point = terms / divisor if divisor != 1.0 else terms
        per_point += 0.0  # in place: turns -0.0 into 0.0
        return per_point
    total = float(terms.sum()) if reduction == "sum" else float(terms.mean())
    return total / divisor + 0.0  # + 0.0 turns -0.0 into 0.0
