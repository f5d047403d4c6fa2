"""Checks on Matplotlib figures: every text readable, none on top of another, nothing clipped."""

from __future__ import annotations

from itertools import combinations

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text


def visible_texts(figure: Figure) -> list[Text]:
    """Return every visible, non-empty text of ``figure`` (titles, labels, ticks, legends, notes)."""
    FigureCanvasAgg(figure).draw()
    return [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]


def _outside(box, frame, slack: float = 1.0) -> bool:  # type: ignore[no-untyped-def]
    return (
        box.x0 < frame.x0 - slack or box.y0 < frame.y0 - slack or box.x1 > frame.x1 + slack or box.y1 > frame.y1 + slack
    )


def layout_problems(figure: Figure) -> list[str]:
    """Return what a reader would see wrong: texts on top of each other, texts or markers cut off."""
    texts = visible_texts(figure)
    renderer = figure.canvas.get_renderer()
    boxes = [(t, t.get_window_extent(renderer)) for t in texts]
    problems = []
    for text, box in boxes:
        if _outside(box, figure.bbox):
            problems.append(f"{text.get_text()!r} runs off the figure")
        clip = text.get_clip_box()
        if text.get_clip_on() and clip is not None and _outside(box, clip):
            problems.append(f"{text.get_text()!r} is clipped by its axes")
    for (first, a), (second, b) in combinations(boxes, 2):
        overlap_w = min(a.x1, b.x1) - max(a.x0, b.x0)
        overlap_h = min(a.y1, b.y1) - max(a.y0, b.y0)
        if overlap_w > 1 and overlap_h > 1:
            problems.append(f"{first.get_text()!r} overlaps {second.get_text()!r}")
    for axes in figure.axes:
        for line in axes.lines:
            if not isinstance(line, Line2D) or line.get_marker() in (None, "None", "", " ") or not line.get_visible():
                continue
            if not line.get_clip_on() or len(line.get_xdata()) == 0:
                continue
            radius = line.get_markersize() * figure.dpi / 72 / 2
            centres = line.get_transform().transform(np.column_stack([line.get_xdata(), line.get_ydata()]))
            frame = axes.bbox
            for x, y in centres:
                if not np.isfinite([x, y]).all():
                    continue
                if (
                    x - radius < frame.x0 - 1
                    or x + radius > frame.x1 + 1
                    or y - radius < frame.y0 - 1
                    or y + radius > frame.y1 + 1
                ):
                    problems.append(f"a marker of {line.get_label()!r} is cut off by its axes")
    return problems
