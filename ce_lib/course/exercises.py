"""The course's exercises, as a table: ``check("03.2", answer)`` says right, or what went wrong.

This module holds what the notebooks ask: each :class:`Exercise` (its question, hints and the
mistakes learners actually make on it, as data), the worked inputs they use, the buggy functions
the function exercises recognise and the cases a learner's function is run on. Every expected
answer is computed by :mod:`ce_lib` from :mod:`ce_lib.course.story` when the check runs, never
typed in. :func:`check` looks an exercise up and hands the answer to the checker engine,
:mod:`ce_lib.course.checking`, which adds the generic diagnoses (a sign slip, the wrong log
base, ...) and handles an answer of the wrong kind. A notebook's hidden solution cell checks
itself with ``check(key, answer, solution=True)``: when right it says only that it checks out,
so its output gives nothing away.

Examples
--------
>>> print(check("03.1", 2.996))
✓ Right: a small probability gives a large error.
>>> print(check("03.1", 0.05))
✗ That is the probability itself: take −ln of it.
>>> print(check("03.1", "2.996"))
✗ '2.996' is text: remove the quotes.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import Any

import numpy as np

from ce_lib.binary import cross_entropy
from ce_lib.course import story
from ce_lib.course.checking import EXERCISE_KINDS as EXERCISE_KINDS  # still importable from here
from ce_lib.course.checking import FUNCTION_TOLERANCE as FUNCTION_TOLERANCE  # still importable from here
from ce_lib.course.checking import (
    GENERIC_MISTAKES,
    KINDS,
    RELATIVE_TOLERANCE,
    SOLUTION_CHECKS_OUT,
    Exercise,
    Feedback,
    Mistake,
    check_answer,
)
from ce_lib.distributions import entropy, general_cross_entropy, kl_divergence
from ce_lib.frameworks import CLIPPING_RULES, clipped_cross_entropy
from ce_lib.lines import (
    cross_entropy_gradient_logits,
    true_colour_probabilities,
)
from ce_lib.logits import sigmoid
from ce_lib.multiclass import cross_entropy_from_class_logits, softmax
from ce_lib.outcomes import outcome_table
from ce_lib.probability import point_errors, product_of_probabilities, sum_of_logs

__all__ = [
    "EXERCISES",
    "FUNCTION_CASES",
    "GENERIC_MISTAKES",
    "KINDS",
    "RELATIVE_TOLERANCE",
    "SOLUTION_CHECKS_OUT",
    "Exercise",
    "Feedback",
    "Mistake",
    "check",
    "misconception_rows",
]

# ---------------------------------------------------------------------------------------------
# The inputs of the exercises beyond the story itself: its what-ifs and the small examples.
# ---------------------------------------------------------------------------------------------

#: 01.3 and 02.4: a long list of probabilities of one half (the notebooks' example).
HALVES = 1100
#: 02.2: a longer list of probabilities of one half, whose sum of logs is asked.
LOG_HALVES = 2000
#: 00.2: model A's point 2 is dragged to this probability of its true colour.
WHAT_IF_POINT, WHAT_IF_PROBABILITY = 2, 0.9
#: 01.1: model B's point 4 is given this probability instead of its own.
RAISED_POINT, RAISED_TO = 4, 0.9
#: 01.2: model B's point 1 drops to this probability.
DROP_POINT, DROP_TO = 1, 0.01
#: 02.3: model B's point 2 drops to a tenth of its probability.
TENTH_POINT, TENTH_FACTOR = 2, 10.0
#: 03.1: the probability whose error is asked.
ERROR_PROBABILITY = 0.05
#: 03.2: model A's point 3 is given this probability instead of its own.
MENDED_POINT, MENDED_TO = 3, 0.5
#: 03.4: model B's point 4 is pushed to probability 0.
ZERO_POINT = 4
#: 04.1 and 04.2: door 2's slider moves to this probability, and the outcome (gift, no gift, gift) is asked.
MOVED_DOOR, MOVED_TO = 2, 0.6
DOOR_OUTCOME: tuple[int, ...] = (1, 0, 1)
#: 04.4: door 3 is set to a certain gift.
CERTAIN_DOOR = 3
#: 05.1: the grader's probabilities with other labels, computed term by term.
TERM_LABELS: tuple[int, ...] = (0, 1, 1, 0)
#: 05.3: a one-hot truth (class 3) and a prediction over three classes.
ONE_HOT_TRUTH: tuple[float, ...] = (0.0, 0.0, 1.0)
CLASS_PREDICTION: tuple[float, ...] = (0.2, 0.7, 0.1)
#: 05.4: a soft label and the prediction.
SOFT_LABEL, SOFT_PREDICTION = 0.5, 0.5
#: 06.1: the logits of three classes and the asked class (numbered from 1).
SOFTMAX_LOGITS = story.CLASS_LOGITS
SOFTMAX_CLASS = 2
#: 06.2: the truth of the KL question (the prediction equals it).
KL_TRUTH = story.CLASS_TRUTH
#: 06.3: the probability a model gives a point with label 1, far below Keras's clip.
KERAS_PROBABILITY = 1e-9
#: 06.4: three equal logits; the true class is the first.
EQUAL_LOGITS: tuple[float, ...] = (0.0, 0.0, 0.0)
#: 07.1: a blue point's label and its logit.
GRADIENT_LABEL, GRADIENT_LOGIT = 0, 1.0
#: 07.2 and 07.4: model B's line, sharpened.
SHARPER, SHARPEST = 2.0, 3.0


def _g(value: float) -> str:
    """Return a number as a question writes it: 0.7, 1.8, 1100, 1e-7."""
    return f"{value:g}".replace("e-0", "e-").replace("e+0", "e+")


def _list(values: tuple[float, ...] | list[float]) -> str:
    """Return numbers as a Python list a learner can paste: [0.2, 0.7, 0.1]."""
    return "[" + ", ".join(_g(v) for v in values) + "]"


def _with(probabilities: tuple[float, ...], point: int, value: float) -> list[float]:
    """Return the probabilities with point ``point`` (numbered from 1) set to ``value``."""
    changed = list(probabilities)
    changed[point - 1] = value
    return changed


def _other_colour(colour: str) -> str:
    return story.BLUE if colour == story.RED else story.RED


# ---------------------------------------------------------------------------------------------
# Expected answers and wrong answers: computed with ce_lib from the story.
# ---------------------------------------------------------------------------------------------


def _points_on_their_side(model: story.Model) -> int:
    return sum(p > 0.5 for p in model.probabilities)


def _better_separating_model() -> str:
    return max(story.MODELS, key=lambda model: (_points_on_their_side(model), -model.cross_entropy())).name


def _what_if_side() -> str:
    colour = story.POINTS[WHAT_IF_POINT - 1].colour
    return colour if WHAT_IF_PROBABILITY > 0.5 else _other_colour(colour)


def _drop_makes_b_worse() -> str:
    dropped = product_of_probabilities(_with(story.MODEL_B.probabilities, DROP_POINT, DROP_TO))
    return "yes" if dropped < product_of_probabilities(story.MODEL_A.probabilities) else "no"


def _fewest_halves_below(level: float) -> int:
    """Return the fewest factors 0.5 whose float64 product is at most ``level`` (a search with ce_lib)."""

    def product(count: int) -> float:
        return product_of_probabilities(np.full(count, 0.5))

    low, high = 1, 2  # product(low) > level is kept true; product(high) <= level is searched for
    if product(low) <= level:
        return low
    while product(high) > level:
        low, high = high, 2 * high
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if product(middle) > level else (low, middle)
    return high


def _fewest_halves_to_zero() -> int:
    return _fewest_halves_below(0.0)


def _tenth_change() -> float:
    before = story.MODEL_B.probabilities
    after = _with(before, TENTH_POINT, before[TENTH_POINT - 1] / TENTH_FACTOR)
    return sum_of_logs(after) - sum_of_logs(before)


def _largest_error_point() -> int:
    return int(np.argmax(point_errors(story.MODEL_A.probabilities))) + 1


def _second_largest_error_point() -> int:
    return int(np.argsort(point_errors(story.MODEL_A.probabilities))[-2]) + 1


def _moved_doors() -> list[float]:
    """Return the doors' probabilities with door ``MOVED_DOOR``'s slider moved to ``MOVED_TO``."""
    return _with(story.DOOR_PROBABILITIES, MOVED_DOOR, MOVED_TO)


def _door_row(labels: tuple[int, ...], doors: tuple[float, ...] | list[float] | None = None) -> Any:
    """Return the row of ``labels`` in the outcome table of ``doors`` (by default the moved doors)."""
    table = outcome_table(_moved_doors() if doors is None else doors)
    return next(row for row in table if row.labels == labels)


def _certain_door_table() -> Any:
    return outcome_table(_with(story.DOOR_PROBABILITIES, CERTAIN_DOOR, 1.0))


def _impossible_outcomes() -> int:
    return sum(row.probability == 0.0 for row in _certain_door_table())


def _door_terms_as_if_all_gifts() -> float:
    """The cross-entropy of (gift, no gift, gift) with door 2's term written −ln p₂ instead of −ln(1 − p₂)."""
    return float(point_errors(_moved_doors()).sum())


