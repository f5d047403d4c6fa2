"""A model as a line: its logits, the points where it gives chosen probabilities, and learning it.

A line a*x + b*y + c = 0 gives every point a logit z = a*x + b*y + c (its signed distance
to the line, times the line's sharpness) and so a probability of being red, sigmoid(z).
Each probability is a level line parallel to the line; where a level line of one model
crosses a level line of another, a point gets both probabilities at once
(:func:`level_line_crossing`). Fitting the line means lowering the cross-entropy of the
true colours; its gradient with respect to a logit is sigmoid(z) - y, the predicted
probability minus the label.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ce_lib._validation import as_finite, as_unit_interval, check_same_shape
from ce_lib.logits import cross_entropy_from_logits, sigmoid


def line_weights(angle_degrees: float, offset: float, sharpness: float) -> np.ndarray:
    """Return the weights (a, b, c) of the line with this normal angle, offset and sharpness.

    The line is the set of points whose distance along the unit normal
    (cos angle, sin angle) equals ``offset``; ``sharpness`` scales the logits (a steeper
    sigmoid across the line).

    Examples
    --------
    >>> line_weights(180.0, -2.5, 1.0).round(6).tolist()  # model A: x = 2.5, red on the left
    [-1.0, 0.0, 2.5]
    """
    angle, offset, sharpness = (float(v) for v in as_finite([angle_degrees, offset, sharpness], "line"))
    normal = np.array(unit_normal(angle))
    return np.append(sharpness * normal, -sharpness * offset) + 0.0


#: The unit normal of a line at a whole number of quarter turns, exactly (cos 90° is 0, not 6e-17).
QUARTER_TURNS = {0.0: (1.0, 0.0), 90.0: (0.0, 1.0), 180.0: (-1.0, 0.0), 270.0: (0.0, -1.0)}


def unit_normal(angle_degrees: float) -> tuple[float, float]:
    """Return (cos angle, sin angle), exact at 0°, 90°, 180° and 270° (and any whole turn from them).

    Examples
    --------
    >>> unit_normal(90.0), unit_normal(-180.0)
    ((0.0, 1.0), (-1.0, 0.0))
    """
    exact = QUARTER_TURNS.get(angle_degrees % 360.0)
    if exact is not None:
        return exact
    radians = math.radians(angle_degrees)
    return math.cos(radians), math.sin(radians)


def _design(points: ArrayLike) -> np.ndarray:
    coordinates = as_finite(points, "points")
    if coordinates.ndim != 2 or coordinates.shape[1] != 2:
        raise ValueError(f"points must be an (n, 2) array of x, y coordinates, got shape {coordinates.shape}")
    return np.column_stack([coordinates, np.ones(len(coordinates))])


def _weights(weights: ArrayLike) -> np.ndarray:
    values = as_finite(weights, "weights")
    if values.shape != (3,):
        raise ValueError(f"weights must be three numbers (a, b, c), got shape {values.shape}")
    return values


def level_line_crossing(first: ArrayLike, second: ArrayLike, first_logit: float, second_logit: float) -> np.ndarray:
    """Return the point (x, y) where line ``first`` gives ``first_logit`` and ``second`` gives ``second_logit``.

    Each logit fixes a level line parallel to its line; the two level lines cross at one
    point unless the lines are parallel.

    Parameters
    ----------
    first, second : array_like
        Line weights (a, b, c); the logit of (x, y) is a*x + b*y + c.
    first_logit, second_logit : float
        The wanted logits (finite numbers).

    Returns
    -------
    numpy.ndarray
        The point's coordinates, shape (2,).

    Examples
    --------
    >>> level_line_crossing([-1.0, 0.0, 2.5], [0.0, 1.0, -1.8], 0.5, 1.0).tolist()  # x = 2.5 - 0.5, y = 1.8 + 1
    [2.0, 2.8]
    """
    a, b = _weights(first), _weights(second)
    targets = as_finite([first_logit, second_logit], "logits")
    matrix = np.array([a[:2], b[:2]])
    if abs(np.linalg.det(matrix)) < 1e-12 * max(1.0, float(np.abs(matrix).max()) ** 2):
        raise ValueError("first and second must not be parallel lines: their level lines never cross")
    return np.linalg.solve(matrix, targets - np.array([a[2], b[2]])) + 0.0


def line_logits(weights: ArrayLike, points: ArrayLike) -> np.ndarray:
    """Return each point's logit z = a*x + b*y + c under the line ``weights``.

    Examples
    --------
    >>> line_logits([-1.0, 0.0, 2.5], [[1.0, 3.0], [3.0, 2.4]]).tolist()
    [1.5, -0.5]
    """
    # Element by element, not a matrix product: BLAS kernels differ from CPU to CPU in their last bits.
    design, (a, b, c) = _design(points), _weights(weights)
    return design[:, 0] * a + design[:, 1] * b + c


def true_colour_probabilities(weights: ArrayLike, points: ArrayLike, labels: ArrayLike) -> np.ndarray:
    """Return the probability the line gives each point's true colour (sigmoid(±z)).

    Examples
    --------
    >>> true_colour_probabilities([-1.0, 0.0, 2.5], [[1.0, 3.0], [2.0, 1.0]], [1, 0]).round(3).tolist()
    [0.818, 0.378]
    """
    logits = line_logits(weights, points)
    hard_labels = as_unit_interval(labels, "labels", what="labels")
    check_same_shape(hard_labels, logits, ("labels", "points"))
    return np.where(hard_labels == 1.0, sigmoid(logits), sigmoid(-logits))


def line_cross_entropy(weights: ArrayLike, points: ArrayLike, labels: ArrayLike) -> float:
    """Return the cross-entropy of the true colours under the line ``weights``.

    Examples
    --------
    >>> round(line_cross_entropy([-1.0, 0.0, 2.5], [[1.0, 3.0], [3.0, 2.4]], [1, 1]), 4)
    1.1755
    """
    return cross_entropy_from_logits(labels, line_logits(weights, points))


def cross_entropy_gradient_logits(y: ArrayLike, z: ArrayLike) -> np.ndarray:
    """Return d(cross-entropy)/dz per point: sigmoid(z) - y, the prediction minus the label.

    Examples
    --------
    >>> cross_entropy_gradient_logits([1, 0], [0.0, 0.0]).tolist()
    [-0.5, 0.5]
    """
    labels = as_unit_interval(y, "y", what="labels")
    logits = as_finite(z, "z")
    check_same_shape(labels, logits, ("y", "z"))
    return sigmoid(logits) - labels


def line_gradient(weights: ArrayLike, points: ArrayLike, labels: ArrayLike) -> np.ndarray:
    """Return the gradient of :func:`line_cross_entropy` with respect to (a, b, c).

    By the chain rule it is sum_i (sigmoid(z_i) - y_i) * (x_i, y_i, 1).
    """
    return line_loss_gradient(weights, points, labels, "cross-entropy")


#: The losses gradient descent can lower: the series' cross-entropy, and the squared error
#: ½Σ(p − y)² after a sigmoid that notebook 07 compares it with.
LOSSES = ("cross-entropy", "squared error")


@dataclass(frozen=True)
class DescentPath:
    """The path of gradient descent: the weights after every step, their cross-entropy, and the loss it lowered.

    ``losses`` are the values of the loss the descent lowered (``loss``); for a cross-entropy
    descent they are the cross-entropies.
    """

    weights: np.ndarray  # shape (steps + 1, 3); row 0 is the start
    cross_entropies: np.ndarray  # shape (steps + 1,)
    losses: np.ndarray  # shape (steps + 1,): the lowered loss's values
    loss: str = "cross-entropy"

    def first_step_below(self, level: float) -> int | None:
        """Return the first step whose loss is below ``level``, or None if no step of the path gets there.

        Examples
        --------
        >>> losses = np.array([4.8, 1.3, 0.9])
        >>> DescentPath(np.zeros((3, 3)), losses, losses).first_step_below(1.2)
        2
        >>> DescentPath(np.zeros((3, 3)), losses, losses).first_step_below(0.5) is None
        True
        """
        below = np.flatnonzero(self.losses < float(level))
        return int(below[0]) if below.size else None


def line_squared_error(weights: ArrayLike, points: ArrayLike, labels: ArrayLike) -> float:
    """Return the squared error ½Σ(p − y)² of the line's probabilities of red, p = σ(z), against the labels.

    Examples
    --------
    >>> round(line_squared_error([-1.0, 0.0, 2.5], [[1.0, 3.0], [3.0, 2.4]], [1, 1]), 4)  # p = 0.818, 0.378
    0.2104
    """
    hard_labels = as_unit_interval(labels, "labels", what="labels")
    probabilities = sigmoid(line_logits(weights, points))
    check_same_shape(hard_labels, probabilities, ("labels", "points"))
    return math.fsum(0.5 * (probabilities - hard_labels) ** 2)


def line_loss(weights: ArrayLike, points: ArrayLike, labels: ArrayLike, loss: str = "cross-entropy") -> float:
    """Return the line's ``loss``, one of :data:`LOSSES`."""
    return _loss(loss)[0](weights, points, labels)


