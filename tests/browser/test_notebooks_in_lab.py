"""End to end, in real JupyterLab and Chromium: every notebook runs clean, and the sliders work.

Screenshots go to ``artifacts/browser/`` (git-ignored) so a failure can be looked at.
Outside CI, a machine without Debian's Chromium skips these tests with the reason; in CI
(``CI=true``) a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import importlib.util
import os
import re
import time
from pathlib import Path

import numpy as np
import pytest

import ce_lib
from ce_lib import course, data
from ce_lib.formatting import format_number
from ce_lib.learning import line_cross_entropy, line_weights

from .lab import CHROMIUM, ROOT, menu, run_all, running_lab

SCREENSHOTS = ROOT / "artifacts" / "browser"
POINTS, LABELS = data.POINT_POSITIONS, data.POINT_LABELS
MODEL_TOTALS = {
    "01": ("product", ce_lib.product_of_probabilities),
    "02": ("log", ce_lib.sum_of_logs),
    "03": ("error", lambda p: ce_lib.cross_entropy(np.ones(len(p)), p)),
}


def _browser_missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is missing"
    return None


@pytest.fixture(scope="module")
def lab():
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"the browser test must run in CI, but {missing}")
        pytest.skip(missing)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with running_lab() as running:
        yield running


def wait_for_text(locator, wanted: list[str], timeout: float = 10.0) -> str:
    """Wait until the element's text contains every string in ``wanted``; return the text."""
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = locator.inner_text()
        if all(piece in shown for piece in wanted):
            return shown
        time.sleep(0.05)
    raise AssertionError(f"the page shows {shown!r}, not {wanted!r}")


def move_first_slider(app, presses: int = 3) -> None:
    """Focus the app's first slider handle and move it right with the keyboard."""
    handle = app.locator(".widget-slider .noUi-handle").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(presses):
        handle.press("ArrowRight")


def slider_values(app) -> list[float]:
    # Slider readouts print negative numbers with a real minus sign (U+2212).
    return [float(text.replace("−", "-")) for text in app.locator(".widget-readout").all_inner_texts()]


def figure_image(app, path: Path) -> bytes:
    figure = app.locator(".ce-figure canvas").first
    figure.scroll_into_view_if_needed()
    return figure.screenshot(path=str(path))


