"""bench.faultproxy.FaultProxy against a local echo server and `http.server` (127.0.0.1).

Timing checks only bound what the proxy guarantees (a limit is never beaten, a delay is
never shortened); the other side of a bound is generous so a loaded machine passes too.
"""

from __future__ import annotations

import os
import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from bench.faultproxy import FaultProxy

pytestmark = pytest.mark.timeout(60)

RATE = 256_000  # bit/s
BODY = 50_000  # bytes: about 1.6 s at RATE


def eventually(check: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Poll `check` until it holds (the proxy thread counts just after a send)."""
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            return False
        time.sleep(0.01)
    return True


# -- servers -------------------------------------------------------------------------


class _Echo(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        try:
            while data := self.request.recv(65536):
                self.request.sendall(data)
        except OSError:
            pass


@dataclass
class HttpState:
    port: int
    received: list[int] = field(default_factory=list)  # body bytes read, per POST


class _Http(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HttpServer

    def do_GET(self) -> None:
        # /bytes/N: N bytes of body
        size = int(self.path.rsplit("/", 1)[1])
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        chunk = b"x" * 8192
        left = size
        while left:
            n = min(left, len(chunk))
            self.wfile.write(chunk[:n])
            left -= n

    def do_POST(self) -> None:
        # reads the body, recording how much arrived even if the connection breaks
        left = int(self.headers["Content-Length"])
        index = len(self.server.state.received)
        self.server.state.received.append(0)
        while left:
            data = self.rfile.read1(min(left, 65536))
            if not data:
                return
            left -= len(data)
            self.server.state.received[index] += len(data)
        body = str(self.server.state.received[index]).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    state: HttpState

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # resets are what these tests are about


@pytest.fixture
def echo_port() -> Iterator[int]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Echo)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def http() -> Iterator[HttpState]:
    server = _HttpServer(("127.0.0.1", 0), _Http)
    server.state = HttpState(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server.state
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def echo_proxy(echo_port: int) -> Iterator[FaultProxy]:
    with FaultProxy(("127.0.0.1", echo_port)) as proxy:
        yield proxy


@pytest.fixture
def http_proxy(http: HttpState) -> Iterator[FaultProxy]:
    with FaultProxy(http.port) as proxy:
        yield proxy


def connect(proxy: FaultProxy, timeout: float = 5.0) -> socket.socket:
    return socket.create_connection(("127.0.0.1", proxy.port), timeout=timeout)


def assert_reset_when_connecting(proxy: FaultProxy) -> None:
    """A connection the proxy accepts and resets at once: connect() itself may already
    see the RST (loopback is that quick), else the first read does."""
    with pytest.raises(ConnectionResetError), connect(proxy) as sock:
        sock.recv(10)


def recv_exactly(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError(f"closed after {len(data)} of {n} bytes")
        data += chunk
    return data


# -- plain forwarding and counters ---------------------------------------------------


def test_forwards_and_counts(echo_proxy: FaultProxy, http_proxy: FaultProxy) -> None:
    assert echo_proxy.url == f"http://127.0.0.1:{echo_proxy.port}"
    with connect(echo_proxy) as sock:
        sock.sendall(b"a" * 3000)
        assert recv_exactly(sock, 3000) == b"a" * 3000
        sock.sendall(b"b" * 2000)
        assert recv_exactly(sock, 2000) == b"b" * 2000
    assert eventually(lambda: echo_proxy.bytes_down == 5000)
    assert echo_proxy.bytes_up == 5000
    assert echo_proxy.connections == 1
    assert eventually(lambda: echo_proxy.open_connections == 0)  # FIN passed both ways

    echo_proxy.reset_counters()
    assert (echo_proxy.bytes_up, echo_proxy.bytes_down, echo_proxy.connections) == (0, 0, 0)

    with requests.Session() as session:
        for _ in range(3):
            response = session.get(f"{http_proxy.url}/bytes/10000", timeout=5)
            assert response.content == b"x" * 10000
    assert http_proxy.connections == 1  # keep-alive: one connection for three requests
    assert eventually(lambda: http_proxy.bytes_down > 30000)
    assert http_proxy.bytes_up > 0


def test_many_concurrent_connections(echo_proxy: FaultProxy) -> None:
    count, size = 64, 20_000
    errors: list[BaseException] = []
    barrier = threading.Barrier(count)

    def client(i: int) -> None:
        try:
            payload = bytes([i]) * size
            with connect(echo_proxy, timeout=20) as sock:
                barrier.wait(timeout=20)  # all open at once
                sock.sendall(payload)
                assert recv_exactly(sock, size) == payload
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert echo_proxy.connections == count
    assert eventually(lambda: echo_proxy.bytes_down == count * size)
    assert echo_proxy.bytes_up == count * size
    assert eventually(lambda: echo_proxy.open_connections == 0)


def test_upstream_down_resets_client() -> None:
    spare = socket.socket()
    spare.bind(("127.0.0.1", 0))
    port = spare.getsockname()[1]
    spare.close()  # nothing listens there now
    with FaultProxy(port) as proxy, pytest.raises(requests.ConnectionError):
        requests.get(proxy.url, timeout=5)


# -- bandwidth -----------------------------------------------------------------------


def assert_rate(nbytes: int, elapsed: float, bps: float) -> None:
    measured = nbytes * 8 / elapsed
    assert 0.8 * bps <= measured <= 1.2 * bps, f"{measured:.0f} bit/s for a {bps} limit"


def test_bandwidth_down(http_proxy: FaultProxy) -> None:
    http_proxy.bandwidth_bps = RATE
    assert http_proxy.bandwidth_bps == RATE
    start = time.perf_counter()
    response = requests.get(f"{http_proxy.url}/bytes/{BODY}", timeout=(5, 5))
    elapsed = time.perf_counter() - start
    assert len(response.content) == BODY
    assert_rate(BODY, elapsed, RATE)


def test_bandwidth_up(http: HttpState, http_proxy: FaultProxy) -> None:
    http_proxy.set_bandwidth(RATE, "up")
    assert http_proxy.get_bandwidth("down") is None
    start = time.perf_counter()
    response = requests.post(http_proxy.url, data=b"u" * BODY, timeout=(5, 5))
    elapsed = time.perf_counter() - start
    assert response.text == str(BODY)
    assert_rate(BODY, elapsed, RATE)


def test_bandwidth_is_shared_by_connections(http_proxy: FaultProxy) -> None:
    http_proxy.set_bandwidth(RATE, "down")
    sizes: list[int] = []

    def download() -> None:
        sizes.append(len(requests.get(f"{http_proxy.url}/bytes/{BODY // 2}", timeout=5).content))

    threads = [threading.Thread(target=download) for _ in range(2)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    assert sizes == [BODY // 2, BODY // 2]
    assert_rate(BODY, elapsed, RATE)  # together, not each


# -- latency -------------------------------------------------------------------------


def test_latency_per_round_trip(echo_proxy: FaultProxy) -> None:
    echo_proxy.latency_s = 0.15
    with connect(echo_proxy) as sock:
        for _ in range(3):
            start = time.perf_counter()
            sock.sendall(b"ping")
            assert recv_exactly(sock, 4) == b"ping"
            assert time.perf_counter() - start >= 0.3 - 0.002


def test_latency_one_direction(echo_proxy: FaultProxy) -> None:
    echo_proxy.set_latency(0.2, "down")
    assert echo_proxy.get_latency("up") == 0.0
    with pytest.raises(ValueError, match="differ"):
        _ = echo_proxy.latency_s
    with connect(echo_proxy) as sock:
        start = time.perf_counter()
        sock.sendall(b"ping")
        assert recv_exactly(sock, 4) == b"ping"
        assert time.perf_counter() - start >= 0.2 - 0.002


def test_latency_keeps_order_and_pipelines(echo_proxy: FaultProxy) -> None:
    echo_proxy.latency_s = 0.2
    messages = [f"{i:04d}".encode() for i in range(50)]
    with connect(echo_proxy) as sock:
        start = time.perf_counter()
        for message in messages:  # 50 separate chunks, each delayed 0.4 s round trip
            sock.sendall(message)
            time.sleep(0.002)
        assert recv_exactly(sock, 200) == b"".join(messages)
        elapsed = time.perf_counter() - start
    assert elapsed >= 0.4 - 0.002
    assert elapsed < 5.0  # one after another would take 20 s


def test_latency_does_not_hold_up_other_connections(echo_proxy: FaultProxy) -> None:
    echo_proxy.latency_s = 0.2
    trips: list[float] = []

    def client() -> None:
        with connect(echo_proxy) as sock:
            start = time.perf_counter()
            sock.sendall(b"hi")
            assert recv_exactly(sock, 2) == b"hi"
            trips.append(time.perf_counter() - start)

    threads = [threading.Thread(target=client) for _ in range(10)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    assert len(trips) == 10
    assert min(trips) >= 0.4 - 0.002
    assert elapsed < 3.0  # one connection after another would take 4 s


# -- cut -----------------------------------------------------------------------------


def test_cut_download(http_proxy: FaultProxy) -> None:
    with connect(http_proxy) as sock:
        http_proxy.cut_after_bytes(20_000, "down")
        assert http_proxy.cut_pending
        sock.sendall(b"GET /bytes/200000 HTTP/1.1\r\nHost: x\r\n\r\n")
        received = 0
        with pytest.raises(ConnectionResetError):
            while chunk := sock.recv(65536):
                received += len(chunk)
    assert received <= 20_000
    assert not http_proxy.cut_pending
    assert eventually(lambda: http_proxy.bytes_down == 20_000)
    assert http_proxy.open_connections == 0


def test_cut_download_with_requests(http_proxy: FaultProxy) -> None:
    http_proxy.cut_after_bytes(30_000)
    with pytest.raises(requests.RequestException):
        requests.get(f"{http_proxy.url}/bytes/200000", timeout=5)
    # one-shot: the next request goes through
    assert len(requests.get(f"{http_proxy.url}/bytes/200000", timeout=5).content) == 200_000


def test_cut_upload_mid_transfer(http: HttpState, http_proxy: FaultProxy) -> None:
    http_proxy.bandwidth_bps = 4_000_000  # so the cut lands while the body is on its way
    http_proxy.cut_after_bytes(100_000, "up")
    with pytest.raises(requests.ConnectionError):
        requests.post(http_proxy.url, data=b"u" * 500_000, timeout=5)
    assert eventually(lambda: http_proxy.bytes_up == 100_000)
    assert eventually(lambda: len(http.received) == 1)
    assert 0 < http.received[0] < 100_000  # the headers came first
    assert http_proxy.bytes_down == 0  # no response got back

    response = requests.post(http_proxy.url, data=b"u" * 1000, timeout=5)
    assert response.text == "1000"


def test_cut_resets_open_connections_and_optionally_new_ones(echo_proxy: FaultProxy) -> None:
    idle = connect(echo_proxy)
    idle.sendall(b"x")
    assert recv_exactly(idle, 1) == b"x"
    echo_proxy.cut_after_bytes(0, cut_all_new=True)  # at once
    with idle, pytest.raises(ConnectionResetError):
        idle.recv(10)

    assert_reset_when_connecting(echo_proxy)  # reset as soon as accepted

    echo_proxy.cancel_cut()
    with connect(echo_proxy) as fresh:
        fresh.sendall(b"ok")
        assert recv_exactly(fresh, 2) == b"ok"


# -- stall ---------------------------------------------------------------------------


def test_stall_until_resume(echo_proxy: FaultProxy) -> None:
    with connect(echo_proxy) as sock:
        echo_proxy.stall()
        assert echo_proxy.stalled
        sock.sendall(b"ping")
        sock.settimeout(0.3)
        with pytest.raises(TimeoutError):
            sock.recv(10)
        assert echo_proxy.bytes_up == 0
        echo_proxy.resume()
        sock.settimeout(5)
        assert recv_exactly(sock, 4) == b"ping"


def test_timed_stall(echo_proxy: FaultProxy) -> None:
    with connect(echo_proxy) as sock:
        start = time.perf_counter()
        echo_proxy.stall(0.4)
        sock.sendall(b"ping")
        assert recv_exactly(sock, 4) == b"ping"
        assert time.perf_counter() - start >= 0.4 - 0.002
    assert not echo_proxy.stalled


def test_requests_read_timeout_fires_during_stall(http_proxy: FaultProxy) -> None:
    http_proxy.stall()
    start = time.perf_counter()
    with pytest.raises(requests.ReadTimeout):
        requests.get(f"{http_proxy.url}/bytes/10", timeout=(2, 0.3))
    assert time.perf_counter() - start >= 0.3 - 0.002
    http_proxy.resume()
    assert requests.get(f"{http_proxy.url}/bytes/10", timeout=(2, 2)).content == b"x" * 10


def test_requests_read_timeout_is_per_read(http_proxy: FaultProxy) -> None:
    # A slow response that keeps coming is fine, however long it takes in total...
    http_proxy.bandwidth_bps = 96_000
    start = time.perf_counter()
    response = requests.get(f"{http_proxy.url}/bytes/12000", timeout=(2, 0.3))
    assert len(response.content) == 12_000
    assert time.perf_counter() - start > 3 * 0.3

    # ...but one that stops mid-body times out, although the connection stays open.
    response = requests.get(f"{http_proxy.url}/bytes/200000", timeout=(2, 0.3), stream=True)
    assert len(response.raw.read(1000)) == 1000
    http_proxy.stall()
    with pytest.raises(requests.RequestException, match="timed out"):
        _ = response.content
    response.close()


# -- refuse --------------------------------------------------------------------------


def test_refuse_by_closing_listener(http_proxy: FaultProxy) -> None:
    port = http_proxy.port
    kept = connect(http_proxy)  # open connections carry on, and do not stop a reopen
    http_proxy.refuse_connections(True, mode="close")
    assert http_proxy.refusing
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{http_proxy.url}/bytes/10", timeout=5)
    assert http_proxy.connections == 1

    http_proxy.refuse_connections(False)
    assert http_proxy.port == port
    assert requests.get(f"{http_proxy.url}/bytes/10", timeout=5).content == b"x" * 10
    with kept:
        kept.sendall(b"GET /bytes/3 HTTP/1.1\r\nHost: x\r\n\r\n")
        reply = b""
        while not reply.endswith(b"\r\n\r\nxxx"):
            chunk = kept.recv(1024)
            assert chunk, reply
            reply += chunk
        assert reply.startswith(b"HTTP/1.1 200")


def test_refuse_by_reset_keeps_open_connections(echo_proxy: FaultProxy) -> None:
    with connect(echo_proxy) as open_before:
        echo_proxy.refuse_connections(True, mode="reset")
        assert_reset_when_connecting(echo_proxy)
        with pytest.raises(requests.ConnectionError):
            requests.get(echo_proxy.url, timeout=5)
        assert echo_proxy.connections == 3  # accepted, then reset
        open_before.sendall(b"still")
        assert recv_exactly(open_before, 5) == b"still"

        echo_proxy.clear_faults()
        with connect(echo_proxy) as sock:
            sock.sendall(b"up")
            assert recv_exactly(sock, 2) == b"up"


# -- lifecycle and validation --------------------------------------------------------


def _fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts fds in /proc")
def test_stop_closes_everything(echo_port: int) -> None:
    before_fds = _fds()
    proxy = FaultProxy(echo_port, latency_s=0.05).start()
    clients = [connect(proxy) for _ in range(10)]
    for sock in clients:
        sock.sendall(b"x")
    for sock in clients:
        assert recv_exactly(sock, 1) == b"x"
    assert eventually(lambda: proxy.open_connections == 10)
    proxy.stop()
    proxy.stop()  # idempotent
    for sock in clients:
        with sock, pytest.raises(ConnectionResetError):
            sock.recv(10)
    assert proxy.open_connections == 0
    assert not any(t.name.startswith("faultproxy") for t in threading.enumerate())
    assert eventually(lambda: _fds() <= before_fds, timeout=2)
    with pytest.raises(RuntimeError):
        proxy.start()


def test_loopback_only_and_validation() -> None:
    for host in ("10.0.0.1", "192.168.1.10", "example.com", "::1", "0.0.0.0"):
        with pytest.raises(ValueError, match="loopback"):
            FaultProxy((host, 80))
    proxy = FaultProxy(("localhost", 80))
    assert proxy.upstream == ("127.0.0.1", 80)
    with pytest.raises(RuntimeError):
        _ = proxy.port
    with pytest.raises(ValueError):
        proxy.set_bandwidth(0)
    with pytest.raises(ValueError):
        proxy.set_latency(-1)
    with pytest.raises(ValueError):
        proxy.cut_after_bytes(-1)
    with pytest.raises(ValueError):
        proxy.cut_after_bytes(10, "sideways")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        proxy.stall(-1)
    proxy.stop()  # never started: nothing to do
