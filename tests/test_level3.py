"""Level 3 « La mémoire du modèle »: letters placed on a board of two marks."""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_levels_base import (
    Horloge,
    actions_au_hasard,
    jouer_et_rejouer,
    journal_du_solveur,
    verifier_journaux_trafiques,
)

from engine.vocab import LETTRES, VOCAB
from levels.base import Partie, rejouer
from levels.l3_memoire import logic
from levels.l3_memoire.logic import NIVEAU, SEUIL_PERTE

NIVEAUX = {NIVEAU.id: NIVEAU}


def test_modele_livre_coherent():
    m = logic.modele()
    assert len(m["W"]) == len(m["b"]) == len(VOCAB) == 27
    for graine in (0, 1, 2):
        plateau = logic.plateau_de(graine)
        apprises = [list(p) for p in plateau.apprises]
        # The board is turned for each run: the same loss at the learned places…
        assert logic.perte_du_placement(apprises, plateau) == pytest.approx(
            m["perte_apprise"], abs=1e-4
        )
        assert logic.perte_du_placement(apprises, plateau) < SEUIL_PERTE
        # … which are still the best: the gradient there is (almost) zero …
        gradients = logic.gradients_des_places(apprises, plateau)
        assert max(abs(g) for ligne in gradients for g in ligne) < 1e-4
        # … and fit on the board.
        for c in LETTRES:
            assert all(0.4 <= v <= 9.6 for v in apprises[VOCAB.index(c)])
    assert logic.plateau_de(0).apprises != logic.plateau_de(1).apprises


def test_la_place_compte_vraiment():
    etat = NIVEAU.nouvel_etat(0)
    plateau = etat.plateau
    a = VOCAB.index("a")
    # Two letters at the same place predict exactly the same thing.
    assert logic.probabilites_de((2.0, 3.0), plateau) == logic.probabilites_de([2.0, 3.0], plateau)
    NIVEAU.appliquer(etat, {"type": "deplacer", "lettre": "a", "x": 0.0, "y": 10.0})
    assert etat.pertes[a] == logic.perte_ligne(a, [0.0, 10.0], plateau)
    assert etat.perte == pytest.approx(logic.perte_du_placement(etat.places, plateau))


def test_gradient_comme_la_derivee():
    plateau = logic.plateau_de(3)
    places = [list(p) for p in plateau.depart]
    gradients = logic.gradients_des_places(places, plateau)
    h = 1e-6
    for lettre in "aeqz":
        i = VOCAB.index(lettre)
        for axe in (0, 1):
            plus = [list(p) for p in places]
            plus[i][axe] += h
            moins = [list(p) for p in places]
            moins[i][axe] -= h
            derivee = (
                logic.perte_du_placement(plus, plateau) - logic.perte_du_placement(moins, plateau)
            ) / (2 * h)
            assert gradients[i][axe] == pytest.approx(derivee, rel=1e-4, abs=1e-8)


def test_la_machine_apprend_et_les_voyelles_se_rapprochent():
    partie = Partie(NIVEAU, 7, horloge=Horloge())
    depart = partie.etat.perte
    assert partie.jouer({"type": "entrainer", "etapes": logic.ETAPES_MACHINE}) is None
    etat = partie.etat
    assert etat.perte < depart and etat.perte < SEUIL_PERTE
    assert etat.aide and etat.perte_a_la_main == depart  # the machine's work is not yours
    assert not NIVEAU.est_termine(etat)
    assert "e" in logic.plus_proches(etat.places, "a", 2)
    assert "o" in logic.plus_proches(etat.places, "e", 2)
    d_ae = math.dist(etat.places[VOCAB.index("a")], etat.places[VOCAB.index("e")])
    d_ab = math.dist(etat.places[VOCAB.index("a")], etat.places[VOCAB.index("b")])
    assert d_ae < d_ab / 3
    assert "fini" in partie.jouer({"type": "entrainer", "etapes": 1})
    assert partie.jouer({"type": "recommencer"}) is None
    assert etat.places == etat.depart and not etat.aide and etat.pas == 0


