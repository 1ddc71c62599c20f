"""Users and roles with key slots of their own: a removed user loses access through the key
file, not just in the interface; every audit entry names the user; failed logins are logged
and slow down further attempts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from sro_case.accounts.vault import (
    MAX_DELAY_S,
    add_user_slot,
    attempts_path,
    change_passphrase,
    database_key,
    probe_key,
    remove_user_slot,
    verify_passphrase,
)
from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.errors import (
    DatabaseDamaged,
    NotFound,
    PermissionDenied,
    ValidationError,
    WrongPassphrase,
)
from sro_case.storage.keyfile import KeyFile
from sro_case.store import Store, unlock
from tests.conftest import FAST_KDF, PASSPHRASE

USERS = {
    "petra": ("Petra Lange", "caseworker", "Petra ihre Passphrase"),  # Fachkraft
    "moritz": ("Moritz Brandt", "facilitator", "Moritz moderiert gern"),  # Moderation
    "clara": ("Clara Otto", "controlling", "Clara zählt nur Zahlen"),  # Controlling
    "anke": ("Anke Wolff", "admin", "Anke administriert alles"),  # Admin
}


class Sleeps:
    """Records the delays unlock asks for instead of sleeping."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def _audit(store: Store) -> list[tuple[str, str, str, str]]:
    with store.read() as s:
        return [
            tuple(r)
            for r in s.execute(
                text("SELECT actor, action, entity, detail FROM audit_event ORDER BY seq")
            )
        ]


@pytest.fixture
def team(created, db_path: Path) -> Path:  # type: ignore[no-untyped-def]
    store = created.store
    for login, (name, role, secret) in USERS.items():
        store.users.add(m.UserDraft(login, name, role))
        add_user_slot(store, login, secret, kdf=FAST_KDF)
    store.close()
    return db_path


def test_each_role_signs_in_with_its_own_slot(team: Path, clock: FixedClock) -> None:
    assert sorted(KeyFile.load(KeyFile.path_for(team)).labels()) == sorted(["admin", *USERS])
    for login, (_name, role, secret) in USERS.items():
        with unlock(team, secret, clock=clock) as store:
            assert (store.actor, store.role) == (login, role)
    with unlock(team, USERS["clara"][2], clock=clock) as controlling:
        with pytest.raises(PermissionDenied):
            controlling.cases.get(1)
        with pytest.raises(PermissionDenied):
            add_user_slot(controlling, "petra", "eine neue Passphrase")


def test_every_audit_entry_names_the_user(team: Path, clock: FixedClock) -> None:
    with unlock(team, USERS["petra"][2], clock=clock) as store:
        case = store.cases.create(
            m.CaseDraft(
                "51.2-2026-000777",
                m.FamilyDraft("Familie Nowak", "toitenwinkel"),
                (m.PersonDraft("Ida", "Nowak", date(2016, 5, 5), "female", "child"),),
                opened_on=date(2026, 3, 1),
            )
        )
        store.cases.get(case.id)
    with unlock(team, PASSPHRASE, clock=clock) as admin:
        rows = _audit(admin)
    assert all(actor for actor, *_ in rows)
    assert [(a, act) for a, act, ent, _d in rows if ent == "case"] == [
        ("petra", "create"),
        ("petra", "read"),
    ]
    slot_events = [(a, act, d) for a, act, ent, d in rows if ent == "key_slot"]
    created = [(a, d) for a, act, d in slot_events if act == "create"]
    bound = [(a, d) for a, act, d in slot_events if act == "bind_key"]
    assert len(created) == 4 and all(a == "admin" for a, _ in created)
    assert any("petra" in d for _a, d in created)
    # each key is bound in the log: the admin's by the recovery key, the others by the admin
    assert ("wiederherstellung", "admin") in [(a, d.split()[2]) for a, d in bound]
    assert sorted(d.split()[2] for a, d in bound if a == "admin") == sorted(USERS)


