"""A fault-injecting TCP proxy for the sync tests and benchmarks (loopback only).

`FaultProxy` listens on 127.0.0.1 and forwards every connection it accepts to an upstream
on the same machine (a test `lianxin-hq serve`, an `http.server` in a thread), shaping or
breaking the traffic the way a site laptop's link does:

- `bandwidth_bps`: a slow uplink or downlink (token bucket shared by all connections);
- `latency_s`: a long round trip (one-way delay added to every chunk, order kept);
- `cut_after_bytes()`: a link that drops mid-transfer (RST after n more bytes);
- `stall()`: a link that goes quiet without closing (for stall-based timeouts);
- `refuse_connections()`: a link, or a server, that is down.

Faults can be changed at any time from any thread; each setter returns once the proxy
applies it, so no byte is forwarded against the old setting afterwards. The counters
(`bytes_up`, `bytes_down`, `connections`) say what got through. "Up" is client to
upstream, "down" is upstream to client.

    with FaultProxy(("127.0.0.1", hq_port), bandwidth_bps=256_000, latency_s=0.3) as proxy:
        sync = SyncClient(proxy.url)
        proxy.cut_after_bytes(100_000, "up")      # the next upload dies 100 kB in
        ...

One thread runs a `selectors` loop over every connection, so many can be open at once and
a delayed, throttled or stalled one never holds up the others. The proxy only ever listens
on, and connects to, loopback addresses. Latency applies to data and to the closing FIN,
not to the TCP handshake: a new connection costs no extra round trip.
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import selectors
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from types import TracebackType
from typing import Any, Generic, Literal, Self, TypeVar, cast

Direction = Literal["up", "down", "both"]
RefuseMode = Literal["reset", "close"]

HOST = "127.0.0.1"

_T = TypeVar("_T")
_SIDES: dict[str, tuple[Literal["up", "down"], ...]] = {
    "up": ("up",),
    "down": ("down",),
    "both": ("up", "down"),
}
#: One recv() from a socket.
_RECV_BYTES = 64 * 1024
#: Most bytes held per connection and direction (read, not yet forwarded): with latency
#: this is the window, as in TCP; beyond it the proxy stops reading and the sender waits.
_MAX_QUEUED = 512 * 1024
#: A bandwidth limit lets this much traffic through at once after an idle spell...
_BURST_S = 0.1
#: ...and never less than this many bytes, nor sends less than this at a time (unless the
#: chunk is smaller), so a throttled connection is not woken for every few bytes.
_QUANTUM = 512
#: How long a setter waits for the proxy thread to apply it.
_COMMAND_TIMEOUT_S = 10.0
_LINGER_RST = struct.pack("ii", 1, 0)


def _loopback(host: str) -> str:
    """`host` as an IPv4 loopback address, or ValueError: this proxy never leaves the box."""
    if host == "localhost":
        return HOST
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError(f"FaultProxy is loopback only; {host!r} is not an IP address") from None
    if address.version != 4 or not address.is_loopback:
        raise ValueError(f"FaultProxy is loopback only; {host} is not 127.0.0.0/8")
    return host


def _reset(sock: socket.socket) -> None:
    """Close `sock` abruptly: SO_LINGER 0 makes the kernel send RST, not FIN."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _LINGER_RST)
    sock.close()


def _earliest(a: float | None, b: float | None) -> float | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


class _Bucket:
    """A token bucket in bytes for one direction, shared by every connection."""

    def __init__(self) -> None:
        self.rate: float | None = None  # bytes per second; None means unlimited
        self.capacity = 0.0
        self.tokens = 0.0
        self.stamp = time.monotonic()

    def configure(self, bps: float | None, now: float) -> None:
        self._refill(now)
        was_unlimited = self.rate is None
        if bps is None:
            self.rate = None
            return
        self.rate = bps / 8
        self.capacity = max(self.rate * _BURST_S, _QUANTUM)
        self.tokens = self.capacity if was_unlimited else min(self.tokens, self.capacity)

    def _refill(self, now: float) -> None:
        if self.rate is not None:
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now

    def allowance(self, want: int, now: float) -> int:
        """How many of `want` bytes may go now (0: wait until `ready_at`)."""
        if self.rate is None:
            return want
        self._refill(now)
        if self.tokens < min(want, _QUANTUM):
            return 0
        return min(want, int(self.tokens))

    def take(self, sent: int) -> None:
        if self.rate is not None:
            self.tokens -= sent

    def ready_at(self, want: int, now: float) -> float:
        """When `allowance(want)` will be positive (with a millisecond to spare)."""
        assert self.rate is not None
        return now + max(0.0, min(want, _QUANTUM) - self.tokens) / self.rate + 0.001


