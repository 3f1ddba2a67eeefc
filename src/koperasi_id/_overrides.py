"""Reforms from a file: added or replaced regimes, checked, as rule sets.

A bank's product team, an auditor or a province may need the rules with a
value the library does not ship yet (a 2027 KUR rate published yesterday, a
stricter internal ceiling). :func:`load_overrides` reads such values from a
JSON or TOML file, checks them as strictly as any other input, and returns an
:class:`Overrides` whose timelines go wherever a rule function takes
``rules=``. The shipped law is never changed in place.

>>> from datetime import date
>>> overrides = parse_overrides({"regimes": [{
...     "rule": "cooperatives.rat_deadline_months", "action": "replace",
...     "name": "bank-internal", "valid_from": "2025-01-01", "unit": "months",
...     "confidence": "H", "citation": {"instrument": "Kebijakan Internal 1/2025"},
...     "value": 4}]})
>>> overrides.timeline("cooperatives.rat_deadline_months").value_at(date(2025, 6, 1))
4
>>> parse_overrides({"regimes": [{"rule": "kur.rate", "unit": "rupiah"}]})
Traceback (most recent call last):
...
koperasi_id.errors.ValidationError: 6 problems: ...; $.regimes[0].unit: kur.rate is measured in percent_per_year, not rupiah [overrides.unit]; ...
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from koperasi_id._json import loads
from koperasi_id._register import UnknownRuleError, history
from koperasi_id._values import mask
from koperasi_id.errors import Problem, ValidationError

if TYPE_CHECKING:
    from koperasi_id.kur import KurRules
    from koperasi_id.law import Regime, Timeline

__all__ = ["Overrides", "load_overrides", "parse_overrides"]

R = TypeVar("R")


def _read_only(timelines: Mapping[str, Timeline[Any]]) -> Mapping[str, Timeline[Any]]:
    # An attrs converter sees the caller's value before any type check:
    # dict(None) or dict([1]) would be a bare TypeError/ValueError.
    if not isinstance(timelines, Mapping):
        raise ValidationError.single(
            "type.object",
            f"timelines is a mapping of rule id to Timeline, not {type(timelines).__name__}",
            message_id=f"timelines adalah mapping dari id aturan ke Timeline, bukan {type(timelines).__name__}",
            path="$.timelines",
        )
    # Keyed by canonical id, so that apply() (which matches a rule set's
    # timelines by their registered name) and rule_ids agree whichever
    # spelling the caller used; an alias and its rule given twice is a
    # contradiction, not a choice to make silently.
    by_id: dict[str, Timeline[Any]] = {}
    problems: list[Problem] = []
    for rule_id, timeline in timelines.items():
        try:
            canonical = history(rule_id).info.id
        except UnknownRuleError:
            problems.append(
                Problem(
                    path="$.timelines",
                    code="overrides.unknown_rule",
                    message=f"no rule {mask(rule_id, limit=40, quote=True)} in the register",
                    message_id=f"aturan {mask(rule_id, limit=40, quote=True)} tidak ada dalam register",
                )
            )
            continue
        if canonical in by_id:
            problems.append(
                Problem(
                    path="$.timelines",
                    code="overrides.duplicate",
                    message=f"rule {mask(canonical, limit=80, quote=True)} is given twice (once by an alias)",
                    message_id=f"aturan {mask(canonical, limit=80, quote=True)} diberikan dua kali (sekali lewat alias)",
                )
            )
        by_id[canonical] = timeline
    if problems:
        raise ValidationError(problems)
    return MappingProxyType(by_id)


@attrs.frozen(kw_only=True)
class Overrides:
    """The rules a reform file changes, each as a whole new timeline.

    :meth:`timeline` answers for any rule id (the shipped timeline when the
    file leaves it alone); :meth:`apply` puts the changed timelines into a
    rule set such as :class:`~koperasi_id.kur.KurRules`.
    """

    timelines: Mapping[str, Timeline[Any]] = attrs.field(converter=_read_only)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The ids of the rules the file changes, sorted."""
        return tuple(sorted(self.timelines))

    def timeline(self, rule_id: str) -> Timeline[Any]:
        """The timeline to pass as ``rules=`` for ``rule_id`` (or one of its aliases)."""
        found = self.timelines.get(rule_id)
        if found is not None:
            return found
        entry = history(rule_id)
        return self.timelines.get(entry.info.id, entry.timeline)

    def apply(self, rule_set: R) -> R:
        """``rule_set`` (an attrs object of timelines) with the changed ones swapped in."""
        changes = {
            field.name: self.timelines[value.name]
            for field in attrs.fields(cast(Any, type(rule_set)))
            if (value := getattr(rule_set, field.name, None)) is not None
            and getattr(value, "name", None) in self.timelines
        }
        return attrs.evolve(rule_set, **changes) if changes else rule_set  # type: ignore[misc]

    def kur_rules(self) -> KurRules:
        """The library's KUR rules with this file's changes (``kur.assess(..., rules=)``)."""
        from koperasi_id.kur import DEFAULT_RULES  # noqa: PLC0415 - domain layer, on demand

        return self.apply(DEFAULT_RULES)


