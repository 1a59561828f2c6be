"""The sync/v1 messages: push, pull, enrolment and errors, each with its wire form."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import FrozenInstanceError, dataclass
from operator import itemgetter
from typing import Any, NamedTuple, overload

from desktop.sync.protocol.wire import (
    DEFAULT_PULL_LIMIT,
    INT64,
    MAX_PAGE_ITEMS,
    MAX_PULL_LIMIT,
    MAX_PUSH_CHANGES,
    ObjectReader,
    ProtocolError,
    RawJson,
    Value,
    paused_gc,
    read_fixed,
    read_hlc,
    read_id,
    read_int,
    read_list,
    read_opt_id,
    read_schema,
    read_text,
    read_value,
    wire_value,
)

# --- messages --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """One field change from a device's outbox. HQ stamps the sending device itself."""

    device_seq: int
    row_id: str
    tbl: str
    col: str
    value: Value
    hlc: str
    base_hlc: str | None
    author: str | None

    def to_wire(self) -> list[Any]:
        return [
            self.device_seq,
            self.row_id,
            self.tbl,
            self.col,
            wire_value(self.value),
            self.hlc,
            self.base_hlc,
            self.author,
        ]

    @classmethod
    def from_wire(cls, raw: Any) -> Change:
        seq, row_id, tbl, col, value, hlc, base, author = read_fixed(raw, "change", 8)
        return cls(
            read_int(seq, "change.device_seq", 1),
            read_id(row_id, "change.row_id"),
            read_text(tbl, "change.tbl", 63),
            read_text(col, "change.col", 63),
            read_value(value),
            read_hlc(hlc, "change.hlc"),
            None if base is None else read_hlc(base, "change.base_hlc"),
            read_opt_id(author, "change.author"),
        )


@dataclass(frozen=True)
class PushRequest:
    """Outbox entries `first_seq`..`last_seq` (the device may have set some aside), and
    conflict records the officer has reviewed. All-or-nothing; safe to send again."""

    schema_version: int
    first_seq: int
    last_seq: int
    changes: tuple[Change, ...]
    client_time_ms: int
    resolved: tuple[int, ...] = ()

    def to_wire(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "client_time_ms": self.client_time_ms,
            "changes": [c.to_wire() for c in self.changes],
            "resolved": list(self.resolved),
        }

    @classmethod
    def from_wire(cls, raw: Any) -> PushRequest:
        r = ObjectReader(raw, "push")
        first = r.integer("first_seq", minimum=1)
        last = r.integer("last_seq", minimum=first)
        changes = tuple(Change.from_wire(c) for c in r.items("changes", max_items=MAX_PUSH_CHANGES))
        previous = first - 1
        for c in changes:
            if not previous < c.device_seq <= last:
                raise ProtocolError(
                    f"push: device_seq {c.device_seq} is out of order or outside {first}..{last}"
                )
            previous = c.device_seq
        resolved = tuple(
            read_int(i, "push.resolved", 1)
            for i in r.items("resolved", max_items=10_000, default=[])
        )
        return cls(read_schema(r), first, last, changes, r.integer("client_time_ms"), resolved)


@dataclass(frozen=True)
class PushResponse:
    #: Every outbox entry up to here is stored at HQ: the device may trim its outbox.
    acked_through: int
    accepted: int
    duplicates: int
    conflicts: int
    server_time_ms: int

    def to_wire(self) -> dict[str, Any]:
        return {
            "acked_through": self.acked_through,
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "conflicts": self.conflicts,
            "server_time_ms": self.server_time_ms,
        }

    @classmethod
    def from_wire(cls, raw: Any) -> PushResponse:
        r = ObjectReader(raw, "push response")
        return cls(
            r.integer("acked_through"),
            r.integer("accepted"),
            r.integer("duplicates"),
            r.integer("conflicts"),
            r.integer("server_time_ms"),
        )


@dataclass(frozen=True)
class PullRequest:
    schema_version: int
    #: HQ sequence number up to which the device has applied everything (0 at first).
    cursor: int
    #: Changed fields wanted at most (the client adapts it to the link).
    limit: int = DEFAULT_PULL_LIMIT

    def to_wire(self) -> dict[str, Any]:
        return {"schema_version": self.schema_version, "cursor": self.cursor, "limit": self.limit}

    @classmethod
    def from_wire(cls, raw: Any) -> PullRequest:
        r = ObjectReader(raw, "pull")
        return cls(
            read_schema(r),
            r.integer("cursor"),
            r.integer("limit", minimum=1, maximum=MAX_PULL_LIMIT, default=DEFAULT_PULL_LIMIT),
        )


