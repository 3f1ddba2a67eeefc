"""Strategies for KUR applications and loans (``koperasi_id.kur``); credits are in ``_kur_credits``.

An application is drawn *eligible* under :data:`~koperasi_id.kur.DEFAULT_RULES`
on its akad date, or built to fail exactly one named check: every other
finding of :func:`~koperasi_id.kur.assess` still passes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from koperasi_id.identifiers import Kbli
from koperasi_id.kur import (
    DEFAULT_RULES,
    PERMENKO_1_2026_FROM,
    PERMENKO_12_2025_FROM,
    TIERED_REGIME_FROM,
    CreditKind,
    ExistingCredit,
    KurApplication,
    KurLoan,
    Method,
    Purpose,
    Scheme,
    Sector,
    access_limit,
    max_tenor_months,
    originate,
    plafond_band,
)
from koperasi_id.msme import Business
from koperasi_id.regions import PROVINCE_CODES
from koperasi_id.strategies._common import (
    LINES_OF_BUSINESS,
    business_names,
    check_bool_or_none,
    check_date,
    check_enum,
)
from koperasi_id.strategies._identifiers import draw_adult_nik, nibs, npwps, region_codes
from koperasi_id.strategies._kur_credits import (
    _FAILING_CREDITS,
    _HARMLESS_CREDITS,
    _JT,
    existing_credits,
)

__all__ = [
    "KUR_FAILURES",
    "existing_credits",
    "kur_applications",
    "kur_loans",
]

#: Akad dates drawn when the caller gives none.
DEFAULT_AKAD_BETWEEN = (date(2022, 1, 1), date(2027, 12, 31))
#: The first akad date drawn: the first day of the collateral and access-limit rules
#: (ceilings, rates and tenors start with the 2015 relaunch).
FIRST_AKAD = date(2020, 1, 1)
_LAST_AKAD = date(2099, 12, 31)
_OMZET_CEILING = DEFAULT_RULES.omzet.regimes[0].value
_DISASTER_PROVINCES = DEFAULT_RULES.disaster_rates.regimes[0].value.province_codes
_OTHER_PROVINCES = tuple(sorted(PROVINCE_CODES - _DISASTER_PROVINCES))


class _Window:
    """Where a failure can be built: akad dates and schemes."""

    def __init__(
        self,
        schemes: tuple[Scheme, ...] = tuple(Scheme),
        first: date = FIRST_AKAD,
        last: date = _LAST_AKAD,
        default: tuple[date, date] = DEFAULT_AKAD_BETWEEN,
    ) -> None:
        self.schemes = schemes
        self.first = first
        self.last = last
        self.default = (max(default[0], first), min(default[1], last))


_END_2025 = PERMENKO_1_2026_FROM - timedelta(days=1)
#: The finding codes of :func:`~koperasi_id.kur.assess` that ``fails=`` can
#: target, with where (akad dates, schemes) each can fail on its own.
_WINDOWS: dict[str, _Window] = {
    "kur.scheme_ceiling": _Window(),
    "kur.tenor": _Window(),
    "kur.collateral": _Window(schemes=(Scheme.SUPER_MICRO, Scheme.MICRO, Scheme.SPECIAL)),
    "kur.npwp_required": _Window(
        schemes=(Scheme.MICRO, Scheme.SMALL, Scheme.SPECIAL, Scheme.MIGRANT_WORKER),
        first=date(2022, 1, 1),
    ),
    "kur.business_age": _Window(
        schemes=(Scheme.SUPER_MICRO, Scheme.MICRO, Scheme.SMALL, Scheme.SPECIAL),
        first=date(2022, 1, 1),
    ),
    "kur.existing_credit": _Window(first=date(2022, 1, 1)),
    "kur.outstanding_cap": _Window(schemes=(Scheme.MICRO,), first=TIERED_REGIME_FROM),
    "kur.access_limit": _Window(schemes=(Scheme.MICRO,), first=TIERED_REGIME_FROM, last=_END_2025),
    "kur.omzet": _Window(first=PERMENKO_1_2026_FROM),
    "kur.exemption_38a": _Window(last=PERMENKO_12_2025_FROM - timedelta(days=1)),
    "kur.disaster_area": _Window(first=PERMENKO_1_2026_FROM),
}
#: The check codes ``kur_applications(fails=...)`` accepts.
KUR_FAILURES: tuple[str, ...] = tuple(_WINDOWS)
_ELIGIBLE = _Window()


_NPWPS = npwps()
_DAYS_IN_BUSINESS = st.integers(0, 20 * 365)
_SALES = st.integers(0, int(_OMZET_CEILING)).map(Decimal)
_TOO_MUCH_SALES = st.none() | st.integers(int(_OMZET_CEILING) + 1, 50_000_000_000).map(Decimal)


def kur_applications(
    *,
    eligible: bool | None = None,
    fails: str | None = None,
    as_of: date | None = None,
    scheme: Scheme | str | None = None,
) -> st.SearchStrategy[KurApplication]:
    """Valid :class:`~koperasi_id.kur.KurApplication` records, eligible or failing one check.

    ``eligible=True``: :func:`~koperasi_id.kur.assess` (under
    :data:`~koperasi_id.kur.DEFAULT_RULES`) finds it eligible.
    ``fails="kur.tenor"`` (any code in :data:`KUR_FAILURES`): exactly that
    check fails and every other passes. ``eligible=False``: a failing
    application, the failed check drawn from those possible for ``as_of`` and
    ``scheme``. With neither, eligible and failing ones are mixed. ``as_of``
    fixes the akad date (default: drawn from 2022-2027, inside the dates
    where the check exists); ``scheme`` fixes the KUR scheme. Arguments that
    cannot be met together (``fails="kur.omzet"`` before 2026,
    ``fails="kur.access_limit"`` for a scheme without limits) are refused when
    the strategy is built. Plafonds are multiples of Rp100.000; the borrower
    owns the business, which started at least 7 months before the akad (at
    most 6 for a ``kur.business_age`` failure).
    """
    want = check_bool_or_none("eligible", eligible)
    day = check_date("as_of", as_of)
    chosen = check_enum("scheme", scheme, Scheme)
    if day is not None and not FIRST_AKAD <= day <= _LAST_AKAD:
        raise InvalidArgument(f"as_of must be from {FIRST_AKAD} (the first KUR rules), got {day}")
    if fails is not None:
        if fails not in _WINDOWS:
            raise InvalidArgument(f"fails must be one of {', '.join(KUR_FAILURES)}; got {fails!r}")
        if want is True:
            raise InvalidArgument("eligible=True and fails= contradict each other")
        return _failing(fails, day, chosen)
    if want is True:
        return _eligible(day, chosen)
    # Never empty: kur.scheme_ceiling and kur.tenor can fail for every scheme on every date.
    codes = [c for c in KUR_FAILURES if _possible(_WINDOWS[c], day, chosen)]
    failing = st.sampled_from(codes).flatmap(lambda c: _failing(c, day, chosen))
    if want is False:
        return failing
    return st.one_of(_eligible(day, chosen), failing)


def _possible(window: _Window, day: date | None, scheme: Scheme | None) -> bool:
    in_dates = day is None or window.first <= day <= window.last
    return in_dates and (scheme is None or scheme in window.schemes)


def _existing(day: date) -> frozenset[Scheme]:
    """The schemes the law knew on ``day`` (KUR khusus from 2018, super mikro from 2020-08-31)."""
    return frozenset(DEFAULT_RULES.ceilings.value_at(day))


def _dates_and_schemes(
    window: _Window, day: date | None, scheme: Scheme | None, what: str
) -> st.SearchStrategy[tuple[date, Scheme]]:
    if day is not None and not window.first <= day <= window.last:
        raise InvalidArgument(
            f"{what} cannot happen on {day}: only from {window.first} to {window.last}"
        )
    if scheme is not None and scheme not in window.schemes:
        allowed = ", ".join(s.value for s in window.schemes)
        raise InvalidArgument(f"{what} cannot happen for scheme {scheme.value}; only {allowed}")
    if day is not None and scheme is not None and scheme not in _existing(day):
        raise InvalidArgument(
            f"{what} cannot happen for scheme {scheme.value} on {day}: no such KUR"
        )
    dates = st.just(day) if day is not None else st.dates(*window.default)
    if scheme is not None:
        fixed = scheme
        return dates.filter(lambda d: fixed in _existing(d)).map(lambda d: (d, fixed))
    # A scheme is drawn among those that existed on the drawn day (never empty: every
    # window holds mikro, which exists on every day from FIRST_AKAD).
    return dates.flatmap(
        lambda d: st.sampled_from([s for s in window.schemes if s in _existing(d)]).map(
            lambda s: (d, s)
        )
    )


def _eligible(day: date | None, scheme: Scheme | None) -> st.SearchStrategy[KurApplication]:
    pairs = _dates_and_schemes(_ELIGIBLE, day, scheme, "an eligible application")
    return pairs.flatmap(lambda ds: _application(ds[0], ds[1], None))


def _failing(
    code: str, day: date | None, scheme: Scheme | None
) -> st.SearchStrategy[KurApplication]:
    window = _WINDOWS[code]
    pairs = _dates_and_schemes(window, day, scheme, f"failing {code}")
    return pairs.flatmap(lambda ds: _application(ds[0], ds[1], code))


_NAMES = business_names()
_NIBS = st.none() | nibs()
_KBLIS = st.none() | st.sampled_from([Kbli.parse(k) for _, k in LINES_OF_BUSINESS])
_CAPITALS = st.none() | st.integers(1, 5_000).map(lambda jt: jt * _JT)
_WORKERS = st.none() | st.integers(1, 50)
_ANY_REGION = st.none() | region_codes()


def _draw_business(
    draw: st.DrawFn, *, started: date, sales: Decimal | None, province: str | None
) -> Business:
    return Business(
        name=draw(_NAMES),
        owner_nik=draw_adult_nik(draw, started, min_age=18),
        started_on=started,
        region=draw(region_codes(province=province) if province is not None else _ANY_REGION),
        nib=draw(_NIBS),
        kbli=draw(_KBLIS),
        capital=draw(_CAPITALS),
        annual_sales=sales,
        workers=draw(_WORKERS),
    )


@st.composite
def _application(draw: st.DrawFn, akad: date, scheme: Scheme, fails: str | None) -> KurApplication:
    rules = DEFAULT_RULES
    band = plafond_band(scheme, as_of=akad)
    in_band = _plafonds(band.floor, band.ceiling)
    plafond = draw(in_band)
    purpose = (
        Purpose.WORKING_CAPITAL
        if scheme is Scheme.MIGRANT_WORKER
        else draw(st.sampled_from(Purpose))
    )
    extended = False if scheme is Scheme.MIGRANT_WORKER else draw(st.booleans())
    sector = draw(st.sampled_from(Sector))
    access = draw(st.integers(1, 3))
    limit = access_limit(scheme, sector, as_of=akad) if rules.access_limits.find(akad) else None
    if limit is not None:
        access = min(access, limit)
    credits = draw(_HARMLESS_CREDITS)
    additional_collateral: bool | None = None
    started = akad - relativedelta(months=7) - timedelta(days=draw(_DAYS_IN_BUSINESS))
    sales: Decimal | None = draw(_SALES)
    province: str | None = None
    exempt_38a = rules.exemption_38a.find(akad) is not None and draw(st.integers(0, 4)) == 0
    disaster_area = False
    had_training, mentored, group_member, family_business = draw(
        st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans())
    )
    contract_months: int | None = None

    if fails == "kur.scheme_ceiling":
        plafond = draw(_outside_band(scheme, band.floor, band.ceiling))
    elif fails == "kur.collateral":
        ceiling = rules.collateral.value_at(akad).ceiling
        plafond = draw(_plafonds(band.floor, min(band.ceiling, ceiling)))
        additional_collateral = True
    elif fails == "kur.business_age":
        # The first start date that is under six months old at akad, counted as
        # the rule counts (start + 6 months, clamped to the month's end): from
        # 29-31 August, six months end on 28 February.
        earliest = akad - relativedelta(months=6) + timedelta(days=1)
        while earliest + relativedelta(months=6) <= akad:
            earliest += timedelta(days=1)
        started = earliest + timedelta(days=draw(st.integers(0, (akad - earliest).days)))
        had_training = mentored = group_member = family_business = False
        exempt_38a = False
    elif fails == "kur.existing_credit":
        credits = (*credits, draw(_FAILING_CREDITS))
    elif fails == "kur.outstanding_cap":
        cap = rules.outstanding_cap.value_at(akad)
        plafond = draw(in_band)
        outstanding = draw(_amounts(cap - plafond + 1, cap))
        credits = (
            *credits,
            ExistingCredit(
                kind=CreditKind.KUR,
                plafond=outstanding,
                outstanding=outstanding,
                same_lender=True,
                scheme=Scheme.MICRO,
            ),
        )
        access = 2
        exempt_38a = False
    elif fails == "kur.access_limit":
        limit = access_limit(scheme, sector, as_of=akad)
        assert limit is not None
        access = draw(st.integers(limit + 1, limit + 3))
        exempt_38a = False
    elif fails == "kur.omzet":
        sales = draw(_TOO_MUCH_SALES)
    elif fails == "kur.exemption_38a":
        exempt_38a = True
    elif fails == "kur.disaster_area":
        disaster_area = True
        province = draw(st.sampled_from(_OTHER_PROVINCES))

    tenor_limit = max_tenor_months(scheme, purpose, as_of=akad, extended=extended)
    if scheme is Scheme.MIGRANT_WORKER and fails != "kur.tenor":
        contract_months = draw(st.none() | st.integers(12, 60))
        if contract_months is not None:
            tenor_limit = min(tenor_limit, contract_months)
    if fails == "kur.tenor":
        tenor = draw(st.integers(tenor_limit + 1, tenor_limit + 24))
    else:
        tenor = draw(st.integers(1, tenor_limit))

    collateral = rules.collateral.value_at(akad)
    allowed = scheme not in collateral.no_collateral_schemes and plafond > collateral.ceiling
    if additional_collateral is None:
        additional_collateral = allowed and draw(st.booleans())
    npwp_rule = rules.npwp.find(akad)
    needs_npwp = npwp_rule is not None and (
        scheme in npwp_rule.value.always
        or (scheme in npwp_rule.value.above_threshold and plafond > npwp_rule.value.threshold)
    )
    if fails == "kur.npwp_required":
        rule = rules.npwp.value_at(akad)
        if scheme not in rule.always:
            plafond = draw(_plafonds(max(band.floor, rule.threshold), band.ceiling))
            additional_collateral = (
                scheme not in collateral.no_collateral_schemes
                and plafond > collateral.ceiling
                and draw(st.booleans())
            )
        npwp = None
    elif needs_npwp:
        npwp = draw(_NPWPS)
    else:
        npwp = draw(st.none() | _NPWPS)

    business = _draw_business(draw, started=started, sales=sales, province=province)
    return KurApplication(
        borrower_nik=business.owner_nik,
        npwp=npwp,
        business=business,
        scheme=scheme,
        plafond=plafond,
        tenor_months=tenor,
        purpose=purpose,
        sector=sector,
        akad_date=akad,
        access=access,
        existing_credits=credits,
        had_training=had_training,
        mentored=mentored,
        group_member=group_member,
        family_business=family_business,
        extended=extended,
        additional_collateral=additional_collateral,
        exempt_38a=exempt_38a,
        disaster_area=disaster_area,
        contract_months=contract_months,
    )


def _amounts(low: Decimal, high: Decimal) -> st.SearchStrategy[Decimal]:
    return st.integers(int(low), int(high)).map(Decimal)


#: Plafonds are whole multiples of Rp100.000, as lenders write them.
_PLAFOND_STEP = 100_000


def _plafonds(above: Decimal, up_to: Decimal) -> st.SearchStrategy[Decimal]:
    """Plafonds ``above < p <= up_to`` in steps of Rp100.000 (both bounds are whole juta)."""
    low = int(above) // _PLAFOND_STEP + 1
    high = int(up_to) // _PLAFOND_STEP
    return st.integers(low, high).map(lambda n: Decimal(n * _PLAFOND_STEP))


def _outside_band(scheme: Scheme, floor: Decimal, ceiling: Decimal) -> st.SearchStrategy[Decimal]:
    """A plafond outside the band that breaks no other check.

    Above the ceiling where that is harmless (super mikro, khusus, PMI); at or
    below the floor for mikro (above 100 jt would break the outstanding cap)
    and kecil (the floor is the mikro ceiling).
    """
    if scheme in (Scheme.MICRO, Scheme.SMALL) and floor > 0:
        return _plafonds(Decimal(0), floor)
    return _plafonds(ceiling, ceiling * 2)


def kur_loans(
    *, as_of: date | None = None, scheme: Scheme | str | None = None
) -> st.SearchStrategy[KurLoan]:
    """Loans originated from eligible applications (rate in force, annuity, flat or bullet)."""
    applications = kur_applications(eligible=True, as_of=as_of, scheme=scheme)
    return applications.flatmap(_loan)


def _loan(application: KurApplication) -> st.SearchStrategy[KurLoan]:
    methods = [
        m for m in Method if m is not Method.BULLET or application.scheme is Scheme.SUPER_MICRO
    ]
    return st.sampled_from(methods).flatmap(
        lambda method: st.builds(
            _originate(application, method),
            st.just(0)
            if method is Method.BULLET
            else st.integers(0, min(6, application.tenor_months - 1)),
        )
    )


def _originate(application: KurApplication, method: Method) -> Callable[[int], KurLoan]:
    def build(grace: int) -> KurLoan:
        return originate(application, method=method, grace_months=grace)

    return build
