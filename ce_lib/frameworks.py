"""What other tools do at the edges, reproduced without installing them.

``ce_lib.cross_entropy`` is exact: a certain, wrong prediction costs inf. Libraries a
learner meets next clip instead, each with its own rule, so one point can never cost more
than a cap. And computing sigmoid first, then the log, overflows for large logits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ce_lib._validation import as_finite, as_unit_interval, check_same_shape
from ce_lib.binary import cross_entropy


@dataclass(frozen=True)
class ClippingRule:
    """How one library keeps a cross-entropy finite: clip p, or clamp the log."""

    library: str
    description: str
    clip_probability: float | None = None  # p is clipped to [eps, 1 - eps]
    log_floor: float | None = None  # ln p and ln(1 - p) are clamped to >= this

    @property
    def cap(self) -> float:
        """The most one point can cost under this rule."""
        if self.clip_probability is not None:
            return -math.log(self.clip_probability)
        return -float(self.log_floor)


CLIPPING_RULES: dict[str, ClippingRule] = {
    "scikit-learn": ClippingRule(
        "scikit-learn", "log_loss clips p to [eps, 1 − eps], eps = machine epsilon",
        clip_probability=float(np.finfo(np.float64).eps),
    ),
    "PyTorch": ClippingRule("PyTorch", "BCELoss clamps each log at −100", log_floor=-100.0),
    "Keras": ClippingRule("Keras", "binary_crossentropy clips p to [1e-7, 1 − 1e-7]", clip_probability=1e-7),
}  # fmt: skip


def clipped_cross_entropy(y: ArrayLike, p: ArrayLike, library: str) -> float:
    """Return the summed binary cross-entropy the way ``library`` computes it.

    Parameters
    ----------
    y : array_like
        Labels in [0, 1].
    p : array_like
        Predicted probabilities in [0, 1], same shape as ``y``.
    library : {"scikit-learn", "PyTorch", "Keras"}
        Whose rule to apply (see :data:`CLIPPING_RULES`).

    Returns
    -------
    float
        Finite even where ``ce_lib.cross_entropy`` is inf: at most the rule's cap per point.

    Examples
    --------
    >>> round(clipped_cross_entropy([1], [0.0], "scikit-learn"), 2)
    36.04
    >>> clipped_cross_entropy([1], [0.0], "PyTorch")
    100.0
    >>> round(clipped_cross_entropy([1], [0.0], "Keras"), 2)
    16.12
    """
    if library not in CLIPPING_RULES:
        raise ValueError(f"library must be one of {sorted(CLIPPING_RULES)}, got {library!r}")
    rule = CLIPPING_RULES[library]
    labels = as_unit_interval(y, "y", what="labels")
    probabilities = as_unit_interval(p, "p")
    check_same_shape(labels, probabilities, ("y", "p"))
    if rule.clip_probability is not None:
        eps = rule.clip_probability
        return cross_entropy(labels, np.clip(probabilities, eps, 1.0 - eps))
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(probabilities), rule.log_floor)
        log_not_p = np.maximum(np.log1p(-probabilities), rule.log_floor)
    return float(-(labels * log_p + (1.0 - labels) * log_not_p).sum()) + 0.0


def naive_cross_entropy_from_logits(y: ArrayLike, z: ArrayLike) -> float:
    """Return the cross-entropy computed the naive way: p = sigmoid(z) first, then the logs.

    For large |z| the sigmoid rounds to exactly 0 or 1 and the log gives inf (or loses
    every digit): this is what ``cross_entropy_from_logits`` avoids. No warning is raised.

    Examples
    --------
    >>> naive_cross_entropy_from_logits([0], [40.0])
    inf
    >>> from ce_lib import cross_entropy_from_logits
    >>> round(cross_entropy_from_logits([0], [40.0]), 6)
    40.0
    """
    labels = as_unit_interval(y, "y", what="labels")
    logits = as_finite(z, "z")
    check_same_shape(labels, logits, ("y", "z"))
    with np.errstate(over="ignore", under="ignore"):
        probabilities = 1.0 / (1.0 + np.exp(-logits))
    return cross_entropy(labels, probabilities)
