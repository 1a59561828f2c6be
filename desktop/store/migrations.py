"""Numbered, forward-only schema migrations.

`PRAGMA user_version` holds the number of migrations applied. Each migration is frozen
SQL: never edit one that has shipped, add the next. `tests/unit/test_migrations.py`
checks that the migrated schema matches the registry, and opens a fixture database of
every past version (`tests/fixtures/vaults/vN`). A database newer than this code is
refused before anything is written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from desktop.store.db import Database
from desktop.store.errors import VaultTooNew
from desktop.store.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    number: int
    summary: str
    apply: Callable[[Database], None]


def _sql(*statements: str) -> Callable[[Database], None]:
    def run(db: Database) -> None:
        for stmt in statements:
            db.execute(stmt)

    return run


_CORE = (
    # Key-value facts about this database (device id, org, last HLC, audit head).
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # The change log: every field change, local or received. Local changes carry a
    # device_seq and stay in the outbox until HQ acknowledges them.
    """CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        row_id TEXT NOT NULL,
        tbl TEXT NOT NULL,
        col TEXT NOT NULL,
        value,
        hlc TEXT NOT NULL,
        base_hlc TEXT,
        author TEXT,
        device TEXT NOT NULL,
        device_seq INTEGER,
        acked INTEGER NOT NULL DEFAULT 0,
        block INTEGER NOT NULL
    )""",
    "CREATE INDEX changes_row ON changes(row_id)",
    "CREATE UNIQUE INDEX changes_device_seq ON changes(device_seq) WHERE device_seq IS NOT NULL",
    "CREATE INDEX changes_pending ON changes(device_seq) WHERE device_seq IS NOT NULL AND acked = 0",
    """CREATE VIEW outbox AS
        SELECT device_seq, row_id, tbl, col, value, hlc, base_hlc, author, device
        FROM changes WHERE device_seq IS NOT NULL AND acked = 0""",
    # Hash-chained blocks over the change log, one per committed transaction.
    """CREATE TABLE audit_blocks (
        id INTEGER PRIMARY KEY,
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        author TEXT,
        device TEXT NOT NULL,
        at TEXT NOT NULL,
        digest TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
)

_V1_TABLES = (
    """CREATE TABLE org_units (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        name TEXT,
        level TEXT,
        parent_id TEXT,
        temporary INTEGER,
        code TEXT
    )""",
    "CREATE INDEX org_units_owner ON org_units(owner_org)",
    "CREATE INDEX org_units_parent_id ON org_units(parent_id)",
    "CREATE VIRTUAL TABLE fts_org_units USING fts5(terms, content='', contentless_delete=1, tokenize=\"unicode61 remove_diacritics 0\", prefix='1 2 3')",
    """CREATE TABLE members (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        name TEXT,
        former_names TEXT,
        gender TEXT,
        ethnicity TEXT,
        birth_date TEXT,
        id_kind TEXT,
        id_number TEXT,
        native_place TEXT,
        education TEXT,
        work_unit TEXT,
        post TEXT,
        phone TEXT,
        applied_date TEXT,
        joined_date TEXT,
        full_date TEXT,
        category TEXT,
        status TEXT,
        status_date TEXT,
        party_post TEXT,
        group_id TEXT,
        formal_unit TEXT,
        hardship INTEGER
    )""",
    "CREATE INDEX members_owner ON members(owner_org)",
    "CREATE INDEX members_name ON members(name)",
    "CREATE INDEX members_id_number ON members(id_number)",
    "CREATE VIRTUAL TABLE fts_members USING fts5(terms, content='', contentless_delete=1, tokenize=\"unicode61 remove_diacritics 0\", prefix='1 2 3')",
    """CREATE TABLE users (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        name TEXT,
        role TEXT,
        member_id TEXT
    )""",
    "CREATE INDEX users_owner ON users(owner_org)",
    "CREATE INDEX users_name ON users(name)",
)

