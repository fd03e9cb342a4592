"""Ready-made homework screens (pupil and teacher), for screenshots and tests.

Merged into `game.scenes.demo.SETUPS` (`DEMO` in `game/modes/devoir/__init__.py`). A demo
homework: levels 1–3, hints allowed, due on 8 December 2026; « Léa » has done level 1
(solver run on her personal seed).
"""

from __future__ import annotations

import datetime as dt

from game.modes.devoir.homework import progress
from game.modes.devoir.homework.code import Devoir

DEMO_DEVOIR = Devoir((1, 2, 3), True, False, dt.date(2026, 12, 8), 4242, (0, 1))
DEMO_CLASS = "5e B"
_SOLVED = {}


def _map(app):
    from game.scenes import demo

    demo._reset(app)
    app.push("profiles")
    profile = demo.demo_profile(app, "some")
    profile.homework = {}
    return profile


def _with_homework(app, levels_done=(1,)):
    from game.proofs.solve import solve_level
    from levels import registry

    profile = _map(app)
    code, devoir = progress.join(profile, DEMO_DEVOIR.code)
    for numero in levels_done:
        niveau = registry.niveau_numero(numero)
        seed = progress.seed(profile, code, niveau.id)
        if (niveau.id, seed) not in _SOLVED:  # solved once per session (screens are cheap)
            _SOLVED[(niveau.id, seed)] = solve_level(niveau, seed).journal()
        progress.record(profile, code, devoir, _SOLVED[(niveau.id, seed)])
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
    from game.modes.devoir.policy import start_level

    code, devoir = _with_homework(app)
    start_level(app, code, devoir, 2)
    host = app.scenes.top
    if getattr(host, "intro", None) is not None and hasattr(host, "skip_intro"):
        host.skip_intro()


CLASS_DEVOIR = Devoir((1, 2), True, False, dt.date(2026, 12, 8), 777, (0, 1))
CLASS_NAMES = ("Chloé", "Noé", "Inès", "Hugo", "Jade", "Louis")
CLASS_LIST = (
    "NOM;Prénom\nMARTIN;Chloé\nBERNARD;Noé\nDUBOIS;Inès\nPETIT;Hugo\nROUX;Jade\n"
    "MOREAU;Louis\nLEROY;Emma\n"
)
_GRILLE = []


def demo_class(folder):
    """A small class that handed in levels 1–2 (one copy, one late), checked for real."""
    from game.modes.devoir.homework.check import check_files
    from game.modes.devoir.homework.classlist import parse_class_list

    write_demo_class(folder)
    return check_files([folder], classe=parse_class_list(CLASS_LIST), label=DEMO_CLASS, workers=1)


def write_demo_class(folder):
    """The demo class's hand-in files (one copied under another name, one late, one hint)."""
    import json

    from game.modes.devoir.homework import handin
    from game.modes.devoir.homework.simulate import plant_copy, play_level

    code = CLASS_DEVOIR.code
    for index, prenom in enumerate(CLASS_NAMES[:-1]):
        logs = {"l1_devine": play_level(code, prenom, 1)}
        if index != 3:
            logs["l2_erreurs"] = play_level(code, prenom, 2)
        if index == 2:
            logs["l1_devine"]["actions"].insert(0, [0, {"type": "indice", "numero": 1}])
            logs["l1_devine"] = json.loads(json.dumps(logs["l1_devine"]))
        day = dt.datetime(2026, 12, 9 if index == 4 else 7, 18, 0)
        handin.write(folder, handin.build(code, prenom, logs, day))
    plant_copy(folder, code, "Chloé", "Louis")


def _grille():
    import tempfile
    from pathlib import Path

    if not _GRILLE:
        with tempfile.TemporaryDirectory(prefix="tuto-demo-classe-") as folder:
            _GRILLE.append(demo_class(Path(folder)))
    return _GRILLE[0]


def _teacher(app):
    from game.scenes import demo

    demo._reset(app)
    return app.push("teacher")


def setup_teacher(app):
    from game.modes.devoir.homework import register

    register.remember(CLASS_DEVOIR.code, DEMO_CLASS)
    _teacher(app)


def setup_teacher_new(app):
    _teacher(app)
    scene = app.push("teacher_new")
    scene.due_field.set_text("08/12/2026")
    scene.label_field.set_text(DEMO_CLASS)
    scene.due, scene.label = "08/12/2026", DEMO_CLASS


def setup_teacher_sheet(app):
    from game.modes.devoir.teacher.scenes import write_sheets

    _teacher(app)
    app.push("teacher_created", DEMO_DEVOIR, DEMO_CLASS, write_sheets(DEMO_DEVOIR, DEMO_CLASS))


def setup_teacher_check(app):
    from game.modes.devoir.teacher.correction import inbox_dir

    _teacher(app)
    folder = inbox_dir()
    if not folder.is_dir():
        write_demo_class(folder)
    scene = app.push("teacher_check")
    for path in sorted(folder.iterdir()):
        scene.dropped(str(path))
    listing = folder.parent / "classe-5eB.csv"
    listing.write_text(CLASS_LIST, "utf-8")
    scene.dropped(str(listing))


def setup_teacher_grid(app):
    _teacher(app)
    scene = app.push("teacher_grid", _grille())
    names = [c.prenom for c in scene.grille.copies]
    scene.selected = names.index("Louis") if "Louis" in names else 0


def setup_teacher_certificate(app):
    _teacher(app)
    scene = app.push("teacher_grid", _grille())
    scene.certificates()


SETUPS = {
    "teacher": setup_teacher,
    "teacher_new": setup_teacher_new,
    "teacher_sheet": setup_teacher_sheet,
    "teacher_check": setup_teacher_check,
    "teacher_grid": setup_teacher_grid,
    "teacher_certificate": setup_teacher_certificate,
    "map_homework": setup_map_homework,
    "homework_code": setup_homework_code,
    "homework": setup_homework,
    "homework_level": setup_homework_level,
}
