"""Fitting the line by hand (notebook 07): driven from Python.

What every view shares (names, keyboard, live readout and labels, stored picture, a phone) is in test_every_view.py.
"""

import itertools

import numpy as np
import pytest

import ce_lib
from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.lines import line_cross_entropy, line_weights, true_colour_probabilities
from ce_lib.views import LineFit
from ce_lib.views._state import portable

from ..support.pictures import svg_texts

MODEL_B_CE = line_cross_entropy(story.MODEL_B.line.weights(), story.POSITIONS, story.LABELS)
#: Every corner of the three sliders' ranges: angle, offset, sharpness at their ends.
CORNERS = list(itertools.product((0.0, 360.0), (-6.0, 6.0), (0.1, 6.0)))
#: Lines a learner meets: model A's, model B's, sharp ones leaving through every edge, a blunt one, the ends.
SETTINGS = [(180, -2.5, 1.0), (90, 1.8, 1.0), (215, -1.2, 6.0), (45, 2.5, 0.1), (0, -6.0, 6.0), (207, -2.45, 5.5),
            (300, -6.0, 6.0), (360, 6.0, 6.0)]  # fmt: skip


def settings_words(angle: float, offset: float, sharpness: float) -> str:
    """Return a line's settings as a learner reads them, written here independently of the view."""
    return story.Line(float(angle), float(offset), float(sharpness)).describe().replace("-", "−")


def test_line_fit_starts_exactly_at_model_a():
    view = LineFit()
    assert view.line() == story.MODEL_A.line
    assert view.weights().tolist() == story.MODEL_A.line.weights().tolist()
    assert view.cross_entropy() == line_cross_entropy(story.MODEL_A.line.weights(), story.POSITIONS, story.LABELS)
    assert np.allclose(view.probabilities(), story.MODEL_A.probabilities)
    assert not view.show_model_b and not view.show_best
    best = story.descent().cross_entropies[-1]
    assert view.describe() == (
        f"Your line (angle 180°, offset −2.5, sharpness 1): "
        f"cross-entropy {format_number(story.MODEL_A.cross_entropy())} · model A: 4.78 · "
        f"model B (angle 90°, offset 1.8, sharpness 1): {format_number(MODEL_B_CE)}"
        f" · best line after {story.DESCENT_STEPS} steps: {format_number(best)}"
    )
    assert view.readout == {"text": view.describe(), "revision": view.revision}
    state = view._repr_mimebundle_()[0]["application/vnd.ce-lib.view+json"]["state"]
    assert state["angle"] == 180 and state["references"]["B"] == portable(MODEL_B_CE)
    view.set_line(181, -2.5, 1.0)  # the angle slider one step right
    assert view.describe().startswith("Your line (angle 181°, offset −2.5, sharpness 1): ")


@pytest.mark.parametrize(
    "setting", [(90, 1.8, 1.0), (37, 0.35, 2.3), (300, -6.0, 6.0), (0, 6.0, 0.1), (360, -0.05, 4.4)]
)
def test_line_fit_readout_and_picture_state_ce_libs_numbers(setting):
    view = LineFit()
    view.set_line(*setting)
    weights = line_weights(*setting)
    assert view.weights().tolist() == weights.tolist()
    ce = line_cross_entropy(weights, story.POSITIONS, story.LABELS)
    assert view.describe().startswith(f"Your line ({settings_words(*setting)}): cross-entropy {format_number(ce)} · ")
    errors = ce_lib.point_errors(true_colour_probabilities(weights, story.POSITIONS, story.LABELS))
    assert view.errors().tolist() == errors.tolist()
    texts = svg_texts(view.svg())
    assert f"Cross-entropy of your line: {format_number(ce)}" in " ".join(texts)  # the title, on one line or two
    for error in errors:
        assert format_number(float(error), 3) in texts


def test_model_bs_line_gives_model_bs_cross_entropy():
    view = LineFit()
    line = story.MODEL_B.line
    view.set_line(line.angle_degrees, line.offset, line.sharpness)
    assert view.cross_entropy() == pytest.approx(story.MODEL_B.cross_entropy(), abs=1e-12)
    assert np.allclose(view.probabilities(), story.MODEL_B.probabilities)


def test_the_references_are_the_stored_numbers_the_browser_shows():
    """The readout's model A, model B and best line come from the view's stored (portable) numbers."""
    view = LineFit()
    assert view.references == portable(
        {"A": story.MODEL_A.line.cross_entropy(), "B": MODEL_B_CE, "best": float(story.descent().cross_entropies[-1])}
    )
    assert view.best_weights == portable(story.descent().weights[-1].tolist())
    assert view.model_b_weights == story.MODEL_B.line.weights().tolist()


@pytest.mark.parametrize("corner", CORNERS)
def test_sliders_at_their_ends_give_finite_errors_and_exact_zeros_cleanly(corner):
    """At the sliders' ends a line can be sure of a point (error exactly 0) or far wrong: never nan, no warning."""
    view = LineFit()
    with np.errstate(all="raise"):
        view.set_line(*corner)
        view.show_model_b = view.show_best = True
        picture = view.svg()
        described = view.describe()
    assert "nan" not in described and "nan" not in picture.lower()
    assert np.isfinite(view.cross_entropy())
    texts = svg_texts(picture)
    for error in view.errors():
        assert format_number(float(error), 3) in texts


def test_a_line_sure_of_every_point_on_the_red_side_shows_exact_zeros():
    view = LineFit()
    view.set_line(0, -6.0, 6.0)  # every point far on the red side: the red points' errors round to exactly 0
    assert view.errors()[:2].tolist() == [0.0, 0.0]
    assert view.cross_entropy() > 50
    assert svg_texts(view.svg()).count("0") >= 2


def test_toggles_draw_model_bs_line_and_the_best_line_with_their_names():
    view = LineFit()
    plain = svg_texts(view.svg())
    assert "model B's line" not in plain and "best line (gradient descent)" not in plain
    view.show_model_b = True
    assert "model B's line" in svg_texts(view.svg()) and "best line (gradient descent)" not in svg_texts(view.svg())
    view.show_best = True
    assert {"model B's line", "best line (gradient descent)"} <= set(svg_texts(view.svg()))


def test_every_word_comes_from_the_catalogue():
    view = LineFit()
    assert view.label == view.words["label"]
    assert [control["label"] for control in view.controls] == [
        view.words[f"control_{key}"] for key in ("angle", "offset", "sharpness", "show_model_b", "show_best")
    ]
    assert view.settings_text(-90.0, 0.5, 2.0) == "angle −90°, offset 0.5, sharpness 2"
