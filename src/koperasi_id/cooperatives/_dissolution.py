"""Government dissolution: its grounds (R22).

A cooperative is dissolved by its members' meeting or by the government (UU
25/1992 Pasal 46). The government may dissolve it on the grounds of Pasal 47
ayat (1), detailed by PP 17/1994 Pasal 3 ayat (1); only the Minister decides,
a regional office can only propose (PP 17/1994, Elucidation). Inactivity
(R21) is *not* a ground by itself and never changes the legal status.

Ground (d), no real business for two consecutive years counted from the deed's
approval, is read from the cooperative's business-activity records: two
consecutive fiscal years, both over on ``as_of`` and both starting on or after
the approval date, recorded without real business. The other grounds rest on
facts only a court or the ministry can establish, so the caller supplies them.

The timeline of a dissolution (R23) is in
:mod:`koperasi_id.cooperatives._dissolution_timeline`.
"""

from __future__ import annotations

import enum
from datetime import date, timedelta

import attrs

from koperasi_id._values import mask
from koperasi_id.cooperatives._enums import LegalStatus, RuleBasis
from koperasi_id.cooperatives._law import (
    UU_25_1992_FROM,
    CooperativeDecision,
    bool_argument,
    checked,
)
from koperasi_id.cooperatives._model import Cooperative
from koperasi_id.decisions import Finding, Severity
from koperasi_id.errors import RuleInputError
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register

__all__ = [
    "DISSOLUTION_GROUNDS_RULES",
    "DissolutionGround",
    "DissolutionGroundRule",
    "DissolutionGroundsDecision",
    "dissolution_grounds",
]

_ONE_DAY = timedelta(days=1)


class DissolutionGround(enum.Enum):
    """A ground on which the government may dissolve a cooperative (R22)."""

    #: Does not meet UU 25/1992 and/or does not follow its own articles (PP 17/1994
    #: Pasal 3 ayat (1) huruf a; UU 25/1992 Pasal 47 ayat (1) huruf a).
    VIOLATES_LAW_OR_ARTICLES = "tidak_memenuhi_uu_atau_anggaran_dasar"
    #: Activities against public order or morality, per a final court decision (huruf b).
    AGAINST_PUBLIC_ORDER = "bertentangan_ketertiban_umum_kesusilaan"
    #: Declared bankrupt by a final court decision (huruf c).
    BANKRUPT = "pailit"
    #: No real business for 2 consecutive years counted from the deed's approval (huruf d).
    NO_REAL_BUSINESS = "tidak_berkegiatan_usaha_nyata"
    #: Its survival can no longer be expected (UU 25/1992 Pasal 47 ayat (1) huruf c).
    SURVIVAL_NOT_EXPECTED = "kelangsungan_hidup_tidak_dapat_diharapkan"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _GROUND_LABELS[self]

    @property
    def citation(self) -> Citation:
        """The article that makes it a ground."""
        return _GROUND_CITATIONS[self]


_GROUND_LABELS = {
    DissolutionGround.VIOLATES_LAW_OR_ARTICLES: "Tidak memenuhi UU Perkoperasian dan/atau "
    "Anggaran Dasar",
    DissolutionGround.AGAINST_PUBLIC_ORDER: "Kegiatan bertentangan dengan ketertiban umum "
    "dan/atau kesusilaan",
    DissolutionGround.BANKRUPT: "Dinyatakan pailit",
    DissolutionGround.NO_REAL_BUSINESS: "Tidak melakukan kegiatan usaha secara nyata selama "
    "dua tahun berturut-turut",
    DissolutionGround.SURVIVAL_NOT_EXPECTED: "Kelangsungan hidupnya tidak dapat lagi diharapkan",
}
_PP_17_1994 = "PP 17/1994"
_GROUND_CITATIONS = {
    DissolutionGround.VIOLATES_LAW_OR_ARTICLES: Citation(_PP_17_1994, "Pasal 3 ayat (1) huruf a"),
    DissolutionGround.AGAINST_PUBLIC_ORDER: Citation(_PP_17_1994, "Pasal 3 ayat (1) huruf b"),
    DissolutionGround.BANKRUPT: Citation(_PP_17_1994, "Pasal 3 ayat (1) huruf c"),
    DissolutionGround.NO_REAL_BUSINESS: Citation(_PP_17_1994, "Pasal 3 ayat (1) huruf d"),
    DissolutionGround.SURVIVAL_NOT_EXPECTED: Citation("UU 25/1992", "Pasal 47 ayat (1) huruf c"),
}
_MINISTRY_DECIDES = Citation(
    _PP_17_1994,
    note="Elucidation: the power is delegated to the Minister; regional offices only propose",
)


