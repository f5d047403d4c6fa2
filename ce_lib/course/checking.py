"""The checker engine: whether an answer to an :class:`Exercise` is right, or what went wrong.

It knows nothing of the course's exercises (they are in :mod:`ce_lib.course.exercises`); given one
:class:`Exercise`, and for a function exercise the cases to run a learner's function on,
:func:`check_answer` says right, or names the mistake. An exercise lists, as data, the mistakes
learners actually make (a :class:`Mistake`: its name, the wrong answer it leads to, what to say).
Numeric exercises also get generic diagnoses unless the exercise switches one off: a sign slip,
log base 10 or 2 instead of ln, the mean where the sum is asked (or the reverse), a percentage
instead of a probability, a rounding too coarse; otherwise the feedback says at least whether
the answer is too high or too low, never what it should be. An answer of the wrong kind (text,
``None``, a list, ``nan``, ...) gets a sentence saying what to give, never an exception. With
``solution=True`` a right answer says only :data:`SOLUTION_CHECKS_OUT`.

Examples
--------
>>> exercise = Exercise(
...     "demo",
...     "What is −ln 0.5?",
...     "number",
...     lambda: -math.log(0.5),
...     "Take the natural log of 0.5 and flip its sign.",
...     "one half gives an error of ln 2.",
... )
>>> print(check_answer(exercise, 0.693))
✓ Right: one half gives an error of ln 2.
>>> print(check_answer(exercise, -0.693))
✗ Check the sign: the size is right, but the sign is flipped.
>>> print(check_answer(exercise, "0.693"))
✗ '0.693' is text: remove the quotes.
"""

from __future__ import annotations

import copy
import html
import math
import numbers
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np

from ce_lib.formatting import format_number

__all__ = [
    "EXERCISE_KINDS",
    "FUNCTION_TOLERANCE",
    "GENERIC_MISTAKES",
    "KINDS",
    "RELATIVE_TOLERANCE",
    "SOLUTION_CHECKS_OUT",
    "Exercise",
    "Feedback",
    "FunctionCases",
    "Mistake",
    "check_answer",
]

#: A number within this relative distance of the right answer is right (0.5 %): a hand calculation
#: rounded to three significant digits always is, one rounded to two often is not.
RELATIVE_TOLERANCE = 5e-3
#: A learner's function must agree with ce_lib this closely on every test case.
FUNCTION_TOLERANCE = 1e-9
#: What a feedback can be: right, a named mistake, the wrong kind of answer, no answer yet, or just off.
KINDS: tuple[str, ...] = ("right", "mistake", "wrong kind", "not answered", "off")
#: The generic diagnoses of a numeric answer, in the order they are tried (after the exercise's own).
GENERIC_MISTAKES: tuple[str, ...] = (
    "sign slip",
    "log base 10",
    "log base 2",
    "mean instead of sum",
    "sum instead of mean",
    "percent instead of fraction",
    "rounded too coarsely",
)
#: Exercise kinds: what an answer must be.
EXERCISE_KINDS: tuple[str, ...] = ("number", "integer", "choice", "labels", "function")

_INFINITY_WORDS = frozenset({"inf", "∞", "infinity"})
_MAX_NESTING = 64
_NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}
_COLOURS = {"right": "#1b7837", "not answered": "#4d4d4d"}  # everything else: orange
_ROUNDED_TOO_COARSELY = (
    f"Close, but rounded too far: the check wants the answer within {100 * RELATIVE_TOLERANCE:g} % — keep three "
    "or four significant digits."
)
#: What a right solution cell says: nothing about the answer, so the cell below the exercise gives nothing away.
SOLUTION_CHECKS_OUT = "This solution checks out."


@dataclass(frozen=True)
class Feedback:
    """What a check says: right or not, a sentence for the learner, and what kind of answer it was.

    Parameters
    ----------
    correct : bool
        Whether the answer is right.
    message : str
        One or two plain sentences for the learner.
    kind : {"right", "mistake", "wrong kind", "not answered", "off"}, optional
        ``"mistake"`` when a known mistake was recognised, ``"wrong kind"`` for text, a list,
        ``None`` and the like, ``"off"`` for a plain wrong answer; by default ``"right"`` or ``"off"``.
    mistake : str or None
        The name of the recognised mistake (only with ``kind="mistake"``).

    Examples
    --------
    >>> feedback = Feedback(False, "Check the sign.", "mistake", "sign slip")
    >>> print(feedback)
    ✗ Check the sign.
    >>> feedback.kind, feedback.mistake
    ('mistake', 'sign slip')
    """

    correct: bool
    message: str
    kind: str = ""
    mistake: str | None = None

    def __post_init__(self) -> None:
        kind = self.kind or ("right" if self.correct else "off")
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
        if (kind == "right") != bool(self.correct):
            raise ValueError(f"a feedback of kind {kind!r} cannot have correct={self.correct!r}")
        if (self.mistake is not None) != (kind == "mistake"):
            raise ValueError("a mistake name goes with kind 'mistake', and only with it")
        object.__setattr__(self, "kind", kind)

    def __str__(self) -> str:
        # ✓ and ✗ are in every common font (DejaVu included); colour emoji are not.
        return ("✓ " if self.correct else "✗ ") + self.message

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        colour = _COLOURS.get(self.kind, "#b35806")
        return f'<p style="color:{colour};font-weight:bold">{html.escape(str(self))}</p>'


