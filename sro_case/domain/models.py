"""Plain frozen dataclasses that services take (``*Draft``) and return (views).

The UI and the CLI only ever see these, never ORM records or sessions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# --------------------------------------------------------------------------- drafts (input)


@dataclass(frozen=True)
class PersonDraft:
    first_name: str
    last_name: str
    birth_date: date | None = None
    sex: str = "unspecified"
    role: str = "child"


@dataclass(frozen=True)
class FamilyDraft:
    display_name: str
    social_space: str  # catalogue code
    street: str = ""
    postal_code: str = ""
    city: str = "Rostock"


@dataclass(frozen=True)
class CaseDraft:
    file_number: str
    family: FamilyDraft
    persons: tuple[PersonDraft, ...] = ()
    lead_worker: str | None = None  # user login
    opened_on: date | None = None  # default: today
    reason_for_contact: str = ""
    focus_areas: tuple[str, ...] = ()
    child_protection: bool = False
    next_review: date | None = None


@dataclass(frozen=True)
class CaseEdit:
    """Changes to a case's own fields; ``None`` keeps a field as it is."""

    reason_for_contact: str | None = None
    focus_areas: tuple[str, ...] | None = None
    child_protection: bool | None = None
    outcome_8a: str | None = None
    lead_worker: str | None = None
    next_review: date | None = None
    legal_hold: bool | None = None
    pseudonymize: bool | None = None


@dataclass(frozen=True)
class ConsentDraft:
    person_id: int
    disciplines: tuple[str, ...]
    given_on: date
    expires_on: date | None = None
    data_scope: str = ""
    releases_entrusted: bool = False


@dataclass(frozen=True)
class NoteDraft:
    occurred_on: date
    kind: str
    text: str
    participants: str = ""
    entrusted: bool = False


@dataclass(frozen=True)
class HelpDraft:
    help_type: str  # catalogue code
    start_on: date
    person_id: int | None = None
    provider: str = ""
    end_on: date | None = None
    hours_per_week: int | None = None
    monthly_cost_cents: int | None = None
    end_reason: str | None = None


@dataclass(frozen=True)
class StepDraft:
    who: str
    what: str
    due_on: date | None = None
    done: bool = False


@dataclass(frozen=True)
class GoalDraft:
    text: str
    indicator: str = ""
    owner: str = ""
    target_date: date | None = None
    levels: tuple[str, str, str, str, str] = ("", "", "", "", "")  # −2, −1, 0, +1, +2
    steps: tuple[StepDraft, ...] = ()


@dataclass(frozen=True)
class ParticipantDraft:
    name: str
    discipline: str
    organisation: str = ""


@dataclass(frozen=True)
class ResourceDraft:
    kind: str
    description: str


@dataclass(frozen=True)
class ConferenceDraft:
    held_on: date
    kind: str
    facilitator: str = ""
    participants: tuple[ParticipantDraft, ...] = ()
    agenda: tuple[str, ...] = ()
    family_will: str = ""
    will_spoken_by: str = ""
    resources: tuple[ResourceDraft, ...] = ()
    goals: tuple[GoalDraft, ...] = ()
    decisions: str = ""
    next_review: date | None = None


@dataclass(frozen=True)
class ReviewDraft:
    goal_id: int
    reviewed_on: date
    score: int
    comment: str = ""
    conference_id: int | None = None


@dataclass(frozen=True)
class UserDraft:
    login: str
    name: str
    role: str = "caseworker"
    discipline: str = ""  # code of the disciplines catalogue (the team server needs it)


# --------------------------------------------------------------------------- views (output)


@dataclass(frozen=True)
class SocialSpace:
    id: int
    code: str
    name: str
    district_group: str
    is_model_region: bool


@dataclass(frozen=True)
class User:
    id: int
    login: str
    name: str
    role: str
    active: bool


@dataclass(frozen=True)
class Person:
    id: int
    family_id: int
    first_name: str
    last_name: str
    birth_date: date | None
    sex: str
    role: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class Family:
    id: int
    display_name: str
    street: str
    postal_code: str
    city: str
    social_space: str
    persons: tuple[Person, ...] = ()


@dataclass(frozen=True)
class CaseSummary:
    id: int
    file_number: str
    family_name: str
    social_space: str  # name
    status: str  # code
    lead_worker: str  # name, "" if none
    opened_on: date
    closed_on: date | None
    next_review: date | None
    conference_count: int = 0
    goal_count: int = 0
    version: int = 0  # grows with every change of the case (a save over a newer one is refused)


@dataclass(frozen=True)
class Consent:
    id: int
    person_id: int
    disciplines: tuple[str, ...]
    data_scope: str
    releases_entrusted: bool
    given_on: date
    expires_on: date | None
    revoked_on: date | None

    def valid_on(self, day: date) -> bool:
        if self.given_on > day:
            return False
        if self.revoked_on is not None and self.revoked_on <= day:
            return False
        return self.expires_on is None or self.expires_on >= day


@dataclass(frozen=True)
class CaseNote:
    id: int
    occurred_on: date
    kind: str
    participants: str
    text: str
    entrusted: bool
    author: str


