"""Structuring failures as problems: the library's own errors, cattrs' exception groups flattened.

The converter's hooks (:mod:`koperasi_id.serialization`) raise through
``_fail``; :func:`problems_from_exception` turns whatever structuring raised
into problems with full paths, and raises again what is a bug rather than the
caller's data.
"""

from __future__ import annotations

from typing import Any

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    StructureHandlerNotFoundError,
)

from koperasi_id._values import mask
from koperasi_id.errors import Problem, ValidationError, join_path


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


#: ``csv.DictReader`` files the cells past the header under the key ``None``.
#: One frozen instance serves every such row (flat rows and BPUM rows alike).
EXTRA_CELLS = Problem(
    path="$",
    code="row.extra_cells",
    message="the row has more cells than the header has columns",
    message_id="baris ini memiliki lebih banyak sel daripada kolom pada header",
)


def not_a_row(row: object) -> ValidationError:
    """The refusal of a "row" that does not map column names to cells.

    >>> not_a_row([1, 2]).problems[0].message
    'a row maps column names to cells, got list'
    """
    return _fail(
        "type.object",
        f"a row maps column names to cells, got {type(row).__name__}",
        f"baris harus memetakan nama kolom ke sel, bukan {type(row).__name__}",
    )


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
