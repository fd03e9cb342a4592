"""Niveau 5 : mon premier LLM — le GPT entier, entraîné sur les prénoms.

1. On assemble le modèle avec les pièces des niveaux 1 à 4, dans le bon ordre :
   les plongements (les notes de chaque lettre), l'attention (la classe),
   le MLP (chaque lettre réfléchit seule), la sortie (un score par lettre).
   {"type": "placer", "bloc": "attention", "position": 1}, {"type": "retirer", "position": 1}.
2. On choisit quelques réglages, dans des bornes sûres (voir `atelier.CHOIX`).
3. On entraîne ({"type": "entrainer", "etapes": n}, par tranches) et on regarde la
   perte descendre sous la ligne des bigrammes.
4. On joue avec le modèle : créativité (température), début imposé, favoris.

Le but (vérifié par le moteur, au rejeu aussi) : la perte de validation, sur
`atelier.N_VALIDATION` prénoms jamais montrés au modèle, doit passer sous
TOUTES ces barres à la fois :

- une barre fixe, `SEUIL_PERTE` ;
- la perte du modèle bigramme du moteur, entraîné sur les mêmes prénoms
  d'entraînement et mesuré sur les mêmes prénoms de validation ;
- la ligne de l'enfant, s'il en a une : la perte de son modèle du niveau 1,
  donnée par l'action {"type": "ligne_bigramme", "perte": x}. Elle est notée
  dans le journal comme un paramètre de la partie : le rejeu vérifie donc la
  même chose que ce que l'enfant a vu.
"""

from dataclasses import dataclass, field

from engine.autograd import Valeur
from engine.generation import generer
from engine.gpt import Config, attention, gpt, nombre_parametres
from levels import questions
from levels.atelier.logique import Atelier, EtatAtelier
from levels.base import ActionRefusee, Budget, Objectif, lire_entier, lire_nombre

SEUIL_PERTE = 2.40  # la barre fixe (le bigramme du moteur fait environ 2,45 sur ces prénoms)
BUDGET_PAS = 300  # chaque modèle n'a que 300 pas : les réglages de départ n'y suffisent pas
ETAPES_MAX_ETOILE = BUDGET_PAS  # le défi : réussir du premier coup, sans modèle jeté
# Les réglages de départ : trop lents (vitesse) et trop hésitants (lot d'un seul prénom).
# L'enfant doit choisir : plus de vitesse, un lot plus grand (voir les indices).
REGLAGES_DEPART_L5 = {"n_embd": 16, "n_head": 4, "lr": 0.002, "batch": 1, "etapes": BUDGET_PAS}
LIGNE_MIN, LIGNE_MAX = 2.0, 4.5  # une perte de bigramme plausible (niveau 1)
DATASET = "prenoms"

# Les pièces : ce qu'elles reçoivent et ce qu'elles donnent.
BLOCS = {
    "plongements": ("lettres", "vecteurs"),
    "attention": ("vecteurs", "vecteurs"),
    "mlp": ("vecteurs", "vecteurs"),
    "sortie": ("vecteurs", "scores"),
}
ORDRE_GPT = ("plongements", "attention", "mlp", "sortie")
# Le rôle de chaque pièce, dit à l'enfant quand l'assemblage ne va pas.
ROLES = {
    "plongements": "les plongements changent chaque lettre en nombres (ses notes, niveau 3)",
    "attention": "l'attention fait écouter à chaque lettre les lettres d'avant (niveau 4)",
    "mlp": "le MLP fait réfléchir chaque lettre toute seule à ce qu'elle a entendu",
    "sortie": "la sortie donne un score à chaque lettre qui peut venir ensuite",
}
NB_PLACES = len(ORDRE_GPT)