@dataclass(frozen=True)
class Mistake:
    """A mistake learners make on one exercise: its name, the wrong answer it leads to, what to say.

    Parameters
    ----------
    name : str
        A short name, for the teacher's guide and ``Feedback.mistake``.
    value : callable
        Returns the wrong answer this mistake produces (computed, like the expected answer);
        for a function exercise, a function with the mistake in it.
    message : str
        One or two sentences naming what went wrong and what to do, without the right answer.

    Examples
    --------
    >>> mistake = Mistake("the probability", lambda: 0.05, "That is the probability itself: take −ln of it.")
    >>> mistake.value()
    0.05
    """

    name: str
    value: Callable[[], Any]
    message: str


@dataclass(frozen=True)
class Exercise:
    """One exercise: its question, how its answer is computed, and what to say about wrong answers.

    Parameters
    ----------
    key : str
        Its number, such as ``"03.2"`` (notebook 03, exercise 2).
    question : str
        The question as the notebook asks it.
    kind : {"number", "integer", "choice", "labels", "function"}
        What an answer is: a real number (relative tolerance), a whole number (exact), one of
        ``options``, a tuple of 0/1 labels, or the learner's own function.
    expected : callable
        Computes the right answer with ce_lib (for a function exercise: ce_lib's function).
    hint : str
        Said with a plain wrong answer; never gives the answer away.
    confirmation : str
        Said with a right answer, after "Right: "; no numbers, never the answer itself.
    mistakes : tuple of Mistake
        The exercise's own mistakes, tried first and in order.
    predict : bool
        Whether the learner predicts before moving a slider.
    options : tuple of str
        The answers a choice exercise accepts (case and surrounding spaces are ignored).
    log : bool
        The answer is a log or a cross-entropy: diagnose log base 10 and log base 2.
    points : int or None
        The answer is a sum over this many points (or a mean, with ``asks_for_mean``):
        diagnose the mean given for the sum, or the reverse.
    asks_for_mean : bool
        The question asks for the mean, not the sum.
    probability : bool
        The answer is a probability: diagnose a percentage, and a value outside [0, 1].
    sign, rounding : bool
        Diagnose a sign slip / a rounding too coarse (on by default).
    abs_tolerance : float
        Absolute tolerance, for an answer that is 0.
    bounds : tuple or None
        For a whole-number answer: the smallest and the largest sensible answer (None: no largest).
    messages : mapping
        This exercise's wording of a generic diagnosis, by its name in :data:`GENERIC_MISTAKES`.

    Examples
    --------
    >>> exercise = Exercise(
    ...     "03.1",
    ...     "The error −ln p of a point the model gives probability 0.05.",
    ...     "number",
    ...     lambda: -math.log(0.05),
    ...     "Take the natural log of 0.05 and flip its sign.",
    ...     "a small probability gives a large error.",
    ...     (Mistake("the probability", lambda: 0.05, "That is the probability itself: take −ln of it."),),
    ...     log=True,
    ... )
    >>> exercise.kind, round(exercise.expected(), 4)
    ('number', 2.9957)
    >>> [mistake.name for mistake in exercise.diagnoses()]
    ['the probability', 'sign slip', 'log base 10', 'log base 2', 'rounded too coarsely']
    """

    key: str
    question: str
    kind: str
    expected: Callable[[], Any]
    hint: str
    confirmation: str
    mistakes: tuple[Mistake, ...] = ()
    predict: bool = False
    options: tuple[str, ...] = ()
    log: bool = False
    points: int | None = None
    asks_for_mean: bool = False
    probability: bool = False
    sign: bool = True
    rounding: bool = True
    abs_tolerance: float = 0.0
    bounds: tuple[int, int | None] | None = None
    messages: Mapping[str, str] = field(default_factory=dict, compare=False)

    def diagnoses(self) -> tuple[Mistake, ...]:
        """Return every mistake this exercise recognises: its own first, then the generic ones that apply.

        A generic diagnosis applies when the exercise's flags ask for it and its wrong value differs
        from the right answer and from every earlier diagnosis. The "rounded too coarsely" entry's
        value is one of the roundings it recognises.

        Returns
        -------
        tuple of Mistake
            In the order a check tries them.
        """
        if self.kind != "number":
            return self.mistakes
        return tuple(mistake for mistake, _ in _numeric_diagnoses(self, float(self.expected())))


