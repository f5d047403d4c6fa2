"""Every translation is complete, current, and says what its English says with the same numbers and code.

A translation is checked entry by entry against the English it names: the same placeholders,
the same inline code, formulas, link targets and numbers; only the words differ. And nothing is
missing or stale: a changed English sentence is listed here, not met by a learner.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from ce_lib import words
from tools import notebooks

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = sorted(set(words.LANGUAGES) - {words.SOURCE})

CODE = re.compile(r"`[^`]+`")
DISPLAY_MATH = re.compile(r"\$\$.+?\$\$", re.S)
INLINE_MATH = re.compile(r"(?<![\\$])\$[^$\n]+\$")
TEXT_IN_MATH = re.compile(r"\\(?:text|mathrm|operatorname)\{[^}]*\}")
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: What a translation may keep in English: names of things, never sentences.
NAMES = re.compile(
    r"What is Cross-Entropy\?|Towards Data Science|Deep Learning with PyTorch|Udacity|Anjali Bhardwaj|"
    r"Cross-Entropy, Step by Step|Python Data Science Handbook|Teaching and Learning with Jupyter|"
    r"Dive into Deep Learning|JupyterLab|Jupyter Notebook|Binder|nbgitpuller|nbviewer|GitHub|Restart & Run All|"
    r"Render as Reveal Slideshow|Noto Sans CJK SC"
)
#: Four English words in a row, outside code, formulas, links' targets and names: an untranslated sentence.
ENGLISH_RUN = re.compile(r"\b[A-Za-z][a-z']+(?:[ ,-]+[A-Za-z][a-z']+){3,}\b")


def catalogue_entries(language: str) -> list[tuple[str, str, str]]:
    """Return (key, English now, translation) for every translated catalogue entry of ``language``."""
    english = words.english()
    return [(key, english[key], entry["text"]) for key, entry in words._catalogue(language).items()
            if key in english and entry.get("text")]  # fmt: skip


def prose_entries(language: str) -> list[tuple[str, str, str]]:
    """Return (file, English, translation) for every translated prose block of ``language``."""
    out = []
    for path in sorted((notebooks.SOURCE_FOLDER / language).glob("*.toml")):
        for entry in tomllib.loads(path.read_text(encoding="utf-8")).get("block", []):
            if entry["text"].strip():
                out.append((path.name, entry["english"].strip(), entry["text"].strip()))
    return out


def without_words(text: str) -> str:
    """Return the parts of ``text`` a translation keeps: code, formulas (their \\text{} aside), link targets."""
    kept = CODE.findall(text) + LINK_TARGET.findall(text)
    kept += [
        TEXT_IN_MATH.sub("", math)
        for math in DISPLAY_MATH.findall(text) + INLINE_MATH.findall(DISPLAY_MATH.sub("", text))
    ]
    return sorted(kept)


def numbers(text: str) -> Counter:
    """Return the numbers ``text`` writes (its placeholders' names aside)."""
    return Counter(NUMBER.findall(re.sub(r"\{\w+\}", "", text)))


def english_left(text: str) -> list[str]:
    """Return every run of English words left in a translation, once code, formulas, links and names are gone."""
    text = CODE.sub(" ", DISPLAY_MATH.sub(" ", text))
    text = INLINE_MATH.sub(" ", LINK_TARGET.sub("] ", text))
    text = re.sub(r"https?://\S+", " ", NAMES.sub(" ", text))
    return ENGLISH_RUN.findall(text)


def problems(english: str, translation: str, *, is_prose: bool) -> list[str]:
    """Return what a translation changed that only words may change."""
    found = []
    if not is_prose and words.placeholders(english) != words.placeholders(translation):  # prose fills none
        found.append(
            f"placeholders {sorted(words.placeholders(english))} became {sorted(words.placeholders(translation))}"
        )
    if without_words(english) != without_words(translation):
        found.append(f"code, formulas or links {without_words(english)} became {without_words(translation)}")
    if numbers(english) != numbers(translation):
        found.append(f"numbers {sorted(numbers(english).elements())} became {sorted(numbers(translation).elements())}")
    if english.startswith("#") != translation.startswith("#") or (
        is_prose
        and english.split(" ", 1)[0].strip("#") == ""
        and english.split(" ", 1)[0] != translation.split(" ", 1)[0]
    ):
        found.append("the heading level (or the comment's #) changed")
    if english_left(translation) and english_left(translation) != english_left(english):
        found.append(f"English left: {english_left(translation)}")
    return found


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_catalogue_entry_has_a_current_translation(language):
    stale = [
        f"{entry.key}: {entry.english!r}" + (f" (was {entry.translated_from!r})" if entry.translated_from else "")
        for entry in words.stale(language)
    ]
    assert stale == [], f"{len(stale)} to translate (python tools/translations.py stale {language}):\n" + "\n".join(
        stale[:40]
    )


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_prose_block_and_comment_has_a_current_translation(language):
    stale = [f"{block.notebook}: {block.english[:100]!r}" for block in notebooks.stale_translations(language)]
    assert stale == [], f"{len(stale)} to translate (python tools/translations.py stale {language}):\n" + "\n".join(
        stale[:40]
    )


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_catalogue_translations_keep_placeholders_code_and_numbers(language):
    bad = {key: problems(english, text, is_prose=False) for key, english, text in catalogue_entries(language)}
    bad = {key: found for key, found in bad.items() if found}
    assert bad == {}


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_prose_translations_keep_formulas_code_links_and_numbers(language):
    bad = [(file, english[:80], found) for file, english, text in prose_entries(language)
           if (found := problems(english, text, is_prose=True))]  # fmt: skip
    assert bad == []


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_translations_name_entries_the_english_has(language):
    """A catalogue entry the English no longer has is an orphan: the skeleton drops it."""
    orphans = sorted(set(words._catalogue(language)) - set(words.english()))
    assert orphans == [], "run: python tools/translations.py skeleton " + language


def test_the_checks_catch_a_translation_that_changes_more_than_words():
    english = "Model A's sum is {total}: see `np.log` and [notebook 02](02_the_log_trick.ipynb), $\\ln p$, 0.693."
    good = "模型 A 的和是 {total}：见 `np.log` 与[第 02 本](02_the_log_trick.ipynb)，$\\ln p$，0.693。"
    assert problems(english, good, is_prose=True) == []
    assert problems(english, good.replace("{total}", "{sum}"), is_prose=False)
    assert problems(english, good.replace("`np.log`", "`math.log`"), is_prose=True)
    assert problems(english, good.replace("02_the_log_trick", "03"), is_prose=True)
    assert problems(english, good.replace("0.693", "0.69"), is_prose=True)
    assert problems(english, good.replace("$\\ln p$", "$\\log p$"), is_prose=True)
    assert problems(english, good + " This sentence was left in English.", is_prose=True)
    assert problems("## Flip the sign", "### 变号", is_prose=True)
