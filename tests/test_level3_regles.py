"""Level 3: what the screen shows comes from the state; stars only for what happened;
the prediction question belongs to the run; « ce que tu viens de découvrir »."""

import math
import random

import pygame
import pytest
from test_level3_copie import jouer as rejouer
from test_levels_base import glisser, jouer_et_rejouer, ouvrir_niveau

from game import i18n
from game.commands import audit
from levels import questions
from levels.l3_memoire import aides, logic
from levels.l3_memoire.logic import NIVEAU


def deplacements_du_solveur(graine):
    return [a for a in NIVEAU.resoudre(graine) if a["type"] == "deplacer"]


def reponses(graine, actions, juste):
    """Pose the questions on the state after `actions`, answer them right or wrong."""
    etat = rejouer(graine, actions)
    questions.poser(NIVEAU, etat)
    suite = [{"type": "poser"}]
    for posee in etat.posees:
        choix = posee["bonne"] if juste else (posee["bonne"] + 1) % len(posee["ordre"])
        suite.append({"type": "repondre", "question": posee["id"], "choix": choix})
    return suite


# --------------------------------------------------------------------------- stars


def test_sans_le_but_aucune_etoile():
    """A few good moves, the right answers, but the loss still above the bar."""
    premiers = deplacements_du_solveur(6)[:1]
    _, verdict = jouer_et_rejouer(NIVEAU, 6, [*premiers, *reponses(6, premiers, True)])
    assert not verdict.valide and verdict.etoiles == [False, False, False]


def test_la_machine_seule_ne_donne_pas_le_but():
    actions = [{"type": "entrainer", "etapes": logic.ETAPES_MACHINE}]
    _, verdict = jouer_et_rejouer(NIVEAU, 2, [*actions, *reponses(2, actions, True)])
    assert verdict.mesures["perte"] < logic.SEUIL_PERTE
    assert not verdict.valide and verdict.etoiles == [False, False, False]


def test_trop_de_deplacements_pas_de_deuxieme_etoile():
    """Sweeping a letter around (the trial and error the preview used to do) costs moves."""
    balayage = [
        {"type": "deplacer", "lettre": "q", "x": float(k), "y": 9.5} for k in range(0, 10, 1)
    ]
    actions = [*balayage, *deplacements_du_solveur(4)]
    _, verdict = jouer_et_rejouer(NIVEAU, 4, [*actions, *reponses(4, actions, True)])
    assert verdict.valide and verdict.etoiles == [True, False, True]


def test_une_mauvaise_reponse_pas_de_troisieme_etoile():
    actions = deplacements_du_solveur(5)
    _, verdict = jouer_et_rejouer(NIVEAU, 5, [*actions, *reponses(5, actions, False)])
    assert verdict.valide and verdict.etoiles == [True, True, False]


# --------------------------------------------------------------------------- the question


def test_la_question_depend_de_la_partie_et_de_la_longueur_rien():
    """The audit's figures: the prediction's right answer comes from the run (random run ≠
    solver's run on ≥ 30 % of seeds), and over the questions posed the right answer is the
    (strictly) longest 20-50 % of the time, the shortest too."""
    resultats = [audit.audit_seed(NIVEAU.id, g, g + 1) for g in range(30)]
    chiffres = audit.summarise(NIVEAU, resultats)["questions"]
    assert chiffres["run_dependent_rate"]["predire_voisine"] >= 0.3, chiffres
    assert 0.2 <= chiffres["longest_answer_rate"] <= 0.5, chiffres
    assert 0.2 <= chiffres["shortest_answer_rate"] <= 0.5, chiffres


def test_chaque_rang_de_la_prediction_est_parfois_juste():
    """The level computes its own choices per run: each of their ranks is sometimes the
    right one (on the solver's run or on the audit's random player's)."""
    rangs = set()
    for graine in range(30):
        solveur = rejouer(graine, NIVEAU.resoudre(graine))
        _, hasard = audit._random_player(NIVEAU, graine, 30, random)
        rangs |= {
            NIVEAU.calculer_question(e, "predire_voisine")["bonne"] for e in (solveur, hasard)
        }
    assert rangs == {0, 1, 2}  # no choice is never right


