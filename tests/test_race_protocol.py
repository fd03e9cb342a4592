"""The race room's message format and the host's room rules (no network here)."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.modes.salon.race import protocol
from game.modes.salon.race.clock import OffsetEstimate, sample
from game.modes.salon.race.discovery import resolve, room_code
from game.modes.salon.race.protocol import (
    CLIENT_TYPES,
    HOST_TYPES,
    ProtocolError,
    encode,
    parse_message,
)
from game.modes.salon.race.room import Room
from game.modes.salon.race.runfile import build_run_file, game_version, verify_run_file
from game.modes.salon.race.store import RaceStore
from levels.journal import FORMAT_JOURNAL

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
messages = st.dictionaries(
    st.sampled_from(
        ["type", "protocol", "name", "index", "level", "real_ms", "data", "count", "t0"]
    ),
    json_values | st.sampled_from(list(CLIENT_TYPES)),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | messages.map(lambda m: json.dumps(m).encode()))
def test_parser_never_raises_anything_but_a_refusal(line):
    for allowed in (CLIENT_TYPES, HOST_TYPES):
        try:
            message = parse_message(line, allowed)
        except ProtocolError as error:
            assert error.reason and isinstance(error.reason, str)
        else:
            assert message["type"] in allowed


def test_parser_refuses_unknown_types_garbage_and_huge_lines():
    for line, code in [
        (b'{"type": "exec", "code": "import os"}', "type"),
        (b"\xff\xfe garbage", "garbage"),
        (b"[1, 2]", "garbage"),
        (b"[" * 100_000, "size"),
        (b'{"type": "split", "index": 0, "level": "l1", "real_ms": NaN, "game_ms": 1}', "format"),
    ]:
        with pytest.raises(ProtocolError) as refused:
            parse_message(line, CLIENT_TYPES)
        assert refused.value.code == code


def test_messages_round_trip_and_drop_unknown_fields():
    line = encode("split", index=0, level="l1_devine", real_ms=1200, game_ms=1100, extra="x")
    assert parse_message(line.strip(), CLIENT_TYPES) == {
        "type": "split",
        "index": 0,
        "level": "l1_devine",
        "real_ms": 1200,
        "game_ms": 1100,
    }
    chunks = protocol.file_chunks(b"x" * (protocol.CHUNK_BYTES * 2 + 5))
    parsed = [parse_message(c, CLIENT_TYPES) for c in chunks]
    assert [p["count"] for p in parsed] == [3, 3, 3]
    assert b"".join(p["data"] for p in parsed) == b"x" * (protocol.CHUNK_BYTES * 2 + 5)


def test_clock_offset_keeps_the_fastest_ping():
    # B is 500 ms ahead of A; the slow ping (asymmetric) would mislead, the fast one does not.
    estimate = OffsetEstimate()
    estimate.add(0, 900, 900, 410)  # 400 ms out, 10 ms back: offset 690 (wrong), delay 410
    estimate.add(1000, 1505, 1505, 1010)  # 5 ms each way: offset 500, delay 10
    assert sample(1000, 1505, 1505, 1010) == (500, 10)
    assert estimate.offset == 500 and estimate.delay == 10


def test_room_codes_name_the_host():
    code = room_code("192.168.3.27", 47805)
    assert len(code.replace("-", "")) == 8
    assert resolve(code, own_ip="192.168.9.9") == ("192.168.3.27", 47805)
    assert resolve(code.lower(), own_ip="192.168.9.9") == ("192.168.3.27", 47805)
    # any school subnet: the runner's address shares nothing with the host's
    for ip in ("10.20.30.40", "172.16.5.9", "192.168.3.27"):
        for runner_ip in ("10.0.0.7", "192.168.1.2"):
            text = room_code(ip, 47815).replace("-", " ")
            assert resolve(text, own_ip=runner_ip) == (ip, 47815)
    assert resolve("10.0.0.5:47801") == ("10.0.0.5", 47801)
    with pytest.raises(ValueError, match="code"):
        resolve("n'importe quoi")


def _room():
    return Room("AB12", "debut", "Début", ("l1_devine", "l2_erreurs"), 1, "0.1.0")


def _hello(name, token="", version="0.1.0", proto=protocol.PROTOCOL):
    return {"protocol": proto, "game_version": version, "name": name, "token": token}


def test_same_first_name_gets_a_number_and_the_token_brings_you_back():
    room = _room()
    lina, rejoined = room.join(_hello("Lina"))
    assert (lina.name, rejoined) == ("Lina", False)
    other, _ = room.join(_hello("lina"))
    assert other.name == "lina 2"
    lina.connected = False
    back, rejoined = room.join(_hello("Lina", token=lina.token))
    assert back is lina and rejoined and back.connected


def test_wrong_version_and_bad_names_are_refused_in_french():
    room = _room()
    with pytest.raises(ProtocolError, match="version 0.1.0 du jeu") as refused:
        room.join(_hello("Lina", version="9.9"))
    assert refused.value.code == "version"
    with pytest.raises(ProtocolError, match="protocole"):
        room.join(_hello("Lina", proto=7))
    with pytest.raises(ProtocolError, match="Prénom"):
        room.join(_hello("<script>"))


def test_splits_in_order_and_a_late_split_is_only_declared():
    room = _room()
    runner, _ = room.join(_hello("Noé"))
    room.start(start_at=10_000)
    split = {"index": 0, "level": "l1_devine", "real_ms": 3000, "game_ms": 2900}
    assert room.record_split(runner, split, arrival=13_020).host_ms == 3020
    assert room.record_split(runner, split, arrival=13_500) is None  # a repeat
    with pytest.raises(ProtocolError):
        room.record_split(runner, {**split, "index": 1, "level": "l1_devine"}, 14_000)
    late = room.record_split(
        runner, {**split, "index": 1, "level": "l2_erreurs", "real_ms": 5000}, arrival=25_000
    )
    assert late.host_ms is None


def test_store_recovers_a_room_after_a_crash(tmp_path):
    room = _room()
    store = RaceStore(tmp_path / "salon.sqlite")
    store.save_room(room)
    runner, _ = room.join(_hello("Zoé"))
    store.save_runner(room, runner)
    room.start(start_at=0)
    store.save_room(room)
    split = room.record_split(
        runner, {"index": 0, "level": "l1_devine", "real_ms": 900, "game_ms": 800}, arrival=910
    )
    store.save_split(room, runner, 0, split)
    store.close()  # the host's game dies here
    again = RaceStore(tmp_path / "salon.sqlite").load_room("AB12")
    zoe = again.runners["zoé"]
    assert zoe.token == runner.token and not zoe.connected
    assert [(s.level, s.real_ms, s.host_ms) for s in zoe.splits] == [("l1_devine", 900, 910)]


def test_damaged_database_is_kept_aside(tmp_path):
    path = tmp_path / "salon.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    store = RaceStore(path)
    assert store.rooms() == []
    assert any(".abime-" in p.name for p in tmp_path.iterdir())


def _level2_log():
    """The solver's level-2 log at a human pace, and the moment its level ends."""
    from levels.l2_erreurs.logic import NIVEAU

    times, t = [], 0
    for i in range(len(NIVEAU.resoudre(1))):
        t += 400 + (i * 137) % 500  # an uneven, human pace
        times.append(t)
    actions = [[t, a] for t, a in zip(times, NIVEAU.resoudre(1), strict=True)]
    journal = {
        "format": FORMAT_JOURNAL,
        "jeu": "tuto-llm",
        "niveau": "l2_erreurs",
        "graine": 1,
        "actions": actions,
    }
    return journal, actions[-1][0] + 50