def line_loss_gradient(
    weights: ArrayLike, points: ArrayLike, labels: ArrayLike, loss: str = "cross-entropy"
) -> np.ndarray:
    """Return the gradient of the line's ``loss`` with respect to (a, b, c): Σ_i (∂loss/∂z_i)·(x_i, y_i, 1).

    Examples
    --------
    >>> line_loss_gradient([-1.0, 0.0, 2.5], [[1.0, 3.0]], [1]).round(4).tolist()  # cross-entropy: p − y
    [-0.1824, -0.5473, -0.1824]
    """
    design = _design(points)
    pushes = _loss(loss)[1](labels, line_logits(weights, design[:, :2]))
    # Exactly rounded sums (math.fsum): the same on every machine, whatever order a BLAS kernel would add in.
    return np.array([math.fsum(pushes * column) for column in design.T])


def _loss(loss: str):  # type: ignore[no-untyped-def]
    """Return (the loss of a line, its gradient with respect to each logit) for ``loss``."""
    if loss == "cross-entropy":
        return line_cross_entropy, cross_entropy_gradient_logits
    if loss == "squared error":
        return line_squared_error, squared_error_gradient_logits
    raise ValueError(f"loss must be one of {LOSSES}, got {loss!r}")


def gradient_descent(
    start: ArrayLike, points: ArrayLike, labels: ArrayLike, *, steps: int, learning_rate: float,
    loss: str = "cross-entropy",
) -> DescentPath:  # fmt: skip
    """Run plain gradient descent on the line's ``loss`` (cross-entropy by default) from ``start``.

    Examples
    --------
    >>> path = gradient_descent([-1.0, 0.0, 2.5], [[1.0, 3.0], [2.0, 1.0]], [1, 0], steps=50, learning_rate=0.2)
    >>> bool(path.cross_entropies[-1] < path.cross_entropies[0])
    True
    >>> slow = gradient_descent([-1.0, 0.0, 2.5], [[1.0, 3.0], [2.0, 1.0]], [1, 0], steps=50, learning_rate=0.2,
    ...                         loss="squared error")
    >>> bool(slow.losses[-1] < slow.losses[0])
    True
    """
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0, got {steps!r}")
    rate = float(as_finite([learning_rate], "learning_rate")[0])
    if rate <= 0:
        raise ValueError(f"learning_rate must be positive, got {learning_rate!r}")
    measure, _ = _loss(loss)
    weights = _weights(start).copy()
    history = [weights.copy()]
    for _ in range(steps):
        weights -= rate * line_loss_gradient(weights, points, labels, loss)
        history.append(weights.copy())
    path = np.array(history)
    cross_entropies = np.array([line_cross_entropy(w, points, labels) for w in path])
    losses = cross_entropies if loss == "cross-entropy" else np.array([measure(w, points, labels) for w in path])
    return DescentPath(path, cross_entropies, losses, loss)


