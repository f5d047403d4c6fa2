"""One point's binary cross-entropy (notebook 05): driven from Python, and live in Chromium against ce_lib."""

import itertools
import random

import numpy as np
import pytest

import ce_lib
from ce_lib.formatting import format_number
from ce_lib.views import BinaryFormula
from ce_lib.views._pictures import label_texts
from ce_lib.views.formula import spread

from ..support.figures import layout_problems
from ..support.pages import live_text_problems, readout, set_control, svg_labels

#: The radio button of each label, and the index of the slider p, among the view's inputs.
RADIO = {0.0: 0, 0.5: 1, 1.0: 2}
SLIDER = 3


def test_readout_is_ce_libs_number():
    view = BinaryFormula()
    assert view.describe() == "y = 1, p = 0.80: −[1 · ln(0.80) + 0 · ln(1 − 0.80)] = 0.2231"
    view.set_label(0.5)
    view.set_probability(0.3)
    expected = ce_lib.cross_entropy([0.5], [0.3])
    assert view.cost() == expected
    assert view.describe() == f"y = 0.5, p = 0.30: −[0.5 · ln(0.30) + 0.5 · ln(1 − 0.30)] = {format_number(expected)}"
    assert view.readout == {"text": view.describe(), "revision": view.revision}


@pytest.mark.parametrize(("y", "p", "expected"), [(1.0, 0.0, "∞"), (1.0, 1.0, "0"), (0.0, 1.0, "∞"), (0.0, 0.0, "0"),
                                                  (0.5, 0.0, "∞"), (0.5, 1.0, "∞")])  # fmt: skip
def test_slider_ends_give_zero_and_infinity_cleanly(y, p, expected):
    view = BinaryFormula()
    with np.errstate(all="raise"):
        view.set_label(y)
        view.set_probability(p)
        figure = view.picture()
    assert view.describe().endswith(f"= {expected}")
    assert "nan" not in view.describe()
    assert layout_problems(figure) == []


def test_markers_state_each_labels_cost():
    view = BinaryFormula()
    view.set_probability(0.3)
    assert view.marker_texts() == {
        1.0: f"y = 1: {format_number(ce_lib.cross_entropy([1], [0.3]), 3)}",
        0.0: f"y = 0: {format_number(ce_lib.cross_entropy([0], [0.3]), 3)}",
    }
    view.set_label(0.5)
    assert set(view.marker_texts()) == {1.0, 0.0, 0.5}
    assert f"y = 0.5: {format_number(view.cost(), 3)}" in label_texts(view.picture())


def test_only_labels_0_half_and_1_are_offered():
    with pytest.raises(ValueError, match="y must be"):
        BinaryFormula().set_label(0.3)


def test_spread_keeps_labels_apart_and_inside():
    spots = spread([50.0, 52.0, 51.0], 20.0, 45.0, 300.0)
    assert sorted(spots) == [45.0, 65.0, 85.0]
    assert spots == [45.0, 85.0, 65.0]
    assert spread([100.0, 200.0], 20.0, 0.0, 300.0) == [100.0, 200.0]


def test_static_picture_reads_cleanly():
    view = BinaryFormula()
    for y, p in itertools.product((0.0, 0.5, 1.0), (0.0, 0.01, 0.3, 0.5, 0.62, 0.63, 0.99, 1.0)):
        view.set_label(y)
        view.set_probability(p)
        assert layout_problems(view.picture()) == [], (y, p)


def test_display_carries_the_widget_a_picture_and_the_state():
    data, _ = BinaryFormula()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["image/png"].startswith("iVBORw0KGgo")
    assert data["text/plain"].startswith("y = 1, p = 0.80")
    assert data["application/vnd.ce-lib.view+json"]["module"] == "formula"


# In the browser ------------------------------------------------------------------------------


def test_live_view_shows_ce_libs_numbers_for_random_settings(view_pages):
    view = BinaryFormula()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert readout(element) == view.describe()
    assert svg_labels(element) == label_texts(view.picture())
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
            assert svg_labels(element) == label_texts(view.picture())
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
