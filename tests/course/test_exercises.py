"""The exercise checker: right answers pass in every form, known mistakes are named, nothing breaks it.

No wording is copied here: what a check says is compared with the catalogue (``ce_lib.words``) or
with what the exercise's own words say.
"""

from __future__ import annotations

import html
import math
import numbers
import re
import unicodedata
from collections import Counter
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import ce_lib
from ce_lib import words as catalogues
from ce_lib.course import checking, exercises, story
from ce_lib.course.exercises import (
    EXERCISE_KINDS,
    EXERCISES,
    FUNCTION_CASES,
    GENERIC_MISTAKES,
    KINDS,
    RELATIVE_TOLERANCE,
    Feedback,
    check,
    exercise_prompt,
    misconception_rows,
)
from ce_lib.frameworks import clipped_cross_entropy
from ce_lib.lines import gradient_descent, true_colour_probabilities

settings.register_profile("ce_lib", max_examples=150, deadline=None, derandomize=True)
settings.load_profile("ce_lib")

SOLUTION_CHECKS_OUT = catalogues.say("checker.solution_checks_out", language="en")

KEYS = list(EXERCISES)
NUMBER_KEYS = [key for key, exercise in EXERCISES.items() if exercise.kind == "number"]
INTEGER_KEYS = [key for key, exercise in EXERCISES.items() if exercise.kind == "integer"]
CHOICE_KEYS = [key for key, exercise in EXERCISES.items() if exercise.kind == "choice"]
FUNCTION_KEYS = [key for key, exercise in EXERCISES.items() if exercise.kind == "function"]
DIAGNOSES = [(key, mistake) for key, exercise in EXERCISES.items() for mistake in exercise.diagnoses()]


# --- helpers -----------------------------------------------------------------------------------


def expected(key):
    return EXERCISES[key].expected()


def roundings(value: float, digits=range(1, 7)) -> set[str]:
    """Every way a number rounded to ``digits`` significant digits can be written."""
    shown = {repr(value), str(value)}
    for d in digits:
        rounded = float(f"{value:.{d}g}")
        shown |= {f"{value:.{d}g}", f"{rounded:g}", repr(rounded)}
        if rounded != 0 and math.isfinite(rounded):
            decimals = max(0, d - 1 - math.floor(math.log10(abs(rounded))))
            shown.add(f"{rounded:.{decimals}f}")
    return {s.lstrip("-") for s in shown} | {s.replace("-", "−") for s in shown}


def shows_number(message: str, value: float, digits=range(1, 7)) -> bool:
    """Tell whether a message writes ``value`` (in any of those roundings) as a number of its own."""
    for text in roundings(value, digits):
        if re.search(rf"(?<![\d.]){re.escape(text)}(?![\d])", message):
            return True
    return False


def shows_answer(key: str, message: str, digits=range(1, 7)) -> bool:
    exercise = EXERCISES[key]
    answer = exercise.expected()
    if exercise.kind == "number":
        if math.isinf(answer):
            return "inf" in message.lower() or "∞" in message
        return shows_number(message, float(answer), digits)
    if exercise.kind == "integer":
        return re.search(rf"(?<![\d.]){answer}(?![\d])", message) is not None
    if exercise.kind == "choice":
        flags = 0 if len(answer) == 1 else re.IGNORECASE
        return re.search(rf"\b{re.escape(answer)}\b", message, flags) is not None
    if exercise.kind == "labels":
        return ", ".join(map(str, answer)) in message or "".join(map(str, answer)) in message
    return False


def learner_sum_of_logs(p):
    return np.sum(np.log(p))


