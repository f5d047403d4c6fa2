"""Three doors, a gift behind each independently: all eight outcomes, their probabilities and cross-entropies.

One slider per door sets its p(gift) (the story's 0.8, 0.7 and 0.1 to start). The table lists
the eight outcomes y₁y₂y₃ (1 = gift): the factors of each outcome's probability (p or 1 − p per
door), the probability, the cross-entropy −ln(probability), and marks the most and the least
likely. The scatter below shows every outcome's cross-entropy against its probability, on the
curve cross-entropy = −ln(probability): the likely outcomes have the small cross-entropies.

Drawn by ``doors.js`` (the table too, as SVG a screen reader reads as a table); its words are
the catalogue's ``views.doors`` section. Shown in notebook 04.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import traitlets

from ce_lib.course import story
from ce_lib.formatting import format_fixed
from ce_lib.outcomes import Outcome, OutcomeTable, outcome_table
from ce_lib.views._base import View, slider


def outcome_code(labels: Sequence[int]) -> str:
    """Return an outcome as its labels y₁y₂y₃: (1, 1, 0) → "110"."""
    return "".join(str(label) for label in labels)


def probability_sum(table: OutcomeTable) -> float:
    """Return the sum of the outcomes' probabilities, correctly rounded (math.fsum)."""
    return math.fsum(row.probability for row in table)


class Doors(View):
    """Three doors with a gift behind each independently: the eight outcomes, live.

    Examples
    --------
    >>> view = Doors()
    >>> view.table().most_likely().labels
    (1, 1, 0)
    >>> view.table_rows()[1]
    ('110', 'gift, gift, no gift', '0.80 × 0.70 × 0.90', '0.504', '0.685', '★ most likely')
    >>> view.set_probability(1, 1.0)
    >>> view.table_rows()[4][3:5]
    ('0.000', '∞')
    """

    parts = ("doors",)
    state_keys = ("probabilities",)

    probabilities = traitlets.List(traitlets.Float()).tag(sync=True)

    def __init__(self) -> None:
        words = self.words_for()
        controls = [
            slider("probabilities", words["control"].format(door=door), 0.0, 1.0, 0.01, index=door - 1).spec()
            for door in range(1, len(story.DOOR_PROBABILITIES) + 1)
        ]
        super().__init__(
            probabilities=list(story.DOOR_PROBABILITIES),
            controls=controls,
            label=words["label"],
            words=words,
        )

    def set_probability(self, door: int, value: float) -> None:
        """Move the slider of ``door`` (1 to 3) to ``value``."""
        values = list(self.probabilities)
        values[door - 1] = float(value)
        self.probabilities = values

    def table(self) -> OutcomeTable:
        """Return the eight outcomes for the sliders' probabilities (ce_lib.outcome_table)."""
        return outcome_table(self.probabilities)

    def outcome_words(self, labels: Sequence[int]) -> str:
        """Return an outcome in words: (1, 1, 0) → "gift, gift, no gift"."""
        return self.words["list_separator"].join(self.words["gift" if label else "no_gift"] for label in labels)

    def marks(self) -> list[str]:
        """Return each row's mark: "★ most likely", "✗ least likely", both (all equally likely) or ""."""
        table = self.table()
        best, worst = table.most_likely(), table.least_likely()
        most = self.say("marked", symbol=self.words["symbol_most"], words=self.words["most_likely"])
        least = self.say("marked", symbol=self.words["symbol_least"], words=self.words["least_likely"])
        both = self.say("marked_both", most=most, least=least)
        return [both if row is best and row is worst else most if row is best else least if row is worst else ""
                for row in table]  # fmt: skip

    def table_rows(self) -> list[tuple[str, ...]]:
        """Return the table's cells as text, one tuple per outcome.

        The cells are: the code y₁y₂y₃, the words, the factors, the probability, the
        cross-entropy and the mark (most or least likely, or "").
        """
        rows = []
        for row, mark in zip(self.table(), self.marks(), strict=True):
            pairs = zip(row.labels, self.probabilities, strict=True)
            factors = " × ".join(format_fixed(p if label else 1.0 - p, 2) for label, p in pairs)
            rows.append((outcome_code(row.labels), self.outcome_words(row.labels), factors,
                         format_fixed(row.probability, 3), format_fixed(row.cross_entropy, 3), mark))  # fmt: skip
        return rows

    def sum_text(self) -> str:
        """Return the line under the table: the eight probabilities' sum, to six decimals."""
        table = self.table()
        return self.say("sum", count=len(table), total=format_fixed(probability_sum(table), 6))

    def describe(self) -> str:
        """Return the readout: the most and the least likely outcome, with their probabilities and cross-entropies."""
        table = self.table()

        def said(row: Outcome) -> str:
            return self.say("outcome_said", outcome=self.outcome_words(row.labels),
                            probability=format_fixed(row.probability, 3),
                            cross_entropy=format_fixed(row.cross_entropy, 3))  # fmt: skip

        return self.say("readout", most=said(table.most_likely()), least=said(table.least_likely()))


__all__ = ["Doors", "outcome_code", "probability_sum"]
