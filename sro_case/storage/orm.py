"""SQLAlchemy 2 typed ORM records. The schema itself is created only by the Alembic revisions in db/.

Money is stored in euro cents (int), dates as ISO dates, enums as their English values.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from sro_case.domain.sorting import sort_name


class SortNameMixin:
    """Keeps ``sort_name`` (German order, see migration 0004) in step with the shown name."""

    _sorted_by = "name"

    @validates("name", "display_name")
    def _set_sort_name(self, key: str, value: str) -> str:
        if key == self._sorted_by:
            self.sort_name = sort_name(value or "")
        return value


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class MetaRecord(Base):
    """Key/value facts about the database itself (id, audit head)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SocialSpaceRecord(SortNameMixin, Base):
    __tablename__ = "social_space"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True, server_default="")
    district_group: Mapped[str] = mapped_column(String(100))
    is_model_region: Mapped[bool] = mapped_column(Boolean, default=False)


class UserRecord(SortNameMixin, Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True, server_default="")
    role: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # 0010: the public signing key (base64) bound to this login; a key slot whose key differs
    # is refused, and a key rotation seals the new database key only to registered keys
    sign_key: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # 0011, the team server (#17; empty in the encrypted file of a single PC): the discipline
    # (catalogue code) the consents release to, the team a Teamleitung sees, the sign-in
    discipline: Mapped[str] = mapped_column(String(64), default="", server_default="")
    team: Mapped[str] = mapped_column(String(100), default="", server_default="")
    passphrase_hash: Mapped[str] = mapped_column(Text, default="", server_default="")
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)


class FamilyRecord(SortNameMixin, Base):
    __tablename__ = "family"
    _sorted_by = "display_name"
    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True, server_default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    social_space_id: Mapped[int] = mapped_column(ForeignKey("social_space.id"))
    persons: Mapped[list[PersonRecord]] = relationship(
        back_populates="family", cascade="all, delete-orphan", order_by="PersonRecord.id"
    )


class PersonRecord(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    first_name: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(16))
    family: Mapped[FamilyRecord] = relationship(back_populates="persons")


class CaseRecord(Base):
    __tablename__ = "case_file"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_number: Mapped[str] = mapped_column(String(64), unique=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id"), index=True)
    lead_worker_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    social_space_id: Mapped[int] = mapped_column(ForeignKey("social_space.id"), index=True)
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(32), index=True)
    end_reason: Mapped[str | None] = mapped_column(String(64))
    reason_for_contact: Mapped[str] = mapped_column(Text, default="")
    focus_areas: Mapped[str] = mapped_column(Text, default="")  # comma-separated catalogue codes
    child_protection: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome_8a: Mapped[str | None] = mapped_column(String(32))
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    # Show initials instead of names on the conference screen and in protocols (the case's choice).
    pseudonymize: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    next_review: Mapped[date | None] = mapped_column(Date, index=True)
    # 0011: grows with every change of the case; a save over a newer version is refused (#17)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # Deadlines join every overdue step to its case: id with status and worker in an index
    # of their own spares reading 100,000 wide rows (migration 0006).
    __table_args__ = (Index("ix_case_file_id_status", "id", "status", "lead_worker_id"),)
    family: Mapped[FamilyRecord] = relationship()
    lead_worker: Mapped[UserRecord | None] = relationship()
    social_space: Mapped[SocialSpaceRecord] = relationship()
    consents: Mapped[list[ConsentRecord]] = relationship(cascade="all, delete-orphan")
    notes: Mapped[list[CaseNoteRecord]] = relationship(cascade="all, delete-orphan")
    helps: Mapped[list[HelpRecord]] = relationship(cascade="all, delete-orphan")
    conferences: Mapped[list[ConferenceRecord]] = relationship(cascade="all, delete-orphan")
    goals: Mapped[list[GoalRecord]] = relationship(cascade="all, delete-orphan")
    resources: Mapped[list[ResourceRecord]] = relationship(cascade="all, delete-orphan")
    status_changes: Mapped[list[StatusChangeRecord]] = relationship(cascade="all, delete-orphan")


