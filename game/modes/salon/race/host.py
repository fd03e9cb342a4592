"""The host: an asyncio server that referees one room.

Every connection first says `hello`; the host answers `welcome` or `refuse` (with a
French reason) and closes on refusal. Afterwards a runner sends `split`s, `file`
chunks and `pong`s; the host pings every runner to measure the round trip, saves every
change in the store before acknowledging it, re-verifies each run file (in worker
processes, several at once, leaving a core for the projector's frames; a custom `verify`
— tests — runs in a thread) and sends standings to everyone.

Defences (all limits in `HostLimits`): one line ≤ `MAX_LINE` bytes; a byte budget per
connection; a message-rate bucket and a connection cap per address, with a short ban
for a flooding address; a hello deadline; a few strikes for malformed messages from a
runner, none before the hello. Nothing a peer sends can make the host run code or open
a file: messages are plain JSON, and only the verifier reads a run file.
"""

import asyncio
import contextlib
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from game.modes.salon.race import protocol
from game.modes.salon.race.clock import OffsetEstimate
from game.modes.salon.race.protocol import ProtocolError, encode
from game.modes.salon.race.runfile import verify_run_file
from game.proofs.core import replay_pool, stop_pool_now

log = logging.getLogger(__name__)


def wall_ms():
    """Wall time in ms (a restarted host keeps the same start time)."""
    return time.time_ns() // 1_000_000


def steady_wall_clock():
    """The host's clock: wall time when the host starts, then moved on by the monotonic
    clock. A restarted host still finds its start time, and a wall clock slewed or
    stepped during the race (a school's time server) cannot shift the host's observations
    against the runners' monotonic clocks (seen here: 5 ms a second)."""
    wall0, mono0 = time.time_ns(), time.monotonic_ns()
    return lambda: (wall0 + time.monotonic_ns() - mono0) // 1_000_000


@dataclass
class HostLimits:
    messages_per_s: float = 60.0  # per address, sustained
    burst: int = 200  # per address
    max_connections: int = 8  # per address, at once
    bytes_per_connection: int = 8 * 1024 * 1024
    ban_s: float = 10.0
    hello_timeout_s: float = 5.0
    idle_timeout_s: float = 120.0
    strikes: int = 5  # malformed messages forgiven from a joined runner
    ping_every_s: float = 1.0


class _Bucket:
    """A token bucket: `rate` tokens a second, at most `burst` saved up."""

    def __init__(self, rate, burst):
        self.rate, self.burst = rate, burst
        self.tokens, self.stamp = float(burst), time.monotonic()

    def take(self):
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


