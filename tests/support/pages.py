"""Views in a plain page: their ES modules run in Debian's Chromium with no JupyterLab and no kernel.

The page is what the static edition builds (``tools/site_assets/live.js`` and its in-page
model), so these tests cover that path too. ``view_page`` serves a throw-away folder on a free
loopback port: ES modules do not load from ``file://``.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import http.server
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ce_lib.views._base import drawing_source, style_source
from tools.site import live_holder

from .lab import CHROMIUM, CHROMIUM_FLAGS, ROOT

LIVE_SCRIPT = ROOT / "tools" / "site_assets" / "live.js"
#: The shared functions a test may call in the page, as `window.ce.<name>`.
SHARED_EXPORTS = (
    "formatNumber", "formatFixed", "formatShort", "pointError", "sumOf", "productOf", "sigmoid", "logit",
    "binaryTerm", "lineWeights", "lineLogit", "fillWords", "textWidth", "wrapText",
)  # fmt: skip


def browser_missing() -> str | None:
    """Say why no browser test can run here, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is missing"
    return None


def require_browser() -> None:
    """Skip outside CI when there is no browser; in CI (``CI=true``) that is a failure, never a skip."""
    missing = browser_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"the browser tests must run in CI, but {missing}")
        pytest.skip(missing)


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free 127.0.0.1 port; yield its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@functools.cache
def _playwright():  # type: ignore[no-untyped-def]
    """Return the one Playwright of this process: its sync API allows one running at a time, and a
    session-wide browser (the views' pages) may be open while a module starts its own."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    atexit.register(playwright.stop)
    return playwright


@contextlib.contextmanager
def launched_browser():  # type: ignore[no-untyped-def]
    """Start Debian's Chromium through Playwright (never a browser Playwright downloads); close it at the end."""
    browser = _playwright().chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
    try:
        yield browser
    finally:
        browser.close()


def page_html(views: list) -> str:  # type: ignore[type-arg]
    """Return a page that renders each view live from its state, as the static edition does."""
    holders = [live_holder({"data": view._repr_mimebundle_()[0]}) for view in views]
    exports = ", ".join(SHARED_EXPORTS)
    return (
        "<!doctype html><html lang='en'><meta charset='utf-8'><meta name='viewport' content='width=device-width'>"
        "<link rel='icon' href='data:,'>"
        f"<style>{style_source()}</style><body style='margin:8px'>{''.join(holders)}"
        f"<script type='module'>import {{ {exports} }} from './views/_shared-test.js'; "
        f"window.ce = {{ {exports} }};</script>"
        "<script type='module' src='live.js'></script></body></html>"
    )


class ViewPages:
    """Open pages that show views live, in one browser, from one served folder."""

    def __init__(self, browser, folder: Path, url: str) -> None:  # type: ignore[no-untyped-def]
        self.browser, self.folder, self.url = browser, folder, url
        (folder / "views").mkdir(exist_ok=True)
        (folder / "live.js").write_text(LIVE_SCRIPT.read_text(encoding="utf-8"), encoding="utf-8")
        shared = drawing_source(()) + f"\nexport {{ {', '.join(SHARED_EXPORTS)} }};\n"
        (folder / "views" / "_shared-test.js").write_text(shared, encoding="utf-8")
        self.count = 0

    def show(self, *views, width: int = 1000, height: int = 900):  # type: ignore[no-untyped-def]
        """Return a new page showing ``views``, live, once every one has drawn its figure."""
        for view in views:
            (self.folder / "views" / f"{view.module}.js").write_text(view._esm, encoding="utf-8")
        self.count += 1
        name = f"page{self.count}.html"
        (self.folder / name).write_text(page_html(list(views)), encoding="utf-8")
        page = self.browser.new_page(viewport={"width": width, "height": height})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.errors = errors
        page.goto(f"{self.url}/{name}")
        page.wait_for_function(f"document.querySelectorAll('.ce-view .ce-figure svg').length >= {len(views)}")
        page.wait_for_function("window.ce !== undefined")
        return page


@pytest.fixture(scope="session")
def view_pages():  # type: ignore[no-untyped-def]
    """A browser and a served folder for :class:`ViewPages`, shared by the whole session."""
    require_browser()
    with tempfile.TemporaryDirectory(prefix="ce-views-") as scratch, served(Path(scratch)) as url:
        with launched_browser() as browser:
            yield ViewPages(browser, Path(scratch), url)


