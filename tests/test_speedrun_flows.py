"""Every flow of the run screens ends cleanly (issue 20): quitting from the pause menu
ends the run (no level left running underneath), one attempt per real start."""

import pytest
from speedrun_helpers import step

from game.modes.course.menu import start_run
from game.modes.course.speedrun import categories as cats
from game.modes.course.speedrun.records import category_record
from game.modes.course.speedrun.timer import SimClock
from game.scenes.level import LevelHost


@pytest.fixture
def app(app):
    app.profile = app.profiles.create("Lina")
    return app


def _levels_in_stack(app):
    return [s for s in app.scenes.stack if isinstance(s, LevelHost)]


def test_quit_from_the_pause_menu_ends_the_run_once(app):
    clock = SimClock(10.0)
    category = cats.category("debut")
    for start in range(1, 5):  # four real starts, each quit from the pause menu
        start_run(app, category, 4242, "", clock=clock)
        host = app.scenes.top
        clock.advance(3)
        app.push("pause", host)
        step(app)
        app.scenes.top.quit_level()
        step(app)
        assert app.scenes.top.name == "course_end"
        assert _levels_in_stack(app) == []  # never a level left running underneath
        end = app.scenes.top
        host.quit_level()  # a stale quit (a double click) records nothing more
        end.menu()  # « Changer de course »
        step(app)
        assert _levels_in_stack(app) == [] and app.scenes.top is not host
        assert category_record(app.profile, "debut").attempts == start