def test_only_admins_manage_slots(team: Path, clock: FixedClock) -> None:
    key_file = KeyFile.path_for(team).read_bytes()
    for login in ("petra", "moritz", "clara"):
        with unlock(team, USERS[login][2], clock=clock) as store:
            with pytest.raises(PermissionDenied):
                add_user_slot(store, "petra", "ganz andere Passphrase")
            with pytest.raises(PermissionDenied):
                remove_user_slot(store, "anke")
    assert KeyFile.path_for(team).read_bytes() == key_file
    with unlock(team, USERS["anke"][2], clock=clock) as anke:  # a second admin may
        add_user_slot(anke, "petra", "Petra bekommt eine neue", kdf=FAST_KDF)
    unlock(team, "Petra bekommt eine neue", clock=clock).close()
    with pytest.raises(WrongPassphrase):
        unlock(team, USERS["petra"][2], user="petra", clock=clock)


def test_add_slot_checks_its_input(team: Path, clock: FixedClock) -> None:
    with unlock(team, PASSPHRASE, clock=clock) as admin:
        with pytest.raises(NotFound, match="zuerst an"):
            add_user_slot(admin, "niemand", "eine lange Passphrase")
        with pytest.raises(ValidationError, match="mindestens 10"):
            add_user_slot(admin, "petra", "kurz")
        remove_user_slot(admin, "petra")
        with pytest.raises(ValidationError, match="deaktiviert"):
            add_user_slot(admin, "petra", "eine lange Passphrase")
        with pytest.raises(NotFound):
            remove_user_slot(admin, "petra")


def test_removing_a_user_removes_the_slot_and_rotation_the_key(
    team: Path, clock: FixedClock
) -> None:
    petra = USERS["petra"][2]
    kept_copy = KeyFile.path_for(team).read_bytes()  # what Petra might have copied
    with unlock(team, PASSPHRASE, clock=clock) as admin:
        old_key = database_key(admin)
        assert remove_user_slot(admin, "petra") is True  # renewed with it
        assert database_key(admin) != old_key, "the open store works on with the new key"
        with admin.read() as s:
            active = s.execute(text("SELECT active FROM app_user WHERE login = 'petra'")).scalar()
        assert active == 0
        assert ("admin", "delete", "key_slot") in [r[:3] for r in _audit(admin)]
    assert "petra" not in KeyFile.load(KeyFile.path_for(team)).labels()
    with pytest.raises(WrongPassphrase):
        unlock(team, petra, clock=clock)
    # A copy of the old key file still yields the key Petra had, but removing her renewed the
    # database key at once: what she kept opens nothing.
    copy = team.with_name("kopie.keys")
    copy.write_bytes(kept_copy)
    stolen = KeyFile.load(copy).unlock(petra, label="petra")
    assert stolen == old_key and not probe_key(team, stolen)
    # Everyone else is still in, with their own passphrases and the same recovery key.
    for login in ("anke", "moritz", "clara"):
        unlock(team, USERS[login][2], user=login, clock=clock).close()
    # And a restored old key file holds only the dead key.
    KeyFile.path_for(team).write_bytes(kept_copy)
    with pytest.raises(DatabaseDamaged):
        unlock(team, petra, clock=clock)


def test_a_deactivated_user_with_a_lingering_slot_is_refused(team: Path, clock: FixedClock) -> None:
    kept = KeyFile.path_for(team).read_bytes()
    with unlock(team, PASSPHRASE, clock=clock) as admin:
        remove_user_slot(admin, "moritz")
    KeyFile.path_for(team).write_bytes(kept)  # e.g. an old key file put back by hand
    with pytest.raises(DatabaseDamaged):  # it holds only the database key before the removal
        unlock(team, USERS["moritz"][2], clock=clock)


def test_the_last_passphrase_slot_stays(created, db_path: Path, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="letzte"):
        remove_user_slot(created.store, "admin")


