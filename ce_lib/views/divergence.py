"""Divergence: a prediction q against the truth p, and H(p, q) = H(p) + KL(p‖q), stacked.

Two kinds of truth, one drawing:

* ``"doors"`` (notebook 04): the three doors happen with the true p(gift) = 0.8, 0.7, 0.1; a
  slider per door sets a prediction q(gift). The outcomes still happen with p, but are scored
  (their surprise measured) with q: the average surprise is H(p, q), the doors' own entropy
  H(p) (1.436 nats) plus the gap KL(p‖q), which is 0 only at q = p. This is what *cross* means.
* ``"classes"`` (notebook 06): one distribution over three classes; sliders set q's weights (q
  is the weights divided by their sum; all 0 gives the uniform q).

Left: the bars of q, with the truth p as black marks. Right: one stacked bar, H(p) solid (it
never moves) and KL(p‖q) hatched on top of it: together, the cross-entropy H(p, q). Where q
gives 0 to something p does not, KL = ∞ and the bar fills the axis. Independent doors add their
entropies, cross-entropies and divergences, door by door.

Drawn by ``divergence.js``; its words are the catalogue's ``views.divergence``. Shown in notebooks 04 and 06.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import traitlets

from ce_lib.course import story
from ce_lib.distributions import entropy, general_cross_entropy, kl_divergence
from ce_lib.formatting import format_number
from ce_lib.views._base import View, slider

#: The truth p of the view, and the weights its prediction q starts from: notebook 06's worked numbers.
TRUTH = story.CLASS_TRUTH
PREDICTION_WEIGHTS = story.CLASS_PREDICTION_WEIGHTS
#: Notebook 04's doors: the true p(gift) of each, and the prediction q(gift) the view starts from (a coin flip each).
DOORS = story.DOOR_PROBABILITIES
DOORS_START = (0.5, 0.5, 0.5)


def prediction_from_weights(weights: Sequence[float]) -> np.ndarray:
    """Return q = weights / their sum; all weights 0 give the uniform distribution.

    Examples
    --------
    >>> prediction_from_weights([1.0, 3.0]).tolist(), prediction_from_weights([0.0, 0.0]).tolist()
    ([0.25, 0.75], [0.5, 0.5])
    """
    values = np.asarray(weights, dtype=float)
    total = values.sum()
    return values / total if total > 0 else np.full(values.size, 1 / values.size)


KINDS = ("classes", "doors")


class Divergence(View):
    """A prediction q against the truth p: H(p, q) = H(p) + KL(p‖q), stacked, live.

    Parameters
    ----------
    kind : {"classes", "doors"}
        The truth: notebook 06's three classes, or notebook 04's three independent doors.

    Examples
    --------
    >>> view = Divergence()
    >>> {name: round(value, 4) for name, value in view.decomposition().items()}
    {'entropy': 0.8979, 'kl': 0.4982, 'cross_entropy': 1.3962}
    >>> view.set_weight(1, 0.0)
    >>> view.decomposition()["kl"]
    inf
    >>> doors = Divergence("doors")
    >>> round(doors.decomposition()["entropy"], 3)  # the doors' own entropy
    1.436
    """

    parts = ("divergence",)
    state_keys = ("weights",)

    kind = traitlets.Unicode("classes").tag(sync=True)
    weights = traitlets.List(traitlets.Float()).tag(sync=True)
    truth = traitlets.List(traitlets.Float()).tag(sync=True)

    def __init__(self, kind: str = "classes") -> None:
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
        words = self.words_for()
        truth, start = (TRUTH, PREDICTION_WEIGHTS) if kind == "classes" else (DOORS, DOORS_START)
        control = words["control_weight" if kind == "classes" else "control_door"]
        controls = [
            slider("weights", control.format(k=k), 0.0, 1.0, 0.01, index=k - 1).spec() for k in range(1, len(start) + 1)
        ]
        super().__init__(
            kind=kind, weights=list(start), truth=list(truth), controls=controls,
            label=words["label" if kind == "classes" else "label_doors"], words=words,
        )  # fmt: skip

    def set_weight(self, k: int, value: float) -> None:
        """Move slider ``k`` (1 to 3): a class's weight, or a door's q(gift), to ``value``."""
        values = list(self.weights)
        values[k - 1] = float(value)
        self.weights = values

    def prediction(self) -> np.ndarray:
        """Return q: the classes' weights divided by their sum (uniform when all 0), or each door's q(gift)."""
        return prediction_from_weights(self.weights) if self.kind == "classes" else np.array(self.weights)

    def distributions(self) -> tuple[np.ndarray, np.ndarray]:
        """Return (p, q) as rows of distributions: one row for the classes, or (gift, no gift) per door."""
        if self.kind == "classes":
            return np.array([self.truth]), np.array([self.prediction()])
        p, q = np.array(self.truth), self.prediction()
        return np.column_stack([p, 1 - p]), np.column_stack([q, 1 - q])

    def decomposition(self) -> dict[str, float]:
        """Return H(p), KL(p‖q) and H(p, q) = H(p) + KL(p‖q), each computed by ce_lib (doors: summed door by door)."""
        p, q = self.distributions()
        return {
            "entropy": float(np.sum(entropy(p))),
            "kl": float(np.sum(kl_divergence(p, q))),
            "cross_entropy": float(np.sum(general_cross_entropy(p, q))),
        }

    def stack_texts(self) -> tuple[str, ...]:
        """Return the words beside the stacked bar, bottom to top: H(p), KL(p‖q) and H(p, q), by ce_lib."""
        values = self.decomposition()
        return tuple(self.say(f"{name}_label", value=format_number(values[name], 3)) for name in values)

    def describe(self) -> str:
        """Return the readout: q, and H(p) + KL(p‖q) = H(p, q)."""
        shown = self.words["separator"].join(format_number(float(v), 3) for v in self.prediction())
        values = {name: format_number(value) for name, value in self.decomposition().items()}
        return self.say("readout" if self.kind == "classes" else "readout_doors", q=shown, **values)


__all__ = ["DOORS", "KINDS", "PREDICTION_WEIGHTS", "TRUTH", "Divergence", "prediction_from_weights"]
