"""Screenshots of the Transfers page, its tabs and dialogs, and the printed letter
(called from `shoot_main`)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Protocol

from desktop.domain import transfers
from desktop.store.ids import new_id
from desktop.store.workspace import Workspace
from desktop.ui.main_window import MainWindow
from desktop.ui.operations import Operations
from desktop.ui.pages.transfer_dialogs import (
    FloatingOutDialog,
    ReceiptDialog,
    TransferOutDialog,
    letter_html,
)
from desktop.ui.pages.transfers_page import TransfersPage
from desktop.ui.printing import pdf_bytes
from desktop.ui.qt import (
    QBuffer,
    QByteArray,
    QColor,
    QIODevice,
    QPainter,
    QPixmap,
    QtPdf,
    QWidget,
)


class Camera(Protocol):
    def window(self, name: str, widget: QWidget) -> None: ...

    def centred(self, name: str, widget: QWidget, behind: QWidget | None = None) -> None: ...

    def save(self, name: str, picture: QPixmap) -> None: ...


def seed_incoming(ws: Workspace) -> None:
    """A letter from another branch addressed to the demo branch, as a sync brings it
    (the demo has no HQ): so that the Letters in tab shows one to receipt."""
    today = date.today()
    sender = new_id()
    with ws.records.transaction():
        ws.records.insert(
            transfers.LETTERS,
            {
                "serial": f"{today.year}-0012",
                "direction": "out",
                "route": "system",
                "member_id": new_id(),
                "name": "钟宇航",
                "gender": "male",
                "birth_date": "1991-08-21",
                "ethnicity": "汉族",
                "category": "full",
                "from_org": sender,
                "from_unit": "海外项目第三党支部",
                "to_org": ws.org_id,
                "to_unit": transfers.unit_name(ws, ws.org_id) or "-",
                "paid_up_to": f"{today.year}-{today.month:02d}",
                "issued_date": today - timedelta(days=6),
                "valid_until": today + timedelta(days=24),
                "state": "issued",
            },
            owner_org=sender,
            audience=[ws.org_id],
        )


def shoot(camera: Camera, ops: Operations, window: MainWindow) -> None:
    from desktop.ui.screenshots import settle  # noqa: PLC0415 - it imports this module

    ops.write(seed_incoming)
    settle(ops)
    page = window.show_page("transfers")
    assert isinstance(page, TransfersPage)
    settle(ops)
    page.out_table.selectRow(0)
    camera.window("transfers", window)
    page.tabs.setCurrentIndex(1)
    page.in_table.selectRow(0)
    camera.window("transfers-in", window)
    incoming = page.in_model.item(0)
    if incoming is not None:
        camera.centred(
            "transfers-receipt", ReceiptDialog(page.ctx, incoming, window), behind=window
        )
    page.tabs.setCurrentIndex(2)
    page.floating_table.selectRow(0)
    camera.window("transfers-floating", window)
    page.tabs.setCurrentIndex(0)
    dialog = TransferOutDialog(page.ctx, window)
    settle(ops)
    dialog.member.search.setText("王")
    dialog.member.refresh()
    settle(ops)
    dialog.member.list.setCurrentRow(0)
    camera.centred("transfers-out", dialog, behind=window)
    dialog.deleteLater()
    floating = FloatingOutDialog(page.ctx, window)
    settle(ops)
    camera.centred("transfers-floating-out", floating, behind=window)
    floating.deleteLater()
    letter = page.out_model.item(0)
    if letter is not None:
        camera.save("transfers-letter-pdf", _render_pdf(pdf_bytes(letter_html(letter), "letter")))


def _render_pdf(data: bytes) -> QPixmap:
    """The first page of a PDF as a picture (the printed letter, as the user sees it)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QtPdf.QPdfDocument()
    document.load(buffer)
    size = document.pagePointSize(0).toSize() * 1.6
    image = document.render(0, size)
    document.close()
    buffer.close()
    white = QPixmap(image.size())
    white.fill(QColor("white"))
    painter = QPainter(white)
    painter.drawImage(0, 0, image)
    painter.end()
    return white
