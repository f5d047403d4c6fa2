"""The live figures of the series: each one is drawn in the browser and computed by ce_lib.

One module per concept, each with its Python class, its ES module (``.js``) and its static
picture (Matplotlib):

* :mod:`~ce_lib.views.plane` — model A against model B on the plane (notebooks 00-03);
"""

from ce_lib.views.plane import ModelComparison

__all__ = ["ModelComparison"]
