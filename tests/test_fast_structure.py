"""The converter's first try at an object (koperasi_id._fast_structure) changes no outcome.

The oracle is the same converter with the first try switched off
(``_fast_structure.detailed()``, which every nested object honours): cattrs'
detailed function alone, as before. Every wire below, and every copy of it
with one key dropped, one value replaced by junk or one unknown key added,
must give the same entity (and the same ``to_dict``) or the same problems
(path, code, both messages, in order), strict and lenient.
"""

from __future__ import annotations

import copy
import functools
import threading
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from cattrs.errors import ClassValidationError

from _hypothesis_optional import given, settings, st
from koperasi_id import _fast_structure
from koperasi_id.bpum import Proposal
from koperasi_id.cooperatives import Cooperative
from koperasi_id.errors import ValidationError
from koperasi_id.kur import (
    Collectibility,
    CreditKind,
    ExistingCredit,
    KurApplication,
    KurLoan,
    Scheme,
)
from koperasi_id.msme import Business
from koperasi_id.serialization import default_converter, from_dict, make_converter, to_dict

NIK = "1871010101900001"

KUR_APPLICATION: dict[str, Any] = {
    "borrower_nik": NIK,
    "npwp": None,
    "business": {
        "name": "Usaha Sari",
        "owner_nik": NIK,
        "started_on": "2019-03-01",
        "region": "18.71",
        "nib": None,
        "kbli": "47111",
        "capital": "250000000",
        "net_assets": None,
        "annual_sales": "900000000.50",
        "workers": 4,
    },
    "scheme": "mikro",
    "plafond": "50000000",
    "tenor_months": 24,
    "purpose": "modal_kerja",
    "sector": "perdagangan",
    "akad_date": "2024-05-02",
    "access": 1,
    "existing_credits": [
        {
            "kind": "konsumtif_rumah_tangga",
            "plafond": "20000000",
            "outstanding": "1000000",
            "collectibility": "lancar",
            "closed": False,
            "same_lender": False,
            "scheme": None,
        }
    ],
    "had_training": True,
    "contract_months": None,
}

COOPERATIVE: dict[str, Any] = {
    "name": "Koperasi Konsumen Sejahtera",
    "legal_entity_numbers": ["AHU-0001234.AH.01.26.TAHUN 2021"],
    "deed_approved_on": "2021-03-01",
    "form": "primer",
    "kind": "konsumen",
    "region": "18.71",
    "membership_area": "dalam_kabupaten_kota",
    "member_count": 25,
    "fiscal_year_end": "12-31",
    "rat_records": [
        {"fiscal_year": 2021, "held_on": "2022-03-10", "reported": True},
        {"fiscal_year": 2022, "held_on": None, "reported": False},
    ],
}

JUNK: tuple[object, ...] = (
    None,
    True,
    False,
    0,
    7,
    -1,
    10**20,
    1.5,
    "",
    " ",
    "x",
    "12",
    "2024-02-30",
    "1e5",
    [],
    [1],
    {},
    {"x": 1},
    Decimal("1.5"),
    NIK,
)


def _outcome(cls: type, data: object, *, lenient: bool) -> tuple[Any, ...]:
    try:
        built: Any = from_dict(cls, data, lenient=lenient)
    except ValidationError as err:
        return ("problems", [(p.path, p.code, p.message, p.message_id) for p in err.problems])
    except Exception as exc:  # noqa: BLE001 - a bug must be the same bug both ways
        return ("raises", type(exc).__name__, str(exc))
    return ("entity", built, to_dict(built))


def _both(cls: type, data: object, *, lenient: bool = False) -> tuple[tuple[Any, ...], ...]:
    first = _outcome(cls, data, lenient=lenient)
    with _fast_structure.detailed():
        detailed = _outcome(cls, data, lenient=lenient)
    return first, detailed


def _variants(wire: dict[str, Any]) -> Iterator[object]:
    """Copies of ``wire`` with one change each, at every depth."""
    yield wire
    yield from _changes(wire, [])


