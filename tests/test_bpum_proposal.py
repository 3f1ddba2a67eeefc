"""The BPUM proposal entity, its proposer and the phone number value type."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from _hypothesis_optional import given, st
from koperasi_id.bpum import (
    Occupation,
    PhoneNumber,
    Proposal,
    Proposer,
    ProposerType,
    same_address,
)
from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import Kbli, Nik
from koperasi_id.regions import RegionCode
from koperasi_id.serialization import from_dict, from_json, to_dict, to_json

NIK = "1871010101900001"


def wire(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "nik": NIK,
        "kk": "1871010101100001",
        "name": "Siti Aminah",
        "ktp_address": "Jl. Kartini No. 5",
        "line_of_business": "warung makan",
        "phone": "081234567890",
        "occupation": "pedagang",
        "has_kur": False,
        "has_other_bank_credit": False,
        "proposer": {"type": "dinas_kabupaten_kota", "region": "18.71"},
    }
    base.update(over)
    return {k: v for k, v in base.items() if v is not None}


# --- phone ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("081234567890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("0812.3456.7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("+62 (0)812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("006281234567890", "+6281234567890"),
        ("81234567890", "+6281234567890"),
        ("(0721) 123456", "+62721123456"),
        ("0721/123456", "+62721123456"),
        ("021 5551 2345", "+622155512345"),
        ("0812345678", "+62812345678"),  # shortest mobile: 10 digits with the 0
        ("0812345678901", "+62812345678901"),  # longest mobile: 13 digits
        ("0721 12345", "+6272112345"),  # shortest fixed line: 9 digits
        ("021 123456789", "+6221123456789"),  # longest fixed line: 12 digits
        ("\u00a00812 3456 7890\u202f", "+6281234567890"),
    ],
)
def test_phone_forms(raw: str, canonical: str) -> None:
    phone = PhoneNumber.parse(raw)
    assert str(phone) == canonical
    assert PhoneNumber.parse(str(phone)) == phone
    assert phone.display() == "0" + canonical[3:]
    assert phone.is_mobile == canonical.startswith("+628")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "phone.empty"),
        ("  - ", "phone.empty"),
        ("0812-3456-78ab", "phone.characters"),
        ("+65 6123 4567", "phone.country"),
        ("+1 202 555 0100", "phone.country"),
        ("0112345678", "phone.prefix"),
        ("1234567890", "phone.prefix"),
        ("00", "phone.prefix"),
        ("+62", "phone.prefix"),
        ("081234567", "phone.length"),  # 9 digits: one short for a mobile
        ("08123456789012", "phone.length"),  # 14 digits: one too many
        ("0721 1234", "phone.length"),  # 8 digits: one short for a fixed line
        ("021 1234567890", "phone.length"),  # 13 digits
        ("0" * 33, "phone.length"),
        ("0812+3456", "phone.characters"),
        ("٠٨١٢٣٤٥٦٧٨٩٠", "phone.characters"),
    ],
)
def test_phone_junk(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        PhoneNumber.parse(raw)
    assert info.value.codes == (code,)
    assert not PhoneNumber.is_valid(raw)


@pytest.mark.parametrize("raw", [None, 81234567890, True, 8.1, b"0812345678", ["0812"]])
def test_phone_refuses_non_strings(raw: object) -> None:
    with pytest.raises(ValidationError) as info:
        PhoneNumber.parse(raw)
    assert info.value.codes == ("phone.type",)


def test_phone_repr_masks() -> None:
    assert repr(PhoneNumber.parse("081234567890")) == "PhoneNumber('+62812****7890')"
    assert "3456" not in repr(PhoneNumber.parse("081234567890"))


@given(st.text(max_size=40))
def test_phone_is_valid_never_raises(raw: str) -> None:
    if PhoneNumber.is_valid(raw):
        phone = PhoneNumber.parse(raw)
        assert PhoneNumber.parse(str(phone)) == phone
        assert PhoneNumber.parse(phone.display()) == phone


@given(st.from_regex(r"08[1-9][0-9]{7,10}", fullmatch=True))
def test_mobile_numbers_round_trip(raw: str) -> None:
    phone = PhoneNumber.parse(raw)
    assert phone.display() == raw
    assert phone.is_mobile


# --- proposer -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "region", "ok"),
    [
        ("dinas_provinsi", "18", True),
        ("dinas_provinsi", "18.71", False),
        ("dinas_kabupaten_kota", "18.71", True),
        ("dinas_kabupaten_kota", "18", False),
        ("dinas_kabupaten_kota", "18.71.01", False),
        ("koperasi_berbadan_hukum", "18.71.01", True),
        ("kementerian_lembaga", "31", True),
        ("bank_perusahaan_pembiayaan", "31.71", True),
        ("blu_dana_bergulir", "31", True),
    ],
)
def test_proposer_region_level(kind: str, region: str, ok: bool) -> None:
    data = {"type": kind, "region": region}
    if ok:
        proposer = from_dict(Proposer, data)
        assert to_dict(proposer) == data
    else:
        with pytest.raises(ValidationError) as info:
            from_dict(Proposal, wire(proposer=data))
        assert info.value.paths == ("$.proposer.region",)
        assert info.value.codes == ("bpum.proposer_region",)


def test_proposer_evolve_is_checked() -> None:
    p = Proposer(type=ProposerType.PROVINCIAL_OFFICE, region=RegionCode.parse("18"))
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(p, type=ProposerType.DISTRICT_OFFICE)
    assert caught.value.codes == ("bpum.proposer_region",)


def test_labels() -> None:
    for enum_cls in (Occupation, ProposerType):
        labels = [m.label for m in enum_cls]
        assert all(labels)
        assert len(set(labels)) == len(labels)


# --- proposal -------------------------------------------------------------------


def test_minimal_proposal_defaults() -> None:
    p = from_dict(Proposal, wire(kk=None))
    assert p.kk is None
    assert p.business_address is None
    assert p.has_sku is False
    assert p.kbli is None
    assert p.previous_bpum_years == ()
    assert p.citizen is True
    assert p.business_at_ktp_address


def test_proposal_repr_masks_identifiers() -> None:
    text = repr(from_dict(Proposal, wire()))
    assert NIK not in text
    assert "1871010101100001" not in text
    assert "81234567890" not in text


@pytest.mark.parametrize(
    ("over", "path", "code"),
    [
        ({"name": ""}, "$.name", "bpum.empty"),
        ({"name": "   "}, "$.name", "bpum.empty"),
        ({"name": "x" * 501}, "$.name", "bpum.too_long"),
        ({"ktp_address": "\t"}, "$.ktp_address", "bpum.empty"),
        ({"line_of_business": ""}, "$.line_of_business", "bpum.empty"),
        ({"business_address": " "}, "$.business_address", "bpum.empty"),
        ({"previous_bpum_years": [2020, 2020]}, "$.previous_bpum_years[1]", "bpum.year_repeated"),
        ({"previous_bpum_years": [20]}, "$.previous_bpum_years[0]", "bpum.year"),
        ({"previous_bpum_years": [10000]}, "$.previous_bpum_years[0]", "bpum.year"),
        ({"previous_bpum_years": ["2020"]}, "$.previous_bpum_years[0]", "type.int"),
        ({"previous_bpum_years": "2020"}, "$.previous_bpum_years", "type.list"),
        ({"nik": "12345"}, "$.nik", "nik.length"),
        ({"kk": "123"}, "$.kk", "kk.length"),
        ({"kbli": "abc"}, "$.kbli", "kbli.characters"),
        ({"phone": "+65 6123 4567"}, "$.phone", "phone.country"),
        ({"occupation": "pns"}, "$.occupation", "enum"),
        ({"has_kur": "tidak"}, "$.has_kur", "type.bool"),
        ({"has_other_bank_credit": 0}, "$.has_other_bank_credit", "type.bool"),
        ({"proposer": {"type": "bupati", "region": "18.71"}}, "$.proposer.type", "enum"),
        ({"proposer": "dinas"}, "$.proposer", "type.object"),
        ({"colour": "blue"}, "$.colour", "unknown_field"),
    ],
)
def test_proposal_junk_reported_at_its_path(over: dict[str, Any], path: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(Proposal, wire(**over))
    assert (path, code) in zip(info.value.paths, info.value.codes, strict=True)
    assert NIK not in str(info.value)


def test_all_cross_field_problems_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(Proposal, wire(name="", ktp_address=" ", previous_bpum_years=[2020, 2020]))
    assert info.value.codes == ("bpum.empty", "bpum.empty", "bpum.year_repeated")
    assert info.value.paths == ("$.name", "$.ktp_address", "$.previous_bpum_years[1]")


def test_missing_required_fields() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(Proposal, {"nik": NIK})
    assert info.value.codes == (
        "missing",
        "missing",
        "missing",
        "missing",
        "missing",
        "missing",
        "missing",
        "missing",
    )
    assert set(info.value.paths) >= {"$.name", "$.ktp_address", "$.phone", "$.proposer"}


def test_direct_construction_and_evolve_are_checked() -> None:
    p = from_dict(Proposal, wire())
    with pytest.raises(ValidationError) as info:
        attrs.evolve(p, name=" ")
    assert info.value.paths == ("$.name",)
    with pytest.raises(ValidationError) as info:
        attrs.evolve(p, name=5)  # type: ignore[arg-type]
    assert info.value.codes == ("type.str",)
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(p, previous_bpum_years=(True,))
    assert caught.value.codes == ("bpum.year",)


def test_same_address() -> None:
    assert same_address("Jl. Kartini No.5", "jl  kartini no 5")
    assert same_address("Gg. Mawar, RT 01/RW 02", "GG MAWAR RT 01 RW 02")
    assert not same_address("Jl. Kartini No. 5", "Jl. Kartini No. 15")


# --- round trips --------------------------------------------------------------

_TEXT = (
    st.text(
        alphabet=st.sampled_from(
            "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,/-'"
        ),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


@st.composite
def niks(draw: st.DrawFn) -> str:
    day = draw(st.integers(1, 28)) + draw(st.sampled_from([0, 40]))
    month = draw(st.integers(1, 12))
    yy = draw(st.integers(0, 99))
    serial = draw(st.integers(1, 9999))
    return f"187101{day:02d}{month:02d}{yy:02d}{serial:04d}"


_KBLI = [c for c in ("47111", "56102", "10710", "47241") if Kbli.is_valid(c)]
_PROPOSERS = st.sampled_from(
    [
        {"type": "dinas_kabupaten_kota", "region": "18.71"},
        {"type": "dinas_provinsi", "region": "18"},
        {"type": "koperasi_berbadan_hukum", "region": "18.71"},
        {"type": "bank_perusahaan_pembiayaan", "region": "31"},
    ]
)


@st.composite
def proposal_wires(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {
        "nik": draw(niks()),
        "name": draw(_TEXT),
        "ktp_address": draw(_TEXT),
        "line_of_business": draw(_TEXT),
        "phone": draw(st.from_regex(r"08[1-9][0-9]{7,10}", fullmatch=True)),
        "occupation": draw(st.sampled_from(Occupation)).value,
        "has_kur": draw(st.booleans()),
        "has_other_bank_credit": draw(st.booleans()),
        "proposer": draw(_PROPOSERS),
        "has_sku": draw(st.booleans()),
        "citizen": draw(st.booleans()),
        "previous_bpum_years": draw(st.lists(st.sampled_from([2020, 2021]), unique=True)),
    }
    if draw(st.booleans()):
        data["kk"] = draw(niks()).replace("18710141", "18710101")
    if draw(st.booleans()):
        data["business_address"] = draw(_TEXT)
    if _KBLI and draw(st.booleans()):
        data["kbli"] = draw(st.sampled_from(_KBLI))
    return data


@given(proposal_wires())
def test_round_trip_dict_and_json(data: dict[str, Any]) -> None:
    p = from_dict(Proposal, data)
    assert from_dict(Proposal, to_dict(p)) == p
    assert from_json(Proposal, to_json(p)) == p
    assert isinstance(p.nik, Nik)
    assert to_dict(p)["phone"].startswith("+628")


@given(st.text(max_size=60))
def test_address_key_ignores_exactly_what_is_not_alphanumeric(text: str) -> None:
    from koperasi_id.bpum._proposal import _address_key  # noqa: PLC0415 - private helper

    by_character = " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())
    assert _address_key(text) == by_character
