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

Ce qu'un niveau déclare (voir `Niveau`) :
- `id`, `numero`, `titre`, `concept` (« plongement », « embedding ») ;
- `objectif` : une vraie quantité du moteur qui doit passer une barre ;
- `defi` : le défi d'efficacité (2e étoile), une barre sur une mesure sans matériel,
  lue au moment où l'objectif est atteint pour la première fois ;
- `question` : la question de compréhension (3e étoile), {"id": …, "bonne": …} ;
- `fonctions_capot` : les vraies fonctions du moteur montrées « sous le capot » ;
- `nouvel_etat`, `appliquer`, `mesures`, `resoudre` (et si besoin `comprehension`).

Les aides du cadre (`EtatNiveau`, `lire_entier`, `noter_reponse`, `noter_but`…)
évitent à chaque niveau de réécrire la même comptabilité.
"""

import copy
import json
import math
import time
import tomllib
from dataclasses import dataclass, field
from importlib import resources

FORMAT_JOURNAL = 1
TOLERANCE_VERIFICATION = 1e-6  # les calculs en virgule flottante varient un peu d'un PC à l'autre
NOMBRE_ETOILES = 3
NOMBRE_INDICES = 3
ACTION_INDICE = "indice"  # demander un indice : noté dans le journal, ne change pas l'état
ACTION_REPONDRE = "repondre"  # répondre à la question de compréhension
MAX_ACTIONS_JOURNAL = 50_000  # au-delà, un journal est refusé (personne ne clique autant)
MAX_CHOIX_QUESTION = 10


class ActionRefusee(Exception):
    """L'action n'a pas de sens dans cet état ; le message (en français) dit pourquoi."""


@dataclass(frozen=True)
class Objectif:
    """Le but d'un niveau : une vraie quantité du moteur qui doit passer une barre."""

    metrique: str  # la clé dans `mesures(etat)`, par exemple "perte"
    seuil: float
    sens: str = "sous"  # "sous" : il faut descendre sous le seuil ; "sur" : monter au-dessus

    def atteint(self, valeur, tolerance=0.0):
        if valeur is None or isinstance(valeur, bool) or not isinstance(valeur, int | float):
            return False
        if math.isnan(valeur):
            return False
        if self.sens == "sous":
            return valeur <= self.seuil + tolerance
        return valeur >= self.seuil - tolerance


@dataclass
class EtatNiveau:
    """Ce que tous les états de niveau ont en commun (à hériter, sans obligation).

    - `graine` : la graine de la partie ;
    - `actions` : le nombre d'actions acceptées (un coût sans matériel) ;
    - `indices` : les numéros des indices montrés, dans l'ordre ;
    - `reponses` : id de question → liste des choix donnés (seul le premier compte) ;
    - `au_but` : les mesures au moment où l'objectif a été atteint la première fois
      (None tant qu'il ne l'est pas) ; le défi d'efficacité se lit dedans.
    """

    graine: int
    actions: int = 0
    indices: list = field(default_factory=list)
    reponses: dict = field(default_factory=dict)
    au_but: dict | None = None


