"""The Conflicts page: each decision writes the right value, marks the conflict decided, and
(end to end, against a live HQ) reaches the other computer and closes the conflict there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.domain import sync_review
from desktop.domain.members import add_member
from desktop.store.errors import InvalidInput, PermissionDenied
from desktop.store.workspace import User, Workspace
from desktop.sync.protocol import now_ms
from desktop.ui.navigation import AppContext
from desktop.ui.pages.conflicts_page import ConflictsPage
from desktop.ui.pages.sync_dialogs import ConflictEditDialog
from desktop.ui.pages.sync_models import ConflictsModel, RefusedModel, SyncLogModel

from . import test_sync_service as live_hq_fixtures
from .test_sync_service import open_folder, sync_headless

# The live HQ and the English texts, shared with test_sync_service.
hq_keys = live_hq_fixtures.hq_keys
live_hq = live_hq_fixtures.live_hq
enrolled_folder = live_hq_fixtures.enrolled_folder
english = live_hq_fixtures.english

OTHER_DEVICE = "0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee"


def seed_conflict(
    ws: Workspace,
    member: str,
    col: str,
    lost: Any,
    *,
    kind: str = "edit",
    conflict_id: int = 1,
) -> None:
    """A conflict as the engine stores it: the row holds the winner; the loser is kept."""
    record = ws.records.get("members", member, include_deleted=True)
    assert record is not None
    winner = [record[col], record["hlc"], ws.user.id, ws.device_id]
    loser = [
        lost,
        f"{now_ms() - 3_600_000:016d}:00000:{OTHER_DEVICE}",
        "someone-else",
        OTHER_DEVICE,
    ]
    with ws.records.transaction():
        ws.db.execute(
            "INSERT INTO sync_conflicts(id, tbl, row_id, col, kind, winner, loser, base_hlc, "
            "created_seq) VALUES (?, 'members', ?, ?, ?, ?, ?, NULL, ?)",
            (conflict_id, member, col, kind, json.dumps(winner), json.dumps(loser), conflict_id),
        )


def decided(ws: Workspace, conflict_id: int) -> int:
    return int(ws.db.scalar("SELECT decided FROM sync_conflicts WHERE id = ?", (conflict_id,)))


@pytest.fixture
def seeded(data_folder: Path, workspace_template: Any) -> dict[str, str]:
    """Three members with a conflict each (phone, status, a deleted one) in `data_folder`."""
    ws = open_folder(data_folder, workspace_template)
    try:
        ids = {
            "phone": add_member(ws, {"name": "甲", "phone": "13900000002"}),
            "status": add_member(ws, {"name": "乙", "status": "normal"}),
            "gone": add_member(ws, {"name": "丙", "phone": "13700000000"}),
        }
        seed_conflict(ws, ids["phone"], "phone", "13800000001", conflict_id=1)
        seed_conflict(ws, ids["status"], "status", "lost_contact", conflict_id=2)
        with ws.records.transaction():
            ws.records.delete("members", ids["gone"])
        seed_conflict(ws, ids["gone"], "phone", "13600000000", kind="delete", conflict_id=3)
    finally:
        ws.close()
    return ids


def _page(qtbot, ops, folder: Path, open_workspace) -> ConflictsPage:
    open_workspace(ops, folder)
    users: list[User] = []
    ops.query(lambda ws: ws.user, users.append)
    qtbot.waitUntil(lambda: bool(users))
    page = ConflictsPage(AppContext(ops, users[0], folder))
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5_000)
    return page


def _select(page: ConflictsPage, conflict_id: int) -> None:
    for row in range(page.model.rowCount()):
        item = page.model.item(row)
        if item is not None and item.id == conflict_id:
            page.table.selectRow(row)
            return
    raise AssertionError(f"conflict {conflict_id} not listed")


def _read(ops, qtbot, fn) -> Any:
    answer: list[Any] = []
    ops.query(fn, answer.append)
    qtbot.waitUntil(lambda: bool(answer), timeout=5_000)
    return answer[0]


def test_the_page_lists_conflicts_with_names_labels_and_both_values(
    qtbot, ops, data_folder, seeded, open_workspace, workspace_template, english
):
    page = _page(qtbot, ops, data_folder, open_workspace)
    rows = {
        page.model.index(r, 0).data(): [
            page.model.index(r, c).data() for c in range(page.model.columnCount())
        ]
        for r in range(3)
    }
    assert rows["甲"][1:3] == ["Phone", "13900000002"]
    assert rows["甲"][4] == "13800000001"
    assert rows["甲"][3].startswith(workspace_template.admin + " · "), "a local author by name"
    assert rows["甲"][5].startswith("another computer · ")
    assert rows["乙"][2:5:2] == ["Normal", "Lost contact"], "stored values show their labels"
    assert rows["丙"][2] == "(record deleted)"


def test_keep_restore_and_edit_write_the_right_values_and_mark_decided(
    qtbot, ops, data_folder, seeded, open_workspace, english
):
    page = _page(qtbot, ops, data_folder, open_workspace)

    _select(page, 1)
    assert page.restore_button.isEnabled()
    page.restore_button.click()
    qtbot.waitUntil(lambda: _read(ops, qtbot, lambda ws: decided(ws, 1)) == 1, timeout=5_000)
    phone = _read(ops, qtbot, lambda ws: ws.records.require("members", seeded["phone"])["phone"])
    assert phone == "13800000001", "the overwritten value was written back"
    # The restore is a new edit of its own, waiting to be sent like any other.
    waiting = _read(
        ops,
        qtbot,
        lambda ws: ws.db.scalar(
            "SELECT count(*) FROM outbox WHERE row_id = ? AND col = 'phone'", (seeded["phone"],)
        ),
    )
    assert waiting == 1

    _select(page, 2)
    page.keep_button.click()
    qtbot.waitUntil(lambda: _read(ops, qtbot, lambda ws: decided(ws, 2)) == 1, timeout=5_000)
    status = _read(ops, qtbot, lambda ws: ws.records.require("members", seeded["status"]))
    assert status["status"] == "normal", "keeping changes nothing but the conflict"

    # Decided ones stay listed (greyed, buttons off) until the sync sends them.
    qtbot.waitUntil(lambda: "2 reviewed" in page.count_label.text(), timeout=5_000)
    _select(page, 1)
    assert not page.keep_button.isEnabled() and not page.restore_button.isEnabled()


def test_edit_dialog_settles_with_the_officers_value(
    qtbot, ops, data_folder, seeded, open_workspace, english
):
    page = _page(qtbot, ops, data_folder, open_workspace)
    _select(page, 2)
    page.edit_button.click()
    dialog = page.findChild(ConflictEditDialog)
    assert dialog is not None and dialog.isVisible()
    index = dialog.editor.findData("suspended")
    assert index >= 0, "a field with choices offers them"
    dialog.editor.setCurrentIndex(index)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: _read(ops, qtbot, lambda ws: decided(ws, 2)) == 1, timeout=5_000)
    member = _read(ops, qtbot, lambda ws: ws.records.require("members", seeded["status"]))
    assert member["status"] == "suspended"


def test_a_deleted_records_edit_cannot_be_restored(
    qtbot, ops, data_folder, seeded, open_workspace, english
):
    page = _page(qtbot, ops, data_folder, open_workspace)
    _select(page, 3)
    assert not page.restore_button.isEnabled()
    assert not page.edit_button.isEnabled()
    assert page.keep_button.isEnabled()
    assert "add the record again" in page.detail.text()
    problems: list[Exception] = []
    ops.write(lambda ws: sync_review.restore_other(ws, 3), on_error=problems.append)
    qtbot.waitUntil(lambda: bool(problems), timeout=5_000)
    assert isinstance(problems[0], InvalidInput)
    page.keep_button.click()
    qtbot.waitUntil(lambda: _read(ops, qtbot, lambda ws: decided(ws, 3)) == 1, timeout=5_000)


def test_only_officers_and_the_secretary_may_decide(
    data_folder, seeded, workspace_template
) -> None:
    ws = open_folder(data_folder, workspace_template)
    try:
        ws.user = User(ws.user.id, ws.user.name, "member", None)
        with pytest.raises(PermissionDenied):
            sync_review.keep_current(ws, 1)
        with pytest.raises(PermissionDenied):
            sync_review.list_conflicts(ws)
    finally:
        ws.close()


def test_models_pass_the_qt_model_tester(
    qtbot, qtmodeltester, ops, data_folder, seeded, open_workspace
):
    open_workspace(ops, data_folder)
    conflicts = ConflictsModel()
    conflicts.set_items(_read(ops, qtbot, sync_review.list_conflicts))
    assert conflicts.rowCount() == 3
    qtmodeltester.check(conflicts)
    ops.write(lambda ws: _log_and_refuse(ws, seeded["phone"]))
    log = SyncLogModel()
    log.set_items(_read(ops, qtbot, sync_review.sync_log))
    assert log.rowCount() == 2
    qtmodeltester.check(log)
    refused = RefusedModel()
    refused.set_items(_read(ops, qtbot, sync_review.list_refused))
    assert refused.rowCount() == 1
    qtmodeltester.check(refused)
    for model in (conflicts, log, refused):
        model.set_items([])
        qtmodeltester.check(model)


def _log_and_refuse(ws: Workspace, member: str) -> None:
    with ws.records.transaction():
        for outcome in ("ok", "failed"):
            ws.db.execute(
                "INSERT INTO sync_log(started, finished, via, outcome, pushed, pulled, "
                "bytes_sent, bytes_received, detail) VALUES "
                "('2025-03-01T08:00:00+00:00', '2025-03-01T08:00:05+00:00', 'network', ?, "
                "3, 4, 1000, 2000, '')",
                (outcome,),
            )
        seq = ws.db.scalar("SELECT max(device_seq) FROM changes WHERE row_id = ?", (member,))
        ws.db.execute("UPDATE changes SET acked = 3 WHERE device_seq = ?", (seq,))
        ws.db.execute(
            "INSERT INTO sync_refused(device_seq, reason, at) VALUES (?, 'outside scope', "
            "'2025-03-01T08:00:05+00:00')",
            (seq,),
        )


# --- end to end -----------------------------------------------------------------------------


def test_a_restored_value_reaches_the_other_computer_and_closes_the_conflict(
    qtbot, live_hq, enrolled_folder, controller, sign_in, workspace_template, english
):
    branch = live_hq.branch()
    a_folder = enrolled_folder("a", branch)
    b_folder = enrolled_folder("b", branch)
    a = open_folder(a_folder, workspace_template)
    b = open_folder(b_folder, workspace_template)
    try:
        member = add_member(a, {"name": "李四"})
        sync_headless(a)
        sync_headless(b)
        with a.records.transaction():
            a.records.update("members", member, {"phone": "13800000001"})
        with b.records.transaction():
            b.records.update("members", member, {"phone": "13900000002"})
        sync_headless(a)
        sync_headless(b)  # b's later edit wins; a's value is kept as a conflict
        sync_headless(a)
        assert a.records.require("members", member)["phone"] == "13900000002"
    finally:
        a.close()

    app = controller(a_folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    with qtbot.waitSignal(app.sync.finished, timeout=20_000):
        pass
    page = window.show_page("conflicts")
    assert isinstance(page, ConflictsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    assert page.model.index(0, 0).data() == "李四"
    assert page.model.index(0, 4).data() == "13800000001"
    page.table.selectRow(0)
    with qtbot.waitSignal(app.sync.finished, timeout=20_000) as sent:
        page.restore_button.click()  # a decision is a change: it goes out by itself
    assert sent.args[0].ok
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5_000)

    sync_headless(b)
    try:
        assert b.records.require("members", member)["phone"] == "13800000001"
        assert b.db.scalar("SELECT count(*) FROM sync_conflicts") == 0
    finally:
        b.close()
