"""Level 1: runs that must NOT earn each star, and what the screen draws against the state."""

import pygame
from test_levels_base import (
    cliquer,
    etat_avec_une_mauvaise_reponse,
    ouvrir_niveau,
    taper,
    touche,
    verifier_indices_et_decouverte_remplis,
)

from levels.l1_devine import joueurs, logic
from levels.l1_devine.logic import NIVEAU


def _nourrir(etat, prenoms):
    for prenom in prenoms:
        NIVEAU.appliquer(etat, {"type": "nourrir", "prenom": prenom})


def _duel(etat, juste):
    NIVEAU.appliquer(etat, {"type": "duel"})
    while not etat.duel.fini and not NIVEAU.est_termine(etat):
        bonne = logic.en_tete(etat.duel.comptes, etat.duel.derniere())
        lettre = bonne if juste else ("z" if bonne != "z" else "y")
        NIVEAU.appliquer(etat, {"type": "deviner", "lettre": lettre})


def test_pas_de_but_en_devinant_autre_chose_que_le_tableau():
    etat = NIVEAU.nouvel_etat(2)
    _nourrir(etat, logic._pioche(2)[: logic.PRENOMS_DUEL])
    _duel(etat, juste=False)
    assert etat.record_duel == 0 and NIVEAU.etoiles(etat) == [False, False, False]


def test_pas_d_etoile_econome_si_la_perte_n_est_jamais_passee_sous_la_barre():
    etat = NIVEAU.nouvel_etat(5)
    _nourrir(etat, logic._pioche(5)[: logic.PRENOMS_DUEL])
    assert etat.perte > logic.SEUIL_PERTE
    _duel(etat, juste=True)
    assert NIVEAU.est_termine(etat)
    assert NIVEAU.etoiles(etat)[:2] == [True, False]


def test_pas_d_etoile_des_questions_avec_une_mauvaise_reponse():
    etat = etat_avec_une_mauvaise_reponse(NIVEAU, 1)
    assert NIVEAU.etoiles(etat) == [True, True, False]


def test_le_score_du_duel_et_la_barre_du_but_sont_le_meme_nombre():
    etat = NIVEAU.nouvel_etat(4)
    _nourrir(etat, logic._pioche(4)[: logic.PRENOMS_DUEL])
    NIVEAU.appliquer(etat, {"type": "duel"})
    for _ in range(5):
        NIVEAU.appliquer(etat, joueurs.coup_du_duel(etat))
    assert etat.duel.toi == 5 == NIVEAU.mesures(etat)["record_duel"]
    assert NIVEAU.progression(etat) == 5 / logic.SEUIL_DUEL


def test_l_indice_3_ne_montre_qu_une_ligne_et_jamais_celle_du_coup_en_cours():
    for graine in range(20):
        etat = NIVEAU.nouvel_etat(graine)
        _nourrir(etat, logic._pioche(graine)[: logic.PRENOMS_DUEL])
        NIVEAU.appliquer(etat, {"type": "duel"})
        valeurs = NIVEAU.valeurs_indices(etat)
        assert valeurs["lettre"] != etat.duel.derniere()
        assert logic.en_tete(etat.duel.comptes, valeurs["lettre"]) == valeurs["suivante"]
        texte = NIVEAU.textes("fr")["indices"][2].format(**valeurs)
        assert "{" not in texte and valeurs["suivante"] in texte


def test_l_ecran_dessine_l_etat():
    """Headless, real events: typed names fold accents (said on screen), the duel's bars are
    the frozen row of the clicked letter (alphabetical, none highlighted, no text over
    them), the score and the goal bar follow the same number."""
    app, host = ouvrir_niveau("l1_devine", graine=3)
    try:
        vue, etat = host.view, host.partie.etat
        dessines = []
        dessiner = vue.theme.draw_text

        def noter(surface, text, *args, **kwargs):
            dessines.append(text)
            return dessiner(surface, text, *args, **kwargs)

        vue.theme.draw_text = noter
        for tape, lu in (("Léa", "lea"), ("Hélène", "helene"), ("François", "francois")):
            cliquer(app, vue.field.rect.center)
            taper(app, tape)
            assert vue.texte_saisie() == vue.t("vue.lira_plie", prenom=lu)
            dessines.clear()
            app.step(dt=1 / 60)
            assert vue.texte_saisie() in dessines  # the note is on screen before giving
            touche(app, pygame.K_RETURN)
            assert etat.prenoms[-1] == lu
        for i in range(logic.PRENOMS_DUEL):
            cliquer(app, vue.card_buttons[i % 2].rect.center)
        assert vue.heatmap.values == etat.comptes
        cliquer(app, vue.tab_buttons["duel"].rect.center)
        duel = etat.duel
        assert duel is not None and not vue.machine_bars.labels
        dessines.clear()
        app.step(dt=1 / 60)
        assert vue.t("vue.duel_machine_vide") in dessines  # empty bars: say what comes there
        derniere = vue.word_boxes[-1]
        cliquer(app, derniere[0].center)
        assert vue.duel_row == duel.derniere()
        ligne = duel.comptes[logic.VOCAB_STANDARD.char_to_id[duel.derniere()]]
        attendu = {
            vue._lettre(c): n for c, n in zip(logic.VOCAB_STANDARD.jetons, ligne, strict=True) if n
        }
        assert vue.barres_du_duel() == attendu and vue.machine_bars.highlight is None
        dessines.clear()
        app.step(dt=1 / 60)
        assert vue.t("vue.duel_machine_vide") not in dessines  # never drawn over the bars
        for _ in range(3):
            lettre = logic.en_tete(duel.comptes, duel.derniere())
            key = pygame.K_PERIOD if lettre == logic.FIN else getattr(pygame, f"K_{lettre}")
            touche(app, key, unicode=lettre)
        dessines.clear()
        app.step(dt=1 / 60)
        assert vue.t("vue.duel_score", toi=duel.toi, coups=duel.coups) in dessines
        assert host.progress == NIVEAU.progression(etat) == duel.toi / logic.SEUIL_DUEL > 0
        assert app.crashes == 0
    finally:
        app.close()


def test_indices_et_decouverte_remplis_dans_les_deux_langues():
    verifier_indices_et_decouverte_remplis(NIVEAU)
