"""Dialogs of the Transfers page: issue a letter, record a receipt or a paper letter in,
record a member floating out, in, or back; and the printable three-part letter."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.domain import floating, transfer_receipts, transfers
from desktop.domain.floating import FloatingRecord
from desktop.domain.transfers import Destination, Letter, MemberChoice
from desktop.store.workspace import Workspace
from desktop.ui import i18n
from desktop.ui.form_dialog import FormDialog
from desktop.ui.navigation import AppContext
from desktop.ui.printing import escape
from desktop.ui.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The destination item that reveals fields for a unit beyond this computer's tree.
OTHER_UNIT = "other"


def _date_edit(day: date | None = None, fmt: str = "yyyy-MM-dd") -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat(fmt)
    edit.setCalendarPopup(True)
    edit.setDate(QDate(day or date.today()))
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


class MemberPicker(QWidget):
    """Search this unit's members and choose one (large rosters: the first 50 matches)."""

    chosen = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, pinyin or ID number"))
        self.list = QListWidget()
        self.list.setMinimumHeight(140)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.list.currentItemChanged.connect(lambda *_items: self.chosen.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.refresh()

    def refresh(self) -> None:
        text = self.search.text()

        def read(ws: Workspace) -> list[MemberChoice]:
            return transfers.pick_members(ws, text)

        self.ctx.ops.query(read, self._show, parent=self)

    def _show(self, choices: list[MemberChoice]) -> None:
        self.list.clear()
        for choice in choices:
            label = f"{choice.name}    {choice.detail}".rstrip()
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, choice.id)
            self.list.addItem(item)
        if len(choices) == 1:
            self.list.setCurrentRow(0)
        self.chosen.emit()

    def member_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None


