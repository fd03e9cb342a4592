"""« Salon de course »: the room list, joining by code, opening a room, the runner's screen.

The network lives in background threads (`game.modes.salon.race.bridge`); these screens only read
snapshots and send requests, so a slow or silent network never freezes a frame.
"""

from __future__ import annotations

import pygame

from game.modes.salon.board import (
    RaceHostScene,
    SessionScreen,
    draw_countdown,
    draw_dot_legend,
    draw_seed_pictures,
    format_ms,
)
from game.scenes.common import MARGIN, Screen, W, draw_text, heading, make_tile

DEFAULT_CATEGORIES = ("aventure", "debut", "niveau-1", "niveau-2", "niveau-3", "niveau-4")


def category_name(category_id, lang="fr"):
    from game.modes.salon.race.runfile import category

    found = category(category_id, lang)
    return found.name if found is not None else category_id


def race_categories():
    from game.modes.salon.race.runfile import categories

    return [c for c in categories() if c is not None]


class RaceMenuScene(Screen):
    """Rooms heard on the network, join by code or address, or open a room."""

    name = "race_menu"

    def __init__(self, app, finder=None):
        super().__init__(app)
        if finder is None:
            from game.modes.salon.race.bridge import FinderSession

            finder = FinderSession().start()
        self.finder = finder
        self.categories = race_categories()
        self.category_index = 0
        self.rooms_shown = None

    def salon(self, key, **kw):
        return self.app.t(f"salon.{key}", **kw)

    def build(self):
        theme = self.theme
        h = theme.control_height
        self.back_button()
        rooms = (self.finder.snapshot() or {}).get("rooms", [])
        self.rooms_shown = [(r["address"], r["port"], r["runners"], r["state"]) for r in rooms]
        for i, room in enumerate(rooms[:5]):
            rect = (MARGIN, 196 + i * (h + 26), 700, h + 16)
            make_tile(
                self,
                rect,
                self._room_painter(room),
                lambda r=room: self.join(r["address"], r["port"]),
            )
        y = 560
        self.field = self.ui.TextField(
            theme,
            (MARGIN, y + 40, 360, h),
            "",
            self.salon("menu.code_exemple"),
            max_length=21,
            on_submit=lambda _t: self.join_typed(),
        )
        self.container.add(self.field)
        self.button((MARGIN + 380, y + 40, 320, h), self.salon("menu.rejoindre"), self.join_typed)
        right = pygame.Rect(860, 196, W - 860 - 40, 380)
        cat = self.categories[self.category_index]
        self.button(
            (right.x + 20, right.y + 210, right.w - 40, h),
            self.salon("menu.categorie", nom=cat.name),
            self.next_category,
            "secondary",
        )
        self.default_focus = self.button(
            (right.x + 20, right.y + 230 + h, right.w - 40, h),
            self.salon("menu.ouvrir"),
            self.open_room,
            icon="play",
        )

    def _room_painter(self, room):
        def paint(surface, tile):
            theme = self.theme
            fill = self.colors.panel if not tile.hovered else self.colors.bg
            theme.draw_panel(surface, tile.rect, fill)
            text = self.salon(
                "menu.salon",
                code=room["code"],
                categorie=category_name(room["category"], self.app.settings.language),
                hote=room["host"] or room["address"],
                coureurs=room["runners"],
            )
            draw_text(
                theme, surface, text, tile.rect.inflate(-30, -10), "body", None, "left", "middle"
            )
            if getattr(tile, "focused", False):
                theme.draw_focus_ring(surface, tile.rect)

        return paint

    def next_category(self):
        self.category_index = (self.category_index + 1) % len(self.categories)
        self.rebuild()

    def open_room(self):
        from game.modes.salon.race.bridge import HostSession
        from game.modes.salon.race.runfile import game_version
        from game.storage import home_dir

        cat = self.categories[self.category_index]
        seed = week_seed()
        host_name = self.app.profile.name if self.app.profile is not None else "Hôte"
        session = HostSession(
            cat, seed, game_version(), host_name, home_dir() / "salon" / "salon.sqlite"
        ).start()
        self.app.scenes.push(RaceHostScene(self.app, session))

    def join_typed(self):
        from game.modes.salon.race.discovery import own_address, resolve

        try:
            address, port = resolve(self.field.text, own_address())
        except ValueError as error:
            self.app.notify(str(error), "warn")
            return
        self.join(address, port)

    def join(self, address, port):
        from game.modes.salon.race.bridge import RunnerSession
        from game.modes.salon.race.runfile import game_version

        if self.app.profile is None:
            self.app.notify(self.salon("menu.sans_profil"), "warn")
            return
        session = RunnerSession(address, port, self.app.profile.name, game_version()).start()
        self.app.scenes.push(RaceRunnerScene(self.app, session))

    def update(self, dt):
        super().update(dt)
        snap = self.finder.snapshot() or {}
        rooms = [(r["address"], r["port"], r["runners"], r["state"]) for r in snap.get("rooms", [])]
        if rooms != self.rooms_shown:
            self.rebuild()

    def on_exit(self):
        self.finder.stop()

    def draw_content(self, surface):
        theme, colors = self.theme, self.colors
        heading(self, surface, self.salon("titre"), y=24)
        theme.text(surface, self.salon("menu.trouves"), (MARGIN, 140), "heading")
        snap = self.finder.snapshot() or {}
        if not snap.get("rooms"):
            message = self.salon("menu.aucun")
            if snap.get("error"):
                message = self.salon("menu.recherche_impossible", erreur=snap["error"])
            draw_text(theme, surface, message, (MARGIN, 200, 700, 200), "body", colors.ink_soft)
        draw_text(theme, surface, self.salon("menu.code_aide"), (MARGIN, 560, 760, 40), "body")
        right = pygame.Rect(860, 196, W - 860 - 40, 380)
        theme.draw_panel(surface, right)
        theme.text(
            surface, self.salon("menu.ouvrir_titre"), (right.x + 20, right.y + 20), "heading"
        )
        draw_text(
            theme,
            surface,
            self.salon("menu.ouvrir_texte"),
            (right.x + 20, right.y + 80, right.w - 40, 120),
            "body",
            colors.ink_soft,
        )


