"""The race room's screens: they draw from snapshots and never wait for the network."""

import time
import tomllib
from pathlib import Path

import pygame
import pytest

from game.i18n import placeholders
from game.modes.salon import demo as race_demo
from game.modes.salon.board import RaceHostScene, format_delta, format_ms
from game.modes.salon.race.bridge import HostSession, RunnerSession
from game.modes.salon.race.discovery import DiscoverySettings
from game.modes.salon.race.runfile import category, game_version

TEXTS = Path(__file__).resolve().parent.parent / "game" / "textes"


def _flat(table, prefix=""):
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def test_race_catalogs_match_in_both_languages():
    fr, en = (
        {k: v for k, v in _flat(tomllib.loads((TEXTS / f"salon.{lang}.toml").read_text()))}
        for lang in ("fr", "en")
    )
    assert sorted(fr) == sorted(en)
    for key in fr:
        assert placeholders(fr[key]) == placeholders(en[key]), key


def test_times_read_like_a_stopwatch():
    assert format_ms(75_300) == "1:15,3"
    assert format_ms(None) == "—"
    assert format_delta(6_700) == "+6,7" and format_delta(75_300) == "+1:15,3"


@pytest.mark.parametrize("name", sorted(race_demo.SETUPS))
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_race_screen_draws(app, name, lang):
    app.settings.language = lang
    app.settings.text_size = 2
    app.apply_settings()
    crashes = app.crashes
    race_demo.SETUPS[name](app)
    for _ in range(5):
        app.step([], 1 / 30)
    assert app.crashes == crashes, app.last_crash


def test_the_host_board_ranks_finishers_first(app):
    race_demo.setup_race_standings(app)
    scene = app.scenes.top
    rows = scene.snap["standings"]
    times = [r["time_ms"] for r in rows if r["rank"] is not None]
    assert times == sorted(times) and len(times) == len(race_demo.RUNNERS)


def test_host_and_runner_sessions_on_loopback(app, tmp_path):
    """The real thing in background threads: a runner joins, the host's screen lists it."""
    cat = category("niveau-2")
    quiet = DiscoverySettings(address="127.0.0.1", port=1, every_s=60)  # never a real network
    host = HostSession(
        cat, 7, game_version(), "Hôte", tmp_path / "salon.sqlite", quiet, address="127.0.0.1"
    ).start()
    runner = None
    try:
        assert _until(lambda: host.snapshot().get("port"))
        runner = RunnerSession("127.0.0.1", host.snapshot()["port"], "Léa", game_version()).start()
        app.scenes.push(RaceHostScene(app, host))
        assert _until(lambda: [r["name"] for r in host.snapshot()["runners"]] == ["Léa"])
        app.step([], 1 / 30)
        host.start_race(countdown_ms=300)
        assert _until(lambda: runner.snapshot().get("start_local") is not None)
        for _ in range(3):
            app.step([], 1 / 30)
        runner.split("l2_erreurs", 400, 380)
        assert _until(lambda: host.snapshot()["runners"][0]["splits"])
        app.step([], 1 / 30)
        assert app.crashes == 0
        surface = pygame.Surface((1280, 720))
        app.scenes.top.draw(surface)
        host.export_csv(tmp_path / "resultats.csv")
        assert _until(lambda: (tmp_path / "resultats.csv").exists())
        text = (tmp_path / "resultats.csv").read_bytes().decode("utf-8")
        assert text.startswith("\ufeffRang;Prénom;") and "Léa" in text
    finally:
        if runner is not None:
            runner.stop()
        host.stop()
        host.thread.join(5)
    assert not host.thread.is_alive()


