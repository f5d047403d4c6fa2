"""The course's tooling: scripts that write the notebooks' navigation and build the static edition.

They live beside the package, not in it: ``pip install`` ships ``ce_lib`` alone, and these
scripts find the notebooks in the repository they belong to.
"""
