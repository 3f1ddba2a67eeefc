"""The rule pages' tables say what the library answers.

Each table is read from its page and every cell compared with the public
functions on the first and last day of the column's span: a value changed on
one side only (the code or the page) fails here. The spans are the column
headings, turned into days by hand below; the values come from the pages.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from koperasi_id import bpum
from koperasi_id.cooperatives import (
    CooperativeForm,
    MembershipArea,
    check_startup_capital,
)
from koperasi_id.errors import NoRuleInForceError
from koperasi_id.kur import Scheme, plafond_band, rate, subsidy, total_rate
from koperasi_id.msme import BusinessSize, classify

ROOT = Path(__file__).resolve().parents[1]
D = Decimal
_JT = 1_000_000


def _table(page: str, header_start: str) -> list[list[str]]:
    """The body rows of the table whose header line starts with ``header_start``."""
    lines = (ROOT / "docs" / "rules" / page).read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    assert rows, (page, header_start)
    return rows


def _rupiah(text: str) -> Decimal:
    """'≤ Rp50.000.000' -> 50000000."""
    found = re.search(r"Rp([0-9.]+)", text)
    assert found, text
    return D(found.group(1).replace(".", ""))


# ---------------------------------------------------------------- msme.md


MSME_COLUMNS = [
    # (column, as_of days, figure keyword)
    (1, (date(2008, 7, 4), date(2021, 2, 1)), "net_assets"),
    (2, (date(2008, 7, 4), date(2021, 2, 1)), "annual_sales"),
    (3, (date(2021, 2, 2), date(2030, 1, 1)), "capital"),
    (4, (date(2021, 2, 2), date(2030, 1, 1)), "annual_sales"),
]


@pytest.mark.parametrize(("column", "days", "figure"), MSME_COLUMNS)
def test_msme_size_table(column: int, days: tuple[date, date], figure: str) -> None:
    rows = {row[0].strip("`"): row for row in _table("msme.md", "| Class (`BusinessSize`)")}
    order = ["mikro", "kecil", "menengah"]
    for day in days:
        for size, above in zip(order, [*order[1:], "besar"], strict=True):
            ceiling = _rupiah(rows[size][column])
            assert classify(as_of=day, **{figure: ceiling}).size is BusinessSize(size)
            assert classify(as_of=day, **{figure: ceiling + 1}).size is BusinessSize(above)
    in_force = rows["**In force**"][column]
    first = date.fromisoformat(re.findall(r"\d{4}-\d{2}-\d{2}", in_force)[0])
    assert first == days[0]
    if figure != "capital" and first == date(2008, 7, 4):
        # UU 20/2008 is the first regime: the day before it has no rule.
        with pytest.raises(NoRuleInForceError) as info:
            classify(as_of=date(2008, 7, 3), **{figure: D(1)})
        assert info.value.table == "msme.size_criteria"


# ---------------------------------------------------------------- cooperatives.md


def test_ksp_startup_capital_table() -> None:
    rows = _table("cooperatives.md", "| start-up capital")
    forms = {
        "primary KSP/KSPPS": CooperativeForm.PRIMARY,
        "secondary KSP/KSPPS": CooperativeForm.SECONDARY,
    }
    areas = [
        MembershipArea.WITHIN_REGENCY,
        MembershipArea.ACROSS_REGENCIES,
        MembershipArea.ACROSS_PROVINCES,
    ]
    assert {row[0] for row in rows} == set(forms)
    for row in rows:
        for area, cell in zip(areas, row[1:], strict=True):
            minimum = _rupiah(cell)
            for day in (date(2023, 6, 1), date(2026, 12, 31)):
                ok = check_startup_capital(
                    form=forms[row[0]], membership_area=area, capital=minimum, as_of=day
                )
                short = check_startup_capital(
                    form=forms[row[0]], membership_area=area, capital=minimum - 1, as_of=day
                )
                assert ok.outcome, (row[0], area, day)
                assert not short.outcome, (row[0], area, day)


# ---------------------------------------------------------------- bpum.md


def test_bpum_programme_table() -> None:
    rows = _table("bpum.md", "| Budget year")
    assert [int(row[0]) for row in rows] == list(bpum.programme_years())
    for row in rows:
        year = int(row[0])
        assert bpum.amount(year) == _rupiah(row[2])
        target = D(row[3].split()[0].replace(".", ""))
        budget = D(row[4].removeprefix("Rp").removesuffix(" T").replace(",", "."))
        assert bpum.amount(year) * target == budget * 10**12


# ---------------------------------------------------------------- kur.md: schemes by year

#: The columns of "Schemes by year": first and last akad day of each.
KUR_BAND_SPANS = [
    (date(2015, 7, 1), date(2019, 12, 31)),
    (date(2020, 1, 1), date(2020, 8, 30)),
    (date(2020, 8, 31), date(2021, 12, 31)),
    (date(2022, 1, 1), date(2025, 12, 31)),
    (date(2026, 1, 1), date(2026, 12, 31)),
]


def _band(cell: str) -> tuple[Decimal, Decimal] | None:
    """'> Rp10 jt – Rp100 jt' -> (10 jt, 100 jt); '≤ Rp25 jt' -> (0, 25 jt); '–' -> None."""
    if cell.startswith("–"):
        return None
    numbers = [D(n) * _JT for n in re.findall(r"Rp(\d+) jt", cell)]
    if cell.startswith(">"):
        return numbers[0], numbers[1]
    return D(0), numbers[0]


def test_kur_schemes_by_year_table() -> None:
    rows = _table("kur.md", "| Scheme (`Scheme`)")
    for row in rows:
        scheme = Scheme(row[0].split("`")[1])
        for (first, last), cell in zip(KUR_BAND_SPANS, row[1:], strict=True):
            expected = _band(cell)
            days = [first, last]
            if "from 2018" in cell:  # KUR khusus: from 2018 only
                days = [date(2018, 1, 1), last]
                with pytest.raises(NoRuleInForceError) as info:
                    plafond_band(scheme, as_of=date(2017, 12, 31))
                assert info.value.table == f"kur.ceiling[{scheme.value}]"
            for day in days:
                if expected is None:
                    with pytest.raises(NoRuleInForceError) as info:
                        plafond_band(scheme, as_of=day)
                    assert info.value.table in ("kur.ceiling", f"kur.ceiling[{scheme.value}]")
                    continue
                band = plafond_band(scheme, as_of=day)
                assert (band.floor, band.ceiling) == expected, (scheme, day, cell)


# ---------------------------------------------------------------- kur.md: borrower rate

KUR_RATE_SPANS = [
    (date(2015, 7, 1), date(2015, 12, 31)),
    (date(2016, 1, 1), date(2017, 12, 31)),
    (date(2018, 1, 1), date(2019, 12, 31)),
    (date(2020, 1, 1), date(2022, 12, 31)),
    (date(2023, 1, 1), date(2025, 12, 31)),
    (date(2026, 1, 1), date(2026, 12, 31)),
]


def test_kur_borrower_rate_table() -> None:
    rows = _table("kur.md", "| Scheme | 1 Jul – 31 Dec 2015")
    for row in rows:
        schemes = [Scheme(name) for name in re.findall(r"`([a-z_]+)`", row[0])]
        for (start, last), cell in zip(KUR_RATE_SPANS, row[1:], strict=True):
            first = date(2020, 8, 31) if "from 31 Aug 2020" in cell else start
            for scheme in schemes:
                for day in (first, last):
                    if cell.startswith("–"):
                        with pytest.raises(NoRuleInForceError) as info:
                            rate(scheme, as_of=day)
                        assert info.value.table in ("kur.rate", f"kur.rate[{scheme.value}]")
                        continue
                    tiers = [
                        D(n) for n in re.findall(r"\d+", cell.split(" for ")[0].split(" (")[0])
                    ]
                    answers = [rate(scheme, as_of=day, access=k) for k in range(1, len(tiers) + 1)]
                    assert answers == tiers, (scheme, day, cell)


# ---------------------------------------------------------------- kur.md: regular subsidy

#: The rows of the pre-KMK 317/2023 subsidy table: first and last akad day.
KUR_SUBSIDY_SPANS = {
    "1 Jul – 31 Dec 2015": (date(2015, 7, 1), date(2015, 12, 31)),
    "2016": (date(2016, 1, 1), date(2016, 12, 31)),
    "2017": (date(2017, 1, 1), date(2017, 12, 31)),
    "2018–2019": (date(2018, 1, 1), date(2019, 12, 31)),
    "2020 – 2021": (date(2020, 1, 1), date(2021, 12, 31)),
    "2022": (date(2022, 1, 1), date(2022, 12, 31)),
    "1 – 26 Jan 2023": (date(2023, 1, 1), date(2023, 1, 26)),
}


def test_kur_regular_subsidy_table() -> None:
    rows = _table("kur.md", "| Akad | Regime | mikro")
    assert [row[0] for row in rows] == list(KUR_SUBSIDY_SPANS)
    schemes = [Scheme.MICRO, Scheme.SMALL, Scheme.MIGRANT_WORKER, Scheme.SUPER_MICRO]
    for row in rows:
        first, last = KUR_SUBSIDY_SPANS[row[0]]
        for scheme, cell in zip(schemes, row[2:6], strict=True):
            days = [first, last]
            if "from 31 Aug 2020" in cell:
                days = [date(2020, 8, 31), last]
                with pytest.raises(NoRuleInForceError) as info:
                    subsidy(scheme, as_of=date(2020, 8, 30))
                assert info.value.table == f"kur.subsidy[{scheme.value}]"
            found = re.match(r"([\d.]+) \((?:total )?([\d.]+)\)", cell)
            for day in days:
                if found is None:  # "–", "not found (no rule)"
                    with pytest.raises(NoRuleInForceError) as info:
                        subsidy(scheme, as_of=day)
                    assert info.value.table in ("kur.subsidy", f"kur.subsidy[{scheme.value}]")
                    continue
                assert subsidy(scheme, as_of=day) == D(found.group(1)), (scheme, day, cell)
                assert total_rate(scheme, as_of=day) == D(found.group(2)), (scheme, day, cell)