def learner_cross_entropy(Y, P):  # the notebook's solution to 05.4
    Y = np.asarray(Y, dtype=np.float64)
    P = np.asarray(P, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        positive = np.where(Y > 0, Y * np.log(P), 0.0)
        negative = np.where(Y < 1, (1 - Y) * np.log1p(-P), 0.0)
    return -np.sum(positive + negative)


LEARNER_SOLUTIONS = {"02.4": [learner_sum_of_logs], "05.4": [learner_cross_entropy]}


def accepted_forms(key):
    """The right answer in every form a learner may give it."""
    exercise = EXERCISES[key]
    answer = exercise.expected()
    if exercise.kind == "number":
        value = float(answer)
        if math.isinf(value):
            return [value, math.inf, np.inf, np.float64("inf"), "inf", "∞", "Infinity", " INF ", "+∞", [math.inf]]
        forms = [value, [value], (value,), [[value]], np.array([value]), np.array([[value]]), np.array(value)]
        forms += [
            np.float64(value),
            np.float32(value),
            float(f"{value:.4g}"),
            float(f"{value:.3g}"),
            Decimal(repr(value)),
        ]
        return forms
    if exercise.kind == "integer":
        return [answer, float(answer), np.int64(answer), np.int8(answer) if answer < 128 else np.int32(answer),
                [answer], np.array([answer]), Fraction(answer), np.float64(answer)]  # fmt: skip
    if exercise.kind == "choice":
        return [answer, answer.upper(), answer.lower(), answer.title(), f"  {answer} ", f"{answer.upper()}\n", [answer]]
    if exercise.kind == "labels":
        return [answer, list(answer), np.array(answer), [float(v) for v in answer], np.array(answer, dtype=float),
                [answer], np.array([answer]), tuple(np.int64(v) for v in answer)]  # fmt: skip
    return [answer, *LEARNER_SOLUTIONS[key]]


# --- the exercises as data ------------------------------------------------------------------------


def test_each_notebook_has_three_to_six_exercises():
    per_notebook = Counter(key.split(".")[0] for key in KEYS)
    assert sorted(per_notebook) == [f"0{n}" for n in range(8)]
    assert all(3 <= count <= 6 for count in per_notebook.values()), per_notebook


@pytest.mark.parametrize("key", KEYS)
def test_exercise_is_well_formed(key):
    exercise = EXERCISES[key]
    assert exercise.key == key
    assert exercise.kind in EXERCISE_KINDS
    assert exercise.prompt and exercise.hint and exercise.confirmation
    assert not re.search(r"\d", exercise.confirmation), "the confirmation has no numbers"
    names = [mistake.name for mistake in exercise.diagnoses()]
    assert len(names) == len(set(names)), names
    if exercise.kind == "choice":
        assert exercise.expected() in exercise.options
    if exercise.kind == "function":
        assert key in FUNCTION_CASES
    assert (exercise.kind == "function") == (key in FUNCTION_CASES)


@pytest.mark.parametrize(
    "key, value",
    [
        ("00.2", "B"), ("00.1", "red"), ("00.3", 2), ("01.2", 0.4536), ("01.1", "yes"), ("01.3", 1075),
        ("02.2", -1.1960), ("02.3", -1386.29), ("02.1", -2.3026), ("03.3", 2.9957), ("03.4", 3.1701),
        ("03.1", 3), ("03.2", math.inf), ("04.4", 0.032), ("04.5", 3.4420), ("04.6", (0, 0, 1)), ("04.1", 4),
        ("05.3", 4.0174), ("05.5", 2.3026), ("05.1", 0.6931), ("06.3", 0.24243), ("06.4", 1.3485), ("06.5", 16.118),
        ("06.1", 1.0986), ("07.4", 0.7311), ("07.5", 0.6092), ("07.3", 89), ("07.1", "down"),
        ("02.5", 5.0), ("04.2", 1.4363), ("04.3", 0.0), ("05.2", 0.7), ("06.2", "BCELoss"), ("07.2", "cross-entropy"),
    ],
)  # fmt: skip
def test_computed_answers_are_the_worked_examples(key, value):
    answer = expected(key)
    if isinstance(value, float) and math.isfinite(value) and value != 0:
        assert math.isclose(answer, value, rel_tol=1e-4)
    else:
        assert answer == value


def test_the_story_still_fits_the_words_of_the_messages():
    # 03.1 says the second largest error is also what np.argmax gives without + 1.
    assert EXERCISES["03.1"].mistakes[1].value() == expected("03.1") - 1
    # 07.5 and 07.1 say model B puts every point on its own side.
    assert all(p > 0.5 for p in story.MODEL_B.probabilities)
    # 00.2 says A leaves a red point on the blue side and a blue point on the red side.
    assert [p < 0.5 for p in story.MODEL_A.probabilities].count(True) == 2
    wrong_side = zip(story.POINTS, story.MODEL_A.probabilities, strict=True)
    assert {point.colour for point, p in wrong_side if p < 0.5} == {"red", "blue"}
    # 04.4 and 04.5 say door 2 has no gift and door 3 has one; 04.4's "door 3 without a gift" is the last door.
    assert exercises.DOOR_OUTCOME[1] == 0 and exercises.DOOR_OUTCOME[2] == 1 and exercises.MOVED_DOOR == 2
    assert len(exercises.DOOR_OUTCOME) == 3
    # 05.3 says "Points ... have label 0": more than one point, and the points it names are 1 and 4.
    assert [index for index, y in enumerate(exercises.TERM_LABELS, start=1) if y == 0] == [1, 4]
    assert EXERCISES["05.3"].words.values()["zero_points"] == catalogues.say(
        "checker.list_and", items="1", last="4", language="en"
    )
    # 07.4 says the point is blue and a red point has y = 1.
    assert exercises.GRADIENT_LABEL == 0
    # 02.1 says the point drops to "a tenth", 07.5 says "twice as sharp" and "half", 03.1 says np.argmax counts from 0.
    assert exercises.TENTH_FACTOR == 10 and exercises.SHARPER == 2
    # 01.3's hint says to try counts between HINT_FROM and HALVES.
    assert exercises.HINT_FROM < expected("01.3") <= exercises.HALVES
    # 07.3 says point 3 is on the wrong side where descent beats model B, and one point one step early.
    path = gradient_descent(
        story.MODEL_A.line.weights(),
        story.POSITIONS,
        story.LABELS,
        steps=story.DESCENT_STEPS,
        learning_rate=story.DESCENT_LEARNING_RATE,
    )

    def wrong_side_at(step):
        probabilities = true_colour_probabilities(path.weights[step], story.POSITIONS, story.LABELS)
        return [number for number, p in enumerate(probabilities, start=1) if p <= 0.5]

    assert wrong_side_at(EXERCISES["07.3"].mistakes[0].value()) == [3]
    assert EXERCISES["07.3"].words.values() == {"still_wrong": 3}  # its words say one point, by number
    assert len(wrong_side_at(expected("07.3") - 1)) == 1
    assert wrong_side_at(expected("07.3")) == []


def test_the_step_where_every_point_is_on_its_side_is_found_independently():
    path = gradient_descent(
        story.MODEL_A.line.weights(),
        story.POSITIONS,
        story.LABELS,
        steps=story.DESCENT_STEPS,
        learning_rate=story.DESCENT_LEARNING_RATE,
    )
    steps = [
        step
        for step, weights in enumerate(path.weights)
        if all(true_colour_probabilities(weights, story.POSITIONS, story.LABELS) > 0.5)
    ]
    assert expected("07.3") == steps[0]
    below_b = [step for step, value in enumerate(path.cross_entropies) if value < story.MODEL_B.line.cross_entropy()]
    assert EXERCISES["07.3"].mistakes[0].value() == below_b[0] < expected("07.3")


_A, _B = story.MODEL_A.probabilities, story.MODEL_B.probabilities
_MOVED = (story.DOOR_PROBABILITIES[0], exercises.MOVED_TO, story.DOOR_PROBABILITIES[2])
_SHARPER = story.MODEL_B.line.sharpness * exercises.SHARPER
# The numbers each prompt states, from the story and the exercises' inputs (its words are the catalogue's).
PROMPT_NUMBERS = {
    "00.1": [exercises.WHAT_IF_POINT, exercises.WHAT_IF_PROBABILITY],
    "01.2": [exercises.RAISED_POINT, exercises.RAISED_TO, _B[3], _B[0], _B[1]],
    "01.1": [exercises.DROP_POINT, _B[0], exercises.DROP_TO, ce_lib.product_of_probabilities(_A)],
    "02.2": list(_B),
    "02.3": [exercises.LOG_HALVES],
    "02.1": [exercises.TENTH_POINT, _B[1], _B[1] / 10],
    "03.3": [exercises.ERROR_PROBABILITY],
    "03.4": [exercises.MENDED_POINT, exercises.MENDED_TO, _A[2]],
    "03.1": [1, len(_A)],
    "03.2": [exercises.ZERO_POINT],
    "04.4": [exercises.MOVED_DOOR, *_MOVED],
    "04.5": list(_MOVED),
    "04.1": [exercises.CERTAIN_DOOR, 8],
    "05.3": list(story.GRADER_PROBABILITIES),
    "05.5": [3, *exercises.CLASS_PREDICTION],
    "05.1": [exercises.SOFT_LABEL, exercises.SOFT_PREDICTION],
    "06.3": [exercises.SOFTMAX_CLASS, *story.CLASS_LOGITS],
    "02.5": [32],
    "05.2": [70],
    "07.4": [exercises.GRADIENT_LABEL, exercises.GRADIENT_LOGIT],
    "07.5": [story.MODEL_B.line.angle_degrees, story.MODEL_B.line.offset, _SHARPER],
    "07.1": [story.MODEL_B.line.sharpness, story.MODEL_B.line.sharpness * exercises.SHARPEST],
}


@pytest.mark.parametrize("key", sorted(PROMPT_NUMBERS))
def test_a_prompt_states_the_numbers_of_the_story_it_is_computed_from(key):
    prompt = EXERCISES[key].prompt
    for number in PROMPT_NUMBERS[key]:
        assert shows_number(prompt, number, digits=range(1, 4)), f"{key} does not state {number}: {prompt}"


def test_the_keras_prompt_writes_its_probability_as_python_and_as_a_power_of_ten():
    prompt = exercise_prompt("06.5", language="en")
    assert f"`{exercises.KERAS_PROBABILITY:.0e}`".replace("e-0", "e-") in prompt and "10⁻⁹" in prompt
    assert exercises.KERAS_PROBABILITY == 1e-9


def test_the_reviewed_answers_are_computed_from_the_story():
    b, a = story.MODEL_B.probabilities, story.MODEL_A.probabilities
    assert math.isclose(expected("01.2"), b[0] * b[1] * b[2] * 0.9)
    assert math.isclose(expected("02.2"), sum(math.log(p) for p in b))
    assert math.isclose(expected("02.3"), 2000 * math.log(0.5))
    assert math.isclose(expected("03.3"), -math.log(0.05))
    assert math.isclose(expected("03.4"), -math.log(a[0] * a[1] * 0.5 * a[3]))
    doors = story.DOOR_PROBABILITIES
    assert math.isclose(expected("04.4"), doors[0] * (1 - 0.6) * doors[2])
    assert math.isclose(expected("04.5"), -math.log(doors[0] * (1 - 0.6) * doors[2]))
    assert math.isclose(expected("05.3"), ce_lib.cross_entropy([0, 1, 1, 0], story.GRADER_PROBABILITIES))
    assert math.isclose(expected("05.5"), -math.log(0.1))
    assert math.isclose(expected("06.3"), math.exp(1) / (math.exp(2) + math.exp(1) + math.exp(0.1)))
    assert math.isclose(expected("06.5"), clipped_cross_entropy([1], [1e-9], "Keras"))
    assert math.isclose(expected("07.4"), 1 / (1 + math.exp(-1)))


@pytest.mark.parametrize("key", NUMBER_KEYS + INTEGER_KEYS)
def test_a_question_does_not_print_its_own_answer(key):
    if expected(key) == 0:  # 06.4: a zero is in every list of numbers
        return
    prompt = exercise_prompt(key, language="en")
    assert not shows_answer(key, prompt, digits=range(2, 7)), prompt


def test_the_predict_exercises_are_marked():
    predicted = {key for key, exercise in EXERCISES.items() if exercise.predict}
    assert predicted == {"00.1", "01.1", "02.1", "03.1", "03.2", "04.1", "04.3", "05.1", "05.2", "06.1", "07.1", "07.2"}


def test_function_exercises_compare_with_ce_lib():
    assert EXERCISES["02.4"].expected() is ce_lib.sum_of_logs
    assert EXERCISES["05.4"].expected() is ce_lib.cross_entropy


# --- right answers ------------------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_the_answer_in_every_accepted_form_is_right(key):
    for form in accepted_forms(key):
        feedback = check(key, form)
        assert feedback.correct, f"{key}: {form!r} -> {feedback}"
        assert feedback.kind == "right" and feedback.mistake is None
        assert str(feedback).startswith("✓ Right: ")


@pytest.mark.parametrize("key", KEYS)
def test_a_right_message_never_shows_the_answer(key):
    for form in accepted_forms(key):
        message = check(key, form).message
        assert not shows_answer(key, message), f"{key}: {message}"
        assert repr(expected(key)) not in message


@pytest.mark.parametrize("key", KEYS)
def test_hints_and_mistake_messages_do_not_give_the_answer_away(key):
    exercise = EXERCISES[key]
    texts = [exercise.hint] + [mistake.message for mistake in exercise.diagnoses()]
    for text in texts:
        assert not shows_answer(key, text, digits=range(3, 7)), f"{key}: {text}"


@pytest.mark.parametrize("key", NUMBER_KEYS)
@given(offset=st.floats(-0.99, 0.99))
def test_a_number_within_the_tolerance_is_right_and_one_outside_is_not(key, offset):
    answer = float(expected(key))
    if math.isinf(answer):
        assert not check(key, 1e300 * (1 + offset)).correct
        return
    tolerance = max(abs(answer) * RELATIVE_TOLERANCE, EXERCISES[key].abs_tolerance)
    assert check(key, answer + 0.9 * offset * tolerance).correct
    outside = answer + math.copysign(1.2 + abs(offset), offset or 1.0) * max(tolerance, 1e-300)
    assert not check(key, outside).correct


@pytest.mark.parametrize("key", CHOICE_KEYS)
@given(data=st.data())
def test_a_choice_in_any_case_and_spacing_is_right(key, data):
    answer = expected(key)
    cased = "".join(c.upper() if data.draw(st.booleans()) else c.lower() for c in answer)
    spaces = st.text(alphabet=" \t\n", max_size=3)
    assert check(key, data.draw(spaces) + cased + data.draw(spaces)).correct


# --- mistakes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("key, mistake", DIAGNOSES, ids=[f"{key}-{mistake.name}" for key, mistake in DIAGNOSES])
def test_every_listed_mistake_is_named_and_never_right(key, mistake):
    feedback = check(key, mistake.value())
    assert not feedback.correct
    assert feedback.kind == "mistake", feedback
    assert feedback.mistake == mistake.name
    assert feedback.message == mistake.message
    assert str(feedback) == "✗ " + mistake.message


@pytest.mark.parametrize("key", KEYS)
def test_each_mistake_of_an_exercise_has_its_own_message(key):
    messages = [mistake.message for mistake in EXERCISES[key].diagnoses()]
    assert len(messages) == len(set(messages))


# What learners type, rounded by hand, and the mistake it must be named as.
TYPED_MISTAKES = [
    ("01.2", 3.3, "the sum"), ("01.2", 0.3024, "B as it is"), ("01.2", 0.302, "B as it is"),
    ("01.2", 0.0084, "model A's product"), ("01.2", 45.36, "percent instead of fraction"),
    ("01.2", 0.45, "rounded too coarsely"), ("01.2", 0.5, "rounded too coarsely"),
    ("01.3", 1074, "one too few"), ("01.3", 1100, "the notebook's example"),
    ("01.3", 1022, "the smallest number with all its digits"),
    ("02.2", -4.78, "model A's sum of logs"), ("02.2", 0.3024, "the product"), ("02.2", 1.196, "sign slip"),
    ("02.2", -0.5194, "log base 10"), ("02.2", -1.725, "log base 2"), ("02.2", -0.299, "mean instead of sum"),
    ("02.2", -1, "rounded too coarsely"),
    ("02.3", 0.0, "the underflowed product"), ("02.3", -math.inf, "the log of the underflowed product"),
    ("02.3", 1386.29, "sign slip"), ("02.3", -602.06, "log base 10"), ("02.3", -2000, "log base 2"),
    ("02.3", -1400, "rounded too coarsely"),
    ("02.1", 0.1, "the ratio, new over old"), ("02.1", 10, "the ratio, old over new"),
    ("02.1", -0.81, "the change of the probability"), ("02.1", 2.303, "sign slip"), ("02.1", -1, "log base 10"),
    ("03.3", 0.05, "the probability"), ("03.3", -2.996, "sign slip"), ("03.3", 1.301, "log base 10"),
    ("03.3", 4.322, "log base 2"), ("03.3", 2.9, "rounded too coarsely"),
    ("03.4", 4.7795, "A as it is"), ("03.4", 4.78, "A as it is"), ("03.4", 0.042, "the product"),
    ("03.4", -3.17, "sign slip"), ("03.4", 0.7925, "mean instead of sum"), ("03.4", 1.377, "log base 10"),
    ("03.4", 4.573, "log base 2"), ("03.4", 3.2, "rounded too coarsely"),
    ("03.1", 4, "the largest probability"), ("03.1", 2, "the second largest error"),
    ("03.2", 0, "what the product does"), ("03.2", 1.196, "B's cross-entropy before the change"),
    ("03.2", "-inf", "sign slip"),
    ("04.4", 0.048, "every door with a gift"), ("04.4", 0.288, "door 3 without a gift"),
    ("04.4", 0.024, "the starting doors"), ("04.4", 3.2, "percent instead of fraction"),
    ("04.4", 0.03, "rounded too coarsely"),
    ("04.5", 0.032, "the probability"), ("04.5", 3.0366, "the y = 0 term as −ln p"),
    ("04.5", 3.7297, "the starting doors"), ("04.5", -3.442, "sign slip"), ("04.5", 1.495, "log base 10"),
    ("04.5", 4.966, "log base 2"),
    ("04.6", (1, 1, 0), "the most likely outcome"), ("04.1", 1, "only one outcome"), ("04.1", 8, "every outcome"),
    ("05.3", 4.4228, "the y = 0 term as −ln p"), ("05.3", 4.8283, "the grader's labels"),
    ("05.3", 1.0043, "mean instead of sum"), ("05.3", -4.017, "sign slip"), ("05.3", 1.745, "log base 10"),
    ("05.3", 5.796, "log base 2"),
    ("05.5", 0.1, "q of the true class"), ("05.5", 0.3567, "the likeliest class"),
    ("05.5", 4.2687, "every class counted"), ("05.5", -2.303, "sign slip"), ("05.5", 1.0, "log base 10"),
    ("05.5", 3.322, "log base 2"), ("05.5", 2, "rounded too coarsely"),
    ("05.1", 1.0, "log base 2"), ("05.1", 0.5, "q itself"), ("05.1", 0, "a soft label is free"),
    ("06.3", 0.659, "class 1"), ("06.3", 0.3226, "the logits divided"), ("06.3", 2.718, "the exponential alone"),
    ("06.3", 24.24, "percent instead of fraction"), ("06.3", 0.24, "rounded too coarsely"),
    ("06.4", 3.3071, "e to the sum"), ("06.4", 0.299, "the mean itself"),
    ("02.5", 3.4657, "in nats"), ("02.5", 1 / 32, "the probability itself"),
    ("02.5", 32, "one over the probability"),
    ("04.2", 23.205, "the eight cross-entropies added"), ("04.2", 2.9006, "their plain mean"),
    ("04.2", 0.6851, "the likeliest outcome's"),
    ("04.3", 1.4363, "the doors' own entropy"), ("05.2", 1.0, "certain"), ("05.2", 0.5, "a coin flip"),
    ("05.3", 2.8134, "the (1 − y) terms dropped"),
    ("06.5", 20.723, "the exact cost"), ("06.5", 100, "PyTorch's cap"), ("06.5", 7, "log base 10"),
    ("06.5", 9, "the exact cost in base 10"), ("06.5", -16.12, "sign slip"), ("06.5", 16, "rounded too coarsely"),
    ("06.1", 1 / 3, "q of the true class"), ("06.1", 0, "equal logits cost nothing"), ("06.1", 1.585, "log base 2"),
    ("06.1", 0.477, "log base 10"),
    ("07.4", -0.2689, "the red point's gradient"), ("07.4", 0.2689, "σ(−z)"), ("07.4", 0.5, "σ(0)"),
    ("07.4", -0.731, "sign slip"), ("07.4", 0.7, "rounded too coarsely"),
    ("07.5", 1.196, "model B at sharpness 1"), ("07.5", 2.392, "twice B's cross-entropy"),
    ("07.5", 0.598, "half B's cross-entropy"),
    ("07.3", 76, "below model B's cross-entropy"), ("07.3", 88, "one step early"),
    ("00.2", "A", "the model with points on the wrong side"), ("00.1", "blue", "the slider read as the other colour"),
    ("01.1", "No", "good points outweigh one bad one"), ("07.1", " up", "sharper means more error"),
]  # fmt: skip


@pytest.mark.parametrize("key, answer, name", TYPED_MISTAKES)
def test_a_typed_mistake_is_recognised(key, answer, name):
    feedback = check(key, answer)
    assert (feedback.kind, feedback.mistake) == ("mistake", name), feedback


def test_a_rounding_too_coarse_states_the_real_rule_and_three_digits_are_right():
    # The rule is a relative distance of 0.5 %: 1.2 is right for 1.196, 3.2 is not for 3.170.
    assert RELATIVE_TOLERANCE == 5e-3
    assert check("02.2", -1.2).correct and check("02.2", -1.20).correct and check("02.2", -1.196).correct
    assert check("03.4", 3.17).correct
    feedback = check("03.4", 3.2)
    assert feedback.mistake == "rounded too coarsely"
    assert feedback.message == catalogues.say("checker.rounded_too_coarsely", percent="0.5")
    assert "0.5 %" in feedback.message


@pytest.mark.parametrize("key", NUMBER_KEYS)
def test_three_significant_digits_are_always_right_and_the_rounding_message_never_contradicts_it(key):
    answer = float(expected(key))
    if math.isfinite(answer) and answer != 0:
        assert check(key, float(f"{answer:.3g}")).correct
        assert check(key, float(f"{answer:.4g}")).correct
    for mistake in EXERCISES[key].diagnoses():
        if mistake.name == "rounded too coarsely":
            assert "0.5 %" in mistake.message and "at least three" not in mistake.message


@pytest.mark.parametrize("key", NUMBER_KEYS + INTEGER_KEYS)
def test_a_plain_wrong_number_says_too_high_or_too_low_and_gives_the_hint(key):
    answer = float(expected(key))
    for wrong in (answer * 1.7 + 3.1, answer * 0.37 - 2.9) if math.isfinite(answer) else (1234.5,):
        if EXERCISES[key].kind == "integer":
            wrong = round(wrong)
        feedback = check(key, wrong)
        assert not feedback.correct
        if feedback.kind == "off":
            assert EXERCISES[key].hint in feedback.message
            assert re.search(r"too high|too low|between 0 and 1|from \d+ to \d+|at least", feedback.message)


def test_too_high_and_too_low_point_the_right_way():
    assert "too high" in check("03.4", 4.0).message
    assert "too low" in check("03.4", 2.5).message
    assert "too low" in check("02.2", -9.0).message
    assert "too high" in check("07.3", 120).message


# --- wrong kinds of answer ------------------------------------------------------------------------

WRONG_KINDS = [
    ("03.3", ..., "not answered", "replace ..."),
    ("03.3", None, "not answered", "answer = ..."),
    ("03.3", "2.996", "wrong kind", "'2.996' is text: remove the quotes"),
    ("03.3", "one point six", "wrong kind", "give a number"),
    ("03.3", "2,996", "wrong kind", "2.996 if it is a decimal point"),
    ("03.3", (2, 996), "wrong kind", "comma"),
    ("03.3", True, "wrong kind", "bool"),
    ("03.3", 3.0 + 0j, "wrong kind", "complex"),
    ("03.3", {"answer": 2.996}, "wrong kind", "dict"),
    ("03.3", {2.996}, "wrong kind", "set"),
    ("03.3", object(), "wrong kind", "not a number"),
    ("03.3", print, "wrong kind", "function"),
    ("03.3", math.nan, "wrong kind", "0 · ln 0"),
    ("03.3", np.array([np.nan]), "wrong kind", "not a number"),
    ("03.3", [], "wrong kind", "give one number"),
    ("03.3", np.array([]), "wrong kind", "give one number"),
    ("03.3", [2.996, 3.0, 2.9], "wrong kind", "not a list of 3"),
    ("03.3", np.ones((2, 2)), "wrong kind", "not an array of 4"),
    ("03.3", b"2.996", "wrong kind", "bytes"),
    ("03.3", math.inf, "off", "infinite"),
    ("03.3", 10**400, "off", "infinite"),
    ("03.1", 2.5, "wrong kind", "whole number"),
    ("03.1", "3", "wrong kind", "text"),
    ("03.1", 7, "off", "from 1 to 4"),
    ("00.2", "model B", "wrong kind", "'A' or 'B'"),
    ("00.2", 2, "wrong kind", "'A' or 'B'"),
    ("01.1", True, "wrong kind", "'yes' or 'no'"),
    ("00.1", ["red", "blue"], "wrong kind", "not a list of 2"),
    ("04.6", (0.4, 0.2, 1.7), "wrong kind", "entry 1 is 0.4, entry 2 is 0.2 and entry 3 is 1.7"),
    ("04.6", (0, 0, 2), "wrong kind", "entry 3 is 2"),
    ("04.6", (0, 1), "wrong kind", "three labels, one per door"),
    ("04.6", [0, 0, 1, 1], "wrong kind", "three labels, one per door"),
    ("04.6", (), "wrong kind", "three labels"),
    ("04.6", "0, 0, 1", "wrong kind", "text"),
    ("04.6", (False, False, True), "wrong kind", "not True and False"),
    ("04.6", (0, "0", 1), "wrong kind", "entry 2"),
    ("04.6", 1, "wrong kind", "three labels"),
    ("04.6", np.zeros((3, 3)), "wrong kind", "three labels"),
    ("02.4", 3.0, "wrong kind", "the function itself"),
    ("02.4", "my_sum_of_logs", "wrong kind", "the function itself"),
    ("02.4", lambda p: ..., "not answered", "replace the ..."),
    ("02.4", lambda p: None, "wrong kind", "return"),
    ("02.4", lambda p: "4.78", "wrong kind", "text"),
    ("02.4", lambda p: np.nan, "wrong kind", "nan"),
    ("02.4", lambda p: [1.0, 2.0], "wrong kind", "2 numbers"),
    ("02.4", lambda p: 1 / 0, "off", "ZeroDivisionError: division by zero"),
    ("02.4", lambda p: math.log(p), "off", "np.log works on a whole list"),
    ("02.4", lambda: 0.0, "off", "TypeError"),
    ("02.4", lambda p: np.sum(np.log(p)) * 1.001, "off", "on model A's probabilities your function returns"),
]


@pytest.mark.parametrize(
    "key, answer, kind, words", WRONG_KINDS, ids=[f"{k}-{i}" for i, (k, *_) in enumerate(WRONG_KINDS)]
)
def test_an_answer_of_the_wrong_kind_gets_a_clear_sentence(key, answer, kind, words):
    feedback = check(key, answer)
    assert not feedback.correct
    assert feedback.kind == kind, feedback
    assert words.lower() in feedback.message.lower(), feedback


@pytest.mark.parametrize("key", CHOICE_KEYS)
def test_every_choice_exercise_takes_a_one_element_list_as_its_answer_and_rejects_longer_ones(key):
    answer = expected(key)
    other = next(option for option in EXERCISES[key].options if option != answer)
    for wrap in (lambda a: [a], lambda a: (a,), lambda a: np.array([a]), lambda a: [[a]], lambda a: [f" {a.upper()} "]):
        assert check(key, wrap(answer)).correct
        assert check(key, wrap(other)) == check(key, other)
    for longer in ([answer, answer], [answer, other], (answer, other), np.array([answer, other])):
        feedback = check(key, longer)
        assert feedback.kind == "wrong kind" and "one answer" in feedback.message, feedback
    assert check(key, []).kind == "wrong kind"


def test_the_tuple_exercise_never_truncates_to_a_right_answer():
    assert not check("04.6", (0.4, 0.2, 1.7)).correct
    assert not check("04.6", (0.9, 0.9, 1.2)).correct
    assert check("04.6", np.array([0.0, 0.0, 1.0])).correct


@pytest.mark.filterwarnings("ignore:the matrix subclass:PendingDeprecationWarning")
def test_a_one_element_array_is_its_number():
    assert check("03.3", np.array([2.996])).correct
    assert check("03.3", [[2.996]]).correct
    assert check("03.3", np.matrix([[2.996]])).correct


@pytest.mark.parametrize("key", KEYS)
def test_not_answered_repeats_the_prompt_the_notebook_shows_and_the_options(key):
    message = check(key, ...).message
    shown = exercise_prompt(key, language="en")
    heading = catalogues.say("exercises.exercise", key=key, prompt="", language="en")
    assert shown.startswith(heading)
    assert message.endswith(shown.removeprefix(heading).replace("**", "").replace("`", ""))
    assert message.endswith(EXERCISES[key].prompt)
    assert all(f'"{option}"' in message for option in EXERCISES[key].options)


def test_infinity_is_accepted_only_where_it_is_the_answer():
    for form in (
        "inf",
        "∞",
        "infinity",
        "INFINITY",
        math.inf,
        np.inf,
        "无穷",
        "无穷大",
        "正无穷",
        "＋∞",
        "ｉｎｆ",
        "∞。",
    ):
        assert check("03.2", form).correct, form
    for form in ("-inf", "−∞", "负无穷", "－∞", "-无穷大"):
        assert check("03.2", form).mistake == "sign slip", form
    assert not check("03.4", math.inf).correct
    for form in ("inf", "无穷大", "∞"):
        assert check("03.4", form).kind == "wrong kind"
        assert "math.inf" in check("03.4", form).message
    assert not check("03.2", "infinite").correct
    assert not check("03.2", "无穷小").correct


# --- function exercises --------------------------------------------------------------------------


def test_the_classic_code_patched_for_numpy_2_is_told_about_0_ln_0():
    def my_cross_entropy(Y, P):
        Y = np.float64(Y)
        P = np.float64(P)
        return -np.sum(Y * np.log(P) + (1 - Y) * np.log(1 - P))

    feedback = check("05.4", my_cross_entropy)
    assert (feedback.kind, feedback.mistake) == ("mistake", "0 · ln 0 gives nan")
    assert "np.where" in feedback.message


def test_np_where_without_log1p_is_told_to_use_log1p():
    def my_cross_entropy(Y, P):
        Y, P = np.asarray(Y, dtype=float), np.asarray(P, dtype=float)
        with np.errstate(all="ignore"):
            return -np.sum(np.where(Y == 1, np.log(P), 0) + np.where(Y == 0, np.log(1 - P), 0))

    feedback = check("05.4", my_cross_entropy)
    assert feedback.mistake == "ln(1 − p) loses a tiny p"
    assert "np.log1p(-P)" in feedback.message


def test_the_template_and_a_clipping_function_are_told_what_is_off():
    def template(Y, P):
        Y = np.float64(Y)
        P = np.float64(P)
        return ...

    assert check("05.4", template).kind == "not answered"

    def clipping(Y, P):
        P = np.clip(np.asarray(P, dtype=float), 1e-7, 1 - 1e-7)
        Y = np.asarray(Y, dtype=float)
        return -np.sum(Y * np.log(P) + (1 - Y) * np.log(1 - P))

    feedback = check("05.4", clipping)
    assert feedback.kind == "off" and "Clipping" in feedback.message


def test_a_function_that_changes_its_input_does_not_spoil_the_cases():
    def destructive(p):
        total = np.sum(np.log(p))
        p.clear()
        return total

    assert check("02.4", destructive).correct
    assert FUNCTION_CASES["02.4"][0][0][0] == list(story.MODEL_A.probabilities)


def test_function_checks_silence_numpy_warnings():
    with np.errstate(all="raise"):
        assert check("02.4", lambda p: np.sum(np.log(np.array(p) - 1))).kind in {"off", "wrong kind", "mistake"}


# --- garbage ---------------------------------------------------------------------------------------


class Hostile:
    """An object every operation of which fails."""

    def __repr__(self):
        raise RuntimeError("repr")

    def __float__(self):
        raise RuntimeError("float")

    def __len__(self):
        raise RuntimeError("len")

    def __iter__(self):
        raise RuntimeError("iter")

    def __eq__(self, other):
        raise RuntimeError("eq")

    def __bool__(self):
        raise RuntimeError("bool")

    def __array__(self, *args, **kwargs):
        raise RuntimeError("array")

    __hash__ = object.__hash__


class Floaty:
    def __float__(self):
        return 2.996


class Real:
    """Registered as a numbers.Real, but it does not convert to a float."""

    def __float__(self):
        raise ArithmeticError("no")


numbers.Real.register(Real)


def object_array(items):
    array = np.empty(len(items), dtype=object)
    for index, item in enumerate(items):
        array[index] = item
    return array


def returning(value):
    return lambda *args, **kwargs: value


def raising(error):
    def function(*args, **kwargs):
        raise error

    return function


ARRAY_DTYPES = st.one_of(
    hnp.boolean_dtypes(),
    hnp.integer_dtypes(),
    hnp.unsigned_integer_dtypes(),
    hnp.floating_dtypes(),
    hnp.complex_number_dtypes(),
    hnp.unicode_string_dtypes(max_len=3),
    hnp.byte_string_dtypes(max_len=3),
    hnp.datetime64_dtypes(),
    hnp.timedelta64_dtypes(),
)
ARRAYS = hnp.arrays(ARRAY_DTYPES, hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=3))
WORDS = st.sampled_from([
    "inf", "∞", "-inf", "nan", "2.996", "B", "yes", "Red", "down", " a ", "", "0, 0, 1", "True",
    # typed with a Chinese input method, or in Chinese
    "是", "否", "是。", "红色", "蓝", "Ｂ", "ｄｏｗｎ", "上升", "无穷大", "负无穷", "－∞", "１．１９６",
    "2，996", "1。196", "(1，0，1)", "1、0、1", "（０，０，１）", "３", "∞。", "ｉｎｆ", "不是", "下降！",
])  # fmt: skip
ERRORS = st.sampled_from([ZeroDivisionError("x"), ValueError("x"), TypeError("x"), RecursionError(), KeyError("k")])
SCALARS = st.one_of(
    st.none(),
    st.just(...),
    st.booleans(),
    st.integers(),
    st.integers(-(10**400), 10**400),
    st.floats(),
    st.complex_numbers(),
    st.text(max_size=6),
    st.binary(max_size=4),
    st.fractions(),
    st.decimals(),
    WORDS,
    st.sampled_from([np.float16(1.5), np.int8(3), np.bool_(True), np.datetime64("2020"), np.timedelta64(4, "D")]),
    st.builds(Hostile),
    st.builds(Floaty),
    st.builds(Real),
    st.just(object()),
    ERRORS.map(raising),
    ARRAYS,
)
HASHABLE = st.one_of(st.integers(), st.floats(), st.text(max_size=2), st.booleans())
GARBAGE = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.tuples(children),
        st.tuples(children, children, children),
        st.dictionaries(st.text(max_size=2), children, max_size=2),
        st.frozensets(HASHABLE, max_size=3),
        st.sets(HASHABLE, max_size=3),
        st.lists(children, min_size=1, max_size=3).map(object_array),
        children.map(returning),
    ),
    max_leaves=12,
)


