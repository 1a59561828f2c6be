"""Devices: one-time enrolment codes, enrolment, the device list, revocation.

A code is 80 random bits shown once as `XXXX-XXXX-XXXX-XXXX`; HQ keeps only its SHA-256
(a code that strong needs no slow hash), for 24 hours, for one use.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
from dataclasses import dataclass

import uuid6
from sqlalchemy import Connection, insert, select, update

from desktop.sync.protocol import EnrollRequest, ProtocolError, load_signing_public_key
from hq.errors import HqError, Refusal
from hq.orgs import require_org
from hq.scope import Level
from hq.tables import devices, enrollment_codes

log = logging.getLogger(__name__)

CODE_TTL_MS = 24 * 3600 * 1000


@dataclass(frozen=True)
class Device:
    id: str
    org_id: str
    level: str
    member_id: str | None
    public_key: str
    name: str
    enrolled_at: int
    last_seen_at: int | None
    revoked_at: int | None
    revoke_reason: str | None
    wipe: bool
    wipe_sent_at: int | None

    @property
    def status(self) -> str:
        if self.revoked_at is None:
            return "active"
        if self.wipe:
            return "revoked, wipe sent" if self.wipe_sent_at else "revoked, wipe pending"
        return "revoked"


@dataclass(frozen=True)
class IssuedCode:
    code: str
    org_id: str
    level: str
    member_id: str | None
    expires_at: int


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def issue_code(
    conn: Connection, org_id: str, level: str, member_id: str | None, *, now_ms: int
) -> IssuedCode:
    require_org(conn, org_id)
    if level not in (Level.OFFICER, Level.MEMBER):
        raise HqError("the level must be officer or member")
    if level == Level.MEMBER and not member_id:
        raise HqError("a member's device needs --member with the member's record id")
    if level == Level.OFFICER and member_id:
        raise HqError("--member is only for a member's device")
    text = base64.b32encode(os.urandom(10)).decode()
    code = "-".join(text[i : i + 4] for i in range(0, len(text), 4))
    expires = now_ms + CODE_TTL_MS
    conn.execute(
        insert(enrollment_codes).values(
            code_hash=code_hash(code),
            org_id=org_id,
            level=level,
            member_id=member_id,
            created_at=now_ms,
            expires_at=expires,
        )
    )
    log.info("enrolment code issued for org %s (%s)", org_id, level)
    return IssuedCode(code, org_id, level, member_id, expires)


def _refuse(reason: str) -> Refusal:
    return Refusal(403, "enrollment_refused", reason)


def enroll(conn: Connection, request: EnrollRequest, *, now_ms: int) -> Device:
    """Redeem a code for a new device (the caller has checked the key's signature)."""
    try:
        load_signing_public_key(request.public_key)
    except (ProtocolError, ValueError):
        raise Refusal(400, "bad_request", "the device key is not an Ed25519 public key") from None
    code = conn.execute(
        select(enrollment_codes)
        .where(enrollment_codes.c.code_hash == code_hash(request.code))
        .with_for_update()
    ).first()
    if code is None:
        raise _refuse("This enrolment code is not known. Check it, or ask HQ for a new one.")
    if code.used_at is not None:
        raise _refuse("This enrolment code was already used. Ask HQ for a new one.")
    if code.expires_at <= now_ms:
        raise _refuse(
            "This enrolment code has expired (codes last 24 hours). Ask HQ for a new one."
        )
    device_id = request.device_id or str(uuid6.uuid7())
    if conn.execute(select(devices.c.id).where(devices.c.id == device_id)).first():
        raise Refusal(409, "device_exists", "A device with this id is already enrolled.")
    conn.execute(
        insert(devices).values(
            id=device_id,
            org_id=code.org_id,
            level=code.level,
            member_id=code.member_id,
            public_key=request.public_key,
            name=request.device_name.strip() or device_id,
            enrolled_at=now_ms,
            wipe=False,
        )
    )
    conn.execute(
        update(enrollment_codes)
        .where(enrollment_codes.c.code_hash == code.code_hash)
        .values(used_at=now_ms, device_id=device_id)
    )
    log.info("device %s enrolled for org %s (%s)", device_id, code.org_id, code.level)
    device = get_device(conn, device_id)
    assert device is not None
    return device


def get_device(conn: Connection, device_id: str) -> Device | None:
    row = conn.execute(select(devices).where(devices.c.id == device_id)).first()
    return None if row is None else Device(**row._asdict())


def list_devices(conn: Connection) -> list[Device]:
    rows = conn.execute(select(devices).order_by(devices.c.org_id, devices.c.enrolled_at))
    return [Device(**row._asdict()) for row in rows]


def revoke(
    conn: Connection, device_id: str, *, wipe: bool, reason: str | None, now_ms: int
) -> Device:
    """Revoke a device (a lost laptop): its requests get 401 with the reason, and with
    `wipe` its next contact receives a signed wipe order."""
    device = get_device(conn, device_id)
    if device is None:
        raise HqError(f"no device {device_id}: see `lianxin-hq devices list`")
    values: dict[str, object] = {"wipe": device.wipe or wipe}
    if device.revoked_at is None:
        values["revoked_at"] = now_ms
    if reason or device.revoke_reason is None:
        values["revoke_reason"] = (reason or "revoked by HQ").strip()[:500]
    conn.execute(update(devices).where(devices.c.id == device_id).values(**values))
    log.info("device %s revoked%s", device_id, " with wipe" if wipe else "")
    revoked = get_device(conn, device_id)
    assert revoked is not None
    return revoked
