"""Docs package marker: lets pytest tell docs/conftest.py from tests/conftest.py."""