def _changes(node: object, path: list[Any]) -> Iterator[object]:
    if isinstance(node, dict):
        keys = list(node)
        for key in keys:
            yield _edit([*path, key], drop=True)
            for junk in JUNK:
                yield _edit([*path, key], value=junk)
            yield from _changes(node[key], [*path, key])
        yield _edit([*path, "unknown_key"], value="x")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            for junk in JUNK:
                yield _edit([*path, i], value=junk)
            yield from _changes(item, [*path, i])


_ROOT: dict[str, Any] = {}


def _edit(path: list[Any], *, value: object = None, drop: bool = False) -> object:
    out = copy.deepcopy(_ROOT["wire"])
    target = out
    for part in path[:-1]:
        target = target[part]
    if drop:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return out


@pytest.mark.parametrize(
    ("cls", "wire"),
    [(KurApplication, KUR_APPLICATION), (Cooperative, COOPERATIVE)],
    ids=["KurApplication", "Cooperative"],
)
@pytest.mark.parametrize("lenient", [False, True], ids=["strict", "lenient"])
def test_every_one_change_gives_the_outcome_of_the_detailed_run(
    cls: type, wire: dict[str, Any], lenient: bool
) -> None:
    _ROOT["wire"] = wire
    kinds = set()
    for variant in _variants(wire):
        first, detailed = _both(cls, variant, lenient=lenient)
        assert first == detailed, variant
        kinds.add(first[0])
    assert kinds == {"entity", "problems"}  # both sides of the corpus are reached


def test_the_first_try_is_built_for_the_entities_and_used(monkeypatch: pytest.MonkeyPatch) -> None:
    conv = default_converter()
    for cls in (KurApplication, Business, ExistingCredit, KurLoan, Cooperative, Proposal):
        inner = conv.gen_structure_attrs_fromdict(cls)
        assert _fast_structure.first_try(cls, inner, forbid_extra_keys=True) is not None, cls
    # The first try of a valid record never enters a detailed run.
    entered = []
    real = _fast_structure.detailed

    def spy() -> Any:
        entered.append(1)
        return real()

    monkeypatch.setattr(_fast_structure, "detailed", spy)
    from_dict(KurApplication, KUR_APPLICATION)
    assert entered == []
    with pytest.raises(ValidationError) as caught:
        from_dict(KurApplication, {**KUR_APPLICATION, "tenor_months": 0})
    assert [p.path for p in caught.value.problems] == ["$.tenor_months"]
    assert entered == [1]


class Counted(str):
    """A leaf type whose hook counts its calls (on a converter of this test only)."""


@attrs.frozen(kw_only=True)
class Leaf:
    value: Counted


@attrs.frozen(kw_only=True)
class Level1:
    item: Leaf


@attrs.frozen(kw_only=True)
class Level2:
    item: Level1


@attrs.frozen(kw_only=True)
class Level3:
    item: Level2


@attrs.frozen(kw_only=True)
class Level4:
    item: Level3


def test_a_bad_leaf_is_structured_once_more_per_level_not_twice_per_level() -> None:
    # The leaf fails in the first try; each of the five objects around it then
    # runs its detailed function once, in which nothing below tries first
    # again: 1 + 5 calls. Without the detailed-run mark every level would
    # retry inside its parent's detailed run: 2**5 and more.
    calls: list[object] = []

    def counted(value: object, _: type) -> Counted:
        calls.append(value)
        if value == "bad":
            raise ValidationError.single("test.bad", "bad", message_id="buruk")
        return Counted(value)

    conv = make_converter()
    conv.register_structure_hook(Counted, counted)
    wire = {"item": {"item": {"item": {"item": {"value": "ok"}}}}}
    assert conv.structure(wire, Level4).item.item.item.item.value == "ok"
    assert len(calls) == 1
    calls.clear()
    wire["item"]["item"]["item"]["item"]["value"] = "bad"
    with pytest.raises(ClassValidationError):
        conv.structure(wire, Level4)
    assert len(calls) == 1 + 5
    assert _fast_structure.state.depth == 0  # no run left marked as detailed