def test_failed_logins_are_logged_and_slow_down(team: Path, clock: FixedClock) -> None:
    sleeps = Sleeps()
    for _ in range(6):
        with pytest.raises(WrongPassphrase):
            unlock(team, "falsch geraten 123", user="petra", clock=clock, sleep=sleeps)
    with pytest.raises(WrongPassphrase):
        unlock(team, "ohne Anmeldenamen", clock=clock, sleep=sleeps)
    assert sleeps.calls == [1.0, 2.0, 4.0, 8.0], "no wait for the first three, then doubling"
    sidecar = json.loads(attempts_path(team).read_text(encoding="utf-8"))
    assert sidecar["consecutive"] == 7 and len(sidecar["unreported"]) == 7
    assert "falsch" not in attempts_path(team).read_text(encoding="utf-8"), "no secrets kept"
    clock.advance(seconds=5)  # waiting counts: 16 s due, 5 s passed
    with unlock(team, PASSPHRASE, clock=clock, sleep=sleeps) as admin:
        assert sleeps.calls[-1] == pytest.approx(11.0)
        failed = [r for r in _audit(admin) if r[1] == "login_failed"]
    assert [r[0] for r in failed] == ["petra"] * 6 + ["unbekannt"]
    assert all(r[2] == "session" and "Passphrase" in r[3] for r in failed)
    assert not attempts_path(team).exists(), "reported and reset"
    sleeps.calls.clear()
    with pytest.raises(WrongPassphrase):
        unlock(team, "wieder falsch 1234", clock=clock, sleep=sleeps)
    assert sleeps.calls == []


def test_the_delay_is_capped(team: Path, clock: FixedClock) -> None:
    sleeps = Sleeps()
    for _ in range(12):
        with pytest.raises(WrongPassphrase):
            unlock(team, "falsch geraten 123", clock=clock, sleep=sleeps)
    assert max(sleeps.calls) == MAX_DELAY_S == 30.0


def test_lock_screen_attempts_count_too(team: Path, clock: FixedClock) -> None:
    sleeps = Sleeps()
    with unlock(team, USERS["petra"][2], clock=clock) as store:
        for _ in range(4):
            with pytest.raises(WrongPassphrase):
                verify_passphrase(
                    team, "vertippt vertippt", user="petra", clock=clock, sleep=sleeps
                )
        assert sleeps.calls == [1.0]
        assert (
            verify_passphrase(
                team, USERS["petra"][2], user="petra", store=store, clock=clock, sleep=sleeps
            )
            == "petra"
        )
        assert [r[0] for r in _audit(store) if r[1] == "login_failed"] == ["petra"] * 4
    assert not attempts_path(team).exists()


def test_a_recovery_key_guess_is_logged_as_such(team: Path, clock: FixedClock) -> None:
    with pytest.raises(WrongPassphrase, match="Wiederherstellungsschlüssel"):
        unlock(team, recovery_key="AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", clock=clock)
    with unlock(team, PASSPHRASE, clock=clock) as admin:
        failed = [r for r in _audit(admin) if r[1] == "login_failed"]
    assert failed and "Wiederherstellungsschlüssel" in failed[0][3]


def test_passphrase_change_from_the_signed_in_client(team: Path, clock: FixedClock) -> None:
    """The client holds the writer lock; its own passphrase change goes through (the lock is
    re-entrant within the process), and the user's slot alone is rewrapped."""
    others = {s.label: s for s in KeyFile.load(KeyFile.path_for(team)).slots if s.label != "petra"}
    with unlock(team, USERS["petra"][2], clock=clock) as store:
        change_passphrase(
            store.path, USERS["petra"][2], "Petras zweite Passphrase", user=store.actor
        )
        assert store.cases.count() == 0  # the session goes on
    assert {
        s.label: s for s in KeyFile.load(KeyFile.path_for(team)).slots if s.label != "petra"
    } == others
    with unlock(team, "Petras zweite Passphrase", clock=clock) as store:
        assert store.actor == "petra"
    with pytest.raises(WrongPassphrase):
        unlock(team, USERS["petra"][2], user="petra", clock=clock)


def test_the_recovery_key_stays_admin_whatever_the_user_table_says(
    created, db_path: Path, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    """No user can take the recovery key's name: refused as a login, and a record left by an
    old import (which used to demote the recovery key to a caseworker) is ignored."""
    store = created.store
    with pytest.raises(ValidationError, match="Wiederherstellungsschlüssel vorbehalten"):
        store.users.add(m.UserDraft("Wiederherstellung", "Falsche Fachkraft"))
    with store.write() as s:  # what the old import wrote
        s.execute(
            text(
                "INSERT INTO app_user (login, name, role, active, created_at, sort_name) "
                "VALUES ('wiederherstellung', 'wiederherstellung', 'caseworker', 1, "
                "'2026-01-01 00:00:00', 'wiederherstellung')"
            )
        )
    store.close()
    with unlock(db_path, recovery_key=created.recovery_key, clock=clock) as again:
        assert again.role == "admin"
