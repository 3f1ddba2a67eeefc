"""Independent oracles for the KUR pandemic relief windows and the first day of 2021.

Every expected value is typed by hand from the instrument or report named on its
row; no row reads ``DEFAULT_RULES``, a ``Timeline`` or a strategy. Each window is
tested on the day before it and on its first (and last) day, with the instalment
*due* on that day (the library's default: the relief was granted on instalment
payments, "pembebasan pembayaran angsuran bunga", Permenko Perekonomian 6/2020
Pasal 6 ayat (1) huruf a).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from koperasi_id.kur import (
    Purpose,
    Scheme,
    Sector,
    access_limit,
    additional_collateral_allowed,
    borrower_rate,
    max_tenor_months,
    rate,
    scheme_for,
)

D = Decimal
JT = 1_000_000
MICRO, SMALL = Scheme.MICRO, Scheme.SMALL

# A KUR Mikro signed at 6 % (Permenko Perekonomian 8/2019: 6 % efektif from 1 Jan
# 2020, liputan6 21 Jan 2020), and one signed in 2019 at 7 % (Permenko 11/2017 jo.
# 8/2018 jo. 6/2019: 7 % from 2018, CNN 8 Dec 2017; "tahun lalu ... 7 persen",
# liputan6 21 Jan 2020).
AKAD_6, AKAD_7 = date(2020, 2, 10), date(2019, 7, 15)

# (akad date, instalment due on, rate charged % p.a., instrument and source)
RELIEF_ORACLE = [
    # Permenko 6/2020 Pasal 6 ayat (1) huruf a: "mulai berlaku 1 April 2020" (kontan);
    # 6 points (Permenko 8/2020 Pasal 5A, extended to Dec 2020 by Permenko 16/2020:
    # liputan6 and DDTC 13 Aug 2020, okezone 7 Sep 2020). 6 - 6 = 0; 7 - 6 = 1.
    (AKAD_6, date(2020, 3, 31), D(6), "day before Permenko 6/2020 Pasal 6 ayat (1) huruf a"),
    (AKAD_6, date(2020, 4, 1), D(0), "Permenko 6/2020 Pasal 6 ayat (1) huruf a"),
    (AKAD_7, date(2020, 3, 31), D(7), "day before Permenko 6/2020 Pasal 6 ayat (1) huruf a"),
    (AKAD_7, date(2020, 4, 1), D(1), "Permenko 6/2020 jo. 8/2020 Pasal 5A: 6 points"),
    (AKAD_7, date(2020, 12, 31), D(1), "Permenko 16/2020: 6 points to 31 Dec 2020"),
    # Menko Perekonomian 29 Dec 2020: "3 persen selama 6 bulan" from Jan 2021
    # (tribunnews, jpnn). 6 - 3 = 3; 7 - 3 = 4.
    (AKAD_6, date(2021, 1, 1), D(3), "Komite Kebijakan, 29 Dec 2020: 3 points Jan-Jun 2021"),
    (AKAD_7, date(2021, 1, 1), D(4), "Komite Kebijakan, 29 Dec 2020: 3 points Jan-Jun 2021"),
    (AKAD_6, date(2021, 6, 30), D(3), "Komite Kebijakan, 29 Dec 2020: 3 points Jan-Jun 2021"),
    # Extended from 1 Jul to 31 Dec 2021 at 3 points (bisnis.com 5 May 2021; nusabali
    # 23 Jun 2021).
    (AKAD_6, date(2021, 7, 1), D(3), "Komite Kebijakan: 3 points 1 Jul-31 Dec 2021"),
    (AKAD_6, date(2021, 12, 31), D(3), "Komite Kebijakan: 3 points 1 Jul-31 Dec 2021"),
    # 2022: 3 points "hanya sampai 30 Juni 2022" (voi.id 8 Mar 2022) ...
    (AKAD_6, date(2022, 1, 1), D(3), "Komite Kebijakan: 3 points to 30 Jun 2022 (voi.id)"),
    (AKAD_6, date(2022, 6, 30), D(3), "Komite Kebijakan: 3 points to 30 Jun 2022 (voi.id)"),
    # ... then "Juli sampai Desember 2022" (bisnis.com and suaramerdeka 7 Mar 2022;
    # tempo 13 Jul 2022: ends Dec 2022).
    (AKAD_6, date(2022, 7, 1), D(3), "Komite Kebijakan: 3 points Jul-Dec 2022 (bisnis.com)"),
    (AKAD_6, date(2022, 12, 31), D(3), "Komite Kebijakan: 3 points Jul-Dec 2022 (bisnis.com)"),
    (AKAD_7, date(2022, 12, 31), D(4), "Komite Kebijakan: 3 points Jul-Dec 2022 (bisnis.com)"),
    # No relief after 2022 (tempo 13 Jul 2022): the agreed rate again.
    (AKAD_6, date(2023, 1, 1), D(6), "day after the relief (tempo 13 Jul 2022)"),
    (AKAD_7, date(2023, 1, 1), D(7), "day after the relief (tempo 13 Jul 2022)"),
]


@pytest.mark.parametrize(("akad", "due", "expected", "source"), RELIEF_ORACLE)
def test_relief_window_oracle(akad: date, due: date, expected: Decimal, source: str) -> None:
    # A period of about a month ending on the due date; only the due date decides.
    start = due - timedelta(days=30)
    assert borrower_rate(MICRO, akad_date=akad, period_start=start, due_date=due) == expected, (
        source
    )


def test_relief_2020_only_for_akad_to_31_december_2020() -> None:
    # Permenko 6/2020 jo. 8/2020 jo. 16/2020 (okezone 7 Sep 2020): old and new KUR
    # with akad until 31 Dec 2020; a KUR signed in 2021 gets the 2021 points only.
    assert borrower_rate(
        MICRO,
        akad_date=date(2020, 12, 31),
        period_start=date(2020, 12, 1),
        due_date=date(2020, 12, 31),
    ) == D(0)
    assert borrower_rate(
        MICRO, akad_date=date(2021, 1, 1), period_start=date(2021, 1, 1), due_date=date(2021, 2, 1)
    ) == D(3)


# --- the first day of the 2021 regimes (Permenko 8/2019 jo. 15/2020 jo. 2/2021) -------


def test_2021_regimes_answer_from_1_january_2021() -> None:
    # 6 % efektif for every scheme, 2020 and 2021 (okezone 7 Sep 2020: Permenko 15/2020).
    for as_of in (date(2020, 12, 31), date(2021, 1, 1)):
        assert rate(MICRO, as_of=as_of) == D(6)
        assert rate(SMALL, as_of=as_of) == D(6)
        assert rate(Scheme.SUPER_MICRO, as_of=as_of) == D(6)
        # Mikro > Rp10 jt to Rp50 jt, kecil above (okezone 7 Sep 2020; databoks 2021).
        assert scheme_for(D(10 * JT), as_of=as_of) is Scheme.SUPER_MICRO
        assert scheme_for(D(50 * JT), as_of=as_of) is MICRO
        assert scheme_for(D(50 * JT + 1), as_of=as_of) is SMALL
        # No agunan tambahan up to Rp50 jt until the June 2021 decision (medcom 15 Jun 2021).
        assert not additional_collateral_allowed(MICRO, 50 * JT, as_of=as_of)
        assert additional_collateral_allowed(SMALL, 50 * JT + 1, as_of=as_of)
        # KMK 3 years, KI 5 years (the 2020 summary of the KUR rules, carried into 2021).
        assert max_tenor_months(MICRO, Purpose.WORKING_CAPITAL, as_of=as_of) == 36
        assert max_tenor_months(MICRO, Purpose.INVESTMENT, as_of=as_of) == 60
        # Repeat-access limits came with Permenko 1/2023 Pasal 24 ayat (4), (4a).
        assert access_limit(MICRO, Sector.TRADE, as_of=as_of) is None
