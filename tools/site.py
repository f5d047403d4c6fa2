"""Build the static edition: every notebook as an HTML page and as a reveal.js slide deck, live.

One command builds it into a folder (``artifacts/site/`` by default, git-ignored)::

    python tools/site.py
    python tools/site.py --output some/folder

Every language of the series gets its own folder (English at the top, ``zh-CN/`` for Chinese),
each page and deck linking to the same one in the other languages. Every figure stays live
without a kernel: each view's stored state is rendered by the same ES module JupyterLab runs,
through a small in-page model (``site_assets/live.js``), and its stored picture, drawn by that
same module, stands in where scripts do not run. The decks carry the teachers' notes (the
sources' ``teacher-note`` cells, never in a learner's notebook) as speaker notes. Nothing is fetched from the web, so
pages and decks work offline: formulas are turned into MathML when the site is built
(``latex2mathml``; browsers draw MathML themselves, no MathJax), reveal.js 5 comes from the
``sphinx-revealjs`` wheel (its files only) and the views from ``ce_lib``. nbconvert, the Jupyter
project's own converter, does the conversion with two small templates (``site_templates/``)
that leave out every CDN script and point it at those files.
"""

from __future__ import annotations

import argparse
import copy
import html
import importlib.util
import json
import re
import shutil
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ce_lib import words  # noqa: E402
from ce_lib.views import STATE_MIME, VIEWS, style_source  # noqa: E402
from tools import notebooks  # noqa: E402
from tools.contents import NOTEBOOKS, title  # noqa: E402

DEFAULT_OUTPUT = ROOT / "artifacts" / "site"
TEMPLATES = Path(__file__).resolve().parent / "site_templates"
ASSETS = Path(__file__).resolve().parent / "site_assets"
#: The scripts and style sheets written beside the pages: the in-page model that renders the
#: views, and what makes every deck's slides fit the screen.
SITE_ASSETS = ("live.js", "deck.js", "deck.css", "edition.css")
#: Code is highlighted with a palette made for contrast (WCAG AAA on its background, and at
#: least 6.8:1 on the code cells' grey), from the accessible-pygments package.
CODE_STYLE = "a11y-high-contrast-light"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
REVEAL_PREFIX = "assets/reveal"
#: The decks' logical slide size, 16:9: reveal.js scales it exactly to 1280 × 720 and 1920 × 1080.
SLIDE_SIZE = (1280, 720)


