"""Every notebook's navigation and "Words to know" box, in its language, and the documents' generated parts.

Each notebook starts with a header cell (title, Binder link, the other languages, previous and
next links, the map of the argument), shows the terms it introduces in a box after "What you will
learn", and ends with a footer cell (previous and next links). :func:`with_navigation` writes
them into a notebook as :mod:`tools.notebooks` builds it. The README's launch links (Binder badge
and JupyterHub link) and the teacher's guide's table of recognised mistakes and answer key are
written between ``<!-- name:start -->`` and ``<!-- name:end -->`` markers. All of it comes from
the table of contents (:mod:`tools.contents`, titles from the notebooks' sources), the glossary
(:mod:`tools.glossary`), the exercises (``ce_lib.course.exercises``), the words of the
navigation (``navigation.*`` in ``ce_lib/words``) and the repository address in ``pyproject.toml``
(``[project.urls] Repository``), so renaming a notebook, adding a term or an exercise, or moving
the repository is one edit and one run::

    python tools/navigation.py          # rewrite the documents' stale blocks (the notebooks: tools/notebooks.py)
    python tools/navigation.py --check  # exit 1 if any block is stale (a test runs this)
    python tools/navigation.py --hub https://hub.example.edu   # print a JupyterHub link
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
import tomllib
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ce_lib import words  # noqa: E402
from ce_lib.course.checking import option_word  # noqa: E402
from ce_lib.course.exercises import EXERCISES, FUNCTION_CASES, Exercise, misconception_rows  # noqa: E402
from ce_lib.formatting import format_number  # noqa: E402
from tools.contents import ARTICLE_STEPS, NOTEBOOKS, Notebook, title  # noqa: E402
from tools.glossary import TERMS, Term, terms_defined_in  # noqa: E402

NOTEBOOK_FOLDER = ROOT / "notebooks"
README = ROOT / "README.md"
GUIDE = NOTEBOOK_FOLDER / "teacher_guide.md"
HEADER_TAG, FOOTER_TAG, GLOSSARY_TAG = "navigation-header", "navigation-footer", "glossary"
#: The source cell the "Words to know" box follows.
LEARN_TAG = "what-you-will-learn"
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


def edition_path(file: str, language: str = words.SOURCE) -> str:
    """Return a notebook's path in the repository: ``notebooks/<file>``, or ``notebooks/<language>/<file>``."""
    return f"notebooks/{file}" if language == words.SOURCE else f"notebooks/{language}/{file}"


def binder_url(file: str, language: str = words.SOURCE) -> str:
    """Return the Binder link that opens JupyterLab directly on the notebook ``file`` of ``language``."""
    return f"https://mybinder.org/v2/gh/{repository()}/{BRANCH}?urlpath=lab/tree/{edition_path(file, language)}"


def binder_badge(file: str) -> str:
    """Return the markdown of a "launch binder" badge that opens ``notebooks/<file>``."""
    return f"[![Launch on Binder]({BINDER_BADGE})]({binder_url(file)})"


def binder_link(file: str, language: str = words.SOURCE) -> str:
    """Return a text link that opens the notebook on Binder: no picture to break offline."""
    return f"[{words.say('navigation.open_on_binder', language=language)}]({binder_url(file, language)})"


def nbgitpuller_url(hub: str, file: str = NOTEBOOKS[0].file, language: str = words.SOURCE) -> str:
    """Return the link that copies the repository into a learner's JupyterHub and opens ``file`` of ``language``."""
    owner_name = repository()
    query = urllib.parse.urlencode({
        "repo": f"https://github.com/{owner_name}",
        "urlpath": f"lab/tree/{owner_name.split('/')[1]}/{edition_path(file, language)}",
        "branch": "main",
    })  # fmt: skip
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def readme_file(language: str = words.SOURCE) -> str:
    """Return the README of ``language``: ``README.md`` (English) or ``README.<language>.md``."""
    return "README.md" if language == words.SOURCE else f"README.{language}.md"


def readme_links(language: str = words.SOURCE) -> str:
    """Return a README's launch links in ``language``: its editions, Binder for each, and the JupyterHub links."""
    say = functools.partial(words.say, language=language)
    editions = " · ".join(f"**{name}**" if code == language else f"[{name}]({readme_file(code)})"
                          for code, name in words.LANGUAGES.items())  # fmt: skip
    badges = " &nbsp; ".join(f"[![{say('navigation.readme_binder', edition=name)}]({BINDER_BADGE})]"
                             f"({binder_url(NOTEBOOKS[0].file, code)}) {name}"
                             for code, name in words.LANGUAGES.items())  # fmt: skip
    hubs = "\n\n".join(f"{say('navigation.readme_hub_edition', edition=name)}\n\n"
                        f"```\n{nbgitpuller_url('https://YOUR-HUB', language=code)}\n```"
                        for code, name in words.LANGUAGES.items())  # fmt: skip
    return f"{editions}\n\n{badges}\n\n{say('navigation.readme_hub')}\n\n{hubs}"


