"""Softmax (notebook 06): driven from Python (every number is ce_lib's), and live in Chromium against ce_lib."""

import html
import math
import random
import re

import numpy as np
import pytest

import ce_lib
from ce_lib.formatting import format_number
from ce_lib.views import Softmax
from ce_lib.views.softmax import CLASS_LOGITS

from ..support.pages import browser_drawing, live_text_problems, picture_problems, readout, set_control, svg_labels

#: The index of each logit's slider, and of each class's radio button, among the view's inputs.
SLIDER = {1: 0, 2: 1, 3: 2}
RADIO = {1: 3, 2: 4, 3: 5}
#: Logits at the sliders' ends and between: the extreme states of the figure.
EXTREMES = [(-6.0, 6.0, 6.0), (6.0, -6.0, -6.0), (-6.0, -6.0, 6.0), (6.0, 6.0, 6.0), (0.0, 0.0, -6.0)]


def stated(markup: str, ordered: bool = False) -> list[str]:
    """Return the texts an SVG picture marks as its stated numbers and names (class ce-label), sorted or in order."""
    texts = [html.unescape(t) for t in re.findall(r'<text[^>]*class="ce-label[^"]*"[^>]*>([^<]*)</text>', markup)]
    return texts if ordered else sorted(texts)


def softmax_readout(logits, k):
    q = ce_lib.softmax(logits)
    loss = ce_lib.cross_entropy_from_class_logits(k - 1, logits)
    return (
        f"q = softmax(z) = [{', '.join(format_number(float(v), 3) for v in q)}] · true class {k}: "
        f"cross-entropy = −ln q{k} = {format_number(loss)}"
    )


def set_up(logits, k: int = 1) -> Softmax:
    view = Softmax()
    for i, value in enumerate(logits, start=1):
        view.set_logit(i, value)
    view.set_true_class(k)
    return view


def expected_labels(view: Softmax) -> list[str]:
    """The texts the figure must state: its title (the loss) and each bar's q, all by ce_lib."""
    return sorted([view.title(), *(format_number(float(v), 3) for v in view.probabilities())])


def test_softmax_readout_is_ce_libs_numbers():
    view = Softmax()
    assert view.logits == list(CLASS_LOGITS) and view.true_class == 1
    assert view.describe() == softmax_readout(CLASS_LOGITS, 1)
    assert view.describe() == "q = softmax(z) = [0.659, 0.242, 0.0986] · true class 1: cross-entropy = −ln q1 = 0.417"
    view.set_logit(2, 3.5)
    view.set_true_class(3)
    assert view.logits == [2.0, 3.5, 0.1]
    assert view.describe() == softmax_readout([2.0, 3.5, 0.1], 3)
    assert view.loss() == ce_lib.cross_entropy_from_class_logits(2, [2.0, 3.5, 0.1])
    assert view.title() == f"True class 3: loss −ln q3 = {format_number(view.loss())}"
    assert view.readout == {"text": view.describe(), "revision": view.revision}


def test_softmax_sliders_at_their_ends_stay_finite():
    with np.errstate(all="raise"):
        view = set_up((-6.0, 6.0, 6.0))
        picture = view.svg()
    assert view.describe() == softmax_readout([-6.0, 6.0, 6.0], 1)
    assert math.isfinite(view.loss()) and "nan" not in view.describe() and "nan" not in picture.lower()
    assert stated(picture) == expected_labels(view)


@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.parametrize("logits", [CLASS_LOGITS, *EXTREMES])
def test_softmax_picture_states_ce_libs_numbers(logits, k):
    """The title (on a phone, on two lines) states ce_lib's loss; each bar, in class order, ce_lib's q."""
    view = set_up(logits, k)
    bars = [format_number(float(v), 3) for v in view.probabilities()]
    for width in (960, 375):
        texts = stated(view.svg(width), ordered=True)
        assert texts[-3:] == bars
        assert " ".join(texts[:-3]) == view.title()


