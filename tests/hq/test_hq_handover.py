"""Transfers at HQ: a member's records move to the receiving unit only when HQ holds the
receipt and its letter, and the receipt comes from the letter's addressee."""

from __future__ import annotations

import pytest
from hqkit import Device, Hq
from sqlalchemy import func, select, update

from hq import handover
from hq.app import create_app
from hq.merge import HQ_DEVICE
from hq.tables import (
    HQ_SCHEMA,
    changes,
    field_state_record,
    hq_handovers,
    hq_meta,
    row_state,
)


@pytest.fixture
def tree(hq: Hq) -> dict[str, str]:
    """root → committee → (branch A, branch B, branch C)."""
    committee = hq.org("第一党委", hq.root, "committee")
    return {
        "committee": committee,
        "A": hq.org("一支部", committee),
        "B": hq.org("二支部", committee),
        "C": hq.org("三支部", committee),
    }


class Member:
    """A member of branch A with an event, an archive entry and a scanned file."""

    def __init__(self, a: Device) -> None:
        self.id = a.insert(
            "members", {"name": "王小明", "phone": "13800000000", "ethnicity": "汉族"}
        )
        self.event = a.insert(
            "member_events", {"member_id": self.id, "date": "2020-07-01", "kind": "admitted"}
        )
        self.entry = a.insert(
            "member_entries", {"member_id": self.id, "kind": "education", "title": "本科"}
        )
        self.scan = a.insert(
            "attachments",
            {
                "record_table": "members",
                "record_id": self.id,
                "name": "入党志愿书.pdf",
                "kind": "document",
                "sha256": "ab" * 32,
                "size": 10,
            },
        )

    @property
    def rows(self) -> set[str]:
        return {self.id, self.event, self.entry, self.scan}


def letter(a: Device, member: str, to: str, row_id: str | None = None) -> str:
    return a.insert(
        "transfer_letters",
        {
            "serial": "2026-0001",
            "direction": "out",
            "route": "system",
            "member_id": member,
            "name": "王小明",
            "from_org": a.org,
            "from_unit": "一支部",
            "to_org": to,
            "to_unit": "二支部",
            "issued_date": "2026-03-01",
            "valid_until": "2026-03-31",
            "state": "issued",
        },
        audience=[to],
        row_id=row_id,
    )


def receipt(b: Device, letter_id: str, to: str) -> str:
    return b.insert(
        "transfer_receipts",
        {"letter_id": letter_id, "serial": "2026-0001", "received_date": "2026-03-05"},
        audience=[to],
    )


def owners(hq: Hq, ids: set[str]) -> set[str]:
    with hq.db.read() as conn:
        return set(
            conn.execute(select(row_state.c.owner_org).where(row_state.c.row_id.in_(ids))).scalars()
        )


def hq_changes(hq: Hq) -> int:
    with hq.db.read() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(changes).where(changes.c.device == HQ_DEVICE)
            ).scalar_one()
        )


def outcome(hq: Hq, receipt_id: str) -> str | None:
    with hq.db.read() as conn:
        return conn.execute(
            select(hq_handovers.c.outcome).where(hq_handovers.c.receipt_id == receipt_id)
        ).scalar()


def test_a_receipt_with_its_letter_moves_the_member_whole(hq: Hq, tree: dict[str, str]) -> None:
    a, b = hq.enrol(tree["A"]), hq.enrol(tree["B"])
    member = Member(a)
    stays = a.insert("members", {"name": "李四"})
    letter_id = letter(a, member.id, tree["B"])
    a.sync()
    b.sync()
    # The letter alone moves nothing: B sees the letter, not the member.
    assert letter_id in b.rows and member.id not in b.rows
    assert owners(hq, member.rows) == {tree["A"]}

    receipt_id = receipt(b, letter_id, tree["A"])
    b.sync()
    assert owners(hq, member.rows) == {tree["B"]}
    # B's device received every record of the member, whole, with every field.
    assert member.rows <= set(b.rows)
    assert b.rows[member.id].value("phone") == "13800000000"
    assert b.rows[member.id].value("ethnicity") == "汉族"
    assert b.rows[member.event].value("kind") == "admitted"
    assert b.rows[member.scan].value("name") == "入党志愿书.pdf"
    assert stays not in b.rows
    # A's device lets go of the member but keeps its letter (and sees the receipt).
    a.sync()
    assert not member.rows & set(a.rows)
    assert {letter_id, receipt_id, stays} <= set(a.rows)
    assert a.rows[letter_id].value("owner_org") == tree["A"]
    assert outcome(hq, receipt_id) == handover.MOVED


def test_handing_over_is_idempotent(hq: Hq, tree: dict[str, str]) -> None:
    a, b = hq.enrol(tree["A"]), hq.enrol(tree["B"])
    member = Member(a)
    letter_id = letter(a, member.id, tree["B"])
    a.sync()
    receipt_id = receipt(b, letter_id, tree["A"])
    b.sync()
    moved = hq_changes(hq)
    # The receipt edited, the letter edited, the push sent again, HQ restarted: no move.
    b.update("transfer_receipts", receipt_id, {"note": "本人已报到"})
    b.sync()
    a.update("transfer_letters", letter_id, {"note": "补记"})
    a.sync()
    with hq.db.write() as conn:
        again = handover.settle(conn, [("transfer_receipts", receipt_id)], now_ms=0)
        assert again == []
        assert handover.catch_up(conn, now_ms=0) == []
    create_app(hq.url, signing_key=hq.keys.signing).state.service.db.dispose()
    assert hq_changes(hq) == moved
    assert owners(hq, member.rows) == {tree["B"]}


