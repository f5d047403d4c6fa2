"""Independent, 50-digit reference implementations (mpmath) to check ce_lib against."""

import mpmath

mpmath.mp.dps = 50


def cross_entropy(y, p) -> float:
    """-sum[y ln p + (1 - y) ln(1 - p)] in 50-digit arithmetic; 0 ln 0 = 0."""
    total = mpmath.mpf(0)
    for label, prob in zip(y, p, strict=True):
        label, prob = mpmath.mpf(float(label)), mpmath.mpf(float(prob))
        if label != 0:
            total -= label * mpmath.log(prob) if prob != 0 else -mpmath.inf
        if label != 1:
            total -= (1 - label) * mpmath.log1p(-prob) if prob != 1 else -mpmath.inf
    return float(total)


def cross_entropy_from_logits(y, z) -> float:
    """The same with p = sigmoid(z), evaluated exactly enough for any finite z."""
    total = mpmath.mpf(0)
    for label, logit in zip(y, z, strict=True):
        label, logit = mpmath.mpf(float(label)), mpmath.mpf(float(logit))
        total += label * mpmath.log1p(mpmath.exp(-logit)) + (1 - label) * mpmath.log1p(mpmath.exp(logit))
    return float(total)


def kl_divergence(p, q) -> float:
    total = mpmath.mpf(0)
    for a, b in zip(p, q, strict=True):
        a, b = mpmath.mpf(float(a)), mpmath.mpf(float(b))
        if a > 0:
            total += a * mpmath.log(a / b)
    return float(total)
