"""`lianxin-cli enroll`, `sync [--watch]` and `status`: the link to HQ, headless."""

from __future__ import annotations

import argparse
import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from desktop.store.errors import LianxinError
from desktop.store.replica import Replica
from desktop.store.wipe import wipe_data_folder
from desktop.store.workspace import Workspace
from desktop.sync import state
from desktop.sync.engine import SyncEngine, SyncOutcome
from desktop.sync.enrolment import enroll, read_ca

log = logging.getLogger(__name__)

Unlocked = Callable[[argparse.Namespace], AbstractContextManager[Workspace]]
Out = Callable[..., None]

#: --watch: a quiet link is asked every this many seconds; a failed sync backs off up to
#: the maximum, with jitter so a site's laptops do not all retry at once.
WATCH_INTERVAL_S = 60.0
MAX_BACKOFF_S = 900.0
#: How often --watch looks for new local changes to send.
OUTBOX_POLL_S = 5.0


def _when(ms: int) -> str:
    if not ms:
        return "never"
    return datetime.fromtimestamp(ms / 1000, UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def report(outcome: SyncOutcome) -> list[str]:
    lines = []
    if outcome.ok:
        lines.append(
            f"Synced: sent {outcome.pushed} changes, received {outcome.pulled_rows} rows "
            f"({outcome.bytes_sent + outcome.bytes_received} bytes in {outcome.requests} "
            "requests)."
        )
    if outcome.removed:
        lines.append(f"{outcome.removed} rows left this computer's scope and were removed.")
    if outcome.refused:
        lines.append(
            f"HQ refused {outcome.refused} changes; they are set aside (lianxin-cli status)."
        )
    if outcome.conflicts:
        lines.append(f"{outcome.conflicts} new conflicts wait for an officer's review.")
    if outcome.skew_warning:
        lines.append(
            f"Warning: this computer's clock is {abs(outcome.clock_skew_ms) // 1000} s "
            f"{'behind' if outcome.clock_skew_ms > 0 else 'ahead of'} HQ's; set the date and "
            "time."
        )
    return lines


def _sync_once(ws: Workspace, out: Out) -> SyncOutcome:
    records = ws.second_connection()
    try:
        outcome = SyncEngine(records, via="cli", blobs=ws.blob_store()).run()
    finally:
        records.db.close()
    for line in report(outcome):
        out(line)
    if outcome.wipe is not None:
        ws.close()
        wipe_data_folder(ws.folder)
        raise SystemExit("HQ ordered this computer's data destroyed (reported lost); done.")
    if outcome.error is not None:
        raise outcome.error
    return outcome


def cmd_enroll(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    with unlocked(args) as ws:
        done = enroll(ws, args.server, args.code, ca_pem=read_ca(args.ca), device_name=args.name)
        found = done.enrolment
        out(f"Enrolled with HQ as {found.level} of {found.org_name}.")
        if done.subunits:
            out(
                f"This computer has {len(done.subunits)} units of its own below the branch "
                "(groups). Ask HQ to add them with the same ids so members keep them:"
            )
            for unit_id, name, level, parent in done.subunits:
                out(f"  lianxin-hq org add {name} --parent {parent} --level {level} --id {unit_id}")
        _sync_once(ws, out)
    return 0


def _watch(ws: Workspace, out: Out, interval: float) -> Iterator[None]:
    backoff = 0.0
    while True:
        try:
            _sync_once(ws, out)
            backoff = 0.0
            wait = interval
        except SystemExit:
            raise
        except LianxinError as problem:
            out(str(problem))
            backoff = min(MAX_BACKOFF_S, max(5.0, backoff * 2))
            wait = backoff * random.uniform(0.5, 1.0)
        deadline = time.monotonic() + wait
        waiting = Replica(ws.records).outbox_count()
        while time.monotonic() < deadline:
            time.sleep(min(OUTBOX_POLL_S, max(0.0, deadline - time.monotonic())))
            # New local changes (the app writes to the same folder): send them soon.
            if not backoff and Replica(ws.records).outbox_count() > waiting:
                break
        yield


def cmd_sync(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    with unlocked(args) as ws:
        if not args.watch:
            _sync_once(ws, out)
            return 0
        out(f"Syncing every {args.interval:.0f} s and soon after local changes; Ctrl-C stops.")
        for _ in _watch(ws, out, args.interval):
            pass
    return 0


def cmd_status(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    with unlocked(args) as ws:
        found = state.enrolment(ws.db)
        replica = Replica(ws.records)
        if found is None:
            out("Not connected to HQ (lianxin-cli enroll --server URL --code CODE).")
        else:
            out(f"HQ: {found.server} — {found.org_name} ({found.level})")
            out(f"Last successful sync: {_when(state.number(ws.db, state.LAST_OK_MS))}")
        out(f"Changes waiting to be sent: {replica.outbox_count()}")
        conflicts = int(ws.db.scalar("SELECT count(*) FROM sync_conflicts"))
        out(f"Conflicts waiting for review: {conflicts}")
        for seq, tbl, row_id, col, _value, _hlc, reason, at in replica.refused():
            out(f"Refused by HQ ({at}): change {seq} to {tbl} {row_id} field {col}: {reason}")
        rows = ws.db.query(
            "SELECT finished, via, outcome, pushed, pulled, detail FROM sync_log "
            "ORDER BY id DESC LIMIT 5"
        )
        for finished, via, outcome, pushed, pulled, detail in rows:
            out(f"{finished} {via} {outcome}: sent {pushed}, received {pulled} {detail}".rstrip())
    return 0


def add_commands(
    commands: Any,
    command: Callable[..., argparse.ArgumentParser],
    unlocked: Unlocked,
    out: Out,
) -> None:
    def bind(handler: Callable[[argparse.Namespace, Unlocked, Out], int]) -> Callable[..., int]:
        return lambda args: handler(args, unlocked, out)

    enrol = command(commands, "enroll", bind(cmd_enroll), "connect this computer to HQ")
    enrol.add_argument("--server", required=True, metavar="URL", help="HQ's address")
    enrol.add_argument("--code", required=True, metavar="CODE", help="the one-time code")
    enrol.add_argument("--ca", metavar="FILE", help="HQ's CA certificate (for https)")
    enrol.add_argument("--name", metavar="NAME", help="this computer's name at HQ")
    sync = command(commands, "sync", bind(cmd_sync), "exchange changes with HQ")
    sync.add_argument("--watch", action="store_true", help="keep syncing until Ctrl-C")
    sync.add_argument(
        "--interval", type=float, default=WATCH_INTERVAL_S, metavar="SECONDS", help="with --watch"
    )
    command(commands, "status", bind(cmd_status), "the link to HQ and what waits")
