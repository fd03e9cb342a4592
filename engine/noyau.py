"""Le noyau du calcul : multiplier deux listes de nombres case par case, puis tout additionner.

C'est le « produit scalaire » : presque tout le temps de calcul du petit GPT se
passe ici (chaque ligne d'une matrice fois un vecteur, les gradients…).

Python 3.12 et plus ont `math.sumprod`, qui fait exactement ça, en C, vite et
avec une addition plus précise. Python 3.11 ne l'a pas : on multiplie les cases
deux à deux (`map(mul, …)`) et on additionne (`sum`). Même graine ⇒ même calcul,
au bit près, sur un même ordinateur avec un même Python ; d'un Python à l'autre,
le dernier chiffre peut changer (c'est pourquoi la vérification des parties
garde une petite tolérance).
"""

import math
from operator import mul

SUMPROD = hasattr(math, "sumprod")  # vrai sur Python 3.12 et plus

if SUMPROD:
    from math import sumprod as produit_scalaire

    def produit(matrice, x):
        """Multiplie une matrice par un vecteur : chaque ligne donne un nombre."""
        return [produit_scalaire(ligne, x) for ligne in matrice]

else:  # Python 3.11 : la même chose, écrite avec `sum` et `map`

    def produit_scalaire(a, b):
        """Multiplie deux listes case par case, puis additionne tout."""
        return sum(map(mul, a, b))

    def produit(matrice, x):
        """Multiplie une matrice par un vecteur : chaque ligne donne un nombre."""
        return [sum(map(mul, ligne, x)) for ligne in matrice]


def transposer(lignes):
    """Les colonnes d'une matrice (une liste de lignes) deviennent ses lignes."""
    return list(zip(*lignes, strict=True))


def produits_croises(lignes_a, lignes_b):
    """Le produit scalaire de chaque ligne de `lignes_a` avec chaque ligne de `lignes_b`."""
    return [produit(lignes_b, a) for a in lignes_a]
