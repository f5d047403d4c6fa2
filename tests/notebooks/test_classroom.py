"""Binder links, slides, the teacher's guide and the static edition."""

import base64
import json
import re
from pathlib import Path

import pytest

from ce_lib import course, site
from ce_lib.exercises import EXERCISES, FUNCTION_CASES, check

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = [notebook.file for notebook in course.NOTEBOOKS]
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}


def load(file):
    return json.loads((ROOT / "notebooks" / file).read_text(encoding="utf-8"))


def text(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def binder_target(url: str) -> Path:
    match = re.fullmatch(r"https://mybinder\.org/v2/gh/[\w.-]+/[\w.-]+/[\w.-]+\?urlpath=lab/tree/(.+)", url)
    assert match, f"not a Binder link that opens JupyterLab on a file: {url}"
    return ROOT / match[1]


def test_readme_badge_opens_jupyterlab_on_the_start_notebook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    badge = course.binder_badge("00_start_here.ipynb")
    assert badge in readme
    url = re.search(r"\((https://mybinder\.org/v2/gh/[^)]+)\)", badge)[1]
    assert binder_target(url) == ROOT / "notebooks" / "00_start_here.ipynb"
    assert binder_target(url).exists()


@pytest.mark.parametrize("file", NOTEBOOKS)
def test_each_notebook_header_links_binder_to_itself(file):
    header = text(load(file)["cells"][0])
    urls = re.findall(r"\((https://mybinder\.org/v2/gh/[^)]+)\)", header)
    assert urls == [course.binder_url(file)]
    assert binder_target(urls[0]) == ROOT / "notebooks" / file


@pytest.mark.parametrize("file", NOTEBOOKS)
def test_slide_metadata_lets_a_teacher_present_the_notebook(file):
    cells = load(file)["cells"]
    types = [cell["metadata"].get("slideshow", {}).get("slide_type") for cell in cells]
    assert set(types) <= SLIDE_TYPES and None not in types, "every cell needs a slide type"
    assert types[0] == "slide", "the title opens the deck"
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    assert code[0]["metadata"]["slideshow"]["slide_type"] == "skip", "the setup cell is not a slide"
    for cell in cells:
        if "solution" in cell["metadata"].get("tags", []):
            assert cell["metadata"]["slideshow"]["slide_type"] == "skip"
    assert "notes" in types, "speaker notes for the teacher"
    for cell in code:  # figure cells must run inside the slideshow, where the setup cell is skipped
        if re.search(r"^\w+(App|Figure)\(", text(cell), re.M):
            assert re.search(r"from ce_lib\.(beyond_)?widgets import", text(cell)), text(cell)


def test_teacher_guide_plans_fifty_minutes_and_names_the_misconceptions():
    guide = (ROOT / "notebooks" / "teacher_guide.md").read_text(encoding="utf-8")
    plan = guide.split("## The plan", 1)[1].split("##", 1)[0]
    minutes = [int(m) for m in re.findall(r"(\d+)–(\d+) min", plan) for m in m]
    assert minutes[0] == 0 and minutes[-1] == 50
    for file in NOTEBOOKS:
        assert file[:2] in plan, f"the plan skips notebook {file}"
    for misconception in ("is a probability", "lower product", "log₁₀"):
        assert misconception in guide


def answer_key() -> dict[str, str]:
    guide = (ROOT / "notebooks" / "teacher_guide.md").read_text(encoding="utf-8")
    key_section = guide.split("## Answer key", 1)[1]
    return dict(re.findall(r"^\| (\d\d\.\d) \| ([^|]+?) \|", key_section, re.M))


def parse_answer(shown: str):
    shown = shown.replace("−", "-")
    if re.fullmatch(r"\([\d, ]+\)", shown):
        return tuple(int(v) for v in shown.strip("()").split(","))
    try:
        return float(shown)
    except ValueError:
        return shown


def test_answer_key_covers_every_exercise_and_the_checker_accepts_it():
    key = answer_key()
    assert sorted(key) == sorted(EXERCISES)
    for exercise, shown in key.items():
        if exercise in FUNCTION_CASES:
            assert "`" in shown, "a function exercise's key shows code"
            continue
        feedback = check(exercise, parse_answer(shown))
        assert feedback.correct, f"{exercise}: the key says {shown}, the checker says {feedback}"


def test_static_edition_has_every_page_slide_deck_and_figure(tmp_path):
    written = site.build(tmp_path)
    assert (tmp_path / "index.html") in written
    for file in NOTEBOOKS:
        stem = Path(file).stem
        pictures = [
            output["data"]["image/png"]
            for cell in load(file)["cells"]
            for output in cell.get("outputs", [])
            if "image/png" in output.get("data", {})
        ]
        assert pictures
        for built in (tmp_path / f"{stem}.html", tmp_path / f"{stem}.slides.html"):
            page = built.read_text(encoding="utf-8")
            assert site.WIDGET_VIEW not in page, "a live widget view left where no kernel runs"
            for picture in pictures:
                png = "".join(picture) if isinstance(picture, list) else picture
                assert base64.b64decode(png).startswith(b"\x89PNG")
                assert png.strip()[:200] in page, f"{built.name} lacks a figure"
        slides = (tmp_path / f"{stem}.slides.html").read_text(encoding="utf-8")
        assert slides.count("<section") >= 5
        assert ".ipynb)" not in (tmp_path / f"{stem}.html").read_text(encoding="utf-8")
