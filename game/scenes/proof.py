"""« Enregistrer ma preuve »: a completed level's replay log, as a file a teacher verifies.

The profile keeps the log of each completed level (its best run). This writes it to a
folder the kid can find, `home_dir()/preuves/<prénom>_niveau<N>.json` (one action per
line, `levels.base.texte_journal`), never over an older file: a number is added
(`Lea_niveau1-2.json`). The teacher checks it with `tuto-llm verify FICHIER`.

The write is atomic: the file appears whole or not at all.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

import pygame

from game.scenes.common import H, Overlay, W, draw_text
from game.storage import shareable
from game.ui.theme import mix

PROOFS_DIR = "preuves"
PANEL_W = 900
TEXT_BOXES = {
    "proof.save": (348, 1, "body"),  # the map's button (the result screen's is wider)
    "proof.save_help": (380, 4, "small"),  # a tooltip
    "proof.title": (PANEL_W - 60, 1, "title"),
    "proof.text": (PANEL_W - 60, 3, "body"),
    "proof.ok": (300, 1, "body"),
    "proof.open": (300, 1, "body"),
    "proof.open_failed": (820, 2, "small"),
}


class NoProof(LookupError):
    """The level has no saved log yet (never completed)."""


def proofs_dir():
    from game.storage import home_dir

    return home_dir() / PROOFS_DIR


def file_stem(name, number):
    """`Léa`, 1 → `Lea_niveau1` (letters and digits only: safe on every computer)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    clean = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-")[:30].strip("-")
    return f"{clean or 'joueur'}_niveau{number}"


def saved_log(profile, level_id):
    entry = profile.progress.get(level_id) if profile is not None else None
    log = entry.log if entry is not None and entry.completed else None
    return log if isinstance(log, dict) else None


def has_proof(profile, place):
    return place.kind == "level" and saved_log(profile, place.id) is not None


def export_proof(profile, place, folder=None):
    """Writes the saved log of `place`'s level; returns the new file's path.

    Raises `NoProof` (no saved log) or `game.storage.SaveError` (French message).
    """
    from game.storage import SaveError, _write_error
    from levels.base import texte_journal

    log = saved_log(profile, place.id)
    if place.kind != "level" or log is None:
        raise NoProof(place.id)
    folder = Path(folder) if folder is not None else proofs_dir()
    data = texte_journal(log).encode("utf-8")
    stem = file_stem(profile.name, place.number)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _write_new(folder, stem, data)
    except SaveError:
        raise
    except Exception as error:  # noqa: BLE001 - every failure becomes one French sentence
        raise _write_error(error, folder / f"{stem}.json") from error


def _write_new(folder, stem, data):
    """Write `data` as `<stem>.json` (or `<stem>-2.json`…), never replacing a file."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{stem}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        shareable(tmp)
        n = 1
        while True:
            target = folder / (f"{stem}.json" if n == 1 else f"{stem}-{n}.json")
            n += 1
            if target.exists() or target.is_symlink():
                continue
            try:
                os.link(tmp, target)  # fails if the name was taken meanwhile: never overwrites
            except FileExistsError:
                continue
            except OSError:
                # A file system without hard links (some USB sticks): checked just above.
                os.replace(tmp, target)
            return target
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def save_proof(app, place):
    """Button « Enregistrer ma preuve »: write the file, then say where it is."""
    from game.storage import SaveError

    try:
        path = export_proof(app.profile, place)
    except NoProof:
        app.play("error")
        return None
    except SaveError as error:
        app.notify(str(error), "warn")
        app.play("error")
        return None
    app.play("success")
    app.push("proof", place, path)
    return path


def open_folder(path):
    """Show `path` in the computer's file manager; False when it cannot."""
    import subprocess
    import sys

    try:
        if sys.platform == "win32":
            os.startfile(str(path))  # noqa: S606 - the kid's own folder
        else:
            command = "open" if sys.platform == "darwin" else "xdg-open"
            subprocess.Popen(  # noqa: S603 - fixed command, the kid's own folder
                [command, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
    except (OSError, ValueError):
        return False
    return True


def path_lines(theme, text, width, role="small"):
    """A long path cut after its « / » so that each line fits (no spaces to wrap on)."""
    from game.ui.safe_text import safe_line

    font = theme.font(role)
    parts = re.split(r"(?<=[/\\])", safe_line(text))  # a path may hold any bytes
    lines, line = [], ""
    for part in parts:
        if line and font.size(line + part)[0] > width:
            lines.append(line)
            line = part
        else:
            line += part
        while font.size(line)[0] > width and len(line) > 1:  # one very long name
            cut = len(line)
            while cut > 1 and font.size(line[:cut])[0] > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines


class ProofPanel(Overlay):
    """« Preuve enregistrée ! », where the file is, and how the teacher checks it."""

    name = "proof"

    def __init__(self, app, place, path):
        super().__init__(app)
        self.place = place
        self.path = Path(path)
        self.failed = False

    def build(self):
        theme = self.theme
        h = theme.control_height
        inner_w = PANEL_W - 60
        text_h = theme.text_height(self.sentence(), inner_w, "body")
        self.lines = path_lines(theme, str(self.path), inner_w - 40)
        path_h = len(self.lines) * theme.line_height("small") + 24
        failed_h = 2 * theme.line_height("small") + 8 if self.failed else 0
        height = 30 + theme.line_height("title") + 16 + text_h + 16 + path_h + failed_h + h + 40
        self.panel = pygame.Rect(0, 0, PANEL_W, min(H - 20, height))
        self.panel.center = (W // 2, H // 2)
        y = self.panel.bottom - h - 28
        self.default_focus = self.button(
            (self.panel.right - 30 - 300, y, 300, h), self.t("proof.ok"), self.back, icon="check"
        )
        self.button(
            (self.panel.x + 30, y, 300, h),
            self.t("proof.open"),
            self.open,
            "secondary",
            sound=None,
        )

    def sentence(self):
        return self.t("proof.text", n=self.place.number)

    def open(self):
        opener = getattr(self.app, "open_folder", None) or open_folder
        failed = not opener(self.path.parent)
        self.app.play("error" if failed else "click")
        if failed != self.failed:
            self.failed = failed
            self.rebuild()  # room for the message (or not)

    def draw_content(self, surface):
        theme = self.theme
        colors = theme.colors
        panel = self.panel
        theme.draw_panel(surface, panel, edge=colors.good, width=4)
        x, width = panel.x + 30, panel.width - 60
        y = panel.y + 26
        rect = pygame.Rect(x, y, width, theme.line_height("title") + 4)
        draw_text(theme, surface, self.t("proof.title"), rect, "title", colors.good, "center")
        y = rect.bottom + 12
        text = self.sentence()
        text_h = theme.text_height(text, width, "body")
        draw_text(theme, surface, text, (x, y, width, text_h), "body")
        y += text_h + 16
        line_h = theme.line_height("small")
        box = pygame.Rect(x, y, width, len(self.lines) * line_h + 24)
        theme.draw_panel(surface, box, mix(colors.panel, colors.second, 0.12), shadow=False)
        for i, line in enumerate(self.lines):
            theme.text(surface, line, (box.x + 20, box.y + 12 + i * line_h), "small", colors.ink)
        if self.failed:
            rect = pygame.Rect(x, box.bottom + 8, width, 2 * line_h)
            draw_text(theme, surface, self.t("proof.open_failed"), rect, "small", colors.bad)
