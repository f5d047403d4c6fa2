"""Gradient descent from model A's line, on either loss (notebook 07): driven from Python.

What every view shares (names, keyboard, live readout and labels, stored picture, a phone) is in test_every_view.py.
"""

import numpy as np
import pytest

import ce_lib
from ce_lib.course import story
from ce_lib.course.exercises import EXERCISES
from ce_lib.formatting import format_number
from ce_lib.lines import LOSSES, gradient_descent, line_cross_entropy, line_squared_error, true_colour_probabilities
from ce_lib.views import Descent
from ce_lib.views._state import StateError, portable

from ..support.pictures import svg_texts

MODEL_B_CE = line_cross_entropy(story.MODEL_B.line.weights(), story.POSITIONS, story.LABELS)
LAST = story.DESCENT_STEPS


MODEL_B_SE = line_squared_error(story.MODEL_B.line.weights(), story.POSITIONS, story.LABELS)


def story_path(loss="cross-entropy"):
    """Notebook 07's descent, computed here from the story's settings (not read from story.descent())."""
    return gradient_descent(
        story.MODEL_A.line.weights(), story.POSITIONS, story.LABELS,
        steps=story.DESCENT_STEPS, learning_rate=story.DESCENT_LEARNING_RATE, loss=loss,
    )  # fmt: skip


def first_below_b() -> int:
    """The first step below model B's line's cross-entropy, found here independently."""
    return next(step for step, loss in enumerate(story_path().cross_entropies) if loss < MODEL_B_CE)


@pytest.mark.parametrize("loss", LOSSES)
def test_descent_path_is_ce_libs_from_model_a(loss):
    path, expected = story.descent(loss), story_path(loss)
    assert path.weights.tolist() == expected.weights.tolist()
    assert path.losses.tolist() == expected.losses.tolist()
    stored = Descent().paths[loss]
    # The view stores ce_lib's path with the digits every machine agrees on (ce_lib.views._state).
    assert stored["weights"] == portable(expected.weights.tolist())
    assert stored["losses"] == portable(expected.losses.tolist())
    assert stored["weights"][0] == story.MODEL_A.line.weights().tolist()
    assert stored["levels"]["B"] == portable(MODEL_B_CE if loss == "cross-entropy" else MODEL_B_SE)


def test_cross_entropy_passes_model_b_once_and_keeps_going_down_squared_error_does_not_get_there():
    losses = story_path().cross_entropies
    step = first_below_b()
    assert 0 < step < story.DESCENT_STEPS
    assert losses[step] < MODEL_B_CE <= losses[step - 1]
    assert (np.diff(losses) < 0).all()
    view = Descent()
    assert view.first_step_below_model_b() == step == story.first_step_below_model_b()
    # The same step in the numbers the view stores and shows.
    stored = view.paths["cross-entropy"]["losses"]
    assert stored[step] < view.model_b_level() <= stored[step - 1]
    view.loss = "squared error"
    assert view.first_step_below_model_b() is None
    assert min(view.paths["squared error"]["losses"]) > view.model_b_level() == portable(MODEL_B_SE)
    assert "not below model B in the 200 steps shown" in view.describe()
    assert "not below B in 200 steps" in svg_texts(view.svg())


def test_the_view_and_exercise_07_3_name_the_same_step_that_beats_model_b():
    """One "first step below model B", against one B cross-entropy: the view marks it, 07.3's mistake names it."""
    below_b = EXERCISES["07.3"].mistakes[0]
    assert below_b.value() == Descent().first_step_below_model_b() == first_below_b()
    assert f"below B from step {first_below_b()}" in svg_texts(Descent().svg())


@pytest.mark.parametrize("step", [0, 1, 37, "first", LAST])
def test_descent_readout_is_ce_libs_numbers(step):
    view = Descent()
    step = first_below_b() if step == "first" else step
    view.set_step(step)
    path = story_path()
    weights = path.weights[step]
    errors = ce_lib.point_errors(true_colour_probabilities(weights, story.POSITIONS, story.LABELS))
    assert view.describe() == (
        f"Lowering cross-entropy: step {step}: {format_number(path.cross_entropies[step])} · "
        f"model A (step 0): {format_number(story.MODEL_A.cross_entropy())} · model B: {format_number(MODEL_B_CE)} · "
        f"below model B from step {first_below_b()} · errors −ln p: {', '.join(format_number(e, 3) for e in errors)}"
    )
    assert view.readout == {"text": view.describe(), "revision": view.revision}
    picture = view.svg()
    assert "nan" not in picture.lower()
    texts = svg_texts(picture)
    assert f"Cross-entropy at step {step}: {format_number(path.cross_entropies[step])}" in " ".join(texts)
    for error in errors:
        assert format_number(float(error), 3) in texts


def test_the_readout_is_computed_from_the_stored_path():
    """Python states what the browser draws: the stored (portable) weights and cross-entropies."""
    view = Descent()
    for step in (0, 76, LAST):
        view.set_step(step)
        stored = np.array(view.paths["cross-entropy"]["weights"][step])
        assert view.weights().tolist() == stored.tolist()
        assert view.loss_at(step) == view.paths["cross-entropy"]["losses"][step]
        assert (
            view.errors().tolist()
            == ce_lib.point_errors(true_colour_probabilities(stored, story.POSITIONS, story.LABELS)).tolist()
        )


def test_descent_refuses_a_step_off_the_path():
    view = Descent()
    for step in (-1, story.DESCENT_STEPS + 1):
        with pytest.raises(StateError, match="step must be from 0 to 200"):
            view.set_step(step)
    with pytest.raises(TypeError):
        view.set_step(2.5)
    assert view.step == 0
    view.set_step(np.int64(5))
    assert view.step == 5


def test_step_zero_is_model_a_and_steps_are_counted_in_words():
    view = Descent()
    assert view.describe().startswith("Lowering cross-entropy: step 0: 4.78 · model A (step 0): 4.78 · ")
    assert view.errors() == pytest.approx(ce_lib.point_errors(story.MODEL_A.probabilities), abs=1e-12)
    assert "The line after 0 steps" in svg_texts(view.svg())
    view.set_step(1)
    assert "The line after 1 step" in svg_texts(view.svg())
    assert "Each point's error −ln p after 1 step" in " ".join(svg_texts(view.svg()))


def test_every_word_comes_from_the_catalogue():
    view = Descent()
    assert view.label == view.words["label"]
    assert [control["label"] for control in view.controls] == [view.words["control_loss"], view.words["control_step"]]
    options = [text for text, _ in view.controls[0]["options"]]
    assert options == [view.words["loss_cross_entropy"], view.words["loss_squared_error"]]