def unwrapped(answer, depth=0):
    """The one value inside one-element lists, tuples and arrays, or a marker when there is none."""
    if depth > 60:
        return unwrapped
    if isinstance(answer, np.ndarray):
        return unwrapped(np.asarray(answer).reshape(-1)[0], depth + 1) if answer.size == 1 else unwrapped
    if isinstance(answer, (list, tuple)):
        return unwrapped(answer[0], depth + 1) if len(answer) == 1 else unwrapped
    return answer


NOT_NUMBERS = (bool, np.bool_, np.datetime64, np.timedelta64, Real)


def label_items(answer, depth=0):
    """The entries of a sequence of labels (one-element layers unwrapped), or None."""
    if depth > 60:
        return None
    if isinstance(answer, np.ndarray):
        if answer.ndim == 0 or sum(side != 1 for side in answer.shape) > 1:
            return None
        items = list(np.asarray(answer).reshape(-1))
    elif isinstance(answer, (list, tuple)):
        items = list(answer)
    else:
        return None
    if len(items) == 1 and isinstance(items[0], (list, tuple, np.ndarray)):
        return label_items(items[0], depth + 1)
    return items


def read_one_word(text: str) -> str:
    """A one-word answer as the checker's documented rules read it: half-width, trimmed, no sentence end."""
    return unicodedata.normalize("NFKC", text).replace("−", "-").strip().rstrip("。.!").strip()


