"""The series' table of contents: every notebook, in order, and the step of the argument it is.

A notebook's title is its own: the first heading of its source (``notebooks/source/<name>.md``),
in each language as that language's translation of it, so renaming a notebook is one edit.
The navigation, the static edition, the glossary and the tests all read this one table.

Examples
--------
>>> [n.file[:2] for n in NOTEBOOKS][:3]
['00', '01', '02']
>>> title(notebook("03"), "en")
'The negative log, summed: cross-entropy'
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

SOURCE_FOLDER = Path(__file__).resolve().parents[1] / "notebooks" / "source"


@dataclass(frozen=True)
class Notebook:
    """One notebook of the series: its file and the step of the argument it is (None for the start page)."""

    file: str
    step: int | None

    @property
    def number(self) -> str:
        """The notebook's two-digit number, e.g. ``"03"``."""
        return self.file[:2]

    @property
    def stem(self) -> str:
        """The file's name without ``.ipynb``: the name of its source and of its pages."""
        return Path(self.file).stem


NOTEBOOKS: tuple[Notebook, ...] = (
    Notebook("00_start_here.ipynb", None),
    Notebook("01_product_of_probabilities.ipynb", 1),
    Notebook("02_the_log_trick.ipynb", 2),
    Notebook("03_negative_log_summed.ipynb", 3),
    Notebook("04_three_doors.ipynb", 4),
    Notebook("05_the_general_formula.ipynb", 5),
    Notebook("06_beyond_two_classes.ipynb", 6),
    Notebook("07_learning_the_line.ipynb", 7),
)
#: Steps after this one go beyond the article's argument (what a learner asks next).
ARTICLE_STEPS = 5


def notebook(number: str) -> Notebook:
    """Return the notebook whose file starts with ``number`` (``"00"`` to ``"07"``)."""
    for entry in NOTEBOOKS:
        if entry.number == number:
            return entry
    raise ValueError(f"number must be one of {[n.number for n in NOTEBOOKS]}, got {number!r}")


def title(entry: Notebook, language: str = "en") -> str:
    """Return a notebook's title in ``language``: its source's first heading, translated."""
    text = (SOURCE_FOLDER / f"{entry.stem}.md").read_text(encoding="utf-8")
    heading = re.search(r"^# (.+)$", text, flags=re.M)
    if heading is None:
        raise ValueError(f"notebooks/source/{entry.stem}.md has no '# title' heading")
    english = heading[1].strip()
    translations = SOURCE_FOLDER / language / f"{entry.stem}.toml"
    if language != "en" and translations.exists():
        for block in tomllib.loads(translations.read_text(encoding="utf-8")).get("block", []):
            if block["english"].strip() == f"# {english}":
                return block["text"].strip().removeprefix("# ").strip()
    return english
