"""Member development use cases: open a case with the written application, record its
steps (admission at step 17 makes the member record, conversion at step 24 makes it
full), attach scans to steps and close a case. The rules themselves are in
`development`; every write here checks them and the user's role first.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain import idnumber
from desktop.domain.access import Action, require
from desktop.domain.attachments import attach_file
from desktop.domain.development import (
    APPROVAL,
    CASES,
    CONVERSION_APPROVAL,
    CONVERSION_MEETING,
    MEETING,
    RULES,
    STEPS,
    STEPS_TABLE,
    TRAINING,
    CaseFile,
    Entry,
    Person,
    TimeRules,
    case_file,
    check_outcome,
    people_of_step,
    refusal,
    training_outcome,
    why_blocked,
)
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

# --- use cases -----------------------------------------------------------------------------

#: The applicant's details a case keeps (the member record is made from them at admission).
CASE_FIELDS = (
    "name", "gender", "birth_date", "ethnicity", "id_number", "education", "work_unit",
    "phone", "group_id",
)  # fmt: skip


def _applicant(values: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: values[k] for k in CASE_FIELDS if values.get(k) not in (None, "")}
    name = str(out.get("name", "")).strip()
    if not name:
        raise refusal(_N("Errors", "Enter the applicant's name."))
    out["name"] = name
    number = out.get("id_number")
    if number:
        number = idnumber.normalize(str(number))
        out["id_number"] = number
        if len(number) == 18 and not idnumber.is_valid(number):
            raise refusal(
                _N("Errors", "The ID number {number} is not valid (check digit or date)."),
                number=idnumber.masked(number),
            )
        if idnumber.is_valid(number):
            out.setdefault("birth_date", idnumber.birth_date(number))
            out.setdefault("gender", idnumber.gender(number))
    return out


def open_case(
    ws: Workspace,
    applicant: Mapping[str, Any],
    applied: date,
    *,
    note: str = "",
    rules: TimeRules = RULES,
    today: date | None = None,
) -> str:
    """Open a case with the written application (step 1) of `applied`; returns its id.
    The applicant must be at least 18 then: the birth date comes from the case or its
    ID number, and one of them is needed."""
    require(ws.user, Action.EDIT_DEVELOPMENT)
    values = _applicant(applicant)
    values.update(stage=1, state="open")
    file = CaseFile(values)
    if file.birth_date() is None:
        raise refusal(
            _N(
                "Errors",
                "Enter the applicant's date of birth or ID number: an applicant must be at "
                "least {age} years old.",
            ),
            age=rules.min_age_years,
        )
    problem = why_blocked(file, 1, applied, rules=rules, today=today)
    if problem is not None:
        raise problem
    with ws.records.transaction():
        case_id = ws.records.insert(CASES, values, owner_org=ws.org_id)
        ws.records.insert(
            STEPS_TABLE,
            {"case_id": case_id, "step": 1, "done_date": applied, "people": [], "note": note},
            owner_org=ws.org_id,
        )
    log.info("development case opened")
    return case_id


def record_step(
    ws: Workspace,
    case_id: str,
    step: int,
    day: date,
    *,
    people: Sequence[Person] = (),
    outcome: str | None = None,
    note: str = "",
    training_days: int | None = None,
    training_hours: int | None = None,
    extended_to: date | None = None,
    rules: TimeRules = RULES,
    today: date | None = None,
) -> str:
    """Record a step of a case (refused, with the rule and the earliest allowed date, when
    the rules do not allow it yet); returns the step entry's id.

    Approval at step 17 admits: the member record is made (probationary, joined on the
    day of the branch meeting) and linked to the case. Approval at step 24 of a
    conversion makes the member full from the end of the probation."""
    require(ws.user, Action.EDIT_DEVELOPMENT)
    with ws.records.transaction():
        file = case_file(ws, case_id)
        problem = why_blocked(file, step, day, rules=rules, today=today)
        if problem is not None:
            raise problem
        check_outcome(file, step, outcome, extended_to, rules)
        if step == TRAINING:
            days, hours = training_days or 0, training_hours or 0
            if days < rules.training_min_days and hours < rules.training_min_hours:
                raise refusal(
                    _N(
                        "Errors",
                        "The concentrated training needs at least {days} days or {hours} "
                        "class hours.",
                    ),
                    days=rules.training_min_days,
                    hours=rules.training_min_hours,
                )
            outcome = training_outcome(training_days, training_hours)
        elif not STEPS[step].outcomes:
            outcome = None
        entry_id = ws.records.insert(
            STEPS_TABLE,
            {
                "case_id": case_id,
                "step": step,
                "done_date": day,
                "people": people_of_step(ws, step, people),
                "outcome": outcome,
                "note": note.strip() or None,
            },
            owner_org=file.case["owner_org"],
            audience=file.case["audience"],
        )
        entry = Entry(entry_id, step, day, (), outcome, note)
        file.entries.append(entry)
        changes: dict[str, Any] = {"stage": file.stage}
        if step == APPROVAL and outcome == "approved":
            changes.update(member_id=_admit(ws, file, day), state="admitted")
        elif step == CONVERSION_MEETING and outcome == "extended":
            assert extended_to is not None
            _member_event(
                ws, file, day, "probation_extended", entry_id,
                old=file.probation_end(rules), new=extended_to,
            )  # fmt: skip
        elif step == CONVERSION_APPROVAL and outcome == "approved":
            changes.update(_conclude_probation(ws, file, day, rules))
        ws.records.update(CASES, case_id, changes)
    log.info("development step %d recorded", step)
    return entry_id


def _member_event(
    ws: Workspace,
    file: CaseFile,
    day: date,
    kind: str,
    ref_id: str,
    *,
    old: Any = None,
    new: Any = None,
    note: str | None = None,
) -> None:
    member = ws.records.require("members", file.case["member_id"])
    ws.records.insert(
        "member_events",
        {
            "member_id": member["id"],
            "date": day,
            "kind": kind,
            "old_value": str(old) if old is not None else None,
            "new_value": str(new) if new is not None else None,
            "note": note,
            "ref_id": ref_id,
        },
        owner_org=member["owner_org"],
        audience=member["audience"],
    )


def _admit(ws: Workspace, file: CaseFile, approved: date) -> str:
    """The member record of an admitted applicant: probationary from the branch meeting."""
    case = file.case
    joined = file.day(MEETING)
    number = case.get("id_number")
    values = {k: case[k] for k in CASE_FIELDS if case.get(k) not in (None, "")}
    if number:
        values["id_kind"] = "resident" if idnumber.is_valid(number) else "passport"
    values.update(
        applied_date=file.day(1),
        joined_date=joined,
        category="probationary",
        status="normal",
    )
    member_id = ws.records.insert("members", values, owner_org=case["owner_org"])
    file.case["member_id"] = member_id
    _member_event(ws, file, file.day(1) or approved, "applied", case["id"])
    _member_event(
        ws, file, joined or approved, "admitted", case["id"],
        new="probationary", note=f"approved {approved.isoformat()}",
    )  # fmt: skip
    return member_id


def _conclude_probation(
    ws: Workspace, file: CaseFile, approved: date, rules: TimeRules
) -> dict[str, Any]:
    """Approval of the branch meeting's decision at the end of the probation. A member
    converted is full from the day the probation ended (party standing counts from then),
    not from the day of the approval."""
    decision = file.last(CONVERSION_MEETING)
    assert decision is not None
    member_id = file.case["member_id"]
    if decision.outcome == "converted":
        full = file.probation_end(rules)
        ws.records.update("members", member_id, {"category": "full", "full_date": full})
        _member_event(
            ws, file, full or approved, "converted", file.case["id"],
            old="probationary", new="full", note=f"approved {approved.isoformat()}",
        )  # fmt: skip
        return {"state": "converted"}
    # The probationary membership is cancelled: the person is no longer a member.
    ws.records.update("members", member_id, {"status": "left", "status_date": approved})
    _member_event(
        ws, file, approved, "status", file.case["id"],
        old="normal", new="left", note="probationary membership cancelled",
    )  # fmt: skip
    return {"state": "closed", "closed_reason": "probationary membership cancelled"}


def attach_scan(ws: Workspace, entry_id: str, path: Path) -> str:
    """Attach a scan (application, form, minutes) to a recorded step; stored encrypted."""
    require(ws.user, Action.EDIT_DEVELOPMENT)
    ws.records.require(STEPS_TABLE, entry_id)
    return attach_file(ws, STEPS_TABLE, entry_id, Path(path))


def close_case(ws: Workspace, case_id: str, reason: str) -> None:
    """Close a case that will not go on (withdrawn, moved away, not admitted)."""
    require(ws.user, Action.EDIT_DEVELOPMENT)
    reason = reason.strip()
    if not reason:
        raise refusal(_N("Errors", "Say why the case is closed."))
    with ws.records.transaction():
        case = ws.records.require(CASES, case_id)
        if case["state"] == "closed":
            raise refusal(_N("Errors", "This development case is already closed."))
        ws.records.update(CASES, case_id, {"state": "closed", "closed_reason": reason[:500]})


__all__ = [
    "Person",
    "attach_scan",
    "close_case",
    "open_case",
    "record_step",
]
