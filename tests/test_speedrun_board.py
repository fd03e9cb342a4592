"""The club board: import (verified, copied), leaderboard with ties broken by costs,
histograms with « toi », CSV for French Excel, a damaged database rebuilt, the CLI."""

import csv
import io
import json

from game import __version__
from game.cli import main
from game.modes.course.speedrun import categories as cats
from game.modes.course.speedrun.board import ADDED, ALREADY, REFUSED, Board
from game.modes.course.speedrun.export import csv_text, write_csv
from game.modes.course.speedrun.files import write_run_file
from game.modes.course.speedrun.solver import solve_run
from levels import registry

CAT = cats.category("niveau-1")


def _write(folder, name, runner, seed, pace):
    run = solve_run(CAT, seed, registry.niveaux(), pace, runner=runner)
    data = run.run_file(__version__)
    write_run_file(folder / name, data)
    return run, data


def _club(tmp_path):
    """Four runners; Ana and Bea tie on game time (different seeds: different action counts)."""
    folder = tmp_path / "cle-usb"
    folder.mkdir()
    runs = {}
    a = solve_run(CAT, 77, registry.niveaux(), 1000)  # to learn the action counts
    b = solve_run(CAT, 1486014015, registry.niveaux(), 1000)
    n77, nb = len(a.logs[0]["actions"]), len(b.logs[0]["actions"])
    assert n77 != nb
    runs["ana"] = _write(folder, "ana.json", "Ana", 1486014015, 60 * n77)
    runs["bea"] = _write(folder, "bea.json", "Bea", 77, 60 * nb)
    runs["cem"] = _write(folder, "cem.json", "Cem", 77, 2000)
    runs["cem2"] = _write(folder, "cem2.json", "cem", 77, 700)  # same runner, better
    runs["dan"] = _write(folder, "dan.json", "Dan", 77, 3000)
    edited = json.loads((folder / "dan.json").read_text("utf-8"))
    edited["coureur"] = "Eve"
    edited["niveaux"][0]["journal"]["actions"] = edited["niveaux"][0]["journal"]["actions"][:3]
    (folder / "eve.json").write_text(json.dumps(edited), "utf-8")
    (folder / "garbage.json").write_bytes(b"\x00\x01 not json")
    return folder, runs


def test_import_rank_ties_histogram_csv(tmp_path):
    folder, runs = _club(tmp_path)
    board = Board()
    results = {r.path.rsplit("/", 1)[-1]: r for r in board.import_folder(folder)}
    assert results["ana.json"].status == ADDED and results["eve.json"].status == REFUSED
    assert "objectif" in results["eve.json"].reason
    assert results["garbage.json"].status == REFUSED
    assert board.import_file(folder / "ana.json").status == ALREADY
    assert board.leaderboard(CAT.id) == []  # the solver played them: ranked apart
    rows = board.leaderboard(CAT.id, human=False)
    assert [r.runner for r in rows][::3] == ["cem", "Dan"]
    assert {rows[1].runner, rows[2].runner} == {"Ana", "Bea"}
    assert rows[1].game_ms == rows[2].game_ms  # the tie, broken by fewer actions
    assert rows[1].costs["actions"] < rows[2].costs["actions"]
    assert rows[0].game_ms == runs["cem2"][0].splits[-1][1]
    assert [s for s, _, _ in board.refused()] == ["eve.json"]
    hist = board.histogram(CAT.id, "l1_devine", "actions", you="Ana")
    ana = next(r for r in rows if r.runner == "Ana")
    assert len(hist.values) == 5 and hist.you == ana.costs["actions"]
    assert sum(n for _, _, n in hist.bins()) == 5
    text = csv_text(board, CAT.id)
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert table[0][0] == "Rang" and "déclaré" in table[0][3] and len(table) == 5
    assert "," in table[1][4] and "." not in table[1][4]  # decimal comma
    write_csv(tmp_path / "club.csv", board, CAT.id)
    assert (tmp_path / "club.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_damaged_database_is_rebuilt_from_stored_runs(tmp_path):
    folder, _ = _club(tmp_path)
    board = Board()
    board.import_folder(folder)
    before = [(r.runner, r.game_ms) for r in board.leaderboard(CAT.id, human=False)]
    board.close()
    board.db_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 3000)
    again = Board()
    assert [(r.runner, r.game_ms) for r in again.leaderboard(CAT.id, human=False)] == before
    assert "abîmée" in again.message
    aside = list(board.folder.glob("club.sqlite.abime-*"))
    assert aside  # kept, never deleted
    again.close()
    (board.folder / "club.sqlite").unlink()
    fresh = Board()  # a lost database: made again from the stored copies at once
    assert [(r.runner, r.game_ms) for r in fresh.leaderboard(CAT.id, human=False)] == before
    assert fresh.rebuild() == 6  # every stored copy, the refused ones too
    assert [(r.runner, r.game_ms) for r in fresh.leaderboard(CAT.id, human=False)] == before
    assert all("solveur" in r.remarks for r in fresh.leaderboard(CAT.id, human=False))


def test_cli_import_and_ranking(tmp_path, capsys):
    folder, _ = _club(tmp_path)
    assert main(["club", "importer", str(folder)]) == 1  # some files are refused
    out = capsys.readouterr().out
    assert "✗" in out and "✔" in out and "Traceback" not in out
    assert main(["club", "classement", CAT.id, "--json", "--csv", str(tmp_path / "c.csv")]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["runner"] for r in rows][::3] == ["cem", "Dan"] and len(rows) == 4
    assert main(["club", "classement", CAT.id, "--graine", "77"]) == 0
    out = capsys.readouterr().out
    assert "Ana" not in out and "Bea" in out
    assert main(["club", "classement", "vite"]) == 2
    assert main(["club", "importer", str(tmp_path / "nowhere")]) == 1


def test_a_copied_run_under_another_name_is_not_ranked(tmp_path):
    """The club board: Noah hands in Lina's run file renamed, times shifted. Both runs
    get « mêmes actions que la course de … » and leave the ranking; Zoé's own run stays."""
    from game.modes.course.speedrun.solver import method_run

    folder = tmp_path / "cle"
    folder.mkdir()
    cat = cats.category("niveau-1")
    lina = method_run(cat, 5, registry.niveaux(), runner="Lina").run_file(__version__)
    write_run_file(folder / "lina.json", lina)
    copy = json.loads(json.dumps(lina))
    copy["coureur"] = "Noah"
    for action in copy["niveaux"][0]["journal"]["actions"][:-1]:
        action[0] -= 7
    write_run_file(folder / "noah.json", copy)
    zoe = method_run(cat, 6, registry.niveaux(), runner="Zoé").run_file(__version__)
    write_run_file(folder / "zoe.json", zoe)
    board = Board()
    board.import_folder(folder, parallel=False)
    assert [r.runner for r in board.leaderboard(cat.id)] == ["Zoé"]
    apart = {r.runner: r.remarks for r in board.leaderboard(cat.id, human=False)}
    assert "course de Noah" in apart["Lina"] and "course de Lina" in apart["Noah"]