class PulledField(NamedTuple):
    """A field's current value at HQ; `seq` is the HQ sequence number that set it."""

    col: str
    value: Value
    hlc: str
    seq: int
    device: str
    author: str | None


class Stamped(NamedTuple):
    """Fields of a row that all share one stamp (the fields of one insert, a single
    edit), as a mapping of column to value in wire order."""

    hlc: str
    device: str
    author: str | None
    values: dict[str, Value]


class PulledRow:
    """Fields of one row that changed in the page's range. `whole` rows entered the
    device's scope (or are new): they carry every field HQ holds and their creation
    stamp, and fields not listed are empty; a later page may repeat some of them. A
    deleted row carries only its `_deleted` field. Apply each field only if its HLC is
    above the local one.

    On the wire a field is `[col, value, seq, hlc, device, author]`, or `[col, value,
    seq]` when it shares the stamp, device and author of the field before it (the
    fields of one insert do), which keeps a first pull small.

    Immutable, and equal to another row with the same content. HQ sends its pages'
    rows as text (EncodedRows), and makes a PulledRow only when someone reads one.

    A received row whose fields all share the first one's stamp (every row of a first
    pull) keeps them as they came, checked: `stamped` gives them without a tuple per
    field, and `fields` makes the tuples only when read.
    """

    __slots__ = ("_fields", "_stamp", "created_hlc", "row_id", "tbl", "whole")
    __match_args__ = ("tbl", "row_id", "created_hlc", "whole", "fields")

    tbl: str
    row_id: str
    created_hlc: str | None
    whole: bool
    _fields: tuple[PulledField, ...] | None
    #: (hlc, device, author, the wire's field lists) of a received row with one stamp.
    _stamp: tuple[str, str, str | None, list[list[Any]]] | None

    def __init__(
        self,
        tbl: str,
        row_id: str,
        created_hlc: str | None,
        whole: bool,
        fields: tuple[PulledField, ...],
    ) -> None:
        _init(self, tbl, row_id, created_hlc, whole, fields)

    @property
    def fields(self) -> tuple[PulledField, ...]:
        fields = self._fields
        if fields is None:
            assert self._stamp is not None  # made without fields: a received stamped row
            hlc, device, author, items = self._stamp
            new = _new_tuple
            fields = tuple(
                new(PulledField, (item[0], item[1], hlc, item[2], device, author)) for item in items
            )
            object.__setattr__(self, "_fields", fields)
        return fields

    @property
    def stamped(self) -> Stamped | None:
        """The fields when all share one stamp and came that way (see the class); else
        None, and `fields` has them."""
        if self._stamp is None:
            return None
        hlc, device, author, items = self._stamp
        return Stamped(
            hlc, device, author, dict(zip(map(_COL, items), map(_VALUE, items), strict=True))
        )

    def _key(self) -> tuple[str, str, str | None, bool, tuple[PulledField, ...]]:
        return (self.tbl, self.row_id, self.created_hlc, self.whole, self.fields)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PulledRow):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"PulledRow(tbl={self.tbl!r}, row_id={self.row_id!r}, "
            f"created_hlc={self.created_hlc!r}, whole={self.whole!r}, fields={self.fields!r})"
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type[PulledRow], tuple[Any, ...]]:
        return (PulledRow, (self.tbl, self.row_id, self.created_hlc, self.whole, self.fields))

    def to_wire(self) -> list[Any]:
        fields = _fields_to_wire(self.fields)
        return [self.tbl, self.row_id, self.created_hlc, int(self.whole), fields]

    @classmethod
    def from_wire(cls, raw: Any) -> PulledRow:
        tbl, row_id, created, whole, fields = read_fixed(raw, "row", 5)
        tbl = read_text(tbl, "row.tbl", 63)
        row_id = read_id(row_id, "row.row_id")
        created = None if created is None else read_hlc(created, "row.created_hlc")
        whole = bool(read_int(whole, "row.whole", 0, 1))
        row = cls.__new__(cls)
        stamp = _read_stamped(fields)
        if stamp is not None:
            _init(row, tbl, row_id, created, whole, None, stamp)
        else:
            _init(row, tbl, row_id, created, whole, _read_fields(fields))
        return row


