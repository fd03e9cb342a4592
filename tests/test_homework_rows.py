"""One row per pupil, names that never collide, what the class understood (issue 21)."""

import datetime as dt
import json

import pytest

from game.modes.devoir.homework import handin
from game.modes.devoir.homework.check import check_files
from game.modes.devoir.homework.classlist import parse_class_list
from game.modes.devoir.homework.code import Devoir
from game.modes.devoir.homework.french import day, de, plural, que
from game.modes.devoir.homework.report import csv_text, grid_text, understanding
from game.modes.devoir.homework.seeds import file_name_part, personal_seed
from game.modes.devoir.homework.simulate import play_level

DEVOIR = Devoir((1,), indices=True, nonce=91, version=(0, 1))
CODE = DEVOIR.code
WHEN = dt.datetime(2026, 12, 6, 18, 0)
PUPILS = ("Alice", "Gabriel", "Emma", "Lucas D.", "Lucas M.")


@pytest.fixture(scope="module")
def logs():
    return {p: {"l1_devine": play_level(CODE, p, 1)} for p in PUPILS}


def hand_in(folder, prenom, journaux):
    return handin.write(folder, handin.build(CODE, prenom, journaux, WHEN))


def by_name(grille, prenom):
    return next(c for c in grille.copies if c.prenom == prenom)


CLASS = "NOM;Prénom\nARNAUD;Alice\nBLANC;Gabriel\nCOLIN;Emma\nDURAND;Lucas\nMARTIN;Lucas\n"


def test_renamed_file_names_both_pupils_and_a_cut_file_is_its_pupils_row(tmp_path, logs):
    alice = hand_in(tmp_path, "Alice", logs["Alice"])
    (tmp_path / handin.file_name(CODE, "Gabriel")).write_bytes(alice.read_bytes())
    emma = hand_in(tmp_path, "Emma", logs["Emma"])
    emma.write_bytes(emma.read_bytes()[:300])  # cut on the way (USB key pulled out)
    classe = parse_class_list(CLASS)
    grille = check_files([tmp_path], classe=classe, workers=1)
    assert len(grille.copies) == 5  # one row per pupil of the list, never two Alice
    assert [c.prenom for c in grille.copies].count("Alice") == 1
    gabriel = by_name(grille, "Gabriel")
    assert not gabriel.valide and "devoir d'Alice" in " ".join(gabriel.raisons())
    assert "variante personnelle d'Alice" in " ".join(gabriel.raisons())
    alice_row = by_name(grille, "Alice")
    assert alice_row.valide and "sous le nom de Gabriel" in " ".join(alice_row.raisons())
    emma_row = by_name(grille, "Emma")
    assert emma_row.rendu and not emma_row.valide
    assert "abîmé ou coupé" in " ".join(emma_row.raisons())
    assert "Error" not in " ".join(emma_row.raisons())  # no Python exception text
    lines = csv_text(grille).splitlines()
    assert len(lines) == 1 + 5
    emma_line = next(line for line in lines if ";Emma;" in line)
    assert ";à voir;non;" in emma_line
    text = grid_text(grille)
    assert "1 devoir valide sur 5 élèves" in text and "(s)" not in text


def test_twins_are_told_apart_by_their_initial(tmp_path, logs):
    for prenom in ("Lucas D.", "Lucas M."):
        hand_in(tmp_path, prenom, logs[prenom])
    assert len(list(tmp_path.iterdir())) == 2  # two files, none overwritten
    grille = check_files([tmp_path], classe=parse_class_list(CLASS), workers=1)
    rows = {(c.nom, c.prenom): c for c in grille.copies}
    assert rows[("DURAND", "Lucas")].valide and rows[("MARTIN", "Lucas")].valide
    assert personal_seed(CODE, "Lucas D.", "l1_devine") != personal_seed(
        CODE, "Lucas M.", "l1_devine"
    )


def test_a_twin_without_initial_is_not_given_to_either(tmp_path, logs):
    hand_in(tmp_path, "Lucas", {"l1_devine": play_level(CODE, "Lucas", 1)})
    grille = check_files([tmp_path], classe=parse_class_list(CLASS), workers=1)
    assert len(grille.copies) == 6  # the 5 of the list + the unknown file
    unknown = next(c for c in grille.copies if c.rendu)
    assert "initiale" in " ".join(unknown.raisons())


