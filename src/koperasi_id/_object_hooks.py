"""The converter's hooks for attrs classes, and the derived fields some classes write.

Value types are attrs classes too, but travel as strings
(:mod:`koperasi_id._scalar_hooks`); every other attrs class is a JSON
object, structured first by a plain try (:mod:`koperasi_id._fast_structure`)
and, on any failure, by cattrs' detailed function that reports every problem.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, get_origin

import attrs
import cattrs

from koperasi_id import _fast_structure
from koperasi_id._numbers import DECIMAL_PLACES, computes
from koperasi_id._structure_problems import _fail, _type_name, problems_from_exception
from koperasi_id._values import ValueType, mask
from koperasi_id.errors import Problem, ValidationError


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


# Only the derived fields compute (a schedule's totals): the library's decimal
# context is entered there, not around every record structured.
@computes
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


def _plain_unstructure_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    generated = converter.gen_unstructure_attrs_fromdict(t)
    plain = _fast_structure.plain_unstructure(t, generated, converter.get_unstructure_hook)
    return plain or generated


def _derived_unstructure_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    inner = converter.gen_unstructure_attrs_fromdict(t)
    derived = derived_fields(t)

    @computes
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
