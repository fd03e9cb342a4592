"""Le petit GPT, version rapide : l'algorithme de microgpt.py (Karpathy), sur des listes.

Le modèle lit un mot lettre par lettre et, à chaque position, donne un score
(« logit ») à chaque jeton qui pourrait venir ensuite. Les étapes :

1. plongements : la note du jeton + la note de sa position (`wte`, `wpe`) ;
2. pour chaque couche : l'attention (on regarde les lettres d'avant), puis un
   petit réseau de neurones (MLP), chacun avec son « raccourci » (résiduel) ;
3. la tête (`lm_head`) transforme le résultat en un score par jeton.

Le calcul des gradients (la « marche arrière ») est écrit à la main, sur des
listes de nombres, pour aller vite. `engine.gpt_valeur` fait le même modèle avec
`Valeur` (lent mais simple) et sert d'arbitre dans les tests.

Les poids sont un dictionnaire `nom → matrice` (une liste de lignes), avec les
noms de microgpt : `wte`, `wpe`, `lm_head`, `layer0.attn_wq`, …, `layer0.mlp_fc2`.
"""

import math
import random
from dataclasses import asdict, dataclass
from operator import mul

ECART_TYPE_INIT = 0.08  # les poids de départ : de petits nombres au hasard (comme microgpt)
EPS_RMS = 1e-5  # évite de diviser par zéro dans rmsnorm
NOMS_COUCHE = ("attn_wq", "attn_wk", "attn_wv", "attn_wo", "mlp_fc1", "mlp_fc2")
LIMITES = {"n_embd": 1024, "n_head": 64, "n_layer": 16, "block_size": 256, "vocab_size": 4096}


@dataclass(frozen=True)
class Config:
    """La taille du modèle (les valeurs par défaut sont celles de microgpt)."""

    n_embd: int = 16  # la largeur : combien de nombres décrivent chaque lettre
    n_head: int = 4  # le nombre de têtes d'attention
    n_layer: int = 1  # le nombre de couches
    block_size: int = 16  # le contexte : combien de positions le modèle peut lire
    vocab_size: int = 27  # le nombre de jetons (« . » et a à z)

    def __post_init__(self):
        for nom, limite in LIMITES.items():
            valeur = getattr(self, nom)
            if isinstance(valeur, bool) or not isinstance(valeur, int) or not 1 <= valeur <= limite:
                raise ValueError(
                    f"Taille impossible pour le modèle : {nom} = {valeur!r}. "
                    f"Il faut un nombre entier entre 1 et {limite}."
                )
        if self.n_embd % self.n_head:
            raise ValueError(
                f"La largeur n_embd = {self.n_embd} doit se partager en {self.n_head} têtes "
                "égales : choisis un nombre de têtes qui divise la largeur."
            )

    @property
    def head_dim(self):
        """La largeur d'une tête d'attention."""
        return self.n_embd // self.n_head

    def vers_dict(self):
        return asdict(self)

    @classmethod
    def depuis_dict(cls, donnees):
        return cls(**{nom: donnees[nom] for nom in LIMITES})


def formes(config):
    """Les matrices du modèle, dans l'ordre de microgpt : [(nom, lignes, colonnes), …]."""
    c, v = config.n_embd, config.vocab_size
    liste = [("wte", v, c), ("wpe", config.block_size, c), ("lm_head", v, c)]
    for couche in range(config.n_layer):
        p = f"layer{couche}."
        liste += [(p + "attn_wq", c, c), (p + "attn_wk", c, c), (p + "attn_wv", c, c)]
        liste += [(p + "attn_wo", c, c), (p + "mlp_fc1", 4 * c, c), (p + "mlp_fc2", c, 4 * c)]
    return liste


def init_poids(config, graine=42):
    """Les poids de départ : des nombres tirés au hasard autour de 0 (écart type 0,08)."""
    rng = random.Random(graine)
    return {
        nom: [[rng.gauss(0, ECART_TYPE_INIT) for _ in range(colonnes)] for _ in range(lignes)]
        for nom, lignes, colonnes in formes(config)
    }


def nombre_parametres(config):
    """Combien de nombres le modèle apprend en tout."""
    return sum(lignes * colonnes for _, lignes, colonnes in formes(config))


# ---------------------------------------------------------------------------
# Les briques du calcul « en avant »
# ---------------------------------------------------------------------------


def produit(matrice, x):
    """Multiplie une matrice par un vecteur : chaque ligne donne un nombre."""
    return [sum(map(mul, ligne, x)) for ligne in matrice]


def softmax(logits):
    """Transforme des scores en probabilités (positives, qui font 1 en tout)."""
    plus_grand = max(logits)  # on l'enlève pour que exp ne déborde pas
    exps = [math.exp(score - plus_grand) for score in logits]
    total = sum(exps)
    return [e / total for e in exps]


