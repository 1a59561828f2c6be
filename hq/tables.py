"""HQ's tables, in SQLAlchemy Core: the same schema on SQLite and PostgreSQL.

Times are milliseconds since the epoch (BigInteger) so both databases store them alike.
Field values are stored as the canonical JSON text of their wire form.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    literal_column,
)

from desktop.store.schema.attachments import ATTACHMENTS

#: Bumped with every change to the tables below (HQ refuses a database newer than it
#: knows, and upgrades an older one: hq.db.MIGRATIONS).
#: 2: attachment contents (blobs, blob_chunks) and the index that finds who names one.
#: 3: transfers handed over (hq_handovers) and the index that finds a record's files.
HQ_SCHEMA = 3

ID = String(64)
HLC = String(96)
NAME = String(63)

metadata = MetaData()

#: Facts about this HQ database: its schema version, when it was made.
hq_meta = Table(
    "hq_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

#: HQ's own key pairs; private halves sealed under the operator's passphrase.
hq_keys = Table(
    "hq_keys",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("public_key", Text, nullable=False),
    Column("sealed", Text, nullable=False),
)

#: The HQ sequence: every accepted change (and conflict resolution) takes the next number.
#: Its one row is locked by each push until commit, so numbers become visible in order.
counters = Table(
    "counters",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

orgs = Table(
    "orgs",
    metadata,
    Column("id", ID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("level", String(32), nullable=False),
    Column("parent_id", ID, ForeignKey("orgs.id"), nullable=True),
    Column("created_at", BigInteger, nullable=False),
)

#: Every (ancestor, descendant) pair of the org tree, each unit paired with itself at
#: depth 0: scope queries join on it instead of walking the tree.
org_closure = Table(
    "org_closure",
    metadata,
    Column("ancestor", ID, ForeignKey("orgs.id"), primary_key=True),
    Column("descendant", ID, ForeignKey("orgs.id"), primary_key=True),
    Column("depth", Integer, nullable=False),
    Index("org_closure_descendant", "descendant"),
)

devices = Table(
    "devices",
    metadata,
    Column("id", ID, primary_key=True),
    Column("org_id", ID, ForeignKey("orgs.id"), nullable=False),
    Column("level", String(16), nullable=False),
    Column("member_id", ID, nullable=True),
    Column("public_key", String(64), nullable=False),
    Column("name", String(200), nullable=False),
    Column("enrolled_at", BigInteger, nullable=False),
    Column("last_seen_at", BigInteger, nullable=True),
    Column("revoked_at", BigInteger, nullable=True),
    Column("revoke_reason", String(500), nullable=True),
    Column("wipe", Boolean, nullable=False, default=False),
    Column("wipe_sent_at", BigInteger, nullable=True),
)

#: One-time enrolment codes; only a hash of the code is kept.
enrollment_codes = Table(
    "enrollment_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("org_id", ID, ForeignKey("orgs.id"), nullable=False),
    Column("level", String(16), nullable=False),
    Column("member_id", ID, nullable=True),
    Column("created_at", BigInteger, nullable=False),
    Column("expires_at", BigInteger, nullable=False),
    Column("used_at", BigInteger, nullable=True),
    Column("device_id", ID, nullable=True),
)

#: The replay cache: nonces seen within the clock window, shared by every app worker.
nonces = Table(
    "nonces",
    metadata,
    Column("device_id", ID, primary_key=True),
    Column("nonce", String(32), primary_key=True),
    Column("time_ms", BigInteger, nullable=False),
    Index("nonces_time", "time_ms"),
)

#: The change log: every accepted change, with its HQ sequence number.
changes = Table(
    "changes",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("device", ID, nullable=False),
    Column("device_seq", BigInteger, nullable=True),
    Column("row_id", ID, nullable=False),
    Column("tbl", NAME, nullable=False),
    Column("col", NAME, nullable=False),
    Column("value", Text, nullable=True),
    Column("hlc", HLC, nullable=False),
    Column("base_hlc", HLC, nullable=True),
    Column("author", ID, nullable=True),
    Column("received_at", BigInteger, nullable=False),
    UniqueConstraint("device", "device_seq", name="changes_device_seq"),
    Index("changes_row", "row_id"),
    # A pull finds the changes of the rows it sends whole outside its range on this
    # index alone (hq.pull).
    Index("changes_row_seq", "tbl", "row_id", "seq"),
)

#: The current value of every field: the winner of the per-field merge.
field_state = Table(
    "field_state",
    metadata,
    Column("tbl", NAME, primary_key=True),
    Column("row_id", ID, primary_key=True),
    Column("col", NAME, primary_key=True),
    Column("value", Text, nullable=True),
    Column("hlc", HLC, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("device", ID, nullable=False),
    Column("author", ID, nullable=True),
    Index("field_state_row", "row_id"),
    Index("field_state_seq", "seq"),
)

#: What scope needs to know of each row; `scope_seq` is its last change of owner,
#: audience or member.
row_state = Table(
    "row_state",
    metadata,
    Column("tbl", NAME, primary_key=True),
    Column("row_id", ID, primary_key=True),
    Column("owner_org", ID, nullable=True),
    Column("member_id", ID, nullable=True),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("created_hlc", HLC, nullable=False),
    Column("created_seq", BigInteger, nullable=False),
    Column("scope_seq", BigInteger, nullable=True),
    Index("row_state_owner", "owner_org"),
    Index("row_state_member", "member_id"),
    Index("row_state_scope_seq", "scope_seq"),
)

#: A row's audience, one line per org unit or member named (so SQL can match it).
row_audience = Table(
    "row_audience",
    metadata,
    Column("tbl", NAME, primary_key=True),
    Column("row_id", ID, primary_key=True),
    Column("unit", ID, primary_key=True),
    Index("row_audience_unit", "unit"),
)

#: A row's scope before each change of owner, audience or member: a pull works out
#: from it which rows entered or left a device's scope since its cursor.
scope_moves = Table(
    "scope_moves",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("tbl", NAME, nullable=False),
    Column("row_id", ID, nullable=False),
    Column("old_owner", ID, nullable=True),
    Column("old_member", ID, nullable=True),
    Column("old_audience", Text, nullable=False),
    Index("scope_moves_row", "row_id"),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("tbl", NAME, nullable=False),
    Column("row_id", ID, nullable=False),
    Column("col", NAME, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("winner_value", Text, nullable=True),
    Column("winner_hlc", HLC, nullable=False),
    Column("winner_author", ID, nullable=True),
    Column("winner_device", ID, nullable=False),
    Column("loser_value", Text, nullable=True),
    Column("loser_hlc", HLC, nullable=False),
    Column("loser_author", ID, nullable=True),
    Column("loser_device", ID, nullable=False),
    Column("base_hlc", HLC, nullable=True),
    Column("created_seq", BigInteger, nullable=False),
    Column("resolved_seq", BigInteger, nullable=True),
    Column("resolved_by", ID, nullable=True),
    Index("conflicts_created", "created_seq"),
    Index("conflicts_resolved", "resolved_seq"),
    Index("conflicts_row", "row_id"),
)

# --- schema 2: attachment contents --------------------------------------------------

#: Which attachments name a content: `field_state` rows of attachments.sha256 by value.
#: Partial (only those rows), so it stays small; the condition is written as literals
#: because SQLite uses a partial index only for a query with the very same constants.
BLOB_NAMED = and_(
    field_state.c.tbl == literal_column(f"'{ATTACHMENTS.name}'"),
    field_state.c.col == literal_column("'sha256'"),
)
field_state_blob = Index(
    "field_state_blob",
    field_state.c.value,
    sqlite_where=BLOB_NAMED,
    postgresql_where=BLOB_NAMED,
)

SHA = String(64)

#: Attachment contents by SHA-256, complete or still arriving (`received` bytes so far).
#: Kept in the database, not on an app server's disk, so app servers stay stateless.
blobs = Table(
    "blobs",
    metadata,
    Column("sha", SHA, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("received", BigInteger, nullable=False),
    Column("complete", Boolean, nullable=False, default=False),
    Column("created_ms", BigInteger, nullable=False),
    Column("updated_ms", BigInteger, nullable=False),
)

#: A content's bytes in pieces of at most 1 MiB, keyed by where each starts.
blob_chunks = Table(
    "blob_chunks",
    metadata,
    Column("sha", SHA, ForeignKey("blobs.sha", ondelete="CASCADE"), primary_key=True),
    Column("offset", BigInteger, primary_key=True, autoincrement=False),
    Column("data", LargeBinary, nullable=False),
)

#: What schema 2 added (the upgrade from 1 creates these).
SCHEMA_2_TABLES = (blobs, blob_chunks)
SCHEMA_2_INDEXES = (field_state_blob,)

# --- schema 3: transfers handed over ---------------------------------------------------

#: Each receipt HQ has looked at (a row of a table declaring HandOver), and what became of
#: it: "moved" (final: the member's records were re-owned at `seq`), "waiting" (its letter
#: has not reached HQ yet), "refused" (it does not answer its letter; `reason` says why).
#: A letter that arrives later finds the receipts waiting for it by `letter_id`.
hq_handovers = Table(
    "hq_handovers",
    metadata,
    Column("tbl", NAME, primary_key=True),
    Column("receipt_id", ID, primary_key=True),
    Column("letter_id", ID, nullable=True),
    Column("member_id", ID, nullable=True),
    Column("from_org", ID, nullable=True),
    Column("to_org", ID, nullable=True),
    Column("outcome", String(16), nullable=False),
    Column("reason", Text, nullable=True),
    Column("rows_moved", Integer, nullable=False, default=0),
    Column("seq", BigInteger, nullable=True),
    Column("updated_ms", BigInteger, nullable=False),
    Index("hq_handovers_letter", "letter_id"),
)

#: Which attachments belong to a record: `field_state` rows of attachments.record_id by
#: value (partial, literal constants: see BLOB_NAMED).
RECORD_NAMED = and_(
    field_state.c.tbl == literal_column(f"'{ATTACHMENTS.name}'"),
    field_state.c.col == literal_column("'record_id'"),
)
field_state_record = Index(
    "field_state_record",
    field_state.c.value,
    sqlite_where=RECORD_NAMED,
    postgresql_where=RECORD_NAMED,
)

#: What schema 3 added (the upgrade from 2 creates these).
SCHEMA_3_TABLES = (hq_handovers,)
SCHEMA_3_INDEXES = (field_state_record,)
