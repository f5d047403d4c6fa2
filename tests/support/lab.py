"""A real JupyterLab in a real browser, for the end-to-end test and the latency benchmark.

``running_lab()`` starts ``jupyter lab`` on a free 127.0.0.1 port with a token, a throw-away
settings, workspace and runtime folder and a throw-away copy of the notebooks (so nothing a
test does can touch the repository's files), and Debian's Chromium through Playwright. It
stops both at the end, pass or fail. Its parts (``scratch_copy``, ``running_server``,
``chromium``, ``offline_log``) start Notebook 7 and Voilà too (``tests/support/frontends.py``).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Where the browser tests put their screenshots (git-ignored), so a failure can be looked at.
SCREENSHOTS = ROOT / "artifacts" / "browser"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SETTINGS = {
    # Render every cell, not just those near the viewport, so every output can be found.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    # Never write the test's outputs back to disk, and never reach for the network.
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
}
IDLE, BUSY = "Python 3 (ipykernel) | Idle", "Python 3 (ipykernel) | Busy"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Lab:
    """A running JupyterLab: where it is, and a Playwright browser to look at it with."""

    url: str
    token: str
    root: Path
    browser: object  # playwright.sync_api.Browser

    def open_notebook(
        self, path: str, viewport: tuple[int, int] = (1400, 1000), init_script: str | None = None, record: bool = False
    ):
        """Open ``path`` (relative to the served folder) alone in a new page; wait for an idle kernel.

        ``init_script`` is JavaScript run in the page before JupyterLab loads (the benchmark's
        timers). With ``record``, the page is routed by :func:`offline_log` and its log is ``page.log``.
        """
        page = self.browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        if init_script:
            page.add_init_script(init_script)
        if record:
            page.log = offline_log(page, self.url)
        workspace = f"w{secrets.token_hex(4)}"  # a workspace of its own: no tabs from earlier pages
        page.goto(f"{self.url}/lab/workspaces/{workspace}/tree/{path}?token={self.token}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
        page.get_by_text(IDLE).wait_for(timeout=90_000)
        return page


def offline_log(page, url: str) -> dict[str, list[str]]:
    """Let ``page`` reach only ``url`` (and ``data:``): refuse and record every other request, and record errors.

    Returns ``{"outside": [...], "errors": [...]}``, filled in as the page runs: the refused
    addresses, and the page's uncaught errors and console errors (with where each came from).
    The routing runs in Playwright's calls: wait with ``page.wait_for_timeout``, never
    ``time.sleep``, or the page's requests wait too.
    """
    log: dict[str, list[str]] = {"outside": [], "errors": []}

    def route(request_route) -> None:
        address = request_route.request.url
        if address.startswith(url) or address.startswith(("data:", "blob:")):
            request_route.continue_()
        else:
            log["outside"].append(address)
            request_route.abort()

    def console(message) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            log["errors"].append(f"{message.text} ({where})" if where else message.text)

    page.route("**/*", route)
    page.on("pageerror", lambda error: log["errors"].append(f"{error}\n{error.stack}"))
    page.on("console", console)
    return log


@contextlib.contextmanager
def busy_kernel(page, seconds: float) -> Iterator[None]:
    """Keep the notebook's kernel busy for ``seconds``: add a cell that sleeps at the end and run it.

    The cell runs in the notebook's own session, as a learner's long cell would. On exit, wait
    until the cell has finished (its prompt shows its number).
    """
    page.locator(".jp-Notebook .jp-Cell").last.locator(".jp-InputPrompt").click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")  # a new code cell below, in command mode
    page.keyboard.press("Enter")
    page.keyboard.type(f"import time; time.sleep({seconds})")
    page.keyboard.press("Control+Enter")
    page.get_by_text(BUSY).wait_for(timeout=30_000)
    yield
    prompt = page.locator(".jp-Notebook .jp-CodeCell").last.locator(".jp-InputPrompt")
    page.wait_for_function("p => /\\[\\d+\\]/.test(p.textContent)", arg=prompt.element_handle(),
                           timeout=int(seconds * 1000) + 60_000)  # fmt: skip


def menu(page, menu_name: str, item: str) -> None:
    """Choose ``item`` from the menu bar's ``menu_name`` menu, as a person would."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(menu_name)}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")).click()