class TransferOutDialog(FormDialog):
    """Issue a transfer letter: to a unit in Lianxin, or on paper to one outside it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Transfer a member out"))
        self.setMinimumWidth(520)
        self.member = MemberPicker(ctx)
        self.route = QComboBox()
        self.route.addItem(self.tr("To a unit in Lianxin (through HQ)"), "system")
        self.route.addItem(self.tr("To a unit outside Lianxin (paper letter)"), "paper")
        self.destination = QComboBox()
        self.other_id = QLineEdit()
        self.other_id.setPlaceholderText(self.tr("The unit's id, as HQ gives it"))
        self.unit_name = QLineEdit()
        self.unit_name.setMaxLength(200)
        self.paid_up_to = _date_edit(fmt="yyyy-MM")
        self.valid_days = QSpinBox()
        self.valid_days.setRange(1, transfers.RULES.max_validity_days)
        self.valid_days.setValue(transfers.RULES.validity_days)
        self.valid_days.setSuffix(self.tr(" days"))
        self.issued = _date_edit()
        self.note = QLineEdit()
        self.form = QFormLayout()
        self.form.addRow(self.tr("Member"), self.member)
        self.form.addRow(self.tr("Route"), self.route)
        self.form.addRow(self.tr("Receiving unit"), self.destination)
        self.form.addRow(self.tr("Unit id"), self.other_id)
        self.form.addRow(self.tr("Unit name"), self.unit_name)
        self.form.addRow(self.tr("Dues paid up to"), self.paid_up_to)
        self.form.addRow(self.tr("Valid for"), self.valid_days)
        self.form.addRow(self.tr("Date issued"), self.issued)
        self.form.addRow(self.tr("Note"), self.note)
        hint = QLabel(
            self.tr(
                "The member stays in this unit until the receipt comes back. A letter "
                "through Lianxin reaches the receiving unit with the next sync."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        for signal in (self.route.currentIndexChanged, self.destination.currentIndexChanged):
            signal.connect(self._update)
        for edit in (self.other_id, self.unit_name):
            edit.textChanged.connect(self._update)
        self.member.chosen.connect(self._update)
        self.submitted.connect(self.save)
        ctx.ops.query(transfers.destinations, self._show_destinations, parent=self)
        self._update()

    def _show_destinations(self, units: list[Destination]) -> None:
        self.destination.clear()
        for unit in units:
            self.destination.addItem(unit.name, unit.org_id)
        self.destination.addItem(self.tr("Another unit in Lianxin (by its id)…"), OTHER_UNIT)
        self._update()

    def _update(self) -> None:
        paper = self.route.currentData() == "paper"
        other = not paper and self.destination.currentData() == OTHER_UNIT
        self.form.setRowVisible(self.destination, not paper)
        self.form.setRowVisible(self.other_id, other)
        self.form.setRowVisible(self.unit_name, paper or other)
        ready = self.member.member_id() is not None
        if paper:
            ready = ready and bool(self.unit_name.text().strip())
        elif other:
            ready = ready and bool(self.other_id.text().strip() and self.unit_name.text().strip())
        else:
            ready = ready and self.destination.currentData() is not None
        self.ok_button.setEnabled(ready)

    def values(self) -> dict[str, Any]:
        route = str(self.route.currentData())
        values: dict[str, Any] = {
            "route": route,
            "paid_up_to": self.paid_up_to.date().toString("yyyy-MM"),
            "valid_days": self.valid_days.value(),
            "issued": _day(self.issued),
            "note": self.note.text(),
        }
        if route == "paper":
            values["to_unit"] = self.unit_name.text()
        elif self.destination.currentData() == OTHER_UNIT:
            values["to_org"] = self.other_id.text().strip()
            values["to_unit"] = self.unit_name.text()
        else:
            values["to_org"] = self.destination.currentData()
        return values

    def save(self) -> None:
        member_id = self.member.member_id()
        if member_id is None:
            return
        values = self.values()

        def write(ws: Workspace) -> str:
            return transfers.transfer_out(ws, member_id, **values)

        self.write(self.ctx.ops, write)


def _summary(letter: Letter) -> str:
    return QCoreApplication.translate(
        "TransferDialogs", "Letter {serial}: {name}, from {source} to {target}"
    ).format(serial=letter.serial, name=letter.name, source=letter.from_unit, target=letter.to_unit)


class ReceiptDialog(FormDialog):
    """Record a receipt: for a letter that reached this unit, or for a paper letter whose
    receipt came back."""

    def __init__(self, ctx: AppContext, letter: Letter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.letter = letter
        self.setWindowTitle(self.tr("Record receipt"))
        self.setMinimumWidth(460)
        self.received = _date_edit()
        self.received_by = QLineEdit()
        self.received_by.setMaxLength(64)
        self.received_by.setPlaceholderText(ctx.user.name)
        self.note = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Date received"), self.received)
        form.addRow(self.tr("Received by"), self.received_by)
        form.addRow(self.tr("Note"), self.note)
        about = QLabel(_summary(letter))
        about.setWordWrap(True)
        if letter.route == "system":
            text = self.tr(
                "The receipt goes back to the sending unit. The member's records arrive "
                "here after the next sync."
            )
        else:
            text = self.tr(
                "The paper receipt came back: the member has left this unit, and their "
                "records here are removed. The letter keeps what it stated."
            )
        hint = QLabel(text)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.submitted.connect(self.save)

    def save(self) -> None:
        letter_id, received = self.letter.id, _day(self.received)
        by, note = self.received_by.text(), self.note.text()

        def write(ws: Workspace) -> str:
            return transfer_receipts.record_receipt(
                ws, letter_id, received=received, received_by=by, note=note
            )

        self.write(self.ctx.ops, write)


class PaperLetterInDialog(FormDialog):
    """A member arrives with a paper letter from a unit outside Lianxin."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Record a paper letter in"))
        self.setMinimumWidth(480)
        self.serial = QLineEdit()
        self.serial.setMaxLength(32)
        self.from_unit = QLineEdit()
        self.from_unit.setMaxLength(200)
        self.issued = _date_edit()
        self.valid_until = _date_edit()
        self.paid_up_to = _date_edit(fmt="yyyy-MM")
        self.name = QLineEdit()
        self.name.setMaxLength(64)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.category = QComboBox()
        for value in i18n.CATEGORIES:
            self.category.addItem(i18n.label(i18n.CATEGORIES, value), value)
        self.received = _date_edit()
        form = QFormLayout()
        form.addRow(self.tr("Serial number"), self.serial)
        form.addRow(self.tr("Sending unit"), self.from_unit)
        form.addRow(self.tr("Date issued"), self.issued)
        form.addRow(self.tr("Valid until"), self.valid_until)
        form.addRow(self.tr("Dues paid up to"), self.paid_up_to)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Receipt sent"), self.received)
        hint = QLabel(
            self.tr("The member joins this unit's roster; send the receipt part back by post.")
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        for edit in (self.serial, self.from_unit, self.name):
            edit.textChanged.connect(self._update)
        self.submitted.connect(self.save)
        self._update()

    def _update(self) -> None:
        filled = all(e.text().strip() for e in (self.serial, self.from_unit, self.name))
        self.ok_button.setEnabled(filled)

    def save(self) -> None:
        member = {
            "name": self.name.text(),
            "id_number": self.id_number.text().strip() or None,
            "category": self.category.currentData(),
        }
        serial, source = self.serial.text(), self.from_unit.text()
        issued, until, received = _day(self.issued), _day(self.valid_until), _day(self.received)
        paid = self.paid_up_to.date().toString("yyyy-MM")

        def write(ws: Workspace) -> str:
            return transfer_receipts.receive_paper_letter(
                ws,
                member,
                serial=serial,
                from_unit=source,
                issued=issued,
                valid_until=until,
                paid_up_to=paid,
                received=received,
            )

        self.write(self.ctx.ops, write)


class FloatingOutDialog(FormDialog):
    """A member of this unit goes elsewhere for a while."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Floating member out"))
        self.setMinimumWidth(480)
        self.member = MemberPicker(ctx)
        self.place = QLineEdit()
        self.place.setMaxLength(200)
        self.place.setPlaceholderText(self.tr("Country and city, or the site"))
        self.unit = QLineEdit()
        self.unit.setMaxLength(200)
        self.contact = QLineEdit()
        self.contact.setMaxLength(200)
        self.start = _date_edit()
        self.note = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Member"), self.member)
        form.addRow(self.tr("Goes to"), self.place)
        form.addRow(self.tr("Unit there"), self.unit)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Since"), self.start)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.member.chosen.connect(self._update)
        self.place.textChanged.connect(self._update)
        self.submitted.connect(self.save)
        self._update()

    def _update(self) -> None:
        ready = self.member.member_id() is not None and bool(self.place.text().strip())
        self.ok_button.setEnabled(ready)

    def save(self) -> None:
        member_id = self.member.member_id()
        if member_id is None:
            return
        place, unit, contact = self.place.text(), self.unit.text(), self.contact.text()
        start, note = _day(self.start), self.note.text()

        def write(ws: Workspace) -> str:
            return floating.floating_out(
                ws, member_id, place=place, unit=unit, contact=contact, start=start, note=note
            )

        self.write(self.ctx.ops, write)


class FloatingInDialog(FormDialog):
    """A member whose membership relation is elsewhere is managed here for a while."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Floating member in"))
        self.setMinimumWidth(480)
        self.in_roster = QCheckBox(self.tr("Already in this unit's roster"))
        self.member = MemberPicker(ctx)
        self.name = QLineEdit()
        self.name.setMaxLength(64)
        self.place = QLineEdit()
        self.place.setMaxLength(200)
        self.unit = QLineEdit()
        self.unit.setMaxLength(200)
        self.unit.setPlaceholderText(self.tr("The unit holding the membership relation"))
        self.contact = QLineEdit()
        self.contact.setMaxLength(200)
        self.start = _date_edit()
        self.form = QFormLayout()
        self.form.addRow("", self.in_roster)
        self.form.addRow(self.tr("Member"), self.member)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Comes from"), self.place)
        self.form.addRow(self.tr("Home unit"), self.unit)
        self.form.addRow(self.tr("Contact"), self.contact)
        self.form.addRow(self.tr("Since"), self.start)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.in_roster.toggled.connect(self._update)
        self.member.chosen.connect(self._update)
        for edit in (self.name, self.place):
            edit.textChanged.connect(self._update)
        self.submitted.connect(self.save)
        self._update()

    def _update(self) -> None:
        existing = self.in_roster.isChecked()
        self.form.setRowVisible(self.member, existing)
        self.form.setRowVisible(self.name, not existing)
        who = self.member.member_id() is not None if existing else bool(self.name.text().strip())
        self.ok_button.setEnabled(who and bool(self.place.text().strip()))

    def save(self) -> None:
        member_id = self.member.member_id() if self.in_roster.isChecked() else None
        name, place, unit = self.name.text(), self.place.text(), self.unit.text()
        contact, start = self.contact.text(), _day(self.start)

        def write(ws: Workspace) -> str:
            return floating.floating_in(
                ws,
                member_id=member_id,
                name=name,
                place=place,
                unit=unit,
                contact=contact,
                start=start,
            )

        self.write(self.ctx.ops, write)


