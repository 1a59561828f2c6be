"""Roster use cases: find, list and read members, add one (the full archive comes later)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from desktop.domain import idnumber
from desktop.domain.access import Action, Role, allowed, require
from desktop.store.errors import InvalidInput
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.records import Record
from desktop.store.workspace import Workspace

TABLE = "members"
#: The roster's order: by name (Chinese collation comes with the members feature).
ORDER = "name, _rowid"


def _own_only(ws: Workspace) -> tuple[str, tuple[Any, ...]]:
    """Members without roster rights see only their own record."""
    if allowed(ws.user, Action.READ_ROSTER):
        return "", ()
    return "id = ?", (ws.user.member_id or "",)


def member_rowids(ws: Workspace, search: str = "") -> list[int]:
    """Row numbers of the members to list, in roster order; `search` as the user typed it
    (name or part of it, pinyin or initials, ID number)."""
    where, params = _own_only(ws)
    if search.strip():
        return ws.records.search_rowids(TABLE, search, where=where, params=params, order_by=ORDER)
    sql = f"SELECT _rowid FROM {TABLE} WHERE _deleted = 0"
    if where:
        sql += f" AND {where}"
    return [r[0] for r in ws.db.query(f"{sql} ORDER BY {ORDER}", params)]


def member_rows(ws: Workspace, rowids: Sequence[int]) -> dict[int, Record]:
    rows = ws.records.rows_by_rowid(TABLE, rowids)
    if not allowed(ws.user, Action.READ_ROSTER):
        rows = {k: v for k, v in rows.items() if v["id"] == ws.user.member_id}
    return rows


def get_member(ws: Workspace, member_id: str) -> Record:
    if not allowed(ws.user, Action.READ_ROSTER) and member_id != ws.user.member_id:
        require(ws.user, Action.READ_ROSTER)
    return ws.records.require(TABLE, member_id)


def count_members(ws: Workspace) -> int:
    where, params = _own_only(ws)
    return ws.records.count(TABLE, where, params)


def add_member(ws: Workspace, values: Mapping[str, Any]) -> str:
    """Add a member to this device's branch. The ID number, if given, must be valid."""
    require(ws.user, Action.EDIT_ROSTER)
    values = dict(values)
    number = values.get("id_number")
    if number:
        number = idnumber.normalize(str(number))
        values["id_number"] = number
        if values.get("id_kind", "resident") == "resident":
            values["id_kind"] = "resident"
            if not idnumber.is_valid(number):
                raise InvalidInput(
                    _N("Errors", "The ID number {number} is not valid (check digit or date)."),
                    number=idnumber.masked(number),
                )
            values.setdefault("birth_date", idnumber.birth_date(number))
            values.setdefault("gender", idnumber.gender(number))
    values.setdefault("status", "normal")
    with ws.records.transaction():
        return ws.records.insert(TABLE, values, owner_org=ws.org_id)


__all__ = [
    "Role",
    "add_member",
    "count_members",
    "get_member",
    "member_rowids",
    "member_rows",
]
