"""`tuto-llm perf [--json]`: frame times of every screen, and training speed in the game.

- Every screen of `game.scenes.demo` (plus each playable level, and level 5 while it
  trains: `level_l5_gpt_training`, its `busy_frames` = frames with the runner busy) is
  driven headless for `--images` frames (300 by default) with scripted input (mouse
  moves, Tab, arrows).
  A frame's time is handle_event + update + draw + scale (never the clock's sleep).
- Training: the tiny GPT's real training (`game.runner.gpt_training`) runs first
  headless, then in the game's runner (a worker process) while the game draws the
  level screen at 60 fps; both speeds are printed in steps per second. The two
  alternate over three rounds of at least `MIN_ROUND_S` seconds each (a short round
  mostly measures the worker's start and the machine's mood), and the ratio of each
  round is printed too.

The last line of the output is one JSON object (with `--json`, the only line).
"""

NAME = "perf"
HELP = "mesure le temps de chaque image du jeu et la vitesse d'entraînement (sans fenêtre)"

TARGET_MS = 1000 / 60
ROUNDS = 3
MIN_ROUND_S = 4.0  # each headless / in-game round trains at least this long
CALIBRATION_STEPS = 30


def add_arguments(parser):
    parser.add_argument("--json", action="store_true", help="n'écrit que l'objet JSON")
    parser.add_argument("--images", type=int, default=300, help="images par écran (300)")
    parser.add_argument("--etapes", type=int, default=1000, help="étapes d'entraînement (1000)")
    parser.add_argument("--scenes", metavar="NOMS", help="seulement ces écrans (virgules)")
    parser.add_argument(
        "--fenetre", metavar="LxH", default="1280x720", help="taille de la fenêtre (1280x720)"
    )
    parser.add_argument(
        "--mode",
        choices=("worker", "slices"),
        default="worker",
        help="entraînement dans un processus à part (worker) ou par tranches",
    )


