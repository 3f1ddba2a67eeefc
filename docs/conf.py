"""Sphinx configuration for koperasi_id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import koperasi_id
from koperasi_id._register_docs import write

project = "koperasi_id"
author = "koperasi_id developers"
copyright = "2026, koperasi_id developers"
version = release = koperasi_id.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "conftest.py"]
html_theme = "furo"
html_title = "koperasi_id"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
# No intersphinx: the docs build must not need the network.
nitpicky = False
suppress_warnings = ["config.cache"]
# The register's JSON Schema is published at the site root.
html_extra_path = ["law-register.schema.json"]


def _generate_register_pages(app: Any) -> None:
    # "Every rule" and the schema are made from the register at every build.
    write(Path(app.srcdir))


def setup(app: Any) -> None:
    app.connect("builder-inited", _generate_register_pages)
