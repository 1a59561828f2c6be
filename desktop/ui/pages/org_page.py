"""The Organisation page: the org tree this computer holds, and for the selected unit its
details, member counts, current committee term with its posts and past terms; officers
add and edit units, record elections (换届) and end terms here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.domain import committee_terms as terms
from desktop.domain import org
from desktop.domain.access import Role
from desktop.domain.committee_terms import Term
from desktop.domain.org import TermWarning, UnitInfo
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.store.workspace import Workspace
from desktop.ui.form_dialog import FormDialog
from desktop.ui.navigation import AppContext, Page, PageSpec
from desktop.ui.pages.org_dialogs import (
    BODIES,
    LEVELS,
    POST_LABELS,
    DateDialog,
    ElectionDialog,
    UnitDialog,
    org_label,
)
from desktop.ui.qt import (
    QAbstractItemModel,
    QAbstractItemView,
    QBrush,
    QColor,
    QCoreApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.resources import icon
from desktop.ui.theme import ACCENT

#: Amber for a term due within the warning period; the accent red once it is overdue.
DUE_COLOUR = "#b26a00"
OVERDUE_COLOUR = ACCENT
AnyIndex = QModelIndex | QPersistentModelIndex


def warning_text(warning: TermWarning) -> str:
    """The warning in words, translated ("Org" context)."""
    if warning.kind == "no_term":
        text = QCoreApplication.translate("Org", "{name}: no committee term recorded.")
        return text.format(name=warning.unit_name)
    days = warning.days_left or 0
    if warning.kind == "overdue":
        text = QCoreApplication.translate(
            "Org", "{name}: the term ended on {date}, {days} days ago; hold the election."
        )
        return text.format(name=warning.unit_name, date=warning.end_date, days=-days)
    text = QCoreApplication.translate(
        "Org", "{name}: the term ends on {date}, in {days} days; prepare the election."
    )
    return text.format(name=warning.unit_name, date=warning.end_date, days=days)


def warning_colour(warning: TermWarning | None) -> str | None:
    if warning is None:
        return None
    return OVERDUE_COLOUR if warning.kind == "overdue" else DUE_COLOUR


class OrgTreeModel(QAbstractItemModel):
    """The units as a tree: name, level, and when the current term ends (coloured when
    due or overdue). Small (a device holds its unit's ancestors and descendants)."""

    NAME, LEVEL, TERM_END = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.units: list[UnitInfo] = []
        self._children: dict[str | None, list[int]] = {None: []}
        self._row: dict[int, int] = {}
        self._parent: dict[int, int | None] = {}

    def set_units(self, units: list[UnitInfo]) -> None:
        self.beginResetModel()
        self.units = units
        by_id = {u.id: i for i, u in enumerate(units)}
        self._children = {None: []}
        self._parent = {}
        for i, unit in enumerate(units):
            parent = by_id.get(unit.parent_id or "")
            self._parent[i] = parent
            siblings = self._children.setdefault(
                units[parent].id if parent is not None else None, []
            )
            self._row[i] = len(siblings)
            siblings.append(i)
        self.endResetModel()

    def unit(self, index: AnyIndex) -> UnitInfo | None:
        return self.units[index.internalId()] if index.isValid() else None

    def index_of(self, unit_id: str) -> QModelIndex:
        for i, unit in enumerate(self.units):
            if unit.id == unit_id:
                return self.createIndex(self._row[i], 0, i)
        return QModelIndex()

    # --- QAbstractItemModel --------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column > self.TERM_END:
            return QModelIndex()
        key = self.units[parent.internalId()].id if parent.isValid() else None
        siblings = self._children.get(key, [])
        if not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        parent = self._parent.get(child.internalId())
        if parent is None:
            return QModelIndex()
        return self.createIndex(self._row[parent], 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        key = self.units[parent.internalId()].id if parent.isValid() else None
        return len(self._children.get(key, []))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 3

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Unit"), self.tr("Level"), self.tr("Term ends"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        unit = self.unit(index)
        if unit is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return unit.name
            if column == self.LEVEL:
                return org_label(LEVELS, unit.level)
            if unit.closed:
                return self.tr("closed {date}").format(date=unit.closed)
            return unit.term_end or ""
        if role == Qt.ItemDataRole.DecorationRole and column == self.TERM_END and unit.warning:
            return icon("warning")
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = warning_colour(unit.warning) if column == self.TERM_END else None
            if colour:
                return QBrush(QColor(colour))
            if unit.closed:
                return QBrush(QColor("#8a9099"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TERM_END and unit.warning:
                return warning_text(unit.warning)
            if column == self.NAME:
                return unit.name
        if role == Qt.ItemDataRole.UserRole:
            return unit.id
        return None


@dataclass(frozen=True)
class UnitTerms:
    """What the details pane shows of one unit's committee."""

    current: Term | None
    past: list[Term]
    full_members: int


def _unit_terms(ws: Workspace, unit_id: str) -> UnitTerms:
    return UnitTerms(
        terms.current_term(ws, unit_id),
        terms.past_terms(ws, unit_id),
        terms.full_members(ws, unit_id),
    )


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


class OrgPage(Page):
    watches = frozenset({"org_units", "committee_terms", "committee_members", "members"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = OrgTreeModel(self)
        self.unit_terms: UnitTerms | None = None
        self._selected_id: str | None = None

        title = QLabel(self.tr("Organisation"))
        title.setObjectName("pageTitle")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)

        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().resizeSection(1, 100)
        self.tree.header().resizeSection(2, 104)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

        self.unit_title = QLabel()
        self.unit_title.setObjectName("sectionTitle")
        self.unit_title.setStyleSheet("font-size: 17px; font-weight: 600;")
        self.unit_title.setWordWrap(True)
        self.level = QLabel()
        self.code = QLabel()
        self.place = QLabel()
        self.place.setWordWrap(True)
        self.dates = QLabel()
        self.kind = QLabel()
        self.kind.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        facts = QFormLayout()
        facts.addRow(self.tr("Level"), self.level)
        facts.addRow(self.tr("Code"), self.code)
        facts.addRow(self.tr("Place"), self.place)
        facts.addRow(self.tr("Founded / closed"), self.dates)
        facts.addRow(self.tr("Kind"), self.kind)
        facts.addRow(self.tr("Members"), self.counts)

        self.term_summary = QLabel()
        self.term_summary.setWordWrap(True)
        self.term_warning = QLabel()
        self.term_warning.setWordWrap(True)
        self.posts = _table([self.tr("Post"), self.tr("Name"), self.tr("Since")])
        self.term_box = term_box = QGroupBox(self.tr("Current term"))
        term_layout = QVBoxLayout(term_box)
        term_layout.addWidget(self.term_summary)
        term_layout.addWidget(self.term_warning)
        term_layout.addWidget(self.posts, 1)
        self.past = _table(
            [self.tr("Body"), self.tr("Term"), self.tr("Ended"), self.tr("Secretary")]
        )
        self.past_box = past_box = QGroupBox(self.tr("Past terms"))
        QVBoxLayout(past_box).addWidget(self.past)

        self.add_button = QPushButton(icon("add"), self.tr("Add unit…"))
        self.edit_button = QPushButton(self.tr("Edit unit…"))
        self.close_button = QPushButton(self.tr("Close unit…"))
        self.election_button = QPushButton(self.tr("New election…"))
        self.end_button = QPushButton(self.tr("End term…"))
        self.add_button.clicked.connect(self.add_unit)
        self.edit_button.clicked.connect(self.edit_unit)
        self.close_button.clicked.connect(self.close_unit)
        self.election_button.clicked.connect(self.new_election)
        self.end_button.clicked.connect(self.end_term)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.election_button)
        buttons.addWidget(self.end_button)

        details = QWidget()
        right = QVBoxLayout(details)
        right.setContentsMargins(12, 0, 0, 0)
        right.addWidget(self.unit_title)
        right.addLayout(facts)
        right.addWidget(term_box, 3)
        right.addWidget(past_box, 2)
        right.addStretch(0)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 560])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._show_unit(None)

    # --- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.ops.query(org.org_tree, self._show_tree, parent=self)

    def _show_tree(self, units: list[UnitInfo]) -> None:
        wanted = self._selected_id or next((u.id for u in units if u.own), None)
        self.model.set_units(units)
        self.tree.expandAll()
        warnings = [u.warning for u in units if u.warning]
        self.banner.setVisible(bool(warnings))
        self.banner.setText("\n".join(warning_text(w) for w in warnings))
        colour = OVERDUE_COLOUR if any(w.kind == "overdue" for w in warnings) else DUE_COLOUR
        self.banner.setStyleSheet(f"color: {colour}; font-weight: 600;")
        index = self.model.index_of(wanted) if wanted else QModelIndex()
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self._load_terms(self.model.unit(index))
        else:
            self._show_unit(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        unit = self.model.unit(current)
        self._selected_id = unit.id if unit else None
        self._load_terms(unit)

    def _load_terms(self, unit: UnitInfo | None) -> None:
        self._show_unit(unit)
        if unit is None or unit.level not in org.ELECTING_LEVELS:
            return
        unit_id = unit.id

        def show(found: UnitTerms) -> None:
            if self._selected_id == unit_id:
                self._show_terms(unit, found)

        self.ctx.ops.query(lambda ws: _unit_terms(ws, unit_id), show, parent=self)

    def selected(self) -> UnitInfo | None:
        return self.model.unit(self.tree.currentIndex())

    def _show_unit(self, unit: UnitInfo | None) -> None:
        self.unit_terms = None
        self.unit_title.setText(unit.name if unit else self.tr("Select a unit"))
        self.level.setText(org_label(LEVELS, unit.level) if unit else "")
        self.code.setText(unit.code or "–" if unit else "")
        self.place.setText(unit.place or "–" if unit else "")
        if unit is None:
            self.dates.clear()
            self.kind.clear()
            self.counts.clear()
        else:
            self.dates.setText(
                self.tr("founded {founded} · closed {closed}").format(
                    founded=unit.established or "–", closed=unit.closed or "–"
                )
                if unit.closed
                else self.tr("founded {founded}").format(founded=unit.established or "–")
            )
            self.kind.setText(
                self.tr(
                    "Temporary branch: members are managed here while their formal relation "
                    "may stay with their home unit."
                )
                if unit.temporary
                else self.tr("Permanent branch")
                if unit.level == "branch"
                else self.tr("Groups have a leader, not an elected committee.")
                if unit.level == "group"
                else "–"
            )
            self.counts.setText(
                self.tr(
                    "{formal} with their formal relation here · {managed} managed here "
                    "(formal relation elsewhere)"
                ).format(formal=unit.formal_here, managed=unit.managed_here)
            )
        electing = unit is not None and unit.level in org.ELECTING_LEVELS
        self.term_summary.setText(self.tr("Loading…") if electing else "")
        self.term_warning.clear()
        self.term_warning.setVisible(False)
        self.term_box.setVisible(unit is None or electing)
        self.past_box.setVisible(unit is None or electing)
        _fill(self.posts, [])
        _fill(self.past, [])
        self._update_buttons()

    def _show_terms(self, unit: UnitInfo, found: UnitTerms) -> None:
        self.unit_terms = found
        current = found.current
        if current is None:
            self.term_summary.setText(
                self.tr("No term recorded. Record the last election to start one.")
            )
        else:
            self.term_summary.setText(
                self.tr("{body}, elected {elected}; term {start} to {end}.").format(
                    body=org_label(BODIES, current.body),
                    elected=current.elected_date or "–",
                    start=current.start_date,
                    end=current.end_date,
                )
            )
        if unit.warning is not None:
            self.term_warning.setText(warning_text(unit.warning))
            self.term_warning.setStyleSheet(
                f"color: {warning_colour(unit.warning)}; font-weight: 600;"
            )
            self.term_warning.setVisible(True)
        seats = current.seats if current else ()
        _fill(
            self.posts,
            [[org_label(POST_LABELS, s.post), s.name, s.start_date or ""] for s in seats],
        )
        _fill(
            self.past,
            [
                [
                    org_label(BODIES, t.body),
                    f"{t.start_date} – {t.end_date}",
                    t.closed_date or "",
                    t.secretary,
                ]
                for t in found.past
            ],
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        unit = self.selected()
        editable = unit is not None and unit.editable
        open_unit = editable and unit is not None and not unit.closed
        self.add_button.setEnabled(open_unit and bool(unit and org.level_choices(unit.level)))
        self.edit_button.setEnabled(editable)
        self.close_button.setEnabled(
            open_unit and unit is not None and (not unit.own or unit.temporary)
        )
        electing = open_unit and unit is not None and unit.level in org.ELECTING_LEVELS
        self.election_button.setEnabled(electing and self.unit_terms is not None)
        self.end_button.setEnabled(
            electing and self.unit_terms is not None and self.unit_terms.current is not None
        )

    def clear(self) -> None:
        self._selected_id = None
        self.model.set_units([])
        self.banner.clear()
        self._show_unit(None)

    # --- actions (the domain checks that the user may do each of them) -------------------

    def _run(self, dialog: FormDialog, submit: Callable[[], None]) -> None:
        dialog.submitted.connect(submit)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def add_unit(self) -> None:
        parent = self.selected()
        if parent is None:
            return
        dialog = UnitDialog(parent.name, org.level_choices(parent.level), parent=self)

        def submit() -> None:
            values = dialog.values()
            dialog.write(self.ctx.ops, lambda ws: org.add_unit(ws, parent.id, values), self._select)

        self._run(dialog, submit)

    def _select(self, unit_id: str) -> None:
        self._selected_id = unit_id

    def edit_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        current = {
            "name": unit.name,
            "code": unit.code,
            "place": unit.place,
            "established": unit.established,
            "temporary": unit.temporary,
            "level": unit.level,
        }
        dialog = UnitDialog(unit.name, unit=current, parent=self)

        def submit() -> None:
            values = dialog.values()
            dialog.write(self.ctx.ops, lambda ws: org.update_unit(ws, unit.id, values))

        self._run(dialog, submit)

    def close_dialog(self, unit: UnitInfo) -> DateDialog:
        return DateDialog(
            self.tr("Close unit"),
            self.tr(
                "Close {name}, for example a temporary branch when its project ends. Its "
                "members must have been transferred and the units below it closed first; "
                "its records and terms are kept."
            ).format(name=unit.name),
            self.tr("Closed on"),
            self,
        )

    def close_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        dialog = self.close_dialog(unit)

        def submit() -> None:
            day = dialog.value()
            dialog.write(self.ctx.ops, lambda ws: org.close_unit(ws, unit.id, day))

        self._run(dialog, submit)

    def election_dialog(self, unit: UnitInfo, found: UnitTerms) -> ElectionDialog:
        return ElectionDialog(
            self.ctx.ops,
            unit.name,
            found.full_members,
            terms.expected_body(found.full_members),
            terms.term_rule(unit.level),
            found.current,
            self,
        )

    def new_election(self) -> None:
        unit = self.selected()
        found = self.unit_terms
        if unit is None or found is None:
            return
        dialog = self.election_dialog(unit, found)

        def submit() -> None:
            election = dialog.election()
            dialog.write(self.ctx.ops, lambda ws: terms.start_election(ws, unit.id, election))

        self._run(dialog, submit)

    def end_term(self) -> None:
        unit = self.selected()
        found = self.unit_terms
        if unit is None or found is None or found.current is None:
            return
        term_id = found.current.id
        dialog = DateDialog(
            self.tr("End term"),
            self.tr(
                "End the current term of {name} without recording the next election here "
                "(an election ends it by itself)."
            ).format(name=unit.name),
            self.tr("Ended on"),
            self,
        )

        def submit() -> None:
            day = dialog.value()
            dialog.write(self.ctx.ops, lambda ws: terms.end_term(ws, term_id, day))

        self._run(dialog, submit)


PAGE = PageSpec(
    key="org",
    title=QT_TRANSLATE_NOOP("Pages", "Organisation"),
    icon="org",
    factory=OrgPage,
    visible_for=frozenset({Role.SECRETARY, Role.OFFICER}),
    order=30,
)