def _percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def scripted_events(frame):
    """Input for one frame: the mouse wanders, Tab and arrows now and then."""
    import math

    import pygame

    x = 640 + 500 * math.sin(frame * 0.05)
    y = 360 + 300 * math.sin(frame * 0.031)
    events = [
        pygame.event.Event(pygame.MOUSEMOTION, pos=(int(x), int(y)), rel=(0, 0), buttons=(0, 0, 0))
    ]
    if frame % 20 == 0:
        key = (pygame.K_TAB, pygame.K_RIGHT, pygame.K_DOWN, pygame.K_LEFT)[frame // 20 % 4]
        events.append(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    return events


def measure_scene(app, setup, frames):
    """Frame times (ms) of one screen driven for `frames` frames, and how many of those
    frames had the runner busy (a level training)."""
    setup(app)
    times = []
    busy = 0
    for frame in range(frames):
        times.append(app.step(scripted_events(frame), 1 / 60))
        busy += bool(app.runner.busy)
    return times, busy


def headless_training(etapes):
    import time

    from game.runner import gpt_training

    start = time.perf_counter()
    generator = gpt_training(etapes)
    steps = sum(1 for _ in generator)
    return steps / (time.perf_counter() - start)


def round_plan(etapes):
    """(rounds, steps per round): a third of `etapes` each, but at least MIN_ROUND_S
    seconds of training; a tiny `etapes` (a quick check) is one short round."""
    if etapes < 90:
        return 1, etapes
    speed = headless_training(CALIBRATION_STEPS)
    return ROUNDS, max(etapes // ROUNDS, round(speed * MIN_ROUND_S))


def in_game_training(app, setup, etapes, mode):
    """Steps/s of the training run by the game's runner while frames are drawn at 60 fps."""
    import time

    from game.runner import gpt_training

    setup(app)
    job = app.runner.run_generator(gpt_training, etapes, mode=mode)
    times = []
    frame = 0
    deadline = time.perf_counter() + 600
    while not job.done and time.perf_counter() < deadline:
        start = time.perf_counter()
        times.append(app.step(scripted_events(frame), 1 / 60))
        frame += 1
        spare = 1 / 60 - (time.perf_counter() - start)
        if spare > 0:
            time.sleep(spare)  # like the real loop: the clock waits for the next frame
    if job.error:
        raise RuntimeError(job.error)
    done = (job.result or {}).get("etapes", 0)
    return done / job.elapsed, times


def run_perf(names=None, frames=300, etapes=1000, window="1280x720", mode="worker", log=print):
    import json
    import os
    import tempfile

    from game.commands.screenshots import _headless_env

    _headless_env()
    size = tuple(int(v) for v in window.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="tuto-llm-perf-") as home:
        previous = os.environ.get("TUTO_LLM_HOME")
        os.environ["TUTO_LLM_HOME"] = home
        try:
            from game.app import App
            from game.scenes import demo

            app = App(headless=True, runner_mode=mode, window_size=size)
            app.seed_override = 1
            result = {"scenes": {}}
            try:
                setups = demo.screen_setups(app)
                for name, setup in setups.items():
                    if names and name not in names:
                        continue
                    try:
                        times, busy = measure_scene(app, setup, frames)
                    except LookupError:
                        continue
                    result["scenes"][name] = _summary(times)
                    if busy:
                        result["scenes"][name]["busy_frames"] = busy
                    log(
                        f"{name:24s} p50 {result['scenes'][name]['p50_ms']:6.2f} ms   "
                        f"p95 {result['scenes'][name]['p95_ms']:6.2f} ms"
                    )
                # Headless and in-game runs alternate, so that other programs using the
                # CPU at that moment weigh on both the same way; medians are reported.
                training_setup = _training_setup(app, setups)
                rounds, steps = round_plan(etapes)
                headless_runs, game_runs, times = [], [], []
                for _ in range(rounds):
                    headless_runs.append(headless_training(steps))
                    speed, frame_times = in_game_training(app, training_setup, steps, mode)
                    game_runs.append(speed)
                    times.extend(frame_times)
                headless = _median(headless_runs)
                in_game = _median(game_runs)
                result["training_ratio_runs"] = [
                    round(g / h, 3) for g, h in zip(game_runs, headless_runs, strict=True)
                ]
                result["scenes"]["training"] = _summary(times)
                log(
                    f"{'training':24s} p50 {result['scenes']['training']['p50_ms']:6.2f} ms   "
                    f"p95 {result['scenes']['training']['p95_ms']:6.2f} ms"
                )
                result["training_steps_per_s_in_game"] = round(in_game, 1)
                result["training_steps_per_s_headless"] = round(headless, 1)
                result["training_ratio"] = round(in_game / headless, 3) if headless else None
                result["training_mode"] = mode
                result["training_round_steps"] = steps
                result["window"] = list(size)
            finally:
                app.close()
        finally:
            if previous is None:
                os.environ.pop("TUTO_LLM_HOME", None)
            else:
                os.environ["TUTO_LLM_HOME"] = previous
    return json.dumps(result, ensure_ascii=False)


def _training_setup(app, setups):
    """The level 5 screen if it exists (it is where kids train), else the map."""
    for name in setups:
        if name.startswith("level_") and "l5" in name and not name.endswith("_training"):
            return setups[name]
    return setups["map_some"]


def _median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _summary(times):
    return {
        "p50_ms": round(_percentile(times, 0.5), 3),
        "p95_ms": round(_percentile(times, 0.95), 3),
        "frames": len(times),
    }


def run(args):
    from game.cli import CliError

    if args.images < 1 or args.etapes < 1:
        raise CliError("« --images » et « --etapes » doivent être au moins 1.")
    try:
        width, height = (int(v) for v in args.fenetre.lower().split("x"))
    except ValueError:
        raise CliError(
            f"« {args.fenetre} » n'est pas une taille : écris par exemple 1280x720."
        ) from None
    del width, height
    names = {n.strip() for n in args.scenes.split(",")} if args.scenes else None
    line = run_perf(
        names,
        args.images,
        args.etapes,
        args.fenetre,
        args.mode,
        log=(lambda *_: None) if args.json else print,
    )
    print(line)
    return 0