def test_every_word_comes_from_the_catalogue():
    """Mark every word of the view's catalogue: every text of the figure with a letter in it is marked."""
    view = set_up((1.0, 2.0, -1.0), 2)
    view.words = {key: "§" + words for key, words in view.words.items()}
    picture = view.svg()
    texts = [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", picture)]
    assert [t for t in texts if re.search("[A-Za-z]", t) and "§" not in t] == []
    assert view.describe().startswith("§") and 'aria-label="§' in picture


def test_display_carries_the_widget_a_picture_and_the_state():
    view = Softmax()
    data, _ = view._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["image/png"].startswith("iVBORw0KGgo")
    assert data["text/plain"] == view.describe()
    assert data["application/vnd.ce-lib.view+json"]["module"] == "softmax"
    assert set(view.state_keys) <= set(data["application/vnd.ce-lib.view+json"]["state"])


# In the browser ------------------------------------------------------------------------------


def test_stored_picture_reads_cleanly(view_pages):
    page = view_pages.show(Softmax())
    for logits in (CLASS_LOGITS, *EXTREMES):
        for k in (1, 2, 3):
            for width in (960, 375):
                assert picture_problems(page, set_up(logits, k).svg(width)) == [], (logits, k, width)
    page.close()


def test_the_stored_picture_is_what_the_browser_draws(view_pages):
    """One drawing: the kernel's picture is the browser's figure, markup for markup, at any width."""
    page = view_pages.show(Softmax())
    for logits, k in ((CLASS_LOGITS, 1), ((-6.0, 6.0, 6.0), 1), ((0.3, -2.7, 4.4), 3)):
        view = set_up(logits, k)
        for width in (960, 700, 375):
            assert browser_drawing(page, view, width) == view.svg(width), (logits, k, width)
    page.close()


def test_live_softmax_shows_ce_libs_numbers(view_pages):
    view = Softmax()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert readout(element) == view.describe()
    assert svg_labels(element) == expected_labels(view)
    rng = random.Random("softmax")
    for _ in range(30):
        k = rng.randrange(1, 4)
        if rng.random() < 0.25:
            set_control(element, RADIO[k], True)
            view.set_true_class(k)
        else:
            value = rng.choice([-6.0, 6.0, round(rng.uniform(-6, 6), 1)])
            set_control(element, SLIDER[k], f"{value:.1f}")
            view.set_logit(k, value)
        assert readout(element) == view.describe()
        assert svg_labels(element) == expected_labels(view)
    assert browser_drawing(page, view, 960) == view.svg(960)
    assert page.errors == []
    page.close()


def test_live_view_speaks_to_screen_readers_and_the_keyboard(view_pages):
    """An accessible name, a figure with a text title, a readout a screen reader hears change."""
    view = Softmax()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert element.get_attribute("role") == "group" and element.get_attribute("aria-label") == view.words["label"]
    assert element.locator(".ce-readout").get_attribute("aria-live") == "polite"
    svg = element.locator("svg")
    assert svg.get_attribute("role") == "img" and view.describe() in svg.get_attribute("aria-label")
    slider = element.locator("input.ce-slider").first
    slider.focus()
    slider.press("ArrowRight")
    assert slider.get_attribute("aria-valuetext") == "logit z1: 2.1"
    view.set_logit(1, 2.1)
    assert readout(element) == view.describe()
    page.close()


def test_live_view_fits_a_phone_without_sideways_scrolling(view_pages):
    page = view_pages.show(Softmax(), width=375, height=800)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    element = page.locator(".ce-view")
    set_control(element, 0, "-6.0")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert live_text_problems(element, "svg text.ce-label") == []
    assert page.errors == []
    page.close()


@pytest.mark.parametrize("width", [1000, 375])
def test_live_labels_never_overlap(view_pages, width):
    page = view_pages.show(Softmax(), width=width)
    element = page.locator(".ce-view")
    assert live_text_problems(element, "svg text.ce-label") == []
    for control, value in ((0, "-6.0"), (1, "6.0"), (5, True), (2, "6.0")):
        set_control(element, control, value)
        assert live_text_problems(element, "svg text.ce-label") == []
    page.close()
