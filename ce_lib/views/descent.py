"""Gradient descent on the cross-entropy moves model A's line: a slider over the steps (notebook 07).

Plain gradient descent, started at model A's line (``story.descent()``): the line at the
slider's step on the plane, with model A's line for comparison; the cross-entropy against the
step, which passes model B's 1.196 on its way down (the first step below it is marked); and each
point's error −ln p.

Drawn by ``descent.js`` (with ``_field.js``, the plane every line view shares, and
``_learning.js``, what the two line-learning views share). Shown in notebook 07.
"""

from __future__ import annotations

import operator

import numpy as np
import traitlets

from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.lines import true_colour_probabilities
from ce_lib.probability import point_errors
from ce_lib.views._base import View, slider
from ce_lib.views.plane import point_records


class Descent(View):
    """Gradient descent on the cross-entropy moves model A's line: a slider over the steps.

    The path (each step's weights and cross-entropy) is computed once by ce_lib
    (``story.descent()``) and stored as fixed data, to the digits every machine agrees on; the
    slider only picks a step. Every number the view states is computed from those stored
    numbers, in the browser and here. Shown in notebook 07.

    Examples
    --------
    >>> view = Descent()
    >>> view.set_step(view.first_step_below_model_b())
    >>> view.cross_entropy() < view.model_b_cross_entropy < view.cross_entropy_at(view.step - 1)
    True
    """

    parts = ("_field", "_learning", "descent")
    state_keys = ("step",)

    step = traitlets.Int(0).tag(sync=True)
    points = traitlets.List().tag(sync=True)
    limits = traitlets.List().tag(sync=True)
    path_weights = traitlets.List().tag(sync=True)
    path_cross_entropies = traitlets.List().tag(sync=True)
    model_a_weights = traitlets.List().tag(sync=True)
    model_b_cross_entropy = traitlets.Float().tag(sync=True)
    first_below_model_b = traitlets.Int().tag(sync=True)

    def __init__(self) -> None:
        path = story.descent()
        words = self.words_for()
        super().__init__(
            step=0,
            points=point_records(),
            limits=[list(pair) for pair in story.PLANE_LIMITS],
            path_weights=path.weights.tolist(),
            path_cross_entropies=path.cross_entropies.tolist(),
            model_a_weights=story.MODEL_A.line.weights().tolist(),
            model_b_cross_entropy=story.MODEL_B.line.cross_entropy(),
            first_below_model_b=story.first_step_below_model_b(),
            controls=[slider("step", words["control_step"], 0, len(path.cross_entropies) - 1, 1, decimals=0).spec()],
            label=words["label"],
            words=words,
        )

    def set_step(self, step: int) -> None:
        """Move the slider to ``step``, from 0 (model A's line) to ``story.DESCENT_STEPS``; refuse one off the path."""
        self.step = operator.index(step)

    def first_step_below_model_b(self) -> int:
        """Return the first step whose cross-entropy is below model B's (the figure marks it)."""
        return self.first_below_model_b

    def weights(self, step: int | None = None) -> np.ndarray:
        """Return the line's weights (a, b, c) after ``step`` steps (default: the slider's), as the view draws them."""
        return np.array(self.path_weights[self.step if step is None else step])

    def cross_entropy_at(self, step: int) -> float:
        """Return the cross-entropy after ``step`` steps, as the view shows it."""
        return float(self.path_cross_entropies[step])

    def cross_entropy(self) -> float:
        """Return the cross-entropy at the slider's step."""
        return self.cross_entropy_at(self.step)

    def errors(self) -> np.ndarray:
        """Return each point's error −ln p(true colour) at the slider's step, from the line the view draws."""
        return point_errors(true_colour_probabilities(self.weights(), story.POSITIONS, story.LABELS))

    def describe(self) -> str:
        """Return the readout: this step's cross-entropy, the start's, model B's, and each point's error."""
        errors = self.words["list_separator"].join(format_number(float(e), 3) for e in self.errors())
        return self.say(
            "readout", step=self.step, cross_entropy=format_number(self.cross_entropy()),
            a=format_number(self.cross_entropy_at(0)), b=format_number(self.model_b_cross_entropy), errors=errors,
        )  # fmt: skip


__all__ = ["Descent"]