def problemes_assemblage(blocs):
    """Ce qui ne va pas dans l'assemblage (liste vide : tout se branche bien).

    Chaque message est en français et dit quoi faire.
    """
    problemes = []
    vides = [i + 1 for i, bloc in enumerate(blocs) if bloc is None]
    if vides:
        places = ", ".join(str(i) for i in vides)
        problemes.append(f"Il manque une pièce à la place {places}.")
    entree = "lettres"
    for i, bloc in enumerate(blocs):
        if bloc is None:
            entree = None
            continue
        recoit, donne = BLOCS[bloc]
        if entree is not None and recoit != entree:
            problemes.append(f"{_mauvais_branchement(i, bloc, entree)} (Rappel : {ROLES[bloc]}.)")
        entree = donne
    if not vides and not problemes and entree != "scores":
        problemes.append("À la fin, il faut la sortie : elle donne un score à chaque lettre.")
    if not problemes and blocs.index("attention") > blocs.index("mlp"):
        problemes.append(
            "Dans un GPT, chaque lettre écoute d'abord les autres (attention), "
            "puis réfléchit toute seule à ce qu'elle a entendu (MLP) : sans avoir "
            "écouté, elle n'aurait rien à quoi réfléchir. Échange ces deux pièces."
        )
    return problemes


def _mauvais_branchement(i, bloc, entree):
    noms = {"lettres": "des lettres", "vecteurs": "des nombres", "scores": "des scores"}
    if bloc == "plongements":
        return (
            f"Place {i + 1} : les plongements transforment des lettres en nombres ; "
            "ils vont tout au début."
        )
    if entree == "lettres":
        return (
            f"Place {i + 1} : cette pièce attend des nombres, mais reçoit des lettres. "
            "Commence par les plongements."
        )
    return (
        f"Place {i + 1} : cette pièce attend {noms[BLOCS[bloc][0]]}, mais reçoit "
        f"{noms[entree]}. La sortie va tout à la fin."
    )


@dataclass
class EtatGPT(EtatAtelier):
    blocs: list = field(default_factory=lambda: [None] * NB_PLACES)
    ligne_enfant: float | None = None


