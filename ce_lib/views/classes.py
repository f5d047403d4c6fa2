"""Many classes (notebook 06): what libraries do at p = 0, and why they take logits.

One live view and one static figure, one concept: beyond two classes.

* :class:`Clipping` — one point's cost against p (log axis): exact in ce_lib, capped by each
  library's rule (:data:`ce_lib.frameworks.CLIPPING_RULES`).
* :class:`LogitStability` — a picture: sigmoid first, then the log, becomes ∞ for large
  logits, and loses digits well before; the stable form does not.

Shown in notebook 06.
"""

from __future__ import annotations

import numpy as np
import traitlets
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, NullLocator

from ce_lib.formatting import format_number
from ce_lib.frameworks import CLIPPING_RULES, clipped_cross_entropy, naive_cross_entropy_from_logits
from ce_lib.logits import cross_entropy_from_logits
from ce_lib.probability import point_errors
from ce_lib.views._base import View, log_slider
from ce_lib.views._pictures import (
    BLUE,
    FONT,
    GREEN,
    GREY,
    INK,
    VERMILLION,
    figure_png,
    labelled,
    new_figure,
    style_axes,
)

#: The probability the clipping view starts at, and the top of its cost axis (above PyTorch's cap of 100).
CLIPPING_START, CEILING = 1e-3, 125.0
#: The lowest probability the clipping view's slider reaches: 10^LOWEST_EXPONENT.
LOWEST_EXPONENT = -50.0
#: Each curve of the clipping view: (colour, Matplotlib line style, marker, marker size), by name.
CURVE_STYLE = {
    "ce_lib (exact)": (GREY, "-", "o", 21),
    "scikit-learn": (VERMILLION, (0, (6, 3)), "s", 15),
    "PyTorch": (BLUE, "-.", "^", 12),
    "Keras": (GREEN, ":", "D", 7),
}
#: Where each cap's label goes, above its line: clear of every curve whatever p is.
CAP_LABEL_SIDE = {"scikit-learn": "left", "PyTorch": "right", "Keras": "left"}
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_ten(exponent: int) -> str:
    """Return 10^exponent as text with superscript digits, e.g. ``"10⁻⁵⁰"`` (a log axis's tick)."""
    return "1" if exponent == 0 else "10" + str(exponent).translate(SUPERSCRIPT)


# Clipping --------------------------------------------------------------------------------------


def clipping_costs(p: float) -> dict[str, float]:
    """Return one point's cost (label 1, probability ``p``): exact in ce_lib, then under each library's rule."""
    costs = {"ce_lib (exact)": float(point_errors([p])[0])}
    return costs | {name: clipped_cross_entropy([1.0], [p], name) for name in CLIPPING_RULES}


def curve_width(name: str) -> float:
    """Return the width of a curve of the clipping view: the exact one is drawn widest, underneath."""
    return 5.0 if name not in CLIPPING_RULES else 2.6


def marker_fill(name: str) -> str:
    """Return the fill of a curve's marker: hollow, so markers at one spot nest; the smallest (Keras) solid."""
    return CURVE_STYLE[name][0] if name == "Keras" else "none"


def rule_records() -> list[dict]:
    """Return the libraries' rules as the JSON the ES module computes with."""
    return [
        {"library": rule.library, "description": rule.description, "clip_probability": rule.clip_probability,
         "log_floor": rule.log_floor, "cap": rule.cap}
        for rule in CLIPPING_RULES.values()
    ]  # fmt: skip


