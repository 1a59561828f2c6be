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
from sqlalchemy import Connection, bindparam, delete, func, insert, select, update
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
from hq.scope import DeviceScope
from hq.tables import devices, nonces, orgs

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


#: The device, and how many units the org tree has (see _device_and_scope).
_DEVICE = select(
    devices, select(func.count()).select_from(orgs).scalar_subquery().label("tree_units")
).where(devices.c.id == bindparam("device_id"))
#: Devices' scopes kept by each app worker (beyond these, it starts afresh).
SCOPES_KEPT = 4096
Scopes = dict[str, tuple[int, DeviceScope]]


def _device_and_scope(
    conn: Connection, device_id: str, kept: Scopes | None = None
) -> tuple[Device, DeviceScope] | None:
    """The device and its scope (DeviceScope.load), the scope from `kept` when the org
    tree is as it was when the scope was worked out.

    Units are only ever added to the tree (`lianxin-hq org add`, units an officer
    pushes), never moved or removed, and a unit's name and level decide no scope: so
    the tree is as it was while its count of units is. The count comes with the device,
    in one query, so a unit added is in every scope from the next request on."""
    found = conn.execute(_DEVICE, {"device_id": device_id}).first()
    if found is None:
        return None
    values = found._mapping
    device = Device(**{column.name: values[column] for column in devices.columns})
    units = int(values["tree_units"])
    held = None if kept is None else kept.get(device_id)
    if held is not None and held[0] == units:
        scope = held[1]
        if (scope.org_id, scope.level, scope.member_id) == (
            device.org_id,
            device.level,
            device.member_id,
        ):
            return device, scope
    scope = DeviceScope.load(conn, device.id, device.org_id, device.level, device.member_id)
    if kept is not None:
        if len(kept) >= SCOPES_KEPT:
            kept.clear()
        kept[device_id] = (units, scope)
    return device, scope


class Authenticator:
    def __init__(self, db: HqDatabase, signing_key: Ed25519PrivateKey) -> None:
        self.db = db
        self._signing_key = signing_key
        self._last_purge = 0
        self._lock = threading.Lock()
        self._scopes: Scopes = {}

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
                found = _device_and_scope(conn, signed.device_id, self._scopes)
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
