"""Level 3: copying does not win (issues 19 and 24).

Written against the level's public face only (the hint texts as the kid reads them, the
solver's actions as a friend's proof would carry them), so that they failed on the old
level: hint 3 listed every letter's coordinates, and the same board served every seed.
"""

import re

from game import i18n
from game.commands import audit
from levels.base import ActionRefusee
from levels.l3_memoire.logic import NIVEAU

GRAINES = range(12)
# « a (8 ; 6,5) », « l et r (5 ; 3,5) », « vers (7,5 ; 6,1) » : every place hint 3 writes.
PLACE = re.compile(
    r"((?:«\s*)?\b[a-z]\b(?:\s*»)?(?:\s*(?:,|et)\s*(?:«\s*)?\b[a-z]\b(?:\s*»)?)*)"
    r"[^()]{0,40}?\((\d+(?:,\d)?)\s*;\s*(\d+(?:,\d)?)\)"
)


def hint3(etat):
    textes = NIVEAU.textes("fr")["indices"]
    valeurs = {  # as the game writes them for a French kid (« 6,1 »)
        cle: i18n.format_number(v, len(repr(v).partition(".")[2])) if isinstance(v, float) else v
        for cle, v in NIVEAU.valeurs_indices(etat).items()
    }
    return textes[2].format(**valeurs)


def actions_copiees(texte):
    """Every (letter, place) written in a hint, as moves: the copying kid's whole plan."""
    actions = []
    for lettres, x, y in PLACE.findall(texte):
        for lettre in re.findall(r"[a-z]", lettres):
            vers = {"x": float(x.replace(",", ".")), "y": float(y.replace(",", "."))}
            actions.append({"type": "deplacer", "lettre": lettre, **vers})
    return actions


def jouer(graine, actions):
    etat = NIVEAU.nouvel_etat(graine)
    for action in actions:
        try:
            NIVEAU.appliquer(etat, action)
        except ActionRefusee:
            continue
    return etat


def test_copier_l_indice_3_ne_gagne_pas():
    gagnees = 0
    for graine in GRAINES:
        etat = NIVEAU.nouvel_etat(graine)
        copie = actions_copiees(hint3(etat))
        assert copie, hint3(etat)  # hint 3 does show a worked move (letter and place)
        gagnees += NIVEAU.est_termine(jouer(graine, copie))
    assert gagnees == 0


def test_l_indice_3_ne_montre_qu_une_lettre():
    for graine in GRAINES:
        lettres = {a["lettre"] for a in actions_copiees(hint3(NIVEAU.nouvel_etat(graine)))}
        assert len(lettres) == 1, lettres


def test_le_joueur_qui_recopie_l_indice_3_ne_gagne_pas():
    """The audit's copier: only the values hint 3 writes, on every seed."""
    assert not any(audit._copy_hint3_player(NIVEAU, graine) for graine in GRAINES)


def test_la_partie_d_un_ami_ne_gagne_pas_la_mienne():
    """The solver's actions for seed A (a friend's proof) replayed on seed A+1 (the audit's)."""
    assert not any(
        audit._replay_on(NIVEAU, NIVEAU.resoudre(graine), graine + 1) for graine in GRAINES
    )


def test_les_indices_1_et_2_suffisent():
    for graine in GRAINES:
        etat = NIVEAU.nouvel_etat(graine)
        for _ in range(40):
            action = NIVEAU.joueur_indices(etat)
            if action is None or NIVEAU.est_termine(etat):
                break
            NIVEAU.appliquer(etat, action)
        assert NIVEAU.est_termine(etat), (graine, etat.perte)


def test_les_textes_des_indices_se_remplissent_dans_les_deux_langues():
    etat = NIVEAU.nouvel_etat(5)
    valeurs = NIVEAU.valeurs_indices(etat)
    for langue in ("fr", "en"):
        for texte in NIVEAU.textes(langue)["indices"]:
            rempli = texte.format(**valeurs)
            assert "{" not in rempli
    assert i18n  # the host formats the same way (HintsPanel: texts.list("indices", **valeurs))