def test_la_bonne_reponse_est_vraie_sur_le_plateau():
    etat = rejouer(3, NIVEAU.resoudre(3))
    calcul = aides.question_voisines(etat)
    lettre, repere = calcul["valeurs"]["lettre"], calcul["valeurs"]["repere"]

    def distance(c):
        return math.dist(etat.places[logic.VOCAB.index(c)], etat.places[logic.VOCAB.index(lettre)])

    plus_pres = {c for c in logic.LETTRES if c != lettre and distance(c) < distance(repere)}
    assert set(calcul["choix"][calcul["bonne"]].split(", ")) == plus_pres


# --------------------------------------------------------------------------- découvert


def test_decouvert_dit_les_nombres_de_l_enfant():
    graine = 7
    etat = rejouer(graine, deplacements_du_solveur(graine))
    valeurs = NIVEAU.decouverte(etat)

    def ecrit(langue):  # as the host writes floats: in the kid's language
        return {
            k: i18n.format_number(v, len(repr(v).partition(".")[2]), langue)
            if isinstance(v, float)
            else v
            for k, v in valeurs.items()
        }

    fr = NIVEAU.textes("fr")["decouvert"].format(**ecrit("fr"))
    en = NIVEAU.textes("en")["decouvert"].format(**ecrit("en"))
    assert aides.nombre(etat.perte_a_la_main, 2) in fr
    assert aides.nombre(etat.perte_a_la_main, 2, "en") in en
    assert "3,3" in fr and "3.3" in en  # guessing at random among 27
    voisine = logic.plus_proches(etat.places, valeurs["lettre"], 1)[0]
    assert valeurs["voisine"] == voisine and f"« {voisine} »" in fr


# --------------------------------------------------------------------------- the screen


@pytest.fixture
def ecran():
    app, host = ouvrir_niveau("l3_memoire", graine=8)
    yield app, host
    app.close()


def test_les_compteurs_dessines_sont_ceux_de_l_etat(ecran):
    app, host = ecran
    vue, niveau = host.view, host.niveau

    def compare():
        mesures = niveau.mesures(host.partie.etat)
        chiffres = vue.chiffres()
        for cle in ("perte", "perte_a_la_main", "deplacements"):
            assert chiffres[cle] == mesures[cle]
        assert chiffres["seuil"] == niveau.objectif.seuil
        assert chiffres["defi"] == niveau.defi.seuil

    compare()
    depart = niveau.progression(host.partie.etat)
    for _ in range(2):
        vue.jouer(NIVEAU.joueur_indices(host.partie.etat))
        app.step([], 1 / 60)
        compare()
    assert niveau.progression(host.partie.etat) > depart  # the bar moves with the kid
    app.step([], 1 / 60)
    assert app.crashes == 0


def test_rien_ne_dit_la_perte_avant_le_coup_mais_tout_apres(ecran):
    """Dragging shows no loss (no preview searching for the kid); dropping shows what
    changed: the loss before and after, what the model now guesses, what really follows."""
    app, host = ecran
    vue, etat = host.view, host.partie.etat
    assert not hasattr(logic, "perte_si")
    lettre = logic.plateau_de(etat.graine).libres[0]
    jeton = vue.tokens[lettre]
    debut = jeton.rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=debut, button=1))
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=(debut[0] + 60, debut[1]), rel=(60, 0),
                           buttons=(1, 0, 0))
    )  # fmt: skip
    app.step(dt=1 / 60)
    assert jeton.dragging and vue.lignes_du_coup() == [] and etat.deplacements == 0
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(debut[0] + 60, debut[1]),
                                         button=1))  # fmt: skip
    app.step(dt=1 / 60)
    glisser(app, jeton.rect.center, (jeton.rect.centerx, jeton.rect.centery - 80))
    assert etat.dernier is not None and etat.dernier["lettre"] == lettre
    lignes = [texte for texte, _, _ in vue.lignes_du_coup()]
    assert vue.nombre(etat.dernier["avant"], 3) in lignes[0]
    assert vue.nombre(etat.dernier["apres"], 3) in lignes[0]
    assert len(lignes) == 4
    assert app.crashes == 0


def test_les_indices_expliquent_un_coup_qui_fait_monter_la_perte():
    fr = NIVEAU.textes("fr")["indices"]
    assert "monte" in fr[1] and "prix" in fr[1]
    assert "{lettre}" in fr[2] and "{voisine}" in fr[2]


def test_les_textes_disent_les_vrais_chiffres():
    for langue in ("fr", "en"):
        textes = NIVEAU.textes(langue)
        assert str(logic.DEFI_DEPLACEMENTS) in textes["etoiles"][1]
        assert str(logic.DEFI_DEPLACEMENTS) in textes["defi"]
