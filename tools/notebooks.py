"""Build the notebooks from their text sources, in every language, run them, and store their outputs.

The notebooks are written as text and built, never edited as JSON:

* ``notebooks/source/<name>.md`` — a notebook's English source, MyST markdown (jupytext): its
  prose, its code cells (the same code in every language; their comments are translated), its
  notes for teachers (cells tagged ``teacher-note``: the decks' speaker notes, never in a
  learner's notebook) and, for each exercise, an empty markdown cell whose metadata names it
  (``{"exercise": "03.4"}``): its prompt is written from the exercise table in the notebook's
  language. Every number the prose states is one ce_lib computes from the story
  (:mod:`tools.story_numbers`; a test checks it).
* ``notebooks/source/<language>/<name>.toml`` — that language's translation of the prose, block
  by block (a block is a paragraph, a list, a formula, a table, a code comment): each
  ``[[block]]`` has the ``english`` it translates and its ``text``. A block whose English
  changed is *stale*: the test suite lists it (:func:`stale_translations`) until it is
  translated again.
* ``notebooks/<name>.ipynb`` (English) and ``notebooks/<language>/<name>.ipynb`` — built: the
  header (title, links, the map of the argument), the "Words to know" box and the footer are
  written in (:mod:`tools.navigation`), the prose translated, then the
  notebook is run top to bottom in its own folder (so its code speaks its language) and stored
  with its outputs. Cell ids come from the cells' content, and views get the same widget ids
  in every run, so rebuilding changes only what changed.

::

    python tools/notebooks.py                 # rebuild and re-run every notebook whose cells are stale
    python tools/notebooks.py --all           # rebuild and re-run every notebook
    python tools/notebooks.py --only 03       # rebuild and re-run notebook 03 in every language
    python tools/notebooks.py --check         # report what is stale and exit 1 if anything is (a test runs it)
    python tools/notebooks.py --stale-translations zh-CN   # list the prose blocks to translate again
"""

from __future__ import annotations

import argparse
import copy
import difflib
import functools
import hashlib
import io
import json
import re
import sys
import tokenize
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ce_lib import words  # noqa: E402
from tools import navigation  # noqa: E402
from tools.contents import NOTEBOOKS, Notebook  # noqa: E402

NOTEBOOK_FOLDER = ROOT / "notebooks"
SOURCE_FOLDER = NOTEBOOK_FOLDER / "source"
KERNEL = "python3"
#: Seconds a notebook may run before the build gives up.
TIMEOUT = 300


def notebook_folder(language: str) -> Path:
    """Return where the notebooks of ``language`` live: ``notebooks/`` for English, ``notebooks/<language>/`` else."""
    return NOTEBOOK_FOLDER if language == words.SOURCE else NOTEBOOK_FOLDER / language


def source_path(notebook: Notebook) -> Path:
    return SOURCE_FOLDER / f"{Path(notebook.file).stem}.md"


def translation_path(notebook: Notebook, language: str) -> Path:
    return SOURCE_FOLDER / language / f"{Path(notebook.file).stem}.toml"


def read_source(notebook: Notebook):  # type: ignore[no-untyped-def]
    """Return a notebook's source as an (unexecuted) nbformat notebook."""
    import jupytext

    return jupytext.reads(source_path(notebook).read_text(encoding="utf-8"), fmt="md:myst")


# Prose, block by block ---------------------------------------------------------------------


def blocks(markdown: str) -> list[str]:
    """Split markdown into blocks at blank lines, keeping fenced code and $$ formulas whole.

    Examples
    --------
    >>> blocks("One.\\nStill one.\\n\\n$$a\\n\\nb$$\\n\\n- x\\n- y")
    ['One.\\nStill one.', '$$a\\n\\nb$$', '- x\\n- y']
    """
    out: list[str] = []
    current: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.strip() == "" and not fenced:
            if current:
                out.append("\n".join(current))
                current = []
            continue
        current.append(line)
        if line.strip().startswith("```") or line.strip().count("$$") % 2 == 1:
            fenced = not fenced
    if current:
        out.append("\n".join(current))
    return out


def comments(code: str) -> list[str]:
    """Return the comments of a code cell, each with its ``#``: what a translation of code translates.

    Examples
    --------
    >>> comments('answer = ...  # replace ... with your answer\\nx = "#" # not a comment: a string')
    ['# replace ... with your answer', '# not a comment: a string']
    """
    return [token.string for token in _tokens(code) if token.type == tokenize.COMMENT]


