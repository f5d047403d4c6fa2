"""The checker engine: whether an answer to an :class:`Exercise` is right, or what went wrong.

It knows nothing of any course. Given one :class:`Exercise` (the kind of answer it wants, how the
right answer is computed, the mistakes learners make on it as data, and where its words are) and,
for a function exercise, the cases to run a learner's function on, :func:`check_answer` says right
or names the mistake. Numeric exercises also get generic diagnoses unless the exercise switches
one off: a sign slip, log base 10 or 2 instead of ln, the mean where the sum is asked (or the
reverse), a percentage instead of a probability, a rounding too coarse; otherwise the feedback
says at least whether the answer is too high or too low, never what it should be. An answer of the
wrong kind (text, ``None``, a list, ``nan``, ...) gets a sentence saying what to give, never an
exception. With ``solution=True`` a right answer says only that the solution checks out.

**Words.** Every sentence comes from the catalogues of :mod:`ce_lib.words`, in the current
language (:func:`ce_lib.words.current_language`): the engine's own are ``checker.*``
(``ce_lib/words/en/checker.toml``); an exercise's own (its prompt, hint, confirmation, what each of
its mistakes is told) come through its ``words`` (see :class:`Exercise`).

**Reading.** Answers are read the same way whatever the language, so that a learner typing with a
Chinese input method is understood in any notebook:

* full-width characters are their half-width selves (Unicode NFKC): ``"１．１９６"`` spells 1.196,
  ``"Ｂ"`` is ``"B"``, ``"－"`` is a minus sign, ``"（"`` a bracket;
* a choice can be answered in the series' languages (:data:`ANSWER_WORDS`: ``"是"`` for ``"yes"``,
  ``"红"`` or ``"红色"`` for ``"red"``, ...), and a sentence end after it (``"是。"``) is dropped;
* infinity is any of :data:`INFINITY_WORDS` (``"∞"``, ``"无穷"``, ``"无穷大"``, ...), signed with
  ``+``/``-`` or ``正``/``负``;
* ``"，"`` and ``"、"`` separate the numbers of a list (Chinese never writes a decimal comma with
  them); an ASCII comma inside one number (``"2,996"``) is read as a decimal comma;
* ``"。"`` is a full stop, never silently a decimal point: at the end of an answer it ends the
  sentence and is dropped; between two digits (``"1。196"``, what the "." key types in Chinese
  punctuation mode) the answer is told that 。 is a full stop and how to write the number.

A number written as text is still the wrong kind of answer (Python needs the number itself), but
the sentence shows the learner how the text was read: ``1.196``, ``(1, 0, 1)``.

Examples
--------
>>> words = {
...     "prompt": "What is −ln 0.5?",
...     "hint": "Take the natural log of 0.5 and flip its sign.",
...     "confirmation": "one half gives an error of ln 2.",
... }
>>> exercise = Exercise("demo", "number", lambda: -math.log(0.5), words.get)
>>> print(check_answer(exercise, 0.693))
✓ Right: one half gives an error of ln 2.
>>> print(check_answer(exercise, -0.693))
✗ Check the sign: the size is right, but the sign is flipped.
>>> print(check_answer(exercise, "0.693"))
✗ '0.693' is text: remove the quotes.
>>> print(check_answer(exercise, "０．６９３"))
✗ '０．６９３' is text in full-width characters: write the number without quotes, in half-width characters: 0.693
"""

from __future__ import annotations

import copy
import html
import math
import numbers
import re
import unicodedata
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np

from ce_lib import words as catalogues
from ce_lib.formatting import format_number

__all__ = [
    "ANSWER_WORDS",
    "EXERCISE_KINDS",
    "FUNCTION_TOLERANCE",
    "GENERIC_MISTAKES",
    "INFINITY_WORDS",
    "KINDS",
    "OPTIONAL_WORDS",
    "RELATIVE_TOLERANCE",
    "Diagnosis",
    "Exercise",
    "Feedback",
    "FunctionCases",
    "Mistake",
    "check_answer",
    "count_word",
    "labels_example",
    "listing",
    "option_word",
    "options_text",
]

#: A number within this relative distance of the right answer is right (0.5 %): a hand calculation
#: rounded to three significant digits always is, one rounded to two often is not.
RELATIVE_TOLERANCE = 5e-3
#: A learner's function must agree with the reference this closely on every test case.
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
#: The words an exercise may give and need not (see :class:`Exercise`): its own wording of a generic
#: diagnosis, what a tuple of labels is about, what a plain wrong choice or tuple is told, and what
#: a function returning a tiny number where the reference gives 0 is told besides.
OPTIONAL_WORDS: tuple[str, ...] = (
    *(f"mistakes.{name}" for name in GENERIC_MISTAKES),
    "labels.item",
    "labels.one",
    "labels.zero",
    "off",
    "near_zero",
)

