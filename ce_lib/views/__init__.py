"""The live figures of the series: each drawn by one ES module, in the browser and for its stored picture.

One module per picture, each a Python class (its state, controls and ce_lib readout) with its
ES module (``<name>.js``, pure drawing code):

* :mod:`~ce_lib.views.plane` — model A against model B on the plane (notebooks 00-03);
* :mod:`~ce_lib.views.underflow` — the product of n halves underflows to 0.0; the sum of logs never does (01-02);
* :mod:`~ce_lib.views.surprise` — each point's surprise on the curve −ln p, each model's sum (03);
* :mod:`~ce_lib.views.doors` — three doors: every outcome, its probability and its cross-entropy (04);
* :mod:`~ce_lib.views.formula` — one point's binary cross-entropy for a label y and p (05);
* :mod:`~ce_lib.views.calibration` — cross-entropy rewards honest probabilities (05);
* :mod:`~ce_lib.views.softmax` — logits become class probabilities; the loss of the true class (06);
* :mod:`~ce_lib.views.divergence` — a prediction q against the truth p: H(p, q) = H(p) + KL(p‖q) (04, 06);
* :mod:`~ce_lib.views.logit_stability` — one point's cross-entropy from its logit, naive against stable (06);
* :mod:`~ce_lib.views.clipping` — one point's cost against p, exact and as libraries clip it (06);
* :mod:`~ce_lib.views.linefit` — fit the line by hand: angle, offset, sharpness (07);
* :mod:`~ce_lib.views.descent` — gradient descent from model A's line, step by step, on either loss (07);
* :mod:`~ce_lib.views.gradients` — why not squared error: each loss's push on a logit (07);

The public contract the course tooling uses: :data:`VIEWS` (every view class by its module's
name), :data:`STATE_MIME` (the stored state the static edition renders live) and
:func:`style_source` (the views' style sheet); each class's ``_esm`` is its browser module.
"""

from ce_lib.views._base import STATE_MIME, View, style_source
from ce_lib.views.calibration import Calibration
from ce_lib.views.clipping import Clipping
from ce_lib.views.descent import Descent
from ce_lib.views.divergence import Divergence
from ce_lib.views.doors import Doors
from ce_lib.views.formula import BinaryFormula
from ce_lib.views.gradients import Gradients
from ce_lib.views.linefit import LineFit
from ce_lib.views.logit_stability import LogitStability
from ce_lib.views.plane import ModelComparison
from ce_lib.views.softmax import Softmax
from ce_lib.views.surprise import Surprise
from ce_lib.views.underflow import Underflow

#: Every view class, by the name of its ES module, in the order the notebooks show them.
VIEWS: dict[str, type[View]] = {
    cls.module: cls
    for cls in (
        ModelComparison,
        Underflow,
        Surprise,
        Doors,
        BinaryFormula,
        Calibration,
        Softmax,
        Divergence,
        LogitStability,
        Clipping,
        LineFit,
        Descent,
        Gradients,
    )
}

__all__ = [
    "STATE_MIME",
    "VIEWS",
    "BinaryFormula",
    "Calibration",
    "Clipping",
    "Descent",
    "Divergence",
    "Doors",
    "Gradients",
    "LineFit",
    "LogitStability",
    "ModelComparison",
    "Softmax",
    "Surprise",
    "Underflow",
    "View",
    "style_source",
]
