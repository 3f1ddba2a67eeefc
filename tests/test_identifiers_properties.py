"""Property tests for the identifiers: generated valid values parse, round-trip
through ``str``, the converter and JSON; women's day + 40; Luhn catches every
single-digit error. Every generated number is SYNTHETIC."""

from __future__ import annotations

import json
from datetime import date, timedelta

import attrs
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import assume, example, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from koperasi_id.errors import ValidationError  # noqa: E402
from koperasi_id.identifiers import (  # noqa: E402
    KBLI_2020_DIVISIONS,
    Kbli,
    KbliVersion,
    Nib,
    Nik,
    Nitku,
    NomorBadanHukum,
    NomorIndukKoperasi,
    Npwp,
    Sex,
    luhn_check_digit,
)
from koperasi_id.regions import PROVINCES, RegionCode  # noqa: E402
from koperasi_id.serialization import from_dict, from_json, to_dict, to_json  # noqa: E402

# --- local strategies ----------------------------------------------------------------

LAMPUNG = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "71", "72"]
REFERENCE = date(2026, 11, 27)


@st.composite
def nik_parts(draw: st.DrawFn) -> tuple[str, date, Sex]:
    born = draw(st.dates(min_value=date(1927, 1, 1), max_value=REFERENCE))
    sex = draw(st.sampled_from(Sex))
    province = draw(st.sampled_from(["18", "31", "33", "65", "93", "96"]))
    regency = draw(st.sampled_from(LAMPUNG)) if province == "18" else "01"
    if province == "31":
        regency = draw(st.sampled_from(["01", "71", "75"]))
    district = f"{draw(st.integers(1, 51)):02d}"
    day = born.day + (40 if sex is Sex.FEMALE else 0)
    serial = f"{draw(st.integers(1, 9999)):04d}"
    digits = f"{province}{regency}{district}{day:02d}{born.month:02d}{born.year % 100:02d}{serial}"
    return digits, born, sex


niks = nik_parts().map(lambda parts: parts[0])


@st.composite
def legacy_npwps(draw: st.DrawFn) -> str:
    body = draw(st.text("0123456789", min_size=8, max_size=8))
    tail = draw(st.text("0123456789", min_size=6, max_size=6))
    return body + luhn_check_digit(body) + tail


nibs = st.text("0123456789", min_size=13, max_size=13)
kblis = st.builds(
    lambda division, rest: division + rest,
    st.sampled_from(sorted(KBLI_2020_DIVISIONS)),
    st.text("0123456789", min_size=3, max_size=3),
)
ahu_numbers = st.builds(
    lambda seq, year, sep, upper: (
        f"AHU-{seq:07d}.AH.01.26.TAHUN{sep}{year}"
        if upper
        else f"ahu-{seq:07d}.ah.01.26.tahun{sep}{year}"
    ),
    st.integers(0, 9_999_999),
    st.integers(2019, 2026),
    st.sampled_from([" ", "-"]),
    st.booleans(),
)


@attrs.frozen(kw_only=True)
class Member:
    """A small entity carrying every identifier, as a domain module would."""

    nik: Nik
    npwp: Npwp
    nitku: Nitku
    nib: Nib
    kbli: Kbli
    region: RegionCode
    nomor_induk_koperasi: NomorIndukKoperasi
    badan_hukum: NomorBadanHukum
    kbli_history: tuple[Kbli, ...] = ()


# --- properties -------------------------------------------------------------------------


@given(nik_parts())
def test_generated_nik_parses_and_decodes(parts):
    digits, born, sex = parts
    nik = Nik.parse(digits)
    assert str(nik) == digits
    assert Nik.parse(str(nik)) == nik
    assert nik.sex is sex
    assert nik.birth_date(reference=REFERENCE) == born
    assert born in nik.birth_date_candidates
    assert digits not in repr(nik)


@given(nik_parts())
def test_female_day_plus_forty(parts):
    digits, born, sex = parts
    dd = int(digits[6:8])
    assert dd == born.day + (40 if sex is Sex.FEMALE else 0)
    assert Nik.parse(digits).birth_day == born.day


@given(nik_parts())
def test_changing_sex_keeps_the_date(parts):
    digits, born, sex = parts
    dd = int(digits[6:8])
    flipped = f"{dd - 40 if sex is Sex.FEMALE else dd + 40:02d}"
    other = Nik.parse(digits[:6] + flipped + digits[8:])
    assert other.sex is not sex
    assert other.birth_date(reference=REFERENCE) == born


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
@example(date(2000, 2, 29))
@example(date(2004, 2, 29))
def test_century_inference_never_picks_the_future(reference):
    nik = Nik.parse(f"187101{reference:%d%m%y}0001")
    assert nik.birth_date(reference=reference) == reference
    day_before = reference - timedelta(days=1)
    try:
        older = reference.replace(year=reference.year - 100)
    except ValueError:  # 29 Feb 2000: 1900 was not a leap year, no older candidate
        with pytest.raises(ValidationError) as caught:
            nik.birth_date(reference=day_before)
        assert caught.value.codes == ("nik.future_birth_date",)
    else:
        assert nik.birth_date(reference=day_before) == older


