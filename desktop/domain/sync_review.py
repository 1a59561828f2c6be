"""Sync as officers see it: the link's state, the sync log, changes HQ refused, which
records wait to be sent, and the review of conflicting edits.

A review decision is itself a synced change. Keeping the current value only marks the
conflict decided; restoring the overwritten value (or typing a new one) writes it as a
new edit, whose newer stamp makes it win everywhere. The sync engine sends every decided
conflict to HQ with its next push, which closes it on every device.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.access import Action, require
from desktop.store import sync_status
from desktop.store.errors import InvalidInput
from desktop.store.hlc import Stamp
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.replica import REFUSED, Replica
from desktop.store.schema import ROW_CREATED, ColumnType, Table
from desktop.store.workspace import Workspace

# Per-record states for lists (the members table shows them).
PENDING, STATE_REFUSED, CONFLICT = "pending", "refused", "conflict"
EDIT, DELETE = "edit", "delete"

#: Human labels of the fields a conflict or refusal can name (translated in context
#: "Fields"); a field missing here is shown by its column name.
FIELD_LABELS: dict[str, str] = {
    "name": _N("Fields", "Name"),
    "former_names": _N("Fields", "Former names"),
    "gender": _N("Fields", "Gender"),
    "ethnicity": _N("Fields", "Ethnicity"),
    "birth_date": _N("Fields", "Date of birth"),
    "id_kind": _N("Fields", "Kind of ID"),
    "id_number": _N("Fields", "ID number"),
    "native_place": _N("Fields", "Native place"),
    "education": _N("Fields", "Education"),
    "work_unit": _N("Fields", "Work unit"),
    "post": _N("Fields", "Post"),
    "phone": _N("Fields", "Phone"),
    "applied_date": _N("Fields", "Applied to join"),
    "joined_date": _N("Fields", "Admitted"),
    "full_date": _N("Fields", "Full member since"),
    "category": _N("Fields", "Category"),
    "status": _N("Fields", "Status"),
    "status_date": _N("Fields", "Status since"),
    "party_post": _N("Fields", "Party post"),
    "group_id": _N("Fields", "Group"),
    "formal_unit": _N("Fields", "Formal relation held by"),
    "hardship": _N("Fields", "Hardship"),
    "level": _N("Fields", "Level"),
    "parent_id": _N("Fields", "Parent unit"),
    "temporary": _N("Fields", "Temporary branch"),
    "code": _N("Fields", "Code"),
    "owner_org": _N("Fields", "Owning unit"),
    "audience": _N("Fields", "Readers"),
    "_deleted": _N("Fields", "Deleted"),
    ROW_CREATED: _N("Fields", "New record"),
}
TABLE_LABELS: dict[str, str] = {
    "members": _N("Fields", "Member"),
    "org_units": _N("Fields", "Org unit"),
    "attachments": _N("Fields", "Attachment"),
}


@dataclass(frozen=True)
class Side:
    """One side of a conflict: a value and who wrote it where and when."""

    value: Any
    hlc: str
    author: str | None
    #: The author's name when they are a user of this computer.
    author_name: str | None
    device: str
    this_device: bool

    @property
    def at_ms(self) -> int:
        try:
            return Stamp.parse(self.hlc).wall_ms
        except ValueError:
            return 0


@dataclass(frozen=True)
class Conflict:
    id: int
    tbl: str
    row_id: str
    col: str
    #: "edit" (two edits of one field) or "delete" (an edit that lost to a delete).
    kind: str
    winner: Side
    loser: Side
    base_hlc: str | None
    #: Reviewed here; waits to be sent to HQ with the next sync.
    decided: bool
    #: What a person calls the record (a member's name), or its id.
    record_name: str
    #: English, marked for translation in context "Fields".
    table_label: str
    field_label: str
    #: What the record holds now (None when deleted): what "keep current" keeps.
    current: Any
    record_deleted: bool
    column_type: str
    choices: tuple[str, ...] | None

    @property
    def can_restore(self) -> bool:
        """A deleted record stays deleted: its lost edit comes back only by re-creating it."""
        return not self.decided and self.kind == EDIT and not self.record_deleted


@dataclass(frozen=True)
class RefusedChange:
    device_seq: int
    tbl: str
    row_id: str
    col: str
    value: Any
    reason: str
    at: str
    record_name: str
    table_label: str
    field_label: str


@dataclass(frozen=True)
class SyncLogLine:
    id: int
    started: str
    finished: str
    #: "network", "cli", or how a sync file travelled.
    via: str
    #: "ok", "failed" or "cancelled".
    outcome: str
    sent: int
    received: int
    bytes_sent: int
    bytes_received: int
    detail: str


@dataclass(frozen=True)
class SyncSummary:
    enrolled: bool
    server: str
    org_name: str
    level: str
    pending_changes: int
    last_ok_ms: int
    clock_offset_ms: int
    open_conflicts: int
    refused: int


# --- reading ------------------------------------------------------------------------------


def sync_summary(ws: Workspace) -> SyncSummary:
    facts = sync_status.link_facts(ws.db)
    return SyncSummary(
        enrolled=facts.enrolled,
        server=facts.server,
        org_name=facts.org_name,
        level=facts.level,
        pending_changes=Replica(ws.records).outbox_count(),
        last_ok_ms=facts.last_ok_ms,
        clock_offset_ms=facts.clock_offset_ms,
        open_conflicts=int(ws.db.scalar("SELECT count(*) FROM sync_conflicts WHERE decided = 0")),
        refused=int(ws.db.scalar("SELECT count(*) FROM sync_refused")),
    )


def sync_log(ws: Workspace, limit: int = 200) -> list[SyncLogLine]:
    """The latest sync attempts, newest first."""
    rows = ws.db.query(
        "SELECT id, started, finished, via, outcome, pushed, pulled, bytes_sent, "
        "bytes_received, detail FROM sync_log ORDER BY id DESC LIMIT ?",
        (int(limit),),
    )
    return [SyncLogLine(*row) for row in rows]


def list_refused(ws: Workspace) -> list[RefusedChange]:
    """Changes HQ refused, newest first, with HQ's reason (they are kept, never resent)."""
    require(ws.user, Action.READ_ROSTER)
    out = []
    names = _NameCache(ws)
    for seq, tbl, row_id, col, value, _hlc, why, at in Replica(ws.records).refused():
        # HQ names the record it refuses; the listing names it already, in words.
        reason = why.removeprefix(f"{tbl} {row_id}: ")
        out.append(
            RefusedChange(
                int(seq),
                tbl,
                row_id,
                col,
                value,
                reason,
                at,
                names.record(tbl, row_id),
                TABLE_LABELS.get(tbl, tbl),
                FIELD_LABELS.get(col, col),
            )
        )
    return out


