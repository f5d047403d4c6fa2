"""The course's exercises, as a table: ``check("03.4", answer)`` says right, or what went wrong.

This module holds what the notebooks ask, as data and logic: each :class:`Exercise` (what kind of
answer it wants, how its answer is computed and the mistakes learners actually make on it), the
worked inputs the exercises use, the buggy functions the function exercises recognise and the
cases a learner's function is run on. Every expected answer is computed by :mod:`ce_lib` from
:mod:`ce_lib.course.story` when the check runs, never typed in.

Every word is in the catalogue ``ce_lib/words/<language>/exercises.toml``, under
``exercises.<key>``: the prompt (the one wording of the question: :func:`exercise_prompt` writes
the notebook's prompt cell from it and :func:`check` repeats it), the hint, the confirmation, what
each mistake is told. The table fills each template's ``{name}`` with a number of the story or of
the exercise's inputs (:class:`ExerciseWords`), in the notebook's language, so the same
``check("03.4", answer)`` speaks Chinese in a Chinese notebook.

:func:`check` looks an exercise up and hands the answer to the checker engine,
:mod:`ce_lib.course.checking`, which adds the generic diagnoses (a sign slip, the wrong log
base, ...) and handles an answer of the wrong kind. A notebook's hidden solution cell checks
itself with ``check(key, answer, solution=True)``: when right it says only that it checks out,
so its output gives nothing away.

Examples
--------
>>> print(exercise_prompt("03.4", language="en"))
**Exercise 03.4.** What would model A's cross-entropy be if it gave point 3 probability 0.5 instead of 0.1?
>>> print(check("03.3", 2.996))
✓ Right: a small probability gives a large error.
>>> print(check("03.3", 0.05))
✗ That is the probability itself: take −ln of it.
>>> print(check("03.3", "2.996"))
✗ '2.996' is text: remove the quotes.
>>> print(check("01.1", "是"))
✓ Right: a single probability near zero drags the whole product under A's, however good the other three are.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ce_lib import words as catalogues
from ce_lib.binary import cross_entropy
from ce_lib.course import story
from ce_lib.course.checking import (
    EXERCISE_KINDS,
    FUNCTION_TOLERANCE,
    GENERIC_MISTAKES,
    KINDS,
    OPTIONAL_WORDS,
    RELATIVE_TOLERANCE,
    Diagnosis,
    Exercise,
    Feedback,
    Mistake,
    check_answer,
    count_word,
    labels_example,
    listing,
    option_word,
)
from ce_lib.distributions import entropy, general_cross_entropy, kl_divergence, perplexity
from ce_lib.formatting import format_number
from ce_lib.frameworks import CLIPPING_RULES, LIBRARY_LOSSES, clipped_cross_entropy, library_loss
from ce_lib.lines import (
    cross_entropy_gradient_logits,
    squared_error_gradient_logits,
    true_colour_probabilities,
)
from ce_lib.logits import sigmoid
from ce_lib.multiclass import cross_entropy_from_class_logits, softmax
from ce_lib.outcomes import outcome_table
from ce_lib.probability import point_errors, product_of_probabilities, sum_of_logs

__all__ = [
    "EXERCISES",
    "EXERCISE_KINDS",
    "FUNCTION_CASES",
    "FUNCTION_TOLERANCE",
    "GENERIC_MISTAKES",
    "KINDS",
    "OPTIONAL_WORDS",
    "RELATIVE_TOLERANCE",
    "Diagnosis",
    "Exercise",
    "ExerciseWords",
    "Feedback",
    "Mistake",
    "check",
    "exercise_prompt",
    "misconception_rows",
]

# ---------------------------------------------------------------------------------------------
# The inputs of the exercises beyond the story itself: its what-ifs and the small examples.
# ---------------------------------------------------------------------------------------------

#: 01.3 and 02.4: a long list of probabilities of one half (the notebooks' example).
HALVES = 1100
#: 01.3's hint: try counts from here up to ``HALVES`` (a test checks the answer lies between them).
HINT_FROM = 1000
#: 02.4: a case of certain points, each given probability 1.
CERTAIN_POINTS = 2
#: 02.3: a longer list of probabilities of one half, whose sum of logs is asked.
LOG_HALVES = 2000
#: 00.1: model A's point 2 is dragged to this probability of its true colour.
WHAT_IF_POINT, WHAT_IF_PROBABILITY = 2, 0.9
#: 01.2: model B's point 4 is given this probability instead of its own.
RAISED_POINT, RAISED_TO = 4, 0.9
#: 01.1: model B's point 1 drops to this probability.
DROP_POINT, DROP_TO = 1, 0.01
#: 02.1: model B's point 2 drops to a tenth of its probability.
TENTH_POINT, TENTH_FACTOR = 2, 10.0
#: 03.3: the probability whose error is asked.
ERROR_PROBABILITY = 0.05
#: 03.4: model A's point 3 is given this probability instead of its own.
MENDED_POINT, MENDED_TO = 3, 0.5
#: 03.2: model B's point 4 is pushed to probability 0.
ZERO_POINT = 4
#: 04.4 and 04.5: door 2's slider moves to this probability, and the outcome (gift, no gift, gift) is asked.
MOVED_DOOR, MOVED_TO = 2, 0.6
DOOR_OUTCOME: tuple[int, ...] = (1, 0, 1)
#: 04.1: door 3 is set to a certain gift.
CERTAIN_DOOR = 3
#: 05.3: the grader's probabilities with other labels, computed term by term.
TERM_LABELS: tuple[int, ...] = (0, 1, 1, 0)
#: 05.5: a one-hot truth (class 3) and a prediction over three classes.
ONE_HOT_TRUTH: tuple[float, ...] = (0.0, 0.0, 1.0)
CLASS_PREDICTION: tuple[float, ...] = (0.2, 0.7, 0.1)
#: 05.1: a soft label and the prediction.
SOFT_LABEL, SOFT_PREDICTION = 0.5, 0.5
#: 06.3: the logits of three classes and the asked class (numbered from 1).
SOFTMAX_LOGITS = story.CLASS_LOGITS
SOFTMAX_CLASS = 2
#: 06.5: the probability a model gives a point with label 1, far below Keras's clip.
KERAS_PROBABILITY = 1e-9
#: 06.1: three equal logits; the true class is the first.
EQUAL_LOGITS: tuple[float, ...] = (0.0, 0.0, 0.0)
#: 07.4: a blue point's label and its logit.
GRADIENT_LABEL, GRADIENT_LOGIT = 0, 1.0
#: 07.5 and 07.1: model B's line, sharpened.
SHARPER, SHARPEST = 2.0, 3.0
#: 02.5: an outcome of this probability; its surprise in bits is asked.
BITS_PROBABILITY = 1 / 32
#: 05.2: the share of look-alike points that are red (the calibration view's start).
RED_SHARE = 0.7
#: 06.2: the PyTorch calls offered, by their short names (each is in ce_lib.frameworks.LIBRARY_LOSSES).
TORCH_CALLS: tuple[str, ...] = ("BCELoss", "BCEWithLogitsLoss", "NLLLoss", "CrossEntropyLoss")
#: 07.2: a red point's logit, confidently wrong (the gradients view's start).
WRONG_LOGIT = -5.0


def _g(value: float) -> str:
    """Return a number as Python code writes it: 0.7, 1.8, 1100, 1e-7."""
    return f"{value:g}".replace("e-0", "e-").replace("e+0", "e+")


def _shown(value: float) -> str:
    """Return a number as prose writes it, with a true minus sign: 0.7, −100."""
    return _g(value).replace("-", "−")


def _list(values: tuple[float, ...] | list[float]) -> str:
    """Return numbers as a Python list a learner can paste: [0.2, 0.7, 0.1]."""
    return "[" + ", ".join(_g(v) for v in values) + "]"


def _subscript(number: int) -> str:
    """Return a whole number as subscript digits: 2 → ₂."""
    return "".join(chr(0x2080 + int(digit)) for digit in str(number))


def _power_of_ten(value: float) -> str:
    """Return a power of ten as prose writes it, 10⁻⁹ (other numbers as :func:`_shown`)."""
    exponent = round(math.log10(value)) if value > 0 else 0
    if value <= 0 or float(f"1e{exponent}") != value:
        return _shown(value)
    superscripts = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
    return "10" + str(exponent).translate(superscripts)


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


def _true_class() -> int:
    """Return 05.5's true class, numbered from 1."""
    return ONE_HOT_TRUTH.index(1.0) + 1


