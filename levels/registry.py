"""La liste des niveaux, dans l'ordre de l'aventure.

Ajouter un niveau = ajouter un dossier sous `levels/` et une ligne ici. L'ordre de
`MODULES` donne les numéros (1, 2, 3…) : c'est la seule liste des niveaux du jeu.
"""

from levels.contrat import charger

# Le module `logic` de chaque niveau définit `NIVEAU`, une instance de sa classe Niveau.
MODULES = [
    "levels.l1_devine.logic",
    "levels.l2_erreurs.logic",
    "levels.l3_memoire.logic",
    "levels.l4_attention.logic",
    "levels.l5_gpt.logic",
]


def niveaux():
    """Les niveaux dans l'ordre : [NIVEAU du niveau 1, …].

    Chaque niveau est vérifié à son premier chargement (`levels.contrat`) : un niveau
    mal déclaré lève `NiveauIncomplet` avec un message qui dit quoi corriger. Le numéro
    d'un niveau est sa place dans `MODULES` (1 pour le premier) : c'est cette liste qui
    le donne, même si le niveau copié d'un autre a gardé l'ancien `numero`.
    """
    liste = [charger(nom) for nom in MODULES]
    for place, niveau in enumerate(liste, start=1):
        niveau.numero = place
    return liste


def par_id():
    """Un dict id → niveau (pour rejouer un journal)."""
    return {niveau.id: niveau for niveau in niveaux()}


def niveau_numero(numero):
    """Le niveau numéro `numero` (1 à len(MODULES)). Lève KeyError s'il n'existe pas."""
    liste = niveaux()
    if isinstance(numero, int) and not isinstance(numero, bool) and 1 <= numero <= len(liste):
        return liste[numero - 1]
    raise KeyError(numero)
