"""JSON Schema (draft 2020-12) for every public type, generated from the classes themselves.

The schema is built from what the converter (:mod:`koperasi_id.serialization`)
structures, never written by hand: the attrs fields and their types, the
enums' wire values, each value type's :attr:`~koperasi_id.serialization.ValueType.json_schema`
(the pattern of its canonical string), the money validators' bounds and the
computed fields a class writes (``__wire_derived__``). So the schema and
``from_dict`` cannot drift apart; the tests check both directions.

- objects are ``additionalProperties: false`` (the strict converter), fields
  without a default are ``required``, ``X | None`` admits ``null``;
- dates are ``format: date`` strings with their pattern; money is a decimal
  string (or a whole JSON number) with at most
  :data:`~koperasi_id.money.MAX_DECIMAL_PLACES` places and not negative; every
  number keeps to the bounds of the number policy (``koperasi_id._numbers``);
- enums list their wire values, each with its Indonesian label as ``title``
  and an English one as ``description``;
- nested objects and lists of them (``rat_records``, ``existing_credits``)
  are ``$ref`` to ``$defs``;
- rules no schema can say (one date after another, exactly one of two
  fields) are listed in the ``description`` by their problem code, from the
  class's ``__cross_field_rules__``.

>>> from koperasi_id.msme import Business
>>> s = json_schema(Business)
>>> s["$schema"], s["additionalProperties"], s["required"]
('https://json-schema.org/draft/2020-12/schema', False, ['name', 'owner_nik', 'started_on'])
>>> s["properties"]["owner_nik"]
{'$ref': '#/$defs/identifiers.Nik'}
>>> s["$defs"]["identifiers.Nik"]["pattern"]
'^[0-9]{16}$'
>>> s["properties"]["capital"]["anyOf"][0]["pattern"]
'^(0|[1-9][0-9]{0,14})(\\\\.[0-9]{1,2})?$'
"""

from __future__ import annotations

import enum
import importlib
import inspect
import itertools
import types
import typing
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, get_args, get_origin

import attrs

from koperasi_id import money
from koperasi_id._numbers import DECIMAL_PLACES, MAX_MAGNITUDE, MONEY_PLACES
from koperasi_id._values import ValueType
from koperasi_id._wire_keys import SEPARATOR
from koperasi_id.errors import KoperasiIdError
from koperasi_id.serialization import derived_fields

__all__ = [
    "DRAFT",
    "SchemaError",
    "components",
    "cross_field_rules",
    "json_schema",
    "public_types",
    "schema_key",
]

#: The JSON Schema dialect of every schema made here.
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# Years 1900-9899: the day bound (koperasi_id.law.FIRST_DAY/LAST_DAY) the converter applies.
_DATE = {
    "type": "string",
    "format": "date",
    "pattern": "^(19[0-9]{2}|[2-8][0-9]{3}|9[0-8][0-9]{2})-[0-9]{2}-[0-9]{2}$",
}
# The number policy (koperasi_id._numbers), read from there, never re-typed: a
# magnitude of at most MAX_MAGNITUDE (the string patterns allow one digit fewer,
# so they stay patterns), DECIMAL_PLACES places, MONEY_PLACES for rupiah.
_DIGITS = len(str(MAX_MAGNITUDE)) - 1
_INTEGER = {"type": "integer", "minimum": -MAX_MAGNITUDE, "maximum": MAX_MAGNITUDE}
_DECIMAL = {
    "type": ["string", "integer"],
    "pattern": rf"^-?(0|[1-9][0-9]{{0,{_DIGITS - 1}}})(\.[0-9]{{1,{DECIMAL_PLACES}}})?$",
    "minimum": -MAX_MAGNITUDE,
    "maximum": MAX_MAGNITUDE,
}

#: Rules of the number policy no pattern here says, listed on every object with
#: a decimal field.
NUMBER_RULES = {"number.negative_zero": "a minus sign on zero (-0, -0.00) is refused"}


def _money() -> dict[str, Any]:
    return {
        "type": ["string", "integer"],
        "pattern": rf"^(0|[1-9][0-9]{{0,{_DIGITS - 1}}})(\.[0-9]{{1,{MONEY_PLACES}}})?$",
        "minimum": 0,
        "maximum": MAX_MAGNITUDE,
        "description": f"Rupiah as a decimal string, at most {MONEY_PLACES} decimal places, not "
        f"negative, below {MAX_MAGNITUDE:,} (a whole JSON number is accepted too).",
    }


#: attrs validators whose check is a schema of its own (money.py's public ones).
_VALIDATOR_SCHEMAS: dict[object, Any] = {
    money.non_negative_rupiah: _money,
    money.optional_non_negative_rupiah: _money,
}


