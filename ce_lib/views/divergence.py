"""Divergence: a prediction q against the truth p, and H(p, q) = H(p) + KL(p‖q), stacked.

Sliders set q's weights (q is the weights divided by their sum; all 0 gives the uniform q).
Left: the bars of q, with the truth p as black marks. Right: one stacked bar, H(p) solid (it
never moves) and KL(p‖q) hatched on top of it: together, the cross-entropy H(p, q). Where q
gives 0 to a class p does not, KL = ∞ and the bar fills the axis. The drawing takes any number
of classes and any truth; only the readout's numbers depend on the distributions it is given.

Drawn by ``divergence.js``; its words are the catalogue's ``views.divergence``. Shown in notebook 06.
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


class Divergence(View):
    """A prediction q against the truth p: H(p, q) = H(p) + KL(p‖q), stacked, live.

    Examples
    --------
    >>> view = Divergence()
    >>> {name: round(value, 4) for name, value in view.decomposition().items()}
    {'entropy': 0.8979, 'kl': 0.4982, 'cross_entropy': 1.3962}
    >>> view.set_weight(1, 0.0)
    >>> view.decomposition()["kl"]
    inf
    """

    parts = ("divergence",)
    state_keys = ("weights",)

    weights = traitlets.List(traitlets.Float()).tag(sync=True)
    truth = traitlets.List(traitlets.Float()).tag(sync=True)

    def __init__(self) -> None:
        words = self.words_for()
        controls = [
            slider("weights", words["control_weight"].format(k=k), 0.0, 1.0, 0.01, index=k - 1).spec()
            for k in range(1, len(PREDICTION_WEIGHTS) + 1)
        ]
        super().__init__(
            weights=list(PREDICTION_WEIGHTS), truth=list(TRUTH), controls=controls, label=words["label"], words=words
        )  # fmt: skip

    def set_weight(self, k: int, value: float) -> None:
        """Move the slider of weight ``k`` (1 to 3) to ``value``."""
        values = list(self.weights)
        values[k - 1] = float(value)
        self.weights = values

    def prediction(self) -> np.ndarray:
        """Return q: the weights divided by their sum (uniform when they are all 0)."""
        return prediction_from_weights(self.weights)

    def decomposition(self) -> dict[str, float]:
        """Return H(p), KL(p‖q) and H(p, q) = H(p) + KL(p‖q), each computed by ce_lib."""
        q = self.prediction()
        return {
            "entropy": float(entropy(self.truth)),
            "kl": float(kl_divergence(self.truth, q)),
            "cross_entropy": float(general_cross_entropy(self.truth, q)),
        }

    def stack_texts(self) -> tuple[str, ...]:
        """Return the words beside the stacked bar, bottom to top: H(p), KL(p‖q) and H(p, q), by ce_lib."""
        values = self.decomposition()
        return tuple(self.say(f"{name}_label", value=format_number(values[name], 3)) for name in values)

    def describe(self) -> str:
        """Return the readout: q, and H(p) + KL(p‖q) = H(p, q)."""
        shown = self.words["separator"].join(format_number(float(v), 3) for v in self.prediction())
        values = {name: format_number(value) for name, value in self.decomposition().items()}
        return self.say("readout", q=shown, **values)


__all__ = ["PREDICTION_WEIGHTS", "TRUTH", "Divergence", "prediction_from_weights"]
