"""Issue #14, findings 1-4 and 6, tried as a colleague with a legitimate key slot would.

Each attack runs through ``tests.insider``: the key file, the attacker's own passphrase,
``argon2-cffi``, ``cryptography`` and ``sqlcipher3``, never the application's services. The
program (unlock, ``audit verify``, the CLI) is then asked what it makes of the result.
(Findings 5 and 7: tests/test_roles_cli.py; 8: tests/test_import_accounts.py; 9:
tests/test_passphrase.py; 10: tests/test_import_limits.py; 11: tests/test_keyfile.py.)
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from datetime import date
from pathlib import Path

import pytest
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sro_case import cli
from sro_case.accounts.keys import rotate_key
from sro_case.accounts.vault import add_user_slot, remove_user_slot
from sro_case.backups.service import BackupService
from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.errors import DatabaseDamaged, PermissionDenied, WrongPassphrase
from sro_case.store import create_database, unlock
from tests import insider
from tests.conftest import FAST_KDF, PASSPHRASE

SECRET = "Die Mutter erzählt im Vertrauen von den Schlägen ihres Partners"
USERS = {
    "petra": ("Petra Lange", "caseworker", "Petra ihre Passphrase"),
    "moritz": ("Moritz Brandt", "facilitator", "Moritz moderiert gern"),
    "clara": ("Clara Otto", "controlling", "Clara zählt nur Zahlen"),
}
RAW = serialization.Encoding.Raw
PUB = serialization.PublicFormat.Raw


def _pw(login: str) -> str:
    return PASSPHRASE if login == "admin" else USERS[login][2]


@pytest.fixture
def office(tmp_path: Path, clock: FixedClock) -> tuple[Path, str, int]:
    """Admin, Petra (Fachkraft), Moritz (Moderation), Clara (Controlling); Petra leads a case
    and wrote one ordinary and one entrusted note into it."""
    db = tmp_path / "amt" / "fallakten.db"
    created = create_database(db, PASSPHRASE, kdf=FAST_KDF, clock=clock)
    with created.store as admin:
        for login, (name, role, pw) in USERS.items():
            admin.users.add(m.UserDraft(login, name, role))
            add_user_slot(admin, login, pw, kdf=FAST_KDF)
    with unlock(db, _pw("petra"), user="petra", clock=clock) as petra:
        case = petra.cases.create(
            m.CaseDraft(
                "51.2-2026-000101",
                m.FamilyDraft("Familie Sommer", "toitenwinkel"),
                (
                    m.PersonDraft("Mia", "Sommer", date(2016, 4, 2), "female", "child"),
                    m.PersonDraft("Anna", "Sommer", date(1990, 1, 9), "female", "parent"),
                ),
                lead_worker="petra",
                opened_on=date(2026, 3, 1),
            )
        )
        petra.cases.add_note(
            case.id, m.NoteDraft(date(2026, 3, 2), "home_visit", "Ordentlicher Besuch", "Mutter")
        )
        petra.cases.add_note(
            case.id,
            m.NoteDraft(date(2026, 3, 3), "counselling", SECRET, "Mutter", entrusted=True),
        )
    return db, created.recovery_key, case.id


# -- finding 1: another slot holder reads § 65 entries ------------------------------------------


def _note_text(db: Path, me: insider.Me, key: bytes) -> list[str]:
    """Every entrusted note the insider can decrypt with their own private key."""
    conn = insider.connect(db, key)
    database_id = conn.execute("SELECT value FROM meta WHERE key = 'database_id'").fetchone()[0]
    found = []
    for note_id, sealed in conn.execute("SELECT id, sealed FROM case_note WHERE sealed != ''"):
        doc = json.loads(sealed)
        row = conn.execute(
            "SELECT sealed FROM note_key WHERE note_id = ? AND login = ?", (note_id, me.login)
        ).fetchone()
        if row is None:
            continue
        context = insider.canonical("sro-case-note-key", database_id, doc["uid"], me.login)
        content_key = insider.unseal(me, base64.b64decode(row[0]), context)
        raw = base64.b64decode(doc["text"])
        aad = insider.canonical("sro-case-note", database_id, doc["uid"], "text")
        found.append(AESGCM(content_key).decrypt(raw[:12], raw[12:], aad).decode())
    conn.close()
    return found


@pytest.mark.parametrize("login", ["clara", "moritz", "admin"])
def test_finding_1_another_slot_sees_only_ciphertext_of_an_entrusted_note(
    office: tuple[Path, str, int], login: str
) -> None:
    db, _recovery, _case = office
    key = insider.raw_database_key(db, login, _pw(login))
    conn = insider.connect(db, key)
    dump = insider.everything(conn)
    conn.close()
    assert "Familie Sommer" in dump, "the rest of the file is readable to every slot holder"
    assert "Ordentlicher Besuch" in dump
    assert SECRET not in dump and "Schlägen" not in dump
    assert _note_text(db, insider.my_keys(db, login, _pw(login)), key) == []
    # the author reads it, with the same tools
    assert _note_text(db, insider.my_keys(db, "petra", _pw("petra")), key) == [SECRET]


def test_finding_1_a_consent_releases_the_note_to_colleagues_with_case_access(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    db, _recovery, case_id = office
    with unlock(db, _pw("moritz"), user="moritz", clock=clock) as moritz:
        assert SECRET not in [n.text for n in moritz.cases.get(case_id).notes]
    with unlock(db, _pw("petra"), user="petra", clock=clock) as petra:
        mother = next(p for p in petra.cases.get(case_id).family.persons if p.role == "parent")
        petra.cases.add_consent(
            case_id,
            m.ConsentDraft(
                mother.id,
                ("asd", "schule"),
                date(2026, 3, 4),
                data_scope="Hilfeplanung",
                releases_entrusted=True,
            ),
        )
    with unlock(db, _pw("moritz"), user="moritz", clock=clock) as moritz:
        assert SECRET in [n.text for n in moritz.cases.get(case_id).notes]
    key = insider.raw_database_key(db, "moritz", _pw("moritz"))
    assert _note_text(db, insider.my_keys(db, "moritz", _pw("moritz")), key) == [SECRET]
    # Controlling has no case access: the release does not reach Clara
    assert _note_text(db, insider.my_keys(db, "clara", _pw("clara")), key) == []


# -- finding 2: a removed user's saved key ------------------------------------------------------


def test_finding_2_a_removed_users_saved_key_opens_nothing(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    db, recovery, case_id = office
    saved = insider.raw_database_key(db, "petra", _pw("petra"))  # kept before she leaves
    saved_key_file = insider.keyfile_of(db).read_bytes()
    assert insider.opens(db, saved)
    with unlock(db, PASSPHRASE, clock=clock) as admin:
        remove_user_slot(admin, "petra")
        admin.cases.add_note(
            case_id, m.NoteDraft(date(2026, 3, 5), "phone", "Nach dem Ausscheiden", "Schule")
        )
    assert not insider.opens(db, saved), "the removed user's saved raw key still opens the file"
    # her copy of the old key file yields the same dead key
    insider.keyfile_of(db.with_name("kopie.db")).write_bytes(saved_key_file)
    assert insider.raw_database_key(db.with_name("kopie.db"), "petra", _pw("petra")) == saved
    # everyone who stays, and the recovery key, open the live file without a new passphrase
    for login in ("admin", "moritz", "clara"):
        key = insider.raw_database_key(db, login, _pw(login))
        conn = insider.connect(db, key)
        texts = [r[0] for r in conn.execute("SELECT text FROM case_note")]
        conn.close()
        assert "Nach dem Ausscheiden" in texts
    with unlock(db, recovery_key=recovery, clock=clock) as store:
        assert store.role == "admin"


# -- finding 3: a hidden slot -------------------------------------------------------------------


def _hidden_slot(db: Path, key: bytes, passphrase: str, *, signer: Ed25519PrivateKey) -> None:
    """Petra's hidden admin slot "schatten": her own key pair, a binding signed with a key she
    has, the database key sealed to it, and a user record with role admin."""
    doc = insider.load(db)
    root = base64.b64decode(next(s for s in doc["slots"] if s["kind"] == "recovery")["sign_key"])
    sign = Ed25519PrivateKey.generate()
    slot, box = insider.forge_slot(
        doc,
        kind="passphrase",
        label="schatten",
        secret=passphrase,
        root=root,
        role="admin",
        binding_key=signer,
        sign=sign,
    )
    doc["slots"].append(slot)
    insider.add_wrap(doc, "passphrase", "schatten", box, key)
    insider.save(db, doc)
    conn = insider.connect(db, key)
    conn.execute(
        "INSERT INTO app_user (login, name, sort_name, role, active, created_at, sign_key) "
        "VALUES ('schatten', 'Schatten', 'schatten', 'admin', 1, '2026-03-01 00:00:00.000000', ?)",
        (slot["sign_key"],),
    )
    conn.close()


def test_finding_3_a_hidden_slot_is_refused_and_dies_with_the_removal(
    office: tuple[Path, str, int], clock: FixedClock, tmp_path: Path
) -> None:
    db, _recovery, _case = office
    key = insider.raw_database_key(db, "petra", _pw("petra"))
    petra = insider.my_keys(db, "petra", _pw("petra"))
    hidden = "Der geheime Zugang bleibt"
    _hidden_slot(db, key, hidden, signer=petra.sign)  # the best key she has
    with pytest.raises(PermissionDenied, match="bestätigt"):
        unlock(db, hidden, user="schatten", clock=clock)
    target = tmp_path / "abzug"
    os.environ["SRO_CASE_PASSPHRASE"] = hidden
    try:
        code = cli.main(["export-all", "--db", str(db), "--user", "schatten", "--out", str(target)])
    finally:
        del os.environ["SRO_CASE_PASSPHRASE"]
    assert code != 0 and not target.exists()
    # the admin removes Petra; the hidden slot gets no wrap of the new key
    with unlock(db, PASSPHRASE, clock=clock) as admin:
        remove_user_slot(admin, "petra")
    doc = insider.load(db)
    assert "schatten" not in [w["label"] for w in doc["wraps"]]
    assert "schatten" not in [s["label"] for s in doc["slots"]], "unbound slots are dropped"


def test_finding_3_a_version_1_slot_slipped_in_is_refused(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    """The old format: a slot wrapping the raw database key, no key pair, no binding."""
    db, _recovery, _case = office
    key = insider.raw_database_key(db, "clara", _pw("clara"))
    doc = insider.load(db)
    salt, nonce, slot_id = secrets.token_bytes(16), secrets.token_bytes(12), secrets.token_hex(8)
    kek = hash_secret_raw(
        b"Alter Zugang ohne Bindung",
        salt,
        time_cost=1,
        memory_cost=8192,
        parallelism=1,
        hash_len=32,
        type=Type.ID,
    )
    aad = json.dumps(
        ["sro-case-keyslot", 1, doc["database_id"], slot_id, "passphrase", "admin2"]
    ).encode()
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    doc["slots"].append(
        {
            "id": slot_id,
            "kind": "passphrase",
            "label": "admin2",
            "created": "",
            "kdf": {"name": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1},
            "salt": b64(salt),
            "nonce": b64(nonce),
            "ciphertext": b64(AESGCM(kek).encrypt(nonce, key, aad)),
        }
    )
    insider.save(db, doc)
    with pytest.raises(PermissionDenied, match="bestätigt"):
        unlock(db, "Alter Zugang ohne Bindung", user="admin2", clock=clock)


def test_finding_3_a_forged_role_in_the_user_table_changes_nothing(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    db, _recovery, _case = office
    key = insider.raw_database_key(db, "clara", _pw("clara"))
    conn = insider.connect(db, key)
    conn.execute("UPDATE app_user SET role = 'admin' WHERE login = 'clara'")
    conn.close()
    with unlock(db, _pw("clara"), user="clara", clock=clock) as store:
        assert store.role == "controlling", "the role comes from the signed binding"
    # nor does a binding she edits in the key file
    doc = insider.load(db)
    next(s for s in doc["slots"] if s["label"] == "clara")["role"] = "admin"
    insider.save(db, doc)
    with pytest.raises(PermissionDenied, match="bestätigt"):
        unlock(db, _pw("clara"), user="clara", clock=clock)


# -- finding 4: the audit log rewritten with the raw key ----------------------------------------


def _problems(db: Path, clock: FixedClock) -> tuple[str, ...]:
    with unlock(db, PASSPHRASE, clock=clock) as admin:
        report = admin.audit_log.verify()
        check = admin.maintenance.check()
    assert check.audit_ok == report.ok, "check and audit verify agree"
    return report.problems


def _rows(conn) -> list[tuple]:  # type: ignore[no-untyped-def]
    return conn.execute(
        "SELECT rowid, seq, actor, action, detail FROM audit_event ORDER BY seq"
    ).fetchall()


@pytest.mark.parametrize("attack", ["forge", "change", "delete", "reorder", "resign_all"])
def test_finding_4_rewritten_entries_are_detected(
    office: tuple[Path, str, int], clock: FixedClock, attack: str
) -> None:
    db, _recovery, _case = office
    assert _problems(db, clock) == ()
    key = insider.raw_database_key(db, "petra", _pw("petra"))
    me = insider.my_keys(db, "petra", _pw("petra"))
    conn = insider.connect(db, key)
    rows = _rows(conn)
    reads = [r for r in rows if r[3] == "read"]
    if attack == "forge":  # an entry in the admin's name
        conn.execute(
            "INSERT INTO audit_event (seq, at, actor, action, entity, detail, prev_hash, hash,"
            " signed_by, signature) VALUES (?, '2026-03-05 09:00:00.000000', 'admin', 'delete',"
            " 'case', 'Fall gelöscht', '', '', 'admin', '')",
            (len(rows) + 1,),
        )
        insider.rechain(conn, me)
    elif attack == "change":
        conn.execute("UPDATE audit_event SET detail = 'nichts' WHERE rowid = ?", (rows[3][0],))
        insider.rechain(conn, None)
    elif attack == "delete":  # Petra's reads of the case vanish
        for r in reads:
            conn.execute("DELETE FROM audit_event WHERE rowid = ?", (r[0],))
        insider.rechain(conn, me)
    elif attack == "reorder":
        a, b = rows[2], rows[5]
        conn.execute("UPDATE audit_event SET seq = -1 WHERE rowid = ?", (a[0],))
        conn.execute("UPDATE audit_event SET seq = ? WHERE rowid = ?", (a[1], b[0]))
        conn.execute("UPDATE audit_event SET seq = ? WHERE rowid = ?", (b[1], a[0]))
        insider.rechain(conn, None)
    else:  # every entry signed anew by Petra
        insider.rechain(conn, me)
    conn.close()
    problems = _problems(db, clock)
    assert problems, attack
    assert all(isinstance(p, str) and p for p in problems)


def test_finding_4_a_log_cut_back_is_noticed_by_the_anchors(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    db, _recovery, _case = office
    with unlock(db, PASSPHRASE, clock=clock) as admin:
        BackupService(admin).backup()  # the backup's key file carries the signed head
    key = insider.raw_database_key(db, "petra", _pw("petra"))
    conn = insider.connect(db, key)
    last = conn.execute("SELECT max(seq) FROM audit_event").fetchone()[0]
    conn.execute("DELETE FROM audit_event WHERE seq > ?", (last - 4,))
    insider.rechain(conn, None)
    conn.close()
    problems = _problems(db, clock)
    assert any("Schlüsseldatei" in p for p in problems), problems
    # she also removes the anchor from the key file: the backup still knows
    doc = insider.load(db)
    doc.pop("audit_anchor", None)
    insider.save(db, doc)
    problems = _problems(db, clock)
    assert any("Sicherung" in p for p in problems), problems


def test_finding_4_an_emptied_log_is_not_zero_entries(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    db, _recovery, _case = office
    key = insider.raw_database_key(db, "petra", _pw("petra"))
    conn = insider.connect(db, key)
    conn.execute("DELETE FROM audit_event")
    conn.execute("DELETE FROM meta WHERE key LIKE 'audit_head%'")
    conn.close()
    problems = _problems(db, clock)
    assert any("entfernt" in p for p in problems), problems


# -- finding 6: a rotation killed after the rekey -----------------------------------------------


class Crash(BaseException):
    pass


def test_finding_6_rotation_killed_after_the_rekey(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    db, recovery, _case = office

    def crash(step: str) -> None:
        if step == "rekeyed":
            raise Crash(step)

    with pytest.raises(Crash):
        rotate_key(db, PASSPHRASE, on_step=crash, clock=clock)
    # the recovery key never changes; it, and every user, open the rekeyed file
    with unlock(db, recovery_key=recovery, clock=clock) as store:
        with store.read() as s:
            from sqlalchemy import text

            last = s.execute(
                text("SELECT action, detail FROM audit_event ORDER BY seq DESC LIMIT 1")
            ).one()
        assert last.action == "rotate_key" and "unterbrochen" in last.detail
    for login in ("admin", "petra", "moritz", "clara"):
        unlock(db, _pw(login), user=login, clock=clock).close()
    with pytest.raises((WrongPassphrase, DatabaseDamaged)):
        unlock(db, "Falsche Passphrase 1234", user="petra", clock=clock)


def test_an_entrusted_note_from_before_the_key_hierarchy_is_sealed_at_the_next_sign_in(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    """A file from before 0010 kept entrusted notes in plain text: the first sign-in that
    knows the author's key seals them to the author."""
    db, _recovery, case_id = office
    key = insider.raw_database_key(db, "admin", PASSPHRASE)
    conn = insider.connect(db, key)
    conn.execute("DELETE FROM note_key")
    conn.execute(
        "UPDATE case_note SET sealed = '', text = ?, participants = 'Mutter' WHERE entrusted",
        (SECRET,),
    )
    conn.close()
    unlock(db, _pw("clara"), user="clara", clock=clock).close()  # any sign-in will do
    conn = insider.connect(db, key)
    assert SECRET not in insider.everything(conn)
    conn.close()
    with unlock(db, _pw("petra"), user="petra", clock=clock) as petra:
        assert SECRET in [n.text for n in petra.cases.get(case_id).notes]
    with unlock(db, PASSPHRASE, clock=clock) as admin:
        assert SECRET not in [n.text for n in admin.cases.get(case_id).notes]
        assert admin.audit_log.verify().ok