#: The inputs a learner's function is tried on, in order: (arguments, what they stand for).
FunctionCases = Sequence[tuple[tuple[Any, ...], str]]


# ---------------------------------------------------------------------------------------------
# Checking.
# ---------------------------------------------------------------------------------------------


def check_answer(exercise: Exercise, answer: Any, cases: FunctionCases = (), *, solution: bool = False) -> Feedback:
    """Check a learner's answer to ``exercise``: say it is right, or what went wrong.

    Parameters
    ----------
    exercise : Exercise
        The exercise answered.
    answer : Any
        The learner's answer: a number, a text choice, a tuple of labels or a function, as the
        exercise asks; ``...`` means not answered yet. Anything else gets a sentence saying what
        to give instead; nothing makes the check raise.
    cases : sequence of (tuple, str), optional
        For a function exercise: the arguments the learner's function is run on, each with what
        they stand for, in order. Ignored for other exercises.
    solution : bool, optional
        Check a notebook's hidden solution cell, quietly: a right answer says only
        :data:`SOLUTION_CHECKS_OUT`. A wrong one says what a normal check says.

    Returns
    -------
    Feedback
        Shown in a notebook as a green ✓ or an orange ✗ with one or two sentences.

    Raises
    ------
    ValueError
        If ``exercise`` is a function exercise and ``cases`` is empty.

    Examples
    --------
    >>> exercise = Exercise(
    ...     "demo", "Which is larger, 2 or 3?", "choice", lambda: "3", "Count.", "3 > 2.", options=("2", "3")
    ... )
    >>> print(check_answer(exercise, " 3 "))
    ✓ Right: 3 > 2.
    >>> print(check_answer(exercise, "3", solution=True))
    ✓ This solution checks out.
    >>> check_answer(exercise, 3).kind
    'wrong kind'
    """
    if answer is Ellipsis:
        return _not_answered(exercise)
    if answer is None:
        return _none(exercise)
    if exercise.kind == "function":
        feedback = _check_function(exercise, answer, cases)
    else:
        checker = {
            "number": _check_number,
            "integer": _check_integer,
            "choice": _check_choice,
            "labels": _check_labels,
        }[exercise.kind]
        feedback = checker(exercise, answer)
    if solution and feedback.correct:
        return Feedback(True, SOLUTION_CHECKS_OUT, "right")
    return feedback


def _right(exercise: Exercise) -> Feedback:
    return Feedback(True, "Right: " + exercise.confirmation, "right")


def _wrong_kind(message: str) -> Feedback:
    return Feedback(False, message, "wrong kind")


def _off(message: str) -> Feedback:
    return Feedback(False, message, "off")


def _recognised(mistake: Mistake) -> Feedback:
    return Feedback(False, mistake.message, "mistake", mistake.name)


def _options_text(exercise: Exercise) -> str:
    quoted = [repr(option) for option in exercise.options]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _not_answered(exercise: Exercise) -> Feedback:
    if exercise.kind == "function":
        return Feedback(
            False, f"Not answered yet: write your function and pass it. {exercise.question}", "not answered"
        )
    question = exercise.question
    if exercise.kind == "choice":
        question += f" Answer {_options_text(exercise)}."
    return Feedback(False, f"Not answered yet: replace ... with your answer. {question}", "not answered")


def _none(exercise: Exercise) -> Feedback:
    if exercise.kind == "function":
        message = "Your answer is None: give your function itself (its name, no brackets)."
    else:
        message = (
            "Your answer is None, not a value: did you forget to write `answer = ...`, or call something "
            "that prints its result instead of returning it?"
        )
    return Feedback(False, message, "not answered")


