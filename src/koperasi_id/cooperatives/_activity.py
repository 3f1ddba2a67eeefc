"""Activity status (aktif / tidak aktif) from the RAT record (R20, R21).

"Aktif" is an administrative category of the Kemenkop Online Data System
(ODS), not a statutory one: UU 25/1992 only requires an annual members'
meeting (RAT) within 6 months of the fiscal year's end (Pasal 26). A
cooperative is *aktif* when it held, and reported to the cooperative office,
at least one RAT for the fiscal years in the window; it is *tidak aktif* when
every RAT expected in the window was missed or left unreported. Inactivity
never changes the legal status: only an SK pembubaran does (R20).

Precise reading (see ``docs/rules/cooperative-activity.md``):

- fiscal year ``Y`` is *due* on ``as_of`` when its statutory RAT deadline has
  passed: ``rat_deadline(Y) < as_of``. On the deadline day itself the meeting
  may still be held, so ``Y`` is not yet due; from the next day it is;
- the window is the ``window_years`` most recent due fiscal years, leaving out
  those that ended before the deed was approved;
- a RAT counts when held on or before ``as_of`` and, by default, reported;
  a late RAT (held after its deadline) still counts, and so does an early one
  (a RAT for a fiscal year not yet due, already held by ``as_of``);
- a cooperative with fewer due fiscal years than the window (a young one)
  cannot yet have missed ``window_years`` RATs in a row and stays aktif;
- a cooperative dissolved on or before ``as_of`` is reported tidak aktif with
  its legal status ``dibubarkan``; its RAT record is not examined.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import ClassVar

import attrs

from koperasi_id._values import mask
from koperasi_id.cooperatives._active import counts, window_start
from koperasi_id.cooperatives._enums import ActivityStatus, LegalStatus, RuleBasis
from koperasi_id.cooperatives._governance import RAT_DEADLINE, rat_deadline
from koperasi_id.cooperatives._law import UU_25_1992_FROM, CooperativeDecision, checked
from koperasi_id.cooperatives._model import Cooperative
from koperasi_id.cooperatives._parts import YearEnd
from koperasi_id.decisions import Finding
from koperasi_id.errors import RuleInputError, ValidationError
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register

__all__ = [
    "ACTIVITY_STATUS_RULES",
    "ActivityDecision",
    "ActivityRule",
    "activity_status",
]

#: The widest window accepted; regional practice uses 2 or 3 fiscal years.
MAX_WINDOW_YEARS = 10


def _window_years_in_range(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    check_window_years(value, path=f"$.{attribute.name}")


def check_window_years(value: object, *, path: str = "$.window_years") -> int:
    """``value`` if it is a whole number of fiscal years from 1 to 10."""
    if type(value) is not int or not 1 <= value <= MAX_WINDOW_YEARS:
        raise ValidationError.single(
            "cooperatives.activity.window_years",
            f"window_years is a whole number of fiscal years from 1 to {MAX_WINDOW_YEARS} "
            f"(practice uses 2 or 3), not {mask(value, limit=40, quote=True)}",
            message_id=f"window_years harus bilangan bulat tahun buku dari 1 sampai {MAX_WINDOW_YEARS} "
            f"(praktiknya 2 atau 3), bukan {mask(value, limit=40, quote=True)}",
            path=path,
        )
    return value


@attrs.frozen(kw_only=True)
class ActivityRule:
    """The administrative definition of "aktif" (the value of a regime).

    ``window_years``: how many due fiscal years are examined (3 by default: the
    Kemenkop/ODS reading; some offices use 2). ``unreported_counts_as_missed``:
    whether a RAT that was held but never reported to the office counts as
    missed (the ODS and Bandar Lampung practice).
    """

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {"cooperatives.activity.window_years": "window_years is from 1 to MAX_WINDOW_YEARS"}
    )

    window_years: int = attrs.field(default=3, validator=_window_years_in_range)
    unreported_counts_as_missed: bool = True


_ACTIVITY_CITATION = Citation(
    "Kemenkop ODS",
    note="aktif: at least one RAT held and reported in the last 3 fiscal years "
    "(Kompaspedia, Kemenkop definition; Permenkop 19/2015 as applied by Dinas Koperasi "
    "Bangli: inactive after 3 missed RATs in a row); administrative, not statutory",
)
_RAT_DUTY = Citation("UU 25/1992", "Pasal 26")
_LEGAL_STATUS_CITATION = Citation(
    "UU 25/1992",
    "Pasal 46-47",
    note="only dissolution by the members' meeting or the government ends the legal entity",
)

#: R21. One regime since UU 25/1992 made the RAT an annual duty. Confidence M:
#: no regulation text defining "aktif" was seen, and regions differ (2 or 3
#: years); pass ``rules=`` (or ``window_years=``) to apply another reading.
ACTIVITY_STATUS_RULES: Timeline[ActivityRule] = Timeline(
    "cooperatives.activity_status",
    [
        Regime(
            name="kemenkop-ods-rat-3-tahun",
            valid_from=UU_25_1992_FROM,
            citation=_ACTIVITY_CITATION,
            confidence=Confidence.MEDIUM,
            value=ActivityRule(),
            note="window 3 fiscal years: Kemenkop/Kompaspedia and Permenkop 19/2015 as cited "
            "by Bangli; 2 years: Blitar (healthy KSP/USP), Kotim and Solok Selatan (NIK)",
        )
    ],
)
register(
    ACTIVITY_STATUS_RULES,
    description_id="kapan koperasi berstatus aktif (RAT dalam jendela tahun)",
    description_en="when a cooperative counts as active (RATs within a window of years)",
    unit=Unit.TABLE,
    module=__name__,
    value_type=ActivityRule,
)


@attrs.frozen(kw_only=True)
class ActivityDecision(CooperativeDecision[ActivityStatus]):
    """Activity status with the fiscal years behind it.

    ``window`` lists the due fiscal years examined (oldest first), ``counted``
    the fiscal years whose RAT counted (an early RAT for a fiscal year not yet
    due included) and ``missed`` the window years without a counting RAT.
    ``legal_status`` is the legal status on ``as_of``, which activity status
    never changes.
    """

    legal_status: LegalStatus
    window_years: int
    unreported_counts_as_missed: bool
    window: tuple[int, ...]
    counted: tuple[int, ...]
    missed: tuple[int, ...]

    @property
    def status(self) -> ActivityStatus:
        """The activity status (the outcome)."""
        return self.outcome

    @property
    def is_active(self) -> bool:
        """Whether the status is :attr:`ActivityStatus.ACTIVE`."""
        return self.outcome is ActivityStatus.ACTIVE


def latest_due_fiscal_year(
    year_end: YearEnd,
    *,
    as_of: date,
    deadline_rules: Timeline[int] = RAT_DEADLINE,
    articles_deadline: int | None = None,
) -> int:
    """The latest fiscal year whose RAT deadline is before ``as_of``.

    The deadline is the statutory one unless ``articles_deadline`` (months,
    from the AD/ART) is shorter.

    >>> from koperasi_id.cooperatives import YearEnd
    >>> latest_due_fiscal_year(YearEnd(12, 31), as_of=date(2024, 6, 30))
    2022
    >>> latest_due_fiscal_year(YearEnd(12, 31), as_of=date(2024, 7, 1))
    2023
    """
    year = as_of.year
    while (
        rat_deadline(
            year,
            fiscal_year_end=year_end,
            articles_deadline=articles_deadline,
            rules=deadline_rules,
        )
        >= as_of
    ):
        year -= 1
    return year


@attrs.frozen
class _Assessment:
    """What the rule found, before any message is written (shared with the registry)."""

    status: ActivityStatus
    dissolved: bool
    window: tuple[int, ...]
    counted: tuple[int, ...]
    missed: tuple[int, ...]


def assess(
    cooperative: Cooperative,
    *,
    as_of: date,
    latest_due: int,
    window_years: int,
    unreported_counts_as_missed: bool,
) -> _Assessment:
    """The activity status without findings: the registry's fast path."""
    if cooperative.dissolved_on is not None and cooperative.dissolved_on <= as_of:
        return _Assessment(ActivityStatus.INACTIVE, True, (), (), ())
    first = window_start(cooperative, latest_due, window_years)
    window = tuple(range(first, latest_due + 1))
    counted: list[int] = []
    for rat in cooperative.rat_records:
        year = rat.fiscal_year
        if year >= first and counts(rat.held_on, rat.reported, as_of, unreported_counts_as_missed):
            counted.append(year)
    counted.sort()
    counted_set = set(counted)
    missed = tuple(y for y in window if y not in counted_set)
    young = len(window) < window_years
    active = bool(counted) or young
    status = ActivityStatus.ACTIVE if active else ActivityStatus.INACTIVE
    return _Assessment(status, False, window, tuple(counted), missed)


