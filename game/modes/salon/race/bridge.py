"""The room's network in a background thread, so the game's frames never wait for it.

`HostSession` and `RunnerSession` each run their own asyncio loop in a daemon thread.
The game talks to them only through thread-safe calls (`submit`) and reads what they
publish: `snapshot()` (the latest picture of the room, a plain dict) and `events()`
(what happened since the last frame, from a `queue.Queue`). Nothing here blocks.
"""

import asyncio
import contextlib
import logging
import queue
import threading
from pathlib import Path

from game.modes.salon.race.client import RaceClient
from game.modes.salon.race.discovery import (
    BASE_PORT,
    PORTS,
    RoomFinder,
    allowed_address,
    announce_bytes,
    announce_forever,
    own_address,
    room_code,
    room_network,
)
from game.modes.salon.race.host import RaceHost
from game.modes.salon.race.room import Room
from game.modes.salon.race.store import RaceStore

log = logging.getLogger(__name__)


def french_error(error):
    """What the scene shows of a network failure: French words (the rest to the log)."""
    from game.files import os_error_text

    log.warning("salon de course : %r", error)
    if isinstance(error, OSError):
        return os_error_text(error)
    if type(error).__module__.startswith("game.") and str(error):  # our own French errors
        return str(error)
    return "erreur inattendue du salon (les détails sont dans le journal)"


class _LoopThread:
    def __init__(self, name):
        self.loop = asyncio.new_event_loop()
        self._events = queue.Queue()
        self._snapshot = {}
        self._lock = threading.Lock()
        self.error = None
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)

    def _run(self):
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self.main())
        except Exception as error:  # shown to the kid in French by the scene
            self.error = error
            self._events.put(("error", french_error(error)))
        finally:
            with contextlib.suppress(Exception):
                self.loop.close()

    async def main(self):
        raise NotImplementedError

    def start(self):
        self.thread.start()
        return self

    def submit(self, function, *args):
        """Runs `function(*args)` in the network thread (never waits)."""
        if not self.loop.is_closed():
            with contextlib.suppress(RuntimeError):
                self.loop.call_soon_threadsafe(function, *args)

    def publish(self, snapshot):
        with self._lock:
            self._snapshot = snapshot

    def snapshot(self):
        with self._lock:
            return self._snapshot

    def push(self, kind, detail=None):
        self._events.put((kind, detail))

    def events(self):
        out = []
        while True:
            try:
                out.append(self._events.get_nowait())
            except queue.Empty:
                return out


RESUME_WITHIN_S = 6 * 3600  # a room opened again within that time is the same session


class HostSession(_LoopThread):
    """Hosts a room: the server on a port of BASE_PORT…+15, announces, snapshots."""

    def __init__(self, category, seed, version, host_name, db_path, discovery=None, address=None):
        super().__init__("salon-hote")
        self.category, self.seed, self.version = category, seed, version
        self.host_name, self.db_path = host_name, Path(db_path)
        default_discovery, default_address = room_network()
        self.discovery = discovery or default_discovery
        self.address = address or default_address
        self.host = None
        self._stop = None

    async def main(self):
        self._stop = asyncio.Event()
        store = RaceStore(self.db_path)
        ip = own_address() if self.address == "0.0.0.0" else self.address
        room = None
        for port in range(BASE_PORT, BASE_PORT + PORTS):
            code = room_code(ip, port) or f"P{port}"
            room = store.load_room(code, max_age_s=RESUME_WITHIN_S)  # a crashed host's room
            if room is None or room.state == "finished" or room.category != self.category.id:
                room = Room(
                    code,
                    self.category.id,
                    self.category.name,
                    self.category.levels,
                    self.seed,
                    self.version,
                    self.host_name,
                )
            self.host = RaceHost(room, store, on_verified=self._to_club_board)
            try:
                await self.host.start(self.address, port)
                break
            except OSError:
                continue
        else:
            raise OSError("Aucun port libre entre 47800 et 47815 sur cet ordinateur.")
        self.host.listeners.append(lambda kind, detail: self._changed(kind))
        self.ip = ip
        self._changed("opened")
        announcer = asyncio.ensure_future(
            announce_forever(
                self.discovery,
                lambda: announce_bytes(room, self.host.port, len(room.runners)),
            )
        )
        ticker = asyncio.ensure_future(self._tick())
        await self._stop.wait()
        announcer.cancel()
        ticker.cancel()
        await self.host.stop()
        store.close()

    async def _tick(self):
        while True:  # connection states change without events (pings, timeouts)
            await asyncio.sleep(0.5)
            self._changed(None)

    def _changed(self, kind):
        self.publish(room_snapshot(self.host.room, self.ip, self.host.port))
        if kind is not None:
            self.push(kind)

    def start_race(self, countdown_ms=5000):
        self.submit(lambda: self.host.start_race(countdown_ms))

    def export_csv(self, path):
        """Writes the room's results (CSV for French Excel) from the network thread."""
        self.submit(self._export, path)

    def _export(self, path):
        from game.modes.salon.race.export import write_csv
        from game.storage import SaveError

        try:
            write_csv(path, self.host.room)
        except SaveError as error:
            self.push("error", error.message)
            return
        self.push("exported", str(path))

    def _to_club_board(self, name, data):
        """A verified run of the room also goes to the club board (« Tableau du club »)."""
        from game.modes.salon.race.runfile import add_to_club_board

        add_to_club_board(self.db_path.parent, self.host.room.code, name, data)

    def stop(self):
        if self._stop is not None:
            self.submit(self._stop.set)