def _short(value: Any, limit: int = 40) -> str:
    """Return ``repr(value)``, shortened, or the type's name if even repr fails."""
    try:
        text = repr(value)
    except Exception:  # a learner's object: any failure just means we name its type
        return _a(type(value).__name__)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _a(noun: str) -> str:
    """Return a noun with its article: "an object", "a list"."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _describe(value: Any) -> str:
    """Return what a value is, for a sentence: "the text '1.61'", "a dict", "None"."""
    if value is None:
        return "None"
    if value is Ellipsis:
        return "..."
    if isinstance(value, (bool, np.bool_)):
        return f"the truth value {bool(value)}"
    if isinstance(value, str):
        return f"the text {_short(value)}"
    if isinstance(value, (bytes, bytearray)):
        return f"the bytes {_short(value)}"
    if isinstance(value, (np.datetime64, np.timedelta64)):
        return "a date or a time span"
    if isinstance(value, numbers.Complex) and not isinstance(value, numbers.Real):
        return f"the complex number {_short(value)}"
    if isinstance(value, numbers.Number) or isinstance(value, Decimal):
        return f"the number {_short(value)}"
    if isinstance(value, dict):
        return "a dict"
    if isinstance(value, (set, frozenset)):
        return "a set"
    if isinstance(value, (list, tuple, np.ndarray)):
        noun = "array" if isinstance(value, np.ndarray) else type(value).__name__
        size = value.size if isinstance(value, np.ndarray) else len(value)
        return f"an empty {noun}" if size == 0 else f"{_a(noun)} of {size} values"
    if isinstance(value, type):
        return f"the type {value.__name__}"
    if callable(value):
        return "a function"
    return _a(f"{type(value).__name__} object")


def _array_like(value: Any) -> bool:
    """Tell whether a value converts to a NumPy array by itself (pandas, PyTorch, ...)."""
    return hasattr(type(value), "__array__") and not isinstance(
        value, (np.ndarray, np.generic, numbers.Number, str, bytes, bytearray)
    )


def _single(answer: Any, one: str) -> tuple[Any, str | None]:
    """Unwrap one-element lists, tuples and arrays at any depth: return (the value, None) or (None, a message)."""
    value = answer
    for _ in range(_MAX_NESTING):
        if isinstance(value, np.ndarray):
            if value.size == 0:
                return None, f"Your answer is an empty array: give {one}."
            if value.size > 1:
                return None, f"Give {one}, not an array of {value.size} values."
            value = np.asarray(value).reshape(-1)[0]  # np.asarray: a matrix stays 2-D when indexed
        elif isinstance(value, (list, tuple)):
            noun = "list" if isinstance(value, list) else "tuple"
            if len(value) == 0:
                return None, f"Your answer is an empty {noun}: give {one}."
            if len(value) > 1:
                return None, f"Give {one}, not a {noun} of {len(value)}."
            value = value[0]
        elif _array_like(value):
            try:
                converted = np.asarray(value)
            except Exception:  # a learner's object: it is simply not an array
                return value, None
            if converted.dtype == object and converted.ndim == 0:
                return value, None
            value = converted
        else:
            return value, None
    return None, f"Your answer is nested too deeply: give {one}."


def _real(exercise: Exercise, answer: Any) -> int | float | Feedback:
    """Turn an answer into one real number (an int stays an int), or say why it is not one."""
    if (
        isinstance(answer, tuple)
        and len(answer) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in answer)
        and answer[1] >= 0
    ):
        return _wrong_kind(
            "Give one number, not a tuple of 2: in Python a comma makes a pair, so write the decimal point as a dot."
        )
    value, problem = _single(answer, "one number")
    if problem is not None:
        return _wrong_kind(problem)
    if value is Ellipsis:
        return _not_answered(exercise)
    if value is None:
        return _none(exercise)
    if isinstance(value, (bool, np.bool_)):
        return _wrong_kind(f"{bool(value)} is a truth value (a bool), not a number: give a number.")
    if isinstance(value, str):
        return _from_text(exercise, value)
    if isinstance(value, (bytes, bytearray)):
        return _wrong_kind(f"{_short(value)} is bytes, not a number: give the number itself, without quotes or b.")
    if isinstance(value, (np.datetime64, np.timedelta64)):
        return _wrong_kind("That is a date or a time span, not a number: give a number.")
    try:
        if isinstance(value, numbers.Integral):
            return int(value)
        if isinstance(value, (numbers.Real, Decimal)):
            try:
                number = float(value)
            except OverflowError:
                number = math.inf if value > 0 else -math.inf
            return _nan(exercise) if math.isnan(number) else number
    except Exception:  # a learner's number-like object that does not convert
        return _wrong_kind(f"{_describe(value)} does not turn into a number: give a plain number.")
    if isinstance(value, numbers.Complex):
        return _wrong_kind(f"{_short(value)} is a complex number: give a real number (no j).")
    if isinstance(value, dict):
        return _wrong_kind("That is a dict (key: value pairs), not a number: give one number.")
    if isinstance(value, (set, frozenset)):
        return _wrong_kind("That is a set (in curly brackets), not a number: give one number.")
    if callable(value):
        return _wrong_kind("That is a function, not a number: call it (brackets with its inputs) and give the number.")
    return _wrong_kind(f"Your answer is {_describe(value)}, not a number: give one number.")


def _nan(exercise: Exercise) -> Feedback:
    return _wrong_kind(
        "Your answer is nan, 'not a number': it often comes from 0 · ln 0 or the log of a negative number. "
        "Check your calculation and give a number."
    )


def _from_text(exercise: Exercise, text: str) -> float | Feedback:
    stripped = text.strip()
    if math.isinf(_expected_float(exercise)):
        sign = -1.0 if stripped[:1] in ("-", "−") else 1.0
        if stripped[1:].strip().casefold() in _INFINITY_WORDS and stripped[:1] in ("-", "−", "+"):
            return sign * math.inf
        if stripped.casefold() in _INFINITY_WORDS:
            return math.inf
    if not stripped:
        return _wrong_kind("Your answer is empty text: give a number.")
    shown = _short(text)
    for candidate, advice in ((stripped, ""), (stripped.replace(",", "."), ", and write the decimal point as a dot")):
        try:
            float(candidate.replace("−", "-"))
        except ValueError:
            continue
        return _wrong_kind(f"{shown} is text: remove the quotes{advice}.")
    return _wrong_kind(f"{shown} is text, not a number: give a number, without quotes.")


def _expected_float(exercise: Exercise) -> float:
    try:
        return float(exercise.expected())
    except (TypeError, ValueError):
        return math.nan


def _close(answer: float, target: float, abs_tolerance: float = 0.0) -> bool:
    """Tell whether an answer equals a target within the relative tolerance (infinities exactly)."""
    if math.isinf(answer) or math.isinf(target):
        return answer == target
    return math.isclose(answer, target, rel_tol=RELATIVE_TOLERANCE, abs_tol=abs_tolerance)


def _same(answer: float, target: float) -> bool:
    """Tell whether an answer is a typed-in copy of ``target`` (a rounding of the expected value)."""
    return math.isclose(answer, target, rel_tol=1e-9, abs_tol=1e-15)


def _roundings(expected: float) -> list[float]:
    """Return the expected value rounded to 1 or 2 significant digits or decimals, and cut to 2 or 3 digits."""
    if not math.isfinite(expected) or expected == 0.0:
        return []
    magnitude = math.floor(math.log10(abs(expected)))
    candidates = [round(expected, digits - 1 - magnitude) for digits in (1, 2)]
    candidates += [round(expected, decimals) for decimals in (1, 2)]
    for places in [digits - 1 - magnitude for digits in (2, 3)] + [1, 2]:
        scale = 10.0**places
        candidates.append(math.trunc(expected * scale) / scale)
    unique: list[float] = []
    for candidate in candidates:
        if candidate != 0.0 and not any(_same(candidate, seen) for seen in unique):
            unique.append(float(candidate))
    return unique


def _generic_values(exercise: Exercise, expected: float) -> list[tuple[str, float, str]]:
    """Return (name, wrong value, message) of the generic diagnoses the exercise's flags switch on."""
    found: list[tuple[str, float, str]] = []
    if exercise.sign:
        found.append(("sign slip", -expected, "Check the sign: the size is right, but the sign is flipped."))
    if exercise.log:
        found.append(
            (
                "log base 10",
                expected / math.log(10.0),
                "That is log base 10 (log₁₀): the course uses the natural log, ln (np.log or math.log).",
            )
        )
        found.append(
            (
                "log base 2",
                expected / math.log(2.0),
                "That is log base 2, in bits: the course uses the natural log, ln (np.log or math.log).",
            )
        )
    if exercise.points:
        n = exercise.points
        if exercise.asks_for_mean:
            found.append(
                (
                    "sum instead of mean",
                    expected * n,
                    f"That is the sum over the {n} points: the question asks for the mean, the sum divided by {n}.",
                )
            )
        else:
            found.append(
                (
                    "mean instead of sum",
                    expected / n,
                    f"That is the mean, the sum divided by the {n} points: the question asks for the sum.",
                )
            )
    if exercise.probability:
        found.append(
            (
                "percent instead of fraction",
                100.0 * expected,
                "That is a percentage: give the probability as a fraction between 0 and 1 (divide by 100).",
            )
        )
    return [(name, value, exercise.messages.get(name, message)) for name, value, message in found]


