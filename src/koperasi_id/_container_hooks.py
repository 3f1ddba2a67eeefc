"""The converter's hooks for collections: tuples, sets, mappings and optional values.

cattrs' own hooks would iterate a string into characters, a dict into its
keys, or call ``.items()`` on ``null``; these refuse what is not the
collection asked for, with the library's own problem, and tell the
converter's first try (:mod:`koperasi_id._fast_structure`) how to take their
common case in one step.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, get_args, get_origin

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.gen import make_mapping_structure_fn

from koperasi_id import _fast_structure
from koperasi_id._structure_problems import _fail, _not_object, problems_from_exception
from koperasi_id._values import mask
from koperasi_id.errors import Problem, ValidationError


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
