"""The layers a newcomer sees: the maths imports numpy only; the views and the tooling sit apart."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("matplotlib", "ipywidgets", "anywidget", "traitlets", "IPython", "nbformat")


def imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(shown.stdout.split())


def test_import_ce_lib_imports_numpy_and_nothing_heavy():
    loaded = imported_after("import ce_lib")
    assert "numpy" in loaded
    assert not loaded & set(HEAVY), f"import ce_lib pulled in {sorted(loaded & set(HEAVY))}"


def test_the_course_data_is_maths_only_too():
    loaded = imported_after("import ce_lib.course.story, ce_lib.course.exercises")
    assert not loaded & set(HEAVY)


def test_views_are_the_layer_that_draws_and_draw_without_matplotlib():
    loaded = imported_after("import ce_lib.views")
    assert "anywidget" in loaded and "matplotlib" not in loaded
    drawn = imported_after("import ce_lib.views; ce_lib.views.ModelComparison().png()")
    assert {"quickjs", "resvg_py", "PIL"} <= drawn and "matplotlib" not in drawn


def test_the_tooling_lives_outside_the_package():
    assert not (ROOT / "ce_lib" / "site.py").exists() and not (ROOT / "ce_lib" / "course.py").exists()
    assert (ROOT / "tools" / "navigation.py").exists() and (ROOT / "tools" / "site.py").exists()
    for module in (ROOT / "ce_lib").rglob("*.py"):
        assert "__file__" not in module.read_text(encoding="utf-8"), f"{module} finds files through __file__"
