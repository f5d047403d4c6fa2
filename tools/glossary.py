"""Every term the series defines, the notebook that defines it, and how to spot it in English prose.

Each notebook shows the terms it introduces in a "Words to know" box written from this table
and the catalogue (``glossary.<term>.name`` and ``.definition`` in ``ce_lib/words``), by
:mod:`tools.navigation`; a test checks that the first notebook using a term is the one that
defines it: no term is used before it is explained.

Examples
--------
>>> TERMS["logit"].notebook
'06'
>>> [t.name("en") for t in terms_defined_in("01")]
['likelihood', 'maximum likelihood', 'underflow']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ce_lib import words


@dataclass(frozen=True)
class Term:
    """A term: its key in the catalogue, the notebook that defines it, a pattern for its uses in English."""

    key: str
    notebook: str
    pattern: str

    def name(self, language: str | None = None) -> str:
        """Return the term as a learner reads it in ``language``."""
        return words.say(f"glossary.{self.key}.name", language=language)

    def definition(self, language: str | None = None) -> str:
        """Return the term's one-sentence definition in ``language``."""
        return words.say(f"glossary.{self.key}.definition", language=language)

    def used_in(self, text: str) -> bool:
        """Tell whether English ``text`` uses the term (case-insensitive)."""
        return re.search(self.pattern, text, flags=re.IGNORECASE) is not None


_TERMS = (
    Term("cross_entropy", "00", r"cross[- ]entropy"),
    Term("sharpness", "00", r"\bsharp(ness|er)?\b"),
    Term("likelihood", "01", r"\blikelihood\b"),
    Term("maximum_likelihood", "01", r"maximum[- ]likelihood"),
    Term("underflow", "01", r"\bunderflow"),
    Term("surprise", "02", r"\bsurprise\b"),
    Term("nats_and_bits", "02", r"\b(nats?|bits)\b"),
    Term("negative_log_likelihood", "03", r"negative log[- ]likelihood|NLLLoss"),
    Term("accuracy", "03", r"\baccuracy\b"),
    Term("soft_label", "05", r"soft[- ]labels?"),
    Term("one_hot", "05", r"one[- ]hot"),
    Term("proper_scoring_rule", "05", r"proper scoring rule"),
    Term("logit", "06", r"\blogits?\b"),
    Term("sigmoid", "06", r"\bsigmoid\b"),
    Term("softmax", "06", r"\bsoftmax\b"),
    Term("entropy", "04", r"(?<!cross-)(?<!cross )\bentropy\b"),
    Term("kl_divergence", "04", r"\bKL\b|kullback"),
    Term("softplus", "06", r"\bsoftplus\b"),
    Term("perplexity", "06", r"\bperplexity\b"),
    Term("gradient_descent", "07", r"gradient descent"),
    Term("learning_rate", "07", r"learning[ _]rate"),
)

#: Every term, by its English name.
TERMS: dict[str, Term] = {term.name("en"): term for term in _TERMS}


def terms_defined_in(number: str) -> list[Term]:
    """Return the terms notebook ``number`` (e.g. ``"06"``) defines, in the glossary's order."""
    return [term for term in _TERMS if term.notebook == number]
