"""Many classes (notebook 06): softmax and divergence.

Driven from Python (every number is ce_lib's), and live in Chromium against ce_lib.
"""

import math
import random

import numpy as np
import pytest

import ce_lib
from ce_lib.formatting import format_number
from ce_lib.views import Divergence, Softmax
from ce_lib.views._pictures import label_texts
from ce_lib.views.classes import (
    CLASS_LOGITS,
    LABEL_GAP,
    NATS_INFINITE,
    NATS_LIMIT,
    PREDICTION_WEIGHTS,
    TRUTH,
    stack_label_heights,
)

from ..support.figures import layout_problems
from ..support.pages import live_text_problems, readout, set_control, svg_labels

# Softmax ---------------------------------------------------------------------------------------


def softmax_readout(logits, k):
    q = ce_lib.softmax(logits)
    loss = ce_lib.cross_entropy_from_class_logits(k - 1, logits)
    return (
        f"q = softmax(z) = [{', '.join(format_number(float(v), 3) for v in q)}] · true class {k}: "
        f"cross-entropy = −ln q{k} = {format_number(loss)}"
    )


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
    assert view.readout == {"text": view.describe(), "revision": view.revision}


def test_softmax_sliders_at_their_ends_stay_finite():
    view = Softmax()
    with np.errstate(all="raise"):
        for k, value in ((1, -6.0), (2, 6.0), (3, 6.0)):
            view.set_logit(k, value)
        figure = view.picture()
    assert view.describe() == softmax_readout([-6.0, 6.0, 6.0], 1)
    assert math.isfinite(view.loss()) and "nan" not in view.describe()
    assert view.title() in label_texts(figure)


@pytest.mark.parametrize("k", [1, 2, 3])
def test_softmax_picture_reads_cleanly(k):
    view = Softmax()
    view.set_true_class(k)
    assert layout_problems(view.picture()) == []
    view.set_logit(k, -6.0)
    view.set_logit(k % 3 + 1, 6.0)
    figure = view.picture()
    assert layout_problems(figure) == []
    assert label_texts(figure) == sorted([view.title(), *(format_number(float(v), 3) for v in view.probabilities())])


# Divergence ------------------------------------------------------------------------------------


def divergence_readout(q):
    h, kl, h_pq = ce_lib.entropy(TRUTH), ce_lib.kl_divergence(TRUTH, q), ce_lib.general_cross_entropy(TRUTH, q)
    return (
        f"q = [{', '.join(format_number(float(v), 3) for v in q)}] · H(p) = {format_number(h)} + "
        f"KL(p‖q) = {format_number(kl)} → H(p, q) = {format_number(h_pq)}"
    )


def test_divergence_readout_is_ce_libs_numbers():
    view = Divergence()
    assert view.weights == list(PREDICTION_WEIGHTS) and view.truth == list(TRUTH)
    assert view.describe() == "q = [0.2, 0.3, 0.5] · H(p) = 0.8979 + KL(p‖q) = 0.4982 → H(p, q) = 1.396"
    view.set_weight(1, 0.9)
    q = np.array([0.9, 0.3, 0.5]) / 1.7
    assert np.array_equal(view.prediction(), q)
    assert view.describe() == divergence_readout(q)
    parts = view.parts()
    assert parts["entropy"] + parts["kl"] == pytest.approx(parts["cross_entropy"], abs=1e-12)


def test_divergence_is_zero_when_q_is_p():
    view = Divergence()
    for k, value in enumerate(TRUTH, start=1):
        view.set_weight(k, value)
    assert view.parts()["kl"] < 1e-15
    assert "KL(p‖q) = " in view.describe()


def test_divergence_weight_zero_gives_infinity_cleanly():
    view = Divergence()
    with np.errstate(all="raise"):
        view.set_weight(1, 0.0)
        figure = view.picture()
    assert view.describe() == divergence_readout([0.0, 0.375, 0.625])
    assert "KL(p‖q) = ∞ → H(p, q) = ∞" in view.describe()
    assert {"KL(p‖q) = ∞", "H(p, q) = ∞"} <= set(label_texts(figure))
    assert layout_problems(figure) == []


def test_divergence_all_weights_zero_is_the_uniform_prediction():
    view = Divergence()
    with np.errstate(all="raise"):
        for k in (1, 2, 3):
            view.set_weight(k, 0.0)
        figure = view.picture()
    assert view.prediction().tolist() == [1 / 3] * 3
    assert view.describe() == divergence_readout([1 / 3] * 3)
    assert layout_problems(figure) == []


MOVED_WEIGHTS = [PREDICTION_WEIGHTS, (1.0, 0.01, 0.01), (0.01, 0.01, 1.0), (0.6, 0.3, 0.1), (0.0, 1.0, 0.0)]


