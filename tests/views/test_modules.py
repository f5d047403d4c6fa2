"""Every view's ES module: a valid ES module, pure drawing apart from the page code, and no sentence of its own."""

from __future__ import annotations

import re
from importlib import resources

import pytest
import quickjs

from ce_lib.views import VIEWS
from ce_lib.views._base import DRAWING_PARTS

JS_FILES = sorted(p.name for p in resources.files("ce_lib.views").iterdir() if p.name.endswith(".js"))
#: Words a learner would read: two words of letters, one after the other, outside any markup.
WORDS = re.compile(r"(?<![\w<=/#-])[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,})+")
#: Literals that are code, not words for a learner: font names, and keys a view's state holds as values
#: (ce_lib.lines.LOSSES, Underflow's scales).
NOT_WORDS = re.compile(r"^(DejaVu Sans, .*sans-serif|CE Noto Sans CJK SC|squared error|powers of ten)$")


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_browser_module_is_a_valid_es_module(name):
    """Each module evaluates as an ES module: no name defined twice across its parts (a browser refuses that)."""
    quickjs.Context().module(VIEWS[name]._esm)


@pytest.mark.parametrize("part", [*DRAWING_PARTS, *sorted({p for cls in VIEWS.values() for p in cls.parts})])
def test_drawing_code_never_touches_the_page(part):
    """The parts the kernel runs to draw the stored picture use no document, window or element."""
    source = (resources.files("ce_lib.views") / f"{part}.js").read_text(encoding="utf-8")
    code = re.sub(r"//[^\n]*", "", source)
    assert not re.search(r"\b(document|window|HTMLElement|requestAnimationFrame|ResizeObserver)\b", code), part


def string_literals(source: str) -> list[str]:
    """Return the text of every string literal of JS source, and of every template between its ${...}."""
    texts, i, n = [], 0, len(source)
    while i < n:
        c = source[i]
        if source.startswith("//", i):
            i = source.find("\n", i)
            i = n if i < 0 else i
        elif source.startswith("/*", i):
            i = source.index("*/", i) + 2
        elif c == "/" and re.search(r"[(,=:\[!&|?{};]\s*$", source[max(0, i - 40) : i]):
            i = regex_end(source, i + 1)  # a regular expression literal: /.../flags
        elif c in "\"'":
            j, text = i + 1, ""
            while source[j] != c:
                text += source[j : j + 2] if source[j] == "\\" else source[j]
                j += 2 if source[j] == "\\" else 1
            texts.append(text)
            i = j + 1
        elif c == "`":
            i, text = template(source, i + 1, texts)
            texts.append(text)
        else:
            i += 1
    return texts


def regex_end(source: str, i: int) -> int:
    """Return where a regular expression literal that starts at ``i`` (after its /) ends."""
    in_class = False
    while source[i] != "/" or in_class:
        if source[i] == "\\":
            i += 1
        elif source[i] in "[]":
            in_class = source[i] == "["
        i += 1
    return i + 1


def template(source: str, i: int, texts: list[str]) -> tuple[int, str]:
    """Read a template literal from after its opening backtick: its text outside ${...}, nested ones too."""
    text = ""
    while source[i] != "`":
        if source.startswith("${", i):
            depth, i = 1, i + 2
            while depth:
                if source[i] == "`":
                    i, inner = template(source, i + 1, texts)
                    texts.append(inner)
                    continue
                if source[i] in "\"'":
                    quote, i = source[i], i + 1
                    while source[i] != quote:
                        i += 2 if source[i] == "\\" else 1
                depth += {"{": 1, "}": -1}.get(source[i], 0)
                i += 1
            text += " "
        else:
            text += source[i]
            i += 1
    return i + 1, text


@pytest.mark.parametrize("file", JS_FILES)
def test_js_holds_no_sentence_of_its_own(file):
    """Every word a learner reads comes from the catalogue: the JS holds keys and numbers, not sentences."""
    source = (resources.files("ce_lib.views") / file).read_text(encoding="utf-8")
    markup_free = [re.sub(r"<[^>]*>|[\w-]+=\"[^\"]*\"", " ", t) for t in string_literals(source)]
    sentences = [t for t in markup_free if WORDS.search(t) and not NOT_WORDS.match(t.strip())]
    assert sentences == [], f"{file} writes words of its own: {sentences[:5]}"
