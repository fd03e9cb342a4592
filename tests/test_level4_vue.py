"""Niveau 4 : ce que l'écran dessine vient du même état que le but (issue 19, point 5)."""

from test_level4 import _app, _hote

from levels.l4_attention import logic
from levels.l4_attention.logic import NIVEAU


def test_les_chiffres_dessines_sont_ceux_du_but():
    app = _app()
    try:
        hote = _hote(app, "levels.l4_attention.logic", 4, "l4_attention")
        hote.skip_intro()
        vue = hote.view
        reglages = [a for a in NIVEAU.resoudre(3) if a["type"] == "regler"]
        barres = []
        for i, action in enumerate(reglages):
            assert hote.partie.jouer(action) is None
            vue.choisir_enigme(action["enigme"])
            vue.choisir_tete(action["tete"])
            app.step(dt=1 / 60)
            etat = hote.partie.etat
            chiffres, tableau = vue.chiffres(), NIVEAU.tableau(etat)
            mesures = NIVEAU.mesures(etat)
            assert chiffres["tetes"] == tableau
            for enigme, score in zip(etat.enigmes, chiffres["onglets"], strict=True):
                assert score == mesures[f"enigme_{enigme.id}"]
            assert min(chiffres["onglets"]) == mesures["reussite"]
            assert chiffres["crans"] == (mesures["crans_au_but"] or mesures["crans"])
            assert hote.progress == NIVEAU.progression(etat)
            assert hote.done == NIVEAU.est_termine(etat) == (i == len(reglages) - 1)
            if logic.TETES[vue.enigme] > 1:
                for h, bouton in enumerate(vue.boutons_tetes):
                    assert vue.pourcent(tableau[vue.enigme][h]) in bouton.label
            barres.append(hote.progress)
        assert barres[-1] == 1.0 and max(barres[:-1]) < 1.0
        assert len(set(barres)) > len(barres) // 2  # la barre bouge quand l'enfant avance
        assert app.crashes == 0
    finally:
        app.close()


def test_la_barre_n_est_pleine_qu_avec_toutes_les_tetes():
    etat = NIVEAU.nouvel_etat(8)
    actions = [a for a in NIVEAU.resoudre(8) if a["type"] == "regler"]
    for action in actions:
        if (action["enigme"], action["tete"]) != (3, 1):
            NIVEAU.appliquer(etat, action)
    assert NIVEAU.mesures(etat)["tetes_reussies"] == 4
    assert 0.5 < NIVEAU.progression(etat) < 1.0
    assert not NIVEAU.est_termine(etat)
