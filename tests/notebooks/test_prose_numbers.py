"""Every number the prose states is ce_lib's: one of the story's numbers, to the digits it shows.

The notebooks write their numbers out, in every language; each decimal number in a notebook's
markdown (the generated header and glossary aside) must print as one of ``tools.story_numbers``'s,
all computed from the story by ce_lib. Exercise numbers (``02.4``) are names, not numbers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ce_lib import words
from tools.contents import NOTEBOOKS
from tools.notebooks import notebook_folder
from tools.story_numbers import matches, story_numbers

NUMBER = re.compile(r"(?<![\w.·])[−-]?\d+\.\d+(?![\d.])")
EXERCISE = re.compile(r"\b0\d\.\d\b")  # an exercise's name, 02.4: never a number of the story
GENERATED = {"navigation-header", "navigation-footer", "glossary"}
PATHS = [notebook_folder(language) / n.file for language in words.LANGUAGES for n in NOTEBOOKS]


def prose(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    texts = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"
             and not GENERATED & set(c["metadata"].get("tags", []))]  # fmt: skip
    return EXERCISE.sub(" ", "\n".join(texts))


@pytest.mark.parametrize("path", PATHS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_every_number_in_the_prose_is_one_ce_lib_computes(path):
    if not path.exists():
        pytest.fail(f"{path.name} is not built: python tools/notebooks.py")
    numbers = story_numbers().values()
    unknown = sorted({n for n in NUMBER.findall(prose(path)) if not any(matches(n, v) for v in numbers)})
    assert unknown == [], f"numbers in the prose that ce_lib does not compute from the story: {unknown}"
