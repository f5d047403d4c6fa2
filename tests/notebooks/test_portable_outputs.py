"""What a notebook stores is the same on every machine: no stored output depends on a float's last bits.

Another CPU, BLAS kernel or SIMD path computes the last bits of a float differently. So every
number a view stores is rounded to ``PORTABLE_DIGITS`` significant digits, the maths the
notebooks store avoids BLAS, and this file proves it the hard way: it runs every notebook under
nbval again in a second numeric set-up (OpenBLAS's oldest x86-64 kernels, NumPy's AVX-512 paths
switched off) and first shows that this set-up really computes the unrounded numbers differently
on this machine.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ce_lib.views._state import PORTABLE_DIGITS

ROOT = Path(__file__).resolve().parents[2]
# The English edition: the Chinese one runs the very same code cells (a test checks), so its numbers
# are these; only its words differ.
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

#: A probe of the machine's numeric paths: BLAS (matrix-vector and matrix products, a LAPACK
#: solve), NumPy's exp and log, and notebook 07's unrounded gradient-descent path (the numbers
#: that once differed in the stored outputs).
PROBE = """
import json, numpy as np
from ce_lib.course import story
values = np.linspace(0.001, 7.0, 4099)
matrix = np.sin(np.arange(64 * 64).reshape(64, 64)) + np.eye(64)
vector = np.cos(np.arange(64.0))
blas = (matrix @ vector).tolist() + (matrix @ matrix).ravel().tolist() + np.linalg.solve(matrix, vector).tolist()
path = story.descent()
print(json.dumps({"blas": blas, "exp": np.exp(-values).tolist(), "log": np.log(values).tolist(),
                  "descent": path.weights.ravel().tolist() + path.cross_entropies.tolist()}))
"""


def simd_features_to_disable() -> list[str]:
    """Return the AVX-512 SIMD targets NumPy found on this machine (the ones it would dispatch to)."""
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__

    return [name for name in __cpu_dispatch__ if __cpu_features__.get(name) and ("512" in name or name == "X86_V4")]


def second_numeric_setup() -> dict[str, str]:
    """Return the environment of the second set-up: other BLAS kernels, and no AVX-512 in NumPy."""
    machine = platform.machine().lower()
    environment = dict(os.environ)
    environment["OPENBLAS_CORETYPE"] = "Prescott" if machine in ("x86_64", "amd64") else "ARMV8"
    disabled = simd_features_to_disable()
    if disabled:
        environment["NPY_DISABLE_CPU_FEATURES"] = " ".join(disabled)
    return environment


def probe(environment: dict[str, str] | None = None) -> dict[str, list[float]]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stderr == "", result.stderr
    return json.loads(result.stdout)


def significant_digits(value: float) -> int:
    mantissa = repr(abs(value)).split("e")[0].replace(".", "").lstrip("0").rstrip("0")
    return len(mantissa)


def stored_floats(notebook: Path):
    """Yield (cell number, float) for every float in the notebook's stored JSON outputs."""

    def floats(item):
        if isinstance(item, float):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from floats(value)
        elif isinstance(item, list):
            for value in item:
                yield from floats(value)

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for number, cell in enumerate(cells):
        for output in cell.get("outputs", []):
            for data in output.get("data", {}).values():
                if isinstance(data, (dict, list)):
                    for value in floats(data):
                        yield number, value


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_no_stored_number_carries_more_digits_than_every_machine_agrees_on(notebook):
    long = [(cell, value) for cell, value in stored_floats(notebook) if significant_digits(value) > PORTABLE_DIGITS]
    assert long == [], f"{len(long)} stored floats carry more than {PORTABLE_DIGITS} digits, e.g. {long[:3]}"


def test_the_second_numeric_setup_really_computes_differently_here():
    here, there = probe(), probe(second_numeric_setup())
    changed = {
        part: sum(a != b for a, b in zip(here[part], there[part], strict=True)) for part in here
    }  # fmt: skip
    print(f"\nvalues the second numeric set-up computes differently: {changed}")
    assert changed["blas"] + changed["exp"] + changed["log"] > 0, (
        "the second set-up computes every probe value exactly as the first: it would prove nothing"
    )
    # The unrounded numbers differ, but never by more than the digits the notebooks throw away.
    for a, b in zip(here["descent"], there["descent"], strict=True):
        assert float(f"{a:.{PORTABLE_DIGITS}g}") == float(f"{b:.{PORTABLE_DIGITS}g}")
    assert np.allclose(here["descent"], there["descent"], rtol=1e-12, atol=1e-15)


def test_every_notebook_passes_nbval_in_the_second_numeric_setup():
    """The stored outputs, computed on the machine that stored them, match what this other set-up computes."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env",
         "--nbval-sanitize-with=tests/nbval_sanitize.cfg", *(str(p.relative_to(ROOT)) for p in NOTEBOOKS)],
        env=second_numeric_setup(), cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
