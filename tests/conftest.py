"""Shared test set-up."""

# Build Matplotlib's font cache once, here, before any notebook kernel starts: on a fresh
# machine the first import prints "Matplotlib is building the font cache" to stderr, which
# nbval would (rightly) report as an unexpected output of the first notebook.
import matplotlib.font_manager  # noqa: F401

from tests.support.pages import view_pages  # noqa: F401  (a fixture for every test folder)