class Clipping(View):
    """One point's cost against p (log axis): exact in ce_lib, capped by each library, live.

    A log slider sets the probability p the model gives the point's true class, from
    10⁻⁵⁰ to 1. Each curve has its own colour, line style and marker; the markers stand at
    the chosen p, and a table gives each rule, the cost at p and the most a point can cost.

    Shown in notebook 06.

    Examples
    --------
    >>> view = Clipping()
    >>> view.set_probability(1e-20)
    >>> {name: round(cost, 2) for name, cost in view.costs().items()}
    {'ce_lib (exact)': 46.05, 'scikit-learn': 36.04, 'PyTorch': 46.05, 'Keras': 16.12}
    """

    module = "clipping"
    state_keys = ("probability",)

    probability = traitlets.Float(CLIPPING_START).tag(sync=True)
    rules = traitlets.List().tag(sync=True)
    ceiling = traitlets.Float(CEILING).tag(sync=True)

    def __init__(self) -> None:
        super().__init__(
            probability=CLIPPING_START, rules=rule_records(), ceiling=CEILING,
            controls=[log_slider("probability", "p(true class)", LOWEST_EXPONENT, 0.0, 0.1).spec()],
            label="Clipping: one point's cost against p, exact and under each library's rule",
        )  # fmt: skip

    def set_probability(self, p: float) -> None:
        """Move the slider to ``p`` (10⁻⁵⁰ to 1)."""
        self.probability = float(p)

    def set_exponent(self, exponent: float) -> None:
        """Move the slider to p = 10^exponent, as the slider's own position does."""
        self.probability = 10.0**exponent

    def costs(self) -> dict[str, float]:
        """Return the point's cost at the slider's p: exact (ce_lib), then scikit-learn, PyTorch and Keras."""
        return clipping_costs(self.probability)

    def title(self) -> str:
        """Return the figure's title: the chosen p."""
        return f"Cost of one point given p = {format_number(self.probability, 2)} for its true class"

    def describe(self) -> str:
        """Return the readout: the cost at p, exact and under each rule."""
        shown = " · ".join(f"{name} {format_number(cost)}" for name, cost in self.costs().items())
        return f"At p = {format_number(self.probability, 2)}: {shown}"

    def picture(self) -> Figure:
        """Draw the cost curves on a log axis, the markers at p and the caps, with Matplotlib."""
        figure = new_figure(10.5, 5.6)
        ax = figure.add_subplot()
        grid = np.logspace(LOWEST_EXPONENT, 0.0, 501)
        costs = self.costs()
        for name, cost in costs.items():
            colour, style, shape, size = CURVE_STYLE[name]
            curve = point_errors(grid) if name not in CLIPPING_RULES else [clipping_costs(p)[name] for p in grid]
            ax.plot(grid, curve, color=colour, ls=style, lw=curve_width(name))
            ax.plot([self.probability], [cost], marker=shape, ms=size, mfc=marker_fill(name), mec=colour, mew=2.5,
                    ls="none", clip_on=False, zorder=5)  # fmt: skip
        for name, rule in CLIPPING_RULES.items():
            colour = CURVE_STYLE[name][0]
            ax.axhline(rule.cap, color=colour, lw=1, ls=(0, (1, 3)))
            style = {"va": "bottom", "fontsize": FONT["tick"], "color": colour, "textcoords": "offset points"}
            words = f"cap {format_number(rule.cap)}"
            if CAP_LABEL_SIDE[name] == "left":  # "name cap", from just right of the lowest p's markers
                owner = ax.annotate(name, (0.0, rule.cap), xycoords=("axes fraction", "data"), xytext=(40, 3), **style)
                labelled(ax.annotate(words, (1.0, 0.0), xycoords=owner, xytext=(5, 0), fontweight="bold", **style))
            else:  # "name cap", ending at the right edge
                cap = labelled(ax.annotate(words, (1.0, rule.cap), xycoords=("axes fraction", "data"), xytext=(-6, 3),
                                           ha="right", fontweight="bold", **style))  # fmt: skip
                ax.annotate(name, (0.0, 0.0), xycoords=cap, xytext=(-5, 0), ha="right", **style)
        ax.set_xscale("log")
        ax.set_xlim(10**-51.5, 10**1.5)
        exponents = list(range(-50, 1, 10))
        ax.xaxis.set_major_locator(FixedLocator([10.0**e for e in exponents]))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.set_xticklabels([power_of_ten(e) for e in exponents])
        ax.set_ylim(0.0, CEILING)
        ax.set_yticks(range(0, int(CEILING) + 1, 25))
        style_axes(ax, self.title(), "p given to the true class (log scale)", "cost of the point")
        handles = [
            Line2D([], [], color=colour, ls=style, lw=curve_width(name), marker=shape, ms=min(size, 14),
                   mfc=marker_fill(name), mec=colour, mew=2.2, label=name)
            for name, (colour, style, shape, size) in CURVE_STYLE.items()
        ]  # fmt: skip
        figure.legend(handles=handles, loc="outside lower center", ncols=4, fontsize=FONT["tick"], frameon=False,
                      handlelength=3.4)  # fmt: skip
        return figure


# The logit stability figure (a picture) -----------------------------------------------------------