def readme_benchmark(language: str = words.SOURCE) -> str:
    """Return what a translated README says in place of the benchmark's table: where the English one is."""
    return words.say("navigation.readme_benchmark", language=language)


def shown_answer(exercise: Exercise, language: str | None = None) -> str:
    """Return an exercise's answer as the answer key prints it (and the checker accepts it)."""
    if exercise.key in FUNCTION_CASES:
        cases = len(FUNCTION_CASES[exercise.key])
        return words.say("exercises.guide.function_answer", cases=cases, language=language)
    value = exercise.expected()
    if isinstance(value, str):
        return option_word(value, language)
    if isinstance(value, tuple):
        return "(" + ", ".join(str(v) for v in value) + ")"
    if isinstance(value, int):
        return str(value)
    return format_number(float(value), 5)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def guide_answer_key(language: str | None = None) -> str:
    """Return the teacher's guide's answer key in ``language``: every exercise, its answer and why."""
    heads = words.section("exercises.guide", language)
    with words.using(language or words.current_language()):
        rows = [f"| {key} | {_cell(shown_answer(e))} | {_cell(e.confirmation)} |" for key, e in EXERCISES.items()]
    header = f"| {heads['exercise']} | {heads['answer']} | {heads['why']} |"
    return header + "\n|---|---|---|\n" + "\n".join(rows)


def guide_mistakes(language: str | None = None) -> str:
    """Return the teacher's guide's table, in ``language``, of every mistake the checker recognises."""
    heads = words.section("exercises.guide", language)
    with words.using(language or words.current_language()):
        names = words.section("exercises.mistake_names")
        rows = [
            f"| {key} | {_cell(names.get(name, name))} | {_cell(message)} |"
            for key, name, message in misconception_rows()
        ]
    header = f"| {heads['exercise']} | {heads['mistake']} | {heads['says']} |"
    return header + "\n|---|---|---|\n" + "\n".join(rows)


def guide_glossary(language: str | None = None) -> str:
    """Return the teacher's guide's glossary in ``language``: every term, in both languages, where it is defined."""
    language = language or words.current_language()
    heads = words.section("exercises.guide", language)
    terms = sorted(TERMS.values(), key=lambda term: term.notebook)
    rows = [f"| {_cell(term.name(language))} | {_cell(term.name(words.SOURCE))} | {term.notebook} | "
            f"{_cell(term.definition(language))} |" for term in terms]  # fmt: skip
    if language == words.SOURCE:  # one language: the English column once
        rows = [f"| {_cell(term.name(language))} | {term.notebook} | {_cell(term.definition(language))} |"
                for term in terms]  # fmt: skip
        return f"| {heads['term']} | {heads['notebook']} | {heads['definition']} |\n|---|---|---|\n" + "\n".join(rows)
    header = f"| {heads['term']} | {heads['term_in_english']} | {heads['notebook']} | {heads['definition']} |"
    return header + "\n|---|---|---|---|\n" + "\n".join(rows)


#: The teacher's guide's generated blocks (in any language): marker name -> what goes between its markers.
GUIDE_BLOCKS = {"glossary": guide_glossary, "mistakes": guide_mistakes, "answer-key": guide_answer_key}
#: A translated README's generated blocks: the launch links, and a pointer to the English benchmark table.
README_BLOCKS = {"launch-links": readme_links, "benchmark": readme_benchmark}
#: Each English document's generated blocks: marker name -> what goes between its markers.
GENERATED_BLOCKS = {README: {"launch-links": readme_links}, GUIDE: GUIDE_BLOCKS}


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


def _link(notebook: Notebook, language: str) -> str:
    return f"[{notebook.number} · {title(notebook, language)}]({notebook.file})"


def _navigation_line(index: int, language: str) -> str:
    previous = NOTEBOOKS[index - 1] if index > 0 else None
    following = NOTEBOOKS[index + 1] if index + 1 < len(NOTEBOOKS) else None

    def say(key: str, **values: str) -> str:
        return words.say(f"navigation.{key}", language=language, **values)

    parts = [say("previous", link=_link(previous, language)) if previous else say("previous_none")]
    if index > 0:
        parts.append(f"[{say('index')}]({NOTEBOOKS[0].file})")
    parts.append(say("next", link=_link(following, language)) if following else say("next_none"))
    return " &nbsp;|&nbsp; ".join(parts)


