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
import functools
import json
import re
import threading
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    StructureHandlerNotFoundError,
)
from cattrs.gen import make_mapping_structure_fn

from koperasi_id import _fast_structure, _json
from koperasi_id._days import FIRST_DAY, LAST_DAY
from koperasi_id._numbers import (
    DECIMAL_PLACES,
    MAX_MAGNITUDE,
    MAX_NUMBER_TEXT,
    WHOLE_DIGITS,
    check_decimal,
    check_whole,
    decimal_places,
)
from koperasi_id._values import ValueType, mask
from koperasi_id._wire_keys import (
    is_tuple_keyed,
    tuple_key_structure_factory,
    tuple_key_unstructure_factory,
)
from koperasi_id.errors import Problem, ValidationError, join_path

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

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PLAIN_DECIMAL = re.compile(r"-?+[0-9]++(?:\.[0-9]++)?+")
_configurators: list[Configurator] = []
_built: list[cattrs.Converter] = []
_lock = threading.Lock()
_defaults: dict[bool, cattrs.Converter] = {}


def _type_name(t: object) -> str:
    return getattr(t, "__name__", None) or mask(t, limit=80, quote=True)


def _excerpt(value: object) -> str:
    # Values echoed in messages are cut short and any 12+ digit run (a NIK in
    # the wrong field) is masked: messages end up in logs and output files.
    return mask(value, limit=40, quote=True)


def _fail(code: str, message: str, message_id: str) -> ValidationError:
    return ValidationError.single(code, message, message_id=message_id)


def _not_object(value: object) -> ValidationError:
    return _fail(
        "type.object",
        f"expected an object, got {type(value).__name__}",
        f"harus berupa objek, bukan {type(value).__name__}",
    )


# --- strict primitive hooks -------------------------------------------------
# Each checks the exact type first (the fast, common path) and raises the
# library's own error, so messages never read "invalid value for type".


def _unstructure_int(value: int) -> int:
    # The policy holds on the way out too: what from_dict would refuse must
    # not be written (json.dumps of a 5,000-digit int is a bare ValueError).
    return value if type(value) is bool else check_whole(value)


def _structure_str(value: object, _: type) -> str:
    if type(value) is str:
        return value
    raise _fail(
        "type.str",
        f"expected a string, got {type(value).__name__}",
        f"harus berupa teks, bukan {type(value).__name__}",
    )


def _structure_int(value: object, _: type) -> int:
    if type(value) is int:
        assert isinstance(value, int)
        return check_whole(value)
    if isinstance(value, bool):
        raise _fail(
            "type.int",
            "expected a whole number, got a boolean",
            "harus bilangan bulat, bukan boolean",
        )
    raise _fail(
        "type.int",
        f"expected a whole number, got {type(value).__name__} {_excerpt(value)}",
        f"harus bilangan bulat, diisi {type(value).__name__} {_excerpt(value)}",
    )


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is bool:
        return value
    raise _fail(
        "type.bool",
        f"expected true or false, got {type(value).__name__} {_excerpt(value)}",
        f"harus true atau false, diisi {type(value).__name__} {_excerpt(value)}",
    )


