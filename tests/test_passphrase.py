"""Passphrase strength (issue #14, finding 9): one verdict, ``assess_passphrase``, decides for
every place that sets a passphrase (create, passwd, user add), with a German reason."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from sro_case import store as store_module
from sro_case.accounts import vault
from sro_case.domain import models as m
from sro_case.domain.passphrase import (
    MIN_PASSPHRASE_LENGTH,
    MIN_SCORE,
    assess_passphrase,
    passphrase_strength,
)
from sro_case.errors import ValidationError
from sro_case.storage.keyfile import PASSPHRASE, KeyFile, check_passphrase, new_database_key
from tests.conftest import FAST_KDF
from tests.conftest import PASSPHRASE as DB_PASSPHRASE

LOGIN = "m.mustermann"
NAME = "Maria Mustermann"
ADVICE = "Besser: vier oder mehr zufällig gewählte Wörter"

# The weak passphrases of the finding, and what the refusal must say about each.
WEAK = [
    ("1234567890", "Zahlenfolgen wie 1234567890 sind in Sekunden erraten."),
    ("passwort123", "Ein einzelnes Wort mit angehängten Ziffern oder Zeichen"),
    ("Rostock2026!", "Ein einzelnes Wort mit angehängten Ziffern oder Zeichen"),
    ("Sommer2025!!", "Ein einzelnes Wort mit angehängten Ziffern oder Zeichen"),
    ("qwertzuiop", "häufigsten Passwörter"),
    ("aaaaaaaaaaaa", "Wiederholungen"),
]

# Diceware-like: words drawn at random from a list; the seed keeps the test repeatable.
WORDS = [
    "Tafel",
    "Möwe",
    "Kompass",
    "Wolke",
    "Anker",
    "Birne",
    "Drossel",
    "Eimer",
    "Fähre",
    "Gurke",
    "Hafer",
    "Igel",
    "Jacke",
    "Kelle",
    "Lupe",
    "Mantel",
    "Nudel",
    "Otter",
    "Pinsel",
    "Quark",
    "Rinde",
    "Sattel",
    "Tonne",
    "Ulme",
    "Vase",
    "Walze",
    "Zange",
    "Brücke",
    "Kerze",
    "Leiter",
    "Schaufel",
    "Trommel",
    "Wiese",
    "Zwiebel",
    "Flöte",
    "Harke",
    "Knopf",
    "Lampe",
    "Nebel",
    "Schleuse",
]


def diceware(rng: random.Random, words: int = 5) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


@pytest.mark.parametrize(("passphrase", "reason"), WEAK)
def test_weak_passphrases_are_refused_with_a_german_reason(passphrase: str, reason: str) -> None:
    verdict = assess_passphrase(passphrase)
    assert not verdict.acceptable and verdict.score < MIN_SCORE
    assert reason in verdict.message and ADVICE in verdict.message
    with pytest.raises(ValidationError) as info:
        check_passphrase(passphrase)
    assert info.value.problems[0][0] == "Passphrase"
    assert reason in str(info.value) and ADVICE in str(info.value)


def test_the_login_itself_is_refused() -> None:
    for passphrase in (LOGIN, "M.Mustermann", "Mustermann Maria", "mariamustermann"):
        verdict = assess_passphrase(passphrase, (LOGIN, NAME))
        assert not verdict.acceptable, passphrase
        assert "enthält Ihren Anmeldenamen oder Namen" in verdict.message
    with pytest.raises(ValidationError, match="Anmeldenamen"):
        check_passphrase(LOGIN, user_inputs=(LOGIN,))
    # The key slot's label is the login: a slot for it refuses it without being told.
    with pytest.raises(ValidationError, match="Anmeldenamen"):
        KeyFile("db", "").with_slot(
            new_database_key(), LOGIN, kind=PASSPHRASE, label=LOGIN, kdf=FAST_KDF
        )


def test_a_strong_phrase_may_contain_the_name() -> None:
    assert assess_passphrase("Maria lacht über Kompass Wolke Anker", (LOGIN, NAME)).acceptable


def test_too_short_keeps_the_minimum_length() -> None:
    verdict = assess_passphrase("Xq7#pL2!")
    assert (verdict.score, verdict.acceptable) == (0, False)
    assert f"mindestens {MIN_PASSPHRASE_LENGTH} Zeichen" in verdict.message
    with pytest.raises(ValidationError, match="mindestens 10 Zeichen"):
        check_passphrase("kurz")


def test_diceware_phrases_are_accepted() -> None:
    rng = random.Random(14)
    for _ in range(50):
        phrase = diceware(rng)
        verdict = assess_passphrase(phrase, (LOGIN, NAME))
        assert verdict.acceptable and verdict.score >= MIN_SCORE, phrase
        assert verdict.message == ""
        check_passphrase(phrase, user_inputs=(LOGIN,))
    for phrase in (DB_PASSPHRASE, "korrekt Pferd Batterie Heftklammer", "ä" * 3 + " Öl Überzug"):
        assert assess_passphrase(phrase).acceptable, phrase


def test_very_long_and_unusual_passphrases_are_rated_quickly() -> None:
    import time

    start = time.perf_counter()
    assert assess_passphrase(diceware(random.Random(1), 200)).acceptable
    assert not assess_passphrase("1" * 10_000).acceptable
    assert not assess_passphrase("abc\x00defghijkl").acceptable
    assert time.perf_counter() - start < 2


def test_meter_score_is_the_verdict() -> None:
    """``passphrase_strength`` (the meters' function) gives the verdict's score: a refused
    passphrase never shows "gut", an accepted one always at least "gut"."""
    for passphrase, _reason in WEAK:
        score, hint = passphrase_strength(passphrase)
        assert score < MIN_SCORE and hint in ("zu kurz", "schwach", "mittel")
    score, hint = passphrase_strength(diceware(random.Random(3)))
    assert score >= MIN_SCORE and hint in ("gut", "sehr gut")
    assert passphrase_strength(LOGIN, (LOGIN,))[0] < MIN_SCORE


# --------------------------------------------------------------------------- every setter


def test_create_database_refuses_a_weak_passphrase(db_path, clock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="Zahlenfolgen"):
        store_module.create_database(db_path, "1234567890", kdf=FAST_KDF, clock=clock)
    with pytest.raises(ValidationError, match="Ein einzelnes Wort"):
        store_module.create_database(db_path, "administrator1", kdf=FAST_KDF, clock=clock)
    # The admin's login is the slot's label: refused when the slot is made, files removed.
    with pytest.raises(ValidationError, match="Anmeldenamen"):
        store_module.create_database(db_path, "Admin (Büro) 7", kdf=FAST_KDF, clock=clock)
    assert not db_path.exists() and not KeyFile.path_for(db_path).exists()


def test_passwd_and_user_slots_refuse_weak_passphrases(store, db_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="Ein einzelnes Wort"):
        vault.change_passphrase(db_path, DB_PASSPHRASE, "Rostock2026!", kdf=FAST_KDF)
    store.users.add(m.UserDraft(LOGIN, NAME, "caseworker"))
    with pytest.raises(ValidationError, match="Anmeldenamen"):
        vault.add_user_slot(store, LOGIN, LOGIN, kdf=FAST_KDF)
    with pytest.raises(ValidationError, match="Ein einzelnes Wort"):
        store.users.add_with_passphrase(
            m.UserDraft("petra", "Petra Lange", "caseworker"), "passwort123", kdf=FAST_KDF
        )
    assert "petra" not in {u.login for u in store.users.list()}
    assert KeyFile.load(KeyFile.path_for(db_path)).labels() == ["admin"]
    vault.verify_passphrase(db_path, DB_PASSPHRASE)  # nothing changed


def test_cli_passwd_refuses_a_weak_passphrase(created, db_path) -> None:  # type: ignore[no-untyped-def]
    created.store.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SRO_CASE")}
    env.update(SRO_CASE_PASSPHRASE=DB_PASSPHRASE, SRO_CASE_NEW_PASSPHRASE="1234567890")
    result = subprocess.run(
        [sys.executable, "-m", "sro_case", "passwd", "--db", str(db_path)],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == ValidationError.exit_code, result.stderr
    assert "Zahlenfolgen wie 1234567890 sind in Sekunden erraten." in result.stderr
    assert "Traceback" not in result.stderr
