"""Level 2 « Apprends de tes erreurs »: loss, gradient by Valeur, learning rate."""

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

from levels.base import Partie, rejouer
from levels.l2_erreurs import joueurs, logic
from levels.l2_erreurs.logic import NIVEAU, SEUIL_PERTE

NIVEAUX = {NIVEAU.id: NIVEAU}


def test_gradient_de_valeur_egal_au_calcul_a_la_main():
    f = logic.frequences()
    assert sum(f) == pytest.approx(1.0) and f[0] > f[1] > f[2]
    for poids in ([0.0, 0.0, 0.0], [-2.0, 0.5, 3.0], [20.0, -20.0, 0.0]):
        perte, gradient, probas = logic.perte_et_gradient(poids)
        z = sum(math.exp(w) for w in poids)
        p = [math.exp(w) / z for w in poids]
        assert probas == pytest.approx(p)
        assert perte == pytest.approx(-sum(fk * math.log(pk) for fk, pk in zip(f, p, strict=True)))
        # For softmax + -log, the miss (prediction - reality) IS the gradient.
        assert gradient == pytest.approx([pk - fk for pk, fk in zip(p, f, strict=True)])
    meilleure = -sum(fk * math.log(fk) for fk in f)
    assert meilleure < SEUIL_PERTE < meilleure + 0.03


def test_depart_et_poussees():
    etat = NIVEAU.nouvel_etat(0)
    assert etat.perte >= 1.5 and not NIVEAU.est_termine(etat)
    avant = list(etat.poids)
    k = 0
    sens = -1 if etat.gradient[k] > 0 else 1  # against the gradient: the loss goes down
    perte = etat.perte
    NIVEAU.appliquer(etat, {"type": "pousser", "poids": k, "sens": sens})
    assert etat.poids[k] == avant[k] + sens * logic.PAS_MAIN
    assert etat.perte < perte and etat.coups == 1


def a_la_main(graine):
    """The pushes the hints describe, up to the goal: the kid's own work."""
    etat = NIVEAU.nouvel_etat(graine)
    actions = []
    while not NIVEAU.est_termine(etat):
        actions.append(joueurs.poussee_des_indices(etat))
        NIVEAU.appliquer(etat, actions[-1])
    return actions


def au_but_puis_depart(graine):
    """A state whose goal was reached by hand, then back to the starting weights."""
    etat = NIVEAU.nouvel_etat(graine)
    for action in [*a_la_main(graine), {"type": "recommencer"}]:
        NIVEAU.appliquer(etat, action)
    return etat


@pytest.mark.parametrize("vitesse", [0.1, 1, 3])
def test_la_bonne_vitesse_descend(vitesse):
    etat = au_but_puis_depart(2)
    NIVEAU.appliquer(etat, {"type": "entrainer", "vitesse": vitesse, "etapes": 60})
    assert etat.historique[-1] < etat.historique[0]
    assert not etat.explose


def test_trop_vite_ca_explose_sans_planter():
    partie = Partie(NIVEAU, 3, horloge=Horloge())
    assert partie.jouer({"type": "entrainer", "vitesse": 3, "etapes": 5}) is not None  # not yet
    for action in [*a_la_main(3), {"type": "recommencer"}]:
        assert partie.jouer(action) is None
    assert partie.jouer({"type": "entrainer", "vitesse": 100, "etapes": 200}) is None
    etat = partie.etat
    assert etat.explose and max(etat.historique[-20:]) > 5
    assert all(math.isfinite(x) for x in etat.historique + etat.poids + etat.gradient)
    assert all(abs(p) <= logic.BORNE_POIDS for p in etat.poids)
    coups = etat.coups
    assert partie.jouer({"type": "recommencer"}) is None
    # The weights come back; the counters keep the whole run (one number everywhere).
    assert etat.poids == etat.depart and not etat.explose and etat.coups == coups
    lente = au_but_puis_depart(3)
    NIVEAU.appliquer(lente, {"type": "entrainer", "vitesse": 0.1, "etapes": 10})
    assert lente.perte > SEUIL_PERTE  # too slow: it crawls
    rejouer(partie.journal(), NIVEAUX)


def test_refus_clairs():
    partie = Partie(NIVEAU, 0)
    for action in (
        {"type": "pousser", "poids": 3, "sens": 1},
        {"type": "pousser", "poids": 0, "sens": 2},
        {"type": "pousser", "poids": 0, "sens": True},
        {"type": "entrainer", "vitesse": 0, "etapes": 5},
        {"type": "entrainer", "vitesse": 1e9, "etapes": 5},
        {"type": "entrainer", "vitesse": 1, "etapes": 10**6},
        {"type": "recommencer"},
        {"type": "repondre", "question": "sens", "choix": -1},
    ):
        assert isinstance(partie.jouer(action), str), action
    assert partie.actions == []


def test_solveur_verifie_et_trois_etoiles():
    journal = journal_du_solveur(NIVEAU, 1)
    verdict = rejouer(journal, NIVEAUX)
    assert verdict.mesures["poussees_ratees"] == 0 and verdict.etoiles == [True, True, True]


