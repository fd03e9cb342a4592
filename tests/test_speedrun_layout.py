"""The speedrun screens at every text size: nothing under another thing, nothing cut."""

import pygame
import pytest

from game.app import App
from game.scenes import demo


@pytest.fixture
def app():
    game = App(headless=True, runner_mode="slices")
    yield game
    game.close()


def show(app, name, text_size):
    app.settings.text_size = text_size
    app.apply_settings()
    demo.SETUPS[name](app)
    app.step(dt=1 / 60)
    return app.scenes.top


def _apart(rects):
    return all(not a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


@pytest.mark.parametrize("text_size", [0, 1, 2])
def test_run_clocks_stay_right_of_the_pause_button(app, text_size):
    level = show(app, "course_run", text_size)
    bar = level.policy_rect
    assert bar.left >= level.pause_button.rect.right
    parts = level.policy.top_bar_parts(app, level.theme, bar)
    rects = [box for _, box in parts["clocks"]]
    rects += [r for r in (parts["info"], parts["cells"]) if r is not None]
    assert all(bar.contains(r) for r in rects)
    assert _apart(rects)
    font = level.theme.font("small")
    for text, box in parts["clocks"]:  # each clock whole, « jeu » first
        assert font.size(text)[0] <= box.w
    assert any(text.startswith("jeu") for text, _ in parts["clocks"])


@pytest.mark.parametrize("text_size", [0, 2])
def test_club_board_shows_every_run_or_says_how_many_more(app, text_size):
    from game.modes.course.club_table import layout_leaderboard

    board = show(app, "club_board", text_size)
    total = len(board.rows) + len(board.apart)
    assert len(board.rows) >= 3  # the demo has runs played by hand: a real ranking
    placed = layout_leaderboard(board, board.TABLE, board.rows, "body", board.apart)
    shown = sum(kind == "row" for kind, _, _ in placed)
    more = [payload for kind, _, payload in placed if kind == "more"]
    assert shown == total or more == [app.t("course.club.plus", n=total - shown)]
    assert all(board.TABLE.contains(box) for _, box, _ in placed)
    remarks = [payload for kind, _, payload in placed if kind == "remark"]
    assert remarks and all("⚠" not in short + whole for short, whole in remarks)
    assert all(whole.startswith(short.split(" (+")[0]) for short, whole in remarks)


@pytest.mark.parametrize("text_size", [0, 2])
def test_club_projector_pages_show_every_run(app, text_size):
    from game.modes.course.club_table import layout_leaderboard

    projector = show(app, "club_projector", text_size)
    total = len(projector.rows) + len(projector.apart)
    seen = 0
    for start in projector.screens():
        args = (projector.rows, "title", projector.apart, start, "heading")
        placed = layout_leaderboard(projector, projector.TABLE, *args)
        assert all(pygame.Rect(0, 0, 1280, 720).contains(box) for _, box, _ in placed)
        seen += sum(kind == "row" for kind, _, _ in placed)
    assert seen == total == 8


@pytest.mark.parametrize("text_size", [0, 1, 2])
def test_course_menu_rules_and_toggle_are_whole(app, text_size):
    from game.modes.course.menu import RULES_BOX

    menu = show(app, "course_menu", text_size)
    theme = menu.theme
    screen = pygame.Rect(0, 0, 1280, 720)
    widgets = [w for w in menu.container.widgets if w.visible]
    assert all(screen.contains(w.rect) for w in widgets)
    toggle = next(w for w in widgets if type(w).__name__ == "Toggle")
    assert not any(toggle.rect.colliderect(w.rect) for w in widgets if w is not toggle)
    body = pygame.Rect(RULES_BOX.x + 12, RULES_BOX.y + theme.line_height("heading") + 16, 0, 0)
    body.size = (RULES_BOX.w - 24, RULES_BOX.bottom - 8 - body.y)
    shown = menu.rules_shown(body)
    assert "Au plus 5 pauses" in shown
    assert theme.text_height(shown, body.w, theme.min_size("small")) <= body.h
    assert menu.practice_label() == app.t("course.menu.sans_entrainement")
