"""Enumerations of the cooperative domain.

Values are the official Indonesian terms in snake_case (what travels on the
wire); member names are English; ``label`` is the Indonesian display text.
"""

from __future__ import annotations

import enum

from koperasi_id._values import mask
from koperasi_id.errors import ValidationError

__all__ = [
    "ActivityStatus",
    "BoardPosition",
    "BusinessMode",
    "CapitalCategory",
    "CapitalSource",
    "CooperativeForm",
    "CooperativeKind",
    "HealthGrade",
    "LawVersion",
    "LegalStatus",
    "LoopType",
    "MembershipArea",
    "Organ",
    "Principle",
    "RatTiming",
    "Regulator",
    "RuleBasis",
    "SupervisoryLevel",
]


class _Labelled(enum.Enum):
    """An enum whose members carry an Indonesian display label."""

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _LABELS[self]


class CooperativeForm(_Labelled):
    """Bentuk koperasi (UU 25/1992 Pasal 15): primary or secondary.

    >>> CooperativeForm("sekunder").label
    'Koperasi Sekunder'
    """

    PRIMARY = "primer"
    SECONDARY = "sekunder"


class CooperativeKind(_Labelled):
    """Jenis koperasi (UU 25/1992 Pasal 16): the five kinds used by Kemenkop ODS.

    "Serba usaha" (KSU) is *not* a kind: it is a :class:`BusinessMode`.

    >>> CooperativeKind.SAVINGS_AND_LOAN.value, CooperativeKind.SAVINGS_AND_LOAN.label
    ('simpan_pinjam', 'Koperasi Simpan Pinjam')
    """

    SAVINGS_AND_LOAN = "simpan_pinjam"
    CONSUMER = "konsumen"
    PRODUCER = "produsen"
    MARKETING = "pemasaran"
    SERVICES = "jasa"


class BusinessMode(_Labelled):
    """Way of operating (UU 25/1992 Pasal 43 ayat (2) as amended by UU 11/2020).

    >>> BusinessMode.from_common_name("KSU")
    <BusinessMode.MULTI_BUSINESS: 'serba_usaha'>
    >>> BusinessMode.from_common_name("Koperasi Serba Usaha").label
    'Serba Usaha'
    """

    SINGLE_BUSINESS = "tunggal_usaha"
    MULTI_BUSINESS = "serba_usaha"

    @classmethod
    def from_common_name(cls, text: str) -> BusinessMode:
        """Map a name used in registries and apps ("KSU", "Serba Usaha", ...) to a mode.

        Raises :class:`~koperasi_id.errors.ValidationError` (a :class:`ValueError`)
        for text that names no mode.
        """
        key = " ".join(text.lower().replace("_", " ").split())
        key = key.removeprefix("koperasi ")
        try:
            return _MODE_NAMES[key]
        except KeyError:
            raise ValidationError.single(
                "cooperative.business_mode",
                f"{mask(text, limit=40, quote=True)} names no business mode",
                message_id=f"{mask(text, limit=40, quote=True)} bukan nama bentuk usaha yang dikenal",
            ) from None


class Principle(_Labelled):
    """Conventional or sharia principle (UU 25/1992 Pasal 44A as amended)."""

    CONVENTIONAL = "konvensional"
    SHARIA = "syariah"


class LegalStatus(_Labelled):
    """Legal-entity status: only an SK pembubaran ends it (not inactivity)."""

    LEGAL_ENTITY = "berbadan_hukum"
    DISSOLVED = "dibubarkan"


class ActivityStatus(_Labelled):
    """Administrative activity status (ODS); never changes :class:`LegalStatus`."""

    ACTIVE = "aktif"
    INACTIVE = "tidak_aktif"


class MembershipArea(_Labelled):
    """Wilayah keanggotaan: where the members are.

    >>> MembershipArea.ACROSS_PROVINCES.label
    'Lintas provinsi'
    """

    WITHIN_REGENCY = "dalam_kabupaten_kota"
    ACROSS_REGENCIES = "lintas_kabupaten_kota"
    ACROSS_PROVINCES = "lintas_provinsi"


class SupervisoryLevel(_Labelled):
    """Which government level supervises a cooperative (Permenkop 9/2020)."""

    CENTRAL = "kementerian"
    PROVINCE = "provinsi"
    REGENCY_CITY = "kabupaten_kota"


class Regulator(_Labelled):
    """Who licenses and supervises a savings-and-loan business (UU 4/2023 P2SK)."""

    OJK = "ojk"
    COOPERATIVE_MINISTRY = "kementerian_koperasi"
    PROVINCIAL_OFFICE = "dinas_provinsi"
    REGENCY_CITY_OFFICE = "dinas_kabupaten_kota"


class LoopType(_Labelled):
    """Open or closed loop savings-and-loan business (UU 4/2023, SE Menkop 6/2023)."""

    OPEN = "open_loop"
    CLOSED = "closed_loop"


