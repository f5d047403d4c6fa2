"""Binder and JupyterHub links, slides, the teacher's guide and the static edition."""

import json
import re
from pathlib import Path

import pytest

from ce_lib import words
from ce_lib.course.exercises import EXERCISES, FUNCTION_CASES, check
from ce_lib.views._base import STATE_MIME
from tools import navigation, notebooks
from tools.contents import NOTEBOOKS

ROOT = Path(__file__).resolve().parents[2]
FILES = [notebook.file for notebook in NOTEBOOKS]
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}


def load(file):
    return json.loads((ROOT / "notebooks" / file).read_text(encoding="utf-8"))


def text(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def binder_target(url: str) -> Path:
    match = re.fullmatch(r"https://mybinder\.org/v2/gh/[\w.-]+/[\w.-]+/[\w.-]+\?urlpath=lab/tree/(.+)", url)
    assert match, f"not a Binder link that opens JupyterLab on a file: {url}"
    return ROOT / match[1]


def test_every_link_follows_the_one_repository_setting():
    repository = navigation.repository()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for language in words.LANGUAGES:  # each edition's start notebook, on Binder and on a hub
        binder = navigation.binder_url(NOTEBOOKS[0].file, language)
        assert binder in readme and f"/gh/{repository}/" in binder
        assert binder_target(binder).exists()
        assert navigation.nbgitpuller_url("https://YOUR-HUB", language=language) in readme
    assert "repo=https%3A%2F%2Fgithub.com%2F" + repository.replace("/", "%2F") in navigation.nbgitpuller_url(
        "https://h"
    )


@pytest.mark.parametrize("language", list(words.LANGUAGES))
@pytest.mark.parametrize("file", FILES)
def test_each_notebook_header_links_binder_to_itself(file, language):
    path = navigation.edition_path(file, language)
    header = text(json.loads((ROOT / path).read_text(encoding="utf-8"))["cells"][0])
    urls = re.findall(r"\((https://mybinder\.org/v2/gh/[^)]+)\)", header)
    assert urls == [navigation.binder_url(file, language)]
    assert binder_target(urls[0]) == ROOT / path


@pytest.mark.parametrize("file", FILES)
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
    source = notebooks.read_source(next(n for n in NOTEBOOKS if n.file == file))
    notes = [c for c in source.cells if notebooks.TEACHER_NOTE in c.metadata.get("tags", [])]
    assert notes and all(c.metadata["slideshow"]["slide_type"] == "notes" for c in notes), (
        "speaker notes for the teacher, in the source (the decks show them; a learner's notebook leaves them out)"
    )
    for cell in code:  # a view's cell must run inside the slideshow, where the setup cell is skipped
        if any(STATE_MIME in o.get("data", {}) for o in cell["outputs"]):
            assert "from ce_lib.views import" in text(cell), text(cell)


def guide() -> str:
    return (ROOT / "notebooks" / "teacher_guide.md").read_text(encoding="utf-8")


def test_teacher_guide_plans_fifty_minutes_and_names_the_misconceptions():
    plan = guide().split("## The plan", 1)[1].split("##", 1)[0]
    minutes = [int(m) for m in re.findall(r"^\| (\d+)–(\d+) \|", plan, re.M) for m in m]
    assert minutes[0] == 0 and minutes[-1] == 50
    for file in FILES:
        assert file[:2] in plan, f"the plan skips notebook {file}"
    for misconception in ("is a probability", "lower product", "log₁₀", "mean per point"):
        assert misconception in guide()


def answer_key() -> dict[str, str]:
    key_section = guide().split("<!-- answer-key:start -->", 1)[1]
    return dict(re.findall(r"^\| (\d\d\.\d) \| ([^|]+?) \|", key_section, re.M))


def parse_answer(shown: str):
    shown = shown.replace("−", "-")
    if re.fullmatch(r"\([\d, ]+\)", shown):
        return tuple(int(v) for v in shown.strip("()").split(","))
    if shown == "∞":
        return float("inf")
    try:
        return float(shown)
    except ValueError:
        return shown


def test_answer_key_covers_every_exercise_and_the_checker_accepts_it():
    key = answer_key()
    assert sorted(key) == sorted(EXERCISES)
    for exercise, shown in key.items():
        if exercise in FUNCTION_CASES:
            assert "function" in shown
            continue
        feedback = check(exercise, parse_answer(shown))
        assert feedback.correct, f"{exercise}: the key says {shown}, the checker says {feedback}"


def test_static_edition_has_every_page_deck_and_view(static_edition):
    tmp_path = static_edition
    assert (tmp_path / "index.html").exists() and (tmp_path / "teacher_guide.html").exists()
    for file in FILES:
        stem = Path(file).stem
        views = [o for c in load(file)["cells"] for o in c.get("outputs", []) if STATE_MIME in o.get("data", {})]
        for built in (tmp_path / f"{stem}.html", tmp_path / f"{stem}.slides.html"):
            page = built.read_text(encoding="utf-8")
            assert page.count('class="ce-live"') == len(views), f"{built.name} lacks a live view"
            for view in views:
                assert (tmp_path / "views" / f"{view['data'][STATE_MIME]['module']}.js").exists()
                png = (
                    "".join(view["data"]["image/png"])
                    if isinstance(view["data"]["image/png"], list)
                    else view["data"]["image/png"]
                )
                assert png.strip()[:200] in page, f"{built.name} lacks a view's stored picture"
            # Every script and style sheet comes from the site folder: nothing from a CDN.
            for reference in re.findall(r"<(?:script|link)\b[^>]*\b(?:src|href)=\"([^\"]+)\"", page):
                assert not re.match(r"(https?:)?//", reference), f"{built.name} loads {reference} from the web"
            assert "<math" in page or "$" not in "".join(
                text(c) for c in load(file)["cells"] if c["cell_type"] == "markdown"
            )
        assert ".ipynb)" not in (tmp_path / f"{stem}.html").read_text(encoding="utf-8")
        assert (tmp_path / f"{stem}.slides.html").read_text(encoding="utf-8").count("<section") >= 5
