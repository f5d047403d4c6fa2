"""A notebook shown as an app by Voilà, in Chromium: its views draw, follow the keyboard, and the
kernel confirms their numbers; no request leaves the machine and the console shows no error.

Voilà is started as the README says (``voila notebooks/<file>`` in the repository's top folder, so
with the project's ``voila.py``: its ``lab-offline`` template and its list of JupyterLab extensions
Voilà cannot load), on a free loopback port with a token, on a throw-away copy of the notebooks.
Every request that would leave loopback is refused and fails the test, and so does every console
error. The page Voilà opens in a web browser when it starts, and the app's page, name nothing to
fetch from another host (not even what they would fetch only for some notebooks).
"""

from __future__ import annotations

import re

import pytest

from ..support.frontends import running_voila
from ..support.keyboard import confirmed_by_the_kernel, press_key
from ..support.lab import SCREENSHOTS
from ..support.pages import require_browser

NOTEBOOK = "03_negative_log_summed.ipynb"
#: What a page would fetch: stylesheets, scripts, and modules imported by its scripts.
FETCHED = re.compile(
    r"""<link\b[^>]*?\bhref=["']([^"']+)|<script\b[^>]*?\bsrc=["']([^"']+)|\bimport\(\s*["']([^"']+)"""
)


def addresses_elsewhere(html: str, url: str) -> list[str]:
    """The absolute addresses ``html`` would fetch from anywhere but ``url`` (relative ones stay on it)."""
    fetched = [next(filter(None, match)) for match in FETCHED.findall(html)]
    return [a for a in fetched if re.match(r"[a-z][a-z0-9+.-]*://", a) and not a.startswith(f"{url}/")]


@pytest.fixture(scope="module")
def voila():
    require_browser()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with running_voila(NOTEBOOK) as running:
        yield running


def test_voila_shows_the_notebook_as_an_app_that_follows_the_keyboard_offline(voila):
    opened = voila.page_opened_on_start()
    assert f"{voila.url}/" in opened, "the page Voilà opens leads to the app"
    assert addresses_elsewhere(opened, voila.url) == []
    page = voila.open_app()
    try:
        # Nothing of the notebook's code is shown, only its outputs: the views, drawn live.
        views = page.locator(".ce-view")
        assert views.count() >= 1
        assert page.locator(".jp-InputArea-editor, .cm-editor").count() == 0, "Voilà shows code"
        assert page.get_by_text("Error displaying widget").count() == 0
        assert page.locator('link[href*="/static/index.css"]').count() >= 1, "JupyterLab's style, served by Voilà"
        assert addresses_elsewhere(page.content(), voila.url) == []
        view = views.first
        view.scroll_into_view_if_needed()
        # Move a slider with the keyboard: each key redraws the figure at once.
        control = view.locator(".ce-control").first.element_handle()
        name = control.evaluate("c => c.querySelector('label').textContent")
        for key in ("ArrowRight", "PageUp", "Home", "End", "ArrowLeft"):
            last = press_key(page, control, name, key, moves=True)
        confirmed_by_the_kernel(page, view, last.after["readout"])
        page.screenshot(path=str(SCREENSHOTS / "voila-03-keys.png"))

        assert page.log["outside"] == [], "requests that left the machine"
        assert page.log["errors"] == [], "errors in the browser console"
    finally:
        page.close()
