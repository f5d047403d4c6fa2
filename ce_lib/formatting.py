"""How numbers are shown to a learner: inf as the symbol, tiny numbers without losing them."""

from __future__ import annotations

import math
import numbers


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
    _check_count(digits, "digits", 1)
    special = _special(value)
    if special is not None:
        return special
    if value == 0.0:
        return "0"
    return f"{value:.{digits}g}".replace("-", "−")


def format_fixed(value: float, decimals: int) -> str:
    """Return ``value`` with exactly ``decimals`` decimals, for a column of a table: ``"∞"`` for inf.

    Parameters
    ----------
    value : float
        The number to show.
    decimals : int
        Digits after the decimal point (0 or more).

    Returns
    -------
    str
        For example ``"0.504"``, ``"3.730"`` or ``"∞"``.

    Examples
    --------
    >>> format_fixed(0.6852, 3), format_fixed(3.7297, 3), format_fixed(float("inf"), 3)
    ('0.685', '3.730', '∞')
    """
    _check_count(decimals, "decimals", 0)
    special = _special(value)
    if special is not None:
        return special
    return f"{value + 0.0:.{decimals}f}".replace("-", "−")


def _special(value: float) -> str | None:
    """Return how ``value`` is shown if it is nan or infinite (None for an ordinary number)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"value must be a real number, got {value!r}")
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return None


def _check_count(count: int, name: str, least: int) -> None:
    """Raise ``ValueError`` unless ``count`` is a whole number of at least ``least``."""
    if isinstance(count, bool) or not isinstance(count, numbers.Integral) or count < least:
        raise ValueError(f"{name} must be a whole number >= {least}, got {count!r}")
