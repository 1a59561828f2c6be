"""`lianxin-cli`: the app's use cases without a window, for scripts, set-up and support.

Passwords come from LIANXIN_PASSWORD (the user's own), LIANXIN_NEW_PASSWORD (a password
being set) and LIANXIN_RECOVERY_CODE, or are asked for at the terminal. Exit status:
0 done, 1 a check found a problem (self-test, audit verify), 2 the user's error (wrong
password, bad arguments, no data), 70 a fault in Lianxin itself. Errors are one line on
stderr; logging goes to stderr only with -v and never carries secrets or ID numbers.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import contextlib
import getpass
import hashlib
import logging
import os
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from desktop import cli_development, cli_members, cli_org, cli_sync, cli_transfers, settings
from desktop.domain import demo
from desktop.domain.access import Action, require
from desktop.domain.audit_trail import verify_audit_trail
from desktop.domain.members import get_member
from desktop.domain.overview import overview
from desktop.domain.users import (
    Account,
    add_user,
    change_own_password,
    list_users,
    reset_password,
)
from desktop.store.errors import DatabaseDamaged, LianxinError, UnknownUser, VaultExists
from desktop.store.schema.users import ROLES
from desktop.store.selftest import Check, check_workspace, run_self_test
from desktop.store.vault import Vault, check_password, check_user_name, public_bytes
from desktop.store.wipe import wipe_data_folder
from desktop.store.workspace import Setup, Workspace
from desktop.sync.bundles import export_bundle, import_reply

log = logging.getLogger(__name__)

#: Fields of `members list` (kept here for scripts that read them from this module).
MEMBER_FIELDS = cli_members.MEMBER_FIELDS

PROG = "lianxin-cli"
# Names of environment variables, not passwords:
ENV_PASSWORD = "LIANXIN_PASSWORD"  # noqa: S105
ENV_NEW_PASSWORD = "LIANXIN_NEW_PASSWORD"  # noqa: S105
ENV_RECOVERY_CODE = "LIANXIN_RECOVERY_CODE"

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_USER_ERROR = 2
EXIT_INTERNAL = 70  # sysexits' EX_SOFTWARE


class UsageError(Exception):
    """Bad command-line arguments (argparse's complaint, made one line)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse declares NoReturn; we raise instead
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _cli_error(message: str, advice: str = "", **params: Any) -> LianxinError:
    """An error for the command line only (so not marked for the UI's translation)."""
    return LianxinError(message, advice=advice, **params)


# --- output: the only place that writes to stdout and stderr -----------------------------


def _out(*lines: str) -> None:
    for line in lines:
        sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _fail(message: str) -> None:
    sys.stderr.write(f"{PROG}: {message}\n")
    sys.stderr.flush()


def _display_width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as aligned columns; Chinese characters count double, as terminals draw them."""
    widths = [_display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, _display_width(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = (c + " " * (w - _display_width(c)) for c, w in zip(cells, widths, strict=True))
        return "  ".join(padded).rstrip()

    return [line(headers), *(line(row) for row in rows)]


def _print_checks(title: str, checks: Sequence[Check]) -> None:
    _out(title)
    for check in checks:
        status = "ok  " if check.ok else "FAIL"
        _out(f"  {status}  {check.name}" + (f": {check.detail}" if check.detail else ""))


# --- secrets from the environment or the terminal ---------------------------------------


def _ask(prompt: str, env: str) -> str:
    """What the user types at the terminal, not echoed; `env` is named if there is none."""
    if not sys.stdin.isatty():
        raise _cli_error(
            "{prompt} is needed and there is no terminal to ask on.",
            "Set the environment variable {env}.",
            prompt=prompt,
            env=env,
        )
    return getpass.getpass(f"{prompt}: ")


def _secret(env: str, prompt: str) -> str:
    value = os.environ.get(env)
    return value if value else _ask(prompt, env)


def _password(user: str) -> str:
    return _secret(ENV_PASSWORD, f"Password for {user}")


def _new_password(env: str, prompt: str) -> str:
    """A password being set: from `env`, or typed twice at the terminal."""
    value = os.environ.get(env)
    if value:
        check_password(value)
        return value
    first = _ask(prompt, env)
    check_password(first)
    if _ask(f"{prompt} (again)", env) != first:
        raise _cli_error("The two passwords differ.", "Type the same password twice.")
    return first


# --- opening the data folder -------------------------------------------------------------


def _acting_user(args: argparse.Namespace, vault: Vault) -> str:
    if args.user:
        return str(args.user)
    names = [slot.name for slot in vault.users()]
    if len(names) == 1:
        return names[0]
    raise _cli_error(
        "This data folder has {count} users ({names}).",
        "Say which one you are with --user NAME.",
        count=len(names),
        names=", ".join(names),
    )


@contextlib.contextmanager
def _unlocked(args: argparse.Namespace, user: str | None = None) -> Iterator[Workspace]:
    vault = Vault.load(args.data_dir)  # no data here: say so before asking for a password
    name = user or _acting_user(args, vault)
    vault.slot_by_name(name)
    ws = Workspace.unlock(args.data_dir, name, _password(name))
    try:
        yield ws
    finally:
        ws.close()


# --- commands ----------------------------------------------------------------------------


def _read_recovery_key(path: Path) -> X25519PublicKey:
    """HQ's X25519 public key: 32 raw bytes, or their base64 text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _cli_error(
            "The recovery key file {path} cannot be read ({problem}).",
            "Check the path given to --recovery-key.",
            path=str(path),
            problem=exc.strerror or type(exc).__name__,
        ) from exc
    raw = data
    if len(data) != 32:
        try:
            raw = base64.b64decode(data.strip(), validate=True)
        except (binascii.Error, ValueError):
            raw = b""
    if len(raw) != 32:
        raise _cli_error(
            "The file {path} does not hold a recovery public key.",
            "It must hold HQ's X25519 public key: 32 bytes, raw or in base64.",
            path=str(path),
        )
    return X25519PublicKey.from_public_bytes(raw)