def _tokens(code: str) -> list[tokenize.TokenInfo]:
    return list(tokenize.generate_tokens(io.StringIO(code).readline))


def translate_comments(code: str, table: dict[str, str]) -> str:
    """Return ``code`` with each comment replaced by its translation; the code itself is left as it is."""
    lines = code.split("\n")
    for token in reversed(_tokens(code)):  # right to left: earlier columns stay where they were
        if token.type == tokenize.COMMENT and token.string in table:
            row, column = token.start[0] - 1, token.start[1]
            lines[row] = lines[row][:column] + table[token.string] + lines[row][column + len(token.string) :]
    return "\n".join(lines)


def translations(notebook: Notebook, language: str) -> dict[str, str]:
    """Return a notebook's prose translations into ``language``: English block → translated block."""
    path = translation_path(notebook, language)
    if language == words.SOURCE or not path.exists():
        return {}
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("block", [])
    return {entry["english"].strip(): entry["text"].strip() for entry in entries if entry["text"].strip()}


def translate(markdown: str, table: dict[str, str], anchors: dict[str, str] | None = None) -> str:
    """Return ``markdown`` with each block replaced by its translation (a block with none stays English).

    ``anchors`` maps a link target to a heading (``00_start_here.ipynb#Exercises``) to the same
    heading in the translation: a translated heading has its own anchor.
    """

    def translated(block: str) -> str:  # keeps the block's indent: a list item's code or paragraph stays in it
        if block.strip() not in table:
            return block
        return block[: len(block) - len(block.lstrip())] + table[block.strip()]

    text = "\n\n".join(translated(block) for block in blocks(markdown))
    if anchors:
        text = LINK_TO_HEADING.sub(lambda m: f"]({anchors.get(m.group(1), m.group(1))})", text)
    return text


#: A markdown link to a heading of a notebook: ``](00_start_here.ipynb#Exercises)``.
LINK_TO_HEADING = re.compile(r"\]\(([\w.-]*\.ipynb#[^)\s]+)\)")


def anchor(heading: str) -> str:
    """Return the anchor JupyterLab and GitHub give a markdown heading line.

    Examples
    --------
    >>> anchor("## Key takeaways"), anchor("## 练习与要点")
    ('Key-takeaways', '练习与要点')
    """
    return heading.lstrip("#").strip().replace(" ", "-")


@functools.cache
def heading_anchors(language: str) -> dict[str, str]:
    """Return, for ``language``, each link target to an English heading → the target to its translation."""
    out = {}
    for notebook in NOTEBOOKS:
        table = translations(notebook, language)
        for block in source_blocks(notebook):  # a heading is a block's first line
            if block.startswith("#") and table.get(block, "").startswith("#"):
                english, translated = block.splitlines()[0], table[block].splitlines()[0]
                out[f"{notebook.file}#{anchor(english)}"] = f"{notebook.file}#{anchor(translated)}"
    return out


@dataclass(frozen=True)
class StaleBlock:
    """A prose block a language must translate (again): its notebook, its English, and the English it was made from."""

    notebook: str
    english: str
    translated_from: str | None  # the closest orphaned translation's English, if any


def source_blocks(notebook: Notebook) -> list[str]:
    """Return every translatable block of a notebook's source, in order: its prose and its code's comments.

    Exercise prompts are not among them: they come from the catalogue, in each language.
    """
    out = []
    for cell in read_source(notebook).cells:
        if cell.cell_type == "code":
            out += comments(cell.source)
        elif "exercise" not in cell.metadata:
            out += [block.strip() for block in blocks(cell.source) if block.strip()]
    return out


def stale_translations(language: str) -> list[StaleBlock]:
    """Return every prose block that ``language`` lacks, paired with the orphaned translation it most resembles."""
    stale = []
    sources = [(notebook.file, translations(notebook, language), source_blocks(notebook)) for notebook in NOTEBOOKS]
    sources += [(f"{document.name}.md", document.translations(language), document.blocks()) for document in DOCUMENTS]
    for name, table, wanted in sources:
        orphans = [english for english in table if english not in wanted]
        for block in wanted:
            if block in table:
                continue
            close = difflib.get_close_matches(block, orphans, n=1, cutoff=0.5)
            stale.append(StaleBlock(name, block, close[0] if close else None))
    return stale


