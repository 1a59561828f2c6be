"""The lazy roster model: consistent for Qt's model tester, and loads only what is shown."""

from __future__ import annotations

from pathlib import Path

from desktop.ui.navigation import AppContext
from desktop.ui.pages import members_model
from desktop.ui.pages.members_model import MEMBER_ID_ROLE, MembersModel
from desktop.ui.pages.members_page import MembersPage


def _search(qtbot, model: MembersModel, text: str = "") -> None:
    with qtbot.waitSignal(model.searched, timeout=5_000):
        model.search(text)


def test_model_passes_qt_model_tester(
    qtbot, qtmodeltester, ops, roster_folder: Path, open_workspace
):
    open_workspace(ops, roster_folder)
    model = MembersModel(ops)
    _search(qtbot, model)
    assert model.rowCount() == 300
    qtmodeltester.check(model)  # rows not fetched yet: placeholders
    for row in range(model.rowCount()):
        model.row(row)  # what a view scrolling through would ask
    qtbot.waitUntil(lambda: model.cached_rows == 300, timeout=5_000)
    qtmodeltester.check(model)  # every row fetched
    assert model.index(0, 0).data(MEMBER_ID_ROLE)
    _search(qtbot, model, "王")
    qtmodeltester.check(model)
    _search(qtbot, model, "no such person at all")
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_rows_are_fetched_a_page_at_a_time(qtbot, ops, roster_folder: Path, open_workspace):
    open_workspace(ops, roster_folder)
    model = MembersModel(ops)
    _search(qtbot, model)
    assert model.cached_rows == 0, "the search loads row numbers only"
    assert model.index(0, 0).data() == members_model.LOADING
    qtbot.waitUntil(lambda: model.cached_rows > 0, timeout=5_000)
    assert model.cached_rows == members_model.PAGE_SIZE
    assert model.index(0, 0).data() != members_model.LOADING


def test_page_shows_and_scrolls_without_loading_everything(
    qtbot, ops, roster_folder: Path, open_workspace, workspace_template, monkeypatch
):
    monkeypatch.setattr(members_model, "PAGE_SIZE", 20)
    open_workspace(ops, roster_folder)
    user = []
    ops.query(lambda ws: ws.user, user.append)
    qtbot.waitUntil(lambda: bool(user))
    page = MembersPage(AppContext(ops, user[0], roster_folder))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == 300 and model.cached_rows > 0, timeout=5_000)
    shown = model.cached_rows
    assert shown <= 60, f"only the visible pages are fetched, not {shown} rows"
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.row(299) is not None, timeout=5_000)
    assert model.cached_rows < 300
    assert "300" in page.count_label.text()


def test_refresh_keeps_rows_in_place(qtbot, ops, roster_folder: Path, open_workspace):
    open_workspace(ops, roster_folder)
    model = MembersModel(ops)
    _search(qtbot, model)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    _search(qtbot, model)  # same rows: content refetched, no reset
    assert resets == []
