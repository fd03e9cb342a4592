"""L'écran d'entraînement et le terrain de jeu, partagés par le niveau 5 et le bac à sable.

- `Atelier` : ce que les deux panneaux partagent (la partie, le travail en cours
  dans `ctx.runner`, la courbe, les mots inventés, les messages) ;
- `PanneauEntrainement` : réglages, Entraîner / Stop / Recommencer, barre de
  progression, courbe de la perte contre la ligne des bigrammes, aperçu des mots
  inventés pendant l'entraînement ;
- `PanneauTerrain` : créativité (température), « commence par… », inventer,
  garder ses favoris, garder son modèle.

Aucun import de `game` : le kit de widgets vient de `ctx.ui`. Les textes sont dans
la table [atelier] du catalogue du niveau 5 (clés complètes « l5_gpt.atelier.… »,
lisibles depuis n'importe quel niveau).
"""

import contextlib
import math

import pygame

from levels.l5_gpt import atelier

TEXTES = "l5_gpt.atelier."
DUREES = (50, 2000, 50)  # le curseur « durée » : de 50 à 2 000 pas, par 50
TEMPERATURE_DEPART = 0.6
N_INVENTES = 8
FENETRE_COURBE = 25


def texte(ctx, cle, **kw):
    """Un texte de la table [atelier] (le traducteur y met les espaces insécables du français)."""
    return ctx.t(TEXTES + cle, **kw)


def nombre(ctx, valeur, decimales=0):
    fonction = getattr(ctx.t, "number", None)
    if fonction is not None:
        return fonction(valeur, decimales)
    return f"{valeur:.{decimales}f}".replace(".", ",")


def melange(a, b, t):
    """La couleur entre `a` (t = 0) et `b` (t = 1)."""
    t = min(1.0, max(0.0, t))
    return tuple(round(x + (y - x) * t) for x, y in zip(a[:3], b[:3], strict=True))


def profil(ctx):
    """Le profil du joueur, si le jeu le donne (sinon None)."""
    trouve = getattr(ctx, "profile", None)
    if trouve is None:
        trouve = getattr(getattr(ctx, "app", None), "profile", None)
    return trouve


def jouer_son(ctx, nom):
    sons = getattr(ctx, "sounds", None)
    if sons is not None:
        with contextlib.suppress(Exception):  # un son raté ne casse rien
            sons.play(nom)


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


class Atelier:
    """La partie, le travail en cours et ce qu'on en montre."""

    def __init__(self, niveau, partie, ctx):
        self.niveau, self.partie, self.ctx = niveau, partie, ctx
        self.job = None
        self.message = ""
        self.message_bon = False
        self.etape_lue = 0
        self.live = []  # [(pas, perte moyenne)] reçus pendant le travail en cours
        self.apercu = None  # (pas, [mots])
        self._courbe_cle = None
        self._courbe = []

    @property
    def etat(self):
        return self.partie.etat

    @property
    def occupe(self):
        return self.job is not None and not self.job.done

    def dire(self, message, bon=False):
        self.message, self.message_bon = message or "", bon

    def jouer(self, action):
        """Joue une action courte ; renvoie le refus (ou None)."""
        if self.occupe:
            return texte(self.ctx, "occupe")
        refus = self.partie.jouer(action)
        self.dire(refus)
        jouer_son(self.ctx, "error" if refus else "click")
        return refus

    def entrainer(self, n=None):
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
        runner = getattr(self.ctx, "runner", None)
        action = {"type": "entrainer", "etapes": n}
        if runner is None:  # pas de runner (tests) : d'un coup
            self.dire(self.partie.jouer(action))
            return
        self.job = runner.play(self.partie, action)
        jouer_son(self.ctx, "click")

    def stop(self):
        if self.occupe:
            self.job.cancel()

    def update(self, dt):
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

    # -- ce qu'on dessine ---------------------------------------------------------------
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
        if getattr(self, "_apercu_cle", None) != cle:
            self._apercu_cle = cle
            self._apercu_local = (etat.etape, self.niveau.apercu(etat))
        return self._apercu_local

    def ligne_reference(self):
        """(valeur, texte) de la ligne à battre : celle de l'enfant, sinon les bigrammes."""
        donnees = self.niveau.donnees(self.etat)
        ligne = getattr(self.etat, "ligne_enfant", None)
        if ligne is not None:
            return ligne, texte(self.ctx, "ta_ligne", valeur=nombre(self.ctx, ligne, 2))
        valeur = donnees.perte_bigramme
        return valeur, texte(self.ctx, "ligne_bigramme", valeur=nombre(self.ctx, valeur, 2))


