"""Issue 22, property-based: generated hostile input (nesting, huge numbers, surrogates,
NaN, duplicate keys, random bytes) fed to the bounded reader, the journal validator, the
race protocol parser and the text sanitiser. Each answers with a French refusal or a
clean value — never an exception."""

import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.modes.salon.race import protocol
from game.proofs.reader import MAX_DEPTH, ReadError, parse_json
from game.ui.safe_text import MAX_LINE, safe_line, safe_text
from levels import registry
from levels.base import FORMAT_JOURNAL, rejouer

NIVEAUX = registry.par_id()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FRENCH_WORDS = ("fichier", "JSON", "nombre", "valeur", "clé", "caractères", "texte")

# --------------------------------------------------------------------------- hostile JSON

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=20,
)


@st.composite
def hostile_json(draw):
    """A JSON text with one hostile twist in a random place."""
    base = json.dumps(draw(values))
    twist = draw(
        st.sampled_from(
            ["deep", "dup", "nan", "inf", "digits", "float", "surrogate", "cut", "none"]
        )
    )
    n = draw(st.integers(min_value=1, max_value=3000))
    pieces = {
        "deep": "[" * n + base + "]" * n,
        "dup": f'{{"a": {base}, "b": 1, "a": 2}}',
        "nan": f"[{base}, NaN]",
        "inf": f'{{"x": -Infinity, "y": {base}}}',
        "digits": f"[{base}, {'9' * n}]",
        "float": f"[1.{'5' * (n % 60)}e{n}]",
        "surrogate": f'["\\ud{0x800 + n % 0x800:03x}", {base}]',
        "cut": base[: n % (len(base) + 1)],
        "none": base,
    }
    return pieces[twist]


def _french_refusal(error):
    text = str(error)
    assert text and any(word in text for word in FRENCH_WORDS), text
    assert "Error" not in text and "Traceback" not in text


@SETTINGS
@given(hostile_json())
def test_the_reader_refuses_in_french_or_reads(text):
    try:
        value = parse_json(text)
    except ReadError as error:
        _french_refusal(error)
        return
    json.dumps(value, allow_nan=False).encode("utf-8")  # clean: no NaN, no lone surrogate


@SETTINGS
@given(st.binary(max_size=2000))
def test_the_reader_on_random_bytes(raw):
    try:
        parse_json(raw)
    except ReadError as error:
        _french_refusal(error)


@SETTINGS
@given(st.integers(min_value=MAX_DEPTH + 1, max_value=200_000), st.sampled_from("[{"))
def test_any_depth_is_refused_without_recursion(depth, bracket):
    text = ("[" * depth) if bracket == "[" else ('{"a":' * depth)
    try:
        parse_json(text)
    except ReadError as error:
        assert "imbriqué" in str(error)
    else:
        raise AssertionError("a deep text was read")


# --------------------------------------------------------------------------- journals

action_values = st.one_of(
    scalars,
    st.floats(),  # NaN and infinities too (a level's own code path)
    st.lists(scalars, max_size=3),
    st.integers(min_value=-(10**60), max_value=10**60),
)


@st.composite
def hostile_journal(draw):
    level = draw(st.sampled_from(["l1_devine", "l2_erreurs", "l3_memoire", "l4_attention"]))
    niveau = NIVEAUX[level]
    kinds = list(niveau.types_d_action()) + ["inconnue"]
    fields = ["vitesse", "etapes", "x", "y", "lettre", "prenom", "poids", "sens", "numero",
              "choix", "question", "enigme", "tete", "carte", "axe", "valeur"]  # fmt: skip
    actions, t = [], 0
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        action = {"type": draw(st.sampled_from(kinds))}
        for field in draw(st.lists(st.sampled_from(fields), max_size=3)):
            action[field] = draw(action_values)
        t += draw(st.integers(min_value=-5, max_value=5000))
        actions.append([t, action])
    graine = draw(st.integers(min_value=0, max_value=2**63 - 1))
    return {"format": FORMAT_JOURNAL, "jeu": "tuto-llm", "niveau": level, "graine": graine,
            "actions": actions}  # fmt: skip


@SETTINGS
@given(hostile_journal())
def test_the_journal_validator_never_raises_and_says_which_action(journal):
    verdict = rejouer(journal, NIVEAUX)
    assert verdict.raison
    if "aucune commande du jeu" in verdict.raison:
        assert not verdict.valide and "action n° " in verdict.raison
    assert "Error" not in verdict.raison
    assert len(verdict.raison) < 600  # never a huge number or text quoted whole


@SETTINGS
@given(st.floats(min_value=0, max_value=10, allow_nan=False))
def test_a_place_off_the_grid_is_always_refused(x):
    on_grid = abs(x - round(x, 1)) <= 1e-10  # a grid place, give or take float noise
    action = {"type": "deplacer", "lettre": "e", "x": x, "y": 5.0}
    journal = {"format": FORMAT_JOURNAL, "jeu": "tuto-llm", "niveau": "l3_memoire", "graine": 1,
               "actions": [[1000, action]]}  # fmt: skip
    verdict = rejouer(journal, NIVEAUX)
    assert ("aucune commande du jeu" in verdict.raison) != on_grid


# --------------------------------------------------------------------------- race protocol


@st.composite
def hostile_message(draw):
    kind = draw(st.sampled_from([*protocol.CLIENT_TYPES, "??"]))
    message = {"type": kind}
    names = ["index", "count", "data", "name", "t0", "id", "protocol", "level", "real_ms"]
    for name in draw(st.lists(st.sampled_from(names), max_size=4)):
        message[name] = draw(action_values)
    text = json.dumps(message)
    if draw(st.booleans()):
        text = draw(hostile_json())
    return text.encode("utf-8", "surrogatepass")


@SETTINGS
@given(st.one_of(hostile_message(), st.binary(max_size=500)))
def test_the_race_parser_refuses_in_french_or_reads(line):
    try:
        message = protocol.parse_message(line, protocol.CLIENT_TYPES)
    except protocol.ProtocolError as error:
        assert error.reason and "Error" not in error.reason
        return
    assert message["type"] in protocol.CLIENT_TYPES
    if message["type"] == "file":
        assert 0 <= message["index"] < message["count"]


# --------------------------------------------------------------------------- text sanitiser

BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@SETTINGS
@given(
    st.one_of(
        st.text(st.characters(codec=None), max_size=3000),
        st.text(st.characters(categories=["Cs", "Cc", "Cf"]), max_size=200),
        st.binary(max_size=200),
        st.none(),
        st.integers(),
    ),
    st.integers(min_value=1, max_value=5000),
)
def test_the_sanitiser_gives_drawable_text(text, limit):
    clean = safe_text(text, limit)
    clean.encode("utf-8")  # no lone surrogate
    assert len(clean) <= limit
    assert not BIDI & set(clean)
    assert all(c == "\n" or unicodedata.category(c) != "Cc" for c in clean)
    line = safe_line(text)
    assert "\n" not in line and len(line) <= MAX_LINE
