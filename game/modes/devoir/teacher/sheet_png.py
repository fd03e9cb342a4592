"""The homework sheet as a printable PNG (A4 portrait): code, what to do, due date."""

from __future__ import annotations

import pygame

from game.modes.devoir.teacher import paper

MARGIN = 110


def draw_sheet(texts):
    """The sheet as a pygame Surface (texts from `game.modes.devoir.homework.sheet.sheet_texts`)."""
    if not pygame.font.get_init():
        pygame.font.init()
    width, height = paper.PAGE
    page = pygame.Surface(paper.PAGE)
    page.fill((255, 255, 255))
    inner = width - 2 * MARGIN
    y = paper.letter_tiles(page, "TUTO LLM", width // 2, 80)
    title = texts["titre"] + (f" — {texts['classe']}" if texts["classe"] else "")
    y = paper.write(page, title, MARGIN, y + 40, inner, 64, bold=True, align="center")
    y = paper.write(page, "Ton code de devoir :", MARGIN, y + 30, inner, 40, paper.SOFT)
    box = pygame.Rect(MARGIN, y + 16, inner, 190)
    pygame.draw.rect(page, (245, 247, 255), box, border_radius=24)
    pygame.draw.rect(page, paper.INK, box, 5, border_radius=24)
    code = "  ".join(texts["code"].split("-"))
    paper.write(page, code, box.x, box.y + 40, box.width, 120, bold=True, align="center")
    y = box.bottom + 30
    if texts["pour"]:
        y = paper.write(page, texts["pour"], MARGIN, y, inner, 44, (190, 40, 40), bold=True)
    y = paper.write(page, "Les niveaux à faire", MARGIN, y + 30, inner, 48, bold=True)
    for numero, titre in texts["niveaux"]:
        y = paper.write(page, f"•  Niveau {numero} : {titre}", MARGIN + 20, y + 6, inner, 38)
    y = paper.write(page, "Comment faire", MARGIN, y + 36, inner, 48, bold=True)
    for index, step in enumerate(texts["etapes"], start=1):
        y = paper.write(page, f"{index}.  {step}", MARGIN + 20, y + 8, inner - 20, 36)
    y += 30
    for rule in texts["regles"]:
        y = paper.write(page, rule, MARGIN, y + 6, inner, 36, bold=True)
    _slips(page, texts, y + 40, height - 150)
    paper.write(page, texts["note"], MARGIN, height - 130, inner, 28, paper.SOFT)
    return page


def _slips(page, texts, top, bottom):
    """Small slips with the code, to cut out and glue in the pupils' notebooks."""
    width = page.get_width()
    slip_h, gap = 150, 16
    rows = (bottom - top - 50) // (slip_h + gap)
    if rows < 1:
        return
    for x in range(MARGIN, width - MARGIN, 24):  # the dashed cutting line
        pygame.draw.line(page, paper.SOFT, (x, top), (x + 12, top), 2)
    paper.write(page, "À découper et coller dans le cahier :", MARGIN, top + 8, 800, 26, paper.SOFT)
    slip_w = (width - 2 * MARGIN - gap) // 2
    label = "Devoir Tuto LLM" + (f" — {texts['classe']}" if texts["classe"] else "")
    for row in range(min(rows, 3)):
        for col in range(2):
            rect = pygame.Rect(
                MARGIN + col * (slip_w + gap), top + 50 + row * (slip_h + gap), slip_w, slip_h
            )
            pygame.draw.rect(page, paper.SOFT, rect, 2, border_radius=10)
            paper.write(page, label, rect.x + 16, rect.y + 10, rect.w - 32, 26, paper.SOFT)
            paper.write(
                page, texts["code"], rect.x, rect.y + 44, rect.w, 56, bold=True, align="center"
            )
            if texts["pour"]:
                paper.write(page, texts["pour"], rect.x + 16, rect.y + 112, rect.w - 32, 22)


def write_sheet_png(texts, path):
    """Draws and saves the sheet; returns its path. Raises `SaveError` (French)."""
    return paper.save_png(draw_sheet(texts), path)
