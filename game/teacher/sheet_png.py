"""The homework sheet as a printable PNG (A4 portrait): code, what to do, due date."""

from __future__ import annotations

import pygame

from game.teacher import paper

MARGIN = 110


def draw_sheet(texts):
    """The sheet as a pygame Surface (texts from `game.homework.sheet.sheet_texts`)."""
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
    paper.write(page, texts["note"], MARGIN, height - 130, inner, 28, paper.SOFT)
    return page


def write_sheet_png(texts, path):
    """Draws and saves the sheet; returns its path. Raises `SaveError` (French)."""
    return paper.save_png(draw_sheet(texts), path)