class _Pipe:
    """One direction of one connection: what was read from `src`, waiting for `dst`."""

    __slots__ = ("blocked", "direction", "dst", "eof", "queue", "queued", "shut", "src")

    def __init__(
        self, direction: Literal["up", "down"], src: socket.socket, dst: socket.socket
    ) -> None:
        self.direction = direction
        self.src = src
        self.dst = dst
        #: (release time, data); b"" stands for the FIN that ends the stream.
        self.queue: deque[tuple[float, bytes]] = deque()
        self.queued = 0
        self.eof = False  # src has sent its FIN (read as b"")
        self.shut = False  # that FIN has been passed on to dst
        self.blocked = False  # dst's send buffer is full: wait for it to be writable

    def can_read(self) -> bool:
        return not self.eof and self.queued < _MAX_QUEUED


class _Conn:
    """A client connection and the proxy's connection to the upstream for it."""

    __slots__ = ("client", "closed", "connected", "down", "masks", "up", "upstream")

    def __init__(self, client: socket.socket, upstream: socket.socket, connected: bool) -> None:
        self.client = client
        self.upstream = upstream
        self.connected = connected
        self.closed = False
        self.up = _Pipe("up", client, upstream)
        self.down = _Pipe("down", upstream, client)
        #: The selector events registered for client and upstream (0: not registered).
        self.masks = [0, 0]


class _Command(Generic[_T]):
    """A change of settings, run by the proxy thread between two rounds of forwarding."""

    def __init__(self, fn: Callable[[], _T]) -> None:
        self.fn = fn
        self.done = threading.Event()
        self.result: _T | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as exc:  # handed to the caller's thread
            self.error = exc
        finally:
            self.done.set()


