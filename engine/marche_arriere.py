"""La marche arrière du petit GPT, écrite à la main pour aller vite.

`engine.gpt.gpt()` fait un pas du modèle, comme microgpt.py. Pour apprendre, il
faut aussi savoir de combien chaque poids a poussé la perte (les gradients).
`Valeur` (`engine.autograd`) le trouve tout seul, mais lentement : ici, on refait
la marche avant d'un mot entier en gardant chaque calcul intermédiaire (le
`Memo`), puis on la remonte à l'envers, formule par formule, sur des listes de
nombres. `engine.gpt_valeur` donne les mêmes gradients (c'est vérifié par les
tests) : c'est l'arbitre.
"""

import math

from engine.gpt import (
    EPS_RMS,
    NOMS_COUCHE,
    attention,
    formes,
    longueur_utile,
    matrices_couche,
    softmax,
)
from engine.noyau import produit, produit_scalaire, produits_croises, transposer

_CHAMPS = ("xn", "echelle1", "q", "k", "v", "att", "sortie", "hn", "echelle2", "h")


class Memo:
    """Ce que la marche avant garde pour la marche arrière, position après position."""

    def __init__(self, config):
        self.jetons, self.positions, self.x0, self.echelles0, self.xf = [], [], [], [], []
        self.couches = [{nom: [] for nom in _CHAMPS} for _ in range(config.n_layer)]
        self.morceaux = []  # (début, longueur) de chaque séquence


def _rmsnorm(x):
    """rmsnorm, qui rend aussi son échelle (la marche arrière en a besoin)."""
    echelle = (produit_scalaire(x, x) / len(x) + EPS_RMS) ** -0.5
    return [v * echelle for v in x], echelle


def _rmsnorms(xs):
    """`_rmsnorm` de chaque position : (les vecteurs, les échelles)."""
    paires = [_rmsnorm(x) for x in xs]
    return [y for y, _ in paires], [e for _, e in paires]


def _plus(a, b):
    return [x + y for x, y in zip(a, b, strict=True)]


def _attention_sequence(config, q, k, v):
    """Toutes les têtes, toutes les positions : (poids d'attention, sorties mises bout à bout)."""
    hd, n = config.head_dim, len(q)
    att = [[] for _ in range(n)]
    sorties = [[] for _ in range(n)]
    for tete in range(config.n_head):
        d, f = tete * hd, tete * hd + hd
        cles, valeurs = [x[d:f] for x in k], [x[d:f] for x in v]
        for t in range(n):  # la position t regarde les positions 0 à t
            poids_t, sortie = attention(q[t][d:f], cles[: t + 1], valeurs[: t + 1])
            att[t].append(poids_t)
            sorties[t] += sortie
    return att, sorties


def avant_sequence(poids, config, jetons, n, memo):
    """La marche avant de `gpt()` sur les `n` premières positions d'un mot, d'un coup.

    Les mêmes calculs que `gpt()` position après position ; chaque résultat
    intermédiaire est gardé dans `memo`. Renvoie les scores de chaque position.
    """
    memo.morceaux.append((len(memo.jetons), n))
    x0 = [_plus(poids["wte"][jetons[p]], poids["wpe"][p]) for p in range(n)]
    xs, echelles = _rmsnorms(x0)
    memo.jetons += jetons[:n]
    memo.positions += range(n)
    memo.x0 += xs
    memo.echelles0 += echelles
    for couche in range(config.n_layer):
        wq, wk, wv, wo, fc1, fc2 = matrices_couche(poids, couche)
        m = memo.couches[couche]
        xn, echelle1 = _rmsnorms(xs)
        q, k, v = produits_croises(xn, wq), produits_croises(xn, wk), produits_croises(xn, wv)
        att, sortie = _attention_sequence(config, q, k, v)
        xs = [_plus(produit(wo, s), x) for s, x in zip(sortie, xs, strict=True)]
        hn, echelle2 = _rmsnorms(xs)
        h = [[a if a > 0 else 0.0 for a in produit(fc1, x)] for x in hn]
        xs = [_plus(produit(fc2, a), x) for a, x in zip(h, xs, strict=True)]
        valeurs = (xn, echelle1, q, k, v, att, sortie, hn, echelle2, h)
        for nom, valeur in zip(_CHAMPS, valeurs, strict=True):
            m[nom] += valeur
    memo.xf += xs
    return produits_croises(xs, poids["lm_head"])


