"""What every view shares, checked the same way for each view and each of its variants.

From Python: the display carries the widget, the stored picture and the state, and every word of
a figure is the catalogue's. In Chromium, one page per view and variant:

* it speaks to screen readers: a group named by the view's label, a readout that is an aria-live
  region, a figure named by its title and the readout;
* and to the keyboard: the first slider moved one step, then to its end (and the first choice or
  toggle pressed) says its value and gives ce_lib's readout;
* the live readout is ce_lib's, and the live figure states ce_lib's numbers, for random settings,
  every control at each of its ends and the settings that reach the corners of the view's layout
  (``CASES``' moves, taken one after another);
* for each of those settings the browser draws exactly the stored picture, no text of the stored
  picture runs off it or onto another, at 960, 700, 375 and 359 px, nor any of the live figure;
* on a 375-px phone the page never scrolls sideways, the figure is drawn for that width and no
  text of the live figure overlaps another, for all those settings again.
"""

from __future__ import annotations

import html
import itertools
import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from ce_lib.course import story
from ce_lib.views import (
    VIEWS,
    BinaryFormula,
    Calibration,
    Clipping,
    Descent,
    Divergence,
    Doors,
    Gradients,
    LineFit,
    LogitStability,
    ModelComparison,
    Softmax,
    Surprise,
    Underflow,
    View,
)
from ce_lib.views.softmax import CLASS_LOGITS

from ..support.pages import TEXT_BOX, browser_pictures, readout, text_problems
from ..support.pictures import stated
from .test_descent import LAST, first_below_b
from .test_divergence import MOVED_WEIGHTS
from .test_doors import EXTREMES as DOOR_EXTREMES
from .test_doors import random_settings as door_settings
from .test_formula import SETTINGS as FORMULA_SETTINGS
from .test_linefit import CORNERS
from .test_linefit import SETTINGS as LINE_SETTINGS
from .test_softmax import EXTREMES as SOFTMAX_EXTREMES

#: Widths of the stored pictures checked at each setting: a wide screen, a narrow notebook, phones.
WIDTHS = (960, 700, 375, 359)
#: The live figure's labels: the texts that state its numbers and names.
LABELS = "svg text.ce-label"
#: The page's widths: a wide screen, a phone.
DESKTOP, PHONE = 1000, 375


def each(settings, controls=None) -> tuple[dict[int, object], ...]:  # type: ignore[no-untyped-def]
    """Return one move per setting: its values given to the controls ``controls`` (by default the first ones)."""
    return tuple(dict(zip(controls or range(len(values)), values, strict=True)) for values in settings)


def from_start(make: Callable[[], View], *moves: dict[int, object]) -> tuple[dict[int, object], ...]:
    """Return ``moves`` taken one after another from the view's first state, each as a whole setting (every
    control's value): the states a learner reaches from the notebook's view, whatever was checked before."""
    view = make()
    setting: dict[int, object] = {}
    for index, spec in enumerate(view.controls):
        value = getattr(view, spec["key"])
        value = value if spec.get("index") is None else value[spec["index"]]
        setting[index] = round(math.log10(value), 10) if spec["kind"] == "log-range" else value
    settings = []
    for move in moves:
        setting = setting | move
        settings.append(setting)
    return tuple(settings)


@dataclass(frozen=True)
class Case:
    """A view as a notebook shows it, and what is particular to it."""

    make: Callable[[], View]
    #: The figure's title: its SVG is named "<figure>. <readout>".
    figure: str
    #: The first slider's aria-valuetext once moved one step to the right by the keyboard.
    first_step: str
    #: Settings a learner makes one after another (control index: value) that reach the corners of the layout.
    moves: tuple[dict[int, object], ...] = ()
    #: The SVG's role: a figure holding a table, or else an image.
    role: str = "img"
    #: The live figure's texts that must never overlap.
    texts: str = "svg text"
    #: The widths its stored pictures are checked at.
    widths: tuple[int, ...] = WIDTHS


def squared_error_descent() -> Descent:
    view = Descent()
    view.loss = "squared error"
    return view


PLANE_MOVES = (
    # From the notebook's models: point 2 of A to 0.95, B's point 1 to 0 (∞), B's point 3 to 0.3; A's point 3 to 0.
    *from_start(lambda: ModelComparison("error"), {1: 0.95}, {4: 0.0}, {6: 0.3}),
    *from_start(lambda: ModelComparison("error"), {2: 0.0}),
    {1: 0.95}, {4: 0.0}, {6: 0.3}, {2: 0.0},
    *({point: end, point + 4: end} for point in range(4) for end in (0.0, 1.0)),  # the what-if markers at the edges
)  # fmt: skip
UNDERFLOW_MOVES = each((n,) for n in (40, 300, 500, 700, 800, 1000, 1, 1074, 1075, 1200, 1100))


