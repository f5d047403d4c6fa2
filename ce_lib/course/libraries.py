"""What each popular library call for cross-entropy takes and returns: a table in the notebook's words.

The rows come from :data:`ce_lib.frameworks.LIBRARY_LOSSES` (each call reproduced and checked
against ce_lib by :func:`ce_lib.frameworks.library_loss`); the words from the catalogue
(``course.libraries``), so the same code cell shows the table in each edition's language.

Examples
--------
>>> table = library_table(language="en")
>>> table.rows[0]
('torch.nn.BCELoss', 'probabilities', '0 or 1 per point', 'the mean')
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ce_lib import words
from ce_lib.frameworks import LIBRARY_LOSSES


@dataclass(frozen=True)
class LibraryTable:
    """The table: its column headings and one row per call, shown as HTML in a notebook and as text elsewhere."""

    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self.headings)
        cells = [[f"<code>{html.escape(row[0])}</code>", *(html.escape(cell) for cell in row[1:])] for row in self.rows]
        body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in cells)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def __repr__(self) -> str:
        table = [self.headings, *self.rows]
        widths = [max(len(row[i]) for row in table) for i in range(len(self.headings))]
        return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
                         for row in table)  # fmt: skip


def library_table(language: str | None = None) -> LibraryTable:
    """Return the table of library calls in ``language`` (default: the notebook's)."""
    said = words.section("course.libraries", language)

    def key(words_of: str) -> str:
        return words_of.replace(" ", "_").replace("-", "_")

    rows = tuple(
        (call, said[f"takes_{key(loss.takes)}"], said[f"truth_{key(loss.truth)}"], said["returns_mean"])
        for call, loss in LIBRARY_LOSSES.items()
    )
    return LibraryTable((said["call"], said["takes"], said["truth"], said["returns"]), rows)
