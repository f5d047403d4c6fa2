"""Learning the line (notebook 07): fitting it by hand and gradient descent, from Python and live in Chromium."""

import random

import numpy as np
import pytest

import ce_lib
from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.lines import gradient_descent, line_cross_entropy, line_weights, true_colour_probabilities
from ce_lib.views import Descent, LineFit
from ce_lib.views._pictures import label_texts
from ce_lib.views._state import portable
from ce_lib.views.learning import first_step_below_model_b

from ..support.figures import layout_problems
from ..support.pages import live_text_problems, readout, set_control, svg_labels

MODEL_B_CE = line_cross_entropy(story.MODEL_B.line.weights(), story.POSITIONS, story.LABELS)


def story_path():
    return gradient_descent(
        story.MODEL_A.line.weights(), story.POSITIONS, story.LABELS,
        steps=story.DESCENT_STEPS, learning_rate=story.DESCENT_LEARNING_RATE,
    )  # fmt: skip


# Fitting the line by hand ----------------------------------------------------------------------


def test_line_fit_starts_exactly_at_model_a():
    view = LineFit()
    assert view.line() == story.MODEL_A.line
    assert view.weights().tolist() == story.MODEL_A.line.weights().tolist()
    assert view.cross_entropy() == line_cross_entropy(story.MODEL_A.line.weights(), story.POSITIONS, story.LABELS)
    assert np.allclose(view.probabilities(), story.MODEL_A.probabilities)
    assert not view.show_model_b and not view.show_best
    best = story_path().cross_entropies[-1]
    assert view.describe() == (
        f"Your line (angle 180°, offset −2.5, sharpness 1): "
        f"cross-entropy {format_number(story.MODEL_A.cross_entropy())} · model A: 4.78 · "
        f"model B (angle 90°, offset 1.8, sharpness 1): {format_number(MODEL_B_CE)}"
        f" · best line after {story.DESCENT_STEPS} steps: {format_number(best)}"
    )
    assert view.readout == {"text": view.describe(), "revision": view.revision}


@pytest.mark.parametrize(
    "setting", [(90, 1.8, 1.0), (37, 0.35, 2.3), (300, -6.0, 6.0), (0, 6.0, 0.1), (360, -0.05, 4.4)]
)
def test_line_fit_readout_is_ce_libs_numbers(setting):
    view = LineFit()
    view.set_line(*setting)
    weights = line_weights(*setting)
    assert view.weights().tolist() == weights.tolist()
    ce = line_cross_entropy(weights, story.POSITIONS, story.LABELS)
    settings = story.Line(*(float(v) for v in setting)).describe().replace("-", "−")
    assert view.describe().startswith(f"Your line ({settings}): cross-entropy {format_number(ce)} · model A: ")
    errors = ce_lib.point_errors(true_colour_probabilities(weights, story.POSITIONS, story.LABELS))
    assert view.errors().tolist() == errors.tolist()
    assert f"Cross-entropy of your line: {format_number(ce)}" in label_texts(view.picture())


def test_model_bs_line_gives_model_bs_cross_entropy():
    view = LineFit()
    line = story.MODEL_B.line
    view.set_line(line.angle_degrees, line.offset, line.sharpness)
    assert view.cross_entropy() == pytest.approx(story.MODEL_B.cross_entropy(), abs=1e-12)
    assert np.allclose(view.probabilities(), story.MODEL_B.probabilities)


def test_a_far_wrong_line_fills_the_error_axis_without_warnings():
    view = LineFit()
    with np.errstate(all="raise"):
        view.set_line(0, -6.0, 6.0)  # every point far on the red side: the blue points are almost certain red
        figure = view.picture()
    assert np.isfinite(view.cross_entropy()) and view.cross_entropy() > 50
    assert "nan" not in view.describe() and "inf" not in view.describe()
    assert layout_problems(figure) == []


