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
    clip_probability: float | None = None  # p is clipped to [eps, 1 - eps]
    log_floor: float | None = None  # ln p and ln(1 - p) are clamped to >= this

    @property
    def cap(self) -> float:
        """The most one point can cost under this rule."""
        if self.clip_probability is not None:
            return -math.log(self.clip_probability)
        return -float(self.log_floor)


CLIPPING_RULES: dict[str, ClippingRule] = {
    # log_loss clips p to [eps, 1 − eps], eps the machine epsilon.
    "scikit-learn": ClippingRule("scikit-learn", clip_probability=float(np.finfo(np.float64).eps)),
    # BCELoss clamps each log at −100.
    "PyTorch": ClippingRule("PyTorch", log_floor=-100.0),
    # binary_crossentropy clips p to [1e-7, 1 − 1e-7].
    "Keras": ClippingRule("Keras", clip_probability=1e-7),
}


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


@dataclass(frozen=True)
class LibraryLoss:
    """One popular library call for cross-entropy: what it takes, what it is told the truth with, what it returns.

    ``takes`` is what the model's outputs must be: ``"probabilities"``, ``"logits"`` or
    ``"log-probabilities"``; ``truth`` how the labels are given: ``"labels"`` (0 or 1 per
    point), ``"class index"``, ``"one-hot"``, or ``"labels or class index"`` (scikit-learn's
    ``log_loss``, which takes either; reproduced here for two classes). Every one of them returns the **mean** over the
    examples by default.
    """

    call: str
    takes: str
    truth: str
    classes: str  # "two" or "many"


#: The calls a learner meets next, reproduced by :func:`library_loss` (a test checks each against ce_lib).
LIBRARY_LOSSES: dict[str, LibraryLoss] = {
    loss.call: loss
    for loss in (
        LibraryLoss("torch.nn.BCELoss", "probabilities", "labels", "two"),
        LibraryLoss("torch.nn.BCEWithLogitsLoss", "logits", "labels", "two"),
        LibraryLoss("torch.nn.NLLLoss", "log-probabilities", "class index", "many"),
        LibraryLoss("torch.nn.CrossEntropyLoss", "logits", "class index", "many"),
        LibraryLoss("keras.losses.BinaryCrossentropy()", "probabilities", "labels", "two"),
        LibraryLoss("keras.losses.BinaryCrossentropy(from_logits=True)", "logits", "labels", "two"),
        LibraryLoss("keras.losses.CategoricalCrossentropy()", "probabilities", "one-hot", "many"),
        LibraryLoss("keras.losses.CategoricalCrossentropy(from_logits=True)", "logits", "one-hot", "many"),
        LibraryLoss("keras.losses.SparseCategoricalCrossentropy()", "probabilities", "class index", "many"),
        LibraryLoss("keras.losses.SparseCategoricalCrossentropy(from_logits=True)", "logits", "class index", "many"),
        LibraryLoss("sklearn.metrics.log_loss", "probabilities", "labels or class index", "two"),
    )
}


def library_loss(call: str, truth: ArrayLike, outputs: ArrayLike) -> float:
    """Return what ``call`` returns for these labels and model outputs, with its defaults (the mean).

    Parameters
    ----------
    call : str
        One of :data:`LIBRARY_LOSSES`.
    truth : array_like
        As the call wants it: 0/1 labels, class indices, or one-hot rows.
    outputs : array_like
        As the call wants them: probabilities, logits or log-probabilities (one row per example
        for many classes).

    Examples
    --------
    >>> round(library_loss("sklearn.metrics.log_loss", [1, 1, 1, 1], [0.7, 0.9, 0.8, 0.6]), 4)  # model B
    0.299
    >>> import math
    >>> round(library_loss("torch.nn.NLLLoss", [0], [[math.log(0.7), math.log(0.3)]]), 4)
    0.3567
    """
    from ce_lib.logits import cross_entropy_from_logits
    from ce_lib.multiclass import cross_entropy_from_class_logits

    if call not in LIBRARY_LOSSES:
        raise ValueError(f"call must be one of {sorted(LIBRARY_LOSSES)}, got {call!r}")
    loss = LIBRARY_LOSSES[call]
    if loss.classes == "two":
        labels = np.asarray(as_unit_interval(truth, "truth", what="labels"))
        if loss.takes == "logits":
            return cross_entropy_from_logits(labels, outputs, reduction="mean")
        library = {"torch.nn.BCELoss": "PyTorch", "sklearn.metrics.log_loss": "scikit-learn"}.get(call, "Keras")
        return clipped_cross_entropy(labels, outputs, library) / labels.size
    checked = as_unit_interval(outputs, "outputs") if loss.takes == "probabilities" else as_finite(outputs, "outputs")
    values = np.atleast_2d(checked)
    if loss.truth == "one-hot":
        one_hot = np.atleast_2d(as_unit_interval(truth, "truth", what="one-hot labels"))
        check_same_shape(one_hot, values, ("truth", "outputs"))
        classes = one_hot.argmax(axis=-1).tolist()
    else:
        classes = np.atleast_1d(np.asarray(truth)).tolist()
    if loss.takes == "log-probabilities":  # NLLLoss negates and averages what it is given: nothing more
        return float(-np.mean(values[np.arange(len(classes)), classes])) + 0.0
    if loss.takes == "logits":
        return cross_entropy_from_class_logits(classes, values, reduction="mean")
    # Keras scales each row to sum to 1, then clips it to [1e-7, 1 − 1e-7], as it does for two classes.
    eps = CLIPPING_RULES["Keras"].clip_probability
    clipped = np.clip(values / values.sum(axis=-1, keepdims=True), eps, 1.0 - eps)
    return float(-np.mean(np.log(clipped[np.arange(len(classes)), classes]))) + 0.0