def test_run_file_of_another_seed_or_edited_is_refused():

    journal, end = _level2_log()
    version = game_version()
    data = build_run_file("niveau-2", 1, version, "Lina", [journal], [(end, end)])
    assert verify_run_file(data, "niveau-2", 1, version).valid
    assert "graine" in verify_run_file(data, "niveau-2", 2, version).reason
    assert not verify_run_file(data, "niveau-3", 1, version).valid
    edited = data.replace(b'"temps_reel_ms": %d' % end, b'"temps_reel_ms": 5')
    assert not verify_run_file(edited, "niveau-2", 1, version).valid
    assert "abîmé" in verify_run_file(b"\x00garbage", "niveau-2", 1, version).reason


def test_a_verified_race_run_goes_to_the_club_board(tmp_path):
    from game.modes.course.speedrun.board import Board
    from game.modes.salon.race.runfile import add_to_club_board

    journal, end = _level2_log()
    data = build_run_file("niveau-2", 1, game_version(), "Lina", [journal], [(end, end)])
    status = add_to_club_board(tmp_path / "salon", "K7Q2", "Lina", data, tmp_path / "club")
    assert status == "ajoutée"
    board = Board(tmp_path / "club")
    rows = board.leaderboard("niveau-2")
    board.close()
    assert [(r.runner, r.real_ms) for r in rows] == [("Lina", end)]