def divergence_moves(make: Callable[[], View]) -> tuple[dict[int, object], ...]:
    """A class given 0, a tiny weight, two weights 0, then lopsided weights, from the notebook's q; every corner."""
    return (
        *from_start(make, {0: 0.0}, {2: 0.01}, {1: 0.0}, {0: 0.6}, {1: 0.3}, {2: 0.1}),
        {0: 0.0}, {2: 0.01}, {1: 0.0}, *each([*MOVED_WEIGHTS, (0.0, 0.3, 0.5)]),
    )  # fmt: skip


def descent_moves(loss: str) -> tuple[dict[int, object], ...]:
    """The step slider, on the case's loss, at its ends and at the marks (and a step between)."""
    steps = (0, 1, 2, 5, 45, first_below_b() - 1, first_below_b(), 150, LAST)
    return each(((loss, step) for step in steps), (0, 1))


CASES: dict[str, Case] = {
    **{
        f"plane[{step}]": Case(lambda step=step: ModelComparison(step), "Models A and B on the plane",
                               "point 1 (red): 0.61", PLANE_MOVES, widths=(960, 700, 375), texts=LABELS)
        for step in ("points", "product", "log", "error")
    },
    "underflow[powers of ten]": Case(Underflow, "The product of n probabilities of 0.5", "points n: 41",
                                     UNDERFLOW_MOVES),
    "underflow[ln]": Case(lambda: Underflow("ln"), "ln of the product of n halves", "points n: 41", UNDERFLOW_MOVES),
    "surprise": Case(Surprise, "Each point's surprise on the curve −ln p, and each model's sum", "point 1 (red): 0.61"),
    "doors": Case(Doors, "Likely outcomes have small cross-entropy", "door 1: p(gift): 0.81",
                  each([story.DOOR_PROBABILITIES, *DOOR_EXTREMES, *door_settings("doors-clean", 8),
                        *door_settings("doors-overlap-375", 6), *door_settings("doors-overlap-1000", 6)]),
                  role="figure"),
    "formula": Case(BinaryFormula, "One point's cross-entropy: −[y ln q + (1 − y) ln(1 − q)]", "q: 0.81",
                    each([*FORMULA_SETTINGS, *itertools.product((0.0, 0.5, 1.0), (0.05, 0.95))])),
    "calibration": Case(Calibration, "Expected cross-entropy and accuracy against q",
                        "the model's q, its probability of red: 1.00"),
    "softmax": Case(Softmax, "Softmax of three logits", "logit z1: 2.1", (
        *from_start(Softmax, {0: -6.0}, {1: 6.0}, {3: 3}, {2: 6.0}),
        {0: -6.0}, {1: 6.0}, {3: 3}, {2: 6.0}, {0: 0.3, 1: -2.7, 2: 4.4, 3: 3},
        *each((*logits, k) for logits in (CLASS_LOGITS, *SOFTMAX_EXTREMES) for k in (1, 2, 3)),
    )),
    "divergence[classes]": Case(Divergence, "A prediction q against the truth p", "weight q1: 0.21",
                                divergence_moves(Divergence)),
    "divergence[doors]": Case(lambda: Divergence("doors"), "A prediction q against the truth p",
                              "door 1: q(gift): 0.51", divergence_moves(lambda: Divergence("doors"))),
    "logit_stability": Case(LogitStability, "One point's cross-entropy from its logit z, naive against stable",
                            "logit z: 30.25",
                            each((z,) for z in (30.0, -50.0, -0.25, 0.0, 20.0, 36.5, 36.75, 42.0, 50.0))),
    "clipping": Case(Clipping, "One point's cost against p, exact and clipped", "p(true class): 0.0013",
                     each((e,) for e in (-3.0, -50.0, -43.4, -30.0, -15.7, -15.6, -7.0, -2.0, 0.0))),
    "linefit": Case(LineFit, "Your line on the plane and each point's error", "angle (°): 181", (
        *from_start(LineFit, {0: 215, 3: True, 4: True}),
        {0: 215, 3: True, 4: True},
        *each((*line, shown, shown) for line in (*LINE_SETTINGS, *CORNERS) for shown in (False, True)),
    )),
    "descent[cross-entropy]": Case(Descent, "Gradient descent from model A's line", "step: 1",
                                   descent_moves("cross-entropy")),
    "descent[squared error]": Case(squared_error_descent, "Gradient descent from model A's line", "step: 1",
                                   descent_moves("squared error")),
    "gradients": Case(Gradients, "The push of each loss on one point's logit", "logit z: −4.9"),
}  # fmt: skip


