"""The product of n halves (notebooks 01, 02): driven from Python, and live in Chromium against ce_lib."""

import math
import random

import numpy as np
import pytest

import ce_lib
from ce_lib.formatting import format_number
from ce_lib.views import Underflow
from ce_lib.views._pictures import label_texts
from ce_lib.views.underflow import float_product_curve, power_of_ten

from ..support.figures import layout_problems
from ..support.pages import live_text_problems, readout, set_control, svg_labels

SCALES = ["powers of ten", "ln"]


def test_readout_is_ce_libs_numbers():
    view = Underflow()
    assert view.describe() == f"0.5 multiplied 40 times = {format_number(ce_lib.product_of_probabilities([0.5] * 40))}"
    view.set_points(1074)
    assert view.product() == 2.0**-1074 and view.product() > 0.0
    assert view.describe() == "0.5 multiplied 1074 times = 4.941e−324"
    view.set_points(1075)
    assert view.product() == 0.0
    assert view.describe() == "0.5 multiplied 1075 times = 0 (underflow: exactly 0.0)"
    assert view.readout == {"text": view.describe(), "revision": view.revision}


def test_ln_readout_adds_the_sum_of_logs_which_never_underflows():
    view = Underflow("ln")
    view.set_points(1100)
    log_sum = ce_lib.sum_of_logs([0.5] * 1100)
    assert view.log_sum() == log_sum
    assert view.describe() == (
        "0.5 multiplied 1100 times = 0 (underflow: exactly 0.0) · "
        f"sum of ln(0.5), 1100 times = {format_number(log_sum, 6)} (never underflows)"
    )
    assert "−762.462" in view.describe()


def test_the_curve_is_the_float64_product_and_stops_where_it_underflows():
    counts, products = float_product_curve()
    assert counts[0] == 1 and counts[-1] == 1200
    for n in (1, 40, 500, 1074, 1075, 1200):
        assert products[n - 1] == ce_lib.product_of_probabilities([0.5] * n)
    assert (products > 0).sum() == 1074


def test_powers_of_ten_scale_never_says_log():
    view = Underflow()
    for n in (1, 40, 1100):
        view.set_points(n)
        figure = view.picture()
        words = [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]
        assert not any("log" in w.lower() for w in words if w)
        assert "log" not in view.describe().lower()
    assert power_of_ten(-300) == "10⁻³⁰⁰"
    assert "each gridline down is 10¹⁰⁰ times smaller" in label_texts(view.picture())


@pytest.mark.parametrize("scale", SCALES)
def test_slider_ends_are_clean(scale):
    view = Underflow(scale)
    # Underflow is the point of this view (NumPy ignores it by default); anything else would be a bug.
    with np.errstate(divide="raise", over="raise", invalid="raise"):
        for n in (1, 1200):
            view.set_points(n)
            figure = view.picture()
            assert "nan" not in view.describe()
            assert layout_problems(figure) == []


def test_unknown_scale_is_refused():
    with pytest.raises(ValueError, match="scale"):
        Underflow("log10")


@pytest.mark.parametrize("scale", SCALES)
def test_static_picture_reads_cleanly(scale):
    view = Underflow(scale)
    for n in (40, 300, 700, 1074, 1075, 1100):
        view.set_points(n)
        assert layout_problems(view.picture()) == [], n


def test_display_carries_the_widget_a_picture_and_the_state():
    data, _ = Underflow("ln")._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["image/png"].startswith("iVBORw0KGgo")
    assert data["text/plain"].startswith("0.5 multiplied 40 times")
    assert data["application/vnd.ce-lib.view+json"]["module"] == "underflow"
    assert data["application/vnd.ce-lib.view+json"]["state"]["scale"] == "ln"


# In the browser ------------------------------------------------------------------------------


@pytest.mark.parametrize("scale", SCALES)
def test_live_view_shows_ce_libs_numbers_for_random_slider_positions(view_pages, scale):
    view = Underflow(scale)
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert readout(element) == view.describe()
    assert svg_labels(element) == label_texts(view.picture())
    rng = random.Random(f"underflow-{scale}")
    for n in [rng.randrange(1, 1201) for _ in range(25)] + [1, 1074, 1075, 1200]:
        set_control(element, 0, n)
        view.set_points(n)
        assert readout(element) == view.describe()
        if n in (1, 1074, 1075, 1200) or n % 5 == 0:
            assert svg_labels(element) == label_texts(view.picture()), n
    if scale == "powers of ten":  # notebook 01 comes before logs are taught
        assert "log" not in element.locator("svg").text_content().lower()
    assert page.errors == []
    page.close()


@pytest.mark.parametrize("scale", SCALES)
def test_every_n_reads_the_same_in_the_browser(view_pages, scale):
    """The module's product and sum of logs print as ce_lib's for every n from 1 to 1200."""
    view = Underflow(scale)
    page = view_pages.show(view)
    shown = page.locator(".ce-view").evaluate(
        """(root, max) => {
            const input = root.querySelector('.ce-control input'), out = [];
            for (let n = 1; n <= max; n++) {
                input.value = String(n);
                input.dispatchEvent(new Event('input', { bubbles: true }));
                const labels = [...root.querySelectorAll('svg text.ce-label')].map((t) => t.textContent);
                out.push([root.querySelector('.ce-readout').textContent, labels]);
            }
            return out;
        }""",
        1200,
    )
    for n, (shown_readout, labels) in enumerate(shown, start=1):
        view.set_points(n)
        assert shown_readout == view.describe(), n
        for words in view.marker_labels():
            assert words in labels, n
    page.close()


@pytest.mark.parametrize("scale", SCALES)
def test_live_view_fits_a_phone_without_sideways_scrolling(view_pages, scale):
    page = view_pages.show(Underflow(scale), width=375, height=800)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    element = page.locator(".ce-view")
    set_control(element, 0, 1100)
    assert "underflow" in readout(element)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.close()


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("width", [375, 1000])
def test_live_labels_never_overlap(view_pages, scale, width):
    page = view_pages.show(Underflow(scale), width=width, height=900)
    element = page.locator(".ce-view")
    for n in (1, 40, 500, 800, 1074, 1100, 1200):
        set_control(element, 0, n)
        assert live_text_problems(element, "svg text") == []
    page.close()


def test_exact_sum_of_halves_is_numpys_pairwise_sum():
    """The module mirrors NumPy's pairwise summation; its result is ce_lib's bit for bit (checked here in Python)."""

    def pairwise(term: float, n: int) -> float:
        if n < 8:
            total = 0.0
            for _ in range(n):
                total += term
            return total
        if n <= 128:
            r = [term] * 8
            i = 8
            while i < n - n % 8:
                r = [v + term for v in r]
                i += 8
            total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            for _ in range(i, n):
                total += term
            return total
        half = n // 2
        half -= half % 8
        return pairwise(term, half) + pairwise(term, n - half)

    for n in range(1, 1201):
        assert pairwise(math.log(0.5), n) == ce_lib.sum_of_logs([0.5] * n), n
