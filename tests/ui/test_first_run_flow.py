"""First run: the wizard creates the data folder, shows the recovery code once, opens the
main window; members added there are found by search."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.members import add_member
from desktop.store.vault import Vault, parse_recovery_code
from desktop.ui.pages.members_page import MembersPage
from desktop.ui.qt import QWizard

PASSWORD = "长城 long wall 2024"


def test_first_run_to_main_window_and_search(qtbot, tmp_path: Path, controller) -> None:
    folder = tmp_path / "new"
    app = controller(folder)
    app.start()
    wizard = app.wizard
    assert wizard is not None and app.unlock_screen is None

    wizard.branch_page.org_name.setText("海外事业部党委")
    wizard.branch_page.branch_name.setText("港口项目临时党支部")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.account_page
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()
    wizard.account_page.admin_name.setText("王书记")
    wizard.account_page.passwords.password.setText(PASSWORD)
    wizard.account_page.passwords.repeat.setText(PASSWORD + "x")
    assert not commit.isEnabled(), "passwords that differ are refused"
    wizard.account_page.passwords.repeat.setText(PASSWORD)
    assert commit.isEnabled()

    wizard.next()  # creates the data folder on the database thread
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=15_000)
    assert Vault.exists(folder)
    code_lines = wizard.recovery_page.code.text().split()
    assert len("".join(code_lines)) == 52  # 32 bytes in base32
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled(), "finishing needs the code written down"
    wizard.reject()
    assert app.wizard is wizard, "the wizard cannot be left once the data exists"
    wizard.recovery_page.confirm.setChecked(True)
    assert finish.isEnabled()

    with qtbot.waitSignal(app.main_window_shown, timeout=10_000) as shown:
        wizard.accept()
    window = shown.args[0]
    assert window.status.user.text().startswith("王书记")
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == [
        "概览",
        "党员",
        "组织架构",
        "发展党员",
        "组织关系转接",
        "导入导出",
        "同步",
        "冲突",
        "用户",
    ]

    # The recovery code shown really opens the data.
    code = "-".join(code_lines)
    people = [
        {"name": "张三", "id_number": "110105199001010010"},
        {"name": "李四", "phone": "13800138000"},
        {"name": "张三丰", "category": "probationary"},
        {"name": "王五"},
    ]
    added: list[str] = []
    for person in people:
        app.ops.write(lambda ws, p=person: add_member(ws, p), added.append)
    qtbot.waitUntil(lambda: len(added) == len(people), timeout=10_000)

    page = window.show_page("members")
    assert isinstance(page, MembersPage)
    model = page.model

    def search(text: str) -> list[str]:
        with qtbot.waitSignal(model.searched, timeout=5_000):
            page.search(text)
        qtbot.waitUntil(lambda: model.rowCount() == 0 or model.row(0) is not None)
        return [model.index(r, 0).data() for r in range(model.rowCount())]

    assert sorted(search("")) == sorted(p["name"] for p in people)
    assert search("zs") == ["张三"] or sorted(search("zs")) == ["张三", "张三丰"]
    assert search("李") == ["李四"]
    assert search("110105199001010010") == ["张三"]
    assert search("lisi") == ["李四"]
    assert search("不存在的人") == []
    assert "找到 0 名党员" in page.count_label.text()

    assert len(Vault.load(folder).recover_key(parse_recovery_code(code))) == 32