def test_every_view_and_variant_is_a_case():
    assert {case.make().module for case in CASES.values()} == set(VIEWS)


# Controls, as a learner sets them ------------------------------------------------------------


def ends(spec) -> list:  # type: ignore[no-untyped-def]
    """Return the values at a control's ends: both of a slider's (a log slider's exponents), or every option."""
    if spec["kind"] == "choice":
        return [value for _, value in spec["options"]]
    if spec["kind"] == "toggle":
        return [False, True]
    if spec["kind"] == "log-range":
        return [spec["min_exponent"], spec["max_exponent"]]
    return [spec["min"], spec["max"]]


def random_setting(view, rng):  # type: ignore[no-untyped-def]
    """Return (control index, value) for a random move of one of the view's controls: often to an end."""
    index = rng.randrange(len(view.controls))
    spec = view.controls[index]
    if spec["kind"] in ("choice", "toggle"):
        return index, rng.choice(ends(spec))
    low, high = ends(spec)
    steps = round((high - low) / spec["step"])
    return index, round(low + rng.choice([0, steps, rng.randrange(steps + 1)]) * spec["step"], 10)


def apply(view, spec, value) -> None:  # type: ignore[no-untyped-def]
    """Give the Python view the value a control sets (a log slider's value is its exponent)."""
    if spec["kind"] == "log-range":
        value = 10.0**value
    if spec.get("index") is None:
        setattr(view, spec["key"], value)
    else:
        values = list(getattr(view, spec["key"]))
        values[spec["index"]] = value
        setattr(view, spec["key"], values)


def first_input(view, index: int) -> int:
    """Return the index, among the view's inputs, of the first input of its ``index``-th control."""
    return sum(len(spec["options"]) if spec["kind"] == "choice" else 1 for spec in view.controls[:index])


def settings(view, case: Case):  # type: ignore[no-untyped-def]
    """Yield the moves to check, one after another: every control to each of its ends, then the case's."""
    for index, spec in enumerate(view.controls):
        for end in ends(spec):
            yield {index: end}
    yield from case.moves


# From Python ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CASES))
def test_display_carries_the_widget_a_picture_and_the_state(name):
    view = CASES[name].make()
    data, _ = view._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["image/png"].startswith("iVBORw0KGgo") and view.png().startswith(b"\x89PNG")
    assert data["text/plain"] == view.describe()
    stored = data["application/vnd.ce-lib.view+json"]
    assert stored["module"] == view.module
    assert set(view.state_keys) <= set(stored["state"])


#: The views whose figures hold no word but the catalogue's (Surprise names points "A1 B4", Clipping the
#: libraries; the lines' figures wrap sentences the check below cannot follow).
CATALOGUE_ONLY = ["plane", "underflow", "doors", "formula", "calibration", "softmax", "divergence", "logit_stability",
                  "gradients"]  # fmt: skip


