"""Le plateau d'une partie du niveau 3 : ce que veut dire chaque endroit, et où sont les lettres.

Le modèle devine la lettre suivante en ne regardant QUE les deux notes (x, y) de la
lettre actuelle : logits = W · (x, y) + b, puis softmax. W et b ont été appris une fois
pour toutes (`preentrainement.py`) ; chaque partie TOURNE et RETOURNE ce plateau (la
graine choisit l'angle) : les bonnes places changent d'une partie à l'autre, mais la
règle reste la même. Un changement de repère se compense exactement dans W et b : la
perte ne change pas, seules les coordonnées changent.

Dans chaque partie, la machine a déjà posé la plupart des lettres à leur place (les
« lettres de la machine ») ; quelques lettres fréquentes, tirées par la graine, sont
posées n'importe où : c'est à l'enfant de les placer (`Plateau.libres`). Chacune a
au moins une lettre de la machine qui se comporte comme elle (mêmes lettres après).
"""

import functools
import math
import random
from dataclasses import dataclass

from engine.bigramme import compter
from engine.donnees import charger_dataset
from engine.gpt import softmax
from engine.vocab import LETTRES, VOCAB
from levels.l3_memoire.modele_appris import MODELE

NOTE_MIN, NOTE_MAX = 0.0, 10.0  # le plateau : deux notes sur 10
DISTANCE_MIN = 0.5  # deux lettres ne se cachent jamais : une lettre posée trop près glisse à côté
CENTRE = (5.0, 5.0)
ECHELLE = 0.8  # le plateau appris, un peu rétréci pour tourner sans sortir du cadre
DECALAGE_MAX = 0.5
# Les lettres que l'enfant peut avoir à placer (les plus fréquentes des prénoms).
CANDIDATES = "aeinlrsomyhdtuc"
NOMBRE_LIBRES = 7
LIGNES_CARTE = 5  # la carte « après « a », on voit souvent… » montre 5 lignes
ECART_VOISINE = 0.012  # une lettre à placer a une voisine de la machine aussi bonne que ça
ESSAIS_TIRAGE = 200


def modele():
    """W (27 × 2), b (27), la place fixe du « . » et les places apprises (repère d'origine)."""
    return MODELE


@functools.cache
def comptes():
    """Combien de fois chaque lettre suit chaque lettre dans les vrais prénoms."""
    return compter(charger_dataset("prenoms"))


@functools.cache
def _total():
    return sum(map(sum, comptes()))


@dataclass(frozen=True)
class Plateau:
    """Ce que veut dire chaque endroit dans CETTE partie, et où sont les lettres au départ."""

    W: tuple  # 27 × (wx, wy)
    b: tuple
    apprises: tuple  # la meilleure place de chaque jeton sur ce plateau (0 = « . »)
    libres: str  # les lettres que l'enfant place
    depart: tuple  # la place de départ des 27 jetons


def logits_de(notes, plateau):
    """Les scores de chaque lettre suivante, pour une lettre placée en `notes` = (x, y)."""
    x, y = notes
    return [wx * x + wy * y + b for (wx, wy), b in zip(plateau.W, plateau.b, strict=True)]


def probabilites_de(notes, plateau):
    """Ce que le modèle prédit après une lettre placée en (x, y)."""
    return softmax(logits_de(notes, plateau))


def perte_ligne(lettre_id, notes, plateau):
    """La part de la perte due à une lettre : -log(proba de la bonne suite), pondérée par
    le nombre de fois où cette lettre apparaît dans les prénoms."""
    probas = probabilites_de(notes, plateau)
    ligne = comptes()[lettre_id]
    return (
        sum(-c * math.log(max(p, 1e-300)) for c, p in zip(ligne, probas, strict=True) if c)
        / _total()
    )


def perte_du_placement(places, plateau):
    """La perte moyenne du modèle sur tous les prénoms, pour ces places des 27 jetons."""
    return sum(perte_ligne(i, places[i], plateau) for i in range(len(VOCAB)))