def _structure_decimal(value: object, _: type) -> Decimal:
    # The number policy (koperasi_id._numbers) for every decimal on the wire:
    # plain text, at most 10**15 either side of zero, at most four places
    # (money fields narrow that to two in their validators), never -0.
    kind = type(value)
    if kind is str:
        assert isinstance(value, str)
        if len(value) <= WHOLE_DIGITS and value.isdigit() and value.isascii():
            return Decimal(value)  # whole, unsigned, below 10**15: the checks below pass
        if len(value) <= MAX_NUMBER_TEXT and _PLAIN_DECIMAL.fullmatch(value):
            return check_decimal(Decimal(value), places=DECIMAL_PLACES, code="number")
        raise _fail(
            "type.decimal",
            f"expected a decimal string like '1234567.89', got {_excerpt(value)}; the wire "
            "format takes no exponent, grouping or 'Rp' (read typed amounts with "
            "koperasi_id.money.parse_amount_text first)",
            f"harus teks desimal seperti '1234567.89', diisi {_excerpt(value)}; format data "
            "tidak menerima eksponen, pengelompokan atau 'Rp' (baca jumlah yang diketik dengan "
            "koperasi_id.money.parse_amount_text terlebih dahulu)",
        )
    if kind is int:
        assert isinstance(value, int)
        return Decimal(check_whole(value))
    if kind is Decimal:
        assert isinstance(value, Decimal)
        if not value.is_finite():
            raise _fail(
                "type.decimal",
                f"expected a finite number, got {_excerpt(value)}",
                f"harus bilangan hingga, diisi {_excerpt(value)}",
            )
        return check_decimal(value, places=DECIMAL_PLACES, code="number")
    if kind is float:
        raise _fail(
            "type.float",
            f"a float cannot hold money exactly; send the amount as a string such as "
            f"{_excerpt(value)}",
            f"float tidak dapat memuat jumlah uang dengan tepat; kirim jumlahnya sebagai teks "
            f"seperti {_excerpt(value)}",
        )
    raise _fail(
        "type.decimal",
        f"expected a decimal string, got {kind.__name__}",
        f"harus teks desimal, bukan {kind.__name__}",
    )


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


def _in_day_bound(day: date) -> date:
    # Entities feed their dates to the rules, which take days from FIRST_DAY to
    # LAST_DAY only: refused here, the caller gets a problem at the field's path
    # instead of a RuleInputError from deep inside an entity's own checks.
    if FIRST_DAY <= day <= LAST_DAY:
        return day
    raise _fail(
        "date.range",
        f"a date is from {FIRST_DAY} to {LAST_DAY}, got {day.isoformat()}",
        f"tanggal harus dari {FIRST_DAY} sampai {LAST_DAY}, diisi {day.isoformat()}",
    )


@functools.lru_cache(maxsize=4096)
def _date_from_text(value: str) -> date:
    # Cached: records repeat their dates (one akad day for a whole batch, the
    # same start dates), a date is immutable and this is a pure function of
    # the text. A refused text raises, and lru_cache keeps no failures.
    if _ISO_DATE.fullmatch(value):
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            raise _fail(
                "type.date",
                f"{_excerpt(value)} is not a real calendar date",
                f"{_excerpt(value)} bukan tanggal kalender yang nyata",
            ) from None
        return _in_day_bound(parsed)
    raise _fail(
        "type.date",
        f"expected an ISO date 'YYYY-MM-DD', got {_excerpt(value)}",
        f"harus tanggal ISO 'YYYY-MM-DD', diisi {_excerpt(value)}",
    )


def _structure_date(value: object, _: type) -> date:
    if type(value) is str:
        assert isinstance(value, str)
        return _date_from_text(value)
    if type(value) is date:
        assert isinstance(value, date)
        return _in_day_bound(value)
    if isinstance(value, datetime):
        raise _fail(
            "type.date",
            "expected a date, got a datetime; pass its .date()",
            "harus tanggal, bukan datetime; berikan .date()-nya",
        )
    raise _fail(
        "type.date",
        f"expected an ISO date string, got {type(value).__name__}",
        f"harus teks tanggal ISO, bukan {type(value).__name__}",
    )


