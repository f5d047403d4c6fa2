"""Softmax: logits on sliders become class probabilities q = softmax(z); the loss is −ln q(true class).

Three sliders set the logits z1, z2, z3 (−6 to 6); a choice sets the true class. The bars are
q, the true class's hatched and green, the others solid sky blue; the title states the loss,
computed stably from the logits (``ce_lib.cross_entropy_from_class_logits``).

Drawn by ``softmax.js``; its words are the catalogue's ``views.softmax``. Shown in notebook 06.
"""

from __future__ import annotations

import numpy as np
import traitlets

from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.multiclass import cross_entropy_from_class_logits, softmax
from ce_lib.views._base import View, choice, slider

#: The logits the view starts from: notebook 06's worked numbers.
CLASS_LOGITS = story.CLASS_LOGITS
#: The range of every logit's slider.
LOWEST_LOGIT, HIGHEST_LOGIT = -6.0, 6.0


class Softmax(View):
    """Three logits → q = softmax(z) → the cross-entropy −ln q(true class), live.

    Examples
    --------
    >>> view = Softmax()
    >>> view.probabilities().round(3).tolist()
    [0.659, 0.242, 0.099]
    >>> view.set_true_class(3)
    >>> round(view.loss(), 4)
    2.317
    """

    parts = ("softmax",)
    state_keys = ("logits", "true_class")

    logits = traitlets.List(traitlets.Float()).tag(sync=True)
    true_class = traitlets.Int(1).tag(sync=True)

    def __init__(self) -> None:
        words = self.words_for()
        classes = range(1, len(CLASS_LOGITS) + 1)
        controls = [
            slider("logits", words["control_logit"].format(k=k), LOWEST_LOGIT, HIGHEST_LOGIT, 0.1, index=k - 1,
                   decimals=1).spec()
            for k in classes
        ]  # fmt: skip
        options = tuple((words["class_name"].format(k=k), k) for k in classes)
        controls.append(choice("true_class", words["control_true_class"], options).spec())
        super().__init__(
            logits=list(CLASS_LOGITS), true_class=1, controls=controls, label=words["label"], words=words
        )  # fmt: skip

    def set_logit(self, k: int, value: float) -> None:
        """Move the slider of logit ``k`` (1 to 3) to ``value``."""
        values = list(self.logits)
        values[k - 1] = float(value)
        self.logits = values

    def set_true_class(self, k: int) -> None:
        """Choose class ``k`` (1 to 3) as the true class."""
        self.true_class = int(k)

    def probabilities(self) -> np.ndarray:
        """Return q = softmax(z) for the sliders' logits."""
        return softmax(self.logits)

    def loss(self) -> float:
        """Return −ln q(true class), computed from the logits (``ce_lib.cross_entropy_from_class_logits``)."""
        return cross_entropy_from_class_logits(self.true_class - 1, self.logits)

    def title(self) -> str:
        """Return the figure's title: the true class and its loss, by ce_lib."""
        return self.say("title", k=self.true_class, loss=format_number(self.loss()))

    def describe(self) -> str:
        """Return the readout: q, the true class and the cross-entropy."""
        shown = self.words["separator"].join(format_number(float(v), 3) for v in self.probabilities())
        return self.say("readout", q=shown, k=self.true_class, loss=format_number(self.loss()))


__all__ = ["CLASS_LOGITS", "Softmax"]
