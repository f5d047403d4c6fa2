"""Many classes: softmax turns logits into a distribution; cross-entropy scores it."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ce_lib._validation import as_distribution, as_finite, check_class_index
from ce_lib.distributions import general_cross_entropy


def softmax(z: ArrayLike) -> np.ndarray:
    """Return softmax(z) = e^z / sum(e^z) along the last axis, without overflow.

    Subtracting the largest logit first keeps every exponent <= 0, so any finite logits
    work (e.g. [1000, 0, -1000]).

    Parameters
    ----------
    z : array_like
        Logits (finite real numbers), one per class along the last axis.

    Returns
    -------
    numpy.ndarray
        Probabilities of the same shape, summing to 1 along the last axis.

    Examples
    --------
    >>> softmax([0.0, 0.0]).tolist()
    [0.5, 0.5]
    >>> softmax([1000.0, 0.0, -1000.0]).round(3).tolist()
    [1.0, 0.0, 0.0]
    """
    logits = as_finite(z, "z")
    shifted = logits - logits.max(axis=-1, keepdims=True)
    with np.errstate(under="ignore"):
        exponentials = np.exp(shifted)
    return exponentials / exponentials.sum(axis=-1, keepdims=True)


def log_softmax(z: ArrayLike) -> np.ndarray:
    """Return ln softmax(z) along the last axis, finite for any finite logits.

    Examples
    --------
    >>> log_softmax([0.0, 0.0]).round(6).tolist()
    [-0.693147, -0.693147]
    """
    logits = as_finite(z, "z")
    shifted = logits - logits.max(axis=-1, keepdims=True)
    with np.errstate(under="ignore"):
        return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def categorical_cross_entropy(true_class: int, q: ArrayLike) -> float:
    """Return -ln q[true_class]: the general formula with a one-hot truth.

    Parameters
    ----------
    true_class : int
        Index of the true class, from 0 to len(q) - 1.
    q : array_like
        The predicted distribution over the classes (1-D, summing to 1).

    Returns
    -------
    float
        -ln q[true_class]; inf where q[true_class] = 0.

    Examples
    --------
    >>> round(categorical_cross_entropy(1, [0.2, 0.7, 0.1]), 6)
    0.356675
    """
    prediction = as_distribution(q, "q")
    if prediction.ndim != 1:
        raise ValueError(f"q must be one distribution (1-D), got shape {prediction.shape}")
    index = check_class_index(true_class, prediction.size)
    one_hot = np.zeros_like(prediction)
    one_hot[index] = 1.0
    return float(general_cross_entropy(one_hot, prediction))


def cross_entropy_from_class_logits(true_class: int, z: ArrayLike) -> float:
    """Return -ln softmax(z)[true_class], computed stably from the logits.

    Examples
    --------
    >>> cross_entropy_from_class_logits(0, [2000.0, 0.0])
    0.0
    >>> cross_entropy_from_class_logits(1, [2000.0, 0.0])
    2000.0
    """
    logs = log_softmax(z)
    if logs.ndim != 1:
        raise ValueError(f"z must be 1-D logits, one per class, got shape {logs.shape}")
    index = check_class_index(true_class, logs.size)
    return float(-logs[index]) + 0.0
