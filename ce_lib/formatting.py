"""How numbers are shown to a learner: inf as the symbol, tiny numbers without losing them."""

from __future__ import annotations

import math


def format_number(value: float, digits: int = 4) -> str:
    """Return ``value`` as short text for a label: ``"∞"`` for inf, ``"0"`` for exact zero.

    Parameters
    ----------
    value : float
        The number to show.
    digits : int, default 4
        Significant digits.

    Returns
    -------
    str
        For example ``"0.0084"``, ``"4.78"``, ``"1.25e−300"``, ``"∞"`` or ``"0"``.

    Examples
    --------
    >>> format_number(float("inf")), format_number(0.0), format_number(4.779523)
    ('∞', '0', '4.78')
    """
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == 0.0:
        return "0"
    return f"{value:.{digits}g}".replace("-", "−")
