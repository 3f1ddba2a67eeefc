"""Shared machinery of the robustness suite (``tests/test_robustness_*.py``).

The suite feeds hostile input to the whole public surface and checks three
promises for every input (issue 13):

1. only the library's own errors escape: :class:`~koperasi_id.errors.KoperasiIdError`
   and its subclasses. Python's own errors for a wrong argument
   (:class:`TypeError`; :class:`AttributeError` where an object lacks what its
   declared type has; :class:`ValueError` where Python converts it, as ``str()``
   of a 5,000-digit ``int`` given for a ``str``) are accepted in one case
   only: a *Python* call that passes an argument whose Python type is not the
   one the signature declares (``rows.flatten("text")``) — a programming error
   that ``mypy`` reports and that no file, JSON document or CSV cell can cause,
   because those reach the library as text through ``from_dict`` and the row
   readers, which raise only ``ValidationError``. Even then a crash of another
   kind (RecursionError, OverflowError, InvalidOperation, KeyError) fails. An
   argument of its declared type (a ``Decimal`` with a huge exponent, a
   ``date.max``, a 5,000-digit ``int``) gets the library's error or an answer,
   never a Python one;
2. no NIK or KK number that came from the input appears unmasked in any
   message, problem path, warning or output;
3. a batch gives exactly one result per input record (checked by the files
   and converter modules).

The surface is discovered, not listed: :func:`public_modules` walks every
module of the package whose dotted name has no ``_private`` part, and
:func:`public_callables` takes every function and public classmethod named in
their ``__all__``. A new public function is exercised the day it is exported.

Inputs are a deterministic corpus (so a failure reproduces by its test id):
nesting and size bombs, exponent and precision bombs, every Unicode decimal
digit family and every space, dash and invisible format character, and
synthetic NIK/KK numbers written with each of them.
"""

from __future__ import annotations

import enum
import functools
import importlib
import importlib.util
import inspect
import io
import pkgutil
import re
import sys
import types
import typing
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs

import koperasi_id
from koperasi_id import bpum, cooperatives, kur, msme
from koperasi_id.decisions import Decision, Finding
from koperasi_id.errors import KoperasiIdError, Problem, ValidationError
from koperasi_id.identifiers import Nik, NomorBadanHukum
from koperasi_id.law import Citation
from koperasi_id.regions import RegionCode
from koperasi_id.serialization import ValueType, from_dict

# --- the public surface -------------------------------------------------------

#: Not input handling: generators of test data (they need hypothesis).
NOT_INPUT = frozenset({"koperasi_id.strategies"})
#: Modules that need an optional extra, checked only where it is installed.
OPTIONAL_EXTRAS = {"koperasi_id.frames": "polars", "koperasi_id.batch.dask": "dask"}


@functools.cache
def public_modules() -> tuple[types.ModuleType, ...]:
    """The package and every module of it with no ``_private`` part in its name."""
    found = [koperasi_id]
    for info in pkgutil.walk_packages(koperasi_id.__path__, "koperasi_id."):
        parts = info.name.split(".")[1:]
        if any(p.startswith("_") for p in parts) or any(
            info.name == n or info.name.startswith(n + ".") for n in NOT_INPUT
        ):
            continue
        extra = next((x for n, x in OPTIONAL_EXTRAS.items() if info.name.startswith(n)), None)
        if extra is not None and importlib.util.find_spec(extra) is None:
            continue  # e.g. CI's minimal environment: the extra is not installed
        found.append(importlib.import_module(info.name))
    return tuple(found)


@functools.cache
def public_objects() -> tuple[tuple[str, object], ...]:
    """``(qualified name, object)`` for every name in a public ``__all__``, once each."""
    seen: set[int] = set()
    out = []
    for module in public_modules():
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            out.append((f"{module.__name__}.{name}", obj))
    return tuple(out)


@functools.cache
def public_callables() -> tuple[tuple[str, Callable[..., Any]], ...]:
    """Every exported function and every public classmethod of an exported class."""
    out: list[tuple[str, Callable[..., Any]]] = []
    for qualname, obj in public_objects():
        if inspect.isfunction(obj):
            out.append((qualname, obj))
        elif inspect.isclass(obj) and not issubclass(obj, BaseException):
            for attr, raw in vars(obj).items():
                if not attr.startswith("_") and isinstance(raw, classmethod | staticmethod):
                    out.append((f"{qualname}.{attr}", getattr(obj, attr)))
    return tuple(out)


