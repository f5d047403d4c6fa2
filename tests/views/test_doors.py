"""The three doors (notebook 04): driven from Python, and live in Chromium against ce_lib."""

import itertools
import math
import random

import numpy as np
import pytest

import ce_lib
from ce_lib.course import story
from ce_lib.formatting import format_fixed
from ce_lib.views import Doors
from ce_lib.views._pictures import label_texts
from ce_lib.views.doors import place_labels

from ..support.figures import layout_problems
from ..support.pages import live_text_problems, readout, set_control, svg_labels


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
    for door in (1, 2, 3):
        view.set_probability(door, 0.5)
    rows = view.table_rows()
    assert rows[0][5] == "★ most likely · ✗ least likely"
    assert all(cells[5] == "" for cells in rows[1:])
    assert view.describe().startswith("Most likely: gift, gift, gift (probability 0.125")


def test_certain_doors_give_zero_and_infinity_cleanly():
    view = Doors()
    with np.errstate(all="raise"):
        view.set_probability(1, 1.0)
        view.set_probability(2, 0.0)
        rows = view.table_rows()
        figure = view.picture()
    assert rows[4][3:5] == ("0.000", "∞")  # 011: no gift behind a certain door
    assert "nan" not in view.describe() and "∞" in view.describe()
    assert layout_problems(figure) == []
    assert "∞" in label_texts(figure)


def test_labels_never_land_on_one_another():
    anchors = [(50.0, 50.0)] * 7 + [(400.0, 300.0)]
    spots = place_labels(anchors, [8.0] * 8, [(30.0, 20.0)] * 8, (40.0, 40.0, 600.0, 400.0))
    boxes = [(x - 15, y - 10, x + 15, y + 10) for x, y, _ in spots]
    for a, b in itertools.combinations(boxes, 2):
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    assert all(40 <= box[0] and box[2] <= 600 and 40 <= box[1] and box[3] <= 400 for box in boxes)


def test_static_picture_reads_cleanly():
    view = Doors()
    assert layout_problems(view.picture()) == []
    rng = random.Random("doors-picture")
    for _ in range(8):
        for door in (1, 2, 3):
            view.set_probability(door, rng.choice([0.0, 1.0, round(rng.uniform(0, 1), 2)]))
        assert layout_problems(view.picture()) == [], view.probabilities


def test_picture_shows_the_tables_cells():
    view = Doors()
    labels = label_texts(view.picture())
    for cells in view.table_rows():
        for words in cells:
            if words:
                assert words in labels
    assert view.sum_text() in labels


def test_display_carries_the_widget_a_picture_and_the_state():
    data, _ = Doors()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["image/png"].startswith("iVBORw0KGgo")
    assert data["text/plain"].startswith("Most likely")
    assert data["application/vnd.ce-lib.view+json"]["module"] == "doors"


# In the browser ------------------------------------------------------------------------------


def browser_rows(element) -> list[tuple[str, ...]]:
    return [tuple(row) for row in element.locator(".ce-table tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.querySelectorAll('td')].map(td => td.textContent))"
    )]  # fmt: skip


def live_labels(element) -> list[str]:
    """The figure's stated numbers and names: the scatter's labels, the table's cells and the sum under it."""
    cells = [words for row in browser_rows(element) for words in row if words]
    return sorted(svg_labels(element) + cells + [element.locator(".ce-sum").text_content()])


def test_live_view_shows_ce_libs_numbers_for_random_slider_positions(view_pages):
    view = Doors()
    page = view_pages.show(view)
    element = page.locator(".ce-view")
    assert readout(element) == view.describe()
    assert browser_rows(element) == view.table_rows()
    assert live_labels(element) == label_texts(view.picture())
    rng = random.Random("doors")
    for step in range(30):
        door = rng.randrange(3)
        value = rng.choice([0.0, 1.0, 0.5, round(rng.uniform(0, 1), 2)])
        set_control(element, door, f"{value:.2f}")
        view.set_probability(door + 1, value)
        assert readout(element) == view.describe()
        assert browser_rows(element) == view.table_rows()
        assert element.locator(".ce-sum").text_content() == view.sum_text()
        if step % 5 == 0:
            assert live_labels(element) == label_texts(view.picture())
    assert live_labels(element) == label_texts(view.picture())
    assert page.errors == []
    page.close()


def test_live_table_marks_rows_and_aligns_numbers(view_pages):
    page = view_pages.show(Doors())
    element = page.locator(".ce-view")
    assert element.locator(".ce-table tr.ce-best td").first.text_content() == "110"
    assert element.locator(".ce-table tr.ce-worst td").first.text_content() == "001"
    aligns = element.locator(".ce-table tbody tr").first.locator("td").evaluate_all(
        "tds => tds.map(td => getComputedStyle(td).textAlign)"
    )
    assert aligns[2:5] == ["right", "right", "right"]
    page.close()


def test_probabilities_sum_like_fsum_in_the_browser(view_pages):
    """The module's sum of the eight probabilities is math.fsum's, digit for digit, for many settings."""
    page = view_pages.show(Doors())
    element = page.locator(".ce-view")
    rng = random.Random("fsum")
    for _ in range(40):
        values = [round(rng.uniform(0, 1), 2) for _ in range(3)]
        for door, value in enumerate(values):
            set_control(element, door, f"{value:.2f}")
        total = math.fsum(row.probability for row in ce_lib.outcome_table(values))
        assert element.locator(".ce-sum").text_content() == f"The 8 probabilities sum to {format_fixed(total, 6)}"
    page.close()


@pytest.mark.parametrize("width", [375, 1000])
def test_live_labels_never_overlap_and_stay_inside(view_pages, width):
    page = view_pages.show(Doors(), width=width, height=1000)
    element = page.locator(".ce-view")
    rng = random.Random(f"doors-overlap-{width}")
    settings = [(0.8, 0.7, 0.1), (1.0, 0.0, 0.5), (0.0, 0.0, 0.0), (0.5, 0.5, 0.5), (1.0, 1.0, 1.0)]
    settings += [tuple(round(rng.uniform(0, 1), 2) for _ in range(3)) for _ in range(6)]
    for values in settings:
        for door, value in enumerate(values):
            set_control(element, door, f"{value:.2f}")
        assert live_text_problems(element, "svg text") == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        table = element.locator(".ce-table").evaluate("t => t.getBoundingClientRect().right")
        figure = element.locator(".ce-figure").evaluate("f => f.getBoundingClientRect().right")
        assert table <= figure + 0.5, f"the table is cut off at {width} px"
    page.close()
