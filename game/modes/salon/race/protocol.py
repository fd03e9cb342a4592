"""The race room's message format (documented in docs/RACE_PROTOCOL.md).

One message = one JSON object on one line (UTF-8, ends with "\\n"), at most
`MAX_LINE` bytes. Every message has a "type"; `hello` and `welcome` carry the protocol
version. Each type has a fixed list of fields with a kind and bounds; unknown fields
are dropped, unknown types refused. Nothing in a message is ever run, unpickled or
used as a path: a run file travels as base64 chunks and is only handed to the verifier.

`parse_message(line, allowed)` returns a clean dict or raises `ProtocolError` (a
French reason and a short code) — never anything else, whatever the bytes.
"""

import base64
import binascii
import json
import unicodedata

PROTOCOL = 1
MAX_LINE = 64 * 1024  # bytes per message, newline included
CHUNK_BYTES = 32 * 1024  # raw bytes of a run file per `file` message (base64 ≈ 43 KiB)
MAX_RUN_FILE = 2 * 1024 * 1024  # a run file bigger than that is not one of ours
MAX_CHUNKS = MAX_RUN_FILE // CHUNK_BYTES
MAX_RUNNERS = 64
MAX_LEVELS = 20
MAX_MS = 24 * 3600 * 1000  # a day: no race lasts longer
MAX_CLOCK_MS = 2**53  # clocks are milliseconds since some origin
NAME_MAX = 24
TEXT_MAX = 300


class ProtocolError(Exception):
    """A message refused: `reason` is French for the person at the other computer."""

    def __init__(self, reason, code="format"):
        super().__init__(reason)
        self.reason = reason
        self.code = code


# --- field kinds: each checks one value and returns it clean, or raises ProtocolError ------


def _int(lo, hi):
    def check(name, value):
        if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
            raise ProtocolError(f"« {name} » doit être un nombre entier entre {lo} et {hi}.")
        return value

    return check


def _opt_int(lo, hi):
    inner = _int(lo, hi)
    return lambda name, value: None if value is None else inner(name, value)


def _text(max_len, allow_empty=True):
    def check(name, value):
        if not isinstance(value, str) or len(value) > max_len:
            raise ProtocolError(f"« {name} » doit être un texte de {max_len} caractères au plus.")
        if not allow_empty and not value.strip():
            raise ProtocolError(f"« {name} » est vide.")
        if any(unicodedata.category(c) == "Cc" for c in value):
            raise ProtocolError(f"« {name} » contient des caractères de contrôle.")
        return value

    return check


def _bool(name, value):
    if not isinstance(value, bool):
        raise ProtocolError(f"« {name} » doit être vrai ou faux.")
    return value


def _base64(name, value):
    if not isinstance(value, str) or len(value) > (CHUNK_BYTES * 4) // 3 + 4:
        raise ProtocolError(f"« {name} » est trop long.", "size")
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise ProtocolError(f"« {name} » n'est pas du base64.") from None


def _rows(schema, max_rows):
    def check(name, value):
        if not isinstance(value, list) or len(value) > max_rows:
            raise ProtocolError(f"« {name} » doit être une liste de {max_rows} lignes au plus.")
        return [_fields(row, schema, f"{name}[{i}]") for i, row in enumerate(value)]

    return check


def _fields(data, schema, where):
    if not isinstance(data, dict):
        raise ProtocolError(f"« {where} » doit être un objet.")
    clean = {}
    for name, (check, default) in schema.items():
        if name in data:
            clean[name] = check(name, data[name])
        elif default is REQUIRED:
            raise ProtocolError(f"il manque « {name} » dans « {where} ».")
        else:
            clean[name] = default
    return clean


REQUIRED = object()
_name = _text(NAME_MAX, allow_empty=False)
_ms = _int(0, MAX_MS)
_clock = _int(-MAX_CLOCK_MS, MAX_CLOCK_MS)

RUNNER_ROW = {
    "name": (_name, REQUIRED),
    "connected": (_bool, True),
    "levels": (_int(0, MAX_LEVELS), 0),
    "finished": (_bool, False),
}
STANDING_ROW = {
    "rank": (_opt_int(1, MAX_RUNNERS), None),
    "name": (_name, REQUIRED),
    "levels": (_int(0, MAX_LEVELS), 0),
    "time_ms": (_opt_int(0, MAX_MS), None),
    "kind": (_text(12), ""),  # "hote" (observed by the host), "declare", "" (not finished)
    "status": (_text(TEXT_MAX), ""),
    "remarks": (_text(TEXT_MAX), ""),  # the verifier's remarks (solver, metronome, pauses…)
}

