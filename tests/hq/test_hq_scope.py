"""Scope: computed from the device's identity, enforced on every endpoint."""

from __future__ import annotations

import itertools

import pytest
from hqkit import Device, Hq, Refused
from sqlalchemy import select

from desktop.store.schema import Column, Registry, Scope, Table
from desktop.sync.protocol import Change
from hq.merge import HQ_DEVICE, Batch
from hq.scope import DeviceScope, Level, RowScope
from hq.tables import row_state

STAMP = "0001900000000000:00000:x"


@pytest.fixture
def tree(hq: Hq) -> dict[str, str]:
    """root → committee → (branch A, branch A2); root → branch B."""
    committee = hq.org("第一党委", hq.root, "committee")
    return {
        "root": hq.root,
        "committee": committee,
        "A": hq.org("A 支部", committee),
        "A2": hq.org("A2 支部", committee),
        "B": hq.org("B 支部", hq.root),
    }


def _rows(device: Device, tbl: str = "members") -> set[str]:
    return {row_id for row_id, row in device.rows.items() if row.tbl == tbl}


def test_a_branch_cannot_read_another_branch(hq: Hq, tree: dict[str, str]) -> None:
    a, b = hq.enrol(tree["A"]), hq.enrol(tree["B"])
    secret = b.insert("members", {"name": "乙", "phone": "13900000000"})
    b.push()
    a.pull()
    assert secret not in a.rows
    # The tree up to the root, and the units beside that path (to address letters to).
    assert _rows(a, "org_units") == {
        tree["root"],
        tree["committee"],
        tree["A"],
        tree["A2"],
        tree["B"],
    }
    assert _rows(b, "org_units") == set()
    b.pull()
    assert _rows(b, "org_units") == {tree["root"], tree["B"], tree["committee"]}
    # Asking from the start again changes nothing: scope is HQ's, not the cursor's.
    page = a.pull_page(cursor=0)
    assert secret not in {r.row_id for r in page.rows}


def test_a_unit_added_is_in_scope_from_the_next_request(hq: Hq, tree: dict[str, str]) -> None:
    """HQ keeps devices' scopes between requests: a unit added to the tree must still
    count at once, for reading and writing."""
    committee, elsewhere = hq.enrol(tree["committee"]), hq.enrol(tree["B"])
    committee.pull()
    elsewhere.pull()  # both scopes are known to HQ now
    group = hq.org("新党小组", tree["A"], "group")
    sister = hq.org("C 支部", hq.root)
    officer = hq.enrol(group)
    minutes = officer.insert("members", {"name": "新成员"})
    officer.push()
    committee.pull()
    assert minutes in committee.rows
    assert group in _rows(committee, "org_units")
    committee.update("members", minutes, {"phone": "13900000000"})
    committee.push()  # a unit below its own: it may write there
    elsewhere.pull()
    assert minutes not in elsewhere.rows
    assert sister in _rows(elsewhere, "org_units")  # beside its path: named, not read


def test_a_branch_cannot_write_another_branch(hq: Hq, tree: dict[str, str]) -> None:
    a, b = hq.enrol(tree["A"]), hq.enrol(tree["B"])
    theirs = b.insert("members", {"name": "乙"})
    b.push()
    before = hq.counts()
    attempts = [
        [Change(1, theirs, "members", "phone", "1", STAMP, None, None)],
        [
            Change(1, "new-row", "members", "owner_org", tree["B"], STAMP, None, None),
            Change(2, "new-row", "members", "name", "丙", STAMP, None, None),
        ],
        [Change(1, theirs, "members", "_deleted", 1, STAMP, None, None)],
        [Change(1, tree["B"], "org_units", "name", "改名", STAMP, None, None)],
        [Change(1, tree["A"], "org_units", "name", "改名", STAMP, None, None)],
    ]
    for changes in attempts:
        with pytest.raises(Refused) as refused:
            a.push(changes)
        assert refused.value.status == 403, changes
        assert refused.value.body.rejected
    assert hq.counts() == before


def test_an_officer_may_give_a_record_only_to_units_below(hq: Hq, tree: dict[str, str]) -> None:
    a = hq.enrol(tree["A"])
    row = a.insert("members", {"name": "甲"})
    a.push()
    a.update("members", row, {"owner_org": tree["A2"]})
    with pytest.raises(Refused) as refused:
        a.push()
    assert refused.value.status == 403
    assert "your unit" in refused.value.body.reason


