"""Accessibility: axe-core's WCAG 2.0/2.1 A and AA rules find no serious or critical violation.

axe-core comes from a registry package (``axe-playwright-python`` ships its ``axe.min.js``) and is
injected into each page; nothing is fetched from a CDN. What is audited:

- every page of the static edition (every notebook, the index, the teacher's guide), at a
  desktop's width (1280 px) and a phone's (375 px); and there, as in every deck, every link in
  running text is underlined (axe's link-in-text-block rule accepts a link whose colour alone
  stands out enough; the edition asks for more);
- every deck twice: as presented (its first slide showing), and with all its slides laid out one
  under another. reveal.js keeps the slides next to the current one in place, transparent, and
  axe cannot see through them (it reports their text's contrast as "incomplete", never as a
  violation): only laid out can every slide's contrast be measured. Laying out moves the slides
  and lifts what marks them unseen (``aria-hidden``, ``hidden``, ``inert``), so they are audited
  as shown; their colours, fonts and markup stay as they are;
- and, in ``test_views_accessible_in_lab.py``, a notebook's views inside JupyterLab.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.contents import NOTEBOOKS

from ..support.pages import axe_violations, launched_browser, require_browser, served

PAGES = [Path(n.file).stem + ".html" for n in NOTEBOOKS] + ["index.html", "teacher_guide.html"]
DECKS = [Path(n.file).stem + ".slides.html" for n in NOTEBOOKS]

# Every slide shown at once, one under another, at the deck's own size; nothing else changes.
LAID_OUT = """
.reveal .slides section, .reveal .slides section.stack {
  display: block !important; position: relative !important; transform: none !important; opacity: 1 !important;
  visibility: visible !important; inset: auto !important; height: auto !important; pointer-events: auto !important;
}
.reveal .slides {
  position: static !important; transform: none !important; height: auto !important; inset: auto !important;
  margin: 0 !important; pointer-events: auto !important;
}
.reveal .slides .fragment { opacity: 1 !important; visibility: visible !important; }
.reveal .slides, .reveal .slides * { transition: none !important; }
.reveal .backgrounds { display: none !important; }
html, body, .reveal-viewport, .reveal { overflow: visible !important; height: auto !important; }
"""
# Links in running text are underlined (not told apart by colour alone): those that are not.
PLAIN_LINKS = """() => [...document.querySelectorAll('p a[href], li a[href], td a[href], blockquote a[href]')]
  .filter((link) => link.getClientRects().length && !getComputedStyle(link).textDecorationLine.includes('underline'))
  .map((link) => link.outerHTML.slice(0, 120))"""
UNSEEN_AS_SHOWN = """() => document.querySelectorAll('.reveal .slides section').forEach((slide) => {
  slide.inert = false;
  slide.removeAttribute('aria-hidden');
  slide.removeAttribute('hidden');
})"""


@pytest.fixture(scope="module")
def edition(static_edition):
    require_browser()
    with served(static_edition) as url, launched_browser() as browser:
        yield url, browser


def opened(edition, name: str, width: int, height: int):
    """Open ``name`` once its views have drawn (and, in a deck, its slides have been fitted)."""
    url, browser = edition
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{url}/{name}")
    page.wait_for_function("[...document.querySelectorAll('.ce-live')].every((view) => view.querySelector('svg'))")
    if name.endswith(".slides.html"):
        page.wait_for_function("document.documentElement.dataset.ceDeck === 'fitted'")
    return page


#: Every live figure has been drawn again for the page's width (a view follows its box's width).
DRAWN_FOR_WIDTH = """(width) => [...document.querySelectorAll('.ce-live .ce-figure svg')]
  .every((svg) => svg.viewBox.baseVal.width <= width)"""


@pytest.mark.parametrize("name", PAGES)
def test_every_page_passes_axe(edition, name):
    """On a desktop's width, then on a phone's (the same page, narrowed, once its figures are drawn again)."""
    page = opened(edition, name, 1280, 800)
    audit(page, 1280)
    page.set_viewport_size({"width": 375, "height": 800})
    page.wait_for_function(DRAWN_FOR_WIDTH, arg=375)
    audit(page, 375)
    page.close()


def audit(page, width: int) -> None:  # type: ignore[no-untyped-def]
    """axe finds no violation, and every link in running text is underlined, in the page as it is now."""
    violations = axe_violations(page)
    assert violations == [], f"at {width} px:\n" + "\n".join(violations)
    assert page.evaluate(PLAIN_LINKS) == [], f"at {width} px: links in running text without an underline"


@pytest.mark.parametrize("name", DECKS)
def test_every_deck_passes_axe(edition, name):
    page = opened(edition, name, 1280, 720)
    presented = axe_violations(page)
    page.add_style_tag(content=LAID_OUT)
    page.evaluate(UNSEEN_AS_SHOWN)
    laid_out = axe_violations(page)
    plain_links = page.evaluate(PLAIN_LINKS)
    page.close()
    assert presented == [], "as presented:\n" + "\n".join(presented)
    assert laid_out == [], "every slide laid out:\n" + "\n".join(laid_out)
    assert plain_links == [], "links in running text without an underline"
