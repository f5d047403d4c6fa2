"""Honest probabilities: cross-entropy is lowest exactly when the model's q matches the truth (notebook 05).

Look-alike points, a share f of them red (70 % to start): a model that cannot tell them apart
gives every one the same probability of red, q. Its expected cross-entropy per point,
−[f ln q + (1 − f) ln(1 − q)], is lowest exactly at q = f, where it equals the entropy of f
(0.611 nats at f = 0.7): cross-entropy is a *proper scoring rule*, it rewards honest
probabilities. Accuracy, below, is the same for every q above 0.5; an overconfident q = 0.99
is punished hard by cross-entropy, not at all by accuracy.

Drawn by ``calibration.js``. Shown in notebook 05.
"""

from __future__ import annotations

import traitlets

from ce_lib.binary import accuracy, cross_entropy
from ce_lib.formatting import format_fixed, format_number
from ce_lib.views._base import View, slider

#: The share of red points the view starts with, and the model's starting q.
START_SHARE, START_Q = 0.7, 0.99


class Calibration(View):
    """Expected cross-entropy and accuracy against the model's q, for points of which a share f are red.

    Examples
    --------
    >>> view = Calibration()
    >>> round(view.expected_cross_entropy(), 3), view.accuracy()
    (1.389, 0.7)
    >>> view.q = 0.7
    >>> round(view.expected_cross_entropy(), 3)  # the lowest: the entropy of 0.7
    0.611
    """

    parts = ("calibration",)
    state_keys = ("q", "share")

    q = traitlets.Float(START_Q).tag(sync=True)
    share = traitlets.Float(START_SHARE).tag(sync=True)

    def __init__(self) -> None:
        words = self.words_for()
        controls = [
            slider("q", words["q_control"], 0.0, 1.0, 0.01).spec(),
            slider("share", words["share_control"], 0.05, 0.95, 0.05).spec(),
        ]
        super().__init__(q=START_Q, share=START_SHARE, controls=controls, label=words["label"], words=words)

    def expected_cross_entropy(self, q: float | None = None) -> float:
        """Return the cross-entropy per point at ``q`` (default: the slider's): ce_lib with the soft label f."""
        return cross_entropy([self.share], [self.q if q is None else q])

    def accuracy(self) -> float:
        """Return the share of the points called right at the slider's q (all called red when q ≥ 0.5)."""
        return accuracy([self.share], [self.q])

    def describe(self) -> str:
        """Return the readout: the cost at q, the lowest cost (at q = f) and the accuracy."""
        return self.say(
            "readout", q=format_fixed(self.q, 2), cost=format_number(self.expected_cross_entropy()),
            f=format_fixed(self.share, 2), best=format_number(self.expected_cross_entropy(self.share), 3),
            accuracy=format_number(self.accuracy() * 100, 3),
        )  # fmt: skip


__all__ = ["Calibration"]
