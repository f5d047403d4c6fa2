"""The shipped fonts draw every character the series shows, Chinese included, on any machine.

The stored pictures are rasterised with the package's fonts only (never the machine's), so a
character they lack would be a box in every reader's picture; a live view hands the Chinese face
to the page too. ``python tools/fonts.py --noto …`` cuts them again after new words.
"""

from __future__ import annotations

import io
from importlib import resources

import numpy as np
import pytest
from fontTools.ttLib import TTFont
from PIL import Image

from ce_lib import words
from ce_lib.views import VIEWS, _render
from tools import fonts

FOLDER = resources.files("ce_lib.views") / "fonts"


def covered(name: str) -> set[str]:
    return {chr(code) for code in TTFont(str(FOLDER / name)).getBestCmap()}


def test_every_character_the_series_shows_is_in_a_shipped_font():
    text = fonts.series_text()
    narrow = {c for c in text if ord(c) < _render.WIDE and not c.isspace()}
    wide = fonts.wide_characters(text)
    assert wide, "the series has Chinese words"
    assert sorted(narrow - covered("DejaVuSans.ttf")) == []
    assert sorted(narrow - covered("DejaVuSans-Bold.ttf")) == []
    for face in (_render.WIDE_FONT_FILE, "NotoSansCJKsc-Bold.otf"):
        assert sorted(wide - covered(face)) == [], f"{face}: run python tools/fonts.py --noto …"


def picture(text: str) -> np.ndarray:
    markup = (f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="30" '
              f'font-size="24" font-family="DejaVu Sans">{text}</text></svg>')  # fmt: skip
    return np.asarray(Image.open(io.BytesIO(_render.png(markup))).convert("L"))


def test_a_picture_draws_chinese_glyphs_not_boxes():
    missing = picture("\ue000\ue001\ue002")  # private use: no font has them, each is drawn as a box
    chinese = picture("交叉熵")
    assert (chinese < 128).any(), "the Chinese words draw ink"
    assert not np.array_equal(chinese, missing), "the Chinese words are glyphs, not missing-glyph boxes"
    assert not np.array_equal(picture("交叉熵"), picture("似然值"))


@pytest.mark.parametrize("name", ["plane", "doors"])
def test_a_chinese_view_hands_the_page_its_font_and_an_english_one_does_not(name):
    with words.using("zh-CN"):
        chinese = VIEWS[name]()
    with words.using("en"):
        english = VIEWS[name]()
    assert chinese._wide_font == _render.wide_font() and len(chinese._wide_font) > 10_000
    assert english._wide_font == b""
