"""Row ids: UUIDv7, time-ordered so that new rows land at the end of b-tree indexes."""

from __future__ import annotations

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())
