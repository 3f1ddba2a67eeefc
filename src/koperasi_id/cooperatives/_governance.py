"""Meetings, organs and board: RAT deadline (R7), organs (R4), board terms (R11).

The supervising level of government (R17) is in
:mod:`koperasi_id.cooperatives._supervision`.
"""

from __future__ import annotations

import calendar
from datetime import date

import attrs
from dateutil.relativedelta import relativedelta

from koperasi_id._days import check_year, derived_day
from koperasi_id._values import mask
from koperasi_id.cooperatives._enums import (
    Organ,
    Principle,
    RatTiming,
)
from koperasi_id.cooperatives._law import (
    CIPTA_KERJA,
    CIPTA_KERJA_FROM,
    CIPTA_KERJA_NOW,
    UU_25_1992,
    UU_25_1992_FROM,
    CooperativeDecision,
    checked,
    enum_argument,
)
from koperasi_id.cooperatives._model import Cooperative
from koperasi_id.cooperatives._parts import DECEMBER_31, YearEnd
from koperasi_id.decisions import Finding, Severity
from koperasi_id.errors import RuleInputError
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register

__all__ = [
    "BOARD_TERM_LIMIT",
    "ORGAN_REQUIREMENTS",
    "RAT_DEADLINE",
    "OrganRequirements",
    "RatDecision",
    "check_board_terms",
    "check_organs",
    "check_rat",
    "rat_deadline",
    "required_organs",
]

# --- R7: RAT deadline ---------------------------------------------------------

#: Months after the fiscal year closes by which the RAT approving the board's
#: accountability must be held. The regime is chosen by the fiscal year-end date.
RAT_DEADLINE: Timeline[int] = Timeline(
    "cooperatives.rat_deadline_months",
    [
        Regime(
            name="uu-25-1992-pasal-26",
            valid_from=UU_25_1992_FROM,
            citation=Citation(UU_25_1992, "Pasal 26 ayat (2)"),
            confidence=Confidence.HIGH,
            value=6,
            note="paling lambat 6 bulan setelah tahun buku lampau",
        )
    ],
)
register(
    RAT_DEADLINE,
    description_id="batas waktu RAT setelah tahun buku ditutup",
    description_en="months after the fiscal year-end by which the annual meeting (RAT) is due",
    unit=Unit.MONTHS,
    module=__name__,
    value_type=int,
)


def add_months(day: date, months: int, *, month_end: bool | None = None) -> date:
    """``day`` plus ``months``; a month-end stays a month-end (30 Jun + 6 → 31 Dec).

    ``month_end`` forces the choice (a fiscal year ending "02-28" is a month-end
    year-end even in a leap year); by default it is whether ``day`` ends its month.

    >>> add_months(date(2024, 6, 30), 6), add_months(date(2023, 12, 31), 6)
    (datetime.date(2024, 12, 31), datetime.date(2024, 6, 30))
    >>> add_months(date(2024, 3, 15), 6)
    datetime.date(2024, 9, 15)
    >>> add_months(date(2024, 2, 28), 6, month_end=True)
    datetime.date(2024, 8, 31)
    """
    moved = day + relativedelta(months=months)
    if month_end is None:
        month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    if month_end:
        return moved.replace(day=calendar.monthrange(moved.year, moved.month)[1])
    return moved


def _check_articles_deadline(articles_deadline: object) -> None:
    if articles_deadline is not None and (
        isinstance(articles_deadline, bool)
        or not isinstance(articles_deadline, int)
        or articles_deadline < 1
    ):
        raise RuleInputError(
            f"articles_deadline is a whole number of months >= 1 (or None for the statutory "
            f"6), not {mask(articles_deadline, limit=40, quote=True)}"
        )


def rat_deadline(
    fiscal_year: int,
    *,
    fiscal_year_end: YearEnd = DECEMBER_31,
    articles_deadline: int | None = None,
    rules: Timeline[int] = RAT_DEADLINE,
) -> date:
    """Last day to hold the RAT for ``fiscal_year`` (the year in which it ends) (R7).

    The statute allows 6 months after the year closes (UU 25/1992 Pasal 26
    ayat (2)); ``articles_deadline`` is a limit in months from the articles
    (AD/ART) and applies only when shorter. A fiscal year ending on a
    month-end gives a month-end deadline.

    >>> rat_deadline(2023)
    datetime.date(2024, 6, 30)
    >>> rat_deadline(2023, articles_deadline=3)
    datetime.date(2024, 3, 31)
    >>> rat_deadline(2023, articles_deadline=12)
    datetime.date(2024, 6, 30)
    >>> rat_deadline(2024, fiscal_year_end=YearEnd.parse("06-30"))
    datetime.date(2024, 12, 31)
    """
    _check_articles_deadline(articles_deadline)
    return _rat_deadline(fiscal_year, fiscal_year_end, articles_deadline, rules)[0]


