"""The general formula: entropy, KL divergence and cross-entropy of discrete distributions."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ce_lib._validation import as_distribution, as_distribution_pair, as_real_array, log_base_divisor


def _finish(per_distribution: np.ndarray, divisor: float) -> float | np.ndarray:
    """Return a float for one distribution, an array for a batch, in the requested base."""
    result = per_distribution / divisor + 0.0
    return float(result) if result.ndim == 0 else result


def entropy(p: ArrayLike, *, base: float | None = None) -> float | np.ndarray:
    """Return the entropy H(p) = -sum_x p(x) ln p(x), with 0 ln 0 = 0.

    Parameters
    ----------
    p : array_like
        A discrete distribution (entries in [0, 1] summing to 1), or several along
        the last axis.
    base : float, optional
        Base of the logarithm; ``None`` (the default) means the natural log, 2 gives bits.

    Returns
    -------
    float or numpy.ndarray
        H(p) >= 0: a float for one distribution, an array for a batch.

    Examples
    --------
    >>> entropy([0.5, 0.5], base=2)
    1.0
    >>> entropy([1.0, 0.0])
    0.0
    """
    distribution = as_distribution(p, "p")
    logs = np.log(distribution, out=np.zeros_like(distribution), where=distribution > 0.0)
    return _finish(-(distribution * logs).sum(axis=-1), log_base_divisor(base))


def general_cross_entropy(p: ArrayLike, q: ArrayLike, *, base: float | None = None) -> float | np.ndarray:
    """Return the cross-entropy H(p, q) = -sum_x p(x) ln q(x) of prediction q against truth p.

    It measures how close the predicted distribution q is to the true one p:
    H(p, q) = H(p) + KL(p || q) >= H(p), with equality only when q = p. Terms with
    p(x) = 0 contribute 0; q(x) = 0 where p(x) > 0 gives inf.

    Parameters
    ----------
    p : array_like
        The true distribution (or several along the last axis).
    q : array_like
        The predicted distribution, same shape as ``p``.
    base : float, optional
        Base of the logarithm; ``None`` (the default) means the natural log.

    Returns
    -------
    float or numpy.ndarray
        H(p, q): a float for one distribution, an array for a batch.

    Examples
    --------
    >>> round(general_cross_entropy([0, 1, 0], [0.2, 0.7, 0.1]), 6)  # one-hot: -ln q(true)
    0.356675
    """
    truth, prediction = as_distribution_pair(p, q)
    with np.errstate(divide="ignore"):
        logs = np.log(prediction, out=np.zeros_like(prediction), where=truth > 0.0)
    return _finish(-(truth * logs).sum(axis=-1), log_base_divisor(base))


def kl_divergence(p: ArrayLike, q: ArrayLike, *, base: float | None = None) -> float | np.ndarray:
    """Return the Kullback-Leibler divergence KL(p || q) = sum_x p(x) ln(p(x) / q(x)).

    The extra cost of predicting q when the truth is p: KL >= 0, and KL(p || p) = 0
    exactly. Terms with p(x) = 0 contribute 0; q(x) = 0 where p(x) > 0 gives inf.

    Parameters
    ----------
    p : array_like
        The true distribution (or several along the last axis).
    q : array_like
        The predicted distribution, same shape as ``p``.
    base : float, optional
        Base of the logarithm; ``None`` (the default) means the natural log.

    Returns
    -------
    float or numpy.ndarray
        KL(p || q) >= 0: a float for one distribution, an array for a batch.

    Examples
    --------
    >>> kl_divergence([0.5, 0.5], [0.5, 0.5])
    0.0
    >>> round(kl_divergence([0.5, 0.5], [0.9, 0.1]), 6)
    0.510826
    """
    truth, prediction = as_distribution_pair(p, q)
    counted = truth > 0.0
    with np.errstate(divide="ignore", over="ignore"):
        ratio = np.divide(truth, prediction, out=np.ones_like(truth), where=counted)
        # ln(p/q) is accurate when q is close to p; where p/q overflows, ln p - ln q is finite.
        logs = np.where(
            np.isfinite(ratio) | (prediction == 0.0),
            np.log(ratio),
            np.log(truth, out=np.zeros_like(truth), where=counted)
            - np.log(prediction, out=np.zeros_like(prediction), where=counted),
        )
    total = (truth * logs).sum(axis=-1)
    # Rounding can leave -1e-17 where the true value is 0: KL is never negative.
    return _finish(np.maximum(total, 0.0), log_base_divisor(base))


def perplexity(mean_cross_entropy: ArrayLike, *, base: float | None = None) -> float | np.ndarray:
    """Return the perplexity e^H (or base^H): the effective number of equally likely choices.

    A model whose mean cross-entropy per example is H is as surprised, on average, as one that
    picks among e^H equally likely outcomes: a coin flip (H = ln 2) has perplexity 2, three
    equal logits (H = ln 3) have 3, a model right with certainty (H = 0) has 1.

    Parameters
    ----------
    mean_cross_entropy : float or array_like
        The mean cross-entropy per example (≥ 0; ``inf`` gives ``inf``).
    base : float, optional
        The base the cross-entropy was computed in (2 for bits); natural logs by default.

    Examples
    --------
    >>> perplexity(np.log(2.0))
    2.0
    >>> perplexity(1.0, base=2)  # one bit
    2.0
    >>> round(perplexity(1.1960046346767592 / 4), 3)  # model B, per point
    1.349
    """
    values = as_real_array(mean_cross_entropy, "mean_cross_entropy")
    if np.isnan(values).any() or (values < 0).any():
        raise ValueError(f"mean_cross_entropy must be numbers >= 0 (a cross-entropy), got {mean_cross_entropy!r}")
    scale = log_base_divisor(base)
    with np.errstate(over="ignore"):
        result = np.exp(values * scale)
    return float(result) if result.ndim == 0 else result