class EncodedRows(Sequence[PulledRow]):
    """A pull page's rows as HQ writes them: the wire text of each row, `[tbl, row_id,
    created_hlc, whole, fields]`, made from its database. They travel as they are; a row
    becomes a PulledRow only when someone reads it (HQ's tests and bundles rarely do).

    Building a PulledRow for every row of a first pull, to write each out again, cost HQ
    a sixth of a page; and the objects, alive for the whole page, made the collector's
    next pass after it walk them all. Only for HQ's own text, never a received one."""

    __slots__ = ("_decoded", "_texts")

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts
        self._decoded: tuple[PulledRow, ...] | None = None

    def _rows(self) -> tuple[PulledRow, ...]:
        if self._decoded is None:
            self._decoded = tuple(
                PulledRow.from_wire(raw) for raw in json.loads(self.to_wire().text)
            )
        return self._decoded

    def to_wire(self) -> RawJson:
        return RawJson("[" + ",".join(self._texts) + "]")

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, index: int) -> PulledRow: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[PulledRow]: ...
    def __getitem__(self, index: int | slice) -> PulledRow | Sequence[PulledRow]:
        return self._rows()[index]

    def __iter__(self) -> Iterator[PulledRow]:
        return iter(self._rows())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EncodedRows):
            return self._texts == other._texts or self._rows() == other._rows()
        if isinstance(other, tuple):
            return self._rows() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._rows())

    def __repr__(self) -> str:
        return f"EncodedRows({self._rows()!r})"


def _init(
    row: PulledRow,
    tbl: str,
    row_id: str,
    created_hlc: str | None,
    whole: bool,
    fields: tuple[PulledField, ...] | None,
    stamp: tuple[str, str, str | None, list[list[Any]]] | None = None,
) -> None:
    setter = object.__setattr__
    setter(row, "tbl", tbl)
    setter(row, "row_id", row_id)
    setter(row, "created_hlc", created_hlc)
    setter(row, "whole", whole)
    setter(row, "_fields", fields)
    setter(row, "_stamp", stamp)


def _fields_to_wire(items: tuple[PulledField, ...]) -> list[list[Any]]:
    # Hot on a first pull (every field of every row): plain locals, no helpers.
    fields: list[list[Any]] = []
    append = fields.append
    last_hlc = last_device = ""
    last_author: str | None = ""
    for col, raw, hlc, seq, device, author in items:
        value = wire_value(raw) if type(raw) is bytes else raw
        if hlc == last_hlc and device == last_device and author == last_author:
            append([col, value, seq])
        else:
            append([col, value, seq, hlc, device, author])
            last_hlc, last_device, last_author = hlc, device, author
    return fields


_new_tuple = tuple.__new__
#: Values taken as they come (anything else goes through read_value).
_PLAIN_VALUES = frozenset({str, int, float, type(None)})


_COL, _VALUE, _SEQ = itemgetter(0), itemgetter(1), itemgetter(2)
_LIST_ONLY = frozenset({list})
_STR_ONLY = frozenset({str})
_INT_ONLY = frozenset({int})


def _read_stamped(raw: Any) -> tuple[str, str, str | None, list[list[Any]]] | None:
    """A row's fields as they came, when the first carries a stamp and every other one
    shares it (`[col, value, seq]`) and all values are plain: (hlc, device, author,
    the field lists), checked as `_read_fields` checks them. None for any other shape
    (`_read_fields` then reads it, or refuses it with its reason).

    The checks run over all the fields at once, each in C (`map` over the lists), not
    field by field in Python: a first pull has two million fields.
    """
    if type(raw) is not list or not raw or len(raw) > MAX_PAGE_ITEMS:
        return None
    first = raw[0]
    if type(first) is not list or len(first) != 6:
        return None
    rest = raw[1:]
    if rest and (set(map(type, rest)) != _LIST_ONLY or set(map(len, rest)) != {3}):
        return None
    cols = list(map(_COL, raw))
    if set(map(type, cols)) != _STR_ONLY or max(map(len, cols)) > 63:
        return None
    if not _PLAIN_VALUES.issuperset(map(type, map(_VALUE, raw))):
        return None
    seqs = list(map(_SEQ, raw))
    if set(map(type, seqs)) != _INT_ONLY or min(seqs) < 1 or max(seqs) >= INT64:
        return None
    _, _, _, hlc, device, author = first
    return (
        read_hlc(hlc, "field.hlc"),
        read_id(device, "field.device"),
        read_opt_id(author, "field.author"),
        raw,
    )


