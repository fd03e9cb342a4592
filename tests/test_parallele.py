"""Training on several cores (engine.parallele): the same weights, bit for bit."""

import pytest

from engine import gpt, marche_arriere, parallele
from engine.donnees import formater_training
from engine.entrainement import Entrainement
from engine.vocab import VOCAB_STANDARD

MOTS = [
    "emma", "lina", "jade", "louise", "mila", "alice", "rose", "anna", "lea", "mia",
    "leo", "louis", "noah", "jules", "adam", "hugo", "arthur", "paul", "nael", "sacha",
    "marius", "maelle", "manon", "mathis", "maxime", "marie", "martin", "margot",
]  # fmt: skip
PETITE = gpt.Config(n_embd=8, n_head=2, n_layer=1, block_size=8, vocab_size=27)


def entrainer(travailleurs, batch=12, etapes=6):
    e = Entrainement(MOTS, PETITE, etapes=etapes, batch=batch, graine=5, travailleurs=travailleurs)
    stats = [e.pas() for _ in range(etapes)]
    return e.poids, [s["perte"] for s in stats], e.adam.m


def test_un_deux_trois_travailleurs_memes_poids_au_bit_pres():
    # a batch of 12 names makes 3 pieces: 1, 2 and 3 workers all have work to share
    assert len(parallele.morceaux(list(range(12)))) == 3
    un, deux, trois = entrainer(1), entrainer(2), entrainer(3)
    assert un == deux == trois  # == on floats: the same bits, not just close


def test_un_lot_court_ne_change_rien_au_calcul():
    """A batch of at most MOTS_PAR_MORCEAU names is one piece: the plain batch gradient."""
    poids = gpt.init_poids(PETITE, 1)
    lot = [formater_training(m, VOCAB_STANDARD) for m in MOTS[: parallele.MOTS_PAR_MORCEAU]]
    perte, plat = parallele.perte_et_gradients_repartis(
        marche_arriere.perte_et_gradients_lot, poids, PETITE, lot, travailleurs=2
    )
    attendue, gradients = marche_arriere.perte_et_gradients_lot(poids, PETITE, lot)
    assert perte == attendue
    assert plat == [g for nom in poids for ligne in gradients[nom] for g in ligne]


def test_les_morceaux_font_la_moyenne_du_lot():
    poids = gpt.init_poids(PETITE, 2)
    lot = [formater_training(m, VOCAB_STANDARD) for m in MOTS[:10]]
    perte, plat = parallele.perte_et_gradients_repartis(
        marche_arriere.perte_et_gradients_lot, poids, PETITE, lot, travailleurs=1
    )
    attendue, gradients = marche_arriere.perte_et_gradients_lot(poids, PETITE, lot)
    assert perte == pytest.approx(attendue, rel=1e-12)
    a_plat = [g for nom in poids for ligne in gradients[nom] for g in ligne]
    assert plat == pytest.approx(a_plat, rel=1e-9, abs=1e-15)


def test_une_aide_arretee_ne_change_pas_le_resultat():
    attendu = entrainer(1)
    e = Entrainement(MOTS, PETITE, etapes=6, batch=12, graine=5, travailleurs=3)
    pertes = [e.pas()["perte"] for _ in range(2)]
    for aide in parallele._equipe(2).aides:  # the helpers die between two steps
        aide.processus.kill()
        aide.processus.wait()
    pertes += [e.pas()["perte"] for _ in range(4)]
    assert (e.poids, pertes, e.adam.m) == attendu


def test_travailleurs_par_defaut(monkeypatch):
    monkeypatch.setattr(parallele, "coeurs", lambda: 8)
    assert parallele.travailleurs_par_defaut() == 7  # one core left for the game's frames
    monkeypatch.setattr(parallele, "coeurs", lambda: 1)
    assert parallele.travailleurs_par_defaut() == 1
    parallele.fixer_defaut(3)
    try:
        assert parallele.travailleurs_par_defaut() == 3
    finally:
        parallele.fixer_defaut(None)


def test_sans_python_a_lancer_le_calcul_se_fait_ici(monkeypatch):
    """No helper can start (an odd install): training goes on in one process, same result."""
    attendu = entrainer(1)
    parallele.arreter_les_aides()
    monkeypatch.setattr(parallele.sys, "executable", "/nulle/part/python")
    assert entrainer(3) == attendu


def test_le_plafond_de_la_machine_se_mesure_et_vaut_1_sans_aide():
    poids = gpt.init_poids(PETITE, 3)
    morceau = [formater_training(m, VOCAB_STANDARD) for m in MOTS[:4]]
    calcul = marche_arriere.perte_et_gradients_lot
    assert parallele.plafond_machine(calcul, poids, PETITE, morceau, 2, travailleurs=1) == (
        0.0, 0.0, 1,
    )  # fmt: skip
    seul, ensemble, processus = parallele.plafond_machine(calcul, poids, PETITE, morceau, 2, 2)
    assert processus == 2 and seul > 0 and ensemble > 0


def test_le_plus_long_morceau_reste_ici_et_chacun_recoit_sa_part():
    court, moyen, long_ = [[0, 1, 0]], [[0, 1, 2, 0]], [[0, 1, 2, 3, 4, 5, 0]]
    assert parallele.repartir([court, long_], 2) == [[1], [0]]  # ici : le plus long
    assert parallele.repartir([long_, court], 2) == [[0], [1]]
    repartition = parallele.repartir([court, moyen, long_, court, moyen, long_], 3)
    assert sorted(i for a_faire in repartition for i in a_faire) == list(range(6))
    assert all(a_faire for a_faire in repartition)
