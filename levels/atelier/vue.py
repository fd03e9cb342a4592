"""La vue commune de l'atelier (niveau 5 et bac à sable) : des onglets, l'entraînement
dans `ctx.runner` (l'écran ne gèle jamais), la courbe et les mots inventés.

`VueAtelier` a trois onglets : le sien (« assemblage » au niveau 5, « mots » au bac à
sable, écrit par la sous-classe), « Entraînement » et « Jouer avec »
(`panneau_entrainement`, `panneau_terrain`). Une sous-classe écrit :
`ONGLETS`, `libelle_onglet(nom)`, `construire_propre(rect)` (qui remplit
`self.box_propre`), `maj_propre()`, `dessiner_propre(surface)` et, si besoin,
`evenement_propre(event)`.

Aucun import de `game` : le kit de widgets vient de `ctx.ui`. Les textes communs sont
dans la table [atelier] du catalogue du niveau 5 (clés complètes « l5_gpt.atelier.… »,
lisibles depuis n'importe quel niveau).
"""

import pygame

from levels.atelier.commun import nombre, texte
from levels.atelier.panneau_entrainement import PanneauEntrainement
from levels.atelier.panneau_terrain import PanneauTerrain
from levels.vue import VueNiveau

FENETRE_COURBE = 25
PANNEAUX = ("entrainement", "terrain")