def _grader_terms(labels: tuple[int, ...]) -> float:
    """Return the cross-entropy of the grader's probabilities with ``labels``."""
    return cross_entropy(labels, story.GRADER_PROBABILITIES)


def _label_zero_message() -> str:
    """Return what to say when 05.1's label-0 terms are written −ln p: which points have label 0."""
    numbers = [str(index) for index, label in enumerate(TERM_LABELS, start=1) if label == 0]
    if len(numbers) == 1:
        return f"Point {numbers[0]} has label 0: its term is −ln(1 − p), not −ln p."
    listed = ", ".join(numbers[:-1]) + " and " + numbers[-1]
    return f"Points {listed} have label 0: their terms are −ln(1 − p), not −ln p."


def _true_class() -> int:
    """Return 05.3's true class, numbered from 1."""
    return ONE_HOT_TRUTH.index(1.0) + 1


def _likeliest_class() -> int:
    """Return the class 05.3's prediction is surest of, numbered from 1."""
    return int(np.argmax(CLASS_PREDICTION)) + 1


def _subscript(number: int) -> str:
    return "".join(chr(0x2080 + int(digit)) for digit in str(number))


def _sharpened_line(sharpness: float) -> story.Line:
    return dataclasses.replace(story.MODEL_B.line, sharpness=sharpness * story.MODEL_B.line.sharpness)


def _wrong_side_points(step: int) -> list[int]:
    """Return the points (numbered from 1) that get at most one half for their true colour at ``step``."""
    probabilities = true_colour_probabilities(story.descent().weights[step], story.POSITIONS, story.LABELS)
    return [index for index, p in enumerate(probabilities, start=1) if not p > 0.5]


def _first_step_all_on_their_side() -> int:
    path = story.descent()
    on_side = [
        bool(np.all(true_colour_probabilities(weights, story.POSITIONS, story.LABELS) > 0.5))
        for weights in path.weights
    ]
    if not any(on_side):
        raise RuntimeError("gradient descent never puts every point on its side: check story's descent settings")
    return on_side.index(True)


def _below_b_message() -> str:
    """Return what to say about the step where descent first beats model B: who is still on the wrong side."""
    wrong = _wrong_side_points(story.first_step_below_model_b())
    if not wrong:
        return "That is where the cross-entropy first beats model B's, which is not the same question."
    listed = " and ".join(f"point {number}" for number in wrong)
    verb = "is" if len(wrong) == 1 else "are"
    return f"That is where the cross-entropy first beats model B's: {listed} {verb} still on the wrong side there."


def _sharpening_direction() -> str:
    sharper = _sharpened_line(SHARPEST).cross_entropy()
    return "down" if sharper < story.MODEL_B.line.cross_entropy() else "up"


def _other_option(exercise_key: str) -> Callable[[], str]:
    """Return a function giving the one option of a two-option choice that is not the answer."""

    def other() -> str:
        exercise = EXERCISES[exercise_key]
        expected = exercise.expected()
        return next(option for option in exercise.options if option != expected)

    return other


# ---------------------------------------------------------------------------------------------
# Function exercises: the cases a learner's function runs on, and functions with known mistakes.
# ---------------------------------------------------------------------------------------------


def _sums_log_of_product(p: Any) -> Any:
    return np.log(np.prod(p))


def _sums_math_log_of_product(p: Any) -> Any:
    return math.log(math.prod(p))


def _sums_negative(p: Any) -> Any:
    return -np.sum(np.log(p))


def _sums_mean(p: Any) -> Any:
    return np.mean(np.log(p))


def _sums_log10(p: Any) -> Any:
    return np.sum(np.log10(p))


def _sums_log2(p: Any) -> Any:
    return np.sum(np.log2(p))


