"""Shared pieces of the strategies: argument checks, names, places, dates, rupiah."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from koperasi_id._names import FAMILY_NAMES, GIVEN_NAMES

__all__ = [
    "EARLIEST",
    "LATEST",
    "business_names",
    "check_bool_or_none",
    "check_date",
    "check_date_range",
    "check_enum",
    "check_one_of",
    "person_names",
    "rupiah",
    "street_addresses",
]

E = TypeVar("E", bound=enum.Enum)

#: Bounds of every generated date unless the caller asks otherwise.
EARLIEST = date(1900, 1, 1)
LATEST = date(2099, 12, 31)


def check_date(name: str, value: object, *, optional: bool = True) -> date | None:
    """``value`` if it is a ``date`` (not a ``datetime``), else InvalidArgument."""
    if value is None and optional:
        return None
    if type(value) is not date:
        raise InvalidArgument(f"{name} must be a datetime.date, got {value!r}")
    return value


def check_date_range(name: str, value: object, *, low: date, high: date) -> tuple[date, date]:
    """A ``(first, last)`` pair of dates within ``low``..``high``, first <= last."""
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise InvalidArgument(f"{name} must be a (first, last) pair of dates, got {value!r}")
    first, last = value
    if type(first) is not date or type(last) is not date:
        raise InvalidArgument(f"{name} must hold two datetime.date values, got {value!r}")
    if first > last:
        raise InvalidArgument(f"{name}: {first} is after {last}")
    if first < low or last > high:
        raise InvalidArgument(f"{name} must lie within {low} and {high}, got {first}..{last}")
    return first, last


def check_enum(name: str, value: object, kind: type[E]) -> E | None:
    """``value`` as a member of ``kind`` (a member or its wire value), or ``None``."""
    if value is None:
        return None
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except (ValueError, TypeError):
        allowed = ", ".join(repr(m.value) for m in kind)
        raise InvalidArgument(
            f"{name} must be a {kind.__name__} ({allowed}), got {value!r}"
        ) from None


def check_bool_or_none(name: str, value: object) -> bool | None:
    """``True``, ``False`` or ``None``; anything else is InvalidArgument."""
    if value is not None and type(value) is not bool:
        raise InvalidArgument(f"{name} must be True, False or None, got {value!r}")
    return value


def check_one_of(name: str, value: object, allowed: Iterable[Any]) -> Any:
    """``value`` if it is one of ``allowed``."""
    options = tuple(allowed)
    if value not in options:
        raise InvalidArgument(
            f"{name} must be one of {', '.join(repr(o) for o in options)}; got {value!r}"
        )
    return value


def rupiah(
    min_value: int | Decimal = 0, max_value: int | Decimal = 10_000_000_000
) -> st.SearchStrategy[Decimal]:
    """Whole-rupiah :class:`~decimal.Decimal` amounts from ``min_value`` to ``max_value``.

    Money is never a float: both bounds are ``int`` or integral ``Decimal``,
    non-negative, ``min_value <= max_value``. Shrinks towards ``min_value``.
    """
    low = _whole_rupiah("min_value", min_value)
    high = _whole_rupiah("max_value", max_value)
    if low > high:
        raise InvalidArgument(f"min_value {low} is above max_value {high}")
    return st.integers(low, high).map(Decimal)


def _whole_rupiah(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise InvalidArgument(f"{name} must be an int or Decimal amount of rupiah, got {value!r}")
    if isinstance(value, Decimal) and (not value.is_finite() or value != value.to_integral_value()):
        raise InvalidArgument(f"{name} must be a whole number of rupiah, got {value!r}")
    amount = int(value)
    if amount < 0:
        raise InvalidArgument(f"{name} must not be negative, got {value!r}")
    return amount


_STREETS = (
    "Jl. Kartini",
    "Jl. Diponegoro",
    "Jl. Jenderal Sudirman",
    "Jl. Teuku Umar",
    "Jl. ZA Pagar Alam",
    "Jl. Raden Intan",
    "Jl. Imam Bonjol",
    "Jl. Ahmad Yani",
    "Jl. Gatot Subroto",
    "Jl. Pangeran Antasari",
    "Jl. Sultan Agung",
    "Jl. Way Halim",
    "Jl. Hayam Wuruk",
    "Jl. Cut Nyak Dien",
    "Jl. Pemuda",
    "Jl. Veteran",
)
_NEIGHBOURHOODS = (
    "Tanjung Karang",
    "Teluk Betung",
    "Kedaton",
    "Rajabasa",
    "Sukarame",
    "Kemiling",
    "Way Halim",
    "Metro Pusat",
    "Kalianda",
    "Natar",
    "Gedong Tataan",
    "Pringsewu",
    "Kota Agung",
    "Menteng",
    "Tebet",
    "Samarinda Ulu",
    "Tanjung Selor",
    "Jayapura Utara",
)
_TRADES = (
    "Warung",
    "Toko",
    "Kios",
    "Bengkel",
    "Usaha",
    "Kedai",
    "Depot",
    "Dapur",
    "Konveksi",
)
_TRADE_WORDS = (
    "Sembako",
    "Kopi",
    "Kue",
    "Jahit",
    "Motor",
    "Keripik",
    "Sayur",
    "Laundry",
    "Bakso",
    "Pempek",
    "Tapis",
    "Lada",
    "Ikan",
    "Batik",
    "Mebel",
    "Pulsa",
    "Tani",
)
_BLESSINGS = (
    "Berkah",
    "Barokah",
    "Maju Jaya",
    "Sumber Rejeki",
    "Sejahtera",
    "Makmur",
    "Lestari",
    "Mandiri",
    "Amanah",
    "Harapan",
    "Sentosa",
    "Abadi",
    "Mulia",
    "Bersama",
)


def person_names() -> st.SearchStrategy[str]:
    """Realistic Indonesian personal names: one word, or given + family/second name."""
    given = st.sampled_from(GIVEN_NAMES)
    return st.one_of(
        st.builds(lambda g, f: f"{g} {f}", given, st.sampled_from(FAMILY_NAMES)),
        given,
        st.builds(lambda g, h: f"{g} {h}", given, given).filter(lambda n: len(set(n.split())) == 2),
    )


def business_names() -> st.SearchStrategy[str]:
    """Names of micro and small businesses: ``Warung Sembako Berkah``, ``UD Makmur``, ..."""
    return st.one_of(
        st.builds(
            lambda t, w, b: f"{t} {w} {b}",
            st.sampled_from(_TRADES),
            st.sampled_from(_TRADE_WORDS),
            st.sampled_from(_BLESSINGS),
        ),
        st.builds(
            lambda t, w, g: f"{t} {w} {'Bu' if g in _WOMEN else 'Pak'} {g}",
            st.sampled_from(_TRADES),
            st.sampled_from(_TRADE_WORDS),
            st.sampled_from(GIVEN_NAMES),
        ),
        st.builds(
            lambda f, b: f"{f} {b}",
            st.sampled_from(("CV", "UD", "PD")),
            st.sampled_from(_BLESSINGS),
        ),
    )


_WOMEN = frozenset(
    {
        "Siti",
        "Dewi",
        "Rina",
        "Sri",
        "Wahyuni",
        "Yuni",
        "Putri",
        "Ratna",
        "Aisyah",
        "Fitri",
        "Indah",
        "Lestari",
        "Ayu",
        "Kartika",
        "Lina",
        "Marlina",
        "Anisa",
        "Citra",
        "Sumarni",
        "Maria",
        "Wulan",
        "Dian",
        "Euis",
        "Nur",
    }
)


def street_addresses() -> st.SearchStrategy[str]:
    """Addresses as written on a KTP: street, number, RT/RW and the neighbourhood."""
    return st.builds(
        lambda s, n, rt, rw, area: f"{s} No. {n}, RT {rt:03d}/RW {rw:03d}, {area}",
        st.sampled_from(_STREETS),
        st.integers(1, 250),
        st.integers(1, 20),
        st.integers(1, 12),
        st.sampled_from(_NEIGHBOURHOODS),
    )


LINES_OF_BUSINESS: tuple[tuple[str, str], ...] = (
    ("warung sembako", "47111"),
    ("jahit pakaian", "14111"),
    ("kopi bubuk", "10761"),
    ("keripik pisang", "10794"),
    ("bengkel motor", "45405"),
    ("pangkas rambut", "96111"),
    ("budidaya ikan", "03221"),
    ("kue basah", "10710"),
    ("pedagang sayur", "47211"),
    ("laundry", "96200"),
    ("warung makan", "56102"),
    ("kerajinan tapis", "13123"),
)