def _likeliest_class() -> int:
    """Return the class 05.5's prediction is surest of, numbered from 1."""
    return int(np.argmax(CLASS_PREDICTION)) + 1


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


#: Inputs a learner's own function is tried on, in order: (arguments, the name of their words).
#: What each case stands for is the exercise's words ``cases.<name>`` ("model A's probabilities").
FUNCTION_CASES: dict[str, tuple[tuple[tuple[Any, ...], str], ...]] = {
    "02.4": (
        ((list(story.MODEL_A.probabilities),), "model_a"),
        (([0.5] * HALVES,), "halves"),
        (([1.0] * CERTAIN_POINTS,), "certain"),
    ),
    "05.4": (
        ((list(story.GRADER_LABELS), list(story.GRADER_PROBABILITIES)), "grader"),
        (([1, 0], [1.0, 0.0]), "perfect"),
        (([0], [1e-20]), "tiny"),
        (([1, 1, 0], [0.9, 0.5, 0.3]), "mixed"),
    ),
}


# ---------------------------------------------------------------------------------------------
# Words: each exercise's are in the catalogue, under exercises.<key>, filled with its values.
# ---------------------------------------------------------------------------------------------


def _plain(markdown: str) -> str:
    """Return a catalogue's markdown as plain text, for a check's message: no ** and no backticks."""
    return markdown.replace("**", "").replace("`", "")


@contextlib.contextmanager
def _speaking(language: str | None) -> Iterator[None]:
    """Speak ``language`` inside the block (None: the current language)."""
    with catalogues.using(language) if language else contextlib.nullcontext():
        yield


@functools.cache
def _english_keys() -> frozenset[str]:
    """Return every key of the source catalogue (package data: it does not change while running)."""
    return frozenset(catalogues.english())


def _shown_option(option: str) -> str:
    """Return a choice's option as a prompt shows it: in the notebook's language, and as its code writes it.

    Where the two differ (``"红色"`` and the solution's ``"red"``), both are shown: either is accepted.
    """
    word = option_word(option)
    if word == option:
        return f'`"{option}"`'
    return catalogues.say("exercises.option_both", word=word, option=option)


