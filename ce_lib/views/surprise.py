"""Surprise: each point of models A and B on the curve −ln p, and each model's sum (notebook 03).

A point's error −ln p is its *surprise*: how unexpected what happened was, to the model. The
figure drops each point of both models onto the one curve −ln p (in nats on the left, in bits,
−log₂ p, on the right), so the errors are read off it, and stacks each model's four errors into
one bar: their sum, the cross-entropy. One slider per point per model moves its point along the
curve.

Drawn by ``surprise.js``. Shown in notebook 03.
"""

from __future__ import annotations

import numpy as np
import traitlets

from ce_lib.binary import cross_entropy
from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.probability import point_errors
from ce_lib.views._base import View
from ce_lib.views.plane import ModelSliders, point_records


class Surprise(ModelSliders, View):
    """Models A and B's points on the curve −ln p, and each model's errors stacked into its cross-entropy.

    Examples
    --------
    >>> view = Surprise()
    >>> view.describe().startswith("Surprise −ln p of each point — model A: 0.511 + 1.61 + 2.3 + 0.357 = 4.78")
    True
    >>> view.set_probability("B", 2, 0.0)
    >>> view.cross_entropy("B")
    inf
    """

    parts = ("surprise",)
    state_keys = ("probabilities_a", "probabilities_b")

    probabilities_a = traitlets.List(traitlets.Float()).tag(sync=True)
    probabilities_b = traitlets.List(traitlets.Float()).tag(sync=True)
    points = traitlets.List().tag(sync=True)

    def __init__(self) -> None:
        words = self.words_for()
        controls = self.model_sliders(words)
        super().__init__(
            probabilities_a=list(story.MODEL_A.probabilities), probabilities_b=list(story.MODEL_B.probabilities),
            points=point_records(), controls=controls, label=words["label"], words=words,
        )  # fmt: skip

    def surprises(self, name: str) -> np.ndarray:
        """Return each point's surprise −ln p under model ``name``, in nats."""
        return point_errors(self.probabilities(name))

    def cross_entropy(self, name: str) -> float:
        """Return model ``name``'s cross-entropy: the sum of its points' surprises."""
        return cross_entropy(np.ones(len(story.POINTS)), self.probabilities(name))

    def describe(self) -> str:
        """Return the readout: each model's surprises and their sum."""
        parts = {}
        for name in ("A", "B"):
            parts[name.lower()] = format_number(self.cross_entropy(name))
            parts[f"{name.lower()}_terms"] = " + ".join(format_number(float(e), 3) for e in self.surprises(name))
        return self.say("readout", **parts)


__all__ = ["Surprise"]
