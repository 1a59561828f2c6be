"""Units an officer's device adds below its own (a branch's groups): HQ takes them into
its tree, other devices in scope receive them, and nothing above the device moves."""

from __future__ import annotations

import pytest
from hqkit import Device, Hq, Refused
from sqlalchemy import select

from hq.orgs import get_org
from hq.tables import org_closure


@pytest.fixture
def tree(hq: Hq) -> dict[str, str]:
    committee = hq.org("第一党委", hq.root, "committee")
    return {
        "committee": committee,
        "A": hq.org("一支部", committee),
        "B": hq.org("二支部", committee),
    }


def _group(device: Device, parent: str, name: str = "第一党小组", level: str = "group") -> str:
    return device.insert("org_units", {"name": name, "level": level, "parent_id": parent})


def _units(device: Device) -> set[str]:
    return {row_id for row_id, row in device.rows.items() if row.tbl == "org_units"}


def test_a_branch_adds_a_group_that_its_committee_sees_and_a_sister_branch_does_not(
    hq: Hq, tree: dict[str, str]
) -> None:
    a, b, committee = hq.enrol(tree["A"]), hq.enrol(tree["B"]), hq.enrol(tree["committee"])
    group = _group(a, tree["A"])
    a.push()
    with hq.db.read() as conn:
        unit = get_org(conn, group)
        assert unit is not None and (unit.parent_id, unit.level) == (tree["A"], "group")
        above = set(
            conn.execute(
                select(org_closure.c.ancestor).where(org_closure.c.descendant == group)
            ).scalars()
        )
    assert above == {group, tree["A"], tree["committee"], hq.root}
    a2 = hq.enrol(tree["A"])
    for device in (a2, committee, b):
        device.pull()
    assert group in _units(a2) and group in _units(committee)
    assert group not in _units(b)


def test_a_group_renamed_by_its_branch_is_renamed_at_hq(hq: Hq, tree: dict[str, str]) -> None:
    a = hq.enrol(tree["A"])
    group = _group(a, tree["A"])
    a.push()
    a.update("org_units", group, {"name": "机关党小组"})
    a.push()
    with hq.db.read() as conn:
        unit = get_org(conn, group)
    assert unit is not None and unit.name == "机关党小组"


@pytest.mark.parametrize(
    "where",
    ["under the sister branch", "at the branch's own level", "moved elsewhere"],
)
def test_units_outside_the_branch_or_out_of_order_are_refused(
    hq: Hq, tree: dict[str, str], where: str
) -> None:
    a = hq.enrol(tree["A"])
    if where == "moved elsewhere":
        group = _group(a, tree["A"])
        a.push()
        a.update("org_units", group, {"parent_id": tree["B"]})
    elif where == "under the sister branch":
        _group(a, tree["B"])
    else:
        _group(a, tree["A"], name="另一个支部", level="branch")
    before = hq.counts()
    with pytest.raises(Refused) as refused:
        a.push()
    assert refused.value.status == 403
    assert refused.value.body.rejected, "the device is told which changes to set aside"
    assert hq.counts() == before


def test_a_member_device_cannot_add_units(hq: Hq, tree: dict[str, str]) -> None:
    member = hq.enrol(tree["A"], "member", "m1")
    _group(member, tree["A"])
    with pytest.raises(Refused) as refused:
        member.push()
    assert refused.value.status == 403
