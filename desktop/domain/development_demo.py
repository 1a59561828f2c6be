"""Demo development cases: a dozen people spread over the five stages, some with a step
overdue, so that the pipeline shows every state it can be in (`make run`, screenshots).

Stages 1 to 4 are recorded through the use cases, so every demo date obeys the rules.
Probationary members already on the demo roster get the case that admitted them (stage 5),
written directly: their member record exists, admission must not make a second one.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from desktop.domain import idnumber
from desktop.domain.development import CASES, STEPS, STEPS_TABLE, Person, add_months
from desktop.domain.development_cases import open_case, record_step
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

#: (name, gender, age at application, region code, days from application to today, last
#: step recorded). Chosen so that the list shows an overdue talk, an overdue review, an
#: activist ready to become a target, an overdue approval and steps due soon.
_APPLICANTS = (
    ("刘洋", "male", 24, "370102", 12, 1),
    ("黄婷", "female", 23, "420106", 48, 1),
    ("吴浩", "male", 27, "510107", 45, 2),
    ("郑凯", "male", 26, "410105", 420, 6),
    ("马丽", "female", 25, "320102", 260, 5),
    ("何军", "male", 29, "430104", 410, 6),
    ("高峰", "male", 28, "610113", 560, 10),
    ("林静", "female", 26, "350102", 600, 11),
    ("罗斌", "male", 31, "500103", 700, 15),
    ("梁雪", "female", 27, "330106", 650, 14),
)
#: Days between consecutive steps where no rule sets them.
_GAP = {2: 20, 3: 30, 4: 7, 5: 7, 8: 10, 9: 7, 10: 15, 11: 20, 12: 10, 13: 10, 14: 7, 15: 10}
_NOTES = {
    2: "支部书记与申请人谈话，了解入党动机。",
    11: "参加上级党委组织的发展对象集中培训。",
    15: "应到会有表决权党员过半数，赞成票超过半数。",
}


def _steps_for(applied: date, last: int, today: date) -> list[tuple[int, date]]:
    """Rule-abiding dates for steps 2..last: the talk within the month, a review every six
    months while an activist, a year as activist before step 7; none after today."""
    out: list[tuple[int, date]] = []
    day = applied
    activist = applied
    for step in range(2, last + 1):
        if step == 6:
            review = add_months(activist, 6)
            while review <= today and review < add_months(activist, 12):
                out.append((6, review))
                day = review
                review = add_months(review, 6)
            continue
        if step == 7:
            day = max(day + timedelta(days=5), add_months(activist, 12))
        else:
            day = day + timedelta(days=_GAP.get(step, 7))
        if day > today:
            break
        if step == 3:
            activist = day
        out.append((step, day))
    return out


def _full_members(ws: Workspace, count: int) -> list[Person]:
    rows = ws.records.query(
        "members", "category = 'full' AND status = 'normal'", order_by="_rowid", limit=count
    )
    return [Person(r["name"], r["id"]) for r in rows]


def seed_demo(ws: Workspace, today: date) -> int:
    """Add the demo cases; returns how many. A bounded number of rows, whatever the size
    of the roster."""
    # One transaction for all of it: the use cases join it, and the demo costs one commit.
    with ws.records.transaction():
        made = _seed_applicants(ws, today)
        made += _seed_probationary(ws, today)
    log.info("demo data: %d development cases", made)
    return made


def _seed_applicants(ws: Workspace, today: date) -> int:
    full = _full_members(ws, 4)
    made = 0
    for number, (name, gender, age, region, days, last) in enumerate(_APPLICANTS):
        applied = today - timedelta(days=days)
        born = applied - timedelta(days=int(age * 365.25) + 40 + number)
        applicant = {
            "name": name,
            "gender": gender,
            "birth_date": born,
            "id_number": idnumber.make(region, born, 100 + 2 * number + (gender == "male")),
            "education": "大学本科",
            "work_unit": "中建八局阿尔及利亚嘉玛大清真寺项目部",
            "ethnicity": "汉族",
        }
        case_id = open_case(ws, applicant, applied, today=today, note="书面入党申请书。")
        made += 1
        for step, day in _steps_for(applied, last, today):
            if step in (5, 9) and len(full) < 2:
                break  # no full members on this roster to be contacts or introducers
            extra: dict[str, Any] = {}
            if step == 5:
                extra["people"] = full[number % 2 : number % 2 + 1]
            elif step == 9:
                extra["people"] = full[2:4] if len(full) >= 4 else full[:2]
            elif step == 11:
                extra.update(training_days=3, training_hours=24)
            elif step == 15:
                extra["outcome"] = "passed"
            elif step == 2:
                extra["people"] = [Person("支部书记")]
            record_step(ws, case_id, step, day, note=_NOTES.get(step, ""), today=today, **extra)
    return made


def _seed_probationary(ws: Workspace, today: date) -> int:
    """The cases of two probationary members of the roster, from their dates."""
    where = (
        "category = 'probationary' AND status = 'normal' AND joined_date <= ? "
        "AND applied_date IS NOT NULL"
    )
    params = ((today - timedelta(days=60)).isoformat(),)
    # The longest on probation (its conversion comes soon) and the most recently admitted.
    rows = [
        row
        for order in ("joined_date, _rowid", "joined_date DESC, _rowid")
        for row in ws.records.query("members", where, params, order_by=order, limit=1)
    ]
    rows = list({r["id"]: r for r in rows}.values())
    for member in rows:
        applied = date.fromisoformat(member["applied_date"])
        joined = date.fromisoformat(member["joined_date"])
        # Application to admission takes at least 400 days on the demo roster.
        activist = applied + timedelta(days=20)
        target = add_months(activist, 12)
        plan = [(1, applied), (2, applied + timedelta(days=10)), (3, activist)]
        plan += [(4, activist + timedelta(7)), (5, activist + timedelta(10))]
        plan += [(6, add_months(activist, 6)), (7, target)]
        plan += [(s, target + timedelta(days=s - 7)) for s in range(8, 15)]
        plan += [(15, joined)]
        approved = joined + timedelta(days=20)
        plan += [(16, joined + timedelta(days=10)), (17, approved), (18, approved + timedelta(5))]
        plan += [(19, approved + timedelta(7)), (20, approved + timedelta(10))]
        plan += [(21, approved + timedelta(30))]
        plan = [(s, d) for s, d in plan if d <= today]
        outcomes = {15: "passed", 17: "approved"}
        case = {k: member[k] for k in ("name", "gender", "birth_date", "ethnicity", "id_number")}
        case.update(
            education=member["education"],
            work_unit=member["work_unit"],
            group_id=member["group_id"],
            stage=STEPS[max(s for s, _ in plan)].stage,
            state="admitted",
            member_id=member["id"],
        )
        with ws.records.transaction():
            case_id = ws.records.insert(CASES, case, owner_org=member["owner_org"])
            steps = [
                {"case_id": case_id, "step": s, "done_date": d, "outcome": outcomes.get(s)}
                for s, d in sorted(plan, key=lambda p: p[1])
            ]
            ws.records.insert_many(STEPS_TABLE, steps, owner_org=member["owner_org"])
    return len(rows)
