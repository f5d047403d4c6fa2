"""Write every notebook's navigation and "Words to know" box, and the generated parts of the documents.

Each notebook starts with a header cell (title, Binder link, previous and next links, the map of
the argument), shows the terms it introduces in a box after "What you will learn", and ends
with a footer cell (previous and next links). The README's launch links (Binder badge and
JupyterHub link) and the teacher's guide's table of recognised mistakes and answer key are
written between ``<!-- name:start -->`` and ``<!-- name:end -->`` markers. All of it comes from
the table of contents (``ce_lib.course.contents``), the glossary (``ce_lib.course.glossary``),
the exercises (``ce_lib.course.exercises``) and the repository address in ``pyproject.toml``
(``[project.urls] Repository``), so renaming a notebook, adding a term or an exercise, or moving
the repository is one edit and one run::

    python tools/navigation.py          # rewrite what is stale
    python tools/navigation.py --check  # exit 1 if anything is stale (a test runs this)
    python tools/navigation.py --hub https://hub.example.edu   # print a JupyterHub link

Notebooks are JSON: only the standard library is needed to rewrite them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ce_lib import words as catalogues  # noqa: E402
from ce_lib.course.contents import ARTICLE_STEPS, NOTEBOOKS, Notebook  # noqa: E402
from ce_lib.course.exercises import EXERCISES, FUNCTION_CASES, Exercise, misconception_rows  # noqa: E402
from ce_lib.course.glossary import terms_defined_in  # noqa: E402
from ce_lib.formatting import format_number  # noqa: E402

NOTEBOOK_FOLDER = ROOT / "notebooks"
README = ROOT / "README.md"
GUIDE = NOTEBOOK_FOLDER / "teacher_guide.md"
HEADER_TAG, FOOTER_TAG, GLOSSARY_TAG = "navigation-header", "navigation-footer", "glossary"
GENERATED_TAGS = {HEADER_TAG, FOOTER_TAG, GLOSSARY_TAG}
BRANCH = "HEAD"
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"


def repository(root: Path = ROOT) -> str:
    """Return the GitHub repository (``owner/name``) named in ``pyproject.toml``'s ``[project.urls]``."""
    urls = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    match = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?", urls["Repository"])
    if not match:
        raise ValueError(
            f"[project.urls] Repository must be https://github.com/<owner>/<name>, got {urls['Repository']!r}"
        )
    return match[1]


def binder_url(file: str) -> str:
    """Return the Binder link that opens JupyterLab directly on ``notebooks/<file>``."""
    return f"https://mybinder.org/v2/gh/{repository()}/{BRANCH}?urlpath=lab/tree/notebooks/{file}"


def binder_badge(file: str) -> str:
    """Return the markdown of a "launch binder" badge that opens ``notebooks/<file>``."""
    return f"[![Launch on Binder]({BINDER_BADGE})]({binder_url(file)})"


def binder_link(file: str) -> str:
    """Return a text link that opens ``notebooks/<file>`` on Binder: no picture to break offline."""
    return f"[▶ Open this notebook on Binder]({binder_url(file)})"


def nbgitpuller_url(hub: str, file: str = NOTEBOOKS[0].file) -> str:
    """Return the link that copies the repository into a learner's JupyterHub and opens ``file``."""
    owner_name = repository()
    query = urllib.parse.urlencode({
        "repo": f"https://github.com/{owner_name}",
        "urlpath": f"lab/tree/{owner_name.split('/')[1]}/notebooks/{file}",
        "branch": "main",
    })  # fmt: skip
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def readme_links() -> str:
    """Return the README's launch links: the Binder badge and the JupyterHub (nbgitpuller) link."""
    return (
        f"{binder_badge(NOTEBOOKS[0].file)}\n\n"
        f"On a JupyterHub (a school's or a course's), this link copies the notebooks into each learner's\n"
        f"account with nbgitpuller and opens the start notebook (replace `https://YOUR-HUB`; nbgitpuller\n"
        f"must be installed on the hub):\n\n"
        f"```\n{nbgitpuller_url('https://YOUR-HUB')}\n```"
    )


