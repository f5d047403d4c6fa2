"""The product of n probabilities of 0.5 as n grows: it underflows to exactly 0.0 (notebooks 01 and 02).

One slider sets n, the number of points. With ``scale="powers of ten"`` (notebook 01, before
logs are taught) the y axis shows the product on a scale of powers of ten: the float64 product
falls by 10¹⁰⁰ every 332 points, reaches the smallest positive float64 (≈ 4.9e−324) at n = 1074
and is exactly 0.0 from n = 1075 on, where its curve stops. With ``scale="ln"`` (notebook 02)
the y axis is the ln of the product, and the sum of logs, which never underflows, carries on
where the product's ln has fallen to −∞.

Shown in notebooks 01 (``scale="powers of ten"``) and 02 (``scale="ln"``).
"""

from __future__ import annotations

import math

import numpy as np
import traitlets
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import OffsetFrom

from ce_lib.formatting import format_number
from ce_lib.probability import product_of_probabilities, sum_of_logs
from ce_lib.views._base import View, slider
from ce_lib.views._pictures import (
    BLUE,
    FONT,
    GREY,
    INK,
    LABEL_GID,
    ORANGE,
    VERMILLION,
    labelled,
    new_figure,
    style_axes,
)

#: The probability every point is given: a coin flip.
HALF = 0.5
MAX_POINTS = 1200
SCALES = ("powers of ten", "ln")
#: The smallest positive float64 (a subnormal), ≈ 4.9e−324: below it, only 0.0.
SMALLEST = float(np.finfo(np.float64).smallest_subnormal)
#: The y axis of each scale: (bottom edge, where 0.0 or −∞ is drawn; top), in powers of ten or in ln.
LIMITS = {"powers of ten": (-360.0, 40.0), "ln": (-900.0, 160.0)}
#: The x axis starts a little before 0, so that the marker at n = 1 stays clear of the y ticks.
X_PAD = 20
SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def power_of_ten(exponent: int) -> str:
    """Return 10 to a whole ``exponent`` as a learner writes it: "1", "10⁻¹⁰⁰".

    Examples
    --------
    >>> power_of_ten(0), power_of_ten(-200)
    ('1', '10⁻²⁰⁰')
    """
    return "1" if exponent == 0 else "10" + str(exponent).translate(SUPERSCRIPT)


def float_product_curve(max_points: int = MAX_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """Return n = 1, 2, ... and the float64 product of n halves, multiplied one at a time, up to ``max_points``."""
    counts = np.arange(1, max_points + 1)
    products = np.empty(max_points)
    product = 1.0
    for i in range(max_points):
        product *= HALF
        products[i] = product
    return counts, products


def note_text() -> str:
    """Return the note that explains the powers-of-ten scale."""
    return f"each gridline down is {power_of_ten(100)} times smaller"


class Underflow(View):
    """The product of n probabilities of 0.5, and where float64 gives up: exactly 0.0 from n = 1075.

    Parameters
    ----------
    scale : {"powers of ten", "ln"}
        The y axis: the product on a scale of powers of ten (notebook 01), or the ln of the
        product beside the sum of logs, which never underflows (notebook 02).

    Examples
    --------
    >>> view = Underflow()
    >>> view.describe()
    '0.5 multiplied 40 times = 9.095e−13'
    >>> view.set_points(1100)
    >>> view.product()
    0.0
    >>> round(Underflow("ln").log_sum(), 4)
    -27.7259
    """

    module = "underflow"
    state_keys = ("n",)

    scale = traitlets.Unicode("powers of ten").tag(sync=True)
    n = traitlets.Int(40).tag(sync=True)
    max_points = traitlets.Int(MAX_POINTS).tag(sync=True)

    def __init__(self, scale: str = "powers of ten") -> None:
        if scale not in SCALES:
            raise ValueError(f"scale must be one of {SCALES}, got {scale!r}")
        super().__init__(
            scale=scale,
            n=40,
            max_points=MAX_POINTS,
            controls=[slider("n", "points n", 1, MAX_POINTS, 1, decimals=0).spec()],
            label="The product of n probabilities of 0.5: one slider for n",
        )

    def set_points(self, n: int) -> None:
        """Move the slider to ``n`` points (1 to 1200)."""
        self.n = int(n)

    def product(self) -> float:
        """Return the float64 product of n probabilities of 0.5 (exactly 0.0 from n = 1075)."""
        return product_of_probabilities([HALF] * self.n)

    def log_sum(self) -> float:
        """Return the sum of ln(0.5), n times: the ln of the product, which never underflows."""
        return sum_of_logs([HALF] * self.n)

    def describe(self) -> str:
        """Return the readout: the product (and, on the ln scale, the sum of logs)."""
        product = self.product()
        words = f"0.5 multiplied {self.n} times = {format_number(product)}"
        if product == 0.0:
            words += " (underflow: exactly 0.0)"
        if self.scale == "ln":
            words += f" · sum of ln(0.5), {self.n} times = {format_number(self.log_sum(), 6)} (never underflows)"
        return words

    def marker_labels(self) -> list[str]:
        """Return the words beside the marker(s) at n, as the figure states them."""
        product = self.product()
        if self.scale == "ln":
            ln_product = math.log(product) if product > 0.0 else -math.inf
            return [
                f"sum of logs = {format_number(self.log_sum(), 6)}",
                f"ln(product) = {format_number(ln_product)}",
            ]
        return [f"n = {self.n}: {format_number(product)}" + (" (underflow)" if product == 0.0 else "")]

    def title(self) -> str:
        """Return the figure's title."""
        return "The product of n probabilities of 0.5" if self.scale != "ln" else "ln of the product of n halves"

    def picture(self) -> Figure:
        """Draw the product (or its ln and the sum of logs) against n, with a marker at n."""
        figure = new_figure(10.5, 5.8)
        ax = figure.add_subplot()
        draw_underflow(ax, self)
        handles = [
            Line2D([], [], color=ORANGE, lw=4, label=("ln of " if self.scale == "ln" else "") + "the float64 product"),
            Line2D([], [], color=GREY, lw=2, ls=":", label="smallest positive float64"),
            Line2D([], [], marker="D", ms=11, color=VERMILLION, mec=INK, ls="none", label="your n"),
        ]
        if self.scale == "ln":
            handles.insert(1, Line2D([], [], color=BLUE, lw=2.5, ls="--", label="sum of ln(0.5), n times (exact)"))
            handles.append(
                Line2D([], [], marker="s", ms=11, mfc="white", mec=BLUE, mew=2.5, ls="none", label="sum at n")
            )
        figure.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=FONT["tick"],
                      frameon=False)  # fmt: skip
        return figure


