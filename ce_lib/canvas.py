"""A figure widget that redraws only what changes: ipympl's canvas with blitting.

A slider move changes a few texts, bars and markers. Redrawing the whole figure (axes,
ticks, shading) costs most of the time, so the canvas draws everything that never changes
once and keeps it as a background. On each redraw it finds the dynamic artists whose
content changed, restores the background only where they were and are now, and redraws
there (clipped) every dynamic artist that overlaps. ipympl then sends the browser only
the pixels that changed. The full figure is drawn again only when its size or resolution
changes.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
from ipympl.backend_nbagg import Canvas, FigureManager
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox

PADDING = 3.0  # pixels around a changed artist: antialiased edges reach a little beyond it


def content_key(artist: Artist) -> Any:
    """Return what decides how ``artist`` looks, so an unchanged artist is not redrawn."""
    shown = artist.get_visible()
    if isinstance(artist, Text):
        return shown, artist.get_text(), artist.get_position(), str(artist.get_color())
    if isinstance(artist, Rectangle):
        geometry = artist.get_x(), artist.get_y(), artist.get_width(), artist.get_height()
        return shown, geometry, tuple(artist.get_facecolor()), artist.get_hatch()
    if isinstance(artist, Line2D):
        return shown, np.asarray(artist.get_xydata()).tobytes(), str(artist.get_color()), str(artist.get_marker())
    return object()  # any other kind: always treat as changed


def extent(artist: Artist, renderer: Any) -> Bbox:
    """Return the pixels ``artist`` covers, a text's box included, with a small margin."""
    box = artist.get_window_extent(renderer)
    if isinstance(artist, Text) and artist.get_bbox_patch() is not None:
        artist.update_bbox_position_size(renderer)  # the box follows the text only when asked
        box = Bbox.union([box, artist.get_bbox_patch().get_window_extent(renderer)])
    return box.padded(PADDING)


def merge_overlapping(regions: list[Bbox]) -> list[Bbox]:
    """Merge regions until no two overlap, so no pixel is restored or drawn twice."""
    merged: list[Bbox] = []
    for region in regions:
        while True:
            overlapping = [other for other in merged if other.overlaps(region)]
            if not overlapping:
                break
            for other in overlapping:
                merged.remove(other)
            region = Bbox.union([region, *overlapping])
        merged.append(region)
    return merged


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
        self.partial_draws = 0
        self.last_redrawn = 0  # how many dynamic artists the last partial redraw drew
        self._drawn: dict[int, tuple[Any, Bbox]] = {}  # id(artist) -> (content key, extent)
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
            self._background = np.asarray(self.get_renderer().buffer_rgba()).copy()
            self._background_key = key
            self.full_draws += 1
            self._draw_dynamic(self.dynamic, None, {})
        else:
            self._redraw_changed()
        self._png_is_old = True
        self.manager.refresh_all()

    def _draw_dynamic(self, artists: Sequence[Artist], clip: Bbox | None, extents: dict[int, Bbox]) -> None:
        """Draw ``artists`` (clipped to ``clip`` if given) and remember how each looked."""
        renderer = self.get_renderer()
        for artist in artists:
            if clip is None:
                artist.draw(renderer)
            else:
                saved = artist.get_clip_box(), artist.get_clip_on()
                artist.set_clip_box(Bbox.intersection(clip, saved[0]) if saved[0] and saved[1] else clip)
                artist.set_clip_on(True)
                artist.draw(renderer)
                artist.set_clip_box(saved[0])
                artist.set_clip_on(saved[1])
            box = extents.get(id(artist)) or extent(artist, renderer)
            self._drawn[id(artist)] = (content_key(artist), box)

    def _restore(self, region: Bbox) -> None:
        """Copy the background's pixels back inside ``region`` (display coordinates)."""
        pixels = np.asarray(self.get_renderer().buffer_rgba())
        height = pixels.shape[0]
        x0, y0, x1, y1 = (int(v) for v in region.extents)
        rows = slice(max(height - y1, 0), max(height - y0, 0))  # display y runs up, rows run down
        columns = slice(max(x0, 0), max(x1, 0))
        pixels[rows, columns] = self._background[rows, columns]

    def _redraw_changed(self) -> None:
        """Restore and redraw only around the dynamic artists whose content changed."""
        renderer = self.get_renderer()
        extents = {id(a): self._drawn[id(a)][1] for a in self.dynamic}  # unchanged artists keep theirs
        regions = []
        for artist in self.dynamic:
            old_key, old_extent = self._drawn[id(artist)]
            if content_key(artist) != old_key:
                extents[id(artist)] = extent(artist, renderer)
                regions.append(Bbox.union([old_extent, extents[id(artist)]]))
        self.last_redrawn = 0
        for region in merge_overlapping(regions):
            # Whole pixels, so the restored area and the clip of the redraw match exactly.
            region = Bbox(np.array([np.floor(region.p0), np.ceil(region.p1)]))
            self._restore(region)
            touching = [
                a for a in self.dynamic if extents[id(a)].overlaps(region) or self._drawn[id(a)][1].overlaps(region)
            ]
            self._draw_dynamic(touching, region, extents)
            self.last_redrawn += len(touching)
        self.partial_draws += 1
