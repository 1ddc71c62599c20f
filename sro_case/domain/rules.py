"""Domain rules for every draft: each ``check_*`` returns a cleaned copy or raises
ValidationError naming every field that failed (German field names, as the UI shows them)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import Enum

from sro_case.domain.catalogues import catalogue
from sro_case.domain.enums import GoalStatus, NoteKind, PersonRole, ResourceKind, Role, Sex
from sro_case.domain.messages import T
from sro_case.domain.models import (
    CaseDraft,
    CaseEdit,
    ConferenceDraft,
    ConsentDraft,
    FamilyDraft,
    GoalDraft,
    HelpDraft,
    NoteDraft,
    ParticipantDraft,
    PersonDraft,
    ResourceDraft,
    ReviewDraft,
    StepDraft,
    UserDraft,
)
from sro_case.domain.validation import NAME_MAX, SHORT_MAX, TEXT_MAX, Checker

FILE_NUMBER_MAX = 64
MAX_MONTHLY_COST_CENTS = 100_000_000  # 1 Mio. € im Monat: darüber ist es ein Tippfehler


def _values(enum: type[Enum]) -> set[str]:
    return {str(m.value) for m in enum}


def check_person(
    d: PersonDraft, today: date, c: Checker | None = None, prefix: str = ""
) -> PersonDraft:
    own = c is None
    c = (c or Checker()).within(prefix)
    first = c.text("Vorname", d.first_name, required=True)
    last = c.text("Familienname", d.last_name, required=True)
    birth = c.date("Geburtsdatum", d.birth_date, not_future=today)
    sex = c.choice("Geschlecht", d.sex, _values(Sex))
    role = c.choice("Rolle", d.role, _values(PersonRole))
    if own:
        c.done()
    return replace(
        d, first_name=first, last_name=last, birth_date=birth, sex=sex or "", role=role or ""
    )


def check_family(d: FamilyDraft, c: Checker) -> FamilyDraft:
    return replace(
        d,
        display_name=c.text("Familie", d.display_name, required=True),
        social_space=c.choice("Sozialraum", d.social_space, set(catalogue("social_spaces").codes()))
        or "",
        street=c.text("Straße", d.street),
        postal_code=c.text("PLZ", d.postal_code, max_len=10),
        city=c.text("Ort", d.city, max_len=100),
    )


def check_file_number(c: Checker, value: str) -> str:
    fn = c.text("Aktenzeichen", value, required=True, max_len=FILE_NUMBER_MAX)
    if fn and any(ch.isspace() and ch != " " for ch in fn):
        c.fail("Aktenzeichen", "darf keine Zeilenumbrüche oder Tabulatoren enthalten.")
    return fn


def check_case(d: CaseDraft, today: date) -> CaseDraft:
    c = Checker()
    fn = check_file_number(c, d.file_number)
    family = check_family(d.family, c)
    persons = tuple(
        check_person(p, today, c, prefix=T("Person {n}", n=i + 1)) for i, p in enumerate(d.persons)
    )
    opened = c.date("Fallbeginn", d.opened_on or today, not_future=today)
    reason = c.text("Anlass", d.reason_for_contact, max_len=TEXT_MAX, multiline=True)
    areas = tuple(
        a
        for a in d.focus_areas
        if c.choice("Schwerpunkt", a, set(catalogue("focus_areas").codes()))
    )
    review = c.date("Nächste Überprüfung", d.next_review)
    c.order("Nächste Überprüfung", opened, review, "dem Fallbeginn")
    worker = c.text("Fachkraft", d.lead_worker, max_len=100) or None
    c.done()
    return replace(
        d,
        file_number=fn,
        family=family,
        persons=persons,
        opened_on=opened,
        reason_for_contact=reason,
        focus_areas=areas,
        next_review=review,
        lead_worker=worker,
    )


def check_case_edit(d: CaseEdit) -> CaseEdit:
    c = Checker()
    reason = (
        c.text("Anlass", d.reason_for_contact, max_len=TEXT_MAX, multiline=True)
        if d.reason_for_contact is not None
        else None
    )
    if d.focus_areas is not None:
        for a in d.focus_areas:
            c.choice("Schwerpunkt", a, set(catalogue("focus_areas").codes()))
    if d.outcome_8a is not None:
        c.choice("Ergebnis § 8a", d.outcome_8a, set(catalogue("outcomes_8a").codes()))
    c.date("Nächste Überprüfung", d.next_review)
    c.done()
    return replace(d, reason_for_contact=reason)


def check_consent(d: ConsentDraft, today: date) -> ConsentDraft:
    c = Checker()
    allowed = set(catalogue("disciplines").codes())
    if not d.disciplines:
        c.fail("Empfänger", "Mindestens eine Disziplin muss ausgewählt werden.")
    for disc in d.disciplines:
        c.choice("Empfänger", disc, allowed)
    given = c.date("Erteilt am", d.given_on, required=True, not_future=today)
    expires = c.date("Gültig bis", d.expires_on)
    c.order("Gültig bis", given, expires, "der Erteilung")
    scope = c.text("Umfang", d.data_scope, max_len=SHORT_MAX * 4, multiline=True)
    c.done()
    return replace(d, data_scope=scope, disciplines=tuple(dict.fromkeys(d.disciplines)))


def check_note(d: NoteDraft, today: date) -> NoteDraft:
    c = Checker()
    occurred = c.date("Datum", d.occurred_on, required=True, not_future=today)
    kind = c.choice("Art", d.kind, _values(NoteKind))
    body = c.text("Text", d.text, required=True, max_len=TEXT_MAX, multiline=True)
    who = c.text("Beteiligte", d.participants, max_len=SHORT_MAX)
    c.done()
    return replace(d, occurred_on=occurred, kind=kind, text=body, participants=who)  # type: ignore[arg-type]


def check_help(d: HelpDraft) -> HelpDraft:
    c = Checker()
    kind = c.choice("Hilfeart", d.help_type, set(catalogue("help_types").codes()))
    start = c.date("Beginn", d.start_on, required=True)
    end = c.date("Ende", d.end_on)
    c.order("Ende", start, end, "dem Beginn")
    provider = c.text("Träger", d.provider)
    c.integer("Wochenstunden", d.hours_per_week, low=0, high=168)
    c.integer("Monatliche Kosten", d.monthly_cost_cents, low=0, high=MAX_MONTHLY_COST_CENTS)
    if d.end_reason is not None:
        c.choice("Beendigungsgrund", d.end_reason, set(catalogue("end_reasons").codes()))
    c.done()
    return replace(d, help_type=kind or "", provider=provider)


def check_step(d: StepDraft, c: Checker, prefix: str = "") -> StepDraft:
    c = c.within(prefix)
    return replace(
        d,
        who=c.text("Wer", d.who, required=True),
        what=c.text("Was", d.what, required=True, max_len=SHORT_MAX * 4, multiline=True),
        due_on=c.date("Bis wann", d.due_on),
    )


def check_goal(d: GoalDraft, c: Checker | None = None, prefix: str = "") -> GoalDraft:
    own = c is None
    c = (c or Checker()).within(prefix)
    text = c.text("Ziel", d.text, required=True, max_len=SHORT_MAX * 4, multiline=True)
    indicator = c.text("Indikator", d.indicator, max_len=SHORT_MAX * 4, multiline=True)
    owner = c.text("Verantwortlich", d.owner)
    target = c.date("Zieldatum", d.target_date)
    levels: tuple[str, str, str, str, str] = ("", "", "", "", "")
    if len(d.levels) != 5:
        c.fail("Zielerreichungsskala", "braucht genau fünf Stufen (−2 bis +2).")
    else:
        names = ("−2", "−1", "0", "+1", "+2")
        m2, m1, zero, p1, p2 = (
            c.text(T("Stufe {n}", n=n), lv, max_len=SHORT_MAX * 2, multiline=True)
            for n, lv in zip(names, d.levels, strict=True)
        )
        levels = (m2, m1, zero, p1, p2)
    steps = tuple(check_step(s, c, T("Schritt {n}", n=i + 1)) for i, s in enumerate(d.steps))
    if own:
        c.done()
    return replace(
        d,
        text=text,
        indicator=indicator,
        owner=owner,
        target_date=target,
        levels=levels,
        steps=steps,
    )


def check_participant(d: ParticipantDraft, c: Checker, prefix: str = "") -> ParticipantDraft:
    c = c.within(prefix)
    return replace(
        d,
        name=c.text("Name", d.name, required=True),
        organisation=c.text("Organisation", d.organisation),
        discipline=c.choice("Disziplin", d.discipline, set(catalogue("disciplines").codes())) or "",
    )


def check_resource(d: ResourceDraft, c: Checker | None = None, prefix: str = "") -> ResourceDraft:
    own = c is None
    c = (c or Checker()).within(prefix)
    kind = c.choice("Art der Ressource", d.kind, _values(ResourceKind)) or ""
    desc = c.text(
        "Beschreibung", d.description, required=True, max_len=SHORT_MAX * 4, multiline=True
    )
    if own:
        c.done()
    return replace(d, kind=kind, description=desc)


def check_conference(d: ConferenceDraft, today: date) -> ConferenceDraft:
    c = Checker()
    held = c.date("Datum", d.held_on, required=True)
    kind = c.choice("Art", d.kind, set(catalogue("conference_kinds").codes())) or ""
    facilitator = c.text("Moderation", d.facilitator)
    participants = tuple(
        check_participant(p, c, T("Teilnehmende {n}", n=i + 1))
        for i, p in enumerate(d.participants)
    )
    agenda = tuple(c.text("Tagesordnung", a, max_len=SHORT_MAX) for a in d.agenda)
    will = c.text("Wille der Familie", d.family_will, max_len=TEXT_MAX, multiline=True)
    spoken = c.text("Gesagt von", d.will_spoken_by)
    resources = tuple(
        check_resource(r, c, T("Ressource {n}", n=i + 1)) for i, r in enumerate(d.resources)
    )
    goals = tuple(check_goal(g, c, T("Ziel {n}", n=i + 1)) for i, g in enumerate(d.goals))
    decisions = c.text("Beschlüsse", d.decisions, max_len=TEXT_MAX, multiline=True)
    review = c.date("Nächste Überprüfung", d.next_review)
    c.order("Nächste Überprüfung", held, review, "der Konferenz")
    c.done()
    return replace(
        d,
        held_on=held,  # type: ignore[arg-type]
        kind=kind,
        facilitator=facilitator,
        participants=participants,
        agenda=tuple(a for a in agenda if a),
        family_will=will,
        will_spoken_by=spoken,
        resources=resources,
        goals=goals,
        decisions=decisions,
    )


def check_review(d: ReviewDraft, today: date) -> ReviewDraft:
    c = Checker()
    c.date("Datum", d.reviewed_on, required=True, not_future=today)
    c.integer("Zielerreichung", d.score, low=-2, high=2, required=True)
    comment = c.text("Kommentar", d.comment, max_len=TEXT_MAX, multiline=True)
    c.done()
    return replace(d, comment=comment)


def check_goal_status(status: str) -> str:
    c = Checker()
    c.choice("Status", status, _values(GoalStatus))
    c.done()
    return status


DEFAULT_KEEP = 14  # backups kept by default (the newest ones)
RECOVERY_LOGIN = "wiederherstellung"  # the name the recovery key acts under: no user's login


def check_user(d: UserDraft) -> UserDraft:
    c = Checker()
    login = c.text("Anmeldename", d.login, required=True, max_len=100)
    if login and not all(ch.isalnum() or ch in "._-" for ch in login):
        c.fail(
            "Anmeldename", "darf nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich enthalten."
        )
    elif login and login.casefold() == RECOVERY_LOGIN:
        c.fail("Anmeldename", "ist dem Wiederherstellungsschlüssel vorbehalten.")
    name = c.text("Name", d.name, required=True, max_len=NAME_MAX)
    role = c.choice("Rolle", d.role, _values(Role)) or ""
    codes = set(catalogue("disciplines").codes())
    discipline = c.choice("Fachbereich", d.discipline.strip(), codes, required=False) or ""
    c.done()
    return replace(d, login=login, name=name, role=role, discipline=discipline)