def _fingerprint(key: X25519PublicKey) -> str:
    digest = hashlib.sha256(public_bytes(key)).hexdigest()[:16]
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def _required_text(value: str, option: str) -> str:
    if not value.strip():
        raise _cli_error("{option} must not be empty.", option=option)
    return value.strip()


def cmd_init(args: argparse.Namespace) -> int:
    folder: Path = args.data_dir
    if Vault.exists(folder):
        raise VaultExists(path=str(folder))
    org_name = _required_text(args.org_name, "--org-name")
    branch_name = _required_text(args.branch_name or org_name, "--branch-name")
    admin = check_user_name(args.admin)
    recovery_public = _read_recovery_key(args.recovery_key) if args.recovery_key else None
    password = _new_password(ENV_PASSWORD, f"Password for {admin}")
    setup = Setup(org_name, branch_name, admin, password, recovery_public)
    ws, recovery_code = Workspace.create(folder, setup)
    kdf = ws.kdf
    ws.close()
    lines = [
        f"Created a Lianxin data folder in {folder}",
        f"  organisation: {org_name}",
        f"  branch:       {branch_name}",
        f"  secretary:    {admin}",
    ]
    if kdf is not None:
        lines.append(
            f"  key slot:     Argon2id, {kdf.memory_kib // 1024} MiB, "
            f"{kdf.iterations} passes, {kdf.lanes} lanes"
        )
    if recovery_public is not None:
        lines.append(f"  recovery:     HQ's key {_fingerprint(recovery_public)}")
    _out(*lines)
    if recovery_code:
        _out(
            "",
            "RECOVERY CODE (shown this once only; Lianxin does not keep it):",
            "",
            f"    {recovery_code}",
            "",
            "Write it down on paper now and keep it apart from this computer. It opens the",
            "data if every password is lost (lianxin-cli user recover NAME); anyone holding",
            "it can read the data.",
        )
    return EXIT_OK


def _account_by_name(ws: Workspace, name: str) -> Account:
    for account in list_users(ws):
        if account.name == name:
            return account
    raise UnknownUser(user=name)