def _sums_nothing(p: Any) -> Any:
    return np.log(p)


def _classic_numpy1(y: Any, p: Any) -> Any:
    """The classic teaching code as it is: np.float_ is gone in NumPy 2."""
    as_float = getattr(np, "float_")  # noqa: B009  (spelt out, the attribute is what fails)
    y, p = as_float(y), as_float(p)
    return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))


def _classic_float64(y: Any, p: Any) -> Any:
    """The classic code patched for NumPy 2 only: 0 · ln 0 gives nan."""
    y, p = np.float64(y), np.float64(p)
    return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))


def _masked_without_log1p(y: Any, p: Any) -> Any:
    """Zero-weight terms masked, but ln(1 − p) as np.log(1 - p): a tiny p is lost."""
    y, p = np.asarray(y, dtype=np.float64), np.asarray(p, dtype=np.float64)
    positive = np.where(y > 0, y * np.log(p), 0.0)
    negative = np.where(y < 1, (1 - y) * np.log(1 - p), 0.0)
    return -np.sum(positive + negative)


def _masked_terms(y: Any, p: Any) -> Any:
    y, p = np.asarray(y, dtype=np.float64), np.asarray(p, dtype=np.float64)
    return -(np.where(y > 0, y * np.log(p), 0.0) + np.where(y < 1, (1 - y) * np.log1p(-p), 0.0))


def _masked_mean(y: Any, p: Any) -> Any:
    return np.mean(_masked_terms(y, p))


def _masked_no_minus(y: Any, p: Any) -> Any:
    return -np.sum(_masked_terms(y, p))


def _masked_log10(y: Any, p: Any) -> Any:
    return np.sum(_masked_terms(y, p)) / np.log(10.0)


#: Inputs a learner's own function is tried on: (arguments, what they stand for), in order.
FUNCTION_CASES: dict[str, tuple[tuple[tuple[Any, ...], str], ...]] = {
    "02.4": (
        ((list(story.MODEL_A.probabilities),), "model A's probabilities"),
        (([0.5] * HALVES,), f"{HALVES} halves"),
        (([1.0, 1.0],), "two certain points"),
    ),
    "05.2": (
        ((list(story.GRADER_LABELS), list(story.GRADER_PROBABILITIES)), "the grader's example"),
        (([1, 0], [1.0, 0.0]), "perfect, certain predictions (y = 1, p = 1 and y = 0, p = 0)"),
        (([0], [1e-20]), "a tiny p for a label 0"),
        (([1, 1, 0], [0.9, 0.5, 0.3]), "a small mixed example"),
    ),
}


# ---------------------------------------------------------------------------------------------
# The exercises.
# ---------------------------------------------------------------------------------------------

_A, _B = story.MODEL_A, story.MODEL_B
_SIGN_OF_A_LOG = "Check the sign: ln p is negative for every p below 1, so a sum of logs is negative."
_SIGN_OF_AN_ERROR = "Check the sign: an error −ln p is never negative, and neither is a cross-entropy."
_SOFTMAX_LOGIT = SOFTMAX_LOGITS[SOFTMAX_CLASS - 1]
_KERAS = CLIPPING_RULES["Keras"]
_DOOR_P = story.DOOR_PROBABILITIES
_KERAS_CLIP = _g(_KERAS.clip_probability or 0.0)

