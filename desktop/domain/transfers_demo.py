"""Demo transfers (`make run`, screenshots): letters out in every state (receipted,
waiting, overdue) and floating members out and in. A bounded handful of rows whatever
the roster's size; the roster keeps its count (no member is added or removed)."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from desktop.domain import floating, idnumber, transfers
from desktop.domain.transfers import LETTERS, RECEIPTS
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

#: A member who left on paper last year: only the letter and its receipt remain here.
_FORMER = ("周建国", "male", "汉族", date(1979, 11, 3), "320106")
_PAPER_UNIT = "中国建筑第八工程局有限公司党委"


def seed_demo(ws: Workspace, today: date) -> None:
    """A receipted, a waiting and an overdue letter; one member floating out, one in."""
    members = ws.records.query(
        "members",
        "owner_org = ? AND status = 'normal' AND floating IS NULL",
        (ws.org_id,),
        order_by="_rowid",
        limit=4,
    )
    _former_letter(ws, today)
    if len(members) < 4:
        return
    transfers.transfer_out(
        ws,
        members[1]["id"],
        route="paper",
        to_unit="中国电建集团海外投资有限公司党委",
        paid_up_to=_month(today, -2),
        valid_days=30,
        issued=today - timedelta(days=47),
    )
    units = transfers.destinations(ws)
    if units:
        transfers.transfer_out(
            ws,
            members[0]["id"],
            route="system",
            to_org=units[0].org_id,
            paid_up_to=_month(today, -1),
            issued=today - timedelta(days=9),
        )
    floating.floating_out(
        ws,
        members[2]["id"],
        place="沙特阿拉伯 利雅得",
        unit="中东区域项目部",
        contact="+966 55 012 3456",
        start=today - timedelta(days=120),
    )
    floating.floating_in(
        ws,
        member_id=members[3]["id"],
        place="湖南 长沙",
        unit="长沙市岳麓区某公司党支部",
        contact="微信 changsha-dangzhibu",
        start=today - timedelta(days=200),
    )
    log.info("demo transfers: letters and floating members added")


def _month(today: date, delta: int) -> str:
    index = today.year * 12 + today.month - 1 + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _former_letter(ws: Workspace, today: date) -> None:
    name, gender, ethnicity, born, region = _FORMER
    issued = today - timedelta(days=300)
    with ws.records.transaction():
        letter = {
            "serial": transfers.next_serial(ws, issued),
            "direction": "out",
            "route": "paper",
            "name": name,
            "gender": gender,
            "birth_date": born,
            "ethnicity": ethnicity,
            "category": "full",
            "id_kind": "resident",
            "id_number": idnumber.make(region, born, 57),
            "from_org": ws.org_id,
            "from_unit": transfers.unit_name(ws, ws.org_id) or "-",
            "to_unit": _PAPER_UNIT,
            "paid_up_to": _month(issued, -1),
            "issued_date": issued,
            "valid_until": issued + timedelta(days=30),
            "state": "received",
        }
        letter_id = ws.records.insert(LETTERS, letter, owner_org=ws.org_id)
        ws.records.insert(
            RECEIPTS,
            {
                "letter_id": letter_id,
                "serial": letter["serial"],
                "received_date": issued + timedelta(days=16),
                "received_by": "组织委员",
                "receiving_unit": _PAPER_UNIT,
            },
            owner_org=ws.org_id,
        )
