"""Sphinx configuration for koperasi_id."""

from __future__ import annotations

import koperasi_id

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
