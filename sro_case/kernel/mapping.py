"""ORM record → frozen view. The only place that reads record attributes for the outside."""

from __future__ import annotations

from sro_case.domain import models as m
from sro_case.storage import orm


def person(r: orm.PersonRecord) -> m.Person:
    return m.Person(r.id, r.family_id, r.first_name, r.last_name, r.birth_date, r.sex, r.role)


def family(r: orm.FamilyRecord, space_code: str) -> m.Family:
    return m.Family(
        r.id,
        r.display_name,
        r.street,
        r.postal_code,
        r.city,
        space_code,
        tuple(person(p) for p in r.persons),
    )


def case_summary(r: orm.CaseRecord) -> m.CaseSummary:
    """The case's line of the case list, from a case read with its family, Sozialraum, lead
    worker, conferences and goals (``cases.reading``) – what ``CaseService``'s summary
    query computes for a list."""
    return m.CaseSummary(
        r.id,
        r.file_number,
        r.family.display_name,
        r.social_space.name,
        r.status,
        r.lead_worker.name if r.lead_worker else "",
        r.opened_on,
        r.closed_on,
        r.next_review,
        len(r.conferences),
        len(r.goals),
        r.version,
    )


def split_codes(text: str) -> tuple[str, ...]:
    return tuple(c for c in text.split(",") if c)


def consent(r: orm.ConsentRecord) -> m.Consent:
    return m.Consent(
        r.id,
        r.person_id,
        split_codes(r.disciplines),
        r.data_scope,
        r.releases_entrusted,
        r.given_on,
        r.expires_on,
        r.revoked_on,
    )


def note(
    r: orm.CaseNoteRecord, author: str, *, text: str | None = None, participants: str | None = None
) -> m.CaseNote:
    """``text`` and ``participants`` replace the columns for a sealed (§ 65) note."""
    return m.CaseNote(
        r.id,
        r.occurred_on,
        r.kind,
        r.participants if participants is None else participants,
        r.text if text is None else text,
        r.entrusted,
        author,
    )


def help_(r: orm.HelpRecord) -> m.Help:
    return m.Help(
        r.id,
        r.help_type,
        r.person_id,
        r.provider,
        r.start_on,
        r.end_on,
        r.hours_per_week,
        r.monthly_cost_cents,
        r.end_reason,
    )


def goal(r: orm.GoalRecord) -> m.Goal:
    return m.Goal(
        r.id,
        r.conference_id,
        r.text,
        r.indicator,
        r.owner,
        r.target_date,
        r.status,
        (r.level_minus2, r.level_minus1, r.level_0, r.level_plus1, r.level_plus2),
        tuple(m.ActionStep(s.id, s.who, s.what, s.due_on, s.done) for s in r.steps),
        tuple(
            m.GoalReview(v.id, v.reviewed_on, v.score, v.comment, v.conference_id)
            for v in r.reviews
        ),
    )


def conference(r: orm.ConferenceRecord) -> m.Conference:
    return m.Conference(
        r.id,
        r.held_on,
        r.kind,
        r.facilitator,
        tuple(line for line in r.agenda.split("\n") if line),
        r.family_will,
        r.will_spoken_by,
        r.decisions,
        r.next_review,
        tuple(m.Participant(p.id, p.name, p.organisation, p.discipline) for p in r.participants),
    )


def resource(r: orm.ResourceRecord) -> m.Resource:
    return m.Resource(r.id, r.kind, r.description)


def user(r: orm.UserRecord) -> m.User:
    return m.User(r.id, r.login, r.name, r.role, r.active)


def social_space(r: orm.SocialSpaceRecord) -> m.SocialSpace:
    return m.SocialSpace(r.id, r.code, r.name, r.district_group, r.is_model_region)
