"""BPS workforce classes, the OSS UMK view and sector criteria (Pasal 36)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import attrs
import pytest

from koperasi_id.decisions import Decision, Finding
from koperasi_id.errors import NoRuleInForceError, RuleInputError, ValidationError
from koperasi_id.identifiers import Nik
from koperasi_id.law import Citation, Confidence, Regime, Timeline
from koperasi_id.msme import (
    BPS_WORKFORCE_BANDS,
    KUR_2026_OMZET,
    OSS_SCALE,
    SIZE_CRITERIA,
    Business,
    BusinessSize,
    OssScaleRule,
    SectorCriteria,
    WorkforceBands,
    WorkforceClass,
    classify_workforce,
    is_umk_for_oss,
    oss_scale,
)
from koperasi_id.serialization import from_dict, to_dict

# -- R-BPS-1 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("workers", "expected"),
    [
        (1, WorkforceClass.MICRO),
        (4, WorkforceClass.MICRO),
        (5, WorkforceClass.SMALL),
        (19, WorkforceClass.SMALL),
        (20, WorkforceClass.MEDIUM),
        (99, WorkforceClass.MEDIUM),
        (100, WorkforceClass.LARGE),
        (250_000, WorkforceClass.LARGE),
    ],
)
def test_bps_bands(workers: int, expected: WorkforceClass) -> None:
    d = classify_workforce(workers)
    assert d.outcome is expected is d.workforce_class
    assert d.workers == workers
    assert d.statistical
    assert not d.legal
    assert "not a legal" in d.scope
    assert d.citations == (BPS_WORKFORCE_BANDS.citation,)
    assert "bukan kriteria hukum" in d.explain("id")


def test_bps_messages() -> None:
    assert "20-99 orang" in classify_workforce(20).explain("id")
    assert "100 or more people" in classify_workforce(100).explain("en")
    assert "1-4 people" in classify_workforce(1).explain("en")
    assert "5-19 people" in classify_workforce(5).explain("en")


def test_bps_labels() -> None:
    assert [c.value for c in WorkforceClass] == ["mikro", "kecil", "sedang", "besar"]
    assert WorkforceClass.MEDIUM.label == "Industri Sedang"


@pytest.mark.parametrize(
    ("workers", "code"),
    [
        (0, "msme.workers_not_positive"),
        (-1, "msme.workers_not_positive"),
        (True, "msme.workers_type"),
        (4.0, "msme.workers_type"),
        ("4", "msme.workers_type"),
        (None, "msme.workers_type"),
    ],
)
def test_bps_junk(workers: object, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        classify_workforce(workers)  # type: ignore[arg-type]
    assert caught.value.codes == (code,)
    assert caught.value.paths == ("$.workers",)


def test_custom_workforce_bands() -> None:
    bands = WorkforceBands(micro_max=9, small_max=49, medium_max=249, citation=Citation("X"))
    assert classify_workforce(9, bands=bands).outcome is WorkforceClass.MICRO
    assert classify_workforce(10, bands=bands).outcome is WorkforceClass.SMALL
    with pytest.raises(ValidationError) as caught:
        WorkforceBands(micro_max=0, small_max=5, medium_max=9, citation=Citation("X"))
    assert caught.value.codes == ("msme.workforce_bands_order",)
    wire = to_dict(bands)
    with pytest.raises(ValidationError) as caught:
        from_dict(WorkforceBands, {**wire, "micro_max": 10**15})  # a bare ValueError before
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.micro_max", "msme.workforce_bands_order")
    ]


# -- R-OSS-1 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("capital", "umk", "size"),
    [
        (0, True, BusinessSize.MICRO),
        (1_000_000_000, True, BusinessSize.MICRO),
        (5_000_000_000, True, BusinessSize.SMALL),
        (5_000_000_001, False, BusinessSize.MEDIUM),
        (10_000_000_001, False, BusinessSize.LARGE),
    ],
)
@pytest.mark.parametrize(
    ("as_of", "regime"),
    [
        (date(2021, 2, 2), "pp-5-2021"),
        (date(2025, 6, 4), "pp-5-2021"),
        (date(2025, 6, 5), "pp-28-2025"),
    ],
)
def test_oss_umk(capital: int, umk: bool, size: BusinessSize, as_of: date, regime: str) -> None:
    d = oss_scale(Decimal(capital), as_of=as_of)
    assert (d.is_umk, d.outcome, d.size) == (umk, umk, size)
    assert d.capital == Decimal(capital)
    assert d.umk_capital_ceiling == Decimal(5_000_000_000)
    assert [r.name for r in d.regimes] == ["pp-7-2021", regime]
    assert d.regimes[1].confidence is Confidence.MEDIUM
    assert d.finding("msme.oss.umk").passed is umk
    assert is_umk_for_oss(capital, as_of=as_of) is umk


def test_oss_messages() -> None:
    assert "paling banyak Rp5.000.000.000: UMK." in oss_scale(1, as_of=date(2024, 1, 1)).explain()
    above = oss_scale(5_000_000_001, as_of=date(2024, 1, 1)).explain("en")
    assert "above Rp5.000.000.000: not UMK." in above


def test_oss_before_pp_5_2021_has_no_rule() -> None:
    with pytest.raises(NoRuleInForceError, match=r"msme\.oss_scale") as caught:
        is_umk_for_oss(1, as_of=date(2021, 2, 1))
    assert caught.value.table == "msme.oss_scale"
    assert OSS_SCALE.spans[0][0] == date(2021, 2, 2)


def test_oss_refuses_junk_and_included_land() -> None:
    with pytest.raises(ValidationError) as caught:
        is_umk_for_oss(-1, as_of=date(2024, 1, 1))
    assert caught.value.codes == ("money.negative",)
    with pytest.raises(ValidationError) as caught:
        is_umk_for_oss(1.0, as_of=date(2024, 1, 1))  # type: ignore[arg-type]
    assert caught.value.codes == ("money.float",)
    with pytest.raises(RuleInputError, match="land and buildings"):
        is_umk_for_oss(1, as_of=date(2024, 1, 1), excludes_land_and_buildings=False)


@pytest.mark.parametrize("as_of", ["2024-01-01", datetime(2024, 1, 1, 9), None])
def test_oss_and_sector_dates_must_be_dates(as_of: object) -> None:
    for call in (
        lambda: oss_scale(1, as_of=as_of),  # type: ignore[arg-type]
        lambda: is_umk_for_oss(1, as_of=as_of),  # type: ignore[arg-type]
        lambda: KUR_2026_OMZET.check(1, as_of=as_of),  # type: ignore[arg-type]
    ):
        with pytest.raises(ValidationError) as caught:
            call()
        assert caught.value.codes == ("type.date",)
        assert caught.value.paths == ("$.as_of",)


def test_is_umk_for_oss_takes_the_callers_timelines() -> None:
    strict = Timeline(
        "custom.oss",
        [
            Regime(
                name="perpres-99-2030",
                valid_from=date(2021, 2, 2),
                citation=Citation("Perpres 99/2030"),
                confidence=Confidence.LOW,
                value=OssScaleRule(umk_capital_ceiling=Decimal(1_000_000_000)),
            )
        ],
    )
    assert is_umk_for_oss(1_000_000_001, as_of=date(2024, 1, 1))
    assert not is_umk_for_oss(1_000_000_001, as_of=date(2024, 1, 1), rules=strict)
    later = SIZE_CRITERIA.at(date(2024, 1, 1))
    from_2030 = Timeline("custom.size", [attrs.evolve(later, valid_from=date(2030, 1, 1))])
    with pytest.raises(NoRuleInForceError, match=r"custom\.size") as caught:
        is_umk_for_oss(1, as_of=date(2024, 1, 1), size_rules=from_2030)
    assert caught.value.table == "custom.size"


# -- R-MSME-7 / R-KUR-9: sector criteria -----------------------------------------------


def _business(annual_sales: Decimal | None) -> Business:
    return Business(
        name="UD Tani Makmur",
        owner_nik=Nik.parse("1871011507850003"),
        started_on=date(2015, 5, 5),
        annual_sales=annual_sales,
    )


@pytest.mark.parametrize(
    ("omzet", "meets"),
    [(0, True), (4_800_000_000, True), (4_800_000_001, False)],
)
def test_kur_2026_omzet(omzet: int, meets: bool) -> None:
    d = KUR_2026_OMZET.assess(_business(Decimal(omzet)), as_of=date(2026, 1, 1))
    assert d.outcome is meets
    assert d.passed is meets
    assert d.criteria_code == "msme.sector.kur_omzet"
    finding = d.finding("msme.sector.kur_omzet")
    assert finding.citation == Citation("Permenko Perekonomian 1/2026", "Pasal 3 ayat (3)")
    assert d.regimes[0].confidence is Confidence.MEDIUM
    assert ("memenuhi" if meets else "tidak memenuhi") in finding.message_id


def test_kur_2026_omzet_starts_2026() -> None:
    with pytest.raises(NoRuleInForceError) as caught:
        KUR_2026_OMZET.check(1, as_of=date(2025, 12, 31))
    assert caught.value.table == "msme.sector.kur_omzet"


def test_kur_2026_omzet_junk() -> None:
    with pytest.raises(RuleInputError, match="set the business's annual_sales"):
        KUR_2026_OMZET.assess(_business(None), as_of=date(2026, 1, 1))
    with pytest.raises(RuleInputError, match="got None"):
        KUR_2026_OMZET.check(None, as_of=date(2026, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        KUR_2026_OMZET.check(-1, as_of=date(2026, 1, 1))
    assert caught.value.codes == ("money.negative",)
    with pytest.raises(ValidationError) as caught:
        KUR_2026_OMZET.check(4.8e9, as_of=date(2026, 1, 1))  # type: ignore[arg-type]
    assert caught.value.codes == ("money.float",)


class _IndustryCriteria:
    """A ministry's own rule written by a caller: industri kecil by workers."""

    code = "demo.industri_kecil"

    def assess(self, business: Business, *, as_of: date) -> Decision[bool]:
        ok = business.workers is not None and business.workers <= 19
        return Decision(
            outcome=ok,
            as_of=as_of,
            findings=(
                Finding(
                    code=self.code,
                    passed=ok,
                    message_id="Tenaga kerja paling banyak 19 orang.",
                    message_en="At most 19 workers.",
                    citation=Citation("Permenperin (example)"),
                ),
            ),
        )


def test_callers_implement_the_protocol() -> None:
    assert isinstance(KUR_2026_OMZET, SectorCriteria)
    rule: SectorCriteria = _IndustryCriteria()
    assert isinstance(rule, SectorCriteria)
    b = Business(
        name="Batik Ibu",
        owner_nik=Nik.parse("1871015203880004"),
        started_on=date(2010, 1, 1),
        workers=12,
    )
    assert rule.assess(b, as_of=date(2026, 1, 1)).outcome is True
    assert not isinstance(object(), SectorCriteria)