def means(text: str, option: str) -> bool:
    """Tell whether a text answer means ``option``: itself in any case or width, or one of its ANSWER_WORDS."""
    if text.strip().casefold() == option.casefold():
        return True
    word = read_one_word(text).casefold()
    return word == option.casefold() or word in {w.casefold() for w in checking.ANSWER_WORDS.get(option, ())}


def infinity_sign(text: str) -> int | None:
    """+1 or -1 if a text answer spells (signed) infinity, else None."""
    word = read_one_word(text)
    sign = {"+": 1, "-": -1, "正": 1, "负": -1, "負": -1}.get(word[:1])
    if sign is not None:
        word = word[1:].strip()
    return (sign or 1) if word.casefold() in checking.INFINITY_WORDS else None


def really_right(key, answer) -> bool:
    """Tell, independently of the checker, whether a garbage answer equals the right answer."""
    exercise = EXERCISES[key]
    right = exercise.expected()
    if exercise.kind == "function":
        return any(answer is solution for solution in (right, *LEARNER_SOLUTIONS[key]))
    if exercise.kind == "labels":
        items = label_items(answer)
        if items is None or len(items) != len(right):
            return False
        if not all(isinstance(v, (numbers.Real, Decimal)) and not isinstance(v, NOT_NUMBERS) for v in items):
            return False
        try:
            return tuple(float(v) for v in items) == tuple(map(float, right))
        except (OverflowError, ValueError, ArithmeticError):
            return False
    value = unwrapped(answer)
    if exercise.kind == "choice":
        return isinstance(value, str) and means(value, right)
    if isinstance(value, str) and exercise.kind == "number" and math.isinf(right):
        return infinity_sign(value) == 1
    if isinstance(value, NOT_NUMBERS):
        return False
    if not isinstance(value, (numbers.Real, Decimal)):
        return False
    try:
        number = float(value)
    except (OverflowError, ValueError, ArithmeticError):
        return False
    if exercise.kind == "integer":
        return number == right
    if math.isinf(right):
        return number == right
    return math.isclose(number, right, rel_tol=RELATIVE_TOLERANCE, abs_tol=exercise.abs_tolerance)


