"""The race room on 127.0.0.1 only: host, runners, flood, crash. Nothing leaves the computer."""

import asyncio
import json
import os
import time
from pathlib import Path

from game.modes.salon.race import protocol, simulate
from game.modes.salon.race.client import RaceClient
from game.modes.salon.race.clock import now_ms
from game.modes.salon.race.discovery import (
    DiscoverySettings,
    RoomFinder,
    announce_bytes,
    announce_forever,
)
from game.modes.salon.race.host import RaceHost
from game.modes.salon.race.room import Room
from game.modes.salon.race.runfile import game_version
from game.modes.salon.race.store import RaceStore

LOOP = "127.0.0.1"


def _room(
    code="T001", category="debut", levels=("l1_devine", "l2_erreurs", "l3_memoire", "l4_attention")
):
    return Room(code, category, "Début", levels, 1, game_version(), "Mme Hôte")


def test_a_room_races_with_the_solver_and_survives_a_flood(tmp_path):
    seen = {}

    def on_done(host, sims):
        seen["standings"] = host.room.standings()
        seen["splits"] = {r.name: [s.level for s in r.splits] for r in host.room.runners.values()}
        seen["observed"] = {
            r.name: [s.host_ms is not None for s in r.splits] for r in host.room.runners.values()
        }
        seen["finish"] = {s.client.name: s.finish_real_ms for s in sims}
        seen["dropper"] = next(s.client.name for s in sims if s.drop)
        seen["levels"] = list(host.room.levels)

    figures = asyncio.run(simulate.race_room(4, folder=tmp_path, on_done=on_done))
    assert figures["classement_correct"] and figures["reprise_ok"], figures
    assert figures["hote_survit_au_flot"] and figures["messages_refuses"] > 0
    # every runner's splits arrived, in the category's order — the dropper's too
    assert all(levels == seen["levels"] for levels in seen["splits"].values())
    rows = seen["standings"]
    assert [r["rank"] for r in rows] == [1, 2, 3, 4]
    assert [r["name"] for r in rows] == sorted(seen["finish"], key=seen["finish"].get)
    # the dropper's second split was made offline: the host did not see it happen
    assert seen["observed"][seen["dropper"]][:2] == [True, False]
    assert {r["kind"] for r in rows if r["name"] != seen["dropper"]} == {"hote"}


async def _host(tmp_path, room=None):
    room = room or _room()
    store = RaceStore(tmp_path / "salon.sqlite")
    host = RaceHost(room, store)
    port = await host.start(LOOP, 0)
    return host, store, port


async def _wait(condition, seconds=5.0):
    for _ in range(int(seconds / 0.02)):
        if condition():
            return True
        await asyncio.sleep(0.02)
    return False


def test_wrong_version_is_refused_with_a_reason(tmp_path):
    async def scenario():
        host, store, port = await _host(tmp_path)
        client = RaceClient(LOOP, port, "Lina", "0.0.1")
        await asyncio.wait_for(client.run(), 5)  # returns: a final refusal
        await host.stop()
        store.close()
        return client.refusal

    reason, code = asyncio.run(scenario())
    assert code == "version" and "version" in reason and game_version() in reason


def test_garbage_from_one_address_does_not_stop_another(tmp_path):
    async def scenario():
        host, store, port = await _host(tmp_path)
        answers = []
        for payload in [
            b"\x00\x01\x02\n",
            b"x" * (protocol.MAX_LINE + 100) + b"\n",
            b'{"type": "hello", "protocol": 1}\n',
            b'{"type": "rm"}\n',
        ]:
            reader, writer = await asyncio.open_connection(LOOP, port, local_addr=("127.0.4.1", 0))
            writer.write(payload)
            answers.append(await asyncio.wait_for(reader.read(4096), 3))
            writer.close()
        client = RaceClient(LOOP, port, "Jade", game_version(), local_addr="127.0.4.2")
        task = asyncio.ensure_future(client.run())
        ok = await _wait(lambda: client.welcome is not None)
        client.stop()
        await task
        await host.stop()
        store.close()
        return answers, ok

    answers, welcomed = asyncio.run(scenario())
    for answer in answers:
        message = json.loads(answer.splitlines()[0])
        assert message["type"] == "refuse" and message["reason"]
    assert welcomed


def test_a_crashed_host_restarts_the_room_and_runners_come_back(tmp_path):
    async def scenario():
        host, store, port = await _host(tmp_path)
        client = RaceClient(LOOP, port, "Noé", game_version())
        task = asyncio.ensure_future(client.run())
        await _wait(lambda: client.welcome is not None)
        host.start_race(countdown_ms=0)
        await _wait(lambda: client.start_at is not None and client.offset.ready)
        elapsed = lambda: now_ms() - client.local_start()  # noqa: E731
        client.split("l1_devine", elapsed(), elapsed())
        await _wait(lambda: len(host.room.runners["noé"].splits) == 1)
        await host.stop()  # the host's game crashes…
        store.close()
        await asyncio.sleep(0.3)
        client.split("l2_erreurs", elapsed(), elapsed())  # …the runner goes on offline
        room = RaceStore(tmp_path / "salon.sqlite").load_room("T001")
        store = RaceStore(tmp_path / "salon.sqlite")
        host = RaceHost(room, store)
        await host.start(LOOP, port)
        back = await _wait(lambda: len(room.runners["noé"].splits) == 2, seconds=6)
        client.stop()
        await task
        await host.stop()
        store.close()
        return back, room

    back, room = asyncio.run(scenario())
    assert back
    noe = room.runners["noé"]
    assert [s.level for s in noe.splits] == ["l1_devine", "l2_erreurs"]
    assert noe.splits[0].host_ms is not None and noe.splits[1].host_ms is None


def test_discovery_on_loopback_lists_the_room():
    async def scenario():
        probe = DiscoverySettings(address=LOOP, port=0, every_s=0.05)
        finder = RoomFinder(probe)
        await finder.start()
        probe.port = finder._transport.get_extra_info("sockname")[1]
        room = _room()
        sender = asyncio.ensure_future(
            announce_forever(probe, lambda: announce_bytes(room, 47801, 3))
        )
        await _wait(lambda: finder.rooms())
        sender.cancel()
        finder.stop()
        return finder.rooms()

    rooms = asyncio.run(scenario())
    assert rooms[0]["code"] == "T001" and rooms[0]["address"] == LOOP and rooms[0]["runners"] == 3


def test_run_files_are_verified_in_worker_processes_stopped_with_the_room(tmp_path):
    """A level-5 replay is seconds of pure Python: it runs in another process (the host's
    frames keep their core), and leaving the room does not wait for it."""

    async def scenario():
        host, _store, _port = await _host(tmp_path)
        check = await host._check(b"{pas du json", "tout", 1, game_version())
        workers = list(host._processes._processes.values())
        await host.stop()
        return check, workers

    check, workers = asyncio.run(scenario())
    assert not check.valid and "abîmé" in check.reason
    assert workers
    pids = [worker.pid for worker in workers]  # the pool's own thread may reap them first
    deadline = time.monotonic() + 20
    while not all(map(_ended, pids)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(map(_ended, pids))


def _ended(pid):
    """The process has stopped (gone, or a zombie waiting to be reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (OSError, IndexError):
        return not stat.parent.exists() if Path("/proc").exists() else False