def gradients_des_places(places, plateau):
    """Pour chaque lettre, dans quelle direction sa place fait monter la perte.

    Pour une lettre a : Σ sur les lettres suivantes k de (n_a × p_k − compte[a][k]) × W[k].
    """
    total = _total()
    gradients = [[0.0, 0.0] for _ in places]
    for a in range(1, len(VOCAB)):  # le « . » ne bouge pas
        ligne = comptes()[a]
        n = sum(ligne)
        for k, p in enumerate(probabilites_de(places[a], plateau)):
            d = (n * p - ligne[k]) / total
            gradients[a][0] += d * plateau.W[k][0]
            gradients[a][1] += d * plateau.W[k][1]
    return gradients


def suivantes(lettre, combien=LIGNES_CARTE):
    """Ce qui vient le plus souvent après `lettre` dans les vrais prénoms : une liste de
    (lettre suivante, part entre 0 et 1), de la plus fréquente à la moins fréquente.
    Le « . » veut dire « fin du prénom »."""
    return list(_suivantes(lettre, combien))


@functools.cache
def _suivantes(lettre, combien):
    ligne = comptes()[VOCAB.index(lettre)]
    total = sum(ligne)
    if not total:
        return ()
    rangees = sorted(range(len(VOCAB)), key=lambda k: (-ligne[k], k))
    return tuple((VOCAB[k], ligne[k] / total) for k in rangees[:combien] if ligne[k])


@functools.cache
def ressemblance(a, b):
    """À quel point les cartes de `a` et `b` se ressemblent (0 à 1) : pour chaque lettre
    suivante présente sur les deux cartes, la plus petite des deux barres, additionnées."""
    carte_b = dict(suivantes(b))
    return sum(min(part, carte_b[s]) for s, part in suivantes(a) if s in carte_b)


def plus_proches(places, lettre, combien=3):
    """Les lettres posées le plus près de `lettre` (pour l'écran et la question)."""
    i = VOCAB.index(lettre)
    x, y = places[i]
    autres = [c for c in LETTRES if c != lettre]
    autres.sort(key=lambda c: (math.dist(places[VOCAB.index(c)], (x, y)), c))
    return autres[:combien]


def sosie(lettre, candidates):
    """La lettre de `candidates` dont la carte ressemble le plus à celle de `lettre`."""
    return max((c for c in candidates if c != lettre), key=lambda c: (ressemblance(lettre, c), c))


# --------------------------------------------------------------------------- la partie


@functools.lru_cache(maxsize=64)
def plateau_de(graine):
    """Le plateau de la partie `graine` : le repère tourné, les lettres à placer, le départ."""
    hasard = random.Random(f"l3-plateau-{graine}")
    W, b, vers_plateau = _reperes(hasard)
    apprises = tuple(vers_plateau(p) for p in _apprises_origine())
    libres = _tirer_libres(hasard)
    places = [list(apprises[0])] + [None] * len(LETTRES)
    machine = sorted((c for c in LETTRES if c not in libres), key=_rang_frequence)
    for lettre in machine:  # les plus fréquentes d'abord : elles gardent leur meilleure place
        i = VOCAB.index(lettre)
        x, y = (round(_borner(v), 1) for v in apprises[i])
        places[i] = place_libre(places, i, x, y)
    plateau = Plateau(W, b, apprises, "".join(sorted(libres)), ())
    for lettre in sorted(libres):
        i = VOCAB.index(lettre)
        places[i] = _place_mauvaise(hasard, plateau, places, i)
    return Plateau(W, b, apprises, plateau.libres, tuple(tuple(p) for p in places))


