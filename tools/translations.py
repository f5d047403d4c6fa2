"""What a translator needs: the entries a language lacks or must translate again, and files to fill in.

Two kinds of words are translated, both kept beside their English:

* the catalogues (``ce_lib/words/<language>/<part>.toml``): per key, the ``english`` it was
  translated from and its ``text``;
* the prose of the notebooks and of the teacher's guide (``notebooks/source/<language>/<name>.toml``):
  per block, the ``english`` and its ``text``.

::

    python tools/translations.py stale zh-CN      # list every entry and block to translate (again)
    python tools/translations.py skeleton zh-CN   # add the missing ones to the files, text empty, to fill in

An entry whose English changed keeps its old ``english`` and ``text`` until a translator writes
the new ones; the test suite lists it as stale meanwhile (and a learner reads the English).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ce_lib import words  # noqa: E402
from tools import notebooks  # noqa: E402
from tools.contents import NOTEBOOKS  # noqa: E402

WORDS = ROOT / "ce_lib" / "words"


def _toml_string(text: str) -> str:
    """Return ``text`` as a TOML string a translator can read: literal (backslashes kept) where TOML allows."""
    candidates = []
    if "\n" in text and "'''" not in text:
        candidates.append(f"'''\n{text}'''")
    if "\n" not in text and "'" not in text:
        candidates.append(f"'{text}'")
    candidates.append(json.dumps(text, ensure_ascii=False))  # a basic string: JSON's escapes are TOML's
    for candidate in candidates:
        try:
            if tomllib.loads(f"v = {candidate}")["v"] == text:
                return candidate
        except tomllib.TOMLDecodeError:
            continue
    raise ValueError(f"cannot write {text!r} as a TOML string")


def _table_name(parts: tuple[str, ...]) -> str:
    """Return a key's parts as a TOML table name, quoting the parts that need it (``exercises."03.4"``)."""
    bare = re.compile(r"[A-Za-z0-9_-]+")
    return ".".join(part if bare.fullmatch(part) else json.dumps(part, ensure_ascii=False) for part in parts)


def _leaves(table: dict[str, Any], parts: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    """Yield every entry of an English catalogue file: its key's parts (as TOML reads them) and its English."""
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _leaves(value, (*parts, key))
        else:
            yield (*parts, key), value


def _entry(header: str, english: str, text: str) -> list[str]:
    """Return the lines of one entry of a translation file: its table ``header``, its English and its text."""
    return ["", header, f"english = {_toml_string(english)}", f"text = {_toml_string(text)}"]


def _write_if_changed(path: Path, lines: list[str]) -> list[str]:
    """Write ``lines`` to ``path`` unless it holds them already; return ``[path]`` (from the top) if written."""
    text = "\n".join(lines) + "\n"
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return []
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return [str(path.relative_to(ROOT))]


def _catalogue_skeleton(language: str) -> list[str]:
    """Rewrite each catalogue file of ``language`` in its English file's order, a missing entry with empty text.

    A translated entry keeps its ``english`` and ``text`` as they are (stale or not); an entry the
    English no longer has is dropped.
    """
    written = []
    for source in sorted((WORDS / words.SOURCE).glob("*.toml")):
        path = WORDS / language / source.name
        had = words._flatten(tomllib.loads(path.read_text(encoding="utf-8"))) if path.exists() else {}
        lines = [f"# {source.stem}, in {words.LANGUAGES[language]}: per key, the English it translates and its text."]
        for parts, english in _leaves(tomllib.loads(source.read_text(encoding="utf-8"))):
            entry = had.get(".".join(parts)) or {}
            lines += _entry(f"[{_table_name(parts)}]", entry.get("english", english), entry.get("text", ""))
        written += _write_if_changed(path, lines)
    return written


def _prose_skeleton(language: str) -> list[str]:
    """Rewrite each prose file of ``language`` in its English's order, a missing block with empty text.

    A translation whose English is gone (it changed) is kept at the end, under a comment, for the
    translator to rework into the new block's entry and then delete.
    """
    written = []
    sources = [(notebook.file, notebooks.source_blocks(notebook)) for notebook in NOTEBOOKS]
    sources += [(f"{document.name}.md", document.blocks()) for document in notebooks.DOCUMENTS]
    for name, wanted in sources:
        path = notebooks.SOURCE_FOLDER / language / f"{Path(name).stem}.toml"
        had = tomllib.loads(path.read_text(encoding="utf-8")).get("block", []) if path.exists() else []
        texts = {entry["english"].strip(): entry["text"] for entry in had}
        lines = [f"# {Path(name).stem}, in {words.LANGUAGES[language]}: per block of the English, its text."]
        for english in dict.fromkeys(wanted):
            lines += _entry("[[block]]", english, texts.get(english, ""))
        orphans = [entry for entry in had if entry["english"].strip() not in wanted and entry["text"].strip()]
        if orphans:
            lines += [
                "",
                "# Translations of English that changed: rework each into its new block above, then delete it.",
            ]
        for entry in orphans:
            lines += _entry("[[block]]", entry["english"], entry["text"])
        written += _write_if_changed(path, lines)
    return written


def skeleton(language: str) -> list[str]:
    """Write every catalogue entry and prose block ``language`` lacks into its files, with an empty text."""
    return _catalogue_skeleton(language) + _prose_skeleton(language)


def main(argv: list[str] | None = None) -> int:
    """Command line: list what is stale, or write the skeleton of what is missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("stale", "skeleton"))
    parser.add_argument("language", choices=sorted(set(words.LANGUAGES) - {words.SOURCE}))
    arguments = parser.parse_args(argv)
    if arguments.action == "skeleton":
        for path in skeleton(arguments.language):
            print(f"wrote: {path}")
        return 0
    stale = words.stale(arguments.language)
    for entry in stale:
        was = f"  (translated from: {entry.translated_from})" if entry.translated_from else ""
        print(f"{entry.key}: {entry.english}{was}")
    blocks = notebooks.stale_translations(arguments.language)
    for block in blocks:
        print(f"--- {block.notebook}\n{block.english}")
    print(f"{len(stale)} catalogue entries and {len(blocks)} prose blocks to translate")
    return 1 if stale or blocks else 0


if __name__ == "__main__":
    sys.exit(main())
