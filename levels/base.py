"""Le cadre des niveaux : actions, partie, journal, rejeu, étoiles.

Un niveau est une fonction pure de (graine, actions) :

    etat = niveau.nouvel_etat(graine)
    for action in actions:
        niveau.appliquer(etat, action)

Une action est un petit dict qu'on peut écrire en JSON, toujours avec une clé
« type » (« nourrir », « pousser », « deplacer », « entrainer », « repondre »…).
Le jeu pygame ne fait que transformer les clics en actions et dessiner l'état :
tout ce qui compte (perte, réussite, étoiles) est calculé ici, par le moteur.

Une partie enregistrée (le « journal ») est : graine + [(t_ms, action), …] ;
`rejouer(journal)` refait tout le calcul (voir `levels.journal`).

Ce qu'un niveau déclare (voir `Niveau`) :
- `id`, `numero`, `titre`, `concept` (« plongement », « embedding ») ;
- `objectif` : une vraie quantité du moteur qui doit passer une barre ;
- `defi` : le défi d'efficacité (2e étoile), une barre sur une mesure sans matériel,
  lue au moment où l'objectif est atteint pour la première fois ;
- `questions`, `predictions` : la réserve des questions de compréhension (3e étoile)
  et celles qui sont des prédictions calculées (voir `levels.questions`) ;
- `fonctions_capot` : les vraies fonctions du moteur montrées « sous le capot » ;
- `actions` : la table type d'action → fonction qui la fait (voir `levels.actions`) ;
- `nouvel_etat`, `mesures`, `resoudre` (et si besoin `comprehension`).

`Niveau.appliquer` fait le reste pour tous les niveaux : refuser un type inconnu,
noter un indice, noter la réponse à la question, compter l'action, noter le but.

Les aides du cadre (`EtatNiveau`, `lire_entier`, `noter_reponse`, `noter_but`…)
évitent à chaque niveau de réécrire la même comptabilité.
"""

import math
import tomllib
from dataclasses import dataclass, field
from importlib import resources

from levels.actions import (  # noqa: F401 - le cadre des niveaux, en un seul import
    ACTION_INDICE,
    ACTION_REPONDRE,
    MAX_CHOIX_QUESTION,
    NOMBRE_INDICES,
    ActionRefusee,
    Longue,
    lire_choix,
    lire_entier,
    lire_nombre,
    lire_sur_grille,
    lire_texte,
    longue,
    normaliser_action,
    pas_a_pas,
    verifier_indice,
)
from levels.journal import (  # noqa: F401
    FORMAT_JOURNAL,
    GRAINE_MAX,
    MAX_ACTIONS_JOURNAL,
    NOMBRE_ETOILES,
    OUTIL_SOLVEUR,
    TOLERANCE_VERIFICATION,
    Budget,
    Partie,
    Verdict,
    avancement,
    lire_journal,
    rejouer,
    texte_journal,
)

ACTION_POSER = "poser"  # poser les questions de la partie (calculées sur l'état du moment)


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
    posees: list = field(default_factory=list)  # les questions posées (`levels.questions`)


