"""``koperasi_id.strategies``: arguments checked at call time, options honoured, plugin wired.

Example counts: the ``ci`` profile (200) for value types, 50 for entities.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

pytest.importorskip("hypothesis")  # every test here is a property test or needs the strategies

from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from koperasi_id import _hypothesis_plugin, bpum, kur, msme
from koperasi_id import strategies as ks
from koperasi_id._values import ValueType
from koperasi_id.bpum import ProposerType, Status
from koperasi_id.cooperatives import CooperativeForm, CooperativeKind, Organ, Principle
from koperasi_id.identifiers import BadanHukumForm, KbliVersion, NpwpKind, Sex
from koperasi_id.kur import CreditKind, Scheme
from koperasi_id.regions import RegionLevel, RegionStatus, default_region_table

ENTITY_EXAMPLES = 50
VALUE_TYPES = sorted(
    (t for t in ks.TYPE_STRATEGIES if issubclass(t, ValueType)), key=lambda t: t.__name__
)

# --- arguments are checked when the strategy is built -------------------------------

BAD_CALLS: list[tuple[str, Callable[[], object]]] = [
    ("niks province", lambda: ks.niks(province="99")),
    ("niks province type", lambda: ks.niks(province=18)),  # type: ignore[arg-type]
    ("niks sex", lambda: ks.niks(sex="pria")),
    ("niks range order", lambda: ks.niks(born_between=(date(2000, 1, 1), date(1990, 1, 1)))),
    ("niks range shape", lambda: ks.niks(born_between=(date(2000, 1, 1),))),  # type: ignore[arg-type]
    ("niks range bounds", lambda: ks.niks(born_between=(date(1850, 1, 1), date(1990, 1, 1)))),
    ("niks datetime", lambda: ks.niks(born_between=("1990-01-01", "1991-01-01"))),  # type: ignore[arg-type]
    ("nomor_kks province", lambda: ks.nomor_kks(province="00")),
    ("npwps form", lambda: ks.npwps(form="npwp_12")),
    ("nitkus head_office", lambda: ks.nitkus(head_office="ya")),  # type: ignore[arg-type]
    ("kblis version", lambda: ks.kblis(version="kbli_1990")),
    ("kblis section", lambda: ks.kblis(section="Z")),
    ("kblis section 2015", lambda: ks.kblis(version=KbliVersion.KBLI_2015, section="G")),
    ("region_codes level", lambda: ks.region_codes(level="dusun")),
    ("nomor_induk_koperasis province", lambda: ks.nomor_induk_koperasis(province="10")),
    ("nomor_badan_hukums year", lambda: ks.nomor_badan_hukums(year=1900)),
    ("nomor_badan_hukums year type", lambda: ks.nomor_badan_hukums(year="2020")),  # type: ignore[arg-type]
    ("nomor_badan_hukums ahu year", lambda: ks.nomor_badan_hukums(form="ahu", year=2010)),
    ("phone_numbers mobile", lambda: ks.phone_numbers(mobile=1)),  # type: ignore[arg-type]
    ("rupiah order", lambda: ks.rupiah(10, 1)),
    ("rupiah float", lambda: ks.rupiah(0, 1.5)),  # type: ignore[arg-type]
    ("rupiah negative", lambda: ks.rupiah(-1, 1)),
    ("rupiah fraction", lambda: ks.rupiah(0, Decimal("0.5"))),
    ("rupiah bool", lambda: ks.rupiah(False, 1)),
    ("businesses size", lambda: ks.businesses(size="raksasa")),
    ("businesses as_of type", lambda: ks.businesses(as_of="2024-01-01")),  # type: ignore[arg-type]
    ("businesses before any law", lambda: ks.businesses(as_of=date(2000, 1, 1))),
    ("cooperatives kind", lambda: ks.cooperatives(kind="serba_usaha")),
    ("cooperatives form", lambda: ks.cooperatives(form="tersier")),
    ("cooperatives active without as_of", lambda: ks.cooperatives(active=True)),
    ("cooperatives active type", lambda: ks.cooperatives(active="ya", as_of=date(2024, 1, 1))),  # type: ignore[arg-type]
    ("cooperatives early as_of", lambda: ks.cooperatives(as_of=date(1993, 6, 1))),
    ("founders person", lambda: ks.founders(person="ya")),  # type: ignore[arg-type]
    ("board_terms members meeting", lambda: ks.board_terms(organ=Organ.MEMBERS_MEETING)),
    ("board_members position", lambda: ks.board_members(position="bos")),
    ("rat_records fiscal_year", lambda: ks.rat_records(fiscal_year=1800)),
    ("rat_records year_end", lambda: ks.rat_records(year_end="12-31")),  # type: ignore[arg-type]
    ("business_activities fiscal_year", lambda: ks.business_activities(fiscal_year=True)),
    ("kur fails unknown", lambda: ks.kur_applications(fails="kur.rate")),
    ("kur eligible and fails", lambda: ks.kur_applications(eligible=True, fails="kur.tenor")),
    ("kur eligible type", lambda: ks.kur_applications(eligible="yes")),  # type: ignore[arg-type]
    ("kur scheme", lambda: ks.kur_applications(scheme="mega")),
    ("kur as_of too early", lambda: ks.kur_applications(as_of=date(2019, 12, 31))),
    (
        "kur omzet before 2026",
        lambda: ks.kur_applications(fails="kur.omzet", as_of=date(2025, 6, 1)),
    ),
    (
        "kur access limit scheme",
        lambda: ks.kur_applications(fails="kur.access_limit", scheme="kecil"),
    ),
    # Super mikro began on 2020-08-31 (Permenko 15/2020): no such credit before.
    (
        "kur scheme not yet",
        lambda: ks.kur_applications(scheme="super_mikro", as_of=date(2020, 8, 30)),
    ),
    ("kur loans scheme", lambda: ks.kur_loans(scheme="mega")),
    ("existing_credits kind", lambda: ks.existing_credits(kind="gadai")),
    ("bpum year", lambda: ks.bpum_proposals(year=2022)),
    ("bpum year type", lambda: ks.bpum_proposals(year="2021")),  # type: ignore[arg-type]
    ("bpum fails", lambda: ks.bpum_proposals(year=2020, fails="bpum.kk_required")),
    ("bpum eligible and fails", lambda: ks.bpum_proposals(eligible=True, fails="bpum.has_kur")),
    ("bpum_failures year", lambda: ks.bpum_failures(2019)),
    ("proposers type", lambda: ks.proposers(type="rt")),
    ("disbursement status", lambda: ks.disbursement_records(status="hilang")),
    ("disbursement year", lambda: ks.disbursement_records(year=2019)),
    ("business_dicts size", lambda: ks.business_dicts(size="raksasa")),
    ("cooperative_dicts active", lambda: ks.cooperative_dicts(active=False)),
    ("kur_application_dicts fails", lambda: ks.kur_application_dicts(fails="x")),
    ("kur_loan_dicts as_of", lambda: ks.kur_loan_dicts(as_of=date(2010, 1, 1))),
    ("bpum_proposal_dicts year", lambda: ks.bpum_proposal_dicts(year=1999)),
]


@pytest.mark.parametrize(("what", "call"), BAD_CALLS, ids=[w for w, _ in BAD_CALLS])
def test_bad_arguments_fail_when_the_strategy_is_built(
    what: str, call: Callable[[], object]
) -> None:
    with pytest.raises(InvalidArgument):
        call()


# --- every drawn value is valid and clean -----------------------------------------


@pytest.mark.parametrize("cls", VALUE_TYPES, ids=lambda t: t.__name__)
def test_value_types_are_canonical_and_without_warnings(cls: type[Any]) -> None:
    @given(st.from_type(cls))
    def check(value: Any) -> None:
        assert value.warnings == ()
        assert cls.parse(str(value)) == value
        assert cls.is_valid(str(value))

    check()


@given(
    st.sampled_from(sorted({r.code.province_code for r in default_region_table()})),
    st.sampled_from(Sex),
    st.dates(date(1900, 1, 1), date(2099, 12, 31)),
    st.integers(0, 3000),
    st.data(),
)
def test_niks_honour_province_sex_and_birth_range(
    province: str, sex: Sex, first: date, days: int, data: st.DataObject
) -> None:
    last = min(date(2099, 12, 31), date.fromordinal(first.toordinal() + days))
    nik = data.draw(ks.niks(province=province, sex=sex, born_between=(first, last)))
    assert nik.province_code == province
    assert nik.sex is sex
    assert first <= nik.birth_date(reference=last) <= last
    assert nik.warnings == ()
    assert default_region_table().status(nik.regency_code) is not RegionStatus.RETIRED


@given(st.sampled_from(NpwpKind), st.sampled_from([True, False]), st.data())
def test_npwps_and_nitkus_take_the_asked_form(
    kind: NpwpKind, head: bool, data: st.DataObject
) -> None:
    assert data.draw(ks.npwps(form=kind)).npwp_kind is kind
    nitku = data.draw(ks.nitkus(form=kind.value, head_office=head))
    assert nitku.npwp.npwp_kind is kind
    assert nitku.is_head_office is head


@given(st.sampled_from("ABCDEFGHIJKLMNOPQRSTU"), st.data())
def test_kblis_of_a_section_are_in_it(section: str, data: st.DataObject) -> None:
    assert data.draw(ks.kblis(section=section)).section == section


@given(st.sampled_from([KbliVersion.KBLI_2015, KbliVersion.KBLI_2025]), st.data())
def test_kblis_of_other_editions_keep_their_edition(
    version: KbliVersion, data: st.DataObject
) -> None:
    assert data.draw(ks.kblis(version=version)).version is version


@given(st.sampled_from(RegionLevel), st.sampled_from(["18", "31", "91", "11"]), st.data())
def test_region_codes_have_the_asked_level_and_province(
    level: RegionLevel, province: str, data: st.DataObject
) -> None:
    code = data.draw(ks.region_codes(level=level, province=province))
    assert code.level is level
    assert code.province_code == province
    assert code.warnings == ()


@given(st.integers(1945, 2030), st.data())
def test_legal_entity_numbers_carry_their_year_and_form(year: int, data: st.DataObject) -> None:
    number = data.draw(ks.nomor_badan_hukums(year=year))
    assert number.year == year
    assert number.form is (BadanHukumForm.AHU if year >= 2019 else BadanHukumForm.LEGACY)


@given(st.booleans(), st.data())
def test_phone_numbers_are_mobile_or_fixed_as_asked(mobile: bool, data: st.DataObject) -> None:
    assert data.draw(ks.phone_numbers(mobile=mobile)).national.startswith("8") is mobile


@given(st.data())
def test_nomor_kks_and_koperasi_numbers_sit_in_the_province(data: st.DataObject) -> None:
    assert str(data.draw(ks.nomor_kks(province="18"))).startswith("18")
    assert data.draw(ks.nomor_induk_koperasis(province="18")).regency_code.startswith("18.")


@given(st.integers(0, 10**12), st.integers(0, 10**12), st.data())
def test_rupiah_stays_in_bounds_and_whole(a: int, b: int, data: st.DataObject) -> None:
    low, high = min(a, b), max(a, b)
    amount = data.draw(ks.rupiah(low, Decimal(high)))
    assert isinstance(amount, Decimal)
    assert low <= amount <= high
    assert amount == amount.to_integral_value()


@given(ks.person_names(), ks.business_names(), ks.street_addresses())
def test_names_and_addresses_are_plain_text(person: str, business: str, address: str) -> None:
    for text in (person, business, address):
        assert text == text.strip()
        assert text


# --- entities -----------------------------------------------------------------------


@settings(max_examples=ENTITY_EXAMPLES)
@given(st.sampled_from(CooperativeKind), st.sampled_from(CooperativeForm), st.data())
def test_cooperatives_have_the_asked_kind_and_form(
    kind: CooperativeKind, form: CooperativeForm, data: st.DataObject
) -> None:
    coop = data.draw(ks.cooperatives(kind=kind.value, form=form))
    assert (coop.kind, coop.form) == (kind, form)
    assert all(f.is_person is (form is CooperativeForm.PRIMARY) for f in coop.founders)
    if coop.principle is Principle.SHARIA and coop.board_terms:
        assert Organ.SHARIA_SUPERVISORY_BOARD in {t.organ for t in coop.board_terms}


@settings(max_examples=ENTITY_EXAMPLES)
@given(st.booleans(), st.sampled_from([None, date(2024, 5, 1)]), st.data())
def test_founders_are_persons_or_cooperatives_as_asked(
    person: bool, founded_on: date | None, data: st.DataObject
) -> None:
    founder = data.draw(ks.founders(person=person, founded_on=founded_on))
    assert founder.is_person is person


@settings(max_examples=ENTITY_EXAMPLES)
@given(
    st.sampled_from([Organ.BOARD, Organ.SUPERVISORS, Organ.SHARIA_SUPERVISORY_BOARD]),
    st.data(),
)
def test_board_terms_and_members(organ: Organ, data: st.DataObject) -> None:
    term = data.draw(ks.board_terms(organ=organ, started_on=date(2021, 3, 1)))
    assert term.organ is organ
    assert term.started_on == date(2021, 3, 1) < term.ends_on
    member = data.draw(ks.board_members(position="ketua", on=date(2021, 3, 1)))
    assert member.position.value == "ketua"


@given(st.integers(1993, 2098), st.data())
def test_rat_records_and_activities_for_a_year(year: int, data: st.DataObject) -> None:
    rat = data.draw(ks.rat_records(fiscal_year=year))
    assert rat.fiscal_year == year
    assert rat.held_on is None or rat.held_on > date(year, 12, 31)
    assert data.draw(ks.business_activities(fiscal_year=year)).fiscal_year == year


@settings(max_examples=ENTITY_EXAMPLES)
@given(st.sampled_from(Scheme), st.data())
def test_kur_applications_and_loans_have_the_asked_scheme(
    scheme: Scheme, data: st.DataObject
) -> None:
    application = data.draw(ks.kur_applications(scheme=scheme, as_of=date(2024, 5, 1)))
    assert application.scheme is scheme
    assert application.akad_date == date(2024, 5, 1)
    assert application.borrower_nik == application.business.owner_nik
    assert data.draw(ks.kur_loans(scheme=scheme.value)).scheme is scheme


@settings(max_examples=ENTITY_EXAMPLES)
@given(st.data())
def test_kur_applications_before_super_mikro_draw_only_schemes_that_existed(
    data: st.DataObject,
) -> None:
    # 1 Jan - 30 Aug 2020: Permenko 8/2019 knows mikro, kecil, khusus and TKI, not super
    # mikro; an application of a scheme that did not exist would make assess() raise.
    application = data.draw(ks.kur_applications(eligible=True, as_of=date(2020, 3, 2)))
    assert application.scheme is not Scheme.SUPER_MICRO
    assert kur.assess(application).passed


@given(st.sampled_from(CreditKind), st.data())
def test_existing_credits_of_a_kind(kind: CreditKind, data: st.DataObject) -> None:
    credit = data.draw(ks.existing_credits(kind=kind))
    assert credit.kind is kind
    assert not credit.closed or credit.outstanding == 0


@given(st.sampled_from(ProposerType), st.sampled_from(Status), st.data())
def test_proposers_and_disbursement_records(
    kind: ProposerType, status: Status, data: st.DataObject
) -> None:
    assert data.draw(ks.proposers(type=kind)).type is kind
    record = data.draw(ks.disbursement_records(year=2021, status=status))
    assert (record.year, record.status) == (2021, status)


@settings(max_examples=ENTITY_EXAMPLES)
@given(st.data())
def test_dict_variants_draw_wire_dicts(data: st.DataObject) -> None:
    for strategy in (
        ks.business_dicts(size="mikro"),
        ks.cooperative_dicts(active=True, as_of=date(2024, 7, 1)),
        ks.kur_application_dicts(eligible=True),
        ks.kur_loan_dicts(),
        ks.bpum_proposal_dicts(year=2020, eligible=True),
    ):
        wire = data.draw(strategy)
        assert isinstance(wire, dict)
        assert all(isinstance(k, str) for k in wire)


# --- the hypothesis plugin ------------------------------------------------------------


def _public_path(cls: type[Any]) -> str:
    """``package:Name`` where the type is exported (private ``_x`` modules dropped)."""
    module = cls.__module__
    if module.rsplit(".", 1)[-1].startswith("_"):
        module = module.rsplit(".", 1)[0]
    return f"{module}:{cls.__name__}"


ENTITY_PATHS = [_public_path(t) for t in ks.TYPE_STRATEGIES]


def _fresh(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_from_type_works_in_a_fresh_interpreter_for_every_public_type() -> None:
    imports = "\n".join(
        f"from {path.split(':')[0]} import {path.split(':')[1]}" for path in ENTITY_PATHS
    )
    names = ", ".join(path.split(":")[1] for path in ENTITY_PATHS)
    code = f"""
