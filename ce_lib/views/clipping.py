"""Clipping: what scikit-learn, PyTorch and Keras do where ce_lib says ∞ (notebook 06).

One point with label 1 is given probability p for its true class, on a log slider from 10⁻⁵⁰
to 1. Its cost is drawn against p: exact in ce_lib (−ln p, ∞ at p = 0) and under each library's
clipping rule (:data:`ce_lib.frameworks.CLIPPING_RULES`, which also holds each rule's cap, the
most one point can cost). Each curve has its own colour, line style and marker; the markers stand
at the slider's p, and a table under the plot gives each rule, the cost at p and the cap.

Drawn by ``clipping.js``; words in the catalogue's ``views.clipping`` section. Shown in notebook 06.
"""

from __future__ import annotations

from typing import Any

import traitlets

from ce_lib.formatting import format_number
from ce_lib.frameworks import CLIPPING_RULES, clipped_cross_entropy
from ce_lib.probability import point_errors
from ce_lib.views._base import View, log_slider

#: The probability the slider starts at.
START = 1e-3
#: The lowest probability the slider reaches: 10^LOWEST_EXPONENT (the plot's axis follows it).
LOWEST_EXPONENT = -50.0
#: The key of the exact cost in :meth:`Clipping.costs` (beside each library's name).
EXACT = "ce_lib"


def rule_key(library: str) -> str:
    """Return the key a library's rule is known by in the catalogue (``rule_<key>``).

    Examples
    --------
    >>> rule_key("scikit-learn"), rule_key("PyTorch")
    ('scikit_learn', 'pytorch')
    """
    return library.lower().replace("-", "_")


def clipping_costs(p: float) -> dict[str, float]:
    """Return one point's cost (label 1, probability ``p``): exact in ce_lib, then under each library's rule.

    Examples
    --------
    >>> {name: round(cost, 2) for name, cost in clipping_costs(0.0).items()}
    {'ce_lib': inf, 'scikit-learn': 36.04, 'PyTorch': 100.0, 'Keras': 16.12}
    """
    costs = {EXACT: float(point_errors([p])[0])}
    return costs | {name: clipped_cross_entropy([1.0], [p], name) for name in CLIPPING_RULES}


def rule_records() -> list[dict[str, Any]]:
    """Return the libraries' rules as the data the ES module computes with: ce_lib's constants, written once."""
    return [
        {"library": rule.library, "key": rule_key(rule.library), "clip_probability": rule.clip_probability,
         "log_floor": rule.log_floor, "cap": rule.cap}
        for rule in CLIPPING_RULES.values()
    ]  # fmt: skip


class Clipping(View):
    """One point's cost against p (log axis): exact in ce_lib, capped by each library, live.

    A log slider sets the probability p the model gives the point's true class, from 10⁻⁵⁰
    to 1. Each curve has its own colour, line style and marker; the markers stand at the
    chosen p, and a table gives each rule, the cost at p and the most a point can cost.

    Shown in notebook 06.

    Examples
    --------
    >>> view = Clipping()
    >>> view.set_probability(1e-20)
    >>> {name: round(cost, 2) for name, cost in view.costs().items()}
    {'ce_lib': 46.05, 'scikit-learn': 36.04, 'PyTorch': 46.05, 'Keras': 16.12}
    >>> view.describe()
    'At p = 1e−20: ce_lib (exact) 46.05 · scikit-learn 36.04 · PyTorch 46.05 · Keras 16.12'
    """

    parts = ("clipping",)
    state_keys = ("probability",)

    probability = traitlets.Float(START).tag(sync=True)
    rules = traitlets.List().tag(sync=True)
    lowest_exponent = traitlets.Float(LOWEST_EXPONENT).tag(sync=True)

    def __init__(self) -> None:
        words = self.words_for()
        super().__init__(
            probability=START, rules=rule_records(), lowest_exponent=LOWEST_EXPONENT,
            controls=[log_slider("probability", words["control"], LOWEST_EXPONENT, 0.0, 0.1).spec()],
            label=words["label"], words=words,
        )  # fmt: skip

    def set_probability(self, p: float) -> None:
        """Move the slider to ``p`` (10⁻⁵⁰ to 1)."""
        self.probability = float(p)

    def set_exponent(self, exponent: float) -> None:
        """Move the slider to p = 10^exponent, as the slider's own position does."""
        self.probability = 10.0**exponent

    def costs(self) -> dict[str, float]:
        """Return the point's cost at the slider's p: exact (``"ce_lib"``), then scikit-learn, PyTorch and Keras."""
        return clipping_costs(self.probability)

    def describe(self) -> str:
        """Return the readout: the cost at p, exact and under each rule."""
        names = {EXACT: self.words["exact"]}  # a library by its own name
        costs = self.costs()
        shown = [self.say("cost", name=names.get(key, key), cost=format_number(costs[key])) for key in costs]
        return self.say("readout", p=format_number(self.probability, 2), costs=self.words["separator"].join(shown))


__all__ = ["Clipping", "clipping_costs", "rule_records"]