#: Other spellings of one-word answers, in the series' languages (simplified and traditional
#: Chinese): a choice whose option is the key accepts each of them, whatever language the notebook speaks.
ANSWER_WORDS: dict[str, frozenset[str]] = {
    "yes": frozenset({"是", "是的", "对", "對", "会", "會", "会的", "能", "可以"}),
    "no": frozenset({"否", "不", "不是", "不对", "不對", "不会", "不會", "不能"}),
    "red": frozenset({"红", "红色", "紅", "紅色"}),
    "blue": frozenset({"蓝", "蓝色", "藍", "藍色"}),
    "up": frozenset({"上", "上升", "升高", "变大", "變大", "增大", "增加", "变多", "變多"}),
    "down": frozenset({"下", "下降", "降低", "变小", "變小", "减小", "減小", "减少", "減少", "变少", "變少"}),
}
#: The words for infinity an answer may use (after full-width characters are made half-width), any case.
INFINITY_WORDS: frozenset[str] = frozenset({"inf", "infinity", "∞", "无穷", "无穷大", "無窮", "無窮大"})
#: What may sign a word for infinity: ``正``/``负`` are Chinese for positive/negative.
_SIGNS = {"+": 1.0, "-": -1.0, "正": 1.0, "负": -1.0, "負": -1.0}
#: Sentence ends dropped after a one-word answer (after NFKC, "！" and "．" are "!" and ".").
_SENTENCE_ENDS = "。.!"
#: Chinese list separators: between numbers they separate a list.
_LIST_SEPARATORS = re.compile("[，、]")
_FULL_STOP_IN_NUMBER = re.compile(r"(?<=\d)。(?=\d)")
_MAX_NESTING = 64
_COUNT_WORDS = {2: "count_two", 3: "count_three", 4: "count_four"}
_COLOURS = {"right": "#1b7837", "not answered": "#4d4d4d"}  # everything else: orange


def _say(name: str, /, **values: Any) -> str:
    """Return the engine's words ``checker.<name>`` in the current language, filled with ``values``."""
    return catalogues.say(f"checker.{name}", **values)


def listing(items: Sequence[str], conjunction: str | None = "and") -> str:
    """Return ``items`` as a list in a sentence, in the current language: "a, b and c" or "a, b or c".

    Parameters
    ----------
    items : sequence of str
        What to list.
    conjunction : {"and", "or", None}
        The word before the last item; None: separators only ("a, b, c").

    Examples
    --------
    >>> with catalogues.using("en"):
    ...     listing(["1", "2", "3"], "or"), listing(["x"]), listing(["0.8", "0.6", "0.1"], None)
    ('1, 2 or 3', 'x', '0.8, 0.6, 0.1')
    """
    items = list(items)
    separator = _say("list_separator")
    if conjunction is None or len(items) < 2:
        return separator.join(items)
    rest = separator.join(items[:-1])
    if conjunction == "and":
        return _say("list_and", items=rest, last=items[-1])
    if conjunction == "or":
        return _say("list_or", items=rest, last=items[-1])
    raise ValueError(f"conjunction must be 'and', 'or' or None, got {conjunction!r}")


def count_word(count: int) -> str:
    """Return a small count as a word in the current language ("three"), a larger one in digits.

    Examples
    --------
    >>> with catalogues.using("en"):
    ...     count_word(3), count_word(12)
    ('three', '12')
    """
    return _say(_COUNT_WORDS[count]) if count in _COUNT_WORDS else str(count)


def option_word(option: str, language: str | None = None) -> str:
    """Return how a choice's ``option`` is written in ``language`` (``"yes"`` is ``"是"`` in Chinese).

    An option the catalogue does not list (a library call, a letter) is written as it is.

    Examples
    --------
    >>> option_word("squared error", "en"), option_word("B", "en")
    ('squared error', 'B')
    """
    return catalogues.section("exercises.options", language).get(option, option)


def options_text(options: Sequence[str]) -> str:
    """Return a choice's options as a sentence lists them, in the current language: ``'up' or 'down'``."""
    return listing([repr(option_word(option)) for option in options], "or")


def labels_example(count: int) -> str:
    """Return an example tuple of ``count`` labels, as Python writes it: ``(1, 0, 1)``."""
    labels = [str(1 - index % 2) for index in range(count)]
    return "(" + ", ".join(labels) + ("," if count == 1 else "") + ")"


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
    """A mistake learners make on one exercise: its name and the wrong answer it leads to.

    What a check says about it is the exercise's words ``mistakes.<name>`` (see :class:`Exercise`).

    Parameters
    ----------
    name : str
        A short name, for the teacher's guide and ``Feedback.mistake``.
    value : callable
        Returns the wrong answer this mistake produces (computed, like the expected answer);
        for a function exercise, a function with the mistake in it.

    Examples
    --------
    >>> mistake = Mistake("the probability", lambda: 0.05)
    >>> mistake.value()
    0.05
    """

    name: str
    value: Callable[[], Any]