@dataclass(frozen=True)
class ExerciseWords:
    """Where one exercise's words are, and the values its templates are filled with.

    Called with a name (``"prompt"``, ``"hint"``, ``"mistakes.the sum"``, ...), it returns the
    entry ``exercises.<key>.<name>`` of the current language's catalogue, filled in and as plain
    text, or None if there is no such entry (the checker engine then says its own words).

    Parameters
    ----------
    key : str
        The exercise's number, such as ``"03.4"``.
    values : callable
        Returns the values its templates are filled with, computed from the story and the
        exercise's inputs (numbers as text, lists already worded in the current language).
    shared : mapping
        Words this exercise takes from ``exercises.shared``: its name for them (``"mistakes.sign
        slip"``) → the shared entry (``"sign_of_an_error"``).
    options : tuple of str
        A choice's answers, filled in for ``{options}``.

    Examples
    --------
    >>> words = EXERCISES["03.4"].words
    >>> words.entry("mistakes.sign slip")
    'exercises.shared.sign_of_an_error'
    >>> with catalogues.using("en"):
    ...     print(words("mistakes.A as it is"))
    That is A as it is: change point 3 to 0.5 first.
    """

    key: str
    values: Callable[[], Mapping[str, Any]] = dict
    shared: Mapping[str, str] = field(default_factory=dict)
    options: tuple[str, ...] = ()

    def entry(self, name: str) -> str | None:
        """Return the catalogue key of the words called ``name``, or None if the exercise has none."""
        own = f"exercises.{self.key}.{name}"
        if own in _english_keys():
            return own
        if name in self.shared:
            return f"exercises.shared.{self.shared[name]}"
        return None

    def filling(self) -> dict[str, Any]:
        """Return every value a template of this exercise may use, in the current language (markdown)."""
        values = dict(self.values())
        values["predict"] = "**" + catalogues.say("exercises.predict") + "**"
        values["options"] = listing([_shown_option(option) for option in self.options], "or")
        return values

    def markdown(self, name: str, language: str | None = None) -> str | None:
        """Return the words called ``name`` in ``language`` (default: the current one), as markdown."""
        entry = self.entry(name)
        if entry is None:
            return None
        with _speaking(language):
            return catalogues.say(entry, **self.filling())

    def __call__(self, name: str) -> str | None:
        """Return the words called ``name`` in the current language, as plain text (None: none)."""
        words = self.markdown(name)
        return None if words is None else _plain(words)


#: How the course words the checker's generic diagnoses, for every exercise that does not word them itself.
_COURSE_WORDING_OF_LOGS = {
    "mistakes.log base 10": "natural_log_not_base_10",
    "mistakes.log base 2": "natural_log_not_base_2",
}
_COURSE_WORDING_OF_SUMS = {"mistakes.mean instead of sum": "mean_of_points"}


def _exercise(
    key: str,
    kind: str,
    expected: Callable[[], Any],
    mistakes: tuple[Mistake, ...] = (),
    *,
    values: Callable[[], Mapping[str, Any]] = dict,
    shared: Mapping[str, str] | None = None,
    **flags: Any,
) -> Exercise:
    """Return an exercise whose words are ``exercises.<key>`` in the catalogue, filled with ``values``.

    The course's wording of the generic diagnoses applies unless ``shared`` or the exercise's own
    words say otherwise; an answer summed over points (``terms``) fills ``{points}`` with their number.
    """
    filled, course_wording = values, {}
    if flags.get("log"):
        course_wording |= _COURSE_WORDING_OF_LOGS
    if flags.get("terms") and not flags.get("asks_for_mean"):
        course_wording |= _COURSE_WORDING_OF_SUMS

        def filled() -> Mapping[str, Any]:
            return {**values(), "points": flags["terms"]}

    words = ExerciseWords(key, filled, course_wording | dict(shared or {}), tuple(flags.get("options", ())))
    return Exercise(key, kind, expected, words, mistakes, **flags)


def _outcome(labels: tuple[int, ...]) -> str:
    """Return doors' outcome in words: (gift, no gift, gift)."""
    named = [catalogues.say("exercises.shared.gift" if y else "exercises.shared.no_gift") for y in labels]
    return catalogues.say("exercises.shared.outcome", labels=listing(named, None))


def _line(line: story.Line) -> str:
    """Return a line's three settings as a learner reads them on the sliders."""
    return catalogues.say(
        "exercises.shared.line",
        angle=_shown(line.angle_degrees),
        offset=_shown(line.offset),
        sharpness=_shown(line.sharpness),
    )


def _numbers(values: list[int]) -> str:
    """Return whole numbers as a sentence lists them: 1 and 4."""
    return listing([str(value) for value in values], "and")


# Shared words several exercises use.
_SIGN_OF_A_LOG = {"mistakes.sign slip": "sign_of_a_log"}
_SIGN_OF_AN_ERROR = {"mistakes.sign slip": "sign_of_an_error"}
_STARTING_DOORS = {"mistakes.the starting doors": "starting_doors"}
_Q_OF_THE_TRUE_CLASS = {"mistakes.q of the true class": "q_of_the_true_class"}
_CLIPPING = {"near_zero": "clipping"}


# ---------------------------------------------------------------------------------------------
# The values each exercise's words are filled with.
# ---------------------------------------------------------------------------------------------

_A, _B = story.MODEL_A, story.MODEL_B
_SOFTMAX_LOGIT = SOFTMAX_LOGITS[SOFTMAX_CLASS - 1]
_KERAS = CLIPPING_RULES["Keras"]
_DOOR_P = story.DOOR_PROBABILITIES


def _coin_flip_doors() -> float:
    """Return the doors' cross-entropy H(p, q) for coin-flip beliefs, every q = 0.5 (where 04's figure starts)."""
    return math.fsum(general_cross_entropy([p, 1 - p], [0.5, 0.5]) for p in _DOOR_P)


def _what_if_values() -> dict[str, Any]:
    return {"point": WHAT_IF_POINT, "to": _shown(WHAT_IF_PROBABILITY)}


def _raised_values() -> dict[str, Any]:
    changed = _with(_B.probabilities, RAISED_POINT, RAISED_TO)
    return {
        "point": RAISED_POINT,
        "to": _shown(RAISED_TO),
        "was": _shown(_B.probabilities[RAISED_POINT - 1]),
        "start": " * ".join(_g(p) for p in changed[:2]),
        "count": count_word(len(changed)),
    }


def _drop_values() -> dict[str, Any]:
    return {
        "point": DROP_POINT,
        "was": _shown(_B.probabilities[DROP_POINT - 1]),
        "to": _shown(DROP_TO),
        "a_product": format_number(product_of_probabilities(_A.probabilities), 4),
        "others": count_word(len(_B.probabilities) - 1),
    }


def _tenth_values() -> dict[str, Any]:
    was = _B.probabilities[TENTH_POINT - 1]
    return {
        "point": TENTH_POINT,
        "was": _shown(was),
        "to": _shown(was / TENTH_FACTOR),
        "log10": _shown(-math.log10(TENTH_FACTOR)),
    }