def argument_map(current: int | None, language: str = words.SOURCE) -> str:
    """Return the argument's steps in order, linked, with step ``current`` in bold."""
    steps: dict[bool, list[str]] = {False: [], True: []}
    for notebook in NOTEBOOKS:
        if notebook.step is None:
            continue
        text = f"{notebook.step}. [{title(notebook, language)}]({notebook.file})"
        if notebook.step == current:
            text = "**" + words.say("navigation.you_are_here", language=language, step=text) + "**"
        steps[notebook.step > ARTICLE_STEPS].append(text)
    beyond = words.say("navigation.beyond", language=language)
    return " → ".join(steps[False]) + f" &nbsp;·&nbsp; {beyond} " + " → ".join(steps[True])


def other_languages(notebook: Notebook, language: str) -> str:
    """Return links to the same notebook in every other language (relative to this one's folder)."""
    links = []
    for other, name in words.LANGUAGES.items():
        if other == language:
            continue
        up = "" if language == words.SOURCE else "../"
        down = "" if other == words.SOURCE else f"{other}/"
        links.append(f"[{name}]({up}{down}{notebook.file})")
    return words.say("navigation.other_languages", language=language, links=" · ".join(links))


def header_source(index: int, language: str = words.SOURCE) -> str:
    """Return the markdown of notebook ``index``'s header cell in ``language``."""
    notebook = NOTEBOOKS[index]
    number = f"{notebook.step} · " if notebook.step is not None else ""
    project = words.say("navigation.project", language=language)
    return (
        f"# {number}{title(notebook, language)}\n"
        f"*{project}* &nbsp; {binder_link(notebook.file, language)} &nbsp; · &nbsp; "
        f"{other_languages(notebook, language)}\n\n"
        f"{_navigation_line(index, language)}\n\n"
        f"{words.say('navigation.argument', language=language, steps=argument_map(notebook.step, language))}"
    )


def footer_source(index: int, language: str = words.SOURCE) -> str:
    """Return the markdown of notebook ``index``'s footer cell."""
    return f"---\n{_navigation_line(index, language)}"


def glossary_source(index: int, language: str = words.SOURCE) -> str | None:
    """Return the markdown of notebook ``index``'s "Words to know" box, or None if it defines no term."""
    terms = terms_defined_in(NOTEBOOKS[index].number)
    if not terms:
        return None
    rows = "\n".join(f"- {glossary_entry(term, language)}" for term in terms)
    heading = words.say("navigation.words_to_know", language=language)
    return f"> {heading}\n>\n" + "\n".join(f"> {line}" for line in rows.splitlines())


def glossary_entry(term: Term, language: str = words.SOURCE) -> str:
    """Return a term as a glossary shows it: its name (beside the English one in a translation) and definition."""
    same = term.name(language) == term.name(words.SOURCE)  # "softmax" is "softmax": no need to say it twice
    key = "navigation.glossary_entry" if language == words.SOURCE or same else "navigation.glossary_entry_translated"
    return words.say(key, language=language, name=term.name(language),
                     english=term.name(words.SOURCE), definition=term.definition(language))  # fmt: skip


def _markdown_cell(source: str, tag: str) -> dict:
    slide_type = {HEADER_TAG: "slide", GLOSSARY_TAG: "fragment"}.get(tag, "skip")  # the header opens the deck
    return {"cell_type": "markdown", "metadata": {"slideshow": {"slide_type": slide_type}, "tags": [tag]},
            "source": source}  # fmt: skip


def _tags(cell: dict) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def with_navigation(cells: list[dict], index: int, language: str = words.SOURCE) -> list[dict]:
    """Return a source's ``cells`` with its title cell replaced by the header, the glossary box after the
    cell tagged ``what-you-will-learn``, and the footer last."""
    body = [cell for cell in cells if not GENERATED_TAGS & _tags(cell)]
    if body and body[0]["cell_type"] == "markdown" and body[0]["source"].lstrip().startswith("# "):
        body = body[1:]  # the source's title: the header carries it
    glossary = glossary_source(index, language)
    if glossary is not None:
        after = next((i for i, c in enumerate(body) if LEARN_TAG in _tags(c)), 0)
        body.insert(after + 1, _markdown_cell(glossary, GLOSSARY_TAG))
    return [_markdown_cell(header_source(index, language), HEADER_TAG), *body,
            _markdown_cell(footer_source(index, language), FOOTER_TAG)]  # fmt: skip


def stale_files() -> list[str]:
    """Return the documents whose generated blocks differ from what this script writes."""
    stale = []
    for document, blocks in GENERATED_BLOCKS.items():
        text = document.read_text(encoding="utf-8")
        if with_blocks(text, blocks) != text:
            stale.append(document.name)
    return stale


def write() -> list[str]:
    """Rewrite every stale document block; return what changed."""
    changed = stale_files()
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
