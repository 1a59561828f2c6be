"""`make run`: the app on the demo data folder, with a local HQ that it syncs with.

Sets up an embedded HQ (SQLite) beside the demo folder the first time, enrols the demo
folder with it (adopting the demo branch's groups at HQ with their ids), then starts HQ
and the app; closing the app stops HQ. Nothing leaves this machine: HQ listens on
127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from desktop.domain import demo
from desktop.store.workspace import Workspace
from desktop.sync import state
from desktop.sync.engine import SyncEngine
from desktop.sync.enrolment import enroll
from desktop.sync.protocol import now_ms
from hq.db import HqDatabase
from hq.devices import issue_code
from hq.keys import PASSPHRASE_ENV, HqKeys, sealed_keys, store_keys
from hq.orgs import ROOT_LEVEL, add_org, list_orgs

log = logging.getLogger("run_demo")

DEFAULT_PASSPHRASE = "lianxin-demo-hq-passphrase"  # noqa: S105 — demo HQ on loopback only
ROOT_NAME = demo.ORG_NAME


def _free_port(preferred: int) -> int:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", preferred))
            return preferred
        except OSError:
            s.bind(("127.0.0.1", 0))
            return int(s.getsockname()[1])


def _set_up_hq(url: str, passphrase: str) -> None:
    db = HqDatabase(url)
    try:
        if db.initialised():
            return
        with db.write() as conn:
            now = now_ms()
            db.create_schema(conn, now)
            store_keys(conn, sealed_keys(HqKeys.generate(), passphrase))
            add_org(conn, ROOT_NAME, ROOT_LEVEL, None, now_ms=now)
        log.info("demo HQ set up")
    finally:
        db.dispose()


def _wait_for(server: str, hq: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if hq.poll() is not None:
            raise SystemExit("the demo HQ stopped at start; see the messages above")
        try:
            # server is http://127.0.0.1:PORT, built above.
            with urllib.request.urlopen(f"{server}/health", timeout=2) as answer:  # noqa: S310
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the demo HQ did not answer within 30 s")


def _enrol_demo(folder: Path, password: str, url: str, server: str) -> None:
    ws = Workspace.unlock(folder, demo.SECRETARY, password)
    try:
        if state.enrolment(ws.db) is not None:
            return
        db = HqDatabase(url)
        try:
            with db.write() as conn:
                root = next(o for o in list_orgs(conn) if o.parent_id is None)
                branch = add_org(conn, demo.BRANCH_NAME, "branch", root.id, now_ms=now_ms())
                code = issue_code(conn, branch.id, "officer", None, now_ms=now_ms()).code
            done = enroll(ws, server, code, device_name="demo laptop")
            with db.write() as conn:
                for unit_id, name, level, parent in done.subunits:
                    add_org(conn, name, level, parent, now_ms=now_ms(), org_id=unit_id)
        finally:
            db.dispose()
        records = ws.second_connection()
        try:
            outcome = SyncEngine(records, via="setup", blobs=ws.blob_store()).run()
        finally:
            records.db.close()
        if outcome.error is not None:
            raise SystemExit(f"first sync with the demo HQ failed: {outcome.error}")
        log.info("demo folder enrolled and synced (%d changes sent)", outcome.pushed)
    finally:
        ws.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--hq-dir", type=Path, required=True)
    parser.add_argument("--port", type=int, default=8470)
    parser.add_argument("app_args", nargs="*")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    password = os.environ.get("LIANXIN_DEMO_PASSWORD", "lianxin-demo")
    passphrase = os.environ.setdefault(PASSPHRASE_ENV, DEFAULT_PASSPHRASE)
    args.hq_dir.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{args.hq_dir / 'hq.db'}"
    _set_up_hq(url, passphrase)
    port = _free_port(args.port)
    server = f"http://127.0.0.1:{port}"
    bin_dir = Path(sys.executable).parent
    hq = subprocess.Popen(
        [
            str(bin_dir / "lianxin-hq"),
            "--db",
            url,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env={**os.environ, PASSPHRASE_ENV: passphrase},
    )
    try:
        _wait_for(server, hq)
        _enrol_demo(args.data_dir, password, url, server)
        print(f"Demo HQ at {server}; sign in as {demo.SECRETARY} with {password!r}.")
        app = subprocess.run(
            [str(bin_dir / "lianxin"), "--data-dir", str(args.data_dir), *args.app_args],
            check=False,
        )
        return app.returncode
    finally:
        hq.terminate()
        try:
            hq.wait(10)
        except subprocess.TimeoutExpired:
            hq.kill()


if __name__ == "__main__":
    raise SystemExit(main())