def cmd_user_add(args: argparse.Namespace) -> int:
    name = check_user_name(args.name)
    with _unlocked(args) as ws:
        require(ws.user, Action.MANAGE_USERS)  # before asking for the new user's password
        member_id = get_member(ws, args.member_id)["id"] if args.member_id else None
        password = _new_password(ENV_NEW_PASSWORD, f"New password for {name}")
        add_user(ws, name, args.role, password, member_id=member_id)
    _out(f"Added user {name} ({args.role}).")
    return EXIT_OK


def cmd_user_passwd(args: argparse.Namespace) -> int:
    name = check_user_name(args.name)
    # Without --user, NAME is changing their own password.
    acting = args.user or name
    if acting == name:
        Vault.load(args.data_dir).slot_by_name(name)
        old = _secret(ENV_PASSWORD, f"Current password for {name}")
        ws = Workspace.unlock(args.data_dir, name, old)
        try:
            new = _new_password(ENV_NEW_PASSWORD, f"New password for {name}")
            change_own_password(ws, old, new)
        finally:
            ws.close()
        _out(f"The password of {name} was changed.")
        return EXIT_OK
    with _unlocked(args, acting) as ws:
        require(ws.user, Action.MANAGE_USERS)
        account = _account_by_name(ws, name)
        reset_password(ws, account.id, _new_password(ENV_NEW_PASSWORD, f"New password for {name}"))
    _out(f"The password of {name} was reset by {acting}.")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    with _unlocked(args) as ws:
        accounts = list_users(ws)
    rows = [(a.name, a.role, "locked" if a.locked else "no") for a in accounts]
    _out(*_table(("NAME", "ROLE", "LOCKED"), rows))
    return EXIT_OK


def cmd_user_recover(args: argparse.Namespace) -> int:
    name = check_user_name(args.name)
    Vault.load(args.data_dir).slot_by_name(name)
    code = _secret(ENV_RECOVERY_CODE, "Recovery code")
    password = _new_password(ENV_NEW_PASSWORD, f"New password for {name}")
    Workspace.recover(args.data_dir, code, name, password).close()
    _out(f"The password of {name} was reset with the recovery code.")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    folder: Path = args.data_dir
    if Vault.exists(folder):
        raise VaultExists(path=str(folder))
    password = _new_password(ENV_PASSWORD, "Password for the demo users")
    start = time.perf_counter()
    ws = demo.create_demo_workspace(folder, args.members, password=password, seed=args.seed)
    try:
        figures = overview(ws)
        member_login = next(a for a in list_users(ws) if a.name == demo.MEMBER).member_id
        member_name = get_member(ws, member_login)["name"] if member_login else None
    finally:
        ws.close()
    took = time.perf_counter() - start
    _out(
        f"Demo data created in {folder} in {took:.1f} s:",
        f"  {figures.branch_name}",
        f"  {figures.members} members ({figures.full_members} full, {figures.probationary} "
        f"probationary, {figures.lost_contact} lost contact) in {figures.groups} groups",
        "Users (all with the password you gave):",
        f"  {demo.SECRETARY}  secretary",
        f"  {demo.OFFICER}  officer",
        f"  {demo.MEMBER}  member" + (f" ({member_name})" if member_name else ""),
    )
    return EXIT_OK


def _why_not_checked(args: argparse.Namespace) -> str:
    """Why the data folder's own database cannot be checked now ("" when it can)."""
    users = Vault.load(args.data_dir).users()
    if not args.user and len(users) != 1:
        return "several users here: say which one you are with --user NAME"
    if not os.environ.get(ENV_PASSWORD) and not sys.stdin.isatty():
        return f"no password: set {ENV_PASSWORD}"
    return ""


def cmd_self_test(args: argparse.Namespace) -> int:
    checks = run_self_test()
    _print_checks("This installation:", checks)
    folder: Path = args.data_dir
    if Vault.exists(folder):
        skipped = _why_not_checked(args)
        if skipped:
            _out(f"Data folder {folder}: not checked ({skipped}).")
        else:
            with _unlocked(args) as ws:
                folder_checks = check_workspace(ws)
            _print_checks(f"Data folder {folder}:", folder_checks)
            checks = [*checks, *folder_checks]
    failed = [c for c in checks if not c.ok]
    _out("All checks passed." if not failed else f"{len(failed)} checks FAILED.")
    return EXIT_OK if not failed else EXIT_CHECK_FAILED


