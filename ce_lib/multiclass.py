"""Many classes: softmax turns logits into a distribution; cross-entropy scores it."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ce_lib._reduce import reduce_terms
from ce_lib._validation import as_distribution, as_finite, check_class_index, check_reduction, log_base_divisor


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


def _true_classes(true_class: Any, classes: int, examples: int | None) -> np.ndarray | int:
    """Return the true class(es): one index for one example, or one per example of a batch."""
    if examples is None:
        return check_class_index(true_class, classes)
    if isinstance(true_class, (str, bytes)) or np.ndim(true_class) != 1:
        raise TypeError(f"true_class must be one class index per example (a list of {examples} whole numbers)")
    indices = [check_class_index(index, classes) for index in np.asarray(true_class).tolist()]
    if len(indices) != examples:
        raise ValueError(f"true_class and q must have one entry per example, but true_class has {len(indices)} "
                         f"and q has {examples} rows")  # fmt: skip
    return np.array(indices)


def _batch(values: np.ndarray, name: str) -> int | None:
    """Return the number of examples of a (n, k) batch, or None for one example (1-D)."""
    if values.ndim == 1:
        return None
    if values.ndim == 2:
        return values.shape[0]
    raise ValueError(f"{name} must be one example (1-D, one entry per class) or a batch (2-D, one row per "
                     f"example), got shape {values.shape}")  # fmt: skip


def categorical_cross_entropy(
    true_class: Any, q: ArrayLike, *, reduction: str = "sum", base: float | None = None
) -> float | np.ndarray:
    """Return −ln q[true class]: the general formula with a one-hot truth, for one example or a batch.

    Parameters
    ----------
    true_class : int or sequence of int
        The index of the true class (0 to k − 1); for a batch, one per example.
    q : array_like
        The predicted distribution over k classes (1-D, summing to 1), or a batch of them, one
        per row (shape (n, k)).
    reduction : {"sum", "mean", "none"}, default "sum"
        For a batch: the sum over the examples (as ``cross_entropy``), their mean (what
        scikit-learn, PyTorch and Keras report), or one value per example. One example gives
        its own value whatever the reduction ("none": a 0-d array).
    base : float, optional
        The log's base (2 for bits); the natural log by default.

    Returns
    -------
    float or numpy.ndarray
        inf where the true class was given probability 0.

    Examples
    --------
    >>> round(categorical_cross_entropy(1, [0.2, 0.7, 0.1]), 6)
    0.356675
    >>> q = [[0.2, 0.7, 0.1], [0.6, 0.2, 0.2], [0.6, 0.1, 0.3]]
    >>> round(categorical_cross_entropy([1, 0, 2], q, reduction="mean"), 7)  # scikit-learn's own test
    0.6904911
    """
    reduction, divisor = check_reduction(reduction), log_base_divisor(base)
    prediction = as_distribution(q, "q")
    examples = _batch(prediction, "q")
    classes = _true_classes(true_class, prediction.shape[-1], examples)
    rows = np.arange(prediction.shape[0]) if examples is not None else ...
    chosen = prediction[rows, classes] if examples is not None else prediction[classes]
    with np.errstate(divide="ignore"):
        terms = -np.log(np.atleast_1d(chosen))
    return reduce_terms(terms if examples is not None else terms[0], reduction, divisor)


def cross_entropy_from_class_logits(
    true_class: Any, z: ArrayLike, *, reduction: str = "sum", base: float | None = None
) -> float | np.ndarray:
    """Return −ln softmax(z)[true class], computed stably from the logits, for one example or a batch.

    Parameters are as :func:`categorical_cross_entropy`'s, with logits ``z`` (finite numbers, one
    per class; a batch has one row per example) in place of probabilities.

    Examples
    --------
    >>> cross_entropy_from_class_logits(0, [2000.0, 0.0])
    0.0
    >>> cross_entropy_from_class_logits(1, [2000.0, 0.0])
    2000.0
    >>> cross_entropy_from_class_logits([0, 1], [[0.0, 0.0], [0.0, 0.0]], reduction="none").round(4).tolist()
    [0.6931, 0.6931]
    """
    reduction, divisor = check_reduction(reduction), log_base_divisor(base)
    logs = log_softmax(z)
    examples = _batch(logs, "z")
    classes = _true_classes(true_class, logs.shape[-1], examples)
    terms = -(logs[np.arange(logs.shape[0]), classes] if examples is not None else logs[classes])
    return reduce_terms(np.asarray(terms), reduction, divisor)
