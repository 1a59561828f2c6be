"""`lianxin-hq`: set up and run HQ, keep its org tree, enrol and revoke devices.

    lianxin-hq [--db URL] init --name NAME
    lianxin-hq [--db URL] serve [--host H] [--port P] [--tls-cert F --tls-key F] [--workers N]
    lianxin-hq [--db URL] org add NAME --parent ID [--level LEVEL] [--id ID]
    lianxin-hq [--db URL] org list
    lianxin-hq [--db URL] enroll ORG --level officer|member [--member ID]
    lianxin-hq [--db URL] devices list
    lianxin-hq [--db URL] devices revoke ID [--wipe] [--reason TEXT]
    lianxin-hq [--db URL] bundle import FILE --reply OUT
    lianxin-hq [--db URL] bundle make-key

The database defaults to an SQLite file in the platform's data folder (env
LIANXIN_HQ_DB overrides it). Mistakes print one line and exit 2.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import multiprocessing.process
import os
import signal
import socket
import sys
import tempfile
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs
import uvicorn
from sqlalchemy.exc import OperationalError

from desktop.store.schema.org import LEVELS
from desktop.sync.protocol import now_ms
from hq.app import DB_ENV, create_app, tune_collector
from hq.bundles import import_file
from hq.db import HqDatabase
from hq.devices import issue_code, list_devices, revoke
from hq.errors import HqError
from hq.keys import (
    PASSPHRASE_ENV,
    HqKeys,
    add_bundle_key,
    load_bundle_key,
    load_signing_key,
    passphrase_from_env,
    public_keys,
    sealed_keys,
    store_keys,
)
from hq.metrics import MULTIPROC_ENV
from hq.orgs import ROOT_LEVEL, add_org, find_org, list_orgs
from hq.scope import Level

log = logging.getLogger(__name__)

DEFAULT_PORT = 8470


def default_db_url() -> str:
    folder = Path(platformdirs.user_data_dir("lianxin-hq", appauthor=False))
    return f"sqlite:///{folder / 'hq.db'}"


def _when(ms: int | None) -> str:
    if ms is None:
        return "-"
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M UTC")


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")


# --- commands --------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> None:
    passphrase = passphrase_from_env()
    db = HqDatabase(args.db)
    if db.initialised():
        raise HqError("this HQ database is already set up")
    sealed = sealed_keys(HqKeys.generate(), passphrase)
    now = now_ms()
    with db.write() as conn:
        db.create_schema(conn, now)
        store_keys(conn, sealed)
        root = add_org(conn, args.name, ROOT_LEVEL, None, now_ms=now)
        keys = public_keys(conn)
    _say(f"HQ set up. Root org unit: {root.id} ({root.name})")
    _say(f"HQ signing key:  {keys.signing}")
    _say(f"HQ recovery key: {keys.recovery}")


#: How long a worker may take to answer uvicorn's health check before it is replaced.
WORKER_HEALTHCHECK_S = 60
#: Connections waiting to be accepted, per listening socket (uvicorn's default).
BACKLOG = 2048
#: How long a stopping worker may take to finish its requests before it is killed.
WORKER_STOP_S = 20
#: A worker that exits is replaced after this pause (no busy loop if it cannot start).
RESTART_PAUSE_S = 1.0


def cmd_serve(args: argparse.Namespace) -> None:
    if bool(args.tls_cert) != bool(args.tls_key):
        raise HqError("give both --tls-cert and --tls-key, or neither")
    for path in (args.tls_cert, args.tls_key):
        if path and not Path(path).is_file():
            raise HqError(f"no such file: {path}")
    if args.workers < 1:
        raise HqError("--workers must be at least 1")
    # Unseal once here so that a wrong passphrase or an empty database is a clear error
    # before any worker starts.
    create_app(args.db).state.service.db.dispose()
    os.environ[DB_ENV] = args.db
    if args.workers > 1 and not os.environ.get(MULTIPROC_ENV):
        os.environ[MULTIPROC_ENV] = tempfile.mkdtemp(prefix="lianxin-hq-metrics-")
    options: dict[str, Any] = {
        "app": "hq.app:app_from_environment",
        "factory": True,
        "host": args.host,
        "port": args.port,
        "ssl_certfile": args.tls_cert,
        "ssl_keyfile": args.tls_key,
        "server_header": False,
        "log_level": "info",
        "backlog": BACKLOG,
    }
    # Linux spreads connections over sockets sharing a port; other systems do not.
    if args.workers > 1 and sys.platform.startswith("linux"):
        _serve_workers(options, args.workers)
        return
    uvicorn.run(
        **options,
        workers=args.workers,
        # A worker busy with a burst of syncs can take more than uvicorn's default 5 s
        # to answer the supervisor's health check (its answering thread waits for the
        # GIL like every request thread): killed for it, it would drop every device's
        # connection mid-request. A hung worker is still replaced, only later.
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_S,
    )


def _worker_socket(host: str, port: int, *, shared: bool = True) -> socket.socket:
    """A socket bound to host:port that other sockets of this user may share
    (SO_REUSEPORT): the kernel hands each new connection to one of those listening,
    evenly. Its worker starts listening once it can serve (until then a connection is
    refused, and a client tries again, rather than waiting on a worker still starting)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if shared:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise HqError(f"cannot listen on {host}:{port}: {error.strerror}") from None
    sock.set_inheritable(True)
    return sock


