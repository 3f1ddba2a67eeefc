"""The register in plain wire form, for systems that do not run Python.

Values travel as the rest of the library's wire format does (see
:mod:`koperasi_id.serialization`): decimals as plain strings, dates as ISO
text, enums by value, attrs values as objects; sets become sorted lists and a
table keyed by a pair of enums uses ``"a/b"`` keys (:mod:`koperasi_id._wire_keys`,
whose hooks read them back).

>>> doc = register_document()
>>> doc["format"], len(doc["rules"]) > 30
('koperasi_id.law-register', True)
>>> rate = next(r for r in doc["rules"] if r["id"] == "kur.rate")
>>> tiers = next(r for r in rate["regimes"] if r["name"] == "permenko-1-2023")
>>> rate["unit"], tiers["valid_from"], tiers["confidence"], tiers["value"]["mikro"]
('percent_per_year', '2023-01-01', 'H', ['6', '7', '8', '9'])
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from koperasi_id._register import (
    RegisteredRule,
    RuleChange,
    RuleInfo,
    RuleInForce,
    Unit,
    changes,
    in_force,
    registered_rules,
)
from koperasi_id._wire_keys import key_text

if TYPE_CHECKING:
    from koperasi_id.law import Regime

__all__ = [
    "change_record",
    "in_force_record",
    "regime_record",
    "register_document",
    "register_schema",
    "rule_record",
    "wire_value",
]

FORMAT = "koperasi_id.law-register"
VERSION = 1


def _key(key: object) -> str:
    if isinstance(key, enum.Enum):
        return str(key.value)
    if isinstance(key, tuple):
        return key_text(_key(part) for part in key)
    return str(key)


def _walk(value: object) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        from koperasi_id.serialization import decimal_text  # noqa: PLC0415 - upper layer

        return decimal_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if attrs.has(type(value)):
        kind: Any = type(value)
        return {f.name: _walk(getattr(value, f.name)) for f in attrs.fields(kind)}
    if isinstance(value, Mapping):
        return {_key(k): _walk(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((_walk(v) for v in value), key=str)
    if isinstance(value, list | tuple):
        return [_walk(v) for v in value]
    raise TypeError(f"no wire form for {type(value).__name__}")


def wire_value(value: object) -> Any:
    """A rule value as plain JSON-ready data.

    >>> wire_value(frozenset({"b", "a"})), wire_value(Decimal("6.00"))
    (['a', 'b'], '6.00')
    """
    from koperasi_id.serialization import to_dict  # noqa: PLC0415 - upper layer, on demand

    try:
        plain = to_dict(value)
    except TypeError:
        # A bare dict keyed by tuples: with no key types to go by, the
        # converter keeps each key a list; the same "a/b" form, by its parts.
        return _walk(value)
    return _walk(plain)


def _info(info: RuleInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "module": info.module,
        "unit": info.unit.value,
        "description_id": info.description_id,
        "description_en": info.description_en,
    }


def regime_record(regime: Regime[Any]) -> dict[str, Any]:
    """One regime: name, dates, citation, confidence, note, value."""
    return {
        "name": regime.name,
        "valid_from": regime.valid_from.isoformat(),
        "valid_to": None if regime.valid_to is None else regime.valid_to.isoformat(),
        "citation": {
            "instrument": regime.citation.instrument,
            "article": regime.citation.article,
            "note": regime.citation.note,
        },
        "confidence": regime.confidence.value,
        "note": regime.note,
        "value": wire_value(regime.value),
    }


def rule_record(entry: RegisteredRule) -> dict[str, Any]:
    """One register entry with its aliases and every regime."""
    return {
        **_info(entry.info),
        "aliases": list(entry.info.aliases),
        "regimes": [regime_record(r) for r in entry.regimes],
    }


def in_force_record(found: RuleInForce) -> dict[str, Any]:
    """One answer of :func:`~koperasi_id.law.in_force`."""
    return {**_info(found.rule), "regime": regime_record(found.regime)}


def change_record(change: RuleChange) -> dict[str, Any]:
    """One answer of :func:`~koperasi_id.law.changes`."""
    return {
        **_info(change.rule),
        "on": change.on.isoformat(),
        "old": None if change.old is None else regime_record(change.old),
        "new": None if change.new is None else regime_record(change.new),
    }


def register_document() -> dict[str, Any]:
    """Every registered rule with every regime, as plain data."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "rules": [rule_record(entry) for entry in registered_rules()],
    }


def in_force_document(as_of: date) -> list[dict[str, Any]]:
    """:func:`~koperasi_id.law.in_force` as plain data."""
    return [in_force_record(found) for found in in_force(as_of)]


def changes_document(from_date: date, to_date: date) -> list[dict[str, Any]]:
    """:func:`~koperasi_id.law.changes` as plain data."""
    return [change_record(change) for change in changes(from_date, to_date)]


_DAY = {"type": "string", "format": "date"}
_ID_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$"
_TEXT_OR_NULL = {"type": ["string", "null"]}


def register_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`register_document`."""
    regime = {
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "valid_from", "valid_to", "citation", "confidence", "note", "value"],
        "properties": {
            "name": {"type": "string", "minLength": 1},
            "valid_from": _DAY,
            "valid_to": {"oneOf": [_DAY, {"type": "null"}], "description": "last day, inclusive"},
            "citation": {
                "type": "object",
                "additionalProperties": False,
                "required": ["instrument", "article", "note"],
                "properties": {
                    "instrument": {"type": "string", "minLength": 1},
                    "article": _TEXT_OR_NULL,
                    "note": _TEXT_OR_NULL,
                },
            },
            "confidence": {"enum": ["H", "M", "L"]},
            "note": _TEXT_OR_NULL,
            "value": {
                "description": "the rule's value in wire form: decimals as strings, dates "
                "ISO, enums by value, records as objects, sets as sorted lists"
            },
        },
    }
    rule = {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "id",
            "module",
            "unit",
            "description_id",
            "description_en",
            "aliases",
            "regimes",
        ],
        "properties": {
            "id": {"type": "string", "pattern": _ID_PATTERN},
            "aliases": {
                "type": "array",
                "uniqueItems": True,
                "items": {"type": "string", "pattern": _ID_PATTERN},
                "description": "other ids the rule answers to in lookups and reform files",
            },
            "module": {"type": "string", "pattern": r"^koperasi_id(\.[a-z][a-z0-9_]*)*$"},
            "unit": {"enum": [u.value for u in Unit]},
            "description_id": {"type": "string", "minLength": 1},
            "description_en": {"type": "string", "minLength": 1},
            "regimes": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/regime"}},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://koperasi-id.readthedocs.io/law-register.schema.json",
        "title": "koperasi_id law register",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version", "rules"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}},
        },
        "$defs": {"rule": rule, "regime": regime},
    }
