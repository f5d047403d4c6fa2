"""Logit stability (notebook 06): driven from Python (every number is ce_lib's), and live in Chromium against ce_lib.

What every view shares (names, keyboard, live readout and labels, stored picture, a phone) is in test_every_view.py.
"""

import math
import random

import numpy as np
import pytest

import ce_lib
from ce_lib.formatting import format_number
from ce_lib.frameworks import naive_cross_entropy_from_logits
from ce_lib.views import LogitStability
from ce_lib.views.logit_stability import correct_digits, logit_grid

from ..support.pages import module_readouts, readout
from ..support.pictures import svg_texts

SLIDER = np.linspace(-50.0, 50.0, 401)  # every logit the slider can set


def stable(z):
    return ce_lib.cross_entropy_from_logits([0.0], [z])


def naive(z):
    return naive_cross_entropy_from_logits([0.0], [z])


def expected_readout(z):
    """The readout, from ce_lib's numbers and the digits counted here, in the catalogue's English."""
    s, n = stable(z), naive(z)
    if math.isinf(n):
        verdict = "the naive value is ∞: σ(z) rounds to exactly 1"
    else:
        error = abs(n - s) / s
        digits = next(k for k in range(15, -1, -1) if k == 0 or error <= 10.0**-k)
        verdict = f"the naive value is right to {digits} of 15 digits"
    return f"z = {format_number(z)}: stable {format_number(s, 10)} · naive {format_number(n, 10)} → {verdict}"


def test_readout_is_ce_libs_numbers():
    view = LogitStability()
    assert view.logit == 30.0
    assert view.describe() == "z = 30: stable 30 · naive 30.00102056 → the naive value is right to 4 of 15 digits"
    for z in (-50.0, -7.25, 0.0, 12.5, 36.5, 36.75, 50.0):
        view.set_logit(z)
        assert view.costs() == {"stable": stable(z), "naive": naive(z)}
        assert view.describe() == expected_readout(z), z
    assert view.readout == {"text": view.describe(), "revision": view.revision}


def test_the_naive_form_fails_where_sigmoid_rounds_to_one_and_loses_digits_before():
    view = LogitStability()
    assert logit_grid() == SLIDER.tolist()
    first = float(SLIDER[np.isinf([naive(z) for z in SLIDER])][0])
    assert view.first_infinite == first == 36.75
    digits = []
    for z in SLIDER:
        view.set_logit(z)
        digits.append(view.correct_digits())
        assert (digits[-1] is None) == (z >= first), z
    assert all(d == 15 for z, d in zip(SLIDER, digits, strict=True) if z <= 0)  # as exact as float64 for z ≤ 0
    assert min(d for d in digits if d is not None) <= 1  # nearly every digit lost before it fails


def test_correct_digits_counts_the_digits_that_agree():
    assert correct_digits(1.0, 1.0) == 15
    assert correct_digits(1.0 + 2e-16, 1.0) == 15
    assert correct_digits(1.0011, 1.0) == 2  # relative error 1.1e-3: right to 2 digits, not 3
    assert correct_digits(1.0009, 1.0) == 3
    assert correct_digits(2.0, 1.0) == 0 and correct_digits(1.5, 1.0) == 0
    assert correct_digits(math.inf, 1.0) is None
    assert correct_digits(1.0 + 1e-9, 1.0, most=6) == 6


@pytest.mark.parametrize("z", [-50.0, 50.0])
def test_slider_at_its_ends_reads_cleanly_without_nan(z):
    view = LogitStability()
    with np.errstate(all="raise"):
        view.set_logit(z)
        markup = view.svg()
    assert "nan" not in view.describe() and "nan" not in markup.lower()
    texts = svg_texts(markup)
    assert f"at z = {format_number(z)}:" in texts
    assert f"stable {format_number(stable(z), 10)}" in texts and f"naive {format_number(naive(z), 10)}" in texts


def test_the_picture_states_where_the_naive_value_fails():
    view = LogitStability()
    texts = svg_texts(view.svg())
    assert "where the naive value is ∞ (σ(z) rounds to exactly 1): the slider's stops from z = 36.75 on" in texts
    assert "naive = ∞" in texts  # the band says what it is
    assert "at z = 30: right to 4 of 15 digits" in texts
    assert "Digits of the naive value that are right (float64 keeps 15)" in texts


# In the browser ------------------------------------------------------------------------------


def test_live_view_shows_ce_libs_numbers_at_every_slider_position(view_pages):
    """Every one of the slider's 401 logits, as a learner sets it: the page's readout is ce_lib's, digit for digit."""
    view = LogitStability()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert readout(element) == view.describe()
    shown = element.evaluate(
        "(root, values) => values.map(v => { const input = root.querySelector('input.ce-slider');"
        " input.value = String(v); input.dispatchEvent(new Event('input', {bubbles: true}));"
        " return root.querySelector('.ce-readout').textContent; })",
        [f"{z:.2f}" for z in SLIDER],
    )
    for z, words in zip(SLIDER, shown, strict=True):
        view.set_logit(z)
        assert words == view.describe(), z
    assert page.errors == []
    page.close()


def test_live_digits_agree_with_ce_lib_for_many_logits(view_pages):
    """Logits between the slider's steps, straight through the module's describe: the same values and digits."""
    view = LogitStability()
    page = view_pages.show(view)
    rng = random.Random("logit-digits")
    logits = [round(rng.uniform(-50, 50), 2) for _ in range(400)] + [36.74, 36.73, 6.0, 5.96, -0.01]
    states = []
    for z in logits:
        view.set_logit(z)
        states.append(view.state())
    shown = module_readouts(page, "logit_stability", states)
    for z, words in zip(logits, shown, strict=True):
        view.set_logit(z)
        assert words == view.describe() == expected_readout(z), z
    page.close()