def _mended_values() -> dict[str, Any]:
    mended = _with(_A.probabilities, MENDED_POINT, MENDED_TO)
    return {
        "point": MENDED_POINT,
        "to": _shown(MENDED_TO),
        "was": _shown(_A.probabilities[MENDED_POINT - 1]),
        "terms": listing([f"−ln {_shown(p)}" for p in mended], "and"),
        "count": count_word(len(mended)),
    }


def _door_values() -> dict[str, Any]:
    factors = [
        f"p{_subscript(door)}" if label else f"(1 − p{_subscript(door)})"
        for door, label in enumerate(DOOR_OUTCOME, start=1)
    ]
    last = len(DOOR_OUTCOME)
    flipped = (*DOOR_OUTCOME[:-1], 1 - DOOR_OUTCOME[-1])
    return {
        "door": MOVED_DOOR,
        "door_index": _subscript(MOVED_DOOR),
        "to": _shown(MOVED_TO),
        "start": _shown(_DOOR_P[MOVED_DOOR - 1]),
        "doors": listing([_shown(p) for p in _moved_doors()], "and"),
        "door_list": listing([_shown(p) for p in _moved_doors()], None),
        "outcome": _outcome(DOOR_OUTCOME),
        "factors": " × ".join(factors),
        "flipped": _outcome(flipped),
        "last": last,
        "last_index": _subscript(last),
        "previous": "04.4",
    }


def _certain_door_values() -> dict[str, Any]:
    return {"door": CERTAIN_DOOR, "door_index": _subscript(CERTAIN_DOOR), "outcomes": 2 ** len(_DOOR_P)}


def _term_values() -> dict[str, Any]:
    terms = [
        f"−ln {_shown(p)}" if y == 1 else f"−ln(1 − {_shown(p)})"
        for y, p in zip(TERM_LABELS, story.GRADER_PROBABILITIES, strict=True)
    ]
    return {
        "labels": _list(TERM_LABELS),
        "probabilities": _list(story.GRADER_PROBABILITIES),
        "terms": listing(terms, None),
        "zero_points": _numbers([index for index, y in enumerate(TERM_LABELS, start=1) if y == 0]),
        "grader_labels": _list(story.GRADER_LABELS),
    }


def _class_values() -> dict[str, Any]:
    return {
        "classes": count_word(len(CLASS_PREDICTION)),
        "true_class": _true_class(),
        "truth": _list(ONE_HOT_TRUTH),
        "prediction": _list(CLASS_PREDICTION),
        "likeliest": _likeliest_class(),
        "likeliest_index": _subscript(_likeliest_class()),
    }


def _softmax_values() -> dict[str, Any]:
    return {
        "class_number": SOFTMAX_CLASS,
        "logits": _list(SOFTMAX_LOGITS),
        "logit": _shown(_SOFTMAX_LOGIT),
        "count": count_word(len(SOFTMAX_LOGITS)),
    }


def _keras_values() -> dict[str, Any]:
    return {
        "p": _g(KERAS_PROBABILITY),
        "p_power": _power_of_ten(KERAS_PROBABILITY),
        "clip": _g(_KERAS.clip_probability or 0.0),
        "floor": _shown(CLIPPING_RULES["PyTorch"].log_floor or 0.0),
    }


def _gradient_values() -> dict[str, Any]:
    return {"y": GRADIENT_LABEL, "other_y": 1 - GRADIENT_LABEL, "z": _shown(GRADIENT_LOGIT)}


def _below_b_values() -> dict[str, Any]:
    still_wrong = _wrong_side_points(story.first_step_below_model_b())
    if len(still_wrong) != 1:
        raise RuntimeError(f"07.3's words say one point is on the wrong side where descent beats B, not {still_wrong}")
    return {"still_wrong": still_wrong[0]}


def _function_values(key: str) -> Callable[[], dict[str, Any]]:
    def values() -> dict[str, Any]:
        return {"cases": count_word(len(FUNCTION_CASES[key])), "halves": HALVES, "certain": count_word(CERTAIN_POINTS)}

    return values


# ---------------------------------------------------------------------------------------------
# The exercises: data and logic. Their words: ce_lib/words/<language>/exercises.toml.
def _doors_outcome_surprises() -> tuple[np.ndarray, np.ndarray]:
    """Return the doors' eight outcomes' probabilities and cross-entropies (ce_lib's table)."""
    table = outcome_table(story.DOOR_PROBABILITIES)
    return np.array([row.probability for row in table]), np.array([row.cross_entropy for row in table])


def _doors_expected_surprise() -> float:
    """Return the doors' average surprise: each outcome's cross-entropy weighted by its probability."""
    probabilities, surprises = _doors_outcome_surprises()
    return math.fsum(probabilities * surprises)


def _doors_entropy() -> float:
    """Return the doors' own entropy: the sum of each door's, H(p) for (gift, no gift)."""
    return math.fsum(entropy([p, 1.0 - p]) for p in story.DOOR_PROBABILITIES)


def _call_taking_probabilities() -> str:
    """Return the PyTorch call (of 06.2's) that takes probabilities and 0/1 labels: it gives B's mean as is."""
    taking = [name for name in TORCH_CALLS if LIBRARY_LOSSES[f"torch.nn.{name}"].takes == "probabilities"]
    if len(taking) != 1:
        raise RuntimeError(f"06.2 needs exactly one call that takes probabilities, not {taking}")
    mean = cross_entropy(np.ones(len(_B.probabilities)), _B.probabilities, reduction="mean")
    given = library_loss(f"torch.nn.{taking[0]}", np.ones(len(_B.probabilities)), _B.probabilities)
    if not math.isclose(given, mean, rel_tol=1e-12):
        raise RuntimeError("ce_lib.frameworks.library_loss disagrees with ce_lib's mean")
    return taking[0]


