"""The BPUM programme of each budget year, as dated and cited data (R-BPUM-1)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType

import attrs

from koperasi_id._values import mask
from koperasi_id.bpum._kinds import EXCLUDED_OCCUPATIONS, Occupation, ProposerType
from koperasi_id.errors import NoRuleInForceError, RuleInputError
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register

__all__ = [
    "PROGRAMMES",
    "Criterion",
    "OtherBankCreditRule",
    "Programme",
    "ProposalWindow",
    "amount",
    "programme",
    "programme_regime",
    "programme_years",
]


class OtherBankCreditRule(enum.Enum):
    """How to read the 2021 "other bank credit" criterion (open question 10).

    Permenkop UKM 2/2021 amended Pasal 4 ayat (2) to exclude only applicants
    *currently receiving KUR*; much 2021 reporting repeated the 2020 wording
    "not receiving bank credit nor KUR". ``REGULATION_TEXT`` (the default)
    follows the amended article; ``ANY_BANK_CREDIT_EXCLUDES`` applies the press
    reading. For 2020 both give the same answer: any bank credit excluded.
    """

    REGULATION_TEXT = "teks_peraturan"
    ANY_BANK_CREDIT_EXCLUDES = "semua_kredit_bank"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        if self is OtherBankCreditRule.REGULATION_TEXT:
            return "Mengikuti teks peraturan tahun anggaran"
        return "Setiap kredit bank menggugurkan"


def checked_credit_rule(rule: object) -> OtherBankCreditRule:
    """``rule`` if it is an :class:`OtherBankCreditRule`; a clear error otherwise.

    The wire value (``"semua_kredit_bank"``) is refused rather than guessed at:
    compared with the members, it would silently mean the regulation reading.
    """
    if isinstance(rule, OtherBankCreditRule):
        return rule
    choices = ", ".join(f"OtherBankCreditRule.{m.name}" for m in OtherBankCreditRule)
    raise RuleInputError(
        f"other_bank_credit_rule is one of {choices}, not {mask(rule, limit=40, quote=True)}; "
        "OtherBankCreditRule(value) turns a wire value into one"
    )


class Criterion(enum.Enum):
    """The checks of R-BPUM-2 and R-BPUM-6; each is a finding code ``bpum.<value>``."""

    KK_REQUIRED = "kk_required"
    CITIZENSHIP = "citizenship"
    IDENTITY = "identity"
    PROPOSER = "proposer"
    OCCUPATION = "occupation_excluded"
    KUR = "has_kur"
    OTHER_BANK_CREDIT = "other_bank_credit"
    SKU = "sku_required"
    PREVIOUS_BPUM = "previous_bpum"

    @property
    def code(self) -> str:
        """The stable finding code (``"bpum.has_kur"``)."""
        return _CRITERION_CODES[self]

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _CRITERION_LABELS[self]


_CRITERION_CODES = {c: "bpum." + c.value for c in Criterion}
_CRITERION_LABELS = {
    Criterion.KK_REQUIRED: "Nomor Kartu Keluarga",
    Criterion.CITIZENSHIP: "Warga Negara Indonesia",
    Criterion.IDENTITY: "Identitas kependudukan",
    Criterion.PROPOSER: "Pengusul",
    Criterion.OCCUPATION: "Pekerjaan yang dikecualikan",
    Criterion.KUR: "Sedang menerima KUR",
    Criterion.OTHER_BANK_CREDIT: "Kredit/pembiayaan bank lain",
    Criterion.SKU: "Surat Keterangan Usaha",
    Criterion.PREVIOUS_BPUM: "BPUM tahun sebelumnya",
}


@attrs.frozen(kw_only=True)
class ProposalWindow:
    """When proposals were accepted for a budget year (both ends inclusive)."""

    opens: date
    closes: date
    confidence: Confidence
    note: str | None = None

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside the window."""
        return self.opens <= day <= self.closes


def _frozen_mapping(value: Mapping[Criterion, Citation]) -> Mapping[Criterion, Citation]:
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class Programme:
    """One budget year of BPUM: the amount, the window and the criteria in force.

    ``criteria`` maps each check made that year to the article that requires
    it; a check absent from the mapping is not made. Build your own (with
    :func:`attrs.evolve`) and pass it in a Timeline as ``rules=`` to apply
    a programme the library does not ship.
    """

    year: int
    amount: Decimal
    window: ProposalWindow
    criteria: Mapping[Criterion, Citation] = attrs.field(converter=_frozen_mapping)
    excluded_occupations: tuple[Occupation, ...] = EXCLUDED_OCCUPATIONS
    allowed_proposers: tuple[ProposerType, ...]
    #: Budget years of earlier BPUM that do not bar a new grant.
    allowed_previous_years: tuple[int, ...] = ()
    #: Whether current non-KUR bank credit excludes, per the regulation text.
    other_bank_credit_excludes: bool
    #: The identity document the criteria name ("NIK" in 2020, "e-KTP" in 2021).
    identity_document: str = "NIK"
    #: The public launch, a fact of its own: it is not when proposals opened.
    launched: date | None = None
    note: str | None = None

    def citation(self, criterion: Criterion) -> Citation:
        """The article behind ``criterion`` this year."""
        return self.criteria[criterion]