def assert_sound(key, answer):
    feedback = check(key, answer)
    assert isinstance(feedback, Feedback)
    assert feedback.kind in KINDS
    assert isinstance(feedback.message, str) and feedback.message.strip()
    assert feedback.correct == (feedback.kind == "right")
    assert (feedback.mistake is not None) == (feedback.kind == "mistake")
    assert feedback.correct == really_right(key, answer), f"{key}: {answer!r:.80} -> {feedback}"
    assert "<" not in feedback._repr_html_().split(">", 1)[1].rsplit("<", 1)[0]
    quiet = check(key, answer, solution=True)
    assert quiet == (Feedback(True, SOLUTION_CHECKS_OUT, "right") if feedback.correct else feedback)


@settings(max_examples=400)
@given(key=st.sampled_from(KEYS), answer=GARBAGE)
def test_garbage_never_raises_and_is_right_only_when_it_equals_the_answer(key, answer):
    assert_sound(key, answer)


@st.composite
def near_misses(draw):
    """The right answer wrapped in garbage, or something close to it."""
    key = draw(st.sampled_from(KEYS))
    answer = draw(st.sampled_from(accepted_forms(key)))
    wrap = draw(
        st.sampled_from(
            [
                lambda a: a,
                lambda a: [a],
                lambda a: [a, a],
                lambda a: (a, None),
                lambda a: {"answer": a},
                lambda a: str(a),
                lambda a: np.array([a, a], dtype=object),
                lambda a: np.array([a], dtype=object),
                lambda a: returning(a),
                lambda a: [[[a]]],
                lambda a: (a,) * 3,
            ]
        )
    )
    return key, wrap(answer)


