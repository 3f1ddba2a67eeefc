"""Moving data in and out: one strict cattrs converter, errors with paths.

>>> from datetime import date
>>> from decimal import Decimal
>>> import attrs
>>> @attrs.frozen(kw_only=True)
... class Member:
...     name: str
...     joined: date
...     savings: Decimal
>>> to_dict(Member(name="Siti", joined=date(2021, 3, 1), savings=Decimal("150000.50")))
{'name': 'Siti', 'joined': '2021-03-01', 'savings': '150000.50'}
>>> from_dict(Member, {"name": "Siti", "joined": "2021-03-01", "savings": "150000.50"})
Member(name='Siti', joined=datetime.date(2021, 3, 1), savings=Decimal('150000.50'))
>>> from_dict(Member, {"name": 7, "joined": "1 Maret 2021", "savings": 0.1, "extra": 1})
Traceback (most recent call last):
...
koperasi_id.errors.ValidationError: 4 problems: ...

Rules of the wire format: dates are ISO 8601 strings, money and other decimals
are decimal strings, enums travel by their (Indonesian) value, value types
(NIK, NPWP, ...) by their canonical string, collections as lists, a table keyed
by tuples with ``"a/b"`` text keys (:mod:`koperasi_id._wire_keys`). Unknown keys
are rejected unless you ask for the lenient converter. Nothing is coerced:
``"7"`` is not an int, ``1`` is not a bool, ``0.1`` is not money.

**Extending it.** Subclass :class:`ValueType` (``parse`` + ``__str__``) and the
converter handles the new type everywhere with no registration. Any other
type gets hooks through :func:`register_hooks`, which applies to converters
already built and to every one built later.
"""

from __future__ import annotations

import enum
import json
import threading
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

import cattrs

from koperasi_id import _fast_structure, _json
from koperasi_id._container_hooks import (
    _any_mapping_hook_factory,
    _is_homogeneous_tuple,
    _is_mapping,
    _is_set,
    _is_str_mapping,
    _mapping_hook_factory,
    _optional_hook_factory,
    _optional_inner,
    _optional_unstructure_factory,
    _set_hook_factory,
    _set_unstructure_factory,
    _tuple_hook_factory,
)
from koperasi_id._numbers import decimal_places
from koperasi_id._object_hooks import (
    _attrs_hook_factory,
    _derived_unstructure_factory,
    _is_attrs_class,
    _plain_unstructure_factory,
    derived_fields,
)
from koperasi_id._scalar_hooks import (
    _enum_hook,
    _enum_out,
    _structure_bool,
    _structure_date,
    _structure_decimal,
    _structure_int,
    _structure_str,
    _unstructure_int,
    _value_type_hook,
)
from koperasi_id._structure_problems import _fail, problems_from_exception
from koperasi_id._values import ValueType
from koperasi_id._wire_keys import (
    is_tuple_keyed,
    tuple_key_structure_factory,
    tuple_key_unstructure_factory,
)
from koperasi_id.errors import ValidationError

__all__ = [
    "MAX_WRITTEN_DIGITS",
    "ValueType",
    "decimal_text",
    "default_converter",
    "derived_fields",
    "from_dict",
    "from_json",
    "make_converter",
    "problems_from_exception",
    "register_hooks",
    "to_dict",
    "to_json",
]

T = TypeVar("T")
Configurator = Callable[[cattrs.Converter], None]

_configurators: list[Configurator] = []
_built: list[cattrs.Converter] = []
_lock = threading.Lock()
_defaults: dict[bool, cattrs.Converter] = {}


#: Plain decimal text is never longer than this many digits (see decimal_text).
MAX_WRITTEN_DIGITS = 1000


def decimal_text(value: Decimal) -> str:
    """A Decimal as the wire writes it: plain digits, never exponent notation.

    ``str()`` gives ``'5E+8'`` for some values, which the strict structure
    hook (rightly) refuses, so a value would not survive its own round trip.

    >>> decimal_text(Decimal("5E+8")), decimal_text(Decimal("1E-7")), decimal_text(Decimal("12.50"))
    ('500000000', '0.0000001', '12.50')

    A value whose plain form would run past :data:`MAX_WRITTEN_DIGITS` digits
    (``Decimal("1E-999999999")`` built in Python) is refused rather than
    written out until memory runs out; input never holds one (the number policy).
    """
    if not isinstance(value, Decimal):  # format "f" would answer a str with ValueError
        raise TypeError(f"decimal_text takes a Decimal, got {type(value).__name__}")
    text = str(value)
    if "E" not in text:
        return text
    if abs(value.adjusted()) > MAX_WRITTEN_DIGITS or decimal_places(value) > MAX_WRITTEN_DIGITS:
        raise _fail(
            "number.unwritable",
            f"a number of more than {MAX_WRITTEN_DIGITS} digits cannot be written in plain "
            "form; round it first",
            f"angka lebih dari {MAX_WRITTEN_DIGITS} digit tidak dapat ditulis dalam bentuk "
            "biasa; bulatkan terlebih dahulu",
        )
    return f"{value:f}"


_fast_structure.SHORTCUTS_OUT[decimal_text] = (
    "__text if type(v) is __Decimal and 'E' not in (__text := str(v)) else {call}",
    {"__Decimal": Decimal},
)


