"""Why not squared error: how hard each loss pushes one point's logit, as the logit moves (notebook 07).

Gradient descent moves a model by the gradient of its loss. With respect to one point's logit
z (p = σ(z)), cross-entropy's gradient is p − y; the squared error ½(p − y)² after the sigmoid
has (p − y)·p(1 − p). The extra factor p(1 − p) vanishes where the model is confident, so a
confidently *wrong* point, which most needs to move, gets the strongest push from cross-entropy
and almost none from squared error.

Drawn by ``gradients.js``. Shown in notebook 07.
"""

from __future__ import annotations

import traitlets

from ce_lib.formatting import format_fixed, format_number
from ce_lib.lines import cross_entropy_gradient_logits, squared_error_gradient_logits
from ce_lib.logits import sigmoid
from ce_lib.views._base import View, choice, slider

#: The logit the view starts at: a red point confidently called blue (p ≈ 0.0067).
START_LOGIT = -5.0
Z_LIMIT = 8.0


class Gradients(View):
    """The push of cross-entropy and of squared error on one point's logit z, for a red or a blue point.

    Examples
    --------
    >>> view = Gradients()
    >>> round(view.pushes()["cross-entropy"], 3), round(view.pushes()["squared error"], 4)
    (-0.993, -0.0066)
    """

    parts = ("gradients",)
    state_keys = ("z", "y")

    z = traitlets.Float(START_LOGIT).tag(sync=True)
    y = traitlets.Int(1).tag(sync=True)

    def __init__(self) -> None:
        words = self.words_for()
        controls = [
            slider("z", words["z_control"], -Z_LIMIT, Z_LIMIT, 0.1, decimals=1).spec(),
            choice("y", words["label_control"], ((words["red_option"], 1), (words["blue_option"], 0))).spec(),
        ]
        super().__init__(z=START_LOGIT, y=1, controls=controls, label=words["label"], words=words)

    def pushes(self) -> dict[str, float]:
        """Return each loss's gradient with respect to z at the slider's z (negative: z should go up)."""
        return {
            "cross-entropy": float(cross_entropy_gradient_logits([self.y], [self.z])[0]),
            "squared error": float(squared_error_gradient_logits([self.y], [self.z])[0]),
        }

    def describe(self) -> str:
        """Return the readout: z, p, and both gradients."""
        pushes = self.pushes()
        colour = self.words["colour_red" if self.y == 1 else "colour_blue"]
        return self.say(
            "readout", z=format_fixed(self.z, 1), p=format_number(float(sigmoid([self.z])[0]), 3), colour=colour,
            y=str(self.y), cross=format_number(pushes["cross-entropy"], 3),
            squared=format_number(pushes["squared error"], 3),
        )  # fmt: skip


__all__ = ["Gradients"]