def wait_until_idle(page, timeout_ms: int = 120_000) -> None:
    """Wait until JupyterLab's status bar says the notebook's kernel is idle."""
    page.get_by_text(IDLE).wait_for(timeout=timeout_ms)


def run_all(page, timeout_ms: int = 120_000, until_idle: Callable[..., None] = wait_until_idle) -> None:
    """Clear every output, run every cell, and wait until each has run and the kernel is idle.

    Clearing first makes the wait honest: the stored outputs carry execution counts too.
    ``until_idle(page, timeout_ms)`` waits for an idle kernel (Notebook 7 has no status bar).
    """
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].every(p => !/\\d/.test(p.textContent))",
        timeout=timeout_ms,
    )
    menu(page, "Run", "Run All Cells")
    # A solution cell's prompt is hidden with its source (empty text): skip those.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
        ".filter(p => p.textContent.trim()).every(p => /\\[\\d+\\]/.test(p.textContent))",
        timeout=timeout_ms,
    )
    until_idle(page, timeout_ms)  # every cell has run (each prompt shows its number), and the kernel is done


def _write_settings(folder: Path) -> None:
    for plugin, values in SETTINGS.items():
        path = folder / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def _wait_until_up(probe_url: str, server: subprocess.Popen, log: Path, name: str) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"{name} exited early:\n{log.read_text(encoding='utf-8')[-3000:]}")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(probe_url, timeout=2)
            return
        time.sleep(0.25)
    raise RuntimeError(f"{name} did not answer within 90 s:\n{log.read_text(encoding='utf-8')[-3000:]}")


@contextlib.contextmanager
def scratch_copy(prefix: str, extra_files: dict[str, str] | None = None) -> Iterator[tuple[Path, Path]]:
    """Yield a throw-away folder and, inside it, the folder to serve: a copy of ``notebooks/``.

    ``extra_files`` maps file names to text written beside the copied notebooks. The folder
    (with the server's settings, runtime files and log) is removed at the end, pass or fail.
    """
    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        served = scratch / "served"
        shutil.copytree(ROOT / "notebooks", served / "notebooks")
        for name, content in (extra_files or {}).items():
            (served / "notebooks" / name).write_text(content, encoding="utf-8")
        _write_settings(scratch / "settings")
        yield scratch, served
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


@contextlib.contextmanager
def running_server(command: list[str], probe_url: str, scratch: Path, cwd: Path | None = None) -> Iterator[None]:
    """Run ``command`` (a Jupyter server) until ``probe_url`` answers; stop it at the end, whatever happens.

    Its Jupyter config and runtime folders are inside ``scratch``, as is its log (``server.log``),
    whose tail is shown if it exits early or never answers.
    """
    environment = {**os.environ, "JUPYTER_RUNTIME_DIR": str(scratch / "runtime"), "JUPYTER_CONFIG_DIR": str(scratch)}
    log = scratch / "server.log"
    with log.open("w", encoding="utf-8") as log_file:
        server = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, env=environment, cwd=cwd)
    try:
        _wait_until_up(probe_url, server, log, " ".join(command[:4]))
        yield
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def chromium():  # type: ignore[no-untyped-def]
    """Start Debian's Chromium through the process's one Playwright (``pages.launched_browser``)."""
    from .pages import launched_browser

    return launched_browser()


def jupyter_server_options(port: int, token: str, served: Path) -> list[str]:
    """The options every Jupyter server here is started with: loopback, this port and token, ``served``."""
    return [
        "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={served}",
    ]  # fmt: skip


@contextlib.contextmanager
def running_lab(extra_files: dict[str, str] | None = None) -> Iterator[Lab]:
    """Start JupyterLab and Chromium; yield a :class:`Lab`; stop both, whatever happens.

    ``extra_files`` maps file names to text written beside the copied notebooks (the
    benchmark adds its own notebook this way).
    """
    token, port = secrets.token_hex(16), free_port()
    url = f"http://127.0.0.1:{port}"
    with scratch_copy("ce-lab-", extra_files) as (scratch, served):
        command = [
            sys.executable, "-m", "jupyter", "lab", *jupyter_server_options(port, token, served),
            f"--LabApp.user_settings_dir={scratch / 'settings'}", f"--LabApp.workspaces_dir={scratch / 'workspaces'}",
        ]  # fmt: skip
        with running_server(command, f"{url}/api/status?token={token}", scratch), chromium() as browser:
            yield Lab(url, token, served, browser)