def public_errors() -> list[type[BaseException]]:
    """Every exception class the package exports or derives from its root error."""
    classes: set[type[BaseException]] = set()
    for _, obj in public_objects():
        if inspect.isclass(obj) and issubclass(obj, BaseException):
            classes.add(obj)
    stack: list[type[BaseException]] = [KoperasiIdError]
    while stack:
        cls = stack.pop()
        if cls.__module__.startswith("koperasi_id"):
            classes.add(cls)
        stack.extend(cls.__subclasses__())
    return sorted(classes, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def _structurable(cls: type) -> bool:
    # Some exported attrs classes hold what has no wire form (a Timeline, a
    # type variable): the converter refuses the class itself with a TypeError.
    try:
        from_dict(cls, {})
    except ValidationError:
        return True
    except TypeError:
        return False
    return True


def entity_types() -> list[type]:
    """Exported attrs classes that travel as objects on the wire (not value types)."""
    out = []
    for _, obj in public_objects():
        if (
            inspect.isclass(obj)
            and attrs.has(obj)
            and not issubclass(obj, ValueType)
            and not issubclass(obj, Decision | Finding | Problem)
            and _structurable(obj)
        ):
            out.append(obj)
    return sorted(out, key=lambda c: f"{c.__module__}.{c.__qualname__}")


# --- the corpus ---------------------------------------------------------------

#: Synthetic NIKs and a KK number (valid structure, region 18.71 Bandar Lampung).
NIKS = ("1871010101900001", "1871014101900002")
KK = "1871010101100001"
SECRETS = (*NIKS, KK)


@functools.cache
def _by_category() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cat in ("Zs", "Zl", "Zp", "Pd", "Cf", "Cc") or (
            cat == "Nd" and unicodedata.digit(ch) == 0
        ):
            found.setdefault(cat, []).append(ch)
    return {k: tuple(v) for k, v in found.items()}


def digit_zeros() -> tuple[str, ...]:
    """The zero of every Unicode decimal digit family (ASCII, Arabic-Indic, full-width, ...)."""
    return _by_category()["Nd"]


def separators() -> tuple[str, ...]:
    """Every space, line/paragraph separator, dash, format and control character."""
    cats = _by_category()
    return (*cats["Zs"], *cats["Zl"], *cats["Zp"], *cats["Pd"], *cats["Cf"], *cats["Cc"])


def in_family(digits: str, zero: str) -> str:
    """ASCII ``digits`` written in the digit family whose zero is ``zero``."""
    base = ord(zero)
    return "".join(chr(base + int(d)) for d in digits)


def nik_texts(*, every: bool = True) -> tuple[str, ...]:
    """The secrets written every way: each separator between groups, each digit family.

    ``every=False`` gives a small core set (plain, tab, NBSP, narrow NBSP, en and
    em dash, dots, Arabic-Indic and full-width digits) for inputs that multiply.
    """
    seps = separators() if every else ("", "\t", "\u00a0", "\u202f", "\u2013", "\u2014", ".")
    zeros = digit_zeros() if every else ("0", "\u0660", "\uff10")
    out: list[str] = []
    for i, sep in enumerate(seps):
        secret = SECRETS[i % len(SECRETS)]
        out.append(sep.join(secret[j : j + 4] for j in range(0, 16, 4)))
    for i, zero in enumerate(zeros):
        out.append(in_family(SECRETS[i % len(SECRETS)], zero))
    out.append(f"NIK {NIKS[0]} KK {KK}")
    out.append(f"{NIKS[0][:8]} - {NIKS[0][8:]}")  # spaces around a dash
    return tuple(out)


def deep_list(depth: int) -> list[Any]:
    """``[[[...]]]`` nested ``depth`` deep, built without recursion."""
    root: list[Any] = []
    node = root
    for _ in range(depth - 1):
        child: list[Any] = []
        node.append(child)
        node = child
    return root


#: Text that bombs by size, exponent or precision, or hides in Unicode.
TEXT_BOMBS: tuple[str, ...] = (
    "",
    " ",
    "-0",
    "+0",
    "0",
    "-1",
    "1e999999999",
    "1E+999999999",
    "-1e-999999999",
    "1e-999999999",
    "1E+2",
    "NaN",
    "sNaN",
    "Infinity",
    "-Infinity",
    "9" * 5000,
    "-" + "9" * 5000,
    "0." + "0" * 5000 + "1",
    "1." + "1" * 5000,
    "Rp" + " " * 4000 + "x",
    "Rp" + "1." * 3000 + "x",
    "Rp" + "9" * 5000,
    "x" * 100_000,
    "[" * 5000 + "]" * 5000,
    "\x00",
    "\ud800",
    "\ufeff",
    "\u202e1871",
    "12-31",
    "02-30",
    "9999-12-31",
    "0000-00-00",
)


def python_bombs() -> tuple[object, ...]:
    """Python values a caller may pass: wrong types, extreme numbers, deep nesting."""
    return (
        None,
        True,
        -1,
        0,
        10**5000,
        -(10**5000),
        int(NIKS[0]),
        # (1e999999999 as text is in TEXT_BOMBS; as a Decimal object, writing it
        # out would take a gigabyte where a bound is missing, so 1e99999 here.)
        Decimal("1e99999"),
        Decimal("-1e-99999"),
        Decimal("-0"),
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        Decimal("0." + "0" * 5000 + "1"),
        Decimal("9" * 5000),
        float("nan"),
        float("inf"),
        1e308,
        date.min,
        date.max,
        datetime(2024, 1, 1, 12, 0),
        b"1871010101900001",
        [],
        {},
        # csv.DictReader's row for a line with more cells than the header:
        # the extra cells sit under the key None.
        {"nik": NIKS[0], None: ["x", NIKS[0]]},
        deep_list(5000),
        object(),
    )


# --- the checks ---------------------------------------------------------------

# repr() shows a tab as \t: such escapes stand where a separator stood.
_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|.)")


