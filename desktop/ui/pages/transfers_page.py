"""The Transfers page: letters out (receipted, waiting, overdue), letters in (arrived
through HQ, or on paper), and floating members out and in. Lists are small (a branch
issues a few letters a year), so their models hold them whole."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from desktop.domain import floating, transfers
from desktop.domain.access import Role
from desktop.domain.floating import FloatingRecord
from desktop.domain.transfers import Letter, LetterList, LetterStatus
from desktop.store.errors import LianxinError
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.store.workspace import Workspace
from desktop.ui import messages
from desktop.ui.errors import show_error
from desktop.ui.navigation import AppContext, Page, PageSpec
from desktop.ui.pages.transfer_dialogs import (
    FloatingBackDialog,
    FloatingInDialog,
    FloatingOutDialog,
    PaperLetterInDialog,
    ReceiptDialog,
    TransferOutDialog,
    letter_html,
)
from desktop.ui.printing import html_to_pdf
from desktop.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.resources import icon

T = TypeVar("T")
ROOT = QModelIndex()
CONTEXT = "TransfersModel"

STATUS_LABELS = {
    LetterStatus.WAITING: QT_TRANSLATE_NOOP("TransfersModel", "Waiting for receipt"),
    LetterStatus.RECEIPTED: QT_TRANSLATE_NOOP("TransfersModel", "Receipted"),
    LetterStatus.OVERDUE: QT_TRANSLATE_NOOP("TransfersModel", "Overdue"),
    LetterStatus.CANCELLED: QT_TRANSLATE_NOOP("TransfersModel", "Cancelled"),
}
#: Readable on the light theme: green done, amber waiting, red overdue, grey cancelled.
STATUS_COLOURS = {
    LetterStatus.WAITING: "#9a6700",
    LetterStatus.RECEIPTED: "#1a7f37",
    LetterStatus.OVERDUE: "#cf222e",
    LetterStatus.CANCELLED: "#6e7781",
}
ROUTE_LABELS = {
    "system": QT_TRANSLATE_NOOP("TransfersModel", "Lianxin"),
    "paper": QT_TRANSLATE_NOOP("TransfersModel", "Paper"),
}
DIRECTION_LABELS = {
    "out": QT_TRANSLATE_NOOP("TransfersModel", "Out"),
    "in": QT_TRANSLATE_NOOP("TransfersModel", "In"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    value: Any  # Callable[[T], str]


class ListModel(QAbstractTableModel, Generic[T]):
    """A small list of items shown in columns; status colours for letters."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.items: list[T] = []

    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item(self, row: int) -> T | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None or not 0 <= index.column() < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.columns[index.column()].value(item))
        colour = (
            role == Qt.ItemDataRole.ForegroundRole
            and isinstance(item, Letter)
            and self.columns[index.column()].header == STATE_HEADER
        )
        if colour:
            assert isinstance(item, Letter)
            return QBrush(QColor(STATUS_COLOURS[item.status]))
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return _tr(self.columns[section].header)
        return None


STATE_HEADER = QT_TRANSLATE_NOOP("TransfersModel", "State")


def _status(letter: Letter) -> str:
    return _tr(STATUS_LABELS[letter.status])


OUT_COLUMNS: list[Column[Letter]] = [
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Serial"), lambda x: x.serial),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Name"), lambda x: x.name),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "To"), lambda x: x.to_unit),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Route"), lambda x: _tr(ROUTE_LABELS[x.route])),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Issued"), lambda x: x.issued_date),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Valid until"), lambda x: x.valid_until),
    Column(STATE_HEADER, _status),
]
IN_COLUMNS: list[Column[Letter]] = [
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Serial"), lambda x: x.serial),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Name"), lambda x: x.name),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "From"), lambda x: x.from_unit),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Route"), lambda x: _tr(ROUTE_LABELS[x.route])),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Issued"), lambda x: x.issued_date),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Valid until"), lambda x: x.valid_until),
    Column(STATE_HEADER, _status),
]
FLOATING_COLUMNS: list[Column[FloatingRecord]] = [
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Name"), lambda x: x.name),
    Column(
        QT_TRANSLATE_NOOP("TransfersModel", "Direction"),
        lambda x: _tr(DIRECTION_LABELS[x.direction]),
    ),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Place"), lambda x: x.place),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Unit"), lambda x: x.unit),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Contact"), lambda x: x.contact),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Since"), lambda x: x.start_date),
    Column(QT_TRANSLATE_NOOP("TransfersModel", "Back on"), lambda x: x.end_date or ""),
]


