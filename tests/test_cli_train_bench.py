"""`tuto-llm train` and `tuto-llm bench`: JSON contracts and French errors (exit 2)."""

import json
import platform

import pytest

from engine.sauvegarde import charger
from game.cli import main
from game.commands import bench

NOMS = [
    "emma", "lina", "jade", "louise", "mila", "alice", "rose", "anna", "lea", "mia",
    "leo", "louis", "noah", "jules", "adam", "hugo", "arthur", "paul", "nael", "sacha",
    "marius", "maelle", "manon", "mathis", "maxime", "marie", "martin", "margot",
]  # fmt: skip
PETIT = ["--embd", "8", "--heads", "2", "--context", "8"]


@pytest.fixture
def liste(tmp_path):
    chemin = tmp_path / "noms.txt"
    chemin.write_text("\n".join(NOMS) + "\n", encoding="utf-8")
    return str(chemin)


def derniere_ligne_json(sortie):
    return json.loads(sortie.strip().splitlines()[-1])


def test_train_json(liste, capsys):
    code = main(["train", "--dataset", liste, "--steps", "30", "--seed", "3", "--json", *PETIT])
    assert code == 0
    sortie = capsys.readouterr()
    resultat = derniere_ligne_json(sortie.out)
    for cle in (
        "steps",
        "seconds",
        "steps_per_s",
        "train_loss",
        "val_loss",
        "bigram_val_loss",
        "samples",
        "novel_fraction",
    ):
        assert cle in resultat
    assert resultat["steps"] == 30
    assert len(resultat["samples"]) == 20
    assert 0 <= resultat["novel_fraction"] <= 1
    assert resultat["config"]["n_embd"] == 8
    assert resultat["val_words"] == 3 and resultat["train_words"] == 25
    assert "30/30" in sortie.err  # the progress bar
    assert "validation : 0 / 3 mots" in sortie.err  # the last check shows progress too
    assert resultat["python"] == platform.python_version()
    assert resultat["workers"] >= 1 and resultat["cores"] >= 1
    assert resultat["command_seconds"] >= resultat["loop_seconds"] == resultat["seconds"]


def test_train_workers_meme_resultat(liste, capsys):
    """Two processes share each batch: the same model, to the last digit."""
    resultats = []
    for workers in ("1", "2"):
        options = ["--steps", "6", "--batch", "8", "--workers", workers, "--json", *PETIT]
        assert main(["train", "--dataset", liste, *options]) == 0
        resultats.append(derniere_ligne_json(capsys.readouterr().out))
    for resultat in resultats:
        for cle in ("seconds", "loop_seconds", "command_seconds", "steps_per_s", "workers"):
            del resultat[cle]
    assert resultats[0] == resultats[1]


def test_train_meme_graine_meme_resultat(liste, capsys):
    resultats = []
    for _ in range(2):
        main(["train", "--dataset", liste, "--steps", "10", "--batch", "2", "--json", *PETIT])
        resultats.append(derniere_ligne_json(capsys.readouterr().out))
    for resultat in resultats:
        for cle in ("seconds", "loop_seconds", "command_seconds", "steps_per_s"):
            del resultat[cle]
    assert resultats[0] == resultats[1]


def test_train_save_et_resume_francais(liste, tmp_path, capsys):
    modele = tmp_path / "modele.json"
    code = main(
        ["train", "--dataset", liste, "--steps", "5", "--layers", "2", "--lr", "0.02"]
        + ["--temperature", "0", "--save", str(modele), *PETIT]
    )
    assert code == 0
    sortie = capsys.readouterr().out
    assert "Perte sur les 3 mots de validation" in sortie
    assert "Modèle enregistré" in sortie
    relu = charger(modele)
    assert relu.config.n_layer == 2
    assert relu.infos["train"]["steps"] == 5


def ecrire(tmp_path, contenu, nom="liste.txt"):
    chemin = tmp_path / nom
    if isinstance(contenu, bytes):
        chemin.write_bytes(contenu)
    else:
        chemin.write_text(contenu, encoding="utf-8")
    return str(chemin)


def erreur(capsys, arguments):
    code = main(arguments)
    sortie = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in sortie.err
    message = sortie.err.strip()
    assert message.startswith("tuto-llm : ")
    assert "\n" not in message  # one paragraph
    return message


def test_dataset_inconnu(capsys):
    message = erreur(capsys, ["train", "--dataset", "licornes", "--steps", "2"])
    assert "Je ne trouve pas" in message and "prenoms" in message


def test_fichier_vide(tmp_path, capsys):
    message = erreur(capsys, ["train", "--dataset", ecrire(tmp_path, "\n  \n"), "--steps", "2"])
    assert "vide" in message


def test_fichier_pas_utf8(tmp_path, capsys):
    chemin = ecrire(tmp_path, b"emma\nlina\nz\xe9lie\n")
    message = erreur(capsys, ["train", "--dataset", chemin, "--steps", "2"])
    assert "UTF-8" in message and "ligne 3" in message