def _normalised(text: str) -> str:
    text = _ESCAPE.sub("", text)
    out = []
    for ch in text:
        if ch.isdecimal():
            out.append(str(unicodedata.decimal(ch)))
        elif ch.isalnum() or ch == "*":
            out.append(ch)
        # every other character may separate the digits of a NIK: dropped
    return "".join(out)


def leaked(text: str) -> list[str]:
    """The secrets that ``text`` shows readable (whatever separators or digits it uses)."""
    flat = _normalised(text)
    return [s for s in SECRETS if s in flat]


def assert_masked(text: str, where: str) -> None:
    """Fail if ``text`` shows a NIK or KK number from the corpus."""
    found = leaked(text)
    assert not found, f"{where} shows an unmasked NIK/KK: {text[:300]!r}"


def problems_of(obj: object) -> tuple[Problem, ...]:
    """The problems a result or an error carries: an error's, or a value's warnings."""
    if isinstance(obj, ValidationError):
        return obj.problems
    if isinstance(obj, Problem):
        return (obj,)
    warnings = getattr(obj, "warnings", ()) if isinstance(obj, ValueType) else ()
    return tuple(warnings)


def assert_bilingual(problem: Problem, where: str) -> None:
    """Fail unless ``problem`` says what is wrong in Indonesian, in other words than the English."""
    assert isinstance(problem.message_id, str), f"{where}: {problem.code} has no Indonesian text"
    assert problem.message_id.strip(), f"{where}: {problem.code} has an empty Indonesian text"
    assert problem.message.strip(), f"{where}: {problem.code} has an empty English text"
    assert problem.message_id != problem.message, (
        f"{where}: {problem.code} reads the same in both languages: {problem.message[:200]!r}"
    )


def _shown_link(err: BaseException) -> BaseException | None:
    """The exception a traceback prints before ``err`` (``from None`` hides the context)."""
    if err.__cause__ is not None:
        return err.__cause__
    return None if err.__suppress_context__ else err.__context__


def texts_of(obj: object) -> Iterator[tuple[str, str]]:
    """``(where, text)`` for everything a user reads from a result or an error."""
    for p in problems_of(obj):
        yield "problem path", p.path
        yield "problem message", p.message
        yield "problem message_id", p.message_id
    if isinstance(obj, ValidationError):
        yield "error text (id)", obj.text("id")
    if isinstance(obj, BaseException):
        yield "error message", str(obj)
        # A traceback prints every exception in the chain (``raise ... from err``
        # and the implicit context of a raise inside ``except``): a foreign
        # error's text there (json, tomllib, polars quote their input) is shown too.
        seen = {id(obj)}
        link = _shown_link(obj)
        while link is not None and id(link) not in seen:
            seen.add(id(link))
            yield f"chained {type(link).__name__}", str(link)
            link = _shown_link(link)
        return
    if isinstance(obj, Decision):
        yield "decision", obj.explain("id") + "\n" + obj.explain("en")
        for finding in obj.findings:
            yield "finding", repr(finding.details)
    elif isinstance(obj, Problem):
        yield "problem", str(obj)
        yield "problem (id)", obj.describe("id")
    elif isinstance(obj, ValueType) and hasattr(obj, "masked"):
        yield "repr", repr(obj)  # a personal identifier's repr is what logs show: masked
    # Anything else returned (a parsed amount, an entity built from the caller's
    # own fields) is the caller's data handed back to the caller, not a message.


