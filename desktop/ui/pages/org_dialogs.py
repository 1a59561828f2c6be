"""Dialogs of the Organisation page: add or edit a unit, close it, record an election
(换届) with its posts, end a term. Labels of levels, bodies and posts live here too."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from desktop.domain.committee_terms import (
    Candidate,
    Election,
    PostInput,
    Term,
    TermRule,
    add_years,
    find_candidates,
)
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.store.schema.org import POSTS
from desktop.ui.form_dialog import FormDialog
from desktop.ui.operations import Operations
from desktop.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
)

CONTEXT = "Org"
LEVELS = {
    "hq": QT_TRANSLATE_NOOP("Org", "Headquarters"),
    "committee": QT_TRANSLATE_NOOP("Org", "Primary committee"),
    "general_branch": QT_TRANSLATE_NOOP("Org", "General branch"),
    "branch": QT_TRANSLATE_NOOP("Org", "Branch"),
    "group": QT_TRANSLATE_NOOP("Org", "Party group"),
}
BODIES = {
    "committee": QT_TRANSLATE_NOOP("Org", "Committee"),
    "secretary": QT_TRANSLATE_NOOP("Org", "Secretary (no committee)"),
}
POST_LABELS = {
    "secretary": QT_TRANSLATE_NOOP("Org", "Secretary"),
    "deputy_secretary": QT_TRANSLATE_NOOP("Org", "Deputy secretary"),
    "organiser": QT_TRANSLATE_NOOP("Org", "Organiser"),
    "publicity": QT_TRANSLATE_NOOP("Org", "Publicity officer"),
    "discipline": QT_TRANSLATE_NOOP("Org", "Discipline officer"),
    "youth": QT_TRANSLATE_NOOP("Org", "Youth officer"),
    "women": QT_TRANSLATE_NOOP("Org", "Women's officer"),
    "member": QT_TRANSLATE_NOOP("Org", "Committee member"),
}
#: The date shown as "not recorded" in optional date fields.
NO_DATE = QDate(1900, 1, 1)
#: Wait this long after the last keystroke before searching the roster.
SEARCH_DELAY_MS = 250


def org_label(labels: dict[str, str], value: str | None) -> str:
    """The translated label of a level, body or post; unknown values as stored."""
    if not value:
        return ""
    source = labels.get(value)
    return QCoreApplication.translate(CONTEXT, source) if source else value


def _date_field(optional: bool, not_given: str = "") -> QDateEdit:
    field = QDateEdit()
    field.setDisplayFormat("yyyy-MM-dd")
    field.setCalendarPopup(True)
    if optional:
        field.setMinimumDate(NO_DATE)
        field.setSpecialValueText(not_given)
        field.setDate(NO_DATE)
    else:
        field.setDate(QDate.currentDate())
    return field


def _py_date(field: QDateEdit) -> date | None:
    value = field.date()
    if value == NO_DATE:
        return None
    return date(value.year(), value.month(), value.day())


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class UnitDialog(FormDialog):
    """Add a unit below a parent (`levels` to choose from) or edit one (`unit` given)."""

    def __init__(
        self,
        parent_name: str,
        levels: Sequence[str] = (),
        unit: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        editing = unit is not None
        self.setWindowTitle(self.tr("Edit unit") if editing else self.tr("Add unit"))
        self.setMinimumWidth(460)
        explain = QLabel(
            self.tr("{name} is kept by this computer's unit.").format(name=parent_name)
            if editing
            else self.tr("The new unit comes under {name}.").format(name=parent_name)
        )
        explain.setWordWrap(True)
        explain.setObjectName("hint")
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.level = QComboBox()
        for level in levels:
            self.level.addItem(org_label(LEVELS, level), level)
        self.code = QLineEdit()
        self.code.setMaxLength(64)
        self.code.setPlaceholderText(self.tr("Orders the units: 01, 02 …"))
        self.place = QLineEdit()
        self.place.setMaxLength(200)
        self.place.setPlaceholderText(self.tr("Country and site, or the office's address"))
        self.established = _date_field(True, self.tr("Not recorded"))
        self.temporary = QCheckBox(self.tr("Temporary branch for a project"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        if not editing:
            form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Founded"), self.established)
        form.addRow("", self.temporary)
        if unit is not None:
            self.name.setText(unit.get("name") or "")
            self.code.setText(unit.get("code") or "")
            self.place.setText(unit.get("place") or "")
            if unit.get("established"):
                self.established.setDate(QDate.fromString(unit["established"], "yyyy-MM-dd"))
            self.temporary.setChecked(bool(unit.get("temporary")))
            self.temporary.setVisible(unit.get("level") == "branch")
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.level.currentIndexChanged.connect(self._update)
        self.name.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        if self.level.count():
            self.temporary.setVisible(self.level.currentData() == "branch")
        self.ok_button.setEnabled(bool(self.name.text().strip()))

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "name": self.name.text().strip(),
            "code": self.code.text().strip() or None,
            "place": self.place.text().strip() or None,
            "established": _py_date(self.established),
        }
        if self.level.count():
            values["level"] = self.level.currentData()
        if self.temporary.isVisibleTo(self) or self.temporary.isChecked():
            values["temporary"] = self.temporary.isChecked()
        return values


class DateDialog(FormDialog):
    """One date with an explanation: closing a unit, ending a term."""

    def __init__(self, title: str, explain: str, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        text = QLabel(explain)
        text.setWordWrap(True)
        self.day = _date_field(False)
        form = QFormLayout()
        form.addRow(label, self.day)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def value(self) -> date:
        day = _py_date(self.day)
        assert day is not None
        return day


class ElectionDialog(FormDialog):
    """An election (换届): its date, the body, the term's start and length, and the posts,
    each held by a member found on the roster or by a person named."""

    def __init__(
        self,
        ops: Operations,
        unit_name: str,
        full_members: int,
        expected_body: str,
        rule: TermRule,
        current: Term | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(self.tr("New election"))
        self.setMinimumWidth(620)
        self.posts: list[PostInput] = []
        self.candidates: list[Candidate] = []
        explain = QLabel(
            self.tr(
                "Record the election held by {name}. It has {count} full members in good "
                "standing: with 7 or more it elects a committee, otherwise a secretary and "
                "possibly a deputy. The current term ends on the election day."
            ).format(name=unit_name, count=full_members)
        )
        explain.setWordWrap(True)
        explain.setObjectName("hint")
        self.elected = _date_field(False)
        self.start = _date_field(False)
        self.years = QSpinBox()
        self.years.setRange(rule.min_years, rule.max_years)
        self.years.setValue(rule.default_years)
        self.years.setSuffix(self.tr(" years"))
        self.end_label = QLabel()
        self.body = QComboBox()
        for body in BODIES:
            self.body.addItem(org_label(BODIES, body), body)
        self.body.setCurrentIndex(max(0, self.body.findData(expected_body)))
        self.note = QLineEdit()
        self.note.setMaxLength(2000)
        self.note.setPlaceholderText(self.tr("Votes, who presided, the higher committee's reply"))
        form = QFormLayout()
        form.addRow(self.tr("Election date"), self.elected)
        form.addRow(self.tr("Body elected"), self.body)
        form.addRow(self.tr("Term starts"), self.start)
        length = QHBoxLayout()
        length.addWidget(self.years)
        length.addWidget(self.end_label, 1)
        form.addRow(self.tr("Term length"), length)
        form.addRow(self.tr("Note"), self.note)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Post"), self.tr("Name"), self.tr("Roster")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        self.remove_button = QPushButton(self.tr("Remove post"))
        self.remove_button.clicked.connect(self._remove_selected)

        self.post = QComboBox()
        for post in POSTS:
            self.post.addItem(org_label(POST_LABELS, post), post)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Find a full member, or type a name"))
        self.results = QListWidget()
        self.results.setMaximumHeight(110)
        self.results.itemDoubleClicked.connect(lambda _item: self.add_post())
        self.add_button = QPushButton(self.tr("Add post"))
        self.add_button.clicked.connect(self.add_post)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._search_now)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        adding = QHBoxLayout()
        adding.addWidget(self.post)
        adding.addWidget(self.search, 1)
        adding.addWidget(self.add_button)
        posts_head = QHBoxLayout()
        posts_head.addWidget(QLabel(self.tr("Posts")), 1)
        posts_head.addWidget(self.remove_button)

        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addLayout(posts_head)
        layout.addWidget(self.table)
        layout.addLayout(adding)
        layout.addWidget(self.results)
        layout.addWidget(self.buttons)

        self._start_follows = True
        self.elected.dateChanged.connect(self._elected_changed)
        self.start.dateChanged.connect(self._start_changed)
        self.years.valueChanged.connect(self._update)
        if current is not None:
            # A re-election often returns most of the committee: start from its posts.
            for seat in current.seats:
                self._append(PostInput(seat.post, seat.member_id, seat.name))
        self._update()

    # --- dates ---------------------------------------------------------------------------

    def _elected_changed(self, value: QDate) -> None:
        if self._start_follows:
            self.start.blockSignals(True)
            self.start.setDate(value)
            self.start.blockSignals(False)
        self._update()

    def _start_changed(self, _value: QDate) -> None:
        self._start_follows = False
        self._update()

    def _update(self) -> None:
        start = _py_date(self.start)
        assert start is not None
        end = add_years(start, self.years.value())
        self.end_label.setText(self.tr("ends on {date}").format(date=end.isoformat()))
        self.remove_button.setEnabled(bool(self.posts))
        self.ok_button.setEnabled(bool(self.posts))

    # --- posts ---------------------------------------------------------------------------

    def _search_now(self) -> None:
        text = self.search.text().strip()
        if not text:
            self._show_candidates([])
            return
        self.ops.query(lambda ws: find_candidates(ws, text), self._show_candidates, parent=self)

    def _show_candidates(self, found: list[Candidate]) -> None:
        self.candidates = found
        self.results.clear()
        for candidate in found:
            details = " · ".join(x for x in (candidate.post, candidate.group) if x)
            text = f"{candidate.name}  ({details})" if details else candidate.name
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, candidate.id)
            self.results.addItem(item)

    def add_post(self) -> None:
        """The chosen member of the roster, or else the name typed (someone not on it)."""
        post = str(self.post.currentData())
        name = self.search.text().strip()
        rows = [self.results.row(i) for i in self.results.selectedItems()]
        if not rows:
            # A name typed in full that only one member on the roster has is that member.
            rows = [i for i, c in enumerate(self.candidates) if c.name == name]
        if len(rows) == 1 and rows[0] < len(self.candidates):
            candidate = self.candidates[rows[0]]
            entry = PostInput(post, member_id=candidate.id, name=candidate.name)
        elif name:
            entry = PostInput(post, name=name)
        else:
            return
        self._append(entry)
        self.search.clear()
        self._show_candidates([])

    def _append(self, entry: PostInput) -> None:
        self.posts.append(entry)
        row = self.table.rowCount()
        self.table.insertRow(row)
        roster = self.tr("on the roster") if entry.member_id else self.tr("by name")
        cells = (org_label(POST_LABELS, entry.post), entry.name or "", roster)
        for column, text in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self._update()

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.posts:
            rows = [len(self.posts) - 1]
        for row in rows:
            self.table.removeRow(row)
            del self.posts[row]
        self._update()

    def election(self) -> Election:
        elected, start = _py_date(self.elected), _py_date(self.start)
        assert elected is not None and start is not None
        return Election(
            elected=elected,
            body=str(self.body.currentData()),
            years=self.years.value(),
            posts=list(self.posts),
            start=start,
            note=self.note.text(),
        )
