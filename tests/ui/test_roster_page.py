"""The Import & export page: the wizard previews the sample roster with every row's
problems, imports on the database thread, and the import is undone from the page (and
the undo refused, naming the member, once one of them was edited)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from desktop.domain import idnumber
from desktop.domain.members import add_member
from desktop.store.workspace import Workspace
from desktop.ui.pages.roster_models import ImportsModel, PreviewModel
from desktop.ui.pages.roster_page import RosterPage
from desktop.ui.resources import resources_dir

SAMPLE = resources_dir() / "rosters" / "sample-roster-messy.xlsx"
GROUPS = ("第一党小组（工程部）", "第二党小组（技术部）")
#: A member of the sample roster (row 9) already in the vault before the import.
ZHAO_ID = idnumber.make("420106", date(1990, 1, 1), 4)


def _prepare(folder: Path, template: Any) -> None:
    ws = Workspace.unlock(folder, template.admin, template.password)
    try:
        with ws.records.transaction():
            for name in GROUPS:
                ws.records.insert(
                    "org_units",
                    {"name": name, "level": "group", "parent_id": ws.org_id},
                    owner_org=ws.org_id,
                )
        add_member(ws, {"name": "赵敏", "id_number": ZHAO_ID})
    finally:
        ws.close()


def _column(model: Any, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _open_page(qtbot: Any, data_folder: Path, controller: Any, sign_in: Any, template: Any) -> Any:
    _prepare(data_folder, template)
    app = controller(data_folder)
    window = sign_in(app, template.admin, template.password)
    page = window.show_page("roster")
    assert isinstance(page, RosterPage)
    qtbot.waitUntil(page.empty_label.isVisible, timeout=5_000)
    return page


def test_preview_then_import_then_undo(
    qtbot: Any,
    qtmodeltester: Any,
    data_folder: Path,
    controller: Any,
    sign_in: Any,
    workspace_template: Any,
    message_boxes: Any,
) -> None:
    page = _open_page(qtbot, data_folder, controller, sign_in, workspace_template)
    dialog = page.import_roster(SAMPLE)
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        pass
    model: PreviewModel = dialog.model
    qtmodeltester.check(model)
    rows = _column(model, 0)
    assert rows[0] == "5" and "8" in rows and "12" in rows
    problems = dict(zip(rows, _column(model, 3), strict=True))
    # The officer reads the cell, what Excel stored, and (in the UI language) what to do.
    assert "E8" in problems["8"] and "1.10105E+17" in problems["8"]
    assert "文本格式" in problems["8"]
    assert "去年" in problems["12"] and "第九党小组" in problems["12"]
    assert "赵敏" in problems["9"], "the member already in the vault is named"
    assert "爱好" in dialog.file_warnings.text()
    assert dialog.file_warnings.isVisibleTo(dialog)

    dialog.only_problems.setChecked(True)
    qtmodeltester.check(model)
    shown = _column(model, 0)
    assert "5" not in shown and {"8", "9", "10", "11", "12"} <= set(shown)
    dialog.table.selectRow(shown.index("8"))
    assert "并重新输入号码。" in dialog.row_detail.text(), "the whole text, not cut"

    # 王芳, 李强, 阿里·买买提: ok rows; duplicates and errors stay out.
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    assert dialog.import_result is not None and dialog.import_result.imported == 4
    dialog.accept()

    imports: ImportsModel = page.model
    qtbot.waitUntil(lambda: imports.rowCount() == 1, timeout=5_000)
    qtmodeltester.check(imports)
    assert imports.index(0, 0).data() == SAMPLE.name
    assert imports.index(0, 2).data() == "4"

    page.table.selectRow(0)
    assert page.undo_button.isEnabled()
    message_boxes.answer_next(True)
    page.undo_button.click()
    qtbot.waitUntil(lambda: bool(imports.record(0) and imports.record(0).undone_at), timeout=10_000)
    assert not page.undo_button.isEnabled()


def test_undo_is_refused_after_an_edit(
    qtbot: Any,
    data_folder: Path,
    controller: Any,
    sign_in: Any,
    workspace_template: Any,
    message_boxes: Any,
) -> None:
    page = _open_page(qtbot, data_folder, controller, sign_in, workspace_template)
    dialog = page.import_roster(SAMPLE)
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        pass
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    dialog.accept()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)

    def edit(ws: Workspace) -> None:
        li = ws.records.query("members", "name = '李强'")[0]
        with ws.records.transaction():
            ws.records.update("members", li["id"], {"post": "项目经理"})

    done: list[object] = []
    page.ctx.ops.write(edit, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)

    page.table.selectRow(0)
    message_boxes.answer_next(True)  # the confirmation
    message_boxes.answer_next(True)  # the refusal
    page.undo_button.click()
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 2, timeout=10_000)
    assert "李强" in message_boxes.shown[-1].text
    assert page.model.record(0).undone_at is None


def test_export_writes_the_roster(
    qtbot: Any,
    data_folder: Path,
    controller: Any,
    sign_in: Any,
    workspace_template: Any,
    tmp_path: Path,
) -> None:
    page = _open_page(qtbot, data_folder, controller, sign_in, workspace_template)
    target = tmp_path / "export"
    with qtbot.waitSignal(page.exported, timeout=10_000) as signal:
        page.export_roster(target)
    path, count = signal.args
    assert path == tmp_path / "export.xlsx" and count == 1
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet["A1"].value == "姓名" and sheet["A2"].value == "赵敏"


def test_the_sample_roster_shows_every_status() -> None:
    """The committed sample is what tools/make_sample_roster.py writes, and it still
    holds every status (its rows are what the tests above rely on)."""
    import tools.make_sample_roster as sample

    assert SAMPLE.read_bytes() == sample.build(), "run tools/make_sample_roster.py"
