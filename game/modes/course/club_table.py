"""The club's leaderboard as drawn on the board and on the projector (pygame).

`layout_leaderboard(scene, rect, rows, role, apart, start)` places, top to bottom, from
the `start`-th run: ("row", Rect, (Row, rank text)), ("remark", Rect, (short, whole)),
("title", Rect, text) and, when runs are left over, ("more", Rect, « +N courses »).
A remark is shortened to its first point (a program's mark first for a run « à part »:
the reason it is not ranked) and « (+N) »; the whole text is the `whole` part (a tooltip).
`pages(...)` cuts every run into screens; `draw_layout(...)` draws one.
"""

from __future__ import annotations

import pygame

from game.modes.course.speedrun.copies import remarks_list
from game.modes.course.speedrun.human import machine_remark
from game.modes.course.speedrun.timer import format_time
from game.scenes.common import draw_text

WARN = "(!) "  # the bundled font has no « ⚠ »
COLUMNS = (0.0, 0.1, 0.5, 0.72)  # rank, runner, game time, actions (shares of the width)


def short_remark(text, apart=False, brief=False):
    """(« (!) first point (+N) », « (!) every point »): a program's mark first when apart;
    `brief` (the projector) keeps the first point up to its first bracket or comma."""
    points = remarks_list(text)
    if apart:
        points.sort(key=lambda r: not machine_remark(r))
    first = points[0]
    if brief:
        first = first.split(" (")[0].split(", ")[0]
    short = WARN + first + (f" (+{len(points) - 1})" if len(points) > 1 else "")
    return short, WARN + " ; ".join(points)


def board_lines(rows, apart, apart_title, brief=False):
    """What the board shows, top to bottom: ("row", Row, rank text), ("remark", (short,
    whole)), ("title", text). Every run with remarks (solver, metronome, pauses…) has them
    under it; the runs a program played come after, « à part », unranked."""
    lines = []
    for rank, group in ((True, rows), (False, apart)):
        if not rank and group:
            lines.append(("title", apart_title))
        for row in group:
            lines.append(("row", row, f"{row.rank}." if rank else "—"))
            if row.remarks:
                lines.append(("remark", short_remark(row.remarks, not rank, brief)))
    return lines


def _heights(theme, role, remark_role):
    return theme.line_height(role) + 8, theme.line_height(remark_role) + 4


def layout_leaderboard(scene, rect, rows, role, apart=(), start=0, remark_role="small"):
    rect = pygame.Rect(rect)
    row_h, small_h = _heights(scene.theme, role, remark_role)
    brief = remark_role != "small"  # the projector: large and short
    lines = board_lines(rows, apart, scene.app.t("course.club.a_part"), brief)
    total = len(rows) + len(apart)
    placed, y, seen, shown = [], rect.y, 0, 0
    for line in lines:
        if line[0] == "row":
            seen += 1
        if (seen < start) if line[0] == "title" else (seen <= start):
            continue  # on an earlier page
        height = row_h if line[0] == "row" else small_h
        left = total - seen  # runs still to place after this line
        if y + height + (small_h if left else 0) > rect.bottom:
            break
        box = pygame.Rect(rect.x, y, rect.w, height)
        if line[0] != "row":
            box = pygame.Rect(rect.x + int(COLUMNS[1] * rect.w), y, int(0.9 * rect.w), height)
        placed.append((line[0], box, line[1] if line[0] != "row" else line[1:]))
        shown += line[0] == "row"
        y += height
    if start + shown < total:
        more = scene.app.t("course.club.plus", n=total - start - shown)
        placed.append(("more", pygame.Rect(rect.x, y, rect.w, small_h), more))
    return placed


def pages(scene, rect, rows, role, apart=(), remark_role="small"):
    """The first run of each screen, so that every run is shown on one of them."""
    starts, start, total = [0], 0, len(rows) + len(apart)
    while True:
        placed = layout_leaderboard(scene, rect, rows, role, apart, start, remark_role)
        shown = sum(kind == "row" for kind, _, _ in placed)
        if shown == 0 or start + shown >= total:
            return starts
        start += shown
        starts.append(start)


def draw_layout(scene, surface, placed, role, lang, remark_role="small"):
    theme, colors = scene.theme, scene.colors
    you = scene.app.profile.name.casefold() if scene.app.profile else None
    for kind, box, payload in placed:
        if kind == "row":
            _draw_row(scene, surface, box, payload, role, lang, you)
            continue
        text = payload[0] if kind == "remark" else payload
        ink = colors.bad if kind == "remark" else colors.ink_soft
        draw_text(theme, surface, text, box, remark_role, ink, "left", "middle")


def draw_leaderboard(
    scene, surface, rect, rows, role, lang, apart=(), start=0, remark_role="small"
):
    placed = layout_leaderboard(scene, rect, rows, role, apart, start, remark_role)
    draw_layout(scene, surface, placed, role, lang, remark_role)
    return placed


def _draw_row(scene, surface, line, item, role, lang, you):
    theme, colors = scene.theme, scene.colors
    row, rank = item
    if you is not None and row.runner.casefold() == you:
        tint = tuple(
            int(0.3 * a + 0.7 * b) for a, b in zip(colors.second, colors.panel, strict=True)
        )
        pygame.draw.rect(surface, tint, line, border_radius=6)
        pygame.draw.rect(surface, colors.second, line, 3, border_radius=6)
    texts = (
        rank,
        row.runner,
        format_time(row.game_ms, 1, lang),
        f"{row.costs['actions']} {scene.app.t('course.club.cout_actions')}",
    )
    for k, text in enumerate(texts):
        right = COLUMNS[k + 1] if k + 1 < len(COLUMNS) else 1.0
        x = line.x + int(COLUMNS[k] * line.w)
        cell = pygame.Rect(x + 6, line.y, line.x + int(right * line.w) - x - 12, line.h)
        draw_text(theme, surface, text, cell, role, colors.ink, "left", "middle")
