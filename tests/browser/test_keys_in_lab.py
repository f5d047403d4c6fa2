"""In JupyterLab and Chromium: every key moves every control of every view, Page Up, Page Down,
Home and End as well as the arrows (``test_notebooks_in_lab.py`` presses → and ← only).

The same checks as in Notebook 7 (``test_notebook7.py``, ``tests/support/keyboard.py``), on the
notebooks that between them have every kind of control: each key moves its control and redraws
the figure at once, the notebook's active cell stays where it is, and the kernel then confirms
each view's numbers. Nothing leaves loopback, and the page logs no error.
"""

from __future__ import annotations

import pytest

from ..support.keyboard import confirmed_by_the_kernel, press_every_key
from ..support.lab import ROOT, run_all, running_lab
from ..support.pages import require_browser

SCREENSHOTS = ROOT / "artifacts" / "browser"
#: 06 has sliders, a log slider and radio buttons; 07 sliders and check boxes.
NOTEBOOKS = ("06_beyond_two_classes.ipynb", "07_learning_the_line.ipynb")


@pytest.fixture(scope="module")
def lab():
    require_browser()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with running_lab() as running:
        yield running


@pytest.mark.parametrize("file", NOTEBOOKS)
def test_every_key_moves_every_control_in_jupyterlab(lab, file):
    page = lab.open_notebook(f"notebooks/{file}", record=True)
    try:
        run_all(page)
        views = page.locator(".ce-view")
        assert views.count() >= 1
        kinds = set()
        for index in range(views.count()):
            keyboard = press_every_key(views.nth(index))
            kinds |= {press.before["kind"] for press in keyboard.presses}
            confirmed_by_the_kernel(page, views.nth(index), keyboard.readout)
        page.screenshot(path=str(SCREENSHOTS / f"lab-{file.replace('.ipynb', '')}-keys.png"))
        assert {"range", "radio"} <= kinds or {"range", "checkbox"} <= kinds
        assert page.log == {"outside": [], "errors": []}
    finally:
        page.close()