def rmsnorm(x):
    """Remet un vecteur à la bonne taille : la moyenne de ses carrés devient 1."""
    return _rmsnorm(x)[0]


def _rmsnorm(x):
    echelle = (sum(map(mul, x, x)) / len(x) + EPS_RMS) ** -0.5
    return [v * echelle for v in x], echelle


def attention(requete, cles, valeurs):
    """Une tête d'attention, à une position : la salle de classe.

    L'élève qui pose la question (`requete`) ne regarde que les élèves assis
    devant lui et lui-même (`cles`, `valeurs` : une par position visible).
    Plus sa question ressemble à la clé d'un élève, plus il l'écoute.
    Renvoie (les poids d'attention, qui font 1 en tout ; le mélange des valeurs).
    """
    racine = math.sqrt(len(requete))
    scores = [sum(map(mul, requete, cle)) / racine for cle in cles]
    poids = softmax(scores)
    sortie = [sum(map(mul, poids, colonne)) for colonne in zip(*valeurs, strict=True)]
    return poids, sortie


def nouveau_cache(config):
    """La mémoire des clés et des valeurs déjà vues : une liste par couche et par tête."""
    cles = [[[] for _ in range(config.n_head)] for _ in range(config.n_layer)]
    valeurs = [[[] for _ in range(config.n_head)] for _ in range(config.n_layer)]
    return cles, valeurs


def matrices_couche(poids, couche):
    """Les six matrices d'une couche : wq, wk, wv, wo, fc1, fc2."""
    return [poids[f"layer{couche}.{nom}"] for nom in NOMS_COUCHE]


def gpt(poids, config, jeton, position, cles, valeurs, memo=None):
    """Un pas du modèle (comme `gpt()` de microgpt) : renvoie les scores du jeton suivant.

    `cles` et `valeurs` (voir `nouveau_cache`) gardent ce que les positions
    d'avant ont dit. `memo`, s'il est donné, garde les calculs pour la marche arrière.
    """
    hd = config.head_dim
    x = [a + b for a, b in zip(poids["wte"][jeton], poids["wpe"][position], strict=True)]
    x, echelle = _rmsnorm(x)
    if memo is not None:
        memo.entree(jeton, position, x, echelle)
    for couche in range(config.n_layer):
        wq, wk, wv, wo, fc1, fc2 = matrices_couche(poids, couche)
        # 1) l'attention : chaque tête regarde les positions d'avant
        x_res = x
        xn, echelle1 = _rmsnorm(x)
        q, k, v = produit(wq, xn), produit(wk, xn), produit(wv, xn)
        sortie, poids_att = [], []
        for tete in range(config.n_head):
            d = tete * hd
            cles[couche][tete].append(k[d : d + hd])
            valeurs[couche][tete].append(v[d : d + hd])
            poids_tete, sortie_tete = attention(
                q[d : d + hd], cles[couche][tete], valeurs[couche][tete]
            )
            poids_att.append(poids_tete)
            sortie += sortie_tete
        x = [a + b for a, b in zip(produit(wo, sortie), x_res, strict=True)]
        # 2) le MLP : 4 fois plus de neurones, ReLU (on garde le positif), puis retour
        x_res = x
        hn, echelle2 = _rmsnorm(x)
        h = [a if a > 0 else 0.0 for a in produit(fc1, hn)]
        x = [a + b for a, b in zip(produit(fc2, h), x_res, strict=True)]
        if memo is not None:
            memo.couche(couche, xn=xn, echelle1=echelle1, q=q, k=k, v=v, att=poids_att)
            memo.couche(couche, sortie=sortie, hn=hn, echelle2=echelle2, h=h)
    if memo is not None:
        memo.sortie(x)
    return produit(poids["lm_head"], x)


def probabilites_suivantes(poids, config, contexte):
    """Les probabilités de chaque jeton après `contexte` (une liste de numéros de jetons).

    Le contexte commence d'habitude par « . » (numéro 0). S'il est plus long que
    `block_size`, le modèle ne lit que ses `block_size` derniers jetons.
    """
    contexte = list(contexte)[-config.block_size :]
    if not contexte:
        raise ValueError("Le contexte est vide : donne au moins le jeton « . » (numéro 0).")
    cles, valeurs = nouveau_cache(config)
    for position, jeton in enumerate(contexte):
        logits = gpt(poids, config, jeton, position, cles, valeurs)
    return softmax(logits)


# ---------------------------------------------------------------------------
# La perte et la marche arrière (les gradients, écrits à la main)
# ---------------------------------------------------------------------------


_CHAMPS = ("xn", "echelle1", "q", "k", "v", "att", "sortie", "hn", "echelle2", "h")