class Niveau:
    """Ce qu'un niveau déclare. Chaque niveau en fait une sous-classe dans son `logic.py`.

    À définir : `id`, `numero`, `titre`, `concept` (mot français, terme anglais),
    `objectif`, la table `actions`, et les méthodes `nouvel_etat`, `mesures`, `resoudre`.
    En option : `defi`, `questions`, `fonctions_capot`, `comprehension`, `etoiles`.
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
    # La table des actions : type → fonction (niveau, etat, action), ou `longue(générateur)`.
    # « poser », « repondre » (les questions) et « indice » sont traités par le cadre.
    actions = {}
    fonctions_capot = ()  # les fonctions du moteur montrées « sous le capot »
    # Le calcul qu'une vraie partie peut demander au plus (vérifié avant tout rejeu) ;
    # par défaut : 10 000 pas et `MAX_ACTIONS_JOURNAL` actions (un niveau dont les pas
    # coûtent cher déclare le sien).
    budget = Budget()
    # Les questions de compréhension (voir `levels.questions`) : la réserve (ids des
    # tables `[questions.<id>]` des textes) et, parmi elles, les prédictions calculées.
    questions = ()
    predictions = ()
    autres_barres = ()  # d'autres seuils montrés à l'enfant (celui du défi…), pour l'affichage
    audit_graines_max = 10**9  # `tuto-llm audit` : un niveau très lent peut en auditer moins
    cout_rejeu = 1.0  # secondes à peu près pour rejouer un journal (les plus longs d'abord)
    ligne_bigramme = False  # True : sa perte `perte_bigramme` devient la ligne du joueur

    def nouvel_etat(self, graine):
        """L'état de départ, entièrement déterminé par la graine.

        L'état est un objet (une dataclass, idéalement une sous-classe d'`EtatNiveau`)
        avec au moins un attribut `graine` ; il doit pouvoir être copié
        (`copy.deepcopy`) et envoyé à un autre processus (`pickle`) : le jeu
        entraîne parfois dans un processus à part.
        """
        raise NotImplementedError

    def types_d_action(self):
        """Les types d'action que ce niveau accepte (la table, la réponse, l'indice)."""
        types = list(self.actions)
        if self.questions:
            types += [t for t in (ACTION_POSER, ACTION_REPONDRE) if t not in types]
        return (*types, ACTION_INDICE)

    def types_longs(self):
        """Les types d'action longue (l'entraînement) : seuls eux coûtent du calcul."""
        return frozenset(g for g, faire in self.actions.items() if isinstance(faire, Longue))

    def appliquer(self, etat, action):
        """Modifie `etat` selon `action`, ou lève `ActionRefusee` sans rien changer.

        Une action longue est jouée d'un coup : exactement comme si on la jouait
        par tranches jusqu'au bout (c'est ce que fait le rejeu).
        """
        for _ in self.appliquer_en_tranches(etat, action):
            pass

    def appliquer_en_tranches(self, etat, action):
        """Comme `appliquer`, mais par petits morceaux pour ne jamais figer l'écran.

        Générateur : après chaque morceau, il donne l'action *équivalente à ce qui
        a déjà été fait* (par exemple {"type": "entrainer", "etapes": 7} au 7e pas).
        Si on l'arrête en route (`close()`), l'état reste cohérent avec la dernière
        action donnée : rejouer cette action d'un coup donne exactement le même état.
        Une action courte est un seul morceau : l'action entière.

        Les fonctions de la table refusent (ActionRefusee, jamais une autre exception)
        toute action mal formée *avant* de rien changer ; le cadre refuse les types
        inconnus, et compte l'action acceptée une fois (`noter_action`).
        """
        genre = action.get("type")
        if genre == ACTION_INDICE:
            verifier_indice(action)
            self.noter_indice(etat, action)
            yield action
            return
        faire = self.actions.get(genre) if isinstance(genre, str) else None
        if faire is None and genre == ACTION_POSER and self.questions:
            faire = _poser
        if faire is None and genre == ACTION_REPONDRE:
            faire = type(self).noter_reponse
        if faire is None:
            raise ActionRefusee(f"Je ne connais pas l'action « {genre} » dans ce niveau.")
        if isinstance(faire, Longue):
            yield from self._tranches(faire.faire(self, etat, action), etat)
            return
        faire(self, etat, action)
        self.noter_action(etat)
        yield action

    def _tranches(self, morceaux, etat):
        """Une action longue : comptée une fois (au premier pas), le but noté à chaque pas."""
        compte = False
        try:
            for faite in morceaux:
                if not compte:
                    compte = True
                    self.compter_action(etat)
                self.noter_but(etat)
                yield faite
        finally:
            morceaux.close()  # arrêtée en route : le niveau finit proprement d'abord
            if compte:
                self.noter_but(etat)

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
        """La 3e étoile : par défaut, toutes les questions posées ont eu la bonne réponse
        du premier coup."""
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

    # --- les questions et les joueurs de l'audit ------------------------------------

    def calculer_question(self, etat, question):
        """Pour une prédiction : {"valeurs": {…}, "bonne": k, "choix": […] (option)},
        calculé sur l'état de l'enfant au moment où on pose la question. None : question fixe."""
        return None

    def choix_question(self, question, langue="fr"):
        """Les choix d'une question dans le fichier de textes (la bonne réponse d'abord)."""
        return self.textes(langue).get("questions", {}).get(question, {}).get("choix", [])

    def joueur_hasard(self, etat, hasard):
        """Une action légale tirée au hasard (uniformément) : le joueur au hasard de l'audit."""
        raise NotImplementedError

    def joueur_indices(self, etat):
        """L'action suivante d'un joueur qui applique la MÉTHODE des indices 1 et 2, tels
        qu'ils sont écrits, avec seulement ce que l'écran montre (None : il ne sait plus quoi
        faire). L'audit (`hints12_win_rate`) veut ≥ 90 % de graines gagnées."""
        raise NotImplementedError

    def joueur_copie_indice3(self, etat):
        """L'action suivante d'un joueur qui ne fait que recopier les valeurs concrètes
        écrites dans l'indice 3 de CETTE partie (`valeurs_indices`), rien d'autre ; None quand
        il n'a plus rien à recopier. L'audit (`copy_hint3_win_rate`) veut ≤ 5 % de graines
        gagnées : l'indice 3 montre la méthode sur UN élément, jamais la solution."""
        return None

    def valeurs_indices(self, etat):
        """Les valeurs de cette partie qui remplissent les textes des indices (« {lettre} »,
        « {x} »…) : un dict, calculé sur l'état du moment. L'indice 3 travaille la méthode
        sur un seul élément de cette graine."""
        return {}

    def decouverte(self, etat):
        """Les nombres de l'enfant pour « ce que tu viens de découvrir » (le texte
        `decouvert` du catalogue, montré avant la question) : un dict."""
        return {}

    # --- aides pour les niveaux -----------------------------------------------------

    def noter_action(self, etat):
        """Après une action acceptée : la compte et note le but (le cadre le fait)."""
        self.compter_action(etat)
        self.noter_but(etat)

    def compter_action(self, etat):
        if hasattr(etat, "actions"):
            etat.actions += 1

    def noter_but(self, etat):
        """Garde les mesures du moment où le but est atteint pour la première fois."""
        if getattr(etat, "au_but", "absent") is None and self.est_termine(etat):
            etat.au_but = dict(self.mesures(etat))

    def noter_reponse(self, etat, action):
        """Traite {"type": "repondre", "question": id, "choix": i} (voir `levels.questions`).

        Seule la première réponse compte pour l'étoile ; les suivantes sont notées
        aussi (l'enfant peut relire l'explication), sans rien changer d'autre.
        """
        from levels import questions

        questions.repondre(etat, action)

    def bonne_reponse(self, etat):
        """Toutes les questions posées ont-elles reçu, du premier coup, la bonne réponse ?"""
        from levels import questions

        return questions.bien_repondu(etat)

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


def _poser(niveau, etat, action):
    """{"type": "poser"} : fige les questions de la partie (voir `levels.questions`)."""
    from levels import questions

    if set(action) - {"type"}:  # rien d'autre : un champ en trop se retrouverait dans la preuve
        raise ActionRefusee('« poser » s\'écrit seul : {"type": "poser"}.')
    questions.poser(niveau, etat)


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
