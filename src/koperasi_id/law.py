"""Law as dated data: citations, confidence labels, regimes and their timelines.

Every threshold, rate, amount and deadline in this library lives in a
:class:`Regime`: a value with the dates it was in force, the article that says
so and how sure we are. A :class:`Timeline` holds the regimes of one rule and
answers "which one was in force on this date?".

>>> from datetime import date
>>> uu = Regime(
...     name="uu-20-2008", valid_from=date(2008, 7, 4), valid_to=date(2021, 2, 1),
...     citation=Citation("UU 20/2008", "Pasal 6"), confidence=Confidence.HIGH, value=50_000_000,
... )
>>> pp = Regime(
...     name="pp-7-2021", valid_from=date(2021, 2, 2),
...     citation=Citation("PP 7/2021", "Pasal 35 ayat (3)"), confidence=Confidence.HIGH,
...     value=1_000_000_000,
... )
>>> micro_ceiling = Timeline("msme.micro_ceiling", [uu, pp])
>>> micro_ceiling.at(date(2021, 2, 1)).value
50000000
>>> micro_ceiling.at(date(2021, 2, 2)).citation
Citation(instrument='PP 7/2021', article='Pasal 35 ayat (3)', note=None)
>>> micro_ceiling.at(date(2000, 1, 1))
Traceback (most recent call last):
...
koperasi_id.errors.NoRuleInForceError: no msme.micro_ceiling rule in force on 2000-01-01 ...
"""

from __future__ import annotations

import bisect
import enum
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any, Generic, TypeVar

import attrs

from koperasi_id._days import FIRST_DAY, LAST_DAY, check_day
from koperasi_id._overrides import Overrides
from koperasi_id._register import (
    RegisteredRule,
    RuleChange,
    RuleInfo,
    RuleInForce,
    Unit,
    UnknownRuleError,
    canonical_id,
    changes,
    history,
    in_force,
    register,
    registered_rules,
)
from koperasi_id.errors import NoRuleInForceError

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "Citation",
    "Confidence",
    "Overrides",
    "Regime",
    "RegimeRef",
    "RegisteredRule",
    "RuleChange",
    "RuleInForce",
    "RuleInfo",
    "Timeline",
    "Unit",
    "UnknownRuleError",
    "canonical_id",
    "changes",
    "history",
    "in_force",
    "load_overrides",
    "register",
    "register_document",
    "register_schema",
    "registered_rules",
]

T = TypeVar("T")
_ONE_DAY = timedelta(days=1)


class Confidence(enum.Enum):
    """How sure the domain notes are of a fact (``shared/domain``'s H/M/L).

    - ``HIGH``: the regulation text was seen, or quoted alike by two or more
      independent sources;
    - ``MEDIUM``: one good secondary source, or agreeing sources that do not
      quote the text;
    - ``LOW``: a single weak source or an inference.

    A rule resting on ``MEDIUM`` or ``LOW`` is always a named parameter the
    caller can change, never a silent constant.
    """

    HIGH = "H"
    MEDIUM = "M"
    LOW = "L"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _CONFIDENCE_LABELS[self]


_CONFIDENCE_LABELS = {
    Confidence.HIGH: "tinggi",
    Confidence.MEDIUM: "sedang",
    Confidence.LOW: "rendah",
}


@attrs.frozen
class Citation:
    """Where the law says it: the instrument, the article, and an optional note.

    >>> str(Citation("PP 7/2021", "Pasal 35 ayat (3) huruf a"))
    'PP 7/2021 Pasal 35 ayat (3) huruf a'
    >>> str(Citation("Permenkop UKM 6/2020", note="proposal window"))
    'Permenkop UKM 6/2020 (proposal window)'
    """

    instrument: str = attrs.field(validator=attrs.validators.min_len(1))
    article: str | None = None
    note: str | None = None

    def __str__(self) -> str:
        text = self.instrument if self.article is None else f"{self.instrument} {self.article}"
        return text if self.note is None else f"{text} ({self.note})"


def _check_span(instance: Regime[Any], attribute: attrs.Attribute[Any], value: date | None) -> None:
    if value is not None and value < instance.valid_from:
        raise ValueError(
            f"regime {instance.name!r}: valid_to {value} is before valid_from {instance.valid_from}"
        )


