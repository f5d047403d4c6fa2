"""Voilà's settings for this project: the app it serves fetches nothing from outside the machine.

Voilà reads ``voila.py`` (and ``voila.json``) from the folder it is started in, so the README's
``.venv/bin/voila notebooks/<notebook>``, run from this folder, uses these settings (and so does
Voilà's preview inside a JupyterLab started here). They are in Python, not JSON, because Voilà finds
a template only by name, in Jupyter's data folders: only code can add ``tools/voila_template`` to
them (``JUPYTER_PATH``, which the kernels inherit; that folder holds nothing else).

- ``lab-offline`` is Voilà's ``lab`` template without what it would fetch from a CDN (two Font
  Awesome stylesheets, and Mermaid.js). It sits in ``nbconvert/templates``, where Voilà looks for
  templates too: a ``voila`` folder there would become Voilà's data folder, in place of its own.
- ``extension_denylist``: installed JupyterLab extensions built for a newer JupyterLab than Voilà's
  front end, which cannot load them and logs an error for each; the app needs none of them.

Being named ``voila.py``, this file shadows the ``voila`` package for Python run from this folder
(``python -m voila``, ``import voila``): start Voilà with the ``voila`` command, as the README does.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 (Voilà's config loader provides it)

template_folder = str(Path(__file__).resolve().parent / "tools" / "voila_template")
data_folders = [folder for folder in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if folder]
if template_folder not in data_folders:
    os.environ["JUPYTER_PATH"] = os.pathsep.join([template_folder, *data_folders])
c.VoilaConfiguration.template = "lab-offline"
c.VoilaConfiguration.extension_denylist = [
    "@jupyter-notebook/lab-extension",  # Notebook 7's own (the `notebook` package)
    "jupyterlab-jupytext",  # jupytext's, if installed
]
