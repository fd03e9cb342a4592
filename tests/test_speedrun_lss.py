"""LiveSplit: .lss export parsed back (round trip), the CLI, the server driver on 127.0.0.1."""

import socket
import threading
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.cli import main
from game.modes.course.speedrun import categories as cats
from game.modes.course.speedrun.livesplit import LiveSplitDriver, LiveSplitLink, game_time_text
from game.modes.course.speedrun.lss import (
    LssError,
    export_lss,
    format_timespan,
    parse_lss,
    parse_timespan,
)
from game.modes.course.speedrun.records import category_record, record_attempt
from game.modes.course.speedrun.solver import solve_run
from game.profiles import ProfileStore
from tests.speedrun_helpers import levels


@given(st.integers(0, 10 * 24 * 3600 * 1000))
def test_timespan_round_trip(ms):
    text = format_timespan(ms)
    assert parse_timespan(text) == ms
    assert len(text.split(".")[-1]) == 7


def test_timespan_format_like_dotnet():
    assert format_timespan(62_500) == "00:01:02.5000000"
    assert format_timespan(90_000_000) == "1.01:00:00.0000000"
    assert parse_timespan("") is None and parse_timespan("abc") is None


def _names(cat):
    return [(i, f"Niveau {i}") for i in cat.level_ids(levels())]


def test_export_parses_back_with_pb_gold_history():
    cat = cats.category("niveau-4")
    profile = ProfileStore().create("Noé")
    for pace in (1000, 800, 1200):
        record_attempt(profile, solve_run(cat, 7, levels(), pace))
    record = category_record(profile, cat.id)
    text = export_lss(record, cat, _names(cat), "Noé")
    root = ET.fromstring(text)  # well-formed XML
    assert root.tag == "Run" and root.get("version") == "1.7.0"
    assert [c.tag for c in root][:3] == ["GameIcon", "GameName", "CategoryName"]
    run = parse_lss(text)
    assert run.game == "Tuto LLM" and run.category == cat.name and run.attempt_count == 3
    assert [a["id"] for a in run.attempts] == ["1", "2", "3"]
    assert all(a["started"].count("/") == 2 and a["game_ms"] for a in run.attempts)
    (segment,) = run.segments
    assert segment.pb == record.pb["splits"][0]
    assert segment.best == record.best_segments["l4_attention"]
    assert segment.history["2"] == segment.pb  # the second attempt was the fastest
    assert set(segment.history) == {"1", "2", "3"}
    # each attempt ends as long after its start as the real time it claims (the solver's
    # simulated clock used to end them a second after they started)
    import datetime

    for attempt in run.attempts:
        start, end = (
            datetime.datetime.strptime(attempt[k], "%m/%d/%Y %H:%M:%S")
            for k in ("started", "ended")
        )
        assert abs((end - start).total_seconds() * 1000 - attempt["real_ms"]) < 1000


def test_cli_lss(tmp_path, capsys):
    out = tmp_path / "lina.lss"
    assert (
        main(
            [
                "course",
                "resoudre",
                "niveau-2",
                "--profil",
                "Lina",
                "--out",
                str(tmp_path / "c.json"),
                "--graine",
                "3",
            ]
        )
        == 0
    )
    assert (
        main(["club", "lss", "--profil", "lina", "--categorie", "niveau-2", "--out", str(out)]) == 0
    )
    run = parse_lss(out.read_text("utf-8"))
    assert run.attempt_count == 1 and run.segments[0].pb
    assert (
        main(["club", "lss", "--profil", "Personne", "--categorie", "niveau-2", "--out", str(out)])
        == 2
    )
    assert "Personne" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text", ["", "<Run", "<x/>", '<!DOCTYPE r [<!ENTITY a "b">]><Run/>', "\x00"]
)
def test_bad_lss_refused_in_french(text):
    with pytest.raises(LssError):
        parse_lss(text)