class NiveauGPT(Atelier):
    id = "l5_gpt"
    numero = 5
    cout_rejeu = 10.0  # il entraîne un GPT : son rejeu passe en premier
    titre = "Mon premier LLM"
    concept = ("le GPT", "GPT (transformer)")
    objectif = Objectif("perte_validation", SEUIL_PERTE, "sous")
    defi = Objectif("etapes_totales", ETAPES_MAX_ETOILE, "sous")
    # une vraie partie : quelques modèles entraînés jusqu'au bout (300 pas chacun)
    budget = Budget(pas=15_000, actions=3_000)
    questions = ("predire_taille", "mieux_que_bigrammes", "lot", "vitesse")
    predictions = ("predire_taille",)
    budget_pas = BUDGET_PAS  # l'écran grise la durée : elle est fixée
    audit_graines_max = 6  # un entraînement complet prend plusieurs secondes
    fonctions_capot = (gpt, attention, Valeur.backward, generer)
    blocs = BLOCS
    ordre = ORDRE_GPT

    def nouvel_etat(self, graine):
        return EtatGPT(graine=graine, source=DATASET, reglages=dict(REGLAGES_DEPART_L5))

    # -- le but ------------------------------------------------------------------

    def ligne_enfant(self, etat):
        return etat.ligne_enfant

    def barre(self, etat):
        """La barre à passer : la plus basse de la fixe, du bigramme et de la ligne de l'enfant."""
        barres = [SEUIL_PERTE, self.donnees(etat).perte_bigramme]
        if etat.ligne_enfant is not None:
            barres.append(etat.ligne_enfant)
        return min(barres)

    def est_termine(self, etat, tolerance=0.0):
        if etat.perte_val is None:
            return False
        return etat.perte_val <= self.barre(etat) + tolerance

    def depart(self, etat):
        return self.mesures(self.nouvel_etat(etat.graine))["perte_validation"]

    def progression(self, etat):
        if self.est_termine(etat):
            return 1.0
        depart = self.depart(etat)
        valeur = self.mesures(etat)["perte_validation"]
        ecart = depart - self.barre(etat)
        if ecart <= 0:
            return 0.0
        return max(0.0, min(1.0, (depart - valeur) / ecart))

    def mesures(self, etat):
        atelier = self.mesures_atelier(etat)
        # l'ordre compte : l'écran de résultat montre les premières
        mesures = {"perte_validation": atelier["perte_validation"], "barre": self.barre(etat)}
        for cle in ("etapes_totales", "parametres", "mots_vus", "perte_bigramme"):
            mesures[cle] = atelier[cle]
        mesures.update(atelier)
        mesures["assemble"] = 0 if problemes_assemblage(etat.blocs) else 1
        if etat.ligne_enfant is not None:
            mesures["ligne_enfant"] = etat.ligne_enfant
        return mesures

    # -- les actions du niveau 5 -------------------------------------------------------

    def peut_entrainer(self, etat):
        problemes = problemes_assemblage(etat.blocs)
        if problemes:
            return "Le modèle n'est pas encore assemblé : " + " ".join(problemes)
        return None

    def _demontable(self, etat):
        if self.a_un_modele(etat):
            raise ActionRefusee(
                "Ton modèle a déjà commencé à apprendre : pour le démonter, "
                "clique d'abord sur « Recommencer »."
            )

    def _placer(self, etat, action):
        self._demontable(etat)
        bloc = action.get("bloc")
        if not isinstance(bloc, str) or bloc not in BLOCS:
            raise ActionRefusee("Les pièces sont : " + ", ".join(BLOCS) + ".")
        position = lire_entier(action, "position", 0, NB_PLACES - 1)
        if etat.blocs[position] == bloc:
            raise ActionRefusee("Cette pièce est déjà à cette place.")
        if bloc in etat.blocs:  # on la déplace
            etat.blocs[etat.blocs.index(bloc)] = None
        etat.blocs[position] = bloc  # la pièce qui était là retourne dans la boîte

    def _retirer(self, etat, action):
        self._demontable(etat)
        position = lire_entier(action, "position", 0, NB_PLACES - 1)
        if etat.blocs[position] is None:
            raise ActionRefusee("Cette place est déjà vide.")
        etat.blocs[position] = None

    def _ligne(self, etat, action):
        perte = lire_nombre(action, "perte", LIGNE_MIN, LIGNE_MAX)
        if etat.ligne_enfant is not None:
            raise ActionRefusee("La ligne de ton modèle du niveau 1 est déjà posée.")
        etat.ligne_enfant = perte

    def _regler_budget(self, etat, action):
        valeur = action.get("valeur")
        nombre = isinstance(valeur, int | float) and not isinstance(valeur, bool)
        if action.get("parametre") == "etapes" and nombre and valeur > BUDGET_PAS:
            raise ActionRefusee(
                f"Ici, chaque modèle a {BUDGET_PAS} pas d'entraînement, pas un de plus : "
                "choisis bien la vitesse, la largeur et le lot."
            )
        Atelier._regler(self, etat, action)

    actions = {
        **Atelier.actions,
        "regler": _regler_budget,
        "placer": _placer,
        "retirer": _retirer,
        "ligne_bigramme": _ligne,
    }

    # -- le solveur -----------------------------------------------------------------------

    def calculer_question(self, etat, question):
        if question != "predire_taille":
            return None
        largeur = etat.reglages["n_embd"]
        autre = 32 if largeur < 32 else 8
        n = self.nombre_parametres(etat)
        config = Config(n_embd=autre, n_head=etat.reglages["n_head"], vocab_size=27)
        m = nombre_parametres(config)
        bonne = 0 if m >= 2 * n else (1 if m <= n / 2 else 2)
        return {"valeurs": {"largeur": largeur, "autre": autre, "n": n}, "bonne": bonne}

    def resoudre(self, graine):
        from levels.l5_gpt import joueurs  # late: they import this module

        etat = self.nouvel_etat(graine)
        actions = [
            {"type": "placer", "bloc": bloc, "position": i} for i, bloc in enumerate(ORDRE_GPT)
        ]
        actions += joueurs.reglages_des_indices()
        actions.append({"type": "entrainer", "etapes": BUDGET_PAS})
        for action in actions:
            self.appliquer(etat, action)
        actions += questions.reponse_du_solveur(self, etat)
        actions.append({"type": "generer", "temperature": 0.6, "prefixe": "", "n": 6})
        return actions

    def joueur_hasard(self, etat, hasard):
        from levels.l5_gpt import joueurs  # late: they import this module

        return joueurs.au_hasard(self, etat, hasard)

    def joueur_indices(self, etat):
        from levels.l5_gpt import joueurs  # late: they import this module

        return joueurs.selon_les_indices(self, etat)


NIVEAU = NiveauGPT()
