"""A way to play is a policy: the level host asks it, and knows nothing else.

`Chrono` below is a small speedrun-like policy written only with the hooks of
`game.policies.base.Policy`: if it works without touching the host, homework and
speedruns can be written the same way.
"""

import time

import pygame
import pytest
from test_app_flow import click, find_button, key, top
from test_app_support import fake_level  # noqa: F401 - fixture

from game.modes.aventure.policy import Aventure
from game.policies.base import Policy
from game.scenes import registry
from game.scenes.level import LevelHost
from game.scenes.map import MapScene
from game.scenes.places import build_places
from game.scenes.result import ResultScene


class Chrono(Policy):
    """A shared seed, no intro, no hints, a clock in the top bar, straight to the end."""

    name = "chrono"

    def __init__(self):
        self.calls = []
        self.seconds = 0.0
        self.stopped = set()
        self.drawn = []
        self.logs = []

    def seed_for(self, app, place):
        return 4242

    def clock(self, app, place):
        return lambda: self.seconds  # the log's times leave the pauses out

    def hints_allowed(self, place):
        return False

    def on_start(self, host):
        self.calls.append("start")

    def update(self, host, dt):
        if not self.stopped:
            self.seconds += dt

    def on_pause(self, host, reason):
        self.calls.append(f"pause:{reason}")
        self.stopped.add(reason)

    def on_resume(self, host, reason):
        self.calls.append(f"resume:{reason}")
        self.stopped.discard(reason)

    def top_bar_width(self, host):
        return 160

    def top_bar_items(self, host):
        return [f"{self.seconds:.1f} s"]

    def draw_top_bar(self, host, surface, rect):
        self.drawn.append((rect.copy(), self.top_bar_items(host)))
        super().draw_top_bar(host, surface, rect)

    def ask_question(self, host):
        return False

    def finish_when_done(self, host):
        return True

    def save_log(self, app, place, partie):
        self.logs.append(partie.journal())
        return []

    def on_level_complete(self, host):
        self.calls.append("complete")
        self.save_log(host.app, host.place, host.partie)
        host.app.go_to_map()


def _place(app, level_id):
    return next(p for p in build_places(app.profile) if p.id == level_id)


def test_a_policy_drives_the_host_without_touching_it(app, fake_level):  # noqa: F811
    from game.scenes import demo

    demo.setup_map_empty(app)
    app.profile.seen_intro.clear()  # the adventure would show the intro: Chrono does not
    policy = Chrono()
    host = app.push("level", _place(app, fake_level.id), policy=policy)
    app.step([], 1 / 60)
    assert host.partie.graine == 4242
    assert not host.intro and policy.calls == ["start"]
    assert not host.hints_button.visible
    # The clock runs and is drawn in the room the policy asked for, right of the title.
    for _ in range(30):
        app.step([], 1 / 60)
    assert policy.seconds == pytest.approx(31 / 60)
    rect, items = policy.drawn[-1]
    assert rect.width == 160 and rect.left > host.title_rect.right
    assert rect.right <= host.result_button.rect.left
    assert items == ["0.5 s"]
    # A pause stops it; the pause menu has no hints entry.
    key(app, pygame.K_ESCAPE)
    menu = top(app)
    assert menu.name == "pause"
    labels = [getattr(w, "label", None) for w in menu.container.widgets]
    assert app.t("scenes.pause.hints") not in labels
    before = policy.seconds
    key(app, pygame.K_ESCAPE)  # Échap = reprendre
    assert top(app) is host
    assert policy.calls[-2:] == ["pause:panel", "resume:panel"]
    assert policy.seconds - before == pytest.approx(1 / 60)  # only the frame after resume
    # Reaching the goal ends the level at once (no question, no « Voir mon résultat »).
    plus = host.view.plus.rect.center
    for _ in range(10):
        click(app, plus)
    assert policy.calls[-1] == "complete"
    assert isinstance(top(app), MapScene)
    assert len(policy.logs) == 1 and policy.logs[0]["graine"] == 4242
    times = [t for t, _action in policy.logs[0]["actions"]]
    assert times and times[-1] <= round(policy.seconds * 1000)  # the policy's clock
    assert times[0] >= round(31 / 60 * 1000)  # played after the first half second
    assert not app.profile.is_completed(fake_level.id)  # the adventure's save was not used
    assert app.crashes == 0


def test_long_engine_work_is_a_pause_for_the_policy(app, fake_level):  # noqa: F811
    from game.scenes import demo

    demo.setup_map_empty(app)
    policy = Chrono()
    host = app.push("level", _place(app, fake_level.id), policy=policy)
    app.step([], 1 / 60)
    # A fast computer could do the 20 steps within one frame: a tiny slice budget makes
    # the job last several frames, as a real training does.
    app.runner.budget_s = 0.0001
    click(app, host.view.train.rect.center)
    assert host.view.job is not None, "the view's training did not start"
    deadline = time.monotonic() + 60  # a busy machine may give the job few steps a frame
    while "resume:busy" not in policy.calls and time.monotonic() < deadline:
        app.step([], 1 / 60)
    assert "pause:busy" in policy.calls and "resume:busy" in policy.calls, policy.calls
    assert policy.calls.index("pause:busy") < policy.calls.index("resume:busy")


def test_the_adventure_is_the_default_and_its_result_screen_asks_it(app, fake_level):  # noqa: F811
    from game.scenes import demo

    demo.setup_map_empty(app)
    app.profile.seen_intro.clear()
    host = app.push("level", _place(app, fake_level.id))
    assert isinstance(host.policy, Aventure) and host.intro  # a new player sees the intro
    host.skip_intro()
    for action in fake_level.resoudre(1)[:2]:
        host.partie.jouer(action)
    from levels import questions

    for action in questions.reponse_du_solveur(fake_level, host.partie.etat):
        host.partie.jouer(action)
    app.step([], 1 / 60)
    host.finish()
    result = top(app)
    assert isinstance(result, ResultScene) and result.policy is host.policy
    assert app.profile.is_completed(fake_level.id)  # the adventure saved it
    click(app, find_button(result, app.t("scenes.result.again")).rect.center)
    again = top(app)
    assert isinstance(again, LevelHost) and again is not host and again.policy is host.policy
    assert again.place.status == "done"  # the fresh place, as the map now sees it


def test_scenes_are_reached_by_name(app):
    assert app.push("settings").name == "settings"
    with pytest.raises(KeyError):
        app.push("no_such_scene")
    with pytest.raises(ValueError):
        registry.register("other_name", MapScene)
    for name in registry.SCENES:
        assert registry.scene_class(name).name == name
    assert app.scenes.pop_to("title").name == "title"
    assert app.scenes.find("settings") is None