def _harder_push() -> str:
    """Return which loss pushes a confidently wrong red point's logit harder (07.2)."""
    cross = abs(float(cross_entropy_gradient_logits([1], [WRONG_LOGIT])[0]))
    squared = abs(float(squared_error_gradient_logits([1], [WRONG_LOGIT])[0]))
    return "cross-entropy" if cross > squared else "squared error"


def _positive_terms_only(y: Any, p: Any) -> Any:
    """The formula with its (1 − y) terms dropped: only −Σ y ln p."""
    y, p = np.asarray(y, dtype=np.float64), np.asarray(p, dtype=np.float64)
    return -np.sum(np.where(y > 0, y * np.log(p), 0.0))


# ---------------------------------------------------------------------------------------------

_EXERCISE_LIST: tuple[Exercise, ...] = (
    # 00: start here --------------------------------------------------------------------------
    _exercise(
        "00.2",
        "choice",
        _better_separating_model,
        (Mistake("the model with points on the wrong side", _other_option("00.2")),),
        options=("A", "B"),
    ),
    _exercise(
        "00.1",
        "choice",
        _what_if_side,
        (Mistake("the slider read as the other colour", _other_option("00.1")),),
        values=_what_if_values,
        predict=True,
        options=(story.RED, story.BLUE),
    ),
    _exercise(
        "00.3",
        "integer",
        lambda: sum(p < 0.5 for p in _A.probabilities),
        values=lambda: {"count": count_word(len(_A.probabilities))},
        bounds=(0, len(_A.probabilities)),
    ),
    # 01: the product -------------------------------------------------------------------------
    _exercise(
        "01.2",
        "number",
        lambda: product_of_probabilities(_with(_B.probabilities, RAISED_POINT, RAISED_TO)),
        (
            Mistake("the sum", lambda: math.fsum(_with(_B.probabilities, RAISED_POINT, RAISED_TO))),
            Mistake("B as it is", lambda: product_of_probabilities(_B.probabilities)),
            Mistake("model A's product", lambda: product_of_probabilities(_A.probabilities)),
        ),
        values=_raised_values,
        probability=True,
    ),
    _exercise(
        "01.1",
        "choice",
        _drop_makes_b_worse,
        (Mistake("good points outweigh one bad one", _other_option("01.1")),),
        values=_drop_values,
        predict=True,
        options=("yes", "no"),
    ),
    _exercise(
        "01.3",
        "integer",
        _fewest_halves_to_zero,
        (
            Mistake("one too few", lambda: _fewest_halves_to_zero() - 1),
            Mistake("the notebook's example", lambda: HALVES),
            Mistake(
                "the smallest number with all its digits",
                lambda: _fewest_halves_below(float(np.finfo(np.float64).tiny)),
            ),
        ),
        values=lambda: {"low": HINT_FROM, "high": HALVES},
        bounds=(1, None),
    ),
    # 02: the log trick -----------------------------------------------------------------------
    _exercise(
        "02.2",
        "number",
        lambda: sum_of_logs(_B.probabilities),
        (
            Mistake("model A's sum of logs", lambda: sum_of_logs(_A.probabilities)),
            Mistake("the product", lambda: product_of_probabilities(_B.probabilities)),
        ),
        values=lambda: {
            "terms": " + ".join(f"ln({_g(p)})" for p in _B.probabilities),
            "count": count_word(len(_B.probabilities)),
        },
        shared=_SIGN_OF_A_LOG,
        log=True,
        terms=len(_B.probabilities),
    ),
    _exercise(
        "02.3",
        "number",
        lambda: sum_of_logs(np.full(LOG_HALVES, 0.5)),
        (
            Mistake("the underflowed product", lambda: product_of_probabilities(np.full(LOG_HALVES, 0.5))),
            Mistake("the log of the underflowed product", lambda: -math.inf),
        ),
        values=lambda: {"count": LOG_HALVES},
        shared=_SIGN_OF_A_LOG,
        log=True,
    ),
    _exercise(
        "02.1",
        "number",
        _tenth_change,
        (
            Mistake("the ratio, new over old", lambda: 1.0 / TENTH_FACTOR),
            Mistake("the ratio, old over new", lambda: TENTH_FACTOR),
            Mistake(
                "the change of the probability",
                lambda: _B.probabilities[TENTH_POINT - 1] / TENTH_FACTOR - _B.probabilities[TENTH_POINT - 1],
            ),
            Mistake("the new sum of logs", lambda: sum_of_logs(story.MODEL_B.probabilities) + _tenth_change()),
            Mistake("the new log alone", lambda: math.log(_B.probabilities[TENTH_POINT - 1] / TENTH_FACTOR)),
        ),
        values=_tenth_values,
        predict=True,
        log=True,
    ),
    _exercise(
        "02.4",
        "function",
        lambda: sum_of_logs,
        (
            Mistake("log of the product", lambda: _sums_log_of_product),
            Mistake("math.log of the product", lambda: _sums_math_log_of_product),
            Mistake("a minus sign", lambda: _sums_negative),
            Mistake("the mean", lambda: _sums_mean),
            Mistake("log base 10", lambda: _sums_log10),
            Mistake("log base 2", lambda: _sums_log2),
            Mistake("the logs not added", lambda: _sums_nothing),
        ),
        values=_function_values("02.4"),
        shared=_CLIPPING,
    ),
    _exercise(
        "02.5",
        "number",
        lambda: float(point_errors([BITS_PROBABILITY], base=2)[0]),
        (
            Mistake("in nats", lambda: float(point_errors([BITS_PROBABILITY])[0])),
            Mistake("the probability itself", lambda: BITS_PROBABILITY),
            Mistake("one over the probability", lambda: 1 / BITS_PROBABILITY),
        ),
        values=lambda: {"one_in": _shown(1 / BITS_PROBABILITY)},
        shared=_SIGN_OF_AN_ERROR,
    ),
    # 03: the negative log, summed -----------------------------------------------------------
    _exercise(
        "03.3",
        "number",
        lambda: float(point_errors([ERROR_PROBABILITY])[0]),
        (Mistake("the probability", lambda: ERROR_PROBABILITY),),
        values=lambda: {"p": _shown(ERROR_PROBABILITY)},
        shared=_SIGN_OF_AN_ERROR,
        log=True,
    ),
    _exercise(
        "03.4",
        "number",
        lambda: cross_entropy(np.ones(len(_A.probabilities)), _with(_A.probabilities, MENDED_POINT, MENDED_TO)),
        (
            Mistake("A as it is", lambda: story.MODEL_A.cross_entropy()),
            Mistake("the product", lambda: product_of_probabilities(_with(_A.probabilities, MENDED_POINT, MENDED_TO))),
        ),
        values=_mended_values,
        shared=_SIGN_OF_AN_ERROR,
        log=True,
        terms=len(_A.probabilities),
    ),
    _exercise(
        "03.1",
        "integer",
        _largest_error_point,
        (
            Mistake("the largest probability", lambda: int(np.argmax(_A.probabilities)) + 1),
            Mistake("the second largest error", _second_largest_error_point),
        ),
        values=lambda: {
            "first": 1,
            "last": len(_A.probabilities),
            "largest_probability": int(np.argmax(_A.probabilities)) + 1,
            "second": _second_largest_error_point(),
        },
        predict=True,
        bounds=(1, len(_A.probabilities)),
    ),
    _exercise(
        "03.2",
        "number",
        lambda: cross_entropy(np.ones(len(_B.probabilities)), _with(_B.probabilities, ZERO_POINT, 0.0)),
        (
            Mistake("what the product does", lambda: 0.0),
            Mistake("B's cross-entropy before the change", lambda: story.MODEL_B.cross_entropy()),
        ),
        values=lambda: {"point": ZERO_POINT},
        shared=_SIGN_OF_AN_ERROR,
        predict=True,
        log=True,
    ),
    # 04: three doors -------------------------------------------------------------------------
    _exercise(
        "04.4",
        "number",
        lambda: _door_row(DOOR_OUTCOME).probability,
        (
            Mistake("every door with a gift", lambda: product_of_probabilities(_moved_doors())),
            Mistake("door 3 without a gift", lambda: _door_row((*DOOR_OUTCOME[:-1], 1 - DOOR_OUTCOME[-1])).probability),
            Mistake("the starting doors", lambda: _door_row(DOOR_OUTCOME, _DOOR_P).probability),
        ),
        values=_door_values,
        shared=_STARTING_DOORS,
        probability=True,
    ),
    _exercise(
        "04.5",
        "number",
        lambda: _door_row(DOOR_OUTCOME).cross_entropy,
        (
            Mistake("the probability", lambda: _door_row(DOOR_OUTCOME).probability),
            Mistake("the y = 0 term as −ln p", _door_terms_as_if_all_gifts),
            Mistake("the starting doors", lambda: _door_row(DOOR_OUTCOME, _DOOR_P).cross_entropy),
        ),
        values=_door_values,
        shared=_SIGN_OF_AN_ERROR | _STARTING_DOORS,
        log=True,
    ),
    _exercise(
        "04.6",
        "labels",
        lambda: outcome_table(_DOOR_P).least_likely().labels,
        (Mistake("the most likely outcome", lambda: outcome_table(_DOOR_P).most_likely().labels),),
        values=lambda: {"count": count_word(len(_DOOR_P)), "example": labels_example(len(_DOOR_P))},
    ),
    _exercise(
        "04.1",
        "integer",
        _impossible_outcomes,
        (
            Mistake("only one outcome", lambda: 1),
            Mistake("every outcome", lambda: len(_certain_door_table())),
        ),
        values=_certain_door_values,
        predict=True,
        bounds=(0, 2 ** len(_DOOR_P)),
    ),
    _exercise(
        "04.2",
        "number",
        _doors_expected_surprise,
        (
            Mistake("the eight cross-entropies added", lambda: math.fsum(_doors_outcome_surprises()[1])),
            Mistake("their plain mean", lambda: float(np.mean(_doors_outcome_surprises()[1]))),
            Mistake("the likeliest outcome's", lambda: float(_doors_outcome_surprises()[1].min())),
            Mistake(
                "the coin-flip beliefs",
                lambda: math.fsum(general_cross_entropy([p, 1 - p], [0.5, 0.5]) for p in _DOOR_P),
            ),
        ),
        values=lambda: {"outcomes": len(_doors_outcome_surprises()[0])},
        shared=_SIGN_OF_AN_ERROR,
        log=True,
    ),
    _exercise(
        "04.3",
        "number",
        lambda: float(sum(kl_divergence([p, 1 - p], [p, 1 - p]) for p in story.DOOR_PROBABILITIES)),
        (Mistake("the doors' own entropy", _doors_entropy),),
        predict=True,
    ),
    # 05: the general formula -----------------------------------------------------------------
    _exercise(
        "05.3",
        "number",
        lambda: _grader_terms(TERM_LABELS),
        (
            Mistake("the y = 0 term as −ln p", lambda: float(point_errors(story.GRADER_PROBABILITIES).sum())),
            Mistake("the grader's labels", lambda: _grader_terms(story.GRADER_LABELS)),
            Mistake(
                "the (1 − y) terms dropped",
                lambda: float(_positive_terms_only(TERM_LABELS, story.GRADER_PROBABILITIES)),
            ),
        ),
        values=_term_values,
        shared=_SIGN_OF_AN_ERROR,
        log=True,
        terms=len(TERM_LABELS),
    ),
    _exercise(
        "05.4",
        "function",
        lambda: cross_entropy,
        (
            Mistake("np.float_ (gone in NumPy 2)", lambda: _classic_numpy1),
            Mistake("0 · ln 0 gives nan", lambda: _classic_float64),
            Mistake("ln(1 − p) loses a tiny p", lambda: _masked_without_log1p),
            Mistake("the mean", lambda: _masked_mean),
            Mistake("no minus sign", lambda: _masked_no_minus),
            Mistake("log base 10", lambda: _masked_log10),
            Mistake("the terms not added", lambda: _masked_terms),
            Mistake("the (1 − y) terms dropped", lambda: _positive_terms_only),
        ),
        values=_function_values("05.4"),
        shared=_CLIPPING,
    ),
    _exercise(
        "05.5",
        "number",
        lambda: general_cross_entropy(ONE_HOT_TRUTH, CLASS_PREDICTION),
        (
            Mistake("q of the true class", lambda: CLASS_PREDICTION[_true_class() - 1]),
            Mistake("the likeliest class", lambda: float(point_errors(CLASS_PREDICTION)[_likeliest_class() - 1])),
            Mistake("every class counted", lambda: float(point_errors(CLASS_PREDICTION).sum())),
        ),
        values=_class_values,
        shared=_SIGN_OF_AN_ERROR | _Q_OF_THE_TRUE_CLASS,
        log=True,
    ),
    _exercise(
        "05.1",
        "number",
        lambda: cross_entropy([SOFT_LABEL], [SOFT_PREDICTION]),
        (
            Mistake("q itself", lambda: SOFT_PREDICTION),
            Mistake("a soft label is free", lambda: 0.0),
            Mistake(
                "the weights left out", lambda: float(point_errors([SOFT_PREDICTION, 1.0 - SOFT_PREDICTION]).sum())
            ),
        ),
        values=lambda: {"y": _shown(SOFT_LABEL), "p": _shown(SOFT_PREDICTION)},
        shared=_SIGN_OF_AN_ERROR,
        predict=True,
        log=True,
    ),
    _exercise(
        "05.2",
        "number",
        lambda: min((q / 100 for q in range(1, 100)), key=lambda q: cross_entropy([RED_SHARE], [q])),
        (
            Mistake("certain", lambda: 1.0),
            Mistake("a coin flip", lambda: 0.5),
            Mistake("the lowest cost, not the q", lambda: cross_entropy([RED_SHARE], [RED_SHARE])),
        ),
        values=lambda: {"percent": _shown(100 * RED_SHARE)},
        predict=True,
        probability=True,
    ),
    # 06: beyond two classes -----------------------------------------------------------------
    _exercise(
        "06.3",
        "number",
        lambda: float(softmax(SOFTMAX_LOGITS)[SOFTMAX_CLASS - 1]),
        (
            Mistake("class 1", lambda: float(softmax(SOFTMAX_LOGITS)[0])),
            Mistake("the next class", lambda: float(softmax(SOFTMAX_LOGITS)[SOFTMAX_CLASS])),
            Mistake("the logits divided", lambda: _SOFTMAX_LOGIT / math.fsum(SOFTMAX_LOGITS)),
            Mistake("the exponential alone", lambda: math.exp(_SOFTMAX_LOGIT)),
        ),
        values=_softmax_values,
        probability=True,
    ),
    _exercise(
        "06.4",
        "number",
        lambda: perplexity(cross_entropy(np.ones(len(_B.probabilities)), _B.probabilities, reduction="mean")),
        (
            Mistake("e to the sum", lambda: perplexity(story.MODEL_B.cross_entropy())),
            Mistake("the mean itself", lambda: story.MODEL_B.cross_entropy() / len(_B.probabilities)),
        ),
        values=lambda: {"points": len(_B.probabilities)},
    ),
    _exercise(
        "06.5",
        "number",
        lambda: clipped_cross_entropy([1], [KERAS_PROBABILITY], "Keras"),
        (
            Mistake("the exact cost", lambda: cross_entropy([1], [KERAS_PROBABILITY])),
            Mistake("PyTorch's cap", lambda: CLIPPING_RULES["PyTorch"].cap),
            Mistake("the exact cost in base 10", lambda: -math.log10(KERAS_PROBABILITY)),
        ),
        values=_keras_values,
        shared=_SIGN_OF_AN_ERROR,
        log=True,
    ),
    _exercise(
        "06.1",
        "number",
        lambda: cross_entropy_from_class_logits(0, EQUAL_LOGITS),
        (
            Mistake("q of the true class", lambda: float(softmax(EQUAL_LOGITS)[0])),
            Mistake("equal logits cost nothing", lambda: 0.0),
        ),
        values=lambda: {"count": count_word(len(EQUAL_LOGITS))},
        shared=_SIGN_OF_AN_ERROR | _Q_OF_THE_TRUE_CLASS,
        predict=True,
        log=True,
    ),
    _exercise(
        "06.2",
        "choice",
        _call_taking_probabilities,
        tuple(Mistake(name, (lambda name=name: name)) for name in TORCH_CALLS if name != "BCELoss"),
        values=lambda: {
            "probabilities": _list(_B.probabilities),
            "mean": format_number(cross_entropy(np.ones(len(_B.probabilities)), _B.probabilities, reduction="mean"), 3),
        },
        options=TORCH_CALLS,
    ),
    # 07: learning the line -------------------------------------------------------------------
    _exercise(
        "07.4",
        "number",
        lambda: float(cross_entropy_gradient_logits([GRADIENT_LABEL], [GRADIENT_LOGIT])[0]),
        (
            Mistake(
                "the red point's gradient",
                lambda: float(cross_entropy_gradient_logits([1 - GRADIENT_LABEL], [GRADIENT_LOGIT])[0]),
            ),
            Mistake("σ(−z)", lambda: float(sigmoid(-GRADIENT_LOGIT))),
            Mistake("σ(0)", lambda: float(sigmoid(0.0))),
        ),
        values=_gradient_values,
    ),
    _exercise(
        "07.5",
        "number",
        lambda: _sharpened_line(SHARPER).cross_entropy(),
        (
            Mistake("model B at sharpness 1", lambda: story.MODEL_B.cross_entropy()),
            Mistake("twice B's cross-entropy", lambda: SHARPER * story.MODEL_B.cross_entropy()),
            Mistake("half B's cross-entropy", lambda: story.MODEL_B.cross_entropy() / SHARPER),
        ),
        values=lambda: {"line": _line(_sharpened_line(SHARPER))},
        shared=_SIGN_OF_AN_ERROR,
        log=True,
        terms=len(story.POINTS),
    ),
    _exercise(
        "07.3",
        "integer",
        _first_step_all_on_their_side,
        (
            Mistake("below model B's cross-entropy", story.first_step_below_model_b),
            Mistake("one step early", lambda: _first_step_all_on_their_side() - 1),
        ),
        values=_below_b_values,
        bounds=(0, story.DESCENT_STEPS),
    ),
    _exercise(
        "07.1",
        "choice",
        _sharpening_direction,
        (Mistake("sharper means more error", _other_option("07.1")),),
        values=lambda: {
            "start": _shown(story.MODEL_B.line.sharpness),
            "end": _shown(SHARPEST * story.MODEL_B.line.sharpness),
        },
        predict=True,
        options=("up", "down"),
    ),
    _exercise(
        "07.2",
        "choice",
        _harder_push,
        (Mistake("squared error", _other_option("07.2")),),
        values=lambda: {"z": _shown(WRONG_LOGIT)},
        predict=True,
        options=("cross-entropy", "squared error"),
    ),
)

