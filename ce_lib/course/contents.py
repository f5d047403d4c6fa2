"""The series' table of contents: every notebook, in order, and the step of the argument it is.

The navigation (tools/navigation.py), the static edition (tools/site.py), the glossary and
the tests all read this one table.

Examples
--------
>>> [n.file[:2] for n in NOTEBOOKS][:3]
['00', '01', '02']
>>> notebook("03").title
'The negative log, summed: cross-entropy'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Notebook:
    """One notebook of the series: its file, its title and the step of the argument it is."""

    file: str
    title: str
    step: int | None  # None for the start page

    @property
    def number(self) -> str:
        """The notebook's two-digit number, e.g. ``"03"``."""
        return self.file[:2]


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


def notebook(number: str) -> Notebook:
    """Return the notebook whose file starts with ``number`` (``"00"`` to ``"07"``)."""
    for entry in NOTEBOOKS:
        if entry.number == number:
            return entry
    raise ValueError(f"number must be one of {[n.number for n in NOTEBOOKS]}, got {number!r}")
