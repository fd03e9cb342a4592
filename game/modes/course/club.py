"""« Tableau du club »: drop run files on the window (or type a folder), each is verified
and stored; the leaderboard per category, a histogram of one level's cost with « toi »,
a projector view readable from the back of a room, and a CSV export.

Verifying a run replays it (level 5 trains a GPT: seconds), so imports run in a
background thread with its own database connection; frames never freeze.
"""

from __future__ import annotations

import logging
import queue
import threading
from pathlib import Path

import pygame

from game.modes.course.speedrun import categories as cats
from game.modes.course.speedrun.board import (
    ADDED,
    ALREADY,
    UNAVAILABLE_MESSAGE,
    Board,
    BoardError,
    Histogram,
)
from game.modes.course.speedrun.timer import format_time
from game.modes.course.speedrun.verify import COST_ORDER
from game.scenes.common import MARGIN, Screen, W, draw_text, heading

log = logging.getLogger(__name__)

H_ROWS = 10  # rows of the leaderboard on the normal view


def import_in_background(paths, results: queue.Queue, folder=None):
    """Imports files and folders in a thread (their replays in other processes); puts
    ("progress", done, total) and ("done", [ImportResult]) on `results`. Never raises."""

    def work():
        board = Board(folder)
        found = []
        try:
            files = []
            for path in map(Path, paths):
                files += sorted(path.glob("*.json")) if path.is_dir() else [path]
            results.put(("progress", 0, len(files)))
            found = board.import_files(
                files,
                game=True,  # fresh Pythons on every core but one: the window stays smooth
                progress=lambda done, total: results.put(("progress", done, total)),
            )
        except BoardError as error:  # busy, or cannot open: its French paragraph
            results.put(("error", str(error)))
        except Exception:  # the board must never take the game down (details: the log)
            log.exception("import au tableau du club")
            results.put(("error", UNAVAILABLE_MESSAGE))
        finally:
            board.close()
            results.put(("done", found))

    thread = threading.Thread(target=work, name="club-import", daemon=True)
    thread.start()
    return thread


