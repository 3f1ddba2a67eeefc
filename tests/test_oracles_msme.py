"""Independent oracles for the MSME size criteria (UU 20/2008 Pasal 6, PP 7/2021 Pasal 35).

Every expected value below is typed by hand from the regulation text, with the
article on the row. Nothing here reads the library's own tables, regimes or
strategies (``SIZE_CRITERIA``, ``BPS_WORKFORCE_BANDS``, ``koperasi_id.strategies``):
change a legal number in ``src/`` and a row of this file fails.
``scripts/mutate_law.py`` proves it for every literal of the criteria module.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from koperasi_id.errors import NoRuleInForceError, RuleInputError
from koperasi_id.msme import (
    KUR_2026_OMZET,
    BusinessSize,
    Purpose,
    classify,
    classify_workforce,
    is_umk_for_oss,
    oss_scale,
)

MICRO, SMALL, MEDIUM, LARGE = (
    BusinessSize.MICRO,
    BusinessSize.SMALL,
    BusinessSize.MEDIUM,
    BusinessSize.LARGE,
)
JUTA = 1_000_000
MILIAR = 1_000_000_000

UU_NET_ASSETS = "UU 20/2008 Pasal 6 ayat (1)-(3) huruf a"
UU_SALES = "UU 20/2008 Pasal 6 ayat (1)-(3) huruf b"
PP_CAPITAL = "PP 7/2021 Pasal 35 ayat (3)"
PP_SALES = "PP 7/2021 Pasal 35 ayat (5)"

# (as_of, criterion, amount, expected, citation): each ceiling, the rupiah above it,
# and the day before / first day of PP 7/2021 (enacted and in force 2 Feb 2021).
SIZE_ORACLE: list[tuple[date, str, int, BusinessSize, str]] = [
    # UU 20/2008 Pasal 6: net assets (kekayaan bersih) "paling banyak Rp50.000.000",
    # "lebih dari Rp50.000.000 sampai dengan paling banyak Rp500.000.000",
    # "lebih dari Rp500.000.000 sampai dengan paling banyak Rp10.000.000.000".
    (date(2008, 7, 4), "net_assets", 50 * JUTA, MICRO, UU_NET_ASSETS),
    (date(2015, 1, 1), "net_assets", 50 * JUTA, MICRO, UU_NET_ASSETS),
    (date(2015, 1, 1), "net_assets", 50 * JUTA + 1, SMALL, UU_NET_ASSETS),
    (date(2015, 1, 1), "net_assets", 500 * JUTA, SMALL, UU_NET_ASSETS),
    (date(2015, 1, 1), "net_assets", 500 * JUTA + 1, MEDIUM, UU_NET_ASSETS),
    (date(2021, 2, 1), "net_assets", 10 * MILIAR, MEDIUM, UU_NET_ASSETS),
    (date(2021, 2, 1), "net_assets", 10 * MILIAR + 1, LARGE, UU_NET_ASSETS),
    # UU 20/2008 Pasal 6: annual sales up to Rp300.000.000 / Rp2.500.000.000 /
    # Rp50.000.000.000.
    (date(2008, 7, 4), "annual_sales", 300 * JUTA, MICRO, UU_SALES),
    (date(2015, 1, 1), "annual_sales", 300 * JUTA + 1, SMALL, UU_SALES),
    (date(2015, 1, 1), "annual_sales", 2_500 * JUTA, SMALL, UU_SALES),
    (date(2015, 1, 1), "annual_sales", 2_500 * JUTA + 1, MEDIUM, UU_SALES),
    (date(2021, 2, 1), "annual_sales", 50 * MILIAR, MEDIUM, UU_SALES),
    (date(2021, 2, 1), "annual_sales", 50 * MILIAR + 1, LARGE, UU_SALES),
    # PP 7/2021 Pasal 35 ayat (3): modal usaha up to Rp1.000.000.000 / Rp5.000.000.000 /
    # Rp10.000.000.000, excluding land and buildings.
    (date(2021, 2, 2), "capital", 1 * MILIAR, MICRO, PP_CAPITAL),
    (date(2021, 2, 2), "capital", 1 * MILIAR + 1, SMALL, PP_CAPITAL),
    (date(2024, 5, 1), "capital", 5 * MILIAR, SMALL, PP_CAPITAL),
    (date(2024, 5, 1), "capital", 5 * MILIAR + 1, MEDIUM, PP_CAPITAL),
    (date(2024, 5, 1), "capital", 10 * MILIAR, MEDIUM, PP_CAPITAL),
    (date(2024, 5, 1), "capital", 10 * MILIAR + 1, LARGE, PP_CAPITAL),
    # PP 7/2021 Pasal 35 ayat (5): annual sales up to Rp2.000.000.000 /
    # Rp15.000.000.000 / Rp50.000.000.000.
    (date(2021, 2, 2), "annual_sales", 2 * MILIAR, MICRO, PP_SALES),
    (date(2021, 2, 2), "annual_sales", 2 * MILIAR + 1, SMALL, PP_SALES),
    (date(2024, 5, 1), "annual_sales", 15 * MILIAR, SMALL, PP_SALES),
    (date(2024, 5, 1), "annual_sales", 15 * MILIAR + 1, MEDIUM, PP_SALES),
    (date(2024, 5, 1), "annual_sales", 50 * MILIAR, MEDIUM, PP_SALES),
    (date(2024, 5, 1), "annual_sales", 50 * MILIAR + 1, LARGE, PP_SALES),
    # The regime switch: Rp2 M of sales is small under UU 20/2008 the day before
    # PP 7/2021 and micro from its first day.
    (date(2021, 2, 1), "annual_sales", 2 * MILIAR, SMALL, UU_SALES),
    (date(2021, 2, 2), "annual_sales", 2 * MILIAR, MICRO, PP_SALES),
]


@pytest.mark.parametrize(("as_of", "criterion", "amount", "expected", "citation"), SIZE_ORACLE)
def test_size_oracle(
    as_of: date, criterion: str, amount: int, expected: BusinessSize, citation: str
) -> None:
    decision = classify(as_of=as_of, **{criterion: Decimal(amount)})
    assert decision.size is expected
    # The rule names the instrument the row was typed from.
    assert citation.split(" Pasal", maxsplit=1)[0] in str(decision.regime.citation)


def test_capital_is_no_criterion_before_pp_7_2021() -> None:
    # UU 20/2008 Pasal 6 knows net assets and sales only; modal usaha arrives with
    # PP 7/2021 Pasal 35 ayat (1) on 2 Feb 2021.
    with pytest.raises(RuleInputError) as caught:
        classify(as_of=date(2021, 2, 1), capital=Decimal(1))
    assert "2021-02-02" in str(caught.value)
    assert classify(as_of=date(2021, 2, 2), capital=Decimal(1)).size is MICRO


def test_net_assets_is_no_criterion_from_pp_7_2021() -> None:
    # PP 7/2021 Pasal 35 ayat (1): "modal usaha atau hasil penjualan tahunan".
    assert classify(as_of=date(2021, 2, 1), net_assets=Decimal(1)).size is MICRO
    with pytest.raises(
        RuleInputError,
        match=r"^net assets \(kekayaan_bersih\) is not a criterion of PP 7/2021 Pasal 35, ",
    ):
        classify(as_of=date(2021, 2, 2), net_assets=Decimal(1))


def test_pasal_35_ayat_6_sales_decide_for_businesses_older_than_the_pp() -> None:
    # PP 7/2021 Pasal 35 ayat (4) and (6): for support (kemudahan, pelindungan,
    # pemberdayaan) sales decide; Rp3 M of sales is small (ayat (5)) although Rp800 jt
    # of capital is micro (ayat (3)).
    decision = classify(
        as_of=date(2024, 5, 1),
        capital=Decimal(800 * JUTA),
        annual_sales=Decimal(3 * MILIAR),
        purpose=Purpose.SUPPORT,
        started_on=date(2021, 2, 1),
    )
    assert decision.size is SMALL
    # Registration (ayat (2)) decides by capital.
    decision = classify(
        as_of=date(2024, 5, 1),
        capital=Decimal(800 * JUTA),
        annual_sales=Decimal(3 * MILIAR),
        purpose=Purpose.REGISTRATION,
    )
    assert decision.size is MICRO


def oracle_size(as_of: date, criterion: str, amount: Decimal) -> BusinessSize:
    """The class typed from the regulation text, for property tests to compare with."""
    if as_of < date(2021, 2, 2):
        ceilings = {
            "net_assets": (50 * JUTA, 500 * JUTA, 10 * MILIAR),  # UU 20/2008 Pasal 6 huruf a
            "annual_sales": (300 * JUTA, 2_500 * JUTA, 50 * MILIAR),  # Pasal 6 huruf b
        }[criterion]
    else:
        ceilings = {
            "capital": (1 * MILIAR, 5 * MILIAR, 10 * MILIAR),  # PP 7/2021 Pasal 35 ayat (3)
            "annual_sales": (2 * MILIAR, 15 * MILIAR, 50 * MILIAR),  # Pasal 35 ayat (5)
        }[criterion]
    for size, ceiling in zip((MICRO, SMALL, MEDIUM), ceilings, strict=True):
        if amount <= ceiling:
            return size
    return LARGE


def test_oracle_function_agrees_with_its_own_table() -> None:
    for as_of, criterion, amount, expected, _ in SIZE_ORACLE:
        assert oracle_size(as_of, criterion, Decimal(amount)) is expected


# BPS, "konsep Industri Mikro dan Kecil": 1-4 people micro, 5-19 small,
# 20-99 medium (sedang), 100 or more large. A statistical class, not a legal one.
@pytest.mark.parametrize(
    ("workers", "expected"),
    [(1, "mikro"), (4, "mikro"), (5, "kecil"), (19, "kecil"), (20, "sedang"),
     (99, "sedang"), (100, "besar")],
)  # fmt: skip
def test_bps_workforce_oracle(workers: int, expected: str) -> None:
    decision = classify_workforce(workers)
    assert decision.workforce_class.value == expected
    assert not decision.legal


def test_oss_scale_umk_ceiling_and_licensing_regimes() -> None:
    # R-OSS-1: OSS records UMK for capital up to and including Rp5.000.000.000
    # (PP 7/2021 Pasal 35 ayat (3), applied by PP 5/2021 on risk-based licensing).
    # PP 28/2025 replaced PP 5/2021 on 5 June 2025; PP 5/2021 (with PP 7/2021) from
    # 2 February 2021.
    assert is_umk_for_oss(5 * MILIAR, as_of=date(2024, 5, 1)) is True
    assert is_umk_for_oss(5 * MILIAR + 1, as_of=date(2024, 5, 1)) is False
    last_day = oss_scale(Decimal(5 * MILIAR), as_of=date(2025, 6, 4))
    first_day = oss_scale(Decimal(5 * MILIAR), as_of=date(2025, 6, 5))
    assert last_day.regimes[-1].citation.instrument == "PP 5/2021"
    assert first_day.regimes[-1].citation.instrument == "PP 28/2025"
    assert oss_scale(Decimal(1), as_of=date(2021, 2, 2)).is_umk is True
    with pytest.raises(NoRuleInForceError) as caught:
        oss_scale(Decimal(1), as_of=date(2021, 2, 1))
    assert caught.value.table == "msme.oss_scale"


def test_kur_2026_omzet_ceiling() -> None:
    # Permenko Perekonomian 1/2026 Pasal 3 ayat (3): micro and small for KUR means
    # omzet of at most Rp4.800.000.000; the policy applies from 1 January 2026.
    assert KUR_2026_OMZET.check(Decimal(4_800 * JUTA), as_of=date(2026, 1, 1)).outcome is True
    assert KUR_2026_OMZET.check(Decimal(4_800 * JUTA + 1), as_of=date(2026, 1, 1)).outcome is False
    with pytest.raises(NoRuleInForceError) as caught:
        KUR_2026_OMZET.check(Decimal(1), as_of=date(2025, 12, 31))
    assert caught.value.table == "msme.sector.kur_omzet"
