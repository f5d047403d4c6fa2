"""Exercises with instant feedback: ``check("03.2", answer)`` says right, or what is off.

Every expected answer is computed by ``ce_lib`` when the check runs, never typed in.
An exercise can also recognise a common mistake (the product where the log was asked,
a sign slip) and say so.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ce_lib import data
from ce_lib.binary import cross_entropy
from ce_lib.distributions import general_cross_entropy, kl_divergence
from ce_lib.frameworks import CLIPPING_RULES
from ce_lib.learning import cross_entropy_gradient_logits, gradient_descent, line_cross_entropy, scaled_line
from ce_lib.multiclass import softmax
from ce_lib.outcomes import outcome_table
from ce_lib.probability import point_errors, product_of_probabilities, sum_of_logs

RELATIVE_TOLERANCE = 5e-3  # a hand calculation rounded to two or three digits is right


@dataclass(frozen=True)
class Feedback:
    """What a check says: whether the answer is right, and a sentence for the learner."""

    correct: bool
    message: str

    def __str__(self) -> str:
        # ✓ and ✗ are in every common font (DejaVu included); colour emoji are not.
        return ("✓ " if self.correct else "✗ ") + self.message

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        colour = "#1b7837" if self.correct else "#b35806"
        return f'<p style="color:{colour};font-weight:bold">{html.escape(str(self))}</p>'


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to compute its answer, and the mistakes worth naming."""

    question: str
    expected: Callable[[], Any]
    hint: str
    mistakes: tuple[tuple[Callable[[], Any], str], ...] = field(default=())


def _smallest_count_that_underflows() -> int:
    """Return the fewest factors of 0.5 whose float64 product is exactly 0.0."""
    count = 1
    while product_of_probabilities(np.full(count, 0.5)) > 0.0:
        count += 1
    return count


def _first_step_beating_model_b() -> int:
    """Return the first gradient-descent step whose line has a lower cross-entropy than model B's."""
    points, labels = data.POINT_POSITIONS, data.POINT_LABELS
    level = line_cross_entropy(scaled_line(data.MODEL_B.line, data.DESCENT_SHARPNESS), points, labels)
    path = gradient_descent(
        data.DESCENT_START, points, labels, steps=data.DESCENT_STEPS, learning_rate=data.DESCENT_LEARNING_RATE
    )
    return int(np.argmax(path.cross_entropies < level))


def _door_row(labels: tuple[int, ...]):  # type: ignore[no-untyped-def]
    return next(row for row in outcome_table(data.DOOR_PROBABILITIES) if row.labels == labels)