def shown_answer(exercise: Exercise, language: str | None = None) -> str:
    """Return an exercise's answer as the answer key prints it (and the checker accepts it)."""
    if exercise.key in FUNCTION_CASES:
        cases = len(FUNCTION_CASES[exercise.key])
        return catalogues.say("exercises.guide.function_answer", cases=cases, language=language)
    value = exercise.expected()
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return "(" + ", ".join(str(v) for v in value) + ")"
    if isinstance(value, int):
        return str(value)
    return format_number(float(value), 5)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def guide_answer_key(language: str | None = None) -> str:
    """Return the teacher's guide's answer key in ``language``: every exercise, its answer and why."""
    words = catalogues.section("exercises.guide", language)
    with catalogues.using(language or catalogues.current_language()):
        rows = [f"| {key} | {_cell(shown_answer(e))} | {_cell(e.confirmation)} |" for key, e in EXERCISES.items()]
    header = f"| {words['exercise']} | {words['answer']} | {words['why']} |"
    return header + "\n|---|---|---|\n" + "\n".join(rows)


def guide_mistakes(language: str | None = None) -> str:
    """Return the teacher's guide's table, in ``language``, of every mistake the checker recognises."""
    words = catalogues.section("exercises.guide", language)
    with catalogues.using(language or catalogues.current_language()):
        rows = [f"| {key} | {_cell(name)} | {_cell(message)} |" for key, name, message in misconception_rows()]
    header = f"| {words['exercise']} | {words['mistake']} | {words['says']} |"
    return header + "\n|---|---|---|\n" + "\n".join(rows)


#: Each document's generated blocks: marker name -> what goes between its markers.
GENERATED_BLOCKS = {
    README: {"launch-links": readme_links},
    GUIDE: {"mistakes": guide_mistakes, "answer-key": guide_answer_key},
}


def _block_pattern(name: str) -> re.Pattern:
    return re.compile(re.escape(f"<!-- {name}:start -->") + ".*?" + re.escape(f"<!-- {name}:end -->"), re.S)


def with_blocks(text: str, blocks: dict) -> str:
    """Return ``text`` with each named block between its markers rewritten."""
    for name, content in blocks.items():
        pattern = _block_pattern(name)
        if not pattern.search(text):
            raise ValueError(f"no <!-- {name}:start --> … <!-- {name}:end --> block to write into")
        block = f"<!-- {name}:start -->\n{content()}\n<!-- {name}:end -->"
        text = pattern.sub(lambda _, block=block: block, text)
    return text


def _link(notebook: Notebook) -> str:
    return f"[{notebook.number} · {notebook.title}]({notebook.file})"


def _navigation_line(index: int) -> str:
    previous = NOTEBOOKS[index - 1] if index > 0 else None
    following = NOTEBOOKS[index + 1] if index + 1 < len(NOTEBOOKS) else None
    parts = [f"← Previous: {_link(previous)}" if previous else "← Previous: (this is the first notebook)"]
    if index > 0:
        parts.append(f"[Index]({NOTEBOOKS[0].file})")
    parts.append(f"Next: {_link(following)} →" if following else "Next: (this is the last notebook)")
    return " &nbsp;|&nbsp; ".join(parts)


def argument_map(current: int | None) -> str:
    """Return the argument's steps in order, linked, with step ``current`` in bold."""
    steps: dict[bool, list[str]] = {False: [], True: []}
    for notebook in NOTEBOOKS:
        if notebook.step is None:
            continue
        text = f"{notebook.step}. [{notebook.title}]({notebook.file})"
        steps[notebook.step > ARTICLE_STEPS].append(f"**{text} ← you are here**" if notebook.step == current else text)
    return " → ".join(steps[False]) + " &nbsp;·&nbsp; *beyond the article:* " + " → ".join(steps[True])


