"""A race room a 13-year-old cannot fool (issue 20): every attack on loopback or on the
room's rules, each refused or kept out of the « vérifié par l'hôte » table."""

import asyncio
import json
import random

from game import __version__
from game.modes.course.speedrun.categories import category
from game.modes.course.speedrun.human import SAME_AS_SOLVER
from game.modes.course.speedrun.solver import method_run, solve_run
from game.modes.course.speedrun.verify import verify_run
from game.modes.salon.race import simulate
from game.modes.salon.race.protocol import ProtocolError
from game.modes.salon.race.room import Room, Runner, Split, personal_seed
from game.modes.salon.race.runfile import RunCheck, verify_run_file
from levels import registry


def test_every_planted_cheater_stays_out_of_the_verified_table(tmp_path):
    """Fake-fast splits, a copied file, a renamed file, a laundered solver file, times
    scaled to 9 %, a metronome: 127.0.0.1 only, one race of about 30 s."""
    figures = asyncio.run(simulate.race_room(2, folder=tmp_path, cheaters=True, timeout_s=200))
    assert figures["tricheurs"] == 6 and figures["tricheurs_classes_verifies"] == 0, figures
    assert figures["honnetes_verifies"] == 2 and figures["classement_correct"], figures
    detail = figures["tricheurs_detail"]
    assert detail["faux_chrono"].startswith("déclaré : le fichier dit")
    assert "course de" in detail["copie"] and detail["copie"].startswith("refusé")
    assert "au nom de" in detail["renomme"] and detail["renomme"].startswith("refusé")
    assert detail["solveur"].startswith("déclaré") and detail["metronome"].startswith("déclaré")
    assert detail["echelle"].startswith("refusé")


def _room():
    cat = category("debut")
    levels = tuple(cat.level_ids(registry.niveaux()))
    return Room("T1", cat.id, cat.name, levels, 5, __version__)


def _hello(name, token=""):
    return {"protocol": 1, "game_version": __version__, "name": name, "token": token}


def test_a_look_alike_name_is_not_a_second_identical_runner():
    room = _room()
    lina, _ = room.join(_hello("Lina"))
    other, _ = room.join(_hello("L\u0456na"))  # a Cyrillic і
    assert other.name.endswith(" 2") and other is not lina
    assert room.seed_for(lina) != room.seed_for(other)
    try:
        room.join(_hello("Li\x00na"))
        raise AssertionError("a NUL in a name must be refused")
    except ProtocolError as error:
        assert "Prénom refusé" in error.reason


def _run_file(runner, seed, scale=1.0, pauses=()):
    run = method_run(category("debut"), seed, registry.niveaux(), runner=runner)
    data = run.run_file(__version__)
    if scale != 1.0:
        for entry in data["niveaux"]:
            entry["debut"] = [round(v * scale) for v in entry["debut"]]
            entry["fin"] = [round(v * scale) for v in entry["fin"]]
            for action in entry["journal"]["actions"]:
                action[0] = round(action[0] * scale)
        end = data["niveaux"][-1]["fin"]
        data["annonce"]["temps_reel_ms"], data["annonce"]["temps_jeu_ms"] = end
        data["calcul_ms"] = end[0] - end[1]
    data["pauses"] = [list(p) for p in pauses]
    return data


def test_a_copied_or_renamed_file_is_refused_with_a_french_reason():
    room = _room()
    lina, _ = room.join(_hello("Lina"))
    noah, _ = room.join(_hello("Noah"))
    mine = json.dumps(_run_file("Lina", room.seed_for(lina))).encode()
    cat, version = room.category, room.game_version
    check = room.bind_check(lina, verify_run_file(mine, cat, room.seed_for(lina), version))
    assert check.valid, check.reason
    copied = room.bind_check(noah, verify_run_file(mine, cat, room.seed_for(noah), version))
    assert not copied.valid and "course de Lina" in copied.reason
    renamed = json.loads(mine)
    renamed["coureur"] = "Noah"  # Lina's run under Noah's name: still Lina's seed
    data = json.dumps(renamed).encode()
    copied = room.bind_check(noah, verify_run_file(data, cat, room.seed_for(noah), version))
    assert not copied.valid
    own = json.dumps(_run_file("Lina", room.seed_for(noah))).encode()  # Noah's run, Lina's name
    check = room.bind_check(noah, verify_run_file(own, cat, room.seed_for(noah), version))
    assert not check.valid and "au nom de « Lina »" in check.reason
    nul = _run_file("No\x00ah", room.seed_for(noah))
    assert "invisibles" in verify_run(nul).reason


