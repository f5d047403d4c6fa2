"""Benchmarks: what a learner feels (slider latency in real JupyterLab), and what ce_lib costs.

Run from the repository's top folder, in the environment the README's test command builds, with
the ``bench`` extra (scikit-learn and ipympl, the baselines)::

    .venv/bin/python -m pip install -q -e ".[bench]" && .venv/bin/python benchmarks/run.py
    .venv/bin/python benchmarks/run.py --skip-browser     # no Chromium: tables 2, 3 and 4 only
    .venv/bin/python benchmarks/run.py --skip-latency --skip-series   # e.g. tables 2, 3 and 5

It prints five tables:

1. Slider latency in JupyterLab + Chromium, side by side in one page: per key press, the time
   from the keydown to the moment the page shows the change, timed inside the page with
   performance.now(). Four widgets: the echo floor (an ipywidgets slider → a text label, the
   round trip any kernel-backed widget pays), our view (its SVG figure, drawn in the browser),
   the previous ipympl app (a Matplotlib figure blitted in the kernel, kept as the baseline in
   ipympl_baseline.py) and the naive ``interactive`` re-creating the Matplotlib figure on every
   move. Then our view again while the kernel is busy (a ``time.sleep`` cell running), and a
   drag: 20 key presses in a burst.
2. The notebooks' size on disk, stored outputs included, against the size before the views.
3. ce_lib.cross_entropy throughput on 10**6 and 10**7 points against the plain NumPy expression
   and scikit-learn's log_loss.
4. Restart & Run All of the whole series, notebook by notebook, kernel start included, and the
   kernel's resident memory (VmRSS, and its peak VmHWM) once each notebook has run.
5. Slow machines: Chromium's CPU throttled 6× (the DevTools protocol's
   ``Emulation.setCPUThrottlingRate``). Key press → figure change for our view in JupyterLab and
   in the static edition's page (``tools/site.py``, served from a throw-away folder, no kernel);
   the static page's time from navigation start to its first live view; and the time JupyterLab
   takes to display a view (running a cell ``ModelComparison("error")`` → its SVG in the page),
   unthrottled and at 6×.

Targets are printed beside each figure; nothing here is a test.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import ce_lib  # noqa: E402
from ce_lib.views import ModelComparison  # noqa: E402
from tools.contents import NOTEBOOKS  # noqa: E402

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
PRESSES = 30
BURST = 20
BUSY_SECONDS = 30
#: The eight notebooks' total size before the views were drawn in the browser (commit 8893134).
SIZE_BEFORE = 1_029_026
#: A slow machine: Chromium's CPU slowed down this many times (Emulation.setCPUThrottlingRate).
THROTTLE = 6
FRAME_MS = 1000 / 60
LOADS = 5  # loads of the static page, timed until its first view is live
DISPLAYS = 5  # cells displaying a view, timed until its SVG is in the page
STATIC_PAGE = "03_negative_log_summed.html"
STATIC_SLIDER = ".ce-live .ce-view input.ce-slider"  # the first view's first slider, in the static page
MEMORY_TARGET_MIB = 120
#: The extra cell run after each notebook (in memory only): the kernel's own memory figures.
MEMORY_CELL = 'print(open("/proc/self/status").read())'

BENCH_CELLS = [
    """
import sys

import ipywidgets as widgets
import matplotlib.pyplot as plt
from IPython.display import display

sys.path.insert(0, "BENCHMARKS")
from ce_lib.views import ModelComparison
from ipympl_baseline import ModelComparisonApp, probability_slider
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
view = ModelComparison("error")
view.add_class("bench-view")
view
""",
    """
app = ModelComparisonApp("error")
app.widget.add_class("bench-app")
app
""",
    """
from IPython.display import Image

from ce_lib.course import story
from ipympl_baseline import STEPS, draw_model_plane, draw_step_bars, figure_png, new_figure


