"""Prépare le plateau du niveau 3 (une fois : `python -m levels.l3_memoire.preentrainement`).

Le modèle du niveau 3 devine la lettre suivante à partir des deux notes (x, y)
de la lettre actuelle : logits = W · notes + b. Ici on entraîne tout (les notes
de chaque lettre, W et b) sur les prénoms, puis on garde W et b : ils décident
de ce que « veut dire » chaque endroit du plateau. Dans le jeu, c'est l'enfant
qui place les lettres (les notes), et la machine qui les place ensuite.

On écrit `modele_appris.py` à côté : W et b arrondis (les mêmes sur tous les PC),
la place du « . » (début de prénom, fixe) et les places apprises (pour les tests).
Un module Python plutôt qu'un fichier de données : il voyage toujours avec le jeu.
Après l'avoir refait : `ruff format levels/l3_memoire`, puis les tests du niveau 3.
"""

import json
import math
import random
from pathlib import Path

from engine.adam import Adam
from engine.bigramme import compter
from engine.donnees import charger_dataset
from engine.vocab import VOCAB

FICHIER = Path(__file__).with_name("modele_appris.py")
BORD_MIN, BORD_MAX = 1.0, 9.0  # les lettres apprises tiennent dans [1, 9] sur un plateau 0..10
ETAPES = 1500


def _gradients(comptes, notes, w, b):
    """Perte et gradients (notes, W, b) du modèle logits = W · notes + b, à la main."""
    total = sum(map(sum, comptes))
    d_notes = [[0.0, 0.0] for _ in notes]
    d_w = [[0.0, 0.0] for _ in w]
    d_b = [0.0] * len(b)
    perte = 0.0
    for a, ligne in enumerate(comptes):
        n = sum(ligne)
        if n == 0:
            continue
        logits = [
            wk[0] * notes[a][0] + wk[1] * notes[a][1] + bk for wk, bk in zip(w, b, strict=True)
        ]
        m = max(logits)
        exps = [math.exp(z - m) for z in logits]
        s = sum(exps)
        for k, c in enumerate(ligne):
            p = exps[k] / s
            if c:
                perte -= c * (logits[k] - m - math.log(s))
            d = (n * p - c) / total
            d_w[k][0] += d * notes[a][0]
            d_w[k][1] += d * notes[a][1]
            d_b[k] += d
            d_notes[a][0] += d * w[k][0]
            d_notes[a][1] += d * w[k][1]
    return perte / total, d_notes, d_w, d_b


def _resoudre3(lignes, cibles):
    """Moindres carrés pour 3 inconnues (équations normales, pivot de Gauss)."""
    ata = [[sum(r[i] * r[j] for r in lignes) for j in range(3)] for i in range(3)]
    aty = [sum(r[i] * y for r, y in zip(lignes, cibles, strict=True)) for i in range(3)]
    m = [ligne + [y] for ligne, y in zip(ata, aty, strict=True)]
    for i in range(3):
        pivot = max(range(i, 3), key=lambda r: abs(m[r][i]))
        m[i], m[pivot] = m[pivot], m[i]
        for r in range(3):
            if r != i:
                f = m[r][i] / m[i][i]
                m[r] = [a - f * c for a, c in zip(m[r], m[i], strict=True)]
    return [m[i][3] / m[i][i] for i in range(3)]


def entrainer(comptes, graine=0, etapes=ETAPES):
    hasard = random.Random(graine)
    n = len(comptes)
    poids = {
        "notes": [[hasard.gauss(0, 1), hasard.gauss(0, 1)] for _ in range(n)],
        "w": [[hasard.gauss(0, 1), hasard.gauss(0, 1)] for _ in range(n)],
        "b": [[0.0] * n],
    }
    adam = Adam(poids, lr=0.05, etapes=etapes)
    for _ in range(etapes):
        _, d_notes, d_w, d_b = _gradients(comptes, poids["notes"], poids["w"], poids["b"][0])
        adam.appliquer(poids, {"notes": d_notes, "w": d_w, "b": [d_b]})
    return poids["notes"], poids["w"], poids["b"][0]


