"""One point's binary cross-entropy (notebook 05): driven from Python, and live in Chromium against ce_lib."""

import html
import itertools
import json
import random
import re

import numpy as np
import pytest

import ce_lib
from ce_lib.formatting import format_number
from ce_lib.views import BinaryFormula
from ce_lib.views._base import drawing_source

from ..support.pages import browser_drawing, live_text_problems, picture_problems, readout, set_control, svg_labels

#: The radio button of each label, and the index of the slider p, among the view's inputs.
RADIO = {0.0: 0, 0.5: 1, 1.0: 2}
SLIDER = 3
#: Settings that reach every corner of the layout: each label, p at both ends, either side of where the words flip.
SETTINGS = list(itertools.product((0.0, 0.5, 1.0), (0.0, 0.01, 0.3, 0.5, 0.62, 0.63, 0.99, 1.0)))


def stated(markup: str, ordered: bool = False) -> list[str]:
    """Return the texts an SVG picture marks as its stated numbers and names (class ce-label), sorted or in order."""
    texts = [html.unescape(t) for t in re.findall(r'<text[^>]*class="ce-label[^"]*"[^>]*>([^<]*)</text>', markup)]
    return texts if ordered else sorted(texts)


def set_up(y: float, p: float) -> BinaryFormula:
    view = BinaryFormula()
    view.set_label(y)
    view.set_probability(p)
    return view


def test_readout_is_ce_libs_number():
    view = BinaryFormula()
    assert view.describe() == "y = 1, q = 0.80: −[1 · ln(0.80) + 0 · ln(1 − 0.80)] = 0.2231"
    view.set_label(0.5)
    view.set_probability(0.3)
    expected = ce_lib.cross_entropy([0.5], [0.3])
    assert view.cost() == expected
    assert view.describe() == f"y = 0.5, q = 0.30: −[0.5 · ln(0.30) + 0.5 · ln(1 − 0.30)] = {format_number(expected)}"
    assert view.readout == {"text": view.describe(), "revision": view.revision}


@pytest.mark.parametrize(("y", "p", "expected"), [(1.0, 0.0, "∞"), (1.0, 1.0, "0"), (0.0, 1.0, "∞"), (0.0, 0.0, "0"),
                                                  (0.5, 0.0, "∞"), (0.5, 1.0, "∞")])  # fmt: skip
def test_slider_ends_give_zero_and_infinity_cleanly(y, p, expected):
    with np.errstate(all="raise"):
        view = set_up(y, p)
        picture = view.svg()
    assert view.describe().endswith(f"= {expected}")
    assert "nan" not in view.describe() and "nan" not in picture.lower()
    assert set(view.marker_texts().values()) <= set(stated(picture))


def test_markers_state_each_labels_cost():
    view = set_up(1.0, 0.3)
    assert view.marker_texts() == {
        1.0: f"y = 1: {format_number(ce_lib.cross_entropy([1], [0.3]), 3)}",
        0.0: f"y = 0: {format_number(ce_lib.cross_entropy([0], [0.3]), 3)}",
    }
    view.set_label(0.5)
    assert set(view.marker_texts()) == {1.0, 0.0, 0.5}
    assert f"y = 0.5: {format_number(view.cost(), 3)}" in stated(view.svg())


@pytest.mark.parametrize(("y", "p"), SETTINGS)
def test_the_picture_states_the_title_and_ce_libs_costs(y, p):
    view = set_up(y, p)
    markers = list(view.marker_texts().values())
    for width in (960, 375):  # on a phone the title takes two lines
        texts = stated(view.svg(width), ordered=True)
        assert sorted(t for t in texts if t in markers) == sorted(markers)
        assert " ".join(t for t in texts if t not in markers) == view.words["title"]


def test_only_labels_0_half_and_1_are_offered():
    with pytest.raises(ValueError, match="y must be"):
        BinaryFormula().set_label(0.3)