class SchemaError(KoperasiIdError, TypeError):
    """A type that has no wire form (a rule table holding timelines, a callable)."""


def schema_key(cls: type) -> str:
    """The name of ``cls`` in ``$defs`` and OpenAPI components: its public module and name.

    >>> from koperasi_id.kur import Purpose
    >>> schema_key(Purpose)
    'kur.Purpose'
    """
    parts = [p for p in cls.__module__.split(".") if not p.startswith("_")]
    if parts and parts[0] == "koperasi_id":
        parts = parts[1:]
    return ".".join([*parts, cls.__qualname__])


def cross_field_rules(cls: type) -> Mapping[str, str]:
    """The rules of ``cls`` that its schema cannot express: problem code → what it checks.

    Collected from ``__cross_field_rules__`` of the class and its bases.

    >>> from koperasi_id.cooperatives import Founder
    >>> list(cross_field_rules(Founder))
    ['founder.identity', 'cooperative.name_blank', 'cooperative.name_length']
    """
    out: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        out.update(klass.__dict__.get("__cross_field_rules__", {}))
    bound = _typevar_map(cls) if attrs.has(cls) else {}
    if attrs.has(cls) and any(
        _holds_decimal(bound.get(hint, hint)) for hint in (_hint(cls, f) for f in attrs.fields(cls))
    ):
        # Decision[Decimal]'s outcome is a Decimal field too (a TypeVar bound
        # here), and so is a table of amounts.
        out.update(NUMBER_RULES)
    return out


def _holds_decimal(kind: Any) -> bool:
    """Whether a field of type ``kind`` holds a Decimal: itself, or in a list, table or option."""
    if kind is Decimal:
        return True
    if isinstance(kind, type) and (attrs.has(kind) or issubclass(kind, enum.Enum)):
        return False  # a nested object lists its own rules
    return any(_holds_decimal(arg) for arg in get_args(kind))


def _hint(cls: type, field: attrs.Attribute[Any]) -> Any:
    try:
        return typing.get_type_hints(cls).get(field.name, field.type)
    except NameError:
        return field.type


def _first_line(obj: object) -> str | None:
    doc = inspect.getdoc(obj)
    if not doc or (isinstance(obj, type) and doc == inspect.getdoc(obj.__mro__[1])):
        return None
    return doc.split("\n\n", 1)[0].replace("\n", " ").strip()


def _english(member: enum.Enum) -> str:
    return member.name.lower().replace("_", " ")


def _typevar_map(cls: type) -> dict[Any, Any]:
    # Decision[T] subclassed as KurAssessment(Decision[bool]): outcome is a bool.
    found: dict[Any, Any] = {}
    for klass in cls.__mro__:
        for base in klass.__dict__.get("__orig_bases__", ()):
            origin = get_origin(base)
            params = getattr(origin, "__parameters__", ())
            for param, arg in zip(params, get_args(base), strict=False):
                found.setdefault(param, found.get(arg, arg))
    return found


