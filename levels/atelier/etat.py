"""L'état de l'atelier du petit GPT (niveau 5 et bac à sable)."""

from dataclasses import dataclass, field

from levels.atelier.donnees import REGLAGES_DEPART
from levels.base import EtatNiveau

ESSAIS_MAX = 20  # les derniers modèles jetés que l'état garde

# ---------------------------------------------------------------------------
# L'état
# ---------------------------------------------------------------------------


@dataclass
class EtatAtelier(EtatNiveau):
    source: str = "prenoms"  # le jeu de données, ou « perso » pour une liste de l'enfant
    mots_perso: list | None = None
    nom_perso: str = ""
    reglages: dict = field(default_factory=lambda: dict(REGLAGES_DEPART))
    # le modèle en cours (None tant qu'on n'a pas commencé)
    poids: dict | None = None
    adam_m: dict | None = None
    adam_v: dict | None = None
    etape: int = 0  # pas faits par le modèle en cours
    pertes: list = field(default_factory=list)  # la perte de chaque pas (modèle en cours)
    perte_val: float | None = None
    points_val: list = field(default_factory=list)  # [[étape, perte de validation], …]
    recommencements: int = 0
    # l'entraînement a explosé (`engine.entrainement.diagnostic_divergence`) : None, ou
    # {"raison", "etape", "perte", "hasard"} ; le modèle ne peut plus qu'être recommencé
    explose: dict | None = None
    # les modèles jetés : [{"lr", "batch", "n_embd", "n_head", "etapes", "perte_val",
    # "explose"}, …] (ce que l'écran rappelle, et ce que lit le joueur des indices)
    essais: list = field(default_factory=list)
    etapes_totales: int = 0  # tous les pas, y compris ceux des modèles jetés
    mots_vus: int = 0
    # le terrain de jeu
    generations: int = 0
    noms: list = field(default_factory=list)  # les derniers mots inventés
    deja_generes: list = field(default_factory=list)
    favoris: list = field(default_factory=list)
    # ce qui ne fait pas partie de l'état (recalculé au besoin, jamais comparé)
    _cache: object = field(default=None, compare=False, repr=False)
    _apercu: object = field(default=None, compare=False, repr=False)

    def __getstate__(self):
        etat = dict(self.__dict__)
        etat["_cache"] = None  # l'objet Entrainement se reconstruit à partir des poids
        return etat

    def __setstate__(self, etat):
        self.__dict__.update(etat)
