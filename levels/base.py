"""Le cadre des niveaux : actions, partie, journal, rejeu, étoiles.

Un niveau est une fonction pure de (graine, actions) :

    etat = niveau.nouvel_etat(graine)
    for action in actions:
        niveau.appliquer(etat, action)

Une action est un petit dict qu'on peut écrire en JSON, toujours avec une clé
« type » (« nourrir », « pousser », « deplacer », « entrainer », « repondre »…).
Le jeu pygame ne fait que transformer les clics en actions et dessiner l'état :
tout ce qui compte (perte, réussite, étoiles) est calculé ici, par le moteur.

Une partie enregistrée (le « journal ») est : graine + [(t_ms, action), …].
`rejouer(journal)` refait tout le calcul à partir de zéro : c'est ainsi qu'un
professeur vérifie un devoir et qu'un club vérifie un speedrun, sans rien croire
de ce qui est écrit dans le fichier en dehors de la graine et des actions.
"""

import copy
import json
import math
import time
from dataclasses import dataclass, field

FORMAT_JOURNAL = 1
TOLERANCE_VERIFICATION = 1e-6  # les calculs en virgule flottante varient un peu d'un PC à l'autre
NOMBRE_ETOILES = 3
ACTION_INDICE = "indice"  # demander un indice : noté dans le journal, ne change pas l'état


class ActionRefusee(Exception):
    """L'action n'a pas de sens dans cet état ; le message (en français) dit pourquoi."""


@dataclass(frozen=True)
class Objectif:
    """Le but d'un niveau : une vraie quantité du moteur qui doit passer une barre."""

    metrique: str  # la clé dans `mesures(etat)`, par exemple "perte"
    seuil: float
    sens: str = "sous"  # "sous" : il faut descendre sous le seuil ; "sur" : monter au-dessus

    def atteint(self, valeur, tolerance=0.0):
        if valeur is None or (isinstance(valeur, float) and math.isnan(valeur)):
            return False
        if self.sens == "sous":
            return valeur <= self.seuil + tolerance
        return valeur >= self.seuil - tolerance


class Niveau:
    """Ce qu'un niveau déclare. Chaque niveau en fait une sous-classe dans son `logic.py`.

    À définir : `id`, `numero`, `titre`, `concept` (mot français, terme anglais),
    `objectif`, et les méthodes `nouvel_etat`, `appliquer`, `mesures`,
    `etoiles`, `resoudre`. Les textes pour les enfants vivent dans les fichiers
    `textes.fr.toml` / `textes.en.toml` du niveau.
    """

    id = ""
    numero = 0
    titre = ""
    concept = ("", "")
    objectif = Objectif("perte", 0.0)

    def nouvel_etat(self, graine):
        """L'état de départ, entièrement déterminé par la graine.

        L'état est un objet (une dataclass) avec au moins un attribut `graine` ;
        il doit pouvoir être copié (`copy.deepcopy`) et envoyé à un autre
        processus (`pickle`) : le jeu entraîne parfois dans un processus à part.
        """
        raise NotImplementedError

    def appliquer(self, etat, action):
        """Modifie `etat` selon `action`, ou lève `ActionRefusee` sans rien changer."""
        raise NotImplementedError

    def appliquer_en_tranches(self, etat, action):
        """Comme `appliquer`, mais par petits morceaux pour ne jamais figer l'écran.

        Générateur : après chaque morceau, il donne l'action *équivalente à ce qui
        a déjà été fait* (par exemple {"type": "entrainer", "etapes": 7} au 7e pas).
        Si on l'arrête en route, l'état reste cohérent avec la dernière action donnée.
        Par défaut, un seul morceau : l'action entière.
        """
        self.appliquer(etat, action)
        yield action

    def mesures(self, etat):
        """Les nombres du niveau (perte, précision…) et ses coûts sans matériel
        (actions, pas d'entraînement, coups de pouce…) : un dict de nombres."""
        raise NotImplementedError

    def progression(self, etat):
        """Où en est-on vers le but, de 0 à 1 (pour la barre de progression)."""
        valeur = self.mesures(etat).get(self.objectif.metrique)
        return progression_vers(valeur, self.depart(etat), self.objectif)

    def depart(self, etat):
        """La valeur de la métrique au départ (pour graduer la barre de progression)."""
        return self.mesures(self.nouvel_etat(etat.graine)).get(self.objectif.metrique)

    def est_termine(self, etat, tolerance=0.0):
        """Le but est-il atteint ? Calculé par le moteur, jamais par un bouton."""
        return self.objectif.atteint(self.mesures(etat).get(self.objectif.metrique), tolerance)

    def etoiles(self, etat, tolerance=0.0):
        """Trois booléens : [but atteint, défi d'efficacité, compréhension]."""
        raise NotImplementedError

    def resoudre(self, graine):
        """Le solveur intégré : la liste d'actions (celles qu'un enfant pourrait faire)
        qui réussit le niveau à partir de cette graine."""
        raise NotImplementedError


