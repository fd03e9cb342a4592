"""The speedrun screens at every text size: nothing under another thing, nothing cut."""

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
