"""Every finding of the founders check and of BPUM eligibility, pinned for a set of cases.

Mutation runs of ``cooperatives/_founding.py`` and ``bpum/_eligibility.py``
showed that the outcomes were checked but the explanations (wording, details,
citation, severity) were not: those are what an office reads. The expected
findings below are the reviewed output, asserted whole.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from koperasi_id.bpum import Proposal, assess
from koperasi_id.cooperatives import (
    Cooperative,
    CooperativeForm,
    Founder,
    activity_status,
    check_founders,
    founder_minimum,
)
from koperasi_id.decisions import Decision
from koperasi_id.errors import RuleInputError, ValidationError
from koperasi_id.identifiers import Nik, NomorBadanHukum
from koperasi_id.serialization import from_dict

P, S = CooperativeForm.PRIMARY, CooperativeForm.SECONDARY


def _person(i: int) -> Founder:
    return Founder(name=f"P{i}", nik=Nik.parse(f"187101010190{i:04d}"))


def _coop(i: int) -> Founder:
    return Founder(
        name=f"Koperasi {i}", legal_entity_number=NomorBadanHukum.parse(f"{i}/BH/X/2010")
    )


def _shown(d: Decision[Any]) -> list[tuple[Any, ...]]:
    return [
        (f.code, f.passed, f.severity.value, str(f.citation), f.message_id, f.message_en,
         dict(f.details))
        for f in d.findings
    ]  # fmt: skip


FOUNDING_CASES: dict[str, tuple[CooperativeForm, Any, date]] = {
    "primary_9_before": (P, 9, date(2020, 11, 1)),
    "primary_20_before": (P, 20, date(2020, 11, 1)),
    "secondary_2": (S, 2, date(2024, 1, 1)),
    "primary_list_with_coop": (P, [*(_person(i) for i in range(1, 9)), _coop(1)], date(2024, 1, 1)),
    "secondary_list_with_person": (S, [_coop(1), _coop(2), _person(1)], date(2024, 1, 1)),
}
FOUNDING: dict[str, tuple[bool, list[tuple[Any, ...]]]] = {
    "primary_9_before": (
        False,
        [
            (
                "cooperatives.founders_minimum",
                False,
                "galat",
                "UU 25/1992 Pasal 6 ayat (1)-(2)",
                "Pendiri 9 orang; minimum 20 orang untuk Koperasi Primer yang didirikan pada 2020-11-01.",
                "9 founding persons; a primer cooperative founded on 2020-11-01 needs at least 20.",
                {"count": "9", "minimum": "20", "regime": "uu-25-1992-pasal-6"},
            )
        ],
    ),
    "primary_20_before": (
        True,
        [
            (
                "cooperatives.founders_minimum",
                True,
                "galat",
                "UU 25/1992 Pasal 6 ayat (1)-(2)",
                "Pendiri 20 orang; minimum 20 orang untuk Koperasi Primer yang didirikan pada 2020-11-01.",
                "20 founding persons; a primer cooperative founded on 2020-11-01 needs at least 20.",
                {"count": "20", "minimum": "20", "regime": "uu-25-1992-pasal-6"},
            )
        ],
    ),
    "secondary_2": (
        False,
        [
            (
                "cooperatives.founders_minimum",
                False,
                "galat",
                "UU 11/2020 Pasal 86 mengubah Pasal 6 UU 25/1992; PP 7/2021 (kini UU 6/2023)",
                "Pendiri 2 koperasi; minimum 3 koperasi untuk Koperasi Sekunder yang didirikan pada 2024-01-01.",
                "2 founding cooperatives; a sekunder cooperative founded on 2024-01-01 needs at least 3.",
                {"count": "2", "minimum": "3", "regime": "uu-11-2020-pasal-86-pasal-6"},
            )
        ],
    ),
    "primary_list_with_coop": (
        False,
        [
            (
                "cooperatives.founders_minimum",
                True,
                "galat",
                "UU 11/2020 Pasal 86 mengubah Pasal 6 UU 25/1992; PP 7/2021 (kini UU 6/2023)",
                "Pendiri 9 orang; minimum 9 orang untuk Koperasi Primer yang didirikan pada 2024-01-01.",
                "9 founding persons; a primer cooperative founded on 2024-01-01 needs at least 9.",
                {"count": "9", "minimum": "9", "regime": "uu-11-2020-pasal-86-pasal-6"},
            ),
            (
                "cooperatives.founders_kind",
                False,
                "galat",
                "UU 25/1992 Pasal 1 angka 3-4, Pasal 6",
                "Koperasi primer didirikan oleh orang-seorang. Pendiri tidak sesuai pada urutan [8].",
                "A primary cooperative is founded by natural persons. Founders at positions [8] do not qualify.",
                {"positions": "8"},
            ),
        ],
    ),
    "secondary_list_with_person": (
        False,
        [
            (
                "cooperatives.founders_minimum",
                True,
                "galat",
                "UU 11/2020 Pasal 86 mengubah Pasal 6 UU 25/1992; PP 7/2021 (kini UU 6/2023)",
                "Pendiri 3 koperasi; minimum 3 koperasi untuk Koperasi Sekunder yang didirikan pada 2024-01-01.",
                "3 founding cooperatives; a sekunder cooperative founded on 2024-01-01 needs at least 3.",
                {"count": "3", "minimum": "3", "regime": "uu-11-2020-pasal-86-pasal-6"},
            ),
            (
                "cooperatives.founders_kind",
                False,
                "galat",
                "UU 25/1992 Pasal 1 angka 3-4, Pasal 6",
                "Koperasi sekunder didirikan oleh badan hukum koperasi. Pendiri tidak sesuai pada urutan [2].",
                "A secondary cooperative is founded by cooperative legal entities. Founders at positions [2] do not qualify.",
                {"positions": "2"},
            ),
        ],
    ),
}

_BASE = {
    "nik": "1871010101900001",
    "kk": "1871010101100001",
    "name": "Siti Aminah",
    "ktp_address": "Jl. Kartini 5",
    "line_of_business": "warung makan",
    "phone": "081234567890",
    "occupation": "pedagang",
    "has_kur": False,
    "has_other_bank_credit": False,
    "proposer": {"type": "dinas_kabupaten_kota", "region": "18.71"},
}
BPUM_CASES: dict[str, tuple[dict[str, Any], int]] = {
    "eligible_2021": ({}, 2021),
    "eligible_2020": ({}, 2020),
    "kur_2021": ({"has_kur": True}, 2021),
    "bank_2020": ({"has_other_bank_credit": True}, 2020),
    "pns_2021": ({"occupation": "asn"}, 2021),
    "previous_2021": ({"previous_bpum_years": [2021]}, 2021),
    "previous_2020_in_2020": ({"previous_bpum_years": [2020]}, 2020),
    "no_kk_2021": ({"kk": None}, 2021),
    "bank_proposer_2021": (
        {"proposer": {"type": "bank_perusahaan_pembiayaan", "region": "18.71"}},
        2021,
    ),
    "business_elsewhere_2020": ({"business_address": "Jl. Lain 9"}, 2020),
}
BPUM: dict[str, tuple[bool, list[tuple[Any, ...]]]] = {
    "eligible_2021": (
        True,
        [
            (
                "bpum.kk_required",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 (data usulan memuat NIK dan nomor KK)",
                "Nomor KK tercantum.",
                "The family card (KK) number is given.",
                {},
            ),
            (
                "bpum.citizenship",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (kriteria penerima: WNI)",
                "Pemohon Warga Negara Indonesia.",
                "The applicant is an Indonesian citizen.",
                {},
            ),
            (
                "bpum.identity",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (kriteria penerima: memiliki e-KTP)",
                "Pemohon memiliki e-KTP (187101******0001).",
                "The applicant has an e-KTP (187101******0001).",
                {},
            ),
            (
                "bpum.proposer",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 8 (dinas kabupaten/kota mengusulkan melalui dinas provinsi)",
                "Diusulkan oleh Dinas Koperasi dan UKM Kabupaten/Kota (18.71), yang menerangkan usaha mikro.",
                "Proposed by a dinas_kabupaten_kota (18.71), attesting a micro business.",
                {},
            ),
            (
                "bpum.occupation_excluded",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (bukan ASN, anggota TNI/Polri, pegawai BUMN/BUMD)",
                "Pekerjaan Pedagang tidak dikecualikan.",
                "Occupation pedagang is not excluded.",
                {},
            ),
            (
                "bpum.has_kur",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (2)",
                "Pemohon tidak sedang menerima KUR.",
                "The applicant has no current KUR.",
                {},
            ),
            (
                "bpum.other_bank_credit",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (2) (hanya KUR yang disebut)",
                "Pemohon tidak sedang menerima kredit/pembiayaan bank lain.",
                "The applicant has no other current bank credit.",
                {"rule": "teks_peraturan", "confidence": "M"},
            ),
            (
                "bpum.sku_required",
                True,
                "galat",
                "Juklak BPUM No. 98/2020 (SKU bila alamat usaha berbeda; tetap berlaku 2021)",
                "Usaha berada di alamat KTP; SKU tidak diperlukan.",
                "The business is at the KTP address; no SKU needed.",
                {},
            ),
            (
                "bpum.previous_bpum",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (1)",
                "Riwayat BPUM (belum pernah) tidak menghalangi.",
                "Previous BPUM (none) does not bar this grant.",
                {},
            ),
        ],
    ),
    "eligible_2020": (
        True,
        [
            (
                "bpum.citizenship",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (kriteria penerima: WNI)",
                "Pemohon Warga Negara Indonesia.",
                "The applicant is an Indonesian citizen.",
                {},
            ),
            (
                "bpum.identity",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (kriteria penerima: memiliki NIK)",
                "Pemohon memiliki NIK (187101******0001).",
                "The applicant has an NIK (187101******0001).",
                {},
            ),
            (
                "bpum.proposer",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 8 (lembaga pengusul)",
                "Diusulkan oleh Dinas Koperasi dan UKM Kabupaten/Kota (18.71), yang menerangkan usaha mikro.",
                "Proposed by a dinas_kabupaten_kota (18.71), attesting a micro business.",
                {},
            ),
            (
                "bpum.occupation_excluded",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (bukan ASN, anggota TNI/Polri, pegawai BUMN/BUMD)",
                "Pekerjaan Pedagang tidak dikecualikan.",
                "Occupation pedagang is not excluded.",
                {},
            ),
            (
                "bpum.has_kur",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (tidak sedang menerima KUR)",
                "Pemohon tidak sedang menerima KUR.",
                "The applicant has no current KUR.",
                {},
            ),
            (
                "bpum.other_bank_credit",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (tidak sedang menerima kredit/pembiayaan perbankan)",
                "Pemohon tidak sedang menerima kredit/pembiayaan bank lain.",
                "The applicant has no other current bank credit.",
                {"rule": "teks_peraturan", "confidence": "M"},
            ),
            (
                "bpum.sku_required",
                True,
                "galat",
                "Juklak BPUM No. 98/2020 (SKU bila alamat usaha berbeda dengan KTP)",
                "Usaha berada di alamat KTP; SKU tidak diperlukan.",
                "The business is at the KTP address; no SKU needed.",
                {},
            ),
            (
                "bpum.previous_bpum",
                True,
                "galat",
                "Juklak BPUM No. 98/2020 (satu NIK satu BPUM per tahun anggaran)",
                "Riwayat BPUM (belum pernah) tidak menghalangi.",
                "Previous BPUM (none) does not bar this grant.",
                {},
            ),
        ],
    ),
    "kur_2021": (
        False,
        [
            (
                "bpum.kk_required",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 (data usulan memuat NIK dan nomor KK)",
                "Nomor KK tercantum.",
                "The family card (KK) number is given.",
                {},
            ),
            (
                "bpum.citizenship",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (kriteria penerima: WNI)",
                "Pemohon Warga Negara Indonesia.",
                "The applicant is an Indonesian citizen.",
                {},
            ),
            (
                "bpum.identity",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (kriteria penerima: memiliki e-KTP)",
                "Pemohon memiliki e-KTP (187101******0001).",
                "The applicant has an e-KTP (187101******0001).",
                {},
            ),
            (
                "bpum.proposer",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 8 (dinas kabupaten/kota mengusulkan melalui dinas provinsi)",
                "Diusulkan oleh Dinas Koperasi dan UKM Kabupaten/Kota (18.71), yang menerangkan usaha mikro.",
                "Proposed by a dinas_kabupaten_kota (18.71), attesting a micro business.",
                {},
            ),
            (
                "bpum.occupation_excluded",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (bukan ASN, anggota TNI/Polri, pegawai BUMN/BUMD)",
                "Pekerjaan Pedagang tidak dikecualikan.",
                "Occupation pedagang is not excluded.",
                {},
            ),
            (
                "bpum.has_kur",
                False,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (2)",
                "Pemohon sedang menerima KUR.",
                "The applicant is currently receiving KUR.",
                {},
            ),
            (
                "bpum.other_bank_credit",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (2) (hanya KUR yang disebut)",
                "Pemohon tidak sedang menerima kredit/pembiayaan bank lain.",
                "The applicant has no other current bank credit.",
                {"rule": "teks_peraturan", "confidence": "M"},
            ),
            (
                "bpum.sku_required",
                True,
                "galat",
                "Juklak BPUM No. 98/2020 (SKU bila alamat usaha berbeda; tetap berlaku 2021)",
                "Usaha berada di alamat KTP; SKU tidak diperlukan.",
                "The business is at the KTP address; no SKU needed.",
                {},
            ),
            (
                "bpum.previous_bpum",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (1)",
                "Riwayat BPUM (belum pernah) tidak menghalangi.",
                "Previous BPUM (none) does not bar this grant.",
                {},
            ),
        ],
    ),
    "bank_2020": (
        False,
        [
            (
                "bpum.citizenship",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (kriteria penerima: WNI)",
                "Pemohon Warga Negara Indonesia.",
                "The applicant is an Indonesian citizen.",
                {},
            ),
            (
                "bpum.identity",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (kriteria penerima: memiliki NIK)",
                "Pemohon memiliki NIK (187101******0001).",
                "The applicant has an NIK (187101******0001).",
                {},
            ),
            (
                "bpum.proposer",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 8 (lembaga pengusul)",
                "Diusulkan oleh Dinas Koperasi dan UKM Kabupaten/Kota (18.71), yang menerangkan usaha mikro.",
                "Proposed by a dinas_kabupaten_kota (18.71), attesting a micro business.",
                {},
            ),
            (
                "bpum.occupation_excluded",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (bukan ASN, anggota TNI/Polri, pegawai BUMN/BUMD)",
                "Pekerjaan Pedagang tidak dikecualikan.",
                "Occupation pedagang is not excluded.",
                {},
            ),
            (
                "bpum.has_kur",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (tidak sedang menerima KUR)",
                "Pemohon tidak sedang menerima KUR.",
                "The applicant has no current KUR.",
                {},
            ),
            (
                "bpum.other_bank_credit",
                False,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (tidak sedang menerima kredit/pembiayaan perbankan)",
                "Pemohon sedang menerima kredit/pembiayaan perbankan; BPUM 2020 hanya untuk yang tidak sedang menerimanya.",
                "The applicant has current bank credit, which excludes from BPUM 2020.",
                {"rule": "teks_peraturan", "confidence": "M"},
            ),
            (
                "bpum.sku_required",
                True,
                "galat",
                "Juklak BPUM No. 98/2020 (SKU bila alamat usaha berbeda dengan KTP)",
                "Usaha berada di alamat KTP; SKU tidak diperlukan.",
                "The business is at the KTP address; no SKU needed.",
                {},
            ),
            (
                "bpum.previous_bpum",
                True,
                "galat",
                "Juklak BPUM No. 98/2020 (satu NIK satu BPUM per tahun anggaran)",
                "Riwayat BPUM (belum pernah) tidak menghalangi.",
                "Previous BPUM (none) does not bar this grant.",
                {},
            ),
        ],
    ),
    "pns_2021": (
        False,
        [
            (
                "bpum.kk_required",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 (data usulan memuat NIK dan nomor KK)",
                "Nomor KK tercantum.",
                "The family card (KK) number is given.",
                {},
            ),
            (
                "bpum.citizenship",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (kriteria penerima: WNI)",
                "Pemohon Warga Negara Indonesia.",
                "The applicant is an Indonesian citizen.",
                {},
            ),
            (
                "bpum.identity",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (kriteria penerima: memiliki e-KTP)",
                "Pemohon memiliki e-KTP (187101******0001).",
                "The applicant has an e-KTP (187101******0001).",
                {},
            ),
            (
                "bpum.proposer",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 8 (dinas kabupaten/kota mengusulkan melalui dinas provinsi)",
                "Diusulkan oleh Dinas Koperasi dan UKM Kabupaten/Kota (18.71), yang menerangkan usaha mikro.",
                "Proposed by a dinas_kabupaten_kota (18.71), attesting a micro business.",
                {},
            ),
            (
                "bpum.occupation_excluded",
                False,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (bukan ASN, anggota TNI/Polri, pegawai BUMN/BUMD)",
                "Pekerjaan Aparatur Sipil Negara (ASN) dikecualikan dari BPUM.",
                "Occupation asn is excluded from BPUM.",
                {},
            ),
            (
                "bpum.has_kur",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (2)",
                "Pemohon tidak sedang menerima KUR.",
                "The applicant has no current KUR.",
                {},
            ),
            (
                "bpum.other_bank_credit",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (2) (hanya KUR yang disebut)",
                "Pemohon tidak sedang menerima kredit/pembiayaan bank lain.",
                "The applicant has no other current bank credit.",
                {"rule": "teks_peraturan", "confidence": "M"},
            ),
            (
                "bpum.sku_required",
                True,
                "galat",
                "Juklak BPUM No. 98/2020 (SKU bila alamat usaha berbeda; tetap berlaku 2021)",
                "Usaha berada di alamat KTP; SKU tidak diperlukan.",
                "The business is at the KTP address; no SKU needed.",
                {},
            ),
            (
                "bpum.previous_bpum",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (1)",
                "Riwayat BPUM (belum pernah) tidak menghalangi.",
                "Previous BPUM (none) does not bar this grant.",
                {},
            ),
        ],
    ),
    "previous_2021": (
        False,
        [
            (
                "bpum.kk_required",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 (data usulan memuat NIK dan nomor KK)",
                "Nomor KK tercantum.",
                "The family card (KK) number is given.",
                {},
            ),
            (
                "bpum.citizenship",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (kriteria penerima: WNI)",
                "Pemohon Warga Negara Indonesia.",
                "The applicant is an Indonesian citizen.",
                {},
            ),
            (
                "bpum.identity",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (kriteria penerima: memiliki e-KTP)",
                "Pemohon memiliki e-KTP (187101******0001).",
                "The applicant has an e-KTP (187101******0001).",
                {},
            ),
            (
                "bpum.proposer",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 8 (dinas kabupaten/kota mengusulkan melalui dinas provinsi)",
                "Diusulkan oleh Dinas Koperasi dan UKM Kabupaten/Kota (18.71), yang menerangkan usaha mikro.",
                "Proposed by a dinas_kabupaten_kota (18.71), attesting a micro business.",
                {},
            ),
            (
                "bpum.occupation_excluded",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (bukan ASN, anggota TNI/Polri, pegawai BUMN/BUMD)",
                "Pekerjaan Pedagang tidak dikecualikan.",
                "Occupation pedagang is not excluded.",
                {},
            ),
            (
                "bpum.has_kur",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (2)",
                "Pemohon tidak sedang menerima KUR.",
                "The applicant has no current KUR.",
                {},
            ),
            (
                "bpum.other_bank_credit",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (2) (hanya KUR yang disebut)",
                "Pemohon tidak sedang menerima kredit/pembiayaan bank lain.",
                "The applicant has no other current bank credit.",
                {"rule": "teks_peraturan", "confidence": "M"},
            ),
            (
                "bpum.sku_required",
                True,
                "galat",
                "Juklak BPUM No. 98/2020 (SKU bila alamat usaha berbeda; tetap berlaku 2021)",
                "Usaha berada di alamat KTP; SKU tidak diperlukan.",
                "The business is at the KTP address; no SKU needed.",
                {},
            ),
            (
                "bpum.previous_bpum",
                False,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (1)",
                "Pemohon sudah menerima BPUM tahun anggaran 2021 (satu NIK satu BPUM).",
                "The applicant already received BPUM in budget year 2021 (one per NIK).",
                {},
            ),
        ],
    ),
    "previous_2020_in_2020": (
        False,
        [
            (
                "bpum.citizenship",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (kriteria penerima: WNI)",
                "Pemohon Warga Negara Indonesia.",
                "The applicant is an Indonesian citizen.",
                {},
            ),
            (
                "bpum.identity",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (kriteria penerima: memiliki NIK)",
                "Pemohon memiliki NIK (187101******0001).",
                "The applicant has an NIK (187101******0001).",
                {},
            ),
            (
                "bpum.proposer",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 8 (lembaga pengusul)",
                "Diusulkan oleh Dinas Koperasi dan UKM Kabupaten/Kota (18.71), yang menerangkan usaha mikro.",
                "Proposed by a dinas_kabupaten_kota (18.71), attesting a micro business.",
                {},
            ),
            (
                "bpum.occupation_excluded",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (bukan ASN, anggota TNI/Polri, pegawai BUMN/BUMD)",
                "Pekerjaan Pedagang tidak dikecualikan.",
                "Occupation pedagang is not excluded.",
                {},
            ),
            (
                "bpum.has_kur",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (tidak sedang menerima KUR)",
                "Pemohon tidak sedang menerima KUR.",
                "The applicant has no current KUR.",
                {},
            ),
            (
                "bpum.other_bank_credit",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (tidak sedang menerima kredit/pembiayaan perbankan)",
                "Pemohon tidak sedang menerima kredit/pembiayaan bank lain.",
                "The applicant has no other current bank credit.",
                {"rule": "teks_peraturan", "confidence": "M"},
            ),
            (
                "bpum.sku_required",
                True,
                "galat",
                "Juklak BPUM No. 98/2020 (SKU bila alamat usaha berbeda dengan KTP)",
                "Usaha berada di alamat KTP; SKU tidak diperlukan.",
                "The business is at the KTP address; no SKU needed.",
                {},
            ),
            (
                "bpum.previous_bpum",
                False,
                "galat",
                "Juklak BPUM No. 98/2020 (satu NIK satu BPUM per tahun anggaran)",
                "Pemohon sudah menerima BPUM tahun anggaran 2020 (satu NIK satu BPUM).",
                "The applicant already received BPUM in budget year 2020 (one per NIK).",
                {},
            ),
        ],
    ),
    "no_kk_2021": (
        False,
        [
            (
                "bpum.kk_required",
                False,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 (data usulan memuat NIK dan nomor KK)",
                "Usulan BPUM 2021 wajib memuat nomor Kartu Keluarga (KK).",
                "A 2021 BPUM proposal must include the family card (KK) number.",
                {},
            ),
            (
                "bpum.citizenship",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (kriteria penerima: WNI)",
                "Pemohon Warga Negara Indonesia.",
                "The applicant is an Indonesian citizen.",
                {},
            ),
            (
                "bpum.identity",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (kriteria penerima: memiliki e-KTP)",
                "Pemohon memiliki e-KTP (187101******0001).",
                "The applicant has an e-KTP (187101******0001).",
                {},
            ),
            (
                "bpum.proposer",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 8 (dinas kabupaten/kota mengusulkan melalui dinas provinsi)",
                "Diusulkan oleh Dinas Koperasi dan UKM Kabupaten/Kota (18.71), yang menerangkan usaha mikro.",
                "Proposed by a dinas_kabupaten_kota (18.71), attesting a micro business.",
                {},
            ),
            (
                "bpum.occupation_excluded",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (bukan ASN, anggota TNI/Polri, pegawai BUMN/BUMD)",
                "Pekerjaan Pedagang tidak dikecualikan.",
                "Occupation pedagang is not excluded.",
                {},
            ),
            (
                "bpum.has_kur",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (2)",
                "Pemohon tidak sedang menerima KUR.",
                "The applicant has no current KUR.",
                {},
            ),
            (
                "bpum.other_bank_credit",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (2) (hanya KUR yang disebut)",
                "Pemohon tidak sedang menerima kredit/pembiayaan bank lain.",
                "The applicant has no other current bank credit.",
                {"rule": "teks_peraturan", "confidence": "M"},
            ),
            (
                "bpum.sku_required",
                True,
                "galat",
                "Juklak BPUM No. 98/2020 (SKU bila alamat usaha berbeda; tetap berlaku 2021)",
                "Usaha berada di alamat KTP; SKU tidak diperlukan.",
                "The business is at the KTP address; no SKU needed.",
                {},
            ),
            (
                "bpum.previous_bpum",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (1)",
                "Riwayat BPUM (belum pernah) tidak menghalangi.",
                "Previous BPUM (none) does not bar this grant.",
                {},
            ),
        ],
    ),
    "bank_proposer_2021": (
        False,
        [
            (
                "bpum.kk_required",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 (data usulan memuat NIK dan nomor KK)",
                "Nomor KK tercantum.",
                "The family card (KK) number is given.",
                {},
            ),
            (
                "bpum.citizenship",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (kriteria penerima: WNI)",
                "Pemohon Warga Negara Indonesia.",
                "The applicant is an Indonesian citizen.",
                {},
            ),
            (
                "bpum.identity",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (kriteria penerima: memiliki e-KTP)",
                "Pemohon memiliki e-KTP (187101******0001).",
                "The applicant has an e-KTP (187101******0001).",
                {},
            ),
            (
                "bpum.proposer",
                False,
                "galat",
                "Permenkop UKM 2/2021 Pasal 8 (dinas kabupaten/kota mengusulkan melalui dinas provinsi)",
                "Bank atau perusahaan pembiayaan terdaftar di OJK bukan pengusul BPUM 2021; pengusul yang sah: dinas_kabupaten_kota, dinas_provinsi.",
                "A bank_perusahaan_pembiayaan cannot propose for BPUM 2021; allowed proposers: dinas_kabupaten_kota, dinas_provinsi.",
                {},
            ),
            (
                "bpum.occupation_excluded",
                True,
                "galat",
                "Permenkop UKM 6/2020 jo. Permenkop UKM 2/2021 Pasal 4 (bukan ASN, anggota TNI/Polri, pegawai BUMN/BUMD)",
                "Pekerjaan Pedagang tidak dikecualikan.",
                "Occupation pedagang is not excluded.",
                {},
            ),
            (
                "bpum.has_kur",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (2)",
                "Pemohon tidak sedang menerima KUR.",
                "The applicant has no current KUR.",
                {},
            ),
            (
                "bpum.other_bank_credit",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (2) (hanya KUR yang disebut)",
                "Pemohon tidak sedang menerima kredit/pembiayaan bank lain.",
                "The applicant has no other current bank credit.",
                {"rule": "teks_peraturan", "confidence": "M"},
            ),
            (
                "bpum.sku_required",
                True,
                "galat",
                "Juklak BPUM No. 98/2020 (SKU bila alamat usaha berbeda; tetap berlaku 2021)",
                "Usaha berada di alamat KTP; SKU tidak diperlukan.",
                "The business is at the KTP address; no SKU needed.",
                {},
            ),
            (
                "bpum.previous_bpum",
                True,
                "galat",
                "Permenkop UKM 2/2021 Pasal 4 ayat (1)",
                "Riwayat BPUM (belum pernah) tidak menghalangi.",
                "Previous BPUM (none) does not bar this grant.",
                {},
            ),
        ],
    ),
    "business_elsewhere_2020": (
        False,
        [
            (
                "bpum.citizenship",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (kriteria penerima: WNI)",
                "Pemohon Warga Negara Indonesia.",
                "The applicant is an Indonesian citizen.",
                {},
            ),
            (
                "bpum.identity",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (kriteria penerima: memiliki NIK)",
                "Pemohon memiliki NIK (187101******0001).",
                "The applicant has an NIK (187101******0001).",
                {},
            ),
            (
                "bpum.proposer",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 8 (lembaga pengusul)",
                "Diusulkan oleh Dinas Koperasi dan UKM Kabupaten/Kota (18.71), yang menerangkan usaha mikro.",
                "Proposed by a dinas_kabupaten_kota (18.71), attesting a micro business.",
                {},
            ),
            (
                "bpum.occupation_excluded",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (bukan ASN, anggota TNI/Polri, pegawai BUMN/BUMD)",
                "Pekerjaan Pedagang tidak dikecualikan.",
                "Occupation pedagang is not excluded.",
                {},
            ),
            (
                "bpum.has_kur",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (tidak sedang menerima KUR)",
                "Pemohon tidak sedang menerima KUR.",
                "The applicant has no current KUR.",
                {},
            ),
            (
                "bpum.other_bank_credit",
                True,
                "galat",
                "Permenkop UKM 6/2020 Pasal 4 (tidak sedang menerima kredit/pembiayaan perbankan)",
                "Pemohon tidak sedang menerima kredit/pembiayaan bank lain.",
                "The applicant has no other current bank credit.",
                {"rule": "teks_peraturan", "confidence": "M"},
            ),
            (
                "bpum.sku_required",
                False,
                "galat",
                "Juklak BPUM No. 98/2020 (SKU bila alamat usaha berbeda dengan KTP)",
                "Alamat usaha berbeda dengan alamat KTP tetapi Surat Keterangan Usaha (SKU) tidak dilampirkan.",
                "The business address differs from the KTP address but no business certificate (SKU) is attached.",
                {},
            ),
            (
                "bpum.previous_bpum",
                True,
                "galat",
                "Juklak BPUM No. 98/2020 (satu NIK satu BPUM per tahun anggaran)",
                "Riwayat BPUM (belum pernah) tidak menghalangi.",
                "Previous BPUM (none) does not bar this grant.",
                {},
            ),
        ],
    ),
}


@pytest.mark.parametrize("name", list(FOUNDING_CASES))
def test_founders_findings_are_pinned(name: str) -> None:
    form, founders, on = FOUNDING_CASES[name]
    decision = check_founders(form, founders, as_of=on)
    assert (decision.outcome, _shown(decision)) == FOUNDING[name]


def test_founders_argument_errors() -> None:
    # Zero founders is a count (it fails the minimum), a negative one is not.
    assert not check_founders(P, 0, as_of=date(2024, 1, 1)).outcome
    with pytest.raises(
        RuleInputError, match=r"^founders is a list of Founder or a count >= 0, not '-1'$"
    ):
        check_founders(P, -1, as_of=date(2024, 1, 1))
    with pytest.raises(RuleInputError, match=r"^form is one of CooperativeForm\.PRIMARY, "):
        check_founders("primer_x", 9, as_of=date(2024, 1, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", list(BPUM_CASES))
def test_bpum_findings_are_pinned(name: str) -> None:
    changes, year = BPUM_CASES[name]
    decision = assess(from_dict(Proposal, {**_BASE, **changes}), year=year)
    assert (decision.eligible, _shown(decision)) == BPUM[name]


# --- activity status (R21): every finding for a set of cases ------------------------

_COOP = {
    "name": "Koperasi Konsumen Sejahtera 1",
    "legal_entity_numbers": ["1/BH/X/2010"],
    "deed_approved_on": "2010-03-01",
    "form": "primer",
    "kind": "konsumen",
    "region": "18.71",
    "membership_area": "dalam_kabupaten_kota",
    "member_count": 40,
}
_RAT_2020 = [{"fiscal_year": 2020, "held_on": "2021-05-08", "reported": True}]
ACTIVITY_CASES: dict[str, tuple[dict[str, Any], date, dict[str, Any]]] = {
    "active": ({"rat_records": _RAT_2020}, date(2024, 6, 30), {}),
    "inactive": ({"rat_records": _RAT_2020}, date(2024, 7, 1), {}),
    "unreported": (
        {"rat_records": [{"fiscal_year": 2022, "held_on": "2023-05-08", "reported": False}]},
        date(2024, 7, 1),
        {},
    ),
    "young": (
        {"deed_approved_on": "2019-05-01", "legal_entity_numbers": ["1/BH/X/2019"]},
        date(2021, 10, 12),
        {},
    ),
    "dissolved": (
        {"dissolved_on": "2020-01-15", "legal_status": "dibubarkan"},
        date(2021, 10, 12),
        {},
    ),
    "window_2": (
        {"rat_records": [{"fiscal_year": 2021, "held_on": "2022-05-08", "reported": True}]},
        date(2024, 7, 1),
        {"window_years": 2},
    ),
}
ACTIVITY: dict[str, tuple[Any, ...]] = {
    "active": (
        "aktif",
        (2020, 2021, 2022),
        (2020,),
        (2021, 2022),
        [
            (
                "cooperatives.activity.rat_counted",
                True,
                "galat",
                "UU 25/1992 Pasal 26",
                "RAT tahun buku 2020 dilaksanakan 2021-05-08; dihitung.",
                "The RAT for fiscal year 2020 was held on 2021-05-08; it counts.",
                {
                    "fiscal_year": "2020",
                    "held_on": "2021-05-08",
                    "deadline": "2021-06-30",
                    "reported": "true",
                    "late": "false",
                },
            ),
            (
                "cooperatives.activity.rat_missed",
                False,
                "peringatan",
                "UU 25/1992 Pasal 26",
                "RAT tahun buku 2021 tidak dilaksanakan sampai 2024-06-30 (batas 2022-06-30).",
                "No RAT for fiscal year 2021 was held by 2024-06-30 (deadline 2022-06-30).",
                {"fiscal_year": "2021", "deadline": "2022-06-30"},
            ),
            (
                "cooperatives.activity.rat_missed",
                False,
                "peringatan",
                "UU 25/1992 Pasal 26",
                "RAT tahun buku 2022 tidak dilaksanakan sampai 2024-06-30 (batas 2023-06-30).",
                "No RAT for fiscal year 2022 was held by 2024-06-30 (deadline 2023-06-30).",
                {"fiscal_year": "2022", "deadline": "2023-06-30"},
            ),
            (
                "cooperatives.activity.rat_in_window",
                True,
                "galat",
                "Kemenkop ODS (aktif: at least one RAT held and reported in the last 3 fiscal years (Kompaspedia, Kemenkop definition; Permenkop 19/2015 as applied by Dinas Koperasi Bangli: inactive after 3 missed RATs in a row); administrative, not statutory)",
                "Jendela 3 tahun buku (2020, 2021, 2022): RAT yang dihitung 2020; status aktif.",
                "Window of 3 fiscal years (2020, 2021, 2022): counted RATs 2020; status aktif.",
                {
                    "window": "2020, 2021, 2022",
                    "counted": "2020",
                    "missed": "2021, 2022",
                    "unreported_counts_as_missed": "true",
                },
            ),
        ],
    ),
    "inactive": (
        "tidak_aktif",
        (2021, 2022, 2023),
        (),
        (2021, 2022, 2023),
        [
            (
                "cooperatives.activity.rat_missed",
                False,
                "peringatan",
                "UU 25/1992 Pasal 26",
                "RAT tahun buku 2021 tidak dilaksanakan sampai 2024-07-01 (batas 2022-06-30).",
                "No RAT for fiscal year 2021 was held by 2024-07-01 (deadline 2022-06-30).",
                {"fiscal_year": "2021", "deadline": "2022-06-30"},
            ),
            (
                "cooperatives.activity.rat_missed",
                False,
                "peringatan",
                "UU 25/1992 Pasal 26",
                "RAT tahun buku 2022 tidak dilaksanakan sampai 2024-07-01 (batas 2023-06-30).",
                "No RAT for fiscal year 2022 was held by 2024-07-01 (deadline 2023-06-30).",
                {"fiscal_year": "2022", "deadline": "2023-06-30"},
            ),
            (
                "cooperatives.activity.rat_missed",
                False,
                "peringatan",
                "UU 25/1992 Pasal 26",
                "RAT tahun buku 2023 tidak dilaksanakan sampai 2024-07-01 (batas 2024-06-30).",
                "No RAT for fiscal year 2023 was held by 2024-07-01 (deadline 2024-06-30).",
                {"fiscal_year": "2023", "deadline": "2024-06-30"},
            ),
            (
                "cooperatives.activity.rat_in_window",
                False,
                "galat",
                "Kemenkop ODS (aktif: at least one RAT held and reported in the last 3 fiscal years (Kompaspedia, Kemenkop definition; Permenkop 19/2015 as applied by Dinas Koperasi Bangli: inactive after 3 missed RATs in a row); administrative, not statutory)",
                "Jendela 3 tahun buku (2021, 2022, 2023): RAT yang dihitung -; status tidak aktif.",
                "Window of 3 fiscal years (2021, 2022, 2023): counted RATs -; status tidak_aktif.",
                {
                    "window": "2021, 2022, 2023",
                    "counted": "-",
                    "missed": "2021, 2022, 2023",
                    "unreported_counts_as_missed": "true",
                },
            ),
            (
                "cooperatives.activity.legal_status_unchanged",
                True,
                "informasi",
                "UU 25/1992 Pasal 46-47 (only dissolution by the members' meeting or the government ends the legal entity)",
                "Status tidak aktif tidak mengubah status badan hukum; hanya keputusan pembubaran yang mengakhirinya.",
                "Inactivity does not change the legal status; only a dissolution decision ends the legal entity.",
                {},
            ),
        ],
    ),
    "unreported": (
        "tidak_aktif",
        (2021, 2022, 2023),
        (),
        (2021, 2022, 2023),
        [
            (
                "cooperatives.activity.rat_missed",
                False,
                "peringatan",
                "UU 25/1992 Pasal 26",
                "RAT tahun buku 2021 tidak dilaksanakan sampai 2024-07-01 (batas 2022-06-30).",
                "No RAT for fiscal year 2021 was held by 2024-07-01 (deadline 2022-06-30).",
                {"fiscal_year": "2021", "deadline": "2022-06-30"},
            ),
            (
                "cooperatives.activity.rat_unreported",
                False,
                "peringatan",
                "Kemenkop ODS (aktif: at least one RAT held and reported in the last 3 fiscal years (Kompaspedia, Kemenkop definition; Permenkop 19/2015 as applied by Dinas Koperasi Bangli: inactive after 3 missed RATs in a row); administrative, not statutory)",
                "RAT tahun buku 2022 dilaksanakan 2023-05-08 tetapi tidak dilaporkan ke dinas; dihitung tidak dilaksanakan.",
                "The RAT for fiscal year 2022 was held on 2023-05-08 but not reported to the office; it counts as missed.",
                {"fiscal_year": "2022", "held_on": "2023-05-08", "deadline": "2023-06-30"},
            ),
            (
                "cooperatives.activity.rat_missed",
                False,
                "peringatan",
                "UU 25/1992 Pasal 26",
                "RAT tahun buku 2023 tidak dilaksanakan sampai 2024-07-01 (batas 2024-06-30).",
                "No RAT for fiscal year 2023 was held by 2024-07-01 (deadline 2024-06-30).",
                {"fiscal_year": "2023", "deadline": "2024-06-30"},
            ),
            (
                "cooperatives.activity.rat_in_window",
                False,
                "galat",
                "Kemenkop ODS (aktif: at least one RAT held and reported in the last 3 fiscal years (Kompaspedia, Kemenkop definition; Permenkop 19/2015 as applied by Dinas Koperasi Bangli: inactive after 3 missed RATs in a row); administrative, not statutory)",
                "Jendela 3 tahun buku (2021, 2022, 2023): RAT yang dihitung -; status tidak aktif.",
                "Window of 3 fiscal years (2021, 2022, 2023): counted RATs -; status tidak_aktif.",
                {
                    "window": "2021, 2022, 2023",
                    "counted": "-",
                    "missed": "2021, 2022, 2023",
                    "unreported_counts_as_missed": "true",
                },
            ),
            (
                "cooperatives.activity.legal_status_unchanged",
                True,
                "informasi",
                "UU 25/1992 Pasal 46-47 (only dissolution by the members' meeting or the government ends the legal entity)",
                "Status tidak aktif tidak mengubah status badan hukum; hanya keputusan pembubaran yang mengakhirinya.",
                "Inactivity does not change the legal status; only a dissolution decision ends the legal entity.",
                {},
            ),
        ],
    ),
    "young": (
        "aktif",
        (2019, 2020),
        (),
        (2019, 2020),
        [
            (
                "cooperatives.activity.rat_missed",
                False,
                "peringatan",
                "UU 25/1992 Pasal 26",
                "RAT tahun buku 2019 tidak dilaksanakan sampai 2021-10-12 (batas 2020-06-30).",
                "No RAT for fiscal year 2019 was held by 2021-10-12 (deadline 2020-06-30).",
                {"fiscal_year": "2019", "deadline": "2020-06-30"},
            ),
            (
                "cooperatives.activity.rat_missed",
                False,
                "peringatan",
                "UU 25/1992 Pasal 26",
                "RAT tahun buku 2020 tidak dilaksanakan sampai 2021-10-12 (batas 2021-06-30).",
                "No RAT for fiscal year 2020 was held by 2021-10-12 (deadline 2021-06-30).",
                {"fiscal_year": "2020", "deadline": "2021-06-30"},
            ),
            (
                "cooperatives.activity.window_incomplete",
                True,
                "informasi",
                "Kemenkop ODS (aktif: at least one RAT held and reported in the last 3 fiscal years (Kompaspedia, Kemenkop definition; Permenkop 19/2015 as applied by Dinas Koperasi Bangli: inactive after 3 missed RATs in a row); administrative, not statutory)",
                "Baru 2 tahun buku jatuh tempo RAT sejak akta disahkan (2019, 2020); koperasi belum dapat melewatkan 3 RAT berturut-turut.",
                "Only 2 fiscal year(s) have fallen due since the deed was approved (2019, 2020); the cooperative cannot yet have missed 3 RATs in a row.",
                {"window_years": "3", "due_years": "2"},
            ),
            (
                "cooperatives.activity.rat_in_window",
                True,
                "galat",
                "Kemenkop ODS (aktif: at least one RAT held and reported in the last 3 fiscal years (Kompaspedia, Kemenkop definition; Permenkop 19/2015 as applied by Dinas Koperasi Bangli: inactive after 3 missed RATs in a row); administrative, not statutory)",
                "Jendela 3 tahun buku (2019, 2020): RAT yang dihitung -; status aktif.",
                "Window of 3 fiscal years (2019, 2020): counted RATs -; status aktif.",
                {
                    "window": "2019, 2020",
                    "counted": "-",
                    "missed": "2019, 2020",
                    "unreported_counts_as_missed": "true",
                },
            ),
        ],
    ),
    "dissolved": (
        "tidak_aktif",
        (),
        (),
        (),
        [
            (
                "cooperatives.activity.dissolved",
                False,
                "galat",
                "UU 25/1992 Pasal 46-47 (only dissolution by the members' meeting or the government ends the legal entity)",
                "Koperasi telah dibubarkan pada 2020-01-15; badan hukumnya berakhir sehingga tidak dihitung aktif.",
                "The cooperative was dissolved on 2020-01-15; its legal entity ended, so it is not counted as active.",
                {"dissolved_on": "2020-01-15"},
            )
        ],
    ),
    "window_2": (
        "tidak_aktif",
        (2022, 2023),
        (),
        (2022, 2023),
        [
            (
                "cooperatives.activity.rat_missed",
                False,
                "peringatan",
                "UU 25/1992 Pasal 26",
                "RAT tahun buku 2022 tidak dilaksanakan sampai 2024-07-01 (batas 2023-06-30).",
                "No RAT for fiscal year 2022 was held by 2024-07-01 (deadline 2023-06-30).",
                {"fiscal_year": "2022", "deadline": "2023-06-30"},
            ),
            (
                "cooperatives.activity.rat_missed",
                False,
                "peringatan",
                "UU 25/1992 Pasal 26",
                "RAT tahun buku 2023 tidak dilaksanakan sampai 2024-07-01 (batas 2024-06-30).",
                "No RAT for fiscal year 2023 was held by 2024-07-01 (deadline 2024-06-30).",
                {"fiscal_year": "2023", "deadline": "2024-06-30"},
            ),
            (
                "cooperatives.activity.rat_in_window",
                False,
                "galat",
                "Kemenkop ODS (aktif: at least one RAT held and reported in the last 3 fiscal years (Kompaspedia, Kemenkop definition; Permenkop 19/2015 as applied by Dinas Koperasi Bangli: inactive after 3 missed RATs in a row); administrative, not statutory)",
                "Jendela 2 tahun buku (2022, 2023): RAT yang dihitung -; status tidak aktif.",
                "Window of 2 fiscal years (2022, 2023): counted RATs -; status tidak_aktif.",
                {
                    "window": "2022, 2023",
                    "counted": "-",
                    "missed": "2022, 2023",
                    "unreported_counts_as_missed": "true",
                },
            ),
            (
                "cooperatives.activity.legal_status_unchanged",
                True,
                "informasi",
                "UU 25/1992 Pasal 46-47 (only dissolution by the members' meeting or the government ends the legal entity)",
                "Status tidak aktif tidak mengubah status badan hukum; hanya keputusan pembubaran yang mengakhirinya.",
                "Inactivity does not change the legal status; only a dissolution decision ends the legal entity.",
                {},
            ),
        ],
    ),
}


@pytest.mark.parametrize("name", list(ACTIVITY_CASES))
def test_activity_findings_are_pinned(name: str) -> None:
    changes, on, kwargs = ACTIVITY_CASES[name]
    d = activity_status(from_dict(Cooperative, {**_COOP, **changes}), as_of=on, **kwargs)
    assert (d.status.value, d.window, d.counted, d.missed, _shown(d)) == ACTIVITY[name]


@pytest.mark.parametrize("window", [0, 11, True, "3"])
def test_activity_window_years_out_of_range(window: object) -> None:
    coop = from_dict(Cooperative, _COOP)
    with pytest.raises(ValidationError) as caught:
        activity_status(coop, as_of=date(2024, 7, 1), window_years=window)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert (problem.code, problem.path) == ("cooperatives.activity.window_years", "$.window_years")
    assert problem.message == (
        "window_years is a whole number of fiscal years from 1 to 10 (practice uses 2 or 3), "
        f"not '{window}'"  # the value goes through the masking function, quoted
    )
    assert activity_status(coop, as_of=date(2024, 7, 1), window_years=10).window_years == 10


def test_founders_kind_texts_without_and_with_several_misfits() -> None:
    on = date(2024, 1, 1)
    d = check_founders(P, [_person(i) for i in range(1, 10)], as_of=on)
    assert d.as_of == on
    kind = d.finding("cooperatives.founders_kind")
    assert (kind.passed, kind.message_id, kind.message_en, dict(kind.details)) == (
        True,
        "Koperasi primer didirikan oleh orang-seorang.",
        "A primary cooperative is founded by natural persons.",
        {"positions": ""},
    )
    d = check_founders(S, [_coop(1), _person(1), _person(2)], as_of=on)
    assert d.finding("cooperatives.founders_kind").details["positions"] == "1,2"
    with pytest.raises(RuleInputError, match=r"^form is one of CooperativeForm\.PRIMARY, "):
        founder_minimum("primer_x", as_of=on)  # type: ignore[arg-type]


def _bpum_finding(changes: dict[str, Any], year: int, code: str) -> tuple[Any, ...]:
    finding = assess(from_dict(Proposal, {**_BASE, **changes}), year=year).finding(code)
    return (finding.passed, finding.message_id, finding.message_en)


def test_bpum_citizenship_sku_and_previous_texts() -> None:
    assert _bpum_finding({"citizen": False}, 2021, "bpum.citizenship") == (
        False,
        "BPUM hanya untuk Warga Negara Indonesia.",
        "BPUM is only for Indonesian citizens.",
    )
    attached = {"business_address": "Jl. Lain 9", "has_sku": True}
    assert _bpum_finding(attached, 2020, "bpum.sku_required") == (
        True,
        "Alamat usaha berbeda dengan KTP dan SKU dilampirkan.",
        "The business address differs from the KTP and an SKU is attached.",
    )
    assert _bpum_finding({"previous_bpum_years": [2020]}, 2021, "bpum.previous_bpum") == (
        True,
        "Riwayat BPUM (2020) tidak menghalangi.",
        "Previous BPUM (2020) does not bar this grant.",
    )
    assert _bpum_finding({"previous_bpum_years": [2021]}, 2020, "bpum.previous_bpum") == (
        False,
        "Penerima BPUM tahun 2021 tidak dapat menerima BPUM 2020.",
        "A recipient of BPUM 2021 cannot receive BPUM 2020.",
    )


def test_activity_window_of_one_year_is_accepted() -> None:
    coop = from_dict(Cooperative, {**_COOP, "rat_records": _RAT_2020})
    d = activity_status(coop, as_of=date(2021, 7, 1), window_years=1)
    assert (d.window_years, d.window, d.status.value) == (1, (2020,), "aktif")