def load_overrides(path: str | os.PathLike[str]) -> Overrides:
    """Read a ``.toml`` or ``.json`` reform file; see :func:`parse_overrides`."""
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in {".toml", ".json"}:
        raise ValidationError.single(
            "overrides.format",
            "a rules file is .toml or .json",
            message_id="berkas aturan harus .toml atau .json",
            path="$",
        )
    try:
        raw = file.read_bytes()
    except OSError as err:
        raise ValidationError.single(
            "overrides.unreadable",
            f"the rules file cannot be read ({err.strerror})",
            message_id=f"berkas aturan tidak dapat dibaca ({err.strerror})",
        ) from None
    try:
        # utf-8-sig: Windows editors (Notepad) start a UTF-8 file with a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError.single(
            "overrides.syntax",
            "the rules file is not UTF-8",
            message_id="berkas aturan bukan UTF-8",
        ) from None
    data = _read_toml(text) if suffix == ".toml" else _read_json(text)
    return parse_overrides(data, toml=suffix == ".toml")


#: Where tomllib's messages say the error is: the only part of them shown.
_TOML_WHERE = re.compile(r"\((at line ([0-9]+), column ([0-9]+)|at end of document)\)$")


def _not_valid(form: str, where: str, where_id: str) -> ValidationError:
    return ValidationError.single(
        "overrides.syntax",
        f"the rules file cannot be read as {form}: {where}",
        message_id=f"berkas aturan tidak dapat dibaca sebagai {form}: {where_id}",
    )


def _read_toml(text: str) -> object:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        # Only the position: the rest of tomllib's message may quote the file
        # ("Cannot declare ('<key>',) twice"), and a key is input (maybe a NIK).
        found = _TOML_WHERE.search(str(err))
        if found is None or found.group(2) is None:
            where, where_id = "at the end of the document", "di akhir dokumen"
        else:
            line, column = found.group(2), found.group(3)
            where = f"at line {line}, column {column}"
            where_id = f"pada baris {line}, kolom {column}"
        raise _not_valid("TOML", where, where_id) from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise _not_valid("TOML", "it nests too deeply", "bersarang terlalu dalam") from None
    except ValueError:  # int() of a number past Python's 4,300-digit limit
        raise _not_valid("TOML", "a number is too long", "ada angka yang terlalu panjang") from None


def _read_json(text: str) -> object:
    # The library's bounded reader: Python's json.loads recurses once per level
    # and raises a bare ValueError for a 5,000-digit number.
    try:
        # A key named twice would keep one value and drop the other without a word.
        return loads(text, max_chars=None, unique_keys=True)
    except ValidationError as err:
        first = err.problems[0]
        raise _not_valid("JSON", first.message, first.message_id) from None


