"""The club board as CSV for French Excel: UTF-8 with a BOM, `;`, decimal comma.

Times are declared by each runner's computer (the column names say so); costs are
recomputed by the replay (verified). The runs a remark says a program played (solver,
metronome…) come after the ranked ones, with « à part » as their rank and the remark.
"""

from __future__ import annotations

import csv
import io

from game.modes.course.speedrun.categories import category
from game.modes.course.speedrun.timer import format_time
from game.modes.devoir.homework.report import _text as safe_cell
from game.modes.devoir.homework.report import decimal

COLUMNS = [
    "Rang",
    "Coureur",
    "Catégorie",
    "Temps de jeu (déclaré)",
    "Temps de jeu en secondes (déclaré)",
    "Temps réel (déclaré)",
    "Actions (vérifié)",
    "Pas d'entraînement (vérifié)",
    "Prénoms donnés (vérifié)",
    "Graine",
    "Code du club",
    "Date (déclarée)",
    "Remarques",
]


APART = "à part"  # a run a remark says a program played: listed after the ranked runs


def csv_text(board, category_id, seed=None) -> str:
    """The leaderboard of one category as CSV text (without the BOM)."""
    name = category(category_id).name
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    human = board.leaderboard(category_id, seed)
    apart = board.leaderboard(category_id, seed, human=False)
    for row in [*human, *apart]:
        writer.writerow(
            [
                row.rank if row in human else APART,
                safe_cell(row.runner),
                safe_cell(name),
                format_time(row.game_ms),
                decimal(row.game_ms / 1000, 3),
                format_time(row.real_ms),
                row.costs["actions"],
                row.costs["pas"],
                row.costs["prenoms"],
                row.seed,
                safe_cell(row.code),
                safe_cell(row.started),
                safe_cell(row.remarks),
            ]
        )
    return out.getvalue()


def write_csv(path, board, category_id, seed=None) -> None:
    """Atomic write with the BOM Excel needs; raises `SaveError` (French)."""
    from game.storage import write_atomic

    write_atomic(path, "\ufeff" + csv_text(board, category_id, seed), backup=False)
