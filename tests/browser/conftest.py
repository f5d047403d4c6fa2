"""What the browser tests share: a JupyterLab of their own for each test file that asks for one."""

from __future__ import annotations

import pytest

from ..support.lab import SCREENSHOTS, running_lab
from ..support.pages import require_browser


@pytest.fixture(scope="module")
def lab():
    """A running JupyterLab and Chromium (``support.lab.Lab``), one per test file, stopped after it."""
    require_browser()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with running_lab() as running:
        yield running
