"""`tuto-llm solve` and `tuto-llm verify`: logs written, replayed, judged in French."""

import json

import pytest

from game.cli import main


@pytest.fixture(scope="module")
def journal_niveau1(tmp_path_factory):
    chemin = tmp_path_factory.mktemp("solve") / "niveau1.json"
    assert main(["solve", "1", "--out", str(chemin), "--seed", "3"]) == 0
    return chemin


def test_solve_ecrit_un_journal_qui_se_verifie(journal_niveau1, capsys):
    journal = json.loads(journal_niveau1.read_text(encoding="utf-8"))
    assert journal["niveau"] == "l1_devine" and journal["graine"] == 3
    temps = [t for t, _ in journal["actions"]]
    assert temps == sorted(temps) and temps[0] > 0
    assert main(["verify", str(journal_niveau1)]) == 0
    sortie = capsys.readouterr().out
    assert "VALIDE" in sortie and "NON VALIDE" not in sortie
    assert "★★★" in sortie and "Devine la suite" in sortie


def test_solve_est_reproductible(journal_niveau1, tmp_path):
    autre = tmp_path / "encore.json"
    assert main(["solve", "1", "-o", str(autre), "--seed", "3"]) == 0
    assert autre.read_text(encoding="utf-8") == journal_niveau1.read_text(encoding="utf-8")


def test_verify_ne_croit_pas_le_fichier(journal_niveau1, tmp_path, capsys):
    journal = json.loads(journal_niveau1.read_text(encoding="utf-8"))
    journal["actions"] = journal["actions"][:3]  # stops before the goal, claims stay
    triche = tmp_path / "triche.json"
    triche.write_text(json.dumps(journal), encoding="utf-8")
    assert main(["verify", str(triche)]) == 1
    sortie = capsys.readouterr().out
    assert "NON VALIDE" in sortie
    assert "annonce" in sortie  # the false claim is pointed out


@pytest.mark.parametrize(
    ("contenu", "morceau"),
    [
        (None, "introuvable"),
        (b"\xff\xfe\x00bin", "UTF-8"),
        (b"pas du json", "JSON"),
        (b"[1, 2", "JSON"),
        (b"[]", "journal"),
        (b'{"format": 3, "niveau": "l1_devine", "graine": 1}', "actions"),
        (b'{"format": 3, "niveau": "l9", "graine": 1, "actions": []}', "inconnu"),
        (b'{"format": 3, "niveau": "l1_devine", "graine": 1, "actions": [[0, 5]]}', "mal écrite"),
        (b"[" * 100000 + b"]" * 100000, "JSON"),
    ],
)
def test_verify_fichiers_abimes(tmp_path, capsys, contenu, morceau):
    chemin = tmp_path / "abime.json"
    if contenu is not None:
        chemin.write_bytes(contenu)
    assert main(["verify", str(chemin)]) == 1
    capture = capsys.readouterr()
    assert "NON VALIDE" in capture.out and morceau in capture.out
    assert "Traceback" not in capture.out + capture.err


def test_verify_un_dossier_et_plusieurs_fichiers(journal_niveau1, tmp_path, capsys):
    assert main(["verify", str(journal_niveau1), str(tmp_path)]) == 1
    sortie = capsys.readouterr().out
    assert "dossier" in sortie and "1 journal(aux) valide(s) sur 2" in sortie


def test_verify_json(journal_niveau1, tmp_path, capsys):
    abime = tmp_path / "x.json"
    abime.write_text("{}", encoding="utf-8")
    assert main(["verify", "--json", str(journal_niveau1), str(abime)]) == 1
    resultats = json.loads(capsys.readouterr().out)
    assert [r["valide"] for r in resultats] == [True, False]
    assert resultats[0]["etoiles"] == [True, True, True]
    assert resultats[0]["mesures"]["perte"] <= 2.85


def test_solve_erreurs_utilisateur(tmp_path, capsys):
    assert main(["solve", "42", "--out", str(tmp_path / "x.json")]) == 2
    assert "pas de niveau 42" in capsys.readouterr().err
    assert main(["solve", "1", "--out", str(tmp_path)]) == 2
    assert "dossier" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:  # argparse: usage + the French reason
        main(["solve", "1", "--out", str(tmp_path / "x.json"), "--seed", "-1"])
    assert stop.value.code == 2
    assert "entre 0 et 2^63" in capsys.readouterr().err
    assert main(["solve", "1", "--out", str(tmp_path / "nulle" / "part" / "x.json")]) == 2
    assert "écrire" in capsys.readouterr().err


@pytest.mark.parametrize("coeurs", [1, 3])
def test_verify_plusieurs_fichiers_en_parallele_dans_l_ordre(
    journal_niveau1, tmp_path, capsys, monkeypatch, coeurs
):
    """One file per core: the report lists the files in the order given, whatever the cores."""
    from engine import parallele

    monkeypatch.setattr(parallele, "coeurs", lambda: coeurs)
    abime = tmp_path / "abime.json"
    abime.write_text("{", encoding="utf-8")
    fichiers = [str(journal_niveau1), str(abime), str(journal_niveau1), str(tmp_path / "absent")]
    assert main(["verify", "--json", *fichiers]) == 1
    resultats = json.loads(capsys.readouterr().out)
    assert [r["fichier"] for r in resultats] == fichiers
    assert [r["valide"] for r in resultats] == [True, False, True, False]
    assert resultats[0] == resultats[2]


def test_verify_never_forks_a_process_that_has_other_threads(journal_niveau1, capsys, monkeypatch):
    """Forking while another thread holds a lock can freeze the copy: fresh Pythons then."""
    import concurrent.futures
    import threading

    from engine import parallele

    monkeypatch.setattr(parallele, "coeurs", lambda: 2)
    methods = []
    real_pool = concurrent.futures.ProcessPoolExecutor

    def recording_pool(*args, mp_context=None, **kwargs):
        methods.append(mp_context.get_start_method())
        return real_pool(*args, mp_context=mp_context, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", recording_pool)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert main(["verify", str(journal_niveau1), str(journal_niveau1)]) == 0
    finally:
        stop.set()
        other.join()
    assert methods == ["spawn"]


def test_threads_a_c_library_started_also_prevent_a_fork(monkeypatch):
    """SDL starts threads `threading` does not count (Python 3.12+ warned about a fork in the
    whole-game test): the system's own count decides."""
    import os

    from game.proofs import core

    if not os.path.isdir("/proc/self/task"):
        return
    monkeypatch.setattr(os, "listdir", lambda path: ["1", "2"])
    assert not core._single_threaded()