def _now_ms():
    from game.modes.salon.race.clock import now_ms

    return now_ms()


def week_seed():
    """The speedrun mode's seed of the week when it exists, else one from the date."""
    try:
        from game.modes.course.speedrun.seeds import week_code

        return week_code()[1]
    except ImportError:
        import datetime

        year, week, _ = datetime.date.today().isocalendar()
        return year * 100 + week


class RaceRunnerScene(SessionScreen):
    """A runner's screen: joining, the lobby, the countdown, then the standings."""

    name = "race_runner"

    def __init__(self, app, session):
        super().__init__(app)
        self.session = session
        self.policy = None  # the race, once started

    def salon(self, key, **kw):
        return self.app.t(f"salon.{key}", **kw)

    def build(self):
        self.back_button()

    def clock(self):
        return (getattr(self.session, "clock", None) or _now_ms)()

    def maybe_start(self, snap):
        """At the start signal (or on joining a race already going), play level 1."""
        from game.modes.salon.policy import SalonPolicy
        from game.modes.salon.race.runfile import category

        welcome, start = snap.get("welcome"), snap.get("start_local")
        if self.policy is not None or welcome is None or start is None or start > self.clock():
            return
        cat = category(welcome["category"], self.app.settings.language)
        if cat is None or self.app.profile is None:
            return
        self.policy = SalonPolicy(self.session, cat, welcome["seed"], start, snap.get("name"))
        self.app.push("level", self.policy.place_of(self.app, 0), policy=self.policy)

    def update(self, dt):
        super().update(dt)
        for kind, detail in self.session.events():
            if kind == "notice":
                self.app.notify(str(detail), "warn")
        self.maybe_start(self.session.snapshot() or {})

    def draw_content(self, surface):
        theme, colors = self.theme, self.colors
        snap = self.session.snapshot() or {}
        heading(self, surface, self.salon("titre"), y=24)
        start_in = None
        if snap.get("start_local") is not None:
            start_in = snap["start_local"] - self.clock()
        if start_in is not None and start_in > -1000 and self.policy is None:
            draw_countdown(self, surface, start_in)
            return
        welcome = snap.get("welcome")
        box = pygame.Rect(MARGIN, 120, W - MARGIN - 60, 90)
        verdict = snap.get("verdict")
        if verdict is not None:
            key = "coureur.verifie" if verdict["valid"] else "coureur.refuse_course"
            kind = "tableau.hote" if verdict["kind"] == "hote" else "tableau.declare"
            text = self.salon(
                key,
                temps=format_ms(verdict["time_ms"]),
                raison=verdict["reason"],
                label=self.salon(kind),
            )
            if verdict.get("remarks"):
                text += " " + self.salon("coureur.remarques", texte=verdict["remarks"])
            tone = colors.good if verdict["valid"] else colors.bad
        elif self.policy is not None and self.policy.index >= len(self.policy.category.levels):
            text, tone = self.salon("coureur.envoye"), colors.ink_soft
        elif snap.get("refusal"):
            text, tone = self.salon("coureur.refuse", raison=snap["refusal"][0]), colors.bad
        elif welcome is None:
            text, tone = self.salon("coureur.connexion"), colors.ink_soft
        elif not snap.get("connected"):
            text, tone = self.salon("coureur.perdu"), colors.warn
        else:
            text, tone = self.salon("coureur.bienvenue", nom=snap.get("name", "")), colors.good
        draw_text(theme, surface, text, box, "heading", tone)
        if welcome is None:
            return
        lang = self.app.settings.language
        lines = [
            self.salon("menu.categorie", nom=category_name(welcome["category"], lang)),
            self.salon("hote.graine", graine=welcome["seed"]),
        ]
        y = 220
        for line in lines:
            y += draw_text(theme, surface, line, (MARGIN, y, 700, 80), "body") + 10
        draw_seed_pictures(self, surface, welcome["seed"], pygame.Rect(MARGIN, y + 6, 680, 80))
        y += 110
        finished = verdict is not None or (
            self.policy is not None and self.policy.index >= len(self.policy.category.levels)
        )
        wait = "coureur.fini" if finished else "coureur.attente"
        y += draw_text(theme, surface, self.salon(wait), (MARGIN, y, 700, 80), "body") + 10
        rules = self.salon("coureur.regles_chronos")
        draw_text(theme, surface, rules, (MARGIN, y, 700, 90), "small")
        self.draw_people(surface, snap)

    def draw_people(self, surface, snap):
        """Everyone in the room (this runner too, « (toi) »), titled; then the standings."""
        theme, colors = self.theme, self.colors
        area = pygame.Rect(820, 220, W - 820 - 40, 460)
        theme.draw_panel(surface, area)
        standings = snap.get("standings") or []
        people = snap.get("lobby") or []
        items = standings or people
        if standings:
            title = self.salon("coureur.classement")
        else:
            title = f"{self.salon('hote.inscrits')} · {self.salon('coureurs', n=len(people))}"
        head = pygame.Rect(area.x + 16, area.y + 12, area.w - 32, 0)
        lines = 1 if theme.font("heading").size(title)[0] <= head.w else 2  # never cut
        head.h = lines * theme.line_height("heading")
        draw_text(theme, surface, title, head, "heading")
        legend_h = 0 if standings else theme.line_height("small") + 12
        cols = 1 if standings else 2
        cell_h = theme.line_height("body") + 8
        top = head.bottom + 8
        per_col = max(1, (area.bottom - 12 - legend_h - top) // cell_h)
        shown = items if len(items) <= cols * per_col else items[: cols * per_col - 1]
        me = (snap.get("name") or "").casefold()
        width = (area.w - 32) // cols
        for i, item in enumerate(shown + ([None] if len(shown) < len(items) else [])):
            col, row = divmod(i, per_col)
            cell = pygame.Rect(area.x + 16 + col * width, top + row * cell_h, width - 8, cell_h)
            if item is None:  # no room left: how many more
                more = f"+ {len(items) - len(shown)}"
                draw_text(theme, surface, more, cell, "body", colors.ink_soft, "left", "middle")
                continue
            name = item["name"]
            ink = colors.ink
            if name.casefold() == me:
                name, ink = self.salon("coureur.toi", nom=name), colors.accent
            if standings:
                name = f"{item['rank'] or '–'}. {name}  {format_ms(item['time_ms'])}"
            else:
                dot = colors.good if item["connected"] else colors.bad
                pygame.draw.circle(surface, dot, (cell.x + 10, cell.centery), 8)
                cell = cell.inflate(-28, 0).move(14, 0)
            draw_text(theme, surface, name, cell, "body", ink, "left", "middle")
        if not standings:
            legend_y = area.bottom - legend_h // 2 - 6
            keys = ("salon.hote.connecte", "salon.hote.deconnecte")
            draw_dot_legend(self, surface, (area.x + 16, legend_y), *keys)
