"""Key-value facts about a database: its device id, org unit, clock, audit head."""

from __future__ import annotations

from desktop.store.db import Database

DEVICE_ID = "device_id"
ORG_ID = "org_id"
ORG_NAME = "org_name"
CLOCK = "hlc"
VAULT_ID = "vault_id"


def get(db: Database, key: str, default: str | None = None) -> str | None:
    value = db.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    return default if value is None else str(value)


def put(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