@attrs.frozen(kw_only=True)
class RegimeRef:
    """A regime without its value: what a decision records as the law it used."""

    name: str
    valid_from: date
    valid_to: date | None
    citation: Citation
    confidence: Confidence


@attrs.frozen(kw_only=True)
class Regime(Generic[T]):
    """A rule's value over a closed date span.

    ``valid_to`` is the *last* day in force (inclusive); ``None`` means still in
    force. ``value`` is whatever the rule needs: a number, a table, an attrs
    object.
    """

    name: str
    valid_from: date
    valid_to: date | None = attrs.field(default=None, validator=_check_span)
    citation: Citation
    confidence: Confidence = Confidence.HIGH
    value: T
    note: str | None = None

    def covers(self, day: date) -> bool:
        """Whether the regime is in force on ``day`` (both ends inclusive)."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def ref(self) -> RegimeRef:
        """This regime's identity, without its value."""
        return RegimeRef(
            name=self.name,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            citation=self.citation,
            confidence=self.confidence,
        )


class Timeline(Generic[T]):
    """The regimes of one rule, ordered by date, never overlapping.

    Construction rejects overlaps. Gaps are allowed (a programme that ran in
    2020 and 2021 only), unless ``contiguous=True`` promises there are none.
    A caller extends the shipped law with :meth:`extended` (add regimes after
    or between the known ones) or replaces part of it with :meth:`overridden`
    (the new regime wins for its span; the old ones are clipped around it).
    Nothing is edited in place.
    """

    __slots__ = ("_ends", "_regimes", "_starts", "contiguous", "name")

    def __init__(self, name: str, regimes: Iterable[Regime[T]], *, contiguous: bool = False):
        ordered = sorted(regimes, key=lambda r: r.valid_from)
        if not ordered:
            raise ValueError(f"timeline {name!r} needs at least one regime")
        for before, after in itertools.pairwise(ordered):
            if before.valid_to is None or before.valid_to >= after.valid_from:
                raise ValueError(
                    f"timeline {name!r}: regime {before.name!r} "
                    f"({before.valid_from}..{before.valid_to or 'open'}) overlaps "
                    f"{after.name!r} (from {after.valid_from})"
                )
            if contiguous and before.valid_to + _ONE_DAY != after.valid_from:
                raise ValueError(
                    f"timeline {name!r}: gap between {before.name!r} (to {before.valid_to}) "
                    f"and {after.name!r} (from {after.valid_from})"
                )
        self.name = name
        self.contiguous = contiguous
        self._regimes: tuple[Regime[T], ...] = tuple(ordered)
        self._starts = [r.valid_from for r in ordered]
        self._ends = [r.valid_to for r in ordered]

    def __iter__(self) -> Iterator[Regime[T]]:
        return iter(self._regimes)

    def __len__(self) -> int:
        return len(self._regimes)

    def __repr__(self) -> str:
        names = ", ".join(r.name for r in self._regimes)
        return f"Timeline({self.name!r}, [{names}])"

    @property
    def regimes(self) -> tuple[Regime[T], ...]:
        """The regimes, oldest first."""
        return self._regimes

    @property
    def spans(self) -> tuple[tuple[date, date | None], ...]:
        """The covered spans, for messages and docs."""
        return tuple((r.valid_from, r.valid_to) for r in self._regimes)

    def find(self, as_of: date) -> Regime[T] | None:
        """The regime in force on ``as_of``, or ``None``.

        ``as_of`` must be a :class:`datetime.date` (not a datetime, not a string)
        from :data:`FIRST_DAY` to :data:`LAST_DAY`: a rule is asked about a day,
        and deadlines derived from it must fit in the calendar. Subclasses of
        ``date`` (a test clock's fake date) are days too.
        """
        check_day(as_of, f"{self.name}: as_of")
        i = bisect.bisect_right(self._starts, as_of) - 1
        if i < 0:
            return None
        end = self._ends[i]
        return self._regimes[i] if end is None or as_of <= end else None

    def at(self, as_of: date) -> Regime[T]:
        """The regime in force on ``as_of``; :class:`~koperasi_id.errors.NoRuleInForceError` if none."""
        found = self.find(as_of)
        if found is None:
            raise NoRuleInForceError(
                self.name,
                as_of,
                covered=self.spans,
                hint="pass a Timeline that covers this date to apply a rule the library "
                "does not know",
            )
        return found

    def value_at(self, as_of: date) -> T:
        """Shortcut for ``at(as_of).value``."""
        return self.at(as_of).value

    def extended(self, *regimes: Regime[T]) -> Timeline[T]:
        """A new timeline with ``regimes`` added; overlaps (and, for a contiguous
        timeline, gaps) are still errors."""
        return Timeline(self.name, (*self._regimes, *regimes), contiguous=self.contiguous)

    def overridden(self, regime: Regime[T]) -> Timeline[T]:
        """A new timeline in which ``regime`` wins over its whole span.

        >>> from datetime import date
        >>> c = Citation("X")
        >>> base = Timeline("t", [Regime(name="a", valid_from=date(2020, 1, 1), citation=c, value=1)])
        >>> new = base.overridden(
        ...     Regime(name="b", valid_from=date(2022, 1, 1), valid_to=date(2022, 12, 31),
        ...            citation=c, value=2))
        >>> [(r.name, r.valid_from.isoformat(), r.valid_to and r.valid_to.isoformat())
        ...  for r in new]
        [('a', '2020-01-01', '2021-12-31'), ('b', '2022-01-01', '2022-12-31'), ('a', '2023-01-01', None)]
        """
        kept: list[Regime[T]] = [regime]
        for old in self._regimes:
            old_end = old.valid_to or date.max
            new_end = regime.valid_to or date.max
            if old_end < regime.valid_from or old.valid_from > new_end:
                kept.append(old)
                continue
            if old.valid_from < regime.valid_from:
                kept.append(attrs.evolve(old, valid_to=regime.valid_from - _ONE_DAY))
            if regime.valid_to is not None and old_end > regime.valid_to:
                kept.append(attrs.evolve(old, valid_from=regime.valid_to + _ONE_DAY))
        return Timeline(self.name, kept, contiguous=self.contiguous)


