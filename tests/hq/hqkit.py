"""Test kit for HQ: a set-up HQ behind FastAPI's TestClient, and simulated devices that
write changes the way desktop.store.records does and apply pulls with the same per-field
rule as HQ (highest HLC wins), so tests can check convergence end to end.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from desktop.store.hlc import HybridClock
from desktop.store.schema import DATA_FORMAT, ROW_CREATED, canonical_json, encode_row
from desktop.sync.protocol import (
    CONTENT_TYPE,
    ENROLL_PATH,
    PULL_PATH,
    PUSH_PATH,
    Change,
    ConflictRecord,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    Value,
    decode_body,
    encode_body,
    encode_public_key,
    now_ms,
    sign_request,
)
from hq.app import create_app
from hq.auth import Caller, _device_and_scope
from hq.db import HqDatabase
from hq.devices import issue_code
from hq.keys import HqKeys, store_keys
from hq.orgs import ROOT_LEVEL, add_org
from hq.pushes import CheckedPush, check_push, write_push
from hq.tables import metadata

PASSPHRASE = "correct horse battery staple"
_names = itertools.count(1)


class Refused(Exception):
    def __init__(self, status: int, body: ErrorBody) -> None:
        super().__init__(f"{status} {body.error}: {body.reason}")
        self.status = status
        self.body = body


class Hq:
    """A fresh HQ database with its root unit, and a TestClient on its app."""

    def __init__(self, url: str, keys: HqKeys, sealed: list[dict[str, str]]) -> None:
        self.url = url
        self.keys = keys
        self.db = HqDatabase(url)
        with self.db.write() as conn:
            self.db.create_schema(conn, now_ms())
            store_keys(conn, sealed)
            self.root = add_org(conn, "海外项目党委", ROOT_LEVEL, None, now_ms=now_ms()).id
        self.app = create_app(url, signing_key=keys.signing)
        self.client = TestClient(self.app)

    def close(self) -> None:
        self.client.close()
        self.app.state.service.db.dispose()
        self.db.dispose()

    # --- administration ----------------------------------------------------------------

    def org(self, name: str, parent: str, level: str = "branch") -> str:
        with self.db.write() as conn:
            return add_org(conn, name, level, parent, now_ms=now_ms()).id

    def code(self, org_id: str, level: str = "officer", member: str | None = None) -> str:
        with self.db.write() as conn:
            return issue_code(conn, org_id, level, member, now_ms=now_ms()).code

    def enrol(
        self, org_id: str, level: str = "officer", member: str | None = None, name: str = ""
    ) -> Device:
        key = Ed25519PrivateKey.generate()
        response = self.enrol_with(self.code(org_id, level, member), key, name=name)
        return Device(self, key, response)

    def enrol_with(
        self, code: str, key: Ed25519PrivateKey, *, name: str = "", device_id: str | None = None
    ) -> EnrollResponse:
        request = EnrollRequest(
            code,
            encode_public_key(key.public_key()),
            name or f"laptop-{next(_names)}",
            DATA_FORMAT,
            device_id,
        )
        raw = self.post(ENROLL_PATH, request.to_wire(), key, device_id or "new")
        return EnrollResponse.from_wire(expect_ok(raw))

    # --- raw requests ------------------------------------------------------------------

    def post(
        self,
        path: str,
        message: Any,
        key: Ed25519PrivateKey,
        device_id: str,
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        **signing: Any,
    ) -> Any:
        data = encode_body(message) if body is None else body
        signed = sign_request(key, device_id, "POST", path, data, **signing)
        signed["Content-Type"] = CONTENT_TYPE
        signed.update(headers or {})
        return self.client.post(path, content=data, headers=signed)

    # --- inspection --------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows in every table: a refused request must leave all of these alone."""
        skip = {"nonces", "devices"}  # the replay cache and last-seen times do change
        with self.db.read() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in metadata.sorted_tables
                if t.name not in skip
            }


def expect_ok(response: Any) -> Any:
    if response.status_code != 200:
        raise Refused(response.status_code, ErrorBody.from_wire(response.json()))
    assert response.headers["content-type"] == CONTENT_TYPE
    return decode_body(response.content)


@dataclass
class LocalRow:
    tbl: str
    created: str
    fields: dict[str, tuple[Value, str]] = field(default_factory=dict)

    @property
    def deleted(self) -> bool:
        return "_deleted" in self.fields

    def value(self, col: str) -> Value:
        return self.fields.get(col, (None, ""))[0]