def progression_vers(valeur, depart, objectif):
    """Une fraction 0..1 : 0 au départ, 1 quand le seuil est atteint."""
    if valeur is None or depart is None or not math.isfinite(valeur) or not math.isfinite(depart):
        return 0.0
    if objectif.atteint(valeur):
        return 1.0
    ecart_total = objectif.seuil - depart
    if ecart_total == 0:
        return 0.0
    return max(0.0, min(1.0, (valeur - depart) / ecart_total))


def normaliser_action(action):
    """Une action est un dict JSON avec une clé « type » ; renvoie sa copie « propre »."""
    if not isinstance(action, dict) or not isinstance(action.get("type"), str):
        raise ActionRefusee("Une action doit être un objet avec un « type ».")
    try:
        return json.loads(json.dumps(action, allow_nan=False))
    except (TypeError, ValueError):
        raise ActionRefusee("Cette action contient des valeurs impossibles à noter.") from None


@dataclass
class Partie:
    """Un essai d'un niveau : la graine, l'état courant et le journal des actions."""

    niveau: Niveau
    graine: int
    horloge: object = time.monotonic
    etat: object = None
    actions: list = field(default_factory=list)  # [[t_ms, action], …]
    debut: float = 0.0
    dernier_refus: str | None = None  # le message du dernier refus, ou None

    def __post_init__(self):
        self.etat = self.niveau.nouvel_etat(self.graine)
        self.debut = self.horloge()

    def t_ms(self):
        return int(round((self.horloge() - self.debut) * 1000))

    def jouer(self, action):
        """Applique une action. Renvoie None si elle est acceptée, sinon le message du refus."""
        for _ in self.jouer_en_tranches(action):
            pass
        return self.dernier_refus

    def jouer_en_tranches(self, action):
        """Applique une action morceau par morceau (générateur de fractions 0..1).

        L'action réellement faite est notée dans le journal, même si on s'arrête en route.
        """
        self.dernier_refus = None
        try:
            action = normaliser_action(action)
        except ActionRefusee as refus:
            self.dernier_refus = str(refus)
            return
        if action["type"] == ACTION_INDICE:
            self.actions.append([self.t_ms(), action])
            return
        faite = None
        try:
            for faite in self.niveau.appliquer_en_tranches(self.etat, action):
                yield avancement(faite, action)
        except ActionRefusee as refus:
            self.dernier_refus = str(refus)
        finally:
            if faite is not None:
                self.actions.append([self.t_ms(), normaliser_action(faite)])

    @property
    def indices_utilises(self):
        return sum(1 for _, action in self.actions if action["type"] == ACTION_INDICE)

    def termine(self):
        return self.niveau.est_termine(self.etat)

    def journal(self):
        """Le journal à sauvegarder : tout ce qu'il faut pour rejouer la partie."""
        return {
            "format": FORMAT_JOURNAL,
            "jeu": "tuto-llm",
            "niveau": self.niveau.id,
            "graine": self.graine,
            "actions": copy.deepcopy(self.actions),
            # Pour information seulement : la vérification recalcule tout.
            "annonce": {
                "termine": self.termine(),
                "etoiles": self.niveau.etoiles(self.etat),
                "mesures": self.niveau.mesures(self.etat),
                "temps_ms": self.actions[-1][0] if self.actions else 0,
            },
        }