@attrs.frozen(kw_only=True)
class DissolutionGroundRule:
    """The measurable part of the grounds (the value of a regime).

    ``no_business_years``: consecutive fiscal years without real business that
    make ground (d) (2 under PP 17/1994 Pasal 3 ayat (1) huruf d).
    """

    no_business_years: int = attrs.field(default=2, validator=attrs.validators.ge(1))


#: R22. PP 17/1994 implements UU 25/1992 Pasal 47-48. Its own enactment date was
#: not verified, so the regime starts with the statute it implements.
DISSOLUTION_GROUNDS_RULES: Timeline[DissolutionGroundRule] = Timeline(
    "cooperatives.dissolution_grounds",
    [
        Regime(
            name="pp-17-1994-pasal-3",
            valid_from=UU_25_1992_FROM,
            citation=Citation(
                _PP_17_1994,
                "Pasal 3 ayat (1)",
                note="Pembubaran Koperasi oleh Pemerintah; implements UU 25/1992 Pasal 47",
            ),
            confidence=Confidence.HIGH,
            value=DissolutionGroundRule(),
            note="start date is UU 25/1992's: the PP's own date was not verified",
        )
    ],
)
register(
    DISSOLUTION_GROUNDS_RULES,
    description_id="alasan pembubaran koperasi oleh Pemerintah",
    description_en="grounds on which the government may dissolve a cooperative",
    unit=Unit.TABLE,
    module=__name__,
    value_type=DissolutionGroundRule,
)


@attrs.frozen(kw_only=True)
class DissolutionGroundsDecision(CooperativeDecision[bool]):
    """Whether any government-dissolution ground is met, and which.

    ``outcome`` is True when at least one ground is met; each met ground is a
    failed finding, so ``failed_codes`` names them too. ``idle_fiscal_years``
    are the consecutive fiscal years without real business behind ground (d),
    empty when it is not met.
    """

    grounds: tuple[DissolutionGround, ...]
    legal_status: LegalStatus
    idle_fiscal_years: tuple[int, ...] = ()

    @property
    def may_be_proposed(self) -> bool:
        """Whether a regional office may propose the dissolution to the Minister."""
        return bool(self.grounds)


def _ground_finding(
    ground: DissolutionGround, met: bool, message_id: str, message_en: str, **details: object
) -> Finding:
    return Finding(
        code=f"cooperatives.dissolution.{ground.value}",
        passed=not met,
        message_id=message_id,
        message_en=message_en,
        citation=ground.citation,
        details={k: str(v) for k, v in details.items() if v is not None},
    )