class Niveau:
    """Ce qu'un niveau déclare. Chaque niveau en fait une sous-classe dans son `logic.py`.

    À définir : `id`, `numero`, `titre`, `concept` (mot français, terme anglais),
    `objectif`, et les méthodes `nouvel_etat`, `appliquer`, `mesures`, `resoudre`.
    En option : `defi`, `question`, `fonctions_capot`, `comprehension`, `etoiles`.
    Les textes pour les enfants vivent dans les fichiers `textes.fr.toml` /
    `textes.en.toml` du niveau (voir `textes`).
    """

    id = ""
    numero = 0
    titre = ""
    concept = ("", "")
    objectif = Objectif("perte", 0.0)
    defi = None  # Objectif sur une mesure sans matériel (2e étoile), ou None
    # True : le défi se lit dans les mesures du moment où le but a été atteint la
    # première fois (`etat.au_but`). False : dans les mesures actuelles (le niveau
    # tient alors lui-même une mesure « au but » qui ne peut que s'améliorer).
    defi_au_premier_but = True
    question = None  # {"id": "…", "bonne": k} (3e étoile), ou None
    fonctions_capot = ()  # les fonctions du moteur montrées « sous le capot »

    def nouvel_etat(self, graine):
        """L'état de départ, entièrement déterminé par la graine.

        L'état est un objet (une dataclass, idéalement une sous-classe d'`EtatNiveau`)
        avec au moins un attribut `graine` ; il doit pouvoir être copié
        (`copy.deepcopy`) et envoyé à un autre processus (`pickle`) : le jeu
        entraîne parfois dans un processus à part.
        """
        raise NotImplementedError

    def appliquer(self, etat, action):
        """Modifie `etat` selon `action`, ou lève `ActionRefusee` sans rien changer.

        Doit refuser proprement (ActionRefusee, jamais une autre exception) toute
        action mal formée : type inconnu, champ manquant, nombre hors bornes…
        """
        raise NotImplementedError

    def appliquer_en_tranches(self, etat, action):
        """Comme `appliquer`, mais par petits morceaux pour ne jamais figer l'écran.

        Générateur : après chaque morceau, il donne l'action *équivalente à ce qui
        a déjà été fait* (par exemple {"type": "entrainer", "etapes": 7} au 7e pas).
        Si on l'arrête en route, l'état reste cohérent avec la dernière action donnée :
        rejouer cette action d'un coup doit donner exactement le même état.
        Par défaut, un seul morceau : l'action entière.
        """
        self.appliquer(etat, action)
        yield action

    def mesures(self, etat):
        """Les nombres du niveau (perte, précision…) et ses coûts sans matériel
        (actions, pas d'entraînement, coups de pouce…) : un dict de nombres
        (None pour « pas encore », jamais NaN ni l'infini : le journal est du JSON)."""
        raise NotImplementedError

    # --- but, progression, étoiles -------------------------------------------------

    def progression(self, etat):
        """Où en est-on vers le but, de 0 à 1 (pour la barre de progression)."""
        if self.est_termine(etat):
            return 1.0
        valeur = self.mesures(etat).get(self.objectif.metrique)
        return progression_vers(valeur, self.depart(etat), self.objectif)

    def depart(self, etat):
        """La valeur de la métrique au départ (pour graduer la barre de progression)."""
        cache = self.__dict__.setdefault("_departs", {})
        if etat.graine not in cache:
            if len(cache) > 64:
                cache.clear()
            cache[etat.graine] = self.mesures(self.nouvel_etat(etat.graine)).get(
                self.objectif.metrique
            )
        return cache[etat.graine]

    def est_termine(self, etat, tolerance=0.0):
        """Le but est-il atteint ? Calculé par le moteur, jamais par un bouton."""
        return self.objectif.atteint(self.mesures(etat).get(self.objectif.metrique), tolerance)

    def comprehension(self, etat):
        """La 3e étoile : par défaut, la première réponse à `question` est la bonne."""
        return self.bonne_reponse(etat)

    def etoiles(self, etat, tolerance=0.0):
        """Trois booléens : [but atteint, défi d'efficacité, compréhension].

        Les étoiles se gagnent en réussissant le niveau : sans le but, aucune.
        Le défi se lit dans les mesures du moment où le but a été atteint
        (`etat.au_but`), pour qu'on ne le perde pas en continuant de jouer.
        """
        but = self.est_termine(etat, tolerance)
        if not but:
            return [False] * NOMBRE_ETOILES
        efficace = False
        if self.defi is not None:
            lues = self.mesures(etat)
            if self.defi_au_premier_but:
                lues = getattr(etat, "au_but", None) or lues
            efficace = self.defi.atteint(lues.get(self.defi.metrique), tolerance)
        return [True, efficace, bool(self.comprehension(etat))]

    def resoudre(self, graine):
        """Le solveur intégré : la liste d'actions (celles qu'un enfant pourrait faire)
        qui réussit le niveau à partir de cette graine."""
        raise NotImplementedError

    # --- aides pour les niveaux -----------------------------------------------------

    def noter_action(self, etat):
        """À appeler à la fin d'une action acceptée : compte l'action et note le but."""
        if hasattr(etat, "actions"):
            etat.actions += 1
        self.noter_but(etat)

    def noter_but(self, etat):
        """Garde les mesures du moment où le but est atteint pour la première fois."""
        if getattr(etat, "au_but", "absent") is None and self.est_termine(etat):
            etat.au_but = dict(self.mesures(etat))

    def pas_en_tranches(self, etat, etapes, un_pas, tranche):
        """Pour `appliquer_en_tranches` : `etapes` appels de `un_pas()`, une tranche par pas.

        L'action compte une fois (au premier pas, comme `noter_action` quand on la joue
        d'un coup) et le but est noté après chaque pas. Chaque tranche donne l'action
        équivalente à ce qui est fait : `tranche` (un dict) avec `"etapes": pas faits`.
        """
        for fait in range(1, etapes + 1):
            un_pas()
            if fait == 1:
                etat.actions += 1
            self.noter_but(etat)
            yield {**tranche, "etapes": fait}

    def noter_reponse(self, etat, action):
        """Traite {"type": "repondre", "question": id, "choix": i} : note la réponse.

        Seule la première réponse compte pour l'étoile ; les suivantes sont notées
        aussi (l'enfant peut relire l'explication), sans rien changer d'autre.
        """
        if self.question is None:
            raise ActionRefusee("Ce niveau n'a pas de question.")
        if action.get("question") != self.question["id"]:
            raise ActionRefusee("Je ne connais pas cette question.")
        choix = lire_entier(action, "choix", 0, MAX_CHOIX_QUESTION - 1)
        etat.reponses.setdefault(self.question["id"], []).append(choix)

    def bonne_reponse(self, etat):
        """La première réponse donnée à la question du niveau est-elle la bonne ?"""
        if self.question is None:
            return False
        donnees = getattr(etat, "reponses", {}).get(self.question["id"])
        return bool(donnees) and donnees[0] == self.question["bonne"]

    def noter_indice(self, etat, action):
        """Un indice a été montré : on le note dans l'état s'il a une liste `indices`."""
        if isinstance(getattr(etat, "indices", None), list):
            etat.indices.append(action["numero"])

    def textes(self, langue="fr"):
        """Les textes du niveau (le fichier `textes.<langue>.toml` de son dossier)."""
        return charger_textes(type(self).__module__, langue)


