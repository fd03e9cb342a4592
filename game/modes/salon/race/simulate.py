"""A whole race room on this computer only (127.x.x.x): the host, N runners, one flooder.

Each simulated runner plays every level of the category on its own seed the way a child
who applies the hints' method does, at its own uneven pace (runner k finishes `GAP_MS`
after runner k-1), sends its splits live and hands in a real run file that the host
re-verifies (`game.modes.salon.race.simrunner`). One runner loses its network after its first split
and comes back with its token; one extra client floods the host with garbage, huge lines
and unknown messages. With `cheaters=True`, one more runner per attack of
`simrunner.CHEATS` (fake splits, a copied file, a renamed file, a laundered solver file,
times scaled to 9 %, a metronome): none may end in the host-verified table. Every runner
binds its own loopback address (127.0.1.k) so the host sees N computers, as on a school
network.

Nothing leaves the computer: every socket is on a 127.0.0.0/8 address.
"""

import asyncio
import contextlib
import random
import statistics
import tempfile
import time
from pathlib import Path

from game.modes.salon.race import protocol
from game.modes.salon.race.clock import now_ms
from game.modes.salon.race.host import RaceHost
from game.modes.salon.race.room import Room
from game.modes.salon.race.runfile import category, game_version
from game.modes.salon.race.simrunner import CHEATS, HOST, SimRunner
from game.modes.salon.race.store import RaceStore

_NAMES = (
    "Lina Noah Jade Louis Emma Gabriel Louise Léo Alice Raphaël Chloé Arthur Mia Jules Léa Adam "
    "Inès Hugo Manon Paul Zoé Nathan Sarah Tom Camille Lucas Rose Maël Anna Sacha Juliette Éden "
    "Lou Nino Clara Malo Agathe Timéo Lola Axel"
)
FIRST_NAMES = _NAMES.split()
GAP_MS = 250  # between two runners' finishing times (more than a busy loop's jitter)
BASE_MS = 3500  # the fastest runner's race, at the least


def runner_name(k):
    base = FIRST_NAMES[k % len(FIRST_NAMES)]
    return base if k < len(FIRST_NAMES) else f"{base}-{chr(ord('a') + k // len(FIRST_NAMES))}"


async def flood(port, address="127.0.2.1", seconds=1.0):
    """Garbage from one address: bad JSON, unknown types, huge lines, a message storm."""
    rng = random.Random(7)
    sent = 0
    deadline = time.monotonic() + seconds
    payloads = [
        b"\x00\xff garbage\n",
        b'{"type": "exec", "code": "rm -rf /"}\n',
        b"[" * 5000 + b"\n",
        b'{"type": "split", "index": -1}\n',
        b'{"type": "hello", "protocol": 99, "game_version": "x", "name": "x"}\n',
        b"x" * (protocol.MAX_LINE + 10) + b"\n",
        b"NaN\n",
    ]
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, ConnectionError, asyncio.TimeoutError):
            _, writer = await asyncio.wait_for(
                asyncio.open_connection(HOST, port, local_addr=(address, 0)), 1
            )
            for _ in range(50):
                writer.write(rng.choice(payloads) + bytes(rng.randrange(256) for _ in range(20)))
                sent += 1
            with contextlib.suppress(Exception):
                await asyncio.wait_for(writer.drain(), 0.2)
            writer.close()
        await asyncio.sleep(0.01)
    return sent


async def probe(port, address="127.0.3.1"):
    """Does the host still answer? A wrong-version hello must get a refusal with a reason."""
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(HOST, port, local_addr=(address, 0)), 2
        )
        writer.write(
            protocol.encode(
                "hello",
                protocol=protocol.PROTOCOL,
                game_version="0.0.0-autre",
                name="Sonde",
                token="",
            )
        )
        line = await asyncio.wait_for(reader.readuntil(b"\n"), 2)
        writer.close()
        message = protocol.parse_message(line, protocol.HOST_TYPES)
        return message["type"] == "refuse" and message["code"] == "version"
    except (TimeoutError, OSError, asyncio.IncompleteReadError, protocol.ProtocolError):
        return False


