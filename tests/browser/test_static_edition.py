"""The static edition in Chromium: every page and deck works with no kernel and no network.

The site is built once (``tools/site.py``) and served on loopback; every request that would
leave it is refused and recorded. In every page and every deck, each view renders live from its
stored state and every slider redraws its figure; every page (the index and the teacher's guide
too) and every deck reads on a 375-px-wide phone with no sideways scrolling. Every slide of every
deck fits a 1280 × 720 and a 1920 × 1080 screen: nothing on it lies outside the slide, nothing
scrolls, a view's controls and its whole figure are on screen together; splitting the slides
that were too tall loses nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ce_lib import words
from tools.contents import NOTEBOOKS

from ..support.pages import launched_browser, require_browser, served

#: Each language's folder in the edition: English at the top, every other language in its own.
FOLDERS = {language: "" if language == words.SOURCE else f"{language}/" for language in words.LANGUAGES}
PAGES = [f"{folder}{Path(n.file).stem}.html" for folder in FOLDERS.values() for n in NOTEBOOKS]
DECKS = [f"{folder}{Path(n.file).stem}.slides.html" for folder in FOLDERS.values() for n in NOTEBOOKS]
OTHER_PAGES = [f"{folder}{name}" for folder in FOLDERS.values() for name in ("index.html", "teacher_guide.html")]
SCREENS = [(1280, 720), (1920, 1080)]


@pytest.fixture(scope="module")
def edition(static_edition):
    require_browser()
    with served(static_edition) as url, launched_browser() as browser:
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


@pytest.mark.parametrize("name", [*PAGES, *OTHER_PAGES, *DECKS])
def test_every_page_reads_on_a_phone_is_live_offline_and_switches_language(edition, name):
    """On a 375-px phone, offline: no sideways scrolling, every slider of a page redraws its figure,
    and the page links, in each other language, to its twin (which exists)."""
    url, _ = edition
    page, log = open_offline(edition, name, width=375, height=800)
    if name in DECKS:
        page.wait_for_function("document.documentElement.dataset.ceDeck === 'fitted'")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "the page scrolls sideways"
    for index in range(page.locator(".ce-live .ce-view").count()):
        box = page.locator(".ce-live .ce-view svg").nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    if name in PAGES:  # a deck's sliders are moved slide by slide, below
        views = page.locator(".ce-live .ce-view")
        assert views.count() >= 1
        assert sum(every_slider_redraws(page, views.nth(i)) for i in range(views.count())) >= 1
    here, language = (
        name.split("/")[-1],
        next((code for code, folder in FOLDERS.items() if folder and name.startswith(folder)), words.SOURCE),
    )
    assert page.evaluate("document.documentElement.lang") == language
    links = page.locator("a").evaluate_all("links => links.map(a => a.href)")
    for other, folder in FOLDERS.items():
        if other != language:
            assert f"{url}/{folder}{here}" in links, f"{name} has no link to its {other} twin"
            assert page.request.get(f"{url}/{folder}{here}").ok
    assert log == {"outside": [], "errors": []}
    page.close()


@pytest.mark.parametrize("folder", FOLDERS.values(), ids=list(FOLDERS))
def test_the_index_and_the_guide_link_everything(edition, folder):
    page, log = open_offline(edition, f"{folder}index.html")
    links = page.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for name in (*PAGES, *DECKS):
        if name.startswith(folder) and "/" not in name.removeprefix(folder):
            assert name.removeprefix(folder) in links
    assert "teacher_guide.html" in links
    assert log == {"outside": [], "errors": []}
    page.close()


CHINESE_GLYPHS = """async () => {
  await document.fonts.ready;
  const faces = await document.fonts.load('24px "CE Noto Sans CJK SC"', '交叉熵');
  const draw = (text) => {
    const canvas = document.createElement('canvas'); canvas.width = 120; canvas.height = 40;
    const context = canvas.getContext('2d');
    context.font = '24px "CE Noto Sans CJK SC"'; context.fillText(text, 4, 30);
    return canvas.toDataURL();
  };
  return { faces: faces.length, glyphs: draw('交叉熵') !== draw('\ue000\ue001\ue002') };
}"""


@pytest.mark.parametrize("name", [f"{FOLDERS['zh-CN']}03_negative_log_summed.html",
                                  f"{FOLDERS['zh-CN']}03_negative_log_summed.slides.html"])  # fmt: skip
def test_chinese_pages_carry_their_own_chinese_font(edition, name):
    """A machine with no Chinese font still reads Chinese: the site serves the faces the pictures use."""
    page, log = open_offline(edition, name)
    found = page.evaluate(CHINESE_GLYPHS)
    assert found == {"faces": 1, "glyphs": True}
    assert log == {"outside": [], "errors": []}
    page.close()


SLIDE_PROBLEMS = (Path(__file__).parent / "slide_problems.js").read_text(encoding="utf-8")


# The slides' words as nbconvert wrote them (the page's own file, parsed without running it) and
# as the fitted deck shows them; views aside (they are drawn in the page).
SLIDES_TEXT = """async () => {
  const words = (slides) => {
    const copy = slides.cloneNode(true);
    copy.querySelectorAll('.ce-live, [data-ce-repeated]').forEach((node) => node.remove());
    return copy.textContent.replace(/\\s+/g, '');
  };
  const source = await (await fetch(location.href)).text();
  const converted = new DOMParser().parseFromString(source, 'text/html').querySelector('.reveal .slides');
  const fitted = document.querySelector('.reveal .slides');
  return {
    converted: [words(converted), converted.querySelectorAll('.ce-live').length],
    fitted: [words(fitted), fitted.querySelectorAll('.ce-live .ce-view').length],
  };
}"""


@pytest.mark.parametrize("screen", SCREENS, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("name", DECKS)
def test_every_slide_fits_the_screen(edition, name, screen):
    """What a projector shows: each slide whole, a view's controls beside its whole figure, no scrolling;
    at 1280 × 720, each view live offline, its sliders moving its figure.

    The slides that were too tall were split; the deck still says everything, in the same order.
    """
    page, log = open_offline(edition, name, *screen)
    page.wait_for_function("document.documentElement.dataset.ceDeck === 'fitted'")
    problems = page.evaluate(SLIDE_PROBLEMS)
    assert problems == [], "\n".join(problems[:20])
    text = page.evaluate(SLIDES_TEXT)
    fitted, converted = text["fitted"][0], text["converted"][0]
    pairs = enumerate(zip(fitted, converted, strict=False))
    at = next((i for i, (a, b) in pairs if a != b), min(len(fitted), len(converted)))
    assert text["fitted"] == text["converted"], (
        f"fitting the slides lost or changed some of their content, from: {converted[at - 60 : at + 60]!r} "
        f"(fitted: {fitted[at - 60 : at + 60]!r})"
    )
    if screen == SCREENS[0]:  # and the deck presents its views live, offline, as a presenter goes to them
        page.wait_for_function("typeof Reveal !== 'undefined' && Reveal.isReady()")
        views = page.locator(".ce-live .ce-view")
        assert views.count() >= 1
        for index in range(views.count()):
            view = views.nth(index)
            # Go to the view's slide, then move its sliders.
            indices = view.evaluate("v => Reveal.getIndices(v.closest('section'))")
            page.evaluate(f"Reveal.slide({json.dumps(indices['h'])}, {json.dumps(indices.get('v') or 0)})")
            page.wait_for_timeout(350)
            assert every_slider_redraws(page, view) >= 1
    assert log == {"outside": [], "errors": []}
    page.close()
