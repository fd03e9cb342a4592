"""Certificates as printable PNGs (A4 landscape), one per pupil who finished a level."""

from __future__ import annotations

import math

import pygame

from game.modes.devoir.homework import certificate
from game.modes.devoir.homework.french import long_day
from game.modes.devoir.homework.seeds import file_name_part
from game.modes.devoir.homework.sheet import level_titles
from game.modes.devoir.teacher import paper

GOLD = (250, 196, 40)


def _star(surface, centre, radius, filled):
    points = []
    for i in range(10):
        angle = -math.pi / 2 + i * math.pi / 5
        k = radius if i % 2 == 0 else radius * 0.45
        points.append((centre[0] + k * math.cos(angle), centre[1] + k * math.sin(angle)))
    pygame.draw.polygon(surface, GOLD if filled else (255, 255, 255), points)
    pygame.draw.polygon(surface, (150, 100, 10) if filled else paper.SOFT, points, 3)


def draw_certificate(attestation, code, day):
    """The certificate as a Surface (`code`: its verification code)."""
    if not pygame.font.get_init():
        pygame.font.init()
    width, height = paper.LANDSCAPE
    page = pygame.Surface(paper.LANDSCAPE)
    page.fill((255, 253, 245))
    pygame.draw.rect(page, (70, 140, 210), page.get_rect().inflate(-60, -60), 12, 30)
    pygame.draw.rect(page, GOLD, page.get_rect().inflate(-100, -100), 4, 24)
    margin, inner = 160, width - 320
    y = paper.letter_tiles(page, "TUTO LLM", width // 2, 110, tile=64)
    y = paper.write(page, "Attestation", margin, y + 40, inner, 100, bold=True, align="center")
    y = paper.write(
        page, attestation.prenom, margin, y + 30, inner, 140, (70, 140, 210), True, "center"
    )
    who = "a réussi ces niveaux de son devoir Tuto LLM" + (
        f" ({attestation.classe})" if attestation.classe else ""
    )
    y = paper.write(page, who, margin, y + 20, inner, 52, align="center")
    titles = dict(level_titles([n for n, _ in attestation.niveaux]))
    y += 50
    step = min(100, (height - 260 - y) // max(1, len(attestation.niveaux)))
    for numero, stars in attestation.niveaux:
        line = f"Niveau {numero} : {titles.get(numero, '?')}"
        paper.write(page, line, margin + 140, y, inner - 560, 52)
        for k in range(3):
            _star(page, (width - margin - 360 + k * 90, y + 30), 36, k < stars)
        y += step
    footer = f"Le {long_day(day)} · devoir {attestation.devoir} · code de vérification {code}"
    paper.write(page, footer, margin, height - 190, inner, 30, paper.SOFT, align="center")
    paper.write(
        page,
        "(à vérifier dans Tuto LLM : Espace enseignant)",
        margin,
        height - 150,
        inner,
        26,
        paper.SOFT,
        align="center",
    )
    return page


def write_certificates(grille, day, folder=None):
    """One PNG per pupil with at least one level done; returns the paths. Raises SaveError."""
    folder = folder or certificate.teacher_dir() / "attestations" / grille.code
    paths = []
    for copie in grille.copies:
        attestation = certificate.from_copie(copie, grille, day)
        if not attestation.niveaux:
            continue
        code = certificate.issue(attestation)
        path = folder / f"attestation-{file_name_part(attestation.prenom)}.png"
        paths.append(paper.save_png(draw_certificate(attestation, code, day), path))
    return paths
