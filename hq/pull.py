"""Pull pages: what changed in a device's scope since its cursor, in HQ sequence order.

HQ keeps each field's current value with the sequence number of the change that set it.
A page holds the fields whose number lies in (cursor, next_cursor], grouped by row, so a
field edited ten times since the cursor travels once, with its current value; a field
edited again after the page was cut travels in a later page. A row that entered the
device's scope within the page's range (new, transferred in, newly addressed to it)
travels whole, with every field HQ holds; a row that left it is listed as a removal.
The scope moves of the range decide both, so nothing depends on when the device pulls.

How a page is read, so that a first pull of a large branch stays fast:

- Every number belongs to one change of one row (`changes`), and the fields still
  carrying it were set by that change: they share its stamp, device and author. The page
  is cut by walking the device's changes in order (one scope check per change, not per
  field) and reading each change's fields as one group.
- The database writes a group's fields in their wire form (see `PulledRow`) from the
  JSON text it stores; the first field gets the change's stamp, the others share it.
  They are never parsed here, and travel as they are (`RawJson`).
- Rows that travel whole find their fields outside the range through their changes: a
  first pull reads each field once.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Integer,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql import Select

from desktop.store.schema import REGISTRY, Registry
from desktop.sync.protocol import (
    AUDIENCE,
    DELETED,
    OWNER,
    ConflictRecord,
    EncodedRows,
    PulledField,
    PulledRow,
    PullRequest,
    PullResponse,
    RowRef,
    Value,
    Version,
    read_value,
)
from desktop.sync.protocol.wire import dumps
from hq.db import by_table, head
from hq.errors import Refusal
from hq.scope import DeviceScope, Level, RowScope
from hq.tables import changes, conflicts, field_state, row_audience, row_state, scope_moves

log = logging.getLogger(__name__)

Key = tuple[str, str]

# A change's fields as one text, `count:col",value,seq],["col",value,seq`: the field
# count, then the fields as the wire lists them but for the first `["` and the last `]`
# and without the stamp (a constant separator is cheaper than bracketing each field).
# Values are the JSON text HQ stores; column names go in as they are (`_check_names`).
# No order is promised within a group. NULL for a change none of whose fields still
# carry its number (all set again since).
_ITEMS = "col || '\",' || coalesce(value, 'null') || ',' || seq"
_FIELDS = (
    "(SELECT count(*) || ':' || {agg}(" + _ITEMS + ", '],[\"') "
    "FROM field_state WHERE field_state.seq = {change}.seq)"
)
_FIELDS_SQLITE = _FIELDS.format(agg="group_concat", change="changes")
_FIELDS_PG = _FIELDS.format(agg="string_agg", change="changes")
_FIELDS_PG_ROWS = _FIELDS.format(agg="string_agg", change="found")
#: Where a group's second field starts. Only an item starts with `["` and a letter: a
#: quote within a string is escaped, and a string's closing quote is followed by `,`,
#: `]`, `}` or `:`, never by a letter.
_NEXT_ITEM = re.compile(r'\],\["(?=[A-Za-z_])')
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# The changes of some rows outside a range, with their fields (for rows that travel
# whole). Driver SQL with the ids as one parameter, a JSON list or an array: SQLAlchemy's
# expansion of a long list, or psycopg's adaptation of one, costs more than the query.
_OUTSIDE_SQLITE = (
    f"SELECT seq, row_id, hlc, device, author, {_FIELDS_SQLITE} FROM changes WHERE tbl = ? "
    "AND row_id IN (SELECT value FROM json_each(?)) AND (seq <= ? OR seq > ?)"
)
# On PostgreSQL, row by row (LATERAL; OFFSET 0 keeps it so): by key, whatever the
# statistics say.
_OUTSIDE_PG = (
    f"SELECT found.seq, wanted.row_id, hlc, device, author, {_FIELDS_PG_ROWS} "
    "FROM unnest(CAST(%s AS TEXT[])) AS wanted(row_id) CROSS JOIN LATERAL ("
    "SELECT seq, hlc, device, author FROM changes WHERE tbl = %s "
    "AND row_id = wanted.row_id AND (seq <= %s OR seq > %s) OFFSET 0) AS found"
)
#: Row ids looked up in one statement.
_IDS_AT_ONCE = 2_000
#: Changes left past the cursor, in chunks, that a page reads along the log whoever the
#: device is: counting its rows would cost more.
_SPARSE_WINDOW = 4


def _check_names(registry: Registry = REGISTRY) -> None:
    """Field groups write column names, and pages table names, into JSON unescaped
    (escaping millions of them costs a fifth of a first pull). HQ stores only the
    registry's tables and columns (a push is checked against it), so those must need no
    escaping."""
    names = {DELETED, OWNER, AUDIENCE} | {c.name for t in registry for c in t.columns}
    names |= {t.name for t in registry}
    odd = sorted(name for name in names if not _PLAIN_NAME.fullmatch(name))
    if odd:
        raise RuntimeError(f"hq.pull cannot serve tables or columns named {odd}")


_check_names()


class _Row:
    """A row of the page as it is gathered: its state, and the wire form of the fields
    each of its changes set, with the change's number, in order."""

    __slots__ = ("created_hlc", "created_seq", "deleted", "groups", "later", "row_id", "tbl")

    def __init__(
        self,
        tbl: str,
        row_id: str,
        created_hlc: str,
        created_seq: int,
        deleted: bool,
        groups: list[tuple[int, str]],
    ) -> None:
        self.tbl = tbl
        self.row_id = row_id
        self.created_hlc = created_hlc
        self.created_seq = created_seq
        self.deleted = deleted
        self.groups = groups
        #: Its changes after the page, when the page's reading happened to reach them.
        self.later: list[tuple[int, str]] = []


