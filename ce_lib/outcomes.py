"""Step 4 of the argument: every outcome of independent yes/no events (the three doors)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np
from numpy.typing import ArrayLike

from ce_lib._validation import as_unit_interval
from ce_lib.binary import log_likelihood_terms

MAX_EVENTS = 16  # 2**16 = 65,536 rows: more than any table a person reads


@dataclass(frozen=True)
class Outcome:
    """One outcome: which events happened, its probability and its cross-entropy."""

    labels: tuple[int, ...]
    probability: float
    cross_entropy: float


@dataclass(frozen=True)
class OutcomeTable(Sequence[Outcome]):
    """All 2**n outcomes of n independent events, in ``itertools.product([1, 0])`` order."""

    rows: tuple[Outcome, ...]

    @overload
    def __getitem__(self, index: int) -> Outcome: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Outcome]: ...
    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        return self.rows[index]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Outcome]:
        return iter(self.rows)

    def most_likely(self) -> Outcome:
        """Return the outcome with the highest probability (the first one on a tie)."""
        return max(self.rows, key=lambda row: row.probability)

    def least_likely(self) -> Outcome:
        """Return the outcome with the lowest probability (the first one on a tie)."""
        return min(self.rows, key=lambda row: row.probability)


def outcome_table(p: ArrayLike) -> OutcomeTable:
    """Return every outcome of independent events with probabilities ``p``.

    Event i happens (label 1) with probability p_i and does not (label 0) with
    probability 1 - p_i. Each outcome's probability is the product of those factors,
    and its cross-entropy is -ln(probability): the unlikely outcomes have the large
    cross-entropies. The probabilities sum to 1.

    Parameters
    ----------
    p : array_like
        One probability in [0, 1] per event, a 1-D sequence of 1 to 16 values.

    Returns
    -------
    OutcomeTable
        2**n rows of :class:`Outcome` (``labels``, ``probability``, ``cross_entropy``),
        in ``itertools.product([1, 0], repeat=n)`` order.

    Examples
    --------
    >>> table = outcome_table([0.8, 0.7, 0.1])
    >>> len(table)
    8
    >>> best = table.most_likely()
    >>> best.labels, round(best.probability, 3), round(best.cross_entropy, 3)
    ((1, 1, 0), 0.504, 0.685)
    """
    probabilities = as_unit_interval(p, "p")
    if probabilities.ndim != 1:
        raise ValueError(f"p must be a 1-D sequence of event probabilities, got shape {probabilities.shape}")
    if probabilities.size > MAX_EVENTS:
        raise ValueError(
            f"p has {probabilities.size} events, which makes 2**{probabilities.size} outcomes; "
            f"give at most {MAX_EVENTS}"
        )
    labels = np.array(list(itertools.product([1, 0], repeat=probabilities.size)), dtype=np.float64)
    broadcast = np.broadcast_to(probabilities, labels.shape)
    row_probabilities = np.where(labels == 1.0, broadcast, 1.0 - broadcast).prod(axis=1)
    row_cross_entropies = -log_likelihood_terms(labels, np.ascontiguousarray(broadcast)).sum(axis=1) + 0.0
    return OutcomeTable(
        tuple(
            Outcome(tuple(int(v) for v in row), float(prob), float(ce))
            for row, prob, ce in zip(labels, row_probabilities, row_cross_entropies, strict=True)
        )
    )