def moyenne_glissante(pertes, fenetre=FENETRE_COURBE, points_max=400):
    """[(pas, perte moyenne des `fenetre` derniers pas)], au plus `points_max` points."""
    resultat, total = [], 0.0
    pas = max(1, len(pertes) // points_max)
    for i, perte in enumerate(pertes):
        total += perte
        if i >= fenetre:
            total -= pertes[i - fenetre]
        if (i + 1) % pas == 0 or i == len(pertes) - 1:
            resultat.append((i + 1, total / min(i + 1, fenetre)))
    return resultat


class VueAtelier(VueNiveau):
    """Les onglets, le travail en cours (`job`) et ce qu'on en montre."""

    ONGLETS = ("entrainement", "terrain")  # le premier : l'onglet propre de la sous-classe

    def __init__(self, niveau, partie, ctx):
        super().__init__(niveau, partie, ctx)
        self.onglet = self.ONGLETS[0]
        self.job = None
        self.etape_lue = 0
        self.live = []  # [(pas, perte moyenne)] reçus pendant le travail en cours
        self.apercu = None  # (pas, [mots])
        self._courbe_cle = None
        self._courbe = []
        self._apercu_cle = None
        self._apercu_local = None

    # ------------------------------------------------------------------ mise en page
    def construire(self):
        ui, theme, a = self.ui, self.theme, self.area
        self.box = ui.Container(theme)
        self.onglets = {}
        haut_onglet = max(52, theme.line_height("body") + 20)
        for i, nom in enumerate(self.ONGLETS):
            rect = (a.x + 20 + i * 270, a.y + 8, 260, haut_onglet)
            bouton = ui.Button(
                theme,
                rect,
                self.libelle_onglet(nom),
                on_click=lambda n=nom: self.choisir(n),
                style="secondary",
            )
            self.onglets[nom] = self.box.add(bouton)
        haut = a.y + 8 + haut_onglet + 12
        self.contenu = pygame.Rect(a.x + 20, haut, a.w - 40, a.bottom - 8 - haut)
        self.entrainement = PanneauEntrainement(self, self.contenu)
        self.terrain = PanneauTerrain(self, self.contenu)
        self.construire_propre(self.contenu)
        self.maj()

    def libelle_onglet(self, nom):
        return texte(self.ctx, f"onglet_{nom}")

    def construire_propre(self, rect):
        self.box_propre = self.ui.Container(self.theme)

    def maj(self):
        for nom, bouton in self.onglets.items():
            bouton.style = "primary" if nom == self.onglet else "secondary"
        self.maj_propre()

    def maj_propre(self):
        """Les widgets de l'onglet propre (et l'accès aux autres onglets)."""

    def choisir(self, nom):
        self.onglet = nom
        self.maj()

    def panneau(self):
        return {"entrainement": self.entrainement, "terrain": self.terrain}.get(self.onglet)

    # ------------------------------------------------------------------ la boucle du jeu
    def handle_event(self, event):
        if self.box.handle_event(event):
            return True
        if self.onglet in PANNEAUX:
            return self.panneau().handle_event(event)
        return self.evenement_propre(event)

    def evenement_propre(self, event):
        return self.box_propre.handle_event(event)

    def update(self, dt):
        self.suivre_travail()
        self.box.update(dt)
        self.maj()
        if self.onglet in PANNEAUX:
            self.panneau().update(dt)
        else:
            self.box_propre.update(dt)

    def draw(self, surface):
        self.box.draw(surface)
        if self.onglet in PANNEAUX:
            self.panneau().draw(surface)
        else:
            self.dessiner_propre(surface)
        self.box.tooltip.draw(surface)

    def dessiner_propre(self, surface):
        self.box_propre.draw(surface)

    # ------------------------------------------------------------------ jouer, entraîner
    @property
    def occupe(self):
        return self.job is not None and not self.job.done

    def jouer(self, action, son="click"):
        """Joue une action courte (pas pendant un entraînement) ; renvoie le refus ou None."""
        if self.occupe:
            return texte(self.ctx, "occupe")
        return super().jouer(action, son)

    def entrainer(self, n=None):
        """Lance l'entraînement dans le runner (`n` pas, sinon ce qui reste de la durée)."""
        if self.occupe:
            return
        restantes = self.etat.reglages["etapes"] - self.etat.etape
        n = restantes if n is None else min(n, restantes)
        if n <= 0:
            self.dire(texte(self.ctx, "fini"))
            return
        self.dire("")
        self.live = []
        self.etape_lue = 0
        self.job = self.ctx.runner.play(self.partie, {"type": "entrainer", "etapes": n})
        self.son("click")

    def arreter(self):
        if self.occupe:
            self.job.cancel()

    def suivre_travail(self):
        """Lit ce que l'entraînement en cours a envoyé (courbe en direct, mots inventés)."""
        job = self.job
        if job is None:
            return
        # les nouvelles infos : celles d'un pas pas encore vu (le runner peut oublier
        # les plus anciennes d'un très long entraînement, donc on ne compte pas par index)
        nouvelles = []
        for info in reversed(job.infos):
            if not isinstance(info, dict) or (info.get("etape") or 0) <= self.etape_lue:
                break
            nouvelles.append(info)
        for info in reversed(nouvelles):
            if info.get("perte_moyenne") is not None:
                self.live.append((info["etape"], info["perte_moyenne"]))
            if info.get("noms"):
                self.apercu = (info.get("noms_etape", info["etape"]), list(info["noms"]))
            self.etape_lue = info["etape"]
        if job.done:
            self.job = None
            self.live = []
            if job.error and not job.cancelled:
                self.dire(job.error)
            elif self.partie.termine():
                self.dire(texte(self.ctx, "bravo"), bon=True)
            self.apercu = None

    # ------------------------------------------------------------------ ce qu'on dessine
    def courbe(self):
        """La perte (moyenne glissante) : ce que l'état contient, plus ce qui arrive en direct."""
        pertes = self.etat.pertes
        cle = (id(self.etat), len(pertes), self.etat.recommencements)
        if cle != self._courbe_cle:
            self._courbe = moyenne_glissante(pertes)
            self._courbe_cle = cle
        dernier = self._courbe[-1][0] if self._courbe else 0
        return self._courbe + [p for p in self.live if p[0] > dernier]

    def mots_inventes(self):
        """(pas, mots) : l'aperçu reçu en direct, sinon celui du modèle tel qu'il est."""
        if self.apercu is not None:
            return self.apercu
        etat = self.etat
        if etat.poids is None or not etat.etape:
            return None
        cle = (id(etat), etat.etape, etat.recommencements)
        if self._apercu_cle != cle:
            self._apercu_cle = cle
            self._apercu_local = (etat.etape, self.niveau.apercu(etat))
        return self._apercu_local

    def ligne_reference(self):
        """(valeur, texte) de la ligne à battre : celle de l'enfant, sinon les bigrammes."""
        ligne = self.niveau.ligne_enfant(self.etat)
        if ligne is not None:
            return ligne, texte(self.ctx, "ta_ligne", valeur=nombre(self.ctx, ligne, 2))
        valeur = self.niveau.donnees(self.etat).perte_bigramme
        return valeur, texte(self.ctx, "ligne_bigramme", valeur=nombre(self.ctx, valeur, 2))