@dataclass(frozen=True)
class Diagnosis:
    """A mistake a check recognises, with what it says: the exercise's own mistakes and the generic ones.

    Parameters
    ----------
    name : str
        The mistake's name (a :class:`Mistake`'s, or one of :data:`GENERIC_MISTAKES`).
    value : callable
        Returns the wrong answer it recognises ("rounded too coarsely": one of the roundings).
    message : str
        What the check says, in the current language.
    """

    name: str
    value: Callable[[], Any]
    message: str


@dataclass(frozen=True)
class Exercise:
    """One exercise: what kind of answer it wants, how that answer is computed, its mistakes and its words.

    Parameters
    ----------
    key : str
        Its name, such as ``"03.4"``.
    kind : {"number", "integer", "choice", "labels", "function"}
        What an answer is: a real number (relative tolerance), a whole number (exact), one of
        ``options``, a tuple of 0/1 labels, or the learner's own function.
    expected : callable
        Computes the right answer (for a function exercise: the reference function).
    words : callable
        ``words(name)`` returns the exercise's words called ``name``, in the current language and
        filled in, or None if it has none by that name. Always asked for: ``"prompt"`` (the
        question, plain text), ``"hint"`` (said with a plain wrong answer; never gives the answer
        away), ``"confirmation"`` (said after "Right: "; no numbers), ``"mistakes.<name>"`` for
        each of its own mistakes and, for a function exercise, ``"cases.<name>"`` for each case.
        Asked for, and optional (:data:`OPTIONAL_WORDS`): ``"mistakes.<generic name>"``, its own
        wording of a generic diagnosis; ``"labels.item"``, ``"labels.one"``, ``"labels.zero"``,
        what each label of a labels exercise is about and what 1 and 0 mean; ``"off"``, what a
        plain wrong choice or tuple of labels is told before the hint; ``"near_zero"``, what a
        function exercise adds when the learner's function returns a tiny number where the
        reference returns 0.
    mistakes : tuple of Mistake
        The exercise's own mistakes, tried first and in order.
    predict : bool
        Whether the learner is asked to predict before trying (the engine does not use it).
    options : tuple of str
        The answers a choice exercise accepts (case, surrounding spaces, full-width letters, a
        sentence end and the :data:`ANSWER_WORDS` of an option are all accepted).
    log : bool
        The answer is a natural log or a sum of them: diagnose log base 10 and log base 2.
    terms : int or None
        The answer is a sum of this many terms (or their mean, with ``asks_for_mean``):
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

    Examples
    --------
    >>> words = {
    ...     "prompt": "What is −ln 0.05?",
    ...     "hint": "Take the natural log of 0.05 and flip its sign.",
    ...     "confirmation": "a small probability has a large negative log.",
    ...     "mistakes.the probability": "That is the probability itself: take −ln of it.",
    ... }
    >>> exercise = Exercise(
    ...     "demo", "number", lambda: -math.log(0.05), words.get, (Mistake("the probability", lambda: 0.05),), log=True
    ... )
    >>> exercise.kind, round(exercise.expected(), 4)
    ('number', 2.9957)
    >>> [diagnosis.name for diagnosis in exercise.diagnoses()]
    ['the probability', 'sign slip', 'log base 10', 'log base 2', 'rounded too coarsely']
    """

    key: str
    kind: str
    expected: Callable[[], Any]
    words: Callable[[str], str | None]
    mistakes: tuple[Mistake, ...] = ()
    predict: bool = False
    options: tuple[str, ...] = ()
    log: bool = False
    terms: int | None = None
    asks_for_mean: bool = False
    probability: bool = False
    sign: bool = True
    rounding: bool = True
    abs_tolerance: float = 0.0
    bounds: tuple[int, int | None] | None = None

    def __post_init__(self) -> None:
        if self.kind not in EXERCISE_KINDS:
            raise ValueError(f"kind must be one of {EXERCISE_KINDS}, got {self.kind!r}")

    def text(self, name: str) -> str:
        """Return the exercise's words called ``name``; raise ``LookupError`` if it has none."""
        found = self.words(name)
        if found is None:
            raise LookupError(f"exercise {self.key!r} has no words called {name!r}")
        return found

    @property
    def prompt(self) -> str:
        """The question, in plain text, in the current language."""
        return self.text("prompt")

    @property
    def hint(self) -> str:
        """What a plain wrong answer is told, in the current language."""
        return self.text("hint")

    @property
    def confirmation(self) -> str:
        """What a right answer is told after "Right: ", in the current language."""
        return self.text("confirmation")

    def needed_words(self, cases: FunctionCases = ()) -> tuple[str, ...]:
        """Return the names of the words this exercise must have (with ``cases``, for a function exercise)."""
        names = ["prompt", "hint", "confirmation", *(f"mistakes.{mistake.name}" for mistake in self.mistakes)]
        return (*names, *(f"cases.{name}" for _, name in cases))

    def diagnoses(self) -> tuple[Diagnosis, ...]:
        """Return every mistake this exercise recognises: its own first, then the generic ones that apply.

        A generic diagnosis applies when the exercise's flags ask for it and its wrong value differs
        from the right answer and from every earlier diagnosis. The "rounded too coarsely" entry's
        value is one of the roundings it recognises.

        Returns
        -------
        tuple of Diagnosis
            In the order a check tries them, with what each says in the current language.
        """
        if self.kind != "number":
            return tuple(_own(self, mistake) for mistake in self.mistakes)
        return tuple(candidate.diagnosis() for candidate in _numeric_diagnoses(self, float(self.expected())))


