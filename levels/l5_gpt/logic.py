"""Niveau 5 : mon premier LLM — le GPT entier, entraîné sur les prénoms.

1. On assemble le modèle avec les pièces des niveaux 1 à 4, dans le bon ordre :
   les plongements (les notes de chaque lettre), l'attention (la classe),
   le MLP (chaque lettre réfléchit seule), la sortie (un score par lettre).
   {"type": "placer", "bloc": "attention", "position": 1}, {"type": "retirer", "position": 1}.
2. On choisit quelques réglages (voir `atelier.CHOIX`) : la vitesse va jusqu'à 0,5, où
   le GPT explose (« Trop vite ! », `engine.entrainement.diagnostic_divergence`).
3. On entraîne ({"type": "entrainer", "etapes": n}, par tranches) et on regarde la
   perte descendre sous la barre. Chaque graine donne son budget de pas par modèle
   (`budget_de`) : la règle des indices (vitesse × pas ≥ 3, le plus grand lot) est la
   même partout, les réglages qui gagnent ne le sont pas.
4. On joue avec le modèle : créativité (température), début imposé, favoris.

Le but (vérifié par le moteur, au rejeu aussi) : la perte de validation, sur
`atelier.N_VALIDATION` prénoms jamais montrés au modèle, doit passer sous
TOUTES ces barres à la fois :

- la barre du budget de la partie, `BARRES[budget_de(graine)]` ;
- la perte du modèle bigramme du moteur, entraîné sur les mêmes prénoms
  d'entraînement et mesuré sur les mêmes prénoms de validation ;
- la ligne de l'enfant, s'il en a une : la perte de son modèle du niveau 1,
  donnée par l'action {"type": "ligne_bigramme", "perte": x}. Elle est notée
  dans le journal comme un paramètre de la partie : le rejeu vérifie donc la
  même chose que ce que l'enfant a vu.
"""

import math
import random
from dataclasses import dataclass, field

from engine.entrainement import Entrainement, diagnostic_divergence
from engine.gpt import Config, attention, nombre_parametres
from engine.marche_arriere import perte_et_gradients, perte_et_gradients_lot
from levels import questions
from levels.atelier.logique import CHOIX, Atelier, EtatAtelier
from levels.base import ActionRefusee, Budget, Objectif, lire_entier, lire_nombre

# Chaque graine donne à l'enfant une situation : un nombre de pas par modèle (le budget),
# et la barre que des réglages bien choisis passent avec ce budget-là. Peu de pas : il faut
# de grands pas (la vitesse), sans aller jusqu'à l'explosion ; la règle est la même partout,
# les réglages gagnants d'un ami ne le sont pas forcément chez toi.
BUDGETS = (100, 150, 200)
BARRES = {100: 2.45, 150: 2.41, 200: 2.40}  # les bigrammes font environ 2,48 sur ces prénoms
SEUIL_PERTE = max(BARRES.values())  # la barre fixe la plus haute (pour les tests, la doc)
BUDGET_PAS = min(BUDGETS)  # le plus petit budget : « entrainer » de ce nombre marche partout
SOLVEUR_ACTIONS_MAX = 40  # le solveur : trois modèles au plus, une vingtaine d'actions
DISTANCE_MIN = 3  # la règle des indices : vitesse × pas ≥ 3 (chaque pas bouge un poids ≈ vitesse)
# Les réglages de départ : trop lents (vitesse) et trop hésitants (lot d'un seul prénom).
# L'enfant doit choisir : plus de vitesse, un lot plus grand (voir les indices).
REGLAGES_DEPART_L5 = {"n_embd": 16, "n_head": 4, "lr": 0.002, "batch": 1}