def avancement(faite, demandee):
    """Fraction 0..1 d'une action longue (par exemple 7 pas faits sur 50)."""
    total = demandee.get("etapes")
    if isinstance(total, int) and total > 0 and isinstance(faite.get("etapes"), int):
        return min(1.0, faite["etapes"] / total)
    return 1.0


@dataclass
class Verdict:
    """Ce que la vérification d'un journal a trouvé, recalculé par le moteur."""

    valide: bool
    raison: str
    niveau_id: str = ""
    termine: bool = False
    etoiles: list = field(default_factory=lambda: [False] * NOMBRE_ETOILES)
    mesures: dict = field(default_factory=dict)
    actions_refusees: int = 0
    indices: int = 0
    temps_ms: int = 0
    etat: object = None


def lire_journal(journal):
    """Vérifie la forme d'un journal. Renvoie (graine, actions) ou lève ValueError (français)."""
    if not isinstance(journal, dict):
        raise ValueError("ce n'est pas un journal de partie (il faut un objet JSON)")
    if journal.get("format") != FORMAT_JOURNAL:
        raise ValueError(f"format de journal inconnu ({journal.get('format')!r})")
    graine = journal.get("graine")
    if not isinstance(graine, int) or isinstance(graine, bool):
        raise ValueError("la graine manque ou n'est pas un nombre entier")
    actions = journal.get("actions")
    if not isinstance(actions, list):
        raise ValueError("la liste des actions manque")
    propres = []
    for numero, entree in enumerate(actions, start=1):
        if (
            not isinstance(entree, list)
            or len(entree) != 2
            or not isinstance(entree[0], int)
            or isinstance(entree[0], bool)
            or not isinstance(entree[1], dict)
        ):
            raise ValueError(f"l'action n° {numero} est mal écrite (il faut [temps_ms, action])")
        propres.append((entree[0], entree[1]))
    return graine, propres


def rejouer(journal, niveaux, tolerance=TOLERANCE_VERIFICATION):
    """Rejoue un journal avec le moteur et dit s'il atteint vraiment le but.

    `niveaux` : un dict id → Niveau (voir `levels.registry`). Les actions refusées
    sont comptées et sautées : un journal trafiqué est jugé sur ce qu'il atteint.
    """
    try:
        graine, actions = lire_journal(journal)
    except ValueError as erreur:
        return Verdict(False, f"Journal illisible : {erreur}.")
    niveau = niveaux.get(journal.get("niveau"))
    if niveau is None:
        return Verdict(False, f"Niveau inconnu : {journal.get('niveau')!r}.")
    etat = niveau.nouvel_etat(graine)
    refusees = indices = 0
    for _, action in actions:
        if action.get("type") == ACTION_INDICE:
            indices += 1
            continue
        try:
            niveau.appliquer(etat, normaliser_action(action))
        except ActionRefusee:
            refusees += 1
    termine = niveau.est_termine(etat, tolerance)
    raison = "Objectif atteint." if termine else "L'objectif n'est pas atteint avec ces actions."
    return Verdict(
        valide=termine,
        raison=raison,
        niveau_id=niveau.id,
        termine=termine,
        etoiles=list(niveau.etoiles(etat, tolerance)),
        mesures=niveau.mesures(etat),
        actions_refusees=refusees,
        indices=indices,
        temps_ms=max((t for t, _ in actions), default=0),
        etat=etat,
    )
