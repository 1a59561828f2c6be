"""Who is asking: every sync request is signed by an enrolled device's Ed25519 key.

A request is refused (401, with the reason) when it is unsigned, its time is more than
five minutes from HQ's, its signature does not match the device's key, its nonce was
seen before (the replay cache lives in the database, so it holds across app workers), or
the device is unknown or revoked. A revoked device flagged for wiping also receives an
HQ-signed wipe order with its refusal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from desktop.sync.protocol import (
    CLOCK_WINDOW_MS,
    AuthFailure,
    ProtocolError,
    SignedHeaders,
    WipeOrder,
    load_signing_public_key,
)
from hq.db import HqDatabase
from hq.devices import Device
from hq.errors import Refusal
from hq.scope import DeviceScope, Level, neighbours_of
from hq.tables import devices, nonces, org_closure

log = logging.getLogger(__name__)

#: Nonces older than this can go: a request that old is refused on its time alone.
NONCE_KEEP_MS = 2 * CLOCK_WINDOW_MS
PURGE_EVERY_MS = 60_000
#: A device's "last seen" moves on at most this often (the device list shows minutes):
#: most requests need not write its row.
SEEN_EVERY_MS = 60_000


@dataclass(frozen=True)
class Caller:
    device: Device
    scope: DeviceScope


def _refusal(failure: AuthFailure) -> Refusal:
    return Refusal(401, failure.code, failure.reason)


def read_headers(headers: Mapping[str, str], now_ms: int) -> SignedHeaders:
    try:
        signed = SignedHeaders.read(headers)
        signed.check_time(now_ms)
    except AuthFailure as failure:
        raise _refusal(failure) from None
    return signed


def check_signature(
    signed: SignedHeaders, public_key: str, method: str, path: str, body: bytes
) -> None:
    try:
        signed.verify(load_signing_public_key(public_key), method, path, body)
    except AuthFailure as failure:
        raise _refusal(failure) from None
    except ProtocolError:
        raise Refusal(401, "bad_signature", "The device key is malformed.") from None


def _device_and_scope(conn: Connection, device_id: str) -> tuple[Device, DeviceScope] | None:
    """The device and its scope, in one query (as get_device and DeviceScope.load would
    read them: the units below the device's own, itself included, and those above it)."""
    d, c = devices.c, org_closure.c
    found = conn.execute(
        select(devices, c.ancestor, c.descendant, c.depth)
        .select_from(
            devices.outerjoin(org_closure, or_(c.ancestor == d.org_id, c.descendant == d.org_id))
        )
        .where(d.id == device_id)
    ).all()
    if not found:
        return None
    first = found[0]
    device = Device(**{column.name: first._mapping[column] for column in devices.columns})
    below = frozenset(row.descendant for row in found if row.ancestor == device.org_id)
    above = frozenset(
        row.ancestor for row in found if row.descendant == device.org_id and row.depth > 0
    )
    scope = DeviceScope(
        device.id,
        device.org_id,
        Level(device.level),
        device.member_id,
        below,
        above,
        neighbours_of(conn, device.org_id),
    )
    return device, scope


class Authenticator:
    def __init__(self, db: HqDatabase, signing_key: Ed25519PrivateKey) -> None:
        self.db = db
        self._signing_key = signing_key
        self._last_purge = 0
        self._lock = threading.Lock()

    def caller(
        self, method: str, path: str, headers: Mapping[str, str], body: bytes, *, now_ms: int
    ) -> Caller:
        signed = read_headers(headers, now_ms)
        refusal: Refusal | None = None
        try:
            with self.db.write() as conn:
                if conn.dialect.name == "postgresql":
                    # The nonce need not wait for the disk: this commit is then not one
                    # more flush per request. Lost in a crash of PostgreSQL, a nonce
                    # could be replayed within the 5-minute window after it; a push
                    # replayed is a duplicate (HQ has it, by device_seq) and a pull
                    # replayed answers only over the replayer's own connection, which
                    # TLS keeps from anyone who did not make the request.
                    conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
                found = _device_and_scope(conn, signed.device_id)
                if found is None:
                    raise Refusal(
                        401, "unknown_device", "HQ does not know this device: enrol it again."
                    )
                device, scope = found
                check_signature(signed, device.public_key, method, path, body)
                if device.revoked_at is not None:
                    refusal = self._revoked(conn, device, now_ms)
                else:
                    conn.execute(
                        insert(nonces).values(
                            device_id=device.id, nonce=signed.nonce, time_ms=signed.time_ms
                        )
                    )
                    if device.last_seen_at is None or now_ms - device.last_seen_at >= SEEN_EVERY_MS:
                        conn.execute(
                            update(devices)
                            .where(devices.c.id == device.id)
                            .values(last_seen_at=now_ms)
                        )
                    self._purge(conn, now_ms)
        except IntegrityError:
            raise Refusal(
                401, "replayed_request", "This request was already received (replayed)."
            ) from None
        if refusal is not None:
            raise refusal
        return Caller(device, scope)

    def _revoked(self, conn: Connection, device: Device, now_ms: int) -> Refusal:
        reason = f"This device was revoked by HQ: {device.revoke_reason or 'no reason given'}."
        if not device.wipe:
            return Refusal(401, "revoked", reason)
        order = WipeOrder(device.id, now_ms).sign(self._signing_key)
        conn.execute(update(devices).where(devices.c.id == device.id).values(wipe_sent_at=now_ms))
        log.warning("wipe order sent to device %s", device.id)
        return Refusal(401, "revoked", reason, wipe=order)

    def _purge(self, conn: Connection, now_ms: int) -> None:
        with self._lock:
            if now_ms - self._last_purge < PURGE_EVERY_MS:
                return
            self._last_purge = now_ms
        conn.execute(delete(nonces).where(nonces.c.time_ms < now_ms - NONCE_KEEP_MS))