def _rat_deadline(
    fiscal_year: int, fiscal_year_end: YearEnd, articles_deadline: int | None, rules: Timeline[int]
) -> tuple[date, int, Regime[int], date]:
    """The deadline, its months, the statute's regime and the year-end (R7), for both callers."""
    year_end = fiscal_year_end.in_year(fiscal_year)
    regime = checked(rules, year_end)
    months: int = regime.value
    if articles_deadline is not None:
        months = min(months, articles_deadline)
    deadline = add_months(year_end, months, month_end=fiscal_year_end.is_month_end)
    return deadline, months, regime, year_end


@attrs.frozen(kw_only=True)
class RatDecision(CooperativeDecision[RatTiming]):
    """Where one fiscal year's RAT stands: outcome, deadline and year-end."""

    fiscal_year: int
    deadline: date


def check_rat(
    cooperative: Cooperative,
    fiscal_year: int,
    *,
    as_of: date,
    articles_deadline: int | None = None,
    rules: Timeline[int] = RAT_DEADLINE,
) -> RatDecision:
    """Check the RAT of ``fiscal_year`` as known on ``as_of`` (R7).

    Outcome: ``tepat_waktu`` (held by the deadline), ``terlambat`` (held
    after it), ``tidak_dilaksanakan`` (deadline passed, not held) or
    ``belum_jatuh_tempo`` (not held yet, deadline not passed). A meeting dated
    after ``as_of`` is not yet known and counts as not held. Whether the report
    reached the office is a warning finding (``cooperatives.rat_reported``):
    the ODS needs it, the statute does not.
    """
    _check_articles_deadline(articles_deadline)
    check_year(fiscal_year, "fiscal_year")
    if fiscal_year < cooperative.first_fiscal_year:
        raise RuleInputError(
            f"fiscal year {fiscal_year} ended before the deed was approved on "
            f"{cooperative.deed_approved_on}; the first fiscal year is "
            f"{cooperative.first_fiscal_year}"
        )
    deadline, months, regime, year_end = _rat_deadline(
        fiscal_year, cooperative.fiscal_year_end, articles_deadline, rules
    )
    # The decision carries the deadline on the wire, which reads days up to LAST_DAY.
    derived_day(deadline, f"the RAT deadline of fiscal year {fiscal_year}")
    source = regime.citation if months == regime.value else Citation("AD/ART", note="batas RAT")
    record = cooperative.rat_for(fiscal_year)
    held_on = record.held_on if record is not None and record.held_on is not None else None
    if held_on is not None and held_on > as_of:
        held_on = None
    if held_on is not None:
        outcome = RatTiming.ON_TIME if held_on <= deadline else RatTiming.LATE
    else:
        outcome = RatTiming.NOT_YET_DUE if as_of <= deadline else RatTiming.MISSED
    held_text = held_on.isoformat() if held_on is not None else None
    findings = [
        Finding(
            code="cooperatives.rat_deadline",
            passed=outcome in (RatTiming.ON_TIME, RatTiming.NOT_YET_DUE),
            severity=Severity.ERROR if outcome is not RatTiming.NOT_YET_DUE else Severity.INFO,
            message_id=f"RAT tahun buku {fiscal_year}: batas {deadline.isoformat()} "
            f"({months} bulan setelah {year_end.isoformat()}); "
            + (f"dilaksanakan {held_text}." if held_text else "belum dilaksanakan."),
            message_en=f"RAT for fiscal year {fiscal_year}: due by {deadline.isoformat()} "
            f"({months} months after {year_end.isoformat()}); "
            + (f"held on {held_text}." if held_text else "not held."),
            citation=source,
            details={"deadline": deadline.isoformat(), "held_on": held_text or ""},
        )
    ]
    if held_on is not None:
        reported = record is not None and record.reported
        findings.append(
            Finding(
                code="cooperatives.rat_reported",
                passed=reported,
                severity=Severity.WARNING,
                message_id="Laporan RAT "
                + ("telah" if reported else "belum")
                + " disampaikan ke dinas (ODS).",
                message_en="The RAT report "
                + ("reached" if reported else "has not reached")
                + " the cooperative office (ODS).",
                citation=Citation("Permenkop UKM 19/2015", note="pelaporan RAT; ODS"),
            )
        )
    return RatDecision(
        outcome=outcome,
        as_of=as_of,
        findings=tuple(findings),
        regimes=(regime.ref,),
        rule="R7",
        fiscal_year=fiscal_year,
        deadline=deadline,
    )


