"""The findings of an activity decision (R21): one per fiscal year examined, then the verdict (private).

:func:`~koperasi_id.cooperatives.activity_status` writes them from what
``_activity.assess`` found; the registry's fast path never does.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from koperasi_id.cooperatives._activity import (
    _ACTIVITY_CITATION,
    _LEGAL_STATUS_CITATION,
    _RAT_DUTY,
    _Assessment,
)
from koperasi_id.cooperatives._enums import ActivityStatus
from koperasi_id.cooperatives._governance import rat_deadline
from koperasi_id.cooperatives._model import Cooperative
from koperasi_id.decisions import Finding, Severity
from koperasi_id.law import Timeline


def _years(years: tuple[int, ...]) -> str:
    return ", ".join(str(y) for y in years) if years else "-"


def _details(**values: object) -> Mapping[str, str]:
    return {k: str(v) for k, v in values.items() if v is not None}


def _dissolved_finding(cooperative: Cooperative) -> Finding:
    return Finding(
        code="cooperatives.activity.dissolved",
        passed=False,
        message_id=f"Koperasi telah dibubarkan pada {cooperative.dissolved_on}; badan hukumnya "
        "berakhir sehingga tidak dihitung aktif.",
        message_en=f"The cooperative was dissolved on {cooperative.dissolved_on}; its legal "
        "entity ended, so it is not counted as active.",
        citation=_LEGAL_STATUS_CITATION,
        details=_details(dissolved_on=cooperative.dissolved_on),
    )


def _findings(
    cooperative: Cooperative,
    found: _Assessment,
    *,
    as_of: date,
    latest_due: int,
    window_years: int,
    unreported_missed: bool,
    deadlines: Timeline[int],
) -> list[Finding]:
    out: list[Finding] = []
    counted = set(found.counted)
    year_end = cooperative.fiscal_year_end
    for year in (*found.window, *(y for y in found.counted if y > latest_due)):
        rat = cooperative.rat_for(year)
        deadline = rat_deadline(year, fiscal_year_end=year_end, rules=deadlines)
        held_on = rat.held_on if rat is not None else None
        if held_on is not None and held_on > as_of:
            held_on = None  # not yet held on the date asked about
        if year in counted:
            assert held_on is not None
            assert rat is not None
            late = held_on > deadline
            early = year > latest_due
            when_id = " (terlambat)" if late else (" (sebelum jatuh tempo)" if early else "")
            when_en = " (late)" if late else (" (before it fell due)" if early else "")
            unreported_note_id = "" if rat.reported else ", belum dilaporkan"
            unreported_note_en = "" if rat.reported else ", not reported"
            out.append(
                Finding(
                    code="cooperatives.activity.rat_counted",
                    passed=True,
                    message_id=f"RAT tahun buku {year} dilaksanakan {held_on}{when_id}"
                    f"{unreported_note_id}; dihitung.",
                    message_en=f"The RAT for fiscal year {year} was held on {held_on}{when_en}"
                    f"{unreported_note_en}; it counts.",
                    citation=_RAT_DUTY,
                    details=_details(
                        fiscal_year=year,
                        held_on=held_on,
                        deadline=deadline,
                        reported=str(rat.reported).lower(),
                        late=str(late).lower(),
                    ),
                )
            )
        elif held_on is None:
            out.append(
                Finding(
                    code="cooperatives.activity.rat_missed",
                    passed=False,
                    severity=Severity.WARNING,
                    message_id=f"RAT tahun buku {year} tidak dilaksanakan sampai {as_of} "
                    f"(batas {deadline}).",
                    message_en=f"No RAT for fiscal year {year} was held by {as_of} "
                    f"(deadline {deadline}).",
                    citation=_RAT_DUTY,
                    details=_details(fiscal_year=year, deadline=deadline),
                )
            )
        else:
            out.append(
                Finding(
                    code="cooperatives.activity.rat_unreported",
                    passed=False,
                    severity=Severity.WARNING,
                    message_id=f"RAT tahun buku {year} dilaksanakan {held_on} tetapi tidak "
                    "dilaporkan ke dinas; dihitung tidak dilaksanakan.",
                    message_en=f"The RAT for fiscal year {year} was held on {held_on} but not "
                    "reported to the office; it counts as missed.",
                    citation=_ACTIVITY_CITATION,
                    details=_details(fiscal_year=year, held_on=held_on, deadline=deadline),
                )
            )
    window_text = _years(found.window)
    if len(found.window) < window_years:
        out.append(
            Finding(
                code="cooperatives.activity.window_incomplete",
                passed=True,
                severity=Severity.INFO,
                message_id=f"Baru {len(found.window)} tahun buku jatuh tempo RAT sejak akta "
                f"disahkan ({window_text}); koperasi belum dapat melewatkan {window_years} RAT "
                "berturut-turut.",
                message_en=f"Only {len(found.window)} fiscal year(s) have fallen due since the "
                f"deed was approved ({window_text}); the cooperative cannot yet have missed "
                f"{window_years} RATs in a row.",
                citation=_ACTIVITY_CITATION,
                details=_details(window_years=window_years, due_years=len(found.window)),
            )
        )
    active = found.status is ActivityStatus.ACTIVE
    out.append(
        Finding(
            code="cooperatives.activity.rat_in_window",
            passed=active,
            message_id=(
                f"Jendela {window_years} tahun buku ({window_text}): RAT yang dihitung "
                f"{_years(found.counted)}; status {found.status.label.lower()}."
            ),
            message_en=(
                f"Window of {window_years} fiscal years ({window_text}): counted RATs "
                f"{_years(found.counted)}; status {found.status.value}."
            ),
            citation=_ACTIVITY_CITATION,
            details=_details(
                window=window_text,
                counted=_years(found.counted),
                missed=_years(found.missed),
                unreported_counts_as_missed=str(unreported_missed).lower(),
            ),
        )
    )
    if not active:
        out.append(
            Finding(
                code="cooperatives.activity.legal_status_unchanged",
                passed=True,
                severity=Severity.INFO,
                message_id="Status tidak aktif tidak mengubah status badan hukum; hanya "
                "keputusan pembubaran yang mengakhirinya.",
                message_en="Inactivity does not change the legal status; only a dissolution "
                "decision ends the legal entity.",
                citation=_LEGAL_STATUS_CITATION,
            )
        )
    return out