def _numeric_diagnoses(exercise: Exercise, expected: float) -> list[tuple[Mistake, Callable[[float], bool]]]:
    """Return each diagnosis of a numeric exercise with a test of whether an answer shows it, in order."""
    diagnoses: list[tuple[Mistake, Callable[[float], bool]]] = []
    taken = [expected]

    def fresh(value: float) -> bool:
        return not math.isnan(value) and not any(_close(value, seen, 1e-12) for seen in taken)

    for mistake in exercise.mistakes:
        wrong = float(mistake.value())
        diagnoses.append((mistake, lambda answer, wrong=wrong: _close(answer, wrong, 1e-12)))
        taken.append(wrong)
    for name, wrong, message in _generic_values(exercise, expected):
        if fresh(wrong):
            diagnoses.append(
                (Mistake(name, lambda wrong=wrong: wrong, message), lambda a, w=wrong: _close(a, w, 1e-12))
            )
            taken.append(wrong)
    if exercise.rounding:
        roundings = [value for value in _roundings(expected) if fresh(value)]
        if roundings:
            message = exercise.messages.get("rounded too coarsely", _ROUNDED_TOO_COARSELY)
            mistake = Mistake("rounded too coarsely", lambda first=roundings[0]: first, message)
            diagnoses.append((mistake, lambda answer: any(_same(answer, value) for value in roundings)))
    return diagnoses