class Organ(_Labelled):
    """Perangkat organisasi koperasi (UU 25/1992 Pasal 21 as amended)."""

    MEMBERS_MEETING = "rapat_anggota"
    BOARD = "pengurus"
    SUPERVISORS = "pengawas"
    SHARIA_SUPERVISORY_BOARD = "dewan_pengawas_syariah"


class BoardPosition(_Labelled):
    """A person's position inside an organ (pengurus, pengawas, DPS)."""

    CHAIR = "ketua"
    VICE_CHAIR = "wakil_ketua"
    SECRETARY = "sekretaris"
    TREASURER = "bendahara"
    MEMBER = "anggota"


class HealthGrade(_Labelled):
    """Predikat kesehatan koperasi (Perdep 06/2016; the same four under Permenkop 9/2020).

    >>> HealthGrade.UNDER_SPECIAL_SUPERVISION.label
    'Dalam Pengawasan Khusus'
    """

    HEALTHY = "sehat"
    FAIRLY_HEALTHY = "cukup_sehat"
    UNDER_SUPERVISION = "dalam_pengawasan"
    UNDER_SPECIAL_SUPERVISION = "dalam_pengawasan_khusus"


class CapitalCategory(_Labelled):
    """The three capital categories of UU 25/1992 Pasal 41-42."""

    OWN = "modal_sendiri"
    BORROWED = "modal_pinjaman"
    EQUITY_PARTICIPATION = "modal_penyertaan"


class CapitalSource(_Labelled):
    """Capital sources (R12), each in one :class:`CapitalCategory`.

    >>> CapitalSource.MEMBER_LOANS.category
    <CapitalCategory.BORROWED: 'modal_pinjaman'>
    >>> CapitalSource.BASIC_DEPOSIT.label
    'Simpanan pokok'
    """

    BASIC_DEPOSIT = "simpanan_pokok"
    MANDATORY_DEPOSIT = "simpanan_wajib"
    RESERVE_FUND = "dana_cadangan"
    GRANT = "hibah"
    MEMBER_LOANS = "anggota"
    OTHER_COOPERATIVES = "koperasi_lain"
    BANKS_AND_FINANCIAL_INSTITUTIONS = "bank_lembaga_keuangan"
    BONDS_AND_DEBT_SECURITIES = "obligasi_surat_utang"
    OTHER_LAWFUL_SOURCES = "sumber_lain_yang_sah"
    EQUITY_PARTICIPATION = "modal_penyertaan"

    @property
    def category(self) -> CapitalCategory:
        """The category this source belongs to (Pasal 41 ayat (2)-(3), Pasal 42)."""
        return _CAPITAL_CATEGORY[self]


class RuleBasis(_Labelled):
    """What kind of instrument a rule rests on; programme rules are not statute."""

    STATUTE = "undang_undang"
    REGULATION = "peraturan"
    PROGRAMME = "program"


class RatTiming(_Labelled):
    """Where the RAT of one fiscal year stands against its deadline (R7)."""

    ON_TIME = "tepat_waktu"
    LATE = "terlambat"
    MISSED = "tidak_dilaksanakan"
    NOT_YET_DUE = "belum_jatuh_tempo"


class LawVersion(_Labelled):
    """Version of UU 25/1992 in force on a date (R2). UU 17/2012 is never one (R1)."""

    ORIGINAL = "uu_25_1992"
    CIPTA_KERJA = "uu_25_1992_cipta_kerja"
    CIPTA_KERJA_P2SK = "uu_25_1992_cipta_kerja_p2sk"


