"""ORM records of retention (migration 0005): the anonymised statistical record that a deleted
case leaves behind, and the configurable deletion periods.

The statistical record holds only what the controlling export counts: codes, event dates, the
age group at the start of a help (never the birth date), sex, costs and goal scores. It has no
names, no free text, no file number and no reference to the deleted case or family, so nothing
in it leads back to a person by itself. ``sro_case.storage.orm`` imports this module at its end,
so ``Base.metadata`` is complete for Alembic's comparison.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sro_case.storage.orm import Base, GoalReviewRecord, HelpRecord


class CaseStatisticRecord(Base):
    """One deleted case, reduced to the facts the statistics export needs."""

    __tablename__ = "case_statistic"
    id: Mapped[int] = mapped_column(primary_key=True)
    social_space_code: Mapped[str] = mapped_column(String(64))
    is_model_region: Mapped[bool] = mapped_column(Boolean)
    opened_on: Mapped[date] = mapped_column(Date)  # § 8a table counts cases opened in a period
    closed_quarter: Mapped[str | None] = mapped_column(String(7))  # "2031-Q2"
    end_reason: Mapped[str | None] = mapped_column(String(64))
    duration_class: Mapped[str | None] = mapped_column(String(16))  # of the case, opened → closed
    child_protection: Mapped[bool] = mapped_column(Boolean)
    outcome_8a: Mapped[str | None] = mapped_column(String(32))
    conference_count: Mapped[int] = mapped_column(Integer)
    retention_category: Mapped[str] = mapped_column(String(32))
    deleted_on: Mapped[date] = mapped_column(Date)
    helps: Mapped[list[HelpStatisticRecord]] = relationship(
        cascade="all, delete-orphan", order_by="HelpStatisticRecord.id"
    )
    conferences: Mapped[list[ConferenceStatisticRecord]] = relationship(
        cascade="all, delete-orphan", order_by="ConferenceStatisticRecord.id"
    )
    goals: Mapped[list[GoalStatisticRecord]] = relationship(
        cascade="all, delete-orphan", order_by="GoalStatisticRecord.id"
    )


class HelpStatisticRecord(Base):
    __tablename__ = "help_statistic"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_statistic_id: Mapped[int] = mapped_column(
        ForeignKey("case_statistic.id", ondelete="CASCADE"), index=True
    )
    help_type: Mapped[str] = mapped_column(String(16))
    start_on: Mapped[date] = mapped_column(Date)  # exact: the export's periods and pro-rata costs
    end_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(64))
    duration_class: Mapped[str | None] = mapped_column(String(16))
    monthly_cost_cents: Mapped[int | None] = mapped_column(Integer)
    age_group: Mapped[str] = mapped_column(String(16))  # at the start of the help
    sex: Mapped[str] = mapped_column(String(16))


class ConferenceStatisticRecord(Base):
    __tablename__ = "conference_statistic"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_statistic_id: Mapped[int] = mapped_column(
        ForeignKey("case_statistic.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))
    participant_count: Mapped[int] = mapped_column(Integer)
    discipline_counts: Mapped[str] = mapped_column(Text)  # "asd=1,familie=2", codes sorted


class GoalStatisticRecord(Base):
    __tablename__ = "goal_statistic"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_statistic_id: Mapped[int] = mapped_column(
        ForeignKey("case_statistic.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(32))
    reviews: Mapped[list[GoalReviewStatisticRecord]] = relationship(
        cascade="all, delete-orphan", order_by="GoalReviewStatisticRecord.id"
    )


class GoalReviewStatisticRecord(Base):
    __tablename__ = "goal_review_statistic"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_statistic_id: Mapped[int] = mapped_column(
        ForeignKey("goal_statistic.id", ondelete="CASCADE"), index=True
    )
    reviewed_on: Mapped[date] = mapped_column(Date)
    score: Mapped[int] = mapped_column(Integer)


class RetentionPeriodRecord(Base):
    """Years after closing, per category of case without a § 9b help; "standard" always exists."""

    __tablename__ = "retention_period"
    category: Mapped[str] = mapped_column(String(32), primary_key=True)
    years: Mapped[int] = mapped_column(Integer)


# Migration 0005 indexes two foreign keys of older tables so that deleting conferences and
# persons does not scan goal_review and help once per deleted row. Declared here so that orm.py
# stays untouched; moving them to ``index=True`` in orm.py keeps the same names.
Index("ix_goal_review_conference_id", GoalReviewRecord.conference_id)
Index("ix_help_person_id", HelpRecord.person_id)