def perte_et_gradients(poids, config, jetons):
    """La perte d'une séquence (moyenne de -log p(bon jeton)) et le gradient de chaque poids.

    Renvoie (perte, gradients) ; `gradients` a la même forme que `poids`.
    """
    return perte_et_gradients_lot(poids, config, [jetons])


def perte_et_gradients_lot(poids, config, sequences, taille_lot=None):
    """Comme `perte_et_gradients`, pour plusieurs séquences : pertes et gradients moyennés.

    `taille_lot` (par défaut : le nombre de séquences) est le nombre de mots du
    lot entier quand on ne calcule ici qu'un morceau du lot (`engine.parallele`) :
    on divise alors par la taille du lot entier, et on additionne les morceaux.
    """
    taille_lot = taille_lot or len(sequences)
    memo = Memo(config)
    d_logits, perte_totale = [], 0.0
    for jetons in sequences:
        n = longueur_utile(config, jetons)
        coef = 1.0 / (n * taille_lot)  # chaque séquence compte pareil, chaque position aussi
        pertes = []
        for position, logits in enumerate(avant_sequence(poids, config, jetons, n, memo)):
            probas = softmax(logits)
            cible = jetons[position + 1]
            pertes.append(-math.log(probas[cible]))
            # le gradient de la perte par rapport aux scores : probabilité - 1 pour la bonne
            d = [p * coef for p in probas]
            d[cible] -= coef
            d_logits.append(d)
        perte_totale += sum(pertes) / n
    return perte_totale / taille_lot, _arriere(poids, config, memo, d_logits)


def _retour_produit(matrice, d_sorties):
    """Marche arrière de `produit` pour chaque position : d_x = matriceᵀ · d_sortie."""
    colonnes = transposer(matrice)
    return produits_croises(d_sorties, colonnes)


def _gradient_matrice(d_sorties, entrees):
    """Le gradient d'une matrice : somme sur les positions de d_sortie ⊗ entrée."""
    colonnes_x = transposer(entrees)
    zeros = [0.0] * len(colonnes_x)
    return [produit(colonnes_x, d) if any(d) else zeros[:] for d in transposer(d_sorties)]


def _retour_rmsnorm(d_y, y, echelle):
    """Marche arrière de rmsnorm (y = x · échelle)."""
    k = produit_scalaire(d_y, y) / len(y)
    return [echelle * (g - b * k) for g, b in zip(d_y, y, strict=True)]


def _retour_attention(q, k, v, att, d_sortie, racine):
    """Marche arrière d'une tête sur une séquence : (d_q, d_k, d_v), une ligne par position."""
    n = len(q)
    d_scores = []
    for t in range(n):
        poids_t = att[t]
        d_poids = produit(v[: t + 1], d_sortie[t])
        # softmax à l'envers : d_score = poids · (d_poids - moyenne pondérée des d_poids)
        moyenne = produit_scalaire(poids_t, d_poids)
        ligne = [w * (g - moyenne) / racine for w, g in zip(poids_t, d_poids, strict=True)]
        d_scores.append(ligne + [0.0] * (n - t - 1))  # on ne regarde pas l'avenir : des zéros
    att_plein = [w + [0.0] * (n - len(w)) for w in att]
    d_q = produits_croises(d_scores, transposer(k))
    colonnes_q, colonnes_d = transposer(q), transposer(d_sortie)
    d_k = produits_croises(transposer(d_scores), colonnes_q)
    d_v = produits_croises(transposer(att_plein), colonnes_d)
    return d_q, d_k, d_v


def _ajouter(a, b):
    """Additionne deux listes de vecteurs, position par position."""
    return [[x + y for x, y in zip(u, w, strict=True)] for u, w in zip(a, b, strict=True)]


def _retour_rmsnorms(d_y, ys, echelles):
    """`_retour_rmsnorm` pour chaque position."""
    return [_retour_rmsnorm(d, y, e) for d, y, e in zip(d_y, ys, echelles, strict=True)]