def naive_figure(p1=0.6):
    # a whole new Matplotlib figure (the previous app's), drawn and sent as a PNG, every move
    chosen = {"A": (p1, *story.MODEL_A.probabilities[1:]), "B": story.MODEL_B.probabilities}
    figure = new_figure(10.5, 8.8)
    grid = figure.add_gridspec(2, 2, height_ratios=[1.15, 1])
    for column, model in enumerate((story.MODEL_A, story.MODEL_B)):
        draw_model_plane(figure.add_subplot(grid[0, column]), model, chosen["AB"[column]])
    per_point = {name: STEPS["error"][1](probabilities) for name, probabilities in chosen.items()}
    draw_step_bars(figure.add_subplot(grid[1, :]), "error", per_point, "")
    display(Image(figure_png(figure)))


naive = widgets.interactive(naive_figure, p1=probability_slider("naive", 0.6))
naive.add_class("bench-naive")
naive
""",
]

# Timestamps, taken in the page: every keydown, every image drawn onto the baseline's canvas
# (ipympl paints each frame with drawImage), and every DOM change inside the other widgets.
INSTRUMENT = """
window.__bench = {keys: [], echo: [], view: [], app: [], naive: []};
document.addEventListener('keydown', () => window.__bench.keys.push(performance.now()), true);
const drawImage = CanvasRenderingContext2D.prototype.drawImage;
CanvasRenderingContext2D.prototype.drawImage = function (...args) {
  if (this.canvas.closest('.bench-app')) window.__bench.app.push(performance.now());
  return drawImage.apply(this, args);
};
window.__watch = (selector, key, onlyImages) => {
  const target = document.querySelector(selector);
  new MutationObserver(records => {
    const hasImage = n => n.nodeName === 'IMG' || (n.querySelector && n.querySelector('img'));
    const relevant = onlyImages ? records.some(r => [...r.addedNodes].some(hasImage)) : true;
    if (relevant) window.__bench[key].push(performance.now());
  }).observe(target, {subtree: true, childList: true, characterData: true, attributes: !onlyImages});
};
"""

WIDGETS = {  # what each widget's latency is timed on, and its slider
    "echo": ".bench-echo .noUi-handle",
    "view": ".bench-view input.ce-slider",
    "app": ".bench-app .noUi-handle",
    "naive": ".bench-naive .noUi-handle",
}


def notebook_json(cells: list[str]) -> str:
    sources = [source.strip().replace("BENCHMARKS", str(ROOT / "benchmarks")) for source in cells]
    return json.dumps(
        {
            "cells": [
                {"cell_type": "code", "execution_count": None, "id": f"bench-{i}", "metadata": {}, "outputs": [],
                 "source": source}
                for i, source in enumerate(sources)
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


def press_and_time(page, handle, channel: str, key: str) -> float:
    """Press ``key`` on the slider; return ms from the keydown to the first change on ``channel``."""
    wait_quiet(page, channel)
    count = page.evaluate("() => window.__bench.keys.length")
    handle.press(key)
    page.wait_for_function(
        f"""() => {{
            const key = window.__bench.keys[{count}];
            return key !== undefined && window.__bench['{channel}'].some(t => t > key);
        }}""",
        timeout=15_000,
    )
    return page.evaluate(
        f"() => {{ const key = window.__bench.keys[{count}]; "
        f"return window.__bench['{channel}'].find(t => t > key) - key; }}"
    )


def time_presses(page, name: str, presses: int = PRESSES, selector: str | None = None) -> list[float]:
    """Time ``presses`` key presses on the slider ``selector`` (by default the widget ``name``'s), timed on ``name``."""
    handle = page.locator(selector or WIDGETS[name]).first
    handle.scroll_into_view_if_needed()
    handle.focus()
    press_and_time(page, handle, name, "ArrowRight")  # warm-up, not counted
    return [press_and_time(page, handle, name, "ArrowRight" if i % 2 else "ArrowLeft") for i in range(presses)]


@contextlib.contextmanager
def latency_notebook():  # type: ignore[no-untyped-def]
    """Run the latency notebook (``BENCH_CELLS``) in a real JupyterLab; yield its page once every widget shows."""
    from tests.support.lab import run_all, running_lab

    with running_lab({"latency_benchmark.ipynb": notebook_json(BENCH_CELLS)}) as lab:
        page = lab.open_notebook("notebooks/latency_benchmark.ipynb", init_script=INSTRUMENT)
        run_all(page)
        page.wait_for_selector(".bench-naive img", timeout=30_000)
        yield page


def measure_latency() -> dict[str, list[float]]:
    from tests.support.lab import busy_kernel

    results: dict[str, list[float]] = {}
    with latency_notebook() as page:
        page.evaluate("() => window.__watch('.bench-echo > .widget-label', 'echo', false)")
        page.evaluate("() => window.__watch('.bench-view .ce-figure', 'view', false)")
        page.evaluate("() => window.__watch('.bench-naive', 'naive', true)")
        for name in WIDGETS:
            results[name] = time_presses(page, name)
        results["burst"] = measure_burst(page)
        with busy_kernel(page, seconds=BUSY_SECONDS):
            results["busy"] = time_presses(page, "view")
            results["busy burst"] = measure_burst(page, key="ArrowLeft")  # back down: the slider stays below 1
        page.close()
    return results


def measure_burst(page, key: str = "ArrowRight") -> list[float]:
    """20 presses of ``key`` in a row on our view: [ms from the last key to the last change, keys drawn, final right].

    A key is drawn if the figure changed after it and before the next key.
    """
    view = page.locator(".bench-view")
    handle = view.locator("input.ce-slider").first
    handle.focus()
    wait_quiet(page, "view", quiet_ms=500)
    start = page.evaluate("() => window.__bench.view.length")
    key_start = page.evaluate("() => window.__bench.keys.length")
    for _ in range(BURST):
        handle.press(key)
    wait_quiet(page, "view", quiet_ms=500, timeout_ms=30_000)
    keys, changes = page.evaluate(f"() => [window.__bench.keys.slice({key_start}), window.__bench.view.slice({start})]")
    drawn = sum(1 for i, key in enumerate(keys) if any(key < t < (keys[i + 1] if i + 1 < len(keys) else 1e18)
                                                       for t in changes))  # fmt: skip
    values = [float(v) for v in view.locator("input.ce-slider").evaluate_all("inputs => inputs.map(i => i.value)")]
    expected = ModelComparison("error")
    for index, value in enumerate(values):
        expected.set_probability("AB"[index // 4], index % 4 + 1, value)
    shown = view.locator(".ce-readout").text_content()
    right = shown == expected.describe()
    return [changes[-1] - keys[-1], drawn, float(right)]


def summarize(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], ordered[-1]


def print_latency(results: dict[str, list[float]]) -> None:
    labels = {
        "echo": "echo floor (slider → label, via the kernel)",
        "view": "our view (slider → SVG, in the browser)",
        "app": "previous ipympl app (kernel draws PNG)",
        "naive": "naive (interactive, new figure)",
        "busy": "our view, kernel busy (sleep cell)",
    }
    rows = {name: summarize(results[name]) for name in labels}
    print(f"\n1. Slider latency in JupyterLab + Chromium, keydown → change in the page ({PRESSES} presses each)\n")
    print(f"{'widget':<46}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}")
    for name, (median, p95, worst) in rows.items():
        print(f"{labels[name]:<46}{median:>11.1f}{p95:>9.1f}{worst:>9.1f}")
    echo_median = rows["echo"][0]
    view_median, view_p95, _ = rows["view"]
    settle, drawn, right = results["burst"]
    busy_settle, busy_drawn, _ = results["busy burst"]
    print()
    print(f"{'target':<58}{'measured':>10}  holds?")
    checks = [
        ("view median ≤ 0.25 × echo median", f"{view_median / echo_median:.3f} ×", view_median / echo_median <= 0.25),
        ("view p95 ≤ 0.5 × echo median", f"{view_p95 / echo_median:.3f} ×", view_p95 / echo_median <= 0.5),
        ("kernel busy: every key press drawn within 10 ms (max)", f"{rows['busy'][2]:.1f} ms", rows["busy"][2] <= 10),
        (f"drag of {BURST} keys: final value ≤ 50 ms after the last key", f"{settle:.1f} ms", settle <= 50 and right),
        (f"drag of {BURST} keys: every key drawn", f"{int(drawn)}/{BURST}", drawn == BURST),
        (f"drag of {BURST} keys, kernel busy: every key drawn", f"{int(busy_drawn)}/{BURST}", busy_drawn == BURST),
        ("previous ipympl app / our view (median)", f"{rows['app'][0] / view_median:.0f} ×", True),
        ("naive / our view (median)", f"{rows['naive'][0] / view_median:.0f} ×", True),
    ]
    for label, value, met in checks:
        print(f"{label:<58}{value:>10}  {'yes' if met else 'NO'}")
    print(f"(drag, kernel busy: final value {busy_settle:.1f} ms after the last key; "
          f"drag's final readout equals ce_lib's: {'yes' if right else 'NO'})")  # fmt: skip


def print_sizes() -> None:
    total = sum((ROOT / "notebooks" / n.file).stat().st_size for n in NOTEBOOKS)
    print("\n2. The notebooks on disk, stored outputs included\n")
    print(f"{'now':<20}{total:>12,} bytes")
    print(f"{'before the views':<20}{SIZE_BEFORE:>12,} bytes")
    verdict = "met" if total <= SIZE_BEFORE else "NOT met"
    print(f"target: no bigger than before: {verdict} ({total / SIZE_BEFORE:.2f} ×)")


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
    print("\n3. ce_lib.cross_entropy throughput (best of 5, ms)\n")
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


def kernel_memory(status: str) -> tuple[float, float]:
    """Return the kernel's resident memory and its peak, in MiB, from its /proc/self/status text."""
    figures = {key: int(kb) / 1024 for key, kb in re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", status, flags=re.M)}
    return figures["VmRSS"], figures["VmHWM"]


def print_series_time() -> None:
    import nbformat
    from nbclient import NotebookClient

    print("\n4. Restart & Run All, whole series (kernel start included), and the kernel's memory after it\n")
    print(f"{'notebook':<40}{'time':>9}{'VmRSS MiB':>11}{'peak MiB':>10}")
    total, resident = 0.0, []
    for notebook in NOTEBOOKS:
        content = nbformat.read(ROOT / "notebooks" / notebook.file, as_version=4)  # a copy, never written back
        content.cells.append(nbformat.v4.new_code_cell(MEMORY_CELL))
        start = time.perf_counter()
        NotebookClient(
            content, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
        ).execute(stderr=subprocess.DEVNULL)  # the kernel's own log (a warning about TCP) stays out of the table
        elapsed = time.perf_counter() - start
        total += elapsed
        rss, peak = kernel_memory("".join(output.get("text", "") for output in content.cells[-1].outputs))
        resident.append(rss)
        print(f"{notebook.file:<40}{elapsed:>7.2f} s{rss:>11.1f}{peak:>10.1f}")
    print(f"{'total':<40}{total:>7.2f} s")
    print(f"target: whole series < 30 s: {'met' if total < 30 else 'NOT met'} ({total:.1f} s)")
    worst = max(resident)
    print(f"target: every kernel ≤ {MEMORY_TARGET_MIB} MiB resident after its notebook: "
          f"{'met' if worst <= MEMORY_TARGET_MIB else 'NOT met'} (largest {worst:.1f} MiB)")  # fmt: skip


# The static page's first live view, timed from navigation start (performance.now()'s zero).
FIRST_LIVE = """
window.__firstLive = null;
new MutationObserver((records, observer) => {
  if (document.querySelector('.ce-live .ce-view .ce-figure svg')) {
    window.__firstLive = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""

# A fixed piece of JavaScript (the best of three runs, ms): how much slower the page's main thread really runs.
LOOP = """() => {
  const times = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    let sum = 0;
    for (let i = 0; i < 1e7; i++) sum += Math.sqrt(i);
    times.push(performance.now() - start);
  }
  return Math.min(...times);
}"""

# Times one display: from the Ctrl+Enter that runs the cell to the first view's SVG in its output.
DISPLAY_TIMER = """cell => {
  window.__display = {start: null, end: null};
  const onKey = event => {
    if (event.key === 'Enter' && event.ctrlKey && window.__display.start === null) {
      window.__display.start = performance.now();
    }
  };
  document.addEventListener('keydown', onKey, true);
  new MutationObserver((records, observer) => {
    if (cell.querySelector('.ce-view .ce-figure svg')) {
      window.__display.end = performance.now();
      observer.disconnect();
      document.removeEventListener('keydown', onKey, true);
    }
  }).observe(cell, {childList: true, subtree: true});
}"""


def throttle(page, rate: float = THROTTLE):  # type: ignore[no-untyped-def]
    """Slow the page's CPU down ``rate`` times; return the DevTools session (the setting lives as long as it)."""
    session = page.context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    return session


def throttled(page) -> tuple[object, float]:  # type: ignore[no-untyped-def]
    """Throttle ``page``; return the session and how many times slower the fixed loop runs now than before."""
    before = page.evaluate(LOOP)
    session = throttle(page)
    return session, page.evaluate(LOOP) / before


def time_display(page) -> float:
    """Add a cell ``ModelComparison("error")`` at the end and run it; return ms from Ctrl+Enter to its SVG."""
    from tests.support.lab import wait_until_idle

    page.locator(".jp-Notebook .jp-Cell").last.locator(".jp-InputPrompt").click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")  # a new code cell below, in command mode
    page.keyboard.press("Enter")
    page.keyboard.type('ModelComparison("error")')
    page.locator(".jp-Notebook .jp-CodeCell").last.evaluate(DISPLAY_TIMER)
    page.keyboard.press("Control+Enter")
    page.wait_for_function("() => window.__display.end !== null", timeout=60_000)
    wait_until_idle(page)
    return page.evaluate("() => window.__display.end - window.__display.start")


def measure_slow_lab() -> dict[str, list[float]]:
    """Our view in the latency notebook of table 1: displays unthrottled, then presses and displays at 6×."""
    results: dict[str, list[float]] = {}
    with latency_notebook() as page:
        page.evaluate("() => window.__watch('.bench-view .ce-figure', 'view', false)")
        time_display(page)  # warm-up, not counted
        results["display"] = [time_display(page) for _ in range(DISPLAYS)]
        session, slowdown = throttled(page)
        results["lab slowdown"] = [slowdown]
        results["lab view"] = time_presses(page, "view")
        results["slow display"] = [time_display(page) for _ in range(DISPLAYS)]
        session.detach()
        page.close()
    return results


def measure_slow_static() -> dict[str, list[float]]:
    """The static edition's page, no kernel: key presses on its first view at 6×, and loads at 6× until it is live."""
    from tests.support.pages import launched_browser, served
    from tools.site import build

    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="ce-bench-site-") as folder, served(Path(folder)) as url:
        build(Path(folder))
        with launched_browser() as browser:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.add_init_script(INSTRUMENT)
            page.goto(f"{url}/{STATIC_PAGE}")
            page.wait_for_selector(".ce-live .ce-view .ce-figure svg", timeout=30_000)
            page.evaluate("() => window.__watch('.ce-live .ce-view .ce-figure', 'view', false)")
            unthrottled_loop = page.evaluate(LOOP)
            session, slowdown = throttled(page)
            results["static slowdown"] = [slowdown]
            results["static view"] = time_presses(page, "view", selector=STATIC_SLIDER)
            session.detach()
            page.close()
            results["load"], results["load slowdown"] = [], []
            for _ in range(LOADS):  # a fresh context each time: nothing cached, as on a first visit
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                page.add_init_script(FIRST_LIVE)
                throttle(page)  # before the navigation: the whole load runs slowed down
                page.goto(f"{url}/{STATIC_PAGE}")
                page.wait_for_function("() => window.__firstLive !== null", timeout=60_000)
                results["load"].append(page.evaluate("() => window.__firstLive"))
                results["load slowdown"].append(page.evaluate(LOOP) / unthrottled_loop)  # still throttled?
                context.close()
    return results


def print_slow(results: dict[str, list[float]]) -> None:
    print(f"\n5. Slow machines: Chromium's CPU throttled {THROTTLE}× (Emulation.setCPUThrottlingRate)\n")
    rows = [
        (f"our view in JupyterLab, key → figure ({PRESSES} presses)", "lab view"),
        (f"static page, first view, key → figure ({PRESSES} presses)", "static view"),
        (f"static page, navigation → first view live ({LOADS} loads)", "load"),
        (f"JupyterLab, run cell → view's SVG, unthrottled ({DISPLAYS})", "display"),
        (f"JupyterLab, run cell → view's SVG, {THROTTLE}× ({DISPLAYS})", "slow display"),
    ]
    summaries = {key: summarize(results[key]) for _, key in rows if key in results}
    print(f"{'at ' + str(THROTTLE) + '× unless said':<58}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}")
    for label, key in rows:
        if key in summaries:
            median, p95, worst = summaries[key]
            print(f"{label:<58}{median:>11.1f}{p95:>9.1f}{worst:>9.1f}")
    print()
    print(f"{'target':<58}{'measured':>10}  holds?")
    checks = []
    if "lab view" in summaries:
        p95 = summaries["lab view"][1]
        checks.append((f"JupyterLab at {THROTTLE}×: key → figure p95 ≤ one frame", f"{p95:.1f} ms", p95 <= FRAME_MS))
    if "static view" in summaries:
        p95 = summaries["static view"][1]
        checks.append((f"static page at {THROTTLE}×: key → figure p95 ≤ one frame", f"{p95:.1f} ms", p95 <= FRAME_MS))
    if "load" in summaries:
        median = summaries["load"][0]
        checks.append((f"static page at {THROTTLE}×: first view live ≤ 1500 ms (median)", f"{median:.0f} ms",
                       median <= 1500))  # fmt: skip
    for label, value, met in checks:
        print(f"{label:<58}{value:>10}  {'yes' if met else 'NO'}")
    print(f"(one frame: {FRAME_MS:.1f} ms, at 60 Hz. The throttling at work, as a fixed JavaScript loop's slow-down: "
          + ", ".join(f"{name} {statistics.median(results[key]):.1f} ×"
                      for name, key in (("JupyterLab", "lab slowdown"), ("static page", "static slowdown"),
                                        ("static page's loads", "load slowdown")) if key in results)
          + ")")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description="Cross-Entropy, Step by Step: benchmarks")
    parser.add_argument("--skip-browser", action="store_true", help="leave out every table with Chromium (1 and 5)")
    parser.add_argument("--skip-latency", action="store_true", help="leave out the JupyterLab latency table (1)")
    parser.add_argument("--skip-series", action="store_true", help="leave out Restart & Run All and memory (4)")
    parser.add_argument("--skip-slow", action="store_true", help="leave out the slow machines' table (5)")
    parser.add_argument("--skip-slow-lab", action="store_true", help="in table 5, leave out JupyterLab's rows")
    parser.add_argument("--skip-slow-static", action="store_true", help="in table 5, leave out the static page's rows")
    arguments = parser.parse_args()
    if not (arguments.skip_browser or arguments.skip_latency):
        print_latency(measure_latency())
    print_sizes()
    print_throughput()
    if not arguments.skip_series:
        print_series_time()
    if not (arguments.skip_browser or arguments.skip_slow):
        results: dict[str, list[float]] = {}
        if not arguments.skip_slow_lab:
            results |= measure_slow_lab()
        if not arguments.skip_slow_static:
            results |= measure_slow_static()
        if results:
            print_slow(results)


if __name__ == "__main__":
    main()
