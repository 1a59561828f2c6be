"""What an operator touches: /health, /metrics, the `lianxin-hq` commands, and the
service run as its own process (with several workers, and over TLS)."""

from __future__ import annotations

import datetime
import ipaddress
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID
from fastapi.testclient import TestClient
from hqkit import PASSPHRASE, Hq, Refused

from desktop.store.schema import DATA_FORMAT, ROW_CREATED, encode_row
from desktop.sync.protocol import (
    CONTENT_TYPE,
    ENROLL_PATH,
    PULL_PATH,
    PUSH_PATH,
    Change,
    EnrollRequest,
    EnrollResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    decode_body,
    encode_body,
    encode_public_key,
    now_ms,
    sign_request,
)
from hq.app import create_app
from hq.cli import main

HQ_CLI = [sys.executable, "-m", "hq.cli"]

# --- /health and /metrics --------------------------------------------------------------


def test_health_says_the_service_and_database_are_up(hq: Hq) -> None:
    response = hq.client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["protocol"] == "sync/v1"
    assert body["schema_version"] == DATA_FORMAT
    assert body["head"] == 1  # the root unit's creation, nothing else


def test_metrics_count_what_happened(hq: Hq) -> None:
    branch = hq.org("第一党支部", hq.root)
    a, b = hq.enrol(branch), hq.enrol(branch)
    row = a.insert("members", {"name": "张三"})
    a.sync()
    b.pull()
    a.update("members", row, {"phone": "1"})
    b.update("members", row, {"phone": "2"})
    a.push()
    b.push()
    with pytest.raises(Refused):
        hq.enrol_with("WRONG-CODE", Ed25519PrivateKey.generate())
    text = hq.client.get("/metrics").text
    assert "lianxin_hq_changes_accepted_total 3.0" in text
    assert "lianxin_hq_conflicts_total 1.0" in text
    assert re.search(r"lianxin_hq_pull_rows_total [1-9]", text)
    assert 'lianxin_hq_requests_total{endpoint="/sync/v1/push",status="200"} 3.0' in text
    assert 'lianxin_hq_errors_total{code="enrollment_refused"} 1.0' in text
    assert 'lianxin_hq_request_seconds_bucket{endpoint="/sync/v1/pull"' in text