async def race_room(
    runners, category_id="debut", seed=1, folder=None, timeout_s=300, on_done=None, cheaters=False
):
    """Runs the room; returns the figures of `tuto-llm course salon-simuler`.

    `on_done(host, sims)` (tests) is called when the race is over, before anything stops.
    """
    cat = category(category_id)
    room = Room("SIM1", cat.id, cat.name, cat.levels, seed, game_version(), "Simulation")
    store = RaceStore(Path(folder or tempfile.mkdtemp(prefix="salon-")) / "salon.sqlite")
    host = RaceHost(room, store)
    latencies, by_name = [], {}

    def on_event(kind, detail):
        if kind == "split":
            name, index, _split = detail
            sim = by_name.get(name)
            if sim is not None and index in sim.client.send_times:
                latencies.append(now_ms() - sim.client.send_times[index])

    host.listeners.append(on_event)
    port = await host.start(HOST, 0)
    sims = [
        SimRunner(k, port, room, runner_name(k), drop=(k == runners // 2)) for k in range(runners)
    ]
    if cheaters:
        for j, cheat in enumerate(CHEATS):
            sims.append(SimRunner(runners + j, port, room, runner_name(runners + j), cheat=cheat))
            sims[-1].victim = sims[j % runners]
    began = time.monotonic()
    tasks = [asyncio.ensure_future(s.client.run()) for s in sims]
    try:
        figures = await asyncio.wait_for(_race(host, sims, by_name, port), timeout_s)
        if on_done is not None:
            on_done(host, sims)
    except TimeoutError:
        figures = {"erreur": "la course n'a pas fini à temps"}
    elapsed = time.monotonic() - began
    for sim in sims:
        sim.client.stop()
    await asyncio.gather(*tasks, return_exceptions=True)
    await host.stop()
    store.close()
    figures.setdefault("hote_survit_au_flot", False)
    figures.setdefault("reprise_ok", False)
    return _report(runners, host, room, sims, latencies, elapsed, figures, cheaters)


async def _race(host, sims, by_name, port):
    from levels import registry

    while sum(1 for s in sims if s.client.welcome) < len(sims):
        await asyncio.sleep(0.02)
    by_id = registry.par_id()
    for sim in sims:
        by_name[sim.client.name] = sim
        sim.prepare(by_id)
    await asyncio.sleep(1.5)  # fresh clock samples after that busy moment (as in a lobby)
    base_ms = max(BASE_MS, *(sim.need_ms() for sim in sims))
    for sim in sims:
        sim.total_ms = base_ms + GAP_MS * ((sim.k * 7) % len(sims))
    host.start_race(countdown_ms=1000)
    flooder = asyncio.ensure_future(flood(port, seconds=2.0))
    await asyncio.gather(*(sim.race() for sim in sims))
    sent = await flooder
    answered = await probe(port)
    while not host.room.all_done():
        await asyncio.sleep(0.05)
    dropper = next((s for s in sims if s.drop), None)
    return {
        "flot_messages": sent,
        "hote_survit_au_flot": answered and host.server.is_serving(),
        "reprise_ok": dropper is not None and _kept_splits(host.room, dropper),
    }


def _report(runners, host, room, sims, latencies, elapsed, figures, cheaters=False):
    rows = room.standings()
    honest = [s for s in sims if s.honest]
    expected = [s.client.name for s in sorted(honest, key=lambda s: s.finish_real_ms or 1e18)]
    verified = [row["name"] for row in rows if row["kind"] == "hote"]
    finish = {s.client.name: s.finish_real_ms for s in sims}
    close = all(
        row["time_ms"] is not None and abs(row["time_ms"] - finish[row["name"]]) <= 200
        for row in rows
        if row["kind"] == "hote"
    )
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) >= 2 else None
    report = {
        "coureurs": runners,
        "duree_s": round(elapsed, 2),
        "messages_recus": host.messages,
        "messages_refuses": host.refused,
        "splits_mesures": len(latencies),
        "messages_par_s": round(host.messages / elapsed, 1) if elapsed else 0,
        "latence_split_ms_p95": round(p95, 1) if p95 is not None else None,
        "classement_correct": verified == expected and close and len(verified) == runners,
        "honnetes_verifies": sum(1 for s in honest if s.client.name in verified),
        **figures,
    }
    if cheaters:
        status = {row["name"]: row["status"] for row in rows}
        planted = [s for s in sims if not s.honest]
        report["tricheurs"] = len(planted)
        report["tricheurs_classes_verifies"] = sum(1 for s in planted if s.client.name in verified)
        report["tricheurs_detail"] = {s.cheat: status.get(s.client.name, "") for s in planted}
    return report


def _kept_splits(room, sim):
    runner = next((r for r in room.runners.values() if r.name == sim.client.name), None)
    if runner is None or not runner.finished or not runner.connected:
        return False
    return [s.level for s in runner.splits] == list(room.levels)


def run_simulation(runners, category_id="debut", seed=1, folder=None, on_done=None, cheaters=False):
    return asyncio.run(
        race_room(runners, category_id, seed, folder, on_done=on_done, cheaters=cheaters)
    )
