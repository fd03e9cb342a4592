"""Issue 22: what a hostile file, name or command could still do — one test per defect.

Deep nesting in the multi-file paths, values no control gives, a busy club database,
a file name with invalid UTF-8 on the club board, race file pieces out of range, one
wording for paths, French sentences only. The property-based tests (hypothesis) are in
`test_hardening_properties.py`.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pygame
import pytest

from game import __version__
from game.cli import main
from game.modes.course.speedrun import categories as cats
from game.modes.course.speedrun.board import ADDED, Board
from game.modes.course.speedrun.files import write_run_file
from game.modes.course.speedrun.solver import solve_run
from game.modes.salon.race import protocol
from game.proofs.core import verify_file
from levels import registry
from levels.base import FORMAT_JOURNAL, Partie, rejouer

ROOT = Path(__file__).resolve().parent.parent
NIVEAUX = registry.par_id()


def deep(n=500):
    value = []
    for _ in range(n):
        value = [value]
    return value


def solved_log(level="l1_devine", seed=1):
    niveau = NIVEAUX[level]
    partie = Partie(niveau, seed, horloge=iter(range(0, 10**7, 1500)).__next__)
    for action in niveau.resoudre(seed):
        assert partie.jouer(action) is None
    return partie.journal()


def log(level_id, actions, seed=1):
    return {"format": FORMAT_JOURNAL, "jeu": "tuto-llm", "niveau": level_id, "graine": seed,
            "actions": actions}  # fmt: skip


# --------------------------------------------------------------- deep nesting, many files


def test_verify_two_files_one_deep_in_an_ignored_field(tmp_path, capsys):
    good = solved_log()
    (tmp_path / "a.json").write_text(json.dumps(good), "utf-8")
    (tmp_path / "b.json").write_text(json.dumps({**good, "ignore": deep()}), "utf-8")
    code = main(["verify", str(tmp_path / "a.json"), str(tmp_path / "b.json")])
    out = capsys.readouterr().out
    assert code == 1
    assert "a.json : VALIDE" in out
    assert "b.json : NON VALIDE" in out and "trop imbriqué" in out
    assert "Traceback" not in out and "Recursion" not in out


def test_club_import_of_a_folder_with_a_deep_file_keeps_the_valid_runs(tmp_path, capsys):
    folder = tmp_path / "cle"
    folder.mkdir()
    category = cats.category("niveau-1")
    run = solve_run(category, 5, registry.niveaux(), 900, runner="Noé").run_file(__version__)
    write_run_file(folder / "noe.json", run)
    (folder / "piege.json").write_text(json.dumps({**run, "x": deep()}), "utf-8")
    results = {Path(r.path).name: r for r in Board().import_folder(folder)}
    assert results["noe.json"].status == ADDED
    assert "trop imbriqué" in results["piege.json"].reason
    assert main(["club", "importer", str(tmp_path / "cle")]) == 1  # the deep one, again
    captured = capsys.readouterr()
    assert "déjà là" in captured.out and "trop imbriqué" in captured.out
    assert "Traceback" not in captured.out + captured.err


def test_homework_check_on_two_cores_never_invents_a_reason(tmp_path):
    import datetime as dt

    from game.modes.devoir.homework import handin
    from game.modes.devoir.homework.check import check_files
    from game.modes.devoir.homework.code import Devoir
    from game.modes.devoir.homework.simulate import play_level

    devoir = Devoir((1,), indices=True, echeance=dt.date(2026, 12, 8), nonce=7, version=(0, 1))
    when = dt.datetime(2026, 12, 7, 18, 0)
    for prenom in ("Ana", "Noé"):
        logs = {"l1_devine": play_level(devoir.code, prenom, 1)}
        if prenom == "Noé":
            logs["l1_devine"]["ignore"] = deep()
        handin.write(tmp_path, handin.build(devoir.code, prenom, logs, when))
    grille = check_files([tmp_path], workers=2)
    ana = next(c for c in grille.copies if c.prenom == "Ana")
    assert ana.valide
    everything = " ".join(" ".join(c.raisons()) for c in grille.copies) + str(grille.illisibles)
    assert "None" not in everything
    # one row per pupil (issue #21): the unreadable file is Noé's row, with the reason
    noe = " ".join(" ".join(c.raisons()) for c in grille.copies if c.prenom == "Noé")
    illisibles = " ".join(reason for _path, reason in grille.illisibles)
    assert "imbriqué" in noe + illisibles or "abîmé" in noe + illisibles


# --------------------------------------------------------------- values no control gives


def level2_with(**changes):
    niveau = NIVEAUX["l2_erreurs"]
    actions = []
    for i, action in enumerate(niveau.resoudre(1), 1):
        if action["type"] == "entrainer":
            action = {**action, **changes}
        actions.append([1000 * i, action])
    return log("l2_erreurs", actions)


@pytest.mark.parametrize(
    "changes",
    [{"vitesse": v} for v in (4.096, 1e-9, 0, -3, "3", True)]
    + [{"etapes": e} for e in (100.5, 0, -100, "10", True)],
)
def test_a_training_value_no_button_gives_refuses_the_journal(changes):
    verdict = rejouer(level2_with(**changes), NIVEAUX)
    assert not verdict.valide
    assert "action n° " in verdict.raison and "aucune commande du jeu" in verdict.raison
    assert next(iter(changes)) in verdict.raison


def test_a_place_just_off_the_grid_refuses_the_journal():
    action = {"type": "deplacer", "lettre": "e", "x": 7.900000001, "y": 5.0}
    verdict = rejouer(log("l3_memoire", [[1000, action]]), NIVEAUX)
    assert not verdict.valide and "action n° 1 " in verdict.raison
    assert "plateau" in verdict.raison


def test_a_time_of_ten_to_the_4000_ms_is_refused_and_never_printed(tmp_path, capsys):
    good = solved_log()
    text = json.dumps(good)
    last = good["actions"][-1][0]
    path = tmp_path / "temps.json"
    path.write_text(text.replace(f"[{last}, ", "[1" + "0" * 4000 + ", "), "utf-8")
    assert main(["verify", str(path)]) == 1
    out = capsys.readouterr().out
    assert "NON VALIDE" in out and "0" * 50 not in out
    huge = {**good, "actions": [*good["actions"][:-1], [10**4000, good["actions"][-1][1]]]}
    verdict = rejouer(huge, NIVEAUX)
    assert not verdict.valide and "temps impossible" in verdict.raison


def test_times_going_backwards_refuse_the_journal():
    good = solved_log()
    actions = [list(a) for a in good["actions"]]
    actions[2][0] = actions[1][0] - 1
    verdict = rejouer({**good, "actions": actions}, NIVEAUX)
    assert not verdict.valide and "action n° 3" in verdict.raison


def test_a_legal_click_in_the_wrong_state_stays_an_ordinary_refusal():
    good = solved_log()
    again = [good["actions"][0][0], {"type": "vider"}]  # the board is already empty
    verdict = rejouer({**good, "actions": [again, *good["actions"]]}, NIVEAUX)
    assert verdict.valide and verdict.actions_refusees == 1


# --------------------------------------------------------------- the club database busy

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def test_a_busy_club_database_is_waited_for_and_never_renamed(tmp_path, capsys, monkeypatch):
    from game.modes.course.speedrun import board as board_mod

    board = Board()
    board.leaderboard("niveau-1")  # creates a healthy database
    board.close()
    monkeypatch.setattr(board_mod, "BUSY_WAIT_S", 0.5)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(board.db_path), "20"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        start = time.monotonic()
        assert main(["club", "classement", "niveau-1"]) == 2
        assert time.monotonic() - start < 5
        err = capsys.readouterr().err
        assert "utilisé par un autre programme" in err
        assert "locked" not in err and "OperationalError" not in err
        assert board.db_path.exists() and not list(board.folder.glob("club.sqlite.abime-*"))
    finally:
        holder.kill()
        holder.wait()
    assert Board().leaderboard("niveau-1") == []  # free again: the same database


def test_only_a_database_sqlite_calls_damaged_is_set_aside(tmp_path):
    board = Board()
    board.leaderboard("niveau-1")
    board.close()
    board.db_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 3000)
    again = Board()
    assert again.leaderboard("niveau-1") == [] and "abîmée" in again.message
    assert list(again.folder.glob("club.sqlite.abime-*"))
    again.close()


# --------------------------------------------------------------- screens and names


@pytest.fixture
def app(app):
    app.profile = app.profiles.create("Lina")
    return app


def test_the_club_board_survives_a_dropped_file_with_invalid_utf8(app, tmp_path):
    name = str(tmp_path / "caf\udce9-\u202e.json")  # what Python makes of b"caf\xe9"
    with open(os.fsencode(tmp_path) + b"/caf\xe9-\xe2\x80\xae.json", "wb") as file:
        file.write(b"{nope")
    app.push("club_board", "niveau-1")
    app.step([], 1 / 60)
    board = app.scenes.top
    app.step([pygame.event.Event(pygame.DROPFILE, file=name)], 1 / 60)
    deadline = time.monotonic() + 30
    while board.importing and time.monotonic() < deadline:
        app.step([], 1 / 60)
        time.sleep(0.01)
    for _ in range(3):
        app.step([], 1 / 60)
    assert app.scenes.top is board and not board.importing
    assert "?" in board.status or "caf" in board.status or board.status
    app.notify(name, "warn")
    app.step([], 1 / 60)
    assert app.scenes.top is board


def test_theme_draws_any_text(app):
    theme = app.theme
    surface = pygame.Surface((400, 200))
    for text in ("caf\udce9", "a\x00b", "\u202eabc", "x" * 20000, b"\xff", None, 3.5):
        theme.draw_text(surface, text, (0, 0, 400, 200))
        theme.render(text)
        theme.wrap(text, 100)
        theme.text_ink(surface, text, (0, 0), "small")


# --------------------------------------------------------------- race, paths, French


def test_race_file_pieces_out_of_range_get_a_french_refusal():
    line = protocol.encode("file", index=5, count=2, data="AAAA")
    with pytest.raises(protocol.ProtocolError) as caught:
        protocol.parse_message(line, protocol.CLIENT_TYPES)
    assert "morceau" in caught.value.reason


def test_one_path_one_message(tmp_path, capsys):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    _journal, verdict = verify_file(tmp_path / "a")
    assert "tourne en rond" in verdict.raison
    assert main(["devoir", "corriger", str(tmp_path / "a")]) == 2
    assert "tourne en rond" in capsys.readouterr().err
    _journal, verdict = verify_file(tmp_path / "nowhere.json")
    assert main(["devoir", "corriger", str(tmp_path / "nowhere")]) == 2
    assert verdict.raison.rstrip(".").lower() in capsys.readouterr().err.lower()


def test_a_busy_database_from_a_real_terminal_shows_no_python_text(tmp_path):
    """Outside pytest nothing catches the log: SQLite's English goes to the log file."""
    import os

    home = tmp_path / "maison"
    env = {**os.environ, "TUTO_LLM_HOME": str(home), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "game", "club", "classement", "niveau-1"]
    assert subprocess.run(command, env=env, capture_output=True, timeout=60).returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(home / "club" / "club.sqlite"), "30"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 2
    assert "utilisé par un autre programme" in done.stderr
    assert "OperationalError" not in done.stderr and "locked" not in done.stderr
    assert "database is locked" in (home / "journaux" / "commandes.log").read_text("utf-8")


