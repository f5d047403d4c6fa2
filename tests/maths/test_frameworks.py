"""The library calls a learner meets next, reproduced: what each takes, and that each returns the mean."""

import math

import numpy as np
import pytest

import ce_lib
from ce_lib.course import story
from ce_lib.frameworks import LIBRARY_LOSSES, library_loss

B = list(story.MODEL_B.probabilities)
B_MEAN = ce_lib.cross_entropy(np.ones(4), B, reduction="mean")
CLASSES, LOGITS = [1, 0, 2], np.array([[0.3, 1.2, -0.4], [2.0, 0.1, 0.1], [0.0, -1.0, 0.5]])
PROBABILITIES = ce_lib.softmax(LOGITS)
MANY_MEAN = ce_lib.cross_entropy_from_class_logits(CLASSES, LOGITS, reduction="mean")


def test_the_calls_that_take_probabilities_give_model_bs_mean_per_point():
    for call in ("torch.nn.BCELoss", "keras.losses.BinaryCrossentropy()", "sklearn.metrics.log_loss"):
        assert library_loss(call, [1, 1, 1, 1], B) == pytest.approx(B_MEAN, rel=1e-12), call
    assert round(B_MEAN, 3) == 0.299


def test_the_calls_that_take_logits_give_the_same_from_the_logits():
    logits = ce_lib.logit(B)
    for call in ("torch.nn.BCEWithLogitsLoss", "keras.losses.BinaryCrossentropy(from_logits=True)"):
        assert library_loss(call, [1, 1, 1, 1], logits) == pytest.approx(B_MEAN, rel=1e-12), call


def test_many_classes_from_logits_probabilities_and_log_probabilities_agree():
    one_hot = np.eye(3)[CLASSES]
    cases = {
        "torch.nn.CrossEntropyLoss": (CLASSES, LOGITS),
        "torch.nn.NLLLoss": (CLASSES, ce_lib.log_softmax(LOGITS)),
        "keras.losses.CategoricalCrossentropy()": (one_hot, PROBABILITIES),
        "keras.losses.CategoricalCrossentropy(from_logits=True)": (one_hot, LOGITS),
        "keras.losses.SparseCategoricalCrossentropy()": (CLASSES, PROBABILITIES),
        "keras.losses.SparseCategoricalCrossentropy(from_logits=True)": (CLASSES, LOGITS),
    }
    assert set(cases) | {c for c, loss in LIBRARY_LOSSES.items() if loss.classes == "two"} == set(LIBRARY_LOSSES)
    for call, (truth, outputs) in cases.items():
        assert library_loss(call, truth, outputs) == pytest.approx(MANY_MEAN, rel=1e-12), call


def test_every_call_returns_the_mean_not_the_sum():
    total = ce_lib.cross_entropy(np.ones(4), B)
    for call, loss in LIBRARY_LOSSES.items():
        if loss.classes == "two":
            outputs = ce_lib.logit(B) if loss.takes == "logits" else B
            assert library_loss(call, [1, 1, 1, 1], outputs) == pytest.approx(total / 4, rel=1e-12), call


def test_the_classic_slips_give_other_numbers():
    """NLLLoss given probabilities only negates and averages them; CrossEntropyLoss after a softmax softmaxes twice."""
    nll_of_probabilities = library_loss("torch.nn.NLLLoss", CLASSES, PROBABILITIES)
    assert nll_of_probabilities == pytest.approx(-np.mean(PROBABILITIES[range(3), CLASSES]))
    assert nll_of_probabilities < 0 < MANY_MEAN
    softmax_twice = library_loss("torch.nn.CrossEntropyLoss", CLASSES, PROBABILITIES)
    assert softmax_twice != pytest.approx(MANY_MEAN, rel=1e-3)
    assert library_loss("torch.nn.BCELoss", [1], [0.0]) == 100.0  # the log is clamped at −100
    assert library_loss("keras.losses.BinaryCrossentropy()", [1], [0.0]) == pytest.approx(-math.log(1e-7))


def test_an_unknown_call_is_refused():
    with pytest.raises(ValueError, match="call must be one of"):
        library_loss("torch.nn.MSELoss", [1], [0.5])
