"""The host's screens of a race room: the lobby, the countdown, the projector board.

Everything is drawn from the session's `snapshot()` (a plain dict published by the
network thread, see `game.modes.salon.race.bridge.room_snapshot`): the frame never waits for the
network. Made to be projected: few words, big figures, readable from the back of a room.
"""

from __future__ import annotations

import pygame

from game.modes.course.club_table import WARN
from game.modes.salon.draw import (  # noqa: F401
    draw_countdown,
    draw_dot_legend,
    draw_seed_pictures,
    draw_tick,
    fit_size,
    seed_words,
)
from game.scenes.common import MARGIN, H, Screen, W, draw_text

ROWS_PER_PAGE = 10
PAGE_S = 6.0  # a long list turns its pages by itself
COUNTDOWN_S = 5


def format_ms(ms, tenths=True):
    """75_300 → « 1:15,3 » (minutes:seconds, French decimal comma)."""
    if ms is None:
        return "—"
    ms = max(0, int(ms))
    minutes, rest = divmod(ms, 60_000)
    seconds = rest / 1000
    text = f"{minutes}:{seconds:04.1f}" if tenths else f"{minutes}:{int(seconds):02d}"
    return text.replace(".", ",")


def format_delta(ms):
    """6_700 → « +6,7 »; 75_300 → « +1:15,3 »."""
    if ms is None:
        return ""
    if ms < 60_000:
        return f"+{ms / 1000:.1f}".replace(".", ",")
    return "+" + format_ms(ms)


def split_times(runner):
    """The times of a runner's splits as the host shows them (observed, else declared)."""
    return [host if host is not None else real for real, host in runner["splits"]]


def best_at_each_level(runners, count):
    best = [None] * count
    for runner in runners:
        for index, ms in enumerate(split_times(runner)[:count]):
            if best[index] is None or ms < best[index]:
                best[index] = ms
    return best


def board_rank(row):
    """What the rank column shows: « 3 » in the host-verified table, « (3) » in the declared
    one, the place on the board during the race, and nothing for a refused run."""
    if row["rank"] is not None:
        return str(row["rank"]) if row["kind"] == "hote" else f"({row['rank']})"
    if row["status"].startswith("refusé"):
        return "—"
    return str(row.get("position", ""))


def board_order(snapshot):
    """Runners in the standings' order (the host's rules: verified finishers first)."""
    by_name = {r["name"]: r for r in snapshot["runners"]}
    rows = [(row, by_name[row["name"]]) for row in snapshot["standings"] if row["name"] in by_name]
    return rows


class SessionScreen(Screen):
    """A screen that owns a race network session (`self.session`): leaving it, by « Retour »
    or any other way, stops the session (its thread and its socket)."""

    def back(self):
        self.session.stop()
        super().back()

    def on_exit(self):
        self.session.stop()