def test_a_broadcast_from_above_reaches_the_officers_below(hq: Hq, tree: dict[str, str]) -> None:
    committee = hq.enrol(tree["committee"])
    a, a2, b = hq.enrol(tree["A"]), hq.enrol(tree["A2"]), hq.enrol(tree["B"])
    to_all_below = committee.insert("members", {"name": "通知"}, audience=[tree["committee"]])
    to_a = committee.insert("members", {"name": "给A"}, audience=[tree["A"]])
    own = committee.insert("members", {"name": "内部"})
    from_root = hq.enrol(tree["root"])
    everyone = from_root.insert("members", {"name": "全体"}, audience=[tree["root"]])
    committee.push()
    from_root.push()
    for device in (a, a2, b, committee):
        device.pull()
    assert _rows(a) == {to_all_below, to_a, everyone}
    assert _rows(a2) == {to_all_below, everyone}
    assert _rows(b) == {everyone}
    assert _rows(committee) == {to_all_below, to_a, own, everyone}
    # Reading a broadcast does not make it writable.
    a.update("members", to_all_below, {"phone": "1"})
    with pytest.raises(Refused) as refused:
        a.push()
    assert refused.value.status == 403


def test_a_unit_above_sees_what_is_addressed_to_units_below(hq: Hq, tree: dict[str, str]) -> None:
    b = hq.enrol(tree["B"])
    committee = hq.enrol(tree["committee"])
    addressed = b.insert("members", {"name": "抄送"}, audience=[tree["A"]])
    b.push()
    committee.pull()
    assert addressed in committee.rows


def test_a_transferred_member_arrives_whole_and_leaves_the_old_branch(
    hq: Hq, tree: dict[str, str]
) -> None:
    a, a2 = hq.enrol(tree["A"]), hq.enrol(tree["A2"])
    committee = hq.enrol(tree["committee"])
    member = a.insert("members", {"name": "调动", "phone": "13700000000", "post": "电工"})
    a.push()
    a.update("members", member, {"education": "本科"})
    a.push()
    for device in (a, a2, committee):
        device.pull()
    assert member in a.rows
    assert member not in a2.rows
    # The committee, above both branches, moves the member once it holds both letters.
    committee.update("members", member, {"owner_org": tree["A2"]})
    committee.push()
    [page] = a2.pull()
    [arrived] = [r for r in page.rows if r.row_id == member]
    assert arrived.whole
    assert {f.col for f in arrived.fields} == {
        "owner_org",
        "audience",
        "name",
        "phone",
        "post",
        "education",
    }
    assert a2.state()[member]["owner_org"] == tree["A2"]
    [gone] = a.pull()
    assert [(r.tbl, r.row_id) for r in gone.removals] == [("members", member)]
    assert member not in a.rows
    # The old branch can no longer change it; the new one can.
    a.rows[member] = committee.rows[member]
    a.update("members", member, {"post": "司机"})
    with pytest.raises(Refused) as refused:
        a.push()
    assert refused.value.status == 403
    a2.update("members", member, {"post": "司机"})
    a2.push()


def test_a_member_device_holds_its_own_record_and_the_tree(hq: Hq, tree: dict[str, str]) -> None:
    officer = hq.enrol(tree["A"])
    me = officer.insert("members", {"name": "党员甲"})
    other = officer.insert("members", {"name": "党员乙"})
    officer.push()
    mine = hq.enrol(tree["A"], "member", me)
    mine.pull()
    assert _rows(mine) == {me}
    assert other not in mine.rows
    assert _rows(mine, "org_units") == {
        tree["root"],
        tree["committee"],
        tree["A"],
        tree["A2"],
        tree["B"],
    }
    # The roster is the officers' to keep, even one's own entry.
    mine.update("members", me, {"phone": "1"})
    with pytest.raises(Refused) as refused:
        mine.push()
    assert refused.value.status == 403
    assert refused.value.body.rejected[0].device_seq == 1


def test_a_branch_cannot_resolve_another_branchs_conflicts(hq: Hq, tree: dict[str, str]) -> None:
    b1, b2, a = hq.enrol(tree["B"]), hq.enrol(tree["B"]), hq.enrol(tree["A"])
    row = b1.insert("members", {"name": "乙"})
    b1.push()
    b2.pull()
    b1.update("members", row, {"phone": "1"})
    b2.update("members", row, {"phone": "2"})
    b1.push()
    b2.push()
    b1.pull()
    a.pull()
    assert a.conflicts == {}
    [conflict_id] = b1.conflicts
    with pytest.raises(Refused) as refused:
        a.push(resolved=[conflict_id])
    assert refused.value.status == 403