def record_au_but(record, valeur):
    """Le défi tenu par le niveau (`defi_au_premier_but = False`) : le plus petit nombre
    (de coups, de prénoms…) avec lequel le but a été atteint ; `record` None = pas encore.

    À appeler quand le but est atteint avec `valeur` ; renvoie le nouveau record.
    """
    return valeur if record is None or valeur < record else record


def charger_textes(module, langue="fr"):
    """Lit `textes.<langue>.toml` à côté du module `module` (« levels.l1_devine.logic »)."""
    paquet = module.rpartition(".")[0] or module
    texte = resources.files(paquet).joinpath(f"textes.{langue}.toml").read_text("utf-8")
    return tomllib.loads(texte)


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


# --- lire les champs d'une action sans jamais planter ------------------------------


def lire_entier(action, cle, mini, maxi):
    """Le champ `cle` de l'action, un entier entre `mini` et `maxi`, sinon ActionRefusee."""
    valeur = action.get(cle)
    if not isinstance(valeur, int) or isinstance(valeur, bool):
        raise ActionRefusee(f"« {cle} » doit être un nombre entier.")
    if not mini <= valeur <= maxi:
        raise ActionRefusee(f"« {cle} » doit être entre {mini} et {maxi}.")
    return valeur


def lire_nombre(action, cle, mini, maxi):
    """Le champ `cle` de l'action, un nombre (entier ou à virgule) entre `mini` et `maxi`."""
    valeur = action.get(cle)
    if not isinstance(valeur, int | float) or isinstance(valeur, bool):
        raise ActionRefusee(f"« {cle} » doit être un nombre.")
    if not mini <= valeur <= maxi or not math.isfinite(valeur):
        raise ActionRefusee(f"« {cle} » doit être entre {mini} et {maxi}.")
    return float(valeur)


def lire_texte(action, cle, longueur_max=40):
    """Le champ `cle` de l'action, un texte de `longueur_max` caractères au plus."""
    valeur = action.get(cle)
    if not isinstance(valeur, str):
        raise ActionRefusee(f"« {cle} » doit être un texte.")
    if len(valeur) > longueur_max:
        raise ActionRefusee(f"« {cle} » est trop long ({longueur_max} caractères au plus).")
    return valeur


def lire_choix(action, cle, possibles):
    """Le champ `cle` de l'action, qui doit être une des valeurs de `possibles`."""
    valeur = action.get(cle)
    if isinstance(valeur, bool) or valeur not in possibles:
        raise ActionRefusee(
            f"« {cle} » doit être une de ces valeurs : {', '.join(map(str, possibles))}."
        )
    return valeur


