"""The race room's screens at every text size: codes and words whole, real room codes."""

import pytest

from game.app import App
from game.modes.salon import demo as race_demo
from game.modes.salon.draw import fit_size
from game.modes.salon.race.discovery import resolve
from game.ui.fonts import get_font


@pytest.fixture
def app():
    game = App(headless=True, runner_mode="slices")
    yield game
    game.close()


def test_fit_size_keeps_every_word_on_one_line():
    for words, width in ((["1G58-04A1"], 430), (["poisson", "cerise", "maison"], 129)):
        size = fit_size(words, width, 120)
        assert all(get_font(size).size(w)[0] <= width for w in words)
        assert fit_size(words, width, size) == size


def test_demo_room_codes_are_real_codes():
    snap = race_demo.host_snapshot("lobby")
    assert resolve(snap["code"]) == (snap["ip"], snap["port"])
    session = None
    app = App(headless=True, runner_mode="slices")
    try:
        race_demo.setup_race_rooms(app)
        session = app.scenes.top.finder
    finally:
        app.close()
    rooms = session.snapshot()["rooms"]
    for room in rooms:
        assert len(room["code"].replace("-", "")) == 8
        assert resolve(room["code"]) == (room["address"], room["port"])


def test_no_glyph_the_bundled_font_lacks():
    """« ⚠ » draws as an empty box in pygame's bundled font: the boards use « (!) »."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "game" / "modes"
    for folder in ("salon", "course"):
        for path in (root / folder).rglob("*.py"):
            assert "⚠" not in path.read_text("utf-8").replace("« ⚠ »", ""), path
