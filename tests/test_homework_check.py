"""The teacher's check of a class: every trap flagged with its reason, honest work valid."""

import datetime as dt
import json

import pytest

from game.cli import main
from game.modes.devoir.homework import handin
from game.modes.devoir.homework.check import check_files
from game.modes.devoir.homework.classlist import parse_class_list
from game.modes.devoir.homework.code import Devoir
from game.modes.devoir.homework.report import csv_text, understanding
from game.modes.devoir.homework.simulate import play_level

DEVOIR = Devoir((1, 2), indices=True, echeance=dt.date(2026, 12, 8), nonce=77, version=(0, 1))
CODE = DEVOIR.code
ON_TIME = dt.datetime(2026, 12, 7, 18, 0)


@pytest.fixture(scope="module")
def logs():
    return {
        p: {"l1_devine": play_level(CODE, p, 1), "l2_erreurs": play_level(CODE, p, 2)}
        for p in ("Chloé", "Noé", "Zoé")
    }


def hand_in(folder, prenom, journaux, quand=ON_TIME, code=CODE):
    return handin.write(folder, handin.build(code, prenom, journaux, quand))


def row(grille, prenom):
    return next(c for c in grille.copies if c.prenom == prenom)


def test_honest_class_is_valid_and_copy_is_caught(tmp_path, logs):
    for prenom in ("Chloé", "Noé"):
        hand_in(tmp_path, prenom, logs[prenom])
    hand_in(tmp_path, "Zoé", logs["Chloé"])  # Chloé's work under Zoé's name (checksum redone)
    grille = check_files([tmp_path], workers=1)
    assert row(grille, "Chloé").valide and row(grille, "Noé").valide
    zoe = row(grille, "Zoé")
    assert not zoe.valide
    assert "variante personnelle de Chloé" in " ".join(zoe.raisons())
    assert "mêmes actions" in " ".join(row(grille, "Chloé").raisons())  # a flag only
    assert grille.code == CODE and grille.devoir == DEVOIR


def test_a_copied_file_never_counts_as_understood(tmp_path, logs):
    hand_in(tmp_path, "Chloé", logs["Chloé"])
    hand_in(tmp_path, "Zoé", logs["Chloé"])  # Chloé's answers under Zoé's name
    grille = check_files([tmp_path], workers=1)
    assert row(grille, "Chloé").cases[1].compris is True
    assert all(case.compris is None for case in row(grille, "Zoé").cases.values())
    for _niveau, right, answered, _missed in understanding(grille):
        assert (right, answered) == (1, 1)  # Chloé only, in the grid's head and the report
    zoe_line = next(line for line in csv_text(grille).splitlines() if ";Zoé;" in line)
    assert ";oui;" not in zoe_line.split("Zoé", 1)[1]


def test_edited_figure_is_caught_with_or_without_a_new_checksum(tmp_path, logs):
    journaux = json.loads(json.dumps(logs["Noé"]))
    journaux["l2_erreurs"]["annonce"]["mesures"]["perte_a_la_main"] = 0.5
    data = handin.build(CODE, "Noé", journaux, ON_TIME)
    handin.write(tmp_path, data)
    reasons = " ".join(row(check_files([tmp_path], workers=1), "Noé").raisons())
    assert "chiffre modifié" in reasons and "perte_a_la_main = 0,5" in reasons
    path = tmp_path / handin.file_name(CODE, "Noé")
    path.write_text(path.read_text("utf-8").replace('"perte": 2.', '"perte": 1.'), "utf-8")
    reasons = " ".join(row(check_files([tmp_path], workers=1), "Noé").raisons())
    assert "somme de contrôle est fausse" in reasons


def test_swapped_level_late_forbidden_hints_and_missing_level(tmp_path, logs):
    strict = Devoir((1, 2), indices=False, echeance=dt.date(2026, 12, 8), nonce=5, version=(0, 1))
    swapped = {"l1_devine": logs["Chloé"]["l2_erreurs"], "l2_erreurs": logs["Chloé"]["l1_devine"]}
    hand_in(tmp_path, "Chloé", swapped)
    hand_in(tmp_path, "Noé", {"l1_devine": logs["Noé"]["l1_devine"]}, dt.datetime(2026, 12, 9))
    grille = check_files([tmp_path], code=CODE, workers=1)
    chloe, noe = row(grille, "Chloé"), row(grille, "Noé")
    assert "celle d'un autre niveau" in " ".join(chloe.raisons())
    assert noe.en_retard and "rendu en retard, le 9 décembre 2026" in " ".join(noe.raisons())
    assert "niveau 2 : pas fait" in " ".join(noe.raisons())
    assert noe.cases[1].fait and not noe.cases[2].fait
    hinted = json.loads(json.dumps(logs["Zoé"]))
    hinted["l1_devine"]["actions"].insert(0, [0, {"type": "indice", "numero": 1}])
    hand_in(tmp_path, "Zoé", hinted, code=strict.code)
    from game.modes.devoir.homework.seeds import personal_seed

    for key, log in hinted.items():
        log["graine"] = personal_seed(strict.code, "Zoé", key)
    hand_in(tmp_path, "Zoé", hinted, code=strict.code)
    zoe = row(check_files([tmp_path / handin.file_name(strict.code, "Zoé")], workers=1), "Zoé")
    assert "interdit" in " ".join(zoe.raisons())


