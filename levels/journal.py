"""Le journal d'une partie : graine + [(t_ms, action), …], et son rejeu.

Une partie enregistrée (le « journal ») est : graine + [(t_ms, action), …].
`rejouer(journal)` refait tout le calcul à partir de zéro : c'est ainsi qu'un
professeur vérifie un devoir et qu'un club vérifie un speedrun, sans rien croire
de ce qui est écrit dans le fichier en dehors de la graine et des actions.

La règle du journal vit dans `Partie`, et seulement là : l'action est normalisée,
le temps `t_ms` est pris à l'horloge de la partie, une action refusée n'est pas
notée (son message est gardé dans `dernier_refus`). Le jeu, même quand il
entraîne dans un autre processus, passe par `Partie.preparer` et `Partie.noter`.
"""

import copy
import json
import logging
import time
from dataclasses import dataclass, field

from levels.actions import ACTION_INDICE, ActionRefusee, ValeurImpossible, normaliser_action
from levels.horodatage import OUTIL_SOLVEUR, remarques_temps  # noqa: F401

# La version des journaux : 2 depuis que les niveaux demandent de comprendre (questions
# tirées par la graine, duel du niveau 1, poussées du niveau 2…) ; 3 depuis que chaque
# partie a sa propre réponse (le duel figé du niveau 1, les poids de départ du niveau 2,
# le plateau du niveau 3, les énigmes du niveau 4, le budget du niveau 5). Un journal
# d'une version plus ancienne ne se rejoue plus pareil : il est refusé, avec un message
# clair qui dit sa version.
FORMAT_JOURNAL = 3
TOLERANCE_VERIFICATION = 1e-6  # les calculs en virgule flottante varient un peu d'un PC à l'autre
NOMBRE_ETOILES = 3
MAX_ACTIONS_JOURNAL = 50_000  # au-delà, un journal est refusé (personne ne clique autant)
GRAINE_MAX = 2**63  # une graine est un entier, 0 ≤ graine < 2^63, partout (jeu, commandes)
MESSAGE_GRAINE = "la graine doit être un nombre entier entre 0 et 2^63 − 1"
TEMPS_MAX_REJEU_S = 300  # au-delà, un rejeu s'arrête : « trop long à vérifier »
# Le temps d'une action (ms depuis le début de la partie, pauses comprises) : au-delà
# d'une année, ce n'est pas un temps de jeu (10^4000 ms non plus).
TEMPS_MAX_MS = 366 * 24 * 3600 * 1000


@dataclass(frozen=True)
class Budget:
    """Le calcul qu'une vraie partie d'un niveau peut demander, au plus.

    `pas` : les pas d'entraînement (le total des « etapes » des actions) ;
    `actions` : les actions (chacune recalcule au moins une mesure).
    Le rejeu compte ce que le journal demande *avant* de rien calculer : un journal
    qui demande plus n'est pas rejoué (sinon un fichier de 2 Mo occuperait un
    ordinateur pendant des semaines).
    """

    pas: int = 10_000
    actions: int = MAX_ACTIONS_JOURNAL

    def depasse(self, actions, longues=None):
        """Le message (français) si ces actions demandent trop de calcul, sinon None.

        `longues` : les types d'action longue du niveau (seuls leurs « etapes » coûtent ;
        None : toutes les actions qui ont des « etapes »)."""
        pas = nombre = 0
        for _t, action in actions:
            if action.get("type") == ACTION_INDICE:
                continue
            nombre += 1
            if longues is not None and action.get("type") not in longues:
                continue  # un champ « etapes » en trop ne fait rien calculer
            etapes = action.get("etapes")
            if isinstance(etapes, int) and not isinstance(etapes, bool) and etapes > 0:
                pas += etapes
        if pas > self.pas:
            montre = pas if pas < 10**12 else "plus de 10^12"  # jamais mille chiffres recopiés
            return (
                f"{montre} pas d'entraînement, alors qu'une vraie partie en fait au plus {self.pas}"
            )
        if nombre > self.actions:
            return f"{nombre} actions, alors qu'une vraie partie en fait au plus {self.actions}"
        return None