class ClubBoardScene(Screen):
    name = "club_board"

    def __init__(self, app, category_id="aventure"):
        super().__init__(app)
        self.category_id = category_id
        self.level_index = 0
        self.cost = "actions"
        self.seed = None  # only this seed's runs (the week's), or all
        self.board = Board()
        self.results: queue.Queue = queue.Queue()
        self.status = ""
        self.importing = False
        self.refresh()

    def c(self, key, **kw):
        return self.app.t(f"course.{key}", **kw)

    @property
    def category(self):
        return cats.category(self.category_id)

    def refresh(self):
        level_ids = self.category.level_ids(_levels())
        self.level_index %= len(level_ids)
        you = self.app.profile.name if self.app.profile else None
        try:
            self.rows = self.board.leaderboard(self.category_id, self.seed)
            self.apart = self.board.leaderboard(self.category_id, self.seed, human=False)
            self.histogram = self.board.histogram(
                self.category_id, level_ids[self.level_index], self.cost, you, self.seed
            )
        except BoardError as error:  # another program holds it: said, nothing renamed
            self.rows, self.apart = [], []
            self.histogram = Histogram(self.cost, [], None)
            self.app.notify(str(error), "warn")
        if self.board.message:
            self.app.notify(self.board.message, "warn")
            self.board.message = None

    def build(self):
        theme, h = self.theme, self.theme.control_height
        self.back_button()
        y = 720 - h - 20
        self.field = self.ui.TextField(
            theme,
            (MARGIN - 40, y, 300, h),
            "",
            self.c("club.dossier"),
            300,
            on_submit=lambda text: self.start_import([text]),
        )
        self.container.add(self.field)
        self.button((MARGIN + 270, y, 160, h), self.c("club.importer"), self.import_typed)
        self.button((MARGIN + 440, y, 210, h), self.c("club.csv"), self.export_csv, "secondary")
        self.button((W - 340, 18, 320, h), self.c("club.projecteur"), self.projector, "secondary")
        week = self.ui.Toggle(
            theme,
            (200, 18, 380, h),
            self.c("club.semaine_seulement"),
            self.seed is not None,
            self.set_week,
        )
        self.container.add(week)
        self.button(
            (W - 680, 18, 330, h),
            self.c("club.categorie_suivante"),
            self.next_category,
            "secondary",
        )
        self.button((760, y, 230, h), self.c("club.niveau_suivant"), self.next_level, "secondary")
        self.button((1000, y, 240, h), self.c("club.cout_suivant"), self.next_cost, "secondary")
        self.chart = self.app.ui.BarChart(theme, (760, 150, 480, 400), [], [], fmt=str)
        self.container.add(self.chart)
        self.fill_chart()

    def fill_chart(self):
        bins = self.histogram.bins()
        labels = [str(a) if a == b else f"{a}–{b}" for a, b, _ in bins]
        you = self.histogram.you
        highlight = next(
            (i for i, (a, b, _) in enumerate(bins) if you is not None and a <= you <= b), None
        )
        self.chart.set_data(labels, [n for _, _, n in bins], highlight)
        level = self.category.levels[self.level_index]
        self.chart.title = self.c(
            "club.histogramme", n=level, cout=self.c(f"club.cout_{self.cost}")
        )

    # ------------------------------------------------------------------ actions
    def next_category(self):
        ids = [c.id for c in cats.categories()]
        self.category_id = ids[(ids.index(self.category_id) + 1) % len(ids)]
        self.refresh()
        self.rebuild()

    def next_level(self):
        self.level_index += 1
        self.refresh()
        self.fill_chart()

    def next_cost(self):
        self.cost = COST_ORDER[(COST_ORDER.index(self.cost) + 1) % len(COST_ORDER)]
        self.refresh()
        self.fill_chart()

    def set_week(self, value):
        """Only the runs of « la graine de la semaine » (the club's race of the week)."""
        from game.modes.course.speedrun.seeds import week_code

        self.seed = week_code()[1] if value else None
        self.refresh()
        self.fill_chart()

    def projector(self):
        self.app.push("club_projector", self.category_id, self.seed)

    def import_typed(self):
        if self.field.text.strip():
            self.start_import([self.field.text.strip()])

    def start_import(self, paths):
        if self.importing:
            return
        self.importing = True
        self.status = self.c("club.import_en_cours", fait=0, total=len(paths))
        import_in_background(paths, self.results, self.board.folder)

    def export_csv(self):
        from game.modes.course.speedrun.export import write_csv
        from game.storage import SaveError

        path = self.board.folder / f"classement-{self.category_id}.csv"
        try:
            write_csv(path, self.board, self.category_id)
        except (SaveError, BoardError) as error:
            self.app.notify(str(error), "warn")
            return
        self.app.notify(self.c("club.csv_fait", chemin=str(path)))

    def handle_event(self, event):
        if event.type == pygame.DROPFILE:
            self.start_import([event.file])
            return True
        return super().handle_event(event)

    def update(self, dt):
        super().update(dt)
        while not self.results.empty():
            message = self.results.get_nowait()
            if message[0] == "progress":
                self.status = self.c("club.import_en_cours", fait=message[1], total=message[2])
            elif message[0] == "error":
                self.app.notify(message[1], "warn")
            elif message[0] == "done":
                self.finish_import(message[1])

    def finish_import(self, found):
        self.importing = False
        added = sum(r.status == ADDED for r in found)
        already = sum(r.status == ALREADY for r in found)
        refused = [r for r in found if r.status not in (ADDED, ALREADY)]
        self.status = self.c(
            "club.import_fini", ajoutees=added, refusees=len(refused), deja=already
        )
        if refused:
            names = ", ".join(f"{Path(r.path).name} ({r.reason})" for r in refused[:3])
            self.status += " " + self.c("club.refusees", liste=names)
        self.refresh()
        self.fill_chart()

    def on_exit(self):
        self.board.close()

    # ------------------------------------------------------------------ drawing
    def draw_content(self, surface):
        theme, colors = self.theme, self.colors
        lang = self.app.settings.language
        heading(
            self, surface, self.c("club.classement", nom=self.category.title(lang)), 80, "heading"
        )
        draw_text(
            theme,
            surface,
            self.c("club.legende"),
            (MARGIN - 40, 120, 640, 26),
            "small",
            colors.ink_soft,
        )
        table = pygame.Rect(MARGIN - 40, 150, 640, 400)
        if not self.rows and not self.apart:
            draw_text(theme, surface, self.c("club.vide"), table, "body", colors.ink_soft)
        else:
            draw_leaderboard(self, surface, table, self.rows[:H_ROWS], "body", lang, self.apart)
        you = self.histogram.you
        if you is not None:
            name = self.app.profile.name
            cost = self.c(f"club.cout_{self.cost}")
            text = f"{self.c('club.toi')} ({name}) : {you} {cost}"
            draw_text(theme, surface, text, (760, 556, 480, 30), "small", colors.accent, "center")
        if self.status:
            draw_text(
                theme,
                surface,
                self.status,
                (MARGIN - 40, 560, W - 2 * MARGIN + 80, 90),
                "small",
                colors.ink,
            )


