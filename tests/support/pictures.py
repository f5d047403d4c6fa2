"""What a view's stored picture (its SVG markup) says, and what its drawing code computes, read without a browser."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable

from ce_lib.views._base import drawing_source

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(markup: str, title: bool = False) -> list[str]:
    """Return every text of an SVG picture in the order it is drawn (its title too, first, if ``title``)."""
    tags = {f"{SVG}text", f"{SVG}title"} if title else {f"{SVG}text"}
    return [element.text or "" for element in ElementTree.fromstring(markup).iter() if element.tag in tags]


def stated(markup: str, ordered: bool = False) -> list[str]:
    """Return the texts a picture marks as its stated numbers and names (class ce-label), sorted or in order."""
    root = ElementTree.fromstring(markup)
    texts = ["".join(e.itertext()) for e in root.iter(f"{SVG}text") if "ce-label" in (e.get("class") or "").split()]
    return texts if ordered else sorted(texts)


def drawing_code(parts: Iterable[str], expression: str):  # type: ignore[no-untyped-def]
    """Return what ``expression`` gives in a view's drawing code (its ``parts``), run in QuickJS as for its picture."""
    import quickjs

    context = quickjs.Context()
    context.eval(drawing_source(tuple(parts)))
    return json.loads(context.eval(f"JSON.stringify({expression})"))
