"""Level 2: runs that must NOT earn each star, and what the screen draws against the state."""

from test_levels_base import (
    cliquer,
    etat_avec_une_mauvaise_reponse,
    ouvrir_niveau,
    verifier_indices_et_decouverte_remplis,
)

from levels.l2_erreurs import joueurs
from levels.l2_erreurs.logic import NIVEAU


def _contresens(etat):
    """The push against the arrow on the furthest ball: the loss goes up."""
    bonne = joueurs.poussee_des_indices(etat)
    return {**bonne, "sens": -bonne["sens"]}


def test_pas_de_but_en_poussant_a_contresens():
    etat = NIVEAU.nouvel_etat(4)
    for _ in range(30):
        NIVEAU.appliquer(etat, _contresens(etat))
    assert NIVEAU.etoiles(etat) == [False, False, False]


def test_pas_d_etoile_precis_avec_une_seule_poussee_a_contresens_avant_le_but():
    etat = NIVEAU.nouvel_etat(7)
    NIVEAU.appliquer(etat, _contresens(etat))
    assert etat.ratees == 1
    while not NIVEAU.est_termine(etat):
        NIVEAU.appliquer(etat, NIVEAU.joueur_indices(etat))
    assert NIVEAU.etoiles(etat)[:2] == [True, False]


def test_pas_d_etoile_des_questions_avec_une_mauvaise_reponse():
    etat = etat_avec_une_mauvaise_reponse(NIVEAU, 1)
    assert NIVEAU.etoiles(etat) == [True, True, False]


def test_les_questions_dependent_des_poids_de_l_enfant():
    """The speed and slope questions start from the kid's weights, not the seed's: the
    same seed gives other right answers at the start and at the goal."""
    change = {"predire_vitesse": 0, "predire_pente": 0}
    for graine in range(12):
        etat = NIVEAU.nouvel_etat(graine)
        avant = {q: NIVEAU.calculer_question(etat, q)["bonne"] for q in change}
        while not NIVEAU.est_termine(etat):
            NIVEAU.appliquer(etat, NIVEAU.joueur_indices(etat))
        for q in change:
            change[q] += NIVEAU.calculer_question(etat, q)["bonne"] != avant[q]
    assert min(change.values()) >= 4, change


def test_l_ecran_dessine_l_etat():
    """Headless: the counters under the loss are `mesures`, « Recommencer » keeps them, the
    goal bar is the engine's progress, and the floor is said once every ball is in."""
    app, host = ouvrir_niveau("l2_erreurs", graine=2)
    try:
        vue, etat = host.view, host.partie.etat
        k = 0
        mauvais = vue.pushers[2 * k + (1 if etat.gradient[k] > 0 else 0)]  # against the arrow
        for _ in range(3):
            cliquer(app, mauvais.rect.center)
        assert etat.ratees == 3
        cliquer(app, vue.restart.rect.center)
        assert etat.poids == etat.depart
        m = NIVEAU.mesures(etat)
        assert (m["poussees"], m["poussees_ratees"], m["coups"]) == (3, 3, 3)
        assert vue.texte_compteurs() == vue.t("vue.coups", n=3, ratees=3, coups=3)
        for _ in range(60):
            if host.done:
                break
            action = NIVEAU.joueur_indices(etat)
            cliquer(
                app, vue.pushers[2 * action["poids"] + (1 if action["sens"] > 0 else 0)].rect.center
            )
            assert host.progress == NIVEAU.progression(etat)
        assert host.done and NIVEAU.etoiles(etat)[1] is False
        m = NIVEAU.mesures(etat)
        assert vue.texte_compteurs() == vue.t(
            "vue.coups", n=m["poussees"], ratees=m["poussees_ratees"], coups=m["coups"]
        )
        assert len(etat.historique) == m["coups"] + 2  # the start, then every move and restart
        assert app.crashes == 0
    finally:
        app.close()


def test_indices_et_decouverte_remplis_dans_les_deux_langues():
    verifier_indices_et_decouverte_remplis(NIVEAU)