def package_folder(name: str) -> Path:
    """Return an installed package's folder without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the static edition needs the {name} package: pip install -e '.[site]'")
    return Path(next(iter(spec.submodule_search_locations)))


def live_holder(output: dict) -> str:
    """Return the HTML that shows a view live: its module, its state, and its picture until it renders."""
    view = output["data"][STATE_MIME]
    state = json.dumps(view["state"], ensure_ascii=False).replace("</", "<\\/")
    picture = output["data"].get("image/png", "")
    picture = "".join(picture) if isinstance(picture, list) else picture
    words = output["data"].get("text/plain", "")
    words = html.escape("".join(words) if isinstance(words, list) else words)
    return (
        f'<div class="ce-live" data-module="{html.escape(view["module"])}">'
        f'<img class="ce-static-picture" alt="{words}" src="data:image/png;base64,{picture.strip()}">'
        f'<script type="application/json">{state}</script></div>'
    )


def mathml(markdown: str) -> str:
    """Return ``markdown`` with every $$…$$ and $…$ formula turned into MathML (drawn by the browser)."""
    from latex2mathml.converter import convert

    def block(match: re.Match) -> str:
        # A formula wider than a phone scrolls sideways on its own, and can take the keyboard's focus to.
        formula = convert(match[1].strip(), display="block")
        return f'\n\n<div class="ce-formula" role="group" aria-label="formula" tabindex="0">{formula}</div>\n\n'

    markdown = re.sub(r"\$\$(.+?)\$\$", block, markdown, flags=re.S)
    return re.sub(r"(?<![\\$])\$([^$\n]+?)\$", lambda m: convert(m[1].strip()), markdown)


def static_notebook(notebook: dict, suffix: str = ".html") -> dict:
    """Return a copy of ``notebook`` ready for a kernel-less page (``suffix=".slides.html"``: for a deck).

    Each view's output becomes a live holder (the view's module renders its stored state),
    solutions stay collapsed, and links to other notebooks (``name.ipynb``, also in another
    language's folder) point at their pages, or at their decks from a deck.
    """
    static = copy.deepcopy(notebook)
    static.get("metadata", {}).pop("widgets", None)
    for cell in static["cells"]:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            source = re.sub(r"\]\(([\w./-]+)\.ipynb(#[\w-]*)?\)", rf"](\1{suffix}\2)", source)
            cell["source"] = mathml(source)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if STATE_MIME in data:
                output["data"] = {"text/html": live_holder(output)}
            elif WIDGET_VIEW in data:
                del data[WIDGET_VIEW]
    return static


def with_teacher_notes(stored: dict, notebook, language: str) -> dict:  # type: ignore[no-untyped-def]
    """Return the stored notebook with the source's notes for teachers put back where they stand (for a deck)."""
    import nbformat

    with_notes = json.loads(nbformat.writes(notebooks.build(notebook, language, notes=True)))["cells"]
    by_id = {cell.get("id"): cell for cell in stored["cells"]}
    cells = []
    for cell in with_notes:
        if notebooks.TEACHER_NOTE in cell["metadata"].get("tags", []):
            cells.append(cell)
        elif cell.get("id") in by_id:
            cells.append(by_id[cell["id"]])
    deck = copy.deepcopy(stored)
    deck["cells"] = cells
    return deck


def copy_assets(output: Path) -> None:
    """Copy reveal.js, the views' style, the in-page model and the decks' fitting into ``output``."""
    assets = output / "assets"
    reveal = package_folder("sphinx_revealjs") / "_static" / "revealjs"
    for part in ("dist/reveal.js", "dist/reveal.css", "dist/reset.css", "dist/theme/white.css", "plugin/notes/notes.js",
                 "LICENSE"):  # fmt: skip
        target = assets / "reveal" / part
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(reveal / part, target)
    shutil.copytree(
        reveal / "dist" / "theme" / "fonts", assets / "reveal" / "dist" / "theme" / "fonts", dirs_exist_ok=True
    )
    fonts = assets / "fonts"  # the Chinese faces, for a reader with none of their own (edition.css names them)
    fonts.mkdir(parents=True, exist_ok=True)
    shipped = resources.files("ce_lib.views") / "fonts"
    for name in ("NotoSansCJKsc-Regular.otf", "NotoSansCJKsc-Bold.otf", "LICENSE_NOTO_CJK"):
        (fonts / name).write_bytes((shipped / name).read_bytes())
    views = output / "views"
    views.mkdir(parents=True, exist_ok=True)
    (views / "views.css").write_text(style_source(), encoding="utf-8")
    for name in SITE_ASSETS:
        shutil.copyfile(ASSETS / name, output / name)


def view_modules(notebook: dict) -> set[str]:
    """Return the names of the view modules ``notebook``'s outputs show."""
    return {
        output["data"][STATE_MIME]["module"]
        for cell in notebook["cells"] for output in cell.get("outputs", []) if STATE_MIME in output.get("data", {})
    }  # fmt: skip


def write_view_modules(output: Path, used: set[str]) -> None:
    """Write each view module in ``used`` as ``views/<module>.js``, exactly as JupyterLab receives it."""
    for name in sorted(used):
        (output / "views" / f"{name}.js").write_text(VIEWS[name]._esm, encoding="utf-8")


def plain_page(heading: str, body: str, language: str, width: str = "46em") -> str:
    """Return a page of the edition that is not a notebook (the index, the teacher's guide)."""
    return (
        f"<!doctype html><html lang='{language}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width'><link rel='icon' href='data:,'>"
        f"<title>{html.escape(heading)}</title><link rel='stylesheet' href='edition.css'>"
        "<style>body{font-family:'DejaVu Sans','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',"
        "'CE Noto Sans CJK SC',Verdana,Arial,sans-serif;"
        f"max-width:{width};margin:2em auto;padding:0 1em;line-height:1.5;color:#1a1a1a}}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}"
        ".table-scroll{overflow-x:auto;margin:1em 0}.table-scroll:focus-visible{outline:3px solid #E69F00}"
        "code{overflow-wrap:anywhere}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )


def other_languages(page: str, language: str) -> str:
    """Return the links to ``page`` (a file name) in every other language's folder."""
    links = []
    for other, name in words.LANGUAGES.items():
        if other != language:
            up = "" if language == words.SOURCE else "../"
            down = "" if other == words.SOURCE else f"{other}/"
            links.append(f"<a href='{up}{down}{page}' lang='{other}' hreflang='{other}'>{html.escape(name)}</a>")
    return "<p>" + html.escape(words.say("site.also_in", language=language)) + " " + " · ".join(links) + "</p>"


def index_page(output: Path, language: str) -> Path:
    """Write a language's front page: every notebook, its deck, and the teacher's guide."""

    def say(key: str, **values: object) -> str:
        return html.escape(words.say(f"site.{key}", language=language, **values))

    rows = "".join(
        f'<li><a href="{n.stem}.html">{html.escape(n.number)} · {html.escape(title(n, language))}</a>'
        f' &nbsp;(<a href="{n.stem}.slides.html">{say("slides")}</a>)</li>'
        for n in NOTEBOOKS
    )
    page = output / "index.html"
    body = (
        f"<h1>{say('title')}</h1>{other_languages('index.html', language)}<p>{say('intro')}</p>"
        f"<ol start='0'>{rows}</ol><p><a href='teacher_guide.html'>{say('guide')}</a></p>"
    )
    page.write_text(plain_page(words.say("site.title", language=language), body, language), encoding="utf-8")
    return page


def scrolling_tables(body: str) -> str:
    """Put each table of ``body`` in a region that scrolls sideways on its own (a phone's page does not).

    The region can be focused, so a keyboard scrolls it too, and is named after the heading above it.
    """
    out, heading = [], "Table"
    for part in re.split(r"(<h[1-6][^>]*>.*?</h[1-6]>|<table>.*?</table>)", body, flags=re.S):
        if re.match(r"<h[1-6]", part):
            heading = html.unescape(re.sub(r"<[^>]+>", "", part)).strip()
        elif part.startswith("<table>"):
            label = html.escape(f"Table: {heading}", quote=True)
            part = f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}">{part}</div>'
        out.append(part)
    return "".join(out)


def guide_page(output: Path, language: str) -> Path:
    """Write a language's teacher's guide (markdown) as a page."""
    import mistune

    text = (notebooks.notebook_folder(language) / "teacher_guide.md").read_text(encoding="utf-8")
    text = re.sub(r"\]\(([\w./-]+)\.ipynb\)", r"](\1.html)", text)
    body = scrolling_tables(mistune.create_markdown(plugins=["table"])(text))
    body = other_languages("teacher_guide.html", language) + body
    page = output / "teacher_guide.html"
    heading = words.say("site.guide", language=language)
    page.write_text(plain_page(heading, body, language, width="60em"), encoding="utf-8")
    return page


def build_language(output: Path, language: str, exporters: tuple) -> list[Path]:  # type: ignore[type-arg]
    """Write one language's pages, decks, index and guide, and the assets they use, into ``output``."""
    import nbformat

    output.mkdir(parents=True, exist_ok=True)
    copy_assets(output)
    page_exporter, slide_exporter = exporters
    written, used = [], set()
    for notebook in NOTEBOOKS:
        stored = nbformat.read(notebooks.notebook_folder(language) / notebook.file, as_version=4)
        used |= view_modules(stored)
        resources = {"metadata": {"name": title(notebook, language)}, "language": language}
        deck = with_teacher_notes(stored, notebook, language)
        for exporter, suffix, content in (
            (page_exporter, ".html", static_notebook(stored)),
            (slide_exporter, ".slides.html", static_notebook(deck, ".slides.html")),
        ):
            body, _ = exporter.from_notebook_node(nbformat.from_dict(content), resources=copy.deepcopy(resources))
            path = output / f"{notebook.stem}{suffix}"
            path.write_text(re.sub(r'<html lang="\w+"', f'<html lang="{language}"', body, count=1), encoding="utf-8")
            written.append(path)
    write_view_modules(output, used)
    return [*written, index_page(output, language), guide_page(output, language)]


def build(output: Path = DEFAULT_OUTPUT) -> list[Path]:
    """Write every language's pages and decks (English in ``output``, the others in ``output/<language>``).

    Returns
    -------
    list of Path
        The pages written.
    """
    from nbconvert import HTMLExporter, SlidesExporter
    from traitlets.config import Config

    common = {
        "extra_template_basedirs": [str(TEMPLATES)],
        "extra_template_paths": [str(TEMPLATES / "ce-common")],
        "config": Config({"CSSHTMLHeaderPreprocessor": {"style": CODE_STYLE}}),
    }
    page_exporter = HTMLExporter(template_name="ce-lab", **common)
    width, height = (str(size) for size in SLIDE_SIZE)
    slide_exporter = SlidesExporter(template_name="ce-reveal", reveal_url_prefix=REVEAL_PREFIX, reveal_theme="white",
                                    reveal_width=width, reveal_height=height, **common)  # fmt: skip
    written = []
    for language in words.LANGUAGES:
        folder = output if language == words.SOURCE else output / language
        written += build_language(folder, language, (page_exporter, slide_exporter))
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: build the static edition and say where it is."""
    parser = argparse.ArgumentParser(
        description="Build the HTML pages and slide decks of the series, live and offline, in every language."
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="folder to write into")
    arguments = parser.parse_args(argv)
    written = build(arguments.output)
    print(f"wrote {len(written)} pages and their assets to {arguments.output} (open index.html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
