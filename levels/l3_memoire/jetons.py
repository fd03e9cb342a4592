"""Les jetons du plateau du niveau 3, tels qu'ils sont DESSINÉS.

Deux lettres peuvent être très proches sur le plateau (0,5 note), bien plus proches que
la taille d'un jeton : dessinées à leur vraie place, elles se cachent. `ecarter` calcule
un petit décalage de dessin pour chaque jeton, pour qu'aucun ne cache un autre ; l'état
(les vraies places, la perte) n'en sait rien. Les lettres de l'enfant bougent le moins :
seule une autre lettre de l'enfant peut les pousser.

`classe_jeton(ui)` : un `ui.DraggableToken` dessiné (et attrapé) à sa place décalée.
"""

import pygame

MARGE = 2  # pixels entre deux jetons écartés
TOURS = 80  # passes de l'écartement (il s'arrête plus tôt quand plus rien ne se touche)


def _pousse(a, b, cote, pos, fixes):
    """Sépare a et b (deux coins haut-gauche) le long de l'axe où ils se touchent le moins."""
    (ax, ay), (bx, by) = pos[a], pos[b]
    dx, dy = bx - ax, by - ay
    ox, oy = cote + MARGE - abs(dx), cote + MARGE - abs(dy)
    if ox <= 0 or oy <= 0:
        return False
    part_a = 0.0 if a in fixes and b not in fixes else (1.0 if b in fixes else 0.5)
    if a in fixes and b in fixes:
        part_a = 0.5
    if ox <= oy:
        sens = 1 if dx > 0 or (dx == 0 and a < b) else -1
        pos[a] = (ax - sens * ox * part_a, ay)
        pos[b] = (bx + sens * ox * (1 - part_a), by)
    else:
        sens = 1 if dy > 0 or (dy == 0 and a < b) else -1
        pos[a] = (ax, ay - sens * oy * part_a)
        pos[b] = (bx, by + sens * oy * (1 - part_a))
    return True


def ecarter(places, cote, bornes, fixes=()):
    """{lettre: (dx, dy)} : le décalage de dessin de chaque jeton.

    places : {lettre: (x, y)} les coins haut-gauche à la vraie place (pixels) ;
    cote : la taille d'un jeton ; bornes : (x, y, w, h) où les jetons restent ;
    fixes : les lettres de l'enfant, que seule une autre lettre de l'enfant pousse.
    """
    bx, by, bw, bh = bornes
    fixes = set(fixes)
    pos = {lettre: (float(x), float(y)) for lettre, (x, y) in places.items()}
    lettres = sorted(pos)
    for _tour in range(TOURS):
        bouge = False
        for i, a in enumerate(lettres):
            for b in lettres[i + 1 :]:
                bouge = _pousse(a, b, cote, pos, fixes) or bouge
        for lettre, (x, y) in pos.items():
            pos[lettre] = (min(max(x, bx), bx + bw - cote), min(max(y, by), by + bh - cote))
        if not bouge:
            break
    return {
        lettre: (round(pos[lettre][0]) - x, round(pos[lettre][1]) - y)
        for lettre, (x, y) in places.items()
    }


_JETONS = {}


def classe_jeton(ui):
    """A `ui.DraggableToken` drawn, hovered and grabbed at its place moved by `decalage`
    (while dragged, at the mouse). Its `rect` and `fraction` stay the real place."""
    if ui not in _JETONS:

        class Jeton(ui.DraggableToken):
            decalage = (0, 0)

            @property
            def montre(self):
                return self.rect if self.dragging else self.rect.move(self.decalage)

            @property
            def hovered(self):
                return self.mouse is not None and self.montre.collidepoint(self.mouse)

            @property
            def focus_rect(self):
                return self.montre

            def on_event(self, event):
                if event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 0) == 1:
                    if not self.montre.collidepoint(event.pos):
                        return False
                    self.rect.topleft, self.decalage = self.montre.topleft, (0, 0)
                return super().on_event(event)

            def draw(self, surface):
                vrai = self.rect
                self.rect = self.montre
                try:
                    super().draw(surface)
                finally:
                    self.rect = vrai

        _JETONS[ui] = Jeton
    return _JETONS[ui]
