"""Le duel du niveau 1 : « joue la machine » avec TON tableau, figé au début de la manche.

Le tableau est copié quand la manche commence : vider ou changer le tableau pendant le
duel ne change pas les bonnes réponses. Le duel ne demande que les lettres dont la ligne
a une lettre clairement en tête (au moins un compte, et pas d'égalité) : une ligne que le
tableau n'a jamais vue n'est pas un point gratuit, elle n'est pas demandée du tout.
"""

import random
from dataclasses import dataclass

from engine.vocab import FIN, VOCAB_STANDARD

COUPS_DUEL = 10  # une manche : 10 lettres à deviner
PRENOMS_PAR_DUEL = 16  # assez de lettres pour une manche, même en sautant des lignes


def en_tete(comptes, lettre):
    """La lettre seule en tête de la ligne `lettre`, ou None (ligne vide, ou égalité)."""
    ligne = comptes[VOCAB_STANDARD.char_to_id[lettre]]
    haut = max(ligne)
    if haut <= 0 or ligne.count(haut) > 1:
        return None
    return VOCAB_STANDARD.id_to_char[ligne.index(haut)]


def prenoms_du_duel(cartes, graine, manche):
    return random.Random(f"duel-{graine}-{manche}").sample(cartes, PRENOMS_PAR_DUEL)


@dataclass
class Duel:
    """Une manche du duel : deviner la lettre suivante de quelques prénoms cachés."""

    manche: int
    prenoms: list
    comptes: list  # TON tableau, figé au début de la manche : c'est lui qu'on lit
    numero: int = 0  # le prénom en cours
    montrees: int = 1  # combien de lettres du prénom en cours sont montrées
    toi: int = 0  # tes lettres devinées comme ta machine
    machine: int = 0  # les fois où ta machine avait deviné la vraie lettre
    coups: int = 0
    # le dernier coup : {"toi", "machine", "bonne", "apres", "nouveau"} ; « nouveau » : ce
    # coup a fini le prénom, un nouveau prénom commence
    dernier: dict | None = None

    @property
    def fini(self):
        return self.coups >= COUPS_DUEL or self.numero >= len(self.prenoms)

    def lettres(self):
        """Le prénom en cours avec le « . » de fin : « lina. »."""
        return self.prenoms[self.numero] + FIN

    def derniere(self):
        """La dernière lettre montrée : celle que la machine regarde."""
        return self.lettres()[self.montrees - 1]

    def avancer(self):
        """Montre la lettre suivante, puis saute les lettres que le tableau ne tranche pas."""
        self._une_lettre()
        self.sauter()

    def sauter(self):
        while not self.fini and en_tete(self.comptes, self.derniere()) is None:
            self._une_lettre()

    def _une_lettre(self):
        self.montrees += 1
        if self.montrees >= len(self.lettres()):
            self.numero += 1
            self.montrees = 1

    def jouer(self, lettre):
        """Un coup : juste si `lettre` est celle que le tableau figé met seule en tête."""
        avant = self.derniere()
        bonne = self.lettres()[self.montrees]
        machine = en_tete(self.comptes, avant)
        self.toi += lettre == machine
        self.machine += machine == bonne
        self.coups += 1
        numero = self.numero
        self.avancer()
        self.dernier = {"toi": lettre, "machine": machine, "bonne": bonne, "apres": avant}
        self.dernier["nouveau"] = self.numero != numero


def nouveau_duel(comptes, cartes, graine, manche):
    duel = Duel(manche, prenoms_du_duel(cartes, graine, manche), [list(ligne) for ligne in comptes])
    duel.sauter()
    return duel