class _Builder:
    def __init__(self, ref_prefix: str) -> None:
        self.ref_prefix = ref_prefix
        self.defs: dict[str, dict[str, Any]] = {}
        self._building: set[str] = set()

    def ref(self, cls: type) -> dict[str, Any]:
        key = schema_key(cls)
        if key not in self.defs and key not in self._building:
            self._building.add(key)
            self.defs[key] = self.definition(cls)
            self._building.discard(key)
        return {"$ref": f"{self.ref_prefix}{key}"}

    def definition(self, cls: type) -> dict[str, Any]:
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            return self._enum(cls)
        if isinstance(cls, type) and issubclass(cls, ValueType):
            return self._value_type(cls)
        if isinstance(cls, type) and attrs.has(cls):
            return self._object(cls)
        raise SchemaError(f"{cls!r} has no wire form")

    def _enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        choices = []
        for member in cls:
            label = getattr(member, "label", None)
            choice: dict[str, Any] = {"const": member.value, "description": _english(member)}
            if isinstance(label, str):
                choice["title"] = label
            choices.append(choice)
        out: dict[str, Any] = {"title": cls.__name__, "enum": [m.value for m in cls]}
        if (text := _first_line(cls)) is not None:
            out["description"] = text
        out["oneOf"] = choices
        return out

    def _value_type(self, cls: type[ValueType]) -> dict[str, Any]:
        out: dict[str, Any] = {"title": cls.__name__, "type": "string", **cls.json_schema}
        text = _first_line(cls) or cls.__name__
        out["description"] = (
            f"{text} The pattern is the canonical form; from_dict also takes the separators "
            f"people type and checks more than the pattern (problem codes {cls.kind}.*, or "
            "those of an identifier it embeds)."
        )
        return out

    def _object(self, cls: type) -> dict[str, Any]:
        try:
            hints = typing.get_type_hints(cls)
        except NameError as exc:
            raise SchemaError(f"cannot resolve the field types of {cls.__name__}: {exc}") from None
        bound = _typevar_map(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            kind = hints.get(field.name, field.type)
            prop = self.of(bound.get(kind, kind), field.validator)
            if field.default is attrs.NOTHING:
                required.append(field.name)
            elif not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                default = _json_default(field.default)
                if default is not _NO_DEFAULT:
                    prop = {**prop, "default": default}
            properties[field.name] = prop
        for name, kind in derived_fields(cls).items():
            properties[name] = {
                **self.of(kind, None),
                "readOnly": True,
                "description": "Computed; from_dict checks it if given (derived.mismatch).",
            }
        out: dict[str, Any] = {"title": cls.__name__, "type": "object"}
        description = _first_line(cls) or cls.__name__
        rules = cross_field_rules(cls)
        if rules:
            listed = "; ".join(f"{code}: {text}" for code, text in rules.items())
            description += f" Rules beyond this schema (problem codes): {listed}."
        out["description"] = description
        out["properties"] = properties
        out["required"] = required
        out["additionalProperties"] = False
        return out

    def of(self, kind: Any, validator: object) -> dict[str, Any]:
        make = next(
            (_VALIDATOR_SCHEMAS[v] for v in _validators(validator) if v in _VALIDATOR_SCHEMAS),
            None,
        )
        if make is not None and _strip_none(kind)[0] is Decimal:
            nullable = _strip_none(kind)[1]
            inner = make()
            return {"anyOf": [inner, {"type": "null"}]} if nullable else inner
        inner_kind, nullable = _strip_none(kind)
        if nullable:
            return {"anyOf": [self.of(inner_kind, _inner_validator(validator)), {"type": "null"}]}
        out = self._plain(kind, validator)
        # attrs' min_len on a tuple counts its items.
        length = "Items" if out.get("type") == "array" else "Length"
        for extra in _length_keywords(validator):
            out = {**out, **{k.replace("Length", length): v for k, v in extra.items()}}
        if out.get("type") == "integer":
            out.update(_bound_keywords(validator))
        return out

    def _plain(self, kind: Any, validator: object) -> dict[str, Any]:
        if kind is str:
            return {"type": "string"}
        if kind is bool:
            return {"type": "boolean"}
        if kind is int:
            return dict(_INTEGER)
        if kind is Decimal:
            return dict(_DECIMAL)
        if kind is date:
            return dict(_DATE)
        if kind is Any or kind is object:
            return {}
        origin = get_origin(kind)
        if origin is tuple:
            args = get_args(kind)
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.of(args[0], None)}
            raise SchemaError(f"{kind!r}: only tuple[X, ...] has a wire form")
        if origin in (dict, Mapping, typing.Mapping) or kind in (dict, Mapping):
            args = get_args(kind) or (str, Any)
            out = {"type": "object", "additionalProperties": self.of(args[1], None)}
            keys = _enum_keys(args[0])
            if keys is not None:
                # A table keyed by enums takes their wire values only as keys.
                out["propertyNames"] = {"enum": keys}
            return out
        if origin is typing.Literal:
            return {"enum": list(get_args(kind))}
        if isinstance(kind, type) and (issubclass(kind, enum.Enum | ValueType) or attrs.has(kind)):
            return self.ref(kind)
        raise SchemaError(f"{kind!r} has no wire form")


_NO_DEFAULT = object()


def _json_default(value: object) -> object:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, ValueType):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple) and not value:
        return []
    return _NO_DEFAULT


def _strip_none(kind: Any) -> tuple[Any, bool]:
    if get_origin(kind) in (typing.Union, types.UnionType):
        args = [a for a in get_args(kind) if a is not type(None)]
        if len(args) == 1 and len(get_args(kind)) == 2:
            return args[0], True
        raise SchemaError(f"{kind!r}: only X | None unions have a wire form")
    return kind, False


def _inner_validator(validator: object) -> object:
    # attrs.validators.optional(v) keeps v as .validator.
    return getattr(validator, "validator", None)


def _validators(validator: object) -> Iterable[object]:
    if validator is None:
        return ()
    nested = getattr(validator, "_validators", None)
    if isinstance(nested, tuple):
        return [v for inner in nested for v in _validators(inner)]
    return (validator,)


