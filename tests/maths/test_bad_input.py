"""Every class of bad input, for every public function: the right exception, a clear message."""

import pytest

import ce_lib

GOOD_P = [0.2, 0.8]
GOOD_Y = [1, 0]

# (call, argument the message must name, exception type, a word the message must contain)
CASES = {
    "p above 1": (lambda: ce_lib.cross_entropy(GOOD_Y, [0.2, 1.5]), "p", ValueError, "[0, 1]"),
    "p below 0": (lambda: ce_lib.product_of_probabilities([-0.1]), "p", ValueError, "[0, 1]"),
    "p nan": (lambda: ce_lib.sum_of_logs([0.5, float("nan")]), "p", ValueError, "nan"),
    "p inf": (lambda: ce_lib.point_errors([float("inf")]), "p", ValueError, "[0, 1]"),
    "labels outside [0, 1]": (lambda: ce_lib.cross_entropy([2, 0], GOOD_P), "y", ValueError, "labels"),
    "labels nan": (lambda: ce_lib.cross_entropy([float("nan"), 0], GOOD_P), "y", ValueError, "nan"),
    "mismatched shapes": (lambda: ce_lib.cross_entropy([1, 0, 1], GOOD_P), "y", ValueError, "same shape"),
    "mismatched logits": (lambda: ce_lib.cross_entropy_from_logits([1], [0.0, 1.0]), "z", ValueError, "same shape"),
    "ragged": (lambda: ce_lib.product_of_probabilities([[0.1], [0.2, 0.3]]), "p", ValueError, "rows"),
    "empty": (lambda: ce_lib.cross_entropy([], []), "y", ValueError, "empty"),
    "empty product": (lambda: ce_lib.product_of_probabilities([]), "p", ValueError, "empty"),
    "string": (lambda: ce_lib.sum_of_logs("0.5"), "p", TypeError, "text"),
    "string inside": (lambda: ce_lib.point_errors([0.5, "a"]), "p", TypeError, "text"),
    "None": (lambda: ce_lib.cross_entropy(GOOD_Y, None), "p", TypeError, "None"),
    "None inside": (lambda: ce_lib.entropy([0.5, None]), "p", TypeError, "None"),
    "complex": (lambda: ce_lib.sigmoid([1j]), "z", TypeError, "complex"),
    "logit inf": (lambda: ce_lib.cross_entropy_from_logits([1], [float("inf")]), "z", ValueError, "finite"),
    "unknown reduction": (
        lambda: ce_lib.cross_entropy(GOOD_Y, GOOD_P, reduction="avg"),
        "reduction",
        ValueError,
        "sum",
    ),
    "reduction not text": (lambda: ce_lib.cross_entropy(GOOD_Y, GOOD_P, reduction=None), "reduction", TypeError, "sum"),
    "bad base": (lambda: ce_lib.entropy([0.5, 0.5], base=1), "base", ValueError, "other than 1"),
    "base not a number": (lambda: ce_lib.sum_of_logs([0.5], base="2"), "base", TypeError, "number"),
    "negative distribution": (lambda: ce_lib.entropy([1.5, -0.5]), "p", ValueError, "[0, 1]"),
    "distribution not summing to 1": (
        lambda: ce_lib.kl_divergence([0.5, 0.5], [0.5, 0.4]),
        "q",
        ValueError,
        "sum to 1",
    ),
    "distribution rows": (
        lambda: ce_lib.general_cross_entropy([[0.5, 0.5], [0.2, 0.2]], [[0.5, 0.5]] * 2),
        "p",
        ValueError,
        "row 1",
    ),
    "distribution shapes": (lambda: ce_lib.kl_divergence([0.5, 0.5], [0.2, 0.3, 0.5]), "q", ValueError, "same shape"),
    "too many doors": (lambda: ce_lib.outcome_table([0.5] * 17), "p", ValueError, "at most"),
    "doors not 1-D": (lambda: ce_lib.outcome_table([[0.5, 0.5]]), "p", ValueError, "1-D"),
    "dict": (lambda: ce_lib.cross_entropy({"a": 1}, GOOD_P), "y", TypeError, "numbers"),
    "negative perplexity": (lambda: ce_lib.perplexity(-0.5), "mean_cross_entropy", ValueError, ">= 0"),
    "nan perplexity": (lambda: ce_lib.perplexity(float("nan")), "mean_cross_entropy", ValueError, ">= 0"),
    "perplexity of text": (lambda: ce_lib.perplexity("1.2"), "mean_cross_entropy", TypeError, "text"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_raises_a_clear_error(case):
    call, argument, error_type, word = CASES[case]
    with pytest.raises(error_type) as raised:
        call()
    message = str(raised.value)
    assert message.startswith(argument + " ") or f" {argument} " in message, message
    assert word in message, message
    assert type(raised.value) is error_type


def test_format_number_names_its_bad_argument():
    from ce_lib.formatting import format_number

    with pytest.raises(TypeError, match="value"):
        format_number("4.78")
    with pytest.raises(ValueError, match="digits"):
        format_number(4.78, digits=0)


def test_fractions_and_numpy_scalars_are_numbers():
    from fractions import Fraction

    import numpy as np

    assert ce_lib.product_of_probabilities([Fraction(1, 2), np.float32(0.5)]) == 0.25
    assert ce_lib.cross_entropy([True, False], [1.0, 0.0]) == 0.0