_PERMENKOP_2020 = "Permenkop UKM 6/2020"
_PERMENKOP_2021 = "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021"
_JUKLAK_2020 = "Juklak BPUM No. 98/2020"

_CRITERIA_2020 = {
    Criterion.CITIZENSHIP: Citation(_PERMENKOP_2020, "Pasal 4", "kriteria penerima: WNI"),
    Criterion.IDENTITY: Citation(_PERMENKOP_2020, "Pasal 4", "kriteria penerima: memiliki NIK"),
    Criterion.PROPOSER: Citation(_PERMENKOP_2020, "Pasal 8", "lembaga pengusul"),
    Criterion.OCCUPATION: Citation(
        _PERMENKOP_2020, "Pasal 4", "bukan ASN, anggota TNI/Polri, pegawai BUMN/BUMD"
    ),
    Criterion.KUR: Citation(_PERMENKOP_2020, "Pasal 4", "tidak sedang menerima KUR"),
    Criterion.OTHER_BANK_CREDIT: Citation(
        _PERMENKOP_2020, "Pasal 4", "tidak sedang menerima kredit/pembiayaan perbankan"
    ),
    Criterion.SKU: Citation(_JUKLAK_2020, note="SKU bila alamat usaha berbeda dengan KTP"),
    Criterion.PREVIOUS_BPUM: Citation(_JUKLAK_2020, note="satu NIK satu BPUM per tahun anggaran"),
}

_CRITERIA_2021 = {
    Criterion.KK_REQUIRED: Citation(_PERMENKOP_2021, note="data usulan memuat NIK dan nomor KK"),
    Criterion.CITIZENSHIP: Citation(_PERMENKOP_2021, "Pasal 4", "kriteria penerima: WNI"),
    Criterion.IDENTITY: Citation(_PERMENKOP_2021, "Pasal 4", "kriteria penerima: memiliki e-KTP"),
    Criterion.PROPOSER: Citation(
        "Permenkop UKM 2/2021", "Pasal 8", "dinas kabupaten/kota mengusulkan melalui dinas provinsi"
    ),
    Criterion.OCCUPATION: Citation(
        _PERMENKOP_2021, "Pasal 4", "bukan ASN, anggota TNI/Polri, pegawai BUMN/BUMD"
    ),
    Criterion.KUR: Citation("Permenkop UKM 2/2021", "Pasal 4 ayat (2)"),
    Criterion.OTHER_BANK_CREDIT: Citation(
        "Permenkop UKM 2/2021", "Pasal 4 ayat (2)", "hanya KUR yang disebut"
    ),
    Criterion.SKU: Citation(_JUKLAK_2020, note="SKU bila alamat usaha berbeda; tetap berlaku 2021"),
    Criterion.PREVIOUS_BPUM: Citation("Permenkop UKM 2/2021", "Pasal 4 ayat (1)"),
}

_ALL_PROPOSERS = tuple(ProposerType)

BPUM_2020 = Programme(
    year=2020,
    amount=Decimal("2400000"),
    window=ProposalWindow(
        opens=date(2020, 7, 28),
        closes=date(2020, 12, 31),
        confidence=Confidence.LOW,
        note="Permenkop UKM 6/2020 sets no calendar date for proposals: they run from its "
        "entry into force (date not found). The first batch used proposals dated "
        "28 Jul 2020 (aspek.id), before the launch (24 Aug 2020) and before the Kemenkop "
        "data-collection letter 367/SM/VIII/2020 of 4 Aug 2020 (republika 28 Dec 2020), "
        "so the window opens on that earliest evidenced day. Closed when 12,000,000 "
        "proposals were reached, at the latest at the end of the budget year (inference; "
        "data collection was extended by letter 491/SM/X/2020 of 6 Oct 2020, kompas "
        "29 Oct 2020 reports registration open until the end of November 2020)",
    ),
    criteria=_CRITERIA_2020,
    allowed_proposers=_ALL_PROPOSERS,
    allowed_previous_years=(),
    other_bank_credit_excludes=True,
    launched=date(2020, 8, 24),
    note="Rp2.400.000 once per recipient; target 12,000,000 recipients, budget Rp28,8 T; "
    "launched by the President on 24 Aug 2020",
)