def set_control(view_element, index: int, value) -> None:  # type: ignore[no-untyped-def]
    """Set the view's ``index``-th control to ``value`` as a learner would (an input event)."""
    control = view_element.locator(".ce-control input").nth(index)
    kind = control.get_attribute("type")
    if kind == "range":
        control.evaluate(
            "(el, v) => { el.value = String(v); el.dispatchEvent(new Event('input', {bubbles: true})); }", value
        )
    else:
        control.evaluate(
            "(el, v) => { el.checked = v; el.dispatchEvent(new Event('change', {bubbles: true})); }", bool(value)
        )


def readout(view_element) -> str:
    """Return the view's readout as its text (spaces kept as they are)."""
    return view_element.locator(".ce-readout").text_content()


#: A text's box, relative to its SVG's: [left, top, right, bottom, its words, the SVG's width].
TEXT_BOX = (
    "e => { const s = e.ownerSVGElement.getBoundingClientRect(), b = e.getBoundingClientRect();"
    " return [b.left - s.left, b.top - s.top, b.right - s.left, b.bottom - s.top, e.textContent, s.width]; }"
)


def text_problems(boxes: list[list]) -> list[str]:  # type: ignore[type-arg]
    """Return what a reader would see wrong in texts with these boxes (``TEXT_BOX``): one on another, or cut off."""
    problems = [f"{box[4]!r} runs off the figure" for box in boxes if box[0] < -1 or box[2] > box[5] + 1]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
            if overlap[0] > 1 and overlap[1] > 1:
                problems.append(f"{a[4]!r} overlaps {b[4]!r}")
    return problems


#: In the page: lay an SVG's markup out, return its texts' boxes (``TEXT_BOX``), and take it out again.
MARKUP_TEXT_BOXES = (
    "markup => { const holder = document.createElement('div'); holder.innerHTML = markup;"
    " document.body.append(holder);"
    f" const boxes = [...holder.querySelectorAll('svg text')].map({TEXT_BOX}); holder.remove(); return boxes; }}"
)


def picture_problems(page, markup: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Return what a reader would see wrong in a picture (SVG markup): texts on top of one another, or cut off."""
    return text_problems(page.evaluate(MARKUP_TEXT_BOXES, markup))


def browser_pictures(page, view, widths, uid: str = "ce") -> dict[int, tuple[str, list[str]]]:  # type: ignore[no-untyped-def]
    """For each width, return the SVG markup the view's module draws in the browser for the view's state (its
    FIGURE.draw), and what a reader would see wrong in it (as :func:`picture_problems` says), in one call."""
    drawn = page.evaluate(
        "async ([module, state, widths, uid]) => { const { FIGURE } = await import(`./views/${module}.js`);"
        f" const boxes = {MARKUP_TEXT_BOXES};"
        " return widths.map(width => { const markup = FIGURE.draw(state, width, uid);"
        " return [markup, boxes(markup)]; }); }",
        [view.module, view.state(), list(widths), uid],
    )
    return {width: (markup, text_problems(boxes)) for width, (markup, boxes) in zip(widths, drawn, strict=True)}


def module_readouts(page, module: str, states: list[dict]) -> list[str]:  # type: ignore[no-untyped-def, type-arg]
    """Return the readout the view module ``module`` (``views/<module>.js``) computes in the page for each state."""
    return page.evaluate(
        "async ([module, states]) => { const { FIGURE } = await import(`./views/${module}.js`);"
        " return states.map(FIGURE.describe); }",
        [module, states],
    )


#: The rules axe-core files under WCAG 2.0 and 2.1, levels A and AA.
WCAG_A_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def axe_violations(page, context: str | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    """Run axe-core's WCAG 2.1 A and AA rules in ``page``; describe each serious or critical violation.

    axe-core comes from the ``axe-playwright-python`` package (its ``axe.min.js``, injected into the
    page: nothing is fetched from a CDN). ``context`` is a CSS selector to audit only part of the
    page (e.g. ``".ce-view"``); by default the whole document. Returns one line per violated rule,
    with how many elements break it and the first of them; an empty list means the page passes.
    """
    from importlib.resources import files

    page.evaluate((files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": list(WCAG_A_AA)}, "resultTypes": ["violations"]}
    results = page.evaluate("([context, options]) => axe.run(context ?? document, options)", [context, options])
    return [
        f"{rule['id']} ({rule['impact']}, {len(rule['nodes'])}×): {rule['help']}; e.g. {rule['nodes'][0]['html'][:160]}"
        f" — {rule['nodes'][0]['failureSummary']}"
        for rule in results["violations"]
        if rule["impact"] in ("serious", "critical")
    ]