def _until(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_a_restarted_runner_computer_keeps_its_token():
    from game.modes.salon.race.bridge import remember_token, remembered_token

    assert remembered_token("10.0.0.2", 47800, "Léa") == ""
    remember_token("10.0.0.2", 47800, "Léa", "abc")
    assert remembered_token("10.0.0.2", 47800, "Léa") == "abc"
    assert remembered_token("10.0.0.2", 47800, "Noé") == ""  # a name never takes a place


class _FakeRunnerSession(race_demo.StaticSession):
    """A runner's session without network: records what the race sends to the host."""

    def __init__(self, snapshot, clock):
        super().__init__(snapshot)
        self.clock = clock
        self.splits, self.files = [], []

    def split(self, level, real_ms, game_ms):
        self.splits.append((level, real_ms, game_ms))

    def hand_in(self, data):
        self.files.append(data)


@pytest.mark.parametrize("category_id", ["niveau-2", "debut"])
def test_a_runner_races_in_the_game_and_the_host_accepts_the_run(app, monkeypatch, category_id):
    """Countdown over → the category's levels one after the other → splits → run file."""
    from game.modes.salon import policy as salon_policy
    from game.modes.salon.menu import RaceRunnerScene
    from game.modes.salon.race.runfile import verify_run_file

    now = [10_000]
    monkeypatch.setattr(salon_policy, "now_ms", lambda: now[0])
    race_demo.setup_race_rooms(app)  # a profile, the menu
    welcome = {"name": "Léa", "category": category_id, "seed": 5, "code": "K7Q2"}
    snap = {
        "connected": True,
        "name": "Léa",
        "welcome": welcome,
        "lobby": [],
        "standings": [],
        "refusal": None,
        "verdict": None,
        "start_local": 9_000,
    }
    session = _FakeRunnerSession(snap, lambda: now[0])
    runner_scene = RaceRunnerScene(app, session)
    app.scenes.push(runner_scene)
    app.step([], 1 / 30)
    levels = category(category_id).levels
    for level_id in levels:
        host = app.scenes.top
        assert host.name == "level" and host.niveau.id == level_id
        for action in host.niveau.resoudre(5):
            now[0] += 400  # a kid's pace
            assert host.partie.jouer(action) is None
        for _ in range(3):
            app.step([], 1 / 30)
    assert app.scenes.top is runner_scene
    assert [s[0] for s in session.splits] == list(levels)
    data = session.files[0]
    check = verify_run_file(data, category_id, 5, game_version())
    assert check.valid, check.reason
    assert check.real_ms == session.splits[-1][1]


def test_tests_keep_rooms_on_this_computer(monkeypatch):
    from game.modes.salon.race.discovery import room_network

    settings, bind = room_network()
    assert settings.address == "127.0.0.1" and bind == "127.0.0.1"  # set by conftest
    monkeypatch.setenv("TUTO_LLM_SALON_LOCAL", "0")
    settings, bind = room_network()  # the game's default: the school network (not opened here)
    assert settings.address == "255.255.255.255" and bind == "0.0.0.0"


def test_the_title_screen_opens_the_race_room(app):
    from game.modes.salon.menu import RaceMenuScene

    app.scenes.clear()
    app.push("title")
    app.scenes.top.race_room()
    menu = app.scenes.top
    assert isinstance(menu, RaceMenuScene)
    assert menu.finder.finder.settings.address == "127.0.0.1"
    for _ in range(3):
        app.step([], 1 / 30)
    app.scenes.pop()  # leaving stops the listening thread
    menu.finder.thread.join(3)
    assert not menu.finder.thread.is_alive()


@pytest.mark.parametrize("name", sorted(race_demo.SETUPS))
def test_every_button_of_every_race_screen(app, name):
    """Pressing anything never crashes — and in tests never reaches a real network."""
    race_demo.SETUPS[name](app)
    count = len(app.scenes.top.container.widgets)
    for index in range(count):
        race_demo.SETUPS[name](app)
        widget = app.scenes.top.container.widgets[index]
        if hasattr(widget, "activate"):
            widget.activate()
        for _ in range(3):
            app.step([], 1 / 30)
        assert app.crashes == 0, app.last_crash
        for scene in list(app.scenes):
            session = getattr(scene, "session", None)
            if hasattr(session, "client"):
                assert session.client.address.startswith("127.") or session.client.refusal


def test_a_whole_race_through_the_game_on_loopback(app, tmp_path):
    """Host and runner threads, the runner's game plays level 2 from the shared start; the
    host re-verifies the run file and ranks it « vérifié par l'hôte »."""
    from game.modes.salon.menu import RaceRunnerScene
    from game.scenes.demo import demo_profile

    demo_profile(app, "some")
    quiet = DiscoverySettings(address="127.0.0.1", port=1, every_s=60)
    host = HostSession(
        category("niveau-2"),
        5,
        game_version(),
        "Hôte",
        tmp_path / "s.sqlite",
        quiet,
        address="127.0.0.1",
    ).start()
    runner = None
    try:
        assert _until(lambda: host.snapshot().get("port"))
        runner = RunnerSession("127.0.0.1", host.snapshot()["port"], "Léa", game_version())
        app.scenes.push(RaceRunnerScene(app, runner.start()))
        assert _until(lambda: host.snapshot()["runners"])
        host.start_race(countdown_ms=200)
        assert _until(lambda: _step(app) or app.scenes.top.name == "level")
        level = app.scenes.top
        seed = level.partie.graine  # the runner's own seed, mixed from the room's
        for number, action in enumerate(level.niveau.resoudre(seed)):
            time.sleep(0.2 + 0.03 * (number % 4))  # an uneven, human pace between clicks
            assert level.partie.jouer(action) is None
        assert _until(lambda: _step(app) or app.scenes.top.name == "race_runner")
        assert _until(lambda: (runner.snapshot().get("verdict") or {}).get("valid"), 20)
        rows = host.snapshot()["standings"]
        assert rows[0]["name"] == "Léa" and rows[0]["rank"] == 1 and rows[0]["kind"] == "hote"
    finally:
        if runner is not None:
            runner.stop()
        host.stop()
        host.thread.join(5)


def _step(app):
    app.step([], 1 / 30)
    return False
