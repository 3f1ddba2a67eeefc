"""Who applies and who proposes: the occupation and proposer kinds of BPUM.

Kept apart from the proposal entity so that the programme rules (and the
command line's ``--help``, which lists their years) load without the
identifier parsers a proposal needs.
"""

from __future__ import annotations

import enum

__all__ = ["EXCLUDED_OCCUPATIONS", "Occupation", "ProposerType"]


class Occupation(enum.Enum):
    """The applicant's occupation, as on the KTP or declared in the proposal.

    The last five are excluded from BPUM in both budget years (R-BPUM-2):
    serving civil servants, soldiers, police officers and employees of state-
    or region-owned enterprises. A *retired* civil servant is ``RETIREE``,
    which is not excluded: the regulation names serving personnel.

    >>> Occupation("pegawai_bumd").is_excluded, Occupation.TRADER.is_excluded
    (True, False)
    >>> Occupation.CIVIL_SERVANT.label
    'Aparatur Sipil Negara (ASN)'
    """

    ENTREPRENEUR = "wiraswasta"
    TRADER = "pedagang"
    FARMER = "petani"
    FISHER = "nelayan"
    LABOURER = "buruh"
    PRIVATE_EMPLOYEE = "karyawan_swasta"
    HOMEMAKER = "mengurus_rumah_tangga"
    STUDENT = "pelajar_mahasiswa"
    RETIREE = "pensiunan"
    NOT_WORKING = "belum_tidak_bekerja"
    OTHER = "lainnya"
    CIVIL_SERVANT = "asn"
    SOLDIER = "tni"
    POLICE = "polri"
    STATE_ENTERPRISE_EMPLOYEE = "pegawai_bumn"
    REGIONAL_ENTERPRISE_EMPLOYEE = "pegawai_bumd"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _OCCUPATION_LABELS[self]

    @property
    def is_excluded(self) -> bool:
        """Excluded from BPUM by the shipped programmes (both years)."""
        return self in EXCLUDED_OCCUPATIONS


_OCCUPATION_LABELS = {
    Occupation.ENTREPRENEUR: "Wiraswasta",
    Occupation.TRADER: "Pedagang",
    Occupation.FARMER: "Petani/Pekebun",
    Occupation.FISHER: "Nelayan",
    Occupation.LABOURER: "Buruh",
    Occupation.PRIVATE_EMPLOYEE: "Karyawan Swasta",
    Occupation.HOMEMAKER: "Mengurus Rumah Tangga",
    Occupation.STUDENT: "Pelajar/Mahasiswa",
    Occupation.RETIREE: "Pensiunan",
    Occupation.NOT_WORKING: "Belum/Tidak Bekerja",
    Occupation.OTHER: "Lainnya",
    Occupation.CIVIL_SERVANT: "Aparatur Sipil Negara (ASN)",
    Occupation.SOLDIER: "Anggota TNI",
    Occupation.POLICE: "Anggota Polri",
    Occupation.STATE_ENTERPRISE_EMPLOYEE: "Pegawai BUMN",
    Occupation.REGIONAL_ENTERPRISE_EMPLOYEE: "Pegawai BUMD",
}

#: ASN, TNI, Polri, BUMN and BUMD employees (Permenkop UKM 6/2020 Pasal 4; unchanged in 2021).
EXCLUDED_OCCUPATIONS: tuple[Occupation, ...] = (
    Occupation.CIVIL_SERVANT,
    Occupation.SOLDIER,
    Occupation.POLICE,
    Occupation.STATE_ENTERPRISE_EMPLOYEE,
    Occupation.REGIONAL_ENTERPRISE_EMPLOYEE,
)


class ProposerType(enum.Enum):
    """Who may put a micro business forward for BPUM (R-BPUM-5).

    2020 (Permenkop UKM 6/2020 Pasal 8) admitted all six; 2021 (Pasal 8 as
    amended by Permenkop UKM 2/2021) only the cooperative offices, the
    regency/city office proposing through the provincial one.
    """

    PROVINCIAL_OFFICE = "dinas_provinsi"
    DISTRICT_OFFICE = "dinas_kabupaten_kota"
    COOPERATIVE = "koperasi_berbadan_hukum"
    MINISTRY_OR_AGENCY = "kementerian_lembaga"
    BANK_OR_FINANCE_COMPANY = "bank_perusahaan_pembiayaan"
    REVOLVING_FUND_AGENCY = "blu_dana_bergulir"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _PROPOSER_LABELS[self]


_PROPOSER_LABELS = {
    ProposerType.PROVINCIAL_OFFICE: "Dinas Koperasi dan UKM Provinsi",
    ProposerType.DISTRICT_OFFICE: "Dinas Koperasi dan UKM Kabupaten/Kota",
    ProposerType.COOPERATIVE: "Koperasi berbadan hukum",
    ProposerType.MINISTRY_OR_AGENCY: "Kementerian/Lembaga",
    ProposerType.BANK_OR_FINANCE_COMPANY: "Bank atau perusahaan pembiayaan terdaftar di OJK",
    ProposerType.REVOLVING_FUND_AGENCY: "BLU pengelola dana bergulir (LPDB)",
}
