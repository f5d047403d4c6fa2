"""Views refuse what they cannot draw, from Python and from the page, and keep what they had."""

from __future__ import annotations

import math

import pytest
import traitlets

from ce_lib import views
from ce_lib.views._base import View
from ce_lib.views._state import StateError

VIEW_CLASSES = [
    getattr(views, name) for name in views.__all__ if isinstance(getattr(views, name), type)
    and issubclass(getattr(views, name), View) and getattr(views, name) is not View
]  # fmt: skip


def bad_values(spec: dict, current):
    """Return (what is wrong, a value of the whole state key) for every way ``spec``'s control can be misused."""
    index = spec.get("index")

    def at(entry):
        if index is None:
            return entry
        values = list(current)
        values[index] = entry
        return values

    if spec["kind"] == "toggle":
        return [("not true/false", at(3)), ("text", at("yes"))]
    if spec["kind"] == "choice":
        return [("not an option", at(99)), ("text", at("class 1"))]
    if spec["kind"] == "log-range":
        low, high = 10.0 ** spec["min_exponent"], 10.0 ** spec["max_exponent"]
    else:
        low, high = spec["min"], spec["max"]
    cases = [("below its range", at(low - abs(low) - 1)), ("above its range", at(high + abs(high) + 1)),
             ("nan", at(math.nan)), ("infinite", at(math.inf))]  # fmt: skip
    if index is not None:
        cases += [("too short", list(current)[:-1]), ("too long", [*current, current[0]]), ("empty", [])]
    return cases


def snapshot(view: View) -> tuple:
    return view.state(), view.describe(), view.png()


@pytest.mark.parametrize("cls", VIEW_CLASSES, ids=lambda cls: cls.__name__)
def test_python_cannot_set_a_state_the_view_cannot_draw(cls):
    view = cls()
    before = snapshot(view)
    for spec in view.controls:
        for problem, value in bad_values(spec, getattr(view, spec["key"])):
            with pytest.raises(traitlets.TraitError) as raised:  # StateError, or the trait's own type check
                setattr(view, spec["key"], value)
            assert spec["key"] in str(raised.value), f"{problem}: the message must name {spec['key']!r}"
    assert snapshot(view) == before


def test_the_first_issue_examples_are_refused_with_their_reason():
    view = views.ModelComparison("error")
    with pytest.raises(StateError, match=r"probabilities_a must be a list of 4 values, got 1"):
        view.probabilities_a = [0.5]
    with pytest.raises(StateError, match=r"probabilities_a\[1\] must be from 0 to 1, got 1\.5"):
        view.probabilities_a = [0.5, 1.5, 0.5, 0.5]
    with pytest.raises(StateError, match=r"probabilities_a\[0\] must be a number, got nan"):
        view.probabilities_a = [math.nan, 0.5, 0.5, 0.5]
    assert view.probabilities_a == [0.6, 0.2, 0.1, 0.7]
    assert isinstance(StateError("x"), ValueError)


@pytest.mark.parametrize("cls", VIEW_CLASSES, ids=lambda cls: cls.__name__)
def test_a_bad_state_from_the_page_is_refused_and_the_page_put_back(cls):
    view = cls()
    before = snapshot(view)
    sent: list[list[str]] = []
    view.send_state = lambda keys=None: sent.append(list(keys))  # what goes back to the page
    spec = view.controls[0]
    for _, value in bad_values(spec, getattr(view, spec["key"])):
        view.set_state({spec["key"]: value, "revision": view.revision + 1})
        assert sent[-1] == [spec["key"], "revision"]
    assert snapshot(view) == before


@pytest.mark.parametrize("cls", VIEW_CLASSES, ids=lambda cls: cls.__name__)
def test_a_good_state_from_the_page_is_taken(cls):
    view = cls()
    spec = next(s for s in view.controls if s["kind"] in ("range", "log-range"))
    value = spec["max"] if spec["kind"] == "range" else 10.0 ** spec["max_exponent"]
    if spec.get("index") is not None:
        values = list(getattr(view, spec["key"]))
        values[spec["index"]] = value
        value = values
    view.set_state({spec["key"]: value})
    assert getattr(view, spec["key"]) == value


def test_the_page_refuses_a_state_it_cannot_draw_and_keeps_its_figure(view_pages):
    page = view_pages.show(views.ModelComparison("error"))
    figure = page.locator(".ce-view .ce-figure").inner_html()
    words = page.locator(".ce-readout").text_content()
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    for value in ([0.5], [0.5, 1.5, 0.5, 0.5], None, "text"):
        page.evaluate("v => document.querySelector('.ce-live').ceModel.set('probabilities_a', v)", value)
        assert page.locator(".ce-view .ce-figure").inner_html() == figure
        assert page.locator(".ce-readout").text_content() == words
        assert page.evaluate("document.querySelector('.ce-live').ceModel.get('probabilities_a')") == [
            0.6,
            0.2,
            0.1,
            0.7,
        ]
    page.evaluate("document.querySelector('.ce-live').ceModel.set('probabilities_a', [0.6, 0.2, 0.5, 0.7])")
    assert page.locator(".ce-view .ce-figure").inner_html() != figure
    assert len(warnings) == 4 and all("probabilities_a" in w for w in warnings)
    assert page.errors == []
    page.close()


@pytest.mark.parametrize("cls", VIEW_CLASSES, ids=lambda cls: cls.__name__)
def test_the_kernel_confirms_a_revision_that_changes_no_value(cls):
    """A control moved and back within one frame sends only its revision: the kernel still answers it."""
    view = cls()
    view.set_state({"revision": view.revision + 7})
    assert view.readout == {"text": view.describe(), "revision": view.revision}
