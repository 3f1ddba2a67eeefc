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
from koperasi_id.cooperatives import CooperativeForm, Founder, check_founders
from koperasi_id.decisions import Decision
from koperasi_id.errors import RuleInputError
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
        RuleInputError, match=r"^founders is a list of Founder or a count >= 0, not -1$"
    ):
        check_founders(P, -1, as_of=date(2024, 1, 1))
    with pytest.raises(RuleInputError, match=r"^form is one of CooperativeForm\.PRIMARY, "):
        check_founders("primer_x", 9, as_of=date(2024, 1, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", list(BPUM_CASES))
def test_bpum_findings_are_pinned(name: str) -> None:
    changes, year = BPUM_CASES[name]
    decision = assess(from_dict(Proposal, {**_BASE, **changes}), year=year)
    assert (decision.eligible, _shown(decision)) == BPUM[name]