from hypothesis import strategies as st
{imports}
for cls in ({names},):
    value = st.from_type(cls).example()
    assert isinstance(value, cls), cls
from koperasi_id.kur import assess
assert assess(st.from_type(KurApplication).example()).passed
print("ok")
"""
    result = _fresh(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_from_type_works_when_the_strategies_are_imported_before_hypothesis() -> None:
    result = _fresh(
        "from koperasi_id.strategies import niks\n"
        "from hypothesis import strategies as st\n"
        "from koperasi_id.cooperatives import Cooperative\n"
        "assert isinstance(st.from_type(Cooperative).example(), Cooperative)\n"
    )
    assert result.returncode == 0, result.stderr


def test_the_plugin_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def broken(module: str) -> None:
        calls.append(module)
        raise RuntimeError("boom")

    monkeypatch.setattr(_hypothesis_plugin, "_register", broken)
    monkeypatch.setattr(_hypothesis_plugin, "_registered", set())
    _hypothesis_plugin._setup_hypothesis()
    _hypothesis_plugin.register_module_types("koperasi_id.kur")
    assert "koperasi_id.kur" in calls  # the failure happened, and was swallowed


def test_importing_hypothesis_imports_no_domain_module() -> None:
    result = _fresh(
        "import sys\n"
        "import hypothesis\n"
        "from hypothesis import strategies as st\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('koperasi_id'))\n"
        "assert 'koperasi_id._hypothesis_plugin' in loaded, loaded\n"
        "foundations = {'koperasi_id', 'koperasi_id._hypothesis_plugin',\n"
        "               'koperasi_id.decisions', 'koperasi_id.errors', 'koperasi_id.law'}\n"
        "assert set(loaded) <= foundations, loaded\n"
    )
    assert result.returncode == 0, result.stderr


def test_from_type_works_for_a_module_imported_before_hypothesis() -> None:
    result = _fresh(
        "from koperasi_id.cooperatives import Cooperative\n"
        "from koperasi_id.identifiers import Nik\n"
        "from hypothesis import strategies as st\n"
        "assert isinstance(st.from_type(Nik).example(), Nik)\n"
        "assert isinstance(st.from_type(Cooperative).example(), Cooperative)\n"
    )
    assert result.returncode == 0, result.stderr


def test_the_plugin_imports_the_strategies_only_on_first_use() -> None:
    result = _fresh(
        "import sys\n"
        "from hypothesis import strategies as st\n"
        "assert 'koperasi_id.strategies' not in sys.modules\n"
        "from koperasi_id.identifiers import Nik\n"
        "strategy = st.from_type(Nik)\n"
        "assert isinstance(strategy.example(), Nik)\n"
        "assert 'koperasi_id.strategies' in sys.modules\n"
    )
    assert result.returncode == 0, result.stderr


def test_registering_twice_is_harmless() -> None:
    ks.register_type_strategies()
    ks.register_type_strategies()
    assert isinstance(st.from_type(Sex), st.SearchStrategy)


@settings(max_examples=ENTITY_EXAMPLES)
@given(st.data())
def test_eligible_false_draws_a_failing_record(data: st.DataObject) -> None:
    application = data.draw(ks.kur_applications(eligible=False, scheme="kecil"))
    assert len(kur.assess(application).failed_codes) == 1
    proposal = data.draw(ks.bpum_proposals(year=2021, eligible=False))
    assert len(bpum.assess(proposal, year=2021).failed_codes) == 1


@settings(max_examples=ENTITY_EXAMPLES)
@given(st.sampled_from([s for s in Scheme if s is not Scheme.SUPER_MICRO]), st.data())
def test_npwp_failures_for_every_scheme_that_needs_one(scheme: Scheme, data: st.DataObject) -> None:
    application = data.draw(ks.kur_applications(fails="kur.npwp_required", scheme=scheme))
    assert application.npwp is None
    assert kur.assess(application).failed_codes == ("kur.npwp_required",)


@pytest.mark.parametrize("size", ["kecil", "menengah", "besar"])
def test_businesses_reach_one_sen_above_the_ceiling_below_their_class(size: str) -> None:
    # The boundary where classification goes wrong is a sen above a ceiling
    # (Rp1.000.000.000,01 is no longer micro); whole-rupiah draws never got there.
    day = date(2024, 1, 1)
    bands = msme.SIZE_CRITERIA.at(day).value.bands_for(msme.Criterion.CAPITAL)
    assert bands is not None
    floor = bands.floor(msme.BusinessSize(size))
    assert floor is not None
    found = find(
        ks.businesses(size=size, as_of=day),
        lambda b: b.capital == floor + Decimal("0.01"),
        settings=settings(max_examples=5000, database=None),
    )
    assert msme.classify_business(found, as_of=day).size is msme.BusinessSize(size)
