"""Level 1 « Devine la suite »: logic, solver, replays, stars."""

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_levels_base import (
    actions_au_hasard,
    jouer_et_rejouer,
    journal_du_solveur,
    verifier_journaux_trafiques,
)

from engine.bigramme import compter, perte_moyenne, probabilites
from levels.base import Partie, rejouer
from levels.l1_devine import joueurs, logic
from levels.l1_devine.logic import NIVEAU, SEUIL_PERTE

NIVEAUX = {NIVEAU.id: NIVEAU}


def test_depart_et_perte_reelle_du_moteur():
    etat = NIVEAU.nouvel_etat(3)
    assert etat.perte > SEUIL_PERTE and not NIVEAU.est_termine(etat)
    assert len(etat.cartes) == logic.NOMBRE_CARTES == len(set(etat.cartes))
    NIVEAU.appliquer(etat, {"type": "nourrir", "prenom": "Zoé"})
    assert etat.prenoms == ["zoe"]
    attendu = perte_moyenne(probabilites(compter(["zoe"]), logic.LISSAGE), logic.prenoms_examen())
    assert etat.perte == attendu
    assert 150 < len(logic.prenoms_examen()) < 300


def test_les_prenoms_secrets_sont_refuses():
    etat = NIVEAU.nouvel_etat(0)
    secret = logic.prenoms_examen()[0]
    try:
        NIVEAU.appliquer(etat, {"type": "nourrir", "prenom": secret})
    except logic.ActionRefusee as refus:
        assert "secrets" in str(refus)
    else:
        raise AssertionError("un prénom secret a été accepté")


def test_refus_clairs():
    partie = Partie(NIVEAU, 0)
    for action in (
        {"type": "nourrir", "prenom": "jean-pierre2"},
        {"type": "nourrir", "prenom": "a"},
        {"type": "duel"},  # not before 10 names
        {"type": "nourrir", "prenom": "x" * 16},
        {"type": "nourrir", "prenom": 5},
        {"type": "oublier", "prenom": "lina"},
        {"type": "vider"},
        {"type": "deviner", "lettre": "a"},
        {"type": "voler"},
    ):
        assert isinstance(partie.jouer(action), str), action
    assert partie.actions == []
    libre = next(n for n in ("lina", "emma", "jade", "louise") if n not in logic.prenoms_examen())
    assert partie.jouer({"type": "nourrir", "prenom": libre}) is None
    assert "déjà" in partie.jouer({"type": "nourrir", "prenom": libre.upper()})


def test_cartes_remplacees_et_oublier():
    etat = NIVEAU.nouvel_etat(5)
    carte = etat.cartes[2]
    NIVEAU.appliquer(etat, {"type": "nourrir", "prenom": carte})
    assert carte not in etat.cartes and len(etat.cartes) == logic.NOMBRE_CARTES
    avant = etat.perte
    NIVEAU.appliquer(etat, {"type": "nourrir", "prenom": "maximilien"})
    NIVEAU.appliquer(etat, {"type": "oublier", "prenom": "maximilien"})
    assert etat.perte == avant and etat.prenoms == [carte]
    anciennes = list(etat.cartes)
    NIVEAU.appliquer(etat, {"type": "cartes"})
    assert not set(anciennes) & set(etat.cartes)
    NIVEAU.appliquer(etat, {"type": "vider"})
    assert etat.prenoms == [] and etat.perte == NIVEAU.nouvel_etat(5).perte


def test_solveur_verifie_et_trois_etoiles():
    journal = journal_du_solveur(NIVEAU, 1)
    verdict = rejouer(journal, NIVEAUX)
    assert verdict.mesures["prenoms_au_but"] <= logic.DEFI_PRENOMS
    assert verdict.mesures["perte_bigramme"] == verdict.mesures["perte"] <= SEUIL_PERTE


def test_journaux_trafiques():
    verifier_journaux_trafiques(NIVEAU, journal_du_solveur(NIVEAU, 2))


def test_le_hasard_ne_gagne_pas_en_cliquant():
    partie = Partie(NIVEAU, 0)
    for _ in range(30):
        partie.jouer({"type": "cartes"})
        partie.jouer({"type": "indice", "numero": 1})
        partie.jouer({"type": "duel"})
    assert not partie.termine()
    assert not rejouer(partie.journal(), NIVEAUX).valide


def _jouer_duel(etat, tricheur):
    """Plays a whole duel round; `tricheur` guesses the true letter, else reads the table."""
    NIVEAU.appliquer(etat, {"type": "duel"})
    while not etat.duel.fini:
        mot = etat.duel.lettres()
        avant = mot[etat.duel.montrees - 1]
        lettre = (
            mot[etat.duel.montrees] if tricheur else logic.choix_de_la_machine(etat.comptes, avant)
        )
        NIVEAU.appliquer(etat, {"type": "deviner", "lettre": lettre})


