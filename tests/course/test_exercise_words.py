"""The words of the exercises and the checker: one home each, complete, every placeholder filled, any language.

Every sentence a learner reads from an exercise or the checker is an entry of a catalogue
(``ce_lib/words/<language>/exercises.toml`` and ``checker.toml``). These tests check that every
exercise has the words it needs and no others, that every template is filled, that the numbers left
in the words are constants of the mathematics (the story's numbers are filled in), that the engine
knows nothing of the course, and, with a made-up translation standing in for a second language,
that every sentence a check says, and every prompt, comes from the catalogue of the language spoken.
"""

from __future__ import annotations

import ast
import math
import re
import string
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ce_lib import words as catalogues
from ce_lib.course import checking, exercises
from ce_lib.course.exercises import (
    EXERCISES,
    FUNCTION_CASES,
    GENERIC_MISTAKES,
    OPTIONAL_WORDS,
    check,
    exercise_prompt,
    misconception_rows,
)

ROOT = Path(__file__).resolve().parents[2]
KEYS = list(EXERCISES)
ENGLISH = catalogues.english()
CHECKER = catalogues.section("checker", "en")
SHARED = catalogues.section("exercises.shared", "en")


def own_words(key: str) -> dict[str, str]:
    """The entries of one exercise, by name: prompt, hint, mistakes.<name>, ..."""
    return catalogues.section(f"exercises.{key}", "en")


def cases(key: str):
    return FUNCTION_CASES.get(key, ())


# --- complete: every exercise has its words, and no others ---------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_every_exercise_has_a_prompt_hint_confirmation_and_a_message_for_each_mistake(key):
    exercise = EXERCISES[key]
    needed = exercise.needed_words(cases(key))
    assert {"prompt", "hint", "confirmation"} <= set(needed)
    assert {f"mistakes.{mistake.name}" for mistake in exercise.mistakes} <= set(needed)
    for name in needed:
        assert exercise.words.entry(name) is not None, f"{key} has no words called {name!r}"
        assert exercise.words(name).strip(), f"{key}'s {name!r} is empty"


@pytest.mark.parametrize("key", KEYS)
def test_an_exercise_has_no_words_it_does_not_use(key):
    exercise = EXERCISES[key]
    generic = {diagnosis.name for diagnosis in exercise.diagnoses()} & set(GENERIC_MISTAKES)
    for name in own_words(key):
        if name in exercise.needed_words(cases(key)):
            continue
        assert name in OPTIONAL_WORDS, f"exercises.{key}.{name} is not a word the checker asks for"
        if name.startswith("mistakes."):
            assert name.removeprefix("mistakes.") in generic, f"{key} never makes the diagnosis {name!r}"
        if name.startswith("labels."):
            assert exercise.kind == "labels"
        if name == "off":
            assert exercise.kind in {"choice", "labels"}
        if name == "near_zero":
            assert exercise.kind == "function"


def test_the_catalogue_has_no_exercise_the_table_lacks():
    keys = {key.split(".")[1] + "." + key.split(".")[2] for key in ENGLISH if re.match(r"exercises\.\d\d\.\d\.", key)}
    assert keys == set(EXERCISES)


def test_every_shared_word_is_used_and_every_use_exists():
    source = (ROOT / "ce_lib" / "course" / "exercises.py").read_text(encoding="utf-8")
    used = {entry for exercise in EXERCISES.values() for entry in exercise.words.shared.values()}
    assert used <= set(SHARED), sorted(used - set(SHARED))
    for name in SHARED:
        assert name in used or f'"exercises.shared.{name}"' in source, f"exercises.shared.{name} is never used"


def test_exercise_words_fall_back_to_shared_words_and_the_engine_only_where_the_exercise_has_none():
    words = EXERCISES["03.4"].words
    assert words.entry("mistakes.mean instead of sum") == "exercises.03.4.mistakes.mean instead of sum"  # its own
    assert words.entry("mistakes.sign slip") == "exercises.shared.sign_of_an_error"  # shared
    assert words.entry("mistakes.percent instead of fraction") is None  # the engine's
    assert words("labels.item") is None


# --- every placeholder filled -------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_every_template_of_an_exercise_is_filled(key):
    words = EXERCISES[key].words
    filling = words.filling()
    names = set(own_words(key)) | set(words.shared)
    for name in names:
        entry = words.entry(name)
        missing = catalogues.placeholders(ENGLISH[entry]) - set(filling)
        assert not missing, f"{entry} needs {sorted(missing)}, which {key} does not give"
        text = words(name)
        assert "{" not in text and "}" not in text, text


