"""The overview: what is in the branch's records right now, as a few clear figures."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.access import Action, Role, allowed
from desktop.domain.org import TermWarning
from desktop.domain.overview import Overview, overview
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.ui.navigation import AppContext, Page, PageSpec
from desktop.ui.pages.org_page import warning_colour, warning_text
from desktop.ui.qt import QFrame, QGridLayout, QLabel, QLocale, Qt, QVBoxLayout, QWidget
from desktop.ui.resources import icon


class FigureCard(QFrame):
    """One figure: a big number and what it counts."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("–")
        self.number.setObjectName("figureNumber")
        self.caption = QLabel(caption)
        self.caption.setObjectName("figureCaption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addStretch(1)

    def set_value(self, value: int) -> None:
        self.number.setText(QLocale().toString(value))


class TermWarnings(QFrame):
    """Committee terms that end within the warning period or have ended: hold the
    election (换届) in time. Hidden when there is nothing to warn of."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self.tr("Committee terms"))
        self.title.setObjectName("figureCaption")
        self.lines = QLabel()
        self.lines.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setPixmap(icon("warning").pixmap(22, 22))
        layout = QGridLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addWidget(self.badge, 0, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.title, 0, 1)
        layout.addWidget(self.lines, 1, 1)
        layout.setColumnStretch(1, 1)
        self.setVisible(False)

    def show_warnings(self, warnings: Sequence[TermWarning]) -> None:
        self.lines.setText("\n".join(warning_text(w) for w in warnings))
        colour = warning_colour(warnings[0]) if warnings else None
        self.lines.setStyleSheet(f"color: {colour}; font-weight: 600;" if colour else "")
        self.setVisible(bool(warnings))


class OverviewPage(Page):
    COLUMNS = 3

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.branch = QLabel()
        self.branch.setObjectName("pageTitle")
        self.branch.setWordWrap(True)
        subtitle = QLabel(self.tr("The branch's records on this computer at a glance."))
        subtitle.setObjectName("pageSubtitle")
        roster = allowed(ctx.user, Action.READ_ROSTER)
        self.cards: dict[str, FigureCard] = {}
        captions = [
            ("members", self.tr("Members on the roster"), roster),
            ("full_members", self.tr("Full members"), roster),
            ("probationary", self.tr("Probationary members"), roster),
            ("lost_contact", self.tr("Members out of contact"), roster),
            ("groups", self.tr("Party groups"), True),
            ("users", self.tr("Users of this computer"), True),
            ("pending_changes", self.tr("Changes not yet sent to HQ"), True),
            ("audit_blocks", self.tr("Saved changes in the audit trail"), True),
        ]
        self.terms = TermWarnings()
        grid = QGridLayout()
        grid.setSpacing(16)
        shown = 0
        for key, caption, visible in captions:
            if not visible:
                continue
            card = FigureCard(caption)
            self.cards[key] = card
            grid.addWidget(card, shown // self.COLUMNS, shown % self.COLUMNS)
            shown += 1
        for column in range(self.COLUMNS):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(8)
        layout.addWidget(self.branch)
        layout.addWidget(subtitle)
        layout.addSpacing(16)
        layout.addLayout(grid)
        layout.addSpacing(16)
        layout.addWidget(self.terms)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def refresh(self) -> None:
        self.ctx.ops.query(overview, self._show, parent=self)

    def _show(self, figures: Overview) -> None:
        self.branch.setText(figures.branch_name)
        for key, card in self.cards.items():
            card.set_value(int(getattr(figures, key)))
        self.terms.show_warnings(figures.term_warnings)

    def clear(self) -> None:
        self.branch.clear()
        self.terms.show_warnings(())
        for card in self.cards.values():
            card.number.setText("–")


PAGE = PageSpec(
    key="overview",
    title=QT_TRANSLATE_NOOP("Pages", "Overview"),
    icon="overview",
    factory=OverviewPage,
    visible_for=frozenset(Role),
    order=10,
)