_LABELS: dict[enum.Enum, str] = {
    CooperativeForm.PRIMARY: "Koperasi Primer",
    CooperativeForm.SECONDARY: "Koperasi Sekunder",
    CooperativeKind.SAVINGS_AND_LOAN: "Koperasi Simpan Pinjam",
    CooperativeKind.CONSUMER: "Koperasi Konsumen",
    CooperativeKind.PRODUCER: "Koperasi Produsen",
    CooperativeKind.MARKETING: "Koperasi Pemasaran",
    CooperativeKind.SERVICES: "Koperasi Jasa",
    BusinessMode.SINGLE_BUSINESS: "Tunggal Usaha",
    BusinessMode.MULTI_BUSINESS: "Serba Usaha",
    Principle.CONVENTIONAL: "Konvensional",
    Principle.SHARIA: "Syariah",
    LegalStatus.LEGAL_ENTITY: "Berbadan hukum",
    LegalStatus.DISSOLVED: "Dibubarkan",
    ActivityStatus.ACTIVE: "Aktif",
    ActivityStatus.INACTIVE: "Tidak aktif",
    MembershipArea.WITHIN_REGENCY: "Dalam satu kabupaten/kota",
    MembershipArea.ACROSS_REGENCIES: "Lintas kabupaten/kota dalam satu provinsi",
    MembershipArea.ACROSS_PROVINCES: "Lintas provinsi",
    SupervisoryLevel.CENTRAL: "Kementerian Koperasi",
    SupervisoryLevel.PROVINCE: "Pemerintah Daerah Provinsi",
    SupervisoryLevel.REGENCY_CITY: "Pemerintah Daerah Kabupaten/Kota",
    Regulator.OJK: "Otoritas Jasa Keuangan",
    Regulator.COOPERATIVE_MINISTRY: "Kementerian Koperasi",
    Regulator.PROVINCIAL_OFFICE: "Dinas Koperasi Provinsi",
    Regulator.REGENCY_CITY_OFFICE: "Dinas Koperasi Kabupaten/Kota",
    LoopType.OPEN: "Open loop",
    LoopType.CLOSED: "Closed loop",
    Organ.MEMBERS_MEETING: "Rapat Anggota",
    Organ.BOARD: "Pengurus",
    Organ.SUPERVISORS: "Pengawas",
    Organ.SHARIA_SUPERVISORY_BOARD: "Dewan Pengawas Syariah",
    BoardPosition.CHAIR: "Ketua",
    BoardPosition.VICE_CHAIR: "Wakil Ketua",
    BoardPosition.SECRETARY: "Sekretaris",
    BoardPosition.TREASURER: "Bendahara",
    BoardPosition.MEMBER: "Anggota",
    HealthGrade.HEALTHY: "Sehat",
    HealthGrade.FAIRLY_HEALTHY: "Cukup Sehat",
    HealthGrade.UNDER_SUPERVISION: "Dalam Pengawasan",
    HealthGrade.UNDER_SPECIAL_SUPERVISION: "Dalam Pengawasan Khusus",
    CapitalCategory.OWN: "Modal sendiri",
    CapitalCategory.BORROWED: "Modal pinjaman",
    CapitalCategory.EQUITY_PARTICIPATION: "Modal penyertaan",
    CapitalSource.BASIC_DEPOSIT: "Simpanan pokok",
    CapitalSource.MANDATORY_DEPOSIT: "Simpanan wajib",
    CapitalSource.RESERVE_FUND: "Dana cadangan",
    CapitalSource.GRANT: "Hibah",
    CapitalSource.MEMBER_LOANS: "Pinjaman dari anggota (termasuk simpanan sukarela)",
    CapitalSource.OTHER_COOPERATIVES: "Pinjaman dari koperasi lain dan/atau anggotanya",
    CapitalSource.BANKS_AND_FINANCIAL_INSTITUTIONS: "Pinjaman dari bank dan lembaga keuangan",
    CapitalSource.BONDS_AND_DEBT_SECURITIES: "Obligasi dan surat utang",
    CapitalSource.OTHER_LAWFUL_SOURCES: "Sumber lain yang sah",
    CapitalSource.EQUITY_PARTICIPATION: "Modal penyertaan",
    RatTiming.ON_TIME: "Tepat waktu",
    RatTiming.LATE: "Terlambat",
    RatTiming.MISSED: "Tidak dilaksanakan",
    RatTiming.NOT_YET_DUE: "Belum jatuh tempo",
    LawVersion.ORIGINAL: "UU 25/1992 (naskah asli)",
    LawVersion.CIPTA_KERJA: "UU 25/1992 sebagaimana diubah UU Cipta Kerja",
    LawVersion.CIPTA_KERJA_P2SK: "UU 25/1992 sebagaimana diubah UU Cipta Kerja dan UU P2SK",
    RuleBasis.STATUTE: "Undang-undang",
    RuleBasis.REGULATION: "Peraturan pelaksana",
    RuleBasis.PROGRAMME: "Aturan program (bukan undang-undang)",
}

_CAPITAL_CATEGORY: dict[CapitalSource, CapitalCategory] = {
    CapitalSource.BASIC_DEPOSIT: CapitalCategory.OWN,
    CapitalSource.MANDATORY_DEPOSIT: CapitalCategory.OWN,
    CapitalSource.RESERVE_FUND: CapitalCategory.OWN,
    CapitalSource.GRANT: CapitalCategory.OWN,
    CapitalSource.MEMBER_LOANS: CapitalCategory.BORROWED,
    CapitalSource.OTHER_COOPERATIVES: CapitalCategory.BORROWED,
    CapitalSource.BANKS_AND_FINANCIAL_INSTITUTIONS: CapitalCategory.BORROWED,
    CapitalSource.BONDS_AND_DEBT_SECURITIES: CapitalCategory.BORROWED,
    CapitalSource.OTHER_LAWFUL_SOURCES: CapitalCategory.BORROWED,
    CapitalSource.EQUITY_PARTICIPATION: CapitalCategory.EQUITY_PARTICIPATION,
}

_MODE_NAMES: dict[str, BusinessMode] = {
    "ksu": BusinessMode.MULTI_BUSINESS,
    "serba usaha": BusinessMode.MULTI_BUSINESS,
    "serbausaha": BusinessMode.MULTI_BUSINESS,
    "multi purpose": BusinessMode.MULTI_BUSINESS,
    "tunggal usaha": BusinessMode.SINGLE_BUSINESS,
    "single purpose": BusinessMode.SINGLE_BUSINESS,
}