# --- the two forms of the rules agree ----------------------------------------------------


def test_sql_and_python_scope_rules_agree(hq: Hq, tree: dict[str, str]) -> None:
    """Every combination of owner, audience and member, seen by every kind of device."""
    units = [*tree.values(), "elsewhere"]
    audiences: list[tuple[str, ...]] = [
        (),
        (tree["committee"],),
        (tree["A"],),
        (tree["B"],),
        ("m1",),
    ]
    rows: dict[str, tuple[str, RowScope]] = {}
    batch: list[Change] = []
    counter = itertools.count(1)
    for n, (tbl, owner, audience, member) in enumerate(
        itertools.product(["members", "org_units"], units[:-1], audiences, ["m1", "m2"])
    ):
        row_id = member if tbl == "members" and n % 7 == 0 else f"row-{n}"
        if tbl == "org_units":
            row_id = units[n % len(units)] if n % 3 == 0 else f"unit-{n}"
        if any(r == row_id for r in rows):
            continue
        rows[row_id] = (tbl, RowScope(owner, row_id if tbl == "members" else None, audience))
        batch += [
            Change(next(counter), row_id, tbl, "owner_org", owner, STAMP, None, None),
            Change(next(counter), row_id, tbl, "audience", _json(audience), STAMP, None, None),
        ]
    with hq.db.write() as conn:
        Batch(conn, HQ_DEVICE, None, now_ms=0).apply(batch)
    registry = Registry()
    for table in hq_tables():
        registry.register(table)
    devices = [(org, Level.OFFICER, None) for org in tree.values()]
    devices += [(tree["A"], Level.MEMBER, "m1"), (tree["B"], Level.MEMBER, "m2")]
    with hq.db.read() as conn:
        for org, level, member in devices:
            scope = DeviceScope.load(conn, "d", org, level, member)
            by_sql = set(
                conn.execute(
                    select(row_state.c.row_id).where(
                        row_state.c.row_id.in_(list(rows)), scope.read_filter()
                    )
                ).scalars()
            )
            by_python = {
                row_id
                for row_id, (tbl, state) in rows.items()
                if scope.can_read(scope.registry[tbl], row_id, state)
            }
            assert by_sql == by_python, (org, level)
            assert by_python, (org, level)
            # The rows a page is drawn from (through indexes) hold every readable row.
            candidates = scope.candidate_rows().subquery()
            by_index = set(
                conn.execute(
                    select(candidates.c.row_id).where(candidates.c.row_id.in_(list(rows)))
                ).scalars()
            )
            assert by_python <= by_index, (org, level, by_python - by_index)
            if level is Level.OFFICER:  # its pages rely on them being exact
                assert by_index == by_python, (org, level, by_index - by_python)


def _json(audience: tuple[str, ...]) -> str:
    from desktop.store.schema import canonical_json

    return canonical_json(list(audience))


def hq_tables() -> list[Table]:
    from desktop.store.schema import REGISTRY

    return list(REGISTRY)


# --- write rules for members' own entries (a table the registry will gain) -----------------


def test_a_member_writes_only_entries_about_themself() -> None:
    letters = Table(
        "mailbox",
        (Column("member_id"), Column("text")),
        Scope.PERSONAL,
        member_column="member_id",
    )
    scope = DeviceScope(
        "d", "A", Level.MEMBER, "m1", frozenset({"A"}), frozenset({"root"}), frozenset({"B"})
    )
    mine = RowScope("A", "m1", ())
    assert scope.write_refusal(letters, None, mine) is None
    assert scope.write_refusal(letters, mine, mine) is None
    assert scope.write_refusal(letters, None, RowScope("A", "m2", ())) is not None
    assert scope.write_refusal(letters, None, RowScope("B", "m1", ())) is not None
    assert scope.write_refusal(letters, None, RowScope("A", "m1", ("B",))) is not None
    assert scope.write_refusal(letters, RowScope("A", "m2", ()), mine) is not None
    assert scope.can_read(letters, "x", mine)
    assert not scope.can_read(letters, "x", RowScope("A", "m2", ()))
