"""The register of every shipped rule: one entry per :class:`~koperasi_id.law.Timeline`.

A module that defines a timeline registers it right beside the definition with
:func:`register`; the register is therefore never a second list to keep in
step. Registration happens once, at import, and only writes to a dict: a rule
call never looks at the register.

The questions a compliance officer asks first are functions over it:
:func:`in_force` (what applied on a day), :func:`changes` (what changed between
two days) and :func:`history` (every regime of one rule). They import the
domain packages on first use, so the answer is complete whatever was imported
before.

>>> from datetime import date
>>> [r.rule.id for r in in_force(date(2020, 9, 1)) if r.rule.module == "koperasi_id.bpum"]
['bpum.programme']
>>> history("bpum.programme").info.unit
<Unit.TABLE: 'table'>
>>> history("kur.rate.tiers").info.id  # an alias: the canonical id answers
'kur.rate'
>>> [(c.rule.id, c.on.isoformat(), c.old and c.old.name, c.new and c.new.name)
...  for c in changes(date(2020, 6, 1), date(2021, 6, 1)) if c.rule.id == "bpum.programme"]
[('bpum.programme', '2021-01-01', 'bpum-2020', 'bpum-2021')]
"""

from __future__ import annotations

import enum
import importlib
import re
import threading
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from koperasi_id._days import check_day
from koperasi_id._values import mask
from koperasi_id.errors import KoperasiIdError, RuleInputError, ValidationError

if TYPE_CHECKING:
    from koperasi_id._overrides import Overrides
    from koperasi_id.law import Regime, Timeline

__all__ = [
    "DOMAIN_MODULES",
    "RegisteredRule",
    "RuleChange",
    "RuleInForce",
    "RuleInfo",
    "Unit",
    "UnknownRuleError",
    "canonical_id",
    "changes",
    "history",
    "in_force",
    "register",
    "registered_rules",
]

#: The packages whose import registers every shipped timeline. A test walks
#: the whole ``koperasi_id`` package and fails if a timeline is defined
#: anywhere these imports do not reach.
DOMAIN_MODULES = (
    "koperasi_id.msme",
    "koperasi_id.cooperatives",
    "koperasi_id.kur",
    "koperasi_id.bpum",
)

_ID = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+")
_ONE_DAY = timedelta(days=1)


class Unit(enum.Enum):
    """What a rule's value measures; a table or record is ``TABLE``."""

    RUPIAH = "rupiah"
    PERCENT = "percent"
    PERCENT_PER_YEAR = "percent_per_year"
    MONTHS = "months"
    YEARS = "years"
    COUNT = "count"
    CODES = "codes"
    TABLE = "table"


def _public_module(name: str) -> str:
    # "koperasi_id.kur._rules" is documented and imported as "koperasi_id.kur".
    parts = name.split(".")
    while len(parts) > 1 and parts[-1].startswith("_"):
        parts.pop()
    return ".".join(parts)


def _check_id(instance: RuleInfo, attribute: attrs.Attribute[str], value: str) -> None:
    # A ValidationError: a RuleInfo is also read from the wire (from_dict).
    if not _ID.fullmatch(value):
        shown = mask(value, limit=40, quote=True)
        raise ValidationError.single(
            "rule.id",
            f"rule id {shown} is not a dotted lower-case name",
            message_id=f"id aturan {shown} bukan nama huruf kecil bertitik",
            path=f"$.{attribute.name}",
        )