# Building -----------------------------------------------------------------------------------


def cell_id(cell: dict, taken: set[str]) -> str:
    """Return an id from the cell's content: rebuilding changes the ids of changed cells only."""
    digest = hashlib.sha1(json.dumps([cell["cell_type"], cell["source"]], ensure_ascii=False).encode()).hexdigest()
    candidate, extra = digest[:8], 0
    while candidate in taken:
        extra += 1
        candidate = f"{digest[:8]}-{extra}"
    taken.add(candidate)
    return candidate


#: A source cell for teachers only: left out of the learner's notebook, kept as a deck's speaker notes.
TEACHER_NOTE = "teacher-note"


def build(notebook: Notebook, language: str, *, notes: bool = False):  # type: ignore[no-untyped-def]
    """Return the notebook ``notebook`` in ``language``, built from its source, not yet run.

    Cells tagged ``teacher-note`` are left out, so a learner never reads a note that answers an
    exercise ahead; with ``notes=True`` they are kept (the static edition's decks show them as
    speaker notes).
    """
    import nbformat

    source = read_source(notebook)
    table = translations(notebook, language)
    cells = []
    for cell in source.cells:
        if TEACHER_NOTE in cell.metadata.get("tags", []) and not notes:
            continue
        cell = copy.deepcopy(cell)
        if cell.cell_type == "code":
            cell.source = translate_comments(cell.source, table)
        elif cell.cell_type == "markdown":
            if "exercise" in cell.metadata:
                from ce_lib.course.exercises import exercise_prompt

                cell.source = exercise_prompt(cell.metadata.pop("exercise"), language=language)
            else:
                cell.source = translate(cell.source, table, heading_anchors(language))
        cells.append(cell)
    index = NOTEBOOKS.index(notebook)
    built = nbformat.v4.new_notebook()
    built.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL},
        "language_info": {"name": "python"},
    }
    built.cells = [nbformat.from_dict(c) for c in navigation.with_navigation([dict(c) for c in cells], index, language)]
    taken: set[str] = set()
    for cell in built.cells:
        cell["id"] = cell_id(cell, taken)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return built


GUIDE = "teacher_guide.md"


@dataclass(frozen=True)
class Document:
    """A markdown document translated block by block, like a notebook's prose.

    Its generated blocks (between ``<!-- name:start -->`` and ``<!-- name:end -->``) are not
    translated but written anew in each language by ``generated[name](language=...)``.
    """

    name: str  # the stem of its translation files: notebooks/source/<language>/<name>.toml
    english: Path
    generated: dict[str, Callable[..., str]]

    def path(self, language: str) -> Path:
        """Return where the document is stored in ``language``."""
        if self.name == "README":
            return self.english if language == words.SOURCE else ROOT / f"README.{language}.md"
        return notebook_folder(language) / self.english.name

    def translations(self, language: str) -> dict[str, str]:
        """Return its translations into ``language``: English block → translated block."""
        path = SOURCE_FOLDER / language / f"{self.name}.toml"
        if language == words.SOURCE or not path.exists():
            return {}
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("block", [])
        return {entry["english"].strip(): entry["text"].strip() for entry in entries if entry["text"].strip()}

    def blocks(self) -> list[str]:
        """Return the English's translatable blocks: its prose, the generated blocks left out."""
        text = navigation.with_blocks(self.english.read_text(encoding="utf-8"), dict.fromkeys(self.generated, str))
        return [block.strip() for block in blocks(text) if block.strip() and not block.startswith("<!--")]

    def build(self, language: str) -> str:
        """Return the document in ``language``: the English prose translated, its generated blocks written anew."""
        english = self.english.read_text(encoding="utf-8")
        if language == words.SOURCE:
            return english
        generated = {name: functools.partial(make, language=language) for name, make in self.generated.items()}
        empty = navigation.with_blocks(english, dict.fromkeys(generated, str))
        translated = translate(empty, self.translations(language), heading_anchors(language)) + "\n"
        if self.name == "README":  # a link to a notebook or the guide leads to the edition's own
            translated = README_LINK.sub(lambda link: f"](notebooks/{language}/{link.group(1)}", translated)
        return navigation.with_blocks(translated, generated)