class Memo:
    """Ce que la marche avant garde pour la marche arrière, position après position."""

    def __init__(self, config):
        self.jetons, self.positions, self.x0, self.echelles0, self.xf = [], [], [], [], []
        self.couches = [{nom: [] for nom in _CHAMPS} for _ in range(config.n_layer)]
        self.morceaux = []  # (début, longueur) de chaque séquence

    def entree(self, jeton, position, x, echelle):
        self.jetons.append(jeton)
        self.positions.append(position)
        self.x0.append(x)
        self.echelles0.append(echelle)

    def couche(self, couche, **valeurs):
        for nom, valeur in valeurs.items():
            self.couches[couche][nom].append(valeur)

    def sortie(self, x):
        self.xf.append(x)


def longueur_utile(config, jetons):
    """Combien de positions on entraîne : la séquence est coupée à `block_size` (microgpt)."""
    if len(jetons) < 2:
        raise ValueError("Il faut au moins deux jetons (« . » puis une lettre ou « . »).")
    return min(config.block_size, len(jetons) - 1)


def perte_et_gradients(poids, config, jetons):
    """La perte d'une séquence (moyenne de -log p(bon jeton)) et le gradient de chaque poids.

    Renvoie (perte, gradients) ; `gradients` a la même forme que `poids`.
    """
    return perte_et_gradients_lot(poids, config, [jetons])


def perte_et_gradients_lot(poids, config, sequences):
    """Comme `perte_et_gradients`, pour plusieurs séquences : pertes et gradients moyennés."""
    memo = Memo(config)
    d_logits, perte_totale = [], 0.0
    for jetons in sequences:
        n = longueur_utile(config, jetons)
        coef = 1.0 / (n * len(sequences))  # chaque séquence compte pareil, chaque position aussi
        memo.morceaux.append((len(memo.jetons), n))
        cles, valeurs = nouveau_cache(config)
        pertes = []
        for position in range(n):
            logits = gpt(poids, config, jetons[position], position, cles, valeurs, memo)
            probas = softmax(logits)
            cible = jetons[position + 1]
            pertes.append(-math.log(probas[cible]))
            # le gradient de la perte par rapport aux scores : probabilité - 1 pour la bonne
            d = [p * coef for p in probas]
            d[cible] -= coef
            d_logits.append(d)
        perte_totale += sum(pertes) / n
    return perte_totale / len(sequences), _arriere(poids, config, memo, d_logits)


def _transposer(lignes):
    return list(zip(*lignes, strict=True))


def _retour_produit(matrice, d_sorties):
    """Marche arrière de `produit` pour chaque position : d_x = matriceᵀ · d_sortie."""
    colonnes = _transposer(matrice)
    return [[sum(map(mul, col, d)) for col in colonnes] for d in d_sorties]


def _gradient_matrice(d_sorties, entrees):
    """Le gradient d'une matrice : somme sur les positions de d_sortie ⊗ entrée."""
    colonnes_x = _transposer(entrees)
    zeros = [0.0] * len(colonnes_x)
    return [
        [sum(map(mul, d, col)) for col in colonnes_x] if any(d) else zeros[:]
        for d in _transposer(d_sorties)
    ]


def _retour_rmsnorm(d_y, y, echelle):
    """Marche arrière de rmsnorm (y = x · échelle)."""
    k = sum(map(mul, d_y, y)) / len(y)
    return [echelle * (g - b * k) for g, b in zip(d_y, y, strict=True)]


def _retour_attention(q, k, v, att, d_sortie, racine):
    """Marche arrière d'une tête sur une séquence : (d_q, d_k, d_v), une ligne par position."""
    n = len(q)
    d_scores = []
    for t in range(n):
        poids_t = att[t]
        d_poids = [sum(map(mul, d_sortie[t], v_s)) for v_s in v[: t + 1]]
        # softmax à l'envers : d_score = poids · (d_poids - moyenne pondérée des d_poids)
        moyenne = sum(map(mul, poids_t, d_poids))
        ligne = [w * (g - moyenne) / racine for w, g in zip(poids_t, d_poids, strict=True)]
        d_scores.append(ligne + [0.0] * (n - t - 1))  # on ne regarde pas l'avenir : des zéros
    att_plein = [w + [0.0] * (n - len(w)) for w in att]
    d_q = [[sum(map(mul, ligne, col)) for col in zip(*k, strict=True)] for ligne in d_scores]
    colonnes_q, colonnes_d = _transposer(q), _transposer(d_sortie)
    d_k = [[sum(map(mul, s, col)) for col in colonnes_q] for s in zip(*d_scores, strict=True)]
    d_v = [[sum(map(mul, s, col)) for col in colonnes_d] for s in zip(*att_plein, strict=True)]
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
    colonnes = _transposer(fc2)
    d_h = [
        [sum(map(mul, col, dx)) if a > 0 else 0.0 for col, a in zip(colonnes, h, strict=True)]
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
