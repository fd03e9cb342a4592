"""Ready-made homework screens (pupil and teacher), for screenshots and tests.

Merged into `game.scenes.demo.SETUPS`. A demo homework: levels 1–3, hints allowed,
due on 8 December 2026; « Léa » has done level 1 (solver run on her personal seed).
"""

from __future__ import annotations

import datetime as dt

from game.homework import progress
from game.homework.code import Devoir

DEMO_DEVOIR = Devoir((1, 2, 3), True, False, dt.date(2026, 12, 8), 4242, (0, 1))
DEMO_CLASS = "5e B"


def _map(app):
    from game.scenes import demo

    demo._reset(app)
    app.push("profiles")
    profile = demo.demo_profile(app, "some")
    profile.homework = {}
    return profile


def _with_homework(app, levels_done=(1,)):
    from game.commands.solve import solve_level
    from levels import registry

    profile = _map(app)
    code, devoir = progress.join(profile, DEMO_DEVOIR.code)
    for numero in levels_done:
        niveau = registry.niveau_numero(numero)
        partie = solve_level(niveau, progress.seed(profile, code, niveau.id))
        progress.record(profile, code, devoir, partie.journal())
    app.save_profile()
    app.push("map")
    return code, devoir


def setup_map_homework(app):
    _with_homework(app)


def setup_homework_code(app):
    _map(app)
    app.push("map")
    scene = app.push("homework_code")
    wrong = DEMO_DEVOIR.code
    wrong = wrong[:6] + ("Z" if wrong[6] != "Z" else "Y") + wrong[7:]  # a typo in group 2
    scene.field.set_text(wrong)
    scene.submit()


def setup_homework(app):
    code, _ = _with_homework(app)
    app.push("homework", code)


def setup_homework_level(app):
    from game.policies.devoir import start_level

    code, devoir = _with_homework(app)
    start_level(app, code, devoir, 2)
    host = app.scenes.top
    if getattr(host, "intro", None) is not None and hasattr(host, "skip_intro"):
        host.skip_intro()


SETUPS = {
    "map_homework": setup_map_homework,
    "homework_code": setup_homework_code,
    "homework": setup_homework,
    "homework_level": setup_homework_level,
}
