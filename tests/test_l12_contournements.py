"""Levels 1 and 2: the bypasses of issues 19 and 24, pinned as runs that must NOT win."""

from levels.l1_devine import logic as l1
from levels.l2_erreurs import logic as l2


def _nourrir_dix(etat, graine):
    for prenom in l1._pioche(graine)[: l1.PRENOMS_DUEL]:
        l1.NIVEAU.appliquer(etat, {"type": "nourrir", "prenom": prenom})


def test_l1_vider_le_tableau_pendant_le_duel_ne_donne_pas_10_sur_10():
    """Emptying the table during the duel made every bar 1/27 and every letter right."""
    for graine in range(5):
        etat = l1.NIVEAU.nouvel_etat(graine)
        _nourrir_dix(etat, graine)
        l1.NIVEAU.appliquer(etat, {"type": "duel"})
        for prenom in list(etat.prenoms):
            l1.NIVEAU.appliquer(etat, {"type": "oublier", "prenom": prenom})
        while not etat.duel.fini:
            l1.NIVEAU.appliquer(etat, {"type": "deviner", "lettre": "z"})
        assert etat.record_duel < l1.SEUIL_DUEL
        assert not l1.NIVEAU.est_termine(etat)


def test_l1_une_ligne_jamais_vue_n_est_pas_un_point_gratuit():
    """A duel opened with a table, then the chips emptied and « vider »: still no free point."""
    etat = l1.NIVEAU.nouvel_etat(3)
    _nourrir_dix(etat, 3)
    l1.NIVEAU.appliquer(etat, {"type": "duel"})
    l1.NIVEAU.appliquer(etat, {"type": "vider"})
    while not etat.duel.fini:
        l1.NIVEAU.appliquer(etat, {"type": "deviner", "lettre": "q"})
    assert etat.duel.toi == 0


def test_l2_pas_d_etoile_precis_apres_des_poussees_a_contresens_et_recommencer():
    """Three pushes that raised the loss, then « Recommencer », then a clean run: no star."""
    niveau = l2.NIVEAU
    etat = niveau.nouvel_etat(0)
    k = 0
    sens = -1 if etat.gradient[k] < 0 else 1  # against the arrow: the loss goes up
    for _ in range(3):
        niveau.appliquer(etat, {"type": "pousser", "poids": k, "sens": sens})
    assert etat.ratees == 3
    niveau.appliquer(etat, {"type": "recommencer"})
    while not niveau.est_termine(etat):
        niveau.appliquer(etat, niveau.joueur_indices(etat))
    assert niveau.etoiles(etat)[1] is False
    assert niveau.mesures(etat)["poussees_ratees"] >= 3
