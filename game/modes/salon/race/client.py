"""A runner's side of the room: connects, keeps its own clock, sends splits, hands in its run.

The runner's run never waits for the network: splits and the run file are kept here
and sent when the host is reachable; a lost connection is retried every
`RETRY_S` seconds with the token the host gave, and the host answers with how many
splits it already has, so the missing ones are sent again (in order).

`events` receives (kind, detail) tuples: "welcome", "refused", "lobby", "countdown",
"standings", "verdict", "notice", "connected", "disconnected", "clock" (a better clock
measurement: the start on our clock may move).
"""

import asyncio
import contextlib
import itertools
import time

from game.modes.salon.race import protocol
from game.modes.salon.race.clock import OffsetEstimate, now_ms
from game.modes.salon.race.protocol import ProtocolError, encode

RETRY_S = 1.0
FINAL_REFUSALS = ("version", "full", "started", "name")  # retrying would not help


class RaceClient:
    def __init__(self, address, port, name, game_version, token="", local_addr=None):
        self.address, self.port = address, port
        self.name, self.game_version, self.token = name, game_version, token
        self.local_addr = local_addr  # bind to this address first (loopback simulations)
        self.offset = OffsetEstimate()  # host clock minus ours
        self.welcome = None
        self.start_at = None  # host clock
        self.splits = []  # [split message fields] in order, kept even while offline
        self.run_file = None
        self.file_sent = False
        self.verdict = None
        self.standings = []
        self.lobby = []
        self.refusal = None
        self.connected = False
        self.listeners = []
        self.send_times = {}  # split index → our clock when sent (for the simulation)
        self._writer = None
        self._stop = False
        self._offline_until = 0.0  # drop(offline_s): no reconnection before this
        self._ping_id = 0

    # --- what the game calls --------------------------------------------------------------

    def local_start(self):
        """The race start on our own clock (None before the countdown)."""
        if self.start_at is None:
            return None
        return round(self.start_at - self.offset.offset)

    def split(self, level, real_ms, game_ms):
        """Records the next split and sends it if the host is reachable."""
        fields = {"index": len(self.splits), "level": level, "real_ms": real_ms, "game_ms": game_ms}
        self.splits.append(fields)
        self._send_split(fields)

    def hand_in(self, data):
        """The finished run file (bytes): sent now, or at the next connection."""
        self.run_file = data
        self.file_sent = False
        self._send_file()

    def stop(self):
        self._stop = True
        if self._writer is not None:
            self._writer.close()

    def drop(self, offline_s=0.0):
        """Cuts the connection (as if the network failed); `run` reconnects by itself,
        not before `offline_s` seconds (a cable unplugged for a while)."""
        self._offline_until = time.monotonic() + offline_s
        if self._writer is not None:
            self._writer.close()

    # --- the connection -------------------------------------------------------------------

    async def run(self):
        """Connects and reconnects until `stop()` or a final refusal."""
        while not self._stop:
            with contextlib.suppress(ConnectionError, OSError, asyncio.IncompleteReadError):
                await self._connect_once()
            self._set_connected(False)
            if self._stop or (self.refusal and self.refusal[1] in FINAL_REFUSALS):
                return
            offline = self._offline_until - time.monotonic()
            await asyncio.sleep(max(RETRY_S, offline))

    async def _connect_once(self):
        local = (self.local_addr, 0) if self.local_addr else None
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(
                self.address, self.port, limit=protocol.MAX_LINE, local_addr=local
            ),
            5,
        )
        self._writer = writer
        try:
            writer.write(
                encode(
                    "hello",
                    protocol=protocol.PROTOCOL,
                    game_version=self.game_version,
                    name=self.name,
                    token=self.token,
                )
            )
            pinger = asyncio.ensure_future(self._ping_loop(writer))
            try:
                while not self._stop:
                    line = await reader.readuntil(b"\n")
                    try:
                        self._handle(protocol.parse_message(line, protocol.HOST_TYPES), writer)
                    except ProtocolError:
                        continue  # a host message we cannot read: skip it, stay on
            finally:
                pinger.cancel()
        except asyncio.LimitOverrunError:
            pass
        finally:
            writer.close()
            self._writer = None

    async def _ping_loop(self, writer):
        for delay in itertools.chain([0.05] * 5, itertools.repeat(1.0)):
            if writer.is_closing():
                return
            self._ping_id += 1
            writer.write(encode("ping", id=self._ping_id, t0=now_ms()))
            await asyncio.sleep(delay)

    def _handle(self, message, writer):
        kind = message["type"]
        if kind == "welcome":
            self._welcome(message)
        elif kind == "refuse":
            self.refusal = (message["reason"], message["code"])
            self._emit("refused", message["reason"])
            writer.close()
        elif kind == "ping":
            now = now_ms()
            writer.write(encode("pong", id=message["id"], t0=message["t0"], t1=now, t2=now))
        elif kind == "pong":
            if self.offset.add(message["t0"], message["t1"], message["t2"], now_ms()):
                self._emit("clock", self.offset.offset)  # the start on our clock may move
        elif kind == "countdown":
            self.start_at = message["start_at"]
            self._emit("countdown", self.start_at)
        elif kind == "lobby":
            self.lobby = message["runners"]
            self._emit("lobby", message["runners"])
        elif kind == "standings":
            self.standings = message["rows"]
            self._emit("standings", message["rows"])
        elif kind == "verdict":
            self.verdict = message
            if not message["valid"]:
                self.file_sent = False
            self._emit("verdict", message)
        elif kind == "notice":
            self._emit("notice", message["reason"])

    def _welcome(self, message):
        self.welcome = message
        self.name, self.token = message["name"], message["token"]
        if message["start_at"] is not None:
            self.start_at = message["start_at"]
        self._set_connected(True)
        self._emit("welcome", message)
        for fields in self.splits[message["splits_known"] :]:
            self._send_split(fields)
        if message["file_received"]:
            self.file_sent = True
        self._send_file()

    def _send_split(self, fields):
        if self.connected and self._writer is not None and not self._writer.is_closing():
            self.send_times.setdefault(fields["index"], now_ms())
            self._writer.write(encode("split", **fields))

    def _send_file(self):
        if self.run_file is None or self.file_sent or not self.connected:
            return
        if self._writer is None or self._writer.is_closing():
            return
        for line in protocol.file_chunks(self.run_file):
            self._writer.write(line)
        self.file_sent = True

    def _set_connected(self, value):
        if value != self.connected:
            self.connected = value
            self._emit("connected" if value else "disconnected", None)

    def _emit(self, kind, detail):
        for listener in self.listeners:
            with contextlib.suppress(Exception):
                listener(kind, detail)
