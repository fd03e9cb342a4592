"""Les deux joueurs de l'audit pour le niveau 1 (voir `tuto-llm audit`).

- au hasard : une action légale tirée uniformément (une carte, retirer un prénom lu,
  tout effacer, d'autres cartes, un duel, une lettre du duel) ;
- selon les indices : exactement ce que disent les trois indices du niveau.
"""

from engine.vocab import VOCAB_STANDARD
from levels.l1_devine import logic


def actions_legales(etat):
    """Toutes les actions acceptées dans cet état (sauf taper un prénom au clavier)."""
    duel = etat.duel
    if duel is not None and not duel.fini:
        return [{"type": "deviner", "lettre": c} for c in VOCAB_STANDARD.jetons]
    actions = [{"type": "nourrir", "prenom": p} for p in etat.cartes]
    actions += [{"type": "oublier", "prenom": p} for p in etat.prenoms]
    actions.append({"type": "cartes"})
    if etat.prenoms:
        actions.append({"type": "vider"})
    if len(etat.prenoms) >= logic.PRENOMS_DUEL:
        actions.append({"type": "duel"})
    return actions


def au_hasard(etat, hasard):
    return hasard.choice(actions_legales(etat))


def coup_du_duel(etat):
    """Indices 2 et 3 : la ligne de la lettre montrée, la case la plus foncée."""
    duel = etat.duel
    if duel is None or duel.fini:
        return {"type": "duel"}
    avant = duel.lettres()[duel.montrees - 1]
    return {"type": "deviner", "lettre": logic.choix_de_la_machine(etat.comptes, avant)}


def selon_les_indices(niveau, etat):
    """Indice 1 : donner des prénoms (les cartes) jusqu'à en avoir assez, puis le duel."""
    if len(etat.prenoms) < logic.PRENOMS_DUEL:
        return {"type": "nourrir", "prenom": etat.cartes[0]}
    return coup_du_duel(etat)
