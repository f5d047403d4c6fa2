"""Shared test set-up."""

from tests.support.pages import view_pages  # noqa: F401  (a fixture for every test folder)