@dataclass
class Partie:
    """Un essai d'un niveau : la graine, l'état courant et le journal des actions."""

    niveau: object  # un `levels.base.Niveau`
    graine: int
    horloge: object = time.monotonic
    etat: object = None
    actions: list = field(default_factory=list)  # [[t_ms, action], …]
    debut: float = 0.0
    dernier_refus: str | None = None  # le message du dernier refus, ou None

    def __post_init__(self):
        self.etat = self.niveau.nouvel_etat(self.graine)
        self.debut = self.horloge()

    @classmethod
    def depuis_journal(cls, niveau, journal, horloge=time.monotonic):
        """Reprend une partie sauvegardée : rejoue ses actions, garde ses temps.

        Les actions refusées au rejeu sont laissées de côté. Le chronomètre reprend
        là où le journal s'arrêtait. Lève ValueError (en français) si le journal est illisible.
        """
        graine, actions = lire_journal(journal)
        partie = cls(niveau, graine, horloge)
        dernier_t = 0
        for t_ms, action in actions:
            try:
                action = normaliser_action(action)
                niveau.appliquer(partie.etat, action)
            except ActionRefusee:
                continue
            partie.actions.append([t_ms, action])
            dernier_t = max(dernier_t, t_ms)
        partie.debut -= dernier_t / 1000
        return partie

    def t_ms(self):
        return int(round((self.horloge() - self.debut) * 1000))

    def preparer(self, action):
        """L'action normalisée, prête à jouer ; ou None si elle est mal formée
        (le message est alors dans `dernier_refus`)."""
        self.dernier_refus = None
        try:
            return normaliser_action(action)
        except ActionRefusee as refus:
            self.dernier_refus = str(refus)
            return None

    def noter(self, faite, refus=None):
        """La règle du journal : l'action `faite` (ce qui a vraiment été fait, None si
        rien) est notée à l'instant présent ; `refus` (le message, ou None) est gardé."""
        if faite is not None:
            self.actions.append([self.t_ms(), normaliser_action(faite)])
        self.dernier_refus = refus

    def jouer(self, action):
        """Applique une action. Renvoie None si elle est acceptée, sinon le message du refus."""
        for _ in self.jouer_en_tranches(action):
            pass
        return self.dernier_refus

    def jouer_en_tranches(self, action):
        """Applique une action morceau par morceau (générateur de fractions 0..1).

        L'action réellement faite est notée dans le journal, même si on s'arrête en route.
        """
        action = self.preparer(action)
        if action is None:
            return
        faite = refus = None
        morceaux = self.niveau.appliquer_en_tranches(self.etat, action)
        try:
            for faite in morceaux:
                yield avancement(faite, action)
        except ActionRefusee as erreur:
            refus = str(erreur)
        finally:
            morceaux.close()  # arrêtée en route : le niveau finit proprement d'abord
            self.noter(faite, refus)

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


def texte_journal(journal):
    """Le journal en JSON lisible : une action par ligne (facile à relire et à comparer)."""
    lignes = ["{"]
    cles = [cle for cle in journal if cle != "actions"]
    for cle in cles:
        valeur = json.dumps(journal[cle], ensure_ascii=False, allow_nan=False)
        lignes.append(f"  {json.dumps(cle)}: {valeur},")
    actions = journal.get("actions", [])
    lignes.append('  "actions": [')
    for numero, entree in enumerate(actions):
        fin = "," if numero < len(actions) - 1 else ""
        lignes.append("    " + json.dumps(entree, ensure_ascii=False, allow_nan=False) + fin)
    lignes.append("  ]")
    lignes.append("}")
    return "\n".join(lignes) + "\n"


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
    remarques: list = field(default_factory=list)  # ce qui est louche sans tout invalider


def lire_journal(journal):
    """Vérifie la forme d'un journal. Renvoie (graine, actions) ou lève ValueError (français)."""
    if not isinstance(journal, dict):
        raise ValueError("ce n'est pas un journal de partie (il faut un objet JSON)")
    if journal.get("jeu", "tuto-llm") != "tuto-llm":
        raise ValueError("ce journal ne vient pas de Tuto LLM")
    version = journal.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and 0 < version < FORMAT_JOURNAL:
        raise ValueError(
            f"preuve d'une ancienne version du jeu (version {version}) : les niveaux ont "
            "changé depuis, rejoue le niveau pour refaire ta preuve"
        )
    if version != FORMAT_JOURNAL:
        raise ValueError(f"format de journal inconnu ({court(version)})")
    graine = journal.get("graine")
    if not isinstance(graine, int) or isinstance(graine, bool):
        raise ValueError("la graine manque ou n'est pas un nombre entier")
    if not 0 <= graine < GRAINE_MAX:
        raise ValueError(MESSAGE_GRAINE)
    actions = journal.get("actions")
    if not isinstance(actions, list):
        raise ValueError("la liste des actions manque")
    if len(actions) > MAX_ACTIONS_JOURNAL:
        raise ValueError(f"il y a trop d'actions ({len(actions)}, au plus {MAX_ACTIONS_JOURNAL})")
    propres = []
    precedent = 0
    for numero, entree in enumerate(actions, start=1):
        if (
            not isinstance(entree, list)
            or len(entree) != 2
            or not isinstance(entree[0], int)
            or isinstance(entree[0], bool)
            or not isinstance(entree[1], dict)
        ):
            raise ValueError(f"l'action n° {numero} est mal écrite (il faut [temps_ms, action])")
        t_ms = entree[0]
        if not 0 <= t_ms <= TEMPS_MAX_MS:
            raise ValueError(
                f"l'action n° {numero} a un temps impossible (il faut entre 0 et "
                f"{TEMPS_MAX_MS} ms, soit une année)"
            )
        if t_ms < precedent:
            raise ValueError(
                f"les temps ne sont pas dans l'ordre (action n° {numero} : le jeu note "
                "chaque action après la précédente)"
            )
        precedent = t_ms
        propres.append((t_ms, entree[1]))
    return graine, propres


