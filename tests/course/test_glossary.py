"""Define before use: the first notebook that uses a term is the one that defines it."""

import json
from pathlib import Path

import pytest

from tools.contents import NOTEBOOKS
from tools.glossary import TERMS
from tools.navigation import GENERATED_TAGS

ROOT = Path(__file__).resolve().parents[2]


def written_text(file: str) -> str:
    """Return what a learner reads in a notebook: its markdown and code, generated cells left out."""
    cells = json.loads((ROOT / "notebooks" / file).read_text(encoding="utf-8"))["cells"]
    kept = [c for c in cells if not GENERATED_TAGS & set(c["metadata"].get("tags", []))]
    return "\n".join("".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in kept)


def boxes(file: str) -> str:
    cells = json.loads((ROOT / "notebooks" / file).read_text(encoding="utf-8"))["cells"]
    return "\n".join(c["source"] if isinstance(c["source"], str) else "".join(c["source"])
                     for c in cells if "glossary" in c["metadata"].get("tags", []))  # fmt: skip


@pytest.mark.parametrize("term", list(TERMS.values()), ids=lambda t: t.name)
def test_the_first_notebook_using_a_term_defines_it(term):
    first = next((n for n in NOTEBOOKS if term.used_in(written_text(n.file))), None)
    assert first is not None, f"no notebook uses {term.name!r}: drop it from the glossary"
    assert first.number == term.notebook, f"{term.name!r} is first used in {first.file}, defined in {term.notebook}"
    assert f"**{term.name}**" in boxes(first.file), f"{first.file}'s Words to know box lacks {term.name!r}"
    assert f"**{term.name}**".lower() in written_text(first.file).lower() or term.name == "nats and bits", (
        f"{first.file} uses {term.name!r} but never explains it in its own words (bold where it is introduced)"
    )


def test_every_issue_term_is_in_the_glossary():
    wanted = {"soft label", "one-hot", "logit", "KL divergence", "softplus", "nats and bits", "sigmoid", "softmax",
              "likelihood", "maximum likelihood", "negative log-likelihood"}  # fmt: skip
    assert wanted <= set(TERMS)
