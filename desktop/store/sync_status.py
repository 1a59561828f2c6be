"""The link to HQ as the app shows it: enrolled or not, with which HQ and unit, when a sync
last succeeded, how far this computer's clock is off.

desktop.sync.state writes these facts; the domain may not import desktop.sync, so the few
key names it reads are repeated here (a test keeps them equal to desktop.sync.state's).
Only display facts leave this module: never the device key kept in the enrolment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.store import meta
from desktop.store.db import Database

ENROLMENT = "sync_enrolment"
LAST_OK_MS = "sync_last_ok_ms"
CLOCK_OFFSET_MS = "sync_clock_offset_ms"


@dataclass(frozen=True)
class LinkFacts:
    enrolled: bool
    server: str = ""
    org_name: str = ""
    #: "officer" or "member" (what HQ enrolled this computer as).
    level: str = ""
    #: When a sync last succeeded (Unix ms), 0 if never.
    last_ok_ms: int = 0
    #: HQ's clock minus this computer's, as last measured.
    clock_offset_ms: int = 0


def _number(db: Database, key: str) -> int:
    text = meta.get(db, key)
    try:
        return 0 if text is None else int(text)
    except ValueError:
        return 0


def link_facts(db: Database) -> LinkFacts:
    text = meta.get(db, ENROLMENT)
    last_ok = _number(db, LAST_OK_MS)
    offset = _number(db, CLOCK_OFFSET_MS)
    if not text:
        return LinkFacts(False, last_ok_ms=last_ok, clock_offset_ms=offset)
    enrolment = json.loads(text)
    return LinkFacts(
        True,
        server=str(enrolment.get("server", "")),
        org_name=str(enrolment.get("org_name", "")),
        level=str(enrolment.get("level", "")),
        last_ok_ms=last_ok,
        clock_offset_ms=offset,
    )
