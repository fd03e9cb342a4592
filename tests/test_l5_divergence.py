"""Issue 22, outcome 5: one divergence detector, used by `tuto-llm train`, level 5 and the
sandbox — a loss above the random guess (ln of the vocabulary size) or a loss climbing
back is « l'entraînement a explosé », said in French with what to change."""

import json
import math

from test_cli_train_bench import NOMS, PETIT

from engine.entrainement import (
    DEBUT_DIVERGENCE,
    FENETRE_DIVERGENCE,
    diagnostic_divergence,
    phrase_divergence,
)
from game.cli import main

HASARD = math.log(27)


def test_une_perte_qui_descend_n_a_pas_explose():
    pertes = [3.3 - 0.01 * i for i in range(100)]
    assert diagnostic_divergence(pertes, 27, perte_val=2.5) is None


def test_les_premiers_pas_ne_comptent_pas():
    pertes = [9.0] * (DEBUT_DIVERGENCE - 1)
    assert diagnostic_divergence(pertes, 27) is None


def test_au_dessus_du_hasard_apres_les_premiers_pas():
    pertes = [3.0] * 30 + [5.0] * FENETRE_DIVERGENCE
    verdict = diagnostic_divergence(pertes, 27)
    assert verdict["raison"] == "hasard" and verdict["perte"] > HASARD
    assert abs(verdict["hasard"] - HASARD) < 1e-12


def test_une_perte_qui_remonte():
    pertes = [3.0 - 0.02 * i for i in range(60)] + [3.2] * FENETRE_DIVERGENCE
    assert diagnostic_divergence(pertes, 27)["raison"] == "montee"


def test_une_perte_infinie_a_tout_moment():
    assert diagnostic_divergence([3.0, math.inf], 27)["raison"] == "infini"


def test_la_validation_au_dessus_du_hasard():
    pertes = [3.0] * DEBUT_DIVERGENCE
    verdict = diagnostic_divergence(pertes, 27, perte_val=7.43)
    assert verdict["raison"] == "validation"
    phrase = phrase_divergence(verdict)
    assert "explosé" in phrase and "7,43" in phrase and "3,30" in phrase
    assert "vitesse plus petite" in phrase


def test_train_qui_explose_le_dit_en_francais(tmp_path, capsys):
    """`train --lr 0.2` used to end with a validation loss far above the random guess,
    exit 0 and no word: now a French warning, exit code 3, and a JSON field."""
    chemin = tmp_path / "noms.txt"
    chemin.write_text("\n".join(NOMS) + "\n", encoding="utf-8")
    args = ["train", "--dataset", str(chemin), "--steps", "30", "--seed", "3", *PETIT]
    code = main([*args, "--lr", "0.5", "--json"])
    sortie = capsys.readouterr()
    assert code == 3
    resultat = json.loads(sortie.out.strip().splitlines()[-1])
    assert resultat["diverged"]["raison"] in {"hasard", "montee", "validation", "infini"}
    assert "explosé" in sortie.err and "--lr" in sortie.err
    assert "Traceback" not in sortie.err
    code = main([*args, "--lr", "0.01", "--json"])
    sortie = capsys.readouterr()
    assert code == 0
    assert json.loads(sortie.out.strip().splitlines()[-1])["diverged"] is None