def test_each_thread_starts_outside_a_detailed_run_and_keeps_its_own_mark() -> None:
    # depth is a class attribute of the thread-local state: a thread that
    # never ran a detailed run reads 0 (the first try runs), and one thread's
    # detailed run does not mark another's.
    seen: dict[str, object] = {}
    ready, release = threading.Event(), threading.Event()

    def other() -> None:
        seen["before"] = _fast_structure.state.depth
        seen["vars"] = dict(vars(_fast_structure.state))
        ready.set()
        release.wait(10)
        seen["during"] = _fast_structure.state.depth
        seen["outcome"] = _both(KurApplication, {**KUR_APPLICATION, "tenor_months": 0})

    thread = threading.Thread(target=other)
    with _fast_structure.detailed():
        thread.start()
        ready.wait(10)
        assert _fast_structure.state.depth == 1
        release.set()
        thread.join(10)
    assert seen["before"] == seen["during"] == 0
    assert seen["vars"] == {}  # read from the class, nothing set per thread
    first, detailed = seen["outcome"]  # type: ignore[misc]
    assert first == detailed
    assert first[0] == "problems"
    assert _fast_structure.state.depth == 0


def test_extra_keys_and_missing_keys_fall_back() -> None:
    first, detailed = _both(KurApplication, {**KUR_APPLICATION, "plafond_typo": "1"})
    assert first == detailed
    assert first[0] == "problems"
    first, detailed = _both(KurApplication, {**KUR_APPLICATION, "plafond_typo": "1"}, lenient=True)
    assert first == detailed
    assert first[0] == "entity"


@given(data=st.data())
@settings(max_examples=60, deadline=None)
def test_drawn_records_with_one_junk_value_agree(data: Any) -> None:
    from koperasi_id import strategies  # noqa: PLC0415 - needs hypothesis

    cls, strategy = data.draw(
        st.sampled_from(
            [
                (KurApplication, strategies.kur_application_dicts()),
                (Cooperative, strategies.cooperative_dicts()),
                (Proposal, strategies.bpum_proposal_dicts()),
                (KurLoan, strategies.kur_loan_dicts()),
            ]
        )
    )
    wire = data.draw(strategy)
    first, detailed = _both(cls, wire)
    assert first == detailed
    assert first[0] == "entity"
    key = data.draw(st.sampled_from(sorted(wire)))
    junk = data.draw(st.sampled_from(JUNK))
    first, detailed = _both(cls, {**wire, key: junk})
    assert first == detailed


@pytest.mark.parametrize("text", ["2024-02-30", "2024-2-3", "9999-12-31", "2024-03-09x"])
def test_a_refused_date_text_is_refused_every_time(text: str) -> None:
    # Dates are read through a cache of parsed texts; a refusal is never cached.
    wire = {**KUR_APPLICATION, "akad_date": text}
    codes = []
    for _ in range(3):
        with pytest.raises(ValidationError) as caught:
            from_dict(KurApplication, wire)
        codes.append([(p.path, p.code) for p in caught.value.problems])
    assert codes[0] == codes[1] == codes[2]
    assert codes[0][0][0] == "$.akad_date"


def test_enums_are_written_by_their_value() -> None:
    # to_dict reads the member's value slot directly; the same text as .value.
    built = from_dict(KurApplication, KUR_APPLICATION)
    out = to_dict(built)
    assert (out["scheme"], out["purpose"], out["sector"]) == (
        built.scheme.value,
        built.purpose.value,
        built.sector.value,
    )


def _entities() -> list[object]:
    kur = from_dict(KurApplication, KUR_APPLICATION)
    coop = from_dict(Cooperative, COOPERATIVE)
    return [
        kur,
        kur.business,
        kur.existing_credits[0],
        attrs.evolve(kur, npwp=None, contract_months=None, had_training=False),
        coop,
        coop.rat_records[0],
        coop.rat_records[1],
    ]


def test_the_plain_writer_writes_what_cattrs_function_writes() -> None:
    conv = default_converter()
    for entity in _entities():
        generated = conv.gen_unstructure_attrs_fromdict(type(entity))
        plain = _fast_structure.plain_unstructure(
            type(entity), generated, conv.get_unstructure_hook
        )
        assert plain is not None, type(entity)
        assert list(plain(entity).items()) == list(generated(entity).items())
        assert conv.get_unstructure_hook(type(entity))(entity) == generated(entity)


