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

from game.modes.course.club_table import draw_leaderboard, pages
from game.modes.course.speedrun import categories as cats
from game.modes.course.speedrun.board import (
    ADDED,
    ALREADY,
    UNAVAILABLE_MESSAGE,
    Board,
    BoardError,
    Histogram,
)
from game.modes.course.speedrun.verify import COST_ORDER
from game.scenes.common import MARGIN, Screen, W, draw_text, heading

log = logging.getLogger(__name__)

PAGE_S = 8  # the projector shows its next screen of runs after this many seconds


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
    TABLE = pygame.Rect(MARGIN - 40, 150, 640, 400)

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

    def sync_tooltips(self, zones):
        """A remark is shortened on its line: hovering it shows the whole text."""
        if zones == getattr(self, "_zones", None):
            return
        for zone in getattr(self, "_zone_widgets", []):
            self.container.remove(zone)
        self._zones = zones
        self._zone_widgets = [self.ui.Widget(self.theme, box, whole) for box, whole in zones]
        self.container.add(*self._zone_widgets)

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
        table = self.TABLE
        if not self.rows and not self.apart:
            draw_text(theme, surface, self.c("club.vide"), table, "body", colors.ink_soft)
        else:
            placed = draw_leaderboard(self, surface, table, self.rows, "body", lang, self.apart)
            self.sync_tooltips([(box, p[1]) for kind, box, p in placed if kind == "remark"])
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


class ClubProjectorScene(Screen):
    """The leaderboard in big letters, for the back of the room (Échap to leave): every
    run, on screens that follow one another when they do not all fit."""

    name = "club_projector"
    TABLE = pygame.Rect(60, 110, W - 120, 540)

    def __init__(self, app, category_id, seed=None):
        super().__init__(app)
        self.category_id = category_id
        self.clock = 0.0
        board = Board()
        try:
            self.rows = board.leaderboard(category_id, seed)
            self.apart = board.leaderboard(category_id, seed, human=False)
        except BoardError as error:
            self.rows, self.apart = [], []
            app.notify(str(error), "warn")
        board.close()

    def update(self, dt):
        super().update(dt)
        self.clock += dt

    def screens(self):
        return pages(self, self.TABLE, self.rows, "title", self.apart, "heading")

    def draw_content(self, surface):
        lang = self.app.settings.language
        name = cats.category(self.category_id).title(lang)
        heading(self, surface, f"{self.app.t('course.tableau')} · {name}", 24, width=W - 120)
        starts = self.screens()
        page = int(self.clock // PAGE_S) % len(starts)
        args = (self.rows, "title", lang, self.apart, starts[page], "heading")
        placed = draw_leaderboard(self, surface, self.TABLE, *args)
        legend = self.app.t("course.club.legende")
        if len(starts) > 1:
            legend += " · " + self.app.t("course.club.page", page=page + 1, pages=len(starts))
        box = (60, 660, W - 120, 50)
        draw_text(self.theme, surface, legend, box, "heading", self.colors.ink_soft, "center")
        return placed


def _levels():
    from levels import registry

    return registry.niveaux()
