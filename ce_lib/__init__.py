"""ce_lib: the exact, validated mathematics behind *Cross-Entropy, Step by Step*.

The notebooks, the tests and the exercises all call these names. Natural logs
throughout (``base=2`` gives bits).

Examples
--------
>>> import ce_lib
>>> round(ce_lib.cross_entropy([1, 1, 1, 1], [0.6, 0.2, 0.1, 0.7]), 4)  # model A
4.7795
"""

from ce_lib.binary import accuracy, cross_entropy
from ce_lib.distributions import entropy, general_cross_entropy, kl_divergence, perplexity
from ce_lib.logits import cross_entropy_from_logits, logit, sigmoid
from ce_lib.multiclass import categorical_cross_entropy, cross_entropy_from_class_logits, log_softmax, softmax
from ce_lib.outcomes import Outcome, OutcomeTable, outcome_table
from ce_lib.probability import point_errors, product_of_probabilities, sum_of_logs

__version__ = "1.0.0"

__all__ = [
    "Outcome",
    "OutcomeTable",
    "accuracy",
    "categorical_cross_entropy",
    "cross_entropy",
    "cross_entropy_from_class_logits",
    "cross_entropy_from_logits",
    "entropy",
    "general_cross_entropy",
    "kl_divergence",
    "log_softmax",
    "logit",
    "outcome_table",
    "perplexity",
    "point_errors",
    "product_of_probabilities",
    "sigmoid",
    "softmax",
    "sum_of_logs",
]