def test_journaux_trafiques():
    verifier_journaux_trafiques(NIVEAU, journal_du_solveur(NIVEAU, 4))


def test_tranches_interrompues_puis_rejouees():
    partie = Partie(NIVEAU, 5, horloge=Horloge())
    for action in [*a_la_main(5), {"type": "recommencer"}]:
        partie.jouer(action)
    for numero, _ in enumerate(
        partie.jouer_en_tranches({"type": "entrainer", "vitesse": 0.3, "etapes": 50}), 1
    ):
        if numero == 9:
            break
    assert partie.etat.pas == 9
    assert partie.actions[-1][1] == {"type": "entrainer", "vitesse": 0.3, "etapes": 9}
    verdict = rejouer(partie.journal(), NIVEAUX)
    assert verdict.mesures == NIVEAU.mesures(partie.etat)


def test_a_la_main_guide_par_le_gradient():
    """Following the arrow wins with no wrong push; pushing the wrong way loses star 2."""
    actions = a_la_main(0)
    _, verdict = jouer_et_rejouer(NIVEAU, 0, actions)
    assert verdict.etoiles == [True, True, False]
    etat = NIVEAU.nouvel_etat(0)
    k = 0
    contresens = {"type": "pousser", "poids": k, "sens": 1 if etat.gradient[k] > 0 else -1}
    _, verdict = jouer_et_rejouer(NIVEAU, 0, [contresens, *a_la_main_depuis(contresens)])
    assert verdict.etoiles == [True, False, False]
    # A wrong first answer loses the understanding star, not the others.
    solution = NIVEAU.resoudre(0)
    etat = NIVEAU.nouvel_etat(0)
    for action in solution:
        if action["type"] == "repondre":
            break
        NIVEAU.appliquer(etat, action)
    posee = etat.posees[0]
    faux = {"type": "repondre", "question": posee["id"], "choix": (posee["bonne"] + 1) % 3}
    fin = [a for a in solution if a["type"] == "repondre"]
    debut = solution[: len(solution) - len(fin)]
    _, verdict = jouer_et_rejouer(NIVEAU, 0, [*debut, faux, *fin])
    assert verdict.etoiles == [True, True, False]


def a_la_main_depuis(premiere):
    etat = NIVEAU.nouvel_etat(0)
    NIVEAU.appliquer(etat, premiere)
    actions = []
    while not NIVEAU.est_termine(etat):
        actions.append(joueurs.poussee_des_indices(etat))
        NIVEAU.appliquer(etat, actions[-1])
    return actions


def test_le_but_ne_se_perd_pas_en_explosant():
    actions = [*NIVEAU.resoudre(6), {"type": "entrainer", "vitesse": 100, "etapes": 20}]
    partie, verdict = jouer_et_rejouer(NIVEAU, 6, actions)
    assert partie.etat.perte > SEUIL_PERTE and verdict.valide


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    graine=st.integers(0, 10**6),
    actions=st.lists(
        actions_au_hasard(
            NIVEAU.types_d_action(),
            ["poids", "sens", "vitesse", "etapes", "question", "choix"],
            st.one_of(st.integers(-2, 4), st.sampled_from([0.1, 3.0, 30.0, 100.0, "sens"])),
        ),
        max_size=25,
    ),
)
def test_actions_au_hasard_refusees_proprement(graine, actions):
    jouer_et_rejouer(NIVEAU, graine, actions)


def test_ecran_joue_jusqu_au_bout_avec_la_souris():
    """Headless: pushes by hand, an explosion, a restart, then the right speed."""
    from test_levels_base import cliquer, finir_avec_la_question, ouvrir_niveau

    app, host = ouvrir_niveau("l2_erreurs", graine=2)
    try:
        vue = host.view
        etat = host.partie.etat
        perte = etat.perte
        assert not vue.step1.enabled  # the machine waits for the kid's own pushes
        for _ in range(40):
            if host.done:
                break
            k = max(range(3), key=lambda i: abs(etat.gradient[i]))
            bouton = vue.pushers[2 * k + (0 if etat.gradient[k] > 0 else 1)]
            cliquer(app, bouton.rect.center)
        assert host.done and etat.perte < perte and etat.ratees == 0
        assert vue.step1.enabled

        def vitesse(index):
            piste = vue.slider.track
            x = piste.x + piste.w * index / (len(logic.VITESSES) - 1)
            cliquer(app, (min(x, piste.right - 1), piste.centery))
            assert vue.vitesse_index == index

        vitesse(len(logic.VITESSES) - 1)  # 100: far too fast
        cliquer(app, vue.step10.rect.center, images=150)
        assert not vue.occupe and etat.pas == 10 and etat.explose
        cliquer(app, vue.restart.rect.center)
        assert etat.poids == etat.depart and not etat.explose  # the counters keep the run
        vitesse(logic.VITESSES.index(3))
        cliquer(app, vue.step10.rect.center, images=150)
        assert etat.perte <= SEUIL_PERTE and not etat.explose
        finir_avec_la_question(app, host)
        verdict = rejouer(host.partie.journal(), NIVEAUX)
        assert verdict.valide and verdict.etoiles == [True, True, True]
        assert app.crashes == 0
    finally:
        app.close()
