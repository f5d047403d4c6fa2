"""The worked examples of the series: the points, models A and B, and the three doors.

The numbers are the curriculum's (shared/curriculum.md); every notebook and test uses
these constants, so they are written once.
"""

from __future__ import annotations

from dataclasses import dataclass

RED, BLUE = "red", "blue"

#: Four points on the plane, two of each colour: (x, y) coordinates.
POINT_POSITIONS: tuple[tuple[float, float], ...] = ((1.0, 3.0), (3.0, 2.4), (2.0, 1.0), (4.0, 0.6))
#: Each point's true colour.
POINT_COLOURS: tuple[str, ...] = (RED, RED, BLUE, BLUE)


@dataclass(frozen=True)
class Model:
    """A model: a dividing line and the probability it gives each point's true colour.

    ``line`` holds (a, b, c) for the line a*x + b*y + c = 0; points where
    a*x + b*y + c > 0 are on the model's red side.
    """

    name: str
    probabilities: tuple[float, ...]
    line: tuple[float, float, float]


#: Model A: a vertical line x = 2.5, red on the left; it gets points 2 and 3 wrong.
MODEL_A = Model("A", (0.6, 0.2, 0.1, 0.7), (-1.0, 0.0, 2.5))
#: Model B: a gently sloping line y = 2.2 - 0.15 x, red above; every point on its side.
MODEL_B = Model("B", (0.7, 0.9, 0.8, 0.6), (0.15, 1.0, -2.2))

#: Probability of a gift behind each of the three doors.
DOOR_PROBABILITIES: tuple[float, ...] = (0.8, 0.7, 0.1)

#: The grader-style check value of the classic teaching code.
GRADER_LABELS: tuple[int, ...] = (1, 0, 1, 1)
GRADER_PROBABILITIES: tuple[float, ...] = (0.4, 0.6, 0.1, 0.5)

#: Each point's label for the logistic model of notebook 07: 1 for red, 0 for blue.
POINT_LABELS: tuple[int, ...] = tuple(1 if colour == RED else 0 for colour in POINT_COLOURS)

#: Where gradient descent starts in notebook 07: model A's line x = 2.5, red on the left,
#: at sharpness 2 (logit z = 2 * (2.5 - x)); and how it runs.
DESCENT_START: tuple[float, float, float] = (-2.0, 0.0, 5.0)
DESCENT_SHARPNESS = 2.0
DESCENT_STEPS, DESCENT_LEARNING_RATE = 300, 0.1