def room_snapshot(room, ip, port):
    runners = []
    for runner in room.runners.values():
        time_ms, kind, _why = room.verdict(runner)
        runners.append(
            {
                "name": runner.name,
                "connected": runner.connected,
                "status": room.status(runner),
                "splits": [(s.real_ms, s.host_ms) for s in runner.splits],
                "finished": runner.finished,
                "time_ms": time_ms,
                "kind": kind,
            }
        )
    return {
        "code": room.code,
        "ip": ip,
        "port": port,
        "category": room.category,
        "category_name": room.category_name,
        "levels": list(room.levels),
        "seed": room.seed,
        "state": room.state,
        "start_at": room.start_at,
        "runners": runners,
        "standings": room.standings(),
    }


TOKENS_FILE = "jetons.json"  # in home_dir()/salon: a restarted computer gets its place back


def _tokens_path():
    from game.storage import home_dir

    return home_dir() / "salon" / TOKENS_FILE


def remembered_token(address, port, name):
    """The token this computer got from that host for that first name, or ""."""
    from game.storage import read_json

    data = read_json(_tokens_path()).data
    entry = data.get(f"{address}:{port}") if isinstance(data, dict) else None
    if isinstance(entry, dict) and entry.get("name") == name:
        token = entry.get("token")
        return token if isinstance(token, str) and len(token) <= 64 else ""
    return ""


def remember_token(address, port, name, token):
    """Kept on disk (atomic) so a frozen or restarted computer comes back to its place."""
    from game.storage import SaveError, read_json, write_json

    data = read_json(_tokens_path()).data
    data = data if isinstance(data, dict) else {}
    data[f"{address}:{port}"] = {"name": name, "token": token}
    with contextlib.suppress(SaveError):
        write_json(_tokens_path(), dict(list(data.items())[-20:]))


class RunnerSession(_LoopThread):
    """A runner's connection to one host; the run itself stays in the game."""

    def __init__(self, address, port, name, version):
        super().__init__("salon-coureur")
        token = remembered_token(address, port, name)
        self.client = RaceClient(address, port, name, version, token=token)
        self.client.listeners.append(self._on_event)
        self._asked_name = name
        if not allowed_address(address):  # loopback-only mode (tests): never the LAN
            reason = (
                "Ce jeu est réglé pour ne courir que sur cet ordinateur (TUTO_LLM_SALON_LOCAL)."
            )
            self.client.refusal = (reason, "local")
            self._on_event("refused", reason)

    async def main(self):
        if self.client.refusal is None:
            await self.client.run()

    def _on_event(self, kind, detail):
        client = self.client
        if kind == "welcome":
            remember_token(client.address, client.port, self._asked_name, client.token)
        # the start on this computer's clock, once a clock measurement came back (a runner
        # that rejoins a race going on gets `start_at` before any `pong`)
        start = client.local_start() if client.offset.ready else None
        self.publish(
            {
                "connected": client.connected,
                "name": client.name,
                "welcome": client.welcome,
                "lobby": client.lobby,
                "standings": client.standings,
                "verdict": client.verdict,
                "refusal": client.refusal,
                "start_local": start,
            }
        )
        if kind != "clock":
            self.push(kind, detail)

    def split(self, level, real_ms, game_ms):
        self.submit(self.client.split, level, real_ms, game_ms)

    def hand_in(self, data):
        self.submit(self.client.hand_in, data)

    def stop(self):
        self.submit(self.client.stop)


class FinderSession(_LoopThread):
    """Listens for room announces; `snapshot()["rooms"]` is the list heard lately."""

    def __init__(self, discovery=None):
        super().__init__("salon-recherche")
        self.finder = RoomFinder(discovery or room_network()[0])
        self._stop = None

    async def main(self):
        self._stop = asyncio.Event()
        try:
            await self.finder.start()
        except OSError as error:
            self.publish({"rooms": [], "error": french_error(error)})
            return
        while not self._stop.is_set():
            self.publish({"rooms": self.finder.rooms()})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), 0.5)
        self.finder.stop()

    def stop(self):
        if self._stop is not None:
            self.submit(self._stop.set)
