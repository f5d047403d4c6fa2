"""Clipping (notebook 06): driven from Python (every number is ce_lib's), and live in Chromium against ce_lib.

What every view shares (names, keyboard, live readout and labels, stored picture, a phone) is in test_every_view.py.
"""

import random
import xml.etree.ElementTree as ElementTree

import numpy as np
import pytest

import ce_lib
from ce_lib.formatting import format_number
from ce_lib.frameworks import CLIPPING_RULES, clipped_cross_entropy
from ce_lib.views import Clipping
from ce_lib.views.clipping import rule_key

from ..support.pages import module_readouts

SVG = "{http://www.w3.org/2000/svg}"


def clipping_readout(p):
    costs = [("ce_lib (exact)", float(ce_lib.point_errors([p])[0]))]
    costs += [(name, clipped_cross_entropy([1.0], [p], name)) for name in CLIPPING_RULES]
    return f"At p = {format_number(p, 2)}: " + " · ".join(f"{name} {format_number(cost)}" for name, cost in costs)


def picture_labels(markup: str) -> list[str]:
    """Return the texts the picture marks as its stated numbers and names, sorted."""
    root = ElementTree.fromstring(markup)
    return sorted(e.text for e in root.iter(f"{SVG}text") if "ce-label" in (e.get("class") or "").split())


def expected_labels(p: float) -> list[str]:
    """What the figure must state at ``p``, from ce_lib: the title, each cap, and the table's costs and caps."""
    costs = [float(ce_lib.point_errors([p])[0])] + [clipped_cross_entropy([1.0], [p], name) for name in CLIPPING_RULES]
    caps = [rule.cap for rule in CLIPPING_RULES.values()]
    return sorted(
        [f"Cost of one point given p = {format_number(p, 2)} for its true class"]
        + [f"cap {format_number(cap)}" for cap in caps]
        + [format_number(cost) for cost in costs]
        + [format_number(cap) for cap in [float("inf"), *caps]]
    )


def test_clipping_readout_is_ce_libs_numbers():
    view = Clipping()
    assert view.probability == 1e-3
    assert view.describe() == "At p = 0.001: ce_lib (exact) 6.908 · scikit-learn 6.908 · PyTorch 6.908 · Keras 6.908"
    view.set_probability(1e-20)
    assert view.describe() == clipping_readout(1e-20)
    assert view.costs()["Keras"] == clipped_cross_entropy([1.0], [1e-20], "Keras")
    assert view.costs()["ce_lib"] == float(ce_lib.point_errors([1e-20])[0])
    assert view.readout == {"text": view.describe(), "revision": view.revision}


def test_the_caps_are_ce_libs_constants_written_once():
    """The view computes with ce_lib.frameworks' rules; its catalogue has words for each."""
    view = Clipping()
    assert [rule["library"] for rule in view.rules] == list(CLIPPING_RULES)
    for record, rule in zip(view.rules, CLIPPING_RULES.values(), strict=True):
        assert record["cap"] == pytest.approx(rule.cap, rel=1e-9)
        assert record["log_floor"] == rule.log_floor
        if rule.clip_probability is None:
            assert record["clip_probability"] is None
        else:
            assert record["clip_probability"] == pytest.approx(rule.clip_probability, rel=1e-9)
        assert view.words[f"rule_{rule_key(rule.library)}"]
    assert view.lowest_exponent == view.controls[0]["min_exponent"]  # the axis starts at the slider's lowest p


def test_clipping_at_the_slider_ends():
    view = Clipping()
    with np.errstate(all="raise"):
        view.set_exponent(-50.0)
        low = view.svg()
        costs = view.costs()
        assert costs["PyTorch"] == 100.0
        assert costs["scikit-learn"] == pytest.approx(CLIPPING_RULES["scikit-learn"].cap)
        assert costs["Keras"] == pytest.approx(CLIPPING_RULES["Keras"].cap)
        assert view.describe() == clipping_readout(1e-50)
        view.set_exponent(0.0)
        high = view.svg()
    assert view.probability == 1.0 and view.costs()["ce_lib"] == 0.0
    assert view.describe() == clipping_readout(1.0)
    for markup, p in ((low, 1e-50), (high, 1.0)):
        assert "nan" not in markup.lower()
        assert picture_labels(markup) == expected_labels(p)
    assert "nan" not in view.describe()


#: Exponents of p where the layout changes (the caps, the slider's ends), and random ones.
EXPONENTS = [-3.0, -50.0, -43.4, -30.0, -15.7, -15.6, -7.0, -2.0, 0.0]
EXPONENTS += [round(random.Random("clipping").uniform(-50, 0), 1) for _ in range(25)]


@pytest.mark.parametrize("exponent", EXPONENTS)
def test_the_picture_states_ce_libs_numbers_and_the_caps(exponent):
    view = Clipping()
    view.set_exponent(exponent)
    markup = view.svg()
    assert picture_labels(markup) == expected_labels(view.probability)
    assert ">10⁻⁵⁰</text>" in markup and ">1</text>" in markup  # the log axis, as powers of ten
    for rule in CLIPPING_RULES.values():  # the table gives each rule in the catalogue's words
        assert view.words[f"rule_{rule_key(rule.library)}"].split()[0] in markup


# In the browser ------------------------------------------------------------------------------


def test_live_clipping_agrees_with_ce_lib_digit_for_digit(view_pages):
    """Many probabilities straight through the module's describe: every rule's branch, both ends."""
    view = Clipping()
    page = view_pages.show(view)
    rng = random.Random("clipping-digits")
    probabilities = [1e-50, 1.0, 2.220446049250313e-16, 1e-7, 1 - 1e-7, 3.720075976020836e-44, 0.5]
    probabilities += [10 ** rng.uniform(-50, 0) for _ in range(300)]
    states = []
    for p in probabilities:
        view.set_probability(p)
        states.append(view.state())
    shown = module_readouts(page, "clipping", states)
    for p, words in zip(probabilities, shown, strict=True):
        view.set_probability(p)
        assert words == view.describe(), p
    page.close()