class LogitStability:
    """A static figure: one point's cross-entropy from its logit z, naive against stable.

    A point with label y = 0 and logit z from −50 to 50. The naive form takes the sigmoid
    first, then −ln(1 − p) (``ce_lib.frameworks.naive_cross_entropy_from_logits``); the
    stable form never forms p (``ce_lib.cross_entropy_from_logits``). The top panel shades
    where the naive value is ∞ and marks the first z; the bottom panel shows the naive
    value's relative error on a log axis (the digits it loses), growing until it fails.
    Displayed as a picture (``_repr_png_``), so it needs no kernel.

    Shown in notebook 06.

    Examples
    --------
    >>> figure = LogitStability()
    >>> figure.first_infinite
    36.75
    """

    def __init__(self) -> None:
        self.z = np.linspace(-50.0, 50.0, 401)
        self.stable = np.array([cross_entropy_from_logits([0.0], [v]) for v in self.z])
        self.naive = np.array([naive_cross_entropy_from_logits([0.0], [v]) for v in self.z])
        #: The first z on the grid where the naive value is inf.
        self.first_infinite = float(self.z[np.isinf(self.naive)][0])
        self.figure = self.picture()

    def relative_errors(self) -> np.ndarray:
        """Return |naive − stable| / stable where the naive value is finite (nan where it is ∞)."""
        finite = np.isfinite(self.naive)
        errors = np.full(self.z.size, np.nan)
        errors[finite] = np.abs(self.naive[finite] - self.stable[finite]) / self.stable[finite]
        return errors

    def picture(self) -> Figure:
        """Draw both panels with Matplotlib."""
        figure = new_figure(10.5, 8.4)
        top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=[1.25, 1])
        start = self.first_infinite
        finite = np.isfinite(self.naive)
        band = {"facecolor": "#EEEEEE", "hatch": "\\\\", "edgecolor": "#BBBBBB", "lw": 0}
        for ax in (top, bottom):
            ax.axvspan(start, self.z[-1] + 2, **band)
            ax.axvline(start, color=VERMILLION, lw=1.5, ls=(0, (4, 2)))
        stable = "stable: softplus(z) — cross_entropy_from_logits"
        top.plot(self.z, self.stable, color=BLUE, lw=6, alpha=0.55, label=stable)
        top.plot(self.z[finite], self.naive[finite], color=VERMILLION, lw=1.8, ls=(0, (5, 3)), marker="o", ms=6,
                 mfc="white", mew=1.6, markevery=12, label="naive: −ln(1 − sigmoid(z)) (finite part)")  # fmt: skip
        top.plot([start], [56.0], marker="^", ms=15, color=VERMILLION, mec="black", ls="none", clip_on=False,
                 label=f"naive = ∞ from z = {start:g}: sigmoid(z) rounds to exactly 1")  # fmt: skip
        labelled(top.text((start + 50) / 2, 30.0, "naive\n= ∞", ha="center", va="center", fontsize=FONT["title"],
                          fontweight="bold", color=VERMILLION,
                          bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": VERMILLION}))  # fmt: skip
        top.set_ylim(-2.0, 58.0)
        top.set_xlim(-52.0, 52.0)
        top.set_xticks(range(-50, 51, 25))
        title = "One point with label y = 0: its cross-entropy from the logit z"
        style_axes(top, title, "", "the point's cross-entropy")
        handles, names = top.get_legend_handles_labels()
        top.legend([*handles, Patch(**band)], [*names, "where the naive value is ∞"], loc="upper left",
                   fontsize=FONT["tick"] - 1)  # fmt: skip
        errors = self.relative_errors()
        shown = errors > 0
        bottom.plot(self.z[shown], errors[shown], color=VERMILLION, lw=1.6, marker="o", ms=4.5, mfc="white", mew=1.2)
        bottom.axhline(1.0, color=INK, lw=1.2)
        bottom.text(-50.0, 1.6, "every digit wrong", fontsize=FONT["tick"], va="bottom", ha="left")
        bottom.text(-50.0, 4e-19, "as exact as float64 (16 digits)", fontsize=FONT["tick"], va="bottom", ha="left")
        bottom.set_yscale("log")
        bottom.set_ylim(1e-19, 1e3)
        bottom.yaxis.set_major_locator(FixedLocator([1e-16, 1e-12, 1e-8, 1e-4, 1.0]))
        bottom.yaxis.set_minor_locator(NullLocator())
        bottom.set_yticklabels([power_of_ten(e) for e in (-16, -12, -8, -4, 0)])
        style_axes(bottom, "Digits the naive value loses before it fails", "logit z",
                   "relative error of naive")  # fmt: skip
        return figure

    def _repr_png_(self) -> bytes:
        return figure_png(self.figure)

    def __repr__(self) -> str:
        return (
            f"Naive cross-entropy from logits (sigmoid first, then −ln(1 − p)) is inf from z = {self.first_infinite:g}"
            f" and loses digits well before; the stable form stays finite and exact."
        )


__all__ = ["Clipping", "LogitStability"]