def budget_de(graine):
    """Le nombre de pas de chaque modèle, pour cette graine."""
    return BUDGETS[random.Random(f"l5-budget-{graine}").randrange(len(BUDGETS))]


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
    defi = Objectif("modeles_jetes", 0, "sous")  # du premier coup : aucun modèle jeté
    # une vraie partie : quelques modèles entraînés jusqu'au bout (200 pas au plus chacun)
    budget = Budget(pas=15_000, actions=3_000)
    questions = ("predire_taille", "mieux_que_bigrammes", "lot", "vitesse")
    predictions = ("predire_taille",)
    audit_graines_max = 60  # un entraînement complet prend plusieurs secondes
    # le code qui entraîne vraiment (Entrainement.pas → perte_et_gradients_lot →
    # perte_et_gradients → attention), et le surveillant de l'explosion
    fonctions_capot = (
        Entrainement.pas,
        perte_et_gradients_lot,
        perte_et_gradients,
        attention,
        diagnostic_divergence,
    )
    blocs = BLOCS
    ordre = ORDRE_GPT

    def nouvel_etat(self, graine):
        reglages = dict(REGLAGES_DEPART_L5, etapes=budget_de(graine))
        return EtatGPT(graine=graine, source=DATASET, reglages=reglages)

    def budget_pas(self, etat):
        """Le nombre de pas de chaque modèle de cette partie (l'écran grise la durée)."""
        return budget_de(etat.graine)

    # -- le but ------------------------------------------------------------------

    def ligne_enfant(self, etat):
        return etat.ligne_enfant

    def barre(self, etat):
        """La barre à passer : la plus basse de la fixe, du bigramme et de la ligne de l'enfant."""
        barres = [BARRES[budget_de(etat.graine)], self.donnees(etat).perte_bigramme]
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
        mesures["modeles_jetes"] = etat.recommencements
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
        budget = budget_de(etat.graine)
        if action.get("parametre") == "etapes" and nombre and valeur > budget:
            raise ActionRefusee(
                f"Ici, chaque modèle a {budget} pas d'entraînement, pas un de plus : "
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
        largeur, tetes = etat.reglages["n_embd"], etat.reglages["n_head"]
        n = self.nombre_parametres(etat)
        autre, autres_tetes, bonne = _autre_modele(etat.graine, etat.reglages)
        valeurs = {
            "largeur": largeur,
            "tetes": tetes,
            "autre": autre,
            "autres_tetes": autres_tetes,
            "n": n,
            "m": nombre_parametres(Config(n_embd=autre, n_head=autres_tetes, vocab_size=27)),
        }
        return {"valeurs": valeurs, "bonne": bonne}

    # -- les indices et « ce que tu viens de découvrir » ----------------------------------

    def valeurs_indices(self, etat):
        budget = budget_de(etat.graine)
        vitesse = REGLAGES_DEPART_L5["lr"]
        return {
            "budget": budget,
            "barre": _virgule(self.barre(etat), 2),
            "hasard": f"{math.log(len(self.donnees(etat).vocab)):.2f}".replace(".", ","),
            "distance": DISTANCE_MIN,
            "vitesse_exemple": vitesse,
            "vitesse_exemple_texte": _virgule(vitesse, 3),
            "produit": _virgule(vitesse * budget, 2),
        }

    def decouverte(self, etat):
        r = etat.reglages
        budget = budget_de(etat.graine)
        perte = etat.perte_val if etat.perte_val is not None else math.log(27)
        return {
            "budget": budget,
            "vitesse": _virgule(r["lr"], 3),
            "lot": r["batch"],
            "produit": _virgule(r["lr"] * budget, 2),
            "perte": _virgule(perte, 2),
            "barre": _virgule(self.barre(etat), 2),
            "essais": len(etat.essais) + 1,
        }

    def joueur_copie_indice3(self, etat):
        from levels.l5_gpt import joueurs  # late: they import this module

        return joueurs.copie_de_l_indice3(self, etat)

    def resoudre(self, graine):
        """La méthode des indices, jouée jusqu'au but : la règle vitesse × pas d'abord, un
        autre modèle seulement si le premier n'a pas passé la barre (le défi est alors perdu)."""
        from levels.l5_gpt import joueurs  # late: they import this module

        etat = self.nouvel_etat(graine)
        actions = []
        while not self.est_termine(etat) and len(actions) < SOLVEUR_ACTIONS_MAX:
            action = joueurs.selon_les_indices(self, etat)
            if action is None:
                break
            self.appliquer(etat, action)
            actions.append(action)
        actions += questions.reponse_du_solveur(self, etat)
        actions.append({"type": "generer", "temperature": 0.6, "prefixe": "", "n": 6})
        return actions

    def joueur_hasard(self, etat, hasard):
        from levels.l5_gpt import joueurs  # late: they import this module

        return joueurs.au_hasard(self, etat, hasard)

    def joueur_indices(self, etat):
        from levels.l5_gpt import joueurs  # late: they import this module

        return joueurs.selon_les_indices(self, etat)


def _virgule(valeur, decimales):
    """Un nombre écrit à la française, sans zéros inutiles : 0,02 ; 2,41."""
    texte = f"{valeur:.{decimales}f}".rstrip("0").rstrip(".")
    return texte.replace(".", ",")


def _autre_modele(graine, reglages):
    """Le modèle de la question « predire_taille » : (largeur, têtes, rang de la bonne réponse).

    Le modèle comparé dépend de TES réglages (tous les quatre) et de la graine : 0 « plus du
    double », 1 « moins de la moitié », 2 « à peu près autant » (mêmes largeur, autres
    têtes : les têtes se partagent la largeur, elles n'ajoutent pas de nombres)."""
    largeurs = CHOIX["n_embd"]
    tete_choix = CHOIX["n_head"]
    largeur, tetes = reglages["n_embd"], reglages["n_head"]
    n = nombre_parametres(Config(n_embd=largeur, n_head=tetes, vocab_size=27))

    def taille(w):
        return nombre_parametres(Config(n_embd=w, n_head=1, vocab_size=27))

    candidats = {
        0: [w for w in largeurs if taille(w) >= 2.3 * n],
        1: [w for w in largeurs if taille(w) <= n / 2.3],
        2: [largeur],
    }
    hasard = random.Random(f"l5-taille-{graine}")
    depart = hasard.randrange(3) + sum(
        CHOIX[cle].index(reglages[cle]) for cle in CHOIX if reglages[cle] in CHOIX[cle]
    )
    for decalage in range(3):
        bonne = (depart + decalage) % 3
        if candidats[bonne]:
            break
    autre = hasard.choice(candidats[bonne])
    possibles = [h for h in tete_choix if autre % h == 0 and (bonne != 2 or h != tetes)]
    return autre, hasard.choice(possibles), bonne


NIVEAU = NiveauGPT()
