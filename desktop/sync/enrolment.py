"""Joining HQ: redeem a one-time code, pin HQ's CA, make this device's key, and make the
vault's data HQ's (first-run org units give way to HQ's, rows are re-owned)."""

from __future__ import annotations

import logging
import platform
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.store import meta
from desktop.store.records import Records
from desktop.store.replica import Replica
from desktop.store.schema import DATA_FORMAT
from desktop.store.workspace import Workspace
from desktop.sync import state
from desktop.sync.errors import AlreadyEnrolled, EnrolmentFailed, HqRefused, HqUnreachable
from desktop.sync.protocol import (
    ENROLL_PATH,
    EnrollRequest,
    EnrollResponse,
    ProtocolError,
    encode_public_key,
    load_recovery_public_key,
)
from desktop.sync.transport import Link

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Enrolled:
    enrolment: state.Enrolment
    #: Units this vault made below its own (the branch's groups), with HQ's unit as the
    #: parent where it was the vault's own: HQ should add them with these ids
    #: (`lianxin-hq org add NAME --parent P --level L --id ID`) so members keep their groups.
    subunits: list[tuple[str, str, str, str]]


def read_ca(path: str | None) -> str | None:
    """The PEM text of HQ's CA certificate file, checked to be one."""
    if path is None:
        return None
    try:
        with open(path, encoding="ascii") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as problem:
        raise EnrolmentFailed(reason=f"cannot read the CA file {path}: {problem}") from None
    if "-----BEGIN CERTIFICATE-----" not in text:
        raise EnrolmentFailed(reason=f"{path} is not a PEM certificate")
    return text


def enroll(
    ws: Workspace,
    server: str,
    code: str,
    *,
    ca_pem: str | None = None,
    device_name: str | None = None,
    link: Link | None = None,
) -> Enrolled:
    """Enrol this data folder with HQ. Nothing changes locally unless HQ accepts."""
    records: Records = ws.records
    own = ws.org_id
    known = state.enrolment(records.db)
    if known is not None:
        raise AlreadyEnrolled(server=known.server)
    if server.startswith("https://") and ca_pem is None:
        raise EnrolmentFailed(
            reason="an https:// HQ needs its CA certificate (--ca FILE), which is then pinned"
        )
    key = Ed25519PrivateKey.generate()
    link = link or Link(server, device_id=ws.device_id, key=key, ca_pem=ca_pem)
    request = EnrollRequest(
        code.strip(),
        encode_public_key(key.public_key()),
        (device_name or platform.node() or "laptop")[:200],
        DATA_FORMAT,
        ws.device_id,
    )
    try:
        answer = EnrollResponse.from_wire(link.call(ENROLL_PATH, request.to_wire()))
    except HqRefused as refused:
        if refused.status in (400, 401, 403, 404, 410):
            raise EnrolmentFailed(reason=refused.params["reason"]) from None
        raise
    except ProtocolError as problem:
        raise HqUnreachable(detail=f"HQ sent a malformed answer ({problem.reason})") from None
    if answer.device_id != ws.device_id:
        raise EnrolmentFailed(reason="HQ gave this computer another identity; ask HQ")
    enrolment = state.Enrolment(
        server=link.server,
        ca_pem=ca_pem,
        device_id=answer.device_id,
        device_key=state.Enrolment.encode_key(key),
        org_id=answer.org_id,
        org_name=answer.org_name,
        level=answer.level,
        member_id=answer.member_id,
        hq_signing_key=answer.hq_signing_key,
        hq_recovery_key=answer.hq_recovery_key,
        hq_bundle_key=answer.hq_bundle_key,
    )
    with records.transaction():
        replica = Replica(records)
        subunits = replica.local_subunits()
        queued = replica.join(answer.org_id)
        state.save_enrolment(records.db, enrolment)
        state.put_number(records.db, state.CURSOR, 0)
        meta.put(records.db, meta.ORG_ID, answer.org_id)
        meta.put(records.db, meta.ORG_NAME, answer.org_name)
    ws.org_id = answer.org_id
    ws.add_hq_recovery(load_recovery_public_key(answer.hq_recovery_key))
    log.info("enrolled with HQ as %s; %d rows queued to send", answer.level, queued)
    return Enrolled(
        enrolment, [(i, n, lv, answer.org_id if p == own else p) for i, n, lv, p in subunits]
    )
