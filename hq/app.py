"""The HQ sync service: a stateless FastAPI app over the HQ database.

Endpoints: POST /sync/v1/enroll, /sync/v1/push, /sync/v1/pull (zstd bodies, signed),
attachment contents under /sync/v1/blobs (hq.blobs), GET /health and GET /metrics.
Refusals are plain JSON ErrorBody documents with the status that says what kind of
refusal it is (400 malformed, 401 not authenticated, 403 outside scope, 409 version or
sequence mismatch, 413 too large, 415 not zstd, 422 invalid change). Any number of app
workers may serve one database.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence

from anyio import to_thread
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from desktop.store.schema import DATA_FORMAT
from desktop.sync.protocol import (
    CONTENT_TYPE,
    ENROLL_PATH,
    MAX_BODY_BYTES,
    PROTOCOL,
    PULL_PATH,
    PUSH_PATH,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    ProtocolError,
    PullRequest,
    PullResponse,
    PushRequest,
    Rejected,
    decode_body,
    encode_body,
    now_ms,
)
from hq import blobs, handover
from hq import db as hq_db
from hq.auth import Authenticator, Caller, check_signature, read_headers
from hq.bodies import read_body
from hq.db import HqDatabase
from hq.devices import enroll
from hq.errors import Refusal
from hq.keys import PublicKeys, load_signing_key, passphrase_from_env, public_keys
from hq.metrics import CONTENT_TYPE as METRICS_TYPE
from hq.metrics import Metrics
from hq.orgs import require_org
from hq.pull import pull_page
from hq.pushes import PushGroups, check_push, check_schema

log = logging.getLogger(__name__)

DB_ENV = "LIANXIN_HQ_DB"
#: Threads that run requests' work in each app worker (anyio's default is 40). The work
#: is mostly Python, so more threads only share the GIL more finely: every request gets
#: slower and none finishes sooner, while each holds a database connection (and a push
#: the sequence lock) for longer. Requests beyond these wait their turn in the event loop.
REQUEST_THREADS = 16


def read_pull(
    db: HqDatabase,
    caller: Caller,
    request: PullRequest,
    *,
    now: int,
    metrics: Metrics | None = None,
) -> PullResponse:
    """One pull page for an authenticated device (the pull endpoint and hq.bundles)."""
    check_schema(request.schema_version)
    with db.read() as conn:
        page = pull_page(conn, caller.scope, request, now_ms=now)
    if metrics is not None:
        metrics.pull_rows.inc(len(page.rows))
    return page


class SyncService:
    """The work behind each endpoint, run in worker threads (the database is blocking)."""

    def __init__(
        self, db: HqDatabase, signing_key: Ed25519PrivateKey, keys: PublicKeys, metrics: Metrics
    ) -> None:
        self.db = db
        self.keys = keys
        self.metrics = metrics
        self.auth = Authenticator(db, signing_key)
        self.pushes = PushGroups(db, metrics)

    def enroll(self, path: str, headers: Mapping[str, str], body: bytes) -> bytes:
        now = now_ms()
        signed = read_headers(headers, now)
        request = EnrollRequest.from_wire(decode_body(body))
        check_schema(request.schema_version)
        # Signed by the key being enrolled: the device proves it holds the private half.
        check_signature(signed, request.public_key, "POST", path, body)
        with self.db.write() as conn:
            device = enroll(conn, request, now_ms=now)
            org = require_org(conn, device.org_id)
        return encode_body(
            EnrollResponse(
                device.id,
                org.id,
                org.name,
                device.level,
                device.member_id,
                self.keys.signing,
                self.keys.recovery,
                DATA_FORMAT,
                now_ms(),
                self.keys.bundle,
            ).to_wire()
        )

    def push(self, path: str, headers: Mapping[str, str], body: bytes) -> bytes:
        now = now_ms()
        caller = self.auth.caller("POST", path, headers, body, now_ms=now)
        request = PushRequest.from_wire(decode_body(body))
        answer = self.pushes.write(check_push(caller, request, now=now))
        return encode_body(answer.to_wire())

    def pull(self, path: str, headers: Mapping[str, str], body: bytes) -> bytes:
        now = now_ms()
        caller = self.auth.caller("POST", path, headers, body, now_ms=now)
        request = PullRequest.from_wire(decode_body(body))
        page = read_pull(self.db, caller, request, now=now, metrics=self.metrics)
        return encode_body(page.to_wire())

    def health(self) -> dict[str, object]:
        with self.db.read() as conn:
            top = hq_db.head(conn)
        return {
            "status": "ok",
            "protocol": PROTOCOL,
            "schema_version": DATA_FORMAT,
            "head": top,
            "server_time_ms": now_ms(),
        }


def _error(
    status: int,
    code: str,
    reason: str,
    *,
    rejected: tuple[Rejected, ...] = (),
    wipe: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorBody(code, reason, now_ms(), rejected, wipe)
    return JSONResponse(body.to_wire(), status_code=status)


def create_app(
    db_url: str,
    *,
    passphrase: str | None = None,
    signing_key: Ed25519PrivateKey | None = None,
) -> FastAPI:
    """The HQ app over `db_url` (set up with `lianxin-hq init`). HQ's signing key is
    unsealed with `passphrase` (default: env LIANXIN_HQ_PASSPHRASE) unless given."""
    db = HqDatabase(db_url)
    db.require_initialised()
    with db.write() as conn:
        handover.catch_up(conn, now_ms=now_ms())
    with db.read() as conn:
        keys = public_keys(conn)
        if signing_key is None:
            signing_key = load_signing_key(conn, passphrase or passphrase_from_env())
    metrics = Metrics()
    service = SyncService(db, signing_key, keys, metrics)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Set in the worker's own event loop: the limiter belongs to it.
        to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
        yield

    app = FastAPI(
        title="Lianxin HQ", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan
    )
    app.state.service = service

    @app.exception_handler(Refusal)
    async def _refused(_request: Request, refusal: Refusal) -> JSONResponse:
        metrics.errors.labels(refusal.code).inc()
        return _error(
            refusal.status,
            refusal.code,
            refusal.reason,
            rejected=refusal.rejected,
            wipe=refusal.wipe,
        )

    @app.exception_handler(ProtocolError)
    async def _malformed(_request: Request, problem: ProtocolError) -> JSONResponse:
        metrics.errors.labels(problem.code).inc()
        return _error(problem.status, problem.code, problem.reason)

    app.add_middleware(_Measured, metrics=metrics, routes=app.router.routes)

    def _sync_route(path: str, work: Callable[[str, Mapping[str, str], bytes], bytes]) -> None:
        async def handle(request: Request) -> Response:
            body = await read_body(request, CONTENT_TYPE, MAX_BODY_BYTES, "sync bodies")
            payload = await run_in_threadpool(work, request.url.path, request.headers, body)
            return Response(payload, media_type=CONTENT_TYPE)

        # A plain route: the body is read by hand, so FastAPI's parameter handling
        # would only cost each request its time.
        app.add_route(path, handle, methods=["POST"], include_in_schema=False)

    _sync_route(ENROLL_PATH, service.enroll)
    _sync_route(PUSH_PATH, service.push)
    _sync_route(PULL_PATH, service.pull)
    blobs.install(app, blobs.BlobService(db, service.auth), metrics)

    @app.get("/health", include_in_schema=False)
    async def health() -> Response:
        try:
            status = await run_in_threadpool(service.health)
        except Exception:
            log.exception("health check failed")
            return _error(503, "unavailable", "HQ cannot reach its database.")
        return JSONResponse(status)

    @app.get("/metrics", include_in_schema=False)
    async def metrics_page() -> Response:
        return Response(metrics.exposition(), media_type=METRICS_TYPE)

    log.info("HQ service ready on %s", db.engine.url.render_as_string(hide_password=True))
    return app


class _Measured:
    """Each request counted and timed by endpoint (/metrics), and any failure of HQ's
    answered as a refusal that says so, logged. A plain ASGI middleware: Starlette's
    `BaseHTTPMiddleware` runs every request through a task group and streams of its own,
    which cost more than a small push's own work."""

    def __init__(self, app: ASGIApp, metrics: Metrics, routes: Sequence[BaseRoute]) -> None:
        self.app = app
        self.metrics = metrics
        self.routes = routes
        #: Endpoints by method and path, found once (the sync endpoints have no
        #: parameters; a path asked with another method is "other").
        self.endpoints: dict[tuple[str, str], str] = {}

    def endpoint(self, scope: Scope) -> str:
        key = (scope["method"], scope["path"])
        found = self.endpoints.get(key)
        if found is not None:
            return found
        for route in self.routes:
            if route.matches(scope)[0] is Match.FULL:
                found = getattr(route, "path", "other")
                break
        else:
            found = "other"
        if "{" not in found and found != "other":
            self.endpoints[key] = found
        return found

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        endpoint = self.endpoint(scope)
        start = time.perf_counter()
        status = 0  # until the answer starts

        async def sent(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sent)
        except Exception:
            if status:
                raise  # half answered: only the connection can say it failed
            log.exception("request to %s failed", endpoint)
            self.metrics.errors.labels("internal").inc()
            self.metrics.requests.labels(endpoint, "500").inc()
            failed = _error(500, "internal", "HQ failed to answer this request; it was logged.")
            await failed(scope, receive, send)
            return
        self.metrics.latency.labels(endpoint).observe(time.perf_counter() - start)
        self.metrics.requests.labels(endpoint, str(status)).inc()


#: Allocations between two collections of the youngest generation (Python's default is
#: 700), and collections of each generation between two of the next.
GC_THRESHOLDS = (50_000, 20, 20)


def tune_collector() -> None:
    """The cyclic garbage collector set for a serving process.

    A pull page or a push is many thousands of short-lived objects (rows read, texts,
    lists), none in a cycle. At the default threshold the collector ran every 700
    allocations and, every hundred runs, walked everything young; pausing it around a
    page only moved the walk to the end of the page, where it also took in the objects
    of every other request in flight. Rarer runs of the young generation cost the same
    per object and walk much less. What the app holds from its start (modules, tables,
    compiled statements) is frozen out of every walk."""
    gc.set_threshold(*GC_THRESHOLDS)
    gc.freeze()


def app_from_environment() -> FastAPI:
    """Factory for uvicorn workers: the database URL from env LIANXIN_HQ_DB."""
    app = create_app(os.environ[DB_ENV])
    tune_collector()
    return app