def _check_aliases(instance: RuleInfo, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        raise TypeError("aliases is a tuple of rule ids")
    for alias in value:
        _check_id(instance, attribute, alias)
    if instance.id in value or len(set(value)) != len(value):
        raise ValidationError.single(
            "rule.aliases",
            f"the aliases of {instance.id} repeat an id",
            message_id=f"alias dari {instance.id} mengulang sebuah id",
            path="$.aliases",
        )


@attrs.frozen(kw_only=True)
class RuleInfo:
    """What the register says about one rule.

    ``aliases`` are other ids the rule answers to (``kur.rate.tiers`` for
    ``kur.rate``); ``id`` is the canonical one, which listings and exports show.

    >>> RuleInfo(id="kur.rate", description_id="suku bunga", description_en="rate",
    ...          unit=Unit.PERCENT_PER_YEAR, module="koperasi_id.kur._rules").module
    'koperasi_id.kur'
    """

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "rule.id": "id and every alias are dotted lower-case names",
            "rule.aliases": "the aliases repeat neither the id nor each other",
        }
    )

    id: str = attrs.field(validator=_check_id)
    description_id: str = attrs.field(validator=attrs.validators.min_len(1))
    description_en: str = attrs.field(validator=attrs.validators.min_len(1))
    unit: Unit
    module: str = attrs.field(converter=_public_module)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_check_aliases)


@attrs.frozen(kw_only=True)
class RegisteredRule:
    """A register entry: the rule's description, its shipped timeline and the
    type of its values (what an override's value is read as)."""

    info: RuleInfo
    timeline: Timeline[Any] = attrs.field(eq=False)
    value_type: Any = attrs.field(eq=False)

    @property
    def regimes(self) -> tuple[Regime[Any], ...]:
        """The shipped regimes, oldest first."""
        return self.timeline.regimes


@attrs.frozen(kw_only=True)
class RuleInForce:
    """One rule and the regime in force on the day asked about."""

    rule: RuleInfo
    regime: Regime[Any]


@attrs.frozen(kw_only=True)
class RuleChange:
    """A rule whose regime changed on ``on``: ``old`` ended the day before,
    ``new`` began that day. Either may be ``None`` (a rule that starts from
    nothing, or one that lapses without a successor)."""

    rule: RuleInfo
    on: date
    old: Regime[Any] | None
    new: Regime[Any] | None


class UnknownRuleError(KoperasiIdError, LookupError):
    """No rule with that id is registered (a library error, and a ``LookupError``)."""


_ENTRIES: dict[str, RegisteredRule] = {}
#: Alias -> canonical id; never an id of _ENTRIES (register() checks both ways).
_ALIASES: dict[str, str] = {}
_LOCK = threading.Lock()
_loaded = False


def register(
    timeline: Timeline[Any],
    *,
    description_id: str,
    description_en: str,
    unit: Unit,
    module: str,
    value_type: Any,
    aliases: tuple[str, ...] = (),
) -> None:
    """Enter a shipped timeline in the register (call it beside the definition).

    The rule id is the timeline's name; ``module`` is the caller's
    ``__name__`` (recorded as its public package); ``value_type`` is the type
    of the regimes' values, used to read an override's value. ``aliases`` are
    other ids the rule answers to wherever an id is looked up; none may be
    another rule's id or alias (a ``ValueError``, whichever registers second).
    """
    info = RuleInfo(
        id=timeline.name,
        description_id=description_id,
        description_en=description_en,
        unit=unit,
        module=module,
        aliases=aliases,
    )
    with _LOCK:
        known = _ENTRIES.get(info.id)
        if known is not None and known.info.module != info.module:
            raise ValueError(f"rule id {info.id!r} is registered by {known.info.module} already")
        if info.id in _ALIASES:
            raise ValueError(f"rule id {info.id!r} is an alias of {_ALIASES[info.id]} already")
        for alias in info.aliases:
            if alias in _ENTRIES:
                raise ValueError(f"alias {alias!r} of {info.id} is a rule id already")
            if _ALIASES.get(alias, info.id) != info.id:
                raise ValueError(f"alias {alias!r} of {info.id} is an alias of {_ALIASES[alias]}")
        if known is not None:
            # The same module registering again (a reload): its aliases may have changed.
            for alias in known.info.aliases:
                del _ALIASES[alias]
        _ENTRIES[info.id] = RegisteredRule(info=info, timeline=timeline, value_type=value_type)
        _ALIASES.update(dict.fromkeys(info.aliases, info.id))


