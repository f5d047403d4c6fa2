"""The numbers the notebooks' prose states, computed from the story by ce_lib: ``{{ name }}`` in a source.

A notebook's source writes ``model A's cross-entropy is {{ A.cross_entropy }}`` rather than typing
4.78, so the prose can never disagree with the story or with what the code cells print, in any
language (a translation keeps the ``{{ name }}``).

Examples
--------
>>> story_numbers()["A.cross_entropy"]
'4.78'
"""

from __future__ import annotations

import functools

import numpy as np

from ce_lib import cross_entropy
from ce_lib.course import story
from ce_lib.formatting import format_number


@functools.cache
def story_numbers() -> dict[str, str]:
    """Return every number the prose may state, by name, as the prose prints it."""
    numbers: dict[str, str] = {}
    for model in story.MODELS:
        ones = np.ones(len(model.probabilities))
        numbers[f"{model.name}.cross_entropy"] = format_number(cross_entropy(ones, model.probabilities), 3)
    return numbers
