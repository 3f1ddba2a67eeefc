"""``msme classify`` takes every figure, the purpose and the policy, as the library does."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from koperasi_id import msme
from koperasi_id.serialization import to_dict

Run = Callable[..., subprocess.CompletedProcess[str]]

BOTH = ("--capital", "800000000", "--annual-sales", "3000000000", "--as-of", "2024-05-01")


def test_every_figure_at_once_with_the_purpose_deciding(cli: Run) -> None:
    result = cli("msme", "classify", *BOTH, "--purpose", "pemberdayaan", "--lang", "en")
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert "Size:       kecil (Usaha Kecil)" in out
    assert "Criterion:  hasil_penjualan_tahunan (annual sales)" in out
    assert "Purpose:    pemberdayaan (Pemberian kemudahan, pelindungan, dan pemberdayaan)" in out
    assert (
        "Conflict:   yes (modal_usaha mikro, hasil_penjualan_tahunan kecil); "
        "policy menurut_tujuan" in out
    )
    assert "  - PP 7/2021 Pasal 35 ayat (4)" in out
    assert any(line.startswith("  [note] msme.size.conflict: ") for line in out)


def test_without_a_purpose_the_lower_class_and_a_policy_can_say_otherwise(cli: Run) -> None:
    lower = cli("msme", "classify", *BOTH, "--lang", "en").stdout
    assert "Size:       mikro (Usaha Mikro)" in lower
    higher = cli("msme", "classify", *BOTH, "--policy", "lebih_tinggi", "--lang", "en").stdout
    assert "Size:       kecil (Usaha Kecil)" in higher
    assert "policy lebih_tinggi" in higher


def test_json_is_the_library_decision(cli: Run) -> None:
    result = cli("msme", "classify", *BOTH, "--purpose", "pendaftaran", "--json")
    expected = msme.classify(
        as_of=date(2024, 5, 1),
        capital=Decimal(800_000_000),
        annual_sales=Decimal(3_000_000_000),
        purpose=msme.Purpose.REGISTRATION,
    )
    assert json.loads(result.stdout) == to_dict(expected)


def test_workers_add_the_statistical_class_not_the_legal_size(cli: Run) -> None:
    text = cli("msme", "classify", "--capital", "1", "--as-of", "2024-05-01", "--workers", "5")
    assert "Tenaga kerja: 5 orang: kecil (statistik BPS, bukan ukuran menurut hukum)" in text.stdout
    assert "Ukuran:       mikro (Usaha Mikro)" in text.stdout
    body = json.loads(
        cli(
            "msme", "classify", "--capital", "1", "--as-of", "2024-05-01", "--workers", "4",
            "--json",
        ).stdout
    )  # fmt: skip
    assert body["outcome"] == "mikro"
    assert body["workforce"]["outcome"] == "mikro"
    assert body["workforce"]["workers"] == 4


def test_no_figure_is_a_usage_error(cli: Run) -> None:
    result = cli("msme", "classify", "--as-of", "2024-05-01", "--workers", "3", "--lang", "en")
    assert result.returncode == 2
    assert "give at least one of --capital, --net-assets, --annual-sales" in result.stderr


def test_a_purpose_that_needs_a_missing_figure_says_which(cli: Run) -> None:
    # Support programmes decide by sales for a business started before 2021-02-02.
    result = cli(
        "msme", "classify", "--capital", "500000000", "--as-of", "2024-05-01",
        "--purpose", "pemberdayaan", "--started-on", "2019-01-01",
    )  # fmt: skip
    assert result.returncode == 2
    assert "annual_sales=" in result.stderr
