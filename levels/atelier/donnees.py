"""Les réglages et les données de l'atelier du petit GPT : les choix des réglages, les
mots, leur séparation entraînement / validation, le vocabulaire, et la ligne des
bigrammes à battre (mises en cache : elles ne changent pas d'une partie à l'autre).
"""

from dataclasses import dataclass

from engine.bigramme import compter, perte_moyenne, probabilites
from engine.donnees import charger_dataset, separer_train_val, vocab_du_dataset

GRAINE_SEPARATION = 42  # la séparation entraînement / validation ne dépend pas de la partie
PART_VALIDATION = 0.1
N_VALIDATION = 200  # la validation se fait sur ces mots-là (moins d'une seconde)
TAILLE_MORCEAU_VALIDATION = 25  # la validation aussi avance par morceaux
LISSAGE_BIGRAMME = 1.0

CHOIX = {
    "n_embd": (8, 16, 24, 32),
    "n_head": (1, 2, 4),
    # jusqu'à 0,5 : au-delà de 0,05 le GPT peut exploser (la leçon « Trop vite ! » du niveau 2)
    "lr": (0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5),
    "batch": (1, 2, 4, 8),
}
ETAPES_MIN, ETAPES_MAX = 10, 3000  # la durée prévue de l'entraînement
REGLAGES_DEPART = {"n_embd": 16, "n_head": 4, "lr": 0.01, "batch": 4, "etapes": 300}
PARAMETRES = (*CHOIX, "etapes")
TAILLE_MODELE = ("n_embd", "n_head", "lr", "batch")  # bloqués une fois l'entraînement commencé

TEMPERATURE_MIN, TEMPERATURE_MAX = 0.1, 2.0
N_GENERES_MAX = 12
PREFIXE_MAX = 10
FAVORIS_MAX = 30
PAS_APERCU = 25  # pendant l'entraînement, de nouveaux mots inventés tous les 25 pas
TEMPERATURE_APERCU = 0.8


# ---------------------------------------------------------------------------
# Les données (mises de côté une fois calculées : elles ne changent pas)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Donnees:
    nom: str
    train: tuple
    validation: tuple  # les N_VALIDATION mots de validation
    vocab: object
    perte_bigramme: float  # le modèle bigramme du moteur, sur les mêmes mots de validation
    nombre_mots: int = 0  # les mots différents de la liste
    accents: bool = False

    @property
    def lettres_differentes(self):
        """Combien de lettres différentes les mots de la liste utilisent vraiment."""
        return len(set("".join(self.train)) | set("".join(self.validation)))

    @property
    def nombre_lettres(self):
        return sum(len(mot) for mot in self.train)


_DONNEES = {}


def preparer_donnees(nom, mots, accents=False):
    """Sépare les mots, choisit le vocabulaire et calcule la ligne des bigrammes."""
    train, validation = separer_train_val(mots, GRAINE_SEPARATION, PART_VALIDATION)
    if not validation:  # une toute petite liste : on valide sur l'entraînement
        validation = train
    validation = validation[:N_VALIDATION]
    vocab = vocab_du_dataset(mots)
    comptes = compter(train, vocab)
    bigramme = perte_moyenne(probabilites(comptes, LISSAGE_BIGRAMME), validation, vocab)
    return Donnees(nom, tuple(train), tuple(validation), vocab, bigramme, len(set(mots)), accents)


def donnees_dataset(nom):
    """Les données d'un jeu livré avec le jeu (« prenoms », « dinosaures »…), en cache."""
    if nom not in _DONNEES:
        mots = charger_dataset(nom)
        _DONNEES[nom] = preparer_donnees(nom, mots, accents=nom == "prenoms_accents")
    return _DONNEES[nom]
