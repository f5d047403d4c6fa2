"""One point's binary cross-entropy −[y ln p + (1 − y) ln(1 − p)], for a label y and a prediction p.

A choice sets the label y (0, a soft 0.5, or 1) and a slider the predicted probability p of
class 1. The figure shows what each label costs for every p: −ln p when y = 1 (solid,
vermillion), −ln(1 − p) when y = 0 (dashed, blue) and, for the soft label 0.5, their average
(dotted). Markers sit at the chosen p on each curve, the larger one on the chosen label's cost;
a cost of ∞ (a certain, wrong prediction) is drawn at the top edge, labelled ∞.

Drawn by ``formula.js``; its words are the catalogue's ``views.formula``. Shown in notebook 05.
"""

from __future__ import annotations

import traitlets

from ce_lib.binary import cross_entropy
from ce_lib.formatting import format_fixed, format_number
from ce_lib.views._base import View, choice, slider

#: The labels y the view offers: 0, the soft label 0.5, and 1.
LABELS = (0.0, 0.5, 1.0)


def cost(y: float, p: float) -> float:
    """Return one point's binary cross-entropy for label ``y`` and prediction ``p`` (ce_lib.cross_entropy).

    Examples
    --------
    >>> cost(1.0, 1.0), cost(0.0, 1.0)
    (0.0, inf)
    """
    return cross_entropy([y], [p])


def short(value: float) -> str:
    """Return ``value`` as the view writes a label y: Python's ``g`` format with a true minus sign."""
    return f"{value:g}".replace("-", "−")


class BinaryFormula(View):
    """One point's binary cross-entropy, with a choice for the label y and a slider for p.

    Examples
    --------
    >>> view = BinaryFormula()
    >>> view.describe()
    'y = 1, q = 0.80: −[1 · ln(0.80) + 0 · ln(1 − 0.80)] = 0.2231'
    >>> view.set_label(0.5)
    >>> view.set_probability(0.0)
    >>> view.cost()
    inf
    """

    parts = ("formula",)
    state_keys = ("y", "p")

    y = traitlets.Float(1.0).tag(sync=True)
    p = traitlets.Float(0.8).tag(sync=True)

    def __init__(self) -> None:
        words = self.words_for()
        options = tuple((words["option_soft"] if y == 0.5 else short(y), y) for y in LABELS)
        controls = [
            choice("y", words["control_label"], options).spec(),
            slider("p", words["control_probability"], 0.0, 1.0, 0.01).spec(),
        ]
        super().__init__(y=1.0, p=0.8, controls=controls, label=words["label"], words=words)

    def set_label(self, y: float) -> None:
        """Choose the label y: 0, 0.5 or 1."""
        if y not in LABELS:
            raise ValueError(f"y must be one of {LABELS}, got {y!r}")
        self.y = float(y)

    def set_probability(self, p: float) -> None:
        """Move the slider p to ``p``."""
        self.p = float(p)

    def cost(self) -> float:
        """Return the point's cross-entropy −[y ln p + (1 − y) ln(1 − p)] (ce_lib.cross_entropy)."""
        return cost(self.y, self.p)

    def describe(self) -> str:
        """Return the readout: the formula with the chosen y and p, and its value."""
        return self.say(
            "readout", y=short(self.y), rest=short(1 - self.y), p=format_fixed(self.p, 2),
            cost=format_number(self.cost()),
        )  # fmt: skip

    def shown_labels(self) -> tuple[float, ...]:
        """Return the labels whose cost is marked: always 1 and 0, and 0.5 when it is the chosen label."""
        return (1.0, 0.0, 0.5) if self.y == 0.5 else (1.0, 0.0)

    def marker_texts(self) -> dict[float, str]:
        """Return the words the figure writes beside each marker: each shown label's cost at p, by ce_lib."""
        return {y: self.say("marker", y=short(y), cost=format_number(cost(y, self.p), 3)) for y in self.shown_labels()}


__all__ = ["LABELS", "BinaryFormula", "cost"]