class FakeLiveSplit:
    """A LiveSplit.Server stand-in on 127.0.0.1: records the lines it receives."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.lines = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        conn, _ = self.server.accept()
        with conn:
            buffer = b""
            while chunk := conn.recv(4096):
                buffer += chunk
        self.lines = buffer.decode("ascii").split("\r\n")[:-1]

    def close(self):
        self.thread.join(timeout=5)
        self.server.close()


def test_driver_talks_to_a_fake_livesplit_server():
    server = FakeLiveSplit()
    link = LiveSplitLink(port=server.port)
    driver = LiveSplitDriver(link)
    driver.started()
    driver.busy(True)
    driver.busy(False)
    driver.paused()
    driver.resumed()
    driver.split(62_500)
    link.close()
    server.close()
    assert server.lines == [
        "reset",
        "starttimer",
        "setgametime 00:00:00.00",
        "pausegametime",
        "unpausegametime",
        "pause",
        "resume",
        "setgametime 00:01:02.50",
        "split",
    ]
    assert game_time_text(3_723_456) == "01:02:03.45"
    # only commands LiveSplit's own server knows (its CommandServer answers the others
    # « Invalid command »)
    known = {"reset", "starttimer", "setgametime", "pausegametime", "unpausegametime"}
    known |= {"pause", "resume", "split"}
    assert {line.split()[0] for line in server.lines} <= known


def test_no_livesplit_is_a_french_message_not_a_crash():
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    link = LiveSplitLink(port=port)
    assert link.send("split") is False
    assert "LiveSplit ne répond pas" in link.error
    assert link.send("split") is False  # stays off, no new wait


@given(st.text(max_size=300))
def test_any_text_is_parsed_or_refused_in_french(text):
    try:
        parse_lss("<Run>" + text)
    except LssError as error:
        assert str(error)


def test_four_level_category_round_trip():
    cat = cats.category("debut")
    profile = ProfileStore().create("Ana")
    first = solve_run(cat, 11, levels(), 1000)
    record_attempt(profile, first)
    quitter = solve_run(cat, 11, levels(), 900)
    quitter.splits, quitter.logs = quitter.splits[:2], quitter.logs[:2]  # reset after level 2
    record_attempt(profile, quitter)
    record = category_record(profile, cat.id)
    run = parse_lss(export_lss(record, cat, _names(cat)))
    assert [s.name for s in run.segments] == [n for _, n in _names(cat)]
    assert run.attempt_count == 2 and run.attempts[1]["game_ms"] is None  # not finished
    assert [len(s.history) for s in run.segments] == [2, 2, 1, 1]
    assert run.segments[3].pb == list(first.splits[3])
    assert run.segments[0].best == record.best_segments["l1_devine"]


def test_the_pypi_livesplit_parser_reads_our_splits(tmp_path):
    """`livesplit-parser` (PyPI, the `interop` extra, installed by .ci/run) reads an
    exported file of a category with several levels, and finds the times the attempts
    claim. (Version 0.3 itself cannot read a file with a single attempt or a single
    segment — xmltodict gives it one element instead of a list — whoever wrote it.)"""
    import warnings

    parser = pytest.importorskip("livesplit_parser")
    cat = cats.category("debut")
    profile = ProfileStore().create("Léa")
    for pace in (1000, 900):
        record_attempt(profile, solve_run(cat, 7, levels(), pace))
    record = category_record(profile, cat.id)
    path = tmp_path / "debut.lss"
    path.write_text(export_lss(record, cat, _names(cat), "Léa"), "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for key in ("RealTime", "GameTime"):
            data = parser.LivesplitData(str(path), key)
            frame = data.attempt_info_df
            assert len(frame) == 2 and all(frame["RunCompleted"])
    claimed = [sum(s[0] for s in a["segments"]) / 1000 for a in record.history]
    assert [round(s, 1) for s in frame["RealTime_Sec"]] == [round(c, 1) for c in claimed]