@dataclass(frozen=True)
class TransfersView:
    """Everything the page shows, read in one go on the database thread."""

    out: LetterList
    incoming: LetterList
    floating: list[FloatingRecord]


def read_view(ws: Workspace) -> TransfersView:
    today = date.today()
    return TransfersView(
        transfers.letters_out(ws, today),
        transfers.letters_in(ws, today),
        floating.floating_records(ws),
    )


def _table(model: QAbstractTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _tab(buttons: Sequence[QPushButton], summary: QLabel, table: QTableView) -> QWidget:
    tab = QWidget()
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    row.addWidget(summary)
    layout = QVBoxLayout(tab)
    layout.addLayout(row)
    layout.addWidget(table, 1)
    return tab


class TransfersPage(Page):
    watches = frozenset(
        {"transfer_letters", "transfer_receipts", "floating_records", "members", "org_units"}
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        title = QLabel(self.tr("Transfers"))
        title.setObjectName("pageTitle")
        explain = QLabel(
            self.tr(
                "Membership transfers and floating members. A letter to a unit in Lianxin "
                "travels through HQ; the member moves there once the receiving unit records "
                "the receipt."
            )
        )
        explain.setObjectName("pageSubtitle")
        explain.setWordWrap(True)
        self.out_model: ListModel[Letter] = ListModel(OUT_COLUMNS, self)
        self.in_model: ListModel[Letter] = ListModel(IN_COLUMNS, self)
        self.floating_model: ListModel[FloatingRecord] = ListModel(FLOATING_COLUMNS, self)
        self.out_table = _table(self.out_model)
        self.in_table = _table(self.in_model)
        self.floating_table = _table(self.floating_model)

        self.issue_button = QPushButton(icon("add"), self.tr("Transfer out…"))
        self.print_button = QPushButton(self.tr("Print letter…"))
        self.paper_receipt_button = QPushButton(self.tr("Paper receipt back…"))
        self.cancel_button = QPushButton(self.tr("Cancel letter…"))
        self.receipt_button = QPushButton(self.tr("Record receipt…"))
        self.paper_in_button = QPushButton(icon("add"), self.tr("Paper letter in…"))
        self.float_out_button = QPushButton(self.tr("Floating out…"))
        self.float_in_button = QPushButton(self.tr("Floating in…"))
        self.back_button = QPushButton(self.tr("Returned…"))
        self.out_summary = QLabel()
        self.in_summary = QLabel()
        self.floating_summary = QLabel()

        self.tabs = QTabWidget()
        self.tabs.addTab(
            _tab(
                [
                    self.issue_button,
                    self.print_button,
                    self.paper_receipt_button,
                    self.cancel_button,
                ],
                self.out_summary,
                self.out_table,
            ),
            self.tr("Letters out"),
        )
        self.tabs.addTab(
            _tab([self.receipt_button, self.paper_in_button], self.in_summary, self.in_table),
            self.tr("Letters in"),
        )
        self.tabs.addTab(
            _tab(
                [self.float_out_button, self.float_in_button, self.back_button],
                self.floating_summary,
                self.floating_table,
            ),
            self.tr("Floating members"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(self.tabs, 1)

        self.issue_button.clicked.connect(self.transfer_out)
        self.print_button.clicked.connect(self.print_letter)
        self.paper_receipt_button.clicked.connect(lambda: self.record_receipt(self.out_table))
        self.cancel_button.clicked.connect(self.cancel_letter)
        self.receipt_button.clicked.connect(lambda: self.record_receipt(self.in_table))
        self.paper_in_button.clicked.connect(self.paper_in)
        self.float_out_button.clicked.connect(lambda: self._open(FloatingOutDialog(self.ctx, self)))
        self.float_in_button.clicked.connect(lambda: self._open(FloatingInDialog(self.ctx, self)))
        self.back_button.clicked.connect(self.floating_back)
        for table in (self.out_table, self.in_table, self.floating_table):
            table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # --- data --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.ops.query(read_view, self._show, parent=self)

    def _show(self, view: TransfersView) -> None:
        self.out_model.set_items(view.out.letters)
        self.in_model.set_items(view.incoming.letters)
        self.floating_model.set_items(view.floating)
        self.out_summary.setText(
            self.tr("{waiting} waiting · {overdue} overdue").format(
                waiting=view.out.count(LetterStatus.WAITING),
                overdue=view.out.count(LetterStatus.OVERDUE),
            )
        )
        self.in_summary.setText(
            self.tr("{waiting} to receipt").format(
                waiting=view.incoming.count(LetterStatus.WAITING)
                + view.incoming.count(LetterStatus.OVERDUE)
            )
        )
        away = sum(1 for r in view.floating if r.current)
        self.floating_summary.setText(self.tr("{count} currently floating").format(count=away))
        self._update_buttons()

    def clear(self) -> None:
        for model in (self.out_model, self.in_model, self.floating_model):
            model.set_items([])
        for label in (self.out_summary, self.in_summary, self.floating_summary):
            label.clear()

    def _selected(self, table: QTableView) -> Any:
        rows = table.selectionModel().selectedRows()
        model = table.model()
        assert isinstance(model, ListModel)
        return model.item(rows[0].row()) if rows else None

    def selected_out(self) -> Letter | None:
        letter: Letter | None = self._selected(self.out_table)
        return letter

    def selected_in(self) -> Letter | None:
        letter: Letter | None = self._selected(self.in_table)
        return letter

    def selected_floating(self) -> FloatingRecord | None:
        record: FloatingRecord | None = self._selected(self.floating_table)
        return record

    def _update_buttons(self) -> None:
        out, incoming, away = self.selected_out(), self.selected_in(), self.selected_floating()
        open_out = out is not None and out.status in (LetterStatus.WAITING, LetterStatus.OVERDUE)
        self.print_button.setEnabled(out is not None and out.status != LetterStatus.CANCELLED)
        self.cancel_button.setEnabled(open_out)
        self.paper_receipt_button.setEnabled(open_out and out is not None and out.route == "paper")
        self.receipt_button.setEnabled(
            incoming is not None
            and incoming.route == "system"
            and incoming.status in (LetterStatus.WAITING, LetterStatus.OVERDUE)
        )
        self.back_button.setEnabled(away is not None and away.current)

    # --- actions (the domain checks that the user may do each of them) -----------------

    def _open(self, dialog: QWidget) -> None:
        dialog.finished.connect(dialog.deleteLater)  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]

    def transfer_out(self) -> None:
        self._open(TransferOutDialog(self.ctx, self))

    def paper_in(self) -> None:
        self._open(PaperLetterInDialog(self.ctx, self))

    def record_receipt(self, table: QTableView) -> None:
        letter: Letter | None = self._selected(table)
        if letter is not None:
            self._open(ReceiptDialog(self.ctx, letter, self))

    def floating_back(self) -> None:
        record = self.selected_floating()
        if record is not None:
            self._open(FloatingBackDialog(self.ctx, record, self))

    def cancel_letter(self) -> None:
        letter = self.selected_out()
        if letter is None:
            return
        if not messages.ask(
            self,
            self.tr("Cancel letter"),
            self.tr("Cancel letter {serial} for {name}?").format(
                serial=letter.serial, name=letter.name
            ),
            self.tr("The member stays in this unit. The letter is kept in the list as cancelled."),
        ):
            return
        letter_id = letter.id

        def write(ws: Workspace) -> None:
            transfers.cancel_letter(ws, letter_id)

        self.ctx.ops.write(write, parent=self)

    def print_letter(self) -> None:
        letter = self.selected_out()
        if letter is None:
            return
        suggested = str(Path.home() / f"{letter.serial} {letter.name}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save letter as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_letter(letter, Path(path))

    def save_letter(self, letter: Letter, path: Path) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            html_to_pdf(letter_html(letter), path, letter.serial)
        except OSError as exc:
            show_error(
                self,
                LianxinError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "The letter could not be saved to {path}: {problem}"
                    ),
                    advice=QT_TRANSLATE_NOOP("Errors", "Choose another folder and try again."),
                    path=str(path),
                    problem=exc.strerror or type(exc).__name__,
                ),
            )


PAGE = PageSpec(
    key="transfers",
    title=QT_TRANSLATE_NOOP("Pages", "Transfers"),
    icon="members",
    factory=TransfersPage,
    visible_for=frozenset({Role.SECRETARY, Role.OFFICER}),
    order=40,
)
