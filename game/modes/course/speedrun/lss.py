"""LiveSplit splits files (`.lss`): export a profile's category, and read one back.

`export_lss(record, category, level_names, runner="")` → the XML text LiveSplit opens
and continues: `<Run version="1.7.0">` with GameName, CategoryName, Offset,
AttemptCount, AttemptHistory (each attempt with its UTC start/end and, when finished,
RealTime and GameTime), and one Segment per level: Name, SplitTimes/SplitTime
name="Personal Best" (cumulative RealTime/GameTime), BestSegmentTime (gold) and
SegmentHistory (one Time per attempt that finished the segment). Times are written the
way .NET writes a TimeSpan: « hh:mm:ss.fffffff ».

`parse_lss(text)` → `LssRun` (game, category, attempt_count, attempts, segments) or
raises `LssError` with a French sentence; refuses DOCTYPE/ENTITY (no XML bombs) and
files bigger than `MAX_LSS_BYTES`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

GAME_NAME = "Tuto LLM"
LSS_VERSION = "1.7.0"
PB_NAME = "Personal Best"
MAX_LSS_BYTES = 5 * 1024 * 1024
_TIME_RE = re.compile(r"^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$")


class LssError(ValueError):
    """A .lss file that cannot be read; `str(error)` is French."""


def format_timespan(ms: int) -> str:
    """12 345 ms → « 00:00:12.3450000 » (days as « 1.00:00:00.0000000 »)."""
    ms = int(ms)
    sign = "-" if ms < 0 else ""
    seconds, rest = divmod(abs(ms), 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    head = f"{days}." if days else ""
    return f"{sign}{head}{hours:02d}:{minutes:02d}:{seconds:02d}.{rest:03d}0000"


def parse_timespan(text) -> int | None:
    """« 00:01:02.5000000 » → 62 500 ms; None for an empty or unreadable time."""
    match = _TIME_RE.match((text or "").strip())
    if not match:
        return None
    sign, days, hours, minutes, seconds, frac = match.groups()
    ms = ((int(days or 0) * 24 + int(hours)) * 60 + int(minutes)) * 60_000 + int(seconds) * 1000
    ms += int((frac or "0").ljust(7, "0")[:7]) // 10_000
    return -ms if sign else ms


def _lss_date(iso: str) -> str:
    """« 2026-12-01T20:55:24Z » → « 12/01/2026 20:55:24 » (LiveSplit's UTC format)."""
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})", iso or "")
    if not match:
        return ""
    year, month, day, clock = match.groups()
    return f"{month}/{day}/{year} {clock}"


def segment_names(category, levels) -> list[tuple[str, str]]:
    """[(level id, « Niveau 2 — Apprends de tes erreurs »)] for the category's levels."""
    by_id = {level.id: level for level in levels}
    return [(i, f"Niveau {by_id[i].numero} — {by_id[i].titre}") for i in category.level_ids(levels)]


def _times(parent, tag, pair, attrib=None):
    node = ET.SubElement(parent, tag, attrib or {})
    if pair is not None:
        ET.SubElement(node, "RealTime").text = format_timespan(pair[0])
        ET.SubElement(node, "GameTime").text = format_timespan(pair[1])
    return node