def test_caracteres_hors_vocabulaire(tmp_path, capsys):
    chemin = ecrire(tmp_path, "emma\nlina\njean-paul\nr2d2\n")
    message = erreur(capsys, ["train", "--dataset", chemin, "--steps", "2"])
    assert "ligne 3" in message and "ligne 4" in message and "'-'" in message


def test_un_seul_mot(tmp_path, capsys):
    chemin = ecrire(tmp_path, "emma\nEmma\n")
    assert "au moins deux" in erreur(capsys, ["train", "--dataset", chemin, "--steps", "2"])


@pytest.mark.parametrize(
    ("options", "attendu"),
    [
        (["--steps", "0"], "--steps"),
        (["--steps", "-5"], "--steps"),
        (["--steps", "10000000000"], "--steps"),
        (["--steps", "beaucoup"], "nombre entier"),
        (["--batch", "0"], "--batch"),
        (["--lr", "0"], "--lr"),
        (["--lr", "nan"], "--lr"),
        (["--lr", "abc"], "--lr"),
        (["--embd", "10", "--heads", "4"], "têtes"),
        (["--embd", "4", "--heads", "8"], "têtes"),
        (["--embd", "100000"], "--embd"),
        (["--layers", "0"], "--layers"),
        (["--context", "1"], "--context"),
        (["--temperature", "-1"], "--temperature"),
        (["--seed", "-3"], "--seed"),
        (["--workers", "0"], "--workers"),
        (["--workers", "tous"], "--workers"),
    ],
)
def test_tailles_absurdes(liste, capsys, options, attendu):
    assert attendu in erreur(capsys, ["train", "--dataset", liste, *options])


def test_save_dans_un_dossier_absent(liste, tmp_path, capsys):
    chemin = str(tmp_path / "pas-la" / "m.json")
    message = erreur(capsys, ["train", "--dataset", liste, "--steps", "2", "--save", chemin])
    assert "n'existe pas" in message


def test_bench_json(liste, capsys, monkeypatch):
    monkeypatch.setattr(bench, "GRADIENT_WORDS", 1)
    code = main(
        ["bench", "--dataset", liste, "--ref-steps", "2", "--steps", "6", "--json"]
        + ["--workers-steps", "2"]
    )
    assert code == 0
    resultat = derniere_ligne_json(capsys.readouterr().out)
    for cle in ("reference_steps_per_s", "fast_steps_per_s", "ratio", "max_grad_rel_diff"):
        assert resultat[cle] >= 0
    assert resultat["config"] == {
        "n_embd": 16,
        "n_head": 4,
        "n_layer": 1,
        "block_size": 16,
        "vocab_size": 27,
    }
    assert resultat["max_grad_rel_diff"] < 1e-9
    assert resultat["max_loss_diff"] < 1e-9
    assert resultat["python"] == platform.python_version()
    workers = resultat["workers"]
    assert workers["batch"] == 8 and workers["cores"] >= 1
    assert workers["names_per_s_1"] > 0 and workers["names_per_s_all"] > 0
    assert workers["hardware_ratio"] > 0
    assert workers["same_weights"] is True
    alone = resultat["arithmetic_only"]
    assert alone["steps_per_s"] > 0 and alone["ratio"] > 0
    assert alone["dot_products_per_step"] > 100  # microgpt's step: thousands of them
    assert alone["dot_products_ms_per_step"] > 0 and alone["adam_ms_per_step"] > 0


def test_bench_resume_francais(liste, capsys, monkeypatch):
    monkeypatch.setattr(bench, "GRADIENT_WORDS", 1)
    options = ["--ref-steps", "1", "--steps", "3", "--workers-steps", "1"]
    assert main(["bench", "--dataset", liste, *options]) == 0
    assert "fois plus vite" in capsys.readouterr().out


def test_bench_mauvaises_entrees(liste, capsys):
    assert "--ref-steps" in erreur(capsys, ["bench", "--dataset", liste, "--ref-steps", "0"])
    assert "Je ne trouve pas" in erreur(capsys, ["bench", "--dataset", "licornes"])


def test_the_arithmetic_floor_records_without_changing_anything():
    """Writing the dot products down changes no result, and the engine is left as it was."""
    from engine import gpt, marche_arriere, noyau
    from engine.gpt import Config
    from game.commands.bench_floor import recorded_dot_products

    config = Config(n_embd=8, n_head=2, block_size=8, vocab_size=27)
    weights = gpt.init_poids(config, 3)
    names = [[0, 5, 12, 9, 1, 0], [0, 1, 14, 14, 1, 0]]
    before = (marche_arriere.produit, marche_arriere.produit_scalaire, noyau.produit)
    expected = marche_arriere.perte_et_gradients_lot(weights, config, names)
    with recorded_dot_products() as (products, singles):
        assert marche_arriere.perte_et_gradients_lot(weights, config, names) == expected
    assert (marche_arriere.produit, marche_arriere.produit_scalaire, noyau.produit) == before
    assert gpt.produit is noyau.produit
    # every matrix row and every lone pair, once: redoing them gives the same numbers
    assert len(products) > 10 and len(singles) > 10
    assert all(len(noyau.produit(m, x)) == len(m) for m, x in products)
