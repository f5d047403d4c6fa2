"""The models' plane: model A against model B, one slider per point per model (notebooks 00-03).

Each model is a line with a sharpness; the plane is shaded with the probability of red it
gives everywhere (white on the line, where p(red) = 0.5), with dashed level lines at 0.1,
0.3, 0.7 and 0.9. Beside each point stands the probability the model gives its true colour.
A slider asks "what if the model said this?": when it differs from what the line gives, a
hollow marker shows where on the model's field the point would have to be for that
probability, so the picture never contradicts the numbers. Below the planes, each point's
probability (notebook 01), its ln (02) or its error −ln p (03), and each model's total.

Drawn by ``plane.js`` (with ``_field.js``, the plane every line view shares). Shown in notebooks
00 (``step="points"``), 01, 02 and 03.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import traitlets

from ce_lib.binary import cross_entropy
from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.probability import product_of_probabilities, sum_of_logs
from ce_lib.views._base import View, slider

#: How each step of the argument totals a model's probabilities, and whether higher is better.
STEPS: dict[str, tuple[Callable[[Sequence[float]], float], bool]] = {
    "product": (product_of_probabilities, True),
    "log": (sum_of_logs, True),
    "error": (lambda p: cross_entropy(np.ones(len(p)), p), False),
}


def point_records() -> list[dict]:
    """Return the story's points as the JSON the ES modules draw."""
    return [{"number": p.number, "colour": p.colour, "x": p.position[0], "y": p.position[1]} for p in story.POINTS]


class ModelSliders:
    """What a view with one slider per point per model (traits ``probabilities_a`` and ``_b``) shares.

    Examples
    --------
    >>> view = ModelComparison("error")
    >>> view.set_probability("B", 2, 0.5)
    >>> view.probabilities("B")
    (0.7, 0.5, 0.8, 0.6)
    """

    @staticmethod
    def model_sliders(words: dict[str, str]) -> list[dict]:
        """Return the control specs: a slider per point (0 to 1, step 0.01) per model, grouped by model."""
        return [
            slider(f"probabilities_{model.name.lower()}",
                   words["point_colour"].format(number=p.number, colour=words[f"colour_{p.colour}"]),
                   0.0, 1.0, 0.01, index=p.number - 1, group=words["model_title"].format(name=model.name)).spec()
            for model in story.MODELS for p in story.POINTS
        ]  # fmt: skip

    def probabilities(self, name: str) -> tuple[float, ...]:
        """Return model ``name``'s per-point probabilities as the sliders set them."""
        return tuple(getattr(self, f"probabilities_{name.lower()}"))

    def set_probability(self, name: str, point: int, value: float) -> None:
        """Move the slider of ``point`` (1 to 4) of model ``name`` ("A" or "B") to ``value``."""
        key = f"probabilities_{name.lower()}"
        values = list(getattr(self, key))
        values[point - 1] = float(value)
        setattr(self, key, values)


class ModelComparison(ModelSliders, View):
    """Model A against model B: one slider per point per model, both replotted at once.

    Parameters
    ----------
    step : {"points", "product", "log", "error"}
        What is shown below the two planes: nothing more (``"points"``, notebook 00), the
        product of probabilities (01), the logs (02) or the errors and cross-entropy (03).

    Examples
    --------
    >>> view = ModelComparison("error")
    >>> round(view.totals()["A"], 4), round(view.totals()["B"], 4)
    (4.7795, 1.196)
    >>> view.set_probability("A", 3, 0.0)
    >>> view.totals()["A"]
    inf
    """

    parts = ("_field", "plane")
    state_keys = ("probabilities_a", "probabilities_b")

    step = traitlets.Unicode("error").tag(sync=True)
    probabilities_a = traitlets.List(traitlets.Float()).tag(sync=True)
    probabilities_b = traitlets.List(traitlets.Float()).tag(sync=True)
    points = traitlets.List().tag(sync=True)
    lines = traitlets.Dict().tag(sync=True)
    limits = traitlets.List().tag(sync=True)

    def __init__(self, step: str = "error") -> None:
        if step not in ("points", *STEPS):
            raise ValueError(f"step must be one of {('points', *STEPS)}, got {step!r}")
        words = self.words_for()
        controls = self.model_sliders(words)
        super().__init__(
            step=step,
            probabilities_a=list(story.MODEL_A.probabilities),
            probabilities_b=list(story.MODEL_B.probabilities),
            points=point_records(),
            lines={model.name: model.line.weights().tolist() for model in story.MODELS},
            limits=[list(pair) for pair in story.PLANE_LIMITS],
            controls=controls,
            label=words["label"],
            words=words,
        )

    def totals(self) -> dict[str, float]:
        """Return each model's total for this step (the product, the sum of logs or the cross-entropy)."""
        total, _ = STEPS[self.step if self.step in STEPS else "error"]
        return {name: total(self.probabilities(name)) for name in ("A", "B")}

    def verdict(self) -> str:
        """Say which model is ahead; level when both totals print the same."""
        totals, (_, higher_is_better) = self.totals(), STEPS[self.step]
        if format_number(totals["A"]) == format_number(totals["B"]):
            return self.words["verdict_level"]
        return self.words["verdict_a" if (totals["A"] > totals["B"]) == higher_is_better else "verdict_b"]

    def describe(self) -> str:
        """Return the readout: each model's score for this step, and which is ahead."""
        if self.step == "points":
            right = {
                name: self.say("of", count=sum(p >= 0.5 for p in self.probabilities(name)), total=len(story.POINTS))
                for name in ("A", "B")
            }  # fmt: skip
            return self.say("readout_points", a=right["A"], b=right["B"])
        totals, (_, higher_is_better) = self.totals(), STEPS[self.step]
        return self.say(
            "readout", step=self.words[f"step_{self.step}"], a=format_number(totals["A"]),
            b=format_number(totals["B"]), verdict=self.verdict(),
            better=self.words["higher_better" if higher_is_better else "lower_better"],
        )  # fmt: skip


__all__ = ["ModelComparison", "point_records"]