def export_lss(record, category, level_names, runner="") -> str:
    """The .lss text of one profile's category
    (`record`: `game.modes.course.speedrun.records.Record`).

    `level_names`: [(level id, segment name)] in the category's order."""
    root = ET.Element("Run", {"version": LSS_VERSION})
    ET.SubElement(root, "GameIcon")
    ET.SubElement(root, "GameName").text = GAME_NAME
    ET.SubElement(root, "CategoryName").text = category.name
    ET.SubElement(root, "LayoutPath")
    meta = ET.SubElement(root, "Metadata")
    ET.SubElement(meta, "Run", {"id": ""})
    ET.SubElement(meta, "Platform", {"usesEmulator": "False"}).text = "PC"
    ET.SubElement(meta, "Region")
    variables = ET.SubElement(meta, "Variables")
    if runner:
        ET.SubElement(variables, "Variable", {"name": "Coureur"}).text = runner
    ET.SubElement(root, "Offset").text = "00:00:00"
    ET.SubElement(root, "AttemptCount").text = str(record.attempts)
    history = ET.SubElement(root, "AttemptHistory")
    for attempt in record.history:
        _attempt(history, attempt)
    segments = ET.SubElement(root, "Segments")
    pb_splits = (record.pb or {}).get("splits", [])
    for index, (level_id, name) in enumerate(level_names):
        segment = ET.SubElement(segments, "Segment")
        ET.SubElement(segment, "Name").text = name
        ET.SubElement(segment, "Icon")
        split_times = ET.SubElement(segment, "SplitTimes")
        pb = pb_splits[index] if index < len(pb_splits) else None
        _times(split_times, "SplitTime", pb, {"name": PB_NAME})
        _times(segment, "BestSegmentTime", record.best_segments.get(level_id))
        seg_history = ET.SubElement(segment, "SegmentHistory")
        for attempt in record.history:
            times = attempt.get("segments") or []
            pair = times[index] if index < len(times) else None
            if isinstance(pair, list) and len(pair) == 2:
                _times(seg_history, "Time", pair, {"id": str(attempt.get("id", 0))})
    ET.SubElement(root, "AutoSplitterSettings")
    ET.indent(root, "  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _attempt(parent, attempt):
    attrib = {"id": str(attempt.get("id", 0))}
    started, ended = _lss_date(attempt.get("started", "")), _lss_date(attempt.get("ended", ""))
    if started:
        attrib.update(started=started, isStartedSynced="True")
    if ended:
        attrib.update(ended=ended, isEndedSynced="True")
    times = attempt.get("segments") or []
    total = None
    if attempt.get("finished") and times and all(isinstance(t, list) for t in times):
        total = [sum(t[0] for t in times), sum(t[1] for t in times)]
        end = _plus(attempt.get("started", ""), total[0])
        if end:  # the end stamp agrees with the real time the attempt claims
            attrib.update(ended=end, isEndedSynced="True")
    _times(parent, "Attempt", total, attrib)


def _plus(iso, ms):
    """The LiveSplit date `ms` after an ISO UTC stamp (« » when unreadable)."""
    import datetime

    try:
        start = datetime.datetime.strptime((iso or "")[:19], "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return ""
    return (start + datetime.timedelta(milliseconds=ms)).strftime("%m/%d/%Y %H:%M:%S")


@dataclass
class LssSegment:
    name: str
    pb: list | None = None  # cumulative [real ms, game ms]
    best: list | None = None  # [real ms, game ms]
    history: dict = field(default_factory=dict)  # attempt id → [real ms, game ms]


@dataclass
class LssRun:
    game: str
    category: str
    attempt_count: int
    attempts: list  # [{"id", "started", "ended", "real_ms", "game_ms"}]
    segments: list  # [LssSegment]


def _pair(node):
    if node is None:
        return None
    real, game = (
        parse_timespan(node.findtext("RealTime")),
        parse_timespan(node.findtext("GameTime")),
    )
    return None if real is None and game is None else [real, game]


def parse_lss(text) -> LssRun:
    """Reads a .lss text (see module doc); raises `LssError` (French) when it cannot."""
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig", errors="replace")
    if not isinstance(text, str) or len(text) > MAX_LSS_BYTES:
        raise LssError("fichier trop gros ou illisible pour être un fichier LiveSplit")
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise LssError("ce fichier LiveSplit contient des déclarations interdites")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else "?"
        raise LssError(f"ce n'est pas du XML valide (problème à la ligne {line})") from None
    if root.tag != "Run":
        raise LssError("ce n'est pas un fichier de temps LiveSplit (il manque <Run>)")
    count = root.findtext("AttemptCount") or "0"
    attempts = []
    for node in root.iterfind("AttemptHistory/Attempt"):
        pair = _pair(node) or [None, None]
        attempts.append(
            {
                "id": node.get("id"),
                "started": node.get("started"),
                "ended": node.get("ended"),
                "real_ms": pair[0],
                "game_ms": pair[1],
            }
        )
    segments = []
    for node in root.iterfind("Segments/Segment"):
        segment = LssSegment(node.findtext("Name") or "")
        for split in node.iterfind("SplitTimes/SplitTime"):
            if split.get("name") == PB_NAME:
                segment.pb = _pair(split)
        segment.best = _pair(node.find("BestSegmentTime"))
        for time_node in node.iterfind("SegmentHistory/Time"):
            segment.history[time_node.get("id")] = _pair(time_node)
        segments.append(segment)
    return LssRun(
        game=root.findtext("GameName") or "",
        category=root.findtext("CategoryName") or "",
        attempt_count=int(count) if count.strip().isdigit() else 0,
        attempts=attempts,
        segments=segments,
    )