# type → {field: (check, default or REQUIRED)}
CLIENT_TYPES = {
    "hello": {
        "protocol": (_int(0, 1000), REQUIRED),
        "game_version": (_text(32, allow_empty=False), REQUIRED),
        "name": (_text(NAME_MAX * 2, allow_empty=False), REQUIRED),
        "token": (_text(64), ""),
    },
    "ping": {"id": (_int(0, 2**31), REQUIRED), "t0": (_clock, REQUIRED)},
    "pong": {
        "id": (_int(0, 2**31), REQUIRED),
        "t0": (_clock, REQUIRED),
        "t1": (_clock, REQUIRED),
        "t2": (_clock, REQUIRED),
    },
    "split": {
        "index": (_int(0, MAX_LEVELS - 1), REQUIRED),
        "level": (_text(32, allow_empty=False), REQUIRED),
        "real_ms": (_ms, REQUIRED),
        "game_ms": (_ms, REQUIRED),
    },
    "file": {
        "index": (_int(0, MAX_CHUNKS - 1), REQUIRED),
        "count": (_int(1, MAX_CHUNKS), REQUIRED),
        "data": (_base64, REQUIRED),
    },
    "bye": {},
}
HOST_TYPES = {
    "welcome": {
        "protocol": (_int(0, 1000), REQUIRED),
        "name": (_name, REQUIRED),
        "token": (_text(64, allow_empty=False), REQUIRED),
        "code": (_text(16, allow_empty=False), REQUIRED),
        "category": (_text(40, allow_empty=False), REQUIRED),
        "seed": (_int(0, 2**63 - 1), REQUIRED),
        "game_version": (_text(32, allow_empty=False), REQUIRED),
        "state": (_text(16), "lobby"),
        "start_at": (_opt_int(-MAX_CLOCK_MS, MAX_CLOCK_MS), None),
        "splits_known": (_int(0, MAX_LEVELS), 0),
        "file_received": (_bool, False),
    },
    "refuse": {"reason": (_text(TEXT_MAX), REQUIRED), "code": (_text(16), "refus")},
    "notice": {"reason": (_text(TEXT_MAX), REQUIRED), "code": (_text(16), "")},
    "lobby": {"runners": (_rows(RUNNER_ROW, MAX_RUNNERS), REQUIRED), "state": (_text(16), "")},
    "countdown": {"start_at": (_clock, REQUIRED)},
    "ping": CLIENT_TYPES["ping"],
    "pong": CLIENT_TYPES["pong"],
    "ack": {"index": (_int(0, MAX_LEVELS - 1), REQUIRED)},
    "verdict": {
        "valid": (_bool, REQUIRED),
        "reason": (_text(TEXT_MAX), REQUIRED),
        "time_ms": (_opt_int(0, MAX_MS), None),
        "kind": (_text(12), ""),
        "remarks": (_text(TEXT_MAX), ""),
    },
    "standings": {"rows": (_rows(STANDING_ROW, MAX_RUNNERS), REQUIRED)},
}
ANNOUNCE = {
    "type": (_text(16), REQUIRED),
    "protocol": (_int(0, 1000), REQUIRED),
    "code": (_text(16, allow_empty=False), REQUIRED),
    "port": (_int(1, 65535), REQUIRED),
    "category": (_text(40, allow_empty=False), REQUIRED),
    "game_version": (_text(32), REQUIRED),
    "host": (_text(NAME_MAX), ""),
    "runners": (_int(0, MAX_RUNNERS), 0),
    "state": (_text(16), "lobby"),
}
MAX_ANNOUNCE = 1024


def decode_json(line, max_bytes=MAX_LINE):
    """Bytes → a JSON object (dict), or ProtocolError. The game's one bounded reader
    (`game.proofs.reader`): size, depth and numbers bounded, no NaN/Infinity, no key twice."""
    from game.proofs.reader import ReadError, parse_json

    if not isinstance(line, bytes | bytearray):
        raise ProtocolError("un message doit être des octets.")
    if len(line) > max_bytes:
        raise ProtocolError(f"message trop long (plus de {max_bytes} octets).", "size")
    try:
        data = parse_json(bytes(line), max_bytes)
    except ReadError as error:
        code = {"syntax": "garbage", "size": "size"}.get(error.kind, "format")
        raise ProtocolError(f"ce message est refusé : {error}.", code) from None
    if not isinstance(data, dict):
        raise ProtocolError("un message doit être un objet JSON.", "garbage")
    return data


def parse_message(line, allowed):
    """One line (bytes) → a clean message dict; `allowed` is CLIENT_TYPES or HOST_TYPES."""
    data = decode_json(line)
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in allowed:
        shown = kind if isinstance(kind, str) and len(kind) <= 20 else "?"
        raise ProtocolError(f"type de message inconnu (« {_printable(shown)} »).", "type")
    message = {"type": kind, **_fields(data, allowed[kind], kind)}
    if kind == "file" and message["index"] >= message["count"]:
        raise ProtocolError(
            f"morceau de fichier n° {message['index']} sur {message['count']} : "
            "les morceaux sont numérotés de 0 à leur nombre moins un."
        )
    return message


def _printable(text):
    return "".join(c if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF else "?" for c in text)


def parse_announce(payload):
    """One UDP announce (bytes) → a clean dict, or ProtocolError."""
    data = _fields(decode_json(payload, MAX_ANNOUNCE), ANNOUNCE, "annonce")
    if data["type"] != "announce":
        raise ProtocolError("ce n'est pas une annonce de salon.", "type")
    return data


def encode(kind, /, **fields):
    """A message as one line of bytes (compact JSON, UTF-8, ending with a newline)."""
    text = json.dumps({"type": kind, **fields}, ensure_ascii=False, allow_nan=False)
    line = text.encode("utf-8") + b"\n"
    if len(line) > MAX_LINE:
        raise ValueError(f"message {kind} trop long ({len(line)} octets)")
    return line


def file_chunks(data):
    """A run file (bytes) → the list of `file` messages that carry it."""
    if not data or len(data) > MAX_RUN_FILE:
        raise ValueError("fichier de course vide ou trop gros")
    pieces = [data[i : i + CHUNK_BYTES] for i in range(0, len(data), CHUNK_BYTES)]
    return [
        encode("file", index=i, count=len(pieces), data=base64.b64encode(p).decode("ascii"))
        for i, p in enumerate(pieces)
    ]
