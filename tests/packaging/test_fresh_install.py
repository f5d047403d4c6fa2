"""A fresh machine: environment.yml's packages and a built wheel of ce_lib run every notebook, offline.

Binder installs environment.yml with conda; here the same package names and version ranges are
installed with pip into a new virtual environment (so a package the notebooks import but
environment.yml forgets makes this test fail), and the project itself is installed from a wheel
built from this checkout, not in editable mode: the views' ES modules must travel inside the
package. The notebooks are copied outside the repository and run there with the network cut off
(a network namespace of their own, loopback only): nothing they do may need the repository's
files or the network.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
import yaml

from tools.contents import NOTEBOOKS

ROOT = Path(__file__).resolve().parents[2]


def environment_packages() -> list[str]:
    """Return environment.yml's packages as pip requirements (python, pip and the project itself left out)."""
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    packages = [item for item in environment["dependencies"] if isinstance(item, str)]
    from_pypi = next(item["pip"] for item in environment["dependencies"] if isinstance(item, dict))
    return [spec for spec in packages + from_pypi if not spec.startswith(("python", "pip", "-e"))]


def offline_prefix() -> list[str]:
    """Return a command prefix that runs a command with no network but loopback, if we can."""
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("unshare") and shutil.which("ip"):
        return ["unshare", "--net", "sh", "-c", 'ip link set lo up && exec "$@"', "offline"]
    return []


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--disable-pip-version-check", "-w", str(folder),
         str(ROOT)],
        check=True, timeout=300,
    )  # fmt: skip
    return next(folder.glob("ce_lib-*.whl"))


def test_the_wheel_carries_every_view_module_and_no_tooling(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    modules = {Path(n).name for n in names if n.startswith("ce_lib/views/") and n.endswith(".js")}
    sources = {p.name for p in (ROOT / "ce_lib" / "views").glob("*.js")}
    assert modules == sources and {"_numbers.js", "_maths.js", "_svg.js", "_mount.js"} <= modules
    assert "ce_lib/views/_style.css" in names
    fonts = {Path(n).name for n in names if n.startswith("ce_lib/views/fonts/")}
    assert {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "NotoSansCJKsc-Regular.otf", "NotoSansCJKsc-Bold.otf"} <= fonts
    assert {"LICENSE_DEJAVU", "LICENSE_NOTO_CJK"} <= fonts
    catalogues = {n for n in names if n.startswith("ce_lib/words/") and n.endswith(".toml")}
    assert {"ce_lib/words/en/views.plane.toml", "ce_lib/words/zh-CN/views.plane.toml"} <= catalogues
    assert not any(n.startswith(("tools/", "tests/", "notebooks/")) for n in names)


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory, wheel) -> Path:
    folder = tmp_path_factory.mktemp("fresh-venv")
    venv.create(folder, with_pip=True)
    python = folder / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *environment_packages(), str(wheel)],
        check=True, timeout=900,
    )  # fmt: skip
    return python


def test_environment_yml_and_the_wheel_alone_run_every_notebook_offline(fresh_python, tmp_path):
    prefix = offline_prefix()
    if not prefix and os.environ.get("CI"):
        pytest.fail("CI must run the notebooks with the network cut off (needs root, unshare and ip)")
    copies = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", copies)
    located = subprocess.run(
        [str(fresh_python), "-c", "import ce_lib, pathlib; print(pathlib.Path(ce_lib.__file__).resolve())"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    ).stdout.strip()  # fmt: skip
    assert "site-packages" in located and str(ROOT) not in located, "ce_lib must come from the installed wheel"
    output = tmp_path / "executed"
    command = [
        *prefix, str(fresh_python), "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.kernel_name=python3", "--ExecutePreprocessor.timeout=120",
        f"--output-dir={output}", *(str(copies / n.file) for n in NOTEBOOKS),
    ]  # fmt: skip
    environment = {**os.environ, "JUPYTER_PLATFORM_DIRS": "1", "PYTHONPATH": ""}
    result = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=tmp_path, timeout=600,
                            check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    for notebook in NOTEBOOKS:
        executed = json.loads((output / notebook.file).read_text(encoding="utf-8"))
        for cell in executed["cells"]:
            for shown in cell.get("outputs", []):
                assert shown["output_type"] != "error", f"{notebook.file}: {shown.get('evalue')}"
                assert shown.get("name") != "stderr", f"{notebook.file}: {shown.get('text')}"