class FaultProxy:
    """Forward connections on 127.0.0.1:`port` to `upstream`, injecting faults on demand.

    `upstream` is `(host, port)` with a loopback host, or just a port on 127.0.0.1.
    `buffer_bytes` sets the kernel buffers of the proxy's sockets (None: system
    defaults), so that a sender meets back-pressure about as soon as it would on a
    real slow link instead of parking megabytes in loopback buffers.
    """

    def __init__(
        self,
        upstream: tuple[str, int] | int,
        *,
        port: int = 0,
        bandwidth_bps: float | None = None,
        latency_s: float = 0.0,
        buffer_bytes: int | None = 64 * 1024,
    ) -> None:
        host, upstream_port = (HOST, upstream) if isinstance(upstream, int) else upstream
        self.upstream: tuple[str, int] = (_loopback(host), upstream_port)
        self._port = port
        self._buffer_bytes = buffer_bytes

        self._lock = threading.Lock()  # guards _commands, _running, _stopping
        self._counter_lock = threading.Lock()
        self._commands: list[_Command[Any]] = []
        self._running = False
        self._stopping = False
        self._started = False
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

        # Owned by the proxy thread once it runs (changed only through _call).
        self._selector: selectors.BaseSelector | None = None
        self._listener: socket.socket | None = None
        self._wake_r: socket.socket | None = None
        self._wake_w: socket.socket | None = None
        self._conns: dict[_Conn, None] = {}
        self._turn = 0
        self._buckets = {"up": _Bucket(), "down": _Bucket()}
        self._bandwidth: dict[str, float | None] = {"up": None, "down": None}
        self._latency: dict[str, float] = {"up": 0.0, "down": 0.0}
        self._stalled = False
        self._stall_until: float | None = None
        self._cut_left: int | None = None
        self._cut_sides: tuple[str, ...] = ()
        self._cut_then_new = False
        self._cutting_new = False
        self._refusing = False
        self._refuse_mode: RefuseMode = "reset"

        self._bytes_up = 0
        self._bytes_down = 0
        self._connections = 0

        self.set_bandwidth(bandwidth_bps)
        self.set_latency(latency_s)

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> Self:
        """Bind the listening socket and start forwarding in a background thread."""
        with self._lock:
            if self._started:
                raise RuntimeError("a FaultProxy can be started only once")
            self._started = True
        self._selector = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._selector.register(self._wake_r, selectors.EVENT_READ, None)
        try:
            self._open_listener()
        except OSError:
            self._close_sockets()
            raise
        assert self._listener is not None
        self._port = self._listener.getsockname()[1]
        with self._lock:
            self._running = True
        self._thread = threading.Thread(
            target=self._run, name=f"faultproxy-{self._port}", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Reset every open connection, close the listener and join the proxy thread.

        Safe to call twice, or without start(). Raises RuntimeError if the proxy thread
        had died of an unexpected error (so a test notices)."""
        with self._lock:
            self._stopping = True
            thread = self._thread
        if thread is None:
            return
        self._wake()
        thread.join(timeout=_COMMAND_TIMEOUT_S)
        if thread.is_alive():
            raise RuntimeError("the fault proxy thread did not stop")
        error, self._error = self._error, None
        if error is not None:
            raise RuntimeError("the fault proxy thread failed") from error

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The port the proxy listens on (known once started)."""
        if not self._port:
            raise RuntimeError("the proxy has no port until start()")
        return self._port

    @property
    def url(self) -> str:
        """`http://127.0.0.1:PORT`, for HTTP clients."""
        return f"http://{HOST}:{self.port}"

    # -- faults ------------------------------------------------------------------------

    def set_bandwidth(self, bps: float | None, direction: Direction = "both") -> None:
        """Limit `direction` to `bps` bits per second, shared by all its connections
        (None: unlimited). A short burst (0.1 s worth) may pass after an idle spell."""
        if bps is not None and not bps > 0:
            raise ValueError(f"bandwidth must be positive or None, not {bps}")
        sides = _sides(direction)

        def apply() -> None:
            now = time.monotonic()
            for side in sides:
                self._bandwidth[side] = bps
                self._buckets[side].configure(bps, now)

        self._call(apply)

    def get_bandwidth(self, direction: Literal["up", "down"]) -> float | None:
        """The limit on `direction`, in bits per second (None: unlimited)."""
        return self._bandwidth[_sides(direction)[0]]

    @property
    def bandwidth_bps(self) -> float | None:
        """The limit on both directions (ValueError if they differ; see get_bandwidth)."""
        if self._bandwidth["up"] != self._bandwidth["down"]:
            raise ValueError("up and down differ: use get_bandwidth(direction)")
        return self._bandwidth["up"]

    @bandwidth_bps.setter
    def bandwidth_bps(self, bps: float | None) -> None:
        self.set_bandwidth(bps, "both")

    def set_latency(self, seconds: float, direction: Direction = "both") -> None:
        """Delay every chunk travelling in `direction` by `seconds` (one way: a 600 ms
        round trip is 0.3 s in each direction). Chunks keep their order; the delay
        holds up nothing but the chunk itself. Applies to chunks read from now on."""
        if not seconds >= 0:
            raise ValueError(f"latency must be >= 0, not {seconds}")
        sides = _sides(direction)

        def apply() -> None:
            for side in sides:
                self._latency[side] = seconds

        self._call(apply)

    def get_latency(self, direction: Literal["up", "down"]) -> float:
        """The one-way delay on `direction`, in seconds."""
        return self._latency[_sides(direction)[0]]

    @property
    def latency_s(self) -> float:
        """The one-way delay on both directions (ValueError if they differ)."""
        if self._latency["up"] != self._latency["down"]:
            raise ValueError("up and down differ: use get_latency(direction)")
        return self._latency["up"]

    @latency_s.setter
    def latency_s(self, seconds: float) -> None:
        self.set_latency(seconds, "both")

    def cut_after_bytes(
        self, n: int, direction: Direction = "both", *, cut_all_new: bool = False
    ) -> None:
        """Once `n` more bytes have been forwarded in `direction` ("both": counted
        together), reset (RST) every connection open at that moment. One-shot; exactly
        `n` bytes get through. n=0 cuts at once. With `cut_all_new`, every connection
        accepted after the cut is reset as well, until cancel_cut() or clear_faults().
        A new call replaces a cut that has not fired yet."""
        if n < 0:
            raise ValueError(f"n must be >= 0, not {n}")
        sides = _sides(direction)

        def apply() -> None:
            self._cut_left = n
            self._cut_sides = sides
            self._cut_then_new = cut_all_new
            if n == 0:
                self._accept_pending()
                self._fire_cut()

        self._call(apply)

    def cancel_cut(self) -> None:
        """Disarm a pending cut, and stop resetting new connections after one."""

        def apply() -> None:
            self._cut_left = None
            self._cut_then_new = False
            self._cutting_new = False

        self._call(apply)

    @property
    def cut_pending(self) -> bool:
        """Whether a cut_after_bytes() trigger is armed and has not fired yet."""
        return self._cut_left is not None

    def stall(self, seconds: float | None = None) -> None:
        """Forward nothing, either way, on any connection, for `seconds` or until
        resume(). Sockets stay open and new connections are still accepted; the senders
        meet back-pressure once the buffers fill."""
        if seconds is not None and not seconds >= 0:
            raise ValueError(f"stall must be >= 0 seconds or None, not {seconds}")
        until = None if seconds is None else time.monotonic() + seconds

        def apply() -> None:
            self._stalled = True
            self._stall_until = until

        self._call(apply)

    def resume(self) -> None:
        """End a stall: forward what was held back, and carry on."""

        def apply() -> None:
            self._stalled = False
            self._stall_until = None

        self._call(apply)

    @property
    def stalled(self) -> bool:
        """Whether the proxy is stalled (a timed stall reads False once it has ended)."""
        until = self._stall_until
        return self._stalled and (until is None or time.monotonic() < until)

    def refuse_connections(self, refuse: bool = True, *, mode: RefuseMode = "reset") -> None:
        """Take the link down for new connections (open ones carry on; cut them with
        cut_after_bytes(0)). mode "reset": accept each one and reset it at once (the
        client's connect succeeds, its first read or write fails); "close": close the
        listening socket, so connects fail with ECONNREFUSED. refuse=False reopens on the
        same port."""
        if mode not in ("reset", "close"):
            raise ValueError(f"mode must be 'reset' or 'close', not {mode!r}")

        def apply() -> None:
            self._accept_pending()  # connected before the call: they are open ones
            self._refusing = refuse
            self._refuse_mode = mode
            self._sync_listener()

        self._call(apply)

    @property
    def refusing(self) -> bool:
        return self._refusing

    def clear_faults(self) -> None:
        """Back to a clean link: no limit, no delay, no cut, no stall, not refusing."""
        self.set_bandwidth(None)
        self.set_latency(0.0)
        self.cancel_cut()
        self.resume()
        self.refuse_connections(False)

    # -- counters ----------------------------------------------------------------------

    @property
    def bytes_up(self) -> int:
        """Bytes forwarded from clients to the upstream."""
        with self._counter_lock:
            return self._bytes_up

    @property
    def bytes_down(self) -> int:
        """Bytes forwarded from the upstream to clients."""
        with self._counter_lock:
            return self._bytes_down

    @property
    def connections(self) -> int:
        """Connections accepted, including those reset at once (refused, cut)."""
        with self._counter_lock:
            return self._connections

    @property
    def open_connections(self) -> int:
        """Connections being forwarded right now."""
        return len(self._conns)

    def reset_counters(self) -> None:
        """Set bytes_up, bytes_down and connections back to 0."""
        with self._counter_lock:
            self._bytes_up = self._bytes_down = self._connections = 0

    # -- the proxy thread --------------------------------------------------------------

    def _call(self, fn: Callable[[], _T]) -> _T:
        """Run `fn` on the proxy thread between two rounds and wait for it (or run it
        here when no proxy thread runs)."""
        with self._lock:
            if not self._running or threading.current_thread() is self._thread:
                return fn()
            command = _Command(fn)
            self._commands.append(command)
        self._wake()
        if not command.done.wait(_COMMAND_TIMEOUT_S):
            raise RuntimeError("the fault proxy thread is not responding")
        if command.error is not None:
            raise command.error
        return cast(_T, command.result)

    def _wake(self) -> None:
        with self._lock:  # not while _close_sockets() closes it
            if self._wake_w is None:
                return
            with contextlib.suppress(OSError):  # full: the proxy thread is awake anyway
                self._wake_w.send(b"\0")

    def _run_commands(self) -> None:
        with self._lock:
            commands, self._commands = self._commands, []
        for command in commands:
            command.run()

    def _run(self) -> None:
        try:
            self._loop()
        except BaseException as exc:
            self._error = exc
        finally:
            with self._lock:
                self._running = False
                leftover, self._commands = self._commands, []
            for command in leftover:
                command.run()
            for conn in list(self._conns):
                self._close(conn, reset=True)
            self._close_sockets()

    def _loop(self) -> None:
        selector = self._selector
        assert selector is not None
        self._sync_listener()  # refuse_connections(mode="close") before start()
        while True:
            self._run_commands()
            with self._lock:
                if self._stopping:
                    return
            now = time.monotonic()
            if self._stalled and self._stall_until is not None and now >= self._stall_until:
                self._stalled = False
                self._stall_until = None
            deadline: float | None = None
            if self._stalled:
                deadline = self._stall_until
            elif self._conns:
                conns = list(self._conns)
                first = self._turn % len(conns)  # take turns at the shared token buckets
                self._turn += 1
                for conn in conns[first:] + conns[:first]:
                    deadline = _earliest(deadline, self._pump(conn, now))
            for conn in list(self._conns):
                self._register(conn)
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            for key, mask in selector.select(timeout):
                self._dispatch(key, mask)

    def _dispatch(self, key: selectors.SelectorKey, mask: int) -> None:
        conn = key.data
        if conn is None:
            wake = self._wake_r
            if wake is not None and key.fileobj is wake:
                with contextlib.suppress(OSError):
                    while wake.recv(4096):
                        pass
            else:
                self._accept()
            return
        assert isinstance(conn, _Conn)
        if conn.closed:
            return
        sock = key.fileobj
        try:
            if sock is conn.upstream and not conn.connected:
                if conn.upstream.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
                    self._close(conn, reset=True)  # upstream down: the client sees a reset
                else:
                    conn.connected = True
                return
            if mask & selectors.EVENT_WRITE:
                (conn.up if sock is conn.upstream else conn.down).blocked = False
            if mask & selectors.EVENT_READ:
                self._read(conn.up if sock is conn.client else conn.down)
        except OSError:
            self._close(conn, reset=True)

    def _accept(self) -> None:
        while self._listener is not None:
            try:
                client, _ = self._listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                if exc.errno == errno.ECONNABORTED:
                    continue
                return  # out of descriptors, say: try again on the next round
            with self._counter_lock:
                self._connections += 1
            if self._refusing or self._cutting_new:
                _reset(client)
                continue
            client.setblocking(False)
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            upstream = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            upstream.setblocking(False)
            upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self._buffer_bytes is not None:
                client.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, self._buffer_bytes)
                upstream.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, self._buffer_bytes)
                upstream.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, self._buffer_bytes)
            status = upstream.connect_ex(self.upstream)
            if status not in (0, errno.EINPROGRESS):
                _reset(client)
                upstream.close()
                continue
            self._conns[_Conn(client, upstream, connected=status == 0)] = None

    def _accept_pending(self) -> None:
        """Accept the connections already waiting, so a change of faults that follows
        treats them as open (not as new) ones; only on the proxy thread."""
        if self._running and self._listener is not None:
            self._accept()

    def _read(self, pipe: _Pipe) -> None:
        try:
            data = pipe.src.recv(_RECV_BYTES)
        except (BlockingIOError, InterruptedError):
            return
        if not data:
            pipe.eof = True
        release = time.monotonic() + self._latency[pipe.direction]
        if pipe.queue:  # keep order even if the latency was just lowered
            release = max(release, pipe.queue[-1][0])
        pipe.queue.append((release, data))
        pipe.queued += len(data)

    def _pump(self, conn: _Conn, now: float) -> float | None:
        """Forward what `conn` may forward now; when to look at it again (None: on an
        event). Closes the connection when both ways are done or one of them broke."""
        if conn.closed or not conn.connected:
            return None
        try:
            deadline = self._pump_pipe(conn.up, now)
            if conn.closed:  # a cut fired
                return None
            deadline = _earliest(deadline, self._pump_pipe(conn.down, now))
        except OSError:
            self._close(conn, reset=True)
            return None
        if conn.closed:
            return None
        if conn.up.shut and conn.down.shut:
            self._close(conn, reset=False)
        return deadline

    def _pump_pipe(self, pipe: _Pipe, now: float) -> float | None:
        bucket = self._buckets[pipe.direction]
        while pipe.queue and not pipe.blocked:
            release, data = pipe.queue[0]
            if release > now:
                return release
            if not data:
                pipe.queue.popleft()
                pipe.dst.shutdown(socket.SHUT_WR)
                pipe.shut = True
                return None
            allowed = bucket.allowance(len(data), now)
            if allowed == 0:
                return bucket.ready_at(len(data), now)
            cutting = self._cut_left is not None and pipe.direction in self._cut_sides
            if cutting:
                assert self._cut_left is not None
                allowed = min(allowed, self._cut_left)
            try:
                sent = pipe.dst.send(memoryview(data)[:allowed])
            except (BlockingIOError, InterruptedError):
                pipe.blocked = True
                return None
            bucket.take(sent)
            with self._counter_lock:
                if pipe.direction == "up":
                    self._bytes_up += sent
                else:
                    self._bytes_down += sent
            pipe.queued -= sent
            if sent == len(data):
                pipe.queue.popleft()
            else:
                pipe.queue[0] = (release, data[sent:])
            if sent < allowed:
                pipe.blocked = True
            if cutting:
                assert self._cut_left is not None
                self._cut_left -= sent
                if self._cut_left == 0:
                    self._fire_cut()
                    return None
        return None

    def _fire_cut(self) -> None:
        self._cut_left = None
        if self._cut_then_new:
            self._cutting_new = True
        for conn in list(self._conns):
            self._close(conn, reset=True)

    def _register(self, conn: _Conn) -> None:
        if conn.closed:
            return
        reading = not self._stalled
        client = upstream = 0
        if reading and conn.up.can_read():
            client |= selectors.EVENT_READ
        if conn.down.blocked:
            client |= selectors.EVENT_WRITE
        if not conn.connected:
            upstream = selectors.EVENT_WRITE
        else:
            if reading and conn.down.can_read():
                upstream |= selectors.EVENT_READ
            if conn.up.blocked:
                upstream |= selectors.EVENT_WRITE
        self._set_mask(conn, 0, conn.client, client)
        self._set_mask(conn, 1, conn.upstream, upstream)

    def _set_mask(self, conn: _Conn, index: int, sock: socket.socket, mask: int) -> None:
        selector = self._selector
        assert selector is not None
        current = conn.masks[index]
        if mask == current:
            return
        if current == 0:
            selector.register(sock, mask, conn)
        elif mask == 0:
            selector.unregister(sock)
        else:
            selector.modify(sock, mask, conn)
        conn.masks[index] = mask

    def _close(self, conn: _Conn, *, reset: bool) -> None:
        if conn.closed:
            return
        conn.closed = True
        self._conns.pop(conn, None)
        for index, sock in enumerate((conn.client, conn.upstream)):
            if conn.masks[index] and self._selector is not None:
                self._selector.unregister(sock)
            conn.masks[index] = 0
            if reset:
                _reset(sock)
            else:
                sock.close()

    def _open_listener(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if self._buffer_bytes is not None:  # inherited by accepted sockets
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, self._buffer_bytes)
            listener.bind((HOST, self._port))
            listener.listen(1024)
            listener.setblocking(False)
        except OSError:
            listener.close()
            raise
        assert self._selector is not None
        self._selector.register(listener, selectors.EVENT_READ, None)
        self._listener = listener

    def _sync_listener(self) -> None:
        """Open or close the listening socket to match refuse_connections()."""
        if self._selector is None or not self._running:
            return  # not started (start() opens it) or stopped
        closed = self._refusing and self._refuse_mode == "close"
        if closed and self._listener is not None:
            self._selector.unregister(self._listener)
            self._listener.close()
            self._listener = None
        elif not closed and self._listener is None:
            self._open_listener()

    def _close_sockets(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        with self._lock:
            for sock in (self._wake_r, self._wake_w):
                if sock is not None:
                    sock.close()
            self._wake_r = self._wake_w = None
        if self._selector is not None:
            self._selector.close()
            self._selector = None


def _sides(direction: str) -> tuple[Literal["up", "down"], ...]:
    try:
        return _SIDES[direction]
    except KeyError:
        raise ValueError(f"direction must be 'up', 'down' or 'both', not {direction!r}") from None
