"""Registry summary: counts that add up, breakdowns, percentages, wire format."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import attrs
import pytest

from _hypothesis_optional import given, st
from koperasi_id.cooperatives import (
    DEFAULT_BREAKDOWNS,
    DIMENSIONS,
    ActivityStatus,
    BusinessMode,
    Cooperative,
    CooperativeForm,
    CooperativeKind,
    LegalStatus,
    MembershipArea,
    Principle,
    RatRecord,
    RegistryCounter,
    RegistrySummary,
    activity_status,
    summarize,
)
from koperasi_id.cooperatives._registry import _province_label
from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import NomorBadanHukum
from koperasi_id.regions import RegionCode, RegionTable
from koperasi_id.serialization import from_dict, from_json, to_dict, to_json

BH = NomorBadanHukum.parse("5/BH/XVIII/2012")
AS_OF = date(2025, 7, 1)  # FY2024 fell due the day before: window 2022-2024


def make(
    *,
    region: str = "18.71",
    kind: CooperativeKind = CooperativeKind.CONSUMER,
    form: CooperativeForm = CooperativeForm.PRIMARY,
    active: bool = True,
    deed: date = date(2012, 4, 2),
    **changes: Any,
) -> Cooperative:
    rats = (
        (RatRecord(fiscal_year=2023, held_on=date(2024, 4, 20), reported=True),) if active else ()
    )
    fields: dict[str, Any] = {
        "name": "Koperasi Uji",
        "legal_entity_numbers": (BH,),
        "deed_approved_on": deed,
        "form": form,
        "kind": kind,
        "region": RegionCode.parse(region),
        "membership_area": MembershipArea.WITHIN_REGENCY,
        "member_count": 20,
        "rat_records": rats,
    }
    fields.update(changes)
    return Cooperative(**fields)


def small_registry() -> list[Cooperative]:
    return [
        make(region="18.71", kind=CooperativeKind.SAVINGS_AND_LOAN),
        make(region="18.71", kind=CooperativeKind.SAVINGS_AND_LOAN, active=False),
        make(region="18.71", active=False),
        make(region="18.72", form=CooperativeForm.SECONDARY),
        make(region="18.04.01", kind=CooperativeKind.PRODUCER, active=False),
        make(region="18.72", deed=date(2025, 8, 1), active=False),  # not yet established
        make(
            region="18.72",
            legal_status=LegalStatus.DISSOLVED,
            dissolved_on=date(2020, 1, 6),
        ),
    ]


def test_totals_add_up() -> None:
    s = summarize(small_registry(), as_of=AS_OF, invalid=3)
    assert (s.rows, s.invalid, s.not_yet_established, s.dissolved) == (10, 3, 1, 1)
    assert (s.registered, s.active, s.inactive) == (5, 2, 3)
    assert s.active_percent == Decimal("40.00")
    assert s.by_status == {"aktif": 2, "tidak_aktif": 3}
    assert s.window_years == 3
    assert s.unreported_counts_as_missed is True
    assert s.regime.name == "kemenkop-ods-rat-3-tahun"


def test_default_breakdowns_kind_form_region() -> None:
    s = summarize(small_registry(), as_of=AS_OF)
    assert tuple(b.dimension for b in s.breakdowns) == DEFAULT_BREAKDOWNS
    kind = s.breakdown("kind")
    # Every kind is listed, in the enum's order, zeros included.
    assert [g.key for g in kind.groups] == [k.value for k in CooperativeKind]
    ksp = kind.group("simpan_pinjam")
    assert (ksp.registered, ksp.active, ksp.inactive) == (2, 1, 1)
    assert ksp.active_percent == Decimal("50.00")
    assert ksp.label == "Koperasi Simpan Pinjam"
    assert kind.group("jasa").registered == 0
    assert kind.group("jasa").active_percent is None
    form = s.breakdown("form")
    assert [(g.key, g.registered) for g in form.groups] == [("primer", 4), ("sekunder", 1)]
    region = s.breakdown("region")
    assert [(g.key, g.label, g.registered, g.active) for g in region.groups] == [
        ("18.04", "Kabupaten Lampung Barat", 1, 0),
        ("18.71", "Kota Bandar Lampung", 3, 1),
        ("18.72", "Kota Metro", 1, 1),
    ]


def test_by_one_dimension_as_a_string_and_others() -> None:
    s = summarize(small_registry(), as_of=AS_OF, by="province")
    assert [b.dimension for b in s.breakdowns] == ["province"]
    only = s.breakdown("province").groups
    assert [(g.key, g.label, g.registered) for g in only] == [("18", "Lampung", 5)]
    with pytest.raises(KeyError):
        s.breakdown("kind")
    with pytest.raises(KeyError):
        s.breakdown("province").group("31")
    both = summarize(small_registry(), as_of=AS_OF, by=["mode", "principle", "mode"])
    assert [b.dimension for b in both.breakdowns] == ["mode", "principle"]
    assert both.breakdown("mode").group(BusinessMode.SINGLE_BUSINESS.value).registered == 5
    assert both.breakdown("principle").group(Principle.SHARIA.value).registered == 0
    assert summarize([], as_of=AS_OF, by=()).breakdowns == ()


def test_unknown_region_code_is_its_own_label() -> None:
    # 18.99 exists in no list; a caller's own table without regency lists lets it in.
    region = RegionCode.parse("18.99", regions=RegionTable([], source="provinces only"))
    s = summarize([attrs.evolve(make(), region=region)], as_of=AS_OF, by="region")
    assert s.breakdown("region").groups[0].label == "18.99"
    assert _province_label("99") == "99"
    assert _province_label("18") == "Lampung"


def test_unknown_dimension_is_refused_with_its_position() -> None:
    with pytest.raises(ValidationError) as err:
        summarize([], as_of=AS_OF, by=["kind", "colour", "size"])
    assert err.value.paths == ("$.by[1]", "$.by[2]")
    assert set(err.value.codes) == {"registry.unknown_dimension"}
    assert "region" in str(err.value)


def test_window_years_and_unreported_parameters_reach_every_cooperative() -> None:
    old_rat = make(
        active=False,
        rat_records=(RatRecord(fiscal_year=2022, held_on=date(2023, 3, 1), reported=True),),
    )
    unreported = make(
        active=False,
        rat_records=(RatRecord(fiscal_year=2024, held_on=date(2025, 3, 1), reported=False),),
    )
    three = summarize([old_rat, unreported], as_of=AS_OF)
    two = summarize([old_rat, unreported], as_of=AS_OF, window_years=2)
    lenient = summarize([old_rat, unreported], as_of=AS_OF, unreported_counts_as_missed=False)
    assert (three.active, two.active, lenient.active) == (1, 0, 2)
    assert two.window_years == 2
    with pytest.raises(ValidationError) as caught:
        summarize([], as_of=AS_OF, window_years=0)
    assert caught.value.codes == ("cooperatives.activity.window_years",)


def test_percent_rounding_is_half_up_and_configurable() -> None:
    registry = [make(), make(), make(active=False)]
    assert summarize(registry, as_of=AS_OF).active_percent == Decimal("66.67")
    assert summarize(registry, as_of=AS_OF, percent_places=1).active_percent == Decimal("66.7")
    assert summarize(registry, as_of=AS_OF, percent_places=0).active_percent == Decimal("67")
    # 1/8 = 12.5 exactly: half-up gives 13 with no decimals.
    eighth = [make(), *[make(active=False) for _ in range(7)]]
    assert summarize(eighth, as_of=AS_OF, percent_places=0).active_percent == Decimal("13")
    for bad in (-1, 7, True, "2"):
        with pytest.raises(ValidationError) as caught:
            summarize([], as_of=AS_OF, percent_places=bad)  # type: ignore[arg-type]
        assert caught.value.codes == ("registry.percent_places",)


def test_streams_a_generator_once() -> None:
    consumed = []

    def rows() -> Iterator[Cooperative]:
        for coop in small_registry():
            consumed.append(1)
            yield coop

    s = summarize(rows(), as_of=AS_OF)
    assert len(consumed) == 7
    assert s.rows == 7


def test_counter_counts_invalid_rows_as_it_goes() -> None:
    counter = RegistryCounter(as_of=AS_OF, by="region")
    rows: list[dict[str, Any]] = [to_dict(c) for c in small_registry()]
    rows.insert(2, {"name": "", "kind": "ksu"})
    for row in rows:
        try:
            counter.add(from_dict(Cooperative, row))
        except ValidationError:
            counter.add_invalid()
    s = counter.summary()
    assert (s.rows, s.invalid, s.registered) == (8, 1, 5)
    assert counter.add(make()) is ActivityStatus.ACTIVE
    assert counter.add(make(deed=date(2026, 1, 1), active=False)) is None
    assert counter.summary().rows == 10
    counter.add_invalid(0)
    with pytest.raises(ValidationError) as caught:
        counter.add_invalid(-1)
    assert caught.value.codes == ("registry.invalid_count",)
    with pytest.raises(ValidationError) as caught:
        counter.add_invalid(True)
    assert caught.value.codes == ("registry.invalid_count",)
    # Beyond the number policy: counted before, then the summary could not be written.
    for huge in (10**15 + 1, 10**5000):
        with pytest.raises(ValidationError) as caught:
            counter.add_invalid(huge)
        assert caught.value.codes == ("registry.invalid_count",)
    counter.add_invalid(10**15 - 10)
    assert from_json(RegistrySummary, to_json(counter.summary())) == counter.summary()


def test_to_dict_matches_the_converter_and_round_trips() -> None:
    s = summarize(small_registry(), as_of=AS_OF, invalid=1, by=list(DIMENSIONS))
    data = s.to_dict()
    assert data == to_dict(s)
    assert data["active_percent"] == "40.00"
    assert data["as_of"] == AS_OF.isoformat()
    assert sorted(data["regime"]) == ["citation", "confidence", "name", "valid_from", "valid_to"]
    assert data["regime"]["confidence"] == "M"
    assert sorted(data["regime"]["citation"]) == ["article", "instrument", "note"]
    kinds = next(b for b in data["breakdowns"] if b["dimension"] == "kind")
    assert kinds["groups"][0] == {
        "key": "simpan_pinjam",
        "label": "Koperasi Simpan Pinjam",
        "registered": 2,
        "active": 1,
        "inactive": 1,
        "active_percent": "50.00",
    }
    assert from_dict(RegistrySummary, data) == s
    assert from_json(RegistrySummary, s.to_json()) == s
    assert json.loads(s.to_json(indent=2)) == data


def test_tampered_summary_is_refused() -> None:
    data = summarize(small_registry(), as_of=AS_OF).to_dict()
    data["active"] += 1
    data["breakdowns"][0]["groups"][0]["registered"] += 1
    with pytest.raises(ValidationError) as err:
        from_dict(RegistrySummary, data)
    assert "registry.status_does_not_add_up" in err.value.codes
    assert "registry.groups_do_not_add_up" in err.value.codes
    data = summarize([], as_of=AS_OF).to_dict()
    data["rows"] = 1
    with pytest.raises(ValidationError) as err:
        from_dict(RegistrySummary, data)
    assert err.value.codes == ("registry.rows_do_not_add_up",)
    data = summarize([], as_of=AS_OF).to_dict()
    data.update(rows=0, invalid=-1, dissolved=1)
    with pytest.raises(ValidationError) as err:
        from_dict(RegistrySummary, data)
    assert err.value.codes == ("registry.negative",)


def test_table() -> None:
    s = summarize(small_registry(), as_of=AS_OF, by="form")
    assert s.table("form").splitlines() == [
        "                   terdaftar    aktif    tidak  % aktif",
        "Koperasi Primer            4        1        3    25.00",
        "Koperasi Sekunder          1        1        0   100.00",
        "Jumlah                     5        2        3    40.00",
    ]
    empty = summarize([], as_of=AS_OF, by="form").table("form")
    assert empty.splitlines()[-1].split() == ["Jumlah", "0", "0", "0", "-"]


# --- properties --------------------------------------------------------------------

REGIONS = ("18.01", "18.02", "18.71", "18.72", "31.71")


@st.composite
def registries(draw: st.DrawFn) -> Cooperative:
    deed = draw(st.dates(date(2010, 1, 1), date(2026, 6, 30)))
    first = deed.year
    years = draw(st.sets(st.integers(first, max(first, 2025)), max_size=4))
    rats = tuple(
        RatRecord(
            fiscal_year=y,
            held_on=date(y, 12, 31) + timedelta(days=draw(st.integers(1, 400))),
            reported=draw(st.booleans()),
        )
        for y in sorted(years)
    )
    dissolved_on = draw(st.none() | st.dates(deed, date(2027, 1, 1)))
    return make(
        region=draw(st.sampled_from(REGIONS)),
        kind=draw(st.sampled_from(CooperativeKind)),
        form=draw(st.sampled_from(CooperativeForm)),
        deed=deed,
        rat_records=rats,
        legal_status=LegalStatus.LEGAL_ENTITY if dissolved_on is None else LegalStatus.DISSOLVED,
        dissolved_on=dissolved_on,
    )


@given(
    st.lists(registries(), max_size=25),
    st.integers(0, 5),
    st.sampled_from((2, 3)),
    st.dates(date(2024, 1, 1), date(2026, 12, 31)),
)
def test_counts_add_up_and_agree_with_activity_status(
    registry: list[Cooperative], invalid: int, window_years: int, as_of: date
) -> None:
    s = summarize(
        registry, as_of=as_of, invalid=invalid, window_years=window_years, by=list(DIMENSIONS)
    )
    assert s.rows == len(registry) + invalid
    assert s.invalid + s.not_yet_established + s.dissolved + s.registered == s.rows
    assert s.active + s.inactive == s.registered
    for breakdown in s.breakdowns:
        assert sum(g.registered for g in breakdown.groups) == s.registered
        assert sum(g.active for g in breakdown.groups) == s.active
        assert sum(g.inactive for g in breakdown.groups) == s.inactive
    registered = [
        c
        for c in registry
        if c.deed_approved_on <= as_of and (c.dissolved_on is None or c.dissolved_on > as_of)
    ]
    expected_active = sum(
        activity_status(c, as_of=as_of, window_years=window_years).is_active for c in registered
    )
    assert s.active == expected_active
    if s.registered:
        assert s.active_percent is not None
        assert abs(s.active_percent - Decimal(100 * s.active) / s.registered) <= Decimal("0.005")
    assert from_dict(RegistrySummary, s.to_dict()) == s