class RaceHostScene(SessionScreen):
    """Lobby before the start; countdown; then the projector board."""

    name = "race_host"

    def __init__(self, app, session):
        super().__init__(app)
        self.session = session
        self.page_time = 0.0
        self.exported = None

    def salon(self, key, **kw):
        return self.app.t(f"salon.{key}", **kw)

    def now(self):
        """The host's clock (the one `start_at` is written in)."""
        from game.modes.salon.race.host import wall_ms

        return getattr(self.session, "clock", wall_ms)()

    @property
    def snap(self):
        return self.session.snapshot() or {}

    def build(self):
        theme = self.theme
        h = theme.control_height
        self.back_button(self.salon("hote.fermer"))
        state = self.snap.get("state", "lobby")
        if state == "lobby":
            self.default_focus = self.button(
                (W - 340, 18, 320, h),
                self.salon("hote.depart"),
                self.start,
                icon="play",
                tooltip=self.salon("hote.depart_aide"),
                enabled=bool(self.snap.get("runners")),
            )
        elif state == "finished":
            self.button(
                (W - 340, 18, 320, h), self.salon("hote.exporter"), self.export, "secondary"
            )
        self._built_state = (state, bool(self.snap.get("runners")))

    def start(self):
        self.session.start_race(COUNTDOWN_S * 1000)

    def export(self):
        """The CSV is written by the network thread (it owns the room); its answer comes
        back as an event: « exported » (the path) or « error » (a French sentence)."""
        from game.storage import home_dir

        self.session.export_csv(home_dir() / "salon" / f"resultats-{self.snap['code']}.csv")

    def update(self, dt):
        super().update(dt)
        self.page_time += dt
        for kind, detail in self.session.events():
            if kind == "error":
                self.app.notify(str(detail), "warn")
            elif kind == "exported":
                self.app.notify(self.salon("hote.exporte", chemin=str(detail)))
        state = (self.snap.get("state", "lobby"), bool(self.snap.get("runners")))
        if state != getattr(self, "_built_state", None):
            self.rebuild()

    def draw_content(self, surface):
        snap = self.snap
        if not snap:
            return
        state = snap.get("state")
        start_in = None if snap.get("start_at") is None else snap["start_at"] - self.now()
        if state == "countdown" and start_in is not None and start_in > 0:
            self.draw_countdown(surface, start_in)
            return
        # The lobby and the board change a few times a second at most: drawn once into a
        # picture, then copied each frame (30 rows of text would cost a frame's budget).
        page = int(self.page_time // PAGE_S)
        elapsed_s = (
            None if snap.get("start_at") is None else (self.now() - snap["start_at"]) // 1000
        )
        theme = self.theme
        key = (
            id(snap),
            state,
            page,
            elapsed_s,
            self.app.settings.language,
            theme.text_size,
            theme.colorblind,
        )
        if getattr(self, "_picture_key", None) != key:
            picture = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            (self.draw_lobby if state == "lobby" else self.draw_board)(picture, snap)
            self._picture, self._picture_key = picture, key
        surface.blit(self._picture, (0, 0))

    # --- lobby ---------------------------------------------------------------------------

    def draw_lobby(self, surface, snap):
        theme, colors = self.theme, self.colors
        card = pygame.Rect(MARGIN, 100, 470, 560)
        theme.draw_panel(surface, card)
        theme.text(
            surface,
            self.salon("hote.code"),
            (card.centerx, card.y + 24),
            "body",
            colors.ink_soft,
            "midtop",
        )
        code_font = fit_size([snap["code"]], card.w - 40, theme.size("title") * 2)
        drawn = theme.text(
            surface, snap["code"], (card.centerx, card.y + 64), code_font, colors.accent, "midtop"
        )
        address = f"{snap['ip']}:{snap['port']}"
        lines = [
            self.salon("hote.adresse", adresse=address),
            self.salon("menu.categorie", nom=snap["category_name"]),
            self.salon("hote.graine", graine=snap["seed"]),
        ]
        seeds = pygame.Rect(card.x + 24, card.bottom - 24 - 90, card.w - 48, 90)
        y = drawn.bottom + 24
        for k, line in enumerate(lines):
            room = (seeds.y - 10 - y) // (len(lines) - k)
            y += draw_text(theme, surface, line, (card.x + 24, y, card.w - 48, room), "body") + 14
        draw_seed_pictures(self, surface, snap["seed"], seeds)
        self.draw_runner_grid(
            surface, snap, pygame.Rect(card.right + 30, 100, W - card.right - 30 - 40, 560)
        )

    def draw_runner_grid(self, surface, snap, area):
        theme, colors = self.theme, self.colors
        theme.draw_panel(surface, area)
        runners = snap["runners"]
        title = f"{self.salon('hote.inscrits')} · {self.salon('coureurs', n=len(runners))}"
        head = (area.x + 20, area.y + 16, area.w - 40, theme.line_height("heading"))
        draw_text(theme, surface, title, head, "heading")
        if not runners:
            draw_text(
                theme,
                surface,
                self.salon("hote.attente"),
                area.inflate(-60, -200),
                "heading",
                colors.ink_soft,
                "center",
                "middle",
            )
            return
        cols = 3
        cell_w = (area.w - 40) // cols
        cell_h = theme.line_height("body") + 14
        rows = (area.h - 80 - theme.line_height("small") - 20) // cell_h  # the legend below
        for i, runner in enumerate(runners[: cols * rows]):
            x = area.x + 20 + (i % cols) * cell_w
            y = area.y + 76 + (i // cols) * cell_h
            dot = colors.good if runner["connected"] else colors.bad
            pygame.draw.circle(surface, dot, (x + 10, y + cell_h // 2 - 4), 8)
            draw_text(theme, surface, runner["name"], (x + 26, y, cell_w - 30, cell_h), "body")
        legend_y = area.bottom - theme.line_height("small") // 2 - 14
        draw_dot_legend(
            self, surface, (area.x + 20, legend_y), "salon.hote.connecte", "salon.hote.deconnecte"
        )

    # --- countdown -----------------------------------------------------------------------

    def draw_countdown(self, surface, start_in_ms):
        draw_countdown(self, surface, start_in_ms)

    # --- board ---------------------------------------------------------------------------

    def draw_board(self, surface, snap):
        theme, colors = self.theme, self.colors
        soft = colors.ink_soft
        finished = snap["state"] == "finished"
        head = self.salon("tableau.classement") if finished else snap["category_name"]
        elapsed = None if snap.get("start_at") is None else self.now() - snap["start_at"]
        clock = format_ms(elapsed, tenths=False) if not finished else ""
        theme.text(surface, head, (MARGIN, 96), "title")
        if clock:  # the host's real time since the start: said beside it
            drawn = theme.text(
                surface, clock, (W - 40, 84), theme.size("title") + 20, colors.accent, "topright"
            )
            label = self.salon("tableau.horloge")
            theme.text(surface, label, (drawn.x - 14, drawn.centery), "small", soft, "midright")
        rows = board_order(snap)
        levels = len(snap["levels"])
        footer = 2 * theme.line_height("small") + 12  # the legend, on two lines at most
        table = pygame.Rect(40, 180, W - 80, H - 180 - footer)
        row_h = max(
            theme.line_height("heading"), theme.line_height("body") + theme.line_height("small")
        )
        per_page = max(1, min(ROWS_PER_PAGE, (table.h - 60) // row_h))
        row_h = (table.h - 60) // per_page
        pages = max(1, -(-len(rows) // per_page))
        page = int(self.page_time // PAGE_S) % pages
        best = best_at_each_level([r for _, r in rows], levels)
        theme.draw_panel(surface, table)
        columns = self.columns(table, levels)
        self.draw_header(surface, columns, levels, table.y + 10)
        for position, (row, _runner) in enumerate(rows, start=1):
            row.setdefault("position", position)  # during the race: the place on the board
        for i, (row, runner) in enumerate(rows[page * per_page :][:per_page]):
            y = table.y + 56 + i * row_h
            if i % 2 == 0:
                band = pygame.Rect(table.x + 4, y, table.w - 8, row_h)
                pygame.draw.rect(surface, colors.bg, band)
            self.draw_row(surface, columns, row, runner, best, levels, y, row_h)
        legend = pygame.Rect(table.x + 16, table.bottom + 4, table.w - 32, H - table.bottom - 4)
        if pages > 1:
            drawn = theme.text(
                surface,
                self.salon("tableau.page", page=page + 1, pages=pages),
                (table.right - 16, table.bottom + 6),
                "small",
                soft,
                "topright",
            )
            legend.w = drawn.x - 24 - legend.x
        draw_text(theme, surface, self.salon("tableau.legende"), legend, "small", soft)

    def columns(self, table, levels):
        x = table.x + 16
        rank_w = max(70, self.theme.font("body").size(self.salon("tableau.rang"))[0] + 14)
        name_w = 250 if levels > 3 else 330
        split_w = max(110, (table.w - 16 - rank_w - name_w - 190 - 230) // max(1, levels))
        cols = {"rank": x, "name": x + rank_w, "level": x + rank_w + name_w}
        cols["splits"] = [cols["level"] + 190 + k * split_w for k in range(levels)]
        cols["split_w"] = split_w
        cols["time"] = table.right - 16
        return cols

    def draw_header(self, surface, cols, levels, y):
        theme, soft = self.theme, self.colors.ink_soft
        theme.text(surface, self.salon("tableau.rang"), (cols["rank"], y), "body", soft)
        theme.text(surface, self.salon("tableau.prenom"), (cols["name"], y), "body", soft)
        theme.text(surface, self.salon("tableau.niveau"), (cols["level"], y), "body", soft)
        for k, x in enumerate(cols["splits"]):
            theme.text(surface, self.salon("tableau.niveau_n", n=k + 1), (x, y), "body", soft)
        box = (cols["time"] - 230, y, 230, self.theme.line_height("body"))
        draw_text(theme, surface, self.salon("tableau.temps_hote"), box, "body", soft, "right")

    def draw_row(self, surface, cols, row, runner, best, levels, y, row_h):
        theme, colors = self.theme, self.colors
        big = "heading"
        rank = board_rank(row)
        mid = y + row_h // 2
        theme.text(surface, rank, (cols["rank"], mid), big, colors.accent, "midleft")
        ink = colors.ink if runner["connected"] else colors.disabled_ink
        draw_text(
            theme,
            surface,
            runner["name"],
            (cols["name"], y + 4, cols["level"] - cols["name"] - 10, row_h - 8),
            big,
            ink,
            "left",
            "middle",
        )
        done = len(runner["splits"])
        if runner["finished"]:
            where, color = self.salon("tableau.fini"), colors.good
        elif not runner["connected"]:
            where, color = self.salon("hote.deconnecte"), colors.bad
        else:
            where, color = self.salon("tableau.en_cours", n=min(done + 1, levels)), colors.ink_soft
        if runner["finished"] and not runner["connected"]:  # why the name is grey
            theme.text(surface, where, (cols["level"], mid), "body", color, "bottomleft")
            gone = self.salon("hote.deconnecte")
            theme.text(surface, gone, (cols["level"], mid), "small", colors.bad, "topleft")
        else:
            theme.text(surface, where, (cols["level"], mid), "body", color, "midleft")
        if row.get("remarks"):  # the verifier's words, as on the club board and in the CSV
            box = (cols["name"], y + row_h - 22, cols["time"] - cols["name"], 20)
            draw_text(theme, surface, WARN + row["remarks"], box, "small", colors.bad)
        for k, ms in enumerate(split_times(runner)[:levels]):
            x = cols["splits"][k]
            theme.text(surface, format_ms(ms), (x, mid - 2), "body", colors.ink, "bottomleft")
            delta = ms - best[k] if best[k] is not None else None
            tone = colors.good if delta == 0 else colors.bad
            label = self.salon("tableau.premier") if delta == 0 else format_delta(delta)
            theme.text(surface, label, (x, mid), "small", tone, "topleft")
        if row["time_ms"] is not None:
            drawn = theme.text(
                surface, format_ms(row["time_ms"]), (cols["time"], mid), big, colors.ink, "midright"
            )
            if row["kind"] == "hote":  # a green tick: the host saw this time itself
                draw_tick(surface, (drawn.x - 22, mid), 11, colors.good)
            else:
                theme.text(
                    surface,
                    self.salon("tableau.declare"),
                    (drawn.x - 10, mid),
                    "small",
                    colors.warn,
                    "midright",
                )
        elif row["status"].startswith("refusé"):
            draw_text(
                theme,
                surface,
                row["status"],
                (cols["time"] - 220, y, 220, row_h),
                "small",
                colors.bad,
                "right",
                "middle",
            )