def test_a_laundered_solver_file_is_marked_and_never_ranked_as_human():
    data = solve_run(category("debut"), 7, registry.niveaux()).run_file(__version__)
    del data["outil"]
    rng = random.Random(1)
    for entry in data["niveaux"]:
        actions = entry["journal"]["actions"]
        top = actions[-1][0]
        for action in actions[:-1]:
            action[0] = max(0, min(top, action[0] + rng.randrange(-300, 300)))
        actions.sort(key=lambda a: a[0])
    verdict = verify_run(data)
    assert verdict.valid and not verdict.human
    assert any(r.startswith(SAME_AS_SOLVER) for r in verdict.remarks)
    honest = verify_run(_run_file("Lina", 7))
    assert honest.valid and honest.human and honest.remarks == []


def test_times_scaled_to_nine_percent_are_refused_and_pauses_are_remarked():
    verdict = verify_run(_run_file("Lina", 7, scale=0.09))
    assert not verdict.valid and "main" in verdict.reason
    paused = verify_run(_run_file("Lina", 7, pauses=[(1000, 4000)]))
    assert any("1 pause" in r for r in paused.remarks)


def _finished(room, name, host_ms, game_ms, actions, real_ms=None, valid=True):
    runner = Runner(name, name * 3)
    runner.splits = [Split(lv, 0, 0, 0) for lv in room.levels]
    runner.splits[-1] = Split(room.levels[-1], host_ms, game_ms, host_ms)
    splits = [[0, 0]] * (len(room.levels) - 1) + [[real_ms or host_ms, game_ms]]
    runner.check = RunCheck(
        valid,
        "ok" if valid else "Course refusée : abîmée.",
        real_ms=real_ms or host_ms,
        game_ms=game_ms,
        costs={"actions": actions},
        splits=splits,
        least_ms=[0] * len(room.levels),
        runner=name,
    )
    room.runners[name] = runner
    return runner


def test_ties_are_broken_by_the_replay_and_refused_runs_are_never_ranked():
    room = _room()
    _finished(room, "Zoe", 20_000, 18_000, 40)
    _finished(room, "Adam", 20_000, 18_000, 45)  # same time, more actions
    _finished(room, "Bob", 20_000, 17_000, 50)  # same time, less game time
    _finished(room, "Eve", 1_000, 900, 10, valid=False)
    rows = room.standings()
    assert [r["name"] for r in rows if r["rank"]] == ["Bob", "Zoe", "Adam"]
    eve = next(r for r in rows if r["name"] == "Eve")
    assert eve["rank"] is None and eve["status"].startswith("refusé")


def test_the_room_token_mixes_a_secret_into_the_seed():
    assert personal_seed(5, "a") != personal_seed(5, "b")
    assert personal_seed(5, "a") == personal_seed(5, "a") < 2**31


def test_the_projector_never_ranks_a_refused_run():
    from game.modes.salon.board import board_rank

    room = _room()
    _finished(room, "Zoe", 20_000, 18_000, 40)
    _finished(room, "Eve", 1_000, 900, 10, valid=False)
    lazy = _finished(room, "Bob", 30_000, 28_000, 40, real_ms=25_000)  # file ≠ host
    assert lazy.check.valid
    rows = {r["name"]: r for r in room.standings()}
    assert board_rank(rows["Zoe"]) == "1" and rows["Zoe"]["kind"] == "hote"
    assert board_rank(rows["Bob"]) == "(1)" and rows["Bob"]["status"].startswith("déclaré")
    rows["Eve"]["position"] = 2
    assert board_rank(rows["Eve"]) == "—"
