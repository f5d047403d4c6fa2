"""Every figure reads cleanly at every width it may get: a phone, a narrow notebook, a slide, a wide screen.

A view lays its figure out for the width it has (one SVG unit is one CSS pixel); no text may run
off the picture or onto another, in English or in Chinese, whatever that width, and the browser
draws exactly the stored picture at each.
"""

from __future__ import annotations

import pytest

from ce_lib import words
from ce_lib.views import VIEWS

from ..support.pages import browser_pictures

WIDTHS = (360, 560, 640, 760, 800, 880, 960)


@pytest.mark.parametrize("language", list(words.LANGUAGES))
@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_figure_reads_cleanly_at_every_width(view_pages, name, language):
    with words.using(language):
        view = VIEWS[name]()
    page = view_pages.show(view)
    try:
        pictures = browser_pictures(page, view, WIDTHS)
        assert {width: found for width, (_, found) in pictures.items() if found} == {}, f"{name} ({language})"
        assert [width for width, (markup, _) in pictures.items() if markup != view.svg(width)] == [], name
    finally:
        page.close()
