"""The speedrun in the game, headless: « Course » from the title screen, levels in a row
under the Speedrun policy (no intro, no result screen), pauses, splits, the end of the
run in the profile and in a run file that verifies; the club board takes dropped files."""

import time

import pygame
import pytest
from speedrun_helpers import step

from game import __version__
from game.modes.course.menu import start_run
from game.modes.course.policy import Speedrun
from game.modes.course.speedrun import categories as cats
from game.modes.course.speedrun.files import RUNS_DIR, read_run_file, write_run_file
from game.modes.course.speedrun.records import category_record
from game.modes.course.speedrun.solver import method_run, solve_run
from game.modes.course.speedrun.timer import SimClock
from game.modes.course.speedrun.verify import verify_run
from game.scenes.level import LevelHost
from levels import registry


@pytest.fixture
def app(app):
    app.profile = app.profiles.create("Lina")
    return app


def play_run(app, clock, pace=1.0):
    """Plays every level the policy opens with the solver, like a kid clicking."""
    levels = 0
    while isinstance(app.scenes.top, LevelHost):
        host = app.scenes.top
        assert isinstance(host.policy, Speedrun) and not host.intro  # no intro
        levels += 1
        for action in host.niveau.resoudre(host.partie.graine):
            clock.advance(pace)
            assert host.partie.jouer(action) is None
            step(app)
            if app.scenes.top is not host:
                break
        step(app, 3)
    return levels


def test_course_button_on_the_title_screen(app):
    app.push("title")
    step(app)
    title = app.scenes.top
    button = next(w for w in title.container.widgets if getattr(w, "label", "") == "Course")
    button.on_click()
    step(app)
    assert app.scenes.top.name == "course_menu"


def test_a_run_of_four_levels_in_a_row(app, tuto_llm_home):
    clock = SimClock(100.0)
    category = cats.category("debut")
    start_run(app, category, 4242, "", clock=clock)
    host = app.scenes.top
    app.push("pause", host)  # a pause: game time stops, real time goes on; recorded
    step(app)
    clock.advance(30)
    shot = pygame.Surface(app.screen_size if hasattr(app, "screen_size") else (1280, 720))
    host.draw(shot)  # the level under the pause menu is hidden
    bg = tuple(host.theme.colors.bg)[:3]
    area = host.area
    corners = [(area.x + 5, area.y + 5), (area.right - 5, area.bottom - 5)]
    assert all(tuple(shot.get_at(p))[:3] == bg for p in corners)
    assert host.policy.run.now()[0] - host.policy.run.now()[1] >= 30_000
    app.scenes.pop()
    step(app)
    assert play_run(app, clock) == 4
    end = app.scenes.top
    assert end.name == "course_end" and end.run.finished and not end.policy.failed
    real, game = end.run.splits[-1]
    actions = sum(len(log["actions"]) for log in end.run.logs)
    assert game == actions * 1000  # one second per click; the 30 s pause left out
    assert real == game + 30_000  # real time never stops
    assert end.run.timer.pauses and end.run.timer.pauses[0][1] == 30_000
    record = category_record(app.profile, "debut")
    assert record.attempts == 1 and record.pb_total() == list(end.run.splits[-1])
    files = list((tuto_llm_home / RUNS_DIR).rglob("*.json"))
    assert len(files) == 1
    data, problem = read_run_file(files[0])
    verdict = verify_run(data)
    assert problem is None and verdict.valid, verdict.reason
    assert data["pauses"] == [[0, 30_000]]
    # « Mettre au tableau du club »: verified in the background, then ranked
    end.to_board()
    board = app.scenes.top
    deadline = time.monotonic() + 60
    while board.importing and time.monotonic() < deadline:
        step(app)
        time.sleep(0.01)
    # the solver's steady clicks: a program played, so the run is shown apart, with why
    assert board.rows == [] and [r.runner for r in board.apart] == ["Lina"]
    assert "solveur" in board.apart[0].remarks
    app.scenes.pop()
    # « Recommencer »: same category and seed, at once
    end.again()
    step(app)
    assert isinstance(app.scenes.top, LevelHost) and app.scenes.top.partie.graine == 4242


def test_leaving_a_run_counts_an_attempt(app):
    clock = SimClock()
    start_run(app, cats.category("niveau-3-sans-indice"), 9, "", clock=clock)
    host = app.scenes.top
    assert not host.hints_allowed
    clock.advance(2)
    host.quit_level()
    step(app)
    end = app.scenes.top
    assert end.name == "course_end" and end.policy.failed
    record = category_record(app.profile, "niveau-3-sans-indice")
    assert record.attempts == 1 and record.pb is None
    assert record.history[0]["finished"] is False


