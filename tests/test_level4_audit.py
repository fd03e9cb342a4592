"""Niveau 4 : les chiffres des issues 19 et 24, mesurés par l'audit sur des graines.

- le joueur des indices 1 et 2 gagne (≥ 90 %), celui qui recopie l'indice 3 non (≤ 5 %) ;
- les actions du solveur d'une graine A, rejouées sur la graine B = A + 1, ne gagnent pas
  (≤ 5 %) : chaque partie a ses énigmes ;
- le joueur au hasard ne gagne pas (≤ 5 %) ;
- la prédiction dépend de la partie (≥ 30 % des graines : la bonne réponse diffère entre
  l'état d'un joueur au hasard et celui du solveur), chaque choix est parfois juste, et la
  bonne réponse est la plus longue / la plus courte entre 20 et 50 % du temps.

Sur plus de graines : `tuto-llm audit --niveau 4 --seeds 100`.
"""

from game.commands import audit
from levels.l4_attention.logic import NIVEAU

GRAINES_TEST = 30


def test_les_chiffres_du_niveau_4():
    resultats = [audit.audit_seed(NIVEAU.id, g, g + 1) for g in range(GRAINES_TEST)]
    chiffres = audit.summarise(NIVEAU, resultats)
    questions = chiffres["questions"]
    assert chiffres["hints12_win_rate"] >= 0.9, chiffres
    assert chiffres["copy_hint3_win_rate"] <= 0.05, chiffres
    assert chiffres["cross_seed_copy_win_rate"] <= 0.05, chiffres
    assert chiffres["random_win_rate"] <= 0.05, chiffres
    assert NIVEAU.predictions, chiffres
    for question in NIVEAU.predictions:
        assert questions["run_dependent_rate"][question] >= 0.3, chiffres
    assert questions["never_right_choices"] == 0, chiffres
    assert 0.2 <= questions["longest_answer_rate"] <= 0.5, chiffres
    assert 0.2 <= questions["shortest_answer_rate"] <= 0.5, chiffres