def _worker(options: dict[str, Any], sock: socket.socket) -> None:
    """One app worker, serving the socket it was given (in a process of its own)."""
    uvicorn.Server(uvicorn.Config(**options)).run(sockets=[sock])


def _serve_workers(options: dict[str, Any], workers: int) -> None:
    """Several app workers, each accepting on a listening socket of its own.

    With uvicorn's own workers all share one socket, and whichever wakes first accepts
    every connection waiting: when many devices connect at once (a site coming back
    online), one worker got three quarters of them, or nearly all, and kept them (the
    connections are kept alive), while the other idled. The kernel spreads connections
    over separate sockets evenly. A worker that exits is replaced on the same socket;
    SIGTERM or SIGINT stops them all, each finishing its requests first."""
    host, port = options["host"], options["port"]
    # First as any server binds it, alone: a port in use (another HQ on it, which would
    # otherwise quietly share it) is an error.
    _worker_socket(host, port, shared=False).close()
    sockets = [_worker_socket(host, port)]
    port = sockets[0].getsockname()[1]  # the one chosen, when asked for any (port 0)
    sockets += [_worker_socket(host, port) for _ in range(workers - 1)]
    context = multiprocessing.get_context("spawn")
    stop = threading.Event()

    def stopping(_signal: int, _frame: object) -> None:
        stop.set()

    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, stopping)

    def start(sock: socket.socket) -> multiprocessing.process.BaseProcess:
        process = context.Process(target=_worker, args=(options, sock), name="lianxin-hq worker")
        process.start()
        return process

    processes = [start(sock) for sock in sockets]
    log.info(
        "serving on %s:%d with %d workers (pids %s)",
        host,
        port,
        workers,
        ", ".join(str(p.pid) for p in processes),
    )
    try:
        while not stop.wait(0.5):
            for number, process in enumerate(processes):
                if process.is_alive():
                    continue
                log.error(
                    "worker %s exited with %s: starting another", process.pid, process.exitcode
                )
                if stop.wait(RESTART_PAUSE_S):
                    break
                processes[number] = start(sockets[number])
    finally:
        for process in processes:
            process.terminate()  # SIGTERM: uvicorn finishes the requests under way
        for process in processes:
            process.join(WORKER_STOP_S)
            if process.is_alive():
                process.kill()
                process.join()
        for sock in sockets:
            sock.close()
        log.info("stopped")


def cmd_org_add(args: argparse.Namespace) -> None:
    db = _open(args)
    with db.write() as conn:
        parent = find_org(conn, args.parent)
        org = add_org(conn, args.name, args.level, parent.id, now_ms=now_ms(), org_id=args.id)
    _say(f"{org.id}\t{org.level}\t{org.name}\t(under {parent.name})")


def cmd_org_list(args: argparse.Namespace) -> None:
    db = _open(args)
    with db.read() as conn:
        for org in list_orgs(conn):
            _say(f"{org.id}\t{org.level:<15}\t{'  ' * org.depth}{org.name}")


def cmd_enroll(args: argparse.Namespace) -> None:
    db = _open(args)
    with db.write() as conn:
        org = find_org(conn, args.org)
        issued = issue_code(conn, org.id, args.level, args.member, now_ms=now_ms())
    who = f"member {issued.member_id}" if issued.member_id else "officers"
    _say(f"Enrolment code for {org.name} ({who}): {issued.code}")
    _say(f"Valid once, until {_when(issued.expires_at)}.")


def cmd_devices_list(args: argparse.Namespace) -> None:
    db = _open(args)
    with db.read() as conn:
        found = list_devices(conn)
        names = {org.id: org.name for org in list_orgs(conn)}
    if not found:
        _say("No devices enrolled.")
        return
    for d in found:
        status = d.status + (f" ({d.revoke_reason})" if d.revoked_at else "")
        _say(
            f"{d.id}\t{d.name}\t{names.get(d.org_id, d.org_id)}\t{d.level}"
            f"{' ' + d.member_id if d.member_id else ''}\tenrolled {_when(d.enrolled_at)}"
            f"\tlast seen {_when(d.last_seen_at)}\t{status}"
        )


def cmd_devices_revoke(args: argparse.Namespace) -> None:
    db = _open(args)
    with db.write() as conn:
        device = revoke(conn, args.id, wipe=args.wipe, reason=args.reason, now_ms=now_ms())
    _say(f"Device {device.id} ({device.name}): {device.status}.")


