"""The room's results as a CSV that French Excel opens: UTF-8 with a BOM, `;`, decimal comma.

One row per runner, in the order of the standings: rank, first name, levels done, final
time and who vouches for it (« vérifié par l'hôte » or « déclaré », each table ranked on
its own), status (with the reason a time is only declared), the verifier's remarks, then each
level's split (real time since the start, as the host observed it when it did).
"""

import csv
import io


def seconds(ms):
    """12345 → « 12,345 » (seconds, French decimal comma); None → empty."""
    if ms is None:
        return ""
    return f"{ms / 1000:.3f}".replace(".", ",")


def _text(value):
    text = str(value or "")
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_text(room):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    header = ["Rang", "Prénom", "Niveaux finis", "Temps (s)", "Temps", "Statut", "Remarques"]
    header += [f"Niveau {n} (s)" for n in range(1, len(room.levels) + 1)]
    writer.writerow(header)
    runners = {runner.name: runner for runner in room.runners.values()}
    for row in room.standings():
        runner = runners[row["name"]]
        kind = {"hote": "vérifié par l'hôte", "declare": "déclaré"}.get(row["kind"], "")
        splits = [seconds(s.host_ms if s.host_ms is not None else s.real_ms) for s in runner.splits]
        writer.writerow(
            [
                row["rank"] or "",
                _text(row["name"]),
                row["levels"],
                seconds(row["time_ms"]),
                kind,
                _text(row["status"]),
                _text(row.get("remarks", "")),
                *splits,
            ]
        )
    return out.getvalue()


def write_csv(path, room):
    """Writes the results atomically; raises only `game.storage.SaveError` (French)."""
    from game.storage import write_atomic

    write_atomic(path, "\ufeff" + csv_text(room), backup=False)