def _too_high_or_low(exercise: Exercise, answer: float, expected: float) -> Feedback:
    if exercise.probability and not 0.0 <= answer <= 1.0:
        return _off(f"Not yet: a probability is between 0 and 1. Hint: {exercise.hint}")
    if math.isinf(answer) and not math.isinf(expected):
        size = "infinite" if answer > 0 else "minus infinity"
        return _off(f"Not yet: your answer is {size}, but this one is a finite number. Hint: {exercise.hint}")
    direction = "too high" if answer > expected else "too low"
    return _off(f"Not yet: your answer is {direction}. Hint: {exercise.hint}")


def _check_number(exercise: Exercise, answer: Any) -> Feedback:
    value = _real(exercise, answer)
    if isinstance(value, Feedback):
        return value
    try:
        number = float(value)
    except OverflowError:  # a whole number too large for a float
        number = math.inf if value > 0 else -math.inf
    expected = float(exercise.expected())
    if _close(number, expected, exercise.abs_tolerance):
        return _right(exercise)
    for mistake, shows in _numeric_diagnoses(exercise, expected):
        if shows(number):
            return _recognised(mistake)
    return _too_high_or_low(exercise, number, expected)


def _check_integer(exercise: Exercise, answer: Any) -> Feedback:
    value = _real(exercise, answer)
    if isinstance(value, Feedback):
        return value
    if isinstance(value, float):
        if math.isinf(value):
            return _off(f"Not yet: your answer is infinite, but this one is a whole number. Hint: {exercise.hint}")
        if not value.is_integer():
            return _wrong_kind(f"Give a whole number: {value:g} is not one.")
        value = int(value)
    expected = int(exercise.expected())
    if value == expected:
        return _right(exercise)
    for mistake in exercise.mistakes:
        if value == int(mistake.value()):
            return _recognised(mistake)
    if exercise.bounds is not None:
        low, high = exercise.bounds
        if value < low or (high is not None and value > high):
            allowed = f"from {low} to {high}" if high is not None else f"of at least {low}"
            return _off(f"Not yet: the answer is a whole number {allowed}. Hint: {exercise.hint}")
    direction = "too high" if value > expected else "too low"
    return _off(f"Not yet: your answer is {direction}. Hint: {exercise.hint}")


def _check_choice(exercise: Exercise, answer: Any) -> Feedback:
    options = _options_text(exercise)
    value, problem = _single(answer, f"one answer, {options}")
    if problem is not None:
        return _wrong_kind(problem)
    if value is Ellipsis:
        return _not_answered(exercise)
    if value is None:
        return _none(exercise)
    if isinstance(value, (bool, np.bool_)):
        return _wrong_kind(f"{bool(value)} is a truth value (a bool): answer with the text {options}.")
    if isinstance(value, (bytes, bytearray)):
        return _wrong_kind(f"{_short(value)} is bytes: answer with the text {options}, without the b.")
    if not isinstance(value, str):
        return _wrong_kind(f"Your answer is {_describe(value)}: answer with the text {options}, in quotes.")
    chosen = {option.casefold(): option for option in exercise.options}.get(value.strip().casefold())
    if chosen is None:
        return _wrong_kind(f"{_short(value)} is not one of the answers: write {options}.")
    if chosen == exercise.expected():
        return _right(exercise)
    for mistake in exercise.mistakes:
        if chosen == mistake.value():
            return _recognised(mistake)
    return _off(f"Not yet. Hint: {exercise.hint}")


