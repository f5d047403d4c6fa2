"""A plain ``jupyter nbconvert --to html --execute``, as the README gives it, shows every figure.

By default nbconvert stores the widgets' state when it runs a notebook, and then renders each view
as a widget (``application/vnd.jupyter.widget-view+json`` comes first in its HTML exporter's
display priority, once the state is there): a ``<div class="jupyter-widgets">`` that only
``@jupyter-widgets/html-manager``, fetched from a CDN, could fill, and that knows nothing of our
views: an empty strip. With ``--ExecutePreprocessor.store_widget_state=False`` there is no state,
nbconvert's ``WidgetsDataTypeFilter`` skips the widget view, and each view shows the picture it
stores (``image/png``). This test runs the README's command on one notebook into a temporary folder
and opens the page in Chromium with every request that would leave the machine refused.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys

from ce_lib.views._base import STATE_MIME

from ..support.lab import ROOT
from ..support.pages import launched_browser, require_browser


def readme_command() -> list[str]:
    """The README's plain nbconvert command, as words (the one that converts to HTML and executes)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line.strip() for line in readme.splitlines() if re.match(r"\s*[\w./-]*jupyter nbconvert --to html ", line)]
    assert len(lines) == 1, "the README gives one plain nbconvert command to HTML"
    return shlex.split(lines[0])


def view_cells(notebook: dict) -> list[str]:
    """The ids of the cells whose output is a view."""
    return [
        cell["id"]
        for cell in notebook["cells"]
        if any(STATE_MIME in output.get("data", {}) for output in cell.get("outputs", []))
    ]


def test_the_readme_command_shows_every_figure(tmp_path):
    require_browser()
    words = readme_command()
    assert words[0].endswith("jupyter") and "--output-dir" in words
    words[words.index("--output-dir") + 1] = str(tmp_path)
    notebooks = [word for word in words if word.endswith(".ipynb")]
    assert len(notebooks) == 1
    subprocess.run([sys.executable, "-m", "jupyter", *words[1:]], cwd=ROOT, check=True, capture_output=True)
    page_file = tmp_path / (notebooks[0].rsplit("/", 1)[-1].removesuffix(".ipynb") + ".html")
    text = page_file.read_text(encoding="utf-8")
    assert "jupyter-widgets" not in text, "a view was rendered as a widget (an empty strip without its state)"

    cells = view_cells(json.loads((ROOT / notebooks[0]).read_text(encoding="utf-8")))
    assert cells
    chunks = re.split(r'(?=<div [^>]*id="cell-id=)', text)
    for cell in cells:
        [chunk] = [chunk for chunk in chunks if f'id="cell-id={cell}"' in chunk]
        assert re.search(r'<img [^>]*src="data:image/png;base64,[A-Za-z0-9+/=]{1000}', chunk) or "<svg" in chunk, (
            f"cell {cell} shows no picture"
        )

    with launched_browser() as browser:
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                   else route.abort())  # fmt: skip
        page.goto(page_file.as_uri())
        for cell in cells:
            picture = page.locator(f'[id="cell-id={cell}"] .jp-OutputArea-output img').first
            assert picture.evaluate("img => img.complete && img.naturalWidth") > 300, f"cell {cell}'s picture"
            assert picture.bounding_box()["height"] > 100
        page.close()
