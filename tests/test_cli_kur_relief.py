"""``koperasi-id kur simulate`` charges the instalments a borrower actually owed.

The pandemic interest relief of 2020–2022 applied to instalment periods of
old and new loans alike; ``KurLoan.schedule()`` and ``kur.schedule(...,
scheme=)`` apply it, and so does the command, unless ``--no-relief``. The
expected totals are the hand computation of ``test_kur_relief.py``
(Rp25 jt KUR Mikro, 7 %, 48 months, akad 15 Oct 2019), not the library's output.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from decimal import Decimal
from typing import Any

CliRun = Callable[..., subprocess.CompletedProcess[str]]

LOAN_2019 = (
    "kur", "simulate", "--plafond", "25000000", "--months", "48", "--akad", "2019-10-15",
    "--purpose", "investasi",
)  # fmt: skip


def _json(cli: CliRun, *extra: str) -> dict[str, Any]:
    result = cli(*LOAN_2019, "--format", "json", *extra)
    assert result.returncode == 0, result.stderr
    body: dict[str, Any] = json.loads(result.stdout)
    return body


def test_the_2019_loan_is_charged_the_relief_to_the_rupiah(cli: CliRun) -> None:
    body = _json(cli)
    rows = body["schedule"]["instalments"]
    # Hand computation: 702,598 + 154,721 + 968,997 = 1,826,316 due in 2019–2022;
    # 178,457 more in 2023; 2,004,773 over the whole loan.
    due_to_2022 = sum(Decimal(r["interest"]) for r in rows if r["due_date"] < "2023-01-01")
    assert due_to_2022 == Decimal(1_826_316)
    assert Decimal(body["schedule"]["total_interest"]) == Decimal(2_004_773)
    assert body["schedule"]["total_principal"] == "25000000"
    # Instalment 6 (due 15 Apr 2020) is the first at 1 %, 38 (15 Dec 2022) the last at 4 %.
    assert (rows[5]["payment"], rows[5]["interest"]) == ("537862", "18924")
    reliefs = body["relief"]
    assert [r["regime"] for r in reliefs] == [
        "relief-2020", "relief-2021-h1", "relief-2021-h2", "relief-2022-h1", "relief-2022-h2",
    ]  # fmt: skip
    assert reliefs[0]["periods"] == [6, 14]
    assert reliefs[0]["extra_subsidy"] == "6"
    assert reliefs[-1]["periods"] == [33, 38]
    assert "Permenko Perekonomian 6/2020" in reliefs[0]["citation"]


def test_no_relief_charges_the_agreed_7_percent_throughout(cli: CliRun) -> None:
    body = _json(cli, "--no-relief")
    assert body["relief"] == []
    # 48 annuity rows at 7 %: A = 598,656; total interest 3,735,493 (library doctest
    # of docs/rules/kur.md, the same loan with relief=False).
    assert Decimal(body["schedule"]["total_interest"]) == Decimal(3_735_493)
    assert {r["payment"] for r in body["schedule"]["instalments"][:-1]} == {"598656"}


def test_the_table_says_which_relief_was_applied_and_how_to_turn_it_off(cli: CliRun) -> None:
    result = cli(*LOAN_2019, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Pandemic interest relief applied: periods 6-14, 6 points off the rate" in result.stdout
    assert "Permenko Perekonomian 6/2020 jo. 8/2020 jo. 16/2020" in result.stdout
    assert "--no-relief" in result.stdout
    assert "Rp2.004.773" in result.stdout
    plain = cli(*LOAN_2019, "--lang", "en", "--no-relief")
    assert "relief applied" not in plain.stdout
    assert "Rp3.735.493" in plain.stdout


def test_indonesian_line_names_the_relief(cli: CliRun) -> None:
    result = cli(*LOAN_2019)
    assert "Keringanan bunga masa pandemi diterapkan: periode 6-14" in result.stdout


def test_the_last_relieved_instalment_is_due_on_the_last_day_of_2022(cli: CliRun) -> None:
    # Akad 30 Nov 2022 at 6 %: instalment 1 falls due 30 Dec 2022 (3 % off, 3 % charged),
    # instalment 2 on 30 Jan 2023 (relief over: 6 %).
    args = ("kur", "simulate", "--plafond", "12000000", "--months", "12",
            "--akad", "2022-11-30", "--format", "json")  # fmt: skip
    body = json.loads(cli(*args).stdout)
    assert [r["periods"] for r in body["relief"]] == [[1, 1]]
    rows = body["schedule"]["instalments"]
    # 12,000,000 · 0.03/12 = 30,000; then 11,000,000-odd · 0.06/12.
    assert rows[0]["interest"] == "30000"
    assert Decimal(rows[1]["interest"]) > Decimal(50_000)


def test_a_loan_outside_the_relief_is_unchanged(cli: CliRun) -> None:
    args = ("kur", "simulate", "--plafond", "50000000", "--months", "12",
            "--akad", "2024-05-01", "--format", "json")  # fmt: skip
    with_relief = json.loads(cli(*args).stdout)
    without = json.loads(cli(*args, "--no-relief").stdout)
    assert with_relief["relief"] == []
    assert with_relief["schedule"] == without["schedule"]


def test_a_rule_unknown_on_the_akad_date_is_a_warning_not_a_crash(cli: CliRun) -> None:
    body = _json(cli)
    by_code = {c["code"]: c for c in body["checks"]}
    # No collateral rule is encoded before 2020, no NPWP rule before 2022.
    assert by_code["kur.collateral"]["passed"] is False
    assert by_code["kur.collateral"]["severity"] == "warning"
    assert by_code["kur.npwp_required"]["severity"] == "warning"
    assert by_code["kur.tenor"]["passed"] is True
    assert "severity" not in by_code["kur.tenor"]
