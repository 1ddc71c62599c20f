"""Signing in to the team server: passphrases as Argon2id hashes, sessions as random tokens of
which only the SHA-256 is stored, with an idle and an absolute expiry; repeated failures lock
the account for a growing while; every sign-in, failure and lock-out is in the audit log."""

from __future__ import annotations

import hashlib
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from sro_case.clock import Clock
from sro_case.domain.messages import T
from sro_case.errors import PermissionDenied, WrongPassphrase
from sro_case.kernel import audit
from sro_case.server.database import system_session
from sro_case.storage.keyfile import check_passphrase
from sro_case.storage.orm import MetaRecord, ServerSessionRecord, UserRecord

IDLE = timedelta(minutes=30)
ABSOLUTE = timedelta(hours=12)
FREE_FAILURES = 3  # failed sign-ins before the account is locked for a while
MAX_LOCK = timedelta(minutes=15)
_SEEN_EVERY = timedelta(minutes=1)  # last use is written at most this often

HASHER = PasswordHasher()  # Argon2id, the library's (RFC 9106) defaults
# compared against when the login does not exist, so that a wrong login costs the same time
_ABSENT = HASHER.hash("kein Zugang – Zeitausgleich")


class SignInLocked(PermissionDenied):
    """Too many failed sign-ins: try again later."""


class SessionExpired(PermissionDenied):
    """The token is unknown, ended or expired: sign in again."""


@dataclass(frozen=True)
class Account:
    """A signed-in person as the server sees them."""

    id: int
    login: str
    name: str
    role: str
    discipline: str
    team: str


@dataclass(frozen=True)
class SignedIn:
    token: str  # shown once to the client, never stored
    account: Account
    expires_at: datetime


def hash_passphrase(passphrase: str) -> str:
    return HASHER.hash(passphrase)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _account(u: UserRecord) -> Account:
    return Account(u.id, u.login, u.name, u.role, u.discipline, u.team)


def _audit(s: Session, clock: Clock, actor: str, action: str, detail: str) -> None:
    audit.append(s, at=clock.now(), actor=actor, action=action, entity="session", detail=detail)


def _failed(s: Session, user: UserRecord | None, login: str, clock: Clock) -> None:
    """A wrong passphrase: counted, the account locked for a while after a few, audited."""
    if user is not None:
        user.failed_logins += 1
        over = user.failed_logins - FREE_FAILURES
        if over > 0:
            user.locked_until = clock.now() + min(MAX_LOCK, timedelta(seconds=15 * 2 ** (over - 1)))
    _audit(s, clock, login.strip()[:100] or "?", "login_failed", "Fehlgeschlagene Anmeldung")


def change_passphrase(engine: Engine, account: Account, old: str, new: str, clock: Clock) -> None:
    """The signed-in person's own passphrase: the old one again (a wrong one counts as a failed
    sign-in), the new one checked like every passphrase; audited."""
    check_passphrase(new, user_inputs=(account.login, account.name))
    with system_session(engine) as s:
        user = s.get(UserRecord, account.id, with_for_update=True)
        try:
            HASHER.verify((user.passphrase_hash if user else "") or _ABSENT, old)
            ok = user is not None and bool(user.passphrase_hash)
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok:
            _failed(s, user, account.login, clock)
        else:
            assert user is not None
            user.passphrase_hash = hash_passphrase(new)
            _audit(s, clock, account.login, "passphrase", "Passphrase geändert")
    if not ok:
        raise WrongPassphrase(T("Die bisherige Passphrase stimmt nicht."))


def sign_in(engine: Engine, login: str, passphrase: str, clock: Clock) -> SignedIn:
    """A new session, or ``WrongPassphrase`` / ``SignInLocked`` (both audited)."""
    now = clock.now()
    locked: datetime | None = None
    with system_session(engine) as s:  # the failure is recorded (committed) before it is raised
        user = s.execute(
            select(UserRecord).where(UserRecord.login == login.strip()).with_for_update()
        ).scalar_one_or_none()
        if user is not None and user.locked_until is not None and user.locked_until > now:
            _audit(s, clock, user.login, "login_refused", "Anmeldung gesperrt (Fehlversuche)")
            locked = user.locked_until
    if locked is not None:
        raise SignInLocked(
            T(
                "Zu viele fehlgeschlagene Anmeldungen. Versuchen Sie es ab {time} Uhr erneut.",
                time=locked.strftime("%H:%M"),
            )
        )
    with system_session(engine) as s:
        user = s.execute(
            select(UserRecord).where(UserRecord.login == login.strip()).with_for_update()
        ).scalar_one_or_none()
        stored = user.passphrase_hash if user is not None and user.active else ""
        try:
            HASHER.verify(stored or _ABSENT, passphrase)
            ok = bool(stored)
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok:
            _failed(s, user, login, clock)
    if not ok:
        raise WrongPassphrase(T("Anmeldename oder Passphrase stimmen nicht."))
    assert user is not None
    token = secrets.token_urlsafe(32)
    with system_session(engine) as s:
        s.execute(
            update(UserRecord)
            .where(UserRecord.id == user.id)
            .values(failed_logins=0, locked_until=None)
        )
        s.add(
            ServerSessionRecord(
                token_hash=token_hash(token), user_id=user.id, created_at=now, last_seen_at=now
            )
        )
        _audit(s, clock, user.login, "login", "Anmeldung am Teamserver")
        if HASHER.check_needs_rehash(user.passphrase_hash):
            s.execute(
                update(UserRecord)
                .where(UserRecord.id == user.id)
                .values(passphrase_hash=hash_passphrase(passphrase))
            )
    return SignedIn(token, _account(user), now + ABSOLUTE)