@given(near_misses())
def test_the_answer_wrapped_in_garbage_is_right_only_when_it_is_still_one_answer(pair):
    key, answer = pair
    assert_sound(key, answer)


@pytest.mark.parametrize("key", FUNCTION_KEYS)
@given(result=GARBAGE)
def test_a_function_returning_garbage_or_raising_never_breaks_the_check(key, result):
    for function in (returning(result), raising(RuntimeError(repr(type(result))))):
        feedback = check(key, function)
        assert not feedback.correct
        assert feedback.kind in KINDS and feedback.message


# --- answers typed with a Chinese input method ---------------------------------------------------------

#: What a Chinese input method types for each ASCII character it has a full-width form of.
FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789.-+()eE,ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}


@st.composite
def typed_in_chinese(draw, text: str) -> str:
    """``text`` with any of its characters full-width, as a Chinese input method may type it."""
    return "".join(FULL_WIDTH[c] if c in FULL_WIDTH and draw(st.booleans()) else c for c in text)


def test_the_chinese_answers_the_issue_names_are_understood():
    assert check("01.1", "是").correct and check("01.1", "否").mistake == "good points outweigh one bad one"
    assert check("00.1", "红").correct and check("00.1", "红色").correct
    assert check("00.1", "蓝").mistake == check("00.1", "蓝色").mistake == "the slider read as the other colour"
    assert check("00.2", "Ｂ").correct and check("07.1", "下降").correct and check("07.1", "ｄｏｗｎ。").correct
    assert {"是", "否", "红", "蓝", "红色", "蓝色"} <= set().union(*checking.ANSWER_WORDS.values())
    assert {"∞", "无穷", "无穷大"} <= checking.INFINITY_WORDS