@pytest.mark.parametrize("weights", MOVED_WEIGHTS)
def test_divergence_picture_reads_cleanly(weights):
    view = Divergence()
    for k, value in enumerate(weights, start=1):
        view.set_weight(k, value)
    assert layout_problems(view.picture()) == []


def test_stack_labels_keep_apart_and_inside_the_axis():
    h = ce_lib.entropy(TRUTH)
    for kl in (0.0, 1e-9, 0.2, 0.5, 1.0, 2.0, 3.3, NATS_INFINITE - h):
        a, b, c = stack_label_heights(h, kl)
        assert b - a >= LABEL_GAP - 1e-12 and c - b >= LABEL_GAP - 1e-12
        assert 0 < a and c <= NATS_LIMIT - 0.2 + 1e-12


# Both views ------------------------------------------------------------------------------------


@pytest.mark.parametrize("make, module", [(Softmax, "softmax"), (Divergence, "divergence")])
def test_display_carries_the_widget_a_picture_and_the_state(make, module):
    view = make()
    data, _ = view._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["image/png"].startswith("iVBORw0KGgo")
    assert data["text/plain"] == view.describe()
    assert data["application/vnd.ce-lib.view+json"]["module"] == module
    assert set(view.state_keys) <= set(data["application/vnd.ce-lib.view+json"]["state"])


# In the browser ------------------------------------------------------------------------------


def test_live_softmax_shows_ce_libs_numbers(view_pages):
    view = Softmax()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert readout(element) == view.describe()
    assert svg_labels(element) == label_texts(view.picture())
    rng = random.Random("softmax")
    for _ in range(30):
        if rng.random() < 0.25:
            k = rng.randrange(1, 4)
            set_control(element, 2 + k, True)
            view.set_true_class(k)
        else:
            k = rng.randrange(1, 4)
            value = rng.choice([-6.0, 6.0, round(rng.uniform(-6, 6), 1)])
            set_control(element, k - 1, f"{value:.1f}")
            view.set_logit(k, value)
        assert readout(element) == view.describe()
    assert svg_labels(element) == label_texts(view.picture())
    assert page.errors == []
    page.close()


def test_live_divergence_shows_ce_libs_numbers(view_pages):
    view = Divergence()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert readout(element) == view.describe()
    assert svg_labels(element) == label_texts(view.picture())
    rng = random.Random("divergence")
    for _ in range(30):
        k = rng.randrange(1, 4)
        value = rng.choice([0.0, 1.0, round(rng.uniform(0, 1), 2)])
        set_control(element, k - 1, f"{value:.2f}")
        view.set_weight(k, value)
        assert readout(element) == view.describe()
    for k, value in enumerate(TRUTH, start=1):  # q = p: KL printed as ce_lib prints it
        set_control(element, k - 1, f"{value:.2f}")
        view.set_weight(k, value)
    assert readout(element) == view.describe()
    for k in (1, 2, 3):  # all weights 0: the uniform prediction
        set_control(element, k - 1, "0.00")
        view.set_weight(k, 0.0)
    assert readout(element) == view.describe()
    assert svg_labels(element) == label_texts(view.picture())
    assert page.errors == []
    page.close()


def test_live_divergence_agrees_with_kl_divergence_digit_for_digit(view_pages):
    """Many weights, straight through the module's describe: KL's special branch included."""
    view = Divergence()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    rng = random.Random("kl")
    settings = [[0.01, 0.01, 1.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.01], [0.6, 0.3, 0.1], [0.3, 0.15, 0.05]]
    settings += [[round(rng.uniform(0, 1), 2) for _ in range(3)] for _ in range(40)]
    for weights in settings:
        for k, value in enumerate(weights, start=1):
            set_control(element, k - 1, f"{value:.2f}")
            view.set_weight(k, value)
        assert readout(element) == view.describe(), weights
    assert page.errors == []
    page.close()


@pytest.mark.parametrize("make", [Softmax, Divergence])
def test_live_view_fits_a_phone_without_sideways_scrolling(view_pages, make):
    view = make()
    page = view_pages.show(view, width=375, height=800)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    element = page.locator(".ce-view")
    table_width = page.evaluate("document.querySelector('.ce-figure table')?.scrollWidth ?? 0")
    assert table_width <= page.evaluate("document.querySelector('.ce-figure').clientWidth")
    set_control(element, 0, "0.00" if make is Divergence else "-6.0")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert live_text_problems(element, "svg text.ce-label") == []
    assert page.errors == []
    page.close()


@pytest.mark.parametrize(
    "make, moves",
    [
        (Softmax, [(0, "-6.0"), (1, "6.0"), (5, True), (2, "6.0")]),
        (Divergence, [(0, "0.00"), (2, "0.01"), (1, "0.00"), (0, "0.60"), (1, "0.30"), (2, "0.10")]),
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