# -- what an independent review tried next (issue #14) ------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_a_slot_with_a_root_of_its_own_is_refused(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    """Clara makes a second recovery slot whose key pair is a root she generated, binds it
    herself and seals the database key to it: the file's one recovery key is another."""
    db, _recovery, _case = office
    key = insider.raw_database_key(db, "clara", _pw("clara"))
    doc = insider.load(db)
    fake_root = Ed25519PrivateKey.generate()
    secret = "ABCDE12345ABCDE12345ABCDE"
    slot, box = insider.forge_slot(
        doc,
        kind="recovery",
        label="notfall",
        secret=secret,
        root=fake_root.public_key().public_bytes(RAW, PUB),
        role="admin",
        binding_key=fake_root,
        sign=fake_root,
    )
    doc["slots"].append(slot)
    insider.add_wrap(doc, "recovery", "notfall", box, key)
    insider.save(db, doc)
    with pytest.raises(PermissionDenied, match="verändert"):
        unlock(db, recovery_key=secret, clock=clock)


def test_a_planted_consent_and_a_changed_role_release_nothing(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    """Clara (Controlling) inserts a consent releasing entrusted data and makes herself a
    caseworker in the user table; Petra opens her case as usual. No key reaches Clara or
    Moritz: the consent's recording is not signed by anyone with case access, and roles come
    from the signed bindings."""
    db, _recovery, case_id = office
    key = insider.raw_database_key(db, "clara", _pw("clara"))
    conn = insider.connect(db, key)
    person = conn.execute("SELECT id FROM person WHERE role = 'parent'").fetchone()[0]
    conn.execute(
        "INSERT INTO consent (case_id, person_id, disciplines, data_scope, releases_entrusted,"
        " given_on) VALUES (?, ?, 'asd', 'alles', 1, '2026-03-04')",
        (case_id, person),
    )
    conn.execute("UPDATE app_user SET role = 'caseworker' WHERE login = 'clara'")
    conn.close()
    with unlock(db, _pw("petra"), user="petra", clock=clock) as petra:
        petra.cases.get(case_id)
    for login in ("clara", "moritz"):
        assert _note_text(db, insider.my_keys(db, login, _pw(login)), key) == [], login
    with unlock(db, _pw("clara"), user="clara", clock=clock) as clara:
        assert clara.role == "controlling"


def test_stripping_every_signature_does_not_make_an_old_unsigned_log(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    db, _recovery, _case = office
    key = insider.raw_database_key(db, "petra", _pw("petra"))
    me = insider.my_keys(db, "petra", _pw("petra"))
    conn = insider.connect(db, key)
    conn.execute("UPDATE audit_event SET signed_by = '', signature = ''")
    conn.execute("UPDATE audit_event SET detail = 'nichts' WHERE seq = 3")
    insider.rechain(conn, None)
    seq, digest = conn.execute(
        "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    conn.close()
    doc = insider.load(db)  # and she anchors the new head with her own key
    message = insider.canonical(doc["database_id"], seq, digest)
    doc["audit_anchor"] = {
        "seq": seq,
        "hash": digest,
        "by": "petra",
        "signature": _b64(me.sign.sign(b"sro-case\x00audit-head\x00" + message)),
    }
    insider.save(db, doc)
    assert any("nicht signiert" in p for p in _problems(db, clock))


def test_a_failed_login_entry_cannot_carry_someone_elses_actions(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    db, _recovery, case_id = office
    key = insider.raw_database_key(db, "petra", _pw("petra"))
    me = insider.my_keys(db, "petra", _pw("petra"))
    conn = insider.connect(db, key)
    seq, prev = conn.execute(
        "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    row = {
        "at": "2026-11-25 10:00:00.000000",
        "actor": "admin",
        "action": "login_failed",
        "entity": "case",
        "entity_id": None,
        "case_id": case_id,
        "detail": "Admin hat den Fall exportiert und gelöscht",
    }
    digest = insider.event_hash(prev, seq + 1, row)
    conn.execute(
        "INSERT INTO audit_event (seq, at, actor, action, entity, entity_id, case_id, detail,"
        " prev_hash, hash, signed_by, signature) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            seq + 1,
            row["at"],
            "admin",
            "login_failed",
            "case",
            None,
            case_id,
            row["detail"],
            prev,
            digest,
            "petra",
            _b64(me.sign.sign(b"sro-case\x00audit\x00" + digest.encode())),
        ),
    )
    conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head_seq'", (str(seq + 1),))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head_hash'", (digest,))
    conn.close()
    assert any("von petra signiert" in p for p in _problems(db, clock))


def test_a_changed_role_in_the_table_neither_survives_a_reset_nor_blocks_a_removal(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    db, _recovery, _case = office
    key = insider.raw_database_key(db, "clara", _pw("clara"))
    conn = insider.connect(db, key)
    conn.execute(
        "UPDATE app_user SET role = CASE login WHEN 'clara' THEN 'admin' "
        "WHEN 'admin' THEN 'caseworker' ELSE role END"
    )
    conn.close()
    with unlock(db, PASSPHRASE, clock=clock) as admin:
        add_user_slot(admin, "clara", "Clara vergisst ihre Passphrase", kdf=FAST_KDF)
    with unlock(db, "Clara vergisst ihre Passphrase", user="clara", clock=clock) as clara:
        assert clara.role == "controlling" and clara.identity is not None
        assert clara.identity.authority is None
    with unlock(db, PASSPHRASE, clock=clock) as admin:
        remove_user_slot(admin, "clara")  # not "the last admin"


def test_a_removed_users_slot_put_back_gets_nothing_at_the_next_key_change(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    db, _recovery, _case = office
    petras = next(s for s in insider.load(db)["slots"] if s["label"] == "petra")
    with unlock(db, PASSPHRASE, clock=clock) as admin:
        remove_user_slot(admin, "petra")
    doc = insider.load(db)  # she still may write the folder: her old slot goes back in
    doc["slots"].append(petras)
    insider.save(db, doc)
    with unlock(db, PASSPHRASE, clock=clock) as admin:
        remove_user_slot(admin, "moritz")  # the next key change
    assert "petra" not in [w["label"] for w in insider.load(db)["wraps"]]
    with pytest.raises((WrongPassphrase, PermissionDenied)):
        unlock(db, _pw("petra"), user="petra", clock=clock)


def test_a_planted_value_in_a_sealed_note_is_no_traceback(
    office: tuple[Path, str, int], clock: FixedClock
) -> None:
    db, _recovery, case_id = office
    key = insider.raw_database_key(db, "clara", _pw("clara"))
    conn = insider.connect(db, key)
    conn.execute("UPDATE case_note SET sealed = ? WHERE entrusted", ("[" * 200_000,))
    conn.close()
    with unlock(db, _pw("petra"), user="petra", clock=clock) as petra:
        assert SECRET not in [n.text for n in petra.cases.get(case_id).notes]