def _hint_matches(value: object, hint: object) -> bool:
    """Whether ``value`` has the Python type ``hint`` declares (unknown hints: no)."""
    if hint is Any or hint is object:
        return True
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_hint_matches(value, arg) for arg in typing.get_args(hint))
    if origin is typing.Literal:
        return value in typing.get_args(hint)
    if isinstance(hint, typing.TypeVar):
        return True
    if origin is not None:
        if not (isinstance(origin, type) and isinstance(value, origin)):
            return False
        args = typing.get_args(hint)
        # Text is iterable, but only of text: "abc" is no Iterable[Mapping].
        if isinstance(value, str | bytes):
            return not args or args[0] in (str, Any)
        if isinstance(value, list | tuple) and args and origin is not tuple:
            return all(_hint_matches(item, args[0]) for item in value[:3])
        if isinstance(value, Mapping) and args:
            # A mapping iterates over its keys; as a Mapping its values count too.
            keys_ok = all(_hint_matches(key, args[0]) for key in list(value)[:3])
            if len(args) == 2 and issubclass(origin, Mapping):
                return keys_ok and all(_hint_matches(v, args[1]) for v in list(value.values())[:3])
            return keys_ok
        return True
    if hint is type(None):
        return value is None
    if isinstance(hint, type):
        if hint is int and isinstance(value, bool):
            return False
        if hint is date and isinstance(value, datetime):
            return False
        return isinstance(value, hint)
    return False


def type_error_allowed(fn: Callable[..., Any], kwargs: Mapping[str, object]) -> bool:
    """A TypeError is the caller's: some argument is not of its declared Python type."""
    try:
        hints = typing.get_type_hints(fn)
    except Exception:  # noqa: BLE001 - unresolvable hints: cannot blame the caller
        return False
    return any(name in hints and not _hint_matches(v, hints[name]) for name, v in kwargs.items())


def outcome(fn: Callable[..., Any], name: str, /, **kwargs: object) -> object:
    """Call ``fn(**kwargs)`` and apply the suite's checks; the result or the error.

    Raises AssertionError (chained to the original) when anything but the
    library's own errors escapes, or when the result or error shows a NIK.
    """
    try:
        result = fn(**kwargs)
    except KoperasiIdError as err:
        result = err
    except (TypeError, AttributeError, ValueError) as err:
        if not type_error_allowed(fn, kwargs):
            raise AssertionError(
                f"{name}: {type(err).__name__} with arguments of their declared types: {err}"
            ) from err
        # A programming error: Python or attrs describing the caller's own wrong
        # argument, not a message about data (the masking promise is about data).
        return err
    except Exception as err:
        raise AssertionError(f"{name} let {type(err).__name__} escape: {str(err)[:200]}") from err
    for where, text in texts_of(result):
        assert_masked(text, f"{name}: {where}")
    for problem in problems_of(result):
        assert_bilingual(problem, name)
    return result


# --- samples by annotation ------------------------------------------------------

AS_OF = date(2024, 6, 1)


