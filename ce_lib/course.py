"""The series' table of contents, and the script that writes every notebook's navigation.

Each notebook starts with a header cell (title, where we are in the argument, previous and
next links) and ends with a footer cell (previous and next links). Both are written from
:data:`NOTEBOOKS` by this module, so adding or renaming a notebook is one edit here and
one run::

    python -m ce_lib.course          # rewrite the header and footer cells in place
    python -m ce_lib.course --check  # exit 1 if any notebook's navigation is out of date

Only the standard library is used: notebooks are JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

NOTEBOOK_FOLDER = Path(__file__).resolve().parents[1] / "notebooks"
HEADER_TAG, FOOTER_TAG = "navigation-header", "navigation-footer"
#: The GitHub repository Binder builds from (owner/name), and the branch it follows.
REPOSITORY, BRANCH = "cross-entropy-step-by-step/cross-entropy-step-by-step", "HEAD"
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"


@dataclass(frozen=True)
class Notebook:
    """One notebook of the series: its file, its title and the step of the argument it is."""

    file: str
    title: str
    step: int | None  # None for the start page


NOTEBOOKS: tuple[Notebook, ...] = (
    Notebook("00_start_here.ipynb", "Start here", None),
    Notebook("01_product_of_probabilities.ipynb", "The product of probabilities", 1),
    Notebook("02_the_log_trick.ipynb", "The log trick", 2),
    Notebook("03_negative_log_summed.ipynb", "The negative log, summed: cross-entropy", 3),
    Notebook("04_three_doors.ipynb", "Three doors", 4),
    Notebook("05_the_general_formula.ipynb", "The general formula", 5),
    Notebook("06_beyond_two_classes.ipynb", "Beyond two classes", 6),
    Notebook("07_learning_the_line.ipynb", "Learning the line", 7),
)
#: Steps after this one go beyond the article's argument (what a learner asks next).
ARTICLE_STEPS = 5


def binder_url(file: str) -> str:
    """Return the Binder link that opens JupyterLab directly on ``notebooks/<file>``."""
    return f"https://mybinder.org/v2/gh/{REPOSITORY}/{BRANCH}?urlpath=lab/tree/notebooks/{file}"


def binder_badge(file: str) -> str:
    """Return the markdown of a "launch binder" badge that opens ``notebooks/<file>``."""
    return f"[![Launch on Binder]({BINDER_BADGE})]({binder_url(file)})"


def _link(notebook: Notebook) -> str:
    return f"[{notebook.file[:2]} · {notebook.title}]({notebook.file})"


def _neighbours(index: int) -> tuple[Notebook | None, Notebook | None]:
    previous = NOTEBOOKS[index - 1] if index > 0 else None
    following = NOTEBOOKS[index + 1] if index + 1 < len(NOTEBOOKS) else None
    return previous, following


def _navigation_line(index: int) -> str:
    previous, following = _neighbours(index)
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
        f"*Cross-Entropy, Step by Step* &nbsp; {binder_badge(notebook.file)}\n\n"
        f"{_navigation_line(index)}\n\n"
        f"**Where we are in the argument:** {argument_map(notebook.step)}"
    )


def footer_source(index: int) -> str:
    """Return the markdown of notebook ``index``'s footer cell."""
    return f"---\n{_navigation_line(index)}"


def _markdown_cell(source: str, tag: str) -> dict:
    slide_type = "slide" if tag == HEADER_TAG else "skip"  # the header opens the slide deck
    return {
        "cell_type": "markdown",
        "id": tag,
        "metadata": {"slideshow": {"slide_type": slide_type}, "tags": [tag]},
        "source": source,
    }


def _with_navigation(cells: list[dict], index: int) -> list[dict]:
    """Return ``cells`` with the header first and the footer last, replacing old ones."""
    body = [cell for cell in cells if not {HEADER_TAG, FOOTER_TAG} & set(cell.get("metadata", {}).get("tags", []))]
    return [_markdown_cell(header_source(index), HEADER_TAG), *body, _markdown_cell(footer_source(index), FOOTER_TAG)]


def _source_text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def stale_notebooks(folder: Path = NOTEBOOK_FOLDER) -> list[str]:
    """Return the files whose navigation differs from what :func:`write_navigation` writes."""
    stale = []
    for index, notebook in enumerate(NOTEBOOKS):
        cells = json.loads((folder / notebook.file).read_text(encoding="utf-8"))["cells"]
        wanted = _with_navigation(cells, index)
        if [_source_text(c) for c in cells] != [_source_text(c) for c in wanted]:
            stale.append(notebook.file)
    return stale


def write_navigation(folder: Path = NOTEBOOK_FOLDER) -> list[str]:
    """Rewrite every notebook's header and footer cells; return the files that changed."""
    changed = stale_notebooks(folder)
    for index, notebook in enumerate(NOTEBOOKS):
        if notebook.file not in changed:
            continue
        path = folder / notebook.file
        content = json.loads(path.read_text(encoding="utf-8"))
        content["cells"] = _with_navigation(content["cells"], index)
        path.write_text(json.dumps(content, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    """Command line: write the navigation, or with ``--check`` only report what is stale."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report notebooks whose navigation is stale")
    arguments = parser.parse_args(argv)
    if arguments.check:
        stale = stale_notebooks()
        for file in stale:
            print(f"stale navigation: {file}")
        return 1 if stale else 0
    for file in write_navigation():
        print(f"wrote navigation: {file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
