"""Strategies for businesses (``koperasi_id.msme``)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from decimal import ROUND_CEILING, Decimal

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from koperasi_id.identifiers import Kbli
from koperasi_id.msme import SIZE_CRITERIA, Business, BusinessSize, Criterion, SizeBands
from koperasi_id.strategies._common import (
    LINES_OF_BUSINESS,
    business_names,
    check_date,
    check_enum,
)
from koperasi_id.strategies._identifiers import draw_adult_nik, nibs, region_codes

__all__ = ["businesses", "figure_ranges"]

#: Businesses start between these dates unless ``as_of`` bounds them.
STARTED_BETWEEN = (date(1990, 1, 1), date(2025, 12, 31))
#: How far above the medium ceiling a large business's figures are drawn.
_LARGE_SPAN = Decimal(100_000_000_000)
_SEN = Decimal("0.01")


def _interval(bands: SizeBands, size: BusinessSize) -> tuple[Decimal, Decimal]:
    floor = bands.floor(size)
    ceiling = bands.ceiling(size)
    # The smallest amount above the floor is one sen above it: Rp1.000.000.000,01
    # is no longer micro, and the boundary is where classification goes wrong.
    low = Decimal(0) if floor is None else floor + _SEN
    high = ceiling if ceiling is not None else low + _LARGE_SPAN
    return low, high


def figure_ranges(
    size: BusinessSize, *, as_of: date | None = None
) -> dict[Criterion, tuple[Decimal, Decimal]]:
    """Inclusive ranges (in sen) per criterion that put a business in ``size``.

    With ``as_of``: under the regime in force that day. Without it: under
    *every* regime of :data:`~koperasi_id.msme.SIZE_CRITERIA` (ranges of a
    criterion used by several regimes are intersected: a small business by
    sales has Rp2-2.5 miliar, the overlap of UU 20/2008 and PP 7/2021).
    """
    regimes = [SIZE_CRITERIA.at(as_of)] if as_of is not None else list(SIZE_CRITERIA)
    out: dict[Criterion, tuple[Decimal, Decimal]] = {}
    for regime in regimes:
        for bands in regime.value.bands:
            criterion = bands.criterion
            found = _interval(bands, size)
            if criterion in out:
                low, high = out[criterion]
                found = (max(low, found[0]), min(high, found[1]))
            out[criterion] = found
    return out


def _amounts(bounds: tuple[Decimal, Decimal]) -> st.SearchStrategy[Decimal]:
    # Mostly whole rupiah, as figures are reported; sometimes with sen, so the
    # amounts one sen either side of a ceiling are drawn too.
    low, high = bounds
    whole = st.integers(int(low.to_integral_value(rounding=ROUND_CEILING)), int(high)).map(Decimal)
    return whole | st.decimals(low, high, places=2)


def businesses(
    *,
    size: BusinessSize | str | None = None,
    as_of: date | None = None,
) -> st.SearchStrategy[Business]:
    """Valid :class:`~koperasi_id.msme.Business` records with realistic names.

    ``size`` (a :class:`~koperasi_id.msme.BusinessSize` or its value): every
    figure the law uses falls in that class's band, so
    ``classify_business(b, as_of=as_of).size == size`` with no conflict. With
    ``as_of`` the business started on or before it and holds the figures of
    the regime in force that day; without it, it holds capital, net assets
    and annual sales that give ``size`` under *both* regimes. Without
    ``size`` the class is drawn. Owners are at least 17 when they start.
    """
    wanted = check_enum("size", size, BusinessSize)
    day = check_date("as_of", as_of)
    if day is not None and SIZE_CRITERIA.find(day) is None:
        first = SIZE_CRITERIA.regimes[0].valid_from
        raise InvalidArgument(f"no size criteria are in force on {day} (they start {first})")
    sizes = st.just(wanted) if wanted is not None else st.sampled_from(BusinessSize)
    return sizes.flatmap(lambda s: _business(s, day))


_NAMES = business_names()
_REGIONS = st.none() | region_codes()
_NIBS = st.none() | nibs()
_KBLIS = st.none() | st.sampled_from([Kbli.parse(k) for _, k in LINES_OF_BUSINESS])
_WORKERS = st.none() | st.integers(1, 300)


@functools.lru_cache(maxsize=512)  # keyed by dates: bounded
def _business(size: BusinessSize, as_of: date | None) -> st.SearchStrategy[Business]:
    ranges = figure_ranges(size, as_of=as_of)
    first, last = STARTED_BETWEEN
    if as_of is not None:
        first, last = min(first, as_of - relativedelta(years=30)), as_of
    figures = {c.argument: (_amounts(ranges[c]) if c in ranges else st.none()) for c in Criterion}
    return _drawn_business(st.dates(first, last), figures)


@st.composite
def _drawn_business(
    draw: st.DrawFn,
    started_on: st.SearchStrategy[date],
    figures: Mapping[str, st.SearchStrategy[Decimal | None]],
) -> Business:
    started = draw(started_on)
    return Business(
        name=draw(_NAMES),
        owner_nik=draw_adult_nik(draw, started),
        started_on=started,
        region=draw(_REGIONS),
        nib=draw(_NIBS),
        kbli=draw(_KBLIS),
        capital=draw(figures["capital"]),
        net_assets=draw(figures["net_assets"]),
        annual_sales=draw(figures["annual_sales"]),
        workers=draw(_WORKERS),
    )
