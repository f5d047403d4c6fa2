"""Fitting the line by hand (notebook 07): driven from Python, and live in Chromium against ce_lib."""

import itertools
import random

import numpy as np
import pytest

import ce_lib
from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.lines import line_cross_entropy, line_weights, true_colour_probabilities
from ce_lib.views import LineFit
from ce_lib.views._state import portable

from ..support.pages import browser_drawing, live_text_problems, picture_problems, readout, set_control
from ._learning import check_fits_a_phone, check_named_for_screen_readers, svg_texts

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


def test_display_carries_the_widget_a_picture_and_the_state():
    data, _ = LineFit()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["image/png"].startswith("iVBORw0KGgo")
    assert data["text/plain"].startswith("Your line (angle 180°")
    bundle = data["application/vnd.ce-lib.view+json"]
    assert bundle["module"] == "linefit"
    assert bundle["state"]["angle"] == 180 and bundle["state"]["references"]["B"] == portable(MODEL_B_CE)


def test_every_word_comes_from_the_catalogue():
    view = LineFit()
    assert view.label == view.words["label"]
    assert [control["label"] for control in view.controls] == [
        view.words[f"control_{key}"] for key in ("angle", "offset", "sharpness", "show_model_b", "show_best")
    ]
    assert view.settings_text(-90.0, 0.5, 2.0) == "angle −90°, offset 0.5, sharpness 2"


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
    assert browser_drawing(page, view, 960) == view.svg(960)
    assert page.errors == []
    page.close()


@pytest.mark.parametrize("setting", SETTINGS[:6])
def test_live_line_fit_draws_the_stored_picture_and_its_labels_never_overlap(view_pages, setting):
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
    assert browser_drawing(page, view, 960) == view.svg(960)
    assert live_text_problems(element, "svg text.ce-label") == []
    assert page.errors == []
    page.close()


def test_the_stored_picture_is_what_the_browser_draws(view_pages):
    """One drawing: the kernel's picture is the browser's figure, markup for markup, at any width."""
    view = LineFit()
    page = view_pages.show(view)
    for setting, toggles in ((SETTINGS[0], False), (SETTINGS[2], True), (SETTINGS[4], True)):
        view.set_line(*setting)
        view.show_model_b = view.show_best = toggles
        for width in (960, 700, 375):
            assert browser_drawing(page, view, width) == view.svg(width), (setting, width)
    page.close()


def test_stored_picture_reads_cleanly(view_pages):
    view = LineFit()
    page = view_pages.show(view)
    assert picture_problems(page, view.svg()) == []
    for setting in [*SETTINGS, *CORNERS]:  # the story's lines, sharp lines at every edge, every slider end
        view.set_line(*setting)
        for toggles in (False, True):
            view.show_model_b = view.show_best = toggles
            assert picture_problems(page, view.svg()) == [], (setting, toggles)
        assert picture_problems(page, view.svg(375)) == [], (setting, 375)
    page.close()


def test_live_view_speaks_to_screen_readers_and_the_keyboard(view_pages):
    """An accessible name, a figure with a text title, a readout a screen reader hears change."""
    view = LineFit()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    check_named_for_screen_readers(element, view)
    slider = element.locator("input.ce-slider").first
    slider.focus()
    slider.press("ArrowRight")
    assert slider.get_attribute("aria-valuetext") == "angle (°): 181"
    view.set_line(181, -2.5, 1.0)
    assert readout(element) == view.describe()
    assert readout(element).startswith("Your line (angle 181°, offset −2.5, sharpness 1): ")
    toggle = element.locator("input[type=checkbox]").first
    toggle.focus()
    toggle.press(" ")
    assert toggle.is_checked() and "model B's line" in element.locator("svg").text_content()
    page.close()


def test_live_view_fits_a_phone_without_sideways_scrolling(view_pages):
    page = view_pages.show(LineFit(), width=375, height=800)
    element = page.locator(".ce-view")
    check_fits_a_phone(page, element)
    set_control(element, 0, "215")
    set_control(element, 3, True)
    set_control(element, 4, True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert live_text_problems(element, "svg text.ce-label") == []
    assert page.errors == []
    page.close()
