"""Le petit GPT, version rapide : l'algorithme de microgpt.py (Karpathy), sur des listes.

Le modèle lit un mot lettre par lettre et, à chaque position, donne un score
(« logit ») à chaque jeton qui pourrait venir ensuite. Les étapes :

1. plongements : la note du jeton + la note de sa position (`wte`, `wpe`) ;
2. pour chaque couche : l'attention (on regarde les lettres d'avant), puis un
   petit réseau de neurones (MLP), chacun avec son « raccourci » (résiduel) ;
3. la tête (`lm_head`) transforme le résultat en un score par jeton.

Ce fichier se lit comme microgpt.py : `gpt()` fait un pas du modèle. Le calcul
des gradients (la « marche arrière ») est dans `engine.marche_arriere`, écrit à
la main pour aller vite ; `engine.gpt_valeur` fait le même modèle avec `Valeur`
(lent mais simple, comme microgpt) et sert d'arbitre dans les tests.

Les poids sont un dictionnaire `nom → matrice` (une liste de lignes), avec les
noms de microgpt : `wte`, `wpe`, `lm_head`, `layer0.attn_wq`, …, `layer0.mlp_fc2`.
"""

import math
import random
from dataclasses import asdict, dataclass

from engine.noyau import produit, produit_scalaire

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


def softmax(logits):
    """Transforme des scores en probabilités (positives, qui font 1 en tout)."""
    plus_grand = max(logits)  # on l'enlève pour que exp ne déborde pas
    exps = [math.exp(score - plus_grand) for score in logits]
    total = sum(exps)
    return [e / total for e in exps]


def rmsnorm(x):
    """Remet un vecteur à la bonne taille : la moyenne de ses carrés devient 1."""
    echelle = (produit_scalaire(x, x) / len(x) + EPS_RMS) ** -0.5
    return [v * echelle for v in x]


def attention(requete, cles, valeurs):
    """Une tête d'attention, à une position : la salle de classe.

    L'élève qui pose la question (`requete`) ne regarde que les élèves assis
    devant lui et lui-même (`cles`, `valeurs` : une par position visible).
    Plus sa question ressemble à la clé d'un élève, plus il l'écoute.
    Renvoie (les poids d'attention, qui font 1 en tout ; le mélange des valeurs).
    """
    racine = math.sqrt(len(requete))
    scores = [produit_scalaire(requete, cle) / racine for cle in cles]
    poids = softmax(scores)
    sortie = [produit_scalaire(poids, colonne) for colonne in zip(*valeurs, strict=True)]
    return poids, sortie


def nouveau_cache(config):
    """La mémoire des clés et des valeurs déjà vues : une liste par couche et par tête."""
    cles = [[[] for _ in range(config.n_head)] for _ in range(config.n_layer)]
    valeurs = [[[] for _ in range(config.n_head)] for _ in range(config.n_layer)]
    return cles, valeurs


def matrices_couche(poids, couche):
    """Les six matrices d'une couche : wq, wk, wv, wo, fc1, fc2."""
    return [poids[f"layer{couche}.{nom}"] for nom in NOMS_COUCHE]


def gpt(poids, config, jeton, position, cles, valeurs):
    """Un pas du modèle (comme `gpt()` de microgpt) : renvoie les scores du jeton suivant.

    `cles` et `valeurs` (voir `nouveau_cache`) gardent ce que les positions
    d'avant ont dit : chaque pas y ajoute les siennes.
    """
    hd = config.head_dim
    x = [t + p for t, p in zip(poids["wte"][jeton], poids["wpe"][position], strict=True)]
    x = rmsnorm(x)
    for couche in range(config.n_layer):
        wq, wk, wv, wo, fc1, fc2 = matrices_couche(poids, couche)
        # 1) l'attention : chaque tête regarde les positions d'avant
        x_res = x
        x = rmsnorm(x)
        q, k, v = produit(wq, x), produit(wk, x), produit(wv, x)
        x_att = []
        for tete in range(config.n_head):
            d = tete * hd
            cles[couche][tete].append(k[d : d + hd])
            valeurs[couche][tete].append(v[d : d + hd])
            _, sortie = attention(q[d : d + hd], cles[couche][tete], valeurs[couche][tete])
            x_att += sortie
        x = [a + b for a, b in zip(produit(wo, x_att), x_res, strict=True)]
        # 2) le MLP : 4 fois plus de neurones, ReLU (on garde le positif), puis retour
        x_res = x
        x = rmsnorm(x)
        x = [a if a > 0 else 0.0 for a in produit(fc1, x)]
        x = [a + b for a, b in zip(produit(fc2, x), x_res, strict=True)]
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


def longueur_utile(config, jetons):
    """Combien de positions on entraîne : la séquence est coupée à `block_size` (microgpt)."""
    if len(jetons) < 2:
        raise ValueError("Il faut au moins deux jetons (« . » puis une lettre ou « . »).")
    return min(config.block_size, len(jetons) - 1)