def _reperes(hasard):
    """W et b de ce plateau, et la fonction qui envoie une place d'origine sur ce plateau."""
    angle = hasard.uniform(0, 2 * math.pi)
    miroir = hasard.random() < 0.5
    dx, dy = (hasard.uniform(-DECALAGE_MAX, DECALAGE_MAX) for _ in range(2))
    c, s = math.cos(angle) * ECHELLE, math.sin(angle) * ECHELLE
    m = [[c, -s], [s, c]]  # tourner et rétrécir
    if miroir:
        m = [[-m[0][0], m[0][1]], [-m[1][0], m[1][1]]]  # et retourner (x ↦ -x avant)
    det = m[0][0] * m[1][1] - m[0][1] * m[1][0]
    inverse = [[m[1][1] / det, -m[0][1] / det], [-m[1][0] / det, m[0][0] / det]]
    cx, cy = CENTRE
    ox, oy = cx + dx, cy + dy

    def vers_plateau(p):
        u, v = p[0] - cx, p[1] - cy
        return (ox + m[0][0] * u + m[0][1] * v, oy + m[1][0] * u + m[1][1] * v)

    W, b = [], []
    for (wx, wy), bk in zip(modele()["W"], modele()["b"], strict=True):
        # W' = W · M⁻¹ ; b' = b + W · c − W' · (c + décalage) : mêmes logits aux mêmes lettres.
        w2 = (wx * inverse[0][0] + wy * inverse[1][0], wx * inverse[0][1] + wy * inverse[1][1])
        W.append(w2)
        b.append(bk + wx * cx + wy * cy - w2[0] * ox - w2[1] * oy)
    return tuple(W), tuple(b), vers_plateau


def _apprises_origine():
    return [modele()["places_apprises"][c] for c in VOCAB]


def _rang_frequence(lettre):
    return -sum(comptes()[VOCAB.index(lettre)])


@functools.cache
def _excedent_origine(lettre, voisine):
    """Ce que coûte `lettre` posée pile à la meilleure place de `voisine` (repère d'origine)."""
    i = VOCAB.index(lettre)
    plateau = Plateau(tuple(map(tuple, modele()["W"])), tuple(modele()["b"]), (), "", ())
    ici, la = modele()["places_apprises"][lettre], modele()["places_apprises"][voisine]
    return perte_ligne(i, la, plateau) - perte_ligne(i, ici, plateau)


def _tirer_libres(hasard):
    """Les lettres à placer : chacune a une lettre de la machine qui lui ressemble, et
    poser la lettre tout contre celle-là est presque aussi bien que sa meilleure place."""
    for _ in range(ESSAIS_TIRAGE):
        libres = hasard.sample(CANDIDATES, NOMBRE_LIBRES)
        machine = [c for c in LETTRES if c not in libres]
        if all(_excedent_origine(c, sosie(c, machine)) <= ECART_VOISINE for c in libres):
            return libres
    raise RuntimeError("aucun tirage de lettres à placer ne convient")  # jamais vu


def _place_mauvaise(hasard, plateau, places, i):
    """Une place de départ franchement mauvaise pour la lettre i, loin des autres lettres."""
    grille = [(x / 2, y / 2) for x in range(1, 20) for y in range(1, 20)]
    autres = [q for j, q in enumerate(places) if q is not None and j not in (0, i)]
    libres = [p for p in grille if all(math.dist(p, q) >= 1.0 for q in autres)]
    libres.sort(key=lambda p: (perte_ligne(i, p, plateau), p))
    mauvaises = libres[len(libres) // 2 : len(libres) * 9 // 10]
    return list(hasard.choice(mauvaises))


def _borner(note):
    return max(NOTE_MIN, min(NOTE_MAX, note))


def place_libre(places, i, x, y):
    """(x, y) si aucune autre lettre n'est à moins de DISTANCE_MIN, sinon la place libre
    la plus proche (au dixième, toujours la même) : deux lettres ne se cachent jamais."""

    def libre(px, py):
        return all(
            math.dist((px, py), p) >= DISTANCE_MIN
            for j, p in enumerate(places)
            if j not in (0, i) and p is not None
        )

    if libre(x, y):
        return [x, y]
    for rayon in range(1, 101):
        autour = []
        for dx in range(-rayon, rayon + 1):
            for dy in (-rayon, rayon) if abs(dx) != rayon else range(-rayon, rayon + 1):
                px, py = round(x + dx / 10, 1), round(y + dy / 10, 1)
                if NOTE_MIN <= px <= NOTE_MAX and NOTE_MIN <= py <= NOTE_MAX and libre(px, py):
                    autour.append((math.dist((px, py), (x, y)), px, py))
        if autour:
            _, px, py = min(autour)
            return [px, py]
    return [x, y]
