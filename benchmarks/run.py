"""Benchmarks: what a learner feels (slider latency in real JupyterLab), and what ce_lib costs.

Run from the repository's top folder, in the environment the README's test command builds::

    .venv/bin/python benchmarks/run.py            # everything, about two minutes
    .venv/bin/python benchmarks/run.py --skip-browser

It prints three tables:

1. Slider latency in JupyterLab + Chromium: per key press, the time from the keydown to the
   moment the page shows the change, timed inside the page with performance.now(). Three
   widgets on one page: a bare echo (slider → text label, the floor any kernel-backed widget
   pays), our model A vs B app, and the same figure built the naive way (``interactive``
   re-creating the figure on every move). Then a drag: 20 key presses in a burst, and how
   long after the last key the figure settles on the final value.
2. ce_lib.cross_entropy throughput on 10**6 and 10**7 points against the plain fused NumPy
   expression and scikit-learn's log_loss (if installed).
3. Restart & Run All of the whole series, notebook by notebook, kernel start included.

Targets are printed beside each figure; nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import ce_lib  # noqa: E402
from ce_lib import course  # noqa: E402
from ce_lib.formatting import format_number  # noqa: E402

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
PRESSES = 30
BURST = 20

BENCH_CELLS = [
    """
import ipywidgets as widgets
import matplotlib.pyplot as plt

from ce_lib import point_errors
from ce_lib.data import MODEL_A, MODEL_B
from ce_lib.plots import draw_model_plane, draw_step_bars
from ce_lib.widgets import ModelComparisonApp, probability_slider
""",
    """
echo_slider = probability_slider("echo", 0.5)
echo_label = widgets.Label("0.50")
echo_slider.observe(lambda change: setattr(echo_label, "value", f"{change['new']:.2f}"), names="value")
echo = widgets.VBox([echo_slider, echo_label])
echo.add_class("bench-echo")
echo
""",
    """
app = ModelComparisonApp("error")
app.widget.add_class("bench-app")
app
""",
    """
%matplotlib inline


def naive_figure(p1=0.6):
    probabilities = (p1, *MODEL_A.probabilities[1:])
    figure = plt.figure(figsize=(10.5, 8.8), dpi=80, layout="constrained")
    grid = figure.add_gridspec(2, 2, height_ratios=[1.15, 1])
    draw_model_plane(figure.add_subplot(grid[0, 0]), MODEL_A, probabilities)
    draw_model_plane(figure.add_subplot(grid[0, 1]), MODEL_B, MODEL_B.probabilities)
    errors = {"A": point_errors(probabilities), "B": point_errors(MODEL_B.probabilities)}
    draw_step_bars(figure.add_subplot(grid[1, :]), "error", errors, "naive")
    plt.show()


