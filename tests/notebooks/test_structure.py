"""Every notebook's structure: what a learner, a teacher and a reader on GitHub rely on."""

import json
import math
import re
from pathlib import Path

import pytest

from ce_lib import words
from ce_lib.course.exercises import EXERCISES, check
from ce_lib.views import STATE_MIME
from tools import navigation, notebooks
from tools.contents import NOTEBOOKS

from ..support.pages import picture_problems

ROOT = Path(__file__).resolve().parents[2]
#: Every stored notebook, in every edition, as a path under notebooks/ ("03_….ipynb", "zh-CN/03_….ipynb").
FILES = [
    str(notebooks.notebook_folder(language).relative_to(ROOT / "notebooks") / notebook.file)
    for language in words.LANGUAGES
    for notebook in NOTEBOOKS
]
ENGLISH_FILES = [notebook.file for notebook in NOTEBOOKS]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: The total size of the eight notebooks, stored outputs included, before the views were drawn in
#: the browser (commit 8893134): the new views must not make them bigger.
SIZE_BEFORE_BROWSER_VIEWS = 1_029_026


def load(file):
    return json.loads((ROOT / "notebooks" / file).read_text(encoding="utf-8"))


def language_of(file: str) -> str:
    """Return the language of a stored notebook: its folder's, English at the top."""
    folder = Path(file).parent.name
    return folder if folder in words.LANGUAGES else words.SOURCE


def number(file: str) -> str:
    return Path(file).name[:2]


def in_language(english: str, file: str) -> str:
    """Return an English line of the prose as the notebook's edition writes it (its block's first line, translated)."""
    language = language_of(file)
    if language == words.SOURCE:
        return english
    notebook = next(n for n in NOTEBOOKS if n.file == Path(file).name)
    table = notebooks.translations(notebook, language)
    block = next(b for b in notebooks.source_blocks(notebook) if b.startswith(english))
    return table[block].splitlines()[0] if english == block.splitlines()[0] else table[block]


def exercise_heading(key: str, file: str) -> str:
    """Return how an exercise's prompt starts in the notebook's edition: "**Exercise 03.4.**"."""
    return words.say("exercises.exercise", language=language_of(file), key=key, prompt="").strip().rstrip("：:").strip()


def text(cell):
    source = cell["source"]
    return "".join(source) if isinstance(source, list) else source


def outputs(cell):
    return cell.get("outputs", [])


def test_the_series_is_exactly_the_notebooks_on_disk():
    on_disk = [str(path.relative_to(ROOT / "notebooks")) for path in (ROOT / "notebooks").rglob("*.ipynb")]
    assert sorted(p for p in on_disk if ".ipynb_checkpoints" not in p) == sorted(FILES)


def test_navigation_glossary_and_generated_blocks_are_up_to_date():
    assert navigation.stale_files() == [], "run: python tools/navigation.py"


def test_every_notebook_is_built_from_its_text_source():
    """The stored notebooks' cells are exactly what their sources build (tools/notebooks.py)."""
    stale = [f"{language}/{notebook.file}" for notebook, language in notebooks.stale_notebooks()]
    stale += [str(path.relative_to(ROOT)) for path in notebooks.stale_documents()]  # the translated guide, README
    assert stale == [], "run: python tools/notebooks.py"


@pytest.mark.parametrize("file", FILES)
def test_notebook_structure(file):
    notebook = load(file)
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    cells = notebook["cells"]
    markdown = "\n".join(text(c) for c in cells if c["cell_type"] == "markdown")
    assert text(cells[0]).startswith("# "), "the first cell is the title"
    headings = [in_language(h, file) for h in ("## What you will learn", "## Exercises", "## Key takeaways")]
    headings.append(words.say("navigation.argument", language=language_of(file), steps="").split("{")[0].strip())
    for heading in headings:
        assert heading in markdown, f"{file} has no '{heading}'"
    folder = (ROOT / "notebooks" / file).parent
    links = re.findall(r"\]\(([\w./-]+\.ipynb)(?:#[^)]*)?\)", markdown)  # relative links only
    assert links, "no previous/next links"
    for link in links:
        assert (folder / link).exists(), f"{file} links to a missing {link}"
    index = ENGLISH_FILES.index(Path(file).name)
    if index > 0:
        assert ENGLISH_FILES[index - 1] in text(cells[-1])
    if index + 1 < len(ENGLISH_FILES):
        assert ENGLISH_FILES[index + 1] in text(cells[-1])


