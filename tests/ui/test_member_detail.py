"""A member's page as an officer uses it: opened from the roster, its tabs filled, edits,
status changes and entries that persist, the duplicate question, the ID number checked
while typing, the photo and the printed card."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.members import add_member
from desktop.store.workspace import Workspace
from desktop.ui.navigation import AppContext
from desktop.ui.pages.member_detail import MemberDetailDialog
from desktop.ui.pages.member_detail_tabs import EntryDialog
from desktop.ui.pages.member_dialog import AddMemberDialog, MemberDialog, StatusDialog
from desktop.ui.pages.members_model import MEMBER_ID_ROLE
from desktop.ui.pages.members_page import DuplicatesDialog, MembersPage
from desktop.ui.qt import Qt


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x20\x60\xa0" * 4 for _ in range(4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _ask(qtbot: Any, ops: Any, fn: Any) -> Any:
    answer: list[Any] = []
    ops.query(fn, answer.append)
    qtbot.waitUntil(lambda: bool(answer), timeout=10_000)
    return answer[0]


@pytest.fixture
def ctx(qtbot: Any, ops: Any, roster_folder: Path, open_workspace: Any) -> AppContext:
    open_workspace(ops, roster_folder)
    user = _ask(qtbot, ops, lambda ws: ws.user)
    return AppContext(ops, user, roster_folder)


def _archived_member(qtbot: Any, ctx: AppContext) -> str:
    """A demo member with entries and history."""
    return str(
        _ask(
            qtbot,
            ctx.ops,
            lambda ws: ws.records.query("member_entries", "kind = 'work'", limit=1)[0]["member_id"],
        )
    )


def _open(qtbot: Any, ctx: AppContext, member_id: str) -> MemberDetailDialog:
    dialog = MemberDetailDialog(ctx, member_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    return dialog


def test_the_roster_opens_a_members_page_with_its_tabs(
    qtbot: Any, ctx: AppContext, qtmodeltester: Any, language: Any
) -> None:
    language("en")
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 300 and page.model.row(0) is not None)
    member_id = page.model.index(0, 0).data(MEMBER_ID_ROLE)
    page.table.selectRow(0)
    page.details_button.click()
    dialog = page.details[0]
    qtbot.waitUntil(lambda: dialog.archive is not None, timeout=10_000)
    assert dialog.member_id == member_id
    assert dialog.name_label.text() == page.model.index(0, 0).data()
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == [
        "Basic",
        "History",
        "Education",
        "Work",
        "Rewards && penalties",
        "Family",
        "Training",
        "Attachments",
    ]
    assert dialog.values["id_number"].text() == dialog.archive.member["id_number"]
    # The same member twice: the open page comes forward instead of a second one.
    assert page.open_member(0) is dialog
    # Enter on the roster opens the selected member.
    page.table.setFocus()
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert [d.member_id for d in page.details] == [
        member_id,
        page.model.index(1, 0).data(MEMBER_ID_ROLE),
    ]
    page.clear()
    assert not dialog.isVisible()


def test_history_and_extended_sets_are_shown(
    qtbot: Any, ctx: AppContext, qtmodeltester: Any, language: Any
) -> None:
    language("en")
    dialog = _open(qtbot, ctx, _archived_member(qtbot, ctx))
    work = dialog.list_tab("work")
    assert work.model.rowCount() >= 1
    assert work.model.index(0, 4).data(), "an overseas posting names its country"
    assert dialog.list_tab("education").model.rowCount() == 1
    history = dialog.list_tab("history").model
    assert history.rowCount() == 2
    assert history.index(0, 1).data() == "Converted to full member", "newest first"
    assert "Party standing:" in dialog.standing_label.text()
    for model in (history, work.model, dialog.list_tab("files").model):
        qtmodeltester.check(model)


def test_an_edit_persists_and_the_page_follows(
    qtbot: Any, ctx: AppContext, message_boxes: Any
) -> None:
    member_id = _archived_member(qtbot, ctx)
    page = _open(qtbot, ctx, member_id)
    editor = MemberDialog(ctx, page, page.archive.member)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.gender.isEnabled(), "a valid ID number fixes gender and birth date"
    editor.texts["phone"].setText("+213 555 12 34 56")
    editor.texts["post"].setText("项目总工程师")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        editor.ok_button.click()
    assert not message_boxes.shown
    stored = _ask(qtbot, ctx.ops, lambda ws: ws.records.require("members", member_id))
    assert (stored["phone"], stored["post"]) == ("+213555123456", "项目总工程师")
    assert page.values["phone"].text() == "+213555123456"
    assert stored["birth_date"] == page.archive.member["birth_date"], "untouched fields kept"


def test_id_problems_show_while_typing(qtbot: Any, ctx: AppContext, language: Any) -> None:
    language("en")
    dialog = AddMemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.id_number.setText("110105194912310021")
    assert "check digit" in dialog.id_feedback.text()
    assert dialog.gender.isEnabled()
    dialog.id_number.setText("11010519491231002X")
    assert dialog.id_feedback.text().startswith("✓")
    assert dialog.birth_date.value() == "1949-12-31" and not dialog.gender.isEnabled()
    dialog.id_number.setText("")
    assert dialog.gender.isEnabled() and dialog.birth_date.value() is None
    dialog.gender.setCurrentIndex(dialog.gender.findData("male"))
    dialog.id_number.setText("11010519491231002X")
    assert "gender entered differs" in dialog.id_feedback.text()
    dialog.id_kind.setCurrentIndex(dialog.id_kind.findData("passport"))
    dialog.id_number.setText("E12345678")
    assert "nationality" in dialog.id_feedback.text()


def test_a_possible_duplicate_is_asked_about(
    qtbot: Any, ctx: AppContext, message_boxes: Any
) -> None:
    existing = _ask(
        qtbot, ctx.ops, lambda ws: ws.records.query("members", order_by="_rowid", limit=1)[0]
    )
    count = _ask(qtbot, ctx.ops, lambda ws: ws.records.count("members"))
    dialog = AddMemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText(existing["name"][0] + "　" + existing["name"][1:])
    dialog.birth_date.set_value(existing["birth_date"])
    message_boxes.auto_answer = None
    message_boxes.answer_next(False)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    question = message_boxes.shown[0]
    assert question.kind.value == "question" and existing["name"] in question.text
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled() or dialog.buttons.isEnabled())
    assert dialog.isVisible(), "nothing lost: the dialog stays open"
    assert _ask(qtbot, ctx.ops, lambda ws: ws.records.count("members")) == count
    message_boxes.answer_next(True)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert _ask(qtbot, ctx.ops, lambda ws: ws.records.count("members")) == count + 1


def test_status_change_and_entries_are_written_to_the_record(
    qtbot: Any, ctx: AppContext, message_boxes: Any, language: Any
) -> None:
    language("en")
    member_id = _ask(qtbot, ctx.ops, lambda ws: add_member(ws, {"name": "新党员"}))
    page = _open(qtbot, ctx, member_id)
    status = StatusDialog(ctx, page.archive.member, page)
    qtbot.addWidget(status)
    status.status.setCurrentIndex(status.status.findData("lost_contact"))
    status.note.setPlainText("电话停机")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        status.ok_button.click()
    assert page.list_tab("history").model.rowCount() == 1
    assert page.list_tab("history").model.index(0, 3).data() == "Lost contact"
    assert "Lost contact" in page.summary_label.text()

    entry = EntryDialog(ctx, member_id, "work", parent=page)
    qtbot.addWidget(entry)
    entry.show()
    entry.title.setText("施工员")
    entry.organisation.setText("中建八局阿尔及利亚分公司")
    entry.country.setText("阿尔及利亚")
    entry.start.set_value("2019-03-01")
    entry.end.set_value("2018-01-01")
    entry.ok_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    assert "before the start date" in message_boxes.shown[0].text
    assert entry.isVisible()
    entry.end.set_value("2022-10-31")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        entry.ok_button.click()
    work = page.list_tab("work").model
    assert [work.index(0, c).data() for c in range(5)] == [
        "2019-03-01",
        "2022-10-31",
        "施工员",
        "中建八局阿尔及利亚分公司",
        "阿尔及利亚",
    ]


def test_photo_and_printed_card(
    qtbot: Any, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    member_id = _archived_member(qtbot, ctx)
    page = _open(qtbot, ctx, member_id)
    photo = tmp_path / "photo.png"
    photo.write_bytes(_png())
    monkeypatch.setattr(MemberDetailDialog, "choose_photo", staticmethod(lambda *a: str(photo)))
    with qtbot.waitSignal(page.photo_shown, timeout=10_000):
        page.choose_and_set_photo()
    assert page.photo == _png()
    assert page.remove_photo_button.isEnabled()
    card = tmp_path / "card.pdf"
    monkeypatch.setattr(MemberDetailDialog, "choose_card_path", staticmethod(lambda *a: str(card)))
    page.print_card()
    data = card.read_bytes()
    assert data.startswith(b"%PDF") and b"/Image" in data


def test_duplicate_report_lists_groups(qtbot: Any, ctx: AppContext) -> None:
    def twins(ws: Workspace) -> None:
        add_member(ws, {"name": "双胞", "birth_date": "1990-01-01"})
        add_member(ws, {"name": "双胞", "birth_date": "1990-01-01"}, allow_duplicate=True)

    ctx.ops.write(twins)
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.show_duplicates()
    dialog = page.findChild(DuplicatesDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() >= 1, timeout=10_000)
    names = [
        dialog.tree.topLevelItem(i).child(j).text(0)
        for i in range(dialog.tree.topLevelItemCount())
        for j in range(dialog.tree.topLevelItem(i).childCount())
    ]
    assert names.count("双胞") == 2