def parse_overrides(data: object, *, toml: bool = False) -> Overrides:
    """Check a reform document (``{"regimes": [...]}``) and build its timelines.

    Each regime names its ``rule`` id (or an alias of it), ``action`` (``add``: must not overlap
    the shipped regimes; ``replace``: wins over its span), ``name``,
    ``valid_from`` and optional ``valid_to``, the rule's ``unit``, a
    ``confidence`` (H/M/L), a ``citation`` with its ``instrument`` (and
    ``article``, ``note``) and either the whole ``value`` in the rule's wire
    form or a ``patch``: the keys to change in the value of the shipped regime
    in force on ``valid_from`` (tables merge key by key). Every problem is
    reported at once, each at its path. ``toml``: the document was read from
    TOML, which has no null; an empty table ``{}`` in a value stands for null
    where the value's type allows null (and is not itself a mapping).
    """
    # Only a reform file needs the checks of its entries: koperasi_id.law, which
    # every rule module imports, loads this module but not those.
    from koperasi_id._override_regimes import _regime, _unknown_keys  # noqa: PLC0415

    if not isinstance(data, dict):
        raise ValidationError.single(
            "overrides.type",
            "expected a table with a regimes list",
            message_id="harus berupa tabel dengan daftar regimes",
        )
    problems: list[Problem] = []
    _unknown_keys(data, frozenset({"regimes"}), "$", problems)
    items = data.get("regimes")
    if not isinstance(items, list) or not items:
        problems.append(
            Problem(
                path="$.regimes",
                code="overrides.missing",
                message="a list of regimes",
                message_id="daftar regimes wajib diisi",
            )
        )
        items = []
    parsed = [
        (i, _regime(item, f"$.regimes[{i}]", problems, toml=toml)) for i, item in enumerate(items)
    ]
    timelines: dict[str, Timeline[Any]] = {}
    seen: dict[str, list[Regime[Any]]] = {}
    for i, found in parsed:
        if found is None:
            continue
        rule_id, action, regime = found
        path = f"$.regimes[{i}]"
        clash = next((r for r in seen.get(rule_id, []) if _overlap(r, regime)), None)
        if clash is not None:
            problems.append(
                Problem(
                    path=f"{path}.valid_from",
                    code="overrides.overlap",
                    message=f"overlaps the file's earlier {rule_id} regime {mask(clash.name, limit=40, quote=True)}",
                    message_id=f"bertumpang tindih dengan rezim {rule_id} sebelumnya dalam berkas ini, {mask(clash.name, limit=40, quote=True)}",
                )
            )
            continue
        seen.setdefault(rule_id, []).append(regime)
        base = timelines.get(rule_id) or history(rule_id).timeline
        try:
            timelines[rule_id] = (
                base.overridden(regime) if action == "replace" else base.extended(regime)
            )
        except ValueError:
            problems.append(
                Problem(
                    path=f"{path}.valid_from",
                    code="overrides.overlap",
                    message=f'overlaps a shipped {rule_id} regime (say action = "replace" '
                    "to let this one win over its span)"
                    if action == "add"
                    else f"leaves a gap in {rule_id}, whose regimes must be contiguous",
                    message_id=(
                        f'bertumpang tindih dengan rezim {rule_id} bawaan (tulis action = "replace" '
                        "agar rezim ini berlaku atas rentangnya)"
                        if action == "add"
                        else f"meninggalkan celah pada {rule_id}, yang rezimnya harus bersambung"
                    ),
                )
            )
    if problems:
        raise ValidationError(problems)
    return Overrides(timelines=timelines)


def _overlap(a: Regime[Any], b: Regime[Any]) -> bool:
    return a.valid_from <= (b.valid_to or date.max) and b.valid_from <= (a.valid_to or date.max)
