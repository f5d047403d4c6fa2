"""Many classes (notebook 06): softmax, entropy and KL divergence.

Two live views, one concept: beyond two classes.

* :class:`Softmax` — three logits on sliders become the distribution q = softmax(z); the
  true class's bar is hatched, and the loss is −ln q(true class).
* :class:`Divergence` — a prediction q against the fixed truth p: the stacked bar shows
  H(p, q) = H(p) + KL(p‖q), with KL = ∞ where q gives 0 to a class p does not.

Shown in notebook 06.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import traitlets
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ce_lib.course import story
from ce_lib.distributions import entropy, general_cross_entropy, kl_divergence
from ce_lib.formatting import format_number
from ce_lib.multiclass import cross_entropy_from_class_logits, softmax
from ce_lib.views._base import View, choice, slider
from ce_lib.views._pictures import (
    BLUE,
    FONT,
    GREEN,
    INK,
    ORANGE,
    SKY,
    labelled,
    new_figure,
    style_axes,
)

#: The worked numbers of notebook 06 (the story of notebooks 00-05 has two classes only).
CLASS_LOGITS = story.CLASS_LOGITS
#: The truth p of the divergence view, and the weights its prediction q starts from.
TRUTH = story.CLASS_TRUTH
PREDICTION_WEIGHTS = story.CLASS_PREDICTION_WEIGHTS
#: The divergence view's axis in nats, and where an infinite H(p, q) is drawn (it fills the axis).
NATS_LIMIT, NATS_INFINITE = 5.0, 4.6
#: The least gap, in nats, between the stacked bar's three labels.
LABEL_GAP = 0.45


def _bar_label(ax: Axes, x: float, y: float, words: str) -> None:
    labelled(ax.annotate(words, (x, y), xytext=(0, 4), textcoords="offset points", ha="center", va="bottom",
                         fontsize=FONT["tick"] + 1, annotation_clip=False))  # fmt: skip


# Softmax ---------------------------------------------------------------------------------------


class Softmax(View):
    """Three logits → q = softmax(z) → the cross-entropy −ln q(true class), live.

    Three sliders set the logits z1, z2, z3 (−6 to 6); a choice sets the true class. The
    bars are q, the true class's hatched and green, the others solid sky blue; the title
    states the loss, computed stably from the logits (``ce_lib.cross_entropy_from_class_logits``).

    Shown in notebook 06.

    Examples
    --------
    >>> view = Softmax()
    >>> view.probabilities().round(3).tolist()
    [0.659, 0.242, 0.099]
    >>> view.set_true_class(3)
    >>> round(view.loss(), 4)
    2.317
    """

    module = "softmax"
    state_keys = ("logits", "true_class")

    logits = traitlets.List(traitlets.Float()).tag(sync=True)
    true_class = traitlets.Int(1).tag(sync=True)

    def __init__(self) -> None:
        classes = range(1, len(CLASS_LOGITS) + 1)
        controls = [slider("logits", f"logit z{k}", -6.0, 6.0, 0.1, index=k - 1, decimals=1).spec() for k in classes]
        controls.append(choice("true_class", "true class", tuple((f"class {k}", k) for k in classes)).spec())
        super().__init__(
            logits=list(CLASS_LOGITS), true_class=1, controls=controls,
            label="Softmax: three logits become probabilities; the loss is −ln q of the true class",
        )  # fmt: skip

    def set_logit(self, k: int, value: float) -> None:
        """Move the slider of logit ``k`` (1 to 3) to ``value``."""
        values = list(self.logits)
        values[k - 1] = float(value)
        self.logits = values

    def set_true_class(self, k: int) -> None:
        """Choose class ``k`` (1 to 3) as the true class."""
        self.true_class = int(k)

    def probabilities(self) -> np.ndarray:
        """Return q = softmax(z) for the sliders' logits."""
        return softmax(self.logits)

    def loss(self) -> float:
        """Return −ln q(true class), computed from the logits (``ce_lib.cross_entropy_from_class_logits``)."""
        return cross_entropy_from_class_logits(self.true_class - 1, self.logits)

    def title(self) -> str:
        """Return the figure's title: the true class and its loss."""
        k = self.true_class
        return f"True class {k}: loss −ln q{k} = {format_number(self.loss())}"

    def describe(self) -> str:
        """Return the readout: q, the true class and the cross-entropy."""
        shown = ", ".join(format_number(float(v), 3) for v in self.probabilities())
        k = self.true_class
        return f"q = softmax(z) = [{shown}] · true class {k}: cross-entropy = −ln q{k} = {format_number(self.loss())}"

    def picture(self) -> Figure:
        """Draw the bars of q, the true class's hatched and green, with Matplotlib."""
        figure = new_figure(10.5, 5.0)
        ax = figure.add_subplot()
        q = self.probabilities()
        for k, value in enumerate(q, start=1):
            true = k == self.true_class
            ax.bar([k], [value], 0.56, color="white" if true else SKY, edgecolor=GREEN if true else INK,
                   hatch="//" if true else "", lw=0 if true else 1.2)  # fmt: skip
            if true:
                ax.bar([k], [value], 0.56, fill=False, edgecolor=INK, lw=1.2)
            _bar_label(ax, k, float(value), format_number(float(value), 3))
        ax.set_xticks(range(1, len(q) + 1))
        ax.set_xticklabels([f"class {k}" + ("\n(true)" if k == self.true_class else "") for k in range(1, len(q) + 1)])
        ax.set_xlim(0.4, len(q) + 0.6)
        ax.set_ylim(0.0, 1.1)
        ax.set_yticks([0.0, 0.2, 0.4, 0.6, 0.8, 1.0])
        style_axes(ax, self.title(), "", "probability q")
        handles = [
            Patch(facecolor="white", edgecolor=GREEN, hatch="//", label="true class"),
            Patch(facecolor=SKY, edgecolor=INK, label="other classes"),
        ]
        figure.legend(handles=handles, loc="outside lower center", ncols=2, fontsize=FONT["tick"], frameon=False)
        return figure


