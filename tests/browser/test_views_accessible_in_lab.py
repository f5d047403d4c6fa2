"""Accessibility in JupyterLab: a notebook's views pass axe-core's WCAG 2.0/2.1 A and AA rules.

The same audit as the static edition's (``test_accessibility.py``: axe-core from the
``axe-playwright-python`` package, no serious or critical violation), run once, after a run of
the notebook, on its ``.ce-view`` elements: JupyterLab's own chrome is not ours. (A module of its
own: JupyterLab's Playwright cannot run beside the static edition's.)
"""

from __future__ import annotations

from ..support.lab import run_all, running_lab
from ..support.pages import axe_violations, require_browser

#: Three different views: softmax, the divergence bars, the clipping rules with their table.
NOTEBOOK = "notebooks/06_beyond_two_classes.ipynb"


def test_the_views_pass_axe_in_jupyterlab():
    require_browser()
    with running_lab() as lab:
        page = lab.open_notebook(NOTEBOOK)
        run_all(page)
        page.wait_for_function("document.querySelectorAll('.ce-view .ce-figure svg').length >= 3")
        violations = axe_violations(page, ".ce-view")
        page.close()
    assert violations == [], "\n".join(violations)