#: Every exercise by its key, in the order of the notebooks.
EXERCISES: dict[str, Exercise] = {e.key: e for e in sorted(_EXERCISE_LIST, key=lambda exercise: exercise.key)}


# ---------------------------------------------------------------------------------------------
# Checking, and the words the notebooks and the teacher's guide are written from.
# ---------------------------------------------------------------------------------------------


def _exercise_called(key: Any) -> Exercise:
    if not isinstance(key, str) or key not in EXERCISES:
        raise ValueError(f"key must be one of the exercise numbers {list(EXERCISES)}, got {key!r}")
    return EXERCISES[key]


def exercise_prompt(key: str, language: str | None = None) -> str:
    """Return the markdown of exercise ``key``'s prompt cell: ``**Exercise 03.4.** <the question>``.

    The one wording of the question, from the catalogue: the notebook builder writes each
    exercise's prompt cell with it, and :func:`check` repeats the same words (as plain text) to a
    learner who has not answered yet. A predict exercise's prompt starts with **Predict**.

    Parameters
    ----------
    key : str
        The exercise's number, such as ``"03.4"`` (see :data:`EXERCISES`).
    language : str, optional
        A language of :data:`ce_lib.words.LANGUAGES`; by default the current one.

    Returns
    -------
    str
        One line of markdown, every number filled in from the story and the exercise's inputs.

    Raises
    ------
    ValueError
        If ``key`` is not an exercise's number.

    Examples
    --------
    >>> print(exercise_prompt("03.3", language="en"))
    **Exercise 03.3.** What is the error −ln(p) of a point the model gives probability 0.05?
    >>> exercise_prompt("04.1", language="en")[:60]
    '**Exercise 04.1.** **Predict**, then check with the slider: '
    """
    exercise = _exercise_called(key)
    with _speaking(language):
        prompt = exercise.words.markdown("prompt")
        return catalogues.say("exercises.exercise", key=key, prompt=prompt)


