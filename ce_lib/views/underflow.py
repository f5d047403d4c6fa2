"""The product of n probabilities of 0.5 as n grows: it underflows to exactly 0.0 (notebooks 01 and 02).

One slider sets n, the number of points. With ``scale="powers of ten"`` (notebook 01, before
logs are taught) the y axis shows the product on a scale of powers of ten: the float64 product
falls by 10¹⁰⁰ every 332 points, reaches the smallest positive float64 (≈ 4.9e−324) at n = 1074
and is exactly 0.0 from n = 1075 on, where its curve stops. With ``scale="ln"`` (notebook 02)
the y axis is the ln of the product, and the sum of logs, which never underflows, carries on
where the product's ln has fallen to −∞.

Drawn by ``underflow.js``; its words are the catalogue's ``views.underflow`` section. Shown in
notebooks 01 (``scale="powers of ten"``) and 02 (``scale="ln"``).
"""

from __future__ import annotations

import math

import traitlets

from ce_lib.formatting import format_number
from ce_lib.probability import product_of_probabilities, sum_of_logs
from ce_lib.views._base import View, slider

#: The probability every point is given: a coin flip.
HALF = 0.5
#: The slider's end: past n = 1075, where the float64 product is exactly 0.0.
MAX_POINTS = 1200
SCALES = ("powers of ten", "ln")


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

    parts = ("underflow",)
    state_keys = ("n",)

    scale = traitlets.Unicode("powers of ten").tag(sync=True)
    n = traitlets.Int(40).tag(sync=True)
    max_points = traitlets.Int(MAX_POINTS).tag(sync=True)

    def __init__(self, scale: str = "powers of ten") -> None:
        if scale not in SCALES:
            raise ValueError(f"scale must be one of {SCALES}, got {scale!r}")
        words = self.words_for()
        super().__init__(
            scale=scale,
            n=40,
            max_points=MAX_POINTS,
            controls=[slider("n", words["control"], 1, MAX_POINTS, 1, decimals=0).spec()],
            label=words["label"],
            words=words,
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
        said = self.say("readout_underflow" if product == 0.0 else "readout_product", n=self.n,
                        product=format_number(product))  # fmt: skip
        if self.scale != "ln":
            return said
        return self.say("readout_ln", product=said, n=self.n, sum=format_number(self.log_sum(), 6))

    def marker_labels(self) -> list[str]:
        """Return the words beside the marker(s) at n, as the figure states them."""
        product = self.product()
        if self.scale == "ln":
            ln_product = math.log(product) if product > 0.0 else -math.inf
            return [
                self.say("marker_sum", sum=format_number(self.log_sum(), 6)),
                self.say("marker_ln_product", value=format_number(ln_product)),
            ]
        key = "marker_underflow" if product == 0.0 else "marker_product"
        return [self.say(key, n=self.n, product=format_number(product))]


__all__ = ["Underflow"]
