"""What a view's state may hold: numbers that read the same on every machine, and values its controls allow.

Two rules, one place (the ES module's ``stateRefusal`` in ``_shared.js`` applies the second in the page):

* **Portable.** The data a view draws from and stores in the notebook (its geometry, a
  precomputed path) is rounded to :data:`PORTABLE_DIGITS` significant digits. Another CPU or
  BLAS kernel computes the last bits of a float differently; ten digits are far more than any
  figure or readout shows, and far fewer than any machine disagrees on, so what a notebook stores
  is the same everywhere.
* **Drawable.** A value a control sets must be one that control could set: a finite number in
  the slider's range, one of a choice's options, a true/false for a toggle, and a list has
  exactly one entry per control that sets it. Anything else is refused with :class:`StateError`, which names the key and
  the problem, and the state stays as it was.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import traitlets

#: Significant digits kept in a view's stored data.
PORTABLE_DIGITS = 10


class StateError(traitlets.TraitError, ValueError):
    """A value a view cannot draw: wrong length, outside its control's range, nan, or not a number."""


def portable(value: Any, digits: int = PORTABLE_DIGITS) -> Any:
    """Return ``value`` with every float in it rounded to ``digits`` significant digits.

    Lists, tuples and dicts are rounded item by item; other values are returned unchanged.

    Examples
    --------
    >>> portable({"B": 1.1960046346767592, "path": [[0.1 + 0.2, 2.5]], "step": 76})
    {'B': 1.196004635, 'path': [[0.3, 2.5]], 'step': 76}
    """
    if isinstance(value, float):
        return float(f"{value:.{digits}g}") if math.isfinite(value) else value
    if isinstance(value, Mapping):
        return {key: portable(item, digits) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [portable(item, digits) for item in value]
    return value


def _number(value: Any) -> float | None:
    """Return ``value`` as a float if it is a real number (not a bool), else None."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    return float(value)


def _check_entry(spec: Mapping[str, Any], value: Any, where: str) -> None:
    """Raise :class:`StateError` unless ``value`` is one the control ``spec`` could set."""
    kind = spec["kind"]
    if kind == "toggle":
        if not isinstance(value, bool):
            raise StateError(f"{where} must be True or False, got {value!r}")
        return
    if kind == "choice":
        if value not in [option for _, option in spec["options"]]:
            allowed = ", ".join(repr(option) for _, option in spec["options"])
            raise StateError(f"{where} must be one of {allowed}, got {value!r}")
        return
    number = _number(value)
    if number is None:
        raise StateError(f"{where} must be a number, got {value!r}")
    if math.isnan(number):
        raise StateError(f"{where} must be a number, got nan")
    if kind == "log-range":
        low, high = 10.0 ** spec["min_exponent"], 10.0 ** spec["max_exponent"]
    else:
        low, high = spec["min"], spec["max"]
    if not low <= number <= high:
        raise StateError(f"{where} must be from {low:g} to {high:g}, got {number:g}")


def check_state_value(controls: Sequence[Mapping[str, Any]], key: str, value: Any) -> None:
    """Raise :class:`StateError` unless ``value`` is a state the controls of ``key`` could have set.

    Parameters
    ----------
    controls : sequence of dict
        The view's control specs (``Control.spec()``).
    key : str
        The state key being set.
    value : object
        The proposed value.

    Examples
    --------
    >>> specs = [{"kind": "range", "key": "p", "index": i, "min": 0, "max": 1} for i in range(2)]
    >>> check_state_value(specs, "p", [0.5, 1.0])
    >>> check_state_value(specs, "p", [0.5])
    Traceback (most recent call last):
    ...
    ce_lib.views._state.StateError: p must be a list of 2 values, got 1
    """
    specs = [spec for spec in controls if spec["key"] == key]
    indexed = [spec for spec in specs if spec.get("index") is not None]
    if not indexed:
        for spec in specs:
            _check_entry(spec, value, key)
        return
    if not isinstance(value, (list, tuple)):
        raise StateError(f"{key} must be a list of numbers, got {value!r}")
    length = 1 + max(spec["index"] for spec in indexed)
    if len(value) != length:
        raise StateError(f"{key} must be a list of {length} values, got {len(value)}")
    for spec in indexed:
        _check_entry(spec, value[spec["index"]], f"{key}[{spec['index']}]")