def test_a_full_width_number_is_read_and_shown_as_python_writes_it():
    feedback = check("02.2", "－１．１９６")
    assert (feedback.kind, feedback.correct) == ("wrong kind", False)
    assert "-1.196" in feedback.message and "'－１．１９６'" in feedback.message
    assert check("03.1", "３").kind == "wrong kind" and "3" in check("03.1", "３").message.split(":")[-1]


def after_quote(message: str) -> str:
    """What a message says after quoting the answer."""
    return message.split("' ", 1)[1]


def test_a_full_stop_is_never_read_silently_as_a_decimal_point():
    # Between digits, 。 is what the "." key types in Chinese punctuation mode: the check says so.
    feedback = check("02.2", "-1。196")
    assert feedback.kind == "wrong kind" and "。" in feedback.message and "-1.196" in feedback.message
    # At the end, 。 ends the sentence: "-1.196。" is the text "-1.196", still the wrong kind (quotes).
    assert after_quote(check("02.2", "-1.196。").message) == after_quote(check("02.2", "-1.196").message)
    assert check("01.1", "是。").correct and check("03.2", "无穷大。").correct
    # Anywhere else it is not a number.
    assert check("02.2", "。1").kind == "wrong kind" and not check("02.2", "1。。2").correct


def test_chinese_list_separators_separate_numbers_and_an_ascii_comma_is_a_decimal_comma():
    assert "3" in check("03.3", "2、9、9").message and check("03.3", "2、9、9").kind == "wrong kind"
    assert after_quote(check("03.3", "2，996").message) == after_quote(check("03.3", "2、996").message)  # not 2.996
    assert "2.996 if it is a decimal point" in check("03.3", "2,996").message  # a decimal comma, or thousands
    feedback = check("04.6", "（０，０，１）")
    assert feedback.kind == "wrong kind" and "(0, 0, 1)" in feedback.message
    assert "(1, 0, 1)" in check("04.6", "1、0、1").message


NUMBER_OR_INTEGER_KEYS = [key for key in NUMBER_KEYS + INTEGER_KEYS if not math.isinf(float(expected(key)))]


@given(data=st.data())
def test_a_number_typed_with_a_chinese_input_method_is_read_and_answered_with_a_sentence(data):
    key = data.draw(st.sampled_from(NUMBER_OR_INTEGER_KEYS))
    if EXERCISES[key].kind == "integer":
        python = str(data.draw(st.integers(-(10**6), 10**6)))
    else:
        python = repr(data.draw(st.floats(allow_nan=False, allow_infinity=False)))
    typed = data.draw(typed_in_chinese(python))
    if "." in typed and data.draw(st.booleans()):  # the "." key in Chinese punctuation mode
        typed = typed.replace(".", "。").replace("．", "。")
    if data.draw(st.booleans()):
        typed += "。"  # a sentence end
    feedback = check(key, typed)
    assert not feedback.correct and feedback.kind == "wrong kind", feedback
    if typed.rstrip("。") != python:  # it had to be read kindly: the check shows how Python writes it
        assert python in feedback.message, feedback
    assert check(key, typed, solution=True) == feedback


@pytest.mark.parametrize("key", CHOICE_KEYS)
@given(data=st.data())
def test_a_choice_typed_in_chinese_or_full_width_is_read_as_meant(key, data):
    exercise = EXERCISES[key]
    option = data.draw(st.sampled_from(exercise.options))
    spelled = data.draw(st.sampled_from([option, *sorted(checking.ANSWER_WORDS.get(option, ()))]))
    spelled = "".join(c.upper() if data.draw(st.booleans()) else c for c in spelled)
    spelled = data.draw(typed_in_chinese(spelled))
    spaces = st.text(alphabet=" \t\n\u3000", max_size=2)
    typed = data.draw(spaces) + spelled + data.draw(st.sampled_from(["", "。", ".", "！", "!"])) + data.draw(spaces)
    feedback = check(key, typed)
    if option == exercise.expected():
        assert feedback.correct, (typed, feedback)
    else:
        named = next((m.name for m in exercise.mistakes if m.value() == option), exercise.mistakes[0].name)
        assert feedback.kind == "mistake" and feedback.mistake == named, (typed, feedback)


