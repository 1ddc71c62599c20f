"""Key slots: Argon2id + AES-GCM wrapping of the random database key."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sro_case.errors import KeyFileDamaged, KeyFileMissing, ValidationError, WrongPassphrase
from sro_case.storage import keyfile as keyfile_module
from sro_case.storage.keyfile import (
    DEFAULT_KDF,
    MAX_MEMORY_KIB,
    PASSPHRASE,
    RECOVERY,
    KdfParams,
    KeyFile,
    new_database_key,
    new_recovery_key,
    normalize_recovery_key,
)
from tests.conftest import FAST_KDF
from tests.conftest import PASSPHRASE as DB_PASSPHRASE


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
        "ßßßßßßßßßßß Weißwurst Kloß",  # eleven ß alone is a repeat, refused as too weak
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


def test_weak_passphrase_refused_when_set_but_rewrapped_in_a_rotation() -> None:
    """``with_slot`` sets a passphrase and applies the strength rule (with the login);
    ``new_slot`` also rewraps kept passphrases in a key rotation, where a passphrase older
    than the rule must keep working, so it checks only the form."""
    key = new_database_key()
    kf = KeyFile("db", "")
    with pytest.raises(ValidationError, match="Zahlenfolgen"):
        kf.with_slot(key, "1234567890", kind=PASSPHRASE, label="anna", kdf=FAST_KDF)
    with pytest.raises(ValidationError, match="Anmeldenamen"):
        kf.with_slot(key, "anna.wolff!", kind=PASSPHRASE, label="anna.wolff", kdf=FAST_KDF)
    legacy = kf.new_slot(key, "1234567890", kind=PASSPHRASE, label="anna", kdf=FAST_KDF)
    assert KeyFile("db", "", (legacy,)).unlock("1234567890") == key
    with pytest.raises(ValidationError, match="mindestens 10 Zeichen"):
        kf.new_slot(key, "kurz", kind=PASSPHRASE, label="anna", kdf=FAST_KDF)


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


# --------------------------------------------------------------------------- damaged key files
# Every field of a key file is checked when it is read: a damaged or tampered file ends in
# KeyFileDamaged naming the field, never in a traceback, and never in an Argon2 call with the
# file's absurd costs (a huge memory_kib would be a denial of service).

Doc = dict[str, Any]


def _valid_doc() -> Doc:
    kf, key = _keyfile()
    kf = kf.with_slot(
        key, new_recovery_key(), kind=RECOVERY, label="wiederherstellung", kdf=FAST_KDF
    )
    pending = kf.new_slot(key, "richtig-geheim-1", kind=PASSPHRASE, label="anna", kdf=FAST_KDF)
    doc: Doc = json.loads(kf.with_pending((pending,)).to_bytes())
    return doc


def _set(path: str, value: object) -> Callable[[Doc], None]:
    """A change of one field, ``"slots.0.kdf.memory_kib"``; ``DELETE`` removes it."""

    def change(doc: Doc) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        key: Any = int(last) if isinstance(node, list) else last
        if value is DELETE:
            del node[key]
        else:
            node[key] = value

    return change


DELETE = object()


def _duplicate_id(doc: Doc) -> None:
    doc["slots"][1]["id"] = doc["slots"][0]["id"]


def _duplicate_owner(doc: Doc) -> None:
    doc["slots"].append(dict(doc["slots"][0], id="0123456789abcdef"))


MALFORMED_FIELDS: list[tuple[str, Callable[[Doc], None], str]] = [
    ("format", _set("format", "something-else"), "kein Schlüsseldatei-Format"),
    ("version missing", _set("version", DELETE), "„version“ fehlt"),
    ("version text", _set("version", "1"), "„version“ muss eine ganze Zahl sein"),
    ("version bool", _set("version", True), "„version“ muss eine ganze Zahl sein"),
    ("version 0", _set("version", 0), "„version“ muss zwischen 1 und"),
    ("version newer", _set("version", 3), "von einer neueren Programmversion"),
    ("database_id missing", _set("database_id", DELETE), "„database_id“ fehlt"),
    ("database_id number", _set("database_id", 7), "„database_id“ muss ein Text sein"),
    ("database_id empty", _set("database_id", ""), "„database_id“ muss 1 bis 100 Zeichen"),
    ("db_salt not hex", _set("db_salt", "zz" * 16), "„db_salt“ muss leer sein oder 32"),
    ("db_salt short", _set("db_salt", "00"), "„db_salt“ muss leer sein oder 32"),
    ("db_salt number", _set("db_salt", 5), "„db_salt“"),
    ("slots missing", _set("slots", DELETE), "„slots“ fehlt"),
    ("slots object", _set("slots", {"0": {}}), "„slots“ muss eine Liste sein"),
    ("slots empty", _set("slots", []), "keine Schlüsselplätze"),
    ("slot not object", _set("slots.0", "anna"), "„slots[0]“ muss ein JSON-Objekt sein"),
    ("slot id missing", _set("slots.0.id", DELETE), "„slots[0].id“ fehlt"),
    ("slot id number", _set("slots.0.id", 17), "„slots[0].id“ muss ein Text sein"),
    (
        "kind unknown",
        _set("slots.0.kind", "master"),
        "„slots[0].kind“ hat den unbekannten Wert „master“",
    ),
    ("kind list", _set("slots.0.kind", ["passphrase"]), "„slots[0].kind“ muss ein Text sein"),
    ("label number", _set("slots.0.label", 3), "„slots[0].label“ muss ein Text sein"),
    ("label empty", _set("slots.0.label", ""), "„slots[0].label“ muss 1 bis 200 Zeichen"),
    ("created number", _set("slots.0.created", 2026), "„slots[0].created“ muss ein Text sein"),
    ("kdf missing", _set("slots.0.kdf", DELETE), "„slots[0].kdf“ fehlt"),
    ("kdf text", _set("slots.0.kdf", "argon2id"), "„slots[0].kdf“ muss ein JSON-Objekt sein"),
    (
        "kdf name",
        _set("slots.0.kdf.name", "scrypt"),
        "„slots[0].kdf.name“ hat den unbekannten Wert „scrypt“",
    ),
    ("kdf name missing", _set("slots.0.kdf.name", DELETE), "„slots[0].kdf.name“ fehlt"),
    (
        "kdf extra",
        _set("slots.0.kdf.salt_len", 16),
        "„slots[0].kdf“ hat den unbekannten Eintrag „salt_len“",
    ),
    (
        "memory 0",
        _set("slots.0.kdf.memory_kib", 0),
        "„slots[0].kdf.memory_kib“ muss zwischen 8192 und",
    ),
    (
        "memory huge",
        _set("slots.0.kdf.memory_kib", 2**40),
        "„slots[0].kdf.memory_kib“ muss zwischen",
    ),
    (
        "memory negative",
        _set("slots.0.kdf.memory_kib", -1),
        "„slots[0].kdf.memory_kib“ muss zwischen",
    ),
    (
        "memory text",
        _set("slots.0.kdf.memory_kib", "65536"),
        "„slots[0].kdf.memory_kib“ muss eine ganze Zahl",
    ),
    (
        "memory float",
        _set("slots.0.kdf.memory_kib", 8192.5),
        "„slots[0].kdf.memory_kib“ muss eine ganze Zahl",
    ),
    (
        "memory null",
        _set("slots.0.kdf.memory_kib", None),
        "„slots[0].kdf.memory_kib“ muss eine ganze Zahl",
    ),
    ("memory missing", _set("slots.0.kdf.memory_kib", DELETE), "„slots[0].kdf.memory_kib“ fehlt"),
    (
        "time 0",
        _set("slots.0.kdf.time_cost", 0),
        "„slots[0].kdf.time_cost“ muss zwischen 1 und 32 liegen (steht: 0)",
    ),
    (
        "time huge",
        _set("slots.0.kdf.time_cost", 10**9),
        "„slots[0].kdf.time_cost“ muss zwischen 1 und 32",
    ),
    (
        "parallelism 0",
        _set("slots.0.kdf.parallelism", 0),
        "„slots[0].kdf.parallelism“ muss zwischen 1 und 16",
    ),
    (
        "parallelism huge",
        _set("slots.0.kdf.parallelism", 4096),
        "„slots[0].kdf.parallelism“ muss zwischen 1 und 16",
    ),
    (
        "too much work",
        lambda d: d["slots"][0]["kdf"].update(memory_kib=MAX_MEMORY_KIB, time_cost=32),
        "„slots[0].kdf“: 2097152 KiB × 32 Durchgänge sind zu viel Aufwand",
    ),
    ("salt number", _set("slots.0.salt", 12345), "„slots[0].salt“ muss ein Text sein"),
    ("salt not base64", _set("slots.0.salt", "!!!!"), "„slots[0].salt“ ist kein gültiges Base64"),
    ("salt non-ascii", _set("slots.0.salt", "äöü="), "„slots[0].salt“ ist kein gültiges Base64"),
    (
        "salt short",
        _set("slots.0.salt", base64.b64encode(b"abc").decode()),
        "„slots[0].salt“ muss 16 bis 64 Byte lang sein (steht: 3)",
    ),
    ("salt hex", _set("slots.0.salt", "00" * 16 + "x"), "„slots[0].salt“"),
    (
        "nonce long",
        _set("slots.0.nonce", base64.b64encode(bytes(16)).decode()),
        "„slots[0].nonce“ muss 12 Byte lang sein (steht: 16)",
    ),
    ("nonce missing", _set("slots.0.nonce", DELETE), "„slots[0].nonce“ fehlt"),
    (
        "ciphertext cut",
        _set("slots.0.ciphertext", base64.b64encode(bytes(40)).decode()),
        "„slots[0].ciphertext“ muss 48 Byte lang sein (steht: 40)",
    ),
    (
        "ciphertext null",
        _set("slots.0.ciphertext", None),
        "„slots[0].ciphertext“ muss ein Text sein",
    ),
    ("duplicate slot id", _duplicate_id, "„slots[1].id“: die Schlüsselplatz-Kennung"),
    (
        "two slots for one user",
        _duplicate_owner,
        "„slots[2].label“: für „anna“ gibt es schon einen Schlüsselplatz",
    ),
    ("pending not list", _set("pending_slots", "x"), "„pending_slots“ muss eine Liste sein"),
    (
        "pending memory",
        _set("pending_slots.0.kdf.memory_kib", 2**31),
        "„pending_slots[0].kdf.memory_kib“ muss zwischen",
    ),
    (
        "pending repeats an id",
        lambda d: d["pending_slots"].append(dict(d["pending_slots"][0])),
        "„pending_slots[1].id“: die Schlüsselplatz-Kennung",
    ),
]


MALFORMED_FILES: list[tuple[str, bytes, str]] = [
    ("empty", b"", "die Datei ist leer"),
    ("blank", b"  \n", "die Datei ist leer"),
    ("not utf-8", b"\xff\xfe{\x00", "keine UTF-8-Textdatei"),
    ("latin-1", '{"format": "Schlüssel"}'.encode("latin-1"), "keine UTF-8-Textdatei"),
    ("not json", b"format=sro-case-keyfile", "kein gültiges JSON in Zeile 1, Spalte 1"),
    ("list", b"[1, 2, 3]", "der Inhalt ist kein JSON-Objekt"),
    ("string", b'"sro-case-keyfile"', "der Inhalt ist kein JSON-Objekt"),
    ("null", b"null", "der Inhalt ist kein JSON-Objekt"),
    ("deeply nested", b"[" * 100_000, "kein gültiges JSON"),
]


def _damaged(tmp_path: Path, raw: bytes) -> KeyFileDamaged:
    path = tmp_path / "db.keys"
    path.write_bytes(raw)
    with pytest.raises(KeyFileDamaged) as info:
        KeyFile.load(path)
    return info.value


def test_valid_document_of_the_table_loads(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "db.keys"
    path.write_text(json.dumps(_valid_doc()))
    kf = KeyFile.load(path)
    assert len(kf.slots) == 2 and len(kf.pending) == 1
    assert kf.unlock("richtig-geheim-1")


@pytest.mark.parametrize(
    ("change", "expected"),
    [pytest.param(change, expected, id=name) for name, change, expected in MALFORMED_FIELDS],
)
def test_malformed_field_is_a_damaged_key_file(tmp_path, monkeypatch, change, expected) -> None:  # type: ignore[no-untyped-def]
    def no_argon2(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("Argon2 must not run on a damaged key file")

    doc = _valid_doc()
    change(doc)
    monkeypatch.setattr(keyfile_module, "hash_secret_raw", no_argon2)
    error = _damaged(tmp_path, json.dumps(doc).encode())
    message = str(error)
    assert message.startswith("Die Schlüsseldatei db.keys ist beschädigt und kann nicht gelesen")
    assert expected in message
    assert "Stellen Sie sie aus einer Sicherung wieder her." in message
    assert not isinstance(error, WrongPassphrase)
    assert error.__cause__ is None or isinstance(error.__cause__, (ValueError, TypeError))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [pytest.param(raw, expected, id=name) for name, raw, expected in MALFORMED_FILES],
)
def test_malformed_file_is_a_damaged_key_file(tmp_path, raw, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in str(_damaged(tmp_path, raw))


def test_every_truncation_is_a_damaged_key_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    raw = json.dumps(_valid_doc(), indent=2).encode()
    for end in range(0, len(raw) - 1, 7):
        assert "beschädigt" in str(_damaged(tmp_path, raw[:end]))
    assert "abgeschnitten" in str(_damaged(tmp_path, raw[: len(raw) // 2]))


def test_field_values_in_messages_are_short(tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = _valid_doc()
    doc["slots"][0]["kind"] = "x" * 10_000 + "\n" + "y"
    message = str(_damaged(tmp_path, json.dumps(doc).encode()))
    assert len(message) < 400 and "\n" not in message


def test_kdf_params_refuse_absurd_costs() -> None:
    """Also KdfParams built in code: no Argon2 call with costs that would hang the PC."""
    for costs in (
        {"memory_kib": 2**40},
        {"memory_kib": 0},
        {"time_cost": 0},
        {"parallelism": 0},
        {"time_cost": 32, "memory_kib": MAX_MEMORY_KIB},
    ):
        with pytest.raises(ValueError):
            KdfParams(**costs)  # type: ignore[arg-type]
    assert KdfParams() == DEFAULT_KDF


@pytest.fixture
def keyfile_of_db(created, db_path) -> Path:  # type: ignore[no-untyped-def]
    created.store.close()
    return KeyFile.path_for(db_path)


CLI_DAMAGES: list[tuple[str, Callable[[Doc], None], str]] = [
    ("memory huge", _set("slots.0.kdf.memory_kib", 2**40), "slots[0].kdf.memory_kib"),
    ("time 0", _set("slots.0.kdf.time_cost", 0), "slots[0].kdf.time_cost"),
    ("salt number", _set("slots.0.salt", 12345), "slots[0].salt"),
    ("slots missing", _set("slots", DELETE), "„slots“ fehlt"),
]


@pytest.mark.parametrize(
    ("change", "expected"),
    [pytest.param(change, expected, id=name) for name, change, expected in CLI_DAMAGES],
)
def test_cli_info_on_a_damaged_key_file(keyfile_of_db, db_path, change, expected) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(keyfile_of_db.read_text())
    change(doc)
    keyfile_of_db.write_text(json.dumps(doc))
    result = _cli("info", "--db", str(db_path))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "ist beschädigt" in result.stderr and expected in result.stderr


def test_cli_info_on_a_key_file_that_is_not_json(keyfile_of_db, db_path) -> None:  # type: ignore[no-untyped-def]
    keyfile_of_db.write_bytes(keyfile_of_db.read_bytes()[:100])
    result = _cli("info", "--db", str(db_path))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "abgeschnitten" in result.stderr


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SRO_CASE")}
    env["SRO_CASE_PASSPHRASE"] = DB_PASSPHRASE
    return subprocess.run(
        [sys.executable, "-m", "sro_case", *args],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


V2_MALFORMED = [
    ("box key too short", "slots.0.box_key", base64.b64encode(b"x" * 31).decode(), "box_key"),
    ("sign key not base64", "slots.0.sign_key", "nicht base64!", "sign_key"),
    ("unknown role", "slots.1.role", "chef", "role"),
    (
        "binding of the wrong size",
        "slots.0.binding",
        base64.b64encode(b"s" * 63).decode(),
        "binding",
    ),
    (
        "ciphertext of a version 1 slot",
        "slots.0.ciphertext",
        base64.b64encode(b"c" * 48).decode(),
        "ciphertext",
    ),
    ("wrap of the wrong size", "wraps.0.sealed", base64.b64encode(b"w" * 10).decode(), "sealed"),
    ("wrap of an unknown kind", "wraps.0.kind", "schlüssel", "kind"),
    ("wraps not a list", "wraps", {"a": 1}, "wraps"),
    ("anchor hash not hex", "audit_anchor.hash", "z" * 64, "audit_anchor.hash"),
    ("anchor seq negative", "audit_anchor.seq", -1, "audit_anchor.seq"),
    ("anchor signature missing", "audit_anchor.signature", DELETE, "audit_anchor.signature"),
]


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [pytest.param(path, value, field, id=name) for name, path, value, field in V2_MALFORMED],
)
def test_malformed_version_2_fields_are_a_damaged_key_file(  # type: ignore[no-untyped-def]
    tmp_path, created, db_path, path, value, field
) -> None:
    """The fields of the key hierarchy (public keys, bindings, wraps, the audit anchor) are
    checked like every other: a German message naming the field, never a traceback."""
    created.store.close()  # closing writes the signed audit anchor
    doc = json.loads(KeyFile.path_for(db_path).read_text(encoding="utf-8"))
    assert doc["version"] == 2 and "audit_anchor" in doc and doc["wraps"]
    _set(path, value)(doc)
    error = _damaged(tmp_path, json.dumps(doc).encode())
    assert field in str(error) and "beschädigt" in str(error)