@pytest.mark.parametrize("file", FILES)
def test_every_link_to_a_heading_lands_on_one(file):
    """A link to a heading of a notebook names a heading that notebook has, in its edition."""
    folder = (ROOT / "notebooks" / file).parent
    for cell in load(file)["cells"]:
        for target, anchor in re.findall(r"\]\(([\w.-]+\.ipynb)#([^)\s]+)\)", text(cell)):
            cells = load(str((folder / target).relative_to(ROOT / "notebooks")))["cells"]
            headings = [line for c in cells if c["cell_type"] == "markdown"
                        for line in text(c).splitlines() if line.startswith("#")]  # fmt: skip
            assert anchor in {notebooks.anchor(h) for h in headings}, f"{file}: {target}#{anchor} lands nowhere"


@pytest.mark.parametrize("file", FILES)
def test_stored_outputs_are_clean_and_in_order(file):
    notebook = load(file)
    assert "widgets" not in notebook["metadata"], "store no widget state: the stored pictures stand in for it"
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), "run Restart & Run All"
    for cell in code:
        for output in outputs(cell):
            assert output["output_type"] != "error", text(cell)
            assert output.get("name") != "stderr", f"stderr output in {file}: {output.get('text')}"
            shown = json.dumps(output.get("data", {}).get("text/plain", "")) + json.dumps(output.get("text", ""))
            assert "Warning" not in shown and "Traceback" not in shown
            assert not re.search(r"/(work|tmp|root|home|Users)/", shown), "an absolute path in an output"


@pytest.mark.parametrize("file", FILES)
def test_every_view_has_a_picture_and_its_state_for_readers_without_a_kernel(file):
    views = [o for c in load(file)["cells"] for o in outputs(c) if WIDGET_VIEW in o.get("data", {})]
    assert views, f"{file} has no interactive part"
    for output in views:
        assert output["data"]["image/png"], "a view without its static picture"
        assert output["data"][STATE_MIME]["module"], "a view without its state for the static edition"
        assert output["data"]["text/plain"], "a view without its readout as text"


@pytest.mark.parametrize("language", list(words.LANGUAGES))
def test_the_notebooks_are_no_bigger_than_before(language):
    total = sum((notebooks.notebook_folder(language) / file).stat().st_size for file in ENGLISH_FILES)
    assert total <= SIZE_BEFORE_BROWSER_VIEWS, f"{total} bytes, was {SIZE_BEFORE_BROWSER_VIEWS}"


def exercise_keys(cells) -> list[str]:
    return sorted(set(re.findall(r'check\("(\d\d\.\d)"', "\n".join(text(c) for c in cells))))


@pytest.mark.parametrize("file", FILES)
def test_exercises_check_at_once_and_hide_their_solutions(file):
    cells = load(file)["cells"]
    keys = exercise_keys(cells)
    assert 3 <= len(keys) <= 6, f"{file} has {len(keys)} exercises"
    assert all(key.startswith(number(file)) and key in EXERCISES for key in keys)
    assert sorted(k for k in EXERCISES if k.startswith(number(file))) == keys, "every exercise of the checker is asked"
    assert any(EXERCISES[key].predict for key in keys), "at least one exercise asks to predict before a slider"
    solutions = [c for c in cells if "solution" in c["metadata"].get("tags", [])]
    assert len(solutions) == len(keys), "one hidden solution per exercise"
    for cell in solutions:
        assert cell["metadata"]["jupyter"]["source_hidden"] is True
        assert any("✓" in json.dumps(o, ensure_ascii=False) for o in outputs(cell)), "a solution that fails its check"


def spelled(value) -> list[str]:
    """The ways a reader could see ``value`` printed."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value == 0:
        return [] if not isinstance(value, tuple) else [str(value)]
    forms = {repr(value), str(value)}
    for digits in range(2, 7):
        forms.add(f"{value:.{digits}g}")
    return [form for form in forms if len(form.replace("-", "").replace(".", "")) >= 2]


@pytest.mark.parametrize("file", FILES)
def test_a_solutions_output_never_shows_the_answer(file):
    for cell in load(file)["cells"]:
        if "solution" not in cell["metadata"].get("tags", []):
            continue
        key = re.search(r'check\("(\d\d\.\d)"', text(cell))[1]
        shown = "".join(
            json.dumps(o.get("data", {}), ensure_ascii=False) + str(o.get("text", "")) for o in outputs(cell)
        )
        for form in spelled(EXERCISES[key].expected()):
            assert form not in shown, f"solution {key} shows its answer {form}"


@pytest.mark.parametrize("file", FILES)
def test_an_unanswered_exercise_asks_for_an_answer_without_error(file):
    for cell in load(file)["cells"]:
        if cell["cell_type"] == "code" and "answer = ...  #" in text(cell):
            key = re.search(r'check\("(\d\d\.\d)"', text(cell))[1]
            assert not check(key, ...).correct
            not_answered = words.say("checker.not_answered", language=language_of(file), prompt="").split(":")[0]
            assert not_answered.split("：")[0] in json.dumps(outputs(cell), ensure_ascii=False)


def test_readme_lists_every_notebook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for file in ENGLISH_FILES:
        assert f"(notebooks/{file})" in readme


def stored_views():
    """Every figure a notebook stores, rebuilt by running its cell's code: what its picture was drawn from."""
    for file in FILES:
        for cell in load(file)["cells"]:
            if any("image/png" in o.get("data", {}) for o in outputs(cell)):
                *setup, last = text(cell).strip().splitlines()
                namespace: dict = {}
                with words.using(language_of(file)):
                    exec("\n".join(setup), namespace)  # the cell's imports
                    yield f"{file}: {last}", eval(last, namespace)