def _label_items(answer: Any) -> list[Any] | None:
    """Return the entries of a sequence of labels, unwrapping one-element layers, or None if not a sequence."""
    value = answer
    for _ in range(_MAX_NESTING):
        if _array_like(value):
            try:
                value = np.asarray(value)
            except Exception:  # a learner's object: not a sequence of labels
                return None
        if isinstance(value, np.ndarray):
            if value.ndim == 0 or sum(length != 1 for length in value.shape) > 1:
                return None
            items = list(np.asarray(value).reshape(-1))
        elif isinstance(value, (list, tuple)):
            items = list(value)
        else:
            return None
        if len(items) == 1 and isinstance(items[0], (list, tuple, np.ndarray)):
            value = items[0]
            continue
        return items
    return None


def _label(entry: Any) -> int | str:
    """Return an entry as the label 0 or 1, or a description of why it is not one."""
    if isinstance(entry, (bool, np.bool_)):
        return f"the truth value {bool(entry)}"
    if isinstance(entry, str):
        return f"the text {_short(entry, 12)}"
    if isinstance(entry, (numbers.Real, Decimal)) and not isinstance(entry, (np.datetime64, np.timedelta64)):
        try:
            number = float(entry)
        except Exception:  # a learner's number-like object that does not convert
            return _describe(entry)
        if number in (0.0, 1.0):
            return int(number)
        return format_number(number, 6).replace("−", "-") if math.isfinite(number) else str(number)
    return _describe(entry)


def _check_labels(exercise: Exercise, answer: Any) -> Feedback:
    expected = tuple(exercise.expected())
    count = _NUMBER_WORDS.get(len(expected), str(len(expected)))
    if isinstance(answer, str):
        return _wrong_kind(
            f"{_short(answer)} is text: give {count} numbers in brackets, without quotes, like (1, 0, 1)."
        )
    items = _label_items(answer)
    if items is None:
        return _wrong_kind(f"Give {count} labels in brackets, one per door, like (1, 0, 1).")
    if any(item is Ellipsis for item in items):
        return _not_answered(exercise)
    if not items:
        return _wrong_kind(f"Your answer is empty: give {count} labels, one per door.")
    if len(items) != len(expected):
        return _wrong_kind(f"Give {count} labels, one per door, not {len(items)}.")
    labels = [_label(item) for item in items]
    if any(isinstance(item, (bool, np.bool_)) for item in items):
        return _wrong_kind("Write the labels as 1 and 0 (1 = gift), not True and False.")
    bad = [f"entry {index} is {label}" for index, label in enumerate(labels, start=1) if isinstance(label, str)]
    if bad:
        listed = bad[0] if len(bad) == 1 else ", ".join(bad[:-1]) + " and " + bad[-1]
        return _wrong_kind(f"Each label is 1 (a gift) or 0 (no gift), but {listed}.")
    given_labels = tuple(labels)
    if given_labels == expected:
        return _right(exercise)
    for mistake in exercise.mistakes:
        if given_labels == tuple(mistake.value()):
            return _recognised(mistake)
    return _off(f"Not yet: that is not the least likely outcome. Hint: {exercise.hint}")


# ---------------------------------------------------------------------------------------------
# Function exercises.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Run:
    """What a function did on one case."""

    kind: str  # "number", "numbers", "error", "not answered", "none", "other"
    number: float = math.nan
    numbers: np.ndarray | None = None
    text: str = ""  # the error ("TypeError: ...") or what the result is ("the text 'a'")

    def same_as(self, other: _Run) -> bool:
        """Tell whether two runs did the same thing (numbers within FUNCTION_TOLERANCE, nan equal to nan)."""
        if self.kind != other.kind:
            return False
        if self.kind == "number":
            return _function_close(self.number, other.number) or (math.isnan(self.number) and math.isnan(other.number))
        if self.kind == "numbers":
            if self.numbers is None or other.numbers is None or self.numbers.shape != other.numbers.shape:
                return False
            return bool(np.allclose(self.numbers, other.numbers, rtol=FUNCTION_TOLERANCE, atol=0.0, equal_nan=True))
        return self.text == other.text


def _function_close(got: float, want: float) -> bool:
    if math.isinf(got) or math.isinf(want):
        return got == want
    return math.isclose(got, want, rel_tol=FUNCTION_TOLERANCE, abs_tol=0.0)


