"""Niveau 4 (l'attention) : vrai calcul du moteur, solveur, rejeu, journaux trafiqués, étoiles."""

import copy
import random
from pathlib import Path

import pytest
from test_levels_base import textes_a_plat

from engine.gpt import attention
from levels.base import ActionRefusee, Partie, normaliser_action, rejouer
from levels.l4_attention import logic
from levels.l4_attention.logic import NIVEAU
from levels.registry import par_id

DOSSIER = Path(logic.__file__).parent


def partie_resolue(graine=7):
    partie = Partie(NIVEAU, graine)
    for action in NIVEAU.resoudre(graine):
        assert partie.jouer(action) is None, partie.dernier_refus
    return partie


def test_le_niveau_est_dans_le_registre():
    assert par_id()[NIVEAU.id] is NIVEAU


def test_depart_loin_du_but():
    etat = NIVEAU.nouvel_etat(0)
    mesures = NIVEAU.mesures(etat)
    assert mesures["reussite"] < 0.5
    assert mesures["tetes_reussies"] == 0  # au départ, tout le monde est écouté pareil
    assert mesures["bonnes_lettres"] < mesures["lettres"] // 3
    assert not NIVEAU.est_termine(etat)
    assert NIVEAU.progression(etat) == 0.0


def test_le_calcul_est_celui_du_gpt():
    """Chaque écoute est exactement engine.gpt.attention sur les clés/valeurs visibles."""
    from engine.vocab import VOCAB_STANDARD

    etat = NIVEAU.nouvel_etat(0)
    etat.reglages[1][0] = {"question": [3, -1], "panneau": [2, 1]}
    ecoute = logic.ecoutes(etat, 1)[2][0]
    ex = etat.enigmes[1].exemples[2]
    mot, place = ex.mot, ex.place
    cles = [logic.cle(mot, j, [2, 1]) for j in range(place + 1)]
    valeurs = [logic.valeur(c) for c in mot[: place + 1]]
    poids, sortie = attention([3.0, -1.0], cles, valeurs)
    assert ecoute.poids == poids
    assert ecoute.proba_cible == pytest.approx(sortie[VOCAB_STANDARD.char_to_id[ex.cibles[0]]])


def test_masque_causal_on_ne_regarde_pas_derriere():
    reglage = {"question": [4, 2], "panneau": [3, 3]}
    poids_a, sortie_a = logic.ecouter("chat", 1, reglage)
    poids_b, sortie_b = logic.ecouter("chou", 1, reglage)  # mêmes élèves devant, autre futur
    assert len(poids_a) == 2
    assert poids_a == poids_b and sortie_a == sortie_b


def test_chaque_enigme_est_reussie_par_le_solveur():
    partie = partie_resolue()
    mesures = NIVEAU.mesures(partie.etat)
    for enigme in partie.etat.enigmes:
        assert mesures[f"enigme_{enigme.id}"] >= 0.95
    assert mesures["bonnes_lettres"] == mesures["lettres"]
    assert mesures["crans"] <= logic.CRANS_MAX_ETOILE


def test_les_reglages_de_l_indice_3_marchent_sur_leur_seule_enigme():
    """L'indice n° 3 travaille UNE énigme : ses réglages la réussissent, pas le niveau."""
    from levels.l4_attention import joueurs

    for graine in range(10):
        etat = NIVEAU.nouvel_etat(graine)
        while (action := NIVEAU.joueur_copie_indice3(etat)) is not None:
            NIVEAU.appliquer(etat, action)
        numero = joueurs.tete_de_l_indice(graine)
        assert NIVEAU.tableau(etat)[numero][0] >= logic.SEUIL_REUSSITE
        assert NIVEAU.mesures(etat)["tetes_reussies"] <= 2
        assert not NIVEAU.est_termine(etat)


def test_journaux_trafiques_juges_sur_ce_qu_ils_atteignent():
    journal = partie_resolue().journal()
    niveaux = par_id()

    modifie = copy.deepcopy(journal)
    for _, action in modifie["actions"]:
        if action["type"] == "regler" and action["enigme"] == 1:
            action["valeur"] = 0 if action["carte"] == "question" else 1
    verdict = rejouer(modifie, niveaux)
    assert not verdict.valide  # l'énigme 2 n'est plus réglée : sous la barre

    mauvaise_valeur = copy.deepcopy(journal)
    mauvaise_valeur["actions"][0][1]["valeur"] = 99
    verdict = rejouer(mauvaise_valeur, niveaux)
    assert not verdict.valide and "aucune commande du jeu" in verdict.raison

    sans_une = copy.deepcopy(journal)
    del sans_une["actions"][2]
    verdict = rejouer(sans_une, niveaux)
    assert verdict.termine == NIVEAU.est_termine(verdict.etat)
    assert verdict.mesures["enigme_2"] < 0.95 or verdict.mesures["enigme_1"] < 0.95

    melange = copy.deepcopy(journal)
    faites = [action for _t, action in melange["actions"]]
    random.Random(3).shuffle(faites)  # reordered actions, times still going forward
    melange["actions"] = [[t, a] for (t, _), a in zip(journal["actions"], faites, strict=True)]
    verdict = rejouer(melange, niveaux)
    assert verdict.valide  # chaque réglage donne une valeur : l'ordre ne change pas le but

    autre_graine = copy.deepcopy(journal)
    autre_graine["graine"] = 12345
    assert not rejouer(autre_graine, niveaux).valide  # chaque partie a ses énigmes

    casse = copy.deepcopy(journal)
    casse["graine"] = "douze"
    verdict = rejouer(casse, niveaux)
    assert not verdict.valide and "graine" in verdict.raison


