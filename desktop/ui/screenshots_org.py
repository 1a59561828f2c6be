"""Screenshots of the Organisation page and its dialogs (called from `shoot_main`)."""

from __future__ import annotations

from typing import Protocol

from desktop.ui.main_window import MainWindow
from desktop.ui.operations import Operations
from desktop.ui.pages.org_dialogs import UnitDialog
from desktop.ui.pages.org_page import OrgPage
from desktop.ui.qt import QWidget


class Camera(Protocol):
    def window(self, name: str, widget: QWidget) -> None: ...

    def centred(self, name: str, widget: QWidget, behind: QWidget | None = None) -> None: ...


def shoot(camera: Camera, ops: Operations, window: MainWindow) -> None:
    """The tree with the demo branch selected (its term ends within the warning period),
    the election, add-unit and close dialogs, and a group."""
    from desktop.ui.screenshots import settle  # noqa: PLC0415 - it imports this module

    page = window.show_page("org")
    assert isinstance(page, OrgPage)
    settle(ops)
    camera.window("org", window)
    unit, found = page.selected(), page.unit_terms
    if unit is None or found is None:
        raise RuntimeError("the demo branch shows no committee terms")
    for name, dialog in (
        ("org-election", page.election_dialog(unit, found)),
        ("org-close-unit", page.close_dialog(unit)),
    ):
        camera.centred(name, dialog, behind=window)
        dialog.deleteLater()
    add = UnitDialog(unit.name, ("group",), parent=window)
    add.name.setText("第九党小组（机电安装）")
    add.code.setText("09")
    camera.centred("org-add-unit", add, behind=window)
    add.deleteLater()
    own = page.model.index_of(unit.id)
    group = page.model.index(0, 0, own)
    if group.isValid():
        page.tree.setCurrentIndex(group)
        settle(ops)
        camera.window("org-group", window)
