"""Les joueurs de l'audit pour le niveau 1 (voir `tuto-llm audit`).

- au hasard : une action légale tirée uniformément (une carte, retirer un prénom lu,
  tout effacer, d'autres cartes, un duel, une lettre du duel) ;
- selon les indices 1 et 2 : donner des prénoms (les cartes), puis au duel lire la
  ligne de la DERNIÈRE lettre montrée et prendre sa plus haute barre ;
- le copieur de l'indice 3 : il recopie la lettre de l'exemple de l'indice 3, partout.
"""

from engine.vocab import VOCAB_STANDARD
from levels.l1_devine import logic
from levels.l1_devine.duel import en_tete

MANCHES_COPIEUR = 1  # le copieur joue la manche où il a recopié l'exemple, puis s'arrête


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
    """Indice 2 : la ligne de la dernière lettre montrée, sa plus haute barre."""
    duel = etat.duel
    if duel is None or duel.fini:
        return {"type": "duel"}
    return {"type": "deviner", "lettre": en_tete(duel.comptes, duel.derniere())}


def selon_les_indices(niveau, etat):
    """Indice 1 : donner des prénoms (les cartes) jusqu'à en avoir assez, puis le duel."""
    if len(etat.prenoms) < logic.PRENOMS_DUEL:
        return {"type": "nourrir", "prenom": etat.cartes[0]}
    return coup_du_duel(etat)


def copie_indice3(niveau, etat):
    """Ce que l'indice 3 écrit : « après x, ta machine devine y ». Le copieur ouvre le duel
    (les cartes sont à l'écran) et tape y à chaque coup ; une manche, puis plus rien."""
    if len(etat.prenoms) < logic.PRENOMS_DUEL:
        return {"type": "nourrir", "prenom": etat.cartes[0]}
    duel = etat.duel
    if duel is None or duel.fini:
        return None if etat.manches >= MANCHES_COPIEUR else {"type": "duel"}
    return {"type": "deviner", "lettre": niveau.valeurs_indices(etat)["suivante"]}