def normaliser_action(action):
    """Une action est un dict JSON avec une clé « type » ; renvoie sa copie « propre »."""
    if not isinstance(action, dict) or not isinstance(action.get("type"), str):
        raise ActionRefusee("Une action doit être un objet avec un « type ».")
    try:
        return json.loads(json.dumps(action, allow_nan=False))
    except (TypeError, ValueError, RecursionError):
        raise ActionRefusee("Cette action contient des valeurs impossibles à noter.") from None


def verifier_indice(action):
    """Une demande d'indice : {"type": "indice", "numero": 1 à 3}."""
    lire_entier(action, "numero", 1, NOMBRE_INDICES)


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
                if action["type"] == ACTION_INDICE:
                    verifier_indice(action)
                    niveau.noter_indice(partie.etat, action)
                else:
                    niveau.appliquer(partie.etat, action)
            except ActionRefusee:
                continue
            partie.actions.append([t_ms, action])
            dernier_t = max(dernier_t, t_ms)
        partie.debut -= dernier_t / 1000
        return partie

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
            if action["type"] == ACTION_INDICE:
                verifier_indice(action)
        except ActionRefusee as refus:
            self.dernier_refus = str(refus)
            return
        if action["type"] == ACTION_INDICE:
            self.niveau.noter_indice(self.etat, action)
            self.actions.append([self.t_ms(), action])
            yield 1.0
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
    if journal.get("format") != FORMAT_JOURNAL:
        raise ValueError(f"format de journal inconnu ({journal.get('format')!r})")
    graine = journal.get("graine")
    if not isinstance(graine, int) or isinstance(graine, bool):
        raise ValueError("la graine manque ou n'est pas un nombre entier")
    if not 0 <= graine < 2**63:
        raise ValueError("la graine doit être un entier positif")
    actions = journal.get("actions")
    if not isinstance(actions, list):
        raise ValueError("la liste des actions manque")
    if len(actions) > MAX_ACTIONS_JOURNAL:
        raise ValueError(f"il y a trop d'actions ({len(actions)}, au plus {MAX_ACTIONS_JOURNAL})")
    propres = []
    for numero, entree in enumerate(actions, start=1):
        if (
            not isinstance(entree, list)
            or len(entree) != 2
            or not isinstance(entree[0], int)
            or isinstance(entree[0], bool)
            or entree[0] < 0
            or not isinstance(entree[1], dict)
        ):
            raise ValueError(f"l'action n° {numero} est mal écrite (il faut [temps_ms, action])")
        propres.append((entree[0], entree[1]))
    return graine, propres


def rejouer(journal, niveaux, tolerance=TOLERANCE_VERIFICATION):
    """Rejoue un journal avec le moteur et dit s'il atteint vraiment le but.

    `niveaux` : un dict id → Niveau (voir `levels.registry`). Les actions refusées
    sont comptées et sautées : un journal trafiqué est jugé sur ce qu'il atteint.
    Ne lève jamais d'exception : tout problème devient un Verdict non valide.
    """
    try:
        graine, actions = lire_journal(journal)
    except ValueError as erreur:
        return Verdict(False, f"Journal illisible : {erreur}.")
    niveau = niveaux.get(journal.get("niveau")) if isinstance(journal.get("niveau"), str) else None
    if niveau is None:
        return Verdict(False, f"Niveau inconnu : {journal.get('niveau')!r}.")
    etat = niveau.nouvel_etat(graine)
    refusees = indices = 0
    remarques = []
    precedent = 0
    for numero, (t_ms, action) in enumerate(actions, start=1):
        if t_ms < precedent and not remarques:
            remarques.append(f"les temps ne sont pas dans l'ordre (action n° {numero})")
        precedent = max(precedent, t_ms)
        try:
            action = normaliser_action(action)
            if action.get("type") == ACTION_INDICE:
                verifier_indice(action)
                niveau.noter_indice(etat, action)
                indices += 1
                continue
            niveau.appliquer(etat, action)
        except ActionRefusee:
            refusees += 1
        except Exception as erreur:  # un bug du niveau : on le dit, sans planter
            return Verdict(
                False,
                f"Le niveau a rencontré une erreur en rejouant l'action n° {numero} "
                f"({type(erreur).__name__} : {erreur}).",
                niveau_id=niveau.id,
            )
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
        temps_ms=precedent,
        etat=etat,
        remarques=remarques,
    )