#: Change states (changes.acked): waiting in the outbox, stored at HQ, replaced at
#: enrolment (written before this vault joined HQ; its rows were sent again as new),
#: set aside because HQ refused it (the reason is in sync_refused).
_V2_SYNC = (
    """CREATE TABLE attachments (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        record_table TEXT,
        record_id TEXT,
        name TEXT,
        mime TEXT,
        kind TEXT,
        sha256 TEXT,
        size INTEGER
    )""",
    "CREATE INDEX attachments_owner ON attachments(owner_org)",
    "CREATE INDEX attachments_record_id ON attachments(record_id)",
    "CREATE INDEX attachments_sha256 ON attachments(sha256)",
    "CREATE VIRTUAL TABLE fts_attachments USING fts5(terms, content='', contentless_delete=1, tokenize=\"unicode61 remove_diacritics 0\", prefix='1 2 3')",
    # Received changes have no device_seq; the audit trail covers them too.
    "CREATE INDEX changes_refused ON changes(device_seq) WHERE acked = 3",
    # Changes HQ refused: kept, shown to the officer, never sent again.
    """CREATE TABLE sync_refused (
        device_seq INTEGER PRIMARY KEY,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    # HQ's conflict records in this device's scope. `decided` marks a review that waits
    # to be sent with the next push.
    """CREATE TABLE sync_conflicts (
        id INTEGER PRIMARY KEY,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        col TEXT NOT NULL,
        kind TEXT NOT NULL,
        winner TEXT NOT NULL,
        loser TEXT NOT NULL,
        base_hlc TEXT,
        created_seq INTEGER NOT NULL,
        decided INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX sync_conflicts_row ON sync_conflicts(row_id)",
    # One line per sync attempt (the sync log page).
    """CREATE TABLE sync_log (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,
        finished TEXT NOT NULL,
        via TEXT NOT NULL,
        outcome TEXT NOT NULL,
        pushed INTEGER NOT NULL DEFAULT 0,
        pulled INTEGER NOT NULL DEFAULT 0,
        bytes_sent INTEGER NOT NULL DEFAULT 0,
        bytes_received INTEGER NOT NULL DEFAULT 0,
        detail TEXT NOT NULL DEFAULT ''
    )""",
    # Attachment contents this device holds or wants (files under blobs/, encrypted).
    """CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        media INTEGER NOT NULL DEFAULT 0,
        have INTEGER NOT NULL DEFAULT 0,
        uploaded INTEGER NOT NULL DEFAULT 0,
        wanted INTEGER NOT NULL DEFAULT 0
    )""",
    # Private halves of the one-time keys that offline-bundle replies are encrypted to.
    """CREATE TABLE bundle_keys (
        id TEXT PRIMARY KEY,
        private BLOB NOT NULL,
        created TEXT NOT NULL
    )""",
)

_V3_ORGANISATION = (
    # The org tree's dates and place; the member archive's new fields.
    "ALTER TABLE org_units ADD COLUMN established TEXT",
    "ALTER TABLE org_units ADD COLUMN closed TEXT",
    "ALTER TABLE org_units ADD COLUMN place TEXT",
    "ALTER TABLE members ADD COLUMN nationality TEXT",
    "ALTER TABLE members ADD COLUMN floating TEXT",
    "ALTER TABLE members ADD COLUMN photo_id TEXT",
    "ALTER TABLE members ADD COLUMN import_id TEXT",
    "CREATE INDEX members_import_id ON members(import_id)",
    """CREATE TABLE committee_terms (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        org_id TEXT,
        body TEXT,
        elected_date TEXT,
        start_date TEXT,
        end_date TEXT,
        closed_date TEXT,
        note TEXT
    )""",
    "CREATE INDEX committee_terms_owner ON committee_terms(owner_org)",
    "CREATE INDEX committee_terms_org_id ON committee_terms(org_id)",
    """CREATE TABLE committee_members (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        term_id TEXT,
        member_id TEXT,
        name TEXT,
        post TEXT,
        start_date TEXT,
        end_date TEXT
    )""",
    "CREATE INDEX committee_members_owner ON committee_members(owner_org)",
    "CREATE INDEX committee_members_term_id ON committee_members(term_id)",
    "CREATE INDEX committee_members_member_id ON committee_members(member_id)",
    "CREATE VIRTUAL TABLE fts_committee_members USING fts5(terms, content='', contentless_delete=1, tokenize=\"unicode61 remove_diacritics 0\", prefix='1 2 3')",
    """CREATE TABLE member_events (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        member_id TEXT,
        date TEXT,
        kind TEXT,
        old_value TEXT,
        new_value TEXT,
        note TEXT,
        ref_id TEXT
    )""",
    "CREATE INDEX member_events_owner ON member_events(owner_org)",
    "CREATE INDEX member_events_member_id ON member_events(member_id)",
    """CREATE TABLE member_entries (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        member_id TEXT,
        kind TEXT,
        start_date TEXT,
        end_date TEXT,
        title TEXT,
        organisation TEXT,
        country TEXT,
        detail TEXT
    )""",
    "CREATE INDEX member_entries_owner ON member_entries(owner_org)",
    "CREATE INDEX member_entries_member_id ON member_entries(member_id)",
    """CREATE TABLE roster_imports (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        file_name TEXT,
        imported_at TEXT,
        rows INTEGER,
        skipped INTEGER,
        by_name TEXT,
        undone_at TEXT
    )""",
    "CREATE INDEX roster_imports_owner ON roster_imports(owner_org)",
    """CREATE TABLE development_cases (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        name TEXT,
        gender TEXT,
        birth_date TEXT,
        ethnicity TEXT,
        id_number TEXT,
        education TEXT,
        work_unit TEXT,
        phone TEXT,
        group_id TEXT,
        stage INTEGER,
        state TEXT,
        member_id TEXT,
        closed_reason TEXT
    )""",
    "CREATE INDEX development_cases_owner ON development_cases(owner_org)",
    "CREATE INDEX development_cases_name ON development_cases(name)",
    "CREATE INDEX development_cases_member_id ON development_cases(member_id)",
    "CREATE VIRTUAL TABLE fts_development_cases USING fts5(terms, content='', contentless_delete=1, tokenize=\"unicode61 remove_diacritics 0\", prefix='1 2 3')",
    """CREATE TABLE development_steps (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        case_id TEXT,
        step INTEGER,
        done_date TEXT,
        people TEXT,
        outcome TEXT,
        note TEXT
    )""",
    "CREATE INDEX development_steps_owner ON development_steps(owner_org)",
    "CREATE INDEX development_steps_case_id ON development_steps(case_id)",
    """CREATE TABLE transfer_letters (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        serial TEXT,
        direction TEXT,
        route TEXT,
        member_id TEXT,
        name TEXT,
        gender TEXT,
        birth_date TEXT,
        ethnicity TEXT,
        category TEXT,
        id_kind TEXT,
        id_number TEXT,
        from_org TEXT,
        from_unit TEXT,
        to_org TEXT,
        to_unit TEXT,
        paid_up_to TEXT,
        issued_date TEXT,
        valid_until TEXT,
        state TEXT,
        note TEXT
    )""",
    "CREATE INDEX transfer_letters_owner ON transfer_letters(owner_org)",
    "CREATE INDEX transfer_letters_serial ON transfer_letters(serial)",
    "CREATE INDEX transfer_letters_member_id ON transfer_letters(member_id)",
    "CREATE INDEX transfer_letters_to_org ON transfer_letters(to_org)",
    "CREATE VIRTUAL TABLE fts_transfer_letters USING fts5(terms, content='', contentless_delete=1, tokenize=\"unicode61 remove_diacritics 0\", prefix='1 2 3')",
    """CREATE TABLE transfer_receipts (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        letter_id TEXT,
        serial TEXT,
        received_date TEXT,
        received_by TEXT,
        receiving_unit TEXT,
        note TEXT
    )""",
    "CREATE INDEX transfer_receipts_owner ON transfer_receipts(owner_org)",
    "CREATE INDEX transfer_receipts_letter_id ON transfer_receipts(letter_id)",
    """CREATE TABLE floating_records (
        _rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner_org TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '[]',
        _deleted INTEGER NOT NULL DEFAULT 0,
        _created TEXT NOT NULL,
        _hlc TEXT NOT NULL,
        _v TEXT NOT NULL DEFAULT '{}',
        member_id TEXT,
        name TEXT,
        direction TEXT,
        place TEXT,
        unit TEXT,
        contact TEXT,
        start_date TEXT,
        end_date TEXT,
        note TEXT
    )""",
    "CREATE INDEX floating_records_owner ON floating_records(owner_org)",
    "CREATE INDEX floating_records_member_id ON floating_records(member_id)",
    "CREATE VIRTUAL TABLE fts_floating_records USING fts5(terms, content='', contentless_delete=1, tokenize=\"unicode61 remove_diacritics 0\", prefix='1 2 3')",
)

#: Migration 4's search index (as `search_ddl` wrote it then): no prefix indexes.
_V4_SEARCH = (
    "CREATE VIRTUAL TABLE {name} USING fts5(terms, content='', contentless_delete=1, "
    'tokenize="unicode61 remove_diacritics 0")'
)


def _search_without_prefixes(db: Database) -> None:
    """Migration 4: every search index made again without prefix indexes, empty, with
    its table's rows marked as waiting for it from the first (`search_from:<table>`,
    as desktop.store.search_backlog reads it): the unlock that follows indexes them. An
    empty table gets no mark (a new database's writes are indexed as they are made)."""
    names = [
        str(r[0])
        for r in db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql LIKE 'CREATE VIRTUAL TABLE %fts5(%' AND name LIKE 'fts\\_%' ESCAPE '\\'"
        )
    ]
    for name in names:
        db.execute(f"DROP TABLE {name}")
        db.execute(_V4_SEARCH.format(name=name))
        table = name.removeprefix("fts_")
        first = db.scalar(f"SELECT min(_rowid) FROM {table}")
        if first is not None:
            db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                ("search_from:" + table, str(first)),
            )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "change log, outbox, audit chain; org units, members, local users",
        _sql(
            *_CORE,
            *_V1_TABLES,
        ),
    ),
    Migration(
        2,
        "sync: attachments, refused changes, conflicts, sync log, blobs, bundle keys",
        _sql(*_V2_SYNC),
    ),
    Migration(
        3,
        "organisation: committee terms, member history and archive sets, roster imports, "
        "development cases and steps, transfer letters and receipts, floating members",
        _sql(*_V3_ORGANISATION),
    ),
    Migration(
        4,
        "search indexes without prefix indexes (rebuilt at the next unlock)",
        _search_without_prefixes,
    ),
)

assert len(MIGRATIONS) == SCHEMA_VERSION, "bump SCHEMA_VERSION with every migration"


def current_version(db: Database) -> int:
    return int(db.scalar("PRAGMA user_version"))


def migrate(db: Database) -> list[int]:
    """Apply every pending migration, each in its own transaction; return their numbers.

    Refuses (VaultTooNew) a database written by a newer Lianxin, before touching it.
    """
    found = current_version(db)
    if found > SCHEMA_VERSION:
        raise VaultTooNew(found=found, supported=SCHEMA_VERSION)
    applied = []
    for migration in MIGRATIONS[found:]:
        with db.transaction():
            migration.apply(db)
            db.execute(f"PRAGMA user_version = {migration.number}")
        log.info("schema migrated to %d: %s", migration.number, migration.summary)
        applied.append(migration.number)
    return applied
