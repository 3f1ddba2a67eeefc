"""The vocabulary of KUR: schemes, purposes, sectors, credit kinds, collectibility.

Enum *values* are the Indonesian terms used on the wire; member names are
English; ``label`` gives the Indonesian display text.
"""

from __future__ import annotations

import enum

from koperasi_id._values import mask
from koperasi_id.errors import ValidationError

__all__ = ["Collectibility", "CreditKind", "Purpose", "Scheme", "Sector"]


class Scheme(enum.Enum):
    """A KUR scheme (jenis KUR), Permenko Perekonomian 1/2022 as amended.

    >>> Scheme("mikro").label
    'KUR Mikro'
    >>> Scheme.MIGRANT_WORKER.value
    'pmi'
    """

    SUPER_MICRO = "super_mikro"
    MICRO = "mikro"
    SMALL = "kecil"
    SPECIAL = "khusus"
    MIGRANT_WORKER = "pmi"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _SCHEME_LABELS[self]


_SCHEME_LABELS = {
    Scheme.SUPER_MICRO: "KUR Super Mikro",
    Scheme.MICRO: "KUR Mikro",
    Scheme.SMALL: "KUR Kecil",
    Scheme.SPECIAL: "KUR Khusus",
    Scheme.MIGRANT_WORKER: "KUR Penempatan PMI",
}


class Purpose(enum.Enum):
    """What the credit finances: working capital (KMK) or investment (KI).

    >>> Purpose.INVESTMENT.label
    'Kredit Investasi (KI)'
    """

    WORKING_CAPITAL = "modal_kerja"
    INVESTMENT = "investasi"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return (
            "Kredit Modal Kerja (KMK)"
            if self is Purpose.WORKING_CAPITAL
            else "Kredit Investasi (KI)"
        )


class Sector(enum.Enum):
    """The borrower's business sector, as far as KUR rules distinguish them.

    Permenko 1/2023 Pasal 24 ayat (4) lets KUR Mikro borrowers in farming,
    estate crops, fisheries and livestock access the scheme up to four times;
    every other sector (other production included) up to twice (ayat (4a)).

    >>> Sector.ESTATE_CROPS.is_primary_production, Sector.TRADE.is_production
    (True, False)
    >>> Sector.MANUFACTURING.is_production, Sector.MANUFACTURING.is_primary_production
    (True, False)
    """

    AGRICULTURE = "pertanian"
    ESTATE_CROPS = "perkebunan"
    FISHERIES = "perikanan"
    LIVESTOCK = "peternakan"
    MANUFACTURING = "industri_pengolahan"
    CONSTRUCTION = "konstruksi"
    PRODUCTIVE_SERVICES = "jasa_produksi"
    TRADE = "perdagangan"
    SERVICES = "jasa"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _SECTOR_LABELS[self]

    @property
    def is_primary_production(self) -> bool:
        """Farming, estate crops, fisheries or livestock (Pasal 24 ayat (4))."""
        return self in _PRIMARY

    @property
    def is_production(self) -> bool:
        """A production sector (sektor produksi), primary or not."""
        return self in _PRODUCTION


_SECTOR_LABELS = {
    Sector.AGRICULTURE: "Pertanian",
    Sector.ESTATE_CROPS: "Perkebunan",
    Sector.FISHERIES: "Perikanan",
    Sector.LIVESTOCK: "Peternakan",
    Sector.MANUFACTURING: "Industri pengolahan",
    Sector.CONSTRUCTION: "Konstruksi",
    Sector.PRODUCTIVE_SERVICES: "Jasa produksi",
    Sector.TRADE: "Perdagangan",
    Sector.SERVICES: "Jasa lainnya",
}
_PRIMARY = frozenset({Sector.AGRICULTURE, Sector.ESTATE_CROPS, Sector.FISHERIES, Sector.LIVESTOCK})
_PRODUCTION = _PRIMARY | {Sector.MANUFACTURING, Sector.CONSTRUCTION, Sector.PRODUCTIVE_SERVICES}


