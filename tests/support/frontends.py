"""Jupyter Notebook 7 and Voilà in a real browser, started the way ``running_lab`` starts JupyterLab.

``running_notebook7()`` starts ``jupyter notebook`` and ``running_voila(file)`` starts
``voila notebooks/<file>`` as the README does (the ``voila`` command, in the repository's top
folder, so it reads the project's ``voila.py``), each on a free 127.0.0.1 port with a token, with
throw-away settings, config and runtime folders and a throw-away copy of the notebooks, and
Debian's Chromium through Playwright; each stops both at the end, pass or fail
(``tests/support/lab.py`` does the starting and stopping).

Every page they open is routed by ``offline_log`` (``tests/support/lab.py``): requests to the
server go on, every other one is refused and recorded in ``page.log``, and so are the page's errors.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import shlex
import sys
import sysconfig
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .lab import ROOT, chromium, free_port, jupyter_server_options, offline_log, running_server, scratch_copy


@dataclass
class Notebook7:
    """A running Jupyter Notebook 7 server: where it is, and a Playwright browser to look at it with."""

    url: str
    token: str
    root: Path
    browser: object  # playwright.sync_api.Browser

    def open_notebook(self, path: str, viewport: tuple[int, int] = (1400, 1000)):
        """Open ``path`` (relative to the served folder) in a new page, routed by :func:`offline_log`.

        Waits until its cells are shown and its kernel is idle; the page's log is ``page.log``.
        """
        page = self.browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        page.log = offline_log(page, self.url)
        page.notebook_path = path
        page.goto(f"{self.url}/notebooks/{path}?token={self.token}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
        self.until_idle(page, 90_000)
        return page

    def until_idle(self, page, timeout_ms: int = 120_000) -> None:
        """Wait until the kernel of the notebook open in ``page`` is idle, as the server sees it.

        (Notebook 7 has no status bar to read; its kernel indicator shows nothing when idle.)
        """
        deadline = time.monotonic() + timeout_ms / 1000
        while time.monotonic() < deadline:
            with urllib.request.urlopen(f"{self.url}/api/sessions?token={self.token}", timeout=5) as answer:
                sessions = json.load(answer)
            states = [s["kernel"]["execution_state"] for s in sessions if s["path"] == page.notebook_path]
            if states == ["idle"]:
                return
            page.wait_for_timeout(100)  # not time.sleep: the page's routed requests wait on Playwright
        raise AssertionError(f"the kernel of {page.notebook_path} was not idle within {timeout_ms} ms")


@contextlib.contextmanager
def running_notebook7() -> Iterator[Notebook7]:
    """Start Jupyter Notebook 7 and Chromium; yield a :class:`Notebook7`; stop both, whatever happens."""
    token, port = secrets.token_hex(16), free_port()
    url = f"http://127.0.0.1:{port}"
    with scratch_copy("ce-notebook7-") as (scratch, served):
        command = [
            sys.executable, "-m", "jupyter", "notebook", *jupyter_server_options(port, token, served),
            f"--JupyterNotebookApp.user_settings_dir={scratch / 'settings'}",
            f"--JupyterNotebookApp.workspaces_dir={scratch / 'workspaces'}",
        ]  # fmt: skip
        with running_server(command, f"{url}/api/status?token={token}", scratch), chromium() as browser:
            yield Notebook7(url, token, served, browser)


@dataclass
class Voila:
    """A running Voilà showing one notebook as an app, and a Playwright browser to look at it with."""

    url: str
    token: str
    browser: object  # playwright.sync_api.Browser
    opened: Path  # where the page Voilà opens in a web browser on start is put

    def open_app(self, viewport: tuple[int, int] = (1400, 1000)):
        """Open the app in a new page routed by :func:`offline_log` (its log is ``page.log``).

        Voilà runs every cell before it shows the page: this waits until the first view has drawn.
        """
        page = self.browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        page.log = offline_log(page, self.url)
        page.goto(f"{self.url}/?token={self.token}", timeout=120_000)
        page.wait_for_selector(".ce-view .ce-figure svg", timeout=120_000)
        return page

    def page_opened_on_start(self, timeout_s: float = 30) -> str:
        """The HTML of the page Voilà opened in a web browser when it started (it leads to the app)."""
        deadline = time.monotonic() + timeout_s
        while not self.opened.exists():
            if time.monotonic() > deadline:
                raise AssertionError(f"Voilà opened no page in a browser within {timeout_s} s")
            time.sleep(0.1)
        return self.opened.read_text(encoding="utf-8")


@contextlib.contextmanager
def running_voila(file: str) -> Iterator[Voila]:
    """Start Voilà on ``notebooks/<file>`` (a throw-away copy) and Chromium; yield a :class:`Voila`; stop both.

    As in the README, the ``voila`` command runs in the repository's top folder (where Voilà reads
    the project's settings, ``voila.py``) and opens a web browser: here a stand-in that moves the page
    Voilà wrote for it to ``Voila.opened`` (``python -m voila`` would import ``voila.py`` instead).
    """
    token, port = secrets.token_hex(16), free_port()
    url = f"http://127.0.0.1:{port}"
    with scratch_copy("ce-voila-") as (scratch, served):
        opened = scratch / "opened-in-a-browser.html"
        stand_in = shlex.join(["sh", "-c", f'mv "${{0#file://}}" {shlex.quote(str(opened))}']) + " %s"
        command = [
            str(Path(sysconfig.get_path("scripts")) / "voila"), str(served / "notebooks" / file), f"--port={port}",
            "--Voila.ip=127.0.0.1", "--Voila.port_retries=0", f"--token={token}", f"--Voila.browser={stand_in}",
        ]  # fmt: skip
        # A static file answers without running the notebook (the app's page would run it).
        probe = f"{url}/voila/static/voila.js"
        with running_server(command, probe, scratch, cwd=ROOT), chromium() as browser:
            yield Voila(url, token, browser, opened)
