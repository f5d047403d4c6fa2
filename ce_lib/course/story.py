"""The one story of the series: four points, model A and model B, three doors, one grader check.

Every notebook, view, exercise and test takes its worked numbers from here, so each is
written once. The numbers are the article's (and the curriculum's):

* model A gives the four points 0.6, 0.2, 0.1 and 0.7 for their true colours (product
  0.0084, cross-entropy 4.7795); model B gives them 0.7, 0.9, 0.8 and 0.6 (0.3024, 1.1960);
* each model is a line with a sharpness: a point's probability of red is
  sigmoid(sharpness × signed distance to the line), red side positive;
* the points sit where both lines give exactly those probabilities: each probability fixes
  a level line of each model, and a point is where its two level lines cross.

So "model A" is one line, with one cross-entropy, wherever it appears.

Examples
--------
>>> round(MODEL_A.cross_entropy(), 4), round(MODEL_B.cross_entropy(), 4)
(4.7795, 1.196)
>>> [round(v, 3) for v in POINTS[0].position]
[2.095, 2.647]
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from ce_lib.binary import cross_entropy
from ce_lib.lines import (
    DescentPath,
    gradient_descent,
    level_line_crossing,
    line_cross_entropy,
    line_logits,
    line_loss,
    line_weights,
    true_colour_probabilities,
)
from ce_lib.logits import logit

RED, BLUE = "red", "blue"


@dataclass(frozen=True)
class Line:
    """A dividing line as a learner sets it: the direction of its red side, where it is, how sharp.

    The line is the set of points whose distance along the unit normal
    (cos angle, sin angle) equals ``offset``; the normal points to the red side; a point
    at signed distance d from the line has logit ``sharpness`` × d.
    """

    angle_degrees: float
    offset: float
    sharpness: float

    def weights(self) -> np.ndarray:
        """Return (a, b, c): the logit of (x, y) is a*x + b*y + c."""
        return line_weights(self.angle_degrees, self.offset, self.sharpness)

    def cross_entropy(self) -> float:
        """Return the cross-entropy of the story's four points under this line (model A's: 4.7795)."""
        return line_cross_entropy(self.weights(), POSITIONS, LABELS)

    def describe(self) -> str:
        """Return the line's three settings as a learner reads them on the sliders."""
        return f"angle {self.angle_degrees:g}°, offset {self.offset:g}, sharpness {self.sharpness:g}"


@dataclass(frozen=True)
class Model:
    """A model of the story: its name, its line and the probability it gives each point's true colour."""

    name: str
    line: Line
    probabilities: tuple[float, ...]

    def cross_entropy(self) -> float:
        """Return the model's cross-entropy on the four points, −Σ ln p."""
        return cross_entropy(np.ones(len(self.probabilities)), self.probabilities)


@dataclass(frozen=True)
class Point:
    """One point of the data set: its number (1 to 4), its true colour and where it is."""

    number: int
    colour: str
    position: tuple[float, float]

    @property
    def label(self) -> int:
        """The point's label y: 1 for red, 0 for blue."""
        return 1 if self.colour == RED else 0


#: Each point's true colour, in order.
COLOURS: tuple[str, ...] = (RED, RED, BLUE, BLUE)
#: Model A: the vertical line x = 2.5, red on its left, sharpness 1. It gets points 2 and 3 wrong.
MODEL_A = Model("A", Line(180.0, -2.5, 1.0), (0.6, 0.2, 0.1, 0.7))
#: Model B: the horizontal line y = 1.8, red above it, sharpness 1. Every point is on its own side.
MODEL_B = Model("B", Line(90.0, 1.8, 1.0), (0.7, 0.9, 0.8, 0.6))
MODELS: tuple[Model, ...] = (MODEL_A, MODEL_B)


def _red_logits(model: Model) -> np.ndarray:
    """Return the logit of red that ``model`` must give each point to match its probabilities."""
    p_red = [p if colour == RED else 1.0 - p for p, colour in zip(model.probabilities, COLOURS, strict=True)]
    return logit(p_red)


def _positions() -> tuple[tuple[float, float], ...]:
    """Return each point's position: where model A's and model B's level lines for it cross."""
    logits_a, logits_b = _red_logits(MODEL_A), _red_logits(MODEL_B)
    weights_a, weights_b = MODEL_A.line.weights(), MODEL_B.line.weights()
    return tuple(
        tuple(float(v) for v in level_line_crossing(weights_a, weights_b, za, zb))
        for za, zb in zip(logits_a, logits_b, strict=True)
    )