# ---------------------------------------------------------------------------
# Le panneau d'entraînement
# ---------------------------------------------------------------------------


def _format_choix(parametre, ctx):
    choix = atelier.CHOIX[parametre]

    def fmt(i):
        valeur = choix[min(len(choix) - 1, max(0, round(i)))]
        if parametre == "lr":
            return nombre(ctx, valeur, 3).rstrip("0").rstrip(",.")
        return nombre(ctx, valeur, 0)

    return fmt


class PanneauEntrainement:
    def __init__(self, atelier_vue, rect):
        self.a = atelier_vue
        self.ctx = atelier_vue.ctx
        self.theme = self.ctx.theme
        self.rect = pygame.Rect(rect)
        self.attente = {}  # paramètre → valeur du curseur pas encore jouée
        self.construire()

    def construire(self):
        ui, theme, ctx = self.ctx.ui, self.theme, self.ctx
        r = self.rect
        self.box = ui.Container(theme)
        self.gauche = pygame.Rect(r.x, r.y, 330, r.h)
        self.droite = pygame.Rect(r.right - 300, r.y, 300, r.h)
        self.centre = pygame.Rect(
            self.gauche.right + 16, r.y, self.droite.x - self.gauche.right - 32, r.h
        )
        g = self.gauche.inflate(-28, 0)
        y = self.gauche.y + theme.line_height("heading") + 18
        hauteur = theme.line_height("body") + 30
        self.curseurs = {}
        etat = self.a.etat
        for parametre in ("n_embd", "n_head", "lr", "batch"):
            choix = atelier.CHOIX[parametre]
            valeur = etat.reglages[parametre]
            index = choix.index(valeur) if valeur in choix else 0
            curseur = ui.Slider(
                theme,
                (g.x, y, g.w, hauteur),
                texte(ctx, parametre),
                0,
                len(choix) - 1,
                index,
                step=1,
                on_change=lambda v, p=parametre: self.attente.__setitem__(p, v),
                fmt=_format_choix(parametre, ctx),
                tooltip=texte(ctx, f"{parametre}_aide"),
            )
            self.curseurs[parametre] = self.box.add(curseur)
            y += hauteur + 6
        bas, haut, pas = DUREES
        duree = ui.Slider(
            theme,
            (g.x, y, g.w, hauteur),
            texte(ctx, "etapes"),
            bas,
            haut,
            min(haut, max(bas, etat.reglages["etapes"])),
            step=pas,
            on_change=lambda v: self.attente.__setitem__("etapes", v),
            fmt=lambda v: nombre(ctx, v, 0),
            tooltip=texte(ctx, "etapes_aide"),
        )
        self.curseurs["etapes"] = self.box.add(duree)
        y += hauteur + 8
        self.y_parametres = y
        # au centre : les boutons, la barre de progression et la courbe
        h = theme.control_height
        c = self.centre
        carre = h + 6
        # « Recommencer » garde la taille de ses mots, « Entraîner » prend le reste
        mots = theme.font("body").size(texte(ctx, "recommencer"))[0] + 2 * theme.pad + 12
        large = max((c.w - carre - 20) * 2 // 5, c.w - carre - 20 - mots)
        self.bouton_entrainer = self.box.add(
            ui.Button(
                theme, (c.x, c.y, large, h), texte(ctx, "entrainer"), self.a.entrainer, icon="play"
            )
        )
        self.bouton_stop = self.box.add(
            ui.Button(
                theme,
                (c.x + large + 10, c.y, carre, h),
                "",
                self.a.stop,
                icon="stop",
                style="secondary",
                tooltip=texte(ctx, "stop"),
            )
        )
        x = c.x + large + carre + 20
        self.bouton_recommencer = self.box.add(
            ui.Button(
                theme,
                (x, c.y, c.right - x, h),
                texte(ctx, "recommencer"),
                self.recommencer,
                style="danger",
                tooltip=texte(ctx, "recommencer_aide"),
            )
        )
        y = c.y + h + 12
        hauteur_barre = theme.line_height("body") + 30
        self.barre = ui.ProgressBar(theme, (c.x, y, c.w, hauteur_barre), 0.0, "")
        y += hauteur_barre + 10
        self.courbe = ui.LineChart(
            theme,
            (c.x, y, c.w, c.bottom - y),
            texte(ctx, "courbe"),
            series=(texte(ctx, "perte"),),
            x_label=texte(ctx, "pas"),
            empty_text=texte(ctx, "inventes_vide"),
        )
        self.box.add(self.courbe)
        self.maj()

    def recommencer(self):
        if self.a.jouer({"type": "recommencer"}) is None:
            self.attente.clear()
            self.maj()

    def maj(self):
        """Active ou grise les contrôles selon l'état (entraînement commencé, en cours…)."""
        etat = self.a.etat
        occupe = self.a.occupe
        verrou = etat.poids is not None
        for parametre, curseur in self.curseurs.items():
            if parametre == "etapes":
                curseur.enabled = not occupe
            else:
                curseur.enabled = not (verrou or occupe)
                curseur.tooltip = (
                    texte(self.ctx, "verrou") if verrou else texte(self.ctx, f"{parametre}_aide")
                )
            if parametre not in self.attente and not curseur.dragging:
                valeur = etat.reglages[parametre]
                if parametre != "etapes":
                    choix = atelier.CHOIX[parametre]
                    valeur = choix.index(valeur) if valeur in choix else 0
                curseur.set_value(valeur, notify=False)
        raison = self.a.niveau.peut_entrainer(etat)
        restantes = etat.reglages["etapes"] - etat.etape
        self.bouton_entrainer.enabled = not occupe and not raison and restantes > 0
        self.bouton_entrainer.tooltip = raison or (
            texte(self.ctx, "fini") if restantes <= 0 else None
        )
        self.bouton_stop.enabled = occupe
        self.bouton_recommencer.enabled = verrou and not occupe

    def _jouer_attente(self):
        for parametre, valeur in list(self.attente.items()):
            curseur = self.curseurs[parametre]
            if curseur.dragging:
                continue
            del self.attente[parametre]
            if parametre != "etapes":
                valeur = atelier.CHOIX[parametre][int(round(valeur))]
            if valeur != self.a.etat.reglages[parametre]:
                action = {"type": "regler", "parametre": parametre, "valeur": valeur}
                self.a.jouer(action)

    def handle_event(self, event):
        return self.box.handle_event(event)

    def update(self, dt):
        self.box.update(dt)
        self._jouer_attente()
        self.maj()
        etat = self.a.etat
        total = etat.reglages["etapes"]
        fait = etat.etape
        if self.a.occupe and self.a.live:
            fait = max(fait, self.a.live[-1][0])
        self.barre.value = fait / total if total else 0.0
        self.barre.label = texte(
            self.ctx, "progression", fait=nombre(self.ctx, fait), total=nombre(self.ctx, total)
        )
        points = self.a.courbe()
        serie = next(iter(self.courbe.series))
        self.courbe.series[serie] = list(points)
        valeur, etiquette = self.a.ligne_reference()
        self.courbe.reference, self.courbe.reference_label = valeur, etiquette
        validation = [(x, y) for x, y in etat.points_val]
        nom_val = texte(self.ctx, "validation_courte")
        if validation:
            self.courbe.series[nom_val] = validation
        else:
            self.courbe.series.pop(nom_val, None)

    def draw(self, surface):
        theme, c, ctx = self.theme, self.theme.colors, self.ctx
        etat = self.a.etat
        theme.draw_panel(surface, self.gauche)
        theme.draw_panel(surface, self.droite)
        titre = pygame.Rect(
            self.gauche.x + 14, self.gauche.y + 10, self.gauche.w - 28, theme.line_height("heading")
        )
        theme.draw_text(surface, texte(ctx, "titre_reglages"), titre, "heading", c.ink)
        n = self.a.niveau.nombre_parametres(etat)
        infos = pygame.Rect(
            self.gauche.x + 14,
            self.y_parametres,
            self.gauche.w - 28,
            self.gauche.bottom - 10 - self.y_parametres,
        )
        lignes = [texte(ctx, "parametres", n=nombre(ctx, n))]
        lignes.append(texte(ctx, "donnees", n=nombre(ctx, self.a.niveau.donnees(etat).nombre_mots)))
        if infos.h >= theme.line_height("small"):
            theme.draw_text(surface, "\n".join(lignes), infos, "small", c.ink_soft)
        self.barre.draw(surface)
        self.box.draw(surface)
        self._dessiner_barre_fixe(surface)
        self._dessiner_droite(surface)
        self.box.tooltip.draw(surface)

    def _dessiner_barre_fixe(self, surface):
        """La barre fixe du niveau (s'il y en a une), en pointillés verts sur la courbe."""
        barre = getattr(self.a.niveau, "barre", None)
        if barre is None or not self.courbe.series:
            return
        valeur = barre(self.a.etat)
        reference = self.courbe.reference
        if reference is not None and abs(valeur - reference) < 1e-9:
            return
        lo, hi = self.courbe.y_range()
        if not lo <= valeur <= hi:
            return
        plot = self.courbe.plot_rect()
        y = plot.bottom - (valeur - lo) / (hi - lo) * plot.h
        c = self.theme.colors
        for x in range(plot.x, plot.right, 14):
            pygame.draw.line(surface, c.good, (x, y), (min(x + 7, plot.right), y), 3)
        # son nom sur une étiquette, à gauche (là où la courbe est encore haute)
        etiquette = texte(self.ctx, "barre", valeur=nombre(self.ctx, valeur, 2))
        rendu = self.theme.render(etiquette, "small", c.good)
        boite = rendu.get_rect(topleft=(plot.x + 40, y + 6)).inflate(10, 4)
        pygame.draw.rect(surface, c.panel, boite, border_radius=6)
        pygame.draw.rect(surface, c.good, boite, 2, border_radius=6)
        surface.blit(rendu, rendu.get_rect(center=boite.center))

    def _dessiner_droite(self, surface):
        theme, c, ctx = self.theme, self.theme.colors, self.ctx
        d = self.droite.inflate(-28, -20)
        y = d.y
        titre = texte(ctx, "inventes_court")
        hauteur_titre = theme.text_height(titre, d.w, "heading")
        theme.draw_text(surface, titre, (d.x, y, d.w, hauteur_titre), "heading")
        y += hauteur_titre + 6
        # en bas, la validation et un message : les mots inventés prennent ce qui reste
        bas = 2 * theme.line_height("small") + theme.line_height("heading") + 3 * 20
        bas += 3 * theme.line_height("small")
        ligne_mot = theme.line_height("heading") + 2
        place = max(1, (d.bottom - bas - y - theme.line_height("small") - 4) // ligne_mot)
        inventes = self.a.mots_inventes()
        if inventes is None:
            theme.draw_text(
                surface, texte(ctx, "inventes_vide"), (d.x, y, d.w, 100), "small", c.ink_soft
            )
            y += 100
        else:
            pas, mots = inventes
            theme.text(
                surface,
                texte(ctx, "inventes_pas", n=nombre(ctx, pas)),
                (d.x, y),
                "small",
                c.ink_soft,
            )
            y += theme.line_height("small") + 4
            for mot in mots[:place]:
                theme.draw_text(
                    surface,
                    mot or "…",
                    (d.x + 10, y, d.w - 10, theme.line_height("heading")),
                    "heading",
                    c.accent,
                )
                y += theme.line_height("heading") + 2
        y += 10
        etat = self.a.etat
        # la perte de validation : le chiffre de l'objectif, en grand
        if etat.perte_val is None:
            validation = texte(ctx, "validation_aucune")
            hauteur = theme.text_height(validation, d.w, "small")
            theme.draw_text(surface, validation, (d.x, y, d.w, hauteur), "small", c.ink_soft)
            y += hauteur + 8
        else:
            cle = "validation_titre" if self.a.niveau.id == "l5_gpt" else "validation_titre_mots"
            titre = texte(ctx, cle)
            hauteur = theme.text_height(titre, d.w, "small")
            theme.draw_text(surface, titre, (d.x, y, d.w, hauteur), "small", c.ink)
            y += hauteur
            couleur = c.good if self.a.partie.termine() else c.ink
            chiffre = nombre(ctx, etat.perte_val, 2)
            theme.draw_text(
                surface, chiffre, (d.x, y, d.w, theme.line_height("heading")), "heading", couleur
            )
            y += theme.line_height("heading") + 8
        message, couleur = self.a.message, c.good if self.a.message_bon else c.bad
        if not message and self.a.occupe:
            message, couleur = texte(ctx, "occupe"), c.second
        elif not message and self.a.partie.termine():
            message, couleur = texte(ctx, "bravo") + " " + texte(ctx, "pret"), c.good
        if message:
            theme.draw_text(surface, message, (d.x, y, d.w, d.bottom - y), "small", couleur)


# ---------------------------------------------------------------------------
# Le terrain de jeu
# ---------------------------------------------------------------------------


class PanneauTerrain:
    def __init__(self, atelier_vue, rect):
        self.a = atelier_vue
        self.ctx = atelier_vue.ctx
        self.theme = self.ctx.theme
        self.rect = pygame.Rect(rect)
        self.temperature = TEMPERATURE_DEPART
        self.prefixe = ""
        self.construire()

    def construire(self):
        ui, theme, ctx = self.ctx.ui, self.theme, self.ctx
        r = self.rect
        self.box = ui.Container(theme)
        self.gauche = pygame.Rect(r.x, r.y, 330, r.h)
        # à droite, « Garder mon modèle » garde la taille de ses mots
        mots = theme.font("body").size(texte(ctx, "garder_modele"))[0]
        large = max(320, mots + theme.control_height + 2 * theme.pad + 48)
        self.droite = pygame.Rect(r.right - large, r.y, large, r.h)
        self.centre = pygame.Rect(
            self.gauche.right + 16, r.y, self.droite.x - self.gauche.right - 32, r.h
        )
        g = self.gauche.inflate(-28, 0)
        h = theme.control_height
        y = self.gauche.y + theme.line_height("heading") + 18
        hauteur = theme.line_height("body") + 30
        self.curseur = self.box.add(
            ui.Slider(
                theme,
                (g.x, y, g.w, hauteur),
                texte(ctx, "creativite"),
                atelier.TEMPERATURE_MIN,
                atelier.TEMPERATURE_MAX,
                self.temperature,
                step=0.1,
                on_change=lambda v: setattr(self, "temperature", v),
                fmt=lambda v: nombre(ctx, v, 1),
                tooltip=texte(ctx, "creativite_aide"),
            )
        )
        self.y_aide_creativite = y + hauteur + 2
        y += hauteur + 2 * theme.line_height("small") + 20
        self.y_prefixe = y
        y += theme.line_height("small") + 4
        self.champ = self.box.add(
            ui.TextField(
                theme,
                (g.x, y, g.w, h),
                self.prefixe,
                texte(ctx, "exemple_debut"),
                max_length=atelier.PREFIXE_MAX,
                on_submit=lambda _t: self.inventer(),
                on_change=lambda t: setattr(self, "prefixe", t),
            )
        )
        y += h + 16
        self.bouton_inventer = self.box.add(
            ui.Button(theme, (g.x, y, g.w, h), texte(ctx, "inventer"), self.inventer, icon="play")
        )
        # au centre : les mots inventés, à cliquer pour les garder
        self.boutons_mots = []
        c = self.centre.inflate(-24, 0)
        haut = self.centre.y + theme.line_height("heading") + 22
        largeur = (c.w - 12) // 2
        hauteur_mot = min(h, (self.centre.bottom - 16 - haut) // (N_INVENTES // 2) - 10)
        for k in range(N_INVENTES):
            rect = (
                c.x + (k % 2) * (largeur + 12),
                haut + (k // 2) * (hauteur_mot + 10),
                largeur,
                hauteur_mot,
            )
            bouton = ui.Button(
                theme,
                rect,
                "",
                on_click=lambda k=k: self.garder(k),
                style="secondary",
                tooltip=texte(ctx, "garder"),
            )
            self.boutons_mots.append(self.box.add(bouton))
        # à droite : les favoris et le modèle
        d = self.droite.inflate(-28, 0)
        self.y_favoris = self.droite.y + theme.line_height("heading") + 20
        self.boutons_oublier = []
        ligne = theme.line_height("body") + 10
        for k in range(8):
            rect = (d.right - 44, self.y_favoris + k * ligne, 44, ligne - 6)
            bouton = ui.Button(
                theme,
                rect,
                "×",
                on_click=lambda k=k: self.oublier(k),
                style="secondary",
                tooltip=texte(ctx, "oublier"),
            )
            self.boutons_oublier.append(self.box.add(bouton))
        self.bouton_modele = self.box.add(
            ui.Button(
                theme,
                (d.x, self.droite.bottom - h - 14, d.w, h),
                texte(ctx, "garder_modele"),
                self.garder_modele,
                icon="star",
                style="secondary",
                tooltip=texte(ctx, "garder_modele_aide"),
            )
        )
        self.maj()

    def inventer(self):
        action = {
            "type": "generer",
            "temperature": round(float(self.temperature), 2),
            "prefixe": self.champ.text,
            "n": N_INVENTES,
        }
        self.a.jouer(action)
        self.maj()

    def garder(self, k):
        noms = self.a.etat.noms
        if k < len(noms) and noms[k] and self.a.jouer({"type": "garder", "nom": noms[k]}) is None:
            _synchroniser_favoris(self.ctx, self.a.etat.favoris, ajout=noms[k])
            jouer_son(self.ctx, "unlock")
        self.maj()

    def oublier(self, k):
        favoris = self.a.etat.favoris
        if k < len(favoris):
            nom = favoris[k]
            if self.a.jouer({"type": "oublier", "nom": nom}) is None:
                _synchroniser_favoris(self.ctx, self.a.etat.favoris, retrait=nom)
        self.maj()

    def garder_modele(self):
        etat = self.a.etat
        infos = {
            "niveau": self.a.niveau.id,
            "donnees": self.a.niveau.donnees(etat).nom,
            "perte_validation": etat.perte_val,
            "etapes": etat.etape,
        }
        contenu = atelier.modele_en_dict(self.a.niveau, etat, infos)
        if contenu is None:
            return
        garder = getattr(self.ctx, "garder_modele", None)
        qui = profil(self.ctx)
        if callable(garder):
            garder(contenu)
        elif qui is not None and hasattr(qui, "saved_model"):
            qui.saved_model = contenu
        else:
            return
        self.a.dire(texte(self.ctx, "modele_garde"), bon=True)
        jouer_son(self.ctx, "success")

    def maj(self):
        etat = self.a.etat
        pret = etat.poids is not None and not self.a.occupe
        self.bouton_inventer.enabled = pret
        self.bouton_inventer.tooltip = None if pret else texte(self.ctx, "pas_de_modele")
        self.champ.enabled = pret
        self.curseur.enabled = pret
        for k, bouton in enumerate(self.boutons_mots):
            nom = etat.noms[k] if k < len(etat.noms) else None
            bouton.visible = bool(nom)
            bouton.label = nom or ""
            bouton.enabled = bool(nom) and nom not in etat.favoris and not self.a.occupe
        for k, bouton in enumerate(self.boutons_oublier):
            bouton.visible = k < len(etat.favoris)
        peut_garder = callable(getattr(self.ctx, "garder_modele", None)) or hasattr(
            profil(self.ctx), "saved_model"
        )
        self.bouton_modele.visible = peut_garder
        self.bouton_modele.enabled = pret and etat.etape > 0

    def handle_event(self, event):
        return self.box.handle_event(event)

    def update(self, dt):
        self.box.update(dt)
        self.maj()

    def draw(self, surface):
        theme, c, ctx = self.theme, self.theme.colors, self.ctx
        etat = self.a.etat
        for rect in (self.gauche, self.centre, self.droite):
            theme.draw_panel(surface, rect)
        inventes = texte(ctx, "inventes")
        if theme.font("heading").size(inventes)[0] > self.centre.w - 28:
            inventes = texte(ctx, "inventes_court")
        for rect, titre_texte in (
            (self.gauche, texte(ctx, "terrain")),
            (self.centre, inventes),
            (self.droite, texte(ctx, "favoris")),
        ):
            titre = pygame.Rect(rect.x + 14, rect.y + 10, rect.w - 28, theme.line_height("heading"))
            theme.draw_text(surface, titre_texte, titre, "heading", c.ink)
        theme.draw_text(
            surface,
            texte(ctx, "creativite_aide"),
            (
                self.gauche.x + 14,
                self.y_aide_creativite,
                self.gauche.w - 28,
                2 * theme.line_height("small"),
            ),
            "small",
            c.ink_soft,
        )
        theme.text(
            surface,
            texte(ctx, "commence_par"),
            (self.gauche.x + 14, self.y_prefixe),
            "small",
            c.ink,
        )
        if etat.poids is None:
            zone = self.centre.inflate(-40, -120)
            theme.draw_text(
                surface, texte(ctx, "pas_de_modele"), zone, "body", c.ink_soft, "center", "middle"
            )
        else:
            zone = pygame.Rect(self.centre.x + 20, self.centre.bottom - 110, self.centre.w - 40, 96)
            theme.draw_text(
                surface, texte(ctx, "terrain_aide"), zone, "small", c.ink_soft, "center", "bottom"
            )
        self.box.draw(surface)
        d = self.droite.inflate(-28, 0)
        ligne = theme.line_height("body") + 10
        if not etat.favoris:
            theme.draw_text(
                surface,
                texte(ctx, "favoris_vide"),
                (d.x, self.y_favoris, d.w, 90),
                "small",
                c.ink_soft,
            )
        for k, nom in enumerate(etat.favoris[: len(self.boutons_oublier)]):
            y = self.y_favoris + k * ligne
            ctx.ui.draw_icon(
                surface, "star", pygame.Rect(d.x, y + 4, ligne - 14, ligne - 14), c.warn
            )
            theme.draw_text(
                surface,
                nom,
                (d.x + ligne - 6, y, d.w - 56 - ligne, ligne - 6),
                "body",
                c.accent,
                "left",
                "middle",
            )
        reste = len(etat.favoris) - len(self.boutons_oublier)
        if reste > 0:
            y = self.y_favoris + len(self.boutons_oublier) * ligne
            theme.text(surface, f"+ {reste}", (d.x, y), "small", c.ink_soft)
        if self.a.message:
            couleur = c.good if self.a.message_bon else c.bad
            zone = pygame.Rect(
                self.gauche.x + 14,
                self.bouton_inventer.rect.bottom + 12,
                self.gauche.w - 28,
                self.gauche.bottom - self.bouton_inventer.rect.bottom - 20,
            )
            theme.draw_text(surface, self.a.message, zone, "small", couleur)
        self.box.tooltip.draw(surface)


def _synchroniser_favoris(ctx, favoris, ajout=None, retrait=None):
    """Le jeu garde les favoris dans le profil (s'il nous le donne)."""
    qui = profil(ctx)
    liste = getattr(qui, "favourite_names", None)
    if not isinstance(liste, list):
        return
    if ajout and ajout not in liste:
        liste.append(ajout)
    if retrait and retrait in liste:
        liste.remove(retrait)


def dessiner_onglet_barre(surface, theme, rect, fraction, couleur):
    """Une petite barre de progression au bas d'un onglet."""
    barre = pygame.Rect(rect.x + 10, rect.bottom - 9, rect.w - 20, 5)
    pygame.draw.rect(surface, theme.colors.disabled, barre, border_radius=2)
    plein = barre.copy()
    plein.w = round(barre.w * max(0.0, min(1.0, fraction if math.isfinite(fraction) else 0.0)))
    pygame.draw.rect(surface, couleur, plein, border_radius=2)
