"""A member's page: the header (photo, name, category, status, party standing) and tabs
for the basic fields, the standing history, each extended set and the attached files.

Opened from the roster (double-click, Enter or "Details"). It reads only this member's
rows, in one query; the photo is decrypted in memory afterwards, when it is shown.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from desktop.domain.access import Action, allowed
from desktop.domain.member_archive import MemberArchive, member_archive
from desktop.domain.members import BASIC_FIELDS, photo_bytes, remove_photo, set_photo
from desktop.store.records import Record, WriteSummary
from desktop.ui import messages
from desktop.ui.errors import show_error
from desktop.ui.navigation import AppContext
from desktop.ui.pages.member_card import write_card
from desktop.ui.pages.member_detail_tabs import ArchiveTab, EntriesTab, FilesTab, HistoryTab
from desktop.ui.pages.member_dialog import MemberDialog, StatusDialog, field_label, value_label
from desktop.ui.pages.sync_dialogs import open_file_dialog, save_file_dialog
from desktop.ui.qt import (
    QColor,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPainter,
    QPixmap,
    QPushButton,
    QRectF,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)

log = logging.getLogger(__name__)

PHOTO_SIZE = (96, 128)
#: Tables whose changes can alter what the page shows.
WATCHES = frozenset({"members", "member_events", "member_entries", "attachments", "org_units"})
#: The tabs after "Basic", in order: the history, the extended sets (rewards and penalties
#: share one) and the files.
LIST_TABS = ("history", "education", "work", "reward", "family", "training", "files")
#: Fields in the Basic tab's left and right columns.
LEFT_FIELDS = BASIC_FIELDS[:13]
RIGHT_FIELDS = BASIC_FIELDS[13:]


def silhouette(width: int, height: int) -> QPixmap:
    """The placeholder for a member without a photo: a head and shoulders, drawn."""
    picture = QPixmap(width, height)
    picture.fill(QColor("#e8ebef"))
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#b8c0ca"))
    head = width * 0.36
    painter.drawEllipse(QRectF((width - head) / 2, height * 0.2, head, head * 1.1))
    painter.drawRoundedRect(
        QRectF(width * 0.14, height * 0.62, width * 0.72, height * 0.5), width * 0.3, width * 0.3
    )
    painter.end()
    return picture


class MemberDetailDialog(QDialog):
    """One member's page, in a window of its own (several may be open side by side)."""

    #: The archive arrived and is shown (tests and the benchmark wait for it).
    loaded = Signal()
    #: The photo (or its placeholder) is shown.
    photo_shown = Signal()

    choose_photo = staticmethod(open_file_dialog)
    choose_card_path = staticmethod(save_file_dialog)

    def __init__(self, ctx: AppContext, member_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.archive: MemberArchive | None = None
        self.photo: bytes | None = None
        self._photo_id: str | None = None
        editable = allowed(ctx.user, Action.EDIT_ROSTER)
        self.setWindowTitle(self.tr("Member"))
        self.setMinimumSize(1000, 640)

        self.photo_label = QLabel()
        self.photo_label.setFixedSize(*PHOTO_SIZE)
        self.photo_label.setPixmap(silhouette(*PHOTO_SIZE))
        self.name_label = QLabel()
        self.name_label.setObjectName("pageTitle")
        self.summary_label = QLabel()
        self.standing_label = QLabel()
        self.set_photo_button = QPushButton(self.tr("Photo…"))
        self.set_photo_button.clicked.connect(self.choose_and_set_photo)
        self.remove_photo_button = QPushButton(self.tr("Remove photo"))
        self.remove_photo_button.clicked.connect(self.remove_photo)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.status_button = QPushButton(self.tr("Change status…"))
        self.status_button.clicked.connect(self.change_status)
        self.print_button = QPushButton(self.tr("Print card…"))
        self.print_button.clicked.connect(self.print_card)
        for button in (
            self.set_photo_button,
            self.remove_photo_button,
            self.edit_button,
            self.status_button,
        ):
            button.setVisible(editable)
        for button in (*self.findChildren(QPushButton), self.print_button):
            # Enter in a dialog presses its default button; this page has none.
            button.setAutoDefault(False)

        heading = QVBoxLayout()
        heading.addWidget(self.name_label)
        heading.addWidget(self.summary_label)
        heading.addWidget(self.standing_label)
        heading.addStretch(1)
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(self.set_photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addStretch(1)
        heading.addLayout(photo_buttons)
        actions = QVBoxLayout()
        for button in (self.edit_button, self.status_button, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        header = QHBoxLayout()
        header.addWidget(self.photo_label)
        header.addSpacing(12)
        header.addLayout(heading, 1)
        header.addLayout(actions)

        self.tabs = QTabWidget()
        self.basic = QWidget()
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout(self.basic)
        for column, fields in enumerate((LEFT_FIELDS, RIGHT_FIELDS)):
            form = QFormLayout()
            for field in fields:
                value = QLabel()
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setWordWrap(True)
                self.values[field] = value
                form.addRow(field_label(field), value)
            grid.addLayout(form, 0, column)
        grid.setRowStretch(1, 1)
        self.tabs.addTab(self.basic, self.tr("Basic"))
        # The list tabs are built when first shown: a page opens in a fraction of the
        # time, and most visits look at the basic fields only.
        self._editable = editable
        self._lists: dict[str, ArchiveTab] = {}
        titles = {
            "history": self.tr("History"),
            "education": self.tr("Education"),
            "work": self.tr("Work"),
            "reward": self.tr("Rewards && penalties"),
            "family": self.tr("Family"),
            "training": self.tr("Training"),
            "files": self.tr("Attachments"),
        }
        for key in LIST_TABS:
            holder = QWidget()
            holder.setObjectName(key)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, titles[key])
        self.tabs.currentChanged.connect(self._current_tab_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        ctx.ops.changes_happened.connect(self._on_changes)
        self.reload()

    # --- reading ---------------------------------------------------------------------

    def reload(self) -> None:
        member_id = self.member_id
        self.ctx.ops.query(
            lambda ws: member_archive(ws, member_id),
            self._show,
            on_error=self._failed,
            parent=self,
        )

    def _failed(self, exc: Exception) -> None:
        show_error(self, exc)
        self.close()

    def _on_changes(self, summary: WriteSummary) -> None:
        if summary.tables & WATCHES:
            self.reload()

    def _show(self, archive: MemberArchive) -> None:
        self.archive = archive
        member = archive.member
        self.setWindowTitle(self.tr("Member: {name}").format(name=member["name"]))
        self.name_label.setText(member["name"])
        parts = [
            value_label("category", member.get("category")),
            value_label("status", member.get("status") or "normal"),
        ]
        if member.get("status") not in (None, "normal") and member.get("status_date"):
            parts[-1] += " " + self.tr("(since {date})").format(date=member["status_date"])
        if archive.group_name:
            parts.append(archive.group_name)
        if member.get("party_post"):
            parts.append(member["party_post"])
        self.summary_label.setText(" · ".join(p for p in parts if p))
        years = archive.standing_years
        self.standing_label.setText(
            self.tr("Party standing: {years} years (full member since {date})").format(
                years=years, date=member["full_date"]
            )
            if years is not None
            else self.tr("Party standing counts from full membership.")
        )
        for field, label in self.values.items():
            value = archive.group_name if field == "group_id" else member.get(field)
            label.setText(value_label(field, value))
        for key in self._lists:
            self._fill_list(key)
        self.remove_photo_button.setEnabled(bool(member.get("photo_id")))
        self.loaded.emit()
        if member.get("photo_id") != self._photo_id or self.photo is None:
            self._load_photo(member)

    # --- the list tabs ---------------------------------------------------------------

    def list_tab(self, key: str) -> ArchiveTab:
        """The tab `key` of LIST_TABS ("history", an entry kind, "files"), built now if
        it has not been shown yet."""
        tab = self._lists.get(key)
        if tab is not None:
            return tab
        if key == "history":
            tab = HistoryTab(self.ctx)
        elif key == "files":
            tab = FilesTab(self.ctx, self._editable)
        else:
            tab = EntriesTab(self.ctx, key, self._editable)
        holder = self.tabs.widget(LIST_TABS.index(key) + 1)
        layout = holder.layout() if holder is not None else None
        assert layout is not None, "every list tab has its holder"
        layout.addWidget(tab)
        self._lists[key] = tab
        self._fill_list(key)
        return tab

    def _current_tab_changed(self, index: int) -> None:
        if index >= 1:
            self.list_tab(LIST_TABS[index - 1])

    def _fill_list(self, key: str) -> None:
        archive, tab = self.archive, self._lists[key]
        if archive is None:
            return
        member = archive.member
        rows: list[Any]
        if key == "history":
            rows = archive.history
        elif key == "files":
            rows = archive.files
        else:
            rows = archive.entries.get(key, [])
            if key == "reward":
                rows = sorted(
                    rows + archive.entries.get("penalty", []),
                    key=lambda r: r.get("start_date") or "9999",
                )
        tab.show_rows(member, rows)

    def _load_photo(self, member: Record) -> None:
        self._photo_id = member.get("photo_id")
        if not self._photo_id:
            self.photo = None
            self.photo_label.setPixmap(silhouette(*PHOTO_SIZE))
            self.photo_shown.emit()
            return
        member_id = self.member_id
        self.ctx.ops.query(lambda ws: photo_bytes(ws, member_id), self._show_photo, parent=self)

    def _show_photo(self, data: bytes | None) -> None:
        self.photo = data
        picture = QPixmap()
        if data is None or not picture.loadFromData(data):
            self.photo_label.setPixmap(silhouette(*PHOTO_SIZE))
        else:
            self.photo_label.setPixmap(
                picture.scaled(
                    *PHOTO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.photo_shown.emit()

    # --- actions -----------------------------------------------------------------------

    def edit(self) -> None:
        if self.archive is not None:
            MemberDialog(self.ctx, self, self.archive.member).open()

    def change_status(self) -> None:
        if self.archive is not None:
            StatusDialog(self.ctx, self.archive.member, self).open()

    def choose_and_set_photo(self) -> None:
        path = self.choose_photo(
            self,
            self.tr("Choose the member's photo"),
            "",
            self.tr("Images (*.jpg *.jpeg *.png *.webp *.bmp)"),
        )
        if path:
            member_id = self.member_id
            self.ctx.ops.write(lambda ws: set_photo(ws, member_id, Path(path)), parent=self)

    def remove_photo(self) -> None:
        if self.archive is None or not self.archive.member.get("photo_id"):
            return
        if messages.ask(
            self,
            self.tr("Remove photo"),
            self.tr("Remove the photo of {name}?").format(name=self.archive.member["name"]),
        ):
            member_id = self.member_id
            self.ctx.ops.write(lambda ws: remove_photo(ws, member_id), parent=self)

    def print_card(self) -> None:
        if self.archive is None:
            return
        archive, photo = self.archive, self.photo
        path = self.choose_card_path(
            self,
            self.tr("Save the member card as PDF"),
            f"{archive.member['name']}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        try:
            write_card(Path(path), archive, photo)
        except OSError as exc:
            log.warning("the member card could not be written: %s", type(exc).__name__)
            messages.warn(
                self,
                self.tr("Print card"),
                self.tr("The file could not be written: {problem}").format(
                    problem=exc.strerror or str(exc)
                ),
            )
            return
        messages.inform(self, self.tr("Print card"), self.tr("Saved to {path}").format(path=path))

    def clear(self) -> None:
        """Forget the member (the app is locking)."""
        self.archive, self.photo = None, None
        self.close()
