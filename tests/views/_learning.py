"""Checks the two line-learning views' tests share (as their figures share ``_learning.js``)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from ce_lib.views import View

SVG_TEXT = "{http://www.w3.org/2000/svg}text"


def svg_texts(markup: str) -> list[str]:
    """Return every text of an SVG picture, in the order it is drawn."""
    return [element.text or "" for element in ElementTree.fromstring(markup).iter(SVG_TEXT)]


def check_named_for_screen_readers(element, view: View) -> None:  # type: ignore[no-untyped-def]
    """Assert the live view has its accessible name, an aria-live readout and a figure titled with the readout."""
    assert element.get_attribute("role") == "group" and element.get_attribute("aria-label") == view.words["label"]
    assert element.locator(".ce-readout").get_attribute("aria-live") == "polite"
    svg = element.locator("svg")
    assert svg.get_attribute("role") == "img" and view.describe() in svg.get_attribute("aria-label")


def check_fits_a_phone(page, element) -> None:  # type: ignore[no-untyped-def]
    """Assert the page does not scroll sideways on a 375-px phone and the figure is drawn for that width."""
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert element.locator(".ce-figure svg").evaluate("svg => svg.viewBox.baseVal.width") <= 375