def test_refus_clairs():
    partie = Partie(NIVEAU, 0)
    for action in (
        {"type": "deplacer", "lettre": ".", "x": 1, "y": 1},
        {"type": "deplacer", "lettre": "", "x": 1, "y": 1},
        {"type": "deplacer", "lettre": "ab", "x": 1, "y": 1},
        {"type": "deplacer", "lettre": "a", "x": 11, "y": 1},
        {"type": "deplacer", "lettre": "a", "x": 1},
        {"type": "entrainer", "etapes": 0},
        {"type": "entrainer", "etapes": 1000},
        {"type": "recommencer"},
    ):
        assert isinstance(partie.jouer(action), str), action
    assert partie.actions == []


def test_solveur_verifie_et_trois_etoiles():
    journal = journal_du_solveur(NIVEAU, 1)
    verdict = rejouer(journal, NIVEAUX)
    assert verdict.mesures["deplacements_au_but"] <= logic.DEFI_DEPLACEMENTS
    assert verdict.mesures["pas_machine"] > 0  # the machine helped after the goal


def test_journaux_trafiques():
    verifier_journaux_trafiques(NIVEAU, journal_du_solveur(NIVEAU, 2))


def test_la_machine_d_abord_ne_compte_pas():
    """Training first, then touching one letter: not the kid's own placement."""
    x, y = (round(v, 1) for v in logic.plateau_de(3).apprises[VOCAB.index("a")])
    actions = [
        {"type": "entrainer", "etapes": 150},
        {"type": "deplacer", "lettre": "a", "x": x, "y": y},
    ]
    _, verdict = jouer_et_rejouer(NIVEAU, 3, actions)
    assert not verdict.valide and verdict.mesures["perte"] < SEUIL_PERTE
    # Starting again, the kid's own placement counts, and the moves are counted afresh.
    solution = [a for a in NIVEAU.resoudre(3) if a["type"] == "deplacer"]
    _, verdict = jouer_et_rejouer(NIVEAU, 3, [*actions, {"type": "recommencer"}, *solution])
    assert verdict.valide and verdict.etoiles == [True, True, False]


def test_trop_de_deplacements_pas_de_defi():
    solution = [a for a in NIVEAU.resoudre(4) if a["type"] == "deplacer"]
    tatonne = [{"type": "deplacer", "lettre": "z", "x": 1.0 + k / 10, "y": 1.0} for k in range(11)]
    _, verdict = jouer_et_rejouer(NIVEAU, 4, [*tatonne, *solution])
    assert verdict.valide and verdict.etoiles == [True, False, False]


def test_tranches_interrompues_puis_rejouees():
    partie = Partie(NIVEAU, 5, horloge=Horloge())
    for numero, _ in enumerate(partie.jouer_en_tranches({"type": "entrainer", "etapes": 80}), 1):
        if numero == 13:
            break
    assert partie.etat.pas == 13
    assert partie.actions[-1][1] == {"type": "entrainer", "etapes": 13}
    partie.jouer({"type": "entrainer", "etapes": 5})
    verdict = rejouer(partie.journal(), NIVEAUX)
    assert verdict.mesures == NIVEAU.mesures(partie.etat)
    assert verdict.etat.places == partie.etat.places


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    graine=st.integers(0, 10**6),
    actions=st.lists(
        actions_au_hasard(
            NIVEAU.types_d_action(),
            ["lettre", "x", "y", "etapes", "question", "choix"],
            st.one_of(
                st.sampled_from(["a", "e", "q", ".", "voisines"]),
                st.floats(0, 10),
                st.integers(0, 160),
            ),
        ),
        max_size=20,
    ),
)
def test_actions_au_hasard_refusees_proprement(graine, actions):
    jouer_et_rejouer(NIVEAU, graine, actions)