def _length_keywords(validator: object) -> Iterable[dict[str, int]]:
    # attrs' own min_len/max_len validators say what the schema says.
    for v in _validators(validator):
        if type(v).__name__ == "_MinLengthValidator":
            yield {"minLength": v.min_length}  # type: ignore[attr-defined]
        elif type(v).__name__ == "_MaxLengthValidator":
            yield {"maxLength": v.max_length}  # type: ignore[attr-defined]


def _enum_keys(key: Any) -> list[str] | None:
    """The text keys a table keyed by ``key`` takes, when ``key`` is an enum or a tuple of them.

    A tuple key travels as its parts' wire values joined by ``/`` (``_wire_keys``).
    """
    parts = get_args(key) if get_origin(key) is tuple else (key,)
    if not parts or not all(isinstance(p, type) and issubclass(p, enum.Enum) for p in parts):
        return None
    return [SEPARATOR.join(c) for c in itertools.product(*([m.value for m in p] for p in parts))]


#: attrs' bound validators (ge, gt, le, lt) as the JSON Schema keywords that say the same.
_BOUNDS = {">=": "minimum", ">": "exclusiveMinimum", "<=": "maximum", "<": "exclusiveMaximum"}


def _bound_keywords(validator: object) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in _validators(validator):
        if type(v).__name__ == "_NumberValidator" and isinstance(v.bound, int):  # type: ignore[attr-defined]
            out[_BOUNDS[v.compare_op]] = v.bound  # type: ignore[attr-defined]
    return out


def json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``cls``'s wire form, as a dict.

    ``cls`` is an entity, a decision or result, a value type or an enum.
    Nested types sit in ``$defs``. :class:`SchemaError` for a type with no
    wire form.

    >>> from koperasi_id.kur import KurApplication
    >>> s = json_schema(KurApplication)
    >>> s["properties"]["existing_credits"]
    {'type': 'array', 'items': {'$ref': '#/$defs/kur.ExistingCredit'}, 'default': []}
    >>> s["$defs"]["kur.Scheme"]["oneOf"][0]
    {'const': 'super_mikro', 'description': 'super micro', 'title': 'KUR Super Mikro'}
    """
    if not isinstance(cls, type):
        # Named by its type only: the object may be anything a caller passed.
        raise SchemaError(f"expected a class, got a {type(cls).__name__}")
    builder = _Builder("#/$defs/")
    root = builder.definition(cls)
    out: dict[str, Any] = {"$schema": DRAFT, **root}
    if builder.defs:
        out["$defs"] = dict(sorted(builder.defs.items()))
    return out


def components(types: Iterable[type] | None = None) -> dict[str, Any]:
    """OpenAPI 3.1 ``components`` holding the schema of each type (default: :func:`public_types`).

    ``$ref`` point at ``#/components/schemas/<key>``; merge the result into
    an OpenAPI document's ``components``.

    >>> from koperasi_id.msme import Business
    >>> schemas = components([Business])["schemas"]
    >>> sorted(schemas)[:3]
    ['identifiers.Kbli', 'identifiers.Nib', 'identifiers.Nik']
    >>> schemas["msme.Business"]["properties"]["region"]["anyOf"][0]
    {'$ref': '#/components/schemas/regions.RegionCode'}
    """
    builder = _Builder("#/components/schemas/")
    for cls in public_types() if types is None else types:
        builder.ref(cls)
    return {"schemas": dict(sorted(builder.defs.items()))}


def public_types() -> tuple[type, ...]:
    """Every public type with a wire form: entities, decisions, results, value types, enums.

    Taken from the ``__all__`` of the public modules; rule tables that hold
    timelines or functions have no wire form and are left out.

    >>> from koperasi_id.kur import KurApplication, Schedule
    >>> {KurApplication, Schedule} <= set(public_types())
    True
    """
    found: dict[str, type] = {}
    for name in _PUBLIC_MODULES:
        module = importlib.import_module(f"koperasi_id.{name}")
        for attr in module.__all__:
            obj = getattr(module, attr)
            if not isinstance(obj, type) or obj.__module__.split(".")[0] != "koperasi_id":
                continue
            if not (issubclass(obj, enum.Enum | ValueType) or attrs.has(obj)):
                continue
            if obj.__parameters__ if hasattr(obj, "__parameters__") else False:
                continue  # generic (Decision[T], Regime[T]): only its subclasses are concrete
            try:
                json_schema(obj)
            except SchemaError:
                continue
            found.setdefault(schema_key(obj), obj)
    return tuple(found[k] for k in sorted(found))


_PUBLIC_MODULES = (
    "decisions",
    "errors",
    "law",
    "identifiers",
    "regions",
    "msme",
    "cooperatives",
    "kur",
    "bpum",
)