def _retour_mlp(grads, noms, fc1, fc2, m, d_x):
    """Le MLP d'une couche, à l'envers : remplit `grads` et renvoie d_x avant le MLP."""
    grads[noms[5]] = _gradient_matrice(d_x, m["h"])
    # un neurone éteint par ReLU (0) ne transmet rien : on ne calcule pas son gradient
    colonnes = transposer(fc2)
    d_h = [
        [produit_scalaire(col, dx) if a > 0 else 0.0 for col, a in zip(colonnes, h, strict=True)]
        for dx, h in zip(d_x, m["h"], strict=True)
    ]
    grads[noms[4]] = _gradient_matrice(d_h, m["hn"])
    d_hn = _retour_produit(fc1, d_h)
    # le raccourci (résiduel) laisse passer d_x tel quel, on y ajoute le chemin du MLP
    return _ajouter(d_x, _retour_rmsnorms(d_hn, m["hn"], m["echelle2"]))


def _retour_bloc_attention(grads, noms, matrices, m, d_x, config, morceaux):
    """L'attention d'une couche, à l'envers : remplit `grads` et renvoie d_x avant elle."""
    wq, wk, wv, wo = matrices
    hd, c = config.head_dim, config.n_embd
    grads[noms[3]] = _gradient_matrice(d_x, m["sortie"])
    d_sortie = _retour_produit(wo, d_x)
    # d_qkv : pour chaque position, les gradients de q, k et v mis bout à bout
    d_qkv = [[0.0] * (3 * c) for _ in d_x]
    for debut, n in morceaux:  # chaque mot a sa propre salle de classe
        fin = debut + n
        for tete in range(config.n_head):
            d, f = tete * hd, tete * hd + hd
            d_q, d_k, d_v = _retour_attention(
                [q[d:f] for q in m["q"][debut:fin]],
                [k[d:f] for k in m["k"][debut:fin]],
                [v[d:f] for v in m["v"][debut:fin]],
                [att[tete] for att in m["att"][debut:fin]],
                [s[d:f] for s in d_sortie[debut:fin]],
                math.sqrt(hd),
            )
            for i in range(n):
                ligne = d_qkv[debut + i]
                ligne[d:f] = d_q[i]  # la partie q
                ligne[c + d : c + f] = d_k[i]  # la partie k
                ligne[2 * c + d : 2 * c + f] = d_v[i]  # la partie v
    g_qkv = _gradient_matrice(d_qkv, m["xn"])
    grads[noms[0]], grads[noms[1]], grads[noms[2]] = g_qkv[:c], g_qkv[c : 2 * c], g_qkv[2 * c :]
    d_xn = _retour_produit(wq + wk + wv, d_qkv)  # les trois matrices empilées
    return _ajouter(d_x, _retour_rmsnorms(d_xn, m["xn"], m["echelle1"]))


def _retour_plongements(grads, config, memo, d_x):
    """Chaque position renvoie son gradient à la note de son jeton et à celle de sa place."""
    wte = [[0.0] * config.n_embd for _ in range(config.vocab_size)]
    wpe = [[0.0] * config.n_embd for _ in range(config.block_size)]
    d_0 = _retour_rmsnorms(d_x, memo.x0, memo.echelles0)
    for jeton, position, d in zip(memo.jetons, memo.positions, d_0, strict=True):
        wte[jeton] = [a + b for a, b in zip(wte[jeton], d, strict=True)]
        wpe[position] = [a + b for a, b in zip(wpe[position], d, strict=True)]
    grads["wte"], grads["wpe"] = wte, wpe


def _arriere(poids, config, memo, d_logits):
    """La marche arrière complète : de d_logits jusqu'aux gradients de tous les poids."""
    grads = {"lm_head": _gradient_matrice(d_logits, memo.xf)}
    d_x = _retour_produit(poids["lm_head"], d_logits)
    for couche in reversed(range(config.n_layer)):
        wq, wk, wv, wo, fc1, fc2 = matrices_couche(poids, couche)
        noms = [f"layer{couche}.{nom}" for nom in NOMS_COUCHE]
        m = memo.couches[couche]
        d_x = _retour_mlp(grads, noms, fc1, fc2, m, d_x)
        d_x = _retour_bloc_attention(grads, noms, (wq, wk, wv, wo), m, d_x, config, memo.morceaux)
    _retour_plongements(grads, config, memo, d_x)
    return {nom: grads[nom] for nom, _, _ in formes(config)}