def calls_to(function_name: str, source: str):
    """Every call ``function_name("literal key", name=value, ...)`` in ``source``: (key, keyword names)."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        if called != function_name or not node.args or not isinstance(node.args[0], ast.Constant):
            continue
        if any(keyword.arg is None for keyword in node.keywords):  # **values: checked by the test above
            continue
        yield node.args[0].value, {keyword.arg for keyword in node.keywords} - {"language"}


def test_the_engine_fills_exactly_the_placeholders_of_its_words():
    source = (ROOT / "ce_lib" / "course" / "checking.py").read_text(encoding="utf-8")
    calls = list(calls_to("_say", source))
    assert len(calls) > 50
    for name, given_values in calls:
        assert name in CHECKER, f"checking.py says checker.{name}, which checker.toml lacks"
        assert given_values == catalogues.placeholders(CHECKER[name]), f"checker.{name}: {given_values}"
    said = {name for name, _ in calls}
    for name in set(CHECKER) - said:  # looked up through a table (count words): nothing to fill
        assert f'"{name}"' in source, f"checker.{name} is never said"
        assert not catalogues.placeholders(CHECKER[name]), name


def test_the_course_fills_exactly_the_placeholders_of_the_words_it_says_itself():
    source = (ROOT / "ce_lib" / "course" / "exercises.py").read_text(encoding="utf-8")
    calls = list(calls_to("say", source))
    assert calls
    for key, given_values in calls:
        assert key in ENGLISH, key
        assert given_values == catalogues.placeholders(ENGLISH[key]), f"{key}: {given_values}"


# --- numbers: the story's are filled in, only the mathematics' are written --------------------------

#: The numbers the words may write themselves: 0 and 1 (labels, certain probabilities, the limits of a
#: probability), one half (the decision threshold, and the halves of 01.3), 0.0 (an underflowed
#: product), 2 and 10 (log bases; "NumPy 2"; a pair) and 100 (a percentage). Every other number is a
#: placeholder filled from the story or the exercise's inputs.
MATHEMATICAL_CONSTANTS = {"0", "1", "0.5", "0.0", "2", "10", "100"}
NUMBER = re.compile(r"(?<![\w.{])\d+(?:\.\d+)?(?![\w}])")


@pytest.mark.parametrize(
    "key",  # a mistake's name is its key in the code ("door 3 without a gift"), not a sentence
    [key for key in ENGLISH if key.startswith(("exercises.", "checker.")) and ".mistake_names." not in key],
)
def test_the_words_write_no_number_of_the_story(key):
    text = re.sub(r"\{\w+\}", "", ENGLISH[key])
    assert set(NUMBER.findall(text)) <= MATHEMATICAL_CONSTANTS, f"{key}: {ENGLISH[key]}"


# --- the engine knows nothing of the course ----------------------------------------------------------

COURSE_WORDS = re.compile(r"\b(doors?|gifts?|(?<!decimal )points?|models?|sliders?|story|the course)\b", re.I)


def docstrings_and_comments(source: str) -> list[str]:
    tree = ast.parse(source)
    texts = [ast.get_docstring(node) or "" for node in ast.walk(tree) if isinstance(node, ast.Module | ast.ClassDef)]
    texts += [
        ast.get_docstring(node) or ""
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    texts += [line.split("#", 1)[1] for line in source.splitlines() if "#" in line and '"#' not in line]
    return texts


#: Text in the engine that is not a sentence for a learner: parts of Python's own error messages it looks for.
PYTHON_ERROR_TEXTS = {"must be real number", "only length-1 arrays", "only 0-dimensional", "name 'np' is not defined"}


def test_the_checker_engine_writes_no_sentence_outside_its_catalogue():
    tree = ast.parse((ROOT / "ce_lib" / "course" / "checking.py").read_text(encoding="utf-8"))
    documented = (ast.Module, ast.ClassDef, ast.FunctionDef)
    docstrings = {
        id(node.body[0].value) for node in ast.walk(tree) if isinstance(node, documented) and ast.get_docstring(node)
    }
    in_raise = {id(child) for node in ast.walk(tree) if isinstance(node, ast.Raise) for child in ast.walk(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings | in_raise:
            if re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", node.value) and node.value not in PYTHON_ERROR_TEXTS:
                names = set(GENERIC_MISTAKES) | set(checking.KINDS)  # identifiers, not sentences
                assert node.value in names, f"checking.py says {node.value!r} outside checker.toml"


def test_the_checker_engine_speaks_of_no_door_gift_point_or_model():
    source = (ROOT / "ce_lib" / "course" / "checking.py").read_text(encoding="utf-8")
    for text in [*docstrings_and_comments(source), *CHECKER.values()]:
        assert not COURSE_WORDS.search(text), text
    assert not re.search(r"ce_lib\.course\.(story|exercises)|from ce_lib\.course import", source)


# --- a second language is a matter of adding text: a made-up translation -----------------------------

FULL_WIDTH_LETTERS = str.maketrans(
    {letter: chr(ord(letter) + 0xFEE0) for letter in string.ascii_letters}
)  # "a" → "ａ": text that is visibly not the English


def pseudo(text: str) -> str:
    """Translate a template into a made-up language: full-width letters in brackets, placeholders kept."""
    parts = re.split(r"(\{\{|\}\}|\{\w+\})", text)
    return (
        "〔"
        + "".join(
            part if part.startswith("{") or part.startswith("}") else part.translate(FULL_WIDTH_LETTERS)
            for part in parts
        )
        + "〕"
    )


@pytest.fixture
def translated(monkeypatch):
    """A zh-CN catalogue with every entry translated into the made-up language, from today's English."""
    original = catalogues._catalogue
    made_up = {key: {"text": pseudo(english), "english": english} for key, english in ENGLISH.items()}
    monkeypatch.setattr(
        catalogues, "_catalogue", lambda language: made_up if language == "zh-CN" else original(language)
    )
    catalogues._resolved.cache_clear()
    yield made_up
    monkeypatch.undo()
    catalogues.reload()


