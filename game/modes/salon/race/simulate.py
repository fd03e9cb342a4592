"""A whole race room on this computer only (127.x.x.x): the host, N runners, one flooder.

Each simulated runner plays the solver's actions of every level of the category, at
its own pace (runner k finishes `GAP_MS` after runner k-1), sends its splits live and
hands in a real run file that the host re-verifies. One runner loses its network after
its first split and comes back with its token; one extra client floods the host with
garbage, huge lines and unknown messages. Every runner binds its own loopback address
(127.0.1.k) so the host sees N computers, as on a school network.

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
from game.modes.salon.race.client import RaceClient
from game.modes.salon.race.clock import now_ms
from game.modes.salon.race.host import RaceHost
from game.modes.salon.race.room import Room
from game.modes.salon.race.runfile import build_run_file, category, game_version
from game.modes.salon.race.store import RaceStore
from levels.horodatage import ECART_HUMAIN_MS
from levels.journal import FORMAT_JOURNAL

HOST = "127.0.0.1"
_NAMES = (
    "Lina Noah Jade Louis Emma Gabriel Louise Léo Alice Raphaël Chloé Arthur Mia Jules Léa Adam "
    "Inès Hugo Manon Paul Zoé Nathan Sarah Tom Camille Lucas Rose Maël Anna Sacha Juliette Éden "
    "Lou Nino Clara Malo Agathe Timéo Lola Axel"
)
FIRST_NAMES = _NAMES.split()
GAP_MS = 120  # between two runners' finishing times
BASE_MS = 3500  # the fastest runner's race, at the least
HUMAN_STEP_MS = 2 * ECART_HUMAIN_MS  # between two simulated clicks: a human pace


def solver_logs(category_id, seed):
    """[(level id, [actions])]: what the built-in solver plays for each level of the category."""
    from levels import registry

    by_id = registry.par_id()
    return [(lid, list(by_id[lid].resoudre(seed))) for lid in category(category_id).levels]


def runner_name(k):
    base = FIRST_NAMES[k % len(FIRST_NAMES)]
    return base if k < len(FIRST_NAMES) else f"{base}-{chr(ord('a') + k // len(FIRST_NAMES))}"


class SimRunner:
    """One simulated computer: a client and a pace."""

    def __init__(self, k, port, logs, room, total_ms, drop=False):
        self.k, self.logs, self.room, self.total_ms, self.drop = k, logs, room, total_ms, drop
        self.client = RaceClient(
            HOST, port, runner_name(k), room.game_version, local_addr=f"127.0.1.{k + 1}"
        )
        self.finish_real_ms = None

    async def race(self):
        client = self.client
        while client.local_start() is None or not client.offset.ready:
            await asyncio.sleep(0.01)
        start = client.local_start()
        weights = [max(1, len(actions)) for _, actions in self.logs]
        ends, acc = [], 0
        for w in weights:
            acc += w
            ends.append(round(self.total_ms * acc / sum(weights)))
        journals, splits, level_start = [], [], 0
        for index, ((level_id, actions), end) in enumerate(zip(self.logs, ends, strict=True)):
            await asyncio.sleep(max(0, start + end - now_ms()) / 1000)
            real_ms = max(now_ms() - start, splits[-1][0] if splits else 0)
            step = max(1, int(real_ms - level_start) // max(1, len(actions)))
            journals.append(
                {
                    "format": FORMAT_JOURNAL,
                    "jeu": "tuto-llm",
                    "niveau": level_id,
                    "graine": self.room.seed,
                    "actions": [[step * (i + 1), a] for i, a in enumerate(actions)],
                }
            )
            splits.append((real_ms, real_ms))  # no engine time in a simulation: game = real
            client.split(level_id, real_ms, real_ms)
            level_start = real_ms
            if self.drop and index == 0:
                # the network goes for the whole next level; the run goes on offline
                client.drop(offline_s=(ends[1] - ends[0]) / 1000 + 0.5 if len(ends) > 1 else 0)
        self.finish_real_ms = splits[-1][0]
        room = self.room
        client.hand_in(
            build_run_file(
                room.category, room.seed, room.game_version, client.name, journals, splits
            )
        )


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


async def race_room(runners, category_id="debut", seed=1, folder=None, timeout_s=90, on_done=None):
    """Runs the room; returns the figures of `tuto-llm course salon-simuler`.

    `on_done(host, sims)` (tests) is called when the race is over, before anything stops.
    """
    cat = category(category_id)
    room = Room("SIM1", cat.id, cat.name, cat.levels, seed, game_version(), "Simulation")
    logs = solver_logs(category_id, seed)
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
    base_ms = max(BASE_MS, HUMAN_STEP_MS * sum(len(actions) for _, actions in logs))
    sims = [
        SimRunner(
            k, port, logs, room, base_ms + GAP_MS * ((k * 7) % runners), drop=(k == runners // 2)
        )
        for k in range(runners)
    ]
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
    return _report(runners, host, room, sims, latencies, elapsed, figures)


async def _race(host, sims, by_name, port):
    while sum(1 for s in sims if s.client.welcome) < len(sims):
        await asyncio.sleep(0.02)
    for sim in sims:
        by_name[sim.client.name] = sim
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


def _report(runners, host, room, sims, latencies, elapsed, figures):
    rows = room.standings()
    expected = [s.client.name for s in sorted(sims, key=lambda s: s.finish_real_ms or 1e18)]
    ranked = [row["name"] for row in rows if row["rank"] is not None]
    close = all(
        row["time_ms"] is not None
        and abs(
            row["time_ms"] - next(s.finish_real_ms for s in sims if s.client.name == row["name"])
        )
        <= 200
        for row in rows
    )
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) >= 2 else None
    return {
        "coureurs": runners,
        "duree_s": round(elapsed, 2),
        "messages_recus": host.messages,
        "messages_refuses": host.refused,
        "splits_mesures": len(latencies),
        "messages_par_s": round(host.messages / elapsed, 1) if elapsed else 0,
        "latence_split_ms_p95": round(p95, 1) if p95 is not None else None,
        "classement_correct": ranked == expected and close and len(ranked) == runners,
        **figures,
    }


def _kept_splits(room, sim):
    runner = next((r for r in room.runners.values() if r.name == sim.client.name), None)
    if runner is None or not runner.finished or not runner.connected:
        return False
    return [s.level for s in runner.splits] == list(room.levels)


def run_simulation(runners, category_id="debut", seed=1, folder=None, on_done=None):
    return asyncio.run(race_room(runners, category_id, seed, folder, on_done=on_done))
