"""Every number the notebooks' prose may state, computed from the story by ce_lib.

The prose of a notebook writes its numbers out (4.78, 1.196, 0.611), so that a reader of the
source reads what a learner reads; a test (``tests/notebooks/test_prose_numbers.py``) checks each
of them, in every language, against this table: a number in the prose must be one of these,
rounded to the digits it shows.

Examples
--------
>>> round(story_numbers()["model A: cross-entropy"], 4)
4.7795
>>> story_numbers()["doors: entropy"] > 1.43
True
"""

from __future__ import annotations

import functools
import math

import numpy as np

from ce_lib import (
    categorical_cross_entropy,
    cross_entropy,
    entropy,
    kl_divergence,
    outcome_table,
    perplexity,
    point_errors,
    product_of_probabilities,
    sigmoid,
    softmax,
    sum_of_logs,
)
from ce_lib.course import exercises, story
from ce_lib.frameworks import CLIPPING_RULES, naive_cross_entropy_from_logits
from ce_lib.lines import cross_entropy_gradient_logits, squared_error_gradient_logits
from ce_lib.views.logit_stability import logit_grid


def _first_naive_infinity() -> float:
    """Return the logit from which sigmoid-then-log gives ∞ for a label 0 (found by bisection, to 1e-9)."""
    low, high = 30.0, 40.0  # finite at 30, ∞ at 40
    while high - low > 1e-9:
        middle = (low + high) / 2
        low, high = (low, middle) if naive_cross_entropy_from_logits([0], [middle]) == math.inf else (middle, high)
    return high


@functools.cache
def story_numbers() -> dict[str, float]:
    """Return every number the prose may state, by a name that says what it is."""
    numbers: dict[str, float] = {"e": math.e, "ln 2": math.log(2), "ln 3": math.log(3), "ln 1000": math.log(1000)}
    for model in story.MODELS:
        p, ones = model.probabilities, np.ones(len(model.probabilities))
        name = f"model {model.name}"
        for i, value in enumerate(p, start=1):
            numbers[f"{name}: p{i}"] = value
            numbers[f"{name}: error {i}"] = float(point_errors([value])[0])
            numbers[f"{name}: ln p{i}"] = -float(point_errors([value])[0])
            numbers[f"{name}: p(red) {i}"] = value if story.COLOURS[i - 1] == story.RED else 1 - value
        numbers[f"{name}: product"] = product_of_probabilities(p)
        numbers[f"{name}: sum of logs"] = sum_of_logs(p)
        numbers[f"{name}: cross-entropy"] = cross_entropy(ones, p)
        numbers[f"{name}: mean per point"] = cross_entropy(ones, p, reduction="mean")
        numbers[f"{name}: perplexity"] = perplexity(cross_entropy(ones, p, reduction="mean"))
        numbers[f"{name}: line offset"] = model.line.offset
        numbers[f"{name}: line's distance from the axis"] = abs(model.line.offset)
    numbers["coin flip: perplexity"] = perplexity(math.log(2))
    doors = story.DOOR_PROBABILITIES
    for i, p in enumerate(doors, start=1):
        numbers[f"door {i}: p"] = p
        numbers[f"door {i}: 1 − p"] = 1 - p
        numbers[f"door {i}: entropy"] = entropy([p, 1 - p])
        numbers[f"door {i}: −ln p"] = float(point_errors([p])[0])
        numbers[f"door {i}: −ln(1 − p)"] = float(point_errors([1 - p])[0])
    for row in outcome_table(doors):
        code = "".join(str(y) for y in row.labels)
        numbers[f"doors {code}: probability"] = row.probability
        numbers[f"doors {code}: cross-entropy"] = row.cross_entropy
    numbers["doors: entropy"] = math.fsum(entropy([p, 1 - p]) for p in doors)
    numbers["doors: KL from coin flips"] = math.fsum(kl_divergence([p, 1 - p], [0.5, 0.5]) for p in doors)
    numbers["a coin: entropy"] = entropy([0.5, 0.5])
    numbers["grader: cross-entropy"] = cross_entropy(story.GRADER_LABELS, story.GRADER_PROBABILITIES)
    for value in story.GRADER_PROBABILITIES:
        numbers[f"grader: p {value}"] = value
    share = exercises.RED_SHARE
    numbers["look-alikes: share of red"] = share
    numbers["look-alikes: entropy"] = entropy([share, 1 - share])
    numbers["look-alikes: overconfident q"] = 0.99
    numbers["look-alikes: q just above one half"] = 0.51
    numbers["classes: truth entropy"] = entropy(story.CLASS_TRUTH)
    numbers["scikit-learn's test: mean log loss"] = categorical_cross_entropy(
        [1, 0, 2], [[0.2, 0.7, 0.1], [0.6, 0.2, 0.2], [0.6, 0.1, 0.3]], reduction="mean"
    )
    numbers["softmax of the class logits: q1"] = float(softmax(story.CLASS_LOGITS)[0])
    numbers["the smallest positive float64 (mantissa)"] = 4.9
    numbers["machine epsilon (mantissa)"] = 2.2
    numbers["0.5 multiplied 40 times (mantissa)"] = float(f"{0.5**40:.4e}".split("e")[0])
    first_infinite = numbers["naive sigmoid-then-log: first logit giving ∞"] = _first_naive_infinity()
    numbers["the logit slider's last stop before the naive ∞"] = max(z for z in logit_grid() if z < first_infinite)
    for rule in CLIPPING_RULES.values():
        numbers[f"{rule.library}: cap"] = rule.cap
    wrong = -8.0
    numbers["a red point at z = −8: p"] = float(sigmoid([wrong])[0])
    numbers["a red point at z = −8: squared error's push"] = -float(squared_error_gradient_logits([1], [wrong])[0])
    numbers["a red point given 0.2: p − y"] = float(cross_entropy_gradient_logits([1], [-math.log(4.0)])[0])
    numbers["one point moved: 0.0009"] = 0.0009
    numbers["a point's what-if: 0.9"] = exercises.WHAT_IF_PROBABILITY
    numbers["03.3's probability"] = exercises.ERROR_PROBABILITY
    numbers["05's example q"] = 0.4
    numbers["the descent's learning rate"] = story.DESCENT_LEARNING_RATE
    numbers["the half-sharp line's sharpness"] = 0.5
    numbers["a point at 0.99"] = 0.99
    numbers["1100 halves: sum of logs"] = sum_of_logs([0.5] * exercises.HALVES)
    return numbers


def matches(shown: str, value: float) -> bool:
    """Tell whether ``value`` prints as ``shown`` (the digits shown, ``−`` for minus, trailing zeros kept).

    Examples
    --------
    >>> matches("4.78", 4.7795), matches("2.30", 2.302585), matches("4.79", 4.7795)
    (True, True, False)
    """
    text = shown.replace("−", "-")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return f"{value:.{decimals}f}" == text