# Divergence ------------------------------------------------------------------------------------


def prediction_from_weights(weights: Sequence[float]) -> np.ndarray:
    """Return q = weights / their sum; all weights 0 give the uniform distribution."""
    values = np.asarray(weights, dtype=float)
    total = values.sum()
    return values / total if total > 0 else np.full(values.size, 1 / values.size)


def stack_label_heights(h: float, shown_kl: float) -> tuple[float, float, float]:
    """Return where (in nats) the labels of H(p), KL and H(p, q) go beside the stacked bar.

    Each sits at its part's middle (the total at the top), pushed apart by at least
    :data:`LABEL_GAP` and kept under the axis's top.
    """
    a, b, c = h / 2, h + shown_kl / 2, h + shown_kl
    b = max(b, a + LABEL_GAP)
    c = max(c, b + LABEL_GAP)
    top = NATS_LIMIT - 0.2
    if c > top:
        c = top
        b = min(b, c - LABEL_GAP)
        a = min(a, b - LABEL_GAP)
    return a, b, c


def value_label_base(q: float, p: float) -> float:
    """Return the height a bar's value label stands on: the bar's top, or the truth mark just above it."""
    return p if q < p < q + 0.1 else q


class Divergence(View):
    """A prediction q against the truth p: H(p, q) = H(p) + KL(p‖q), stacked, live.

    Three sliders set q's weights (q is the weights divided by their sum; all 0 gives the
    uniform q). Left: the bars of q, with the truth p as black marks. Right: one stacked bar,
    H(p) solid (it never moves) and KL(p‖q) hatched; KL = ∞ fills the axis.

    Shown in notebook 06.

    Examples
    --------
    >>> view = Divergence()
    >>> {name: round(value, 4) for name, value in view.parts().items()}
    {'entropy': 0.8979, 'kl': 0.4982, 'cross_entropy': 1.3962}
    >>> view.set_weight(1, 0.0)
    >>> view.parts()["kl"]
    inf
    """

    module = "divergence"
    state_keys = ("weights",)

    weights = traitlets.List(traitlets.Float()).tag(sync=True)
    truth = traitlets.List(traitlets.Float()).tag(sync=True)
    limits = traitlets.List(traitlets.Float()).tag(sync=True)

    def __init__(self) -> None:
        controls = [
            slider("weights", f"weight q{k}", 0.0, 1.0, 0.01, index=k - 1).spec()
            for k in range(1, len(PREDICTION_WEIGHTS) + 1)
        ]
        super().__init__(
            weights=list(PREDICTION_WEIGHTS), truth=list(TRUTH), limits=[NATS_LIMIT, NATS_INFINITE, LABEL_GAP],
            controls=controls, label="Divergence: a prediction q against the truth p; H(p, q) = H(p) + KL(p‖q)",
        )  # fmt: skip

    def set_weight(self, k: int, value: float) -> None:
        """Move the slider of weight ``k`` (1 to 3) to ``value``."""
        values = list(self.weights)
        values[k - 1] = float(value)
        self.weights = values

    def prediction(self) -> np.ndarray:
        """Return q: the weights divided by their sum (uniform when they are all 0)."""
        return prediction_from_weights(self.weights)

    def parts(self) -> dict[str, float]:
        """Return H(p), KL(p‖q) and H(p, q), each computed by ce_lib."""
        q = self.prediction()
        return {
            "entropy": float(entropy(self.truth)),
            "kl": float(kl_divergence(self.truth, q)),
            "cross_entropy": float(general_cross_entropy(self.truth, q)),
        }

    def describe(self) -> str:
        """Return the readout: q, and H(p) + KL(p‖q) = H(p, q)."""
        shown = ", ".join(format_number(float(v), 3) for v in self.prediction())
        parts = self.parts()
        return (
            f"q = [{shown}] · H(p) = {format_number(parts['entropy'])} + KL(p‖q) = {format_number(parts['kl'])} → "
            f"H(p, q) = {format_number(parts['cross_entropy'])}"
        )

    def picture(self) -> Figure:
        """Draw the bars of q with the truth's marks, and the stacked bar, with Matplotlib."""
        figure = new_figure(10.5, 5.2)
        grid = figure.add_gridspec(1, 2, width_ratios=[1.5, 1])
        self._draw_classes(figure.add_subplot(grid[0, 0]))
        self._draw_stack(figure.add_subplot(grid[0, 1]))
        return figure

    def _draw_classes(self, ax: Axes) -> None:
        q = self.prediction()
        for k, (value, truth) in enumerate(zip(q, self.truth, strict=True), start=1):
            ax.bar([k], [value], 0.56, color=SKY, edgecolor=INK, lw=1.2)
            ax.plot([k - 0.36, k + 0.36], [truth, truth], color="black", lw=4, solid_capstyle="butt")
            _bar_label(ax, k, value_label_base(float(value), truth), format_number(float(value), 3))
        ax.set_xticks(range(1, len(q) + 1))
        ax.set_xticklabels([f"class {k}" for k in range(1, len(q) + 1)])
        ax.set_xlim(0.4, len(q) + 0.6)
        ax.set_ylim(0.0, 1.1)
        ax.set_yticks([0.0, 0.2, 0.4, 0.6, 0.8, 1.0])
        style_axes(ax, "Prediction q (bars), truth p (black marks)", "", "probability")
        handles = [
            Patch(facecolor=SKY, edgecolor=INK, label="prediction q"),
            Line2D([], [], color="black", lw=4, solid_capstyle="butt", label="truth p"),
        ]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=2, fontsize=FONT["tick"],
                  frameon=False)  # fmt: skip

    def _draw_stack(self, ax: Axes) -> None:
        parts = self.parts()
        h, kl = parts["entropy"], parts["kl"]
        shown_kl = min(kl, NATS_INFINITE - h)
        ax.bar([0.0], [h], 0.5, color=BLUE, edgecolor=INK, lw=1.2)
        ax.bar([0.0], [shown_kl], 0.5, bottom=h, color="white", edgecolor=ORANGE, hatch="xx", lw=0)
        ax.bar([0.0], [shown_kl], 0.5, bottom=h, fill=False, edgecolor=INK, lw=1.2)
        words = (
            f"H(p) = {format_number(h, 3)}", f"KL(p‖q) = {format_number(kl, 3)}",
            f"H(p, q) = {format_number(parts['cross_entropy'], 3)}",
        )  # fmt: skip
        ends = (h / 2, h + shown_kl / 2, h + shown_kl)
        for words_, end, height in zip(words, ends, stack_label_heights(h, shown_kl), strict=True):
            ax.plot([0.25, 0.38], [end, height], color=INK, lw=1)
            labelled(ax.text(0.42, height, words_, va="center", ha="left", fontsize=FONT["tick"] + 1,
                             fontweight="bold" if words_.startswith("H(p, q)") else None))  # fmt: skip
        ax.set_xlim(-0.4, 1.9)
        ax.set_xticks([0.0])
        ax.set_xticklabels(["H(p, q)"])
        ax.set_ylim(0.0, NATS_LIMIT)
        style_axes(ax, "H(p, q) = H(p) + KL(p‖q)", "", "nats")


__all__ = ["Divergence", "Softmax"]