def resolve_rule(
    *,
    as_of: date,
    window_years: int | None,
    unreported_counts_as_missed: bool | None,
    rules: Timeline[ActivityRule] | None,
) -> tuple[Regime[ActivityRule], int, bool]:
    """The regime in force and the parameters to apply (explicit arguments win)."""
    regime: Regime[ActivityRule] = checked(ACTIVITY_STATUS_RULES if rules is None else rules, as_of)
    rule = regime.value
    window = rule.window_years if window_years is None else check_window_years(window_years)
    if unreported_counts_as_missed is not None and type(unreported_counts_as_missed) is not bool:
        raise ValidationError.single(
            "cooperatives.activity.unreported_counts_as_missed",
            "unreported_counts_as_missed is True, False or None (the regime's default), "
            f"not {mask(unreported_counts_as_missed, limit=40, quote=True)}",
            message_id="unreported_counts_as_missed harus True, False atau None (bawaan rezim), "
            f"bukan {mask(unreported_counts_as_missed, limit=40, quote=True)}",
            path="$.unreported_counts_as_missed",
        )
    unreported = (
        rule.unreported_counts_as_missed
        if unreported_counts_as_missed is None
        else unreported_counts_as_missed
    )
    return regime, window, unreported


def activity_status(
    cooperative: Cooperative,
    *,
    as_of: date,
    window_years: int | None = None,
    unreported_counts_as_missed: bool | None = None,
    rules: Timeline[ActivityRule] | None = None,
    deadline_rules: Timeline[int] | None = None,
) -> ActivityDecision:
    """Whether ``cooperative`` is aktif or tidak aktif on ``as_of`` (R21).

    ``window_years`` (default: the regime's, 3) is how many due fiscal years
    are examined; ``unreported_counts_as_missed`` (default True) whether a
    RAT held but not reported to the office counts as missed. ``rules``
    replaces the activity definition, ``deadline_rules`` the RAT deadline
    (R7). Raises :class:`~koperasi_id.errors.RuleInputError` for a date before
    the deed was approved: the cooperative did not exist yet.

    >>> from koperasi_id.cooperatives import (
    ...     Cooperative, CooperativeForm, CooperativeKind, MembershipArea, RatRecord)
    >>> from koperasi_id.identifiers import NomorBadanHukum
    >>> from koperasi_id.regions import RegionCode
    >>> coop = Cooperative(
    ...     name="Koperasi Produsen Kopi Lampung Barat",
    ...     legal_entity_numbers=(NomorBadanHukum.parse("1234/BH/XVIII/2018"),),
    ...     deed_approved_on=date(2018, 2, 1), form=CooperativeForm.PRIMARY,
    ...     kind=CooperativeKind.PRODUCER, region=RegionCode.parse("18.04"),
    ...     membership_area=MembershipArea.WITHIN_REGENCY, member_count=40,
    ...     rat_records=(RatRecord(fiscal_year=2020, held_on=date(2021, 5, 8), reported=True),),
    ... )
    >>> activity_status(coop, as_of=date(2024, 6, 30)).status.value
    'aktif'
    >>> decision = activity_status(coop, as_of=date(2024, 7, 1))
    >>> decision.status.value, decision.window, decision.missed
    ('tidak_aktif', (2021, 2022, 2023), (2021, 2022, 2023))
    >>> decision.legal_status.value
    'berbadan_hukum'
    """
    if as_of < cooperative.deed_approved_on:
        raise RuleInputError(
            f"the deed of {mask(cooperative.name, limit=40, quote=True)} was approved on {cooperative.deed_approved_on}; "
            f"there is no activity status on {as_of}: ask for a date on or after approval"
        )
    regime, window_years, unreported_missed = resolve_rule(
        as_of=as_of,
        window_years=window_years,
        unreported_counts_as_missed=unreported_counts_as_missed,
        rules=rules,
    )
    deadlines = RAT_DEADLINE if deadline_rules is None else deadline_rules
    latest_due = latest_due_fiscal_year(
        cooperative.fiscal_year_end, as_of=as_of, deadline_rules=deadlines
    )
    found = assess(
        cooperative,
        as_of=as_of,
        latest_due=latest_due,
        window_years=window_years,
        unreported_counts_as_missed=unreported_missed,
    )
    # The findings are written in their own module, loaded with the first
    # decision (assess, which writes none, never loads it).
    from koperasi_id.cooperatives._activity_findings import (  # noqa: PLC0415
        _dissolved_finding,
        _findings,
    )

    if found.dissolved:
        findings: tuple[Finding, ...] = (_dissolved_finding(cooperative),)
        legal_status = LegalStatus.DISSOLVED
    else:
        findings = tuple(
            _findings(
                cooperative,
                found,
                as_of=as_of,
                latest_due=latest_due,
                window_years=window_years,
                unreported_missed=unreported_missed,
                deadlines=deadlines,
            )
        )
        legal_status = LegalStatus.LEGAL_ENTITY
    return ActivityDecision(
        outcome=found.status,
        as_of=as_of,
        findings=findings,
        regimes=(regime.ref,),
        rule="R21",
        basis=RuleBasis.REGULATION,
        legal_status=legal_status,
        window_years=window_years,
        unreported_counts_as_missed=unreported_missed,
        window=found.window,
        counted=found.counted,
        missed=found.missed,
    )