_EXERCISE_LIST: tuple[Exercise, ...] = (
    # 00: start here --------------------------------------------------------------------------
    Exercise(
        "00.1",
        "By eye, which model separates the colours better?",
        "choice",
        _better_separating_model,
        "Look at which side of each line the red circles and the blue squares sit.",
        "that model's line leaves every point on the side of its own colour.",
        (
            Mistake(
                "the model with points on the wrong side",
                _other_option("00.1"),
                "Look again: A's line leaves a red circle on the blue side and a blue square on the red side.",
            ),
        ),
        options=("A", "B"),
    ),
    Exercise(
        "00.2",
        f"Predict, then check with the slider: if you drag model A's point {WHAT_IF_POINT} slider to "
        f"{_g(WHAT_IF_PROBABILITY)}, will its hollow what-if marker land on A's red side or its blue side?",
        "choice",
        _what_if_side,
        "The slider sets the probability of the point's true colour: on which side does a point get "
        "more than one half for that colour?",
        "the slider sets the probability of the point's true colour, and above one half a point sits "
        "on the side of that colour.",
        (
            Mistake(
                "the slider read as the other colour",
                _other_option("00.2"),
                f"Look again: the slider sets the probability of point {WHAT_IF_POINT}'s own, true colour "
                "(look at its shape), and above one half a point sits on the side of its own colour.",
            ),
        ),
        predict=True,
        options=(story.RED, story.BLUE),
    ),
    Exercise(
        "00.3",
        "How many points does model A give a probability below 0.5 for their true colour?",
        "integer",
        lambda: sum(p < 0.5 for p in _A.probabilities),
        "Read the four probabilities beside model A's points and count those below one half.",
        "those are the points the model gets wrong: each sits on the other colour's side of its line.",
        bounds=(0, len(_A.probabilities)),
    ),
    # 01: the product -------------------------------------------------------------------------
    Exercise(
        "01.1",
        f"The product of model B's probabilities if its point {RAISED_POINT} were given {_g(RAISED_TO)} instead "
        f"of {_g(_B.probabilities[RAISED_POINT - 1])}: "
        + " × ".join(_g(p) for p in _with(_B.probabilities, RAISED_POINT, RAISED_TO))
        + ".",
        "number",
        lambda: product_of_probabilities(_with(_B.probabilities, RAISED_POINT, RAISED_TO)),
        f"Multiply the four probabilities, with {_g(RAISED_TO)} for point {RAISED_POINT}.",
        "the product is the probability of all four true colours at once, and raising one factor raises it.",
        (
            Mistake(
                "the sum",
                lambda: math.fsum(_with(_B.probabilities, RAISED_POINT, RAISED_TO)),
                "That is the sum: multiply the probabilities.",
            ),
            Mistake(
                "B as it is",
                lambda: product_of_probabilities(_B.probabilities),
                f"That is B as it is: change point {RAISED_POINT} to {_g(RAISED_TO)} first.",
            ),
            Mistake(
                "model A's product",
                lambda: product_of_probabilities(_A.probabilities),
                "That is model A's product: the question asks about model B.",
            ),
        ),
        probability=True,
    ),
    Exercise(
        "01.2",
        f"Predict first: if model B's point {DROP_POINT} drops from {_g(_B.probabilities[DROP_POINT - 1])} to "
        f"{_g(DROP_TO)}, does B's product fall below A's? Then move the slider.",
        "choice",
        _drop_makes_b_worse,
        f"Compute B's product with {_g(DROP_TO)} in place of {_g(_B.probabilities[DROP_POINT - 1])} and "
        "compare it with A's product.",
        "a single probability near zero drags the whole product under A's, however good the other three are.",
        (
            Mistake(
                "good points outweigh one bad one",
                _other_option("01.2"),
                "Try it with the slider: in a product, one probability near zero pulls the whole product "
                "towards zero, however good the others are.",
            ),
        ),
        predict=True,
        options=("yes", "no"),
    ),
    Exercise(
        "01.3",
        "The smallest number of factors 0.5 whose product is exactly 0.0 in float64.",
        "integer",
        _fewest_halves_to_zero,
        "Use the slider, or try product_of_probabilities([0.5] * n) for a few n between 1000 and 1100.",
        "one factor fewer still leaves the tiniest positive number a computer can store; this many "
        "rounds to exactly zero.",
        (
            Mistake(
                "one too few",
                lambda: _fewest_halves_to_zero() - 1,
                "Close: at that count the product is still a tiny positive number.",
            ),
            Mistake(
                "the notebook's example",
                lambda: HALVES,
                "That many factors do give exactly 0.0, but so do fewer: find the smallest count.",
            ),
            Mistake(
                "the smallest number with all its digits",
                lambda: _fewest_halves_below(float(np.finfo(np.float64).tiny)),
                "At that count the product is still positive: it is the smallest number float64 keeps with all "
                "its digits, but below it float64 still stores tinier numbers, with fewer and fewer digits, "
                "before the product reaches 0.0.",
            ),
        ),
        bounds=(1, None),
    ),
    # 02: the log trick -----------------------------------------------------------------------
    Exercise(
        "02.1",
        "Model B's sum of logs, " + " + ".join(f"ln {_g(p)}" for p in _B.probabilities) + ".",
        "number",
        lambda: sum_of_logs(_B.probabilities),
        "Add the four natural logs (np.log or math.log); each one is negative.",
        "that is the log of B's product, found without ever forming the product.",
        (
            Mistake(
                "model A's sum of logs",
                lambda: sum_of_logs(_A.probabilities),
                "That is model A's sum of logs: the question asks about model B.",
            ),
            Mistake(
                "the product",
                lambda: product_of_probabilities(_B.probabilities),
                "That is the product: take the ln of each factor and add the logs.",
            ),
        ),
        log=True,
        points=len(_B.probabilities),
        messages={"sign slip": _SIGN_OF_A_LOG},
    ),
    Exercise(
        "02.2",
        f"The sum of the logs of {LOG_HALVES} probabilities of 0.5.",
        "number",
        lambda: sum_of_logs(np.full(LOG_HALVES, 0.5)),
        f"It is {LOG_HALVES} × ln 0.5: the log turns the product into a sum.",
        "the sum of logs stays an ordinary number where the product has underflowed to zero.",
        (
            Mistake(
                "the underflowed product",
                lambda: product_of_probabilities(np.full(LOG_HALVES, 0.5)),
                "0.0 is the underflowed product, not its log: add ln 0.5 once for each probability.",
            ),
            Mistake(
                "the log of the underflowed product",
                lambda: -math.inf,
                "−inf is the log of the underflowed product 0.0: take the logs first, then add them.",
            ),
        ),
        log=True,
        messages={"sign slip": _SIGN_OF_A_LOG},
    ),
    Exercise(
        "02.3",
        f"Predict, then check with the slider: model B's point {TENTH_POINT} drops from "
        f"{_g(_B.probabilities[TENTH_POINT - 1])} to {_g(_B.probabilities[TENTH_POINT - 1] / TENTH_FACTOR)}, "
        "a tenth. By how much does B's sum of logs change?",
        "number",
        _tenth_change,
        f"Subtract B's old sum of logs from the new one: only point {TENTH_POINT}'s term changes.",
        "the log turns dividing a probability into subtracting a fixed amount, whatever the other points are.",
        (
            Mistake(
                "the ratio, new over old",
                lambda: 1.0 / TENTH_FACTOR,
                "That is the ratio of the new probability to the old one: the log turns a ratio into a "
                "difference, so work out how much the sum of logs changes.",
            ),
            Mistake(
                "the ratio, old over new",
                lambda: TENTH_FACTOR,
                "That is the ratio of the old probability to the new one: the log turns a ratio into a "
                "difference, so work out how much the sum of logs changes.",
            ),
            Mistake(
                "the change of the probability",
                lambda: _B.probabilities[TENTH_POINT - 1] / TENTH_FACTOR - _B.probabilities[TENTH_POINT - 1],
                "That is how much the probability itself changes: the question asks how much the sum of logs changes.",
            ),
            Mistake(
                "the new sum of logs",
                lambda: sum_of_logs(story.MODEL_B.probabilities) + _tenth_change(),
                "That is B's new sum of logs: subtract the old sum to get the change.",
            ),
            Mistake(
                "the new log alone",
                lambda: math.log(_B.probabilities[TENTH_POINT - 1] / TENTH_FACTOR),
                "That is the new point's log alone: the sum also loses the old term it replaces.",
            ),
        ),
        predict=True,
        log=True,
        messages={
            "sign slip": "Check the sign: the probability went down, so its log, and the sum, go down too.",
            "log base 10": "In base 10 a tenth is −1, but the course uses ln, the natural log: redo it with ln.",
        },
    ),
    Exercise(
        "02.4",
        "Write my_sum_of_logs(p) with np.log and np.sum.",
        "function",
        lambda: sum_of_logs,
        "np.log works on a whole list at once; np.sum adds the results up.",
        "your function agrees with ce_lib on every test case, even where the product underflows.",
        (
            Mistake(
                "log of the product",
                lambda: _sums_log_of_product,
                f"Your function returns −inf for {HALVES} halves: it takes the log of the product, which has "
                "already underflowed to 0.0. Take the log of each probability first, then add.",
            ),
            Mistake(
                "math.log of the product",
                lambda: _sums_math_log_of_product,
                f"For {HALVES} halves the product underflows to 0.0 and math.log(0.0) fails: take the log "
                "of each probability first, then add.",
            ),
            Mistake(
                "a minus sign",
                lambda: _sums_negative,
                "Your function returns −Σ ln p, the cross-entropy: the sum of logs has no minus sign.",
            ),
            Mistake(
                "the mean",
                lambda: _sums_mean,
                "Your function returns the mean of the logs: add them with np.sum instead of np.mean.",
            ),
            Mistake(
                "log base 10",
                lambda: _sums_log10,
                "np.log10 is log base 10: use np.log, the natural log.",
            ),
            Mistake(
                "log base 2",
                lambda: _sums_log2,
                "np.log2 is log base 2: use np.log, the natural log.",
            ),
            Mistake(
                "the logs not added",
                lambda: _sums_nothing,
                "Your function returns one log per probability: add them up into one number with np.sum.",
            ),
        ),
    ),
    # 03: the negative log, summed -----------------------------------------------------------
    Exercise(
        "03.1",
        f"The error −ln p of a point the model gives probability {_g(ERROR_PROBABILITY)}.",
        "number",
        lambda: float(point_errors([ERROR_PROBABILITY])[0]),
        f"Take the natural log of {_g(ERROR_PROBABILITY)} and flip its sign.",
        "a small probability gives a large error.",
        (
            Mistake(
                "the probability",
                lambda: ERROR_PROBABILITY,
                "That is the probability itself: take −ln of it.",
            ),
        ),
        log=True,
        messages={"sign slip": _SIGN_OF_AN_ERROR},
    ),
    Exercise(
        "03.2",
        f"Model A's cross-entropy if it gave point {MENDED_POINT} probability {_g(MENDED_TO)} instead of "
        f"{_g(_A.probabilities[MENDED_POINT - 1])}.",
        "number",
        lambda: cross_entropy(np.ones(len(_A.probabilities)), _with(_A.probabilities, MENDED_POINT, MENDED_TO)),
        "Add "
        + ", ".join(f"−ln {_g(p)}" for p in _with(_A.probabilities, MENDED_POINT, MENDED_TO)[:-1])
        + f" and −ln {_g(_with(_A.probabilities, MENDED_POINT, MENDED_TO)[-1])}.",
        "the cross-entropy sums the point errors, and a better probability for one point shrinks its error.",
        (
            Mistake(
                "A as it is",
                lambda: story.MODEL_A.cross_entropy(),
                f"That is A as it is: change point {MENDED_POINT} to {_g(MENDED_TO)} first.",
            ),
            Mistake(
                "the product",
                lambda: product_of_probabilities(_with(_A.probabilities, MENDED_POINT, MENDED_TO)),
                "That is the product of the probabilities: take −ln of each one and add the four errors.",
            ),
        ),
        log=True,
        points=len(_A.probabilities),
        messages={
            "sign slip": _SIGN_OF_AN_ERROR,
            "mean instead of sum": "That is the mean error, what libraries report: the question asks for the "
            "sum of the four errors.",
        },
    ),
    Exercise(
        "03.3",
        "Which of model A's points (1 to 4) carries the largest error?",
        "integer",
        _largest_error_point,
        "The smallest probability for the true colour gives the largest −ln p.",
        "the point with the smallest probability for its true colour carries the largest error.",
        (
            Mistake(
                "the largest probability",
                lambda: int(np.argmax(_A.probabilities)) + 1,
                f"Point {int(np.argmax(_A.probabilities)) + 1} has A's largest probability, so its smallest "
                "error: look for the smallest probability.",
            ),
            Mistake(
                "the second largest error",
                _second_largest_error_point,
                f"Point {_second_largest_error_point()} has the second largest error, not the largest. "
                "(If you used np.argmax: it counts from 0, so add 1.)",
            ),
        ),
        bounds=(1, len(_A.probabilities)),
    ),
    Exercise(
        "03.4",
        f"Predict before you move it: push model B's point {ZERO_POINT} slider to 0. What is B's cross-entropy then?",
        "number",
        lambda: cross_entropy(np.ones(len(_B.probabilities)), _with(_B.probabilities, ZERO_POINT, 0.0)),
        "What does −ln p do as p gets closer and closer to 0?",
        "−ln p grows without limit as p goes to zero, and one such point is enough to decide the sum.",
        (
            Mistake(
                "what the product does",
                lambda: 0.0,
                "0 is what the product becomes; the cross-entropy goes the other way: what is −ln p as p goes to 0?",
            ),
            Mistake(
                "B's cross-entropy before the change",
                lambda: story.MODEL_B.cross_entropy(),
                "That is B's cross-entropy before the change: one point's error changes the sum, and this "
                "point's error changes a lot.",
            ),
        ),
        predict=True,
        log=True,
        messages={"sign slip": _SIGN_OF_AN_ERROR},
    ),
    # 04: three doors -------------------------------------------------------------------------
    Exercise(
        "04.1",
        f"Door {MOVED_DOOR}'s slider moves to {_g(MOVED_TO)}, so the doors are "
        + ", ".join(_g(p) for p in _moved_doors())
        + ". What is the probability of (gift, no gift, gift)?",
        "number",
        lambda: _door_row(DOOR_OUTCOME).probability,
        f"Multiply p₁ × (1 − p₂) × p₃, with p{_subscript(MOVED_DOOR)} = {_g(MOVED_TO)}.",
        "each door contributes its own factor, p for a gift and one minus p for none.",
        (
            Mistake(
                "every door with a gift",
                lambda: product_of_probabilities(_moved_doors()),
                "That is every door with a gift: door 2 has no gift, so use 1 − p₂.",
            ),
            Mistake(
                "door 3 without a gift",
                lambda: _door_row((1, 0, 0)).probability,
                "That is (gift, no gift, no gift): door 3 has a gift, so use p₃, not 1 − p₃.",
            ),
            Mistake(
                "the starting doors",
                lambda: _door_row(DOOR_OUTCOME, _DOOR_P).probability,
                f"That is with door {MOVED_DOOR} at {_g(_DOOR_P[MOVED_DOOR - 1])}, where it started: use "
                f"{_g(MOVED_TO)}.",
            ),
        ),
        probability=True,
    ),
    Exercise(
        "04.2",
        "The cross-entropy of that outcome (doors " + ", ".join(_g(p) for p in _moved_doors()) + ").",
        "number",
        lambda: _door_row(DOOR_OUTCOME).cross_entropy,
        "It is −ln of the probability you found in 04.1.",
        "the cross-entropy of an outcome is minus the log of its probability.",
        (
            Mistake(
                "the probability",
                lambda: _door_row(DOOR_OUTCOME).probability,
                "That is the outcome's probability: its cross-entropy is −ln of it.",
            ),
            Mistake(
                "the y = 0 term as −ln p",
                _door_terms_as_if_all_gifts,
                "Door 2 has no gift: its term is −ln(1 − p₂), not −ln p₂.",
            ),
            Mistake(
                "the starting doors",
                lambda: _door_row(DOOR_OUTCOME, _DOOR_P).cross_entropy,
                f"That is with door {MOVED_DOOR} at {_g(_DOOR_P[MOVED_DOOR - 1])}, where it started: use "
                f"{_g(MOVED_TO)}.",
            ),
        ),
        log=True,
        messages={"sign slip": _SIGN_OF_AN_ERROR},
    ),
    Exercise(
        "04.3",
        "The least likely outcome, as three labels (1 = gift), like (1, 0, 1).",
        "labels",
        lambda: outcome_table(_DOOR_P).least_likely().labels,
        "Look for the row with the smallest probability (the largest cross-entropy).",
        "every door does what it was least likely to do.",
        (
            Mistake(
                "the most likely outcome",
                lambda: outcome_table(_DOOR_P).most_likely().labels,
                "That is the most likely outcome (or you swapped 1 and 0: 1 means a gift): look at the "
                "other end of the table.",
            ),
        ),
    ),
    Exercise(
        "04.4",
        f"Predict, then check: set door {CERTAIN_DOOR}'s slider to 1. How many of the {2 ** len(_DOOR_P)} "
        "outcomes become impossible (probability 0)?",
        "integer",
        _impossible_outcomes,
        f"With p{chr(0x2080 + CERTAIN_DOOR)} = 1 door {CERTAIN_DOOR} always has a gift: count the rows where it "
        "has none.",
        "every row where that door has no gift now has a factor of zero.",
        (
            Mistake(
                "only one outcome",
                lambda: 1,
                f"Only one door changed, but it appears in every row: count all the rows where door "
                f"{CERTAIN_DOOR} has no gift.",
            ),
            Mistake(
                "every outcome",
                lambda: len(_certain_door_table()),
                f"The rows where door {CERTAIN_DOOR} has a gift keep a positive probability: only the "
                "others become impossible.",
            ),
        ),
        predict=True,
        bounds=(0, 2 ** len(_DOOR_P)),
    ),
    # 05: the general formula -----------------------------------------------------------------
    Exercise(
        "05.1",
        f"Compute cross_entropy({_list(TERM_LABELS)}, {_list(story.GRADER_PROBABILITIES)}) term by term.",
        "number",
        lambda: _grader_terms(TERM_LABELS),
        "Term by term: "
        + ", ".join(
            f"−ln {_g(p)}" if y == 1 else f"−ln(1 − {_g(p)})"
            for y, p in zip(TERM_LABELS, story.GRADER_PROBABILITIES, strict=True)
        )
        + "; then add.",
        "the label picks the term: −ln p for a label one, and −ln of one minus p for a label zero.",
        (
            Mistake(
                "the y = 0 term as −ln p",
                lambda: float(point_errors(story.GRADER_PROBABILITIES).sum()),
                _label_zero_message(),
            ),
            Mistake(
                "the grader's labels",
                lambda: _grader_terms(story.GRADER_LABELS),
                f"That is the check value for the labels {_list(story.GRADER_LABELS)}: these labels are "
                f"{_list(TERM_LABELS)}.",
            ),
        ),
        log=True,
        points=len(TERM_LABELS),
        messages={"sign slip": _SIGN_OF_AN_ERROR},
    ),
    Exercise(
        "05.2",
        "Fix the classic code: my_cross_entropy(Y, P) that runs on NumPy 2, gives 0 (not nan) for certain "
        "and right predictions, and keeps the digits for tiny p.",
        "function",
        lambda: cross_entropy,
        "np.float64 replaces np.float_; compute a term only where its weight is not 0 (np.where), and use "
        "np.log1p(-P) for ln(1 − P).",
        "your function runs on NumPy today, gives exactly zero for certain, right predictions and keeps "
        "the digits for tiny p.",
        (
            Mistake(
                "np.float_ (gone in NumPy 2)",
                lambda: _classic_numpy1,
                "np.float_ was removed in NumPy 2: write np.float64 (or np.asarray(Y, dtype=float)) instead.",
            ),
            Mistake(
                "0 · ln 0 gives nan",
                lambda: _classic_float64,
                "For perfect, certain predictions your function returns nan: it computes 0 · ln 0 (a term "
                "whose weight is 0), and that is nan. Compute each term only where its weight is not 0, for "
                "example with np.where, so that it counts 0.",
            ),
            Mistake(
                "ln(1 − p) loses a tiny p",
                lambda: _masked_without_log1p,
                "For a tiny p your function returns 0: in float64, 1 − P rounds to exactly 1 and its log "
                "to 0. Use np.log1p(-P) for ln(1 − P); it keeps the digits.",
            ),
            Mistake(
                "the mean",
                lambda: _masked_mean,
                "Your function returns the mean: the course's cross-entropy is the sum, so use np.sum, not np.mean.",
            ),
            Mistake(
                "no minus sign",
                lambda: _masked_no_minus,
                "Your function returns the sum of the log-likelihood terms: put a minus in front, a "
                "cross-entropy is never negative.",
            ),
            Mistake(
                "log base 10",
                lambda: _masked_log10,
                "Your function uses log base 10: use np.log (and np.log1p), the natural log.",
            ),
            Mistake(
                "the terms not added",
                lambda: _masked_terms,
                "Your function returns one term per point: add them up into one number with np.sum.",
            ),
        ),
    ),
    Exercise(
        "05.3",
        f"A three-class example: the truth is class {_true_class()}, p = {_list(ONE_HOT_TRUTH)}, and the model "
        f"predicts q = {_list(CLASS_PREDICTION)}. What is H(p, q)?",
        "number",
        lambda: general_cross_entropy(ONE_HOT_TRUTH, CLASS_PREDICTION),
        "Only the true class, where p(x) = 1, counts: −ln q of it.",
        "with a one-hot truth only the true class counts, so H(p, q) is −ln q of the true class.",
        (
            Mistake(
                "q of the true class",
                lambda: CLASS_PREDICTION[_true_class() - 1],
                "That is q of the true class: take −ln of it.",
            ),
            Mistake(
                "the likeliest class",
                lambda: float(point_errors(CLASS_PREDICTION)[_likeliest_class() - 1]),
                f"That is −ln q{_subscript(_likeliest_class())}, the loss if class {_likeliest_class()} were "
                f"true: the truth here is class {_true_class()}.",
            ),
            Mistake(
                "every class counted",
                lambda: float(point_errors(CLASS_PREDICTION).sum()),
                "Only the true class has p(x) > 0: the other classes' terms are multiplied by 0.",
            ),
        ),
        log=True,
        messages={"sign slip": _SIGN_OF_AN_ERROR},
    ),
    Exercise(
        "05.4",
        f"Predict, then check with the formula's sliders: with the soft label y = {_g(SOFT_LABEL)} and "
        f"p = {_g(SOFT_PREDICTION)}, what does the point cost?",
        "number",
        lambda: cross_entropy([SOFT_LABEL], [SOFT_PREDICTION]),
        "Put y and p into −[y ln p + (1 − y) ln(1 − p)].",
        "with a soft label both terms count, and even the best p leaves a cost.",
        (
            Mistake(
                "p itself",
                lambda: SOFT_PREDICTION,
                "That is p itself: put y and p into the formula.",
            ),
            Mistake(
                "a soft label is free",
                lambda: 0.0,
                "A soft label is never free: with y between 0 and 1 both terms count, even at the best p.",
            ),
            Mistake(
                "the weights left out",
                lambda: float(point_errors([SOFT_PREDICTION, 1.0 - SOFT_PREDICTION]).sum()),
                "Each term is weighted: −ln p by y, and −ln(1 − p) by 1 − y.",
            ),
        ),
        predict=True,
        log=True,
        messages={
            "sign slip": _SIGN_OF_AN_ERROR,
            "log base 2": "That is in bits, log base 2: the course uses ln, the natural log.",
        },
    ),
    # 06: beyond two classes -----------------------------------------------------------------
    Exercise(
        "06.1",
        f"The probability softmax gives class {SOFTMAX_CLASS} for the logits z = {_list(SOFTMAX_LOGITS)}.",
        "number",
        lambda: float(softmax(SOFTMAX_LOGITS)[SOFTMAX_CLASS - 1]),
        f"Divide e to class {SOFTMAX_CLASS}'s logit by the sum of e to each of the three logits (np.exp).",
        "softmax divides each logit's exponential by the sum of all three.",
        (
            Mistake(
                "class 1",
                lambda: float(softmax(SOFTMAX_LOGITS)[0]),
                f"That is class 1: class {SOFTMAX_CLASS} has the logit {_g(_SOFTMAX_LOGIT)}.",
            ),
            Mistake(
                "the logits divided",
                lambda: _SOFTMAX_LOGIT / math.fsum(SOFTMAX_LOGITS),
                "That divides the logits themselves: softmax divides their exponentials.",
            ),
            Mistake(
                "the exponential alone",
                lambda: math.exp(_SOFTMAX_LOGIT),
                "That is e to the logit alone: divide it by the sum of the exponentials of all three logits.",
            ),
        ),
        probability=True,
    ),
    Exercise(
        "06.2",
        f"KL(p‖q) for the truth p = {_list(KL_TRUTH)} and q = p.",
        "number",
        lambda: kl_divergence(KL_TRUTH, KL_TRUTH),
        "KL(p‖q) is the extra cost of predicting q when the truth is p.",
        "KL measures the extra cost of predicting q when the truth is p, and here q is p.",
        (
            Mistake(
                "the entropy",
                lambda: entropy(KL_TRUTH),
                "That is the entropy H(p), the cost the truth has anyway: KL is only the extra cost on top of it.",
            ),
        ),
        log=True,
        abs_tolerance=1e-9,
    ),
    Exercise(
        "06.3",
        "Under Keras's rule, what does one point with label 1 cost when the model gives it "
        f"p = {_g(KERAS_PROBABILITY)}?",
        "number",
        lambda: clipped_cross_entropy([1], [KERAS_PROBABILITY], "Keras"),
        f"Keras first clips p to at least {_KERAS_CLIP}, then takes −ln of it.",
        "Keras clips each probability away from zero, so no point can cost more than its cap.",
        (
            Mistake(
                "the exact cost",
                lambda: cross_entropy([1], [KERAS_PROBABILITY]),
                f"That is the exact cost, what ce_lib gives; Keras first clips p to at least {_KERAS_CLIP}.",
            ),
            Mistake(
                "PyTorch's cap",
                lambda: CLIPPING_RULES["PyTorch"].cap,
                "That is PyTorch's cap (it clamps each log at −100): the question asks about Keras.",
            ),
            Mistake(
                "the exact cost in base 10",
                lambda: -math.log10(KERAS_PROBABILITY),
                f"That is −log₁₀ {_g(KERAS_PROBABILITY)}: use the natural log, ln, and clip p first as Keras does.",
            ),
        ),
        log=True,
        messages={
            "sign slip": _SIGN_OF_AN_ERROR,
            "log base 10": f"That is −log₁₀ {_KERAS_CLIP}: use the natural log, ln.",
        },
    ),
    Exercise(
        "06.4",
        "Predict, then check: in the softmax view, make all three logits equal. What is the loss of the true class?",
        "number",
        lambda: cross_entropy_from_class_logits(0, EQUAL_LOGITS),
        "Equal logits give equal probabilities; the loss is −ln of the true class's probability.",
        "equal logits give every class the same probability, and the loss is −ln of it.",
        (
            Mistake(
                "q of the true class",
                lambda: float(softmax(EQUAL_LOGITS)[0]),
                "That is q of the true class: take −ln of it.",
            ),
            Mistake(
                "equal logits cost nothing",
                lambda: 0.0,
                "Equal logits are not a free prediction: each class gets only a share of the probability.",
            ),
        ),
        predict=True,
        log=True,
        messages={"sign slip": _SIGN_OF_AN_ERROR},
    ),
    # 07: learning the line -------------------------------------------------------------------
    Exercise(
        "07.1",
        f"The derivative of a blue point's cross-entropy (label y = {GRADIENT_LABEL}) with respect to its logit, "
        f"at z = {_g(GRADIENT_LOGIT)}.",
        "number",
        lambda: float(cross_entropy_gradient_logits([GRADIENT_LABEL], [GRADIENT_LOGIT])[0]),
        f"The gradient is p − y, with p = sigmoid({_g(GRADIENT_LOGIT)}).",
        "the slope is the prediction minus the label: the point pulls its logit downwards.",
        (
            Mistake(
                "the red point's gradient",
                lambda: float(cross_entropy_gradient_logits([1 - GRADIENT_LABEL], [GRADIENT_LOGIT])[0]),
                f"That is for a red point, y = {1 - GRADIENT_LABEL}: this point is blue, y = {GRADIENT_LABEL}.",
            ),
            Mistake(
                "σ(−z)",
                lambda: float(sigmoid(-GRADIENT_LOGIT)),
                f"That is σ(−{_g(GRADIENT_LOGIT)}): p is σ(z) with z = {_g(GRADIENT_LOGIT)}.",
            ),
            Mistake(
                "σ(0)",
                lambda: float(sigmoid(0.0)),
                f"That is σ(0), p at the line itself: here the logit is z = {_g(GRADIENT_LOGIT)}.",
            ),
        ),
        messages={"sign slip": "Check the sign: the gradient is p − y, the prediction minus the label."},
    ),
    Exercise(
        "07.2",
        f"The cross-entropy of model B's line made twice as sharp ({_sharpened_line(SHARPER).describe()}).",
        "number",
        lambda: _sharpened_line(SHARPER).cross_entropy(),
        f"Set the sliders to {_sharpened_line(SHARPER).describe()} and read the cross-entropy.",
        "B's line already puts every point on its own side, so sharpening it makes every probability surer "
        "and the cross-entropy smaller.",
        (
            Mistake(
                "model B at sharpness 1",
                lambda: story.MODEL_B.cross_entropy(),
                "That is B's cross-entropy at its own sharpness: the question sharpens the line.",
            ),
            Mistake(
                "twice B's cross-entropy",
                lambda: SHARPER * story.MODEL_B.cross_entropy(),
                "A sharper line makes a confident, right model more sure: its cross-entropy goes down, not up.",
            ),
            Mistake(
                "half B's cross-entropy",
                lambda: story.MODEL_B.cross_entropy() / SHARPER,
                "That is about half of B's cross-entropy, but doubling the sharpness does not simply halve "
                "it: compute it for the sharper line, keeping three digits.",
            ),
        ),
        log=True,
        points=len(story.POINTS),
        messages={"sign slip": _SIGN_OF_AN_ERROR},
    ),
    Exercise(
        "07.3",
        "The first gradient-descent step at which every point is on its own side (each gets more than 0.5 "
        "for its true colour).",
        "integer",
        _first_step_all_on_their_side,
        "Move the step slider until every point gets more than one half for its true colour.",
        "that is the first step where the line leaves every point on the side of its own colour.",
        (
            Mistake(
                "below model B's cross-entropy",
                story.first_step_below_model_b,
                _below_b_message(),
            ),
            Mistake(
                "one step early",
                lambda: _first_step_all_on_their_side() - 1,
                "Close: at that step one point is still on the wrong side.",
            ),
        ),
        bounds=(0, story.DESCENT_STEPS),
    ),
    Exercise(
        "07.4",
        f"Predict, then check with the sharpness slider: sharpen model B's line from "
        f"{_g(story.MODEL_B.line.sharpness)} to {_g(SHARPEST * story.MODEL_B.line.sharpness)}. "
        "Does its cross-entropy go up or down?",
        "choice",
        _sharpening_direction,
        "Does a sharper line push B's probabilities closer to 1, or closer to one half?",
        "B already puts every point on its own side, so a sharper line raises every true-colour "
        "probability and shrinks every error.",
        (
            Mistake(
                "sharper means more error",
                _other_option("07.4"),
                "A sharper line makes a confident, right model more sure: each probability moves closer to 1, "
                "so each error shrinks.",
            ),
        ),
        predict=True,
        options=("up", "down"),
    ),
)

