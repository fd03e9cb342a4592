"""The French report of a run verdict (`tuto-llm verify`, `tuto-llm club importer`)."""

from __future__ import annotations

from game.modes.course.speedrun.categories import category
from game.modes.course.speedrun.seeds import picture_words
from game.modes.course.speedrun.timer import format_time

COST_NAMES = {"actions": "actions", "pas": "pas d'entraînement", "prenoms": "prénoms donnés"}


def costs_text(costs: dict) -> str:
    return " · ".join(f"{costs.get(k, 0)} {label}" for k, label in COST_NAMES.items())


def describe_run(name, verdict) -> str:
    mark = "✔" if verdict.valid else "✗"
    head = "COURSE VÉRIFIÉE" if verdict.valid else "COURSE REFUSÉE"
    lines = [f"{mark} {name} : {head} — {verdict.reason}"]
    if not verdict.category_id or verdict.seed is None or not verdict.levels:
        return "\n".join(lines)
    cat = category(verdict.category_id)
    who = verdict.runner or "?"
    kind = " (entraînement : ne compte pas au classement)" if verdict.practice else ""
    lines.append(
        f"    « {cat.name} » par {who}, graine {verdict.seed} ({picture_words(verdict.seed)})"
        + (f", code {verdict.code}" if verdict.code else "")
        + kind
    )
    for level in verdict.levels:
        stars = "".join("★" if s else "☆" for s in level["etoiles"])
        real, game = level["segment_ms"]
        lines.append(
            f"    niveau {level['numero']} : {stars} · {costs_text(level['couts'])} · "
            f"indices {level['indices']} · jeu {format_time(game)} (réel {format_time(real)})"
        )
    lines.append(f"    Coûts (vérifiés) : {costs_text(verdict.costs)}")
    lines.append(
        f"    Temps (déclarés) : jeu {format_time(verdict.game_ms)} · "
        f"réel {format_time(verdict.real_ms)}"
    )
    for problem in verdict.problems[1:]:
        lines.append(f"    Aussi : {problem}.")
    for remark in verdict.remarks:
        lines.append(f"    Attention : {remark}.")
    return "\n".join(lines)
