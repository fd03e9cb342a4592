"""Flows of the race room that must end cleanly (issue 20), on 127.0.0.1 only."""

import time

from test_race_scenes import _until

from game.modes.salon.race.bridge import HostSession, RunnerSession
from game.modes.salon.race.clock import now_ms
from game.modes.salon.race.discovery import DiscoverySettings
from game.modes.salon.race.runfile import category, game_version


def test_a_restarted_runner_rejoins_a_race_going_on_with_a_sane_start(tmp_path):
    """Its computer restarted during the race: the token on disk gives its place back,
    and the start on its own clock comes from a clock measurement (it was « Prêts ?
    1796516386 » forever: `start_at` on the host's clock, before any `pong`)."""
    quiet = DiscoverySettings(address="127.0.0.1", port=1, every_s=60)
    host = HostSession(
        category("niveau-2"), 5, game_version(), "Hôte", tmp_path / "s.sqlite", quiet,
        address="127.0.0.1",
    ).start()  # fmt: skip
    runners = []
    try:
        assert _until(lambda: host.snapshot().get("port"))
        port = host.snapshot()["port"]
        first = RunnerSession("127.0.0.1", port, "Léa", game_version()).start()
        runners.append(first)
        assert _until(lambda: (first.snapshot() or {}).get("welcome"))
        host.start_race(countdown_ms=300)
        assert _until(lambda: (first.snapshot() or {}).get("start_local") is not None)
        first.stop()  # the computer restarts
        first.thread.join(5)
        time.sleep(0.5)
        again = RunnerSession("127.0.0.1", port, "Léa", game_version()).start()
        runners.append(again)
        assert _until(lambda: (again.snapshot() or {}).get("welcome"))
        assert again.snapshot()["name"] == "Léa"  # its own place, not « Léa 2 »
        assert _until(lambda: (again.snapshot() or {}).get("start_local") is not None)
        assert abs(again.snapshot()["start_local"] - now_ms()) < 10_000
    finally:
        for runner in runners:
            runner.stop()
        host.stop()
        host.thread.join(5)


def test_two_games_on_one_computer_both_hear_the_room():
    """The host's own finder used to keep the port: a second game heard nothing."""
    import asyncio
    import socket

    from game.modes.salon.race.discovery import RoomFinder, announce_bytes, announce_forever
    from game.modes.salon.race.room import Room

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        base = probe.getsockname()[1]
    base = min(base, 65000)
    settings = DiscoverySettings(address="127.0.0.1", port=base, every_s=0.05)
    room = Room("T001", "debut", "Début", ("l1_devine",), 1, game_version(), "Hôte")

    async def scenario():
        finders = [RoomFinder(settings), RoomFinder(settings)]
        for finder in finders:
            await finder.start()
        assert finders[0].port != finders[1].port
        sender = asyncio.ensure_future(
            announce_forever(settings, lambda: announce_bytes(room, 47801, 2))
        )
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and not all(f.rooms() for f in finders):
            await asyncio.sleep(0.05)
        sender.cancel()
        heard = [f.rooms() for f in finders]
        for finder in finders:
            finder.stop()
        return heard

    heard = asyncio.run(scenario())
    assert all(rooms and rooms[0]["code"] == "T001" for rooms in heard)
