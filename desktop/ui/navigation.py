"""Pages and the registry features add them to; the main window shows what is registered.

A feature adds a page by declaring a `PageSpec` and listing it in
`desktop.ui.pages.default_registry()`; the window itself is never edited for that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.access import Role
from desktop.store.records import WriteSummary
from desktop.store.workspace import User
from desktop.ui.clipboard import ClipboardGuard
from desktop.ui.operations import Operations
from desktop.ui.qt import QCoreApplication, QShowEvent, QWidget

PAGES_CONTEXT = "Pages"


@dataclass(frozen=True)
class AppContext:
    """What every page is given: the operations layer and who is signed in."""

    ops: Operations
    user: User
    data_dir: Path
    clipboard: ClipboardGuard = field(default_factory=ClipboardGuard)


class Page(QWidget):
    """A page of the main window. It shows data read through `ctx.ops`, refreshes when a
    write touched one of the tables it `watches`, and forgets everything on `clear()`."""

    #: Tables whose changes this page shows; empty means any change.
    watches: frozenset[str] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.ops.changes_happened.connect(self._on_changes)

    def refresh(self) -> None:
        """Read what the page shows again (called when shown while stale). Every page
        defines it; Qt's metaclass rules out abc.abstractmethod here."""
        raise TypeError(f"{type(self).__name__} must define refresh()")

    def clear(self) -> None:
        """Drop every piece of data the page holds (the app is locking)."""

    def _on_changes(self, summary: WriteSummary) -> None:
        if self.watches and not (summary.tables & self.watches):
            return
        self._stale = True
        if self.isVisible():
            self._stale = False
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()


PageFactory = Callable[[AppContext], Page]
EVERYONE = frozenset(Role)


@dataclass(frozen=True)
class PageSpec:
    key: str
    #: English title marked with QT_TRANSLATE_NOOP("Pages", …); translated when shown.
    title: str
    #: Icon name in resources/icons.
    icon: str
    factory: PageFactory
    visible_for: frozenset[Role] = EVERYONE
    #: Place in the sidebar, smallest first.
    order: int = 100

    def translated_title(self) -> str:
        return QCoreApplication.translate(PAGES_CONTEXT, self.title)

    def visible_to(self, user: User) -> bool:
        try:
            return Role(user.role) in self.visible_for
        except ValueError:
            return False


class PageRegistry:
    def __init__(self) -> None:
        self._specs: dict[str, PageSpec] = {}

    def register(self, spec: PageSpec) -> None:
        if spec.key in self._specs:
            raise ValueError(f"a page called {spec.key!r} is already registered")
        self._specs[spec.key] = spec

    def pages_for(self, user: User) -> list[PageSpec]:
        specs = [s for s in self._specs.values() if s.visible_to(user)]
        return sorted(specs, key=lambda s: (s.order, s.key))

    def __contains__(self, key: object) -> bool:
        return key in self._specs
