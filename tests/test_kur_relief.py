"""The pandemic interest relief of 2020–2022 and the instalments actually owed.

Windows and amounts (typed here, not read from the library's tables):

- 2020: extra subsidy 6 points from 1 Apr 2020 (Permenko Perekonomian 6/2020
  Pasal 6 ayat (1) huruf a, quoted by kontan) to 31 Dec 2020 (Permenko 16/2020;
  liputan6 and DDTC, 13 Aug 2020); collectibility 1 or 2; akad until 31 Dec 2020.
- 2021: 3 points Jan–Jun (Menko Perekonomian, 29 Dec 2020: tribunnews, jpnn) and
  1 Jul – 31 Dec 2021 (bisnis.com 5 May 2021).
- 2022: 3 points to 30 Jun 2022 (voi.id 8 Mar 2022), extended Jul–Dec 2022
  (bisnis.com and suaramerdeka 7 Mar 2022; tempo 13 Jul 2022).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import Nik
from koperasi_id.kur import (
    Collectibility,
    KurLoan,
    KurRules,
    Method,
    PandemicRelief,
    Purpose,
    ReliefBasis,
    Scheme,
    borrower_rate,
    rate,
    rate_components,
    relief_regime,
    schedule,
)

D = Decimal
MICRO = Scheme.MICRO
AKAD_2020 = date(2020, 2, 10)  # a 6 % KUR Mikro signed before the relief


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (date(2020, 3, 31), D(6)),  # day before Permenko 6/2020's window
        (date(2020, 4, 1), D(0)),  # first day: 6 − 6
        (date(2020, 12, 31), D(0)),  # last day of the 2020 relief
        (date(2021, 1, 1), D(3)),  # 2021: 6 − 3
        (date(2021, 6, 30), D(3)),
        (date(2021, 7, 1), D(3)),  # second 2021 decision
        (date(2022, 6, 30), D(3)),
        (date(2022, 7, 1), D(3)),  # extension to Dec 2022
        (date(2022, 12, 31), D(3)),
        (date(2023, 1, 1), D(6)),  # back to the agreed rate
    ],
)
def test_borrower_rate_at_every_relief_edge(due: date, expected: Decimal) -> None:
    start = date(due.year - (due.month == 1), (due.month - 2) % 12 + 1, 1)
    got = borrower_rate(MICRO, akad_date=AKAD_2020, period_start=start, due_date=due)
    assert got == expected
    # kur.rate stays the akad-date scheme rate whatever the period.
    assert rate(MICRO, as_of=AKAD_2020) == D(6)


def test_a_2019_loan_gets_the_extra_points_off_its_7_percent() -> None:
    akad = date(2019, 10, 15)
    assert borrower_rate(MICRO, akad_date=akad, period_start=date(2020, 3, 15)) == D(1)
    assert borrower_rate(MICRO, akad_date=akad, period_start=date(2021, 3, 15)) == D(4)
    assert borrower_rate(MICRO, akad_date=akad, period_start=date(2023, 3, 15)) == D(7)


def test_relief_never_takes_the_rate_below_zero() -> None:
    got = borrower_rate(MICRO, akad_date=AKAD_2020, period_start=date(2020, 5, 1), agreed_rate=D(3))
    assert got == D(0)


@pytest.mark.parametrize(
    ("grade", "relieved"),
    [
        (Collectibility.CURRENT, True),
        (Collectibility.SPECIAL_MENTION, True),
        (Collectibility.SUBSTANDARD, False),
        (Collectibility.LOSS, False),
    ],
)
def test_only_collectibility_1_and_2_get_the_relief(grade: Collectibility, relieved: bool) -> None:
    got = borrower_rate(
        MICRO, akad_date=AKAD_2020, period_start=date(2020, 6, 10), collectibility=grade
    )
    assert got == (D(0) if relieved else D(6))


def test_relief_conditions_are_explicit_parameters() -> None:
    relief = PandemicRelief(extra_subsidy=D(6), akad_until=date(2020, 12, 31))
    assert relief.covers(MICRO, date(2020, 12, 31), Collectibility.CURRENT)
    assert not relief.covers(MICRO, date(2021, 1, 1), Collectibility.CURRENT)
    small_only = PandemicRelief(extra_subsidy=D(3), schemes=frozenset({Scheme.SMALL}))
    assert not small_only.covers(MICRO, date(2020, 1, 1), Collectibility.CURRENT)


@pytest.mark.parametrize(
    ("basis", "start", "due", "expected"),
    [
        # Period straddling 1 Apr 2020: due inside the window, started before it.
        (ReliefBasis.DUE_DATE, date(2020, 3, 15), date(2020, 4, 15), D(0)),
        (ReliefBasis.PERIOD_START, date(2020, 3, 15), date(2020, 4, 15), D(6)),
        # Period straddling 1 Jan 2021: 2020 relief by start, 2021 relief by due date.
        (ReliefBasis.DUE_DATE, date(2020, 12, 15), date(2021, 1, 15), D(3)),
        (ReliefBasis.PERIOD_START, date(2020, 12, 15), date(2021, 1, 15), D(0)),
        # Period straddling 1 Jan 2023: the last relief period only by its start.
        (ReliefBasis.DUE_DATE, date(2022, 12, 15), date(2023, 1, 15), D(6)),
        (ReliefBasis.PERIOD_START, date(2022, 12, 15), date(2023, 1, 15), D(3)),
    ],
)
def test_which_day_decides_is_a_parameter(
    basis: ReliefBasis, start: date, due: date, expected: Decimal
) -> None:
    rules = KurRules.build(relief_basis=basis)
    got = borrower_rate(
        MICRO, akad_date=date(2020, 2, 15), period_start=start, due_date=due, rules=rules
    )
    assert got == expected


def test_relief_basis_must_be_the_enum() -> None:
    with pytest.raises(ValueError, match="relief_basis"):
        KurRules.build(relief_basis="tanggal_jatuh_tempo")  # type: ignore[arg-type]


def test_period_must_end_after_it_starts() -> None:
    with pytest.raises(ValidationError) as err:
        borrower_rate(
            MICRO, akad_date=AKAD_2020, period_start=date(2020, 5, 1), due_date=date(2020, 5, 1)
        )
    assert err.value.codes == ("kur.period_order",)


def test_rate_components_show_the_relief_as_its_own_part() -> None:
    # Mikro 2020: total 16.5 = borrower 0 + relief 6 + regular 10.5 (liputan6 21 Jan 2020).
    c = rate_components(MICRO, akad_date=AKAD_2020, period_start=date(2020, 9, 10))
    assert (c.scheme_rate, c.borrower_rate, c.relief_subsidy, c.regular_subsidy) == (
        D(6),
        D(0),
        D(6),
        D("10.5"),
    )
    assert c.total_rate == D("16.5")
    assert c.relief is not None
    assert c.relief.citation.instrument.startswith("Permenko Perekonomian 6/2020")
    # 2022: borrower 3 + relief 3 + regular 10 = 16 (regular cut by 0.5 for 2022,
    # kompas via kontan 30 Dec 2021).
    later = rate_components(MICRO, akad_date=date(2022, 3, 1), period_start=date(2022, 8, 1))
    assert (later.borrower_rate, later.relief_subsidy, later.regular_subsidy) == (
        D(3),
        D(3),
        D(10),
    )
    assert later.total_rate == D(16)
    none = rate_components(MICRO, akad_date=AKAD_2020, period_start=date(2020, 2, 10))
    assert none.relief is None
    assert none.relief_subsidy == D(0)


def test_relief_regime_names_the_decision() -> None:
    found = relief_regime(MICRO, akad_date=AKAD_2020, period_start=date(2022, 7, 10))
    assert found is not None
    assert found.name == "relief-2022-h2"
    assert relief_regime(MICRO, akad_date=AKAD_2020, period_start=date(2023, 2, 10)) is None


# --- the instalments actually owed ----------------------------------------------------


def _loan_2019(**changes: object) -> KurLoan:
    base: dict[str, object] = {
        "borrower_nik": Nik.parse("1871010101900001"),
        "scheme": MICRO,
        "purpose": Purpose.INVESTMENT,
        "plafond": D(25_000_000),
        "annual_rate": D(7),
        "tenor_months": 48,
        "akad_date": date(2019, 10, 15),
    }
    base.update(changes)
    return KurLoan(**base)  # type: ignore[arg-type]


def test_2019_mikro_loan_over_2019_2022_to_the_rupiah() -> None:
    """A Rp25 jt KUR Mikro (investment) at 7 %, 48 months, akad 15 Oct 2019.

    Hand computation (annuity, r = annual / 12, each row rounded half up to the
    rupiah; the relief applies by due date; at every rate change the balance
    left is re-amortised over the months left: A = B·r / (1 − (1 + r)^−n)):

    1. Due 15 Nov 2019 – 15 Mar 2020, 7 % (Permenko 11/2017 jo. 6/2019), 5 rows:
       A = 25,000,000 · 0.07/12 / (1 − (1 + 0.07/12)^−48) = 598,656.12 → 598,656.
       Row 1: interest 25,000,000 · 0.07/12 = 145,833.33 → 145,833;
       principal 452,823; balance 24,547,177. ... Row 5 leaves 22,709,318.
       Interest in the segment: 702,598.
    2. Due 15 Apr – 15 Dec 2020, 1 % (7 − 6, relief 2020), 9 rows, 43 months left:
       A = 22,709,318 · 0.01/12 / (1 − (1 + 0.01/12)^−43) = 537,862.40 → 537,862.
       Row 6: interest 22,709,318 · 0.01/12 = 18,924.43 → 18,924. Balance after
       row 14: 18,023,281. Interest in the segment: 154,721.
    3. Due 15 Jan 2021 – 15 Dec 2022, 4 % (7 − 3, relief 2021–2022), 24 rows,
       34 months left: A = 18,023,281 · 0.04/12 / (1 − (1 + 0.04/12)^−34)
       = 561,584.64 → 561,585. Row 15 interest 60,078. Balance after row 38:
       5,514,238. Interest in the segment: 968,997.
    4. Due 15 Jan – 15 Oct 2023, back to 7 %, 10 rows: A = 5,514,238 · 0.07/12 /
       (1 − (1 + 0.07/12)^−10) = 569,269.66 → 569,270; row 39 interest 32,166;
       the last row takes the 565,964 left. Interest in the segment: 178,457.

    Interest due in 2019–2022 (rows 1–38): 702,598 + 154,721 + 968,997 = 1,826,316.
    Whole loan: 1,826,316 + 178,457 = 2,004,773.
    """
    s = _loan_2019().schedule()
    rows = s.instalments
    assert len(rows) == 48
    assert [s.period_rates[k] for k in (0, 4, 5, 13, 14, 37, 38, 47)] == [
        D(7), D(7), D(1), D(1), D(4), D(4), D(7), D(7),
    ]  # fmt: skip
    assert (rows[0].interest, rows[0].principal, rows[0].balance) == (
        D(145_833),
        D(452_823),
        D(24_547_177),
    )
    assert rows[4].balance == D(22_709_318)
    assert (rows[5].payment, rows[5].interest) == (D(537_862), D(18_924))
    assert rows[13].balance == D(18_023_281)
    assert (rows[14].payment, rows[14].interest) == (D(561_585), D(60_078))
    assert rows[37].balance == D(5_514_238)
    assert (rows[38].payment, rows[38].interest) == (D(569_270), D(32_166))
    assert (rows[47].principal, rows[47].balance) == (D(565_964), D(0))

    def interest(first: int, last: int) -> Decimal:
        return sum((r.interest for r in rows[first - 1 : last]), D(0))

    assert interest(1, 5) == D(702_598)
    assert interest(6, 14) == D(154_721)
    assert interest(15, 38) == D(968_997)
    assert interest(39, 48) == D(178_457)
    assert sum((r.interest for r in rows if r.due_date.year <= 2022), D(0)) == D(1_826_316)
    assert s.total_interest == D(2_004_773)
    assert s.total_principal == D(25_000_000)


def test_relief_false_is_the_agreed_rate_throughout() -> None:
    loan = _loan_2019()
    plain = loan.schedule(relief=False)
    assert set(plain.period_rates) == {D(7)}
    # Same as the plain annuity: 25 jt at 7 % over 48 months.
    assert plain.instalments[0].payment == D(598_656)
    assert plain.total_interest > loan.schedule().total_interest


def test_a_debtor_in_collectibility_3_owed_the_agreed_rate() -> None:
    loan = _loan_2019()
    assert loan.schedule(collectibility=Collectibility.SUBSTANDARD) == loan.schedule(relief=False)


def test_module_schedule_needs_the_akad_date_for_relief() -> None:
    with pytest.raises(ValidationError) as err:
        schedule(D(10_000_000), D(6), 12, first_due=date(2020, 3, 1), scheme=MICRO)
    assert err.value.codes == ("kur.akad_required",)
    with_akad = schedule(
        D(10_000_000),
        D(6),
        12,
        first_due=date(2020, 3, 1),
        scheme=MICRO,
        akad_date=date(2020, 2, 1),
    )
    # Due 1 Mar 2020 at 6 %, then 0 % from the instalment due 1 Apr 2020.
    assert with_akad.period_rates[:3] == (D(6), D(0), D(0))


def test_flat_and_bullet_charge_the_relief_month_by_month() -> None:
    flat = schedule(
        D(12_000_000), D(6), 12, start=date(2020, 1, 10), scheme=MICRO, method=Method.FLAT
    )
    # 12,000,000 · 0.06/12 = 60,000 a month at 6 %; nothing while relieved.
    assert [r.interest for r in flat.instalments[:4]] == [D(60_000), D(60_000), D(0), D(0)]
    bullet = schedule(
        D(10_000_000),
        D(6),
        12,
        start=date(2020, 9, 10),
        scheme=Scheme.SUPER_MICRO,
        method=Method.BULLET,
    )
    # Months due Oct–Dec 2020 at 0 %, Jan–Sep 2021 at 3 %: 10,000,000 · 0.03/12 · 9.
    assert bullet.instalments[0].interest == D(225_000)
    assert bullet.period_rates == (D(0),) * 3 + (D(3),) * 9