def _idle_run(
    cooperative: Cooperative,
    *,
    as_of: date,
    years_needed: int,
    unrecorded_counts: bool,
    first_years_only: bool,
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """(latest idle run, examined fiscal years, unrecorded years among them)."""
    year_end = cooperative.fiscal_year_end
    first = cooperative.first_fiscal_year
    # The years are counted from the approval: a fiscal year already running
    # when the deed was approved is not a whole year of the cooperative's life.
    starts_on_deed = year_end.in_year(first - 1) + _ONE_DAY == cooperative.deed_approved_on
    first_whole = first if starts_on_deed else first + 1
    last_over = as_of.year if year_end.in_year(as_of.year) < as_of else as_of.year - 1
    stop = min(last_over, first_whole + years_needed - 1) if first_years_only else last_over
    examined = tuple(range(first_whole, stop + 1))
    if first_years_only and len(examined) < years_needed:
        return (), examined, ()
    records = {a.fiscal_year: a for a in cooperative.business_activities}
    run: list[int] = []
    latest: tuple[int, ...] = ()
    unrecorded: list[int] = []
    for year in examined:
        record = records.get(year)
        if record is None:
            unrecorded.append(year)
            idle = unrecorded_counts
        else:
            idle = not record.has_real_business
        if idle:
            run.append(year)
            if len(run) >= years_needed:
                latest = tuple(run[-years_needed:])
        else:
            run.clear()
    return latest, examined, tuple(unrecorded)


def _years(years: tuple[int, ...]) -> str:
    return ", ".join(str(y) for y in years) if years else "-"


def _ruling_final(final_on: date | None, as_of: date) -> bool:
    return final_on is not None and final_on <= as_of


def dissolution_grounds(
    cooperative: Cooperative,
    *,
    as_of: date,
    violates_law_or_articles: bool = False,
    public_order_ruling_final_on: date | None = None,
    bankruptcy_ruling_final_on: date | None = None,
    survival_not_expected: bool = False,
    unrecorded_year_counts_as_idle: bool = False,
    first_years_only: bool = False,
    rules: Timeline[DissolutionGroundRule] | None = None,
) -> DissolutionGroundsDecision:
    """Which government-dissolution grounds ``cooperative`` meets on ``as_of`` (R22).

    Ground (d) is computed from ``business_activities``: the last
    ``no_business_years`` (2) consecutive fiscal years without real business,
    each over by ``as_of`` and starting on or after the deed's approval. A
    fiscal year with no record is unknown, not idle, unless
    ``unrecorded_year_counts_as_idle``. ``first_years_only`` applies the
    narrow reading (only the first two whole fiscal years after approval).

    The other grounds are facts the library cannot see: the ministry's finding
    that the cooperative breaches UU 25/1992 or its articles
    (``violates_law_or_articles``), the dates on which court decisions on
    public order or bankruptcy became final (they count once final by
    ``as_of``) and the assessment that its survival can no longer be expected.

    >>> from koperasi_id.cooperatives import (BusinessActivity, Cooperative,
    ...     CooperativeForm, CooperativeKind, MembershipArea)
    >>> from koperasi_id.identifiers import NomorBadanHukum
    >>> from koperasi_id.regions import RegionCode
    >>> coop = Cooperative(
    ...     name="Koperasi Jasa Teluk Betung",
    ...     legal_entity_numbers=(NomorBadanHukum.parse("77/BH/XVIII/2016"),),
    ...     deed_approved_on=date(2016, 1, 1), form=CooperativeForm.PRIMARY,
    ...     kind=CooperativeKind.SERVICES, region=RegionCode.parse("18.71"),
    ...     membership_area=MembershipArea.WITHIN_REGENCY, member_count=30,
    ...     business_activities=(
    ...         BusinessActivity(fiscal_year=2016, has_real_business=True),
    ...         BusinessActivity(fiscal_year=2017, has_real_business=False),
    ...         BusinessActivity(fiscal_year=2018, has_real_business=False),
    ...     ),
    ... )
    >>> d = dissolution_grounds(coop, as_of=date(2019, 1, 1))
    >>> [g.value for g in d.grounds], d.idle_fiscal_years
    (['tidak_berkegiatan_usaha_nyata'], (2017, 2018))
    >>> dissolution_grounds(coop, as_of=date(2018, 12, 31)).grounds
    ()
    """
    if as_of < cooperative.deed_approved_on:
        raise RuleInputError(
            f"the deed of {mask(cooperative.name, limit=40, quote=True)} was approved on {cooperative.deed_approved_on}; "
            f"there are no dissolution grounds on {as_of}: ask for a date on or after approval"
        )
    for name, flag in (
        ("violates_law_or_articles", violates_law_or_articles),
        ("survival_not_expected", survival_not_expected),
        ("unrecorded_year_counts_as_idle", unrecorded_year_counts_as_idle),
        ("first_years_only", first_years_only),
    ):
        bool_argument(flag, name)
    regime: Regime[DissolutionGroundRule] = checked(
        DISSOLUTION_GROUNDS_RULES if rules is None else rules, as_of
    )
    if cooperative.dissolved_on is not None and cooperative.dissolved_on <= as_of:
        return DissolutionGroundsDecision(
            outcome=False,
            as_of=as_of,
            findings=(
                Finding(
                    code="cooperatives.dissolution.already_dissolved",
                    passed=False,
                    severity=Severity.WARNING,
                    message_id=f"Koperasi telah dibubarkan pada {cooperative.dissolved_on}.",
                    message_en=f"The cooperative was already dissolved on "
                    f"{cooperative.dissolved_on}.",
                    citation=Citation("UU 25/1992", "Pasal 46"),
                    details={"dissolved_on": str(cooperative.dissolved_on)},
                ),
            ),
            regimes=(regime.ref,),
            rule="R22",
            basis=RuleBasis.REGULATION,
            grounds=(),
            legal_status=LegalStatus.DISSOLVED,
        )
    years_needed = regime.value.no_business_years
    idle, examined, unrecorded = _idle_run(
        cooperative,
        as_of=as_of,
        years_needed=years_needed,
        unrecorded_counts=unrecorded_year_counts_as_idle,
        first_years_only=first_years_only,
    )
    public_order = _ruling_final(public_order_ruling_final_on, as_of)
    bankrupt = _ruling_final(bankruptcy_ruling_final_on, as_of)
    met = {
        DissolutionGround.VIOLATES_LAW_OR_ARTICLES: violates_law_or_articles,
        DissolutionGround.AGAINST_PUBLIC_ORDER: public_order,
        DissolutionGround.BANKRUPT: bankrupt,
        DissolutionGround.NO_REAL_BUSINESS: bool(idle),
        DissolutionGround.SURVIVAL_NOT_EXPECTED: survival_not_expected,
    }
    findings = [
        _ground_finding(
            DissolutionGround.VIOLATES_LAW_OR_ARTICLES,
            violates_law_or_articles,
            "Kementerian menyatakan koperasi tidak memenuhi UU 25/1992 dan/atau Anggaran Dasar."
            if violates_law_or_articles
            else "Tidak ada temuan bahwa koperasi melanggar UU 25/1992 atau Anggaran Dasar.",
            "The ministry found the cooperative in breach of UU 25/1992 and/or its articles."
            if violates_law_or_articles
            else "No finding that the cooperative breaches UU 25/1992 or its articles.",
        ),
        _court_finding(
            DissolutionGround.AGAINST_PUBLIC_ORDER,
            public_order_ruling_final_on,
            as_of,
            what_id="kegiatan bertentangan dengan ketertiban umum/kesusilaan",
            what_en="activities against public order or morality",
        ),
        _court_finding(
            DissolutionGround.BANKRUPT,
            bankruptcy_ruling_final_on,
            as_of,
            what_id="pailit",
            what_en="bankruptcy",
        ),
        _ground_finding(
            DissolutionGround.NO_REAL_BUSINESS,
            bool(idle),
            f"Tidak ada kegiatan usaha nyata pada tahun buku {_years(idle)} "
            f"({years_needed} tahun berturut-turut sejak akta disahkan)."
            if idle
            else f"Tidak ada {years_needed} tahun buku berturut-turut tanpa kegiatan usaha nyata "
            f"sejak akta disahkan (tahun buku diperiksa: {_years(examined)}).",
            f"No real business in fiscal years {_years(idle)} ({years_needed} consecutive "
            "years since the deed was approved)."
            if idle
            else f"No {years_needed} consecutive fiscal years without real business since the "
            f"deed was approved (fiscal years examined: {_years(examined)}).",
            idle_fiscal_years=_years(idle),
            examined=_years(examined),
        ),
        _ground_finding(
            DissolutionGround.SURVIVAL_NOT_EXPECTED,
            survival_not_expected,
            "Kelangsungan hidup koperasi dinilai tidak dapat lagi diharapkan."
            if survival_not_expected
            else "Tidak ada penilaian bahwa kelangsungan hidup koperasi tidak dapat diharapkan.",
            "The cooperative's survival is assessed as no longer to be expected."
            if survival_not_expected
            else "No assessment that the cooperative's survival can no longer be expected.",
        ),
    ]
    if unrecorded and not unrecorded_year_counts_as_idle:
        findings.append(
            Finding(
                code="cooperatives.dissolution.unrecorded_years",
                passed=False,
                severity=Severity.WARNING,
                message_id=f"Tidak ada catatan kegiatan usaha untuk tahun buku "
                f"{_years(unrecorded)}; tahun itu tidak dihitung sebagai tanpa usaha.",
                message_en=f"No business-activity record for fiscal years {_years(unrecorded)}; "
                "they are not counted as years without business.",
                citation=DissolutionGround.NO_REAL_BUSINESS.citation,
                details={"unrecorded": _years(unrecorded)},
            )
        )
    findings.append(
        Finding(
            code="cooperatives.dissolution.ministry_decides",
            passed=True,
            severity=Severity.INFO,
            message_id="Hanya Menteri yang memutuskan pembubaran; dinas daerah hanya dapat "
            "mengusulkan. Status tidak aktif sendiri bukan alasan pembubaran.",
            message_en="Only the Minister decides a dissolution; a regional office can only "
            "propose it. Inactivity by itself is not a ground.",
            citation=_MINISTRY_DECIDES,
        )
    )
    grounds = tuple(g for g, is_met in met.items() if is_met)
    return DissolutionGroundsDecision(
        outcome=bool(grounds),
        as_of=as_of,
        findings=tuple(findings),
        regimes=(regime.ref,),
        rule="R22",
        basis=RuleBasis.REGULATION,
        grounds=grounds,
        legal_status=LegalStatus.LEGAL_ENTITY,
        idle_fiscal_years=idle,
    )


def _court_finding(
    ground: DissolutionGround, final_on: date | None, as_of: date, *, what_id: str, what_en: str
) -> Finding:
    if final_on is None:
        return _ground_finding(
            ground,
            False,
            f"Tidak ada putusan pengadilan berkekuatan hukum tetap tentang {what_id}.",
            f"No final court decision on {what_en}.",
        )
    if final_on > as_of:
        return _ground_finding(
            ground,
            False,
            f"Putusan tentang {what_id} baru berkekuatan hukum tetap pada {final_on}.",
            f"The decision on {what_en} becomes final only on {final_on}.",
            final_on=final_on,
        )
    return _ground_finding(
        ground,
        True,
        f"Putusan pengadilan tentang {what_id} berkekuatan hukum tetap sejak {final_on}.",
        f"A court decision on {what_en} has been final since {final_on}.",
        final_on=final_on,
    )