def draw_underflow(ax: Axes, view: Underflow) -> None:
    """Draw the curves, the smallest float64, the marker(s) at n and their words on ``ax``."""
    ln = view.scale == "ln"
    low, high = LIMITS[view.scale]
    counts, products = float_product_curve(view.max_points)
    alive = products > 0.0
    to_axis = np.log if ln else np.log10
    ax.plot(counts[alive], to_axis(products[alive]), color=ORANGE, lw=4, solid_capstyle="butt")
    floor = float(to_axis(SMALLEST))
    ax.axhline(floor, color=GREY, lw=2, ls=":")
    floor_words = (
        f"smallest positive float64 ≈ {format_number(SMALLEST, 2)}" if not ln
        else f"smallest positive float64 (ln = {format_number(math.log(SMALLEST))})"
    )  # fmt: skip
    labelled(ax.text(20, floor + (high - low) * 0.015, floor_words, fontsize=FONT["note"], color=INK, va="bottom"))
    n, product = view.n, view.product()
    if ln:
        exact = np.array([sum_of_logs([HALF] * int(k)) for k in counts])
        ax.plot(counts, exact, color=BLUE, lw=2.5, ls=(0, (5, 3)))
        y_product = math.log(product) if product > 0.0 else low
        y_exact = view.log_sum()
        ax.plot([n], [y_exact], marker="s", ms=15, mfc="white", mec=BLUE, mew=2.5, ls="none", clip_on=False)
        ax.plot([n], [y_product], marker="D", ms=11, color=VERMILLION, mec=INK, mew=1.2, ls="none", clip_on=False)
    else:
        y_product = math.log10(product) if product > 0.0 else low
        ax.plot([n], [y_product], marker="D", ms=13, color=VERMILLION, mec=INK, mew=1.2, ls="none", clip_on=False)
    # The words at n: right of the marker, just above it (the curves fall away to the right) while there is
    # room, else in the empty top-right corner.
    words = view.marker_labels()
    anchor = (n, y_exact if ln else y_product)
    near = n <= 0.62 * view.max_points and (high - anchor[1]) / (high - low) >= 0.075 * len(words)
    for row, line in enumerate(words):
        style = {"fontsize": FONT["note"] + 1, "fontweight": "bold", "annotation_clip": False}
        if near:
            offset = (12, 4 + 20 * (len(words) - 1 - row))
            labelled(ax.annotate(line, anchor, xytext=offset, textcoords="offset points", ha="left", va="bottom",
                                 **style))  # fmt: skip
        else:
            text = labelled(ax.annotate(line, (1.0, 1.0), xycoords="axes fraction", xytext=(-8, -8 - 21 * row),
                                        textcoords="offset points", ha="right", va="top", **style))  # fmt: skip
    if not near:  # a dotted leader from the words down to the marker
        ax.annotate("", (n, min(y_exact, y_product) if ln else y_product), xytext=(0, -3),
                    textcoords=OffsetFrom(text, (0.5, 0.0), unit="points"),
                    arrowprops={"arrowstyle": "-", "color": GREY, "lw": 1.3, "ls": ":", "shrinkA": 0, "shrinkB": 9})
    ax.set_xlim(-X_PAD, view.max_points)
    ax.set_xticks(range(0, view.max_points + 1, 200))
    ax.set_ylim(low, high)
    if ln:
        ticks = [0, -200, -400, -600, -800]
        ax.set_yticks([*ticks, low], labels=[format_number(t) for t in ticks] + ["−∞"])
        style_axes(ax, view.title(), "number of points n", "ln of the product")
    else:
        ticks = [0, -100, -200, -300]
        ax.set_yticks([*ticks, low], labels=[power_of_ten(t) for t in ticks] + ["0 (underflow)"])
        style_axes(ax, view.title(), "number of points n", "the product (powers of ten)")
        ax.tick_params(axis="y", labelsize=FONT["tick"] + 2)
        ax.set_title(view.title(), fontsize=FONT["title"], fontweight="bold", gid=LABEL_GID, pad=26)
        labelled(ax.text(0.5, 1.012, note_text(), transform=ax.transAxes, ha="center", va="bottom",
                         fontsize=FONT["note"], style="italic", color=INK))  # fmt: skip
    ax.grid(axis="y", color="#E6E6E6", lw=1)
    ax.set_axisbelow(True)