def test_other_homework_truncated_and_foreign_files_do_not_stop_the_class(tmp_path, logs):
    hand_in(tmp_path, "Chloé", logs["Chloé"])
    hand_in(tmp_path, "Noé", logs["Noé"])
    other = Devoir((1, 2), nonce=9, version=(0, 1)).code
    hand_in(tmp_path, "Zoé", logs["Zoé"], code=other)
    cut = tmp_path / "devoir-X-Max.tuto"
    cut.write_text(hand_in(tmp_path / "x", "Max", logs["Noé"]).read_text("utf-8")[:300], "utf-8")
    (tmp_path / "devoir-Y-Ines.tuto").write_bytes(b"\x00\xff" * 50)
    grille = check_files([tmp_path], workers=1)
    reasons = {path.rsplit("/", 1)[-1]: why for path, why in grille.illisibles}
    assert "autre devoir" in reasons[handin.file_name(other, "Zoé")]
    assert "abîmé ou coupé" in reasons["devoir-X-Max.tuto"]
    assert "pas un fichier texte" in reasons["devoir-Y-Ines.tuto"]
    assert grille.valides == 2


def test_class_list_gives_absent_pupils_and_csv_for_french_excel(tmp_path, logs):
    hand_in(tmp_path, "Chloé", logs["Chloé"])
    classe = parse_class_list("NOM;Prénom\nDURAND;Chloé\nMARTIN;Noé\n")
    grille = check_files([tmp_path], classe=classe, workers=1)
    assert [(c.nom, c.valide) for c in grille.copies] == [("DURAND", True), ("MARTIN", False)]
    assert "rien rendu" in row(grille, "Noé").raisons()
    lines = csv_text(grille).splitlines()
    assert lines[0].startswith("Nom;Prénom;Fichier rendu;Bilan;N1 fait;N1 étoiles;")
    assert len(lines) == 1 + 2  # the header, then one line per pupil
    assert lines[1].startswith("DURAND;Chloé;devoir-") and ";valide;oui;3;oui;" in lines[1]
    head = lines[0].split(";")
    figure = lines[1].split(";")[head.index("N2 objectif (recalculé)")]
    assert "," in figure and "." not in figure  # decimal comma
    assert lines[2].startswith("MARTIN;Noé;;rien rendu;non;")


def test_cli_creer_and_corriger(tmp_path, logs, capsys):
    assert (
        main(
            [
                "devoir",
                "creer",
                "--niveaux",
                "1-2",
                "--pour",
                "08/12/2026",
                "--classe",
                "5e B",
                "--dossier",
                str(tmp_path / "feuilles"),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    code = out.split("Code du devoir : ")[1].split()[0]
    assert (tmp_path / "feuilles" / f"feuille-{code}.html").read_text("utf-8").count(code) >= 2
    rendus = tmp_path / "rendus"
    hand_in(rendus, "Chloé", logs["Chloé"])
    report = tmp_path / "rapport.csv"
    assert main(["devoir", "corriger", str(rendus), "--csv", str(report)]) == 0
    assert report.read_bytes().startswith(b"\xef\xbb\xbfNom;")
    (rendus / "devoir-abime.tuto").write_text("{", "utf-8")
    assert main(["devoir", "corriger", str(rendus)]) == 1
    assert "abîmé ou coupé" in capsys.readouterr().out
    assert main(["devoir", "corriger", str(rendus), "--code", "AAAA"]) == 2
    assert main(["devoir", "creer", "--niveaux", "9"]) == 2
    assert "Niveau inconnu : 9." in capsys.readouterr().err


def test_more_stars_announced_than_earned_is_an_edit(tmp_path, logs):
    journaux = json.loads(json.dumps(logs["Zoé"]))
    annonce = journaux["l2_erreurs"]["annonce"]
    annonce["mesures"]["perte"] *= 1 + 1e-5  # a hair apart: another computer, not an edit
    hand_in(tmp_path, "Zoé", journaux)
    reasons = " ".join(row(check_files([tmp_path], workers=1), "Zoé").raisons())
    assert "modifié" not in reasons
    log = journaux["l1_devine"]  # the understanding answer taken out, 3 stars still announced
    log["actions"] = [a for a in log["actions"] if a[1]["type"] != "repondre"]
    annonce = log["annonce"]
    annonce["mesures"].pop("actions", None)
    hand_in(tmp_path, "Zoé", journaux)
    reasons = " ".join(row(check_files([tmp_path], workers=1), "Zoé").raisons())
    assert "étoiles modifiées : le fichier en annonce 3, le rejeu en trouve 2" in reasons