# What each strict hook returns for its commonest values, as an expression the
# converter's first try (koperasi_id._fast_structure) inlines; every other
# value still goes through the hook ({call}). Each mirrors the hook's own
# first branch above.
_fast_structure.SHORTCUTS_IN.update(
    {
        _structure_str: ("v if type(v) is str else {call}", {}),
        _structure_bool: ("v if type(v) is bool else {call}", {}),
        _structure_int: (
            "v if type(v) is int and -__max_magnitude <= v <= __max_magnitude else {call}",
            {"__max_magnitude": MAX_MAGNITUDE},
        ),
        _structure_decimal: (
            "__Decimal(v) if type(v) is str and len(v) <= __whole_digits and v.isdigit() "
            "and v.isascii() else {call}",
            {"__Decimal": Decimal, "__whole_digits": WHOLE_DIGITS},
        ),
        _structure_date: (
            "__date_from_text(v) if type(v) is str else {call}",
            {"__date_from_text": _date_from_text},
        ),
    }
)
_fast_structure.SHORTCUTS_OUT.update(
    {
        # bool fields go through the int hook, which returns a bool unchanged.
        _unstructure_int: (
            "v if type(v) is bool or (type(v) is int and -__max_magnitude <= v <= "
            "__max_magnitude) else {call}",
            {"__max_magnitude": MAX_MAGNITUDE},
        ),
        decimal_text: (
            "__text if type(v) is __Decimal and 'E' not in (__text := str(v)) else {call}",
            {"__Decimal": Decimal},
        ),
    }
)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = dict(cls._value2member_map_)
    allowed = ", ".join(repr(m.value) for m in cls)

    def structure_enum(value: object, _: type) -> enum.Enum:
        if type(value) is cls:
            assert isinstance(value, enum.Enum)
            return value
        try:
            member: enum.Enum = by_value[value]
            return member
        except (KeyError, TypeError):
            shown = _excerpt(value)
            raise _fail(
                "enum",
                f"{shown} is not a {cls.__name__}; expected one of {allowed}",
                f"{shown} bukan {cls.__name__} yang dikenal; pilih salah satu dari {allowed}",
            ) from None

    # Text that names a member: the member, as the look-up above gives it.
    _fast_structure.SHORTCUTS_IN[structure_enum] = (
        f"__members{id(cls)}[v] if type(v) is str and v in __members{id(cls)} else {{call}}",
        {f"__members{id(cls)}": by_value},
    )
    return structure_enum


#: Recent parses kept per value type. Registries repeat the same region codes,
#: KBLI codes and (borrower = owner) NIKs on every record, and a value type is
#: immutable with ``parse`` a pure function of its input.
VALUE_CACHE_SIZE = 4096


_text_parsers: dict[type, Callable[[str], ValueType]] = {}


def _text_parser(cls: type[ValueType]) -> Callable[[str], ValueType]:
    # One cache per class, shared by every hook and converter built for it.
    parser = _text_parsers.get(cls)
    if parser is None:
        parser = _text_parsers[cls] = functools.lru_cache(maxsize=VALUE_CACHE_SIZE)(cls.parse)
    return parser


def _value_type_hook(cls: type[ValueType]) -> Callable[[object, type], ValueType]:
    parse = cls.parse
    parse_text = _text_parser(cls)

    def structure_value(value: object, _: type) -> ValueType:
        if type(value) is str:
            return parse_text(value)
        if type(value) is cls:
            assert isinstance(value, ValueType)
            return value
        return parse(value)

    _fast_structure.TEXT[structure_value] = parse_text
    return structure_value


def _is_homogeneous_tuple(t: object) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(t: Any, converter: cattrs.BaseConverter) -> Callable[[object, type], Any]:
    inner = homogenous_tuple_structure_factory(t, converter)
    # The item hook cattrs' detailed function calls, fetched the same way: a
    # first try runs it over the items without the per-item error collection,
    # and any failure runs the detailed function from the start (as objects
    # do, koperasi_id._fast_structure).
    item_type = get_args(t)[0]
    try:
        item = converter.get_structure_hook(item_type)
    except RecursionError:
        item = converter.structure
    state = _fast_structure.state

    def structure_sequence(value: object, cl: type) -> Any:
        # cattrs would happily iterate a string into characters or a dict into keys.
        if type(value) is list or type(value) is tuple:
            if item_type is not Any and not getattr(state, "depth", 0):
                try:
                    return tuple([item(v, item_type) for v in value])
                except Exception:  # noqa: BLE001 - the detailed run reports it, or raises it again
                    with _fast_structure.detailed():
                        return inner(value, cl)
            return inner(value, cl)
        raise _fail(
            "type.list",
            f"expected a list, got {type(value).__name__}",
            f"harus berupa daftar (list), bukan {type(value).__name__}",
        )

    return structure_sequence


