"""Ready-made race-room screens for screenshots and tests (no network: fixed snapshots)."""

from __future__ import annotations

RUNNERS = (
    "Lina",
    "Noah",
    "Jade",
    "Louis",
    "Emma",
    "Gabriel",
    "Louise",
    "Léo",
    "Alice",
    "Raphaël",
    "Chloé",
    "Arthur",
)
NOW = 1_000_000  # the fixed clock of the demo sessions (ms)


def _code(ip, port):
    """A room's real code (8 characters: its address and port), as a host shows it."""
    from game.modes.salon.race.discovery import room_code

    return room_code(ip, port)


class StaticSession:
    """Stands for a network session: a fixed snapshot, a fixed clock, no events."""

    def __init__(self, snapshot, now=NOW):
        self._snapshot = snapshot
        self.clock = lambda: now

    def snapshot(self):
        return self._snapshot

    def events(self):
        return []

    def start_race(self, countdown_ms=5000):
        pass

    def export_csv(self, path):
        pass  # a demo room has no results to write

    def stop(self):
        pass


def _levels():
    from game.modes.salon.race.runfile import category

    return category("debut")


def host_snapshot(state, runners=RUNNERS, elapsed_ms=None):
    """A room of `runners` on « debut »; `elapsed_ms` since the start decides the splits."""
    cat = _levels()
    rows, people = [], []
    for k, name in enumerate(runners):
        pace = 1.0 + 0.07 * ((k * 5) % len(runners))  # each kid their own speed
        marks = [round(m * pace) for m in (95_000, 130_000, 210_000, 330_000)]
        done = [m for m in marks if elapsed_ms is None or m <= elapsed_ms]
        connected = k != 4
        splits = [(m, None if k == 4 else m + 12) for m in done]
        finished = len(done) == len(marks) and state != "lobby"
        people.append(
            {
                "name": name,
                "connected": connected,
                "status": "",
                "splits": [(real, host) for real, host in splits],
                "finished": finished,
                "time_ms": done[-1] + 12 if finished else None,
                "kind": "hote" if finished and k != 2 else ("declare" if finished else ""),
            }
        )
    order = sorted(
        people,
        key=lambda p: (
            p["time_ms"] is None,
            p["time_ms"] or 0,
            -len(p["splits"]),
            p["splits"][-1][0] if p["splits"] else 0,
        ),
    )
    for rank, person in enumerate(order, start=1):
        rows.append(
            {
                "rank": rank if person["time_ms"] is not None else None,
                "name": person["name"],
                "levels": len(person["splits"]),
                "time_ms": person["time_ms"],
                "kind": person["kind"],
                "status": "",
            }
        )
    start_at = None if state == "lobby" else NOW - (elapsed_ms or 0)
    return {
        "code": _code("192.168.1.20", 47801),
        "ip": "192.168.1.20",
        "port": 47801,
        "category": cat.id,
        "category_name": cat.name,
        "levels": list(cat.levels),
        "seed": 202649,
        "state": state,
        "start_at": start_at,
        "runners": people,
        "standings": rows,
    }


def setup_race_rooms(app):
    from game.modes.salon.menu import RaceMenuScene
    from game.scenes.demo import _reset, demo_profile

    _reset(app)
    demo_profile(app, "some")
    rooms = [
        {
            "code": _code("192.168.1.20", 47801),
            "category": "debut",
            "host": "M. Martin",
            "address": "192.168.1.20",
            "port": 47801,
            "runners": 12,
            "state": "lobby",
        },
        {
            "code": _code("192.168.1.57", 47800),
            "category": "aventure",
            "host": "Club info",
            "address": "192.168.1.57",
            "port": 47800,
            "runners": 5,
            "state": "lobby",
        },
    ]
    app.scenes.push(RaceMenuScene(app, finder=StaticSession({"rooms": rooms})))


def _host(app, snapshot):
    from game.modes.salon.board import RaceHostScene
    from game.scenes.demo import _reset

    _reset(app)
    app.scenes.push(RaceHostScene(app, StaticSession(snapshot)))


def setup_race_lobby(app):
    _host(app, host_snapshot("lobby"))


def setup_race_countdown(app):
    snap = host_snapshot("countdown")
    snap["start_at"] = NOW + 3_400
    _host(app, snap)


def setup_race_projector(app):
    _host(app, host_snapshot("running", elapsed_ms=300_000))


def setup_race_standings(app):
    _host(app, host_snapshot("finished", elapsed_ms=10**7))


def setup_race_runner(app):
    from game.modes.salon.menu import RaceRunnerScene
    from game.scenes.demo import _reset, demo_profile

    _reset(app)
    demo_profile(app, "some")
    snap = host_snapshot("lobby", RUNNERS + ("Léa",))  # the room's list holds her too
    welcome = {
        "name": "Léa",
        "category": snap["category"],
        "seed": snap["seed"],
        "code": snap["code"],
    }
    lobby = [
        {"name": r["name"], "connected": r["connected"], "levels": 0, "finished": False}
        for r in snap["runners"]
    ]
    session = StaticSession(
        {
            "connected": True,
            "name": "Léa",
            "welcome": welcome,
            "lobby": lobby,
            "standings": [],
            "refusal": None,
            "start_local": None,
        }
    )
    app.scenes.push(RaceRunnerScene(app, session))


SETUPS = {
    "race_runner": setup_race_runner,
    "race_rooms": setup_race_rooms,
    "race_lobby": setup_race_lobby,
    "race_countdown": setup_race_countdown,
    "race_projector": setup_race_projector,
    "race_standings": setup_race_standings,
}