def test_actions_au_hasard_refusees_proprement():
    rng = random.Random(11)
    valeurs_bizarres = [None, True, -99, 99, 2.5, "3", [], {}, 0, 1, -1, 3, 5, -5]
    for _ in range(400):
        etat = NIVEAU.nouvel_etat(1)
        for _ in range(8):
            action = {
                "type": rng.choice(["regler", "repondre", "entrainer", "", "regler"]),
                "enigme": rng.choice([0, 1, 2, 3, 4, -1, "1", None]),
                "tete": rng.choice([0, 1, 2, None]),
                "carte": rng.choice(["question", "panneau", "tableau", None]),
                "axe": rng.choice(["voyelle", "place", "taille", 0]),
                "valeur": rng.choice(valeurs_bizarres),
                "question": rng.choice(["futur", "autre"]),
                "choix": rng.choice(valeurs_bizarres),
            }
            if rng.random() < 0.3:
                del action[rng.choice(list(action))]
            avant = copy.deepcopy(etat)
            try:
                NIVEAU.appliquer(etat, normaliser_action(action))
            except ActionRefusee as refus:
                assert str(refus)  # un message en français, et rien n'a bougé
                assert etat == avant
        mesures = NIVEAU.mesures(etat)
        assert 0.0 <= mesures["reussite"] <= 1.0


def test_etoile_d_efficacite_perdue_si_trop_de_crans():
    partie = Partie(NIVEAU, 0)
    for _ in range(4):  # on tourne les boutons dans tous les sens avant de trouver
        assert partie.jouer(_regler(0, "panneau", "place", 3)) is None
        assert partie.jouer(_regler(0, "panneau", "place", 1)) is None
    for action in NIVEAU.resoudre(0):
        partie.jouer(action)
    assert partie.termine()
    assert partie.etat.crans > logic.CRANS_MAX_ETOILE
    assert NIVEAU.etoiles(partie.etat) == [True, False, True]
    verdict = rejouer(partie.journal(), par_id())
    assert verdict.valide and verdict.etoiles == [True, False, True]


def test_le_defi_se_lit_au_moment_du_but():
    """Continuer à jouer après la réussite ne fait pas perdre l'étoile d'efficacité."""
    partie = partie_resolue()
    for _ in range(10):
        assert partie.jouer(_regler(0, "panneau", "place", 3)) is None
        assert partie.jouer(_regler(0, "panneau", "place", 1)) is None
    assert partie.etat.crans > logic.CRANS_MAX_ETOILE
    assert NIVEAU.etoiles(partie.etat) == [True, True, True]


def test_etoile_de_comprehension_seulement_a_la_premiere_reponse():
    actions = [a for a in NIVEAU.resoudre(0) if a["type"] == "regler"]
    partie = Partie(NIVEAU, 0)
    assert partie.jouer({"type": "repondre", "question": "futur", "choix": 0}) is not None
    for action in [*actions, {"type": "poser"}]:
        partie.jouer(action)
    for posee in partie.etat.posees:
        faux = (posee["bonne"] + 1) % 3
        assert partie.jouer({"type": "repondre", "question": posee["id"], "choix": faux}) is None
        bon = {"type": "repondre", "question": posee["id"], "choix": posee["bonne"]}
        assert partie.jouer(bon) is None
    assert NIVEAU.etoiles(partie.etat) == [True, True, False]
    bonne = Partie(NIVEAU, 0)
    for action in NIVEAU.resoudre(0):
        bonne.jouer(action)
    assert NIVEAU.etoiles(bonne.etat) == [True, True, True]


def test_regler_la_meme_valeur_est_refuse_et_pas_note():
    partie = Partie(NIVEAU, 0)
    assert partie.jouer(_regler(0, "panneau", "voyelle", 1)) is not None
    assert partie.actions == []


def test_les_indices_sont_notes_sans_rien_changer():
    partie = partie_resolue()
    assert partie.jouer({"type": "indice", "numero": 2}) is None
    verdict = rejouer(partie.journal(), par_id())
    assert verdict.valide and verdict.indices == 1 and verdict.etoiles == [True, True, True]


