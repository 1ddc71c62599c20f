"""Key slots: Argon2id + AES-GCM wrapping of the random database key."""

from __future__ import annotations

import json
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sro_case.errors import KeyFileDamaged, KeyFileMissing, ValidationError, WrongPassphrase
from sro_case.storage.keyfile import (
    DEFAULT_KDF,
    PASSPHRASE,
    RECOVERY,
    KeyFile,
    new_database_key,
    new_recovery_key,
    normalize_recovery_key,
)
from tests.conftest import FAST_KDF


def _keyfile(secret: str = "richtig-geheim-1") -> tuple[KeyFile, bytes]:
    key = new_database_key()
    kf = KeyFile("db-1", "00" * 16).with_slot(
        key, secret, kind=PASSPHRASE, label="anna", kdf=FAST_KDF
    )
    return kf, key


def test_slot_round_trip_and_wrong_passphrase() -> None:
    kf, key = _keyfile()
    assert kf.unlock("richtig-geheim-1") == key
    with pytest.raises(WrongPassphrase) as info:
        kf.unlock("richtig-geheim-2")
    assert "Passphrase ist falsch" in str(info.value)


def test_default_kdf_is_argon2id_of_about_half_a_second() -> None:
    """The shipped cost: 256 MiB memory. Printed, not asserted as a time (timing belongs to bench)."""
    assert DEFAULT_KDF.memory_kib >= 256 * 1024 and DEFAULT_KDF.time_cost >= 3
    key = new_database_key()
    start = time.perf_counter()
    kf = KeyFile("db", "").with_slot(key, "eine lange Passphrase", kind=PASSPHRASE, label="a")
    derive_s = time.perf_counter() - start
    assert kf.unlock("eine lange Passphrase") == key
    print(f"default Argon2id: {derive_s * 1000:.0f} ms")


@pytest.mark.parametrize(
    "secret",
    [
        "Grüße aus Rostock",
        'O\'Brien "Zitat" ; DROP TABLE',
        "🌼🔐 Kröpeliner Tor",
        "ßßßßßßßßßßß",
        "نص عربي طويل جدا",
    ],
)
def test_unusual_passphrases(secret: str) -> None:
    kf, key = _keyfile(secret)
    assert kf.unlock(secret) == key


def test_umlaut_composed_or_decomposed_opens_the_same_slot() -> None:
    composed = unicodedata.normalize("NFC", "Bärenstärke über alles")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    kf, key = _keyfile(composed)
    assert kf.unlock(decomposed) == key


def test_short_passphrase_refused() -> None:
    with pytest.raises(ValidationError, match="mindestens 10 Zeichen"):
        _keyfile("kurz")


def test_slot_is_bound_to_database_id_and_label(tmp_path) -> None:  # type: ignore[no-untyped-def]
    kf, _ = _keyfile()
    doc = json.loads(kf.to_bytes())
    doc["database_id"] = "another-db"
    path = tmp_path / "x.keys"
    path.write_text(json.dumps(doc))
    with pytest.raises(WrongPassphrase):
        KeyFile.load(path).unlock("richtig-geheim-1")


def test_save_load_and_damage(tmp_path) -> None:  # type: ignore[no-untyped-def]
    kf, key = _keyfile()
    path = tmp_path / "db.keys"
    kf.save(path)
    assert KeyFile.load(path).unlock("richtig-geheim-1") == key
    assert list(tmp_path.iterdir()) == [path]  # no temp file left behind
    with pytest.raises(KeyFileMissing, match="fehlt"):
        KeyFile.load(tmp_path / "missing.keys")
    path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(KeyFileDamaged, match="beschädigt"):
        KeyFile.load(path)
    path.write_bytes(b"\xff\xfe garbage")
    with pytest.raises(KeyFileDamaged):
        KeyFile.load(path)


def test_recovery_key_format_and_tolerant_input() -> None:
    key = new_database_key()
    recovery = new_recovery_key()
    assert len(recovery) == 29 and recovery.count("-") == 4
    kf = KeyFile("db", "").with_slot(
        key, recovery, kind=RECOVERY, label="wiederherstellung", kdf=FAST_KDF
    )
    typed = " " + recovery.lower().replace("-", " ") + " "
    assert kf.unlock(typed, kind=RECOVERY) == key
    with pytest.raises(WrongPassphrase, match="Wiederherstellungsschlüssel"):
        kf.unlock(new_recovery_key(), kind=RECOVERY)
    # A passphrase never opens the recovery slot and vice versa.
    with pytest.raises(WrongPassphrase):
        kf.unlock(recovery, kind=PASSPHRASE)


def test_rewrap_replaces_only_that_slot() -> None:
    kf, key = _keyfile()
    kf = kf.with_slot(key, "zweite-person-xy", kind=PASSPHRASE, label="ben", kdf=FAST_KDF)
    kf2 = kf.with_slot(key, "neues-geheimnis-1", kind=PASSPHRASE, label="anna", kdf=FAST_KDF)
    assert sorted(kf2.labels()) == ["anna", "ben"]
    assert kf2.unlock("neues-geheimnis-1") == key
    assert kf2.unlock("zweite-person-xy") == key
    with pytest.raises(WrongPassphrase):
        kf2.unlock("richtig-geheim-1")
    with pytest.raises(ValidationError):
        kf2.without_slot("anna").without_slot("ben")


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_recovery_normalisation_never_crashes(text: str) -> None:
    assert normalize_recovery_key(text).isalnum() or normalize_recovery_key(text) == ""
