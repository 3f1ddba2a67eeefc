"""Every regime boundary of every shipped timeline, and every day without a rule.

Generated from the register, so a regime added tomorrow is walked too: on the
day before each regime starts the library answers with the regime before it
(or "no rule in force"), on its first day with the regime itself, and the same
on each side of its last day. The days without a rule are listed by hand,
each with the page that documents it; a new gap or lapse fails until it is
documented here and there.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from koperasi_id import law
from koperasi_id.errors import NoRuleInForceError
from koperasi_id.kur import (
    Purpose,
    Scheme,
    Sector,
    access_limit,
    additional_collateral_allowed,
    max_tenor_months,
    npwp_required,
    omzet_ceiling,
    plafond_band,
    rate,
    total_rate,
)
from koperasi_id.law import Regime
from koperasi_id.msme import KUR_2026_OMZET, Criterion, classify, is_umk_for_oss

ROOT = Path(__file__).resolve().parents[1]
ONE_DAY = timedelta(days=1)


def _boundaries() -> list[tuple[str, date, Regime[Any] | None, Regime[Any] | None]]:
    """(rule id, first day of the new state, regime before, regime from that day)."""
    found = []
    for entry in law.registered_rules():
        regimes = entry.regimes
        for before, after in itertools.pairwise((None, *regimes, None)):
            if after is not None:
                joined = before is not None and before.valid_to == after.valid_from - ONE_DAY
                found.append((entry.info.id, after.valid_from, before if joined else None, after))
            if before is not None and before.valid_to is not None:
                first = before.valid_to + ONE_DAY
                if after is None or after.valid_from != first:
                    found.append((entry.info.id, first, before, None))
    return found


BOUNDARIES = _boundaries()


def _name(regime: Regime[Any] | None) -> str | None:
    return None if regime is None else regime.name


@pytest.mark.parametrize(
    ("rule_id", "first_day", "old", "new"),
    BOUNDARIES,
    ids=[f"{rule}@{day}" for rule, day, _, _ in BOUNDARIES],
)
def test_the_register_answers_the_old_regime_then_the_new(
    rule_id: str, first_day: date, old: Regime[Any] | None, new: Regime[Any] | None
) -> None:
    def in_force(day: date) -> str | None:
        found = [r.regime.name for r in law.in_force(day) if r.rule.id == rule_id]
        return found[0] if found else None

    assert in_force(first_day - ONE_DAY) == _name(old)
    assert in_force(first_day) == _name(new)
    timeline = law.history(rule_id).timeline
    if new is None:
        with pytest.raises(NoRuleInForceError) as info:
            timeline.at(first_day)
        assert info.value.table == timeline.name
    if old is None:
        with pytest.raises(NoRuleInForceError) as info:
            timeline.at(first_day - ONE_DAY)
        assert info.value.table == timeline.name


def test_every_rule_has_a_boundary_walked() -> None:
    assert {rule for rule, *_ in BOUNDARIES} == {e.info.id for e in law.registered_rules()}
    assert len(BOUNDARIES) >= sum(len(e.regimes) for e in law.registered_rules())


# ---------------------------------------------------------------- days without a rule

#: Every day on which a shipped rule has no regime although an earlier one ended:
#: (rule id, first day without, last day without or None for "from then on") ->
#: (page that documents it, words that page must contain).
DOCUMENTED_GAPS: dict[tuple[str, date, date | None], tuple[str, str]] = {
    ("kur.subsidy", date(2023, 1, 1), date(2023, 1, 26)): (
        "docs/rules/kur.md",
        "subsidy gap of 1 – 26 January 2023",
    ),
    ("kur.subsidy", date(2026, 1, 1), None): (
        "docs/rules/kur.md",
        "or after 2025-12-31 (the 2026 rates were not found)",
    ),
    ("kur.pandemic_relief", date(2023, 1, 1), None): (
        "docs/rules/kur.md",
        "The pandemic interest relief (2020–2022)",
    ),
    ("bpum.programme", date(2022, 1, 1), None): (
        "docs/rules/bpum.md",
        "There was no BPUM after 2021.",
    ),
}


def _gaps() -> set[tuple[str, date, date | None]]:
    found = set()
    for entry in law.registered_rules():
        regimes = entry.regimes
        for before, after in itertools.pairwise((*regimes, None)):
            assert before is not None
            if before.valid_to is None:
                continue
            first = before.valid_to + ONE_DAY
            if after is None:
                found.add((entry.info.id, first, None))
            elif after.valid_from != first:
                found.add((entry.info.id, first, after.valid_from - ONE_DAY))
    return found


def test_every_gap_and_lapse_is_documented() -> None:
    assert _gaps() == set(DOCUMENTED_GAPS)
    for page, words in DOCUMENTED_GAPS.values():
        text = " ".join((ROOT / page).read_text("utf-8").split())
        assert words in text, (page, words)


def test_every_regime_ends_on_a_day_and_the_next_starts_after_it() -> None:
    # valid_to is the last day in force (inclusive) everywhere: a timeline whose
    # regimes met at the same day (an exclusive end) would overlap and not build;
    # one that skipped a day by mistake would show in the gap list above.
    for entry in law.registered_rules():
        for regime in entry.regimes:
            assert regime.valid_to is None or regime.valid_to >= regime.valid_from
        for before, after in itertools.pairwise(entry.regimes):
            assert before.valid_to is not None
            assert before.valid_to < after.valid_from, entry.info.id


# ---------------------------------------------------------------- first days in the docs

#: The first akad date each KUR rule answers, as the table in docs/rules/kur.md
#: ("Where each rule starts") gives it.
_KUR_TABLE_HEADER = "| Rule | First akad date | Before it |"


def _kur_start_table() -> dict[str, date]:
    lines = (ROOT / "docs/rules/kur.md").read_text("utf-8").splitlines()
    start = lines.index(_KUR_TABLE_HEADER)
    rows: dict[str, date] = {}
    for line in lines[start + 2 :]:
        if not line.startswith("| "):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows[cells[0].strip("`")] = date.fromisoformat(cells[1])
    return rows


def test_the_kur_page_gives_the_first_day_of_every_kur_rule() -> None:
    shipped = {
        e.info.id: e.regimes[0].valid_from
        for e in law.registered_rules()
        if e.info.module == "koperasi_id.kur"
    }
    assert _kur_start_table() == shipped


# ---------------------------------------------------------------- the public answers

D = Decimal
KUR_RULES = {
    "kur.rate",
    "kur.ceiling",
    "kur.tenor",
    "kur.collateral",
    "kur.npwp",
    "kur.access_limit",
    "kur.subsidy",
    "kur.omzet",
}


def _kur_answers(day: date) -> dict[str, object]:
    """What the public KUR functions answer on ``day``, per rule (or the error's table)."""

    def each(fn: Callable[[Scheme], object]) -> dict[Scheme, object]:
        out: dict[Scheme, object] = {}
        for scheme in Scheme:
            try:
                out[scheme] = fn(scheme)
            except NoRuleInForceError as error:
                out[scheme] = f"no rule: {error.table}"
        return out

    def guarded(fn: Callable[[], object]) -> object:
        try:
            return fn()
        except NoRuleInForceError as error:
            return f"no rule: {error.table}"

    return {
        "kur.rate": each(lambda s: tuple(rate(s, as_of=day, access=k) for k in (1, 2, 3, 4, 5))),
        "kur.ceiling": each(lambda s: plafond_band(s, as_of=day)),
        "kur.tenor": each(
            lambda s: tuple(
                _tenor(s, purpose, extended, day)
                for purpose in Purpose
                for extended in (False, True)
            )
        ),
        "kur.collateral": guarded(
            lambda: tuple(
                additional_collateral_allowed(Scheme.SMALL, D(p), as_of=day)
                for p in (50_000_000, 50_000_001, 100_000_000, 100_000_001)
            )
        ),
        "kur.npwp": guarded(
            lambda: (
                npwp_required(Scheme.SMALL, 1, as_of=day),
                npwp_required(Scheme.MIGRANT_WORKER, 50_000_000, as_of=day),
                npwp_required(Scheme.MIGRANT_WORKER, 50_000_001, as_of=day),
            )
        ),
        "kur.access_limit": guarded(
            lambda: tuple(
                access_limit(Scheme.MICRO, sector, as_of=day)
                for sector in (Sector.TRADE, Sector.LIVESTOCK)
            )
        ),
        "kur.subsidy": each(
            lambda s: tuple(
                total_rate(s, as_of=day, plafond=D(p))
                for p in (10_000_000, 100_000_000, 100_000_001)
            )
        ),
        "kur.omzet": guarded(lambda: omzet_ceiling(as_of=day)),
    }


def _tenor(scheme: Scheme, purpose: Purpose, extended: bool, day: date) -> object:
    try:
        return max_tenor_months(scheme, purpose, as_of=day, extended=extended)
    except NoRuleInForceError:
        raise
    except Exception as error:  # noqa: BLE001 - a scheme without that credit kind is an answer
        return type(error).__name__


KUR_BOUNDARIES = [b for b in BOUNDARIES if b[0] in KUR_RULES]


@pytest.mark.parametrize(
    ("rule_id", "first_day", "old", "new"),
    KUR_BOUNDARIES,
    ids=[f"{rule}@{day}" for rule, day, _, _ in KUR_BOUNDARIES],
)
def test_kur_functions_change_answer_exactly_where_their_timeline_does(
    rule_id: str, first_day: date, old: Regime[Any] | None, new: Regime[Any] | None
) -> None:
    """The answer on each side of a boundary is the answer of that side's regime.

    Each regime is checked against the answer on its own middle-of-span days
    too: the function must give the same answer on the boundary day as on any
    other day of the regime, so an off-by-one in a rule function shows.
    """
    before = _kur_answers(first_day - ONE_DAY)[rule_id]
    after = _kur_answers(first_day)[rule_id]
    for regime, answer in ((old, before), (new, after)):
        if regime is None:
            values = answer.values() if isinstance(answer, dict) else [answer]
            assert all(str(v).startswith("no rule") for v in values), (rule_id, answer)
            continue
        last = regime.valid_to or first_day + timedelta(days=400)
        for day in (regime.valid_from, last):
            assert _kur_answers(day)[rule_id] == answer, (rule_id, regime.name, day)


# ---------------------------------------------------------------- KUR before Permenko 1/2022


#: The Pedoman Pelaksanaan KUR of each akad date before Permenko 1/2022, as
#: docs/rules/kur.md's "Timeline 2015–2026" gives them (default dates).
PEDOMAN = (
    (date(2015, 7, 1), date(2015, 12, 31), "Permenko Perekonomian 6/2015 jo. 8/2015"),
    (date(2016, 1, 1), date(2016, 12, 31), "Permenko Perekonomian 8/2015 jo. 13/2015"),
    (
        date(2017, 1, 1),
        date(2017, 12, 31),
        "Pedoman Pelaksanaan KUR 2017 (Permenko Perekonomian; number not seen)",
    ),
    (date(2018, 1, 1), date(2018, 12, 31), "Permenko Perekonomian 11/2017 jo. 8/2018"),
    (date(2019, 1, 1), date(2019, 12, 31), "Permenko Perekonomian 11/2017 jo. 8/2018 jo. 6/2019"),
    (date(2020, 1, 1), date(2020, 8, 30), "Permenko Perekonomian 8/2019"),
    (date(2020, 8, 31), date(2020, 12, 31), "Permenko Perekonomian 8/2019 jo. 15/2020"),
    (date(2021, 1, 1), date(2021, 12, 31), "Permenko Perekonomian 8/2019 jo. 15/2020 jo. 2/2021"),
)


def test_kur_regimes_before_2022_follow_the_pedoman_of_their_akad_date() -> None:
    """No regime straddles two Pedoman periods, and each cites the one it lies in.

    docs/rules/kur.md, "Citations follow the akad date": a 2020 akad before super
    mikro never cites Permenko 15/2020, a 2017 akad never the 2015 text.
    """
    pedoman = {instrument for _, _, instrument in PEDOMAN}
    checked = 0
    for entry in law.registered_rules():
        for regime in entry.regimes:
            if regime.citation.instrument not in pedoman:
                continue
            _start, end, instrument = next(p for p in PEDOMAN if p[0] <= regime.valid_from <= p[1])
            assert regime.valid_to is not None
            assert regime.valid_to <= end, (entry.info.id, regime.name)
            assert regime.citation.instrument == instrument, (entry.info.id, regime.name)
            checked += 1
    assert checked >= 30


def test_no_kur_rule_answers_for_a_scheme_that_did_not_exist_yet() -> None:
    """KUR khusus from 2018 and super mikro from SUPER_MICRO_FROM, in every timeline.

    The plafond bands (kur.ceiling) say which schemes exist; a tenor for KUR
    khusus in 2016 or for super mikro in March 2020 would be a rule for a
    credit no one could sign.
    """
    from koperasi_id.kur import DEFAULT_RULES  # noqa: PLC0415

    days = sorted(
        {r.valid_from for tl in (DEFAULT_RULES.ceilings, DEFAULT_RULES.tenors) for r in tl}
    )
    for day in days:
        schemes = set(DEFAULT_RULES.ceilings.value_at(day))
        assert set(DEFAULT_RULES.tenors.value_at(day)) == schemes, day
        assert set(DEFAULT_RULES.rates.value_at(day)) == schemes, day


def test_special_and_super_micro_tenors_start_with_their_scheme() -> None:
    for day in (date(2016, 6, 1), date(2017, 12, 31)):
        with pytest.raises(NoRuleInForceError) as info:
            max_tenor_months(Scheme.SPECIAL, Purpose.WORKING_CAPITAL, as_of=day)
        assert info.value.table == "kur.tenor[khusus]"
    # KUR khusus from 2018 (LOW): as kecil, 48 months of working capital.
    assert max_tenor_months(Scheme.SPECIAL, Purpose.WORKING_CAPITAL, as_of=date(2018, 1, 1)) == 48
    with pytest.raises(NoRuleInForceError) as super_info:
        max_tenor_months(Scheme.SUPER_MICRO, Purpose.WORKING_CAPITAL, as_of=date(2020, 8, 30))
    assert super_info.value.table == "kur.tenor[super_mikro]"
    # Super mikro (Permenko 15/2020, from 31 Aug 2020): 36 months of working capital.
    assert (
        max_tenor_months(Scheme.SUPER_MICRO, Purpose.WORKING_CAPITAL, as_of=date(2020, 8, 31)) == 36
    )


def test_a_march_2020_akad_cites_permenko_8_2019_only() -> None:
    from koperasi_id.kur import DEFAULT_RULES  # noqa: PLC0415

    march = date(2020, 3, 2)
    for timeline in (
        DEFAULT_RULES.tenors,
        DEFAULT_RULES.collateral,
        DEFAULT_RULES.access_limits,
        DEFAULT_RULES.ceilings,
        DEFAULT_RULES.rates,
    ):
        assert timeline.at(march).citation.instrument == "Permenko Perekonomian 8/2019"
    august = date(2020, 8, 31)
    assert DEFAULT_RULES.collateral.at(august).citation.instrument == (
        "Permenko Perekonomian 8/2019 jo. 15/2020"
    )


# ---------------------------------------------------------------- one law, two timelines


def test_the_2026_omzet_test_is_one_rule_in_kur_and_msme() -> None:
    """kur.omzet and msme.sector.kur_omzet carry Permenko 1/2026 Pasal 3 ayat (3) alike.

    Content HIGH (DDTC, ortax), first day MEDIUM (set 5 Jan 2026, policy from
    1 Jan): the regime is MEDIUM in both, as docs/rules/kur.md and msme.md say.
    """
    kur_regimes = law.history("kur.omzet").regimes
    msme_regimes = law.history("msme.sector.kur_omzet").regimes
    assert [(r.valid_from, r.valid_to, r.value, r.confidence) for r in kur_regimes] == [
        (r.valid_from, r.valid_to, r.value, r.confidence) for r in msme_regimes
    ]
    assert kur_regimes[-1].confidence is law.Confidence.MEDIUM
    # The public answers agree on each side of the first day.
    assert KUR_2026_OMZET.check(D(4_800_000_000), as_of=date(2026, 1, 1)).outcome
    assert omzet_ceiling(as_of=date(2026, 1, 1)) == D(4_800_000_000)
    for check, table in (
        (lambda: omzet_ceiling(as_of=date(2025, 12, 31)), "kur.omzet"),
        (lambda: KUR_2026_OMZET.check(D(1), as_of=date(2025, 12, 31)), "msme.sector.kur_omzet"),
    ):
        with pytest.raises(NoRuleInForceError) as info:
            check()
        assert info.value.table == table


# ---------------------------------------------------------------- msme at its boundaries


def test_msme_answers_follow_their_boundaries() -> None:
    size = law.history("msme.size_criteria").timeline
    for regime in size:
        sales = regime.value.bands_for(Criterion.ANNUAL_SALES)
        for day in (regime.valid_from, regime.valid_to or date(2030, 1, 1)):
            assert classify(as_of=day, annual_sales=sales.micro_max).size.value == "mikro"
            assert classify(as_of=day, annual_sales=sales.micro_max + 1).size.value == "kecil"
    with pytest.raises(NoRuleInForceError) as info:
        classify(as_of=size.regimes[0].valid_from - ONE_DAY, annual_sales=1)
    assert info.value.table == "msme.size_criteria"
    oss = law.history("msme.oss_scale").timeline
    with pytest.raises(NoRuleInForceError) as oss_info:
        is_umk_for_oss(D(1), as_of=oss.regimes[0].valid_from - ONE_DAY)
    assert oss_info.value.table == "msme.oss_scale"
    for regime in oss:
        assert is_umk_for_oss(D(5_000_000_000), as_of=regime.valid_from)
        assert not is_umk_for_oss(D(5_000_000_001), as_of=regime.valid_from)


# ---------------------------------------------------------------- band confidence as documented


@pytest.mark.parametrize(
    ("as_of", "scheme", "expected"),
    [
        # docs/rules/kur.md, "Schemes by year": 2015–2019 MEDIUM, khusus from 2018 LOW.
        (date(2015, 7, 1), Scheme.MICRO, "M"),
        (date(2018, 1, 1), Scheme.SPECIAL, "L"),
        (date(2019, 12, 31), Scheme.SPECIAL, "L"),
        # 2020 to 30 Aug and 31 Aug 2020 – 2021: MEDIUM, PMI Rp25 jt LOW.
        (date(2020, 1, 1), Scheme.MICRO, "M"),
        (date(2020, 8, 31), Scheme.SUPER_MICRO, "M"),
        (date(2021, 12, 31), Scheme.MICRO, "M"),
        (date(2021, 12, 31), Scheme.MIGRANT_WORKER, "L"),
        # 2022–2025: HIGH, PMI Rp100 jt MEDIUM.
        (date(2022, 1, 1), Scheme.MICRO, "H"),
        (date(2025, 12, 31), Scheme.MIGRANT_WORKER, "M"),
        # From 2026: MEDIUM (assumed unchanged).
        (date(2026, 1, 1), Scheme.MICRO, "M"),
        (date(2026, 1, 1), Scheme.SPECIAL, "M"),
    ],
)
def test_plafond_band_confidence_is_the_documented_one(
    as_of: date, scheme: Scheme, expected: str
) -> None:
    assert plafond_band(scheme, as_of=as_of).confidence.value == expected


@pytest.mark.parametrize("scheme", [Scheme.MICRO, Scheme.SMALL, Scheme.MIGRANT_WORKER])
@pytest.mark.parametrize("as_of", [date(2015, 7, 1), date(2019, 12, 31)])
def test_tenors_before_2020_are_low_whatever_the_scheme(as_of: date, scheme: Scheme) -> None:
    # docs/rules/kur.md: "Tenors before 2020 are assumed as in 2020 (LOW ...)"; the
    # kur.tenor finding reports the limit's own confidence.
    from koperasi_id.kur import DEFAULT_RULES  # noqa: PLC0415

    assert DEFAULT_RULES.tenors.value_at(as_of)[scheme].confidence is law.Confidence.LOW
    assert DEFAULT_RULES.tenors.value_at(date(2020, 1, 1))[Scheme.MICRO].confidence.value == "H"


def test_an_as_amended_note_names_no_amendment_younger_than_the_regime() -> None:
    """'as amended by Permenko 1/2023' on a regime from 2022 would cite the future.

    A 2022 akad's kur.scheme_ceiling finding cited "Permenko 1/2022 (as amended
    by Permenko 1/2023 and 12/2025)"; each amendment now starts its own regime.
    """
    import re  # noqa: PLC0415

    number = re.compile(r"\b\d+/((?:19|20)\d{2})\b")
    for entry in law.registered_rules():
        for regime in entry.regimes:
            note = regime.citation.note or ""
            if "as amended by" not in note:
                continue
            years = [int(y) for y in number.findall(note.split("as amended by", 1)[1])]
            assert max(years, default=0) <= regime.valid_from.year, (entry.info.id, regime.name)
    assert str(law.history("kur.ceiling").timeline.at(date(2022, 6, 1)).citation) == (
        "Permenko Perekonomian 1/2022"
    )


def test_a_founding_before_pp_7_2021_cites_the_statute_alone() -> None:
    # PP 7/2021 took effect on 2 Feb 2021; the 9-founder rule is UU 11/2020's (Pasal 86).
    from koperasi_id.cooperatives import CooperativeForm, founder_minimum  # noqa: PLC0415

    timeline = law.history("cooperatives.founder_minimums").timeline
    before, after = timeline.at(date(2021, 2, 1)), timeline.at(date(2021, 2, 2))
    assert "PP 7/2021" not in str(before.citation)
    assert "PP 7/2021" in str(after.citation)
    for day in (date(2020, 11, 2), date(2021, 2, 1), date(2021, 2, 2)):
        assert founder_minimum(CooperativeForm.PRIMARY, as_of=day) == 9
    assert str(
        law.history("cooperatives.savings_loan_loop").timeline.at(date(1993, 1, 1)).citation
    ) == ("UU 25/1992 Pasal 44 (implemented by PP 9/1995)")