def make_converter(*, forbid_extra_keys: bool = True) -> cattrs.Converter:
    """Build a fresh converter with the library's strict hooks.

    Most code should use :func:`default_converter` (or the module-level
    functions) instead: building one is not free, and the built one caches its
    generated code. ``forbid_extra_keys=False`` gives the lenient variant that
    ignores unknown keys.
    """
    conv = cattrs.Converter(
        forbid_extra_keys=forbid_extra_keys,
        detailed_validation=True,
        unstruct_collection_overrides={tuple: list},
    )
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_unstructure_hook(int, _unstructure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, decimal_text)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        _enum_out,
    )
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, ValueType), _value_type_hook
    )
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, ValueType), lambda t: str
    )
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory)
    conv.register_structure_hook_factory(_is_set, _set_hook_factory)
    conv.register_structure_hook_factory(_is_mapping, _any_mapping_hook_factory)
    conv.register_unstructure_hook_factory(_is_set, _set_unstructure_factory)
    conv.register_structure_hook_factory(_is_str_mapping, _mapping_hook_factory)
    # Tables keyed by tuples travel with "a/b" text keys, both ways (_wire_keys).
    conv.register_structure_hook_factory(is_tuple_keyed, tuple_key_structure_factory)
    conv.register_unstructure_hook_factory(is_tuple_keyed, tuple_key_unstructure_factory)
    conv.register_structure_hook_factory(
        lambda t: _optional_inner(t) is not None, _optional_hook_factory
    )
    conv.register_structure_hook_factory(_is_attrs_class, _attrs_hook_factory)
    conv.register_unstructure_hook_factory(
        lambda t: _optional_inner(t) is not None, _optional_unstructure_factory
    )
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and _is_attrs_class(t), _plain_unstructure_factory
    )
    conv.register_unstructure_hook_factory(
        lambda t: _is_attrs_class(t) and bool(getattr(t, "__wire_derived__", ())),
        _derived_unstructure_factory,
    )
    with _lock:
        for configure in _configurators:
            configure(conv)
        _built.append(conv)
    return conv


def register_hooks(configure: Configurator) -> None:
    """Add hooks for a type the converter does not know.

    ``configure`` receives a converter and registers hooks on it. It is applied
    at once to the converters already built and to every converter built later,
    so import order does not matter.

    >>> import cattrs
    >>> class Percent(float): ...
    >>> def percent_hooks(converter, cls=Percent):
    ...     converter.register_unstructure_hook(cls, lambda p: f"{p}%")
    >>> register_hooks(percent_hooks)
    >>> to_dict(Percent(6.0))
    '6.0%'
    """
    with _lock:
        _configurators.append(configure)
        for conv in _built:
            configure(conv)


def default_converter(*, lenient: bool = False) -> cattrs.Converter:
    """The process-wide converter (strict, or ``lenient`` about unknown keys).

    Built on first use. Converters cannot be pickled: batch code running in
    worker processes calls the module-level functions, which fetch it there.
    """
    conv = _defaults.get(lenient)
    if conv is None:
        conv = make_converter(forbid_extra_keys=not lenient)
        _defaults[lenient] = conv
    return conv


# --- public API -------------------------------------------------------------


def from_dict(cls: type[T], data: object, *, lenient: bool = False) -> T:
    """Structure ``data`` (a dict from JSON, CSV or another system) into ``cls``.

    Every problem is reported at once, each at its path, as one
    :class:`~koperasi_id.errors.ValidationError`.
    """
    conv = default_converter(lenient=lenient)
    try:
        return conv.structure(data, cls)
    except ValidationError as err:
        error = err
    except Exception as exc:  # noqa: BLE001 - sorted below: bugs are raised again
        error = ValidationError(problems_from_exception(exc))
    # Raised outside the handler and cut loose from cattrs' exception groups, which
    # cannot be pickled: batch workers ship this error back to their parent process.
    error.__context__ = error.__cause__ = None
    raise error.with_traceback(None)


def to_dict(obj: Any) -> Any:
    """Unstructure an entity or value into plain JSON-ready Python data.

    Data nested deeper than Python's recursion limit (no entity is: the JSON
    readers stop at ``MAX_JSON_DEPTH`` levels) is refused with ``json.depth``.
    """
    try:
        return default_converter().unstructure(obj)
    except RecursionError:
        # Only a caller's own nested lists or dicts get this deep; the
        # converter recurses once per level and has no cheaper bound.
        error = ValidationError.single(
            "json.depth",
            "the data nests too deeply to write out",
            message_id="data bersarang terlalu dalam untuk ditulis",
        )
    raise error


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """Serialise to JSON text (UTF-8 safe, non-ASCII kept as is)."""
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent, default=_no_json_form)


def _no_json_form(value: object) -> Any:
    # json.dumps calls this for what it cannot write (bytes, a set of objects
    # the converter does not know): the caller's value, not a bug here.
    raise ValidationError.single(
        "type.no_json_form",
        f"a {type(value).__name__} has no JSON form",
        message_id=f"{type(value).__name__} tidak memiliki bentuk JSON",
    )


def from_json(cls: type[T], text: str | bytes, *, lenient: bool = False) -> T:
    """Parse JSON text and structure it into ``cls``.

    JSON numbers with a fraction are read as :class:`~decimal.Decimal`, so
    ``12.5`` in a document stays exact. The text is read within the JSON
    limits (size, nesting depth, number length, no exponent notation; see
    ``koperasi_id._json.loads``): malformed or oversized JSON is a
    ValidationError, never a ``RecursionError``.
    """
    data = _json.loads(text)
    return from_dict(cls, data, lenient=lenient)