def vers_le_plateau(notes, w, b):
    """Tourne et étire l'espace pour que les lettres remplissent le plateau.

    Voyelles à droite. Un changement affine des notes se compense exactement dans
    W et b : la perte ne change pas.
    """
    lettres = notes[1:]
    cx = sum(p[0] for p in lettres) / len(lettres)
    cy = sum(p[1] for p in lettres) / len(lettres)
    sxx = sum((p[0] - cx) ** 2 for p in lettres)
    syy = sum((p[1] - cy) ** 2 for p in lettres)
    sxy = sum((p[0] - cx) * (p[1] - cy) for p in lettres)
    angle = 0.5 * math.atan2(2 * sxy, sxx - syy)
    c, s = math.cos(angle), math.sin(angle)
    tournes = [
        [(p[0] - cx) * c + (p[1] - cy) * s, -(p[0] - cx) * s + (p[1] - cy) * c] for p in notes
    ]
    voyelles = [VOCAB.index(v) for v in "aeiou"]
    if sum(tournes[v][0] for v in voyelles) < 0:
        tournes = [[-x, y] for x, y in tournes]
    xs = [p[0] for p in tournes[1:]]
    ys = [p[1] for p in tournes[1:]]
    ax = (BORD_MAX - BORD_MIN) / (max(xs) - min(xs))
    ay = (BORD_MAX - BORD_MIN) / (max(ys) - min(ys))
    plateau = [[BORD_MIN + ax * (x - min(xs)), BORD_MIN + ay * (y - min(ys))] for x, y in tournes]
    # W' et b' tels que W' · plateau + b' = W · notes + b pour chaque lettre.
    lignes = [[p[0], p[1], 1.0] for p in plateau]
    w2, b2 = [], []
    for wk, bk in zip(w, b, strict=True):
        cibles = [wk[0] * p[0] + wk[1] * p[1] + bk for p in notes]
        wx, wy, bb = _resoudre3(lignes, cibles)
        w2.append([wx, wy])
        b2.append(bb)
    return plateau, w2, b2


def places_optimales(comptes, w, b, depart, etapes=400):
    """Les meilleures notes de chaque lettre pour W et b fixés (le problème est convexe)."""
    poids = {"notes": [list(p) for p in depart]}
    adam = Adam(poids, lr=0.1, etapes=etapes)
    for _ in range(etapes):
        _, d_notes, _, _ = _gradients(comptes, poids["notes"], w, b)
        adam.appliquer(poids, {"notes": d_notes})
    return poids["notes"]


def main():
    mots = charger_dataset("prenoms")
    comptes = compter(mots)
    notes, w, b = entrainer(comptes)
    plateau, w, b = vers_le_plateau(notes, w, b)
    w = [[round(x, 5) for x in wk] for wk in w]
    b = [round(x, 5) for x in b]
    places = places_optimales(comptes, w, b, plateau)
    places = [[round(x, 3) for x in p] for p in places]
    perte = _gradients(comptes, places, w, b)[0]
    contenu = {
        "format": 1,
        "explication": "Niveau 3 : logits = W · (x, y) + b ; fichier écrit par preentrainement.py",
        "dataset": "prenoms",
        "mots": len(mots),
        "perte_apprise": round(perte, 6),
        "W": w,
        "b": b,
        "debut": places[0],
        "places_apprises": {VOCAB[i]: p for i, p in enumerate(places)},
    }
    texte = json.dumps(contenu, ensure_ascii=False, indent=1)
    FICHIER.write_text(
        '"""Le modèle fixe du niveau 3, écrit par `preentrainement.py` (ne pas retoucher)."""'
        f"\n\nMODELE = {texte.replace('true', 'True').replace('false', 'False')}\n",
        encoding="utf-8",
    )
    print(f"{FICHIER} écrit : perte apprise {perte:.4f} sur {len(mots)} prénoms.")


if __name__ == "__main__":
    main()