def record_sync_states(ws: Workspace, table: str, row_ids: Sequence[str]) -> dict[str, str]:
    """Which of these records have something to say about sync: an open conflict, a change
    HQ refused, or changes not yet sent (in that order of importance). Before the computer
    is connected to HQ every record would be "pending", which tells nobody anything, so
    then only conflicts and refusals (there are none yet) are reported."""
    if not row_ids:
        return {}
    states: dict[str, str] = {}
    enrolled = sync_status.link_facts(ws.db).enrolled
    for row_id, acked in Replica(ws.records).pending_rows(list(row_ids)).items():
        if acked == REFUSED:
            states[row_id] = STATE_REFUSED
        elif enrolled:
            states[row_id] = PENDING
    wanted = list(dict.fromkeys(row_ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for (row_id,) in ws.db.query(
            "SELECT DISTINCT row_id FROM sync_conflicts WHERE decided = 0 AND tbl = ? "
            f"AND row_id IN ({', '.join('?' * len(chunk))})",
            (table, *chunk),
        ):
            states[row_id] = CONFLICT
    return states


def list_conflicts(ws: Workspace) -> list[Conflict]:
    """Open conflicts first, then reviewed ones that wait to be sent; newest first."""
    require(ws.user, Action.REVIEW_CONFLICTS)
    rows = ws.db.query(
        "SELECT id, tbl, row_id, col, kind, winner, loser, base_hlc, decided "
        "FROM sync_conflicts ORDER BY decided, created_seq DESC, id DESC"
    )
    names = _NameCache(ws)
    return [names.conflict(*row) for row in rows]


# --- deciding -----------------------------------------------------------------------------


def keep_current(ws: Workspace, conflict_id: int) -> None:
    """The value the record holds stays; the overwritten one is let go."""
    require(ws.user, Action.REVIEW_CONFLICTS)
    with ws.records.transaction():
        _open_conflict(ws, conflict_id)
        _mark_decided(ws, conflict_id)


def restore_other(ws: Workspace, conflict_id: int) -> None:
    """Write the overwritten value back, as a new edit that wins everywhere."""
    require(ws.user, Action.REVIEW_CONFLICTS)
    with ws.records.transaction():
        conflict = _open_conflict(ws, conflict_id)
        if conflict.kind != EDIT or conflict.record_deleted:
            raise InvalidInput(
                _N(
                    "Errors",
                    "The record {record} was deleted, so the overwritten value cannot be put "
                    "back. To keep it, add the record again.",
                ),
                record=conflict.record_name,
            )
        ws.records.update(conflict.tbl, conflict.row_id, {conflict.col: conflict.loser.value})
        _mark_decided(ws, conflict_id)


def edit_value(ws: Workspace, conflict_id: int, value: Any) -> None:
    """Settle the conflict with a value the officer gives (text is converted to the
    field's type: whole numbers and numbers are parsed; empty text clears the field)."""
    require(ws.user, Action.REVIEW_CONFLICTS)
    with ws.records.transaction():
        conflict = _open_conflict(ws, conflict_id)
        if conflict.record_deleted:
            raise InvalidInput(
                _N(
                    "Errors",
                    "The record {record} was deleted, so it cannot be edited. To keep the "
                    "value, add the record again.",
                ),
                record=conflict.record_name,
            )
        typed = _typed(conflict, value)
        ws.records.update(conflict.tbl, conflict.row_id, {conflict.col: typed})
        _mark_decided(ws, conflict_id)


def _open_conflict(ws: Workspace, conflict_id: int) -> Conflict:
    rows = ws.db.query(
        "SELECT id, tbl, row_id, col, kind, winner, loser, base_hlc, decided "
        "FROM sync_conflicts WHERE id = ?",
        (conflict_id,),
    )
    if not rows:
        # Settled meanwhile (another officer's decision arrived with a sync).
        raise InvalidInput(
            _N("Errors", "This conflict was already settled; the list is refreshed."),
        )
    conflict = _NameCache(ws).conflict(*rows[0])
    if conflict.decided:
        raise InvalidInput(
            _N("Errors", "This conflict was already reviewed; the decision waits to be sent."),
        )
    return conflict


def _mark_decided(ws: Workspace, conflict_id: int) -> None:
    ws.db.execute("UPDATE sync_conflicts SET decided = 1 WHERE id = ?", (conflict_id,))
    # Not a record table, but pages showing conflicts refresh from the write's summary,
    # and the sync service sends the decision soon after.
    ws.records.touched("sync_conflicts", updated=1)


def _typed(conflict: Conflict, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        if conflict.column_type == ColumnType.INTEGER:
            return int(text)
        if conflict.column_type == ColumnType.REAL:
            return float(text)
    except ValueError:
        raise InvalidInput(
            _N("Errors", "{value} is not a number."),
            value=text,
        ) from None
    return text


# --- display names ------------------------------------------------------------------------


def _wire_value(raw: Any) -> Any:
    """A value as the wire carries it: binary data comes as {"$b": base64}."""
    if isinstance(raw, dict) and isinstance(raw.get("$b"), str):
        return base64.b64decode(raw["$b"])
    return raw


class _NameCache:
    """Record names and local user names, looked up once per listing."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._records: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._users: dict[str, str] | None = None

    def _record(self, tbl: str, row_id: str) -> dict[str, Any] | None:
        key = (tbl, row_id)
        if key not in self._records:
            record = None
            if tbl in self.ws.records.registry:
                record = self.ws.records.get(tbl, row_id, include_deleted=True)
            self._records[key] = record
        return self._records[key]

    def record(self, tbl: str, row_id: str) -> str:
        record = self._record(tbl, row_id)
        if record is not None:
            table = self.ws.records.registry[tbl]
            for column in _name_columns(table):
                if record.get(column):
                    return str(record[column])
        return row_id[-12:]

    def user(self, user_id: str | None) -> str | None:
        if self._users is None:
            self._users = {r[0]: r[1] for r in self.ws.db.query("SELECT id, name FROM users")}
        return self._users.get(user_id or "")

    def side(self, text: str, column: Any) -> Side:
        value, hlc, author, device = json.loads(text)
        value = _wire_value(value)
        if column is not None:
            value = column.from_db(value)
        return Side(value, hlc, author, self.user(author), device, device == self.ws.device_id)

    def conflict(
        self,
        conflict_id: int,
        tbl: str,
        row_id: str,
        col: str,
        kind: str,
        winner: str,
        loser: str,
        base_hlc: str | None,
        decided: int,
    ) -> Conflict:
        record = self._record(tbl, row_id)
        column = None
        if tbl in self.ws.records.registry and self.ws.records.registry[tbl].has_column(col):
            column = self.ws.records.registry[tbl].column(col)
        deleted = record is None or bool(record["deleted"])
        return Conflict(
            id=int(conflict_id),
            tbl=tbl,
            row_id=row_id,
            col=col,
            kind=kind,
            winner=self.side(winner, column),
            loser=self.side(loser, column),
            base_hlc=base_hlc,
            decided=bool(decided),
            record_name=self.record(tbl, row_id),
            table_label=TABLE_LABELS.get(tbl, tbl),
            field_label=FIELD_LABELS.get(col, col),
            current=None if deleted or record is None else record.get(col),
            record_deleted=deleted,
            column_type=str(column.type) if column is not None else str(ColumnType.TEXT),
            choices=column.choices if column is not None else None,
        )


def _name_columns(table: Table) -> list[str]:
    """Where a record's human name is: a "name" column, else its first searchable text."""
    names = [c.name for c in table.columns if c.name == "name"]
    return names + [c.name for c in table.columns if c.search and c.name != "name"]