def test_every_word_comes_from_the_catalogue():
    """Mark every word of the view's catalogue: every text of the figure with a letter in it is marked."""
    view = set_up(0.5, 0.3)
    view.words = {key: "§" + words for key, words in view.words.items()}
    picture = view.svg()
    texts = [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", picture)]
    assert [t for t in texts if re.search("[A-Za-z]", t) and "§" not in t] == []
    assert view.describe().startswith("§") and 'aria-label="§' in picture


def js(expression: str):  # type: ignore[no-untyped-def]
    """Return what ``expression`` gives in the view's own drawing code, run in QuickJS as for the stored picture."""
    import quickjs

    context = quickjs.Context()
    context.eval(drawing_source(BinaryFormula.parts))
    return json.loads(context.eval(f"JSON.stringify({expression})"))


def test_spread_keeps_labels_apart_and_inside():
    spots = js("spread([50, 52, 51], 20, 45, 300)")
    assert sorted(spots) == [45.0, 65.0, 85.0]
    assert spots == [45.0, 85.0, 65.0]
    assert js("spread([100, 200], 20, 0, 300)") == [100.0, 200.0]
    assert js("spread([100, 100, 100], 20, 0, 500)") == [80.0, 100.0, 120.0]
    assert js("spread([5, 300], 20, 10, 500)") == [10.0, 300.0]


def test_display_carries_the_widget_a_picture_and_the_state():
    data, _ = BinaryFormula()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["image/png"].startswith("iVBORw0KGgo")
    assert data["text/plain"].startswith("y = 1, q = 0.80")
    assert data["application/vnd.ce-lib.view+json"]["module"] == "formula"


# In the browser ------------------------------------------------------------------------------


def test_stored_picture_reads_cleanly(view_pages):
    page = view_pages.show(BinaryFormula())
    for (y, p), width in itertools.product(SETTINGS, (960, 375)):
        assert picture_problems(page, set_up(y, p).svg(width)) == [], (y, p, width)
    page.close()


def test_the_stored_picture_is_what_the_browser_draws(view_pages):
    """One drawing: the kernel's picture is the browser's figure, markup for markup, at any width."""
    page = view_pages.show(BinaryFormula())
    for y, p in ((1.0, 0.8), (0.5, 0.0), (0.0, 0.63), (1.0, 1.0)):
        view = set_up(y, p)
        for width in (960, 700, 375):
            assert browser_drawing(page, view, width) == view.svg(width), (y, p, width)
    page.close()


def test_live_view_shows_ce_libs_numbers_for_random_settings(view_pages):
    view = BinaryFormula()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert readout(element) == view.describe()
    rng = random.Random("formula")
    for step in range(40):
        if rng.random() < 0.35:
            y = rng.choice([0.0, 0.5, 1.0])
            set_control(element, RADIO[y], True)
            view.set_label(y)
        else:
            p = rng.choice([0.0, 1.0, 0.5, round(rng.uniform(0, 1), 2)])
            set_control(element, SLIDER, f"{p:.2f}")
            view.set_probability(p)
        assert readout(element) == view.describe()
        if step % 4 == 0:
            assert svg_labels(element) == sorted([view.words["title"], *view.marker_texts().values()])
    assert browser_drawing(page, view, 960) == view.svg(960)
    assert page.errors == []
    page.close()


def test_every_slider_position_reads_the_same_in_the_browser(view_pages):
    """For each label, all 101 positions of p: the readout and the markers' words are ce_lib's."""
    view = BinaryFormula()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    for y, radio in RADIO.items():
        set_control(element, radio, True)
        view.set_label(y)
        shown = element.evaluate(
            """root => {
                const input = root.querySelectorAll('.ce-control input')[3], out = [];
                for (let i = 0; i <= 100; i++) {
                    input.value = (i / 100).toFixed(2);
                    input.dispatchEvent(new Event('input', { bubbles: true }));
                    const labels = [...root.querySelectorAll('svg text.ce-label')].map((t) => t.textContent).sort();
                    out.push([root.querySelector('.ce-readout').textContent, labels]);
                }
                return out;
            }"""
        )
        for i, (shown_readout, labels) in enumerate(shown):
            view.set_probability(float(f"{i / 100:.2f}"))
            assert shown_readout == view.describe()
            assert sorted(view.marker_texts().values()) == sorted(w for w in labels if w.startswith("y ="))
    page.close()


def test_live_view_speaks_to_screen_readers_and_the_keyboard(view_pages):
    """An accessible name, a figure with a text title, a readout a screen reader hears change."""
    view = BinaryFormula()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert element.get_attribute("role") == "group" and element.get_attribute("aria-label") == view.words["label"]
    assert element.locator(".ce-readout").get_attribute("aria-live") == "polite"
    svg = element.locator("svg")
    assert svg.get_attribute("role") == "img" and view.describe() in svg.get_attribute("aria-label")
    slider = element.locator("input.ce-slider").first
    slider.focus()
    slider.press("ArrowRight")
    assert slider.get_attribute("aria-valuetext") == "q: 0.81"
    view.set_probability(0.81)
    assert readout(element) == view.describe()
    radio = element.locator("input[type=radio]").nth(RADIO[0.5])
    radio.focus()
    radio.press("Space")
    view.set_label(0.5)
    assert readout(element) == view.describe()
    page.close()


@pytest.mark.parametrize("width", [375, 1000])
def test_live_labels_never_overlap_and_it_fits(view_pages, width):
    page = view_pages.show(BinaryFormula(), width=width, height=900)
    element = page.locator(".ce-view")
    for y, p in itertools.product((0.0, 0.5, 1.0), ("0.00", "0.05", "0.50", "0.62", "0.63", "0.95", "1.00")):
        set_control(element, RADIO[y], True)
        set_control(element, SLIDER, p)
        assert live_text_problems(element, "svg text") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()
