"""Every finding and error text of ``msme.classify``, pinned for a set of scenarios.

The explanations are part of the output (the CLI prints them; offices read
them): the wording, the citation, the details and which branch produced them
are asserted whole. A mutation run showed that only the sizes were checked
before, so a wrong "reason" or a swapped citation went unseen.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from koperasi_id.errors import RuleInputError, ValidationError
from koperasi_id.msme import ConflictPolicy, Purpose, classify

D = Decimal
ON = date(2024, 5, 1)
CASES: dict[str, dict[str, Any]] = {
    "only_capital": {"as_of": ON, "capital": D(1_000_000_000)},
    "large_sales": {"as_of": ON, "annual_sales": D(50_000_000_001)},
    "medium_capital": {"as_of": ON, "capital": D(6_000_000_000)},
    "agree": {"as_of": ON, "capital": D(2_000_000_000), "annual_sales": D(3_000_000_000)},
    "conflict_lower": {"as_of": ON, "capital": D(800_000_000), "annual_sales": D(3_000_000_000)},
    "conflict_higher": {
        "as_of": ON,
        "capital": D(800_000_000),
        "annual_sales": D(3_000_000_000),
        "policy": ConflictPolicy.HIGHER,
    },
    "conflict_policy_lower": {
        "as_of": ON,
        "capital": D(800_000_000),
        "annual_sales": D(3_000_000_000),
        "policy": ConflictPolicy.LOWER,
    },
    # PP 7/2021 Pasal 35 ayat (6) binds businesses that started *before* 2 Feb 2021.
    "support_pp_day": {
        "as_of": ON,
        "capital": D(800_000_000),
        "annual_sales": D(3_000_000_000),
        "purpose": Purpose.SUPPORT,
        "started_on": date(2021, 2, 2),
    },
    "support_older": {
        "as_of": ON,
        "capital": D(800_000_000),
        "annual_sales": D(3_000_000_000),
        "purpose": Purpose.SUPPORT,
        "started_on": date(2021, 2, 1),
    },
    "support_no_start": {"as_of": ON, "capital": D(800_000_000), "purpose": Purpose.SUPPORT},
    "registration": {
        "as_of": ON,
        "capital": D(800_000_000),
        "annual_sales": D(3_000_000_000),
        "purpose": Purpose.REGISTRATION,
    },
    "uu_net_assets": {"as_of": date(2020, 6, 1), "net_assets": D(50_000_001)},
}
ERROR_CASES: dict[str, dict[str, Any]] = {
    "registration_without_capital": {
        "as_of": ON,
        "annual_sales": D(1),
        "purpose": Purpose.REGISTRATION,
    },
    "support_older_without_sales": {
        "as_of": ON,
        "capital": D(1),
        "purpose": Purpose.SUPPORT,
        "started_on": date(2021, 2, 1),
    },
    "net_assets_under_pp": {"as_of": ON, "net_assets": D(1)},
    "capital_under_uu": {"as_of": date(2020, 6, 1), "capital": D(1)},
    "text_amount": {"as_of": ON, "capital": "1000"},
    "negative": {"as_of": ON, "capital": D(-1)},
    "bad_choice": {"as_of": ON, "capital": D(1), "purpose": "x", "policy": "y"},
}

# (code, passed, severity, citation, message_id, message_en, details) per finding.
EXPECTED: dict[str, list[tuple[Any, ...]]] = {
    "only_capital": [
        (
            "msme.size.modal_usaha",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (3)",
            "Modal usaha Rp1.000.000.000: Usaha Mikro (paling banyak Rp1.000.000.000).",
            "Business capital Rp1.000.000.000: micro business (at most Rp1.000.000.000).",
            {"criterion": "modal_usaha", "amount": "1000000000", "size": "mikro"},
        ),
        (
            "msme.size.basis",
            True,
            "informasi",
            "PP 7/2021 Pasal 35",
            "Ukuran usaha ditentukan oleh modal usaha.",
            "The size is decided by business capital.",
            {"criterion": "modal_usaha", "reason": "only_figure"},
        ),
    ],
    "large_sales": [
        (
            "msme.size.hasil_penjualan_tahunan",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (5)",
            "Hasil penjualan tahunan Rp50.000.000.001: Usaha Besar (lebih dari Rp50.000.000.000).",
            "Annual sales Rp50.000.000.001: large business (above Rp50.000.000.000).",
            {"criterion": "hasil_penjualan_tahunan", "amount": "50000000001", "size": "besar"},
        ),
        (
            "msme.size.basis",
            True,
            "informasi",
            "PP 7/2021 Pasal 35",
            "Ukuran usaha ditentukan oleh hasil penjualan tahunan.",
            "The size is decided by annual sales.",
            {"criterion": "hasil_penjualan_tahunan", "reason": "only_figure"},
        ),
    ],
    "medium_capital": [
        (
            "msme.size.modal_usaha",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (3)",
            "Modal usaha Rp6.000.000.000: Usaha Menengah (lebih dari Rp5.000.000.000 sampai dengan Rp10.000.000.000).",
            "Business capital Rp6.000.000.000: medium business (above Rp5.000.000.000, at most Rp10.000.000.000).",
            {"criterion": "modal_usaha", "amount": "6000000000", "size": "menengah"},
        ),
        (
            "msme.size.basis",
            True,
            "informasi",
            "PP 7/2021 Pasal 35",
            "Ukuran usaha ditentukan oleh modal usaha.",
            "The size is decided by business capital.",
            {"criterion": "modal_usaha", "reason": "only_figure"},
        ),
    ],
    "agree": [
        (
            "msme.size.modal_usaha",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (3)",
            "Modal usaha Rp2.000.000.000: Usaha Kecil (lebih dari Rp1.000.000.000 sampai dengan Rp5.000.000.000).",
            "Business capital Rp2.000.000.000: small business (above Rp1.000.000.000, at most Rp5.000.000.000).",
            {"criterion": "modal_usaha", "amount": "2000000000", "size": "kecil"},
        ),
        (
            "msme.size.hasil_penjualan_tahunan",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (5)",
            "Hasil penjualan tahunan Rp3.000.000.000: Usaha Kecil (lebih dari Rp2.000.000.000 sampai dengan Rp15.000.000.000).",
            "Annual sales Rp3.000.000.000: small business (above Rp2.000.000.000, at most Rp15.000.000.000).",
            {"criterion": "hasil_penjualan_tahunan", "amount": "3000000000", "size": "kecil"},
        ),
        (
            "msme.size.basis",
            True,
            "informasi",
            "PP 7/2021 Pasal 35",
            "Semua kriteria yang diberikan menunjukkan kelas yang sama.",
            "Every figure given points to the same class.",
            {"criterion": "modal_usaha", "reason": "figures_agree"},
        ),
    ],
    "conflict_lower": [
        (
            "msme.size.modal_usaha",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (3)",
            "Modal usaha Rp800.000.000: Usaha Mikro (paling banyak Rp1.000.000.000).",
            "Business capital Rp800.000.000: micro business (at most Rp1.000.000.000).",
            {"criterion": "modal_usaha", "amount": "800000000", "size": "mikro"},
        ),
        (
            "msme.size.hasil_penjualan_tahunan",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (5)",
            "Hasil penjualan tahunan Rp3.000.000.000: Usaha Kecil (lebih dari Rp2.000.000.000 sampai dengan Rp15.000.000.000).",
            "Annual sales Rp3.000.000.000: small business (above Rp2.000.000.000, at most Rp15.000.000.000).",
            {"criterion": "hasil_penjualan_tahunan", "amount": "3000000000", "size": "kecil"},
        ),
        (
            "msme.size.basis",
            True,
            "informasi",
            "PP 7/2021 Pasal 35",
            "Kriteria menunjukkan kelas berbeda dan tidak ada aturan tujuan yang menentukan; kriteria digabung dengan 'atau', sehingga dipakai kelas yang lebih rendah, menurut modal usaha.",
            "The figures disagree and no purpose rule decides; the criteria are joined by 'atau' (or), so the lower class is taken, by business capital.",
            {"criterion": "modal_usaha", "reason": "no_purpose_rule"},
        ),
        (
            "msme.size.conflict",
            False,
            "peringatan",
            "PP 7/2021 Pasal 35",
            "Kriteria tidak sejalan (modal usaha: Usaha Mikro, hasil penjualan tahunan: Usaha Kecil); peraturan tidak mengatur pilihannya. Kebijakan 'Menurut tujuan penggunaan kriteria' memakai modal usaha.",
            "The figures disagree (business capital: micro business, annual sales: small business); the regulation has no tie-break. Policy 'menurut_tujuan' uses business capital.",
            {"modal_usaha": "mikro", "hasil_penjualan_tahunan": "kecil"},
        ),
    ],
    "conflict_higher": [
        (
            "msme.size.modal_usaha",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (3)",
            "Modal usaha Rp800.000.000: Usaha Mikro (paling banyak Rp1.000.000.000).",
            "Business capital Rp800.000.000: micro business (at most Rp1.000.000.000).",
            {"criterion": "modal_usaha", "amount": "800000000", "size": "mikro"},
        ),
        (
            "msme.size.hasil_penjualan_tahunan",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (5)",
            "Hasil penjualan tahunan Rp3.000.000.000: Usaha Kecil (lebih dari Rp2.000.000.000 sampai dengan Rp15.000.000.000).",
            "Annual sales Rp3.000.000.000: small business (above Rp2.000.000.000, at most Rp15.000.000.000).",
            {"criterion": "hasil_penjualan_tahunan", "amount": "3000000000", "size": "kecil"},
        ),
        (
            "msme.size.basis",
            True,
            "informasi",
            "PP 7/2021 Pasal 35",
            "Kriteria menunjukkan kelas berbeda; dipakai kelas yang lebih tinggi, menurut hasil penjualan tahunan.",
            "The figures disagree; the higher class is taken, by annual sales.",
            {"criterion": "hasil_penjualan_tahunan", "reason": "higher"},
        ),
        (
            "msme.size.conflict",
            False,
            "peringatan",
            "PP 7/2021 Pasal 35",
            "Kriteria tidak sejalan (modal usaha: Usaha Mikro, hasil penjualan tahunan: Usaha Kecil); peraturan tidak mengatur pilihannya. Kebijakan 'Kelas yang lebih tinggi' memakai hasil penjualan tahunan.",
            "The figures disagree (business capital: micro business, annual sales: small business); the regulation has no tie-break. Policy 'lebih_tinggi' uses annual sales.",
            {"modal_usaha": "mikro", "hasil_penjualan_tahunan": "kecil"},
        ),
    ],
    "conflict_policy_lower": [
        (
            "msme.size.modal_usaha",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (3)",
            "Modal usaha Rp800.000.000: Usaha Mikro (paling banyak Rp1.000.000.000).",
            "Business capital Rp800.000.000: micro business (at most Rp1.000.000.000).",
            {"criterion": "modal_usaha", "amount": "800000000", "size": "mikro"},
        ),
        (
            "msme.size.hasil_penjualan_tahunan",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (5)",
            "Hasil penjualan tahunan Rp3.000.000.000: Usaha Kecil (lebih dari Rp2.000.000.000 sampai dengan Rp15.000.000.000).",
            "Annual sales Rp3.000.000.000: small business (above Rp2.000.000.000, at most Rp15.000.000.000).",
            {"criterion": "hasil_penjualan_tahunan", "amount": "3000000000", "size": "kecil"},
        ),
        (
            "msme.size.basis",
            True,
            "informasi",
            "PP 7/2021 Pasal 35",
            "Kriteria menunjukkan kelas berbeda; dipakai kelas yang lebih rendah, menurut modal usaha.",
            "The figures disagree; the lower class is taken, by business capital.",
            {"criterion": "modal_usaha", "reason": "lower"},
        ),
        (
            "msme.size.conflict",
            False,
            "peringatan",
            "PP 7/2021 Pasal 35",
            "Kriteria tidak sejalan (modal usaha: Usaha Mikro, hasil penjualan tahunan: Usaha Kecil); peraturan tidak mengatur pilihannya. Kebijakan 'Kelas yang lebih rendah' memakai modal usaha.",
            "The figures disagree (business capital: micro business, annual sales: small business); the regulation has no tie-break. Policy 'lebih_rendah' uses business capital.",
            {"modal_usaha": "mikro", "hasil_penjualan_tahunan": "kecil"},
        ),
    ],
    "support_pp_day": [
        (
            "msme.size.modal_usaha",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (3)",
            "Modal usaha Rp800.000.000: Usaha Mikro (paling banyak Rp1.000.000.000).",
            "Business capital Rp800.000.000: micro business (at most Rp1.000.000.000).",
            {"criterion": "modal_usaha", "amount": "800000000", "size": "mikro"},
        ),
        (
            "msme.size.hasil_penjualan_tahunan",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (5)",
            "Hasil penjualan tahunan Rp3.000.000.000: Usaha Kecil (lebih dari Rp2.000.000.000 sampai dengan Rp15.000.000.000).",
            "Annual sales Rp3.000.000.000: small business (above Rp2.000.000.000, at most Rp15.000.000.000).",
            {"criterion": "hasil_penjualan_tahunan", "amount": "3000000000", "size": "kecil"},
        ),
        (
            "msme.size.basis",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (4)",
            "Untuk pemberian kemudahan, pelindungan, dan pemberdayaan, ukuran usaha ditentukan oleh hasil penjualan tahunan.",
            "For pemberdayaan, the size is decided by annual sales.",
            {"criterion": "hasil_penjualan_tahunan", "reason": "purpose"},
        ),
        (
            "msme.size.conflict",
            False,
            "peringatan",
            "PP 7/2021 Pasal 35",
            "Kriteria tidak sejalan (modal usaha: Usaha Mikro, hasil penjualan tahunan: Usaha Kecil); peraturan tidak mengatur pilihannya. Kebijakan 'Menurut tujuan penggunaan kriteria' memakai hasil penjualan tahunan.",
            "The figures disagree (business capital: micro business, annual sales: small business); the regulation has no tie-break. Policy 'menurut_tujuan' uses annual sales.",
            {"modal_usaha": "mikro", "hasil_penjualan_tahunan": "kecil"},
        ),
    ],
    "support_older": [
        (
            "msme.size.modal_usaha",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (3)",
            "Modal usaha Rp800.000.000: Usaha Mikro (paling banyak Rp1.000.000.000).",
            "Business capital Rp800.000.000: micro business (at most Rp1.000.000.000).",
            {"criterion": "modal_usaha", "amount": "800000000", "size": "mikro"},
        ),
        (
            "msme.size.hasil_penjualan_tahunan",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (5)",
            "Hasil penjualan tahunan Rp3.000.000.000: Usaha Kecil (lebih dari Rp2.000.000.000 sampai dengan Rp15.000.000.000).",
            "Annual sales Rp3.000.000.000: small business (above Rp2.000.000.000, at most Rp15.000.000.000).",
            {"criterion": "hasil_penjualan_tahunan", "amount": "3000000000", "size": "kecil"},
        ),
        (
            "msme.size.basis",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (6)",
            "Untuk pemberian kemudahan, pelindungan, dan pemberdayaan, ukuran usaha ditentukan oleh hasil penjualan tahunan.",
            "For pemberdayaan, the size is decided by annual sales.",
            {"criterion": "hasil_penjualan_tahunan", "reason": "purpose"},
        ),
        (
            "msme.size.conflict",
            False,
            "peringatan",
            "PP 7/2021 Pasal 35",
            "Kriteria tidak sejalan (modal usaha: Usaha Mikro, hasil penjualan tahunan: Usaha Kecil); peraturan tidak mengatur pilihannya. Kebijakan 'Menurut tujuan penggunaan kriteria' memakai hasil penjualan tahunan.",
            "The figures disagree (business capital: micro business, annual sales: small business); the regulation has no tie-break. Policy 'menurut_tujuan' uses annual sales.",
            {"modal_usaha": "mikro", "hasil_penjualan_tahunan": "kecil"},
        ),
    ],
    "support_no_start": [
        (
            "msme.size.start_date_unknown",
            False,
            "peringatan",
            "PP 7/2021 Pasal 35 ayat (6)",
            "Tanggal mulai usaha tidak diketahui: jika usaha berjalan sebelum 2021-02-02, hasil penjualan tahunan wajib dipakai.",
            "Start date unknown: if the business started before 2021-02-02, annual sales must be used.",
            {},
        ),
        (
            "msme.size.modal_usaha",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (3)",
            "Modal usaha Rp800.000.000: Usaha Mikro (paling banyak Rp1.000.000.000).",
            "Business capital Rp800.000.000: micro business (at most Rp1.000.000.000).",
            {"criterion": "modal_usaha", "amount": "800000000", "size": "mikro"},
        ),
        (
            "msme.size.basis",
            True,
            "informasi",
            "PP 7/2021 Pasal 35",
            "Ukuran usaha ditentukan oleh modal usaha.",
            "The size is decided by business capital.",
            {"criterion": "modal_usaha", "reason": "only_figure"},
        ),
    ],
    "registration": [
        (
            "msme.size.modal_usaha",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (3)",
            "Modal usaha Rp800.000.000: Usaha Mikro (paling banyak Rp1.000.000.000).",
            "Business capital Rp800.000.000: micro business (at most Rp1.000.000.000).",
            {"criterion": "modal_usaha", "amount": "800000000", "size": "mikro"},
        ),
        (
            "msme.size.hasil_penjualan_tahunan",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (5)",
            "Hasil penjualan tahunan Rp3.000.000.000: Usaha Kecil (lebih dari Rp2.000.000.000 sampai dengan Rp15.000.000.000).",
            "Annual sales Rp3.000.000.000: small business (above Rp2.000.000.000, at most Rp15.000.000.000).",
            {"criterion": "hasil_penjualan_tahunan", "amount": "3000000000", "size": "kecil"},
        ),
        (
            "msme.size.basis",
            True,
            "informasi",
            "PP 7/2021 Pasal 35 ayat (2)",
            "Untuk pendirian atau pendaftaran kegiatan usaha, ukuran usaha ditentukan oleh modal usaha.",
            "For pendaftaran, the size is decided by business capital.",
            {"criterion": "modal_usaha", "reason": "purpose"},
        ),
        (
            "msme.size.conflict",
            False,
            "peringatan",
            "PP 7/2021 Pasal 35",
            "Kriteria tidak sejalan (modal usaha: Usaha Mikro, hasil penjualan tahunan: Usaha Kecil); peraturan tidak mengatur pilihannya. Kebijakan 'Menurut tujuan penggunaan kriteria' memakai modal usaha.",
            "The figures disagree (business capital: micro business, annual sales: small business); the regulation has no tie-break. Policy 'menurut_tujuan' uses business capital.",
            {"modal_usaha": "mikro", "hasil_penjualan_tahunan": "kecil"},
        ),
    ],
    "uu_net_assets": [
        (
            "msme.size.kekayaan_bersih",
            True,
            "informasi",
            "UU 20/2008 Pasal 6 ayat (1)-(3) huruf a",
            "Kekayaan bersih Rp50.000.001: Usaha Kecil (lebih dari Rp50.000.000 sampai dengan Rp500.000.000).",
            "Net assets Rp50.000.001: small business (above Rp50.000.000, at most Rp500.000.000).",
            {"criterion": "kekayaan_bersih", "amount": "50000001", "size": "kecil"},
        ),
        (
            "msme.size.basis",
            True,
            "informasi",
            "UU 20/2008 Pasal 6",
            "Ukuran usaha ditentukan oleh kekayaan bersih.",
            "The size is decided by net assets.",
            {"criterion": "kekayaan_bersih", "reason": "only_figure"},
        ),
    ],
}
EXPECTED_ERRORS: dict[str, tuple[str, str]] = {
    "registration_without_capital": (
        "RuleInputError",
        "pendirian atau pendaftaran kegiatan usaha (pendaftaran) is decided by business capital under PP 7/2021 Pasal 35 ayat (2); pass capital=",
    ),
    "support_older_without_sales": (
        "RuleInputError",
        "a business that started before 2021-02-02 (started 2021-02-01) is judged for pemberian kemudahan, pelindungan, dan pemberdayaan (pemberdayaan) by annual sales under PP 7/2021 Pasal 35 ayat (6); pass annual_sales=",
    ),
    "net_assets_under_pp": (
        "RuleInputError",
        "net assets (kekayaan_bersih) is not a criterion of PP 7/2021 Pasal 35, the rule in force on 2024-05-01 (it is used under UU 20/2008 from 2008-07-04 to 2021-02-01); pass capital= (modal usaha) or annual_sales= (hasil penjualan tahunan) instead",
    ),
    "capital_under_uu": (
        "RuleInputError",
        "business capital (modal_usaha) is not a criterion of UU 20/2008 Pasal 6, the rule in force on 2020-06-01 (it is used under PP 7/2021 from 2021-02-02); pass net_assets= (kekayaan bersih) or annual_sales= (hasil penjualan tahunan) instead",
    ),
    "text_amount": (
        "ValidationError",
        "1 problem: $.capital: Python calls take a Decimal or int, not text; read what a person typed with koperasi_id.money.parse_amount_text first [money.type]",
    ),
    "negative": (
        "ValidationError",
        "1 problem: $.capital: business capital must not be negative, got -1 [money.negative]",
    ),
    "bad_choice": (
        "ValidationError",
        "2 problems: $.purpose: purpose must be a Purpose or None [enum]; $.policy: policy must be a ConflictPolicy [enum]",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_findings_are_pinned(name: str) -> None:
    decision = classify(**CASES[name])
    shown = [
        (
            f.code,
            f.passed,
            f.severity.value,
            str(f.citation),
            f.message_id,
            f.message_en,
            dict(f.details),
        )
        for f in decision.findings
    ]
    assert shown == EXPECTED[name]


@pytest.mark.parametrize("name", list(ERROR_CASES))
def test_error_texts_are_pinned(name: str) -> None:
    kind, text = EXPECTED_ERRORS[name]
    error = RuleInputError if kind == "RuleInputError" else ValidationError
    with pytest.raises(error) as caught:
        classify(**ERROR_CASES[name])
    assert str(caught.value) == text