def test_duel_jouer_la_machine():
    """The duel counts the letters guessed like YOUR table, not the true ones."""
    etat = NIVEAU.nouvel_etat(4)
    for prenom in logic._pioche(4)[: logic.PRENOMS_DUEL]:
        NIVEAU.appliquer(etat, {"type": "nourrir", "prenom": prenom})
    _jouer_duel(etat, tricheur=True)  # knows the real letters: not what the table says
    assert etat.record_duel < logic.SEUIL_DUEL and etat.duels_gagnes == 0
    _jouer_duel(etat, tricheur=False)
    assert etat.record_duel == logic.COUPS_DUEL and etat.duels_gagnes == 1
    assert NIVEAU.est_termine(etat)
    assert logic.choix_de_la_machine(logic.comptes_machine(), "q") == "u"


def test_etoiles_verifiees_au_rejeu():
    solution = NIVEAU.resoudre(6)
    sans_question = [a for a in solution if a["type"] not in ("poser", "repondre")]
    _, verdict = jouer_et_rejouer(NIVEAU, 6, sans_question)
    assert verdict.etoiles == [True, True, False]
    _, verdict = jouer_et_rejouer(NIVEAU, 6, solution)
    assert verdict.etoiles == [True, True, True]
    # Too many names before the loss went under the bar: no efficiency star.
    lents = [{"type": "nourrir", "prenom": p} for p in logic._pioche(6)[:200]]
    partie = Partie(NIVEAU, 6)
    for action in lents:
        if partie.etat.perte <= SEUIL_PERTE:
            break
        partie.jouer(action)
    while not partie.termine():
        partie.jouer(joueurs.coup_du_duel(partie.etat))
    verdict = rejouer(partie.journal(), NIVEAUX)
    assert verdict.valide and verdict.mesures["prenoms_au_but"] > logic.DEFI_PRENOMS
    assert verdict.etoiles == [True, False, False]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    graine=st.integers(0, 50),
    actions=st.lists(
        actions_au_hasard(
            NIVEAU.types_d_action(),
            ["prenom", "lettre", "question", "choix"],
            st.one_of(
                st.sampled_from(["lina", "hugo", "q_u", "a", ".", "u", "zoé", "maximilien"]),
                st.integers(0, 3),
            ),
        ),
        max_size=25,
    ),
)
def test_actions_au_hasard_refusees_proprement(graine, actions):
    jouer_et_rejouer(NIVEAU, graine, actions)


def test_etat_copiable():
    etat = NIVEAU.nouvel_etat(0)
    for prenom in logic._pioche(0)[: logic.PRENOMS_DUEL]:
        NIVEAU.appliquer(etat, {"type": "nourrir", "prenom": prenom})
    NIVEAU.appliquer(etat, {"type": "duel"})
    assert copy.deepcopy(etat) == etat


def test_ecran_joue_jusqu_au_bout_avec_souris_et_clavier():
    """Headless: real pygame events through the app, from the first card to the result."""
    import pygame
    from test_levels_base import cliquer, finir_avec_la_question, ouvrir_niveau, taper, touche

    app, host = ouvrir_niveau("l1_devine", graine=1)
    try:
        vue = host.view
        etat = host.partie.etat
        # A card, by the mouse.
        carte = etat.cartes[0]
        cliquer(app, vue.card_buttons[0].rect.center)
        assert etat.prenoms == [carte]
        # Remove it again by clicking its chip.
        cliquer(app, vue.chips[0].rect.center)
        assert etat.prenoms == []
        # Type the solver's names on the keyboard.
        noms = [a["prenom"] for a in NIVEAU.resoudre(1) if a["type"] == "nourrir"]
        for nom in noms:
            cliquer(app, vue.field.rect.center)
            taper(app, nom)
            touche(app, pygame.K_RETURN)
        assert etat.prenoms == noms and not host.done  # the goal is the duel
        # The duel, with the keyboard: the kid plays the machine, reading its own table.
        cliquer(app, vue.tab_buttons["duel"].rect.center)
        assert etat.duel is not None
        for _ in range(200):
            if etat.duel.fini:
                break
            avant = etat.duel.lettres()[etat.duel.montrees - 1]
            lettre = logic.choix_de_la_machine(etat.comptes, avant)
            if lettre == ".":
                touche(app, pygame.K_RETURN)
            else:
                touche(app, getattr(pygame, f"K_{lettre}"), unicode=lettre)
        assert etat.duels_gagnes == 1 and host.done
        finir_avec_la_question(app, host)
        verdict = rejouer(host.partie.journal(), NIVEAUX)
        assert verdict.valide and verdict.etoiles == [True, True, True]
        assert app.crashes == 0
    finally:
        app.close()
