"""The bigram model: counts, probabilities, loss."""

import math

import pytest

from engine import bigramme
from engine.vocab import VOCAB_STANDARD, Vocabulaire


def test_compter_les_paires():
    comptes = bigramme.compter(["ab", "b"])
    a, b = VOCAB_STANDARD.char_to_id["a"], VOCAB_STANDARD.char_to_id["b"]
    assert comptes[0][a] == 1 and comptes[a][b] == 1
    assert comptes[b][0] == 2 and comptes[0][b] == 1
    assert sum(map(sum, comptes)) == 5


@pytest.mark.parametrize("lissage", [0.0, 0.1, 1.0])
def test_chaque_ligne_fait_un(lissage):
    probas = bigramme.probabilites(bigramme.compter(["emma", "lina", "zoe"]), lissage)
    assert len(probas) == 27
    for ligne in probas:  # including the rows never seen (all zero without smoothing)
        assert sum(ligne) == pytest.approx(1.0)
        assert all(p >= 0 for p in ligne)


def test_perte_du_modele_uniforme_vaut_log_27():
    uniforme = bigramme.probabilites(bigramme.tableau_vide(), lissage=1.0)
    assert bigramme.perte_moyenne(uniforme, ["emma", "lina", "zoe"]) == pytest.approx(math.log(27))
    petit = Vocabulaire("ab")
    uniforme = bigramme.probabilites(bigramme.tableau_vide(petit), lissage=1.0)
    assert bigramme.perte_moyenne(uniforme, ["ab"], petit) == pytest.approx(math.log(3))


def test_apprendre_fait_baisser_la_perte():
    mots = ["anna", "hanna", "nana", "ana"]
    probas = bigramme.probabilites(bigramme.compter(mots), lissage=0.1)
    assert bigramme.perte_moyenne(probas, mots) < math.log(27) - 1.5
    assert math.isnan(bigramme.perte_moyenne(probas, []))
    assert bigramme.lettre_suivante_probable(probas, "n", combien=1)[0][0] == "a"