@pytest.mark.parametrize("name", CATALOGUE_ONLY)
def test_every_word_comes_from_the_catalogue(name):
    """Mark every word of the view's catalogue: every text of the figure with a word in it is marked, at every end."""
    view = VIEWS[name]()
    view.words = {key: "§" + words for key, words in view.words.items()}
    for spec in [None, *view.controls]:
        for end in ends(spec) if spec else [None]:
            if spec:
                apply(view, spec, end)
            picture = view.svg()
            texts = [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", picture)]
            worded = [t for t in texts if re.search("[A-Za-z]", re.sub(r"\de[−+]?\d", "", t))]  # 6.13e−06 is a number
            assert [t for t in worded if "§" not in t] == [], (spec and spec["key"], end)
            assert view.describe().startswith("§") and 'aria-label="§' in picture


# In the browser ------------------------------------------------------------------------------


def set_controls(element, view, setting: dict[int, object]) -> None:  # type: ignore[no-untyped-def]
    """Set controls in the page as a learner would (an input or change event each), and the Python view the same."""
    inputs = []
    for index, value in setting.items():
        spec = view.controls[index]
        if spec["kind"] == "choice":
            inputs.append([first_input(view, index) + ends(spec).index(value), True])
        else:
            inputs.append([first_input(view, index), value])
        apply(view, spec, value)
    element.evaluate(
        "(root, moves) => { const inputs = root.querySelectorAll('.ce-control input');"
        " for (const [i, value] of moves) { const input = inputs[i];"
        " if (input.type === 'range') { input.value = String(value);"
        " input.dispatchEvent(new Event('input', {bubbles: true})); }"
        " else { input.checked = value; input.dispatchEvent(new Event('change', {bubbles: true})); } } }",
        inputs,
    )


def live(element, texts: str) -> dict:  # type: ignore[type-arg]
    """Return what the live view shows: its readout, its figure's labels and width, its ``texts``' problems."""
    shown = element.evaluate(
        "(root, texts) => { const svg = root.querySelector('.ce-figure svg'); return {"
        " readout: root.querySelector('.ce-readout').textContent,"
        " labels: [...svg.querySelectorAll('text.ce-label')].map(t => t.textContent),"
        f" boxes: [...root.querySelectorAll(texts)].map({TEXT_BOX}), width: svg.viewBox.baseVal.width,"
        " scroll: document.documentElement.scrollWidth }; }",
        texts,
    )
    return shown | {"labels": sorted(shown["labels"]), "problems": text_problems(shown["boxes"])}


def check_names(element, view, case: Case) -> None:  # type: ignore[no-untyped-def]
    """An accessible name, a readout a screen reader hears change, a figure named by its title and the readout."""
    assert element.get_attribute("role") == "group" and element.get_attribute("aria-label") == view.label
    assert element.locator(".ce-readout").get_attribute("aria-live") == "polite"
    svg = element.locator(".ce-figure svg")
    assert svg.get_attribute("role") == case.role
    assert svg.get_attribute("aria-label") == f"{case.figure}. {view.describe()}"


def check_keyboard(element, view, case: Case) -> None:  # type: ignore[no-untyped-def]
    """The first slider, one step right then to its end; the first choice's or toggle's other value, by Space."""
    index = next(i for i, spec in enumerate(view.controls) if spec["kind"] in ("range", "log-range"))
    slider = element.locator("input.ce-slider").first
    slider.focus()
    slider.press("ArrowRight")
    assert slider.get_attribute("aria-valuetext") == case.first_step
    apply(view, view.controls[index], float(slider.input_value()))
    assert readout(element) == view.describe()
    slider.press("End")
    apply(view, view.controls[index], ends(view.controls[index])[1])
    assert readout(element) == view.describe()
    for index, spec in enumerate(view.controls):
        if spec["kind"] not in ("choice", "toggle"):
            continue
        inputs = element.locator(".ce-control input")
        option = next(i for i in range(len(ends(spec))) if not inputs.nth(first_input(view, index) + i).is_checked())
        pressed = inputs.nth(first_input(view, index) + option)
        pressed.focus()
        pressed.press("Space")
        assert pressed.is_checked()
        apply(view, spec, ends(spec)[option])
        assert readout(element) == view.describe()
        break


def check_live(element, view, case: Case, width: int, setting) -> None:  # type: ignore[no-untyped-def]
    """The live readout is ce_lib's, the live figure states the stored picture's numbers, no text overlaps another,
    and the page, ``width`` wide, does not scroll sideways."""
    shown = live(element, case.texts)
    assert shown["readout"] == view.describe(), setting
    assert shown["labels"] == stated(view.svg(round(shown["width"]))), setting
    assert shown["problems"] == [], (setting, width)
    assert shown["scroll"] <= width and shown["width"] <= width, (setting, width)


def check_pictures(page, view, case: Case, setting, clean: bool = True) -> None:  # type: ignore[no-untyped-def]
    """The browser draws exactly the stored picture at every width; the picture reads cleanly (if ``clean``)."""
    for width, (markup, problems) in browser_pictures(page, view, case.widths).items():
        assert markup == view.svg(width), (setting, width)
        assert problems == [] or not clean, (setting, width, problems)


@pytest.mark.parametrize("name", list(CASES))
def test_live_view_is_ce_libs_reads_cleanly_and_fits_a_phone(view_pages, name):
    case = CASES[name]
    view = case.make()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    check_names(element, view, case)
    check_keyboard(element, view, case)
    for setting in settings(view, case):
        set_controls(element, view, setting)
        check_live(element, view, case, DESKTOP, setting)
        check_pictures(page, view, case, setting)
    assert page.errors == []

    page.set_viewport_size({"width": PHONE, "height": 800})
    page.wait_for_function(f"document.querySelector('.ce-figure svg').viewBox.baseVal.width <= {PHONE}")
    for setting in settings(view, case):
        set_controls(element, view, setting)
        check_live(element, view, case, PHONE, setting)

    rng = random.Random(name)
    for _ in range(30):
        set_controls(element, view, dict([random_setting(view, rng)]))
        assert readout(element) == view.describe()
    check_pictures(page, view, case, "random", clean=False)  # random settings may put labels together
    assert page.errors == []
    page.close()
