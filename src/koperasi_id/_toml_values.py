"""Reading a wire value written in TOML, which has no null.

A rule's value may hold nulls (a tier with no upper bound, a citation with no
note); JSON writes them ``null``, TOML cannot. In a TOML reform file the empty
table ``{}`` stands for null wherever the value's type allows null and is not
itself a table type (a mapping). Everything else reads exactly as
:func:`koperasi_id.serialization.from_dict` reads it, with the same hooks.

>>> from decimal import Decimal
>>> structure_toml(tuple[Decimal | None, Decimal], [{}, "5"])
(None, Decimal('5'))
>>> structure_toml(dict[str, int] | None, {})
{}
>>> structure_toml(Decimal, {})
Traceback (most recent call last):
...
koperasi_id.errors.ValidationError: 1 problem: $: expected a decimal string, got dict [type.decimal]
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any, get_origin

import cattrs

from koperasi_id.errors import ValidationError

__all__ = ["structure_toml"]

_converter: list[cattrs.Converter] = []
_lock = threading.Lock()


def _takes_table(t: object) -> bool:
    return (get_origin(t) or t) in (dict, Mapping)


def _optional_hook_factory(t: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    from koperasi_id._container_hooks import _optional_inner  # noqa: PLC0415 - upper layer, on demand

    inner_type = _optional_inner(t)
    inner = converter.get_structure_hook(inner_type)
    empty_is_null = not _takes_table(inner_type)

    def structure_optional(value: object, _: type) -> Any:
        if value is None or (empty_is_null and type(value) is dict and not value):
            return None
        return inner(value, inner_type)

    return structure_optional


def _toml_converter() -> cattrs.Converter:
    with _lock:
        if not _converter:
            from koperasi_id._container_hooks import _optional_inner  # noqa: PLC0415 - on demand
            from koperasi_id.serialization import make_converter  # noqa: PLC0415 - on demand

            conv = make_converter()
            # Registered last, so it wins over the strict converter's own optional hook.
            conv.register_structure_hook_factory(
                lambda t: _optional_inner(t) is not None, _optional_hook_factory
            )
            _converter.append(conv)
        return _converter[0]


def structure_toml(kind: Any, data: object) -> Any:
    """Structure ``data`` read from TOML into ``kind``, ``{}`` standing for null."""
    from koperasi_id.serialization import problems_from_exception  # noqa: PLC0415 - on demand

    try:
        return _toml_converter().structure(data, kind)
    except ValidationError as err:
        error = err
    except Exception as exc:  # noqa: BLE001 - sorted by problems_from_exception: bugs re-raised
        error = ValidationError(problems_from_exception(exc))
    error.__context__ = error.__cause__ = None
    raise error.with_traceback(None)
