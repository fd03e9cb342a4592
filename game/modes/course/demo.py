"""Ready-made « Course » and « Tableau du club » screens for screenshots and tests.

The runs are played by the built-in solver on « debut » (levels 1–4: no GPT training,
so a screenshot is ready in seconds) and kept for the whole session.
"""

from __future__ import annotations

from game.modes.course.speedrun import categories as cats

DEMO_CATEGORY = "debut"
DEMO_SEED = 1486014015  # the club code LUNE42
CLUB = (  # (runner, seed, pace; None: played by hand with the hints' method)
    ("Lina", 77, 900),
    ("Noah", 5, None),
    ("Jade", 1486014015, 1000),
    ("Louis", 12, None),
    ("Emma", 77, 1200),
    ("Gabriel", 31, 950),
    ("Louise", 8, None),
    ("Léa", 77, None),
)
_CACHE: dict = {}


def _levels():
    from levels import registry

    return registry.niveaux()


def _solved(cat_id, seed, pace):
    from game.modes.course.speedrun.solver import solve_run

    key = (cat_id, seed, pace)
    if key not in _CACHE:
        _CACHE[key] = solve_run(cats.category(cat_id), seed, _levels(), pace, code="LUNE42")
    return _CACHE[key]


def _by_hand(cat_id, seed, runner):
    """A child who applies the hints' method, at an uneven pace: ranked on the board."""
    from game.modes.course.speedrun.solver import human_pace, method_run

    key = (cat_id, seed, runner)
    if key not in _CACHE:
        shift = len(runner) * 7

        def think(level_id, number):
            return human_pace(level_id, number + shift) + 40 * len(runner)

        category = cats.category(cat_id)
        _CACHE[key] = method_run(category, seed, _levels(), runner, think, code="LUNE42")
    return _CACHE[key]


def _with_history(app):
    """Léa with two finished attempts of the demo category (a PB and golds to beat)."""
    from game.modes.course.speedrun.records import record_attempt
    from game.scenes.demo import _reset

    _reset(app, "all")
    profile = app.profile
    profile.speedrun = {}
    for pace in (1100, 1000):
        record_attempt(profile, _solved(DEMO_CATEGORY, DEMO_SEED, pace))
    app.profiles.save(profile)
    return profile


def setup_course_menu(app):
    _with_history(app)
    app.push("course_menu", DEMO_CATEGORY, "LUNE42")


def setup_course_run(app):
    """Level 3 of « debut », levels 1 and 2 split: one ahead of the PB, one gold."""
    from game.modes.course.policy import Speedrun
    from game.modes.course.speedrun.run import Run
    from game.modes.course.speedrun.timer import SimClock

    _with_history(app)
    clock = SimClock()
    run = Run(cats.category(DEMO_CATEGORY), DEMO_SEED, _levels(), clock, "LUNE42", "Léa")
    policy = Speedrun(run)
    policy.record = _record(app)
    run.start()
    paces = {"l1_devine": 0.93, "l2_erreurs": 0.8}
    for niveau in run.niveaux[:2]:
        start = run.now()
        for action in niveau.resoudre(DEMO_SEED):
            clock.advance(paces[niveau.id])
            run.partie.jouer(action)
            if run.check():
                break
        segment = (run.splits[-1][0] - start[0], run.splits[-1][1] - start[1])
        policy.golds.append(policy.record.is_gold(niveau.id, segment))
    run.auto_partie = False
    clock.advance(4.2)
    app.push("level", policy.place_of(app, run.index), policy=policy)


def _record(app):
    from game.modes.course.speedrun.records import category_record

    return category_record(app.profile, DEMO_CATEGORY)


def setup_course_end(app):
    from game.modes.course.policy import Speedrun
    from game.modes.course.speedrun.records import record_attempt

    _with_history(app)
    run = _solved(DEMO_CATEGORY, DEMO_SEED, 950)
    policy = Speedrun(run)
    policy.record = _record(app)
    policy.golds = [
        policy.record.is_gold(n.id, s) for n, s in zip(run.niveaux, run.segments(), strict=True)
    ]
    result = record_attempt(app.profile, run)
    app.push("course_end", policy, result, "courses/lea/20261201-debut.json")


def _club_board(app):
    from game import __version__
    from game.modes.course.speedrun.board import Board
    from game.modes.course.speedrun.files import write_run_file
    from game.storage import home_dir

    board = Board()
    if not board.leaderboard("niveau-1"):
        folder = home_dir() / "demo-cle-usb"
        folder.mkdir(parents=True, exist_ok=True)
        for name, seed, pace in CLUB:
            run = (
                _by_hand("niveau-1", seed, name)
                if pace is None
                else _solved("niveau-1", seed, pace)
            )
            data = run.run_file(__version__)
            data["coureur"], data["code"] = name, "LUNE42" if seed == DEMO_SEED else ""
            write_run_file(folder / f"{name}.json", data)
        board.import_folder(folder, parallel=False)  # no processes forked from the game
    board.close()


def setup_club_board(app):
    from game.scenes.demo import _reset

    _reset(app, "all")
    _club_board(app)
    app.push("club_board", "niveau-1")


def setup_club_projector(app):
    setup_club_board(app)
    app.push("club_projector", "niveau-1")


SETUPS = {
    "course_menu": setup_course_menu,
    "course_run": setup_course_run,
    "course_end": setup_course_end,
    "club_board": setup_club_board,
    "club_projector": setup_club_projector,
}
