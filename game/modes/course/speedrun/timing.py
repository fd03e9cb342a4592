"""Are a run file's times humanly possible? (declared times: consistency only)

`check_times(data, entries)` → list of French problems (empty: the times hold together).
`entries` are the level entries already shape-checked by `game.modes.course.speedrun.verify`.

Checked, per the run timer's rules (`game.modes.course.speedrun.timer`):
- the first level starts at 0:00; each level starts where the previous one was split;
- both clocks only go forward, and game time never runs faster than real time;
- a level's actions are in time order, inside the level, and the split comes right after
  the last action (the next level starts at once);
- a level lasts at least the least time a hand needs for its actions
  (`game.modes.course.speedrun.human.min_human_ms`: a file whose times were scaled down is refused);
- no two actions closer than a human can click (a few quick pairs are allowed: one
  gesture can give two actions);
- pauses are inside the run and do not overlap, and no more than the category allows;
  real − game time = the engine's computing time written in the file + the pauses (real
  time never stops).
"""

from __future__ import annotations

from game.modes.course.speedrun.human import min_human_ms
from levels.horodatage import ECART_HUMAIN_MS

MAX_RUN_MS = 24 * 3600 * 1000  # nobody races for a day
MIN_GAP_MS = ECART_HUMAIN_MS  # two clicks closer than this: no human hand (levels.horodatage)
QUICK_PAIRS_ALLOWED = 3  # per level (one gesture may give two actions, e.g. drag a block)
SPLIT_LAG_MS = 3000  # a level is split right after the action that finished it
CLOCK_SLACK_MS = 10  # rounding of the two clocks, per split

HINT = "indice"


def check_times(data, entries, pauses_max=None) -> list[str]:
    problems = []
    previous_end = [0, 0]
    for number, entry in enumerate(entries, start=1):
        start, end = entry["debut"], entry["fin"]
        where = f"niveau n° {number}"
        if start != previous_end:
            problems.append(f"{where} : il ne commence pas là où le précédent s'est arrêté")
        if end[0] < start[0] or end[1] < start[1]:
            problems.append(f"{where} : le chrono recule")
        elif end[1] - start[1] > end[0] - start[0] + CLOCK_SLACK_MS:
            problems.append(f"{where} : le temps de jeu avance plus vite que le temps réel")
        problems += _check_actions(where, entry["journal"].get("actions"), end[1] - start[1])
        previous_end = end
    problems += _check_pauses(data.get("pauses", []), previous_end[0])
    count = len(data.get("pauses", [])) if isinstance(data.get("pauses"), list) else 0
    if pauses_max is not None and count > pauses_max:
        problems.append(f"{count} pauses, alors que la catégorie en permet au plus {pauses_max}")
    problems += _check_totals(data, previous_end, len(entries))
    return problems


def _check_actions(where, actions, segment_game_ms) -> list[str]:
    if not isinstance(actions, list) or not actions:
        return [f"{where} : aucune action"]
    times = [a[0] for a in actions if isinstance(a, list) and a and isinstance(a[0], int)]
    kid = [
        a[0]
        for a in actions
        if isinstance(a, list)
        and len(a) == 2
        and isinstance(a[1], dict)
        and a[1].get("type") != HINT
        and isinstance(a[0], int)
    ]
    if any(b < a for a, b in zip(times, times[1:], strict=False)):
        return [f"{where} : les temps des actions ne sont pas dans l'ordre"]
    if times and times[-1] > segment_game_ms + CLOCK_SLACK_MS:
        return [f"{where} : une action est notée après la fin du niveau"]
    if times and segment_game_ms - times[-1] > SPLIT_LAG_MS:
        return [f"{where} : le chrono s'arrête bien après la dernière action"]
    quick = sum(1 for a, b in zip(kid, kid[1:], strict=False) if b - a < MIN_GAP_MS)
    if quick > QUICK_PAIRS_ALLOWED:
        return [
            f"{where} : {quick} fois deux actions à moins de {MIN_GAP_MS} ms "
            "l'une de l'autre (aucune main ne clique si vite)"
        ]
    least = min_human_ms(actions)
    if segment_game_ms + CLOCK_SLACK_MS < least:
        return [
            f"{where} : {len(actions)} actions en {_seconds(segment_game_ms)} s de jeu, "
            f"alors qu'une main met au moins {_seconds(least)} s à les jouer"
        ]
    return []


def _seconds(ms) -> str:
    """« 0,2 » : seconds with one decimal, written the French way."""
    return f"{ms / 1000:.1f}".replace(".", ",")


def _check_pauses(pauses, total_real_ms) -> list[str]:
    if not isinstance(pauses, list) or len(pauses) > 10_000:
        return ["la liste des pauses est mal écrite"]
    last = -1
    for pause in pauses:
        if not (
            isinstance(pause, list)
            and len(pause) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in pause)
            and 0 <= pause[1] <= MAX_RUN_MS
        ):
            return ["une pause est mal écrite"]
        if pause[0] < last or pause[0] > total_real_ms:
            return ["les pauses ne sont pas dans l'ordre ou sont hors de la course"]
        last = pause[0]
    return []


def _int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def pause_remarks(pauses) -> list[str]:
    """« 2 pauses (0:12,0) » when the run was paused: shown wherever the run is shown."""
    if not isinstance(pauses, list) or not pauses:
        return []
    total = sum(p[1] for p in pauses if isinstance(p, list) and len(p) == 2 and _int(p[1]))
    plural = "s" if len(pauses) > 1 else ""
    seconds = f"{total / 1000:.1f}".replace(".", ",")
    return [f"{len(pauses)} pause{plural} pendant la course ({seconds} s)"]


def _check_totals(data, end, count) -> list[str]:
    claims = data.get("annonce")
    problems = []
    if isinstance(claims, dict) and (
        claims.get("temps_reel_ms") != end[0] or claims.get("temps_jeu_ms") != end[1]
    ):
        problems.append("les temps annoncés ne sont pas ceux du dernier découpage")
    busy = data.get("calcul_ms", 0)
    if not isinstance(busy, int) or isinstance(busy, bool) or busy < 0:
        return problems + ["le temps de calcul est mal écrit"]
    pauses = data.get("pauses", [])
    pauses = pauses if isinstance(pauses, list) else []
    paused = sum(p[1] for p in pauses if isinstance(p, list) and len(p) == 2 and _int(p[1]))
    if abs((end[0] - end[1]) - busy - paused) > CLOCK_SLACK_MS * (count + 1) + busy // 100:
        problems.append(
            "les deux chronos ne s'accordent pas (temps réel − temps de jeu ≠ temps de calcul)"
        )
    return problems