class _Recent:
    """Sessions this process checked within the last ``CHECKED_FOR`` (by the server's clock):
    a request then needs no sign-in transaction of its own. Signing out or removing an account
    in this process drops them at once; another worker process may accept a session for up
    to ``CHECKED_FOR`` seconds more (docs/SECURITY.md)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[str, tuple[Account, datetime]] = {}

    def get(self, digest: str, now: datetime) -> Account | None:
        with self._lock:
            found = self._seen.get(digest)
        if found is None or not timedelta(0) <= now - found[1] <= CHECKED_FOR:
            return None
        return found[0]

    def put(self, digest: str, account: Account, now: datetime) -> None:
        with self._lock:
            if len(self._seen) > 10_000:
                self._seen.clear()
            self._seen[digest] = (account, now)

    def forget(self, *, digest: str | None = None, user_id: int | None = None) -> None:
        with self._lock:
            for key, (account, _at) in list(self._seen.items()):
                if key == digest or account.id == user_id:
                    del self._seen[key]


CHECKED_FOR = timedelta(seconds=5)
RECENT = _Recent()


def authenticate(engine: Engine, token: str, clock: Clock, *, cached: bool = True) -> Account:
    """The account of a valid session; its last use noted. ``SessionExpired`` otherwise.
    ``cached``: a session this process checked moments ago counts without a transaction."""
    digest = token_hash(token)
    now = clock.now()
    if cached and (recent := RECENT.get(digest, now)) is not None:
        return recent
    with system_session(engine) as s:
        row = s.execute(
            select(ServerSessionRecord, UserRecord)
            .join(UserRecord, UserRecord.id == ServerSessionRecord.user_id)
            .where(ServerSessionRecord.token_hash == token_hash(token))
        ).first()
        account = None
        if row is not None:
            session, user = row
            if (
                session.ended_at is None
                and user.active
                and now - session.last_seen_at <= IDLE
                and now - session.created_at <= ABSOLUTE
            ):
                account = _account(user)
                if now - session.last_seen_at > _SEEN_EVERY:
                    session.last_seen_at = now
            elif session.ended_at is None:
                session.ended_at = now  # expired: ended for good (committed)
    if account is None:
        raise SessionExpired(T("Die Sitzung ist abgelaufen. Bitte melden Sie sich erneut an."))
    RECENT.put(digest, account, now)
    return account


def sign_out(engine: Engine, token: str, clock: Clock) -> None:
    RECENT.forget(digest=token_hash(token))
    with system_session(engine) as s:
        session = s.execute(
            select(ServerSessionRecord).where(ServerSessionRecord.token_hash == token_hash(token))
        ).scalar_one_or_none()
        if session is not None and session.ended_at is None:
            session.ended_at = clock.now()
            user = s.get(UserRecord, session.user_id)
            _audit(s, clock, user.login if user else "?", "logout", "Abmeldung vom Teamserver")


def journal_key(engine: Engine, account: Account) -> bytes:
    """The key of this person's journal of unsaved input on their PC (``kernel.journal``):
    derived from the server's journal secret (``meta``, made on first use) and the person, so
    that a journal left on a lost laptop is unreadable without signing in here."""
    import hashlib
    import hmac

    from sqlalchemy.dialects.postgresql import insert

    from sro_case.kernel.journal import new_key

    with system_session(engine) as s:
        s.execute(
            insert(MetaRecord)
            .values(key="journal_secret", value=new_key().hex())
            .on_conflict_do_nothing(index_elements=["key"])
        )
        secret = s.execute(
            select(MetaRecord.value).where(MetaRecord.key == "journal_secret")
        ).scalar_one()
    return hmac.new(
        bytes.fromhex(secret), f"journal:{account.id}:{account.login}".encode(), hashlib.sha256
    ).digest()