#: The inputs a learner's function is tried on, in order: (arguments, the name of their words).
#: A case's words are the exercise's ``"cases.<name>"``, what the inputs stand for.
FunctionCases = Sequence[tuple[tuple[Any, ...], str]]


def _own(exercise: Exercise, mistake: Mistake) -> Diagnosis:
    """Return one of the exercise's own mistakes with what it says."""
    return Diagnosis(mistake.name, mistake.value, exercise.text(f"mistakes.{mistake.name}"))


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
        For a function exercise: the arguments the learner's function is run on, each with the
        name of its words, in order. Ignored for other exercises.
    solution : bool, optional
        Check a notebook's hidden solution cell, quietly: a right answer says only that the
        solution checks out. A wrong one says what a normal check says.

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
    >>> words = {"prompt": "Which is larger, 2 or 3?", "hint": "Count.", "confirmation": "3 > 2."}
    >>> exercise = Exercise("demo", "choice", lambda: "3", words.get, options=("2", "3"))
    >>> print(check_answer(exercise, " ３ "))
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
        return Feedback(True, _say("solution_checks_out"), "right")
    return feedback


def _right(exercise: Exercise) -> Feedback:
    return Feedback(True, _say("right", confirmation=exercise.confirmation), "right")


def _wrong_kind(message: str) -> Feedback:
    return Feedback(False, message, "wrong kind")


def _off(message: str) -> Feedback:
    return Feedback(False, message, "off")


def _off_with_hint(exercise: Exercise, sentence: str) -> Feedback:
    return _off(_say("with_hint", sentence=sentence, hint=exercise.hint))


def _recognised(diagnosis: Diagnosis) -> Feedback:
    return Feedback(False, diagnosis.message, "mistake", diagnosis.name)


def _not_answered(exercise: Exercise) -> Feedback:
    if exercise.kind == "function":
        return Feedback(False, _say("not_answered_function", prompt=exercise.prompt), "not answered")
    return Feedback(False, _say("not_answered", prompt=exercise.prompt), "not answered")


def _none(exercise: Exercise) -> Feedback:
    message = _say("none_function") if exercise.kind == "function" else _say("none")
    return Feedback(False, message, "not answered")


def _short(value: Any, limit: int = 40) -> str:
    """Return ``repr(value)``, shortened, or what the value is if even repr fails."""
    try:
        text = repr(value)
    except Exception:  # a learner's object: any failure just means we name its type
        return _say("describe_object", name=type(value).__name__)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(value: Any) -> str:
    """Return what a value is, for a sentence: "the text '1.61'", "a dict", "None"."""
    if value is None:
        return "None"
    if value is Ellipsis:
        return "..."
    if isinstance(value, (bool, np.bool_)):
        return _say("describe_bool", value=bool(value))
    if isinstance(value, str):
        return _say("describe_text", value=_short(value))
    if isinstance(value, (bytes, bytearray)):
        return _say("describe_bytes", value=_short(value))
    if isinstance(value, (np.datetime64, np.timedelta64)):
        return _say("describe_date")
    if isinstance(value, numbers.Complex) and not isinstance(value, numbers.Real):
        return _say("describe_complex", value=_short(value))
    if isinstance(value, numbers.Number) or isinstance(value, Decimal):
        return _say("describe_number", value=_short(value))
    if isinstance(value, dict):
        return _say("describe_dict")
    if isinstance(value, (set, frozenset)):
        return _say("describe_set")
    if isinstance(value, np.ndarray):
        return _say("describe_array", count=value.size) if value.size else _say("describe_empty_array")
    if isinstance(value, list):
        return _say("describe_list", count=len(value)) if value else _say("describe_empty_list")
    if isinstance(value, tuple):
        return _say("describe_tuple", count=len(value)) if value else _say("describe_empty_tuple")
    if isinstance(value, type):
        return _say("describe_type", name=value.__name__)
    if callable(value):
        return _say("describe_function")
    return _say("describe_object", name=type(value).__name__)


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
                return None, _say("single_empty_array", one=one)
            if value.size > 1:
                return None, _say("single_many_array", one=one, count=value.size)
            value = np.asarray(value).reshape(-1)[0]  # np.asarray: a matrix stays 2-D when indexed
        elif isinstance(value, (list, tuple)):
            if len(value) == 0:
                if isinstance(value, list):
                    return None, _say("single_empty_list", one=one)
                return None, _say("single_empty_tuple", one=one)
            if len(value) > 1:
                if isinstance(value, list):
                    return None, _say("single_many_list", one=one, count=len(value))
                return None, _say("single_many_tuple", one=one, count=len(value))
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
    return None, _say("single_too_deep", one=one)