def board_lines(rows, apart, apart_title):
    """What the board shows, top to bottom: ("row", Row, rank text), ("remark", text),
    ("title", text). Every remark (solver, metronome, pauses…) is shown under its run, in
    the verifier's words; the runs a program played come after, « à part », unranked."""
    lines = []
    for rank, group in ((True, rows), (False, apart)):
        if not rank and group:
            lines.append(("title", apart_title))
        for row in group:
            lines.append(("row", row, f"{row.rank}." if rank else "—"))
            if row.remarks:
                lines.append(("remark", "⚠ " + row.remarks))
    return lines


def draw_leaderboard(scene, surface, rect, rows, role, lang, apart=()):
    """Rank, runner, game time (declared), actions (verified); the current runner in bold;
    remarks under their run; the runs a program played « à part » below."""
    theme, colors = scene.theme, scene.colors
    row_h = theme.line_height(role) + 8
    small_h = theme.line_height("small") + 4
    you = scene.app.profile.name.casefold() if scene.app.profile else None
    y = rect.y
    for line in board_lines(rows, apart, scene.app.t("course.club.a_part")):
        height = row_h if line[0] == "row" else small_h
        if y + height > rect.bottom:
            break
        if line[0] == "row":
            _draw_row(scene, surface, pygame.Rect(rect.x, y, rect.w, row_h), line, role, lang, you)
        else:
            ink = colors.warn if line[0] == "remark" else colors.ink_soft
            box = (rect.x + int(0.12 * rect.w), y, int(0.88 * rect.w), small_h)
            draw_text(theme, surface, line[1], box, "small", ink)
        y += height


def _draw_row(scene, surface, line, item, role, lang, you):
    theme, colors = scene.theme, scene.colors
    _, row, rank = item
    if you is not None and row.runner.casefold() == you:
        tint = tuple(
            int(0.3 * a + 0.7 * b) for a, b in zip(colors.second, colors.panel, strict=True)
        )
        pygame.draw.rect(surface, tint, line, border_radius=6)
        pygame.draw.rect(surface, colors.second, line, 3, border_radius=6)
    cols = (0.0, 0.12, 0.55, 0.8)
    texts = (
        rank,
        row.runner,
        format_time(row.game_ms, 1, lang),
        f"{row.costs['actions']} {scene.app.t('course.club.cout_actions')}",
    )
    for share, text in zip(cols, texts, strict=True):
        cell = pygame.Rect(line.x + int(share * line.w), line.y + 4, int(line.w * 0.45), line.h)
        draw_text(theme, surface, text, cell, role, colors.ink)


class ClubProjectorScene(Screen):
    """The leaderboard in big letters, for the back of the room (Échap to leave)."""

    name = "club_projector"

    def __init__(self, app, category_id, seed=None):
        super().__init__(app)
        self.category_id = category_id
        board = Board()
        try:
            self.rows = board.leaderboard(category_id, seed)[:8]
            self.apart = board.leaderboard(category_id, seed, human=False)[:3]
        except BoardError as error:
            self.rows, self.apart = [], []
            app.notify(str(error), "warn")
        board.close()

    def draw_content(self, surface):
        lang = self.app.settings.language
        name = cats.category(self.category_id).title(lang)
        heading(self, surface, f"{self.app.t('course.tableau')} · {name}", 24, width=W - 120)
        draw_leaderboard(
            self, surface, pygame.Rect(60, 110, W - 120, 540), self.rows, "title", lang, self.apart
        )
        draw_text(
            self.theme,
            surface,
            self.app.t("course.club.legende"),
            (60, 660, W - 120, 50),
            "heading",
            self.colors.ink_soft,
            "center",
        )


def _levels():
    from levels import registry

    return registry.niveaux()