@pytest.mark.parametrize(("where", "view"), list(stored_views()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_stored_figure_reads_cleanly(view_pages, where, view):
    """No two texts of the stored picture overlap, and none runs off it (measured in Chromium)."""
    page = view_pages.show(view)
    assert picture_problems(page, view.svg()) == [], where
    page.close()


def predict_keys() -> set[str]:
    return {key for key, exercise in EXERCISES.items() if exercise.predict}


@pytest.mark.parametrize("file", FILES)
def test_every_prediction_stands_directly_above_its_figure(file):
    """Predict, then check: the exercise's own cells, then the figure, with nothing between to give it away."""
    cells = load(file)["cells"]
    for key in sorted(predict_keys()):
        heading = exercise_heading(key, file)
        prompts = [i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and text(c).startswith(heading)]
        if not prompts:
            continue
        (at,) = prompts
        answer, solution, figure = cells[at + 1], cells[at + 2], cells[at + 3]
        assert f'check("{key}", answer)' in text(answer) and "solution" in solution["metadata"].get("tags", [])
        assert figure["cell_type"] == "code" and any(STATE_MIME in o.get("data", {}) for o in outputs(figure)), (
            f"{key}: the cell after its solution must show the figure it asks about"
        )
        lead = [text(c) for c in cells[max(0, at - 1) : at] if c["cell_type"] == "markdown"]
        for form in spelled(EXERCISES[key].expected()):
            assert all(form not in t for t in lead), f"{key}: the text above it gives away {form}"


@pytest.mark.parametrize("file", FILES)
def test_a_learner_meets_no_teachers_note(file):
    opening = in_language("**For teachers.**", file) if language_of(file) == words.SOURCE else "**给教师的提示**"
    notes = [c for c in load(file)["cells"] if "teacher-note" in c["metadata"].get("tags", [])
             or text(c).startswith(opening)]  # fmt: skip
    assert notes == [], f"{file}: a note for teachers is in the learner's notebook"


def test_every_prediction_is_asked_in_its_notebook():
    asked = {key for file in FILES for key in exercise_keys(load(file)["cells"])}
    assert predict_keys() <= asked


# --- the two editions: the same code and the same numbers, only the words differ -------------------


def code_without_comments(code: str) -> str:
    """Return a cell's code with its comments (which are translated) left out."""
    import io
    import tokenize

    tokens = tokenize.generate_tokens(io.StringIO(code).readline)
    kept = [token for token in tokens if token.type != tokenize.COMMENT]
    return tokenize.untokenize((token.type, token.string) for token in kept)


def shown_numbers(cell) -> list[str]:
    """Return every number a code cell's outputs show (printed text and each view's readout)."""
    texts = [o.get("text", "") if o["output_type"] == "stream" else o.get("data", {}).get("text/plain", "")
             for o in outputs(cell)]  # fmt: skip
    return re.findall(r"\d+(?:\.\d+)?(?:e[+-]?\d+)?", "".join("".join(t) if isinstance(t, list) else t for t in texts))


@pytest.mark.parametrize("language", [language for language in words.LANGUAGES if language != words.SOURCE])
@pytest.mark.parametrize("file", ENGLISH_FILES)
def test_every_edition_runs_the_same_code_and_shows_the_same_numbers(file, language):
    english = [c for c in load(file)["cells"] if c["cell_type"] == "code"]
    translated = [c for c in load(f"{language}/{file}")["cells"] if c["cell_type"] == "code"]
    assert [code_without_comments(text(c)) for c in translated] == [code_without_comments(text(c)) for c in english]
    for ours, theirs in zip(english, translated, strict=True):
        # A Chinese sentence may put its numbers in another order: the same numbers, in any order.
        assert sorted(shown_numbers(theirs)) == sorted(shown_numbers(ours)), text(ours)[:80]
