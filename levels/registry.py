"""La liste des niveaux, dans l'ordre de l'aventure.

Ajouter un niveau = ajouter un dossier sous `levels/` et une ligne ici.
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
    mal déclaré lève `NiveauIncomplet` avec un message qui dit quoi corriger.
    """
    return [charger(nom) for nom in MODULES]


def par_id():
    """Un dict id → niveau (pour rejouer un journal)."""
    return {niveau.id: niveau for niveau in niveaux()}


def niveau_numero(numero):
    """Le niveau numéro `numero` (1 à 5). Lève KeyError s'il n'existe pas."""
    for niveau in niveaux():
        if niveau.numero == numero:
            return niveau
    raise KeyError(numero)
