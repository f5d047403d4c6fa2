"""Many classes (notebook 06): clipping and the logit-stability picture.

Driven from Python (every number is ce_lib's), and live in Chromium against ce_lib.
"""

import random

import numpy as np
import pytest

import ce_lib
from ce_lib.formatting import format_number
from ce_lib.frameworks import CLIPPING_RULES, clipped_cross_entropy, naive_cross_entropy_from_logits
from ce_lib.views import Clipping, LogitStability
from ce_lib.views._pictures import label_texts
from ce_lib.views.classes import power_of_ten

from ..support.figures import layout_problems
from ..support.pages import live_text_problems, readout, set_control, svg_labels

# Clipping --------------------------------------------------------------------------------------


def clipping_readout(p):
    costs = [("ce_lib (exact)", float(ce_lib.point_errors([p])[0]))]
    costs += [(name, clipped_cross_entropy([1.0], [p], name)) for name in CLIPPING_RULES]
    return f"At p = {format_number(p, 2)}: " + " · ".join(f"{name} {format_number(cost)}" for name, cost in costs)


def test_clipping_readout_is_ce_libs_numbers():
    view = Clipping()
    assert view.probability == 1e-3
    assert view.describe() == "At p = 0.001: ce_lib (exact) 6.908 · scikit-learn 6.908 · PyTorch 6.908 · Keras 6.908"
    view.set_probability(1e-20)
    assert view.describe() == clipping_readout(1e-20)
    assert view.costs()["Keras"] == clipped_cross_entropy([1.0], [1e-20], "Keras")


def test_clipping_at_the_slider_ends():
    view = Clipping()
    with np.errstate(all="raise"):
        view.set_exponent(-50.0)
        low = view.picture()
        costs = view.costs()
        assert costs["PyTorch"] == 100.0
        assert costs["scikit-learn"] == pytest.approx(CLIPPING_RULES["scikit-learn"].cap)
        assert costs["Keras"] == pytest.approx(CLIPPING_RULES["Keras"].cap)
        view.set_exponent(0.0)
        high = view.picture()
    assert view.probability == 1.0 and view.costs()["ce_lib (exact)"] == 0.0
    assert view.describe() == clipping_readout(1.0)
    assert "nan" not in view.describe()
    assert layout_problems(low) == [] and layout_problems(high) == []


def test_clipping_picture_states_the_caps():
    view = Clipping()
    figure = view.picture()
    assert layout_problems(figure) == []
    caps = [f"cap {format_number(rule.cap)}" for rule in CLIPPING_RULES.values()]
    assert label_texts(figure) == sorted([view.title(), *caps])
    assert power_of_ten(-50) == "10⁻⁵⁰" and power_of_ten(0) == "1"


@pytest.mark.parametrize("exponent", [-43.0, -30.0, -15.7, -7.0, -2.0])
def test_clipping_picture_reads_cleanly(exponent):
    view = Clipping()
    view.set_exponent(exponent)
    assert layout_problems(view.picture()) == []


# The logit stability picture --------------------------------------------------------------------


def test_logit_stability_shows_where_the_naive_form_fails():
    figure = LogitStability()
    z = np.linspace(-50.0, 50.0, 401)
    naive = np.array([naive_cross_entropy_from_logits([0.0], [v]) for v in z])
    assert figure.first_infinite == float(z[np.isinf(naive)][0]) == 36.75
    assert layout_problems(figure.figure) == []
    assert figure._repr_png_().startswith(b"\x89PNG")
    assert "36.75" in repr(figure)
    errors = figure.relative_errors()
    assert np.isnan(errors[z >= figure.first_infinite]).all()
    assert errors[np.isfinite(errors)].max() > 1e-4  # the digits lost before it fails, shown on the log axis
    assert "naive\n= ∞" in label_texts(figure.figure)


# The live view -------------------------------------------------------------------------------


@pytest.mark.parametrize("make, module", [(Clipping, "clipping")])
def test_display_carries_the_widget_a_picture_and_the_state(make, module):
    view = make()
    data, _ = view._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["image/png"].startswith("iVBORw0KGgo")
    assert data["text/plain"] == view.describe()
    assert data["application/vnd.ce-lib.view+json"]["module"] == module
    assert set(view.state_keys) <= set(data["application/vnd.ce-lib.view+json"]["state"])


# In the browser ------------------------------------------------------------------------------


def test_live_clipping_shows_ce_libs_numbers(view_pages):
    view = Clipping()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert readout(element) == view.describe()
    assert svg_labels(element) == label_texts(view.picture())
    rng = random.Random("clipping")
    exponents = [-50.0, 0.0, -43.4, -15.7, -7.0] + [round(rng.uniform(-50, 0), 1) for _ in range(25)]
    for exponent in exponents:
        set_control(element, 0, f"{exponent:.1f}")
        view.set_exponent(exponent)
        assert readout(element) == view.describe(), exponent
        rows = element.locator("table.ce-table tbody tr").all_inner_texts()
        assert len(rows) == 4
        assert all(format_number(cost) in row for row, cost in zip(rows, view.costs().values(), strict=True))
    assert svg_labels(element) == label_texts(view.picture())
    assert page.errors == []
    page.close()


@pytest.mark.parametrize("make", [Clipping])
def test_live_view_fits_a_phone_without_sideways_scrolling(view_pages, make):
    view = make()
    page = view_pages.show(view, width=375, height=800)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    element = page.locator(".ce-view")
    table_width = page.evaluate("document.querySelector('.ce-figure table')?.scrollWidth ?? 0")
    assert table_width <= page.evaluate("document.querySelector('.ce-figure').clientWidth")
    set_control(element, 0, "-50.0")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert live_text_problems(element, "svg text.ce-label") == []
    assert page.errors == []
    page.close()


@pytest.mark.parametrize(
    "make, moves",
    [
        (Clipping, [(0, "-50.0"), (0, "-43.4"), (0, "-15.6"), (0, "0.0")]),
    ],
)
@pytest.mark.parametrize("width", [1000, 375])
def test_live_labels_never_overlap(view_pages, make, moves, width):
    page = view_pages.show(make(), width=width)
    element = page.locator(".ce-view")
    assert live_text_problems(element, "svg text.ce-label") == []
    for control, value in moves:
        set_control(element, control, value)
        assert live_text_problems(element, "svg text.ce-label") == []
    page.close()
