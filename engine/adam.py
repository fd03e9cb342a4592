"""Adam : la façon de corriger les poids après chaque essai (comme dans microgpt).

Pour chaque poids, Adam garde deux souvenirs : `m`, la direction moyenne des
derniers gradients (l'élan), et `v`, leur taille moyenne (pour faire des pas
de même longueur partout). Le pas d'apprentissage (`lr`) baisse en ligne droite
jusqu'à 0 à la fin de l'entraînement prévu.
"""

import math
from itertools import chain


def aplatir(matrices, noms):
    """Tous les nombres de `matrices[nom]`, ligne après ligne, dans une seule liste."""
    return list(chain.from_iterable(ligne for nom in noms for ligne in matrices[nom]))


class Adam:
    """L'optimiseur Adam (β1 0,85 ; β2 0,99 ; eps 1e-8) avec décroissance linéaire du lr."""

    def __init__(self, poids, lr=0.01, etapes=1000, beta1=0.85, beta2=0.99, eps=1e-8):
        if not etapes >= 1:
            raise ValueError(f"Le nombre d'étapes prévu doit être au moins 1 (reçu : {etapes!r}).")
        self.lr, self.etapes = lr, etapes
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.noms = list(poids)
        taille = sum(len(ligne) for nom in self.noms for ligne in poids[nom])
        self.m = [0.0] * taille  # l'élan de chaque poids (tous les poids à la suite)
        self.v = [0.0] * taille  # la taille moyenne des gradients au carré
        self.etape = 0  # combien de corrections ont déjà été faites

    def taux(self):
        """Le pas d'apprentissage de la prochaine correction : baisse linéaire jusqu'à 0."""
        return self.lr * max(0.0, 1 - self.etape / self.etapes)

    def appliquer(self, poids, gradients):
        """Corrige `poids` (sur place) avec `gradients` ; renvoie le lr utilisé.

        `gradients` a la forme de `poids`, ou bien c'est déjà une seule liste
        (tous les gradients à la suite, dans l'ordre de `poids`).
        """
        lr_t = self.taux()
        b1, b2, eps, sqrt = self.beta1, self.beta2, self.eps, math.sqrt
        c1, c2 = 1 - b1, 1 - b2
        # au début, m et v partent de 0 : on les « regonfle » (correction du biais)
        pas = lr_t / (1 - b1 ** (self.etape + 1))
        inv_v = 1 / (1 - b2 ** (self.etape + 1))
        g = gradients if isinstance(gradients, list) else aplatir(gradients, self.noms)
        m = self.m = [b1 * a + c1 * x for a, x in zip(self.m, g, strict=True)]
        v = self.v = [b2 * a + c2 * x * x for a, x in zip(self.v, g, strict=True)]
        p = aplatir(poids, self.noms)
        p = [x - pas * a / (sqrt(b * inv_v) + eps) for x, a, b in zip(p, m, v, strict=True)]
        # on remet les nombres corrigés à leur place, ligne par ligne
        debut = 0
        for nom in self.noms:
            matrice = poids[nom]
            for i, ligne in enumerate(matrice):
                fin = debut + len(ligne)
                matrice[i] = p[debut:fin]
                debut = fin
        self.etape += 1
        return lr_t

    def etat(self):
        """L'état complet (pour sauvegarder et reprendre un entraînement)."""
        return {"etape": self.etape, "m": list(self.m), "v": list(self.v)}

    def restaurer(self, etat):
        """Reprend l'état donné par `etat()`."""
        if len(etat["m"]) != len(self.m) or len(etat["v"]) != len(self.v):
            raise ValueError("Cet état d'Adam ne correspond pas à ce modèle.")
        self.etape, self.m, self.v = int(etat["etape"]), list(etat["m"]), list(etat["v"])