@pytest.mark.parametrize(
    "setting", [(180, -2.5, 1.0), (90, 1.8, 1.0), (215, -1.2, 6.0), (45, 2.5, 0.1), (0, -6.0, 6.0), (207, -2.45, 5.5)]
)
def test_line_fit_picture_reads_cleanly(setting):
    view = LineFit()
    view.set_line(*setting)
    assert layout_problems(view.picture()) == []
    view.show_model_b = view.show_best = True
    assert layout_problems(view.picture()) == []


def test_display_carries_the_widget_a_picture_and_the_state():
    data, _ = LineFit()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["image/png"].startswith("iVBORw0KGgo")
    assert data["text/plain"].startswith("Your line (angle 180°")
    bundle = data["application/vnd.ce-lib.view+json"]
    assert bundle["module"] == "linefit"
    assert bundle["state"]["angle"] == 180 and bundle["state"]["references"]["B"] == portable(MODEL_B_CE)


# Gradient descent ------------------------------------------------------------------------------


def test_descent_path_is_ce_libs_from_model_a():
    path, expected = story.descent(), story_path()
    assert path.weights.tolist() == expected.weights.tolist()
    assert path.cross_entropies.tolist() == expected.cross_entropies.tolist()
    view = Descent()
    # The view stores ce_lib's path with the digits every machine agrees on (ce_lib.views._state).
    assert view.path_weights == portable(expected.weights.tolist())
    assert view.path_cross_entropies == portable(expected.cross_entropies.tolist())
    assert view.path_weights[0] == story.MODEL_A.line.weights().tolist()


def test_descent_passes_model_b_once_and_keeps_going_down():
    losses = story.descent().cross_entropies
    step = first_step_below_model_b()
    assert 0 < step < story.DESCENT_STEPS
    assert losses[step] < MODEL_B_CE <= losses[step - 1]
    assert story.MODEL_B.line.cross_entropy() == MODEL_B_CE
    assert (np.diff(losses) < 0).all()
    assert Descent().first_step_below_model_b() == step == Descent().first_below_model_b


@pytest.mark.parametrize("step", [0, 1, 37, "first", story.DESCENT_STEPS])
def test_descent_readout_is_ce_libs_numbers(step):
    view = Descent()
    step = first_step_below_model_b() if step == "first" else step
    view.set_step(step)
    path = story_path()
    weights = path.weights[step]
    errors = ce_lib.point_errors(true_colour_probabilities(weights, story.POSITIONS, story.LABELS))
    assert view.describe() == (
        f"Step {step}: cross-entropy {format_number(path.cross_entropies[step])} · "
        f"model A (step 0): {format_number(story.MODEL_A.cross_entropy())} · model B: {format_number(MODEL_B_CE)} · "
        f"errors {', '.join(format_number(e, 3) for e in errors)}"
    )
    assert view.readout == {"text": view.describe(), "revision": view.revision}
    assert layout_problems(view.picture()) == []


def test_descent_refuses_a_step_off_the_path():
    view = Descent()
    for step in (-1, story.DESCENT_STEPS + 1):
        with pytest.raises(ValueError, match="step must be from 0"):
            view.set_step(step)
    assert view.step == 0


def test_a_line_leaving_through_the_left_and_bottom_edges_keeps_its_level_labels_inside():
    view = LineFit()
    view.set_line(215, -1.2, 6.0)
    figure = view.picture()
    assert layout_problems(figure) == []
    plane = figure.axes[0]
    moved = [t for t in plane.texts if t.get_gid() == "ce-label" and t.xy[0] == 0.0 and t.get_ha() == "left"]
    assert moved, "the left-edge level labels should have moved inside the plane"


def test_step_zero_is_model_a():
    view = Descent()
    assert view.errors() == pytest.approx(ce_lib.point_errors(story.MODEL_A.probabilities), abs=1e-12)
    assert "The line after 0 steps" in label_texts(view.picture())
    view.set_step(1)
    assert "The line after 1 step" in label_texts(view.picture())