def test_etat_copiable_et_picklable():
    import pickle

    etat = partie_resolue().etat
    assert pickle.loads(pickle.dumps(etat)) == etat
    assert copy.deepcopy(etat) == etat


def test_textes_fr_en_ont_les_memes_cles():
    fr, en = textes_a_plat(DOSSIER)
    assert set(fr) == set(en)
    for obligatoire in ("titre", "concept", "objectif", "intro.ecrans", "indices", "capot"):
        assert obligatoire in fr
    assert len(fr["indices"]) == 3 and len(fr["etoiles"]) == 3
    for question in NIVEAU.questions:
        assert len(fr[f"questions.{question}.choix"]) == 3 == len(en[f"questions.{question}.choix"])
    for ident, _tetes, _exemples in logic.FORME:
        assert f"enigmes.{ident}_titre" in fr and f"enigmes.{ident}_mission" in fr
    assert "{seuil}" in fr["objectif"] and "{seuil}" in en["objectif"]


def _regler(enigme, carte, axe, valeur, tete=0):
    return {
        "type": "regler",
        "enigme": enigme,
        "tete": tete,
        "carte": carte,
        "axe": axe,
        "valeur": valeur,
    }


# ---------------------------------------------------------------------------
# Jouer au niveau 4 avec de vrais événements pygame, dans le vrai jeu (headless)
# ---------------------------------------------------------------------------


def _app():
    from game.app import App

    app = App(headless=True, runner_mode="slices")
    app.profile = app.profiles.create("Léa", 1, 1)
    return app


def _post(app, *events, frames=1):
    import pygame

    for event in events:
        pygame.event.post(event)
    for _ in range(frames):
        app.step(dt=1 / 60)


def _clic(app, pos):
    import pygame

    pos = (int(pos[0]), int(pos[1]))
    _post(
        app,
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
    )


def _hote(app, module, numero, paquet):
    import importlib

    from game.scenes.level import LevelHost
    from game.scenes.places import Place

    niveau = importlib.import_module(module).NIVEAU
    hote = LevelHost(app, Place(niveau.id, "level", numero, niveau, "open", 0, paquet), seed=3)
    app.scenes.push(hote)
    app.step(dt=1 / 60)
    return hote


def test_jouer_au_niveau_4_avec_la_souris(tmp_path):
    from game.scenes.question import QuestionPanel

    app = _app()
    try:
        hote = _hote(app, "levels.l4_attention.logic", 4, "l4_attention")
        bouton = next(
            w
            for w in hote.container.widgets
            if getattr(w, "label", None) == app.t("scenes.level.intro_skip")
        )
        _clic(app, bouton.rect.center)
        assert not hote.intro
        vue = hote.view
        for action in NIVEAU.resoudre(3):
            if action["type"] != "regler":
                continue
            _clic(app, vue.onglets[action["enigme"]].rect.center)
            if logic.TETES[action["enigme"]] > 1:
                _clic(app, vue.boutons_tetes[action["tete"]].rect.center)
            for carte, axe, _, moins, plus in vue.lignes:
                if (carte, axe) == (action["carte"], action["axe"]):
                    i = logic.AXES.index(axe)
                    while vue.reglage()[carte][i] != action["valeur"]:
                        sens = plus if vue.reglage()[carte][i] < action["valeur"] else moins
                        _clic(app, sens.rect.center)
        assert hote.done and app.crashes == 0
        assert hote.partie.etat.crans <= logic.CRANS_MAX_ETOILE
        verdict = rejouer(hote.partie.journal(), par_id())
        assert verdict.valide
        assert verdict.mesures["reussite"] == pytest.approx(
            NIVEAU.mesures(hote.partie.etat)["reussite"]
        )
        _clic(app, hote.result_button.rect.center)  # « Voir le résultat » : la question d'abord
        assert isinstance(app.scenes.top, QuestionPanel)
        surface = app.logical  # l'écran a bien été dessiné
        assert surface.get_size() == (1280, 720)
    finally:
        app.close()


def test_vue_4_aux_trois_tailles_de_texte_et_en_anglais():
    from game import i18n

    app = _app()
    try:
        hote = _hote(app, "levels.l4_attention.logic", 4, "l4_attention")
        hote.skip_intro()
        for taille in (0, 1, 2):
            app.theme.configure(text_size=taille)
            hote.rebuild()
            for n in range(logic.NB_ENIGMES):
                hote.view.choisir_enigme(n)
                app.step(dt=1 / 60)
        app.translator.lang = "en"
        hote.rebuild()
        app.step(dt=1 / 60)
        assert app.crashes == 0
        assert i18n.missing_keys("en") == [] or all(
            not k.startswith("l4_attention.") for k in i18n.missing_keys("en")
        )
    finally:
        app.close()