# --- R4: organs -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OrganRequirements:
    """Organs every cooperative needs, and those a sharia cooperative adds."""

    always: frozenset[Organ]
    sharia: frozenset[Organ] = frozenset()


_BASE_ORGANS = frozenset({Organ.MEMBERS_MEETING, Organ.BOARD, Organ.SUPERVISORS})

#: UU 25/1992 Pasal 21; from Cipta Kerja, Pasal 21 as amended adds a mandatory
#: Dewan Pengawas Syariah for sharia cooperatives.
ORGAN_REQUIREMENTS: Timeline[OrganRequirements] = Timeline(
    "cooperatives.organs",
    [
        Regime(
            name="uu-25-1992-pasal-21",
            valid_from=UU_25_1992_FROM,
            valid_to=date(2020, 11, 1),
            citation=Citation(UU_25_1992, "Pasal 21"),
            confidence=Confidence.HIGH,
            value=OrganRequirements(always=_BASE_ORGANS),
        ),
        Regime(
            name="uu-11-2020-pasal-86-pasal-21",
            valid_from=CIPTA_KERJA_FROM,
            citation=Citation(CIPTA_KERJA, "mengubah Pasal 21 UU 25/1992", CIPTA_KERJA_NOW),
            confidence=Confidence.MEDIUM,
            value=OrganRequirements(
                always=_BASE_ORGANS, sharia=frozenset({Organ.SHARIA_SUPERVISORY_BOARD})
            ),
            note="the DPS duty is H; the start date 2020-11-02 is M",
        ),
    ],
    contiguous=True,
)
register(
    ORGAN_REQUIREMENTS,
    description_id="perangkat organisasi koperasi yang wajib ada",
    description_en="the organs a cooperative must have",
    unit=Unit.TABLE,
    module=__name__,
    value_type=OrganRequirements,
)

_ORGAN_ORDER = (
    Organ.MEMBERS_MEETING,
    Organ.BOARD,
    Organ.SUPERVISORS,
    Organ.SHARIA_SUPERVISORY_BOARD,
)


def required_organs(
    principle: Principle,
    *,
    as_of: date,
    rules: Timeline[OrganRequirements] = ORGAN_REQUIREMENTS,
) -> tuple[Organ, ...]:
    """The organs a cooperative of ``principle`` must have on ``as_of`` (R4).

    >>> [o.value for o in required_organs(Principle.SHARIA, as_of=date(2020, 11, 2))]
    ['rapat_anggota', 'pengurus', 'pengawas', 'dewan_pengawas_syariah']
    >>> len(required_organs(Principle.SHARIA, as_of=date(2020, 11, 1)))
    3
    """
    principle = enum_argument(principle, Principle, "principle")
    spec: OrganRequirements = checked(rules, as_of).value
    wanted = spec.always | (spec.sharia if principle is Principle.SHARIA else frozenset())
    return tuple(o for o in _ORGAN_ORDER if o in wanted)


