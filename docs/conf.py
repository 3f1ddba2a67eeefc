"""Sphinx configuration for koperasi_id."""

from __future__ import annotations

import pkgutil
import sys
from pathlib import Path
from typing import Any

from sphinx.pycode import ModuleAnalyzer, PycodeError
from sphinx.util.docstrings import prepare_docstring

import koperasi_id
from koperasi_id._register_docs import write

project = "koperasi_id"
author = "koperasi_id developers"
copyright = "2026, koperasi_id developers"
version = release = koperasi_id.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
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
autodoc_default_options = {
    "members": True,
    "undoc-members": True,
    "show-inheritance": True,
    # Rule tables are large; their docs say what they hold, a repr would not.
    "no-value": True,
}
suppress_warnings = ["config.cache"]
# The register's JSON Schema is published at the site root.
html_extra_path = ["law-register.schema.json"]

# A cross-reference that cannot be resolved fails the build (with -W).
nitpicky = True
# No intersphinx: the docs build must not need the network, so the standard
# library's and third-party types cannot be linked; they are named, unlinked.
nitpick_ignore_regex = [
    (r"py:.*", r"(datetime|decimal|enum|collections\.abc|typing|os|csv|re|pathlib|json|io)\..+"),
    (r"py:.*", r"(attrs|attr|cattrs|dateutil|hypothesis|dask|db|distributed|polars|pl)\..+"),
    (r"py:.*", r"date|Decimal|Enum|Path|T"),
    # Type variables and private bases are not documented objects.
    (r"py:.*", r"koperasi_id(\.\w+)*\.[A-Z]"),
    (r"py:.*", r"koperasi_id(\.\w+)*\._\w+"),
]
# Internal types in rows.RecordFile's constructor (users get a RecordFile from
# rows.read_records): named, not documented.
nitpick_ignore = [("py:class", "RecordReader"), ("py:class", "FlatStructure")]


def _public_target(target: str) -> str | None:
    """``koperasi_id.kur._rates.rate`` -> ``koperasi_id.kur.rate``: where it is documented."""
    parts = target.split(".")
    if parts[0] != "koperasi_id":
        return None
    public = [part for part in parts[:-1] if not part.startswith("_")] + parts[-1:]
    return ".".join(public) if public != parts else None


def _resolve_private_module_paths(app, env, node, contnode):  # type: ignore[no-untyped-def]
    # Type hints name a class by its defining (private) module; the reference
    # documents it where it is exported. Point the link there.
    if node.get("refdomain") != "py":
        return None
    target = _public_target(node.get("reftarget", ""))
    if target is None:
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(
        env, node.get("refdoc"), app.builder, node["reftype"], target, node, contnode
    )


def _doc_comment_from_submodules(app, what, name, obj, options, lines):  # type: ignore[no-untyped-def]  # noqa: PLR0917 - the event's signature
    # A package re-exports its tables from private modules, where their `#:`
    # doc comments are; autodoc looks only in the package's own source.
    # Without one, autodoc shows the docstring of the value's type (Timeline,
    # dict) or of an alias' origin, which says nothing about this table.
    if what != "data":
        return
    inherited = [[]] + [
        [line.strip() for line in prepare_docstring(kind.__doc__ or "") if line.strip()]
        for kind in (type(obj), getattr(obj, "__origin__", None))
    ]
    if [line.strip() for line in lines if line.strip()] not in inherited:
        return
    lines.clear()
    modname, _, attr = name.rpartition(".")
    package = sys.modules.get(modname)
    if package is None or not hasattr(package, "__path__"):
        return
    for info in pkgutil.iter_modules(package.__path__, modname + "."):
        try:
            docs = ModuleAnalyzer.for_module(info.name).find_attr_docs()
        except PycodeError:
            continue
        if ("", attr) in docs:
            lines.extend(docs["", attr])
            return


def _generate_register_pages(app: Any) -> None:
    # "Every rule" and the schema are made from the register at every build.
    write(Path(app.srcdir))


def setup(app: Any) -> None:
    app.connect("builder-inited", _generate_register_pages)
    app.connect("missing-reference", _resolve_private_module_paths)
    app.connect("autodoc-process-docstring", _doc_comment_from_submodules)