BPUM_2021 = Programme(
    year=2021,
    amount=Decimal("1200000"),
    window=ProposalWindow(
        opens=date(2021, 3, 17),
        closes=date(2021, 8, 31),
        confidence=Confidence.MEDIUM,
        note="closing date High (national); opening taken as the signing of Permenkop UKM "
        "2/2021 (inference); some regions reopened later, DKI until 13 Sep 2021",
    ),
    criteria=_CRITERIA_2021,
    allowed_proposers=(ProposerType.DISTRICT_OFFICE, ProposerType.PROVINCIAL_OFFICE),
    allowed_previous_years=(2020,),
    other_bank_credit_excludes=False,
    identity_document="e-KTP",
    note="Rp1.200.000 once per recipient; 12,800,000 recipients in two phases, Rp15,36 T",
)

#: The shipped programmes, one regime per budget year (tahun anggaran).
PROGRAMMES: Timeline[Programme] = Timeline(
    "bpum.programme",
    [
        Regime(
            name="bpum-2020",
            valid_from=date(2020, 1, 1),
            valid_to=date(2020, 12, 31),
            citation=Citation(_PERMENKOP_2020, "Pasal 3 ayat (1)", "Rp2.400.000"),
            confidence=Confidence.HIGH,
            value=BPUM_2020,
            note="Permenkop UKM 6/2020 and Juklak BPUM No. 98/2020; proposals from 28 Jul 2020 "
            "(LOW), launched 24 Aug 2020 (HIGH)",
        ),
        Regime(
            name="bpum-2021",
            valid_from=date(2021, 1, 1),
            valid_to=date(2021, 12, 31),
            citation=Citation("Permenkop UKM 2/2021", "Pasal 3 ayat (1)", "Rp1.200.000"),
            confidence=Confidence.HIGH,
            value=BPUM_2021,
            note="amends Permenkop UKM 6/2020; signed 17 Mar 2021",
        ),
    ],
)
register(
    PROGRAMMES,
    description_id="program Bantuan Presiden Usaha Mikro per tahun anggaran: besaran, syarat, jadwal",
    description_en="the BPUM grant programme of each budget year: amount, conditions, timetable",
    unit=Unit.TABLE,
    module=__name__,
    value_type=Programme,
)


def programme_years(rules: Timeline[Programme] = PROGRAMMES) -> tuple[int, ...]:
    """The budget years that had a BPUM programme.

    >>> programme_years()
    (2020, 2021)
    """
    return tuple(r.value.year for r in rules)


def programme_regime(year: int, *, rules: Timeline[Programme] = PROGRAMMES) -> Regime[Programme]:
    """The regime of the ``year`` programme; an error naming the years that exist.

    >>> programme_regime(2021).citation
    Citation(instrument='Permenkop UKM 2/2021', article='Pasal 3 ayat (1)', note='Rp1.200.000')
    """
    if type(year) is not int or not 1 <= year <= 9999:
        raise RuleInputError(
            f"a BPUM budget year is a whole number such as 2021, got "
            f"{mask(year, limit=40, quote=True)}"
        )
    for regime in rules:
        if regime.value.year == year:
            return regime
    years = ", ".join(str(y) for y in programme_years(rules))
    raise NoRuleInForceError(
        rules.name,
        date(year, 1, 1),
        covered=rules.spans,
        hint=f"BPUM ran only in budget years {years} (BT-PKLWN 2022 is a different "
        "programme); pass rules= to apply one the library does not know",
    )


def programme(year: int, *, rules: Timeline[Programme] = PROGRAMMES) -> Programme:
    """The BPUM programme of budget ``year``.

    >>> programme(2021).allowed_previous_years
    (2020,)
    >>> p = programme(2020)
    >>> p.window.opens, p.launched
    (datetime.date(2020, 7, 28), datetime.date(2020, 8, 24))
    """
    return programme_regime(year, rules=rules).value


def amount(year: int, *, rules: Timeline[Programme] = PROGRAMMES) -> Decimal:
    """The aid per recipient in budget ``year`` (R-BPUM-1), in rupiah.

    >>> amount(2020), amount(2021)
    (Decimal('2400000'), Decimal('1200000'))
    >>> amount(2022)
    Traceback (most recent call last):
    ...
    koperasi_id.errors.NoRuleInForceError: no bpum.programme rule in force on 2022-01-01 (covered: 2020-01-01..2020-12-31, 2021-01-01..2021-12-31); BPUM ran only in budget years 2020, 2021 ...
    """
    return programme(year, rules=rules).amount
