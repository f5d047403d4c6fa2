"""A figure widget that redraws only what changes: ipympl's canvas with blitting.

A slider move changes a few texts, bars and markers. Redrawing the whole figure (axes,
ticks, shading) costs most of the time, so the canvas draws everything that never changes
once, keeps it as a background, and on each redraw restores it and draws only the
changing ("dynamic") artists on top. ipympl then sends the browser only the pixels that
changed. The full figure is drawn again only when its size or resolution changes.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from ipympl.backend_nbagg import Canvas, FigureManager
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


class BlittingCanvas(Canvas):
    """An ipympl canvas that draws the static part of ``figure`` once and blits the rest.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure to show; its layout is frozen after the first full draw.
    dynamic : sequence of Artist
        The artists that change between redraws; they are drawn on top, in this order.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> figure = Figure()
    >>> text = figure.add_subplot().text(0.5, 0.5, "0.0084")
    >>> canvas = BlittingCanvas(figure, [text])
    >>> canvas.draw()
    >>> canvas.full_draws
    1
    >>> text.set_text("0.3024"); canvas.draw(); canvas.full_draws
    1
    """

    def __init__(self, figure: Figure, dynamic: Sequence[Artist]) -> None:
        super().__init__(figure)
        with warnings.catch_warnings():
            # ipympl's toolbar passes an argument traitlets no longer wants; harmless, and
            # the toolbar is hidden anyway.
            warnings.filterwarnings("ignore", category=DeprecationWarning, module="traitlets")
            FigureManager(self, 0)
        self.dynamic = list(dynamic)
        for artist in self.dynamic:
            artist.set_animated(True)
        self.full_draws = 0
        self._background = None
        self._background_key: tuple[float, float, float] | None = None
        self.toolbar_visible = False
        self.header_visible = False
        self.footer_visible = False
        self.resizable = False
        self.capture_scroll = False

    def draw(self) -> None:
        """Draw the figure: the static background (cached) and the dynamic artists on top."""
        key = (self.figure.bbox.width, self.figure.bbox.height, self.figure.dpi)
        if self._background is None or key != self._background_key:
            FigureCanvasAgg.draw(self)  # animated (dynamic) artists are left out here
            self.figure.set_layout_engine("none")  # no re-layout, so no jumps, from now on
            self._background = self.copy_from_bbox(self.figure.bbox)
            self._background_key = key
            self.full_draws += 1
        else:
            self.restore_region(self._background)
        renderer = self.get_renderer()
        for artist in self.dynamic:
            artist.draw(renderer)
        self._png_is_old = True
        self.manager.refresh_all()
