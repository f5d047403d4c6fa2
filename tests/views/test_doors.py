"""The three doors (notebook 04): driven from Python, and live in Chromium against ce_lib.

What every view shares (names, keyboard, live readout and labels, stored picture, a phone) is in test_every_view.py.
"""

import itertools
import math
import random
import xml.etree.ElementTree as ElementTree

import numpy as np
import pytest

import ce_lib
from ce_lib.course import story
from ce_lib.formatting import format_fixed
from ce_lib.views import Doors

from ..support.pages import readout, set_control

SVG = "{http://www.w3.org/2000/svg}"
#: Door settings that put outcomes on top of one another, at ∞, at 0 and at 1, and a tie.
EXTREMES = [(1.0, 0.0, 0.5), (0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (0.5, 0.5, 0.5), (1.0, 1.0, 0.0), (0.0, 1.0, 0.01)]


def set_doors(view: Doors, values) -> None:  # type: ignore[no-untyped-def]
    for door, value in enumerate(values, start=1):
        view.set_probability(door, value)


def random_settings(seed: str, count: int) -> list[tuple[float, ...]]:
    rng = random.Random(seed)
    return [tuple(rng.choice([0.0, 1.0, 0.5, round(rng.uniform(0, 1), 2)]) for _ in range(3)) for _ in range(count)]


def picture_table(markup: str) -> tuple[list[str], list[tuple[str, ...]], list[str]]:
    """Return what the picture's table says: its column headers, its rows' cells, and the rows' classes."""
    root = ElementTree.fromstring(markup)
    (table,) = [g for g in root.iter(f"{SVG}g") if g.get("role") == "table"]
    rows = [g for g in table.iter(f"{SVG}g") if g.get("role") == "row"]
    headers = [t.get("aria-label") or "".join(t.itertext()) for t in rows[0] if t.get("role") == "columnheader"]
    cells = [tuple("".join(t.itertext()) for t in row if t.get("role") == "cell") for row in rows[1:]]
    return headers, cells, [row.get("class", "") for row in rows[1:]]


def picture_text(markup: str, name: str) -> list[str]:
    """Return the words of the picture's texts of class ``name``."""
    return ["".join(t.itertext()) for t in ElementTree.fromstring(markup).iter(f"{SVG}text") if t.get("class") == name]


def with_marks(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The narrow table's cells: the code followed by its mark's symbol, then the three numbers (no words)."""
    symbols = [" " + "".join(w[0] for w in mark.split(" · ")) if mark else "" for *_, mark in rows]
    return [(cells[0] + symbol, *cells[2:5]) for cells, symbol in zip(rows, symbols, strict=True)]


def test_table_is_ce_libs_outcome_table():
    view = Doors()
    assert tuple(view.probabilities) == story.DOOR_PROBABILITIES
    table = ce_lib.outcome_table(story.DOOR_PROBABILITIES)
    rows = view.table_rows()
    assert [r[0] for r in rows] == ["".join(map(str, labels)) for labels in itertools.product([1, 0], repeat=3)]
    for cells, row in zip(rows, table, strict=True):
        assert cells[3] == format_fixed(row.probability, 3)
        assert cells[4] == format_fixed(row.cross_entropy, 3)
    assert rows[1] == ("110", "gift, gift, no gift", "0.80 × 0.70 × 0.90", "0.504", "0.685", "★ most likely")
    assert rows[6] == ("001", "no gift, no gift, gift", "0.20 × 0.30 × 0.10", "0.006", "5.116", "✗ least likely")
    assert view.sum_text() == "The 8 probabilities sum to 1.000000"


def test_readout_names_the_most_and_least_likely():
    view = Doors()
    assert view.label == "Three doors: one slider per door for its probability of a gift"
    assert view.describe() == (
        "Most likely: gift, gift, no gift (probability 0.504, cross-entropy 0.685) · "
        "least likely: no gift, no gift, gift (probability 0.006, cross-entropy 5.116)"
    )
    view.set_probability(3, 0.95)
    table = ce_lib.outcome_table(view.probabilities)
    best, worst = table.most_likely(), table.least_likely()
    assert best.labels == (1, 1, 1)
    said = f"(probability {format_fixed(best.probability, 3)}, cross-entropy {format_fixed(best.cross_entropy, 3)})"
    assert said in view.describe()
    assert format_fixed(worst.cross_entropy, 3) in view.describe()
    assert view.readout == {"text": view.describe(), "revision": view.revision}


def test_ties_go_to_the_first_row_as_in_ce_lib():
    view = Doors()
    set_doors(view, (0.5, 0.5, 0.5))
    rows = view.table_rows()
    assert rows[0][5] == "★ most likely · ✗ least likely"
    assert all(cells[5] == "" for cells in rows[1:])
    assert view.describe().startswith("Most likely: gift, gift, gift (probability 0.125")
    assert picture_table(view.svg())[2] == ["ce-best ce-worst"] + [""] * 7


def test_certain_doors_give_zero_and_infinity_cleanly():
    view = Doors()
    with np.errstate(all="raise"):
        set_doors(view, (1.0, 0.0, 0.5))
        rows = view.table_rows()
        picture = view.svg()
    assert rows[4][3:5] == ("0.000", "∞")  # 011: no gift behind a certain door
    assert "nan" not in view.describe() and "∞" in view.describe()
    assert "nan" not in picture.lower()
    assert picture_table(picture)[1] == rows


@pytest.mark.parametrize("settings", [story.DOOR_PROBABILITIES, *EXTREMES, *random_settings("doors-picture", 8)])
def test_the_pictures_table_states_ce_libs_numbers(settings):
    """The stored picture's table (drawn by doors.js) says what ce_lib computes, cell for cell, at any width."""
    view = Doors()
    set_doors(view, settings)
    headers, cells, kinds = picture_table(view.svg())
    assert headers == ["outcome y₁y₂y₃", "factors", "probability", "cross-entropy"]
    assert cells == view.table_rows()
    assert kinds == [" ".join(k for k, m in (("ce-best", "★"), ("ce-worst", "✗")) if m in row[5]) for row in cells]
    assert picture_text(view.svg(), "ce-sum") == [view.sum_text()]
    narrow = view.svg(359)
    headers, cells, _ = picture_table(narrow)
    assert headers == ["y₁y₂y₃", "factors", "probability", "cross-entropy"]
    assert cells == with_marks(view.table_rows())
    assert picture_text(narrow, "ce-key") == ["y₁y₂y₃: 1 = gift, 0 = no gift", "★ most likely · ✗ least likely"]


# In the browser ------------------------------------------------------------------------------


def browser_rows(element) -> list[tuple[str, ...]]:
    """Return the live table's rows as a screen reader meets them: the cells of each row but the header."""
    rows = element.get_by_role("table").get_by_role("row")
    return [tuple(row.get_by_role("cell").all_text_contents()) for row in rows.all()[1:]]


def test_live_table_is_a_table_that_marks_rows_and_aligns_numbers(view_pages):
    page = view_pages.show(Doors())
    element = page.locator(".ce-view")
    name = "Every outcome of the 3 doors: its factors, probability and cross-entropy"
    table = element.get_by_role("table", name=name, exact=True)
    assert table.get_by_role("columnheader").all_text_contents() == [
        "outcome y₁y₂y₃", "factors", "probability", "cross-entropy",
    ]  # fmt: skip
    assert table.get_by_role("row").count() == 9
    assert table.locator(".ce-best").get_by_role("cell").first.text_content() == "110"
    assert table.locator(".ce-worst").get_by_role("cell").first.text_content() == "001"
    # Each number column's cells end where its header ends: right-aligned.
    rights = table.get_by_role("row").evaluate_all(
        "rows => rows.map(r => [...r.querySelectorAll('text')].map(t => t.getBoundingClientRect().right))"
    )
    header, body = rights[0], [row[2:5] for row in rights[1:]]
    for column in range(3):
        ends = {round(row[column], 1) for row in body} | {round(header[column + 1], 1)}
        assert max(ends) - min(ends) < 1.0, (column, ends)
    page.close()


def test_live_table_and_sum_are_ce_libs_and_the_sum_is_fsums_in_the_browser(view_pages):
    """The live table, as a screen reader meets it, and the sum are ce_lib's; the module's sum of the eight
    probabilities is math.fsum's, digit for digit, for many settings."""
    view = Doors()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert browser_rows(element) == view.table_rows()
    for values in random_settings("doors", 10):
        for door, value in enumerate(values):
            set_control(element, door, f"{value:.2f}")
            view.set_probability(door + 1, value)
            assert readout(element) == view.describe()
        assert browser_rows(element) == view.table_rows()
        assert element.locator("svg text.ce-sum").text_content() == view.sum_text()
    rng = random.Random("fsum")
    for _ in range(40):
        values = [round(rng.uniform(0, 1), 2) for _ in range(3)]
        for door, value in enumerate(values):
            set_control(element, door, f"{value:.2f}")
        total = math.fsum(row.probability for row in ce_lib.outcome_table(values))
        sum_text = element.locator("svg text.ce-sum").text_content()
        assert sum_text == f"The 8 probabilities sum to {format_fixed(total, 6)}"
    assert page.errors == []
    page.close()
