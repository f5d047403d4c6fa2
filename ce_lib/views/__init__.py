"""The live figures of the series: each drawn by one ES module, in the browser and for its stored picture.

One module per picture, each a Python class (its state, controls and ce_lib readout) with its
ES module (``<name>.js``, pure drawing code):

* :mod:`~ce_lib.views.plane` — model A against model B on the plane (notebooks 00-03);
* :mod:`~ce_lib.views.logit_stability` — one point's cross-entropy from its logit, naive against stable (06);
* :mod:`~ce_lib.views.clipping` — one point's cost against p, exact and as libraries clip it (06);

The public contract the course tooling uses: :data:`VIEWS` (every view class by its module's
name), :data:`STATE_MIME` (the stored state the static edition renders live) and
:func:`style_source` (the views' style sheet); each class's ``_esm`` is its browser module.
"""

from ce_lib.views._base import STATE_MIME, View, style_source
from ce_lib.views.clipping import Clipping
from ce_lib.views.logit_stability import LogitStability
from ce_lib.views.plane import ModelComparison

#: Every view class, by the name of its ES module.
VIEWS: dict[str, type[View]] = {cls.module: cls for cls in (ModelComparison, LogitStability, Clipping)}

__all__ = [
    "STATE_MIME",
    "VIEWS",
    "Clipping",
    "LogitStability",
    "ModelComparison",
    "View",
    "style_source",
]
