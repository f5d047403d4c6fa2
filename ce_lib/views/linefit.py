"""Fit the line by hand: its angle, offset and sharpness give every point its probability (notebook 07).

Every model of the story is a line with a sharpness: a point's probability of red is
sigmoid(a·x + b·y + c). The learner gets the line's three settings, starting exactly at model
A's line, and sees the plane, each point's error −ln p and the line's cross-entropy beside model
A's, model B's and the best line's (the end of notebook 07's gradient descent). Two toggles add
model B's line and the best line to the plane.

Drawn by ``linefit.js`` (with ``_field.js``, the plane every line view shares, and
``_learning.js``, what the two line-learning views share). Shown in notebook 07.
"""

from __future__ import annotations

import numpy as np
import traitlets

from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.lines import line_cross_entropy, line_weights, true_colour_probabilities
from ce_lib.probability import point_errors
from ce_lib.views._base import View, slider, toggle
from ce_lib.views.plane import point_records


def format_short(value: float) -> str:
    """Return ``value`` as a slider setting reads in a readout: Python's ``f"{value:g}"`` with a true minus.

    The browser prints it the same way (``formatShort`` in ``_numbers.js``).

    Examples
    --------
    >>> format_short(-2.5), format_short(180.0), format_short(0.30000000000000004)
    ('−2.5', '180', '0.3')
    """
    return f"{value:g}".replace("-", "−")


class LineFit(View):
    """Fit the line by hand: its angle, offset and sharpness give every point its probability.

    The sliders start exactly at model A's line. Two toggles add model B's line (dashed green)
    and the best line gradient descent finds (dotted grey) to the plane. Shown in notebook 07.

    Examples
    --------
    >>> view = LineFit()
    >>> round(view.cross_entropy(), 4)
    4.7795
    >>> view.set_line(90, 1.8, 1)  # model B's line
    >>> view.describe().startswith("Your line (angle 90°, offset 1.8, sharpness 1): cross-entropy 1.196 ·")
    True
    """

    parts = ("_field", "_learning", "linefit")
    state_keys = ("angle", "offset", "sharpness", "show_model_b", "show_best")

    angle = traitlets.Float(story.MODEL_A.line.angle_degrees).tag(sync=True)
    offset = traitlets.Float(story.MODEL_A.line.offset).tag(sync=True)
    sharpness = traitlets.Float(story.MODEL_A.line.sharpness).tag(sync=True)
    show_model_b = traitlets.Bool(False).tag(sync=True)
    show_best = traitlets.Bool(False).tag(sync=True)
    points = traitlets.List().tag(sync=True)
    limits = traitlets.List().tag(sync=True)
    model_b_settings = traitlets.Dict().tag(sync=True)
    model_b_weights = traitlets.List().tag(sync=True)
    best_weights = traitlets.List().tag(sync=True)
    steps = traitlets.Int(story.DESCENT_STEPS).tag(sync=True)
    references = traitlets.Dict().tag(sync=True)

    def __init__(self) -> None:
        line_a, line_b, path = story.MODEL_A.line, story.MODEL_B.line, story.descent()
        words = self.words_for()
        controls = [
            slider("angle", words["control_angle"], 0, 360, 1, decimals=0).spec(),
            slider("offset", words["control_offset"], -6, 6, 0.05, decimals=2).spec(),
            slider("sharpness", words["control_sharpness"], 0.1, 6, 0.1, decimals=1).spec(),
            toggle("show_model_b", words["control_show_model_b"]).spec(),
            toggle("show_best", words["control_show_best"]).spec(),
        ]
        super().__init__(
            angle=line_a.angle_degrees, offset=line_a.offset, sharpness=line_a.sharpness,
            points=point_records(),
            limits=[list(pair) for pair in story.PLANE_LIMITS],
            model_b_settings={"angle": line_b.angle_degrees, "offset": line_b.offset, "sharpness": line_b.sharpness},
            model_b_weights=line_b.weights().tolist(),
            best_weights=path.weights[-1].tolist(),
            steps=len(path.cross_entropies) - 1,
            references={
                "A": line_a.cross_entropy(), "B": line_b.cross_entropy(), "best": float(path.cross_entropies[-1]),
            },
            controls=controls,
            label=words["label"],
            words=words,
        )  # fmt: skip

    def line(self) -> story.Line:
        """Return the line the sliders set."""
        return story.Line(self.angle, self.offset, self.sharpness)

    def set_line(self, angle: float, offset: float, sharpness: float) -> None:
        """Move the three sliders to ``angle`` (degrees), ``offset`` and ``sharpness``."""
        self.angle, self.offset, self.sharpness = float(angle), float(offset), float(sharpness)

    def weights(self) -> np.ndarray:
        """Return the line's weights (a, b, c)."""
        return line_weights(self.angle, self.offset, self.sharpness)

    def probabilities(self) -> np.ndarray:
        """Return the probability the line gives each point's true colour."""
        return true_colour_probabilities(self.weights(), story.POSITIONS, story.LABELS)

    def errors(self) -> np.ndarray:
        """Return each point's error −ln p(true colour)."""
        return point_errors(self.probabilities())

    def cross_entropy(self) -> float:
        """Return the line's cross-entropy on the story's points (ce_lib's stable form from the logits)."""
        return line_cross_entropy(self.weights(), story.POSITIONS, story.LABELS)

    def settings_text(self, angle: float, offset: float, sharpness: float) -> str:
        """Return a line's three settings as the readout says them, in the view's words.

        Examples
        --------
        >>> LineFit().settings_text(180.0, -2.5, 1.0)
        'angle 180°, offset −2.5, sharpness 1'
        """
        return self.say(
            "settings", angle=format_short(angle), offset=format_short(offset), sharpness=format_short(sharpness)
        )

    def describe(self) -> str:
        """Return the readout: this line's cross-entropy beside model A's, model B's and the best line's.

        The references are the numbers the view stores (and the browser shows), to their portable digits.
        """
        references, b = self.references, self.model_b_settings
        return self.say(
            "readout", settings=self.settings_text(self.angle, self.offset, self.sharpness),
            cross_entropy=format_number(self.cross_entropy()), a=format_number(references["A"]),
            b_settings=self.settings_text(b["angle"], b["offset"], b["sharpness"]), b=format_number(references["B"]),
            steps=self.steps, best=format_number(references["best"]),
        )  # fmt: skip


__all__ = ["LineFit", "format_short"]
