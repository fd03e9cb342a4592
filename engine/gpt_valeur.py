"""Le même petit GPT, construit avec `Valeur` : la version de microgpt, lente mais simple.

Chaque nombre est une `Valeur` qui se souvient de son calcul ; `backward()`
trouve tous les gradients tout seul. C'est la référence : le moteur rapide
(`engine.marche_arriere`) doit donner exactement les mêmes gradients.
"""

from engine.autograd import Valeur
from engine.gpt import NOMS_COUCHE, longueur_utile


def vers_valeurs(poids):
    """Transforme chaque poids (un nombre) en `Valeur`."""
    return {
        nom: [[Valeur(p) for p in ligne] for ligne in matrice] for nom, matrice in poids.items()
    }


def linear(x, w):
    """Multiplie la matrice `w` par le vecteur `x`."""
    return [sum(wi * xi for wi, xi in zip(ligne, x, strict=True)) for ligne in w]


def softmax(logits):
    """Des scores → des probabilités."""
    plus_grand = max(val.data for val in logits)
    exps = [(val - plus_grand).exp() for val in logits]
    total = sum(exps)
    return [e / total for e in exps]


def rmsnorm(x):
    """La moyenne des carrés devient 1."""
    ms = sum(xi * xi for xi in x) / len(x)
    echelle = (ms + 1e-5) ** -0.5
    return [xi * echelle for xi in x]


def gpt(poids, config, jeton, position, cles, valeurs):
    """Un pas du modèle, exactement comme `gpt()` dans microgpt.py."""
    hd = config.head_dim
    x = [t + p for t, p in zip(poids["wte"][jeton], poids["wpe"][position], strict=True)]
    x = rmsnorm(x)
    for couche in range(config.n_layer):
        wq, wk, wv, wo, fc1, fc2 = (poids[f"layer{couche}.{nom}"] for nom in NOMS_COUCHE)
        x_res = x
        x = rmsnorm(x)
        q, k, v = linear(x, wq), linear(x, wk), linear(x, wv)
        cles[couche].append(k)
        valeurs[couche].append(v)
        x_att = []
        for tete in range(config.n_head):
            d = tete * hd
            q_h = q[d : d + hd]
            k_h = [ki[d : d + hd] for ki in cles[couche]]
            v_h = [vi[d : d + hd] for vi in valeurs[couche]]
            scores = [sum(q_h[j] * k_h[t][j] for j in range(hd)) / hd**0.5 for t in range(len(k_h))]
            poids_att = softmax(scores)
            x_att += [sum(poids_att[t] * v_h[t][j] for t in range(len(v_h))) for j in range(hd)]
        x = [a + b for a, b in zip(linear(x_att, wo), x_res, strict=True)]
        x_res = x
        x = rmsnorm(x)
        x = [xi.relu() for xi in linear(x, fc1)]
        x = [a + b for a, b in zip(linear(x, fc2), x_res, strict=True)]
    return linear(x, poids["lm_head"])


def perte(poids_valeurs, config, jetons):
    """La perte d'une séquence : la moyenne de -log p(bon jeton), en `Valeur`."""
    n = longueur_utile(config, jetons)
    cles = [[] for _ in range(config.n_layer)]
    valeurs = [[] for _ in range(config.n_layer)]
    pertes = []
    for position in range(n):
        logits = gpt(poids_valeurs, config, jetons[position], position, cles, valeurs)
        probas = softmax(logits)
        pertes.append(-probas[jetons[position + 1]].log())
    return (1 / n) * sum(pertes)


def perte_et_gradients(poids, config, jetons):
    """Même contrat que `engine.marche_arriere.perte_et_gradients`, calculé avec `Valeur`."""
    return perte_et_gradients_lot(poids, config, [jetons])


def perte_et_gradients_lot(poids, config, sequences, taille_lot=None):
    """Même contrat que `engine.marche_arriere.perte_et_gradients_lot` (pertes et gradients)."""
    poids_valeurs = vers_valeurs(poids)
    taille_lot = taille_lot or len(sequences)
    total = sum(perte(poids_valeurs, config, jetons) for jetons in sequences) / taille_lot
    total.backward()
    grads = {nom: [[p.grad for p in ligne] for ligne in m] for nom, m in poids_valeurs.items()}
    return total.data, grads


def ecart_relatif_max(gradients_a, gradients_b, plancher=1e-10):
    """Le plus grand écart relatif entre deux gradients : |a - b| / max(|a|, |b|, plancher).

    Le plancher évite de diviser par presque rien quand un gradient vaut presque 0.
    """
    return max(
        abs(a - b) / max(abs(a), abs(b), plancher)
        for nom in gradients_a
        for ligne_a, ligne_b in zip(gradients_a[nom], gradients_b[nom], strict=True)
        for a, b in zip(ligne_a, ligne_b, strict=True)
    )