ASCII_WORD = re.compile(r"[A-Za-z_]{3,}")
#: Words a message may carry from the answer or from Python itself, not from the catalogue.
PYTHON_WORDS = {"None", "True", "False", "nan", "inf"}


def answer_words(value, depth: int = 0) -> set[str]:
    """ASCII words a check may quote from an answer: its texts, and the names of its types."""
    if depth > 8:
        return set()
    found = {type(value).__name__}
    if isinstance(value, str):
        found |= set(ASCII_WORD.findall(value)) | set(ASCII_WORD.findall(repr(value)))  # repr: "\\U0001bba0"
    elif isinstance(value, dict):
        for key, item in value.items():
            found |= answer_words(key, depth + 1) | answer_words(item, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            found |= answer_words(item, depth + 1)
    elif isinstance(value, np.ndarray):
        found |= {str(value.dtype)} | {word for item in value.ravel()[:20] for word in answer_words(item, depth + 1)}
    return found


def leaked_english(message: str, answer, key: str) -> set[str]:
    """ASCII words in a message that come neither from the catalogue (made-up letters) nor from the answer."""
    options = {word for option in EXERCISES[key].options for word in ASCII_WORD.findall(str(option))}
    allowed = answer_words(answer) | PYTHON_WORDS | set(EXERCISES[key].options) | options
    return set(ASCII_WORD.findall(message)) - allowed


ANSWERS = [
    1234.5, -1.0, "2.996", "１．１９６", "1。196", "2,996", "1、2", "无穷大", "inf", "one", "", "是", "Ｂ", "red",
    "(1，0，1)", True, None, ..., [], [1.0, 2.0], (2, 996), {"a": 1}, {1}, b"1", 1j, math.nan, math.inf, object(),
    print, np.array([]), np.ones((2, 2)), (0, 1), (1, 1, 0), (0, "0", 1), (True, False, True), 7, 2.5,
]  # fmt: skip


@pytest.mark.parametrize("key", [key for key in KEYS if key not in FUNCTION_CASES])
def test_a_check_says_every_sentence_in_the_language_spoken(translated, key):
    exercise = EXERCISES[key]
    answers = ANSWERS + [diagnosis.value() for diagnosis in exercise.diagnoses()] + [exercise.expected()]
    with catalogues.using("zh-CN"):
        for answer in answers:
            for solution in (False, True):
                message = check(key, answer, solution=solution).message
                assert message.startswith("〔") and message.endswith("〕"), f"{key}: {answer!r} -> {message}"
                assert not leaked_english(message, answer, key), f"{key}: {answer!r} -> {message}"


@pytest.mark.parametrize("key", list(FUNCTION_CASES))
def test_a_function_check_says_every_sentence_in_the_language_spoken(translated, key):
    exercise = EXERCISES[key]
    tries = [diagnosis.value() for diagnosis in exercise.diagnoses()] + [
        exercise.expected(),
        lambda *args: None,
        lambda *args: "x",
        lambda *args: [1.0, 2.0],
        lambda *args: math.nan,
        lambda *args: 1e-5,  # a tiny number where ce_lib gives 0 (the certain points): the near-zero advice
        lambda *args: ...,
        3.0,
        "my_function",
    ]
    with catalogues.using("zh-CN"):
        for answer in tries:
            message = check(key, answer).message
            assert message.startswith("〔") and message.endswith("〕"), message
            assert not leaked_english(message, answer, key), message
        assert "〔" in check(key, lambda *args: 1e-5).message[1:]  # the advice is a sentence of its own


@settings(
    max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(key=st.sampled_from([key for key in KEYS if key not in FUNCTION_CASES]), answer=st.text(max_size=8))
def test_any_text_answer_is_answered_in_the_language_spoken(translated, key, answer):  # the fixture is only read
    with catalogues.using("zh-CN"):
        message = check(key, answer).message
    assert message.startswith("〔") and message.endswith("〕"), message
    assert not leaked_english(message, answer, key), message


@pytest.mark.parametrize("key", KEYS)
def test_a_prompt_and_its_words_are_in_the_language_asked_for(translated, key):
    prompt = exercise_prompt(key, language="zh-CN")
    assert prompt.startswith("〔") and prompt != exercise_prompt(key, language="en")
    assert not leaked_english(prompt, None, key), prompt
    assert ("**〔" + pseudo("Predict")[1:] + "**" in prompt) == EXERCISES[key].predict
    with catalogues.using("zh-CN"):
        words = [EXERCISES[key].hint, EXERCISES[key].confirmation]
        words += [message for row_key, _, message in misconception_rows() if row_key == key]
    for text in words:
        assert text.startswith("〔") and not leaked_english(text, None, key), text


def test_a_translation_made_from_other_english_is_listed_as_stale(translated):
    assert catalogues.stale("zh-CN") == []
    changed = "exercises.03.2.prompt"
    translated[changed] = {"text": translated[changed]["text"], "english": "What was model A's cross-entropy?"}
    del translated["checker.right"]
    stale = {entry.key: entry for entry in catalogues.stale("zh-CN")}
    assert set(stale) == {changed, "checker.right"}
    assert stale[changed].translated_from == "What was model A's cross-entropy?"
    assert stale["checker.right"].translated_from is None
    with catalogues.using("zh-CN"):  # a missing translation reads in English, never as a missing word
        assert check("03.3", 2.996).message.startswith("Right: 〔")


# --- the one wording: what the notebook shows and what a check repeats --------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_the_prompt_cell_is_one_line_of_markdown_headed_by_the_exercise_number(key):
    prompt = exercise_prompt(key)
    assert "\n" not in prompt and "{" not in prompt and "}" not in prompt
    assert prompt.startswith(catalogues.say("exercises.exercise", key=key, prompt=""))
    assert prompt == exercise_prompt(key, language="en")


def test_exercise_prompt_refuses_an_unknown_key():
    for key in ("3.2", "03.10", None):
        with pytest.raises(ValueError, match=r"03\.2"):
            exercise_prompt(key)
    with pytest.raises(ValueError, match="language"):
        exercise_prompt("03.4", language="fr")


def test_exercises_module_exports_the_prompt_function():
    assert "exercise_prompt" in exercises.__all__ and callable(exercises.exercise_prompt)
    assert checking.Exercise is exercises.Exercise


# --- the teacher's guide's tables (tools/navigation.py) --------------------------------------------


def test_the_guides_tables_are_written_from_the_catalogue_in_the_language_asked_for(translated):
    from tools import navigation

    english_key, english_mistakes = navigation.guide_answer_key("en"), navigation.guide_mistakes("en")
    assert english_key == navigation.guide_answer_key() and english_mistakes == navigation.guide_mistakes()
    for key, exercise in EXERCISES.items():
        assert f"| {key} | {navigation.shown_answer(exercise)} | {exercise.confirmation} |" in english_key
    translated_key, translated_mistakes = navigation.guide_answer_key("zh-CN"), navigation.guide_mistakes("zh-CN")
    for table in (translated_key, translated_mistakes):
        header = table.splitlines()[0]
        assert header.count("〔") == 3 and not ASCII_WORD.search(header), header
    with catalogues.using("zh-CN"):
        assert all(f"| {EXERCISES[key].confirmation} |" in translated_key for key in KEYS)
        assert navigation.shown_answer(EXERCISES["02.4"]).startswith("〔")
    assert catalogues.current_language() == "en"  # the guide's language does not leak out
    source = (ROOT / "tools" / "navigation.py").read_text(encoding="utf-8")
    for name in catalogues.section("exercises.guide", "en"):
        assert f"'{name}'" in source or f'"exercises.guide.{name}"' in source, f"exercises.guide.{name} is never used"


def test_every_mistake_has_a_name_the_guide_can_translate():
    with catalogues.using("en"):
        named = {name for _, name, _ in exercises.misconception_rows()}
    listed = catalogues.section("exercises.mistake_names", "en")
    assert named <= set(listed), sorted(named - set(listed))
    assert all(listed[name] == name for name in listed), "the English name of a mistake is its key"