class Device:
    """A device's replica, outbox and cursor, driven through HQ's endpoints."""

    def __init__(self, hq: Hq, key: Ed25519PrivateKey, enrolment: EnrollResponse) -> None:
        self.hq = hq
        self.key = key
        self.enrolment = enrolment
        self.id = enrolment.device_id
        self.org = enrolment.org_id
        self.clock = HybridClock(self.id)
        self.author = "u" + self.id[-12:]
        self.next_seq = 1
        self.outbox: list[Change] = []
        self.rows: dict[str, LocalRow] = {}
        self.cursor = 0
        self.conflicts: dict[int, ConflictRecord] = {}

    # --- local writes, shaped as desktop.store.records shapes them ---------------------

    def _change(
        self, row_id: str, tbl: str, col: str, value: Value, stamp: str, base: str | None
    ) -> None:
        self.outbox.append(Change(self.next_seq, row_id, tbl, col, value, stamp, base, self.author))
        self.next_seq += 1

    def insert(
        self,
        tbl: str,
        values: Mapping[str, Value],
        *,
        owner: str | None = None,
        audience: Sequence[str] = (),
        row_id: str | None = None,
    ) -> str:
        row_id = row_id or os.urandom(16).hex()
        stamp = str(self.clock.now())
        row = LocalRow(tbl, stamp)
        fields: dict[str, Value] = {
            "owner_org": owner or self.org,
            "audience": canonical_json(list(audience)),
        }
        fields.update((k, v) for k, v in values.items() if v is not None)
        # As desktop.store.records logs it: one change carrying the whole new row.
        self._change(row_id, tbl, ROW_CREATED, encode_row(fields), stamp, None)
        row.fields = {col: (value, stamp) for col, value in fields.items()}
        self.rows[row_id] = row
        return row_id

    def update(self, tbl: str, row_id: str, values: Mapping[str, Any]) -> None:
        row = self.rows[row_id]
        stamp = str(self.clock.now())
        for col, given in values.items():
            value = canonical_json(list(given)) if isinstance(given, list | tuple) else given
            base = row.fields[col][1] if col in row.fields else row.created
            self._change(row_id, tbl, col, value, stamp, base)
            row.fields[col] = (value, stamp)

    def delete(self, tbl: str, row_id: str) -> None:
        row = self.rows[row_id]
        stamp = str(self.clock.now())
        self._change(row_id, tbl, "_deleted", 1, stamp, row.created)
        row.fields["_deleted"] = (1, stamp)

    # --- sync --------------------------------------------------------------------------

    def request(self, path: str, message: Any, **kw: Any) -> Any:
        return self.hq.post(path, message, self.key, self.id, **kw)

    def push(
        self, changes: Sequence[Change] | None = None, *, resolved: Iterable[int] = ()
    ) -> PushResponse:
        batch = list(self.outbox if changes is None else changes)
        resolved = tuple(resolved)
        if not batch and not resolved:
            return PushResponse(0, 0, 0, 0, now_ms())
        first = batch[0].device_seq if batch else self.next_seq
        last = batch[-1].device_seq if batch else self.next_seq
        request = PushRequest(DATA_FORMAT, first, last, tuple(batch), now_ms(), resolved)
        answer = PushResponse.from_wire(expect_ok(self.request(PUSH_PATH, request.to_wire())))
        self.outbox = [c for c in self.outbox if c.device_seq > answer.acked_through]
        return answer

    def checked_push(self) -> CheckedPush:
        """The outbox as HQ checks a push of it on arrival."""
        with self.hq.db.read() as conn:
            found = _device_and_scope(conn, self.id)
        assert found is not None
        batch = tuple(self.outbox)
        request = PushRequest(
            DATA_FORMAT, batch[0].device_seq, batch[-1].device_seq, batch, now_ms()
        )
        return check_push(Caller(*found), request, now=now_ms())

    def acknowledged(self, answer: PushResponse) -> PushResponse:
        self.outbox = [c for c in self.outbox if c.device_seq > answer.acked_through]
        return answer

    def push_alone(self) -> PushResponse:
        """The outbox stored as one push in a transaction of its own (as an offline
        bundle's is), not through the endpoint's push groups."""
        return self.acknowledged(write_push(self.hq.db, self.checked_push()))

    def pull_page(self, limit: int = 1000, cursor: int | None = None) -> PullResponse:
        request = PullRequest(DATA_FORMAT, self.cursor if cursor is None else cursor, limit)
        return PullResponse.from_wire(expect_ok(self.request(PULL_PATH, request.to_wire())))

    def pull(self, limit: int = 1000) -> list[PullResponse]:
        pages = []
        while True:
            page = self.pull_page(limit)
            self.apply(page)
            pages.append(page)
            if not page.more:
                return pages

    def sync(self, limit: int = 1000) -> list[PullResponse]:
        self.push()
        return self.pull(limit)

    def apply(self, page: PullResponse) -> None:
        """Apply a page the way the client engine will: removals drop the local copy,
        fields merge by highest HLC, the cursor moves last."""
        for ref in page.removals:
            self.rows.pop(ref.row_id, None)
        for pulled in page.rows:
            row = self.rows.get(pulled.row_id)
            if row is None:
                assert pulled.whole and pulled.created_hlc, "a row the device lacks comes whole"
                row = self.rows[pulled.row_id] = LocalRow(pulled.tbl, pulled.created_hlc)
            for f in pulled.fields:
                self.clock.observe(f.hlc)
                held = row.fields.get(f.col)
                if held is None or f.hlc > held[1]:
                    row.fields[f.col] = (f.value, f.hlc)
        for conflict in page.conflicts:
            if conflict.resolved:
                self.conflicts.pop(conflict.id, None)
            else:
                self.conflicts[conflict.id] = conflict
        self.cursor = page.next_cursor

    def state(self) -> dict[str, dict[str, Value]]:
        """Live rows and their values (for comparing replicas)."""
        return {
            row_id: {col: v for col, (v, _) in sorted(row.fields.items())}
            for row_id, row in sorted(self.rows.items())
            if not row.deleted
        }