def _is_mapping(t: object) -> bool:
    return get_origin(t) in (dict, Mapping) or t in (dict, Mapping)


def _any_mapping_hook_factory(t: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    # Mappings with keys other than str (those have _mapping_hook_factory,
    # registered later, so it wins for them). cattrs' own mapping hook calls value.items() on anything: null or a
    # list would escape as an AttributeError, which reads as a bug. Built with
    # the factory, not gen_structure_mapping(), which registers its own hook
    # for ``t`` in place of this one.
    origin = get_origin(t) or t
    inner = make_mapping_structure_fn(
        t, converter, dict if origin is Mapping else origin, detailed_validation=True
    )

    def structure_mapping(value: object, cl: type) -> Any:
        if isinstance(value, Mapping):
            return inner(value, cl)
        raise _not_object(value)

    return structure_mapping


def _is_set(t: object) -> bool:
    return get_origin(t) in (set, frozenset) or t in (set, frozenset)


def _set_item(t: object) -> Any:
    args = get_args(t)
    return args[0] if args else Any


def _set_hook_factory(t: Any, converter: cattrs.BaseConverter) -> Callable[[object, type], Any]:
    # Through the tuple hook: a list on the wire, never a string iterated into
    # characters (a 100 KB cell made 100,000 problems), item paths like tuples.
    items = converter.get_structure_hook(tuple[_set_item(t), ...])  # type: ignore[misc]
    build = set if (get_origin(t) or t) is set else frozenset

    def structure_set(value: object, _: type) -> Any:
        return build(items(value, tuple))

    return structure_set


def _set_unstructure_factory(t: Any, converter: cattrs.BaseConverter) -> Callable[[Any], Any]:
    # A JSON list, sorted so that the same set always writes the same text.
    item = converter.get_unstructure_hook(_set_item(t))

    def unstructure_set(value: Any) -> list[Any]:
        return sorted((item(v) for v in value), key=repr)

    return unstructure_set


def _is_str_mapping(t: object) -> bool:
    args = get_args(t)
    return get_origin(t) in (dict, Mapping) and len(args) == 2 and args[0] is str


def structure_text_keyed(
    value: object,
    inner: Callable[[object, Any], Any],
    value_type: Any,
    parse_key: Callable[[str], Any] | None = None,
) -> dict[Any, Any]:
    """A JSON object into a dict: text keys (read by ``parse_key``), values by ``inner``.

    Every key and value is checked and each problem is reported at the key's
    (masked) path; two keys that read as one are ``key.duplicate``.
    """
    # cattrs' own hook calls .items() on whatever it gets: a bool would be
    # an AttributeError, not the caller's data error.
    if not isinstance(value, Mapping):
        raise _not_object(value)
    out: dict[Any, Any] = {}
    problems: list[Problem] = []
    for key, item in value.items():
        # The key came from the input: it reaches the path masked.
        path = f"$.{mask(key)}"
        if type(key) is not str:
            problems.append(
                Problem(
                    path=path,
                    code="type.str",
                    message="keys are strings",
                    message_id="kunci harus berupa teks",
                )
            )
            continue
        built = key
        if parse_key is not None:
            try:
                built = parse_key(key)
            except Exception as exc:  # noqa: BLE001 - reported as the caller's data
                problems.extend(problems_from_exception(exc, path))
                continue
            if built in out:
                problems.append(
                    Problem(
                        path=path,
                        code="key.duplicate",
                        message="the same key twice",
                        message_id="kunci yang sama muncul dua kali",
                    )
                )
                continue
        try:
            out[built] = inner(item, value_type)
        except Exception as exc:  # noqa: BLE001 - reported as the caller's data
            problems.extend(problems_from_exception(exc, path))
    if problems:
        raise ValidationError(problems)
    return out


def _mapping_hook_factory(t: Any, converter: cattrs.BaseConverter) -> Callable[[object, type], Any]:
    value_type = get_args(t)[1]
    inner = converter.get_structure_hook(value_type)

    def structure_mapping(value: object, _: type) -> Any:
        return structure_text_keyed(value, inner, value_type)

    return structure_mapping


def _optional_inner(t: object) -> Any:
    """``X`` for ``X | None`` (and ``Optional[X]``), otherwise ``None``."""
    if get_origin(t) not in (typing.Union, types.UnionType):
        return None
    args = get_args(t)
    if len(args) != 2 or type(None) not in args:
        return None
    return args[0] if args[1] is type(None) else args[1]


def _optional_hook_factory(
    t: Any, converter: cattrs.BaseConverter
) -> Callable[[object, type], Any]:
    # cattrs' own optional hook looks the inner hook up on every call; fetch it once.
    inner_type = _optional_inner(t)
    inner = converter.get_structure_hook(inner_type)

    def structure_optional(value: object, _: type) -> Any:
        if value is None:
            return None
        return inner(value, inner_type)

    _fast_structure.OPTIONAL[structure_optional] = (inner, inner_type)
    return structure_optional


def _is_attrs_class(t: object) -> bool:
    # Value types may be attrs classes too; they travel as strings, not objects.
    # A generic one (Regime[Any]) gets the same strict hook as a plain class.
    origin = get_origin(t) or t
    return isinstance(origin, type) and attrs.has(origin) and not issubclass(origin, ValueType)


def derived_fields(cls: type) -> dict[str, Any]:
    """The computed properties a class writes on the wire, with their types.

    A class lists them in ``__wire_derived__`` (a schedule's totals): ``to_dict``
    writes them after the fields, ``from_dict`` accepts them and refuses a
    value that differs from the one computed (``derived.mismatch``), so a
    document cannot carry totals that contradict its rows.
    """
    names: tuple[str, ...] = getattr(cls, "__wire_derived__", ())
    return {name: typing.get_type_hints(getattr(cls, name).fget)["return"] for name in names}


def _attrs_hook_factory(t: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    try:
        inner = converter.gen_structure_attrs_fromdict(t)
    except NameError:
        # An annotation names a type imported only for type checkers: the
        # class, not any data, is at fault, as with a type that has no hook.
        raise TypeError(
            f"cannot structure {mask(_type_name(t), limit=80)}: its field types cannot be "
            "resolved at run time"
        ) from None
    derived = derived_fields(t)
    first_try = (
        None
        if derived or get_origin(t) is not None
        else _fast_structure.first_try(t, inner, forbid_extra_keys=converter.forbid_extra_keys)
    )
    state = _fast_structure.state

    def structure_object(value: object, cl: type) -> Any:
        if first_try is not None and type(value) is dict and not getattr(state, "depth", 0):
            try:
                return first_try(value, cl)
            except Exception:  # noqa: BLE001 - the detailed run reports it, or raises it again
                with _fast_structure.detailed():
                    return inner(value, cl)
        # An exact dict is by far the common case; the ABC check costs more.
        if type(value) is dict or isinstance(value, Mapping):
            if derived:
                return _structure_derived(converter, derived, inner, value, cl)
            return inner(value, cl)
        raise _fail(
            "type.object",
            f"expected an object ({_type_name(t)}), got {type(value).__name__}",
            f"harus berupa objek ({_type_name(t)}), bukan {type(value).__name__}",
        )

    return structure_object


def _structure_derived(
    converter: cattrs.Converter,
    derived: Mapping[str, Any],
    inner: Callable[[Any, type], Any],
    value: Mapping[str, Any],
    cl: type,
) -> Any:
    fields = {k: v for k, v in value.items() if k not in derived}
    built = inner(fields, cl)
    problems: list[Problem] = []
    for name, kind in derived.items():
        if name not in value:
            continue
        try:
            given = converter.structure(value[name], kind)
        except Exception as exc:  # noqa: BLE001 - reported as the caller's data
            problems.extend(problems_from_exception(exc, f"$.{name}"))
            continue
        try:
            computed = _derived_value(getattr(built, name))
        except ArithmeticError:
            computed = None  # undefined for these fields (a zero principal): nothing matches
        if given != computed:
            problems.append(
                Problem(
                    path=f"$.{name}",
                    code="derived.mismatch",
                    message=f"{name} is computed from the other fields and differs from the "
                    "value given",
                    message_id=f"{name} dihitung dari kolom lain dan berbeda dari nilai "
                    "yang diberikan",
                )
            )
    if problems:
        raise ValidationError(problems)
    return built


def _enum_out(t: type[enum.Enum]) -> Callable[[enum.Enum], Any]:
    def unstructure_enum(member: enum.Enum) -> Any:
        # The member's own slot: the ``value`` property costs a descriptor call.
        return member._value_

    _fast_structure.SHORTCUTS_OUT[unstructure_enum] = (
        f"v._value_ if type(v) is __enum{id(t)} else {{call}}",
        {f"__enum{id(t)}": t},
    )
    return unstructure_enum


def _optional_unstructure_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    # As cattrs' own (the inner hook fetched once), known to the plain writer.
    inner_type = _optional_inner(t)
    inner = (
        converter.unstructure
        if isinstance(inner_type, TypeVar)
        else converter.get_unstructure_hook(inner_type)
    )

    def unstructure_optional(value: Any) -> Any:
        return None if value is None else inner(value)

    _fast_structure.OPTIONAL_OUT[unstructure_optional] = inner
    return unstructure_optional


def _plain_unstructure_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    generated = converter.gen_unstructure_attrs_fromdict(t)
    plain = _fast_structure.plain_unstructure(t, generated, converter.get_unstructure_hook)
    return plain or generated


def _derived_unstructure_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    inner = converter.gen_unstructure_attrs_fromdict(t)
    derived = derived_fields(t)

    def unstructure_object(obj: Any) -> Any:
        out = inner(obj)
        for name, kind in derived.items():
            out[name] = converter.unstructure(_derived_value(getattr(obj, name)), kind)
        return out

    return unstructure_object


def _derived_value(value: Any) -> Any:
    # A computed ratio (a flat-rate equivalent) has more places than the number
    # policy reads back; it is written, and compared, at the policy's places.
    if isinstance(value, Decimal) and value.is_finite():
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > DECIMAL_PLACES:
            return value.quantize(Decimal(1).scaleb(-DECIMAL_PLACES), rounding=ROUND_HALF_EVEN)
    return value


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


# --- turning cattrs' exception groups into our problems ---------------------


def problems_from_exception(exc: BaseException, path: str = "$") -> list[Problem]:
    """Flatten a structuring exception into problems with full paths.

    Only what means bad input becomes a problem: the library's
    ValidationError, a missing or unknown key, and attrs' own validators'
    errors, also inside cattrs' exception groups. Anything else (a
    ``RuntimeError`` or ``AttributeError`` from a hook, say) is a bug, not
    the caller's data, and is raised again as it is.
    """
    if isinstance(exc, ValidationError):
        return [p.under(path) for p in exc.problems]
    if isinstance(exc, ClassValidationError):
        out: list[Problem] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            out.extend(_problem_at(sub, f"{path}.{note.name}", note.type, note.name))
        for sub in without:
            out.extend(problems_from_exception(sub, path))
        return out
    if isinstance(exc, IterableValidationError):
        out = []
        items, rest = exc.group_exceptions()
        for sub, inote in items:
            # The index of a mapping is its key, which is input: it may be a NIK.
            index = mask(inote.index, quote=isinstance(inote.index, str))
            out.extend(_problem_at(sub, f"{path}[{index}]", inote.type))
        for sub in rest:
            out.extend(problems_from_exception(sub, path))
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = ", ".join(a.name for a in attrs.fields(exc.cl)) if attrs.has(exc.cl) else ""
        return [
            Problem(
                path=join_path(path, f"$.{mask(key)}"),
                code="unknown_field",
                message=f"unknown field {_excerpt(key)}"
                + (f"; known fields: {allowed}" if allowed else ""),
                message_id=f"kolom {_excerpt(key)} tidak dikenal"
                + (f"; kolom yang dikenal: {allowed}" if allowed else ""),
            )
            for key in sorted(exc.extra_fields, key=mask)
        ]
    return _problem_at(exc, path, None)


def _attrs_validator_failure(exc: BaseException) -> tuple[str, attrs.Attribute[Any]] | None:
    """``(message, attribute)`` when ``exc`` is an attrs validator refusing a value.

    Some of attrs' validators (``instance_of``, ``in_``) raise
    ``(message, attribute, ...)``; others (``min_len``, ``ge``, ``le``) raise a
    bare message, recognised by the frame that raised it: attrs' validators
    module, holding the attribute it checked. Any other exception is a bug.
    """
    if not isinstance(exc, TypeError | ValueError):
        return None
    args = exc.args
    if len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], attrs.Attribute):
        return args[0], args[1]
    tb = exc.__traceback__
    if tb is None or len(args) != 1 or not isinstance(args[0], str):
        return None
    while tb.tb_next is not None:
        tb = tb.tb_next
    frame = tb.tb_frame
    attribute = frame.f_locals.get("attr")
    if frame.f_globals.get("__name__") == "attr.validators" and isinstance(
        attribute, attrs.Attribute
    ):
        return args[0], attribute
    return None