def wait_for_new_figure(app, before: bytes, path: Path, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if figure_image(app, path) != before:
            return
        time.sleep(0.1)
    raise AssertionError("the figure's pixels did not change after the slider moved")


@pytest.mark.parametrize("file", [notebook.file for notebook in course.NOTEBOOKS])
def test_notebook_runs_clean_and_its_sliders_work(lab, file):
    page = lab.open_notebook(f"notebooks/{file}")
    try:
        run_all(page)
        shot = SCREENSHOTS / file.replace(".ipynb", "")
        page.screenshot(path=f"{shot}-after-run-all.png")
        assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0, "an error or warning"
        assert page.get_by_text("Error displaying widget").count() == 0
        apps = page.locator(".ce-app")
        assert apps.count() >= 1, "no app rendered"
        number = file[:2]
        if number in MODEL_TOTALS:
            check_model_app(apps.first, *MODEL_TOTALS[number], shot)
        elif number == "04":
            check_doors_app(apps.first, shot)
        elif number == "06":
            check_app_by_sliders(apps.first, shot, lambda v: ce_lib.cross_entropy_from_class_logits(0, v[:3]), 0.1)
        elif number == "07":
            check_app_by_sliders(
                apps.first, shot, lambda v: line_cross_entropy(line_weights(*v[:3]), POINTS, LABELS), 1.0
            )
    finally:
        page.close()


def check_model_app(app, step, total, shot: Path) -> None:
    readout = app.locator(".ce-readout")
    before = figure_image(app, Path(f"{shot}-figure-before.png"))
    values = slider_values(app)
    move_first_slider(app, presses=3)
    expected_a = round(values[0] + 0.03, 2)
    deadline = time.monotonic() + 10
    while slider_values(app)[0] != expected_a and time.monotonic() < deadline:
        time.sleep(0.05)
    values = slider_values(app)
    assert values[0] == expected_a, f"the slider shows {values[0]}, not {expected_a}"
    a, b = values[:4], values[4:]
    wanted = [f"model A: {format_number(total(a))}", f"model B: {format_number(total(b))}"]
    wait_for_text(readout, wanted)
    wait_for_new_figure(app, before, Path(f"{shot}-figure-after.png"))


def check_app_by_sliders(app, shot: Path, shown_value, step: float) -> None:
    """Move the first slider one step; the readout must show ``shown_value(slider values)``."""
    before = figure_image(app, Path(f"{shot}-figure-before.png"))
    start = slider_values(app)
    move_first_slider(app, presses=1)
    deadline = time.monotonic() + 10
    while slider_values(app)[0] == start[0] and time.monotonic() < deadline:
        time.sleep(0.05)
    values = slider_values(app)
    assert values[0] == pytest.approx(start[0] + step)
    wait_for_text(app.locator(".ce-readout"), [format_number(shown_value(values))])
    wait_for_new_figure(app, before, Path(f"{shot}-figure-after.png"))


def check_doors_app(app, shot: Path) -> None:
    readout = app.locator(".ce-readout")
    before = figure_image(app, Path(f"{shot}-figure-before.png"))
    move_first_slider(app, presses=5)
    deadline = time.monotonic() + 10
    while slider_values(app)[0] != 0.85 and time.monotonic() < deadline:
        time.sleep(0.05)
    doors = slider_values(app)
    assert doors[0] == 0.85
    table = ce_lib.outcome_table(doors)
    wanted = [format_number(row.cross_entropy) for row in table] + [format_number(table.most_likely().probability)]
    shown = wait_for_text(readout, wanted)
    most_likely_row = re.search(r"([^\n]*)★ most likely", shown)
    assert most_likely_row and format_number(table.most_likely().probability) in most_likely_row[1]
    wait_for_new_figure(app, before, Path(f"{shot}-figure-after.png"))


def test_notebook_03_presents_as_slides_with_its_figures(lab):
    """What the README tells a teacher: View → Render as Reveal Slideshow.

    jupyterlab_rise 0.43 does not render ipywidgets 8 inside the slideshow (upstream issues
    jupyterlab-contrib/rise#119 and #126), so a figure slide must show the app's stored
    picture, never "Error displaying widget"; the live sliders stay in the notebook beside it.
    """
    page = lab.open_notebook("notebooks/03_negative_log_summed.ipynb")
    try:
        # The slideshow opens at the active cell: select the title cell by its prompt area
        # (a click in the middle of the title cell could follow one of its links).
        page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").first.click()
        menu(page, "View", "Render as Reveal Slideshow")
        slides = page.frame_locator("iframe").first
        slides.locator(".reveal section").first.wait_for(timeout=60_000)
        assert slides.locator(".reveal .slides > section").count() >= 5
        assert "The negative log, summed" in slides.locator(".reveal section.present").first.inner_text()
        assert slides.locator(".reveal", has_text="Key takeaways").count() == 1
        shown = ".reveal section.present:not(.stack)"  # the slide on screen, not its vertical stack
        figure_cell = slides.locator(f"{shown} .jp-CodeCell", has_text='ModelComparisonApp("error")')
        for _ in range(40):  # forward through the deck, as the presenter's space bar does
            if figure_cell.count():
                break
            slides.locator("body").press("Space")
            page.wait_for_timeout(300)
        assert figure_cell.count() == 1, "no slide shows the model A vs B figure"
        picture = figure_cell.locator(".jp-OutputArea-output img").first
        picture.wait_for(timeout=30_000)
        assert picture.evaluate("img => img.naturalWidth") > 500, "the figure's picture did not load"
        assert slides.get_by_text("Error displaying widget").count() == 0
        page.screenshot(path=str(SCREENSHOTS / "03-slides-figure.png"))
    finally:
        page.close()