def test_non_latin_names_get_distinct_readable_files_and_never_overwrite(tmp_path):
    names = ["Аня", "李娜", "آدم", "Νίκος", "Léa D.", "Léa", "Lea"]
    parts = [file_name_part(n) for n in names]
    assert parts[0].startswith("Anya-") and parts[3].startswith("Nikos-")
    assert parts[4] == "Lea-D"
    assert len(set(parts[:5])) == 5 and not any(p.startswith("eleve") for p in parts)
    for name in names:
        handin.write(tmp_path, handin.build(CODE, name, {}, WHEN))
    # « Léa » and « Lea » are one pupil for the game: the second replaces the first
    assert len(list(tmp_path.iterdir())) == 6
    other = handin.build(CODE, "Lea", {}, WHEN)
    other["prenom"] = "Léo"  # another pupil whose file name would be the same
    (tmp_path / handin.file_name(CODE, "Léo")).write_text(json.dumps(other), "utf-8")
    path = handin.write(tmp_path, handin.build(CODE, "Léo", {}, WHEN))
    assert path.exists()


def test_what_the_class_understood_comes_from_the_replayed_log(tmp_path, logs):
    journal = json.loads(json.dumps(logs["Alice"]["l1_devine"]))
    actions = journal["actions"]
    index = next(i for i, (_t, a) in enumerate(actions) if a.get("type") == "repondre")
    time_ms, answer = actions[index]
    wrong = dict(answer, choix=(answer["choix"] + 1) % 3)
    actions[index : index + 1] = [[time_ms, wrong], [time_ms + 2000, answer]]
    del journal["annonce"]  # its figures no longer match: an edited file never counts
    hand_in(tmp_path, "Alice", {"l1_devine": journal})
    hand_in(tmp_path, "Emma", logs["Emma"])
    grille = check_files([tmp_path], workers=1)
    assert by_name(grille, "Alice").cases[1].compris is False
    assert by_name(grille, "Emma").cases[1].compris is True
    ((_niveau, right, answered, missed),) = understanding(grille)
    assert (right, answered) == (1, 2) and missed and "{" not in missed
    assert "compris du premier coup : 1/2" in grid_text(grille)
    head, *lines = csv_text(grille).splitlines()
    column = head.split(";").index("N1 compris du 1er coup")
    assert sorted(line.split(";")[column] for line in lines) == ["non", "oui"]


def test_french_words_and_formula_guard():
    assert plural(1, "niveau") == "1 niveau" and plural(4, "niveau") == "4 niveaux"
    assert de("Alice") == "d'Alice" and que("Alice") == "qu'Alice" and de("Noé") == "de Noé"
    assert de("Yasmine") == "de Yasmine" and de("Yves") == "d'Yves" and de("Hugo") == "d'Hugo"
    assert day(dt.date(2026, 12, 6)) == "6 décembre 2026"
    assert day("2026-12-01") == "1er décembre 2026"
    grille = check_files([], classe=parse_class_list("NOM;Prénom\nDUPONT;Léa\n"), workers=1)
    for start in ("\t", "\r", "=", "-"):
        grille.copies[0].nom = start + "=1+1"
        text = csv_text(grille)
        assert text.count("=1+1") == 1 and f"'{start}=1+1" in text


def test_simuler_json_counts_rows_traps_and_realistic_lists(capsys):
    from game.cli import main

    code = main(["devoir", "simuler", "--eleves", "6", "--niveaux", "1", "--json"])
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0
    for key in ("eleves", "valides", "honnetes_valides", "honnetes", "cores", "code"):
        assert key in summary
    assert summary["lignes_rapport"] == summary["eleves"] + summary["inconnus"] == 7
    pieges = summary["pieges"]
    assert set(pieges) >= {"copie", "modifie", "renomme", "homonymes"}
    assert "NON" not in json.dumps(pieges, ensure_ascii=False)
    victim, source = pieges["renomme"].split(" | ")
    assert "copie renommée" in victim and "valide" in source
    assert pieges["homonymes"].count("valide") == 2
    assert summary["honnetes_valides"] == summary["honnetes"]
    assert len(summary["listes"]) == 5
    assert all(x["eleves_lus"] == x["attendus"] and x["identiques"] for x in summary["listes"])


def test_simulated_class_lists_read_back_whole():
    import random

    from game.modes.devoir.homework.simulate import class_list_text, class_of

    for count in (6, 30, 60, 200):
        pupils = class_of(random.Random(count), count)
        classe = parse_class_list(class_list_text(pupils))
        assert len(classe.eleves) == count and not classe.refus


def test_python_exception_text_never_reaches_the_teacher():
    from game.modes.devoir.homework.french import teacher_text

    raw = "Le niveau a rencontré une erreur en rejouant l'action n° 3 (KeyError : 'x')."
    text = teacher_text(raw)
    assert "KeyError" not in text and text.startswith("Le niveau a rencontré une erreur")
    assert teacher_text("Objectif pas atteint.") == "Objectif pas atteint."
