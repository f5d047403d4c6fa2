"""Softmax (notebook 06): driven from Python (every number is ce_lib's).

What every view shares (names, keyboard, live readout and labels, stored picture, a phone) is in test_every_view.py.
"""

import html
import math
import random
import re

import numpy as np
import pytest

import ce_lib
from ce_lib.formatting import format_number
from ce_lib.views import Softmax
from ce_lib.views.softmax import CLASS_LOGITS

from ..support.pictures import stated

#: Logits at the sliders' ends and between: the extreme states of the figure.
EXTREMES = [(-6.0, 6.0, 6.0), (6.0, -6.0, -6.0), (-6.0, -6.0, 6.0), (6.0, 6.0, 6.0), (0.0, 0.0, -6.0)]


def softmax_readout(logits, k):
    q = ce_lib.softmax(logits)
    loss = ce_lib.cross_entropy_from_class_logits(k - 1, logits)
    return (
        f"q = softmax(z) = [{', '.join(format_number(float(v), 3) for v in q)}] · true class {k}: "
        f"cross-entropy = −ln q{k} = {format_number(loss)}"
    )


def set_up(logits, k: int = 1) -> Softmax:
    view = Softmax()
    for i, value in enumerate(logits, start=1):
        view.set_logit(i, value)
    view.set_true_class(k)
    return view


def expected_labels(view: Softmax) -> list[str]:
    """The texts the figure must state: its title (the loss) and each bar's q, all by ce_lib."""
    return sorted([view.title(), *(format_number(float(v), 3) for v in view.probabilities())])


def test_softmax_readout_is_ce_libs_numbers():
    view = Softmax()
    assert view.logits == list(CLASS_LOGITS) and view.true_class == 1
    assert view.describe() == softmax_readout(CLASS_LOGITS, 1)
    assert view.describe() == "q = softmax(z) = [0.659, 0.242, 0.0986] · true class 1: cross-entropy = −ln q1 = 0.417"
    view.set_logit(2, 3.5)
    view.set_true_class(3)
    assert view.logits == [2.0, 3.5, 0.1]
    assert view.describe() == softmax_readout([2.0, 3.5, 0.1], 3)
    assert view.loss() == ce_lib.cross_entropy_from_class_logits(2, [2.0, 3.5, 0.1])
    assert view.title() == f"True class 3: loss −ln q3 = {format_number(view.loss())}"
    assert view.readout == {"text": view.describe(), "revision": view.revision}


def test_softmax_sliders_at_their_ends_stay_finite():
    with np.errstate(all="raise"):
        view = set_up((-6.0, 6.0, 6.0))
        picture = view.svg()
    assert view.describe() == softmax_readout([-6.0, 6.0, 6.0], 1)
    assert math.isfinite(view.loss()) and "nan" not in view.describe() and "nan" not in picture.lower()
    assert stated(picture) == expected_labels(view)


@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.parametrize("logits", [CLASS_LOGITS, *EXTREMES])
def test_softmax_picture_states_ce_libs_numbers(logits, k):
    """The title (on a phone, on two lines) states ce_lib's loss; each bar, in class order, ce_lib's q."""
    view = set_up(logits, k)
    bars = [format_number(float(v), 3) for v in view.probabilities()]
    for width in (960, 375):
        texts = stated(view.svg(width), ordered=True)
        assert texts[-3:] == bars
        assert " ".join(texts[:-3]) == view.title()


def test_the_picture_states_ce_libs_numbers_for_random_settings():
    """Thirty random moves, one after another, as a learner makes them: a logit, or now and then the true class."""
    view = Softmax()
    rng = random.Random("softmax")
    for _ in range(30):
        k = rng.randrange(1, 4)
        if rng.random() < 0.25:
            view.set_true_class(k)
        else:
            view.set_logit(k, rng.choice([-6.0, 6.0, round(rng.uniform(-6, 6), 1)]))
        assert view.describe() == softmax_readout(view.logits, view.true_class)
        assert stated(view.svg()) == expected_labels(view), (view.logits, view.true_class)


def test_every_word_comes_from_the_catalogue():
    """Mark every word of the view's catalogue: every text of the figure with a letter in it is marked."""
    view = set_up((1.0, 2.0, -1.0), 2)
    view.words = {key: "§" + words for key, words in view.words.items()}
    picture = view.svg()
    texts = [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", picture)]
    assert [t for t in texts if re.search("[A-Za-z]", t) and "§" not in t] == []
    assert view.describe().startswith("§") and 'aria-label="§' in picture