class CreditKind(enum.Enum):
    """Kinds of credit an applicant already has or had (SLIK/SIKP records).

    The first seven may run alongside KUR if current (Permenko 12/2025 Pasal
    36 ayat (4)); the rest matter for the "never had commercial credit" rule.

    >>> CreditKind.MORTGAGE.label
    'Kredit Pemilikan Rumah (KPR)'
    """

    KUR = "kur"
    MORTGAGE = "kpr"
    PRODUCTIVE_MOTORCYCLE = "kendaraan_bermotor_produktif"
    PENSION_DECREE = "sk_pensiun"
    CREDIT_CARD = "kartu_kredit"
    WAREHOUSE_RECEIPT = "resi_gudang"
    HOUSEHOLD_CONSUMER = "konsumtif_rumah_tangga"
    CONSUMER_RECORDED_PRODUCTIVE = "konsumtif_tercatat_produktif"
    ULTRA_MICRO = "ultra_mikro"
    PEER_TO_PEER = "pinjaman_daring"
    GOVERNMENT_PROGRAMME = "program_pemerintah"
    COMMERCIAL_PRODUCTIVE = "produktif_komersial"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    CreditKind.KUR: "Kredit Usaha Rakyat (KUR)",
    CreditKind.MORTGAGE: "Kredit Pemilikan Rumah (KPR)",
    CreditKind.PRODUCTIVE_MOTORCYCLE: "Kredit kendaraan bermotor roda dua untuk usaha produktif",
    CreditKind.PENSION_DECREE: "Kredit dengan agunan SK pensiun",
    CreditKind.CREDIT_CARD: "Kartu kredit",
    CreditKind.WAREHOUSE_RECEIPT: "Kredit dengan jaminan resi gudang",
    CreditKind.HOUSEHOLD_CONSUMER: "Kredit konsumtif rumah tangga",
    CreditKind.CONSUMER_RECORDED_PRODUCTIVE: "Kredit konsumtif yang tercatat produktif di SLIK",
    CreditKind.ULTRA_MICRO: "Pembiayaan Ultra Mikro (UMi)",
    CreditKind.PEER_TO_PEER: "Pinjaman daring (P2P lending)",
    CreditKind.GOVERNMENT_PROGRAMME: "Kredit program pemerintah lainnya",
    CreditKind.COMMERCIAL_PRODUCTIVE: "Kredit produktif komersial (modal kerja/investasi)",
}


class Collectibility(enum.Enum):
    """Kolektibilitas: the credit-quality grade 1–5 in SLIK (POJK on asset quality).

    >>> Collectibility.from_grade(5), Collectibility.CURRENT.grade
    (<Collectibility.LOSS: 'macet'>, 1)
    >>> Collectibility.SPECIAL_MENTION.label
    'Dalam Perhatian Khusus (2)'
    """

    CURRENT = "lancar"
    SPECIAL_MENTION = "dalam_perhatian_khusus"
    SUBSTANDARD = "kurang_lancar"
    DOUBTFUL = "diragukan"
    LOSS = "macet"

    @property
    def grade(self) -> int:
        """The numeric grade, 1 (lancar) to 5 (macet)."""
        return _GRADES[self]

    @property
    def label(self) -> str:
        """Indonesian display label with the grade."""
        return f"{_COLLECTIBILITY_LABELS[self]} ({self.grade})"

    @classmethod
    def from_grade(cls, grade: int) -> Collectibility:
        """The member for a numeric grade 1–5; a ValidationError (a :class:`ValueError`) otherwise."""
        if type(grade) is int:  # not bool; a Decimal sNaN would raise on ==
            for member, number in _GRADES.items():
                if number == grade:
                    return member
        raise ValidationError.single(
            "kur.collectibility",
            f"kolektibilitas is a grade from 1 to 5, got {mask(grade, limit=40, quote=True)}",
            message_id=f"kolektibilitas adalah tingkat 1 sampai 5, diisi {mask(grade, limit=40, quote=True)}",
        )


_GRADES = {
    Collectibility.CURRENT: 1,
    Collectibility.SPECIAL_MENTION: 2,
    Collectibility.SUBSTANDARD: 3,
    Collectibility.DOUBTFUL: 4,
    Collectibility.LOSS: 5,
}
_COLLECTIBILITY_LABELS = {
    Collectibility.CURRENT: "Lancar",
    Collectibility.SPECIAL_MENTION: "Dalam Perhatian Khusus",
    Collectibility.SUBSTANDARD: "Kurang Lancar",
    Collectibility.DOUBTFUL: "Diragukan",
    Collectibility.LOSS: "Macet",
}