def check_organs(
    cooperative: Cooperative,
    *,
    as_of: date,
    rules: Timeline[OrganRequirements] = ORGAN_REQUIREMENTS,
) -> CooperativeDecision[bool]:
    """Check that every required organ exists on ``as_of`` (R4).

    The members' meeting exists when the cooperative has members; the other
    organs exist when a :class:`BoardTerm` of that organ runs on ``as_of``.
    A sharia cooperative without a DPS fails from 2020-11-02.
    """
    if as_of < cooperative.deed_approved_on:
        raise RuleInputError(
            f"as_of {as_of} is before the deed was approved ({cooperative.deed_approved_on})"
        )
    regime = checked(rules, as_of)
    spec: OrganRequirements = regime.value
    wanted = spec.always | (spec.sharia if cooperative.is_sharia else frozenset())
    findings = []
    for organ in _ORGAN_ORDER:
        if organ not in wanted:
            continue
        present = (
            cooperative.member_count > 0
            if organ is Organ.MEMBERS_MEETING
            else bool(cooperative.board_terms_on(as_of, organ))
        )
        findings.append(
            Finding(
                code=f"cooperatives.organ_{organ.value}",
                passed=present,
                message_id=f"{organ.label} {'ada' if present else 'tidak ada'} "
                f"per {as_of.isoformat()}.",
                message_en=f"{organ.label} {'is' if present else 'is not'} in place on "
                f"{as_of.isoformat()}.",
                citation=regime.citation,
            )
        )
    decision = CooperativeDecision(
        outcome=True, as_of=as_of, findings=tuple(findings), regimes=(regime.ref,), rule="R4"
    )
    return attrs.evolve(decision, outcome=decision.passed)


# --- R11: board terms -----------------------------------------------------------

#: Longest term of the pengurus, in years (UU 25/1992 Pasal 29 ayat (2)).
BOARD_TERM_LIMIT: Timeline[int] = Timeline(
    "cooperatives.board_term_years",
    [
        Regime(
            name="uu-25-1992-pasal-29",
            valid_from=UU_25_1992_FROM,
            citation=Citation(UU_25_1992, "Pasal 29 ayat (2)"),
            confidence=Confidence.HIGH,
            value=5,
        )
    ],
)
register(
    BOARD_TERM_LIMIT,
    description_id="masa jabatan pengurus paling lama",
    description_en="longest term of office of the board (pengurus)",
    unit=Unit.YEARS,
    module=__name__,
    value_type=int,
)


def check_board_terms(
    cooperative: Cooperative,
    *,
    as_of: date,
    organs: tuple[Organ, ...] = (Organ.BOARD,),
    rules: Timeline[int] = BOARD_TERM_LIMIT,
) -> CooperativeDecision[bool]:
    """Check board terms begun by ``as_of`` (R11).

    Each term of ``organs`` (default: pengurus only, as the statute limits
    the pengurus term) lasts at most 5 years: ``ends_on <= started_on + 5
    years``, so a term from one RAT to the RAT five years on is allowed.
    Everyone on a pengurus or pengawas term running on ``as_of`` must be a
    member (Pasal 29 ayat (1), Pasal 38 ayat (1)).
    """
    regime = checked(rules, as_of)
    years: int = regime.value
    begun = [(i, t) for i, t in enumerate(cooperative.board_terms) if t.started_on <= as_of]
    too_long = [
        i
        for i, t in begun
        if t.organ in organs and t.ends_on > t.started_on + relativedelta(years=years)
    ]
    running = cooperative.board_terms_on(as_of)
    non_members = sorted(
        {
            m.nik.masked()
            for t in running
            if t.organ in (Organ.BOARD, Organ.SUPERVISORS)
            for m in t.members
            if not m.is_member
        }
    )
    findings = (
        Finding(
            code="cooperatives.board_term_length",
            passed=not too_long,
            message_id=f"Masa jabatan paling lama {years} tahun"
            + (f"; dilampaui oleh masa jabatan nomor {too_long}." if too_long else "."),
            message_en=f"A term lasts at most {years} years"
            + (f"; exceeded by terms at positions {too_long}." if too_long else "."),
            citation=regime.citation,
            details={"positions": ",".join(map(str, too_long))},
        ),
        Finding(
            code="cooperatives.board_members_are_members",
            passed=not non_members,
            message_id="Pengurus dan pengawas dipilih dari dan oleh anggota"
            + (f"; bukan anggota: {', '.join(non_members)}." if non_members else "."),
            message_en="Pengurus and pengawas are elected from and by the members"
            + (f"; not members: {', '.join(non_members)}." if non_members else "."),
            citation=Citation(UU_25_1992, "Pasal 29 ayat (1), Pasal 38 ayat (1)"),
        ),
    )
    decision = CooperativeDecision(
        outcome=True, as_of=as_of, findings=findings, regimes=(regime.ref,), rule="R11"
    )
    return attrs.evolve(decision, outcome=decision.passed)
