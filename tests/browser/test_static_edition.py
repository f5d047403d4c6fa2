"""The static edition in Chromium: every page and deck works with no kernel and no network.

The site is built once (``tools/site.py``) and served on loopback; every request that would
leave it is refused and recorded. In every page and every deck, each view renders live from its
stored state and every slider redraws its figure; the pages read on a 375-px-wide phone with no
sideways scrolling.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools import site
from tools.contents import NOTEBOOKS

from ..support.pages import launched_browser, require_browser, served

PAGES = [Path(n.file).stem + ".html" for n in NOTEBOOKS]
DECKS = [Path(n.file).stem + ".slides.html" for n in NOTEBOOKS]


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    require_browser()
    folder = tmp_path_factory.mktemp("site")
    site.build(folder)
    with served(folder) as url, launched_browser() as browser:
        yield url, browser


def open_offline(edition, name: str, width: int = 1200, height: int = 900):
    """Open ``name`` with every request outside the served folder refused; return the page and its log."""
    url, browser = edition
    page = browser.new_page(viewport={"width": width, "height": height})
    log = {"outside": [], "errors": []}

    def route(request_route):
        request = request_route.request
        if request.url.startswith(url) or request.url.startswith("data:"):
            request_route.continue_()
        else:
            log["outside"].append(request.url)
            request_route.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda error: log["errors"].append(str(error)))
    page.on("console", lambda message: log["errors"].append(message.text) if message.type == "error" else None)
    page.goto(f"{url}/{name}")
    holders = page.locator(".ce-live").count()
    page.wait_for_function(f"document.querySelectorAll('.ce-live .ce-view .ce-figure svg').length >= {holders}")
    return page, log


def every_slider_redraws(page, view) -> int:
    """Press a key on each slider of ``view``; each press must change the figure. Return how many."""
    sliders = view.locator("input.ce-slider")
    for index in range(sliders.count()):
        slider = sliders.nth(index)
        before = view.locator(".ce-figure").inner_html()
        at_max = slider.evaluate("s => Number(s.value) >= Number(s.max)")
        slider.focus()
        slider.press("ArrowLeft" if at_max else "ArrowRight")
        assert view.locator(".ce-figure").inner_html() != before, f"slider {index} did not redraw its figure"
    return sliders.count()


@pytest.mark.parametrize("name", PAGES)
def test_every_page_is_live_offline(edition, name):
    page, log = open_offline(edition, name)
    views = page.locator(".ce-live .ce-view")
    assert views.count() >= 1
    moved = sum(every_slider_redraws(page, views.nth(i)) for i in range(views.count()))
    assert moved >= 1
    assert log == {"outside": [], "errors": []}
    page.close()


@pytest.mark.parametrize("name", PAGES)
def test_every_page_reads_on_a_phone(edition, name):
    page, log = open_offline(edition, name, width=375, height=800)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "the page scrolls sideways"
    for index in range(page.locator(".ce-live .ce-view").count()):
        box = page.locator(".ce-live .ce-view svg").nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert log["errors"] == []
    page.close()


@pytest.mark.parametrize("name", DECKS)
def test_every_deck_presents_its_views_live_offline(edition, name):
    page, log = open_offline(edition, name)
    page.wait_for_function("typeof Reveal !== 'undefined' && Reveal.isReady()")
    views = page.locator(".ce-live .ce-view")
    assert views.count() >= 1
    for index in range(views.count()):
        view = views.nth(index)
        # Go to the view's slide, as a presenter would, then move its sliders.
        indices = view.evaluate("v => Reveal.getIndices(v.closest('section'))")
        page.evaluate(f"Reveal.slide({json.dumps(indices['h'])}, {json.dumps(indices.get('v') or 0)})")
        page.wait_for_timeout(350)
        assert every_slider_redraws(page, view) >= 1
    assert log == {"outside": [], "errors": []}
    page.close()


def test_the_index_and_the_guide_link_everything(edition):
    page, log = open_offline(edition, "index.html")
    links = page.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for name in (*PAGES, *DECKS, "teacher_guide.html"):
        assert name in links
    assert log == {"outside": [], "errors": []}
    page.close()
