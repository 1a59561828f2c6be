"""The Organisation page as the secretary uses it: the tree, the branch's current term with
its posts and the warning that the term ends soon, a group added, an election recorded
through the dialog (a refused one stays open to be corrected), and no page for members."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.access import Role
from desktop.domain.committee_terms import add_years
from desktop.store.workspace import User
from desktop.ui.pages import default_registry
from desktop.ui.pages.org_dialogs import ElectionDialog, UnitDialog
from desktop.ui.pages.org_page import DUE_COLOUR, OrgPage, OrgTreeModel
from desktop.ui.qt import QDate, QModelIndex, Qt


def _open_page(qtbot: Any, controller: Any, sign_in: Any, folder: Path, template: Any) -> OrgPage:
    app = controller(folder)
    window = sign_in(app, template.admin, template.password)
    page = window.show_page("org")
    assert isinstance(page, OrgPage)
    qtbot.waitUntil(lambda: page.unit_terms is not None, timeout=10_000)
    return page


def _names(model: OrgTreeModel, parent: Any = None) -> list[str]:
    parent = parent or QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_the_page_shows_the_tree_the_term_and_its_warning(
    qtbot: Any,
    qtmodeltester: Any,
    roster_folder: Path,
    controller: Any,
    sign_in: Any,
    workspace_template: Any,
    language: Any,
) -> None:
    language("en")
    page = _open_page(qtbot, controller, sign_in, roster_folder, workspace_template)
    model = page.model
    qtmodeltester.check(model)
    assert _names(model) == [workspace_template.org_name]
    committee = model.index(0, 0)
    assert _names(model, committee) == [workspace_template.branch_name]
    branch = model.index(0, 0, committee)
    groups = _names(model, branch)
    assert groups[0].startswith("第一党小组") and len(groups) == 6
    assert page.selected() is not None and page.selected().own  # type: ignore[union-attr]

    # The demo term ends 60 days from today: the warning shows, coloured, in three places.
    term_end = model.index(branch.row(), OrgTreeModel.TERM_END, committee)
    assert term_end.data(Qt.ItemDataRole.ForegroundRole).color().name() == DUE_COLOUR
    assert "in 60 days" in page.term_warning.text() and page.term_warning.isVisibleTo(page)
    assert "in 60 days" in page.banner.text() and page.banner.isVisibleTo(page)
    assert page.term_summary.text().startswith("Committee, elected")
    posts = [page.posts.item(r, 0).text() for r in range(page.posts.rowCount())]
    assert posts == [
        "Secretary",
        "Deputy secretary",
        "Organiser",
        "Publicity officer",
        "Discipline officer",
    ]
    assert page.past.rowCount() == 1 and page.past.item(0, 3).text() == "刘建军"
    assert page.election_button.isEnabled() and page.end_button.isEnabled()
    assert not page.close_button.isEnabled(), "members and groups are still in the branch"

    # A group shows its members, and has no election of its own.
    page.tree.setCurrentIndex(model.index(0, 0, branch))
    assert "with their formal relation here" in page.counts.text()
    assert not page.term_box.isVisibleTo(page)
    assert not page.election_button.isEnabled() and not page.add_button.isEnabled()


def test_a_group_is_added_and_an_election_recorded_through_the_dialogs(
    qtbot: Any,
    roster_folder: Path,
    controller: Any,
    sign_in: Any,
    workspace_template: Any,
    language: Any,
    message_boxes: Any,
) -> None:
    language("en")
    page = _open_page(qtbot, controller, sign_in, roster_folder, workspace_template)
    branch = page.selected()
    assert branch is not None

    page.add_button.click()
    add = page.findChild(UnitDialog)
    add.name.setText("第九党小组（机电安装）")
    add.ok_button.click()
    qtbot.waitUntil(lambda: any(u.name == "第九党小组（机电安装）" for u in page.model.units))
    added = next(u for u in page.model.units if u.name.startswith("第九"))
    assert (added.level, added.parent_id) == ("group", branch.id)

    page.tree.setCurrentIndex(page.model.index_of(branch.id))
    qtbot.waitUntil(lambda: page.unit_terms is not None and page.election_button.isEnabled())
    previous = page.unit_terms.current  # type: ignore[union-attr]
    assert previous is not None
    page.election_button.click()
    dialog = page.findChild(ElectionDialog)
    assert len(dialog.posts) == 5, "the committee being replaced is the starting point"
    assert dialog.body.currentData() == "committee"
    assert dialog.years.value() == 3 and (dialog.years.minimum(), dialog.years.maximum()) == (3, 5)
    today = date.today()
    assert dialog.end_label.text() == f"ends on {add_years(today, 3)}"

    # Without a secretary the election is refused and the dialog stays open.
    dialog.table.selectRow(0)
    dialog.remove_button.click()
    assert (len(dialog.posts), dialog.posts[0].post) == (4, "deputy_secretary")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    assert "exactly one secretary" in message_boxes.shown[-1].text
    assert dialog.isVisible()

    # The new secretary is found on the roster; a post is given to someone by name.
    dialog.post.setCurrentIndex(dialog.post.findData("secretary"))
    dialog.search.setText(previous.seats[0].name)
    qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=10_000)
    dialog.results.setCurrentRow(0)
    dialog.add_post()
    assert dialog.posts[-1].member_id is not None and dialog.posts[-1].post == "secretary"
    dialog.post.setCurrentIndex(dialog.post.findData("youth"))
    dialog.search.setText("外单位 李青年")
    dialog.add_post()
    assert (dialog.posts[-1].name, dialog.posts[-1].member_id) == ("外单位 李青年", None)
    dialog.years.setValue(5)
    dialog.elected.setDate(QDate.currentDate().addDays(-2))
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.ok_button.click()

    qtbot.waitUntil(lambda: page.past.rowCount() == 2, timeout=10_000)
    current = page.unit_terms.current  # type: ignore[union-attr]
    assert current is not None and current.id != previous.id
    elected = date.fromordinal(today.toordinal() - 2)
    assert (current.elected_date, current.end_date) == (
        elected.isoformat(),
        add_years(elected, 5).isoformat(),
    )
    assert {s.name for s in current.seats} >= {"外单位 李青年", previous.seats[0].name}
    assert not page.term_warning.isVisibleTo(page), "a new term ends years from now"
    assert "in 60 days" not in page.banner.text()


def test_members_have_no_organisation_page() -> None:
    registry = default_registry()
    keys = {
        role: [s.key for s in registry.pages_for(User("u", "u", role.value, None))] for role in Role
    }
    assert "org" in keys[Role.SECRETARY] and "org" in keys[Role.OFFICER]
    assert "org" not in keys[Role.MEMBER]
