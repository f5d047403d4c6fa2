"""Divergence (notebook 06): driven from Python (every number is ce_lib's), and live in Chromium against ce_lib.

What every view shares (names, keyboard, live readout and labels, stored picture, a phone) is in test_every_view.py.
"""

import itertools
import random
import re

import numpy as np
import pytest

import ce_lib
from ce_lib.formatting import format_number
from ce_lib.views import Divergence
from ce_lib.views._base import drawing_source
from ce_lib.views._render import svg as draw_svg
from ce_lib.views.divergence import PREDICTION_WEIGHTS, TRUTH

from ..support.pages import picture_problems, readout, set_control
from ..support.pictures import drawing_code, stated

#: Weights that reach every corner of the layout: q = p, a class given 0 (KL = ∞), all 0 (uniform), lopsided.
MOVED_WEIGHTS = [PREDICTION_WEIGHTS, TRUTH, (1.0, 0.01, 0.01), (0.01, 0.01, 1.0), (0.6, 0.3, 0.1), (0.0, 1.0, 0.0),
                 (0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (0.0, 0.0, 1.0), (1.0, 0.0, 0.0), (0.01, 1.0, 1.0)]  # fmt: skip


def numbers(texts: list[str]) -> list[str]:
    """Return the texts that state a number (the panels' titles state none)."""
    return [t for t in texts if re.search("[0-9∞]", t)]


def divergence_readout(q, p=TRUTH):
    h, kl, h_pq = ce_lib.entropy(p), ce_lib.kl_divergence(p, q), ce_lib.general_cross_entropy(p, q)
    return (
        f"q = [{', '.join(format_number(float(v), 3) for v in q)}] · H(p) = {format_number(h)} + "
        f"KL(p‖q) = {format_number(kl)} → H(p, q) = {format_number(h_pq)}"
    )


def set_up(weights) -> Divergence:
    view = Divergence()
    for k, value in enumerate(weights, start=1):
        view.set_weight(k, value)
    return view


def expected_labels(view: Divergence) -> list[str]:
    """The texts the figure must state: each bar's q, and H(p), KL(p‖q) and H(p, q), all by ce_lib."""
    return sorted([*(format_number(float(v), 3) for v in view.prediction()), *view.stack_texts()])


def test_divergence_readout_is_ce_libs_numbers():
    view = Divergence()
    assert view.weights == list(PREDICTION_WEIGHTS) and view.truth == list(TRUTH)
    assert view.describe() == "q = [0.2, 0.3, 0.5] · H(p) = 0.8979 + KL(p‖q) = 0.4982 → H(p, q) = 1.396"
    view.set_weight(1, 0.9)
    q = np.array([0.9, 0.3, 0.5]) / 1.7
    assert np.array_equal(view.prediction(), q)
    assert view.describe() == divergence_readout(q)
    parts = view.decomposition()
    assert parts == {
        "entropy": ce_lib.entropy(TRUTH), "kl": ce_lib.kl_divergence(TRUTH, q),
        "cross_entropy": ce_lib.general_cross_entropy(TRUTH, q),
    }  # fmt: skip
    assert parts["entropy"] + parts["kl"] == pytest.approx(parts["cross_entropy"], abs=1e-12)
    assert view.stack_texts() == tuple(
        f"{name} = {format_number(parts[key], 3)}"
        for name, key in (("H(p)", "entropy"), ("KL(p‖q)", "kl"), ("H(p, q)", "cross_entropy"))
    )
    assert view.readout == {"text": view.describe(), "revision": view.revision}


def test_divergence_is_zero_when_q_is_p():
    view = set_up(TRUTH)
    assert view.decomposition()["kl"] < 1e-15
    assert "KL(p‖q) = " in view.describe()


def test_divergence_weight_zero_gives_infinity_cleanly():
    with np.errstate(all="raise"):
        view = set_up((0.0, 0.3, 0.5))
        picture = view.svg()
    assert view.describe() == divergence_readout([0.0, 0.375, 0.625])
    assert "KL(p‖q) = ∞ → H(p, q) = ∞" in view.describe()
    assert {"KL(p‖q) = ∞", "H(p, q) = ∞"} <= set(numbers(stated(picture)))
    assert "nan" not in picture.lower()


def test_divergence_all_weights_zero_is_the_uniform_prediction():
    with np.errstate(all="raise"):
        view = set_up((0.0, 0.0, 0.0))
        picture = view.svg()
    assert view.prediction().tolist() == [1 / 3] * 3
    assert view.describe() == divergence_readout([1 / 3] * 3)
    assert numbers(stated(picture)) == expected_labels(view)


@pytest.mark.parametrize("weights", MOVED_WEIGHTS)
def test_the_picture_states_ce_libs_numbers(weights):
    view = set_up(weights)
    titles = f"{view.words['classes_title']} {view.words['stack_title']}"
    for width in (960, 375):  # on a phone the titles may take two lines each
        texts = stated(view.svg(width), ordered=True)
        assert sorted(numbers(texts)) == expected_labels(view)
        assert " ".join(t for t in texts if t not in numbers(texts)) == titles


def test_the_picture_states_ce_libs_numbers_for_random_weights():
    """Thirty random moves of one weight each, one after another, as a learner makes them."""
    view = Divergence()
    rng = random.Random("divergence")
    for _ in range(30):
        k = rng.randrange(1, 4)
        view.set_weight(k, rng.choice([0.0, 1.0, round(rng.uniform(0, 1), 2)]))
        assert view.describe() == divergence_readout(view.prediction())
        assert numbers(stated(view.svg())) == expected_labels(view), view.weights


def test_the_picture_follows_the_truth_it_is_given():
    """The drawing is general over the distributions: another truth (with a class p gives 0) draws ce_lib's numbers."""
    view = set_up((0.3, 0.2, 0.5))
    view.truth = [0.1, 0.0, 0.9]
    assert view.describe() == divergence_readout(view.prediction(), view.truth)
    assert numbers(stated(view.svg())) == expected_labels(view)


def js(expression: str):  # type: ignore[no-untyped-def]
    """Return what ``expression`` gives in the view's own drawing code, run in QuickJS as for the stored picture."""
    return drawing_code(Divergence.parts, expression)


def test_stack_labels_keep_apart_and_inside_the_axis():
    """Beside a bar 270 px high on a 5-nat axis: labels 24 px apart, none above the top nor below the foot."""
    h = ce_lib.entropy(TRUTH)
    to_pixels = lambda nats: 36 + 270 - nats * 270 / 5  # noqa: E731
    for kl in (0.0, 1e-9, 0.2, 0.5, 1.0, 2.0, 3.3, 0.92 * 5 - h):
        wanted = [to_pixels(h / 2), to_pixels(h + kl / 2), to_pixels(h + kl)]
        spots = js(f"stackLabelSpots({wanted}, 24, 50, 300)")
        assert all(low - high >= 24 - 1e-9 for low, high in itertools.pairwise(spots)), kl
        assert spots[-1] >= 50 and spots[0] <= 300, kl
    assert js("stackLabelSpots([290, 280, 270], 24, 50, 300)") == [290, 266, 242]  # pushed apart, upwards
    assert js("stackLabelSpots([100, 50, 20], 24, 50, 300)") == [100, 74, 50]  # the top one back down, the rest below


# In the browser ------------------------------------------------------------------------------


def test_a_picture_of_four_classes_reads_cleanly(view_pages):
    """The drawing takes any number of classes: four, one of them given 0 by the truth."""
    view = Divergence()
    p, q = [0.5, 0.25, 0.25, 0.0], [0.1, 0.2, 0.3, 0.4]
    state = view.state() | {"truth": p, "weights": q}
    values = (ce_lib.entropy(p), ce_lib.kl_divergence(p, q), ce_lib.general_cross_entropy(p, q))
    stack = [f"{n} = {format_number(v, 3)}" for n, v in zip(("H(p)", "KL(p‖q)", "H(p, q)"), values, strict=True)]
    expected = sorted([*(format_number(v, 3) for v in q), *stack])
    page = view_pages.show(view)
    for width in (960, 375):
        markup = draw_svg(drawing_source(Divergence.parts), state, width)
        assert numbers(stated(markup)) == expected
        assert picture_problems(page, markup) == [], width
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
