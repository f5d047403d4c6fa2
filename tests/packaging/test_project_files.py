"""The project's set-up files agree with each other, and the code is ruff clean."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def requirement(text: str) -> tuple[str, str]:
    """Split 'name>=1.2' into a normalised (name, lower bound)."""
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(?:>=\s*([0-9][^,;\s]*))?.*", text)
    assert match, f"cannot read the requirement {text!r}"
    return re.sub(r"[-_.]+", "-", match[1]).lower(), match[2] or ""


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_environment_yml_names_the_runtime_and_lab_packages_with_the_same_bounds():
    project = pyproject()["project"]
    declared = project["dependencies"] + project["optional-dependencies"]["lab"]
    wanted = {requirement(text) for text in declared if not text.startswith("ce-lib")}
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = {
        requirement(item)
        for item in environment["dependencies"]
        if isinstance(item, str) and requirement(item)[0] not in {"python", "pip"}
    }
    pip_section = next(item["pip"] for item in environment["dependencies"] if isinstance(item, dict))
    from_pypi = {requirement(item) for item in pip_section if item != "-e ."}
    assert conda | from_pypi == wanted and not conda & from_pypi
    assert "conda-forge" in environment["channels"]
    assert "-e ." in pip_section, "Binder must install the project so `import ce_lib` works anywhere"


def test_python_versions_agree():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert "python>=3.11" in environment["dependencies"]
    assert pyproject()["project"]["requires-python"] == ">=3.11"


def readme_command(heading: str) -> str:
    """Return the first shell command in the README's code block after ``heading``."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(heading, 1)[1]
    return re.search(r"```(?:bash|sh)\n(.+?)\n```", section, re.S)[1].strip()


def test_ci_runs_exactly_the_readme_test_command():
    command = readme_command("### Run every test")
    ci_script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci_script.splitlines()
    assert "rm -rf .venv" in ci_script, "CI must start from a fresh virtual environment"


def test_readme_open_command_opens_the_start_notebook():
    command = readme_command("### Open the notebooks")
    assert command.endswith("notebooks/00_start_here.ipynb")
    assert (ROOT / "notebooks" / "00_start_here.ipynb").exists()


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
