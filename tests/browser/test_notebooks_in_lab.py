"""End to end, in real JupyterLab and Chromium: every English notebook (and three Chinese ones) runs
clean, every view follows its sliders at once with the kernel free or busy, and the kernel then
confirms the view's numbers.

Screenshots go to ``artifacts/browser/`` (git-ignored) so a failure can be looked at. Outside CI,
a machine without Debian's Chromium skips these tests with the reason; in CI (``CI=true``) a
missing browser is a failure, never a skip.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ce_lib import words
from tools import navigation
from tools.contents import NOTEBOOKS

from ..support.lab import SCREENSHOTS, busy_kernel, menu, run_all


def svg_of(view) -> str:
    return view.locator(".ce-figure").inner_html()


def press(view, key: str, times: int = 1) -> None:
    """Focus the view's first slider and press ``key``: the keyboard, as a learner would."""
    slider = view.locator("input.ce-slider").first
    slider.scroll_into_view_if_needed()
    slider.focus()
    for _ in range(times):
        slider.press(key)


def wait_for(condition, timeout: float = 15.0, what: str = "the page") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"{what} did not settle within {timeout} s")


def moved_and_confirmed(view, key: str) -> str:
    """Press ``key`` once; the figure must change at once; return the view's own readout.

    "At once": the SVG is read right after the key press returns, with no waiting; the view draws
    in the key's own event, so a kernel round trip could not have happened in between.
    """
    before = svg_of(view)
    press(view, key)
    assert svg_of(view) != before, "the figure did not change on the key press"
    return view.locator(".ce-readout").inner_text()


def confirmed(view) -> bool:
    return view.locator(".ce-readout").get_attribute("data-source") == "kernel"


def test_without_a_kernel_jupyterlab_shows_the_stored_pictures(lab):
    """Opened before any cell runs, a notebook shows each view's picture, never an error.

    It runs first (pytest keeps the file's order): once a notebook has run, its kernel keeps
    the views' models and JupyterLab would draw them live.
    """
    page = lab.open_notebook("notebooks/03_negative_log_summed.ipynb")
    try:
        pictures = page.locator(".jp-OutputArea-output img")
        wait_for(lambda: pictures.count() >= 1, what="the stored pictures")
        assert pictures.first.evaluate("img => img.naturalWidth") > 500
        assert page.get_by_text("Error displaying widget").count() == 0
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "03-before-run.png"))
    finally:
        page.close()


#: The Chinese notebooks run here besides every English one: the start, the plane's sliders, and the
#: log slider, radio buttons and four views of notebook 06. The others run the same code (a test
#: checks it) with other words, and nbval runs each of them clean.
CHINESE = ("00_start_here.ipynb", "03_negative_log_summed.ipynb", "06_beyond_two_classes.ipynb")
#: The notebooks run in JupyterLab, as their paths in the repository.
EDITIONS = [navigation.edition_path(n.file, words.SOURCE) for n in NOTEBOOKS] + [
    navigation.edition_path(file, "zh-CN") for file in CHINESE
]
#: A view's Chinese face, once the page has it: added by the view itself (the machine may have no Chinese font).
WIDE_FONT_LOADED = """() => [...document.fonts].some(
  (face) => face.family.replace(/"/g, '') === 'CE Noto Sans CJK SC' && face.status === 'loaded')"""


@pytest.mark.parametrize("path", EDITIONS)
def test_notebook_runs_clean_and_its_views_follow_their_sliders(lab, path):
    page = lab.open_notebook(path)
    try:
        run_all(page)
        shot = SCREENSHOTS / path.removeprefix("notebooks/").replace("/", "-").replace(".ipynb", "")
        assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0, "an error or warning"
        assert page.get_by_text("Error displaying widget").count() == 0
        views = page.locator(".ce-view")
        wait_for(lambda: views.count() >= 1, what="the views")
        for index in range(views.count()):
            view = views.nth(index)
            if view.locator("input.ce-slider").count() == 0:
                continue
            # Kernel free: the view redraws at once, and the kernel confirms the same words and digits.
            own = moved_and_confirmed(view, "ArrowRight")
            wait_for(lambda v=view: confirmed(v), what="the kernel's readout")
            assert view.locator(".ce-readout").inner_text() == own, "the kernel's numbers differ from the view's"
            if index > 0 or "/zh-CN/" in path:
                continue  # the kernel-busy check once per notebook (English: it does not depend on the words)
            # Kernel busy (a long cell running): the view still follows every key at once, and the
            # kernel confirms its numbers when it gets to them.
            with busy_kernel(page, seconds=2):
                for key in ("ArrowRight", "ArrowRight", "ArrowLeft"):
                    own = moved_and_confirmed(view, key)
            wait_for(lambda v=view: confirmed(v), what="the kernel's readout after the busy cell")
            assert view.locator(".ce-readout").inner_text() == own
        if "/zh-CN/" in path:  # the Chinese words are drawn with the face the view brought
            page.wait_for_function(WIDE_FONT_LOADED, timeout=15_000)
        page.screenshot(path=f"{shot}-after-sliders.png")
    finally:
        page.close()


def test_notebook_03_presents_as_slides(lab):
    """What the README tells a teacher: View → Render as Reveal Slideshow.

    jupyterlab_rise renders the deck in its own page; a view's slide must show the view live or
    its stored picture, never "Error displaying widget" (what holds is written in the README).
    """
    page = lab.open_notebook("notebooks/03_negative_log_summed.ipynb")
    try:
        run_all(page)
        page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").first.click()
        menu(page, "View", "Render as Reveal Slideshow")
        slides = page.frame_locator("iframe").first
        slides.locator(".reveal section").first.wait_for(timeout=60_000)
        assert slides.locator(".reveal .slides > section").count() >= 5
        assert "The negative log, summed" in slides.locator(".reveal section.present").first.inner_text()
        shown = ".reveal section.present:not(.stack)"
        figure_cell = slides.locator(f"{shown} .jp-CodeCell", has_text='ModelComparison("error")')
        for _ in range(40):  # forward through the deck, as the presenter's space bar does
            if figure_cell.count():
                break
            slides.locator("body").press("Space")
            page.wait_for_timeout(300)
        assert figure_cell.count() == 1, "no slide shows the model A vs B figure"
        live = figure_cell.locator(".ce-view svg")
        picture = figure_cell.locator(".jp-OutputArea-output img")
        wait_for(lambda: live.count() > 0 or picture.count() > 0, what="the slide's figure")
        if live.count() == 0:
            assert picture.first.evaluate("img => img.naturalWidth") > 500, "the stored picture did not load"
        assert slides.get_by_text("Error displaying widget").count() == 0
        page.screenshot(path=str(SCREENSHOTS / "03-slides-figure.png"))
    finally:
        page.close()