EXERCISES: dict[str, Exercise] = {
    "00.1": Exercise(
        "By eye, which model separates the colours better, 'A' or 'B'?",
        lambda: "B",
        "Look at which side of each line the red circles and the blue squares sit.",
        (
            (
                lambda: "A",
                "Look again: A's line leaves a red circle on the blue side and a blue square on the red side.",
            ),
        ),
    ),
    "00.2": Exercise(
        "How many points does model A give less than 0.5 for their true colour?",
        lambda: sum(p < 0.5 for p in data.MODEL_A.probabilities),
        "Read the four numbers beside model A's points.",
    ),
    "01.1": Exercise(
        "The product of model B's four probabilities.",
        lambda: product_of_probabilities(data.MODEL_B.probabilities),
        "Multiply 0.7 × 0.9 × 0.8 × 0.6.",
        ((lambda: sum(data.MODEL_B.probabilities), "That is the sum: multiply the probabilities instead."),),
    ),
    "01.2": Exercise(
        "Which model makes the data more likely, 'A' or 'B'?",
        lambda: "B",
        "The larger product wins.",
        ((lambda: "A", "A has the smaller product (0.0084 against 0.3024): a smaller product is a worse model."),),
    ),
    "01.3": Exercise(
        "The smallest number of factors 0.5 whose product is exactly 0.0 in float64.",
        _smallest_count_that_underflows,
        "Use the slider, or try product_of_probabilities([0.5] * n) for a few n near 1000.",
        (
            (
                lambda: _smallest_count_that_underflows() - 1,
                "Close: at that count the product is still a tiny positive number.",
            ),
        ),
    ),
    "02.1": Exercise(
        "ln(0.6) + ln(0.2) + ln(0.1) + ln(0.7), model A's sum of logs.",
        lambda: sum_of_logs(data.MODEL_A.probabilities),
        "Add the four natural logs; each is negative.",
        (
            (lambda: -sum_of_logs(data.MODEL_A.probabilities), "Check the sign: ln p is negative for p < 1."),
            (lambda: sum_of_logs(data.MODEL_A.probabilities, base=10), "That is log base 10: use the natural log, ln."),
        ),
    ),
    "02.2": Exercise(
        "The sum of the logs of 1100 probabilities of 0.5 (the product is 0.0 there).",
        lambda: sum_of_logs(np.full(1100, 0.5)),
        "It is 1100 × ln(0.5).",
        ((lambda: 0.0, "0.0 is the underflowed product, not its log: add ln(0.5) 1100 times."),),
    ),
    "02.3": Exercise(
        "Write my_sum_of_logs(p): the sum of the natural logs of a list of probabilities.",
        lambda: sum_of_logs,
        "np.log works on a whole array; np.sum adds it up.",
    ),
    "03.1": Exercise(
        "The error −ln(p) of a point the model gives probability 0.2.",
        lambda: float(point_errors([0.2])[0]),
        "Take the natural log of 0.2 and flip its sign.",
        ((lambda: 0.2, "That is the probability itself: take −ln of it."),),
    ),
    "03.2": Exercise(
        "Model B's cross-entropy: the sum of its four point errors.",
        lambda: cross_entropy(np.ones(4), data.MODEL_B.probabilities),
        "Add −ln(0.7), −ln(0.9), −ln(0.8) and −ln(0.6).",
        (
            (
                lambda: product_of_probabilities(data.MODEL_B.probabilities),
                "That is the product: take −ln of each factor and add.",
            ),
        ),
    ),
    "03.3": Exercise(
        "Which of model A's points (1, 2, 3 or 4) carries the largest error?",
        lambda: int(np.argmax(point_errors(data.MODEL_A.probabilities))) + 1,
        "The smallest probability gives the largest −ln.",
        (
            (
                lambda: int(np.argmax(data.MODEL_A.probabilities)) + 1,
                "That point has the largest probability, so the smallest error.",
            ),
        ),
    ),
    "04.1": Exercise(
        "The probability of (gift, no gift, gift) behind doors 1, 2, 3.",
        lambda: _door_row((1, 0, 1)).probability,
        "Multiply p₁ × (1 − p₂) × p₃.",
        (
            (
                lambda: float(np.prod(data.DOOR_PROBABILITIES)),
                "That is every door with a gift: door 2 has none, so use 1 − p₂.",
            ),
        ),
    ),
    "04.2": Exercise(
        "The cross-entropy of that outcome, (gift, no gift, gift).",
        lambda: _door_row((1, 0, 1)).cross_entropy,
        "It is −ln of the probability you just found.",
    ),
    "04.3": Exercise(
        "The least likely outcome, as a tuple of three 0/1 labels.",
        lambda: outcome_table(data.DOOR_PROBABILITIES).least_likely().labels,
        "Look for the row with the largest cross-entropy.",
        (
            (
                lambda: outcome_table(data.DOOR_PROBABILITIES).most_likely().labels,
                "That is the most likely outcome: look at the other end of the table.",
            ),
        ),
    ),
    "05.1": Exercise(
        "The grader value: cross_entropy([1, 0, 1, 1], [0.4, 0.6, 0.1, 0.5]).",
        lambda: cross_entropy(data.GRADER_LABELS, data.GRADER_PROBABILITIES),
        "Term by term: −ln 0.4, −ln(1 − 0.6), −ln 0.1, −ln 0.5.",
    ),
    "05.2": Exercise(
        "Write my_cross_entropy(Y, P) that works on NumPy 2 and gives 0, not nan, at p = 0 or 1.",
        lambda: cross_entropy,
        "np.float64 replaces np.float_; compute a term only where its weight is not 0 (np.where), "
        "and use np.log1p(-P) for ln(1 − P).",
    ),
    "05.3": Exercise(
        "H(p, q) for the one-hot truth p = [0, 1, 0] and the prediction q = [0.2, 0.7, 0.1].",
        lambda: general_cross_entropy([0, 1, 0], [0.2, 0.7, 0.1]),
        "Only the true class counts: −ln q(true class).",
        ((lambda: 0.7, "That is q(true class) itself: take −ln of it."),),
    ),
    "06.1": Exercise(
        "The probability softmax gives class 1 for the logits z = [2, 1, 0.1].",
        lambda: float(softmax([2.0, 1.0, 0.1])[0]),
        "e² / (e² + e¹ + e⁰·¹).",
        ((lambda: 2.0 / 3.1, "That divides the logits themselves: softmax divides their exponentials."),),
    ),
    "06.2": Exercise(
        "KL(p‖q) for the truth p = [0.6, 0.3, 0.1] and the prediction q = p.",
        lambda: kl_divergence([0.6, 0.3, 0.1], [0.6, 0.3, 0.1]),
        "A prediction that equals the truth costs nothing extra.",
    ),
    "06.3": Exercise(
        "The most Keras charges for one point, however wrong the prediction.",
        lambda: CLIPPING_RULES["Keras"].cap,
        "Keras clips p at 1e-7: the cap is −ln(1e-7).",
        (
            (lambda: CLIPPING_RULES["scikit-learn"].cap, "That is scikit-learn's cap (−ln of machine epsilon)."),
            (lambda: CLIPPING_RULES["PyTorch"].cap, "That is PyTorch's cap (the log clamped at −100)."),
        ),
    ),
    "07.1": Exercise(
        "The derivative of a red point's cross-entropy (y = 1) with respect to its logit, at z = 0.",
        lambda: float(cross_entropy_gradient_logits([1.0], [0.0])[0]),
        "The gradient is p − y, with p = sigmoid(0).",
        ((lambda: 0.5, "Check the sign: the gradient is p − y = 0.5 − 1."),),
    ),
    "07.2": Exercise(
        "The cross-entropy of model A's line at sharpness 1: angle 180°, offset −2.5.",
        lambda: line_cross_entropy(data.MODEL_A.line, data.POINT_POSITIONS, data.POINT_LABELS),
        "Set the sliders to 180, −2.5 and 1 and read it off, or add up the four errors.",
    ),
    "07.3": Exercise(
        "The first gradient-descent step at which the line beats model B's line.",
        _first_step_beating_model_b,
        "Move the step slider until the cross-entropy drops below the dashed green level.",
        ((lambda: _first_step_beating_model_b() - 1, "Close: at that step the line is still just above B's level."),),
    ),
}