# --------------------------------------------------------------- failures and progress


def test_a_failing_helper_ends_the_command_in_french(monkeypatch, capsys):
    from engine import parallele

    def dies(*_args, **_kwargs):
        raise EOFError("Ran out of input")

    monkeypatch.setattr(parallele, "calculer_morceau", dies)
    code = main(["train", "--steps", "3", "--batch", "8", "--workers", "2", "--json"])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert "processus d'aide s'est arrêté" in captured.err
    assert "Ran out of input" not in captured.err and "Traceback" not in captured.err


def test_a_broken_helper_pipe_is_not_a_silent_success(monkeypatch, capsys):
    from game.commands import train

    def broken(_args):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(train, "run", broken)
    assert main(["train", "--steps", "3"]) == 1
    assert "s'est arrêtée" in capsys.readouterr().err


def test_long_checks_show_progress_on_stderr(tmp_path, capsys):
    import datetime as dt

    from game.modes.devoir.homework import handin
    from game.modes.devoir.homework.code import Devoir
    from game.modes.devoir.homework.simulate import play_level

    devoir = Devoir((1,), indices=True, echeance=dt.date(2026, 12, 8), nonce=9, version=(0, 1))
    for prenom in ("Ana", "Noé", "Zoé"):
        logs = {"l1_devine": play_level(devoir.code, prenom, 1)}
        handin.write(tmp_path, handin.build(devoir.code, prenom, logs, dt.datetime(2026, 12, 7)))
    main(["devoir", "corriger", str(tmp_path), "--coeurs", "1"])
    captured = capsys.readouterr()
    assert "journaux rejoués : 3/3" in captured.err and "rejoués" not in captured.out
    folder = tmp_path / "cle"
    folder.mkdir()
    run = solve_run(cats.category("niveau-1"), 5, registry.niveaux(), 900, runner="Noé")
    write_run_file(folder / "noe.json", run.run_file(__version__))
    assert main(["club", "importer", str(folder)]) == 0
    assert "courses vérifiées : 1/1" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pas de FIFO ici")