def header_source(index: int) -> str:
    """Return the markdown of notebook ``index``'s header cell."""
    notebook = NOTEBOOKS[index]
    number = f"{notebook.step} · " if notebook.step is not None else ""
    return (
        f"# {number}{notebook.title}\n"
        f"*Cross-Entropy, Step by Step* &nbsp; {binder_link(notebook.file)}\n\n"
        f"{_navigation_line(index)}\n\n"
        f"**Where we are in the argument:** {argument_map(notebook.step)}"
    )


def footer_source(index: int) -> str:
    """Return the markdown of notebook ``index``'s footer cell."""
    return f"---\n{_navigation_line(index)}"


def glossary_source(index: int) -> str | None:
    """Return the markdown of notebook ``index``'s "Words to know" box, or None if it defines no term."""
    terms = terms_defined_in(NOTEBOOKS[index].number)
    if not terms:
        return None
    rows = "\n".join(f"- **{term.name}**: {term.definition}" for term in terms)
    return "> **Words to know** (new in this notebook)\n>\n" + "\n".join(f"> {line}" for line in rows.splitlines())


def _markdown_cell(source: str, tag: str) -> dict:
    slide_type = {HEADER_TAG: "slide", GLOSSARY_TAG: "fragment"}.get(tag, "skip")  # the header opens the deck
    return {"cell_type": "markdown", "id": tag, "metadata": {"slideshow": {"slide_type": slide_type}, "tags": [tag]},
            "source": source}  # fmt: skip


def _tags(cell: dict) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _source_text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def with_navigation(cells: list[dict], index: int) -> list[dict]:
    """Return ``cells`` with the header first, the glossary box after "What you will learn", the footer last."""
    body = [cell for cell in cells if not GENERATED_TAGS & _tags(cell)]
    glossary = glossary_source(index)
    if glossary is not None:
        after = next((i for i, c in enumerate(body) if _source_text(c).startswith("## What you will learn")), -1)
        body.insert(after + 1, _markdown_cell(glossary, GLOSSARY_TAG))
    return [_markdown_cell(header_source(index), HEADER_TAG), *body, _markdown_cell(footer_source(index), FOOTER_TAG)]


def stale_files(folder: Path = NOTEBOOK_FOLDER) -> list[str]:
    """Return the notebooks and documents whose generated parts differ from what this script writes."""
    stale = []
    for index, notebook in enumerate(NOTEBOOKS):
        cells = json.loads((folder / notebook.file).read_text(encoding="utf-8"))["cells"]
        if [_source_text(c) for c in cells] != [_source_text(c) for c in with_navigation(cells, index)]:
            stale.append(notebook.file)
    for document, blocks in GENERATED_BLOCKS.items():
        text = document.read_text(encoding="utf-8")
        if with_blocks(text, blocks) != text:
            stale.append(document.name)
    return stale


def write(folder: Path = NOTEBOOK_FOLDER) -> list[str]:
    """Rewrite every stale notebook's generated cells and every stale document block; return what changed."""
    changed = stale_files(folder)
    for index, notebook in enumerate(NOTEBOOKS):
        if notebook.file in changed:
            path = folder / notebook.file
            content = json.loads(path.read_text(encoding="utf-8"))
            content["cells"] = with_navigation(content["cells"], index)
            path.write_text(json.dumps(content, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for document, blocks in GENERATED_BLOCKS.items():
        if document.name in changed:
            document.write_text(with_blocks(document.read_text(encoding="utf-8"), blocks), encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    """Command line: write what is stale, or with ``--check`` only report it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report what is stale; exit 1 if anything is")
    parser.add_argument("--hub", help="print the nbgitpuller link for this JupyterHub address and stop")
    arguments = parser.parse_args(argv)
    if arguments.hub:
        print(nbgitpuller_url(arguments.hub))
        return 0
    if arguments.check:
        stale = stale_files()
        for file in stale:
            print(f"stale: {file}")
        return 1 if stale else 0
    for file in write():
        print(f"wrote: {file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