def _entity_samples() -> dict[type, object]:
    nik = Nik.parse(NIKS[1])
    business = msme.Business(
        name="Warung Bu Sari",
        owner_nik=nik,
        started_on=date(2019, 3, 1),
        capital=Decimal(250_000_000),
        annual_sales=Decimal(600_000_000),
    )
    coop = cooperatives.Cooperative(
        name="Koperasi Produsen Kopi",
        legal_entity_numbers=(NomorBadanHukum.parse("1234/BH/XVIII/2018"),),
        deed_approved_on=date(2018, 2, 1),
        form=cooperatives.CooperativeForm.PRIMARY,
        kind=cooperatives.CooperativeKind.PRODUCER,
        region=RegionCode.parse("18.04"),
        membership_area=cooperatives.MembershipArea.WITHIN_REGENCY,
        member_count=40,
        rat_records=(
            cooperatives.RatRecord(fiscal_year=2020, held_on=date(2021, 5, 8), reported=True),
        ),
    )
    proposal = from_dict(
        bpum.Proposal,
        bpum.proposal_from_row(
            {
                "nik": NIKS[0],
                "nama": "Siti",
                "alamat_ktp": "Jl. Kartini 5",
                "bidang_usaha": "warung",
                "telepon": "0812 3456 7890",
                "pekerjaan": "pedagang",
                "punya_kur": "tidak",
                "punya_kredit_bank_lain": "tidak",
                "jenis_pengusul": "dinas_kabupaten_kota",
                "wilayah_pengusul": "18.71",
            }
        ),
    )
    return {
        msme.Business: business,
        cooperatives.Cooperative: coop,
        cooperatives.YearEnd: cooperatives.YearEnd(12, 31),
        cooperatives.SavingsLoanProfile: cooperatives.SavingsLoanProfile(
            bank_funding=Decimal(40), unit_assets=Decimal(100)
        ),
        kur.KurApplication: kur.KurApplication(
            borrower_nik=nik,
            business=business,
            scheme=kur.Scheme.MICRO,
            plafond=Decimal(60_000_000),
            tenor_months=36,
            purpose=kur.Purpose.WORKING_CAPITAL,
            sector=kur.Sector.TRADE,
            akad_date=date(2024, 5, 1),
            access=1,
        ),
        bpum.Proposal: proposal,
        bpum.DisbursementRecord: bpum.DisbursementRecord(
            nik=nik, year=2021, status=bpum.Status.DECREED
        ),
        Citation: Citation("UU 25/1992", "Pasal 1"),
    }


@functools.cache
def entity_samples() -> dict[type, object]:
    """One valid instance of each entity a public function takes."""
    return _entity_samples()


_NO_SAMPLE = object()


def sample_for(hint: object) -> object:
    """A valid value of the declared type, or ``_NO_SAMPLE``."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint in (object, Any):
        return NIKS[0]  # raw input: text, and a NIK at that
    if isinstance(hint, typing.TypeVar):
        bound = hint.__bound__
        if bound is None:
            return NIKS[0]
        found = sample_for(bound)
        if found is _NO_SAMPLE:  # a Protocol: an entity with every attribute it names
            wanted = [n for n in vars(bound) if not n.startswith("_")]
            fits = [v for v in entity_samples().values() if all(hasattr(v, a) for a in wanted)]
            found = fits[0] if fits and wanted else _NO_SAMPLE
        return found
    if origin is typing.Literal:
        return args[0]  # a choice such as the language "id"
    if hint is type or origin is type:
        return msme.Business
    if hint is BaseException:
        return ValidationError.single("x", "a problem", message_id="sebuah masalah")
    if origin in (Mapping, dict) or hint in (Mapping, dict):
        return {}
    if origin is tuple and args and args[-1] is not Ellipsis:
        items = [sample_for(a) for a in args]
        return _NO_SAMPLE if _NO_SAMPLE in items else tuple(items)
    if origin in (Iterable, Sequence, list, tuple):
        item = sample_for(args[0]) if args else NIKS[0]
        return _NO_SAMPLE if item is _NO_SAMPLE else [item]
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            found = sample_for(arg)
            if found is not _NO_SAMPLE:
                return found
        return _NO_SAMPLE
    if isinstance(hint, type) and hint.__module__.split(".")[0] == "polars":
        import polars as pl  # noqa: PLC0415 - only when koperasi_id.frames (so polars) is walked

        return pl.DataFrame({"nik": [NIKS[0]]})
    if hint is typing.IO or origin is typing.IO:
        return io.StringIO() if args == (str,) else io.BytesIO()
    if hint is date:
        return AS_OF
    if hint is Decimal:
        return Decimal(50_000_000)
    if hint is int:
        return 2021
    if hint is bool:
        return False
    if hint is str:
        return "x"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return next(iter(hint))
    if isinstance(hint, type) and hint in entity_samples():
        return entity_samples()[hint]
    return _NO_SAMPLE


def required_samples(fn: Callable[..., Any]) -> dict[str, object] | None:
    """Valid values for every required parameter, or None when one has no sample."""
    try:
        hints = typing.get_type_hints(fn)
    except Exception:  # noqa: BLE001 - unresolvable hints (names only for type checkers)
        return None
    out: dict[str, object] = {}
    for param in inspect.signature(fn).parameters.values():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if param.default is not param.empty:
            continue
        value = sample_for(hints.get(param.name))
        if value is _NO_SAMPLE:
            return None
        out[param.name] = value
    return out
