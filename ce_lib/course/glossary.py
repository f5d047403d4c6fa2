"""Every term the series defines, where it is defined, and how to spot it in a notebook.

Each notebook shows the terms it introduces in a "Words to know" box written from this table
(tools/navigation.py), and a test checks that the first notebook using a term is the one that
defines it: no term is used before it is explained.

Examples
--------
>>> TERMS["logit"].notebook
'06'
>>> [t.name for t in terms_defined_in("01")]
['likelihood', 'maximum likelihood', 'underflow']
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """A term: its name, a one-sentence definition, the notebook that defines it, a pattern for its uses."""

    name: str
    definition: str
    notebook: str
    pattern: str

    def used_in(self, text: str) -> bool:
        """Tell whether ``text`` uses the term (case-insensitive)."""
        return re.search(self.pattern, text, flags=re.IGNORECASE) is not None


_TERMS = (
    Term("cross-entropy", "a score of how surprised a model is by the labels we actually observed: "
         "the negative log of the probability it gave them; lower is better.", "00", r"cross[- ]entropy"),
    Term("sharpness", "how fast a line's probability of red changes as you move away from it: the signed "
         "distance to the line is multiplied by it.", "00", r"\bsharp(ness|er)?\b"),
    Term("likelihood", "the probability a model gives the data we observed: for independent points, "
         "the product of the probabilities it gives each point's true label.", "01", r"\blikelihood\b"),
    Term("maximum likelihood", "choosing, among models, the one with the largest likelihood.", "01",
         r"maximum[- ]likelihood"),
    Term("underflow", "a number too small for the computer (float64 stops near 4.9 × 10⁻³²⁴) "
         "becoming exactly 0.0.", "01", r"\bunderflow"),
    Term("nats and bits", "the units of a log score: with the natural log ln it is in nats, with log₂ "
         "in bits (1 bit = ln 2 ≈ 0.693 nats).", "02", r"\b(nats?|bits)\b"),
    Term("negative log-likelihood", "minus the log of the likelihood: the cross-entropy of the labels under "
         "the model (PyTorch calls its losses NLLLoss and BCELoss).", "03", r"negative log[- ]likelihood|NLLLoss"),
    Term("accuracy", "the share of points a model classifies right (gives at least 0.5 for their true label); "
         "it ignores how confident the model is.", "03", r"\baccuracy\b"),
    Term("soft label", "a label between 0 and 1, such as y = 0.5: the truth itself is uncertain.", "05",
         r"soft[- ]labels?"),
    Term("one-hot", "a true distribution that puts probability 1 on the true class and 0 on every other.",
         "05", r"one[- ]hot"),
    Term("logit", "a score z that can be any number; the sigmoid (two classes) or softmax (many) turns it "
         "into a probability. On a line, it is the signed distance times the sharpness.", "06", r"\blogits?\b"),
    Term("sigmoid", "σ(z) = 1 / (1 + e⁻ᶻ): turns a logit into a probability between 0 and 1.", "06",
         r"\bsigmoid\b"),
    Term("softmax", "turns one logit per class into probabilities that sum to 1: each class gets the exponential "
         "of its logit divided by the sum of all the exponentials.", "06",
         r"\bsoftmax\b"),
    Term("entropy", "H(p) = −Σ p ln p: the cross-entropy of the truth with itself, the cost of the truth's "
         "own uncertainty.", "06", r"(?<!cross-)(?<!cross )\bentropy\b"),
    Term("KL divergence", "KL(p‖q) = Σ p ln(p/q): the extra cost of predicting q when the truth is p; "
         "H(p, q) = H(p) + KL(p‖q).", "06", r"\bKL\b|kullback"),
    Term("softplus", "softplus(x) = ln(1 + eˣ): the stable way to compute −ln σ(−x) from a logit.", "06",
         r"\bsoftplus\b"),
    Term("gradient descent", "improving a model by taking small steps against the gradient (the slope) "
         "of its loss.", "07", r"gradient descent"),
    Term("learning rate", "how big a step gradient descent takes: the slope is multiplied by it.", "07",
         r"learning[ _]rate"),
)

#: Every term, by name.
TERMS: dict[str, Term] = {term.name: term for term in _TERMS}


def terms_defined_in(number: str) -> list[Term]:
    """Return the terms notebook ``number`` (e.g. ``"06"``) defines, in the glossary's order."""
    return [term for term in _TERMS if term.notebook == number]