def _read_fields(raw: Any) -> tuple[PulledField, ...]:
    """A row's fields from the wire, checked as the typed readers check them.

    Hot on the client for a first pull (every field of 100,000 rows): the shapes that
    are fine are recognised inline, anything else goes through the readers, which
    refuse it with their usual reason. A stamp repeated from the field before is not
    checked again.
    """
    items = read_list(raw, "row.fields", MAX_PAGE_ITEMS)
    out: list[PulledField] = []
    append = out.append
    plain = _PLAIN_VALUES
    new = _new_tuple
    hlc = device = ""
    author: str | None = None
    received: list[Any] | None = None  # the last stamp as it came, once checked
    for item in items:
        if type(item) is list and len(item) == 3 and received is not None:
            col, value, seq = item
        else:
            col, value, seq, *stamp = read_fixed(item, "field", 6)
            if stamp != received:
                hlc = read_hlc(stamp[0], "field.hlc")
                device = read_id(stamp[1], "field.device")
                author = read_opt_id(stamp[2], "field.author")
                received = stamp
        if type(col) is not str or len(col) > 63:
            col = read_text(col, "field.col", 63)
        if type(value) not in plain:
            value = read_value(value)
        if type(seq) is not int or not 0 < seq < INT64:
            seq = read_int(seq, "field.seq", 1)
        # PulledField's own constructor is a Python function: a tuple made directly
        # is the same object for a third of the cost.
        append(new(PulledField, (col, value, hlc, seq, device, author)))
    return tuple(out)


class RowRef(NamedTuple):
    tbl: str
    row_id: str


class Version(NamedTuple):
    """One side of a conflict."""

    value: Value
    hlc: str
    author: str | None
    device: str


@dataclass(frozen=True)
class ConflictRecord:
    """Concurrent edits of one field: the winner is in the row, the loser is kept here
    for an officer's review. `kind` is "edit" (two edits) or "delete" (an edit lost to a
    concurrent delete; the winner's value is then null)."""

    id: int
    tbl: str
    row_id: str
    col: str
    kind: str
    winner: Version
    loser: Version
    base_hlc: str | None
    created_seq: int
    resolved: bool

    def to_wire(self) -> dict[str, Any]:
        def side(v: Version) -> list[Any]:
            return [wire_value(v.value), v.hlc, v.author, v.device]

        return {
            "id": self.id,
            "tbl": self.tbl,
            "row_id": self.row_id,
            "col": self.col,
            "kind": self.kind,
            "winner": side(self.winner),
            "loser": side(self.loser),
            "base_hlc": self.base_hlc,
            "created_seq": self.created_seq,
            "resolved": self.resolved,
        }

    @classmethod
    def from_wire(cls, raw: Any) -> ConflictRecord:
        r = ObjectReader(raw, "conflict")

        def side(key: str) -> Version:
            value, hlc, author, device = read_fixed(r.data.get(key), f"conflict.{key}", 4)
            return Version(
                read_value(value),
                read_hlc(hlc, f"conflict.{key}.hlc"),
                read_opt_id(author, f"conflict.{key}.author"),
                read_id(device, f"conflict.{key}.device"),
            )

        kind = r.text("kind", max_length=16)
        if kind not in ("edit", "delete"):
            raise ProtocolError(f"conflict.kind: unknown kind {kind!r}")
        base = r.data.get("base_hlc")
        return cls(
            r.integer("id", minimum=1),
            r.text("tbl", max_length=63),
            read_id(r.data.get("row_id"), "conflict.row_id"),
            r.text("col", max_length=63),
            kind,
            side("winner"),
            side("loser"),
            None if base is None else read_hlc(base, "conflict.base_hlc"),
            r.integer("created_seq"),
            r.flag("resolved"),
        )


@dataclass(frozen=True)
class PullResponse:
    #: A tuple, or HQ's EncodedRows (equal to the tuple of the same rows).
    rows: Sequence[PulledRow]
    #: Rows that left the device's scope: remove the local copy (this is not a delete).
    removals: tuple[RowRef, ...]
    conflicts: tuple[ConflictRecord, ...]
    #: Store this as the cursor once the page is applied, in the same transaction.
    next_cursor: int
    #: More pages wait: pull again at once.
    more: bool
    #: HQ's latest sequence number (for progress: head - cursor is left to see).
    head: int
    server_time_ms: int

    def to_wire(self) -> dict[str, Any]:
        return {
            "rows": (
                self.rows.to_wire()
                if isinstance(self.rows, EncodedRows)
                else [r.to_wire() for r in self.rows]
            ),
            "removals": [list(r) for r in self.removals],
            "conflicts": [c.to_wire() for c in self.conflicts],
            "next_cursor": self.next_cursor,
            "more": self.more,
            "head": self.head,
            "server_time_ms": self.server_time_ms,
        }

    @classmethod
    def from_wire(cls, raw: Any) -> PullResponse:
        # A first pull's page is a million fields: see `paused_gc`. Paused from the start,
        # so that the decoded body `raw` (just as many lists) is not walked either.
        with paused_gc():
            r = ObjectReader(raw, "pull response")
            limit = MAX_PAGE_ITEMS
            removals = []
            for item in r.items("removals", max_items=limit):
                tbl, row_id = read_fixed(item, "removal", 2)
                removals.append(
                    RowRef(read_text(tbl, "removal.tbl", 63), read_id(row_id, "removal.row_id"))
                )
            return cls(
                tuple(PulledRow.from_wire(x) for x in r.items("rows", max_items=limit)),
                tuple(removals),
                tuple(ConflictRecord.from_wire(x) for x in r.items("conflicts", max_items=limit)),
                r.integer("next_cursor"),
                r.flag("more"),
                r.integer("head"),
                r.integer("server_time_ms"),
            )