def test_a_failure_of_hq_is_answered_and_logged_not_dropped(
    hq: Hq, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    branch = hq.org("第一党支部", hq.root)
    device = hq.enrol(branch)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the disk is on fire")

    with monkeypatch.context() as patched:
        patched.setattr("hq.app.pull_page", broken)
        with pytest.raises(Refused) as refused:
            device.pull()
    assert refused.value.status == 500
    assert refused.value.body.error == "internal"
    assert "the disk is on fire" in caplog.text  # for the operator, not the device
    assert "fire" not in refused.value.body.reason
    device.pull()  # HQ goes on serving
    text = hq.client.get("/metrics").text
    assert 'lianxin_hq_requests_total{endpoint="/sync/v1/pull",status="500"} 1.0' in text
    assert 'lianxin_hq_errors_total{code="internal"} 1.0' in text


# --- lianxin-hq commands ---------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_commands_set_up_and_keep_hq(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LIANXIN_HQ_PASSPHRASE", raising=False)
    code, _, err = _run(capsys, "--db", db_url, "init", "--name", "海外党委")
    assert code == 2
    assert "LIANXIN_HQ_PASSPHRASE" in err
    assert err.count("\n") == 1
    monkeypatch.setenv("LIANXIN_HQ_PASSPHRASE", "short")
    assert _run(capsys, "--db", db_url, "init", "--name", "海外党委")[0] == 2
    code, _, err = _run(capsys, "--db", db_url, "org", "list")
    assert (code, "not set up" in err) == (2, True)

    monkeypatch.setenv("LIANXIN_HQ_PASSPHRASE", PASSPHRASE)
    code, out, _ = _run(capsys, "--db", db_url, "init", "--name", "海外党委")
    assert code == 0
    root = re.search(r"Root org unit: (\S+)", out).group(1)  # type: ignore[union-attr]
    assert _run(capsys, "--db", db_url, "init", "--name", "again")[0] == 2

    code, out, _ = _run(
        capsys, "--db", db_url, "org", "add", "第一党委", "--parent", root, "--level", "committee"
    )
    assert code == 0
    committee = out.split("\t")[0]
    assert _run(capsys, "--db", db_url, "org", "add", "第一党支部", "--parent", "第一党委")[0] == 0
    code, _, err = _run(capsys, "--db", db_url, "org", "add", "x", "--parent", "nowhere")
    assert (code, "no org unit" in err) == (2, True)
    code, out, _ = _run(capsys, "org", "list", "--db", db_url)  # either place works
    assert [line.split("\t")[2] for line in out.splitlines()] == [
        "海外党委",
        "  第一党委",
        "    第一党支部",
    ]

    code, out, _ = _run(capsys, "--db", db_url, "enroll", committee, "--level", "officer")
    assert code == 0
    enrol_code = re.search(r"([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})", out).group(1)  # type: ignore[union-attr]
    assert "Valid once, until" in out
    code, _, err = _run(capsys, "--db", db_url, "enroll", committee, "--level", "member")
    assert (code, "--member" in err) == (2, True)

    app = create_app(db_url)
    with TestClient(app) as client:
        key = Ed25519PrivateKey.generate()
        request = EnrollRequest(
            enrol_code, encode_public_key(key.public_key()), "书记的电脑", DATA_FORMAT
        )
        body = encode_body(request.to_wire())
        headers = sign_request(key, "new", "POST", ENROLL_PATH, body) | {
            "Content-Type": CONTENT_TYPE
        }
        response = client.post(ENROLL_PATH, content=body, headers=headers)
        assert response.status_code == 200
        device = EnrollResponse.from_wire(decode_body(response.content)).device_id
    app.state.service.db.dispose()

    code, out, _ = _run(capsys, "--db", db_url, "devices", "list")
    assert code == 0
    assert device in out
    assert "书记的电脑" in out
    assert "active" in out
    code, out, _ = _run(
        capsys, "--db", db_url, "devices", "revoke", device, "--wipe", "--reason", "丢失"
    )
    assert code == 0
    assert "wipe pending" in out
    code, out, _ = _run(capsys, "--db", db_url, "devices", "list")
    assert "revoked, wipe pending (丢失)" in out
    assert _run(capsys, "--db", db_url, "devices", "revoke", "nobody")[0] == 2
    # Wrong passphrase, half a TLS pair: refused before anything starts.
    monkeypatch.setenv("LIANXIN_HQ_PASSPHRASE", "not the passphrase")
    code, _, err = _run(capsys, "--db", db_url, "serve", "--port", "1")
    assert (code, "wrong passphrase" in err) == (2, True)
    code, _, err = _run(capsys, "--db", db_url, "serve", "--tls-cert", "x.pem")
    assert (code, "--tls-key" in err) == (2, True)


def test_an_unknown_database_url_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--db", "mysql://x/y", "org", "list")
    assert code == 2
    assert "unsupported database" in err


# --- the service as its own process ----------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(db_url: str, *argv: str) -> str:
    env = os.environ | {"LIANXIN_HQ_PASSPHRASE": PASSPHRASE}
    done = subprocess.run(
        [*HQ_CLI, "--db", db_url, *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def served(db_url: str, tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    """`lianxin-hq serve --workers 2` on a free loopback port: (base URL, db URL, root)."""
    out = _cli(db_url, "init", "--name", "海外党委")
    root = re.search(r"Root org unit: (\S+)", out).group(1)  # type: ignore[union-attr]
    port = _free_port()
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    env = os.environ | {
        "LIANXIN_HQ_PASSPHRASE": PASSPHRASE,
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
    }
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [*HQ_CLI, "--db", db_url, "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, server, tmp_path / "serve.log")
        yield base, db_url, root
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


def _wait_healthy(base: str, server: subprocess.Popen[bytes], log: Path, **kw: object) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"serve exited: {log.read_text()}")
        try:
            if requests.get(f"{base}/health", timeout=2, **kw).status_code == 200:  # type: ignore[arg-type]
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"serve did not come up: {log.read_text()}")


class Client:
    """A device talking to a served HQ with requests."""

    def __init__(self, base: str, **kw: object) -> None:
        self.base = base
        self.session = requests.Session()
        self.kw = kw
        self.key = Ed25519PrivateKey.generate()
        self.id = "new"

    def post(self, path: str, message: object) -> requests.Response:
        body = encode_body(message)
        headers = sign_request(self.key, self.id, "POST", path, body) | {
            "Content-Type": CONTENT_TYPE
        }
        return self.session.post(
            self.base + path, data=body, headers=headers, timeout=30, **self.kw
        )  # type: ignore[arg-type]

    def enrol(self, code: str) -> EnrollResponse:
        request = EnrollRequest(
            code, encode_public_key(self.key.public_key()), "laptop", DATA_FORMAT
        )
        response = self.post(ENROLL_PATH, request.to_wire())
        assert response.status_code == 200, response.text
        answer = EnrollResponse.from_wire(decode_body(response.content))
        self.id = answer.device_id
        return answer


def _raw_exchange(
    port: int, path: str, body: bytes, headers: dict[str, str]
) -> tuple[int, int, bytes]:
    """One request on a plain socket, as a minimal client sends it: bytes each way."""
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "User-Agent: lianxin/0.1",
        "Accept-Encoding: identity",
        "Connection: keep-alive",
        f"Content-Length: {len(body)}",
        *(f"{k}: {v}" for k, v in headers.items()),
    ]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        received = b""
        while b"\r\n\r\n" not in received:
            received += sock.recv(4096)
        head, _, rest = received.partition(b"\r\n\r\n")
        length = int(re.search(rb"content-length: (\d+)", head, re.IGNORECASE).group(1))  # type: ignore[union-attr]
        while len(rest) < length:
            rest += sock.recv(4096)
    return len(request), len(head) + 4 + length, rest


@pytest.mark.slow
def test_the_served_service_syncs_over_the_network(served: tuple[str, str, str]) -> None:
    base, db_url, root = served
    branch = _cli(db_url, "org", "add", "第一党支部", "--parent", root).split("\t")[0]
    code = re.search(
        r": (\S+-\S+-\S+-\S+)$",
        _cli(db_url, "enroll", branch, "--level", "officer").splitlines()[0],
    ).group(1)  # type: ignore[union-attr]
    device = Client(base)
    assert device.enrol(code).org_id == branch
    stamp = f"{now_ms():016d}:00000:{device.id}"
    later = f"{now_ms() + 1:016d}:00000:{device.id}"
    created = encode_row({"owner_org": branch, "audience": "[]", "name": "张三"})
    changes = (
        Change(1, "row-1", "members", ROW_CREATED, created, stamp, None, "u1"),
        Change(2, "row-1", "members", "phone", "13800000000", later, stamp, "u1"),
        Change(3, "row-1", "members", "hardship", 1, later, stamp, "u1"),
    )
    for _ in range(2):  # the second time is a retry: stored once
        pushed = device.post(PUSH_PATH, PushRequest(DATA_FORMAT, 1, 3, changes, now_ms()).to_wire())
        assert pushed.status_code == 200, pushed.text
    cursor = 0
    rows: dict[str, object] = {}
    while True:
        pulled = device.post(PULL_PATH, PullRequest(DATA_FORMAT, cursor, 4).to_wire())
        page = PullResponse.from_wire(decode_body(pulled.content))
        rows |= {r.row_id: r for r in page.rows}
        cursor = page.next_cursor
        if not page.more:
            break
    assert set(rows) == {root, branch, "row-1"}

    # A pull with nothing new, measured on the wire: well under 1 KiB both ways.
    port = int(base.rsplit(":", 1)[1])
    body = encode_body(PullRequest(DATA_FORMAT, cursor).to_wire())
    headers = sign_request(device.key, device.id, "POST", PULL_PATH, body) | {
        "Content-Type": CONTENT_TYPE
    }
    sent, received, content = _raw_exchange(port, PULL_PATH, body, headers)
    page = PullResponse.from_wire(decode_body(content))
    assert (page.rows, page.more) == ((), False)
    assert sent + received < 1024, (sent, received)

    # The workers share the replay cache.
    replay = requests.post(base + PULL_PATH, data=body, headers=headers, timeout=10)
    assert replay.status_code == 401
    assert replay.json()["error"] == "replayed_request"

    metrics = requests.get(base + "/metrics", timeout=10).text
    assert "lianxin_hq_changes_accepted_total 3.0" in metrics
    assert "lianxin_hq_changes_duplicate_total 3.0" in metrics  # the retried push
    health = requests.get(base + "/health", timeout=10).json()
    assert health["head"] == cursor


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "hq.pem", folder / "hq.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.mark.slow
def test_the_service_serves_https_with_its_own_certificate(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'hq.db'}"
    out = _cli(db_url, "init", "--name", "海外党委")
    root = re.search(r"Root org unit: (\S+)", out).group(1)  # type: ignore[union-attr]
    cert, key = _self_signed(tmp_path)
    port = _free_port()
    env = os.environ | {"LIANXIN_HQ_PASSPHRASE": PASSPHRASE}
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                *HQ_CLI,
                "--db",
                db_url,
                "serve",
                "--port",
                str(port),
                "--tls-cert",
                str(cert),
                "--tls-key",
                str(key),
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"https://127.0.0.1:{port}"
            _wait_healthy(base, server, log_path, verify=str(cert))
            code = re.search(
                r": (\S+-\S+-\S+-\S+)$",
                _cli(db_url, "enroll", root, "--level", "officer").splitlines()[0],
            ).group(1)  # type: ignore[union-attr]
            # The device trusts HQ's own certificate (pinned at enrolment), nothing else.
            assert Client(base, verify=str(cert)).enrol(code).org_id == root
            with pytest.raises(requests.exceptions.SSLError):
                requests.get(base + "/health", timeout=10)
        finally:
            server.terminate()
            server.wait(timeout=20)
