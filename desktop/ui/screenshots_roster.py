"""Screenshots of the Import & export page and the import wizard (called from
`shoot_main`): the sample messy roster previewed, its problem rows, the summary, and the
history. The import is undone at the end, so each language's run starts alike."""

from __future__ import annotations

from typing import Protocol

from desktop.domain.roster_import import undo_import
from desktop.store.workspace import Workspace
from desktop.ui.main_window import MainWindow
from desktop.ui.operations import Operations
from desktop.ui.pages.roster_page import RosterPage
from desktop.ui.qt import QWidget
from desktop.ui.resources import resources_dir

SAMPLE = "sample-roster-messy.xlsx"


class Camera(Protocol):
    def window(self, name: str, widget: QWidget) -> None: ...

    def centred(self, name: str, widget: QWidget, behind: QWidget | None = None) -> None: ...


def shoot(camera: Camera, ops: Operations, window: MainWindow) -> None:
    from desktop.ui.screenshots import settle  # noqa: PLC0415 - it imports this module

    page = window.show_page("roster")
    assert isinstance(page, RosterPage)
    settle(ops)
    camera.window("roster", window)
    dialog = page.import_roster(resources_dir() / "rosters" / SAMPLE)
    settle(ops)
    if dialog.plan is None:
        raise RuntimeError("the sample roster was not previewed")
    camera.centred("roster-import-preview", dialog, behind=window)
    dialog.only_problems.setChecked(True)
    dialog.table.selectRow(0)
    camera.centred("roster-import-problems", dialog, behind=window)
    dialog.show()
    dialog.start_import()
    settle(ops)
    camera.centred("roster-import-done", dialog, behind=window)
    dialog.accept()
    settle(ops)
    page.table.selectRow(0)
    camera.window("roster-history", window)
    done = dialog.import_result
    if done is not None:
        import_id = done.import_id

        def undo(ws: Workspace) -> int:
            return undo_import(ws, import_id)

        ops.write(undo)
        settle(ops)