class RaceHost:
    def __init__(
        self, room, store, limits=None, verify=verify_run_file, clock=None, on_verified=None
    ):
        self.room, self.store = room, store
        self.on_verified = on_verified  # (runner name, run file bytes): e.g. the club board
        self.limits = limits or HostLimits()
        self.verify, self.clock = verify, clock or steady_wall_clock()
        self.server = None
        self.port = None
        self.writers = {}  # runner name → StreamWriter
        self.offsets = {}  # runner name → OffsetEstimate (runner's clock minus host's)
        self.buckets, self.banned, self.open_per_addr = {}, {}, {}
        self.listeners = []  # callables(event: str, detail) run in the loop
        self.refused = 0  # messages or connections refused (for the simulation's report)
        self.messages = 0
        self._verifier = ThreadPoolExecutor(max_workers=1, thread_name_prefix="verif")
        self._processes = None  # started at the first run file (see `_check`)
        self._tasks = set()
        self._ping_id = 0

    # --- life ---------------------------------------------------------------------------

    async def start(self, address="127.0.0.1", port=0):
        self.store.save_room(self.room)
        self.server = await asyncio.start_server(
            self._serve, address, port, limit=protocol.MAX_LINE
        )
        self.port = self.server.sockets[0].getsockname()[1]
        self._spawn(self._ping_loop())
        return self.port

    async def stop(self):
        for task in list(self._tasks):
            task.cancel()
        if self.server is not None:
            self.server.close()
        for writer in list(self.writers.values()):
            writer.close()
        if self.server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.server.wait_closed(), 2)
        self._verifier.shutdown(wait=False, cancel_futures=True)
        if self._processes is not None:  # a replay in progress is not waited for
            stop_pool_now(self._processes)
            self._processes = None

    def _spawn(self, coroutine):
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def _emit(self, event, detail=None):
        for listener in self.listeners:
            listener(event, detail)

    def start_race(self, countdown_ms=5000):
        """Fixes the start `countdown_ms` from now on the host's clock and tells everyone."""
        self.room.start(self.clock() + countdown_ms)
        self.store.save_room(self.room)
        self._broadcast(encode("countdown", start_at=self.room.start_at))
        self._emit("countdown", self.room.start_at)

    # --- one connection ---------------------------------------------------------------

    async def _serve(self, reader, writer):
        address = (writer.get_extra_info("peername") or ("?",))[0]
        runner = None
        if not self._admit(address):
            self.refused += 1
            await self._refuse(writer, "Trop de connexions depuis cet ordinateur.", "flood")
            return
        self.open_per_addr[address] = self.open_per_addr.get(address, 0) + 1
        try:
            runner = await self._hello(reader, writer, address)
            if runner is not None:
                await self._session(runner, reader, writer, address)
        except (ConnectionError, asyncio.IncompleteReadError, TimeoutError, OSError):
            pass
        finally:
            self.open_per_addr[address] -= 1
            if runner is not None and self.writers.get(runner.name) is writer:
                del self.writers[runner.name]
                runner.connected = False
                self._emit("left", runner.name)
                self._broadcast_lobby()
            writer.close()

    def _admit(self, address):
        if self.banned.get(address, 0) > time.monotonic():
            return False
        return self.open_per_addr.get(address, 0) < self.limits.max_connections

    async def _read(self, reader, address, budget, timeout):
        """The next message's line, or ProtocolError (size, flood) that ends the connection."""
        try:
            line = await asyncio.wait_for(reader.readuntil(b"\n"), timeout)
        except asyncio.LimitOverrunError:
            raise ProtocolError("Message trop long : connexion fermée.", "size") from None
        except asyncio.IncompleteReadError as end:
            if end.partial:
                raise ProtocolError("Message coupé.", "garbage") from None
            raise
        budget[0] -= len(line)
        if budget[0] < 0:
            raise ProtocolError("Trop de données envoyées : connexion fermée.", "size")
        bucket = self.buckets.setdefault(
            address, _Bucket(self.limits.messages_per_s, self.limits.burst)
        )
        if not bucket.take():
            self.banned[address] = time.monotonic() + self.limits.ban_s
            raise ProtocolError("Trop de messages d'un coup : connexion fermée.", "flood")
        self.messages += 1
        return line

    async def _hello(self, reader, writer, address):
        budget = [self.limits.bytes_per_connection]
        writer.budget = budget
        try:
            line = await self._read(reader, address, budget, self.limits.hello_timeout_s)
            message = protocol.parse_message(line, protocol.CLIENT_TYPES)
            if message["type"] != "hello":
                raise ProtocolError("Il faut d'abord dire bonjour (« hello »).", "order")
            runner, rejoined = self.room.join(message)
        except ProtocolError as error:
            self.refused += 1
            await self._refuse(writer, error.reason, error.code)
            return None
        old = self.writers.get(runner.name)
        if old is not None and old is not writer:
            old.close()  # the same runner from a new connection: the old one is dead
        self.writers[runner.name] = writer
        self.offsets.setdefault(runner.name, OffsetEstimate())
        self.store.save_runner(self.room, runner)
        room = self.room
        self._send(
            writer,
            encode(
                "welcome",
                protocol=protocol.PROTOCOL,
                name=runner.name,
                token=runner.token,
                code=room.code,
                category=room.category,
                seed=room.seed_for(runner),
                game_version=room.game_version,
                state=room.state,
                start_at=room.start_at,
                splits_known=len(runner.splits),
                file_received=runner.file_received,
            ),
        )
        self._emit("rejoined" if rejoined else "joined", runner.name)
        self._broadcast_lobby()
        if runner.check is not None:
            self._send_verdict(runner)
        self._spawn(self._ping(runner.name, writer))
        return runner

    async def _session(self, runner, reader, writer, address):
        strikes = 0
        while True:
            try:
                line = await self._read(reader, address, writer.budget, self.limits.idle_timeout_s)
            except ProtocolError as error:
                self.refused += 1
                await self._refuse(writer, error.reason, error.code)
                return
            try:
                message = protocol.parse_message(line, protocol.CLIENT_TYPES)
                if message["type"] == "bye":
                    return
                self._dispatch(runner, writer, message)
            except ProtocolError as error:
                self.refused += 1
                strikes += 1
                if strikes > self.limits.strikes:
                    await self._refuse(writer, "Trop de messages incompréhensibles.", "garbage")
                    return
                self._send(writer, encode("notice", reason=error.reason, code=error.code))

    def _dispatch(self, runner, writer, message):
        kind = message["type"]
        if kind == "ping":
            now = self.clock()
            self._send(writer, encode("pong", id=message["id"], t0=message["t0"], t1=now, t2=now))
        elif kind == "pong":
            self._pong(runner, message)
        elif kind == "split":
            self._split(runner, writer, message)
        elif kind == "file":
            data = self.room.add_chunk(runner, message)
            if data is not None:
                self._spawn(self._verify(runner, data))
        elif kind == "hello":
            raise ProtocolError("Tu as déjà dit bonjour.", "order")

    def _split(self, runner, writer, message):
        arrival = self.clock()
        split = self.room.record_split(runner, message, arrival)
        if split is not None:
            self.store.save_split(self.room, runner, message["index"], split)
            self._emit("split", (runner.name, message["index"], split))
        self._send(writer, encode("ack", index=message["index"]))

    async def _check(self, *args):
        """`self.verify(*args)` off the loop: in worker processes for the real verifier (a
        level-5 replay is seconds of pure Python: it must not hold the host's frames), in
        the thread for a custom one or where processes cannot start."""
        loop = asyncio.get_running_loop()
        if self.verify is verify_run_file:
            try:
                if self._processes is None:
                    from engine.parallele import coeurs

                    self._processes = replay_pool(max(1, coeurs() - 1))
                return await loop.run_in_executor(self._processes, self.verify, *args)
            except (BrokenProcessPool, OSError, RuntimeError):
                log.warning("vérification dans un processus impossible : dans un fil")
                self._processes = None
        return await loop.run_in_executor(self._verifier, self.verify, *args)

    async def _verify(self, runner, data):
        room = self.room
        loop = asyncio.get_running_loop()
        seed = room.seed_for(runner)
        check = room.bind_check(
            runner, await self._check(data, room.category, seed, room.game_version)
        )
        runner.check = check
        if not check.valid:
            runner.file_received = False  # a better file may be handed in again
        self.store.save_result(room, runner, data, check)
        if check.valid and self.on_verified is not None:
            await loop.run_in_executor(self._verifier, self._fold, runner.name, data)
        self._emit("verdict", (runner.name, check))
        self._send_verdict(runner)
        if room.all_done() and room.state != "finished":
            room.state = "finished"
            self.store.save_room(room)
            self._emit("finished", None)
        self._broadcast(encode("standings", rows=room.standings()))

    def _fold(self, name, data):
        try:
            self.on_verified(name, data)
        except Exception:  # the board is a copy: the room's own store already has the run
            log.exception("tableau du club : course de %s non ajoutée", name)

    def _send_verdict(self, runner):
        writer = self.writers.get(runner.name)
        time_ms, kind, why = self.room.verdict(runner)
        if writer is not None:
            reason = runner.check.reason + (f" Temps déclaré : {why}." if why else "")
            self._send(
                writer,
                encode(
                    "verdict",
                    valid=runner.check.valid,
                    reason=reason[: protocol.TEXT_MAX],
                    time_ms=time_ms,
                    kind=kind,
                    remarks=self.room.remarks(runner),
                ),
            )

    # --- clocks ---------------------------------------------------------------------------

    async def _ping(self, name, writer, count=4):
        """A few quick pings right after joining, so the round trip is known early."""
        for _ in range(count):
            if self.writers.get(name) is not writer:
                return
            self._ping_id += 1
            self._send(writer, encode("ping", id=self._ping_id, t0=self.clock()))
            await asyncio.sleep(0.05)

    async def _ping_loop(self):
        while True:
            await asyncio.sleep(self.limits.ping_every_s)
            for writer in list(self.writers.values()):
                self._ping_id += 1
                self._send(writer, encode("ping", id=self._ping_id, t0=self.clock()))

    def _pong(self, runner, message):
        estimate = self.offsets.setdefault(runner.name, OffsetEstimate())
        if estimate.add(message["t0"], message["t1"], message["t2"], self.clock()):
            runner.rtt_ms = estimate.delay

    # --- sending --------------------------------------------------------------------------

    def _send(self, writer, line):
        if writer.is_closing():
            return
        transport = writer.transport
        if transport.get_write_buffer_size() > 4 * protocol.MAX_LINE:
            writer.close()  # a peer that does not read: drop it rather than hoard memory
            return
        writer.write(line)

    def _broadcast(self, line):
        for writer in list(self.writers.values()):
            self._send(writer, line)

    def _broadcast_lobby(self):
        self._broadcast(encode("lobby", runners=self.room.lobby_rows(), state=self.room.state))

    async def _refuse(self, writer, reason, code):
        with contextlib.suppress(Exception):
            writer.write(encode("refuse", reason=reason[: protocol.TEXT_MAX], code=code))
            await asyncio.wait_for(writer.drain(), 1)
        writer.close()