def cmd_audit_verify(args: argparse.Namespace) -> int:
    with _unlocked(args) as ws:
        report = verify_audit_trail(ws)
    if report.ok:
        _out(f"Audit trail intact: {report.blocks} blocks, {report.changes} changes verified.")
        return EXIT_OK
    _out(
        f"Audit trail BROKEN at block {report.bad_block}: {report.reason}.",
        f"({report.blocks} blocks, {report.changes} changes before it verified.)",
    )
    return EXIT_CHECK_FAILED


def cmd_bundle_export(args: argparse.Namespace) -> int:
    with _unlocked(args) as ws:
        made = export_bundle(ws.records, args.file)
    lines = [f"Wrote the sync file {made.path} for HQ ({made.size} bytes):"]
    if made.changes:
        lines.append(f"  {made.changes} changes to send (numbers {made.first_seq}-{made.last_seq})")
    else:
        lines.append("  no changes to send")
    if made.resolved:
        lines.append(f"  {made.resolved} conflict reviews")
    lines.append("  and a request for what changed at HQ since this computer last synced.")
    if made.left_out:
        lines.append(
            f"{made.left_out} more changes did not fit: make another file once HQ's reply is in."
        )
    lines.append(
        "Take it to HQ (lianxin-hq bundle import FILE --reply REPLY); then import the reply "
        f"here with {PROG} bundle import REPLY."
    )
    _out(*lines)
    return EXIT_OK


def cmd_bundle_import(args: argparse.Namespace) -> int:
    with _unlocked(args) as ws:
        outcome = import_reply(ws.records, args.file)
        if outcome.wipe is not None:
            ws.close()
            wipe_data_folder(ws.folder)
            raise SystemExit("HQ ordered this computer's data destroyed (reported lost); done.")
    if outcome.ok:
        _out(
            f"Imported HQ's reply: {outcome.pushed} changes are now at HQ, "
            f"{outcome.pulled_rows} rows received."
        )
    lines = []
    if outcome.removed:
        lines.append(f"{outcome.removed} rows left this computer's scope and were removed.")
    if outcome.refused:
        lines.append(f"HQ refused {outcome.refused} changes; they are set aside ({PROG} status).")
    if outcome.conflicts:
        lines.append(f"{outcome.conflicts} new conflicts wait for an officer's review.")
    if outcome.more:
        lines.append("HQ holds more for this computer: make another sync file (or sync online).")
    _out(*lines)
    if outcome.error is not None:
        raise outcome.error
    return EXIT_OK


