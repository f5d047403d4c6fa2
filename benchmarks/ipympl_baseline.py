"""The previous figure path, kept only as the benchmark's baseline: a Matplotlib figure drawn in
the kernel, updated in place with blitting and sent to the browser as PNG frames by ipympl.

This is the ModelComparisonApp("error") the series used before its figures were drawn in the
browser (ce_lib/widgets.py, plots.py and canvas.py at commit 8893134), trimmed to what that one
app needs and pointed at today's story. It is not part of ce_lib: benchmarks/run.py measures it
beside the new views. It needs ipympl (the ``bench`` extra).
"""

from __future__ import annotations

import base64
import html
import io
import math
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
import numpy as np
from ipympl.backend_nbagg import Canvas, FigureManager
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon, Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from ce_lib.binary import cross_entropy
from ce_lib.course import story
from ce_lib.formatting import format_number
from ce_lib.probability import point_errors, product_of_probabilities, sum_of_logs


def figure_png(figure: Figure) -> bytes:
    """Return ``figure`` as PNG bytes with 256 colours, as the previous app stored its pictures."""
    from PIL import Image

    rendered = io.BytesIO()
    figure.savefig(rendered, format="png", metadata={"Software": None})
    palette = Image.open(rendered).convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    palette.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


VERMILLION, BLUE, SKY, PURPLE, GREEN, GREY = "#D55E00", "#0072B2", "#56B4E9", "#CC79A7", "#009E73", "#555555"
POINT_STYLE = {"red": (VERMILLION, "o"), "blue": (BLUE, "s")}
MODEL_STYLE = {"A": (PURPLE, "//"), "B": (GREEN, "")}
PLANE_LIMITS = story.PLANE_LIMITS
FONT = {"title": 15, "label": 13, "tick": 12, "note": 13}
SLIDER_STYLE = {"description_width": "105px"}
SLIDER_LAYOUT = widgets.Layout(width="380px")


def new_figure(width: float, height: float, dpi: int = 80) -> Figure:
    figure = Figure(figsize=(width, height), dpi=dpi, layout="constrained")
    figure.patch.set_facecolor("white")
    return figure


def probability_slider(description: str, value: float) -> widgets.FloatSlider:
    return widgets.FloatSlider(value=value, min=0.0, max=1.0, step=0.01, description=description, readout_format=".2f",
                               continuous_update=True, style=SLIDER_STYLE, layout=SLIDER_LAYOUT)  # fmt: skip


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
        for region in merge_overlapping(regions):
            # Whole pixels, so the restored area and the clip of the redraw match exactly.
            region = Bbox(np.array([np.floor(region.p0), np.ceil(region.p1)]))
            self._restore(region)
            touching = [
                a for a in self.dynamic if extents[id(a)].overlaps(region) or self._drawn[id(a)][1].overlaps(region)
            ]
            self._draw_dynamic(touching, region, extents)
        self.partial_draws += 1