@given(data=st.data())
def test_infinity_in_any_spelling_is_read_with_its_sign(data):
    word = data.draw(typed_in_chinese(data.draw(st.sampled_from(sorted(checking.INFINITY_WORDS)))))
    sign = data.draw(st.sampled_from(["", "+", "＋", "正", "-", "－", "−", "负"]))
    typed = sign + data.draw(st.sampled_from(["", " "])) + word + data.draw(st.sampled_from(["", "。"]))
    feedback = check("03.2", typed)
    if sign in {"-", "－", "−", "负"}:
        assert feedback.mistake == "sign slip", (typed, feedback)
    else:
        assert feedback.correct, (typed, feedback)
    assert check("03.4", typed).kind == "wrong kind"  # a finite answer: infinity as text is told how to write it


@given(
    labels=st.lists(st.integers(0, 12), min_size=3, max_size=3),
    separator=st.sampled_from([",", ", ", "，", "、", " ", "， ", "、 "]),
    brackets=st.sampled_from(["", "()", "（）", "[]"]),
    data=st.data(),
)
def test_labels_typed_as_text_with_chinese_separators_are_read_and_shown_as_a_tuple(labels, separator, brackets, data):
    inside = separator.join(data.draw(typed_in_chinese(str(label))) for label in labels)
    typed = brackets[:1] + inside + brackets[1:]
    feedback = check("04.6", typed)
    assert feedback.kind == "wrong kind" and not feedback.correct
    assert "(" + ", ".join(map(str, labels)) + ")" in feedback.message, (typed, feedback)


CHINESE_KEYBOARD = st.text(
    alphabet="0123456789０１２３４５６７８９.．。，、,-－−+＋ ()（）[]【】∞"
    + "无穷大正负是否不红蓝色上下升降"
    + "einfａｂＡＢ！",
    max_size=12,
)


@settings(max_examples=300)
@given(key=st.sampled_from(KEYS), text=CHINESE_KEYBOARD)
def test_any_text_from_a_chinese_keyboard_gets_a_sentence_and_never_a_false_tick(key, text):
    assert_sound(key, text)


# --- solution cells ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_a_right_solution_says_only_that_it_checks_out(key):
    for form in accepted_forms(key):
        feedback = check(key, form, solution=True)
        assert feedback == Feedback(True, SOLUTION_CHECKS_OUT, "right")
        assert str(feedback) == "✓ " + SOLUTION_CHECKS_OUT
        assert html.escape(SOLUTION_CHECKS_OUT) in feedback._repr_html_()
        assert html.escape(EXERCISES[key].confirmation) not in feedback._repr_html_()


@pytest.mark.parametrize("key, mistake", DIAGNOSES, ids=[f"{key}-{mistake.name}" for key, mistake in DIAGNOSES])
def test_a_broken_solution_says_what_a_normal_check_says(key, mistake):
    assert check(key, mistake.value(), solution=True) == check(key, mistake.value())


@pytest.mark.parametrize("key, answer, kind, words", WRONG_KINDS[:6] + WRONG_KINDS[-4:])
def test_a_solution_of_the_wrong_kind_or_unanswered_says_so(key, answer, kind, words):
    assert check(key, answer, solution=True) == check(key, answer)


def test_solution_is_a_keyword():
    with pytest.raises(TypeError):
        check("03.3", 2.996, True)


# --- wording -----------------------------------------------------------------------------------------


def test_no_message_speaks_of_normal_or_subnormal_numbers():
    texts = [text for key, exercise in EXERCISES.items() for text in (exercise.hint, exercise.confirmation)]
    texts += [message for _, _, message in misconception_rows()] + [name for _, name, _ in misconception_rows()]
    assert not [text for text in texts if re.search(r"normal", text, re.IGNORECASE)]
    feedback = check("01.3", EXERCISES["01.3"].mistakes[2].value())
    assert "still positive" in feedback.message and "0.0" in feedback.message


# --- the API ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["9.9", "3.2", "03.4 ", "03.10", 3.2, None, ("03.4",)])
def test_an_unknown_key_raises_value_error_naming_the_keys(key):
    with pytest.raises(ValueError, match=r"03\.2") as info:
        check(key, 1.0)
    assert all(known in str(info.value) for known in KEYS)


def test_feedback_prints_as_a_tick_or_a_cross_and_escapes_its_html():
    right = check("03.3", 2.996)
    assert str(right).startswith("✓ ") and repr(right) == str(right)
    wrong = Feedback(False, "x < 1 & y > 2", "off")
    assert str(wrong) == "✗ x < 1 & y > 2"
    assert "x &lt; 1 &amp; y &gt; 2" in wrong._repr_html_()
    assert wrong._repr_html_().startswith("<p ")
    with pytest.raises(ValueError):
        Feedback(True, "no", "mistake", "a")
    with pytest.raises(ValueError):
        Feedback(False, "no", "nonsense")


def test_misconception_rows_list_every_recognised_mistake():
    rows = misconception_rows()
    assert len(rows) == len(DIAGNOSES)
    assert len({(key, name) for key, name, _ in rows}) == len(rows)
    for key, exercise in EXERCISES.items():
        own = [(key, mistake.name, exercise.words(f"mistakes.{mistake.name}")) for mistake in exercise.mistakes]
        assert all(row in rows for row in own)
    generic = {name for _, name, _ in rows} & set(GENERIC_MISTAKES)
    assert generic == set(GENERIC_MISTAKES) - {"sum instead of mean"}  # no exercise asks for a mean


# --- what learners type, as a learners' review found it --------------------------------------------

ANSWERED_AS_MEANT = [
    ("06.2", "torch.nn.BCELoss"),  # the call with its module path
    ("06.2", "nn.BCELoss"),
    ("07.2", "cross entropy"),  # without the hyphen
    ("07.2", "Cross-Entropy loss"),
    ("07.2", "交叉熵损失"),
    ("07.2", "交叉熵"),
    ("01.1", "会"),  # "will it?" answered "it will"
    ("07.1", "减少"),
    ("07.1", "下降"),
    ("00.1", "红色"),
]


@pytest.mark.parametrize(("key", "answer"), ANSWERED_AS_MEANT)
def test_a_choice_is_read_as_the_learner_meant_it(key, answer):
    feedback = check(key, answer)
    assert feedback.correct or feedback.kind == "off", feedback  # read as an option, right or wrong
    assert feedback.kind != "wrong kind", feedback


@pytest.mark.parametrize(
    ("key", "answer", "mistake"),
    [
        ("05.2", 70, "percent instead of fraction"),
        ("06.3", float(ce_lib.softmax(story.CLASS_LOGITS)[2]), "the next class"),
        ("04.2", 3 * math.log(2.0), "the coin-flip beliefs"),
    ],
)
def test_the_mistakes_a_learner_made_are_named(key, answer, mistake):
    assert check(key, answer).mistake == mistake


def test_text_with_the_typeset_minus_or_a_thousands_comma_is_told_how_to_write_it():
    minus = check("02.3", "−1386.29").message
    assert "-1386.29" in minus and "−" in minus
    grouped = check("01.3", "1,075").message
    assert "1075" in grouped and "1.075" in grouped