def test_ecran_joue_jusqu_au_bout_souris_et_clavier():
    """Headless: letters dragged with the mouse, one moved with the arrows, then the machine."""
    import pygame
    from test_levels_base import cliquer, finir_avec_la_question, glisser, ouvrir_niveau, touche

    app, host = ouvrir_niveau("l3_memoire", graine=3)
    try:
        vue = host.view
        etat = host.partie.etat

        def centre(x, y):
            jeton = vue.tokens["a"]
            libre_w = vue.board.w - jeton.rect.w
            libre_h = vue.board.h - jeton.rect.h
            return (
                vue.board.x + x / 10 * libre_w + jeton.rect.w / 2,
                vue.board.y + (1 - y / 10) * libre_h + jeton.rect.h / 2,
            )

        # The machine button waits for the kid's own placement.
        assert not vue.machine.enabled
        # One letter with the keyboard: Tab to it, arrows, then a pause commits one move.
        vue.box.focus.set(vue.tokens["z"])
        vue.box.show_focus = True
        for _ in range(3):
            touche(app, pygame.K_RIGHT)
        assert etat.deplacements == 0  # not yet: the kid may still be moving it
        for _ in range(70):
            app.step([], 1 / 60)
        assert etat.deplacements == 1
        # The letters that help most, dragged with the mouse to their learned places.
        plateau = etat.plateau
        apprises = {c: plateau.apprises[VOCAB.index(c)] for c in LETTRES}
        for _ in range(logic.DEFI_DEPLACEMENTS - 1):
            if host.done:
                break
            lettre = max(
                "abcdefghijklmnopqrstuvwxyz",
                key=lambda c: (
                    etat.pertes[VOCAB.index(c)]
                    - logic.perte_ligne(VOCAB.index(c), apprises[c], plateau)
                ),
            )
            cible = apprises[lettre]
            glisser(app, vue.tokens[lettre].rect.center, centre(*cible))
            x, y = etat.places[VOCAB.index(lettre)]
            # near its place (nudged beside another letter rather than hiding it)
            assert abs(x - cible[0]) + abs(y - cible[1]) <= logic.DISTANCE_MIN + 0.3
        assert host.done, etat.perte
        assert vue.machine.enabled
        cliquer(app, vue.machine.rect.center, images=10)
        assert vue.occupe
        for _ in range(400):
            if not vue.occupe:
                break
            app.step([], 1 / 60)
        assert etat.pas == logic.ETAPES_MACHINE and etat.perte < SEUIL_PERTE
        finir_avec_la_question(app, host)
        verdict = rejouer(host.partie.journal(), NIVEAUX)
        assert verdict.valide and verdict.etoiles == [True, True, True], verdict.mesures
        assert app.crashes == 0
    finally:
        app.close()


def test_ce_qui_suit_une_lettre_vient_des_vrais_prenoms():
    """The card's figures are the real counts: after « q » comes « u », shares sorted."""
    suites = logic.suivantes("q", 5)
    assert suites[0][0] == "u" and len(suites) == 5
    parts = [p for _, p in suites]
    assert parts == sorted(parts, reverse=True) and 0 < sum(parts) <= 1
    ligne = logic.comptes()[VOCAB.index("a")]
    assert logic.suivantes("a", 1) == [(VOCAB[ligne.index(max(ligne))], max(ligne) / sum(ligne))]


def test_survoler_une_lettre_montre_ce_qui_la_suit():
    """Pointing at « q » swaps the loss curve for its card; leaving the board brings it back."""
    import pygame
    from test_levels_base import ouvrir_niveau

    app, host = ouvrir_niveau("l3_memoire")
    try:
        vue = host.view

        def souris(pos):
            event = pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
            app.step([event], 1 / 60)
            app.step([], 1 / 60)

        souris(vue.tokens["q"].rect.center)
        assert vue.choisie == "q" and not vue.curve.visible
        souris((5, app.logical.get_height() - 5))
        assert vue.choisie is None and vue.curve.visible
        assert app.crashes == 0
    finally:
        app.close()