def squared_error_gradient_logits(y: ArrayLike, z: ArrayLike) -> np.ndarray:
    """Return d/dz of the squared error ½(σ(z) − y)² per point: (p − y)·p·(1 − p), with p = σ(z).

    The chain rule puts the sigmoid's slope p(1 − p) in front of the error, and that slope
    vanishes where the model is confident: a point that is confidently *wrong* (p near 0 for a
    red point) gets almost no push, where cross-entropy's gradient p − y pushes it hardest
    (:func:`cross_entropy_gradient_logits`).

    Examples
    --------
    >>> squared_error_gradient_logits([1], [0.0]).tolist()  # p = 0.5: (0.5 − 1) · 0.25
    [-0.125]
    >>> wrong = [-8.0]  # a red point given p = σ(−8) ≈ 0.0003: confidently wrong
    >>> squared_error_gradient_logits([1], wrong).round(5).tolist()  # almost no push
    [-0.00034]
    >>> cross_entropy_gradient_logits([1], wrong).round(5).tolist()  # the strongest push
    [-0.99966]
    """
    labels = as_unit_interval(y, "y", what="labels")
    logits = as_finite(z, "z")
    check_same_shape(labels, logits, ("y", "z"))
    p = sigmoid(logits)
    return (p - labels) * p * sigmoid(-logits)