def style_axes(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    """Give ``ax`` a title, axis labels and tick labels at projector-readable sizes."""
    ax.set_title(title, fontsize=FONT["title"])
    ax.set_xlabel(xlabel, fontsize=FONT["label"])
    ax.set_ylabel(ylabel, fontsize=FONT["label"])
    ax.tick_params(labelsize=FONT["tick"])


def half_plane(line: tuple[float, float, float], limits=PLANE_LIMITS) -> np.ndarray:
    """Return the corners of the part of the plot box where a*x + b*y + c >= 0.

    Clips the rectangle ``limits`` by the line (one Sutherland-Hodgman step).
    """
    (x0, x1), (y0, y1) = limits
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    a, b, c = line

    def side(point: tuple[float, float]) -> float:
        return a * point[0] + b * point[1] + c

    kept: list[tuple[float, float]] = []
    for start, end in zip(corners, corners[1:] + corners[:1], strict=True):
        start_side, end_side = side(start), side(end)
        if start_side >= 0:
            kept.append(start)
        if (start_side >= 0) != (end_side >= 0):
            t = start_side / (start_side - end_side)
            kept.append((start[0] + t * (end[0] - start[0]), start[1] + t * (end[1] - start[1])))
    return np.array(kept) if kept else np.empty((0, 2))


def line_segment(weights: Sequence[float], limits=PLANE_LIMITS) -> tuple[list[float], list[float]]:
    """Return the two ends of the line a*x + b*y + c = 0 inside the plot box (or nothing)."""
    corners = half_plane(tuple(weights), limits)
    a, b, c = weights
    on_line = [tuple(p) for p in corners if abs(a * p[0] + b * p[1] + c) < 1e-9 * (abs(a) + abs(b) + abs(c) + 1)]
    if len(on_line) < 2:
        return [], []
    (x0, y0), (x1, y1) = on_line[0], on_line[-1]
    return [x0, x1], [y0, y1]


def _points_and_labels(ax: Axes) -> tuple[list[Line2D], list[Text]]:
    points = []
    for point in story.POINTS:
        face, marker = POINT_STYLE[point.colour]
        (dot,) = ax.plot(*point.position, marker=marker, ms=16, color=face, mec="black", mew=1.5, ls="none")
        points.append(dot)
    labels = [
        ax.text(x + 0.18, y + 0.18, "", fontsize=FONT["note"], fontweight="bold",
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": GREY, "alpha": 0.9})
        for x, y in story.POSITIONS
    ]  # fmt: skip
    return points, labels


def _style_plane(ax: Axes) -> None:
    """Fix the plane's limits and equal aspect, and label its axes."""
    (x0, x1), (y0, y1) = PLANE_LIMITS
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    style_axes(ax, "", "x  (beside each point: its number and p of its true colour)", "y")
    ax.xaxis.label.set_fontsize(FONT["tick"] - 1)


@dataclass
class PlaneArtists:
    """What :func:`draw_model_plane` drew that changes when a probability changes."""

    labels: list[Text]

    def dynamic(self) -> list[Artist]:
        """Return the artists that change when a probability changes."""
        return list(self.labels)


def draw_model_plane(ax: Axes, model: story.Model, probabilities: Sequence[float]) -> PlaneArtists:
    """Draw the points, the model's dividing line and its two coloured sides on ``ax``.

    Beside every point stands the probability the model gives the point its true colour.
    """
    line = tuple(model.line.weights())
    a, b, c = line
    ax.add_patch(Polygon(half_plane(line), closed=True, color=VERMILLION, alpha=0.13, lw=0))
    ax.add_patch(Polygon(half_plane((-a, -b, -c)), closed=True, color=SKY, alpha=0.18, lw=0))
    ax.plot(*line_segment(line), color="black", lw=2.5)
    _, labels = _points_and_labels(ax)
    _style_plane(ax)
    ax.legend(
        handles=[
            Line2D([], [], marker="o", color=VERMILLION, mec="black", ls="none", ms=11, label="red point"),
            Line2D([], [], marker="s", color=BLUE, mec="black", ls="none", ms=11, label="blue point"),
        ],
        loc="upper center",
        ncols=2,
        fontsize=FONT["tick"] - 1,
        framealpha=0.9,
    )
    ax.set_title(f"Model {model.name}", fontsize=FONT["title"], fontweight="bold")
    artists = PlaneArtists(labels)
    update_model_plane(artists, probabilities)
    return artists


def update_model_plane(artists: PlaneArtists, probabilities: Sequence[float]) -> None:
    """Write each point's number and probability beside it ("2: 0.2")."""
    for number, (label, probability) in enumerate(zip(artists.labels, probabilities, strict=True), start=1):
        label.set_text(f"{number}: {format_number(probability, 2)}")


@dataclass(frozen=True)
class StepScale:
    """How one step of the argument shows a per-point quantity as bars."""

    ylabel: str
    limits: tuple[float, float]


STEP_SCALES = {
    "product": StepScale("probability of the true colour", (0.0, 1.15)),
    "log": StepScale("ln(probability)", (-5.6, 0.0)),
    "error": StepScale("error −ln(probability)", (0.0, 5.6)),
}


@dataclass
class BarArtists:
    """What :func:`draw_step_bars` drew that changes when a value changes."""

    bars: dict[str, list[Rectangle]]
    values: dict[str, list[Text]]
    title: Text
    limits: tuple[float, float]

    def dynamic(self) -> list[Artist]:
        """Return the artists that change when a value changes (bars before their labels)."""
        return [
            self.title,
            *(b for bars in self.bars.values() for b in bars),
            *(t for texts in self.values.values() for t in texts),
        ]


def draw_step_bars(ax: Axes, step: str, values: dict[str, Sequence[float]], title: str) -> BarArtists:
    """Draw one bar per point per model (A hatched, B solid) for a step's quantity."""
    scale = STEP_SCALES[step]
    width = 0.38
    bars: dict[str, list[Rectangle]] = {}
    texts: dict[str, list[Text]] = {}
    for offset, name in ((-width / 2, "A"), (width / 2, "B")):
        colour, hatch = MODEL_STYLE[name]
        positions = np.arange(1, len(values[name]) + 1) + offset
        container = ax.bar(
            positions,
            np.zeros(len(positions)),
            width,
            color=colour,
            hatch=hatch,
            edgecolor="black",
            lw=1.2,
            label=f"model {name}",
        )
        bars[name] = list(container.patches)
        texts[name] = [ax.text(x, 0.0, "", ha="center", fontsize=FONT["tick"]) for x in positions]
    ax.set_xticks(np.arange(1, len(values["A"]) + 1))
    ax.set_xticklabels([f"point {i} ({c})" for i, c in enumerate(story.COLOURS, start=1)])
    ax.set_ylim(*scale.limits)
    ax.axhline(0.0, color="black", lw=1)
    style_axes(ax, title, "", scale.ylabel)
    # Outside the axes: bars are drawn on top of the static background and must not hide it.
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=FONT["tick"])
    artists = BarArtists(bars, texts, ax.title, scale.limits)
    update_step_bars(artists, values, title)
    return artists


def update_step_bars(artists: BarArtists, values: dict[str, Sequence[float]], title: str) -> None:
    """Set every bar's height (infinite values fill the axis and are labelled ∞)."""
    low, high = artists.limits
    span = high - low
    for name, heights in values.items():
        for bar, text, value in zip(artists.bars[name], artists.values[name], heights, strict=True):
            if math.isfinite(value):
                shown = min(max(value, low), high)
            else:  # ∞ fills most of the axis, leaving room for its label
                shown = high - 0.1 * span if value > 0 else low + 0.1 * span
            bar.set_height(shown)
            text.set_text(format_number(value, 3))
            text.set_y(shown + 0.02 * span if shown >= 0 else shown - 0.07 * span)
    artists.title.set_text(title)


@dataclass
class App:
    """What every app shares: a figure on an ipympl canvas, a text readout and a static twin."""

    figure: Figure
    canvas: BlittingCanvas
    readout: widgets.HTML
    widget: widgets.Box

    def update(self, change: Any = None) -> None:
        """Recompute everything shown from the sliders; called on every slider move."""
        raise NotImplementedError

    def _finish(self, controls: widgets.Widget, dynamic: Sequence[Artist]) -> None:
        """Lay out controls, readout and figure, and show the sliders' first values."""
        self.canvas = BlittingCanvas(self.figure, dynamic)
        self.readout = widgets.HTML(layout=widgets.Layout(margin="6px 0 6px 0"))
        self.widget = widgets.VBox([controls, self.readout, self.canvas])
        # Stable names for the browser test and for anyone styling the apps.
        self.widget.add_class("ce-app")
        self.readout.add_class("ce-readout")
        self.canvas.add_class("ce-figure")
        self.update()

    def _observe(self, sliders: Sequence[widgets.Widget]) -> None:
        for slider in sliders:
            slider.observe(self.update, names="value")

    def _redraw(self) -> None:
        if self.canvas.syncing_data_url:
            # No front end has said hello (tests, nbconvert): let ipympl draw when asked.
            self.canvas.draw_idle()
        else:
            # A browser shows the figure: send the new frame now, not after a round trip.
            # ipywidgets keeps at most one slider message in flight and sends only the
            # latest value, so drawing here cannot build a backlog while dragging.
            self.canvas.draw()

    def shown_text(self) -> str:
        """Return the readout as plain text, the way a learner reads it."""
        text = re.sub(r"<[^>]+>", " ", self.readout.value)
        return re.sub(r"\s+", " ", html.unescape(text)).strip()

    def png(self) -> bytes:
        """Return the figure as it looks now, as PNG bytes."""
        return figure_png(self.figure)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        png = base64.b64encode(self.png()).decode("ascii")
        # ipympl shows this picture until its first live frame arrives.
        self.canvas._data_url = f"data:image/png;base64,{png}"
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        bundle["image/png"] = png
        bundle["text/plain"] = self.shown_text()
        return bundle


def _verdict(totals: dict[str, float], higher_is_better: bool) -> str:
    if totals["A"] == totals["B"]:
        return "A and B are level"
    a_ahead = (totals["A"] > totals["B"]) == higher_is_better
    return f"{'A' if a_ahead else 'B'} is ahead"


STEPS: dict[str, tuple[str, Callable[[Sequence[float]], np.ndarray], Callable[[Sequence[float]], float], bool]] = {
    # step: (name of the total, per-point quantity, total, is a higher total better?)
    "product": ("product of probabilities", lambda p: np.asarray(p, dtype=float), product_of_probabilities, True),
    "log": ("sum of ln(probabilities)", lambda p: -point_errors(p), sum_of_logs, True),
    "error": ("cross-entropy (sum of errors)", point_errors, lambda p: cross_entropy(np.ones(len(p)), p), False),
}


class ModelComparisonApp(App):
    """Model A against model B: one slider per point per model, both replotted at once.

    Parameters
    ----------
    step : {"points", "product", "log", "error"}
        What the app shows beside the two planes: nothing more (``"points"``), the product
        of probabilities (notebook 01), the logs (02) or the per-point errors and the
        cross-entropy (03).

    Examples
    --------
    >>> app = ModelComparisonApp("error")
    >>> round(app.totals["A"], 4), round(app.totals["B"], 4)
    (4.7795, 1.196)
    >>> app.set_probability("A", 3, 0.0)
    >>> app.totals["A"]
    inf
    """

    def __init__(self, step: str = "error") -> None:
        if step not in ("points", *STEPS):
            raise ValueError(f"step must be one of {('points', *STEPS)}, got {step!r}")
        self.step = step
        self.models = {"A": story.MODEL_A, "B": story.MODEL_B}
        self.sliders = {
            name: [
                probability_slider(f"point {i} ({c})", p)
                for i, (p, c) in enumerate(zip(model.probabilities, story.COLOURS, strict=True), start=1)
            ]
            for name, model in self.models.items()
        }
        self.totals: dict[str, float] = {}
        has_bars = step in STEPS
        self.figure = new_figure(10.5, 8.8 if has_bars else 5.0)
        grid = self.figure.add_gridspec(2 if has_bars else 1, 2, height_ratios=[1.15, 1] if has_bars else None)
        self.planes = {
            name: draw_model_plane(self.figure.add_subplot(grid[0, column]), model, model.probabilities)
            for column, (name, model) in enumerate(self.models.items())
        }
        self.bars = (
            draw_step_bars(self.figure.add_subplot(grid[1, :]), step, self._per_point(), "") if has_bars else None
        )
        columns = [
            widgets.VBox(
                [
                    widgets.HTML(f"<b style='color:{MODEL_STYLE[name][0]};font-size:120%'>Model {name}</b>"),
                    *self.sliders[name],
                ]
            )
            for name in self.models
        ]
        dynamic = [artist for plane in self.planes.values() for artist in plane.dynamic()]
        self._finish(widgets.HBox(columns), dynamic + (self.bars.dynamic() if self.bars else []))
        self._observe([slider for sliders in self.sliders.values() for slider in sliders])

    def probabilities(self, name: str) -> tuple[float, ...]:
        """Return model ``name``'s per-point probabilities as the sliders set them."""
        return tuple(slider.value for slider in self.sliders[name])

    def set_probability(self, name: str, point: int, value: float) -> None:
        """Move the slider of ``point`` (1 to 4) of model ``name`` ("A" or "B") to ``value``."""
        self.sliders[name][point - 1].value = value

    def _per_point(self) -> dict[str, np.ndarray]:
        quantity = STEPS[self.step][1]
        return {name: quantity(self.probabilities(name)) for name in self.models}

    def update(self, change: Any = None) -> None:
        for name, artists in self.planes.items():
            update_model_plane(artists, self.probabilities(name))
        if self.step == "points":
            right = {name: sum(p >= 0.5 for p in self.probabilities(name)) for name in self.models}
            self.readout.value = (
                f"<span style='font-size:125%'>Points given at least 0.5 for their true colour — model A: "
                f"<b>{right['A']}</b> of 4 · model B: <b>{right['B']}</b> of 4</span>"
            )
        else:
            label, _, total, higher_is_better = STEPS[self.step]
            self.totals = {name: total(self.probabilities(name)) for name in self.models}
            shown = {name: format_number(value) for name, value in self.totals.items()}
            verdict = _verdict(self.totals, higher_is_better)
            better = "higher" if higher_is_better else "lower"
            self.readout.value = (
                f"<span style='font-size:125%'>{label[0].upper()}{label[1:]} — model A: <b>{shown['A']}</b>"
                f" · model B: <b>{shown['B']}</b> → <b>{verdict}</b> ({better} is better)</span>"
            )
            title = f"{label[0].upper()}{label[1:]}:   A = {shown['A']}   ·   B = {shown['B']}   ({verdict})"
            update_step_bars(self.bars, self._per_point(), title)
        self._redraw()