def pull_page(
    conn: Connection, scope: DeviceScope, request: PullRequest, *, now_ms: int
) -> PullResponse:
    # The collector is set for serving (hq.app.tune_collector), not paused here.
    return _page(conn, scope, request, now_ms)


def _page(conn: Connection, scope: DeviceScope, request: PullRequest, now_ms: int) -> PullResponse:
    top = head(conn)
    cursor = request.cursor
    if cursor > top:
        raise Refusal(
            409,
            "cursor_ahead",
            "This device has seen changes HQ no longer holds (HQ was restored from an older "
            "backup): pull again from the start.",
        )
    rows, upto, more, read_all = _window(conn, scope, cursor, request.limit, top)
    entered, removals = _moves(conn, scope, cursor, upto)
    _add_rows(conn, rows, entered - rows.keys())
    new = {key for key, row in rows.items() if row.created_seq > cursor}
    whole = entered | new
    # Rows come in the order of their first change in the range; groups outside it
    # (rarely any) may change that.
    reorder = bool(entered)
    # A row created since the cursor has no changes before it, so only rows that entered
    # the scope can have fields below the range, and none are above the head. When the
    # page's reading went through all the device's changes, the rows' later ones are
    # known already.
    if read_all:
        for key in new - entered:
            row = rows[key]
            if row.later:  # all after the row's first change: its place stays
                row.groups += row.later
        outside = entered
    else:
        outside = whole if upto < top else entered
    if outside:
        reorder |= _add_outside(conn, rows, outside, cursor, upto)
    deleted = {key for key, row in rows.items() if row.deleted}
    tombstones = _tombstones(conn, deleted) if deleted else {}
    pulled: list[str] = []
    order: list[tuple[int, Key]] = []
    for key, row in rows.items():
        groups = row.groups
        if not groups:
            continue
        entire = key in whole
        if key in deleted:
            # A deleted row's data is gone for every device: only its tombstone travels.
            tomb = tombstones.get(key)
            if tomb is None or tomb.seq not in {seq for seq, _ in groups}:
                continue
            fields = dumps(PulledRow(row.tbl, row.row_id, None, False, (tomb,)).to_wire()[4])
        elif len(groups) == 1:
            fields = f"[{groups[0][1]}]"
        else:
            fields = "[" + ",".join(group for _, group in groups) + "]"
        # Table names, ids and stamps need no escaping (_check_names, read_id, read_hlc).
        created = f'"{row.created_hlc}"' if entire else "null"
        pulled.append(f'["{row.tbl}","{row.row_id}",{created},{int(entire)},{fields}]')
        if reorder:
            order.append((groups[0][0], key))
    if reorder:
        ranks = sorted(range(len(order)), key=order.__getitem__)
        pulled = [pulled[rank] for rank in ranks]
    found_conflicts = _conflicts(conn, scope, cursor, upto) if scope.level is Level.OFFICER else ()
    return PullResponse(
        EncodedRows(pulled),
        tuple(removals),
        found_conflicts,
        upto,
        more,
        top,
        now_ms,
    )


