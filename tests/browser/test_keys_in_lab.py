"""In JupyterLab and Chromium: every key moves every control of every view, Page Up, Page Down,
Home and End as well as the arrows (``test_notebooks_in_lab.py`` presses → and ← only).

The same checks as in Notebook 7 (``test_notebook7.py``, ``tests/support/keyboard.py``), on the
notebooks that between them have every kind of control: each key moves its control and redraws
the figure at once, the notebook's active cell stays where it is, and the kernel then confirms
each view's numbers. Nothing leaves loopback, and the page logs no error.
"""

from __future__ import annotations

import pytest

from ..support.keyboard import every_view_takes_every_key
from ..support.lab import SCREENSHOTS, run_all

#: 06 has sliders, a log slider and radio buttons; 07 sliders and check boxes.
NOTEBOOKS = ("06_beyond_two_classes.ipynb", "07_learning_the_line.ipynb")


@pytest.mark.parametrize("file", NOTEBOOKS)
def test_every_key_moves_every_control_in_jupyterlab(lab, file):
    page = lab.open_notebook(f"notebooks/{file}", record=True)
    try:
        run_all(page)
        kinds = every_view_takes_every_key(page)
        page.screenshot(path=str(SCREENSHOTS / f"lab-{file.replace('.ipynb', '')}-keys.png"))
        assert {"range", "radio"} <= kinds or {"range", "checkbox"} <= kinds
        assert page.log == {"outside": [], "errors": []}
    finally:
        page.close()
