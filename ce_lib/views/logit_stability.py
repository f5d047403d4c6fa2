"""Logit stability: one point's cross-entropy from its logit z, naive against stable (notebook 06).

A point with label y = 0 and logit z, set by a slider from −50 to 50. The naive form takes the
sigmoid first, p = σ(z), then −ln(1 − p) (:func:`ce_lib.frameworks.naive_cross_entropy_from_logits`);
the stable form never forms p (:func:`ce_lib.cross_entropy_from_logits`). Above, both costs
against z, shaded where the naive value is ∞ (σ(z) has rounded to exactly 1); below, how many of
the naive value's digits are right, counted against the stable one (:func:`correct_digits`). The
slider marks z on both panels, and the readout gives both values and the naive value's digits.

Drawn by ``logit_stability.js``; words in the catalogue's ``views.logit_stability`` section.
Shown in notebook 06.
"""

from __future__ import annotations

import math
import sys

import traitlets

from ce_lib.formatting import format_number
from ce_lib.frameworks import naive_cross_entropy_from_logits
from ce_lib.logits import cross_entropy_from_logits
from ce_lib.views._base import View, slider

#: The significant decimal digits every float64 keeps (``DBL_DIG``): the most :func:`correct_digits` counts.
FLOAT64_DIGITS = sys.float_info.dig
#: The slider's logits: from LOWEST to HIGHEST in steps of STEP (the figure's z axis is the same grid).
LOWEST, HIGHEST, STEP = -50.0, 50.0, 0.25
#: Where the slider starts: the naive value is still finite there, and has lost most of its digits.
START = 30.0
#: The digits shown of each cost: enough to see the naive value's wrong ones.
SHOWN_DIGITS = 10


def costs_at(z: float) -> dict[str, float]:
    """Return the cross-entropy of one point with label 0 and logit ``z``: stable, then naive (both ce_lib's).

    Examples
    --------
    >>> costs_at(40.0)
    {'stable': 40.0, 'naive': inf}
    """
    return {
        "stable": float(cross_entropy_from_logits([0.0], [z])),
        "naive": float(naive_cross_entropy_from_logits([0.0], [z])),
    }


def correct_digits(naive: float, stable: float, most: int = FLOAT64_DIGITS) -> int | None:
    """Return how many significant digits of ``naive`` are right, counted against ``stable``; None where it is ∞.

    The largest k from 0 to ``most`` with |naive − stable| / stable ≤ 10⁻ᵏ (each 10⁻ᵏ read from
    its decimal text, so every language that parses decimals gets the same float).

    Examples
    --------
    >>> correct_digits(30.001020555434774, 30.000000000000092)
    4
    >>> correct_digits(0.6931471805599453, 0.6931471805599453), correct_digits(math.inf, 40.0)
    (15, None)
    """
    if math.isinf(naive):
        return None
    if naive == stable:
        return most
    error = abs(naive - stable) / stable
    digits = 0
    while digits < most and error <= float(f"1e-{digits + 1}"):
        digits += 1
    return digits


def logit_grid() -> list[float]:
    """Return every logit the slider can set, lowest first."""
    return [LOWEST + STEP * i for i in range(round((HIGHEST - LOWEST) / STEP) + 1)]


class LogitStability(View):
    """One point's cross-entropy from its logit z: the naive form (sigmoid first) against the stable one, live.

    A slider sets z; the figure marks it on both curves (above) and on the naive value's correct
    digits (below), and the readout gives both values, computed by ce_lib, and those digits.

    Shown in notebook 06.

    Examples
    --------
    >>> view = LogitStability()
    >>> view.describe()
    'z = 30: stable 30 · naive 30.00102056 → the naive value is right to 4 of 15 digits'
    >>> view.first_infinite
    36.75
    >>> view.set_logit(40.0)
    >>> view.costs()["naive"], view.correct_digits() is None
    (inf, True)
    """

    parts = ("logit_stability",)
    state_keys = ("logit",)

    logit = traitlets.Float(START).tag(sync=True)
    logit_range = traitlets.List().tag(sync=True)
    float_digits = traitlets.Int(FLOAT64_DIGITS).tag(sync=True)
    shown_digits = traitlets.Int(SHOWN_DIGITS).tag(sync=True)

    def __init__(self) -> None:
        words = self.words_for()
        super().__init__(
            logit=START, logit_range=[LOWEST, HIGHEST, STEP], float_digits=FLOAT64_DIGITS, shown_digits=SHOWN_DIGITS,
            controls=[slider("logit", words["control"], LOWEST, HIGHEST, STEP, decimals=2).spec()],
            label=words["label"], words=words,
        )  # fmt: skip

    def set_logit(self, z: float) -> None:
        """Move the slider to ``z`` (−50 to 50)."""
        self.logit = float(z)

    def costs(self) -> dict[str, float]:
        """Return the point's cross-entropy at the slider's z: stable, then naive."""
        return costs_at(self.logit)

    def correct_digits(self) -> int | None:
        """Return how many digits of the naive value are right at the slider's z (None where it is ∞)."""
        costs = self.costs()
        return correct_digits(costs["naive"], costs["stable"], self.float_digits)

    @property
    def first_infinite(self) -> float:
        """The first logit the slider can set where the naive value is ∞ (σ(z) rounds to exactly 1)."""
        return next(z for z in logit_grid() if math.isinf(costs_at(z)["naive"]))

    def describe(self) -> str:
        """Return the readout: z, both costs, and how many digits of the naive one are right."""
        costs, digits = self.costs(), self.correct_digits()
        verdict = (
            self.words["verdict_infinite"] if digits is None
            else self.say("verdict_digits", digits=digits, most=self.float_digits)
        )  # fmt: skip
        return self.say(
            "readout", z=format_number(self.logit), stable=format_number(costs["stable"], SHOWN_DIGITS),
            naive=format_number(costs["naive"], SHOWN_DIGITS), verdict=verdict,
        )  # fmt: skip


__all__ = ["LogitStability", "correct_digits", "costs_at", "logit_grid"]