# The register's wire form and the override reader structure values with the
# serialization layer, which sits above this module: imported when called.


def load_overrides(path: str | os.PathLike[str]) -> Overrides:
    """Read a JSON or TOML file of added or replaced regimes (see :doc:`/guide/overrides`).

    Returns an :class:`~koperasi_id._overrides.Overrides`, whose timelines and
    rule sets go wherever a rule function takes ``rules=``. Every problem in
    the file is reported at once as a :class:`~koperasi_id.errors.ValidationError`.
    """
    from koperasi_id._overrides import load_overrides as load  # noqa: PLC0415

    return load(path)


def register_document() -> dict[str, Any]:
    """The whole register as plain JSON-ready data (values in wire form)."""
    from koperasi_id._register_export import register_document as document  # noqa: PLC0415

    return document()


def register_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`register_document` (``docs/law-register.schema.json``)."""
    from koperasi_id._register_export import register_schema as schema  # noqa: PLC0415

    return schema()


# The register's records name Timeline and Regime only for type checkers (the
# register sits below this module); resolve them now that both exist, so tools
# that read field types (the converter, schema generators) see real classes.
for _record in (RegisteredRule, RuleChange, RuleInForce, Overrides):
    if attrs.has(_record):
        attrs.resolve_types(
            _record,
            globalns={
                **vars(sys.modules[_record.__module__]),
                "Regime": Regime,
                "Timeline": Timeline,
            },
        )
del _record


def _bind_annotation_names() -> None:
    # _register and _overrides name Timeline, Regime and Overrides in their
    # annotations but import them only for type checkers: law imports those
    # modules before it defines the classes. Binding the names once they all
    # exist lets typing.get_type_hints (the converter, the robustness suite,
    # any caller's introspection) resolve those annotations at run time.
    import koperasi_id._overrides as overrides_module  # noqa: PLC0415
    import koperasi_id._register as register_module  # noqa: PLC0415

    names = {"Timeline": Timeline, "Regime": Regime, "Overrides": Overrides}
    for module in (register_module, overrides_module):
        for name, value in names.items():
            vars(module).setdefault(name, value)


_bind_annotation_names()
