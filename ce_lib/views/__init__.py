"""The live figures of the series: each one is drawn in the browser and computed by ce_lib.

One module per concept, each with its Python class, its ES module (``.js``) and its static
picture (Matplotlib):

* :mod:`~ce_lib.views.plane` — model A against model B on the plane (notebooks 00-03);
"""

from ce_lib.views.classes import Clipping, Divergence, LogitStability, Softmax
from ce_lib.views.doors import Doors
from ce_lib.views.formula import BinaryFormula
from ce_lib.views.learning import Descent, LineFit
from ce_lib.views.plane import ModelComparison
from ce_lib.views.underflow import Underflow

__all__ = [
    "BinaryFormula",
    "Clipping",
    "Descent",
    "Divergence",
    "Doors",
    "LineFit",
    "LogitStability",
    "ModelComparison",
    "Softmax",
    "Underflow",
]