def _result(result: Any) -> _Run:
    """Describe what a learner's function returned."""
    if result is Ellipsis:
        return _Run("not answered")
    if result is None:
        return _Run("none")
    if isinstance(result, (list, tuple, np.ndarray)) or _array_like(result):
        try:
            array = np.asarray(result, dtype=np.float64)
        except Exception:  # text, ragged lists, objects: described below
            array = None
        if array is not None and array.size > 1:
            return _Run("numbers", numbers=array)
    value, problem = _single(result, "one number")
    if problem is not None:
        return _Run("other", text=_describe(result))
    if value is Ellipsis:
        return _Run("not answered")
    if value is None:
        return _Run("none")
    if isinstance(value, (numbers.Real, Decimal)) and not isinstance(
        value, (bool, np.bool_, np.datetime64, np.timedelta64)
    ):
        try:
            return _Run("number", number=float(value))
        except OverflowError:
            return _Run("number", number=math.inf if value > 0 else -math.inf)
    return _Run("other", text=_describe(value))


def _run(function: Callable[..., Any], arguments: tuple[Any, ...]) -> _Run:
    """Run a function on a fresh copy of the arguments, warnings silenced, and describe what it did."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            try:
                result = function(*copy.deepcopy(arguments))
            except Exception as error:  # the learner's code: any failure is feedback
                return _Run("error", text=f"{type(error).__name__}: {error}")
            try:
                return _result(result)
            except Exception:  # a returned object that fails even to be described
                return _Run("other", text=_a(f"{type(result).__name__} object"))


def _first_difference(function: Callable[..., Any], cases: Any, reference_runs: list[_Run]) -> int | None:
    """Return the index of the first case on which ``function`` does not do what the reference did."""
    for index, (arguments, _) in enumerate(cases):
        if not _run(function, arguments).same_as(reference_runs[index]):
            return index
    return None


def _error_tip(error: str) -> str:
    if "must be real number" in error or "only length-1 arrays" in error or "only 0-dimensional" in error:
        return " math.log works on one number at a time; np.log works on a whole list."
    if "name 'np' is not defined" in error:
        return " Run the cell with import numpy as np first."
    return ""


def _function_off(run: _Run, what: str, want: float) -> Feedback:
    shown_want = format_number(want, 10)
    if run.kind == "not answered":
        return Feedback(False, "Not answered yet: replace the ... in your function with your code.", "not answered")
    if run.kind == "error":
        return _off(f"On {what} your function raised {run.text}.{_error_tip(run.text)}")
    if run.kind == "none":
        return _wrong_kind(f"On {what} your function returns None: did you forget the word return?")
    if run.kind == "numbers":
        size = run.numbers.size if run.numbers is not None else 0
        return _wrong_kind(f"On {what} your function returns {size} numbers, not one: it must return one number.")
    if run.kind == "other":
        return _wrong_kind(f"On {what} your function returns {run.text}, not one number.")
    if math.isnan(run.number):
        return _wrong_kind(
            f"On {what} your function returns nan, 'not a number' (often 0 · ln 0 or the log of a negative "
            f"number); ce_lib gives {shown_want}."
        )
    message = f"On {what} your function returns {format_number(run.number, 10)}; ce_lib gives {shown_want}."
    if want == 0.0 and 0.0 < abs(run.number) < 1e-3:
        message += (
            " Clipping p keeps the logs finite but changes the result: compute a term only where its weight is not 0."
        )
    return _off(message)


def _check_function(exercise: Exercise, candidate: Any, cases: FunctionCases) -> Feedback:
    if not callable(candidate):
        if isinstance(candidate, (numbers.Number, np.ndarray, list, tuple)):
            return _wrong_kind("Give the function itself (its name, no brackets), not what it returns.")
        return _wrong_kind(f"Give the function itself (its name, no brackets), not {_describe(candidate)}.")
    if not cases:
        raise ValueError(f"function exercise {exercise.key!r} needs the cases to run a learner's function on")
    reference = exercise.expected()
    reference_runs = [_run(reference, arguments) for arguments, _ in cases]
    for index, (arguments, what) in enumerate(cases):
        want = reference_runs[index]
        got = _run(candidate, arguments)
        if got.kind == "number" and want.kind == "number" and _function_close(got.number, want.number):
            continue
        for mistake in exercise.mistakes:
            buggy = mistake.value()
            if _first_difference(buggy, cases, reference_runs) == index and got.same_as(_run(buggy, arguments)):
                return _recognised(mistake)
        return _function_off(got, what, want.number)
    return _right(exercise)
