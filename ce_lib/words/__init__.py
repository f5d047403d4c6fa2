"""Every sentence a learner reads, in every language: one catalogue per language, English the source.

The words of the views (labels, controls, readouts), the exercises (prompts, hints, the
mistakes the checker names), the glossary and the navigation live in catalogues beside this
module, one folder per language, one TOML file per part of the course (``views.plane.toml``,
``exercises.toml``, ...), so that each part's words are read, changed and translated together:

* ``en/``, the source: keys (``views.plane.readout``) and their English;
* ``<language>/`` (for example ``zh-CN/``): per key, the ``text`` in that language and the
  ``english`` it was translated from. When the English of a key changes, its translation is
  *stale* until someone translates it again (:func:`stale`; a test lists every stale entry).

A template's ``{name}`` is filled with a value, in Python (:func:`say`) and in the browser
(the views fill their templates with the numbers they draw); ``{{`` and ``}}`` are braces.

The language of a notebook is its folder's: the kernel runs in the notebook's folder, so the
notebooks in ``notebooks/zh-CN/`` speak Chinese with the same code cells as the English ones.
``CE_LIB_LANGUAGE`` overrides it, and :func:`using` sets it for a block of code.

Examples
--------
>>> say("views.common.of", count=3, total=4, language="en")
'3 of 4'
>>> sorted(section("views.common", language="en"))[:2]
['colour_blue', 'colour_red']
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

#: The languages of the series, by code: what the language switch shows for each.
LANGUAGES: dict[str, str] = {"en": "English", "zh-CN": "简体中文"}
#: The language every other one translates.
SOURCE = "en"

_chosen: list[str] = []  # set by `using`, innermost last


def _check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {sorted(LANGUAGES)}, got {language!r}")
    return language


def current_language() -> str:
    """Return the language to speak: :func:`using`'s, else ``CE_LIB_LANGUAGE``, else the folder's, else English.

    Examples
    --------
    >>> with using("zh-CN"):
    ...     current_language()
    'zh-CN'
    """
    if _chosen:
        return _chosen[-1]
    chosen = os.environ.get("CE_LIB_LANGUAGE")
    if chosen:
        return _check_language(chosen)
    folder = Path.cwd().name
    return folder if folder in LANGUAGES else SOURCE


@contextlib.contextmanager
def using(language: str) -> Iterator[None]:
    """Speak ``language`` inside a ``with`` block (views made there keep their words after it)."""
    _chosen.append(_check_language(language))
    try:
        yield
    finally:
        _chosen.pop()


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Return a nested TOML table as dotted keys; a table with a ``text`` is one entry."""
    flat: dict[str, Any] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and "text" not in value:
            flat |= _flatten(value, name + ".")
        else:
            flat[name] = value
    return flat


@functools.cache
def _catalogue(language: str) -> dict[str, Any]:
    """Return a language's catalogue, every file of its folder flattened: key → English, or key → {text, english}."""
    folder = resources.files("ce_lib.words") / language
    entries: dict[str, Any] = {}
    if not folder.is_dir():
        return entries
    for source in sorted((item for item in folder.iterdir() if item.name.endswith(".toml")), key=lambda i: i.name):
        for key, value in _flatten(tomllib.loads(source.read_text(encoding="utf-8"))).items():
            if key in entries:
                raise ValueError(f"{language}/{source.name} repeats the key {key!r}")
            entries[key] = value
    return entries


def reload() -> None:
    """Forget the catalogues read so far: the next words come from the files as they are now."""
    _catalogue.cache_clear()
    _resolved.cache_clear()


def english() -> dict[str, str]:
    """Return the source catalogue: every key and its English."""
    return dict(_catalogue(SOURCE))


def catalogue(language: str | None = None) -> dict[str, str]:
    """Return every key's words in ``language`` (default: :func:`current_language`).

    A key with no translation yet reads in English, so a learner never meets a missing word; a
    test lists every such key (:func:`stale`).
    """
    return dict(_resolved(_check_language(language or current_language())))


@functools.cache
def _resolved(language: str) -> dict[str, str]:
    """Return ``language``'s words for every key (English where a key has no translation): made once."""
    words = english()
    if language != SOURCE:
        for key, entry in _catalogue(language).items():
            if key in words and entry.get("text"):  # not yet translated: the English stands in
                words[key] = entry["text"]
    return words


def fill(template: str, values: Mapping[str, Any]) -> str:
    """Return ``template`` with each ``{name}`` replaced by ``values[name]`` (``{{``, ``}}`` are braces).

    Examples
    --------
    >>> fill("model A: {a} · {{set}}", {"a": "4.78"})
    'model A: 4.78 · {set}'
    """
    return template.format_map(values)


def say(key: str, /, language: str | None = None, **values: Any) -> str:
    """Return the words of ``key`` in ``language``, with ``values`` filled in.

    Raises
    ------
    KeyError
        If no catalogue has ``key``.
    """
    words = _resolved(_check_language(language or current_language()))
    if key not in words:
        raise KeyError(f"no words have the key {key!r}; add it to a catalogue in ce_lib/words/{SOURCE}/")
    return fill(words[key], values)


def section(prefix: str, language: str | None = None) -> dict[str, str]:
    """Return every entry under ``prefix`` (``"views.plane"``), keyed by the rest of its key."""
    start = prefix + "."
    words = _resolved(_check_language(language or current_language()))
    return {key[len(start) :]: text for key, text in words.items() if key.startswith(start)}


@dataclass(frozen=True)
class Stale:
    """An entry a language lacks or must translate again: its key, the English now and the English it translated."""

    key: str
    english: str
    translated_from: str | None  # None: never translated


def stale(language: str) -> list[Stale]:
    """Return every key whose translation into ``language`` is missing or was made from other English.

    Examples
    --------
    >>> stale("en")
    []
    """
    language = _check_language(language)
    if language == SOURCE:
        return []
    translations = _catalogue(language)
    out = []
    for key, text in english().items():
        entry = translations.get(key)
        if entry is None or not entry.get("text"):
            out.append(Stale(key, text, None))
        elif entry.get("english") != text:
            out.append(Stale(key, text, entry.get("english")))
    return out


#: A template's placeholders, for checking that a translation keeps them all.
PLACEHOLDER = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")


def placeholders(template: str) -> set[str]:
    """Return the names a template fills in.

    Examples
    --------
    >>> sorted(placeholders("{a} of {total}, not {{this}}"))
    ['a', 'total']
    """
    return set(PLACEHOLDER.findall(template))