def test_a_class_list_that_is_a_pipe_is_named_and_never_hangs(tmp_path, capsys):
    os.mkfifo(tmp_path / "classe.csv")
    (tmp_path / "rendus").mkdir()
    start = time.monotonic()
    code = main(
        ["devoir", "corriger", str(tmp_path / "rendus"), "--liste", str(tmp_path / "classe.csv")]
    )
    assert code == 2 and time.monotonic() - start < 5
    assert "tube" in capsys.readouterr().err


def test_a_replay_process_failing_for_one_run_file_refuses_that_file_only(tmp_path, monkeypatch):
    from game.proofs import core as verify
    from levels.base import Verdict

    folder = tmp_path / "cle"
    folder.mkdir()
    for seed, runner in ((5, "Noé"), (6, "Ana")):
        run = solve_run(cats.category("niveau-1"), seed, registry.niveaux(), 900, runner=runner)
        write_run_file(folder / f"{runner}.json", run.run_file(__version__))
    real = verify.verify_files

    def one_fails(names, **kwargs):
        results = list(real(names, processes=1))
        results[0] = (None, Verdict(False, "Vérification impossible : erreur du jeu."))
        return iter(results)

    monkeypatch.setattr(verify, "verify_files", one_fails)
    results = Board().import_folder(folder)
    assert [r.status for r in results] == ["refusée", ADDED]
    assert "erreur du jeu" in results[0].reason


def test_a_budget_refusal_never_quotes_a_huge_number():
    train = {"type": "entrainer", "vitesse": 1, "etapes": 10**4000}
    verdict = rejouer(log("l2_erreurs", [[0, train]]), NIVEAUX)
    assert not verdict.valide and "plus de calcul" in verdict.raison
    assert len(verdict.raison) < 300