def _real(exercise: Exercise, answer: Any) -> int | float | Feedback:
    """Turn an answer into one real number (an int stays an int), or say why it is not one."""
    if (
        isinstance(answer, tuple)
        and len(answer) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in answer)
        and answer[1] >= 0
    ):
        return _wrong_kind(_say("pair_not_decimal"))
    value, problem = _single(answer, _say("one_number"))
    if problem is not None:
        return _wrong_kind(problem)
    if value is Ellipsis:
        return _not_answered(exercise)
    if value is None:
        return _none(exercise)
    if isinstance(value, (bool, np.bool_)):
        return _wrong_kind(_say("bool_not_number", value=bool(value)))
    if isinstance(value, str):
        return _from_text(exercise, value)
    if isinstance(value, (bytes, bytearray)):
        return _wrong_kind(_say("bytes_not_number", value=_short(value)))
    if isinstance(value, (np.datetime64, np.timedelta64)):
        return _wrong_kind(_say("date_not_number"))
    try:
        if isinstance(value, numbers.Integral):
            return int(value)
        if isinstance(value, (numbers.Real, Decimal)):
            try:
                number = float(value)
            except OverflowError:
                number = math.inf if value > 0 else -math.inf
            return _nan() if math.isnan(number) else number
    except Exception:  # a learner's number-like object that does not convert
        return _wrong_kind(_say("does_not_convert", described=_describe(value)))
    if isinstance(value, numbers.Complex):
        return _wrong_kind(_say("complex_not_real", value=_short(value)))
    if isinstance(value, dict):
        return _wrong_kind(_say("dict_not_number"))
    if isinstance(value, (set, frozenset)):
        return _wrong_kind(_say("set_not_number"))
    if callable(value):
        return _wrong_kind(_say("function_not_number"))
    return _wrong_kind(_say("other_not_number", described=_describe(value)))


def _nan() -> Feedback:
    return _wrong_kind(_say("nan"))


# ---------------------------------------------------------------------------------------------
# Reading text: full-width characters, Chinese words and punctuation (see the module's docstring).
# ---------------------------------------------------------------------------------------------


def _half_width(text: str) -> str:
    """Return ``text`` with full-width characters made half-width (NFKC) and "−" as "-"."""
    return unicodedata.normalize("NFKC", text).replace("−", "-")


def _without_sentence_end(text: str) -> str:
    """Return a one-word answer made half-width, without surrounding spaces or a sentence end after it."""
    return _half_width(text).strip().rstrip(_SENTENCE_ENDS).strip()


def _infinity(text: str) -> float | None:
    """Return ±inf if ``text`` spells infinity ("∞", "-inf", "负无穷", ...), else None."""
    word = _without_sentence_end(text)
    sign = _SIGNS.get(word[:1])
    if sign is not None:
        word = word[1:].strip()
    if word.casefold() in INFINITY_WORDS:
        return (sign or 1.0) * math.inf
    return None


#: What an option's spelling may add or leave out and still be the option: a module path before a
#: call's name (``torch.nn.``), spaces, hyphens and underscores, and a closing "loss" (``损失``).
_MODULE_PATH = re.compile(r"^(?:[A-Za-z_]\w*\.)+(?=[A-Za-z_])")
_JOINERS = re.compile(r"(?<=\w)[\s_\-]+(?=\w)")
_LOSS_WORD = re.compile(r"(?:loss|损失|損失|函数|函數)$")


def _option_key(text: str) -> str:
    """Return what identifies an answer among a choice's options: ``"torch.nn.BCE Loss"`` → ``"bce"``.

    Examples
    --------
    >>> _option_key("torch.nn.BCELoss"), _option_key("Cross Entropy"), _option_key("交叉熵损失")
    ('bce', 'crossentropy', '交叉熵')
    """
    key = _JOINERS.sub("", _MODULE_PATH.sub("", _without_sentence_end(text))).casefold()
    shorter = _LOSS_WORD.sub("", key)
    return shorter or key


def _chosen_option(text: str, options: Sequence[str]) -> str | None:
    """Return the option ``text`` spells (in any case, full-width, in another language), or None."""
    spellings: dict[str, str] = {}
    for option in options:
        written = {option, *ANSWER_WORDS.get(option.casefold(), frozenset())}
        written |= {option_word(option, language) for language in catalogues.LANGUAGES}
        for word in written:
            spellings.setdefault(_option_key(word), option)
    return spellings.get(_option_key(text))


@dataclass(frozen=True)
class _Spelling:
    """The numbers a text spells, each as Python writes it, and what had to be read kindly."""

    numbers: tuple[float, ...]
    python: tuple[str, ...]
    full_width: bool  # full-width digits, decimal points, signs or brackets
    full_stop: bool  # 。 between digits, where the decimal point goes
    decimal_comma: bool  # one number with an ASCII comma for its decimal point
    minus_sign: bool = False  # the typeset minus "−", which Python does not read


