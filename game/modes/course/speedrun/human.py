"""What a human hand can do, and what only a program does (pygame-free).

API:
- `MIN_ACTION_MS` (by action type) and `min_human_ms(actions)`: the least game time a
  person needs to play these actions (a level's log). A run file whose level took less
  game time than that is refused (`game.modes.course.speedrun.timing`); the race host also checks
  the time it observed itself (`game.modes.salon.race.room`).
- `solver_match(entries, levels, seed)` → (same, compared): how many of the run's
  actions are the built-in solver's for that seed, in the same order, over the levels
  whose solver answers within `SOLVER_BUDGET_S` (a long-training level is skipped), and
  where the solver does not just play the hints' method (there a child plays the same
  actions: such a level cannot tell a program from a child, it is not compared).
- `method_actions(niveau, seed)`: what a child who applies the hints' method plays.
- `SAME_AS_SOLVER`: the remark added when the actions are (nearly) the solver's.
- `machine_remark(text)`: does a verifier remark say a program played (solver, metronome,
  clicks faster than a hand, every time at 0), or the club board that two runners handed
  in the same actions (`SAME_AS_RUN`: a copied file)? Such runs are never ranked as verified
  human runs: the boards put them in a separate table.

The minimum times are deliberately low (a fast, sure child is slower): they catch files
whose times were scaled down or made up, never a quick player.
"""

from __future__ import annotations

import difflib
import json
import time

# Least game time a hand needs for one action of each type (ms): see the level's view.
MIN_ACTION_MS = {
    "pousser": 120,  # one click on a + / − button
    "deplacer": 250,  # drag a letter to a place
    "repondre": 250,  # read the question's choices and click one
    "indice": 0,  # opening a hint is counted apart (`indices`)
}
DEFAULT_ACTION_MS = 150  # any other click (a name card, a slider step, « poser »…)
SAME_AS_SOLVER = "mêmes actions que le solveur"
SAME_AS_RUN = "mêmes actions que la course de"  # the club board: a copied run file
SOLVER_SHARE = 0.9  # this share of the actions in the solver's order: the solver played
SOLVER_MIN_ACTIONS = 12  # fewer compared actions: too little to tell
SOLVER_BUDGET_S = 3.0  # time to ask the solvers, per run file
MACHINE_WORDS = ("solveur", "exactement", "personne ne clique", "à 0 ms", SAME_AS_RUN)


def action_type(action) -> str:
    body = action[1] if isinstance(action, list) and len(action) == 2 else None
    kind = body.get("type") if isinstance(body, dict) else None
    return kind if isinstance(kind, str) else ""


def min_human_ms(actions) -> int:
    """The least game time (ms) a person needs to play these log actions ([t, action])."""
    if not isinstance(actions, list):
        return 0
    return sum(MIN_ACTION_MS.get(action_type(a), DEFAULT_ACTION_MS) for a in actions)


def machine_remark(text: str) -> bool:
    return any(word in text for word in MACHINE_WORDS)


def _key(action) -> str:
    return json.dumps(action, sort_keys=True, ensure_ascii=False)


def solver_match(entries, by_id, seed, budget_s=SOLVER_BUDGET_S):
    """(actions in the solver's order, actions compared) over the run's levels."""
    same = compared = 0
    deadline = time.monotonic() + budget_s
    for entry in entries:
        if time.monotonic() > deadline:
            break
        niveau = by_id.get(entry.get("niveau"))
        actions = entry.get("journal", {}).get("actions")
        if niveau is None or not isinstance(actions, list):
            continue
        played = [_key(a[1]) for a in actions if action_type(a) not in ("", "indice")]
        try:
            solver = [_key(a) for a in niveau.resoudre(seed)]
            method = [_key(a) for a in method_actions(niveau, seed, 3 * len(solver) + 10)]
        except Exception:  # a solver that cannot answer compares nothing
            continue
        if _share(method, solver) >= SOLVER_SHARE * max(1, len(method)):
            continue  # the solver plays the hints' method here: a child would play the same
        same += _share(played, solver)
        compared += len(played)
    return same, compared


def _share(played, solver):
    """How many of `played` are in `solver`, in the same order."""
    matcher = difflib.SequenceMatcher(None, played, solver, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def method_actions(niveau, seed, limit=500):
    """The actions of a player who applies the hints' method (`joueur_indices`) until the
    goal: what a child who understood plays. Empty when the level has no such player."""
    etat, actions = niveau.nouvel_etat(seed), []
    while len(actions) < limit and not niveau.est_termine(etat):
        try:
            action = niveau.joueur_indices(etat)
        except NotImplementedError:
            return []
        if action is None:
            break
        try:
            niveau.appliquer(etat, action)
        except Exception:  # a refused action: the method player stops there
            break
        actions.append(action)
    return actions


def solver_remark(entries, by_id, seed):
    """`SAME_AS_SOLVER` with the share, or None."""
    same, compared = solver_match(entries, by_id, seed)
    if compared >= SOLVER_MIN_ACTIONS and same >= SOLVER_SHARE * compared:
        return f"{SAME_AS_SOLVER} ({same} actions sur {compared})"
    return None