def test_a_field_holding_a_value_of_another_type_still_goes_through_its_hook() -> None:
    # Built in Python past the validators: the writer's shortcuts apply only
    # to a bool, a member of the field's enum and None; the rest as before.
    conv = default_converter()
    kur = from_dict(KurApplication, KUR_APPLICATION)
    odd = object.__new__(KurApplication)
    for a in attrs.fields(KurApplication):
        object.__setattr__(odd, a.name, getattr(kur, a.name))
    object.__setattr__(odd, "had_training", 10**20)  # an int where a bool belongs
    generated = conv.gen_unstructure_attrs_fromdict(KurApplication)
    plain = _fast_structure.plain_unstructure(KurApplication, generated, conv.get_unstructure_hook)
    assert plain is not None
    with pytest.raises(ValidationError) as caught:
        generated(odd)
    with pytest.raises(ValidationError) as again:
        plain(odd)
    assert [p.code for p in again.value.problems] == [p.code for p in caught.value.problems]


@given(data=st.data())
@settings(max_examples=40, deadline=None)
def test_drawn_entities_are_written_as_cattrs_function_writes_them(data: Any) -> None:
    from koperasi_id import strategies  # noqa: PLC0415 - needs hypothesis

    entity = data.draw(
        st.one_of(
            strategies.kur_applications(),
            strategies.cooperatives(),
            strategies.kur_loans(),
            strategies.bpum_proposals(),
        )
    )
    conv = default_converter()
    generated = conv.gen_unstructure_attrs_fromdict(type(entity))
    assert list(to_dict(entity).items()) == list(generated(entity).items())


_VALUES: tuple[object, ...] = (
    *JUNK,
    "123456789012345",
    "1234567890123456",
    "٣",  # an Arabic-Indic digit: isdigit() but not ASCII
    "²",
    "-1",
    "1.50",
    "2024-03-09",
    "0001-01-01",
    10**15,
    -(10**15),
    10**15 + 1,
    Decimal("5E+8"),
    Decimal("-0"),
    Decimal("NaN"),
    Decimal("12.50"),
    date(2024, 3, 9),
    datetime(2024, 3, 9, 1, 2),
    Scheme.MICRO,
    "mikro",
    "lancar",
    "kur",
    "Mikro",
)


def _result(run: Any, *args: object) -> tuple[Any, ...]:
    try:
        out = run(*args)
    except ValidationError as err:
        return ("problems", [(p.path, p.code, p.message) for p in err.problems])
    except Exception as exc:  # noqa: BLE001 - the same failure either way
        return ("raises", type(exc).__name__)
    return ("value", type(out), out)


def _compiled(template: str, names: dict[str, Any]) -> Any:
    return eval(f"lambda v, call: {template.format(call='call(v)')}", dict(names))


def test_every_shortcut_gives_what_its_hook_gives() -> None:
    conv = default_converter()
    kinds = {
        conv.get_structure_hook(t): t
        for t in (str, bool, int, Decimal, date, Scheme, Collectibility, CreditKind)
    }
    for hook, kind in kinds.items():
        template, names = _fast_structure.SHORTCUTS_IN[hook]
        quick, call = _compiled(template, names), functools.partial(_two, hook, kind)
        for value in _VALUES:
            assert _result(quick, value, call) == _result(call, value), (kind, value)
    conv.get_unstructure_hook(Scheme)  # an enum's writer, with its shortcut
    for hook, (template, names) in list(_fast_structure.SHORTCUTS_OUT.items()):
        quick = _compiled(template, names)
        for value in _VALUES:
            assert _result(quick, value, hook) == _result(hook, value), (hook, value)


def _two(hook: Any, kind: type, value: object) -> Any:
    return hook(value, kind)


def test_a_hook_cattrs_keeps_elsewhere_leaves_the_class_to_cattrs() -> None:
    # A field whose hook is not among the generated function's arguments is
    # written inline by cattrs only when the hook is its identity; anything
    # else (a cattrs version keeping hooks elsewhere) keeps cattrs' function.
    conv = default_converter()
    generated = conv.gen_unstructure_attrs_fromdict(KurApplication)

    def without_hooks(instance: Any) -> object:
        return generated(instance)

    assert (
        _fast_structure.plain_unstructure(KurApplication, without_hooks, conv.get_unstructure_hook)
        is None
    )