class CaseTeamRecord(Base):
    """A colleague the lead worker added to a case (Fallteam, team server only)."""

    __tablename__ = "case_team"
    __table_args__ = (UniqueConstraint("case_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime] = mapped_column(DateTime)


class ServerSessionRecord(Base):
    """A sign-in on the team server: the SHA-256 of a random token, never the token."""

    __tablename__ = "server_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)


class StatusChangeRecord(Base):
    """The case workflow's history: every status change with its reason."""

    __tablename__ = "status_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    changed_on: Mapped[date] = mapped_column(Date)
    from_status: Mapped[str | None] = mapped_column(String(32))
    to_status: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(String(64))


class ConsentRecord(Base):
    __tablename__ = "consent"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    disciplines: Mapped[str] = mapped_column(Text)  # comma-separated discipline codes
    data_scope: Mapped[str] = mapped_column(Text, default="")
    releases_entrusted: Mapped[bool] = mapped_column(Boolean, default=False)
    given_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    revoked_on: Mapped[date | None] = mapped_column(Date)


class CaseNoteRecord(Base):
    __tablename__ = "case_note"
    __table_args__ = (
        Index(
            "ix_case_note_unsealed",
            "author_id",
            sqlite_where=text("entrusted = 1 AND sealed = ''"),
            postgresql_where=text("entrusted AND sealed = ''"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    occurred_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))
    participants: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    entrusted: Mapped[bool] = mapped_column(Boolean, default=False)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # § 65 (0010): an entrusted note's text and participants, sealed; the columns above are
    # then empty. "" for notes that are not entrusted (or not sealed yet).
    sealed: Mapped[str] = mapped_column(Text, default="", server_default="")
    # read with the case file (its name is shown); written through ``author_id``
    author: Mapped[UserRecord | None] = relationship(viewonly=True)


class NoteKeyRecord(Base):
    """The content key of an entrusted note, sealed to one reader's public key (0010)."""

    __tablename__ = "note_key"
    __table_args__ = (UniqueConstraint("note_id", "login"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("case_note.id", ondelete="CASCADE"))
    login: Mapped[str] = mapped_column(String(100))
    sealed: Mapped[str] = mapped_column(Text)


class HelpRecord(Base):
    __tablename__ = "help"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    help_type: Mapped[str] = mapped_column(String(16), index=True)
    provider: Mapped[str] = mapped_column(String(200), default="")
    start_on: Mapped[date] = mapped_column(Date, index=True)
    end_on: Mapped[date | None] = mapped_column(Date)
    hours_per_week: Mapped[int | None] = mapped_column(Integer)
    monthly_cost_cents: Mapped[int | None] = mapped_column(Integer)
    end_reason: Mapped[str | None] = mapped_column(String(64))


class ConferenceRecord(Base):
    __tablename__ = "conference"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))
    facilitator: Mapped[str] = mapped_column(String(200), default="")
    agenda: Mapped[str] = mapped_column(Text, default="")  # one item per line
    family_will: Mapped[str] = mapped_column(Text, default="")
    will_spoken_by: Mapped[str] = mapped_column(String(200), default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    next_review: Mapped[date | None] = mapped_column(Date)
    participants: Mapped[list[ParticipantRecord]] = relationship(
        cascade="all, delete-orphan", order_by="ParticipantRecord.id"
    )


class ParticipantRecord(Base):
    __tablename__ = "participant"
    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    discipline: Mapped[str] = mapped_column(String(32))
    # serves lookups by conference and, covering, the statistics' disciplines (migration 0006)
    __table_args__ = (Index("ix_participant_conference_discipline", "conference_id", "discipline"),)


class GoalRecord(Base):
    __tablename__ = "goal"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    conference_id: Mapped[int | None] = mapped_column(
        ForeignKey("conference.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    indicator: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    target_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(32))
    level_minus2: Mapped[str] = mapped_column(Text, default="")
    level_minus1: Mapped[str] = mapped_column(Text, default="")
    level_0: Mapped[str] = mapped_column(Text, default="")
    level_plus1: Mapped[str] = mapped_column(Text, default="")
    level_plus2: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_goal_id_case", "id", "case_id"),)  # narrow: see case_file
    reviews: Mapped[list[GoalReviewRecord]] = relationship(
        cascade="all, delete-orphan", order_by="GoalReviewRecord.reviewed_on"
    )
    steps: Mapped[list[ActionStepRecord]] = relationship(
        cascade="all, delete-orphan", order_by="ActionStepRecord.id"
    )


class GoalReviewRecord(Base):
    __tablename__ = "goal_review"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    conference_id: Mapped[int | None] = mapped_column(
        ForeignKey("conference.id", ondelete="SET NULL")
    )
    reviewed_on: Mapped[date] = mapped_column(Date)
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class ActionStepRecord(Base):
    __tablename__ = "action_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    who: Mapped[str] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    # the open steps by date, with their goal: the Fristen view reads nothing else
    __table_args__ = (
        Index(
            "ix_action_step_open_due",
            "due_on",
            "goal_id",
            sqlite_where=text("done = 0"),
            postgresql_where=text("NOT done"),
        ),
    )


class ResourceRecord(Base):
    __tablename__ = "resource"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)


class BudgetRecord(Base):
    __tablename__ = "budget"
    __table_args__ = (UniqueConstraint("social_space_id", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    social_space_id: Mapped[int] = mapped_column(ForeignKey("social_space.id"))
    year: Mapped[int] = mapped_column(Integer)
    # a Sozialraum's year passes 21 million euros (2**31 cents): 64 bits on the team server
    # (revision 0011); SQLite's INTEGER is 64 bits anyway
    amount_cents: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"))


class AuditEventRecord(Base):
    """Append-only and hash-chained: ``hash = H(prev_hash, canonical fields)``."""

    __tablename__ = "audit_event"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer, index=True)
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # 0010: the login whose key signed, and the Ed25519 signature of ``hash`` (base64)
    signed_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    signature: Mapped[str] = mapped_column(Text, default="", server_default="")


class StatisticsReleaseRecord(Base):
    """What one statistics export published (0009): period, threshold, file digest and, as
    JSON, the status and figure of every count cell (``sro_case.export.releases.Release``)."""

    __tablename__ = "statistics_release"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date, index=True)
    threshold: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)


# The retention tables (0005) belong to the same metadata; imported last to avoid a cycle.
from sro_case.storage import orm_retention  # noqa: E402,F401
