"""One point's binary cross-entropy (notebook 05): driven from Python, and live in Chromium against ce_lib.

What every view shares (names, keyboard, live readout and labels, stored picture, a phone) is in test_every_view.py.
"""

import html
import itertools
import re

import numpy as np
import pytest

import ce_lib
from ce_lib.formatting import format_number
from ce_lib.views import BinaryFormula

from ..support.pages import set_control
from ..support.pictures import drawing_code, stated

#: The radio button of each label among the view's inputs (the slider p comes after them).
RADIO = {0.0: 0, 0.5: 1, 1.0: 2}
#: Settings that reach every corner of the layout: each label, p at both ends, either side of where the words flip.
SETTINGS = list(itertools.product((0.0, 0.5, 1.0), (0.0, 0.01, 0.3, 0.5, 0.62, 0.63, 0.99, 1.0)))


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
    return drawing_code(BinaryFormula.parts, expression)


def test_spread_keeps_labels_apart_and_inside():
    spots = js("spread([50, 52, 51], 20, 45, 300)")
    assert sorted(spots) == [45.0, 65.0, 85.0]
    assert spots == [45.0, 85.0, 65.0]
    assert js("spread([100, 200], 20, 0, 300)") == [100.0, 200.0]
    assert js("spread([100, 100, 100], 20, 0, 500)") == [80.0, 100.0, 120.0]
    assert js("spread([5, 300], 20, 10, 500)") == [10.0, 300.0]


# In the browser ------------------------------------------------------------------------------


def test_every_slider_position_reads_the_same_in_the_browser(view_pages):
    """For each label, all 101 positions of p: the readout, the title and the markers' words are ce_lib's."""
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
            assert sorted(labels) == sorted([view.words["title"], *view.marker_texts().values()])
    assert page.errors == []
    page.close()