@dataclass(frozen=True)
class EnrollRequest:
    """Redeems a one-time code. Signed with the new device key (proof of possession)."""

    code: str
    public_key: str
    device_name: str
    schema_version: int
    #: The vault's own device id, so its clock and change log keep their node name;
    #: HQ makes one when absent.
    device_id: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "public_key": self.public_key,
            "device_name": self.device_name,
            "schema_version": self.schema_version,
            "device_id": self.device_id,
        }

    @classmethod
    def from_wire(cls, raw: Any) -> EnrollRequest:
        r = ObjectReader(raw, "enroll")
        return cls(
            r.text("code", max_length=64),
            r.text("public_key", max_length=64),
            r.text("device_name", max_length=200),
            read_schema(r),
            read_opt_id(r.data.get("device_id"), "enroll.device_id"),
        )


@dataclass(frozen=True)
class EnrollResponse:
    device_id: str
    org_id: str
    org_name: str
    level: str
    member_id: str | None
    #: HQ's Ed25519 key that signs wipe orders, and its X25519 key for recovery slots.
    hq_signing_key: str
    hq_recovery_key: str
    schema_version: int
    server_time_ms: int
    #: HQ's X25519 key that offline bundles are encrypted to; None from an HQ set up
    #: before bundles existed (and absent from its answers: read tolerantly).
    hq_bundle_key: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "org_id": self.org_id,
            "org_name": self.org_name,
            "level": self.level,
            "member_id": self.member_id,
            "hq_signing_key": self.hq_signing_key,
            "hq_recovery_key": self.hq_recovery_key,
            "schema_version": self.schema_version,
            "server_time_ms": self.server_time_ms,
            "hq_bundle_key": self.hq_bundle_key,
        }

    @classmethod
    def from_wire(cls, raw: Any) -> EnrollResponse:
        r = ObjectReader(raw, "enroll response")
        return cls(
            read_id(r.data.get("device_id"), "enroll.device_id"),
            read_id(r.data.get("org_id"), "enroll.org_id"),
            r.text("org_name"),
            r.text("level", max_length=16),
            read_opt_id(r.data.get("member_id"), "enroll.member_id"),
            r.text("hq_signing_key", max_length=64),
            r.text("hq_recovery_key", max_length=64),
            read_schema(r),
            r.integer("server_time_ms"),
            r.opt_text("hq_bundle_key", max_length=64),
        )


class Rejected(NamedTuple):
    device_seq: int
    reason: str


@dataclass(frozen=True)
class ErrorBody:
    """What HQ answers with any 4xx/5xx, as plain JSON (application/json).

    `rejected` lists the changes that made a push fail (nothing of it was written);
    `wipe` is a signed wipe order, sent to a revoked device flagged for wiping.
    """

    error: str
    reason: str
    server_time_ms: int
    rejected: tuple[Rejected, ...] = ()
    wipe: dict[str, str] | None = None

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "error": self.error,
            "reason": self.reason,
            "server_time_ms": self.server_time_ms,
        }
        if self.rejected:
            out["rejected"] = [list(r) for r in self.rejected]
        if self.wipe is not None:
            out["wipe"] = self.wipe
        return out

    @classmethod
    def from_wire(cls, raw: Any) -> ErrorBody:
        r = ObjectReader(raw, "error")
        rejected = tuple(
            Rejected(read_int(s, "rejected.device_seq"), read_text(why, "rejected.reason", 1000))
            for s, why in (
                read_fixed(x, "rejected", 2)
                for x in r.items("rejected", max_items=100_000, default=[])
            )
        )
        wipe = r.data.get("wipe")
        if wipe is not None and not (
            isinstance(wipe, dict) and all(isinstance(v, str) for v in wipe.values())
        ):
            raise ProtocolError("error.wipe: expected a signed wipe order")
        return cls(
            r.text("error", max_length=64),
            r.text("reason", max_length=2000),
            r.integer("server_time_ms"),
            rejected,
            wipe,
        )
