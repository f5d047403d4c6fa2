"""Shared test set-up."""

from pathlib import Path

import pytest

from tests.support.pages import view_pages  # noqa: F401  (a fixture for every test folder)


@pytest.fixture(scope="session")
def static_edition(tmp_path_factory) -> Path:
    """The static edition (tools/site.py), every language, built once for every test that reads it."""
    from tools import site

    folder = tmp_path_factory.mktemp("site")
    site.build(folder)
    return folder
