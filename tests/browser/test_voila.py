"""A notebook shown as an app by Voilà, in Chromium: its views draw, follow the keyboard, and the
kernel confirms their numbers, with every request that would leave loopback refused.

Voilà is started as the README says (``voila notebooks/<file> --no-browser``), on a free loopback
port with a token, on a throw-away copy of the notebooks.

What Voilà itself does that the project cannot change, and so what this test allows:

- its page template (``lab``, the default) links two Font Awesome stylesheets from a CDN. They are
  refused here, as a classroom without internet would; the app uses no icon and works without
  them. Any other request leaving loopback fails the test.
- its front end is built on an older JupyterLab than some installed JupyterLab extensions (Notebook
  7's own among them), and logs an error for each one it cannot load (module federation's
  ``RUNTIME-012``). None of them is needed by the app. Any other error fails the test, and so does
  any error at all once the views have drawn.
"""

from __future__ import annotations

import re

import pytest

from ..support.frontends import running_voila
from ..support.keyboard import confirmed_by_the_kernel, press_key
from ..support.lab import ROOT
from ..support.pages import require_browser

SCREENSHOTS = ROOT / "artifacts" / "browser"
NOTEBOOK = "03_negative_log_summed.ipynb"
#: The stylesheets Voilà's page template links from a CDN (refused here).
VOILA_TEMPLATE_CDN = re.compile(r"https://cdn\.jsdelivr\.net/npm/@fortawesome/fontawesome-free@[^/]+/css/[\w.-]+\.css")


def voila_cannot_host_an_extension(error: str) -> bool:
    """True for the error Voilà logs when it cannot load an installed JupyterLab extension."""
    return "#RUNTIME-012" in error and "/voila/labextensions/" in error


@pytest.fixture(scope="module")
def voila():
    require_browser()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with running_voila(NOTEBOOK) as running:
        yield running


def test_voila_shows_the_notebook_as_an_app_that_follows_the_keyboard(voila):
    page = voila.open_app()
    try:
        # Nothing of the notebook's code is shown, only its outputs: the views, drawn live.
        views = page.locator(".ce-view")
        assert views.count() >= 1
        assert page.locator(".jp-InputArea-editor, .cm-editor").count() == 0, "Voilà shows code"
        assert page.get_by_text("Error displaying widget").count() == 0
        view = views.first
        view.scroll_into_view_if_needed()
        loading = list(page.log["errors"])
        # Move a slider with the keyboard: each key redraws the figure at once.
        control = view.locator(".ce-control").first.element_handle()
        name = control.evaluate("c => c.querySelector('label').textContent")
        for key in ("ArrowRight", "PageUp", "Home", "End", "ArrowLeft"):
            last = press_key(page, control, name, key, moves=True)
        confirmed_by_the_kernel(page, view, last.after["readout"])
        page.screenshot(path=str(SCREENSHOTS / "voila-03-keys.png"))

        assert all(VOILA_TEMPLATE_CDN.fullmatch(address) for address in page.log["outside"]), page.log["outside"]
        refused = [e for e in loading if e.startswith("Failed to load resource") and VOILA_TEMPLATE_CDN.search(e)]
        voila_own = [e for e in loading if voila_cannot_host_an_extension(e)]
        others = [e for e in loading if e not in refused and e not in voila_own]
        assert others == [], "errors while the app loaded"
        assert page.log["errors"][len(loading) :] == [], "errors once the views had drawn"
    finally:
        page.close()
