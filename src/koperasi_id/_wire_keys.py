"""Tables keyed by tuples on the wire: one ``"a/b"`` text key per tuple.

JSON and TOML keys are text, so a ``Mapping[tuple[A, B], V]`` (the start-up
capital of a KSP by form and membership area, say) travels with each key's
parts in their own wire form joined by ``/``. Both directions are hooks of the
library's converter (:func:`koperasi_id.serialization.make_converter`
registers them), so what the register exports is exactly what an overrides
file, or any other reader, structures back.

>>> from koperasi_id.cooperatives import CooperativeForm, MembershipArea
>>> from koperasi_id.serialization import default_converter
>>> kind = dict[tuple[CooperativeForm, MembershipArea], int]
>>> wire = default_converter().unstructure(
...     {(CooperativeForm.PRIMARY, MembershipArea.WITHIN_REGENCY): 1}, kind)
>>> wire
{'primer/dalam_kabupaten_kota': 1}
>>> default_converter().structure(wire, kind) == {
...     (CooperativeForm.PRIMARY, MembershipArea.WITHIN_REGENCY): 1}
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, get_args, get_origin

import cattrs

from koperasi_id._values import mask
from koperasi_id.errors import ValidationError

__all__ = [
    "SEPARATOR",
    "is_tuple_keyed",
    "key_text",
    "tuple_key_structure_factory",
    "tuple_key_unstructure_factory",
]

SEPARATOR = "/"


def _key_parts(t: object) -> tuple[Any, ...] | None:
    # The part types of a fixed-length tuple key, or None for any other key.
    args = get_args(t)
    if get_origin(t) not in (dict, Mapping) or len(args) != 2:
        return None
    parts = get_args(args[0])
    if get_origin(args[0]) is not tuple or not parts or Ellipsis in parts:
        return None
    return parts


def is_tuple_keyed(t: object) -> bool:
    """Whether ``t`` is a ``dict`` or ``Mapping`` keyed by a fixed-length tuple."""
    return _key_parts(t) is not None


def key_text(parts: Iterable[object]) -> str:
    """One wire key from the parts' wire forms.

    A part that is not non-empty text free of the separator would not split
    back into the same tuple; it is the library's own table at fault, so it is
    a ``TypeError``, never a key that reads back as something else.

    >>> key_text(["primer", "lintas_provinsi"])
    'primer/lintas_provinsi'
    >>> key_text(["a/b", "c"])
    Traceback (most recent call last):
    ...
    TypeError: a tuple key's part has no wire form: 'a/b'
    """
    texts: list[str] = []
    for part in parts:
        if not isinstance(part, str) or not part or SEPARATOR in part:
            raise TypeError(f"a tuple key's part has no wire form: {mask(part, quote=True)}")
        texts.append(part)
    return SEPARATOR.join(texts)


def tuple_key_unstructure_factory(
    t: Any, converter: cattrs.BaseConverter
) -> Callable[[Mapping[Any, Any]], dict[str, Any]]:
    """The converter's unstructure hook for a tuple-keyed table type ``t``."""
    parts = _key_parts(t)
    assert parts is not None
    part_hooks = [converter.get_unstructure_hook(p) for p in parts]
    inner = converter.get_unstructure_hook(get_args(t)[1])

    def unstructure_table(value: Mapping[Any, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, tuple) or len(key) != len(parts):
                raise TypeError(f"a key of this table is a tuple of {len(parts)} parts")
            out[key_text(hook(part) for hook, part in zip(part_hooks, key, strict=True))] = inner(
                item
            )
        return out

    return unstructure_table


def tuple_key_structure_factory(
    t: Any, converter: cattrs.BaseConverter
) -> Callable[[object, type], dict[Any, Any]]:
    """The converter's structure hook for a tuple-keyed table type ``t``.

    Every key and value is checked; each problem is at the key's (masked) path.
    """
    from koperasi_id._container_hooks import structure_text_keyed  # noqa: PLC0415 - with the converter

    parts = _key_parts(t)
    assert parts is not None
    part_hooks = [converter.get_structure_hook(p) for p in parts]
    value_type = get_args(t)[1]
    inner = converter.get_structure_hook(value_type)
    shape = SEPARATOR.join(getattr(p, "__name__", "part") for p in parts)

    def parse_key(key: str) -> tuple[Any, ...]:
        texts = key.split(SEPARATOR)
        if len(texts) != len(parts) or not all(texts):
            raise ValidationError.single(
                "key.parts",
                f"a key of this table is {len(parts)} parts joined by {SEPARATOR!r} ({shape})",
                message_id=f"kunci tabel ini terdiri dari {len(parts)} bagian yang digabung dengan {SEPARATOR!r} ({shape})",
            )
        return tuple(
            hook(text, kind) for hook, text, kind in zip(part_hooks, texts, parts, strict=True)
        )

    def structure_table(value: object, _: type) -> dict[Any, Any]:
        return structure_text_keyed(value, inner, value_type, parse_key)

    return structure_table