naive = widgets.interactive(naive_figure, p1=probability_slider("naive", 0.6))
naive.add_class("bench-naive")
naive
""",
]

# Timestamps, taken in the page: every keydown, every image drawn onto a canvas (ipympl
# paints each frame with drawImage), and every DOM change inside the three widgets.
INSTRUMENT = """
window.__bench = {keys: [], draws: [], echo: [], naive: [], readout: []};
document.addEventListener('keydown', () => window.__bench.keys.push(performance.now()), true);
const drawImage = CanvasRenderingContext2D.prototype.drawImage;
CanvasRenderingContext2D.prototype.drawImage = function (...args) {
  const app = this.canvas.closest('.bench-app');
  if (app) window.__bench.draws.push(performance.now());
  return drawImage.apply(this, args);
};
window.__watch = (selector, key, onlyImages) => {
  const target = document.querySelector(selector);
  new MutationObserver(records => {
    const hasImage = n => n.nodeName === 'IMG' || (n.querySelector && n.querySelector('img'));
    const relevant = onlyImages ? records.some(r => [...r.addedNodes].some(hasImage)) : true;
    if (relevant) window.__bench[key].push(performance.now());
  }).observe(target, {subtree: true, childList: true, characterData: true});
};
"""

# What each widget's latency is timed on; the app's text readout is timed alongside its figure.
CHANNELS = {"echo": ("echo",), "app": ("draws", "readout"), "naive": ("naive",)}


def notebook_json(cells: list[str]) -> str:
    return json.dumps(
        {
            "cells": [
                {"cell_type": "code", "execution_count": None, "id": f"bench-{i}", "metadata": {}, "outputs": [],
                 "source": source.strip()}
                for i, source in enumerate(cells)
            ],
            "metadata": {"kernelspec": KERNELSPEC},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )  # fmt: skip


def wait_quiet(page, channel: str, quiet_ms: float = 250, timeout_ms: float = 15_000) -> None:
    """Wait until ``channel`` has had no event for ``quiet_ms``."""
    page.wait_for_function(
        f"""() => {{
            const events = window.__bench['{channel}'];
            const last = events.length ? events[events.length - 1] : 0;
            return performance.now() - last > {quiet_ms};
        }}""",
        timeout=timeout_ms,
    )


def press_and_time(page, handle, channels: tuple[str, ...], key: str) -> list[float]:
    """Press ``key`` on the slider; per channel, return ms from the keydown to its first change."""
    for channel in channels:
        wait_quiet(page, channel)
    count = page.evaluate("() => window.__bench.keys.length")
    handle.press(key)
    names = json.dumps(list(channels))
    page.wait_for_function(
        f"""() => {{
            const key = window.__bench.keys[{count}];
            return key !== undefined && {names}.every(c => window.__bench[c].some(t => t > key));
        }}""",
        timeout=15_000,
    )
    return page.evaluate(
        f"""() => {{
            const key = window.__bench.keys[{count}];
            return {names}.map(c => window.__bench[c].find(t => t > key) - key);
        }}"""
    )


def measure_latency() -> dict[str, list[float]]:
    from tests.lab import run_all, running_lab

    results: dict[str, list[float]] = {}
    with running_lab({"latency_benchmark.ipynb": notebook_json(BENCH_CELLS)}) as lab:
        page = lab.open_notebook("notebooks/latency_benchmark.ipynb", init_script=INSTRUMENT)
        run_all(page)
        page.wait_for_selector(".bench-naive img", timeout=30_000)
        page.evaluate("() => window.__watch('.bench-echo > .widget-label', 'echo', false)")
        page.evaluate("() => window.__watch('.bench-naive', 'naive', true)")
        page.evaluate("() => window.__watch('.bench-app .ce-readout', 'readout', false)")
        for name in ("echo", "app", "naive"):
            handle = page.locator(f".bench-{name} .noUi-handle").first
            handle.scroll_into_view_if_needed()
            handle.focus()
            press_and_time(page, handle, CHANNELS[name], "ArrowRight")  # warm-up, not counted
            timings = [
                press_and_time(page, handle, CHANNELS[name], "ArrowRight" if i % 2 else "ArrowLeft")
                for i in range(PRESSES)
            ]
            results[name] = [t[0] for t in timings]
            if name == "app":
                results["app text"] = [t[1] for t in timings]
        results["burst"] = measure_burst(page)
        page.close()
    return results


def measure_burst(page) -> list[float]:
    """20 presses in a row on the app; return [ms from last key to last frame, frames, ok]."""
    app = page.locator(".bench-app")
    handle = app.locator(".noUi-handle").first
    handle.focus()
    wait_quiet(page, "draws", quiet_ms=500)
    start = page.evaluate("() => window.__bench.draws.length")
    for _ in range(BURST):
        handle.press("ArrowRight")
    wait_quiet(page, "draws", quiet_ms=1000, timeout_ms=30_000)
    last_key, draws = page.evaluate(f"() => [window.__bench.keys.at(-1), window.__bench.draws.slice({start})]")
    values = [float(v) for v in app.locator(".widget-readout").all_inner_texts()]
    shown = app.locator(".ce-readout").inner_text()
    expected = format_number(ce_lib.cross_entropy(np.ones(4), values[:4]))
    return [draws[-1] - last_key, len(draws), float(f"model A: {expected}" in shown)]


def summarize(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def print_latency(results: dict[str, list[float]]) -> None:
    rows = {name: summarize(results[name]) for name in ("echo", "app text", "app", "naive")}
    print(f"\n1. Slider latency in JupyterLab + Chromium ({PRESSES} key presses each)\n")
    print(f"{'widget':<34}{'median ms':>11}{'p95 ms':>9}")
    labels = {
        "echo": "echo floor (slider → label)",
        "app text": "our app: its text readout",
        "app": "our app: its figure",
        "naive": "naive (interactive, new figure)",
    }
    for name, (median, p95) in rows.items():
        print(f"{labels[name]:<34}{median:>11.1f}{p95:>9.1f}")
    (echo_median, echo_p95), (app_median, app_p95), (naive_median, _) = rows["echo"], rows["app"], rows["naive"]
    settle, frames, final_ok = results["burst"]
    print()
    print(f"{'ratio':<44}{'value':>8}  target")
    checks = [
        ("app median / echo median", app_median / echo_median, "≤ 1.5", app_median / echo_median <= 1.5),
        ("app p95 / echo median", app_p95 / echo_median, "≤ 2.5", app_p95 / echo_median <= 2.5),
        ("naive median / app median", naive_median / app_median, "≥ 2", naive_median / app_median >= 2),
        (f"burst of {BURST}: last key → last frame (ms)", settle, "≤ 500", settle <= 500 and bool(final_ok)),
    ]
    for label, value, target, met in checks:
        print(f"{label:<44}{value:>8.2f}  {target:<6} {'met' if met else 'NOT met'}")
    print(
        f"burst: {int(frames)} frames drawn for {BURST} key presses; final value shown: {'yes' if final_ok else 'NO'}"
    )
    print(f"(echo p95 {echo_p95:.1f} ms)")


def best_of(function, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def print_throughput() -> None:
    try:
        from sklearn.metrics import log_loss
    except ImportError:
        log_loss = None
    print("\n2. ce_lib.cross_entropy throughput (best of 5, ms)\n")
    print(f"{'points':>10}{'plain numpy':>13}{'ce_lib':>9}{'log_loss':>10}{'ce_lib/plain':>14}{'log_loss/ce_lib':>17}")
    rng = np.random.default_rng(2026)
    for size in (10**6, 10**7):
        y = rng.integers(0, 2, size).astype(np.float64)
        p = rng.uniform(1e-6, 1 - 1e-6, size)
        base = best_of(lambda y=y, p=p: -(y * np.log(p) + (1 - y) * np.log1p(-p)).sum())
        ours = best_of(lambda y=y, p=p: ce_lib.cross_entropy(y, p))
        sk = best_of(lambda y=y, p=p: log_loss(y, p, normalize=False), repeats=3) if log_loss else float("nan")
        print(f"{size:>10}{base * 1e3:>13.1f}{ours * 1e3:>9.1f}{sk * 1e3:>10.1f}{ours / base:>14.2f}{sk / ours:>17.1f}")
    print("targets: ce_lib/plain ≤ 1.5 (validation included); faster than log_loss (ratio > 1)")
    if log_loss is None:
        print("(scikit-learn is not installed: log_loss column is nan; pip install scikit-learn to fill it)")


def print_series_time() -> None:
    import nbformat
    from nbclient import NotebookClient

    print("\n3. Restart & Run All, whole series (kernel start included)\n")
    total = 0.0
    for notebook in course.NOTEBOOKS:
        content = nbformat.read(ROOT / "notebooks" / notebook.file, as_version=4)
        start = time.perf_counter()
        NotebookClient(
            content, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
        ).execute()
        elapsed = time.perf_counter() - start
        total += elapsed
        print(f"{notebook.file:<40}{elapsed:>7.2f} s")
    print(f"{'total':<40}{total:>7.2f} s   target < 30 s: {'met' if total < 30 else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Cross-Entropy, Step by Step: benchmarks")
    parser.add_argument("--skip-browser", action="store_true", help="leave out the JupyterLab latency table")
    arguments = parser.parse_args()
    if not arguments.skip_browser:
        print_latency(measure_latency())
    print_throughput()
    print_series_time()


if __name__ == "__main__":
    main()