#: The four points of the data set, numbered 1 to 4: two red, then two blue.
POINTS: tuple[Point, ...] = tuple(
    Point(number, colour, position)
    for number, (colour, position) in enumerate(zip(COLOURS, _positions(), strict=True), start=1)
)
#: The points' coordinates as an (n, 2) list, and their labels (1 = red), for the line functions.
POSITIONS: tuple[tuple[float, float], ...] = tuple(point.position for point in POINTS)
LABELS: tuple[int, ...] = tuple(point.label for point in POINTS)
#: The part of the plane every figure shows: (x from, x to), (y from, y to).
PLANE_LIMITS: tuple[tuple[float, float], tuple[float, float]] = ((0.0, 5.0), (0.0, 4.6))


def geometric_probabilities(line: Line) -> np.ndarray:
    """Return the probability ``line`` gives each point's true colour (model A's line: 0.6, 0.2, 0.1, 0.7)."""
    return true_colour_probabilities(line.weights(), POSITIONS, LABELS)


def red_logits(line: Line) -> np.ndarray:
    """Return each point's logit of red under ``line``."""
    return line_logits(line.weights(), POSITIONS)


#: A coin-flip model gives every point 0.5: ln 2 per point, the baseline any model must beat.
COIN_FLIP_PER_POINT = math.log(2.0)

#: Probability of a gift behind each of the three doors.
DOOR_PROBABILITIES: tuple[float, ...] = (0.8, 0.7, 0.1)

#: The grader-style check value of the classic teaching code.
GRADER_LABELS: tuple[int, ...] = (1, 0, 1, 1)
GRADER_PROBABILITIES: tuple[float, ...] = (0.4, 0.6, 0.1, 0.5)

#: Notebook 06's three classes: the softmax view's logits, the truth p and the weights of the prediction q.
CLASS_LOGITS: tuple[float, ...] = (2.0, 1.0, 0.1)
CLASS_TRUTH: tuple[float, ...] = (0.6, 0.3, 0.1)
CLASS_PREDICTION_WEIGHTS: tuple[float, ...] = (0.2, 0.3, 0.5)

#: Gradient descent in notebook 07 starts at model A's line and runs this many steps at this rate.
DESCENT_STEPS, DESCENT_LEARNING_RATE = 200, 0.05


@functools.cache
def descent(loss: str = "cross-entropy") -> DescentPath:
    """Return notebook 07's gradient descent on ``loss``: from model A's line, ``DESCENT_STEPS`` steps.

    The rate is ``DESCENT_LEARNING_RATE`` for either loss.

    Computed once per loss; the view, the exercises and the tests all read these paths.

    Examples
    --------
    >>> path = descent()
    >>> len(path.cross_entropies) == DESCENT_STEPS + 1, round(float(path.cross_entropies[0]), 4)
    (True, 4.7795)
    """
    return gradient_descent(
        MODEL_A.line.weights(), POSITIONS, LABELS, steps=DESCENT_STEPS, learning_rate=DESCENT_LEARNING_RATE, loss=loss
    )


def model_b_loss(loss: str = "cross-entropy") -> float:
    """Return model B's line's ``loss`` (its cross-entropy 1.196, or its squared error 0.15)."""
    return line_loss(MODEL_B.line.weights(), POSITIONS, LABELS, loss)


def first_step_below_model_b(loss: str = "cross-entropy") -> int | None:
    """Return the first step of notebook 07's descent on ``loss`` whose loss is below model B's line's, or None.

    The one answer to "when does gradient descent beat model B?": the descent view marks it and
    the exercises name it. Both sides are computed from the lines (``descent(loss)`` and
    :func:`model_b_loss`), so they are the same kind of number. Lowering the squared error from
    model A, at the same rate, does not get there in the steps the notebook shows: None.

    Examples
    --------
    >>> step, losses = first_step_below_model_b(), descent().cross_entropies
    >>> bool(losses[step] < MODEL_B.line.cross_entropy() < losses[step - 1])
    True
    >>> first_step_below_model_b("squared error") is None
    True
    """
    return descent(loss).first_step_below(model_b_loss(loss))
