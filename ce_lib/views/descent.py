"""Gradient descent moves model A's line: a slider over the steps, on cross-entropy or squared error (notebook 07).

Plain gradient descent, started at model A's line (``story.descent(loss)``), lowering either
cross-entropy or the squared error after a sigmoid: the line at the slider's step on the plane,
with model A's line for comparison; the loss against the step, with model A's and model B's
levels of that loss (cross-entropy passes B's 1.196 at step 76; squared error, at the same rate,
has not passed B's 0.15 in the 200 steps shown); and each point's error −ln p.

Drawn by ``descent.js`` (with ``_field.js``, the plane every line view shares, and
``_learning.js``, what the two line-learning views share). Shown in notebook 07.
"""

from __future__ import annotations

import operator

import numpy as np
import traitlets

from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.lines import LOSSES, true_colour_probabilities
from ce_lib.probability import point_errors
from ce_lib.views._base import View, choice, slider
from ce_lib.views.plane import point_records


class Descent(View):
    """Gradient descent moves model A's line: a slider over the steps, and a choice of the loss it lowers.

    Both paths (each step's weights and loss) are computed once by ce_lib (``story.descent``)
    and stored as fixed data, to the digits every machine agrees on; the controls only pick a
    loss and a step. Every number the view states is computed from those stored numbers, in the
    browser and here. Shown in notebook 07.

    Examples
    --------
    >>> view = Descent()
    >>> view.set_step(view.first_step_below_model_b())
    >>> view.loss_at(view.step) < view.model_b_level() < view.loss_at(view.step - 1)
    True
    >>> view.loss = "squared error"
    >>> view.first_step_below_model_b() is None
    True
    """

    parts = ("_field", "_learning", "descent")
    state_keys = ("step", "loss")

    step = traitlets.Int(0).tag(sync=True)
    loss = traitlets.Unicode(LOSSES[0]).tag(sync=True)
    points = traitlets.List().tag(sync=True)
    limits = traitlets.List().tag(sync=True)
    paths = traitlets.Dict().tag(sync=True)
    model_a_weights = traitlets.List().tag(sync=True)

    def __init__(self) -> None:
        words = self.words_for()
        paths = {}
        for loss in LOSSES:
            path = story.descent(loss)
            paths[loss] = {
                "weights": path.weights.tolist(), "losses": path.losses.tolist(),
                "levels": {"A": float(path.losses[0]), "B": story.model_b_loss(loss)},
                "first_below_b": story.first_step_below_model_b(loss),
            }  # fmt: skip
        steps = story.DESCENT_STEPS
        options = tuple((words[f"loss_{loss.replace(' ', '_').replace('-', '_')}"], loss) for loss in LOSSES)
        super().__init__(
            step=0, loss=LOSSES[0], points=point_records(), limits=[list(pair) for pair in story.PLANE_LIMITS],
            paths=paths, model_a_weights=story.MODEL_A.line.weights().tolist(),
            controls=[choice("loss", words["control_loss"], options).spec(),
                      slider("step", words["control_step"], 0, steps, 1, decimals=0).spec()],
            label=words["label"], words=words,
        )  # fmt: skip

    def set_step(self, step: int) -> None:
        """Move the slider to ``step``, from 0 (model A's line) to ``story.DESCENT_STEPS``; refuse one off the path."""
        self.step = operator.index(step)

    def path(self) -> dict:
        """Return the chosen loss's stored path: weights, losses, model A's and B's levels, the first step below B."""
        return self.paths[self.loss]

    def first_step_below_model_b(self) -> int | None:
        """Return the first step whose loss is below model B's (the figure marks it), or None in the steps shown."""
        return self.path()["first_below_b"]

    def model_b_level(self) -> float:
        """Return model B's value of the chosen loss, as the view shows it."""
        return float(self.path()["levels"]["B"])

    def weights(self, step: int | None = None) -> np.ndarray:
        """Return the line's weights (a, b, c) after ``step`` steps (default: the slider's), as the view draws them."""
        return np.array(self.path()["weights"][self.step if step is None else step])

    def loss_at(self, step: int) -> float:
        """Return the chosen loss after ``step`` steps, as the view shows it."""
        return float(self.path()["losses"][step])

    def errors(self) -> np.ndarray:
        """Return each point's error −ln p(true colour) at the slider's step, from the line the view draws."""
        return point_errors(true_colour_probabilities(self.weights(), story.POSITIONS, story.LABELS))

    def describe(self) -> str:
        """Return the readout: the loss now, at the start and for model B, when it beats B, and each point's error."""
        errors = self.words["list_separator"].join(format_number(float(e), 3) for e in self.errors())
        first = self.first_step_below_model_b()
        verdict = (self.say("verdict_never", steps=story.DESCENT_STEPS) if first is None
                   else self.say("verdict_from", step=first))  # fmt: skip
        return self.say(
            "readout", loss=self.words[f"loss_{self.loss.replace(' ', '_').replace('-', '_')}"], step=self.step,
            value=format_number(self.loss_at(self.step)), a=format_number(self.loss_at(0)),
            b=format_number(self.model_b_level()), verdict=verdict, errors=errors,
        )  # fmt: skip


__all__ = ["Descent"]