class FloatingBackDialog(FormDialog):
    """The floating member came back (or went back home)."""

    def __init__(
        self, ctx: AppContext, record: FloatingRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record = record
        self.setWindowTitle(self.tr("Record return"))
        self.end = _date_edit()
        about = QLabel(
            self.tr("{name}, at {place} since {start}").format(
                name=record.name, place=record.place, start=record.start_date
            )
        )
        about.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Returned on"), self.end)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.submitted.connect(self.save)

    def save(self) -> None:
        record_id, end = self.record.id, _day(self.end)

        def write(ws: Workspace) -> None:
            floating.floating_back(ws, record_id, end=end)

        self.write(self.ctx.ops, write)


# --- the printable letter ----------------------------------------------------------------


def _field_table(letter: Letter, today: date) -> str:
    age = letter.age(date.fromisoformat(letter.issued_date))
    rows = [
        (QCoreApplication.translate("TransferLetter", "Serial number"), letter.serial),
        (QCoreApplication.translate("TransferLetter", "Name"), letter.name),
        (
            QCoreApplication.translate("TransferLetter", "Gender"),
            i18n.label(i18n.GENDERS, letter.gender),
        ),
        (QCoreApplication.translate("TransferLetter", "Age"), "" if age is None else str(age)),
        (QCoreApplication.translate("TransferLetter", "Ethnicity"), letter.ethnicity or ""),
        (
            QCoreApplication.translate("TransferLetter", "Category"),
            i18n.label(i18n.CATEGORIES, letter.category),
        ),
        (QCoreApplication.translate("TransferLetter", "ID number"), letter.id_number or ""),
        (QCoreApplication.translate("TransferLetter", "From"), letter.from_unit),
        (QCoreApplication.translate("TransferLetter", "To"), letter.to_unit),
        (QCoreApplication.translate("TransferLetter", "Dues paid up to"), letter.paid_up_to or ""),
        (QCoreApplication.translate("TransferLetter", "Valid until"), letter.valid_until),
        (QCoreApplication.translate("TransferLetter", "Date issued"), letter.issued_date),
    ]
    # Two fields a row, so that the three parts fit on one page.
    cells = ""
    for start in range(0, len(rows), 2):
        pair = rows[start : start + 2]
        cells += (
            "<tr>"
            + "".join(
                f"<td width='17%'><b>{escape(k)}</b></td><td width='33%'>{escape(v)}</td>"
                for k, v in pair
            )
            + "</tr>"
        )
    return f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>{cells}</table>"


def _cut_line() -> str:
    label = escape(QCoreApplication.translate("TransferLetter", "cut here"))
    return (
        "<p align='center' style='color:#666; margin-top:28px; margin-bottom:16px;'>"
        f"- - - - - - - - - - - - - - - - ✂ {label} - - - - - - - - - - - - - - - -</p>"
    )


def letter_html(letter: Letter, today: date | None = None) -> str:
    """The three parts of a letter, as one A4 page: stub, letter, receipt."""
    today = today or date.today()
    age = letter.age(date.fromisoformat(letter.issued_date))
    body = QCoreApplication.translate(
        "TransferLetter",
        "Comrade {name} ({gender}, {age}, {ethnicity}, {category}, ID number {number}) "
        "transfers their Party membership relation from {source} to {target}. Please "
        "receive them. Dues are paid up to {paid}. This letter is valid for {days} days.",
    ).format(
        name=letter.name,
        gender=i18n.label(i18n.GENDERS, letter.gender) or "-",
        age="-" if age is None else age,
        ethnicity=letter.ethnicity or "-",
        category=i18n.label(i18n.CATEGORIES, letter.category) or "-",
        number=letter.id_number or "-",
        source=letter.from_unit,
        target=letter.to_unit,
        paid=letter.paid_up_to or "-",
        days=letter.validity_days,
    )
    receipt = QCoreApplication.translate(
        "TransferLetter",
        "{source}: the Party membership relation of comrade {name} (letter {serial}) has "
        "been received here.",
    ).format(source=letter.from_unit, name=letter.name, serial=letter.serial)
    stub_title = QCoreApplication.translate(
        "TransferLetter", "Party membership transfer letter — stub"
    )
    letter_title = QCoreApplication.translate("TransferLetter", "Party membership transfer letter")
    receipt_title = QCoreApplication.translate("TransferLetter", "Receipt")
    serial = QCoreApplication.translate("TransferLetter", "Serial number")
    seal = QCoreApplication.translate("TransferLetter", "Receiving unit (seal)")
    dated = QCoreApplication.translate("TransferLetter", "Date")
    parts = [
        f"<h3 align='center'>{escape(stub_title)}</h3>",
        _field_table(letter, today),
        _cut_line(),
        f"<h3 align='center'>{escape(letter_title)}</h3>",
        f"<p align='right'>{escape(serial)}: {escape(letter.serial)}</p>",
        f"<p>{escape(letter.to_unit)}:</p>",
        f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{escape(body)}</p>",
        f"<p align='right'>{escape(letter.from_unit)}<br>{escape(letter.issued_date)}</p>",
        _cut_line(),
        f"<h3 align='center'>{escape(receipt_title)}</h3>",
        f"<p align='right'>{escape(serial)}: {escape(letter.serial)}</p>",
        f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{escape(receipt)}</p>",
        f"<p align='right'>{escape(seal)}: {escape(letter.to_unit)}"
        f"<br>{escape(dated)}: ____________</p>",
    ]
    return "".join(parts)
