"""Every notebook's structure: what a learner and a reader on GitHub rely on."""

import json
import re
from pathlib import Path

import pytest

from ce_lib import course
from ce_lib.exercises import EXERCISES

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = [notebook.file for notebook in course.NOTEBOOKS]


def load(file):
    return json.loads((ROOT / "notebooks" / file).read_text(encoding="utf-8"))


def text(cell):
    source = cell["source"]
    return "".join(source) if isinstance(source, list) else source


def test_the_series_is_exactly_the_notebooks_on_disk():
    on_disk = sorted(path.name for path in (ROOT / "notebooks").glob("*.ipynb"))
    assert on_disk == sorted(NOTEBOOKS)


def test_navigation_is_up_to_date():
    assert course.stale_notebooks() == [], "run: python -m ce_lib.course"


@pytest.mark.parametrize("file", NOTEBOOKS)
def test_notebook_structure(file):
    notebook = load(file)
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    cells = notebook["cells"]
    markdown = "\n".join(text(c) for c in cells if c["cell_type"] == "markdown")
    assert text(cells[0]).startswith("# "), "the first cell is the title"
    for heading in ("## What you will learn", "## Exercises", "## Key takeaways", "Where we are in the argument"):
        assert heading in markdown, f"{file} has no '{heading}'"
    links = re.findall(r"\]\(([\w.-]+\.ipynb)\)", text(cells[0]) + text(cells[-1]))  # relative links only
    assert links, "no previous/next links"
    for link in links:
        assert (ROOT / "notebooks" / link).exists(), f"{file} links to a missing {link}"
    index = NOTEBOOKS.index(file)
    if index > 0:
        assert NOTEBOOKS[index - 1] in text(cells[-1])
    if index + 1 < len(NOTEBOOKS):
        assert NOTEBOOKS[index + 1] in text(cells[-1])


@pytest.mark.parametrize("file", NOTEBOOKS)
def test_stored_outputs_are_clean_and_in_order(file):
    notebook = load(file)
    assert "widgets" not in notebook["metadata"], "store no widget state: the stored pictures stand in for it"
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), "run Restart & Run All"
    for cell in code:
        for output in cell["outputs"]:
            assert output["output_type"] != "error", text(cell)
            assert output.get("name") != "stderr", f"stderr output in {file}: {output.get('text')}"
            shown = json.dumps(output.get("data", {}).get("text/plain", "")) + json.dumps(output.get("text", ""))
            assert "Warning" not in shown and "Traceback" not in shown
            assert not re.search(r"/(work|tmp|root|home|Users)/", shown), "an absolute path in an output"


@pytest.mark.parametrize("file", NOTEBOOKS)
def test_every_figure_has_a_static_image_for_readers_without_a_kernel(file):
    code = [c for c in load(file)["cells"] if c["cell_type"] == "code"]
    widget_outputs = [
        o for c in code for o in c["outputs"] if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]
    assert widget_outputs, f"{file} has no interactive part"
    for output in widget_outputs:
        assert output["data"]["image/png"], "a widget output without its static picture"


@pytest.mark.parametrize("file", NOTEBOOKS)
def test_exercises_have_checks_and_hidden_solutions(file):
    cells = load(file)["cells"]
    keys = sorted(set(re.findall(r'check\("(\d\d\.\d)"', "\n".join(text(c) for c in cells))))
    assert 2 <= len(keys) <= 4, f"{file} has {len(keys)} exercises"
    assert all(key.startswith(file[:2]) and key in EXERCISES for key in keys)
    solutions = [c for c in cells if "solution" in c["metadata"].get("tags", [])]
    assert len(solutions) == len(keys), "one hidden solution per exercise"
    for cell in solutions:
        assert cell["metadata"]["jupyter"]["source_hidden"] is True
        assert any("✓" in json.dumps(o, ensure_ascii=False) for o in cell["outputs"]), "a solution that fails its check"


def test_readme_lists_every_notebook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for file in NOTEBOOKS:
        assert f"(notebooks/{file})" in readme