@dataclass(frozen=True)
class Help:
    id: int
    help_type: str
    person_id: int | None
    provider: str
    start_on: date
    end_on: date | None
    hours_per_week: int | None
    monthly_cost_cents: int | None
    end_reason: str | None


@dataclass(frozen=True)
class ActionStep:
    id: int
    who: str
    what: str
    due_on: date | None
    done: bool


@dataclass(frozen=True)
class GoalReview:
    id: int
    reviewed_on: date
    score: int
    comment: str
    conference_id: int | None


@dataclass(frozen=True)
class Goal:
    id: int
    conference_id: int | None
    text: str
    indicator: str
    owner: str
    target_date: date | None
    status: str
    levels: tuple[str, str, str, str, str]
    steps: tuple[ActionStep, ...] = ()
    reviews: tuple[GoalReview, ...] = ()


@dataclass(frozen=True)
class Participant:
    id: int
    name: str
    organisation: str
    discipline: str


@dataclass(frozen=True)
class Conference:
    id: int
    held_on: date
    kind: str
    facilitator: str
    agenda: tuple[str, ...]
    family_will: str
    will_spoken_by: str
    decisions: str
    next_review: date | None
    participants: tuple[Participant, ...] = ()


@dataclass(frozen=True)
class Resource:
    id: int
    kind: str
    description: str


@dataclass(frozen=True)
class StatusChange:
    changed_on: date
    from_status: str | None
    to_status: str
    reason: str | None


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    family: Family
    reason_for_contact: str
    focus_areas: tuple[str, ...]
    child_protection: bool
    outcome_8a: str | None
    legal_hold: bool
    end_reason: str | None
    pseudonymize: bool = False
    consents: tuple[Consent, ...] = ()
    notes: tuple[CaseNote, ...] = ()
    helps: tuple[Help, ...] = ()
    conferences: tuple[Conference, ...] = ()
    goals: tuple[Goal, ...] = ()
    resources: tuple[Resource, ...] = ()
    history: tuple[StatusChange, ...] = ()


@dataclass(frozen=True)
class Budget:
    social_space: str
    year: int
    amount_cents: int


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    case_id: int | None
    detail: str


@dataclass(frozen=True)
class DatabaseInfo:
    path: str
    revision: str | None
    head: str
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckReport:
    integrity: str
    cipher_integrity: tuple[str, ...]
    audit_ok: bool
    audit_problems: tuple[str, ...]
    audit_events: int
    statistics_problems: tuple[str, ...] = ()  # the statistics tally against the case files

    @property
    def ok(self) -> bool:
        return (
            self.integrity == "ok"
            and not self.cipher_integrity
            and self.audit_ok
            and not self.statistics_problems
        )


# -- what the case list and the audit view ask for and get (they cross the facade) --------
@dataclass(frozen=True)
class CaseFilter:
    search: str | None = None
    social_space: str | None = None  # code
    status: str | None = None
    worker: str | None = None  # login
    review_due: bool = False
    include_closed: bool = True


SORT_COLUMNS = ("file_number", "family", "social_space", "status", "worker", "next_review")


@dataclass(frozen=True)
class DuplicateCandidate:
    case: CaseSummary
    person: str
    birth_date: date | None
    reason: str  # German: why it may be the same person


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None  # login
    action: str | None = None


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    actor: str
    actor_name: str  # "" for logins without a user record (recovery key, failed logins)
    action: str
    entity: str
    entity_id: int | None
    case_id: int | None
    file_number: str | None  # None when the case was deleted (or the entry has no case)
    detail: str
    subject: str  # the login of the user an entry about a user is about, else ""


@dataclass(frozen=True)
class ChainReport:
    events: int
    problems: tuple[str, ...]  # German, one sentence each
    entries: tuple[int, ...] = ()  # sequence numbers the problems name, for the view to mark

    @property
    def ok(self) -> bool:
        return not self.problems


# -- a document of a case, read and ready to render (the render lane needs no database) -------
@dataclass(frozen=True)
class DocumentSource:
    """What a case document is rendered from: ``kind`` is ``protocol`` (of ``conference``) or
    ``help_plan``; read through the audited case read, rendered by
    ``sro_case.conferences.protocol.render_document`` anywhere, recorded by ``documents.record``."""

    kind: str
    case: CaseDetail
    conference: Conference | None
    initials: bool
    generated_on: date
    author: str


@dataclass(frozen=True)
class TeamMember:
    """A person of a case team on the team server (Fallteam); ``lead``: the lead worker."""

    login: str
    name: str
    discipline: str  # code of the disciplines catalogue
    lead: bool = False


@dataclass(frozen=True)
class CaseRelease:
    """What the signed-in person sees of a case on the team server, and why (need-to-know:
    the consents' release to their discipline). ``parts`` and ``withheld`` name the parts of a
    case file as the client shows them (``domain.need_to_know.PARTS``)."""

    full: bool
    cleared: bool
    parts: tuple[str, ...]
    withheld: tuple[str, ...]
    reason: str
    discipline: str = ""  # the viewer's (code of the disciplines catalogue)