def test_practice_does_not_touch_the_pb(app):
    clock = SimClock()
    category = cats.category("debut")
    start_run(app, category, 5, "", practice=1, clock=clock)
    assert play_run(app, clock) == 1
    record = category_record(app.profile, "debut")
    assert record.pb is None and record.practice == 1 and "l2_erreurs" in record.best_segments


def test_club_board_takes_dropped_files(app, tmp_path):
    run = method_run(cats.category("niveau-2"), 3, registry.niveaux(), runner="Noé")
    write_run_file(tmp_path / "noe.json", run.run_file(__version__))
    (tmp_path / "abime.json").write_bytes(b"{nope")
    app.push("club_board", "niveau-2")
    step(app)
    board = app.scenes.top
    for name in ("noe.json", "abime.json"):
        app.step([pygame.event.Event(pygame.DROPFILE, file=str(tmp_path / name))], 1 / 60)
        deadline = time.monotonic() + 30
        while board.importing and time.monotonic() < deadline:
            step(app)
            time.sleep(0.01)
    assert [r.runner for r in board.rows] == ["Noé"]
    assert "refusée" in board.status or "0 course" in board.status
    board.export_csv()
    assert (board.board.folder / "classement-niveau-2.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    board.projector()
    step(app, 2)
    assert app.scenes.top.name == "club_projector" and app.scenes.top.rows


def test_a_dropped_folder_is_verified_in_fresh_processes_in_order(app, tmp_path, monkeypatch):
    """Several run files: replayed in other Pythons (started, never forked from the
    window), the results in the folder's order, the progress told as they arrive."""
    from engine import parallele

    monkeypatch.setattr(parallele, "coeurs", lambda: 3)  # two verifying processes
    folder = tmp_path / "club"
    folder.mkdir()
    for seed, runner in ((3, "Noé"), (4, "Inès")):
        run = method_run(cats.category("niveau-2"), seed, registry.niveaux(), runner=runner)
        write_run_file(folder / f"{runner}.json", run.run_file(__version__))
    (folder / "zz-abime.json").write_bytes(b"{nope")
    app.push("club_board", "niveau-2")
    step(app)
    board = app.scenes.top
    app.step([pygame.event.Event(pygame.DROPFILE, file=str(folder))], 1 / 60)
    deadline = time.monotonic() + 120
    while board.importing and time.monotonic() < deadline:
        step(app)
        time.sleep(0.01)
    assert sorted(r.runner for r in board.rows) == ["Inès", "Noé"]
    assert "2 course" in board.status and "zz-abime.json" in board.status
    assert app.crashes == 0


def test_split_cells_colours(app):
    """Green ahead of the PB, red behind, gold for a best segment ever."""
    from game.modes.course.speedrun.records import record_attempt

    category = cats.category("debut")
    record_attempt(app.profile, solve_run(category, 2, registry.niveaux(), 1000))
    clock = SimClock()
    start_run(app, category, 2, "", clock=clock)
    policy = app.scenes.top.policy
    paces = iter([0.8, 8.0])  # level 1 faster (gold, ahead), level 2 much slower (behind)
    for _ in range(2):
        pace = next(paces)
        host = app.scenes.top
        for action in host.niveau.resoudre(2):
            clock.advance(pace)
            host.partie.jouer(action)
            step(app)
            if app.scenes.top is not host:
                break
    cells = policy.split_cells()
    assert cells[0][1] == "gold" and cells[0][0].startswith("−")
    assert cells[1][1] == "bad" and cells[1][0].startswith("+")
    assert cells[2] == ("3", "now") and cells[3] == ("4", "soft")
    assert policy.golds == [True, False]


def test_end_screen_exports_livesplit(app, tuto_llm_home):
    from game.modes.course.speedrun.lss import parse_lss

    clock = SimClock()
    start_run(app, cats.category("niveau-2"), 3, "", clock=clock)
    play_run(app, clock)
    end = app.scenes.top
    end.export_lss()
    (path,) = list((tuto_llm_home / RUNS_DIR).rglob("*.lss"))
    run = parse_lss(path.read_text("utf-8"))
    assert run.attempt_count == 1 and run.segments[0].name.startswith("Niveau 2 — ")
