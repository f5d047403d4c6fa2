"""The static edition: every notebook as an HTML page and as a reveal.js slide deck.

One command builds both into a folder (``artifacts/site/`` by default, git-ignored)::

    python -m ce_lib.site
    python -m ce_lib.site --output some/folder

Live widgets cannot run without a kernel, so each widget view is replaced by the static
picture stored beside it in the notebook: every figure is in the pages and the slides.
Links between notebooks are pointed at the built pages. The slides load reveal.js from its
CDN when they are opened, as nbconvert's slides always do.

nbconvert (installed with JupyterLab) does the conversion; it is imported only here.
"""

from __future__ import annotations

import argparse
import copy
import html
import re
import sys
from pathlib import Path

from ce_lib.course import NOTEBOOK_FOLDER, NOTEBOOKS

DEFAULT_OUTPUT = NOTEBOOK_FOLDER.parent / "artifacts" / "site"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def static_notebook(notebook: dict) -> dict:
    """Return a copy of ``notebook`` with widget views replaced by their stored pictures.

    Outputs keep their PNG (and text); widget state is dropped, and links to other
    notebooks (``name.ipynb``) become links to their pages (``name.html``).
    """
    static = copy.deepcopy(notebook)
    static.get("metadata", {}).pop("widgets", None)
    for cell in static["cells"]:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            cell["source"] = re.sub(r"\]\((\w+)\.ipynb\)", r"](\1.html)", source)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data and "image/png" in data:
                del data[WIDGET_VIEW]
    return static


def build(output: Path = DEFAULT_OUTPUT) -> list[Path]:
    """Write ``<name>.html`` and ``<name>.slides.html`` for every notebook, and an index.

    Returns
    -------
    list of Path
        The files written.
    """
    import nbformat
    from nbconvert import HTMLExporter, SlidesExporter

    output.mkdir(parents=True, exist_ok=True)
    page_exporter = HTMLExporter()
    slide_exporter = SlidesExporter(reveal_scroll=True)
    written = []
    for notebook in NOTEBOOKS:
        content = static_notebook(nbformat.read(NOTEBOOK_FOLDER / notebook.file, as_version=4))
        stem = Path(notebook.file).stem
        for exporter, suffix in ((page_exporter, ".html"), (slide_exporter, ".slides.html")):
            body, _ = exporter.from_notebook_node(content)
            path = output / f"{stem}{suffix}"
            path.write_text(body, encoding="utf-8")
            written.append(path)
    index = output / "index.html"
    rows = "".join(
        f'<li><a href="{Path(n.file).stem}.html">{html.escape(n.file[:2])} · {html.escape(n.title)}</a>'
        f' (<a href="{Path(n.file).stem}.slides.html">slides</a>)</li>'
        for n in NOTEBOOKS
    )
    index.write_text(
        f"<!doctype html><meta charset='utf-8'><title>Cross-Entropy, Step by Step</title>"
        f"<h1>Cross-Entropy, Step by Step</h1><ol start='0'>{rows}</ol>",
        encoding="utf-8",
    )
    written.append(index)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: build the static edition and say where it is."""
    parser = argparse.ArgumentParser(description="Build the HTML pages and slides of the series.")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="folder to write into")
    arguments = parser.parse_args(argv)
    written = build(arguments.output)
    print(f"wrote {len(written)} files to {arguments.output} (open index.html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