def _spelled_numbers(text: str) -> _Spelling | None:
    """Return the numbers ``text`` spells ("1.196", "１．１９６", "(1，0，1)", "1、0、1"), or None."""
    kept = text.strip()
    while kept.endswith("。"):  # a sentence end
        kept = kept[:-1].rstrip()
    full_stop = _FULL_STOP_IN_NUMBER.search(kept) is not None
    kept = _FULL_STOP_IN_NUMBER.sub(".", kept)
    chinese_list = _LIST_SEPARATORS.search(kept) is not None
    kept = _LIST_SEPARATORS.sub(",", kept)
    half = _half_width(kept)
    full_width = unicodedata.normalize("NFKC", kept) != kept
    if "。" in half:
        return None
    minus_sign = "−" in kept
    if not chinese_list and re.fullmatch(r"[+-]?\d+,\d+", half):
        try:
            return _Spelling((float(half.replace(",", ".")),), (half.replace(",", "."),), full_width, full_stop, True,
                             minus_sign)  # fmt: skip
        except ValueError:  # digits float() does not read
            return None
    inner = half.strip()
    if inner[:1] in "([" and inner[-1:] in ")]":
        inner = inner[1:-1]
    parts = tuple(part for part in re.split(r"[,\s]+", inner) if part)
    if not parts:
        return None
    values = []
    for part in parts:
        value = _infinity(part)
        if value is None:
            try:
                value = float(part)
            except ValueError:
                return None
        values.append(value)
    return _Spelling(tuple(values), parts, full_width, full_stop, False, minus_sign)


def _from_text(exercise: Exercise, text: str) -> float | Feedback:
    if math.isinf(_expected_float(exercise)):
        infinity = _infinity(text)
        if infinity is not None:
            return infinity
    if not text.strip():
        return _wrong_kind(_say("empty_text"))
    shown = _short(text)
    spelling = _spelled_numbers(text)
    if spelling is None:
        return _wrong_kind(_say("text_not_number", shown=shown))
    if len(spelling.numbers) > 1:
        return _wrong_kind(_say("text_numbers", shown=shown, count=len(spelling.numbers)))
    if math.isinf(spelling.numbers[0]):
        return _wrong_kind(_say("text_infinity", shown=shown))
    if spelling.full_stop:
        return _wrong_kind(_say("text_full_stop", shown=shown, number=spelling.python[0]))
    if spelling.full_width:
        return _wrong_kind(_say("text_full_width", shown=shown, number=spelling.python[0]))
    if spelling.decimal_comma and re.fullmatch(r"[+-]?\d{1,3},\d{3}", _half_width(text).strip()):
        grouped = spelling.python[0]  # "1.075": as a thousands separator the comma means 1075
        return _wrong_kind(_say("text_comma_ambiguous", shown=shown, thousands=grouped.replace(".", ""),
                                decimal=grouped))  # fmt: skip
    if spelling.decimal_comma:
        return _wrong_kind(_say("text_decimal_comma", shown=shown))
    if spelling.minus_sign:
        return _wrong_kind(_say("text_minus_sign", shown=shown, number=spelling.python[0]))
    return _wrong_kind(_say("text_number", shown=shown))


def _expected_float(exercise: Exercise) -> float:
    try:
        return float(exercise.expected())
    except (TypeError, ValueError):
        return math.nan


# ---------------------------------------------------------------------------------------------
# Numbers.
# ---------------------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class _Candidate:
    """A diagnosis a numeric check tries: its name, its wrong value, whether an answer shows it, what it says."""

    name: str
    value: Callable[[], Any]
    shows: Callable[[float], bool]
    message: Callable[[], str]  # worded only when the diagnosis is made

    def diagnosis(self) -> Diagnosis:
        return Diagnosis(self.name, self.value, self.message())


def _generic_values(exercise: Exercise, expected: float) -> list[tuple[str, float, Callable[[], str]]]:
    """Return (name, wrong value, what it says) of the generic diagnoses the exercise's flags switch on."""
    found: list[tuple[str, float, Callable[[], str]]] = []
    if exercise.sign:
        found.append(("sign slip", -expected, lambda: _say("sign_slip")))
    if exercise.log:
        found.append(("log base 10", expected / math.log(10.0), lambda: _say("log_base_10")))
        found.append(("log base 2", expected / math.log(2.0), lambda: _say("log_base_2")))
    if exercise.terms:
        n = exercise.terms
        if exercise.asks_for_mean:
            found.append(("sum instead of mean", expected * n, lambda: _say("sum_instead_of_mean", count=n)))
        else:
            found.append(("mean instead of sum", expected / n, lambda: _say("mean_instead_of_sum", count=n)))
    if exercise.probability:
        found.append(("percent instead of fraction", 100.0 * expected, lambda: _say("percent_instead_of_fraction")))
    return found