# --- arguments ---------------------------------------------------------------------------


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    # The global options work before or after the command (`lianxin-cli members list
    # --data-dir D`); after it they override, hence SUPPRESS in the shared copy.
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="DIR")
    common.add_argument("--user", default=argparse.SUPPRESS, metavar="NAME")
    common.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS)

    parser = _Parser(
        prog=PROG,
        description="Lianxin (连心) without a window: set up, users, members, checks.",
        epilog=f"Passwords come from {ENV_PASSWORD} / {ENV_NEW_PASSWORD} / "
        f"{ENV_RECOVERY_CODE} or are asked for.",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="the data folder (default: the one the app uses)",
    )
    parser.add_argument(
        "--user", default=None, metavar="NAME", help="who you are (default: the only user)"
    )
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="log to stderr (-vv: more)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(
        group: Any, name: str, handler: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = group.add_parser(
            name, parents=[common], help=help_text, description=help_text
        )
        sub.set_defaults(handler=handler)
        return sub

    init = command(commands, "init", cmd_init, "create a new data folder")
    init.add_argument("--org-name", required=True, metavar="NAME")
    init.add_argument("--branch-name", metavar="NAME", help="default: the organisation name")
    init.add_argument("--admin", required=True, metavar="NAME", help="the first secretary")
    init.add_argument(
        "--recovery-key",
        type=Path,
        metavar="FILE",
        help="HQ's recovery public key (X25519, raw or base64); "
        "without it a recovery code is shown once",
    )

    cli_sync.add_commands(commands, command, _unlocked, _out)
    cli_development.add_commands(commands, command, _unlocked, _out)
    cli_org.add_commands(commands, command, _unlocked, _out)
    cli_transfers.add_commands(commands, command, _unlocked, _out)

    bundle = commands.add_parser("bundle", help="sync through a file (USB stick, e-mail)")
    bundle_commands = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    export = command(
        bundle_commands, "export", cmd_bundle_export, "write a sync file to take to HQ"
    )
    export.add_argument("file", type=Path, metavar="FILE")
    importing = command(
        bundle_commands, "import", cmd_bundle_import, "import HQ's reply to a sync file"
    )
    importing.add_argument("file", type=Path, metavar="FILE")

    user = commands.add_parser("user", help="local users of this computer")
    user_commands = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = command(user_commands, "add", cmd_user_add, "add a user (secretary only)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--member-id", metavar="ID", help="the member record this user is")
    passwd = command(
        user_commands,
        "passwd",
        cmd_user_passwd,
        "change your password, or (as secretary, with --user) reset another's",
    )
    passwd.add_argument("name", metavar="NAME")
    command(user_commands, "list", cmd_user_list, "list users, their roles, locked or not")
    recover = command(
        user_commands, "recover", cmd_user_recover, "set a new password with the recovery code"
    )
    recover.add_argument("name", metavar="NAME")

    demo_cmd = command(commands, "demo", cmd_demo, "create a data folder with demo data")
    demo_cmd.add_argument("--members", type=_count, default=300, metavar="N")
    demo_cmd.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)

    cli_members.add_commands(commands, command, _unlocked, _out, _table)

    command(commands, "self-test", cmd_self_test, "check encryption, search and integrity")

    audit = commands.add_parser("audit", help="the audit trail")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    command(audit_commands, "verify", cmd_audit_verify, "verify the audit trail's hash chain")
    return parser


# --- entry point -------------------------------------------------------------------------


def _driver_error(exc: sqlcipher3.dbapi2.DatabaseError) -> LianxinError | None:
    """The database driver's errors that are the data's state, not a fault in Lianxin."""
    text = str(exc)
    if type(exc) is sqlcipher3.dbapi2.DatabaseError:  # "database disk image is malformed"
        return DatabaseDamaged(detail=f"{text}.")
    if "locked" in text or "busy" in text:
        return _cli_error(
            "The data folder is busy: another Lianxin is writing to it.",
            "Try again when it has finished.",
        )
    return None


@contextlib.contextmanager
def _logging(verbosity: int) -> Iterator[None]:
    """Log to stderr with -v; otherwise nowhere (not even Python's last-resort handler)."""
    root = logging.getLogger()
    handler: logging.Handler
    if verbosity:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    else:
        handler = logging.NullHandler()
    # SQLCipher writes its own warnings (a page that fails its HMAC) straight to stderr;
    # the level is process-wide. Without -v the user gets our one line, not those.
    driver = sqlcipher3.dbapi2.connect(":memory:")
    driver.execute(f"PRAGMA cipher_log_level = {'WARN' if verbosity else 'NONE'}")
    driver.close()
    old_level = root.level
    root.addHandler(handler)
    if verbosity:
        root.setLevel(logging.DEBUG if verbosity > 1 else logging.INFO)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


def _run(args: argparse.Namespace) -> int:
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except sqlcipher3.dbapi2.DatabaseError as exc:
        error = _driver_error(exc)
        if error is None:
            raise
        raise error from exc


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        _fail(str(exc))
        return EXIT_USER_ERROR
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    with _logging(args.verbose):
        try:
            if args.data_dir is None:
                args.data_dir = settings.default_data_dir()
            return _run(args)
        except LianxinError as exc:
            log.info("refused: %s", type(exc).__name__)
            _fail(str(exc))
            return exc.exit_code
        except (KeyboardInterrupt, EOFError):
            _fail("Cancelled.")
            return EXIT_USER_ERROR
        except OSError as exc:
            _fail(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""))
            return EXIT_USER_ERROR
        except Exception as exc:
            log.exception("internal error")
            _fail(
                f"Lianxin failed unexpectedly ({type(exc).__name__}). Run the command again "
                "with -v to see details, and report them."
            )
            return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