#: Every exercise by its key, in the order of the notebooks.
EXERCISES: dict[str, Exercise] = {exercise.key: exercise for exercise in _EXERCISE_LIST}


# ---------------------------------------------------------------------------------------------
# Checking.
# ---------------------------------------------------------------------------------------------


def check(key: str, answer: Any, *, solution: bool = False) -> Feedback:
    """Check a learner's answer to exercise ``key``: say it is right, or what went wrong.

    Parameters
    ----------
    key : str
        The exercise's number, such as ``"03.2"`` (see :data:`EXERCISES`).
    answer : Any
        The learner's answer: a number, a text choice, a tuple of labels or a function, as the
        exercise asks; ``...`` means not answered yet. Anything else gets a sentence saying what
        to give instead; nothing makes the check raise.
    solution : bool, optional
        Check a notebook's hidden solution cell, quietly: a right answer says only
        :data:`SOLUTION_CHECKS_OUT`, so the cell's visible output, just below the exercise, neither
        hints at the answer nor explains it. A wrong one says what a normal check says, so a
        broken solution shows.

    Returns
    -------
    Feedback
        Shown in a notebook as a green ✓ or an orange ✗ with one or two sentences.

    Raises
    ------
    ValueError
        If ``key`` is not an exercise's number.

    Examples
    --------
    >>> check("03.1", 2.996).correct
    True
    >>> print(check("03.2", -3.17))
    ✗ Check the sign: an error −ln p is never negative, and neither is a cross-entropy.
    >>> print(check("00.1", " b "))
    ✓ Right: that model's line leaves every point on the side of its own colour.
    >>> check("04.3", (0.4, 0.2, 1.7)).kind
    'wrong kind'

    A solution cell checks its answer quietly, but shows what is wrong with a broken one:

    >>> print(check("03.1", 2.996, solution=True))
    ✓ This solution checks out.
    >>> print(check("03.1", 0.05, solution=True))
    ✗ That is the probability itself: take −ln of it.
    """
    if not isinstance(key, str) or key not in EXERCISES:
        raise ValueError(f"key must be one of the exercise numbers {list(EXERCISES)}, got {key!r}")
    exercise = EXERCISES[key]
    cases = FUNCTION_CASES[key] if exercise.kind == "function" else ()
    return check_answer(exercise, answer, cases, solution=solution)


def misconception_rows() -> list[tuple[str, str, str]]:
    """Return (exercise key, mistake name, message) for every mistake a check recognises.

    The exercises' own mistakes come first, then the generic diagnoses that apply to each,
    in the order a check tries them: the table of misconceptions in the teacher's guide.

    Returns
    -------
    list of tuple of str

    Examples
    --------
    >>> rows = misconception_rows()
    >>> ("03.1", "the probability", "That is the probability itself: take −ln of it.") in rows
    True
    """
    return [
        (key, mistake.name, mistake.message) for key, exercise in EXERCISES.items() for mistake in exercise.diagnoses()
    ]