#: A README link to a notebook or to the teacher's guide: ``](notebooks/03_….ipynb)``.
README_LINK = re.compile(r"\]\(notebooks/([\w.-]+\.(?:ipynb|md))")

#: The documents translated like the notebooks: the teacher's guide and the README.
DOCUMENTS = (
    Document("teacher_guide", NOTEBOOK_FOLDER / GUIDE, navigation.GUIDE_BLOCKS),
    Document("README", ROOT / "README.md", navigation.README_BLOCKS),
)


def run(built, folder: Path):  # type: ignore[no-untyped-def]
    """Run a built notebook top to bottom in ``folder`` (its language's) and return it with its outputs."""
    from nbclient import NotebookClient

    client = NotebookClient(built, timeout=TIMEOUT, kernel_name=KERNEL, resources={"metadata": {"path": str(folder)}},
                            record_timing=False, store_widget_state=False)  # fmt: skip
    client.execute()
    return built


def write(built, path: Path) -> None:
    """Store a notebook as nbformat writes it (one line per key, Unicode kept)."""
    import nbformat

    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.validate(built)
    path.write_text(nbformat.writes(built) + "\n", encoding="utf-8")


def _inputs(notebook: dict) -> list:
    """Return what a reader writes of a notebook: each cell's type, source, metadata and id (no outputs)."""
    cells = notebook["cells"]
    return [[c["cell_type"], c.get("id"), "".join(c["source"]) if isinstance(c["source"], list) else c["source"],
             c.get("metadata", {})] for c in cells]  # fmt: skip


def stale_notebooks() -> list[tuple[Notebook, str]]:
    """Return every (notebook, language) whose stored cells differ from what its source builds."""
    import nbformat

    stale = []
    for language in words.LANGUAGES:
        folder = notebook_folder(language)
        for notebook in NOTEBOOKS:
            path = folder / notebook.file
            if not path.exists():
                stale.append((notebook, language))
                continue
            stored = json.loads(path.read_text(encoding="utf-8"))
            if _inputs(stored) != _inputs(json.loads(nbformat.writes(build(notebook, language)))):
                stale.append((notebook, language))
    return stale


def stale_documents() -> list[Path]:
    """Return every translated document whose stored file differs from what its English builds."""
    return [
        document.path(language)
        for document in DOCUMENTS
        for language in words.LANGUAGES
        if language != words.SOURCE
        and (not document.path(language).exists() or document.path(language).read_text(encoding="utf-8")
             != document.build(language))
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Command line: rebuild what is stale (or everything, or one notebook), or only report it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report what is stale; exit 1 if anything is")
    parser.add_argument("--all", action="store_true", help="rebuild and re-run every notebook")
    parser.add_argument("--only", metavar="NN", help="rebuild and re-run only notebook NN (every language)")
    parser.add_argument("--language", choices=sorted(words.LANGUAGES), help="only this language")
    parser.add_argument("--stale-translations", metavar="LANGUAGE", help="list the prose blocks to translate")
    arguments = parser.parse_args(argv)
    if arguments.stale_translations:
        stale = stale_translations(arguments.stale_translations)
        for block in stale:
            was = f"(translated from: {block.translated_from})\n" if block.translated_from else ""
            print(f"--- {block.notebook}\n{block.english}\n{was}")
        print(f"{len(stale)} blocks to translate")
        return 1 if stale else 0
    if arguments.check:
        stale = [f"{notebook_folder(language).relative_to(ROOT)}/{n.file}" for n, language in stale_notebooks()]
        stale += [str(path.relative_to(ROOT)) for path in stale_documents()]
        for path in stale:
            print(f"stale: {path}")
        return 1 if stale else 0
    languages = [arguments.language] if arguments.language else list(words.LANGUAGES)
    if arguments.all or arguments.only:
        todo = [(n, lang) for lang in languages for n in NOTEBOOKS if arguments.all or n.number == arguments.only]
    else:
        todo = [(n, lang) for n, lang in stale_notebooks() if lang in languages]
    for notebook, language in todo:
        folder = notebook_folder(language)
        folder.mkdir(parents=True, exist_ok=True)
        write(run(build(notebook, language), folder), folder / notebook.file)
        print(f"built: {(folder / notebook.file).relative_to(ROOT)}")
    for document in DOCUMENTS:
        for language in languages:
            if language != words.SOURCE:
                document.path(language).write_text(document.build(language), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