@given(legacy_npwps())
def test_generated_legacy_npwp_round_trips(raw):
    npwp = Npwp.parse(raw)
    assert str(npwp) == "0" + raw
    assert Npwp.parse(npwp.display()) == npwp
    assert Npwp.parse(str(npwp)) == npwp
    assert npwp.legacy_digits == raw


@given(legacy_npwps(), st.integers(0, 8), st.integers(1, 9))
def test_luhn_catches_every_single_digit_change(raw, position, delta):
    # Luhn covers digits 1-9 (positions 0-8); digits 10-15 carry no check.
    changed = raw[:position] + str((int(raw[position]) + delta) % 10) + raw[position + 1 :]
    with pytest.raises(ValidationError) as info:
        Npwp.parse(changed)
    assert info.value.codes == ("npwp.checksum",)
    assert [w.code for w in Npwp.parse(changed, lenient=True).warnings] == ["npwp.checksum"]


def test_luhn_single_digit_changes_exhaustively_for_one_number():
    raw = "012345674123000"  # synthetic
    for position in range(9):
        for digit in "0123456789":
            if digit != raw[position]:
                assert not Npwp.is_valid(raw[:position] + digit + raw[position + 1 :])


@given(niks)
def test_nik_as_npwp(raw):
    npwp = Npwp.parse(raw)
    assert npwp.nik == Nik.parse(raw)
    assert str(npwp) == raw


@given(nibs)
def test_generated_nib_round_trips(raw):
    assert str(Nib.parse(raw)) == raw
    assert Nib.parse(str(Nib.parse(raw))) == Nib.parse(raw)


@given(kblis, st.sampled_from(KbliVersion))
def test_generated_kbli_round_trips(raw, version):
    code = Kbli.parse(raw, version=version)
    assert Kbli.parse(str(code)) == code
    if version is KbliVersion.KBLI_2020:
        assert code.section == KBLI_2020_DIVISIONS[raw[:2]]


@given(ahu_numbers)
def test_generated_ahu_round_trips(raw):
    value = NomorBadanHukum.parse(raw)
    assert NomorBadanHukum.parse(str(value)) == value
    assert str(value) == str(value).upper()


@given(
    niks,
    legacy_npwps(),
    st.text("0123456789", min_size=6, max_size=6),
    nibs,
    kblis,
    st.sampled_from([p.code for p in PROVINCES] + ["18.71", "18.01.04", "91.01"]),
    st.text("0123456789", min_size=12, max_size=12),
    ahu_numbers,
    st.lists(kblis, max_size=3),
)
def test_entity_round_trip_through_dict_and_json(
    nik, npwp, place, nib, kbli, region, nik_koperasi_tail, ahu, history
):
    member = Member(
        nik=Nik.parse(nik),
        npwp=Npwp.parse(npwp),
        nitku=Nitku.parse("0" + npwp + place),
        nib=Nib.parse(nib),
        kbli=Kbli.parse(kbli),
        region=RegionCode.parse(region),
        nomor_induk_koperasi=NomorIndukKoperasi.parse("1871" + nik_koperasi_tail),
        badan_hukum=NomorBadanHukum.parse(ahu),
        kbli_history=tuple(Kbli.parse(k) for k in history),
    )
    data = to_dict(member)
    assert data["nik"] == nik
    assert data["npwp"] == "0" + npwp
    assert all(isinstance(v, str) for k, v in data.items() if k != "kbli_history")
    assert from_dict(Member, data) == member
    assert from_dict(Member, json.loads(json.dumps(data))) == member
    assert from_json(Member, to_json(member)) == member


@given(niks)
def test_bad_identifier_reported_at_its_field_path(nik):
    assume(nik[12:] != "0000")
    data = {
        "nik": nik[:12] + "0000",
        "npwp": "01.234.567.5-123.000",
        "nitku": "0012345674123000000001",
        "nib": "0220000451127",
        "kbli": "92000",
        "region": "18.70",
        "nomor_induk_koperasi": "1871050020001234",
        "badan_hukum": "AHU-0001234.AH.01.26.TAHUN 2015",
    }
    with pytest.raises(ValidationError) as info:
        from_dict(Member, data)
    found = {(p.path, p.code) for p in info.value.problems}
    assert found == {
        ("$.nik", "nik.serial_zero"),
        ("$.npwp", "npwp.checksum"),
        ("$.kbli", "kbli.division_unknown"),
        ("$.region", "region.regency_range"),
        ("$.badan_hukum", "nomor_badan_hukum.year_before_ahu"),
    }
    assert nik[:12] not in str(info.value)
