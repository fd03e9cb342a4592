"""`Valeur` : un nombre qui se souvient de comment il a été calculé.

C'est la version « pour apprendre » du calcul des gradients (comme dans
microgpt) : chaque opération garde ses parents, et `backward()` remonte le
calcul à l'envers pour trouver de combien chaque nombre a poussé la perte.
Lente mais simple ; elle sert aussi d'arbitre pour vérifier le moteur rapide.
"""

import math


class Valeur:
    __slots__ = ("data", "grad", "_parents", "_pentes")

    def __init__(self, data, parents=(), pentes=()):
        self.data = float(data)
        self.grad = 0.0
        self._parents = parents  # les nombres qui ont servi à me calculer
        self._pentes = pentes  # de combien je bouge quand chaque parent bouge

    def __repr__(self):
        return f"Valeur(data={self.data:.4g}, grad={self.grad:.4g})"

    def __add__(self, autre):
        autre = autre if isinstance(autre, Valeur) else Valeur(autre)
        return Valeur(self.data + autre.data, (self, autre), (1.0, 1.0))

    def __mul__(self, autre):
        autre = autre if isinstance(autre, Valeur) else Valeur(autre)
        return Valeur(self.data * autre.data, (self, autre), (autre.data, self.data))

    def __pow__(self, exposant):
        return Valeur(self.data**exposant, (self,), (exposant * self.data ** (exposant - 1),))

    def exp(self):
        e = math.exp(self.data)
        return Valeur(e, (self,), (e,))

    def log(self):
        return Valeur(math.log(self.data), (self,), (1.0 / self.data,))

    def relu(self):
        return Valeur(max(0.0, self.data), (self,), (float(self.data > 0),))

    def __neg__(self):
        return self * -1

    def __radd__(self, autre):
        return self + autre

    def __sub__(self, autre):
        return self + (-autre)

    def __rsub__(self, autre):
        return (-self) + autre

    def __rmul__(self, autre):
        return self * autre

    def __truediv__(self, autre):
        return self * autre**-1

    def __rtruediv__(self, autre):
        return autre * self**-1

    def backward(self):
        """Calcule `grad` de tous les nombres qui ont servi à calculer celui-ci."""
        ordre, vus = [], set()
        pile = [(self, False)]
        while pile:  # tri topologique sans récursion (les calculs peuvent être longs)
            v, parents_faits = pile.pop()
            if parents_faits:
                ordre.append(v)
            elif id(v) not in vus:
                vus.add(id(v))
                pile.append((v, True))
                pile.extend((p, False) for p in v._parents)
        self.grad = 1.0
        for v in reversed(ordre):
            for parent, pente in zip(v._parents, v._pentes, strict=True):
                parent.grad += pente * v.grad