def check(key: str, answer: Any, *, solution: bool = False) -> Feedback:
    """Check a learner's answer to exercise ``key``: say it is right, or what went wrong.

    The feedback speaks the current language (:func:`ce_lib.words.current_language`: the
    notebook's folder's), and understands a learner typing with a Chinese input method
    (:mod:`ce_lib.course.checking`).

    Parameters
    ----------
    key : str
        The exercise's number, such as ``"03.4"`` (see :data:`EXERCISES`).
    answer : Any
        The learner's answer: a number, a text choice, a tuple of labels or a function, as the
        exercise asks; ``...`` means not answered yet (the check then repeats the question).
        Anything else gets a sentence saying what to give instead; nothing makes the check raise.
    solution : bool, optional
        Check a notebook's hidden solution cell, quietly: a right answer says only that the
        solution checks out, so the cell's visible output, just below the exercise, neither
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
    >>> check("03.3", 2.996).correct
    True
    >>> print(check("03.4", -3.17))
    ✗ Check the sign: an error −ln p is never negative, and neither is a cross-entropy.
    >>> print(check("00.2", " b "))
    ✓ Right: that model's line leaves every point on the side of its own colour.
    >>> check("04.6", (0.4, 0.2, 1.7)).kind
    'wrong kind'
    >>> print(check("02.3", ...))
    ✗ Not answered yet: replace ... with your answer. What is the sum of the logs of 2000 probabilities of 0.5?

    A solution cell checks its answer quietly, but shows what is wrong with a broken one:

    >>> print(check("03.3", 2.996, solution=True))
    ✓ This solution checks out.
    >>> print(check("03.3", 0.05, solution=True))
    ✗ That is the probability itself: take −ln of it.
    """
    exercise = _exercise_called(key)
    cases = FUNCTION_CASES[key] if exercise.kind == "function" else ()
    return check_answer(exercise, answer, cases, solution=solution)


def misconception_rows() -> list[tuple[str, str, str]]:
    """Return (exercise key, mistake name, message) for every mistake a check recognises.

    The exercises' own mistakes come first, then the generic diagnoses that apply to each,
    in the order a check tries them, in the current language: the table of misconceptions in
    the teacher's guide.

    Returns
    -------
    list of tuple of str

    Examples
    --------
    >>> rows = misconception_rows()
    >>> ("03.3", "the probability", "That is the probability itself: take −ln of it.") in rows
    True
    """
    return [
        (key, diagnosis.name, diagnosis.message)
        for key, exercise in EXERCISES.items()
        for diagnosis in exercise.diagnoses()
    ]