def cmd_bundle_import(args: argparse.Namespace) -> None:
    tune_collector()  # its pull pages are the server's
    passphrase = passphrase_from_env()
    db = _open(args)
    with db.read() as conn:
        bundle_key = load_bundle_key(conn, passphrase)
        signing_key = load_signing_key(conn, passphrase)
    result = import_file(
        db, Path(args.file), Path(args.reply), signing_key=signing_key, bundle_key=bundle_key
    )
    who = f"device {result.device_id} ({result.device_name})"
    if result.refusal is not None:
        raise HqError(
            f"{who} was refused: {result.refusal} The reply that tells it so: {args.reply}"
        )
    _say(
        f"Sync file from {who}: {result.accepted} changes stored, {result.duplicates} already "
        f"held, {result.conflicts} conflicts, {result.refused} refused."
    )
    _say(
        f"Reply written to {args.reply} ({result.reply_bytes} bytes, {result.rows} rows in "
        f"{result.pages} pages): take it back to the device."
    )
    if result.more:
        _say("More changes wait for this device: they go with the reply to its next file.")


def cmd_bundle_make_key(args: argparse.Namespace) -> None:
    passphrase = passphrase_from_env()
    db = _open(args)
    with db.write() as conn:
        public = add_bundle_key(conn, passphrase)
    _say(f"HQ bundle key: {public}")
    _say("Devices enrolled from now on can use sync files; those enrolled before must enrol again.")


def _open(args: argparse.Namespace) -> HqDatabase:
    db = HqDatabase(args.db)
    db.require_initialised()
    return db


# --- parsing ---------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lianxin-hq", description="The Lianxin HQ service.")
    parser.add_argument(
        "--db",
        default=os.environ.get(DB_ENV) or default_db_url(),
        help="database URL: sqlite:///FILE or postgresql+psycopg://USER@HOST/DB "
        f"(default: env {DB_ENV}, else an SQLite file in the data folder)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    # `--db` may also follow the command (`lianxin-hq init --db URL`).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = commands.add_parser(
        "init", help=f"set up a new HQ database (needs env {PASSPHRASE_ENV})", parents=[common]
    )
    init.add_argument("--name", required=True, help="name of the root org unit")
    init.set_defaults(run=cmd_init)

    serve = commands.add_parser("serve", help="run the sync service", parents=[common])
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--tls-cert", help="certificate file (PEM) to serve HTTPS")
    serve.add_argument("--tls-key", help="its private key file (PEM)")
    serve.add_argument("--workers", type=int, default=1, help="app worker processes")
    serve.set_defaults(run=cmd_serve)

    org = commands.add_parser("org", help="the org tree").add_subparsers(
        dest="org_command", required=True, metavar="ACTION"
    )
    org_add = org.add_parser("add", help="add an org unit", parents=[common])
    org_add.add_argument("name")
    org_add.add_argument("--parent", required=True, help="id (or unique name) of the parent")
    org_add.add_argument(
        "--level", default="branch", choices=[x for x in LEVELS if x != ROOT_LEVEL]
    )
    org_add.add_argument(
        "--id",
        help="adopt a unit a branch made before it enrolled (its groups), keeping its id",
    )
    org_add.set_defaults(run=cmd_org_add)
    org.add_parser("list", help="show the org tree", parents=[common]).set_defaults(
        run=cmd_org_list
    )

    enroll = commands.add_parser(
        "enroll", help="make a one-time enrolment code (24 h)", parents=[common]
    )
    enroll.add_argument("org", metavar="ORG", help="org unit id (or unique name)")
    enroll.add_argument("--level", required=True, choices=[x.value for x in Level])
    enroll.add_argument("--member", help="for a member's device: the member's record id")
    enroll.set_defaults(run=cmd_enroll)

    dev = commands.add_parser("devices", help="enrolled devices").add_subparsers(
        dest="devices_command", required=True, metavar="ACTION"
    )
    dev.add_parser("list", help="list devices", parents=[common]).set_defaults(run=cmd_devices_list)
    rev = dev.add_parser("revoke", help="revoke a device (a lost laptop)", parents=[common])
    rev.add_argument("id")
    rev.add_argument("--wipe", action="store_true", help="order the device to wipe its data")
    rev.add_argument("--reason", help="shown to the device")
    rev.set_defaults(run=cmd_devices_revoke)

    bundle = commands.add_parser(
        "bundle", help="sync files (USB stick, e-mail) from devices"
    ).add_subparsers(dest="bundle_command", required=True, metavar="ACTION")
    imp = bundle.add_parser(
        "import",
        help=f"import a device's sync file and write the reply (needs env {PASSPHRASE_ENV})",
        parents=[common],
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--reply", required=True, metavar="OUT", help="where to write the reply")
    imp.set_defaults(run=cmd_bundle_import)
    bundle.add_parser(
        "make-key",
        help="make the bundle key of an HQ set up before sync files existed",
        parents=[common],
    ).set_defaults(run=cmd_bundle_make_key)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose or args.command == "serve" else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        args.run(args)
    except HqError as error:
        sys.stderr.write(f"lianxin-hq: error: {error}\n")
        return 2
    except OperationalError as error:
        sys.stderr.write(f"lianxin-hq: error: cannot use the database: {error.orig}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