def test_a_receipt_that_arrives_before_its_letter_waits_for_it(
    hq: Hq, tree: dict[str, str]
) -> None:
    a, b = hq.enrol(tree["A"]), hq.enrol(tree["B"])
    member = Member(a)
    a.sync()
    # B learnt the letter's id (a printed letter, a bundle on its way): it answers first.
    letter_id = "0195a1b2c3d4e5f60718293a4b5c6d7e"
    receipt_id = receipt(b, letter_id, tree["A"])
    b.sync()
    assert outcome(hq, receipt_id) == handover.WAITING
    assert owners(hq, member.rows) == {tree["A"]}
    letter(a, member.id, tree["B"], row_id=letter_id)
    a.sync()
    assert outcome(hq, receipt_id) == handover.MOVED
    assert owners(hq, member.rows) == {tree["B"]}
    b.pull()
    assert member.rows <= set(b.rows)


def test_a_receipt_from_another_unit_moves_nothing(hq: Hq, tree: dict[str, str]) -> None:
    a, c = hq.enrol(tree["A"]), hq.enrol(tree["C"])
    member = Member(a)
    letter_id = letter(a, member.id, tree["B"])
    a.sync()
    before = hq_changes(hq)
    receipt_id = receipt(c, letter_id, tree["A"])
    c.sync()
    assert outcome(hq, receipt_id) == handover.REFUSED
    assert owners(hq, member.rows) == {tree["A"]}
    assert hq_changes(hq) == before
    assert member.id not in c.rows


def test_a_withdrawn_letter_moves_nothing(hq: Hq, tree: dict[str, str]) -> None:
    a, b = hq.enrol(tree["A"]), hq.enrol(tree["B"])
    member = Member(a)
    letter_id = letter(a, member.id, tree["B"])
    a.sync()
    a.delete("transfer_letters", letter_id)
    a.sync()
    receipt_id = receipt(b, letter_id, tree["A"])
    b.sync()
    assert outcome(hq, receipt_id) == handover.REFUSED
    assert owners(hq, member.rows) == {tree["A"]}


def test_a_cancelled_letter_moves_nothing(hq: Hq, tree: dict[str, str]) -> None:
    """Branch A cancels the letter while branch B, offline, records its receipt."""
    a, b = hq.enrol(tree["A"]), hq.enrol(tree["B"])
    member = Member(a)
    letter_id = letter(a, member.id, tree["B"])
    a.sync()
    b.sync()
    a.update("transfer_letters", letter_id, {"state": "cancelled"})
    a.sync()
    receipt_id = receipt(b, letter_id, tree["A"])
    b.sync()
    assert outcome(hq, receipt_id) == handover.REFUSED
    assert owners(hq, member.rows) == {tree["A"]}
    assert member.id not in b.rows


def test_receipts_hq_never_looked_at_are_handed_over_at_start(
    hq: Hq, tree: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As after an upgrade from an HQ without this module, or a push stored before."""
    a, b = hq.enrol(tree["A"]), hq.enrol(tree["B"])
    member = Member(a)
    letter_id = letter(a, member.id, tree["B"])
    a.sync()
    with monkeypatch.context() as patched:
        patched.setattr(handover, "settle_pushed", lambda *_a, **_k: [])
        receipt_id = receipt(b, letter_id, tree["A"])
        b.sync()
    assert outcome(hq, receipt_id) is None
    assert owners(hq, member.rows) == {tree["A"]}
    create_app(hq.url, signing_key=hq.keys.signing).state.service.db.dispose()
    assert outcome(hq, receipt_id) == handover.MOVED
    assert owners(hq, member.rows) == {tree["B"]}
    b.pull()
    assert member.rows <= set(b.rows)


def test_a_schema_2_database_is_upgraded_and_its_receipts_handed_over(
    hq: Hq, tree: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = hq.enrol(tree["A"]), hq.enrol(tree["B"])
    member = Member(a)
    letter_id = letter(a, member.id, tree["B"])
    a.sync()
    with monkeypatch.context() as patched:
        patched.setattr(handover, "settle_pushed", lambda *_a, **_k: [])
        receipt(b, letter_id, tree["A"])
        b.sync()
    hq.app.state.service.db.dispose()
    with hq.db.write() as conn:  # as HQ was before transfers: schema 2
        field_state_record.drop(conn)
        hq_handovers.drop(conn)
        conn.execute(update(hq_meta).where(hq_meta.c.key == "schema").values(value="2"))
    create_app(hq.url, signing_key=hq.keys.signing).state.service.db.dispose()
    with hq.db.read() as conn:
        schema = conn.execute(select(hq_meta.c.value).where(hq_meta.c.key == "schema")).scalar()
    assert schema == str(HQ_SCHEMA) == "3"
    assert owners(hq, member.rows) == {tree["B"]}
