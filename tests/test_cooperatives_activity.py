"""Activity status (R20, R21): the window, its edges, its parameters and invariants."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest

from _hypothesis_optional import assume, given, st
from koperasi_id.cooperatives import (
    ACTIVITY_STATUS_RULES,
    RAT_DEADLINE,
    ActivityDecision,
    ActivityRule,
    ActivityStatus,
    Cooperative,
    CooperativeForm,
    CooperativeKind,
    LegalStatus,
    MembershipArea,
    RatRecord,
    RuleBasis,
    YearEnd,
    activity_status,
    latest_due_fiscal_year,
    rat_deadline,
    summarize,
)
from koperasi_id.decisions import Severity
from koperasi_id.errors import NoRuleInForceError, RuleInputError, ValidationError
from koperasi_id.identifiers import NomorBadanHukum
from koperasi_id.law import Citation, Confidence, Regime, Timeline
from koperasi_id.regions import RegionCode

BH = NomorBadanHukum.parse("1234/BH/XVIII/2010")
DAY = timedelta(days=1)
DECEMBER = YearEnd(12, 31)


def make(
    *rats: RatRecord,
    deed: date = date(2010, 5, 3),
    year_end: YearEnd = DECEMBER,
    **changes: Any,
) -> Cooperative:
    fields: dict[str, Any] = {
        "name": "Koperasi Konsumen Way Halim",
        "legal_entity_numbers": (BH,),
        "deed_approved_on": deed,
        "form": CooperativeForm.PRIMARY,
        "kind": CooperativeKind.CONSUMER,
        "region": RegionCode.parse("18.71"),
        "membership_area": MembershipArea.WITHIN_REGENCY,
        "member_count": 30,
        "fiscal_year_end": year_end,
        "rat_records": rats,
    }
    fields.update(changes)
    return Cooperative(**fields)


def rat(year: int, held_on: date | None, reported: bool | None = None) -> RatRecord:
    reported = held_on is not None if reported is None else reported
    return RatRecord(fiscal_year=year, held_on=held_on, reported=reported)


# --- the window edges ------------------------------------------------------------


def test_deadline_day_keeps_the_older_window_and_the_day_after_moves_it() -> None:
    # FY2023's deadline is 30 Jun 2024. Only FY2020 has a RAT.
    coop = make(rat(2020, date(2021, 4, 10)))
    on_deadline = activity_status(coop, as_of=date(2024, 6, 30))
    day_after = activity_status(coop, as_of=date(2024, 7, 1))
    assert on_deadline.window == (2020, 2021, 2022)
    assert on_deadline.status is ActivityStatus.ACTIVE
    assert on_deadline.counted == (2020,)
    assert day_after.window == (2021, 2022, 2023)
    assert day_after.status is ActivityStatus.INACTIVE
    assert day_after.missed == (2021, 2022, 2023)


def test_first_year_of_the_window_counts() -> None:
    coop = make(rat(2021, date(2022, 6, 30)))
    decision = activity_status(coop, as_of=date(2024, 7, 1))
    assert decision.window[0] == 2021
    assert decision.status is ActivityStatus.ACTIVE
    assert decision.counted == (2021,)
    assert decision.missed == (2022, 2023)


def test_year_before_the_window_does_not_count() -> None:
    coop = make(rat(2020, date(2021, 6, 30)))
    assert activity_status(coop, as_of=date(2024, 7, 1)).status is ActivityStatus.INACTIVE


def test_last_year_of_the_window_counts_once_due() -> None:
    coop = make(rat(2023, date(2024, 6, 30)))
    decision = activity_status(coop, as_of=date(2024, 7, 1))
    assert decision.window[-1] == 2023
    assert decision.counted == (2023,)
    assert decision.is_active


def test_rat_held_on_its_deadline_day_is_on_time() -> None:
    coop = make(rat(2023, date(2024, 6, 30)))
    found = activity_status(coop, as_of=date(2024, 7, 1)).finding(
        "cooperatives.activity.rat_counted"
    )
    assert found.details["late"] == "false"
    assert found.details["deadline"] == "2024-06-30"


def test_late_rat_still_counts_and_says_so() -> None:
    coop = make(rat(2022, date(2023, 7, 1)))
    decision = activity_status(coop, as_of=date(2024, 7, 1))
    assert decision.is_active
    found = decision.finding("cooperatives.activity.rat_counted")
    assert found.details["late"] == "true"
    assert "terlambat" in found.message_id
    assert "(late)" in found.message_en


def test_early_rat_for_a_year_not_yet_due_counts() -> None:
    # On 1 Mar 2025 FY2024 is not due (deadline 30 Jun 2025), but its RAT was held.
    coop = make(rat(2024, date(2025, 2, 20)))
    decision = activity_status(coop, as_of=date(2025, 3, 1))
    assert decision.window == (2021, 2022, 2023)
    assert decision.counted == (2024,)
    assert decision.missed == (2021, 2022, 2023)
    assert decision.is_active
    assert "sebelum jatuh tempo" in decision.finding("cooperatives.activity.rat_counted").message_id


def test_rat_held_after_as_of_is_not_seen() -> None:
    coop = make(rat(2023, date(2024, 5, 1)))
    decision = activity_status(coop, as_of=date(2024, 4, 30))
    # FY2023 is not due yet and its RAT is still in the future: the window decides.
    assert decision.counted == ()
    assert decision.status is ActivityStatus.INACTIVE
    later = make(rat(2022, date(2024, 5, 1)))
    seen_before = activity_status(later, as_of=date(2024, 4, 30))
    assert seen_before.missed == (2020, 2021, 2022)
    assert seen_before.finding("cooperatives.activity.rat_missed").severity is Severity.WARNING


def test_window_for_a_june_fiscal_year() -> None:
    june = YearEnd(6, 30)
    # FY2024 ends 30 Jun 2024, RAT deadline 31 Dec 2024.
    assert latest_due_fiscal_year(june, as_of=date(2024, 12, 31)) == 2023
    assert latest_due_fiscal_year(june, as_of=date(2025, 1, 1)) == 2024
    coop = make(rat(2021, date(2021, 9, 1)), year_end=june)
    assert activity_status(coop, as_of=date(2024, 12, 31)).is_active
    assert not activity_status(coop, as_of=date(2025, 1, 1)).is_active


# --- the parameters --------------------------------------------------------------


def test_two_year_window() -> None:
    coop = make(rat(2021, date(2022, 3, 1)))
    three = activity_status(coop, as_of=date(2024, 7, 1))
    two = activity_status(coop, as_of=date(2024, 7, 1), window_years=2)
    assert three.is_active
    assert two.window == (2022, 2023)
    assert two.window_years == 2
    assert not two.is_active


def test_held_but_unreported_counts_as_missed_by_default() -> None:
    coop = make(rat(2022, date(2023, 3, 1), reported=False))
    default = activity_status(coop, as_of=date(2024, 7, 1))
    assert default.status is ActivityStatus.INACTIVE
    assert default.unreported_counts_as_missed is True
    unreported = default.finding("cooperatives.activity.rat_unreported")
    assert not unreported.passed
    assert unreported.details["fiscal_year"] == "2022"
    lenient = activity_status(coop, as_of=date(2024, 7, 1), unreported_counts_as_missed=False)
    assert lenient.is_active
    assert "not reported" in lenient.finding("cooperatives.activity.rat_counted").message_en


@pytest.mark.parametrize("bad", [0, 11, -3, True, "3", 2.0])
def test_window_years_must_be_a_small_whole_number(bad: object) -> None:
    with pytest.raises(ValidationError) as err:
        activity_status(make(), as_of=date(2024, 7, 1), window_years=bad)  # type: ignore[arg-type]
    assert err.value.codes == ("cooperatives.activity.window_years",)
    assert err.value.paths == ("$.window_years",)


@pytest.mark.parametrize("bad", ["false", 0, 1, "True"])
def test_unreported_counts_as_missed_must_be_a_bool(bad: object) -> None:
    # "false" from a form or CSV cell is truthy: it must not silently mean True.
    with pytest.raises(ValidationError) as err:
        activity_status(
            make(),
            as_of=date(2024, 7, 1),
            unreported_counts_as_missed=bad,  # type: ignore[arg-type]
        )
    assert err.value.codes == ("cooperatives.activity.unreported_counts_as_missed",)
    assert err.value.paths == ("$.unreported_counts_as_missed",)
    with pytest.raises(ValidationError) as caught:
        summarize([], as_of=date(2024, 7, 1), unreported_counts_as_missed=bad)  # type: ignore[arg-type]
    assert caught.value.codes == ("cooperatives.activity.unreported_counts_as_missed",)


def test_activity_rule_validates_its_window() -> None:
    with pytest.raises(ValidationError) as caught:
        ActivityRule(window_years=0)
    assert caught.value.codes == ("cooperatives.activity.window_years",)
    assert ActivityRule().window_years == 3
    assert ActivityRule().unreported_counts_as_missed is True


def test_caller_rules_change_the_defaults_from_their_date() -> None:
    base = ACTIVITY_STATUS_RULES.regimes[0]
    two_years = Regime(
        name="hypothetical-2027",
        valid_from=date(2027, 1, 1),
        citation=Citation("Permenkop 99/2026", "Pasal 5"),
        confidence=Confidence.LOW,
        value=ActivityRule(window_years=2, unreported_counts_as_missed=False),
    )
    rules = ACTIVITY_STATUS_RULES.overridden(two_years)
    coop = make(rat(2023, date(2024, 3, 1), reported=False))
    before = activity_status(coop, as_of=date(2026, 12, 31), rules=rules)
    after = activity_status(coop, as_of=date(2027, 7, 1), rules=rules)
    assert before.window_years == 3
    assert before.regimes[0].name == base.name
    assert after.window_years == 2
    assert after.window == (2025, 2026)
    assert after.regimes[0].name == "hypothetical-2027"
    # An explicit argument still wins over the regime.
    assert activity_status(coop, as_of=date(2027, 7, 1), rules=rules, window_years=3).window == (
        2024,
        2025,
        2026,
    )


def test_rules_outside_their_span_raise() -> None:
    only_2030 = Timeline(
        "x",
        [
            Regime(
                name="later",
                valid_from=date(2030, 1, 1),
                citation=Citation("X"),
                value=ActivityRule(),
            )
        ],
    )
    with pytest.raises(NoRuleInForceError) as caught:
        activity_status(make(), as_of=date(2024, 7, 1), rules=only_2030)
    assert caught.value.table == "x"


def test_annulled_statute_is_refused() -> None:
    annulled = Timeline(
        "x",
        [
            Regime(
                name="uu-17-2012",
                valid_from=date(2012, 10, 30),
                citation=Citation("UU 17/2012", "Pasal 1"),
                value=ActivityRule(),
            )
        ],
    )
    with pytest.raises(RuleInputError, match="annulled"):
        activity_status(make(), as_of=date(2024, 7, 1), rules=annulled)


def test_deadline_rules_move_the_window() -> None:
    three_months = RAT_DEADLINE.overridden(
        attrs.evolve(RAT_DEADLINE.regimes[0], name="ad-3-months", value=3)
    )
    assert rat_deadline(2023, rules=three_months) == date(2024, 3, 31)
    coop = make(rat(2020, date(2021, 3, 1)))
    default = activity_status(coop, as_of=date(2024, 4, 1))
    stricter = activity_status(coop, as_of=date(2024, 4, 1), deadline_rules=three_months)
    assert default.window == (2020, 2021, 2022)
    assert stricter.window == (2021, 2022, 2023)
    assert not stricter.is_active


# --- young, dissolved, not yet founded --------------------------------------------


def test_young_cooperative_is_active_until_it_can_have_missed_the_whole_window() -> None:
    coop = make(deed=date(2023, 5, 2))
    decision = activity_status(coop, as_of=date(2025, 7, 1))
    assert decision.window == (2023, 2024)
    assert decision.missed == (2023, 2024)
    assert decision.is_active
    info = decision.finding("cooperatives.activity.window_incomplete")
    assert info.severity is Severity.INFO
    assert info.details == {"window_years": "3", "due_years": "2"}


def test_cooperative_with_a_full_window_of_misses_is_inactive() -> None:
    coop = make(deed=date(2022, 1, 3))
    decision = activity_status(coop, as_of=date(2025, 7, 1))
    assert decision.window == (2022, 2023, 2024)
    assert not decision.is_active
    assert "cooperatives.activity.window_incomplete" not in decision.codes


def test_brand_new_cooperative_has_an_empty_window() -> None:
    coop = make(deed=date(2025, 2, 1))
    decision = activity_status(coop, as_of=date(2025, 2, 1))
    assert decision.window == ()
    assert decision.is_active


def test_before_the_deed_there_is_no_status() -> None:
    coop = make(deed=date(2025, 2, 1))
    with pytest.raises(RuleInputError, match="2025-02-01"):
        activity_status(coop, as_of=date(2025, 1, 31))


def test_dissolved_cooperative_is_inactive_with_its_legal_status() -> None:
    coop = make(
        rat(2023, date(2024, 3, 1)),
        legal_status=LegalStatus.DISSOLVED,
        dissolved_on=date(2024, 9, 1),
    )
    before = activity_status(coop, as_of=date(2024, 8, 31))
    on_the_day = activity_status(coop, as_of=date(2024, 9, 1))
    assert before.is_active
    assert before.legal_status is LegalStatus.LEGAL_ENTITY
    assert on_the_day.status is ActivityStatus.INACTIVE
    assert on_the_day.legal_status is LegalStatus.DISSOLVED
    assert on_the_day.failed_codes == ("cooperatives.activity.dissolved",)
    assert on_the_day.window == ()


def test_inactivity_never_changes_legal_status() -> None:
    decision = activity_status(make(), as_of=date(2024, 7, 1))
    assert decision.status is ActivityStatus.INACTIVE
    assert decision.legal_status is LegalStatus.LEGAL_ENTITY
    note = decision.finding("cooperatives.activity.legal_status_unchanged")
    assert note.passed
    assert note.severity is Severity.INFO


# --- the decision ------------------------------------------------------------------


def test_decision_passes_exactly_when_active() -> None:
    active = activity_status(make(rat(2023, date(2024, 2, 1))), as_of=date(2024, 7, 1))
    inactive = activity_status(make(), as_of=date(2024, 7, 1))
    assert isinstance(active, ActivityDecision)
    assert active.passed
    assert active.failed_codes == ()
    assert not inactive.passed
    assert inactive.failed_codes == ("cooperatives.activity.rat_in_window",)
    assert active.rule == "R21"
    assert active.regimes[0].confidence is Confidence.MEDIUM


def test_explanation_names_the_years() -> None:
    decision = activity_status(
        make(rat(2021, date(2022, 1, 5)), rat(2022, None)), as_of=date(2024, 7, 1)
    )
    text = decision.explain("en")
    assert "Outcome: aktif (as of 2024-07-01)" in text
    assert "fiscal year 2021 was held on 2022-01-05; it counts" in text
    assert "No RAT for fiscal year 2022 was held by 2024-07-01 (deadline 2023-06-30)" in text
    assert "Window of 3 fiscal years (2021, 2022, 2023): counted RATs 2021" in text
    assert "Jendela 3 tahun buku (2021, 2022, 2023)" in decision.explain("id")
    window = decision.finding("cooperatives.activity.rat_in_window")
    assert window.details["missed"] == "2022, 2023"


# --- properties --------------------------------------------------------------------

YEAR_ENDS = (YearEnd(12, 31), YearEnd(6, 30), YearEnd(3, 31))


@st.composite
def cooperatives(draw: st.DrawFn) -> Cooperative:
    deed = draw(st.dates(date(2005, 1, 1), date(2024, 12, 31)))
    year_end = draw(st.sampled_from(YEAR_ENDS))
    first = deed.year if deed <= year_end.in_year(deed.year) else deed.year + 1
    years = draw(st.sets(st.integers(first, 2026), max_size=8))
    records = []
    for year in sorted(years):
        held = draw(st.none() | st.integers(1, 500))
        held_on = None if held is None else year_end.in_year(year) + timedelta(days=held)
        reported = held_on is not None and draw(st.booleans())
        records.append(RatRecord(fiscal_year=year, held_on=held_on, reported=reported))
    return make(*records, deed=deed, year_end=year_end)


as_of_dates = st.dates(date(2025, 1, 1), date(2028, 12, 31))


@given(cooperatives(), as_of_dates, st.sampled_from((2, 3)), st.data())
def test_adding_a_reported_rat_in_the_window_makes_or_keeps_active(
    coop: Cooperative, as_of: date, window_years: int, data: st.DataObject
) -> None:
    before = activity_status(coop, as_of=as_of, window_years=window_years)
    free = [y for y in before.window if coop.rat_for(y) is None]
    assume(free)  # every year of the window already has its RAT: nothing to add
    year = data.draw(st.sampled_from(free))
    end = coop.fiscal_year_end.in_year(year)
    held_on = data.draw(st.dates(end + DAY, as_of))
    more = attrs.evolve(
        coop,
        rat_records=(
            *coop.rat_records,
            RatRecord(fiscal_year=year, held_on=held_on, reported=True),
        ),
    )
    after = activity_status(more, as_of=as_of, window_years=window_years)
    assert after.status is ActivityStatus.ACTIVE
    assert year in after.counted


@given(cooperatives(), as_of_dates)
def test_reporting_a_held_rat_never_turns_active_into_inactive(
    coop: Cooperative, as_of: date
) -> None:
    before = activity_status(coop, as_of=as_of)
    reported = attrs.evolve(
        coop,
        rat_records=tuple(
            attrs.evolve(r, reported=True) if r.held_on is not None else r for r in coop.rat_records
        ),
    )
    after = activity_status(reported, as_of=as_of)
    if before.is_active:
        assert after.is_active
    assert set(before.counted) <= set(after.counted)


@given(cooperatives(), as_of_dates, st.sampled_from((2, 3)))
def test_window_partitions_into_counted_and_missed(
    coop: Cooperative, as_of: date, window_years: int
) -> None:
    d = activity_status(coop, as_of=as_of, window_years=window_years)
    assert len(d.window) <= window_years
    assert set(d.missed) | (set(d.counted) & set(d.window)) == set(d.window)
    assert not set(d.missed) & set(d.counted)
    for year in d.window:
        deadline = rat_deadline(year, fiscal_year_end=coop.fiscal_year_end)
        assert deadline < as_of
    if d.window:
        next_deadline = rat_deadline(d.window[-1] + 1, fiscal_year_end=coop.fiscal_year_end)
        assert next_deadline >= as_of
    assert d.passed == d.is_active


@given(cooperatives(), as_of_dates)
def test_a_wider_window_never_turns_active_into_inactive_for_old_cooperatives(
    coop: Cooperative, as_of: date
) -> None:
    two = activity_status(coop, as_of=as_of, window_years=2)
    three = activity_status(coop, as_of=as_of, window_years=3)
    if two.is_active and len(three.window) == 3:
        assert three.is_active


# --- what a mutation run of cooperatives/_activity.py found untested (December 2026) ------


def _rat_findings(decision: Any) -> list[tuple[str | None, str, str]]:
    return [
        (f.details.get("fiscal_year"), f.code.rsplit(".", 1)[1], f.message_id)
        for f in decision.findings
        if f.code.rsplit(".", 1)[1] in {"rat_counted", "rat_missed", "rat_unreported"}
    ]


def test_rat_findings_name_each_year_once_with_its_deadline() -> None:
    # FY2023 falls due on 30 Jun 2024 (UU 25/1992 Pasal 26-27: six months after the
    # year end); its RAT held that day is on time and counted once.
    decision = activity_status(make(rat(2023, date(2024, 6, 30))), as_of=date(2024, 7, 1))
    assert _rat_findings(decision) == [
        (
            "2021",
            "rat_missed",
            "RAT tahun buku 2021 tidak dilaksanakan sampai 2024-07-01 (batas 2022-06-30).",
        ),
        (
            "2022",
            "rat_missed",
            "RAT tahun buku 2022 tidak dilaksanakan sampai 2024-07-01 (batas 2023-06-30).",
        ),
        ("2023", "rat_counted", "RAT tahun buku 2023 dilaksanakan 2024-06-30; dihitung."),
    ]


def test_late_and_early_rats_say_so_in_indonesian() -> None:
    late = activity_status(make(rat(2022, date(2023, 7, 1))), as_of=date(2024, 7, 1))
    assert late.finding("cooperatives.activity.rat_counted").message_id == (
        "RAT tahun buku 2022 dilaksanakan 2023-07-01 (terlambat); dihitung."
    )
    early = activity_status(make(rat(2024, date(2025, 2, 20))), as_of=date(2025, 3, 1))
    assert early.finding("cooperatives.activity.rat_counted").message_id == (
        "RAT tahun buku 2024 dilaksanakan 2025-02-20 (sebelum jatuh tempo); dihitung."
    )


def test_a_rat_held_after_as_of_is_missed_not_unreported() -> None:
    decision = activity_status(make(rat(2022, date(2024, 5, 1))), as_of=date(2024, 4, 30))
    assert [(year, code) for year, code, _ in _rat_findings(decision)] == [
        ("2020", "rat_missed"),
        ("2021", "rat_missed"),
        ("2022", "rat_missed"),
    ]


def test_counted_rat_deadline_follows_the_year_end_and_the_callers_deadlines() -> None:
    # A June fiscal year: FY2023 ends 30 Jun 2023, its RAT is due by 31 Dec 2023.
    june = make(rat(2023, date(2023, 9, 1)), year_end=YearEnd(6, 30))
    found = activity_status(june, as_of=date(2025, 1, 1)).finding(
        "cooperatives.activity.rat_counted"
    )
    assert found.details["deadline"] == "2023-12-31"
    three_months = RAT_DEADLINE.overridden(
        attrs.evolve(RAT_DEADLINE.regimes[0], name="ad-3-months", value=3)
    )
    stricter = activity_status(
        make(rat(2022, date(2023, 3, 1))), as_of=date(2024, 4, 1), deadline_rules=three_months
    )
    assert stricter.finding("cooperatives.activity.rat_counted").details["deadline"] == (
        "2023-03-31"
    )


def test_window_errors_name_the_field_and_cut_the_value() -> None:
    with pytest.raises(ValidationError) as caught:
        ActivityRule(window_years=0)
    assert (caught.value.codes, caught.value.paths) == (
        ("cooperatives.activity.window_years",),
        ("$.window_years",),
    )
    with pytest.raises(ValidationError) as caught:
        activity_status(make(), as_of=date(2024, 4, 1), window_years="x" * 60)  # type: ignore[arg-type]
    assert caught.value.problems[0].message == (
        "window_years is a whole number of fiscal years from 1 to 10 (practice uses 2 or 3), "
        f"not '{'x' * 40}'\u2026"
    )


@pytest.mark.parametrize(
    ("coop", "as_of", "options", "message_id", "message_en"),
    [
        (
            make(rat(2022, date(2023, 7, 1))),
            date(2024, 7, 1),
            {},
            "RAT tahun buku 2022 dilaksanakan 2023-07-01 (terlambat); dihitung.",
            "The RAT for fiscal year 2022 was held on 2023-07-01 (late); it counts.",
        ),
        (
            make(rat(2024, date(2025, 2, 20))),
            date(2025, 3, 1),
            {},
            "RAT tahun buku 2024 dilaksanakan 2025-02-20 (sebelum jatuh tempo); dihitung.",
            "The RAT for fiscal year 2024 was held on 2025-02-20 (before it fell due); it counts.",
        ),
        (
            make(rat(2023, date(2024, 5, 1), reported=False)),
            date(2024, 7, 1),
            {"unreported_counts_as_missed": False},
            "RAT tahun buku 2023 dilaksanakan 2024-05-01, belum dilaporkan; dihitung.",
            "The RAT for fiscal year 2023 was held on 2024-05-01, not reported; it counts.",
        ),
    ],
)
def test_counted_rat_messages(
    coop: Cooperative, as_of: date, options: dict[str, Any], message_id: str, message_en: str
) -> None:
    found = activity_status(coop, as_of=as_of, **options).finding(
        "cooperatives.activity.rat_counted"
    )
    assert (found.message_id, found.message_en) == (message_id, message_en)


def test_latest_due_year_under_a_shorter_articles_deadline() -> None:
    # With the articles' own 3-month deadline FY2023 is due on 31 Mar 2024.
    assert latest_due_fiscal_year(DECEMBER, as_of=date(2024, 4, 1), articles_deadline=3) == 2023
    assert latest_due_fiscal_year(DECEMBER, as_of=date(2024, 4, 1)) == 2022


def test_unreported_flag_error_is_reported_whole() -> None:
    with pytest.raises(ValidationError) as caught:
        activity_status(make(), as_of=date(2024, 7, 1), unreported_counts_as_missed="x" * 60)  # type: ignore[arg-type]
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "$.unreported_counts_as_missed",
            "unreported_counts_as_missed is True, False or None (the regime's default), "
            f"not '{'x' * 40}'\u2026",
        )
    ]


def test_before_the_deed_the_error_names_the_cooperative_cut_and_quoted() -> None:
    coop = make(name="Koperasi Konsumen " + "Sejahtera Bersama " * 4)
    with pytest.raises(RuleInputError) as caught:
        activity_status(coop, as_of=date(2010, 5, 2))
    assert str(caught.value) == (
        "the deed of 'Koperasi Konsumen Sejahtera Bersama Seja'\u2026 was approved on "
        "2010-05-03; there is no activity status on 2010-05-02: ask for a date on or after "
        "approval"
    )


def test_the_activity_rule_is_r21_and_rests_on_regulation() -> None:
    # The 3-year window comes from the ministry's practice (Kemenkop ODS), not the statute.
    decision = activity_status(make(), as_of=date(2024, 7, 1))
    assert (decision.rule, decision.basis) == ("R21", RuleBasis.REGULATION)