def _worded(exercise: Exercise, name: str, default: Callable[[], str]) -> Callable[[], str]:
    """Return what a generic diagnosis says: the exercise's own words for it, else the engine's."""
    return lambda: exercise.words(f"mistakes.{name}") or default()


def _numeric_diagnoses(exercise: Exercise, expected: float) -> list[_Candidate]:
    """Return each diagnosis of a numeric exercise with a test of whether an answer shows it, in order."""
    candidates: list[_Candidate] = []
    taken = [expected]

    def fresh(value: float) -> bool:
        return not math.isnan(value) and not any(_close(value, seen, 1e-12) for seen in taken)

    for mistake in exercise.mistakes:
        wrong = float(mistake.value())
        candidates.append(
            _Candidate(
                mistake.name,
                mistake.value,
                lambda answer, wrong=wrong: _close(answer, wrong, 1e-12),
                lambda mistake=mistake: exercise.text(f"mistakes.{mistake.name}"),
            )
        )
        taken.append(wrong)
    for name, wrong, message in _generic_values(exercise, expected):
        if fresh(wrong):
            candidates.append(
                _Candidate(
                    name,
                    lambda wrong=wrong: wrong,
                    lambda answer, wrong=wrong: _close(answer, wrong, 1e-12),
                    _worded(exercise, name, message),
                )
            )
            taken.append(wrong)
    if exercise.rounding:
        roundings = [value for value in _roundings(expected) if fresh(value)]
        if roundings:
            percent = f"{100 * RELATIVE_TOLERANCE:g}"
            candidates.append(
                _Candidate(
                    "rounded too coarsely",
                    lambda first=roundings[0]: first,
                    lambda answer: any(_same(answer, value) for value in roundings),
                    _worded(exercise, "rounded too coarsely", lambda: _say("rounded_too_coarsely", percent=percent)),
                )
            )
    return candidates


def _too_high_or_low(exercise: Exercise, answer: float, expected: float) -> Feedback:
    if exercise.probability and not 0.0 <= answer <= 1.0:
        return _off_with_hint(exercise, _say("not_a_probability"))
    if math.isinf(answer) and not math.isinf(expected):
        infinite = _say("infinite_not_finite") if answer > 0 else _say("minus_infinite_not_finite")
        return _off_with_hint(exercise, infinite)
    return _off_with_hint(exercise, _say("too_high") if answer > expected else _say("too_low"))


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
    for candidate in _numeric_diagnoses(exercise, expected):
        if candidate.shows(number):
            return _recognised(candidate.diagnosis())
    return _too_high_or_low(exercise, number, expected)


def _check_integer(exercise: Exercise, answer: Any) -> Feedback:
    value = _real(exercise, answer)
    if isinstance(value, Feedback):
        return value
    if isinstance(value, float):
        if math.isinf(value):
            return _off_with_hint(exercise, _say("infinite_not_whole"))
        if not value.is_integer():
            return _wrong_kind(_say("not_whole", value=f"{value:g}"))
        value = int(value)
    expected = int(exercise.expected())
    if value == expected:
        return _right(exercise)
    for mistake in exercise.mistakes:
        if value == int(mistake.value()):
            return _recognised(_own(exercise, mistake))
    if exercise.bounds is not None:
        low, high = exercise.bounds
        if value < low or (high is not None and value > high):
            allowed = _say("whole_from_to", low=low, high=high) if high is not None else _say("whole_at_least", low=low)
            return _off_with_hint(exercise, allowed)
    return _off_with_hint(exercise, _say("too_high") if value > expected else _say("too_low"))


# ---------------------------------------------------------------------------------------------
# Choices and labels.
# ---------------------------------------------------------------------------------------------