#: Inputs a learner's own function is tried on: (arguments, what they stand for).
FUNCTION_CASES: dict[str, tuple[tuple[tuple[Any, ...], str], ...]] = {
    "02.3": (
        ((list(data.MODEL_A.probabilities),), "model A's probabilities"),
        (([0.5] * 1100,), "1100 halves"),
        (([1.0, 1.0],), "two certain points"),
    ),
    "05.2": (
        ((list(data.GRADER_LABELS), list(data.GRADER_PROBABILITIES)), "the grader's example"),
        (([1, 0], [1.0, 0.0]), "perfect, certain predictions (y = 1, p = 1 and y = 0, p = 0)"),
        (([0], [1e-20]), "a tiny p for a label 0"),
        (([1, 1, 0], [0.9, 0.5, 0.3]), "a small mixed example"),
    ),
}


def check(key: str, answer: Any) -> Feedback:
    """Check a learner's answer to exercise ``key`` and say what is right or off.

    Parameters
    ----------
    key : str
        The exercise's number, such as ``"03.2"``.
    answer : number, str, tuple or callable
        The learner's answer; ``...`` (not yet answered) asks for one.

    Returns
    -------
    Feedback
        Shown in the notebook as a green tick or an orange cross with a hint.

    Examples
    --------
    >>> check("03.1", 1.61).correct
    True
    >>> print(check("03.1", 0.2))
    ✗ That is the probability itself: take −ln of it.
    """
    if key not in EXERCISES:
        raise ValueError(f"key must be one of the exercise numbers {sorted(EXERCISES)}, got {key!r}")
    exercise = EXERCISES[key]
    if answer is Ellipsis:
        return Feedback(False, f"Not answered yet: replace ... with your answer. ({exercise.question})")
    expected = exercise.expected()
    if callable(expected):
        return _check_function(key, answer, expected)
    if _matches(answer, expected):
        return Feedback(True, f"Right: {_describe(expected)}.")
    for wrong, explanation in exercise.mistakes:
        if _matches(answer, wrong()):
            return Feedback(False, explanation)
    return Feedback(False, f"Not yet: {_describe(answer)} is off. Hint: {exercise.hint}")


def _matches(answer: Any, expected: Any) -> bool:
    """Compare an answer with the expected value: numbers within RELATIVE_TOLERANCE."""
    if isinstance(expected, str):
        return isinstance(answer, str) and answer.strip().upper() == expected.upper()
    if isinstance(expected, tuple):
        try:
            return tuple(int(v) for v in answer) == expected
        except (TypeError, ValueError):
            return False
    try:
        number = float(answer)
    except (TypeError, ValueError):
        return False
    if isinstance(expected, int) or math.isinf(expected):
        return number == expected
    return math.isclose(number, expected, rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-12)


def _describe(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    return repr(value)


def _check_function(key: str, candidate: Any, reference: Callable[..., Any]) -> Feedback:
    """Run a learner's function on the exercise's cases and compare with ``ce_lib``."""
    if not callable(candidate):
        return Feedback(False, f"Give the function itself (its name, no brackets), not {candidate!r}.")
    for arguments, what in FUNCTION_CASES[key]:
        want = float(reference(*arguments))
        try:
            with np.errstate(all="ignore"):
                result = candidate(*arguments)
                if result is Ellipsis:
                    return Feedback(False, "Not answered yet: replace the ... in your function with your code.")
                got = float(result)
        except Exception as error:  # the learner's code: any failure is feedback
            return Feedback(False, f"On {what} your function raised {type(error).__name__}: {error}")
        if math.isnan(got):
            return Feedback(False, f"On {what} your function returns nan; ce_lib gives {want:.6g}.")
        if not math.isclose(got, want, rel_tol=1e-9):
            return Feedback(False, f"On {what} your function returns {got:.10g}; ce_lib gives {want:.10g}.")
    return Feedback(True, f"Right: your function agrees with ce_lib on {len(FUNCTION_CASES[key])} test cases.")