def court(valeur, longueur=30):
    """Une valeur lue dans un fichier, montrée en court (jamais mille chiffres)."""
    try:
        texte = json.dumps(valeur, ensure_ascii=True)
    except (TypeError, ValueError, RecursionError):
        texte = type(valeur).__name__
    return texte if len(texte) <= longueur else texte[: longueur - 1] + "…"


class JournalImpossible(Exception):
    """Une action porte une valeur qu'aucune commande du jeu ne donne (message français)."""


def rejouer(journal, niveaux, tolerance=TOLERANCE_VERIFICATION, limite_s=TEMPS_MAX_REJEU_S):
    """Rejoue un journal avec le moteur et dit s'il atteint vraiment le but.

    `niveaux` : un dict id → Niveau (voir `levels.registry`). Les actions refusées
    sont comptées et sautées : un journal trafiqué est jugé sur ce qu'il atteint.
    Le travail est borné : le budget du niveau (`Niveau.budget`) est vérifié avant de
    rejouer, et le rejeu s'arrête après `limite_s` secondes (None : sans limite).
    Ne lève jamais d'exception : tout problème devient un Verdict non valide.
    """
    try:
        graine, actions = lire_journal(journal)
    except ValueError as erreur:
        return Verdict(False, f"Journal illisible : {erreur}.")
    niveau = niveaux.get(journal.get("niveau")) if isinstance(journal.get("niveau"), str) else None
    if niveau is None:
        return Verdict(False, f"Niveau inconnu : {court(journal.get('niveau'))}.")
    longues = niveau.types_longs() if hasattr(niveau, "types_longs") else None
    trop = getattr(niveau, "budget", Budget()).depasse(actions, longues)
    if trop is not None:
        raison = (
            f"Ce journal demande plus de calcul qu'une vraie partie ({trop}) : il n'est pas rejoué."
        )
        return Verdict(False, raison, niveau_id=niveau.id)
    fin = None if limite_s is None else time.monotonic() + limite_s
    try:
        etat, refusees, indices = _rejouer_actions(niveau, graine, actions, fin)
    except JournalImpossible as erreur:
        raison = f"Journal refusé : {erreur}"
        return Verdict(False, raison, niveau_id=niveau.id)
    except _TropLong:
        raison = (
            f"Trop long à vérifier : le rejeu a dépassé {limite_s:g} secondes. "
            "Réessaie sur un ordinateur plus rapide, ou avec une limite plus grande."
        )
        return Verdict(False, raison, niveau_id=niveau.id)
    except Exception as erreur:  # un bug du niveau : on le dit, sans planter
        numero = getattr(erreur, "numero_action", "?")
        logging.getLogger(__name__).error("rejeu, action n° %s : %r", numero, erreur)
        return Verdict(
            False,
            f"Le niveau a rencontré une erreur du jeu en rejouant l'action n° {numero} : "
            "ce journal ne peut pas être vérifié avec cette version.",
            niveau_id=niveau.id,
        )
    remarques = remarques_temps([t for t, _ in actions], journal.get("outil"))
    if refusees:
        remarques.append(f"{refusees} action(s) refusée(s) par le moteur et ignorée(s)")
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
        remarques=remarques,
    )


class _TropLong(Exception):
    """Le rejeu a dépassé son temps."""


def _rejouer_actions(niveau, graine, actions, fin):
    """Rejoue les actions (les longues pas à pas, en regardant l'heure entre deux pas).

    Une valeur qu'aucune commande du jeu ne donne (`ValeurImpossible`, un type d'action
    que le niveau n'a pas) lève `JournalImpossible` : le journal entier est refusé."""
    etat = niveau.nouvel_etat(graine)
    types = set(niveau.types_d_action()) if hasattr(niveau, "types_d_action") else None
    refusees = indices = 0
    for numero, (_t, action) in enumerate(actions, start=1):
        if fin is not None and time.monotonic() > fin:
            raise _TropLong
        try:
            action = normaliser_action(action)
            if types is not None and action["type"] not in types:
                raise ValeurImpossible(f"ce niveau n'a pas d'action « {court(action['type'])} ».")
            if fin is None or "etapes" not in action:
                niveau.appliquer(etat, action)
            else:  # une action longue : l'heure est regardée entre deux pas
                for _morceau in niveau.appliquer_en_tranches(etat, action):
                    if time.monotonic() > fin:
                        raise _TropLong
            indices += action["type"] == ACTION_INDICE
        except ValeurImpossible as erreur:
            raise JournalImpossible(_impossible(numero, action, erreur)) from None
        except ActionRefusee:
            refusees += 1
        except _TropLong:
            raise
        except Exception as erreur:
            erreur.numero_action = numero
            raise
    return etat, refusees, indices


def _impossible(numero, action, erreur):
    genre = action.get("type") if isinstance(action, dict) else None
    quoi = f" (« {court(genre, 20).strip(chr(34))} »)" if isinstance(genre, str) else ""
    raison = str(erreur).rstrip(".")
    return (
        f"l'action n° {numero}{quoi} porte une valeur qu'aucune commande du jeu ne donne : "
        f"{raison[0].lower() + raison[1:]}. Ce journal a été écrit ou modifié à la main."
    )
