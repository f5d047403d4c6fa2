"""What Binder builds is enough: a fresh venv with only environment.yml's packages runs every notebook.

Binder installs environment.yml with conda; here the same package names and version ranges
are installed with pip into a new virtual environment (so a package the notebooks import but
environment.yml forgets makes this test fail). The notebooks then run with the network cut
off (a network namespace of their own, loopback only): nothing they do may need it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

from ce_lib import course

ROOT = Path(__file__).resolve().parents[1]


def environment_requirements() -> list[str]:
    """Return environment.yml's packages as pip requirements (the project itself last)."""
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    packages = [item for item in environment["dependencies"] if isinstance(item, str)]
    pip_lines = next(item["pip"] for item in environment["dependencies"] if isinstance(item, dict))
    names = [spec for spec in packages if not spec.startswith(("python", "pip"))]
    local = [line.replace("-e .", f"-e {ROOT}") for line in pip_lines]
    return names + [part for line in local for part in line.split(" ", 1)]


def offline_prefix() -> list[str]:
    """Return a command prefix that runs a command with no network but loopback, if we can."""
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("unshare") and shutil.which("ip"):
        return ["unshare", "--net", "sh", "-c", 'ip link set lo up && exec "$@"', "offline"]
    return []


@pytest.fixture(scope="module")
def binder_python(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("binder-venv")
    venv.create(folder, with_pip=True)
    python = folder / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *environment_requirements()],
        check=True,
        timeout=900,
    )
    # Build Matplotlib's font cache now, so no notebook prints "building the font cache".
    subprocess.run([str(python), "-c", "import matplotlib.font_manager"], check=True, timeout=300)
    return python


def test_environment_yml_alone_runs_every_notebook_offline(binder_python, tmp_path):
    prefix = offline_prefix()
    if not prefix and os.environ.get("CI"):
        pytest.fail("CI must run the notebooks with the network cut off (needs root, unshare and ip)")
    output = tmp_path / "executed"
    command = [
        *prefix, str(binder_python), "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.kernel_name=python3", "--ExecutePreprocessor.timeout=120",
        f"--output-dir={output}", *(str(ROOT / "notebooks" / n.file) for n in course.NOTEBOOKS),
    ]  # fmt: skip
    environment = {**os.environ, "JUPYTER_PLATFORM_DIRS": "1"}
    result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    for notebook in course.NOTEBOOKS:
        executed = json.loads((output / notebook.file).read_text(encoding="utf-8"))
        for cell in executed["cells"]:
            for shown in cell.get("outputs", []):
                assert shown["output_type"] != "error", f"{notebook.file}: {shown.get('evalue')}"
                assert shown.get("name") != "stderr", f"{notebook.file}: {shown.get('text')}"
    # The kernel really was this venv's, not the test runner's.
    assert Path(sys.executable).resolve() != binder_python.resolve()