def _check_choice(exercise: Exercise, answer: Any) -> Feedback:
    options = options_text(exercise.options)
    value, problem = _single(answer, _say("one_answer", options=options))
    if problem is not None:
        return _wrong_kind(problem)
    if value is Ellipsis:
        return _not_answered(exercise)
    if value is None:
        return _none(exercise)
    if isinstance(value, (bool, np.bool_)):
        return _wrong_kind(_say("choice_bool", value=bool(value), options=options))
    if isinstance(value, (bytes, bytearray)):
        return _wrong_kind(_say("choice_bytes", value=_short(value), options=options))
    if not isinstance(value, str):
        return _wrong_kind(_say("choice_other", described=_describe(value), options=options))
    chosen = _chosen_option(value, exercise.options)
    if chosen is None:
        return _wrong_kind(_say("choice_unknown", value=_short(value), options=options))
    if chosen == exercise.expected():
        return _right(exercise)
    for mistake in exercise.mistakes:
        if chosen == mistake.value():
            return _recognised(_own(exercise, mistake))
    return _off_with_hint(exercise, exercise.words("off") or _say("not_yet"))


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
        return _describe(entry)
    if isinstance(entry, str):
        return _say("describe_text", value=_short(entry, 12))
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
    count = count_word(len(expected))
    example = labels_example(len(expected))
    item = exercise.words("labels.item") or _say("label_item")
    if isinstance(answer, str):
        spelling = _spelled_numbers(answer)
        if spelling is not None and len(spelling.numbers) == len(expected):
            labels = "(" + ", ".join(spelling.python) + ("," if len(expected) == 1 else "") + ")"
            return _wrong_kind(_say("labels_text_read", shown=_short(answer), labels=labels))
        return _wrong_kind(_say("labels_text", shown=_short(answer), count=count, example=example))
    items = _label_items(answer)
    if items is None:
        return _wrong_kind(_say("labels_not_sequence", count=count, item=item, example=example))
    if any(entry is Ellipsis for entry in items):
        return _not_answered(exercise)
    if not items:
        return _wrong_kind(_say("labels_empty", count=count, item=item))
    if len(items) != len(expected):
        return _wrong_kind(_say("labels_count", count=count, item=item, given=len(items)))
    one = exercise.words("labels.one") or _say("label_one")
    zero = exercise.words("labels.zero") or _say("label_zero")
    if any(isinstance(entry, (bool, np.bool_)) for entry in items):
        return _wrong_kind(_say("labels_bools", one=one, zero=zero))
    labels = [_label(entry) for entry in items]
    bad = [
        _say("labels_entry", index=index, label=label)
        for index, label in enumerate(labels, start=1)
        if isinstance(label, str)
    ]
    if bad:
        return _wrong_kind(_say("labels_not_labels", one=one, zero=zero, entries=listing(bad, "and")))
    given_labels = tuple(labels)
    if given_labels == expected:
        return _right(exercise)
    for mistake in exercise.mistakes:
        if given_labels == tuple(mistake.value()):
            return _recognised(_own(exercise, mistake))
    return _off_with_hint(exercise, exercise.words("off") or _say("not_yet"))


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
    value, problem = _single(result, _say("one_number"))
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
                return _Run("other", text=_say("describe_object", name=type(result).__name__))


def _first_difference(function: Callable[..., Any], cases: Any, reference_runs: list[_Run]) -> int | None:
    """Return the index of the first case on which ``function`` does not do what the reference did."""
    for index, (arguments, _) in enumerate(cases):
        if not _run(function, arguments).same_as(reference_runs[index]):
            return index
    return None


def _error_tip(error: str) -> str | None:
    """Return a tip for a learner's error, or None."""
    if "must be real number" in error or "only length-1 arrays" in error or "only 0-dimensional" in error:
        return _say("tip_math_log")
    if "name 'np' is not defined" in error:
        return _say("tip_import_numpy")
    return None


def _function_off(exercise: Exercise, run: _Run, case: str, want: float) -> Feedback:
    shown_want = format_number(want, 10)
    if run.kind == "not answered":
        return Feedback(False, _say("function_not_answered"), "not answered")
    if run.kind == "error":
        raised = _say("function_raised", case=case, error=run.text)
        tip = _error_tip(run.text)
        return _off(raised if tip is None else _say("then", first=raised, second=tip))
    if run.kind == "none":
        return _wrong_kind(_say("function_none", case=case))
    if run.kind == "numbers":
        size = run.numbers.size if run.numbers is not None else 0
        return _wrong_kind(_say("function_numbers", case=case, count=size))
    if run.kind == "other":
        return _wrong_kind(_say("function_other", case=case, described=run.text))
    if math.isnan(run.number):
        return _wrong_kind(_say("function_nan", case=case, want=shown_want))
    message = _say("function_off", case=case, got=format_number(run.number, 10), want=shown_want)
    near_zero = exercise.words("near_zero") if want == 0.0 and 0.0 < abs(run.number) < 1e-3 else None
    return _off(message if near_zero is None else _say("then", first=message, second=near_zero))


def _check_function(exercise: Exercise, candidate: Any, cases: FunctionCases) -> Feedback:
    if not callable(candidate):
        if isinstance(candidate, (numbers.Number, np.ndarray, list, tuple)):
            return _wrong_kind(_say("function_not_called"))
        return _wrong_kind(_say("function_not_function", described=_describe(candidate)))
    if not cases:
        raise ValueError(f"function exercise {exercise.key!r} needs the cases to run a learner's function on")
    reference = exercise.expected()
    reference_runs = [_run(reference, arguments) for arguments, _ in cases]
    for index, (arguments, name) in enumerate(cases):
        want = reference_runs[index]
        got = _run(candidate, arguments)
        if got.kind == "number" and want.kind == "number" and _function_close(got.number, want.number):
            continue
        for mistake in exercise.mistakes:
            buggy = mistake.value()
            if _first_difference(buggy, cases, reference_runs) == index and got.same_as(_run(buggy, arguments)):
                return _recognised(_own(exercise, mistake))
        return _function_off(exercise, got, exercise.text(f"cases.{name}"), want.number)
    return _right(exercise)
