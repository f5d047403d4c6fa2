"""The product of n halves (notebooks 01, 02): driven from Python, and live in Chromium against ce_lib.

What every view shares (names, keyboard, live readout and labels, stored picture, a phone) is in test_every_view.py.
"""

import re

import numpy as np
import pytest

import ce_lib
from ce_lib.formatting import format_number
from ce_lib.views import Underflow

from ..support.pictures import drawing_code, svg_texts

SCALES = ["powers of ten", "ln"]


def path_vertices(markup: str, name: str) -> int:
    """Return how many vertices the path of class ``name`` has."""
    (d,) = re.findall(rf'<path d="([^"]*)"[^>]*class="{name}"', markup)
    return len(d.split(" L"))


def test_readout_is_ce_libs_numbers():
    view = Underflow()
    assert view.label == "The product of n probabilities of 0.5: one slider for n"
    assert view.describe() == f"0.5 multiplied 40 times = {format_number(ce_lib.product_of_probabilities([0.5] * 40))}"
    view.set_points(41)  # the slider one step right
    assert view.describe() == f"0.5 multiplied 41 times = {format_number(0.5**41)}"
    view.set_points(1074)
    assert view.product() == 2.0**-1074 and view.product() > 0.0
    assert view.describe() == "0.5 multiplied 1074 times = 4.941e−324"
    view.set_points(1075)
    assert view.product() == 0.0
    assert view.describe() == "0.5 multiplied 1075 times = 0 (underflow: exactly 0.0)"
    view.set_points(1100)
    assert view.describe() == "0.5 multiplied 1100 times = 0 (underflow: exactly 0.0)"
    view.set_points(1200)  # the slider's end
    assert view.describe() == "0.5 multiplied 1200 times = 0 (underflow: exactly 0.0)"
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
    assert view._repr_mimebundle_()[0]["application/vnd.ce-lib.view+json"]["state"]["scale"] == "ln"
    assert view.marker_labels() == [f"sum of logs = {format_number(log_sum, 6)}", "ln(product) = −∞"]


def test_the_modules_product_and_sum_of_logs_are_ce_libs_bit_for_bit():
    """The drawing code's own maths (run here in QuickJS, as for the stored picture) is ce_lib's, for every n."""
    every_n = "Array.from({length: 1200}, (_, i) => [productOfHalves(i + 1), logSumOfHalves(i + 1)])"
    for n, (product, log_sum) in enumerate(drawing_code(Underflow.parts, every_n), start=1):
        assert product == ce_lib.product_of_probabilities([0.5] * n), n
        assert log_sum == ce_lib.sum_of_logs([0.5] * n), n


@pytest.mark.parametrize("scale", SCALES)
def test_the_curve_is_the_float64_product_and_stops_where_it_underflows(scale):
    picture = Underflow(scale).svg()
    positive = sum(ce_lib.product_of_probabilities([0.5] * n) > 0.0 for n in range(1, 1201))
    assert positive == 1074
    assert path_vertices(picture, "ce-product-curve") == positive
    if scale == "ln":  # the sum of logs carries on to the slider's end
        assert path_vertices(picture, "ce-sum-curve") == 1200


def test_powers_of_ten_scale_never_says_log():
    """Notebook 01 comes before logs are taught: no word of its figure or readout says "log"."""
    view = Underflow()
    for n in (1, 40, 1100, 1200):
        view.set_points(n)
        words = svg_texts(view.svg(), title=True) + svg_texts(view.svg(375), title=True)
        assert not any("log" in w.lower() for w in words), n
        assert "log" not in view.describe().lower()
    assert "each gridline down is 10¹⁰⁰ times smaller" in svg_texts(view.svg(), title=True)
    assert {"10⁻¹⁰⁰", "10⁻³⁰⁰", "0 (underflow)"} <= set(svg_texts(view.svg(), title=True))


@pytest.mark.parametrize("scale", SCALES)
def test_slider_ends_are_clean(scale):
    view = Underflow(scale)
    # Underflow is the point of this view (NumPy ignores it by default); anything else would be a bug.
    with np.errstate(divide="raise", over="raise", invalid="raise"):
        for n in (1, 1200):
            view.set_points(n)
            picture = view.svg()
            assert "nan" not in view.describe() and "nan" not in picture.lower()
            for words in view.marker_labels():
                assert words in svg_texts(picture, title=True), n
    expected = "ln(product) = −∞" if scale == "ln" else "n = 1200: 0 (underflow)"
    assert expected in svg_texts(picture, title=True)


def test_unknown_scale_is_refused():
    with pytest.raises(ValueError, match="scale"):
        Underflow("log10")


# In the browser ------------------------------------------------------------------------------


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