def _problem_at(
    exc: BaseException, path: str, expected: object, key: str | None = None
) -> list[Problem]:
    if isinstance(exc, StructureHandlerNotFoundError):
        # The class, not the data, is at fault: reporting it as invalid data
        # would mark every record of a batch invalid and hide the bug.
        raise TypeError(
            f"cannot structure {mask(_type_name(exc.type_), limit=80)}: the converter has no hook "
            "for it; use X | None, tuple[X, ...], an attrs class, an enum or a ValueType, "
            "or add hooks with register_hooks()"
        ) from None
    if isinstance(exc, ValidationError | ClassValidationError | IterableValidationError):
        return problems_from_exception(exc, path)
    if isinstance(exc, ForbiddenExtraKeysError):
        return problems_from_exception(exc, path)
    if isinstance(exc, KeyError) and key is not None and exc.args == (key,):
        # cattrs looks the field's own key up; any other KeyError is a bug.
        return [
            Problem(
                path=path,
                code="missing",
                message="required field is missing",
                message_id="kolom wajib tidak ada",
            )
        ]
    kind = _type_name(expected) if expected is not None else "value"
    failure = _attrs_validator_failure(exc)
    if failure is None:
        # Not bad input but a bug in a hook, a validator or the converter:
        # reporting it as invalid data would hide it behind a polite problem.
        raise exc
    detail, attribute = failure
    path = join_path(path, f"$.{attribute.name}")
    # The value is often quoted in the detail; it may be a NIK.
    # The detail is attrs' own (English) text in both messages.
    return [
        Problem(
            path=path,
            code="invalid",
            message=f"invalid {kind}: {mask(detail)}",
            message_id=f"{kind} tidak sah: {mask(detail)}",
        )
    ]


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
