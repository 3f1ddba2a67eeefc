"""One regime of a reform document, checked key by key (see :mod:`koperasi_id._overrides`).

:func:`~koperasi_id._overrides.parse_overrides` reads the document and builds
the timelines; this module turns each entry of its ``regimes`` list into a
:class:`~koperasi_id.law.Regime` of a registered rule, or into the problems
found in it (every key is checked, so one pass reports them all).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from koperasi_id._days import FIRST_DAY, LAST_DAY
from koperasi_id._register import RegisteredRule, Unit, UnknownRuleError, history
from koperasi_id._values import has_long_digit_run, mask
from koperasi_id.errors import Problem, ValidationError

if TYPE_CHECKING:
    from koperasi_id.law import Regime

_KEYS = frozenset(
    {"rule", "action", "name", "valid_from", "valid_to", "unit", "confidence", "citation"}
    | {"value", "patch", "note"}
)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CITATION_KEYS = frozenset({"instrument", "article", "note"})
_ACTIONS = ("add", "replace")


def _day(value: object, path: str, problems: list[Problem]) -> date | None:
    day: date | None = None
    if type(value) is date:
        day = value
    elif isinstance(value, str) and _ISO_DAY.fullmatch(value):
        with contextlib.suppress(ValueError):  # 2027-02-30: the problem below
            day = date.fromisoformat(value)
    if day is not None:
        if FIRST_DAY <= day <= LAST_DAY:
            return day
        # A regime past the days a rule is asked about would make every look-up
        # near it fail later, far from the file; say so here, at its path.
        problems.append(
            Problem(
                path=path,
                code="overrides.date",
                message=f"a regime's day is from {FIRST_DAY} to {LAST_DAY}, got {day}",
                message_id=f"hari sebuah rezim dari {FIRST_DAY} sampai {LAST_DAY}, diisi {day}",
            )
        )
        return None
    problems.append(
        Problem(
            path=path,
            code="overrides.date",
            message="expected a date like 2027-01-01",
            message_id="harus tanggal seperti 2027-01-01",
        )
    )
    return None


def _not_a_table(path: str) -> Problem:
    return Problem(
        path=path,
        code="overrides.type",
        message="expected a table",
        message_id="harus berupa tabel",
    )


def _text(item: Mapping[str, Any], key: str, path: str, problems: list[Problem]) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(
            Problem(
                path=f"{path}.{key}",
                code="overrides.text",
                message="expected text",
                message_id="harus berupa teks",
            )
        )
        return None
    if has_long_digit_run(value):
        # A regime's name and citation are shown in every decision that uses it
        # (and in its to_dict): a 12+ digit run may be a NIK, and no decree
        # number or article has one. Refused, as mask() would hide part of it.
        problems.append(
            Problem(
                path=f"{path}.{key}",
                code="overrides.text",
                message=f"{mask(value, limit=60, quote=True)} holds a run of 12 or more digits, "
                "which may be a NIK; no decree number or article has one",
                message_id=f"{mask(value, limit=60, quote=True)} memuat 12 angka atau lebih "
                "berturut-turut, yang mungkin NIK; tidak ada nomor peraturan atau pasal seperti itu",
            )
        )
        return None
    return value


def _unknown_keys(
    item: Mapping[str, Any], allowed: frozenset[str], path: str, problems: list[Problem]
) -> None:
    problems.extend(
        Problem(
            path=f"{path}.{mask(str(key))}",
            code="overrides.unknown_key",
            message=f"unknown key (allowed: {', '.join(sorted(allowed))})",
            message_id=f"kunci tidak dikenal (yang diizinkan: {', '.join(sorted(allowed))})",
        )
        for key in item
        if key not in allowed
    )


def _value(raw: object, value_type: Any, path: str, problems: list[Problem], *, toml: bool) -> Any:
    from koperasi_id._toml_values import structure_toml  # noqa: PLC0415 - upper layer
    from koperasi_id.serialization import from_dict  # noqa: PLC0415 - upper layer, on demand

    if isinstance(raw, float):
        raw = Decimal(str(raw))  # TOML has no decimal type; its floats are written as decimals
    try:
        return (structure_toml if toml else from_dict)(value_type, _plain(raw))
    except ValidationError as err:
        problems.extend(p.under(path) for p in err.problems)
    except (TypeError, ValueError) as err:
        # A value type's own validator refused the value (attrs' min_len and
        # the like raise bare errors): the file is at fault, so it is a problem.
        problems.append(
            Problem(
                path=path,
                code="overrides.value",
                message=f"not a valid value of this rule: {mask(str(err))}",
                message_id=f"bukan nilai yang sah untuk aturan ini: {mask(str(err))}",
            )
        )
    return None


def _plain(raw: object) -> object:
    # TOML numbers with a fraction and JSON ones (parsed as Decimal) travel as
    # the wire format's decimal strings; whole numbers stay ints.
    if isinstance(raw, Decimal | float):
        return str(Decimal(str(raw)))
    if isinstance(raw, dict):
        return {key: _plain(value) for key, value in raw.items()}
    if isinstance(raw, list):
        return [_plain(value) for value in raw]
    return raw


def _merge(base: object, patch: object) -> object:
    if isinstance(base, dict) and isinstance(patch, dict):
        return {**base, **{key: _merge(base.get(key), value) for key, value in patch.items()}}
    return patch


def _patched(
    entry: RegisteredRule,
    start: date,
    patch: object,
    path: str,
    problems: list[Problem],
    *,
    toml: bool,
) -> Any:
    from koperasi_id._register_export import wire_value  # noqa: PLC0415 - upper layer

    base = entry.timeline.find(start)
    if base is None:
        problems.append(
            Problem(
                path=path,
                code="overrides.patch_base",
                message=f"no shipped {entry.info.id} regime is in force on {start} to patch; "
                "give the whole value",
                message_id=f"tidak ada rezim {entry.info.id} bawaan yang berlaku pada {start} untuk ditambal; "
                "berikan nilai lengkapnya",
            )
        )
        return None
    if not isinstance(patch, dict):
        problems.append(_not_a_table(path))
        return None
    merged = _merge(wire_value(base.value), patch)
    return _value(merged, entry.value_type, path, problems, toml=toml)


def _regime(
    item: object, path: str, problems: list[Problem], *, toml: bool
) -> tuple[str, str, Regime[Any]] | None:
    from koperasi_id.law import Citation, Confidence, Regime  # noqa: PLC0415 - law imports us

    if not isinstance(item, dict):
        problems.append(_not_a_table(path))
        return None
    start = len(problems)
    _unknown_keys(item, _KEYS, path, problems)
    rule_id = item.get("rule")
    entry = None
    if not isinstance(rule_id, str):
        problems.append(
            Problem(
                path=f"{path}.rule",
                code="overrides.missing",
                message="a rule id is needed",
                message_id="id aturan wajib diisi",
            )
        )
    else:
        try:
            entry = history(rule_id)
        except UnknownRuleError:
            problems.append(
                Problem(
                    path=f"{path}.rule",
                    code="overrides.unknown_rule",
                    message=f"no rule {mask(rule_id, limit=40, quote=True)} in the register",
                    message_id=f"aturan {mask(rule_id, limit=40, quote=True)} tidak ada dalam register",
                )
            )
    action = item.get("action", "add")
    if action not in _ACTIONS:
        problems.append(
            Problem(
                path=f"{path}.action",
                code="overrides.action",
                message="add or replace",
                message_id="add atau replace",
            )
        )
    name = _text(item, "name", path, problems)
    if name is None and "name" not in item:
        problems.append(
            Problem(
                path=f"{path}.name",
                code="overrides.missing",
                message="a regime name is needed",
                message_id="nama rezim wajib diisi",
            )
        )
    start_day = (
        _day(item["valid_from"], f"{path}.valid_from", problems) if "valid_from" in item else None
    )
    if start_day is not None and not FIRST_DAY <= start_day <= LAST_DAY:
        # A regime starts on a day a rule can be asked about (koperasi_id._days):
        # its patch is taken from the regime in force that day.
        problems.append(
            Problem(
                path=f"{path}.valid_from",
                code="overrides.date",
                message=f"a regime starts from {FIRST_DAY} to {LAST_DAY}, "
                f"got {start_day.isoformat()}",
                message_id=f"rezim mulai berlaku dari {FIRST_DAY} sampai {LAST_DAY}, "
                f"diisi {start_day.isoformat()}",
            )
        )
        start_day = None
    if "valid_from" not in item:
        problems.append(
            Problem(
                path=f"{path}.valid_from",
                code="overrides.missing",
                message="a first day is needed",
                message_id="hari pertama berlaku wajib diisi",
            )
        )
    end_day = _day(item["valid_to"], f"{path}.valid_to", problems) if "valid_to" in item else None
    if start_day and end_day and end_day < start_day:
        problems.append(
            Problem(
                path=f"{path}.valid_to",
                code="overrides.span",
                message=f"valid_to {end_day} is before valid_from {start_day}",
                message_id=f"valid_to {end_day} lebih awal dari valid_from {start_day}",
            )
        )
    unit = item.get("unit")
    units = [u.value for u in Unit]
    if unit not in units:
        problems.append(
            Problem(
                path=f"{path}.unit",
                code="overrides.unit",
                message=f"state the rule's unit (one of: {', '.join(units)})",
                message_id=f"sebutkan satuan aturan (salah satu dari: {', '.join(units)})",
            )
        )
    elif entry is not None and unit != entry.info.unit.value:
        problems.append(
            Problem(
                path=f"{path}.unit",
                code="overrides.unit",
                message=f"{entry.info.id} is measured in {entry.info.unit.value}, not {unit}",
                message_id=f"{entry.info.id} diukur dalam {entry.info.unit.value}, bukan {unit}",
            )
        )
    confidence = item.get("confidence")
    labels = [c.value for c in Confidence]
    if confidence not in labels:
        problems.append(
            Problem(
                path=f"{path}.confidence",
                code="overrides.confidence",
                message=f"state how sure the value is ({', '.join(labels)})",
                message_id=f"sebutkan seberapa yakin nilainya ({', '.join(labels)})",
            )
        )
    citation = item.get("citation")
    instrument = article = cite_note = None
    if not isinstance(citation, dict):
        problems.append(
            Problem(
                path=f"{path}.citation",
                code="overrides.citation_missing",
                message="every regime cites its instrument: citation = {instrument = ...}",
                message_id="setiap rezim menyebut peraturannya: citation = {instrument = ...}",
            )
        )
    else:
        _unknown_keys(citation, _CITATION_KEYS, f"{path}.citation", problems)
        instrument = _text(citation, "instrument", f"{path}.citation", problems)
        if instrument is None and "instrument" not in citation:
            problems.append(
                Problem(
                    path=f"{path}.citation.instrument",
                    code="overrides.citation_missing",
                    message="the citation names its instrument",
                    message_id="citation harus menyebut peraturannya (instrument)",
                )
            )
        article = _text(citation, "article", f"{path}.citation", problems)
        cite_note = _text(citation, "note", f"{path}.citation", problems)
    note = _text(item, "note", path, problems)
    value = None
    if ("value" in item) == ("patch" in item):
        problems.append(
            Problem(
                path=f"{path}.value",
                code="overrides.missing" if "value" not in item else "overrides.value_and_patch",
                message="give the whole value, or a patch of the regime in force on valid_from "
                "(not both)",
                message_id="berikan nilai lengkap, atau tambalan (patch) atas rezim yang berlaku pada valid_from "
                "(bukan keduanya)",
            )
        )
    elif entry is not None and "value" in item:
        value = _value(item["value"], entry.value_type, f"{path}.value", problems, toml=toml)
    elif entry is not None and start_day is not None:
        value = _patched(entry, start_day, item["patch"], f"{path}.patch", problems, toml=toml)
    if len(problems) > start or entry is None or start_day is None:
        return None
    assert name is not None
    assert instrument is not None
    regime: Regime[Any] = Regime(
        name=name,
        valid_from=start_day,
        valid_to=end_day,
        citation=Citation(instrument, article, cite_note),
        confidence=Confidence(confidence),
        value=value,
        note=note,
    )
    return entry.info.id, str(action), regime