def _load() -> None:
    global _loaded  # noqa: PLW0603 - a once-only import flag
    if not _loaded:
        for name in DOMAIN_MODULES:
            package = importlib.import_module(name)
            # The packages load their modules on first use (koperasi_id._lazy):
            # import every module they export from, as their import once did.
            for module in getattr(package, "_EXPORTS", ()):
                importlib.import_module(module)
        _loaded = True


def registered_rules() -> tuple[RegisteredRule, ...]:
    """Every registered rule, ordered by id (imports the domain packages)."""
    _load()
    return tuple(_ENTRIES[key] for key in sorted(_ENTRIES))


def canonical_id(rule_id: str) -> str:
    """The id a rule is registered under, given it or one of its aliases.

    >>> canonical_id("msme.size_bands"), canonical_id("msme.size_criteria")
    ('msme.size_criteria', 'msme.size_criteria')
    """
    return history(rule_id).info.id


def history(rule_id: str) -> RegisteredRule:
    """One rule with every regime it ever had (``rule_id`` may be an alias).

    >>> history("no.such_rule")
    Traceback (most recent call last):
    ...
    koperasi_id._register.UnknownRuleError: no rule 'no.such_rule' in the register; ...
    """
    _load()
    found = _ENTRIES.get(rule_id)
    if found is None:
        canonical = _ALIASES.get(rule_id) if isinstance(rule_id, str) else None
        found = None if canonical is None else _ENTRIES[canonical]
    if found is None:
        raise UnknownRuleError(
            f"no rule {mask(str(rule_id), limit=40, quote=True)} in the register; "
            "koperasi-id law list shows the ids"
        )
    return found


def _timeline(entry: RegisteredRule, overrides: Overrides | None) -> Timeline[Any]:
    if overrides is None:
        return entry.timeline
    return overrides.timelines.get(entry.info.id, entry.timeline)


def in_force(as_of: date, *, overrides: Overrides | None = None) -> tuple[RuleInForce, ...]:
    """Every rule with a regime in force on ``as_of`` (rules with none are left out).

    With ``overrides`` (from :func:`~koperasi_id.law.load_overrides`), the
    answer is the law as the reform file changes it.
    """
    found: list[RuleInForce] = []
    for entry in registered_rules():
        regime = _timeline(entry, overrides).find(as_of)
        if regime is not None:
            found.append(RuleInForce(rule=entry.info, regime=regime))
    return tuple(found)


def _changes_of(entry: RegisteredRule, timeline: Timeline[Any]) -> Iterator[RuleChange]:
    regimes = timeline.regimes
    for i, regime in enumerate(regimes):
        before = regimes[i - 1] if i else None
        if before is not None and before.valid_to is not None:
            joined = before.valid_to + _ONE_DAY == regime.valid_from
        else:
            joined = False
        yield RuleChange(
            rule=entry.info, on=regime.valid_from, old=before if joined else None, new=regime
        )
        after = regimes[i + 1] if i + 1 < len(regimes) else None
        if regime.valid_to is not None and regime.valid_to < date.max:
            end = regime.valid_to + _ONE_DAY
            if after is None or after.valid_from != end:
                yield RuleChange(rule=entry.info, on=end, old=regime, new=None)


def changes(
    from_date: date, to_date: date, *, overrides: Overrides | None = None
) -> tuple[RuleChange, ...]:
    """Every regime that started or ended after ``from_date`` up to ``to_date``.

    A change takes effect ``on`` the first day of the new state, so the result
    is what differs between the law on ``from_date`` and on ``to_date``, step
    by step. Ordered by date, then rule id.
    """
    check_day(from_date, "from_date")
    check_day(to_date, "to_date")
    if to_date < from_date:
        raise RuleInputError(f"to_date {to_date} is before from_date {from_date}")
    found = [
        change
        for entry in registered_rules()
        for change in _changes_of(entry, _timeline(entry, overrides))
        if from_date < change.on <= to_date
    ]
    return tuple(sorted(found, key=lambda c: (c.on, c.rule.id)))
