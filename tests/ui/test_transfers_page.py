"""The Transfers page: the demo's letters in their states, a letter issued through the
dialog, printed to a one-page PDF, and a floating member recorded out and back."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.transfers import LetterStatus
from desktop.ui.pages.transfer_dialogs import (
    FloatingBackDialog,
    FloatingOutDialog,
    TransferOutDialog,
)
from desktop.ui.pages.transfers_page import TransfersPage
from desktop.ui.qt import QBuffer, QByteArray, QIODevice, QtPdf


def _pages(data: bytes) -> int:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QtPdf.QPdfDocument()
    document.load(buffer)
    count = document.pageCount()
    document.close()
    return count


def _pick(qtbot, dialog: TransferOutDialog | FloatingOutDialog, name: str) -> None:
    dialog.member.search.setText(name)
    qtbot.waitUntil(lambda: dialog.member.list.count() >= 1, timeout=5_000)
    dialog.member.list.setCurrentRow(0)


def test_letters_are_issued_printed_and_floating_members_recorded(
    qtbot, qtmodeltester, roster_folder: Path, controller, sign_in, workspace_template, tmp_path
):
    app = controller(roster_folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    page = window.show_page("transfers")
    assert isinstance(page, TransfersPage)
    qtbot.waitUntil(lambda: page.out_model.rowCount() == 3, timeout=10_000)
    states = {page.out_model.item(r).status for r in range(3)}  # type: ignore[union-attr]
    assert states == {LetterStatus.RECEIPTED, LetterStatus.WAITING, LetterStatus.OVERDUE}
    for model in (page.out_model, page.in_model, page.floating_model):
        qtmodeltester.check(model)
    assert page.floating_model.rowCount() == 2

    page.issue_button.click()
    dialog = page.findChild(TransferOutDialog)
    dialog.route.setCurrentIndex(dialog.route.findData("paper"))
    assert not dialog.ok_button.isEnabled()
    _pick(qtbot, dialog, "王")
    chosen = dialog.member.list.currentItem().text().split()[0]
    dialog.unit_name.setText("国内某公司党委")
    dialog.valid_days.setValue(45)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.out_model.rowCount() == 4, timeout=10_000)
    issued = next(
        page.out_model.item(r)
        for r in range(4)
        if page.out_model.item(r).name == chosen  # type: ignore[union-attr]
    )
    assert issued.to_unit == "国内某公司党委"
    assert issued.validity_days == 45
    assert issued.status == LetterStatus.WAITING
    qtmodeltester.check(page.out_model)

    target = tmp_path / "letter"
    page.save_letter(issued, target)
    printed = (tmp_path / "letter.pdf").read_bytes()
    assert printed.startswith(b"%PDF")
    assert _pages(printed) == 1
    assert b"NotoSerifCJK" in printed or b"NotoSansCJK" in printed, "Chinese font embedded"

    page.tabs.setCurrentIndex(2)
    page.float_out_button.click()
    away = page.findChild(FloatingOutDialog)
    _pick(qtbot, away, "李")
    away.place.setText("肯尼亚 内罗毕")
    away.ok_button.click()
    qtbot.waitUntil(lambda: page.floating_model.rowCount() == 3, timeout=10_000)
    row = next(
        r
        for r in range(3)
        if page.floating_model.item(r).place == "肯尼亚 内罗毕"  # type: ignore[union-attr]
    )
    page.floating_table.selectRow(row)
    assert page.back_button.isEnabled()
    page.back_button.click()
    back = page.findChild(FloatingBackDialog)
    back.ok_button.click()
    qtbot.waitUntil(
        lambda: all(
            page.floating_model.item(r).end_date  # type: ignore[union-attr]
            for r in range(3)
            if page.floating_model.item(r).place == "肯尼亚 内罗毕"  # type: ignore[union-attr]
        ),
        timeout=10_000,
    )