def test_descent_display_carries_the_picture_and_the_state():
    data, _ = Descent()._repr_mimebundle_()
    assert data["image/png"].startswith("iVBORw0KGgo")
    assert data["text/plain"].startswith("Step 0: cross-entropy 4.78")
    assert data["application/vnd.ce-lib.view+json"]["module"] == "descent"


# In the browser ------------------------------------------------------------------------------


# Slider values as the browser sends them: a step's multiple written in decimal, as the learner's
# slider shows it (0.1 × 3 is "0.3", not 0.30000000000000004).
SLIDERS = (("angle", 0, 360, 1, 0), ("offset", -6, 6, 0.05, 2), ("sharpness", 0.1, 6, 0.1, 1))


def random_setting(rng: random.Random, index: int) -> str:
    _, low, high, step, decimals = SLIDERS[index]
    count = round((high - low) / step)
    return f"{low + step * rng.choice([0, count, rng.randrange(count + 1)]):.{decimals}f}"


def test_live_line_fit_shows_ce_libs_numbers_for_random_slider_positions(view_pages):
    view = LineFit()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert readout(element) == view.describe()
    assert svg_labels(element) == label_texts(view.picture())
    rng = random.Random("line-fit")
    for _ in range(40):
        control = rng.randrange(5)
        if control < 3:
            value = random_setting(rng, control)
            set_control(element, control, value)
            setattr(view, SLIDERS[control][0], float(value))
        else:
            value = rng.random() < 0.5
            set_control(element, control, value)
            setattr(view, ("show_model_b", "show_best")[control - 3], value)
        assert readout(element) == view.describe()
    assert page.errors == []
    page.close()


@pytest.mark.parametrize(
    "setting", [(180, -2.5, 1.0), (90, 1.8, 1.0), (215, -1.2, 6.0), (45, 2.5, 0.1), (0, -6.0, 6.0), (123, 0.35, 2.3)]
)
def test_live_line_fit_states_what_the_picture_states(view_pages, setting):
    view = LineFit()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    for control, value in enumerate(setting):
        set_control(element, control, str(value))
    set_control(element, 3, True)
    set_control(element, 4, True)
    view.set_line(*setting)
    view.show_model_b = view.show_best = True
    assert readout(element) == view.describe()
    assert svg_labels(element) == label_texts(view.picture())
    assert live_text_problems(element, "svg text.ce-label") == []
    assert page.errors == []
    page.close()


def test_live_descent_shows_ce_libs_numbers_for_random_steps(view_pages):
    view = Descent()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert readout(element) == view.describe()
    assert svg_labels(element) == label_texts(view.picture())
    rng = random.Random("descent")
    steps = [0, story.DESCENT_STEPS, first_step_below_model_b()]
    steps += [rng.randrange(story.DESCENT_STEPS + 1) for _ in range(30)]
    for step in steps:
        set_control(element, 0, str(step))
        view.set_step(step)
        assert readout(element) == view.describe()
        if step % 5 == 0 or step == first_step_below_model_b():
            assert svg_labels(element) == label_texts(view.picture())
            assert live_text_problems(element, "svg text.ce-label") == []
    assert page.errors == []
    page.close()


@pytest.mark.parametrize("cls", [LineFit, Descent])
def test_live_views_fit_a_phone_without_sideways_scrolling(view_pages, cls):
    page = view_pages.show(cls(), width=375, height=800)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    element = page.locator(".ce-view")
    width = element.locator(".ce-figure svg").evaluate("svg => svg.viewBox.baseVal.width")
    assert width <= 375
    set_control(element, 0, "200" if cls is Descent else "215")
    if cls is LineFit:
        set_control(element, 3, True)
        set_control(element, 4, True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert live_text_problems(element, "svg text.ce-label") == []
    assert page.errors == []
    page.close()