def _window(
    conn: Connection, scope: DeviceScope, cursor: int, limit: int, top: int
) -> tuple[dict[Key, _Row], int, bool, bool]:
    """The page's range and its rows with their field groups within it, in the order
    of their first change in it; and whether every change of the device's past the
    cursor was read (the rows' changes after the page are then in their `later`).

    The range ends at the number of the `limit`-th field the device may read past the
    cursor (all the fields of that change come along: a created row never splits), or
    at HQ's head if there are no more than `limit`; `more` says which. Changes are read
    in chunks sized from the fields per change seen so far, so that few groups beyond
    the range are read for nothing.

    The device's changes are found in the change log's order, each checked against its
    scope. A device that holds few of HQ's rows (one branch of many) would have most of
    the log read for a few of its changes: when more changes are left than a short
    stretch of the log and it holds few rows (`_holds_few`), they are found from its
    rows instead, from the start.
    """
    by_change, by_row = _change_queries(scope, conn.dialect.name == "postgresql")
    query = by_change
    rows: dict[Key, _Row] = {}
    counted = seen = 0
    #: Where the running count of fields first reached `limit`, and whether a field
    #: lies past it.
    upto = 0
    more = read_all = False
    after = cursor
    chunk = max(32, (limit + 1) // 32)
    # The first stretch of the log read: enough for a device holding most rows.
    until = min(top, after + _SPARSE_WINDOW * chunk)
    if by_row is not None and until < top and _holds_few(conn, scope, top - after, chunk):
        # A query from the rows reads all of them however few changes it returns: ask
        # for a good part of the page at once.
        query, until, chunk = by_row, top, max(chunk, limit // 6)
    while True:
        params = {"after": after, "until": until, "chunk": chunk}
        found = query.rows(conn, params)
        for change in found:
            seq, tbl, row_id, hlc, device, author, created_hlc, created_seq, deleted, fields = (
                change
            )
            if fields is None:
                continue  # a change all of whose fields were set again since
            number, _, items = fields.partition(":")
            count = int(number)
            row = rows.get((tbl, row_id))
            if counted >= limit:
                # Past the page: there is more. Kept for the page's rows, should the
                # reading turn out to have reached the device's last change.
                more = True
                if row is not None:
                    row.later.append((seq, _group_text(items, count, hlc, device, author)))
                continue
            counted += count
            if counted >= limit:
                upto = seq
                more = counted > limit
            group = (seq, _group_text(items, count, hlc, device, author))
            if row is None:
                rows[(tbl, row_id)] = _Row(tbl, row_id, created_hlc, created_seq, deleted, [group])
            else:
                row.groups.append(group)
        seen += len(found)
        last = len(found) < chunk and (query is not by_change or until >= top)
        if more or last:
            read_all = last
            break
        if len(found) < chunk:
            after, until = until, top  # the stretch is read to its end: read on
        else:
            after, until = found[-1][0], top  # a full chunk in the stretch: read on
        wanted = limit + 1 - counted
        per_change = counted / seen if counted else 1.0
        margin = 1.3 if query is by_row else 1.1
        chunk = max(16, min(wanted, int(wanted / per_change * margin) + 8))
    return rows, upto if more else top, more, read_all


#: Devices whose page queries are kept, made once per scope: building them, and the
#: scope's conditions within, cost as much as a page's own Python work. A scope is a
#: value (an edited org tree makes a new one), and a statement is never changed once
#: made, so threads can share them.
_QUERIES_KEPT = 1024


@functools.lru_cache(maxsize=_QUERIES_KEPT)
def _change_queries(scope: DeviceScope, postgres: bool) -> tuple[_Query, _Query | None]:
    """The device's changes past `after`, in order, with their rows' state and fields:
    read along the change log (up to `until`), and, on PostgreSQL, from its rows.

    On PostgreSQL the rows are joined LATERAL, which makes it look each one up by key
    whatever its statistics say: a new HQ has none until its tables are analysed, and
    would hash whole tables meanwhile. SQLite finds its way alone (and always walks the
    log in order)."""
    c, r = changes.c, row_state.c
    same_row = and_(r.tbl == c.tbl, r.row_id == c.row_id)
    after = bindparam("after", type_=BigInteger)
    until = bindparam("until", type_=BigInteger)
    chunk = bindparam("chunk", type_=Integer)
    change_columns = (c.seq, c.tbl, c.row_id, c.hlc, c.device, c.author)
    if not postgres:
        by_change = (
            select(
                *change_columns,
                r.created_hlc,
                r.created_seq,
                r.deleted,
                literal_column(_FIELDS_SQLITE),
            )
            .select_from(changes.join(row_state, same_row))
            .where(c.seq > after, c.seq <= until, scope.read_filter())
            .order_by(c.seq)
            .limit(chunk)
        )
        return _Query(by_change), None
    # A LIMIT keeps PostgreSQL from folding a LATERAL subquery into a plain join (which
    # it would then be free to hash).
    mine = (
        select(r.created_hlc, r.created_seq, r.deleted)
        .where(same_row, scope.read_filter())
        .limit(1)
        .lateral("mine")
    )
    by_change = (
        select(*change_columns, *mine.c, literal_column(_FIELDS_PG))
        .select_from(changes.join(mine, true()))
        .where(c.seq > after, c.seq <= until)
        .order_by(c.seq)
        .limit(chunk)
    )
    # The device's rows first (found through indexes: candidate_rows), then the changes
    # of each past `after` (changes_row_seq).
    theirs = (
        select(*change_columns)
        .where(same_row, c.seq > after)
        .order_by(c.seq)
        .limit(chunk)
        .lateral("found")
    )
    candidates = scope.candidate_rows().subquery("candidates")
    by_row = (
        select(*theirs.c, r.created_hlc, r.created_seq, r.deleted, literal_column(_FIELDS_PG_ROWS))
        .select_from(
            candidates.join(
                row_state,
                and_(r.tbl == candidates.c.tbl, r.row_id == candidates.c.row_id),
            ).join(theirs, true())
        )
        .order_by(theirs.c.seq)
        .limit(chunk)
    )
    if scope.level is not Level.OFFICER:  # an officer's candidates are its rows exactly
        by_row = by_row.where(scope.read_filter())
    return _Query(by_change, postgres=True), _Query(by_row, postgres=True)


class _Query:
    """A page query of one device, run as often as its pages need.

    On PostgreSQL it is compiled once, its scope's lists of units written out, and run
    on the driver's cursor: SQLAlchemy would otherwise work out its cache key, write
    the lists out again and make a Row of every change it returns, on every run, which
    cost more than reading the changes."""

    __slots__ = ("fixed", "sql", "statement")

    def __init__(self, statement: Select[Any], *, postgres: bool = False) -> None:
        self.statement = statement
        self.sql: str | None = None
        self.fixed: dict[str, Any] = {}
        if postgres:
            # Writing the lists out takes a value for every parameter: the page's own
            # (after, until, chunk) get theirs on each run.
            expanded = statement.compile(dialect=_POSTGRES).construct_expanded_state(
                dict.fromkeys(_PAGE_PARAMS, 0)
            )
            self.sql, self.fixed = expanded.statement, dict(expanded.parameters)

    def rows(self, conn: Connection, params: dict[str, int]) -> Sequence[Any]:
        if self.sql is None:
            return conn.execute(self.statement, params).all()
        cursor = conn.connection.cursor()
        try:
            cursor.execute(self.sql, {**self.fixed, **params})
            return cursor.fetchall()
        finally:
            cursor.close()


_PAGE_PARAMS = ("after", "until", "chunk")
_POSTGRES = postgresql.psycopg.dialect()  # type: ignore[no-untyped-call]


def _holds_few(conn: Connection, scope: DeviceScope, changes_left: int, chunk: int) -> bool:
    """Whether the device's changes past the cursor are cheaper found from its rows
    than along the change log.

    From its rows, each page's query reads every row the device holds (R of them). Along
    the log, it reads about chunk / share changes, the device holding a share R / T of
    HQ's T rows, and never more than the changes left. So the rows win when R is under
    both the changes left and chunk * T / R. Both counts stop as soon as the answer is
    known: no more of the device's rows than changes are left, no more of HQ's than
    R * R / chunk."""
    mine = conn.execute(_count_mine(scope), {"left": changes_left}).scalar_one()
    if mine >= changes_left:
        return False
    enough = mine * mine // chunk + 1
    counted = conn.execute(_COUNT_ROWS, {"enough": enough}).scalar_one()
    return bool(counted >= enough)


_COUNT_ROWS = select(func.count()).select_from(
    select(row_state.c.tbl).limit(bindparam("enough", type_=Integer)).subquery()
)


@functools.lru_cache(maxsize=_QUERIES_KEPT)
def _count_mine(scope: DeviceScope) -> Select[Any]:
    """The device's rows (candidate_rows), counted up to `left`."""
    found = scope.candidate_rows().limit(bindparam("left", type_=Integer)).subquery()
    return select(func.count()).select_from(found)


def _group_text(items: str, count: int, hlc: str, device: str, author: str | None) -> str:
    """A change's fields in wire form, the first with the change's stamp. The stamp's
    parts are an HLC and ids, checked when the change was pushed: no escaping needed."""
    who = "null" if author is None else f'"{author}"'
    after = _NEXT_ITEM.search(items) if count > 1 else None
    if after is None:
        return f'["{items},"{hlc}","{device}",{who}]'
    end = after.start()
    return f'["{items[:end]},"{hlc}","{device}",{who}{items[end:]}]'


def _add_rows(conn: Connection, rows: dict[Key, _Row], keys: Iterable[Key]) -> None:
    """Rows of the page without fields in the range (they entered the scope in it)."""
    r = row_state.c
    for tbl, ids in by_table(keys):
        for row in conn.execute(
            select(r.tbl, r.row_id, r.created_hlc, r.created_seq, r.deleted).where(
                r.tbl == tbl, r.row_id.in_(ids)
            )
        ):
            rows[(row.tbl, row.row_id)] = _Row(
                row.tbl, row.row_id, row.created_hlc, row.created_seq, row.deleted, []
            )


def _add_outside(
    conn: Connection, rows: dict[Key, _Row], keys: set[Key], cursor: int, upto: int
) -> bool:
    """Add the field groups of these (whole) rows that lie outside (cursor, upto];
    whether there were any."""
    postgres = conn.dialect.name == "postgresql"
    added = False
    for tbl, ids in by_table(keys, _IDS_AT_ONCE):
        if postgres:
            # Row ids are plain (checked on push): each can be quoted as it is.
            listed = "{" + ",".join(f'"{row_id}"' for row_id in ids) + "}"
            found = conn.exec_driver_sql(_OUTSIDE_PG, (listed, tbl, cursor, upto))
        else:
            found = conn.exec_driver_sql(_OUTSIDE_SQLITE, (tbl, json.dumps(ids), cursor, upto))
        for seq, row_id, hlc, device, author, fields in found.fetchall():
            if fields is None:
                continue
            number, _, items = fields.partition(":")
            groups = rows[(tbl, row_id)].groups
            groups.append((seq, _group_text(items, int(number), hlc, device, author)))
            groups.sort()
            added = True
    return added


def _tombstones(conn: Connection, keys: set[Key]) -> dict[Key, PulledField]:
    """The `_deleted` field of each of these rows."""
    f = field_state.c
    found: list[Any] = []
    for tbl, ids in by_table(keys):
        found += conn.execute(
            select(f.tbl, f.row_id, f.value, f.hlc, f.seq, f.device, f.author).where(
                f.tbl == tbl, f.row_id.in_(ids), f.col == DELETED
            )
        ).all()
    values = _values([row.value for row in found])
    return {
        (row.tbl, row.row_id): PulledField(DELETED, value, row.hlc, row.seq, row.device, row.author)
        for row, value in zip(found, values, strict=True)
    }


def _values(texts: Sequence[str | None]) -> list[Value]:
    """Stored JSON texts to values, parsed in one go."""
    if not texts:
        return []
    parsed = json.loads("[" + ",".join("null" if t is None else t for t in texts) + "]")
    return [read_value(v) if isinstance(v, dict) else v for v in parsed]


def _scope_of(owner: str | None, member: str | None, audience: str) -> RowScope:
    return RowScope(owner, member, tuple(json.loads(audience)))


_MOVES = select(
    scope_moves.c.tbl,
    scope_moves.c.row_id,
    scope_moves.c.old_owner,
    scope_moves.c.old_member,
    scope_moves.c.old_audience,
).where(
    scope_moves.c.seq > bindparam("cursor", type_=BigInteger),
    scope_moves.c.seq <= bindparam("upto", type_=BigInteger),
)


def _moves(
    conn: Connection, scope: DeviceScope, cursor: int, upto: int
) -> tuple[set[Key], list[RowRef]]:
    """Rows whose scope changed in (cursor, upto]: those in the device's scope now that
    were outside it at some point of the range (entered), and those outside it now that
    were inside it at some point (removed). A device that never held a removed row just
    ignores the removal; one that held an entered row gets it whole again."""
    history: dict[Key, list[bool]] = {}
    for move in conn.execute(_MOVES, {"cursor": cursor, "upto": upto}):
        if move.tbl in scope.registry:
            before = _scope_of(move.old_owner, move.old_member, move.old_audience)
            history.setdefault((move.tbl, move.row_id), []).append(
                scope.can_read(scope.registry[move.tbl], move.row_id, before)
            )
    if not history:
        return set(), []
    now = _current_scopes(conn, sorted(history))
    entered: set[Key] = set()
    removed: list[RowRef] = []
    for key, seen in sorted(history.items()):
        visible = key in now and scope.can_read(scope.registry[key[0]], key[1], now[key])
        if visible and not all(seen):
            entered.add(key)
        elif not visible and any(seen):
            removed.append(RowRef(*key))
    return entered, removed


def _current_scopes(conn: Connection, keys: Sequence[Key]) -> dict[Key, RowScope]:
    r, a = row_state.c, row_audience.c
    owners: dict[Key, tuple[str | None, str | None]] = {}
    audiences: dict[Key, list[str]] = {}
    for tbl, ids in by_table(keys):
        for row in conn.execute(
            select(r.row_id, r.owner_org, r.member_id).where(r.tbl == tbl, r.row_id.in_(ids))
        ):
            owners[(tbl, row.row_id)] = (row.owner_org, row.member_id)
        for row_id, unit in conn.execute(
            select(a.row_id, a.unit).where(a.tbl == tbl, a.row_id.in_(ids))
        ):
            audiences.setdefault((tbl, row_id), []).append(unit)
    return {
        key: RowScope(owner, member, tuple(sorted(audiences.get(key, ()))))
        for key, (owner, member) in owners.items()
    }


_CREATED = and_(
    conflicts.c.created_seq > bindparam("cursor", type_=BigInteger),
    conflicts.c.created_seq <= bindparam("upto", type_=BigInteger),
)


def _window_and_probe(window: ColumnElement[bool]) -> tuple[ColumnElement[bool], Select[Any]]:
    """A page's conflicts condition, and a query for whether any conflict meets it."""
    return window, select(conflicts.c.id).where(window).limit(1)


#: A device starting afresh needs only the conflicts still to be reviewed.
_CONFLICTS_NEW = _window_and_probe(and_(_CREATED, conflicts.c.resolved_seq.is_(None)))
_CONFLICTS_CHANGED = _window_and_probe(
    or_(
        _CREATED,
        and_(
            conflicts.c.resolved_seq > bindparam("cursor", type_=BigInteger),
            conflicts.c.resolved_seq <= bindparam("upto", type_=BigInteger),
        ),
    )
)


def _conflicts(
    conn: Connection, scope: DeviceScope, cursor: int, upto: int
) -> tuple[ConflictRecord, ...]:
    c = conflicts.c
    window, any_found = _CONFLICTS_NEW if cursor == 0 else _CONFLICTS_CHANGED
    window_values = {"cursor": cursor, "upto": upto}
    if conn.execute(any_found, window_values).first() is None:
        return ()  # the common case, found on the indexes alone
    found = conn.execute(
        select(conflicts)
        .join(
            row_state,
            and_(row_state.c.tbl == c.tbl, row_state.c.row_id == c.row_id),
        )
        .where(window, scope.read_filter())
        .order_by(c.id),
        window_values,
    ).all()
    values = _values([v for row in found for v in (row.winner_value, row.loser_value)])
    return tuple(
        ConflictRecord(
            row.id,
            row.tbl,
            row.row_id,
            row.col,
            row.kind,
            Version(values[2 * i], row.winner_hlc, row.winner_author, row.winner_device),
            Version(values[2 * i + 1], row.loser_hlc, row.loser_author, row.loser_device),
            row.base_hlc,
            row.created_seq,
            row.resolved_seq is not None and row.resolved_seq <= upto,
        )
        for i, row in enumerate(found)
    )
