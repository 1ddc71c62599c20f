"""Access request (Auskunft nach Art. 15 DSGVO, § 83 SGB X): everything stored about one person,
as a PDF to hand out and as machine-readable JSON with the same content.

What is in it: the person's own record; the household (name and address are about the
household the person lives in); every case of the household with its status history, the
consents this person gave, the helps for this person or for the whole household, the case
notes, conferences, goals, resources, the retention period, and who accessed the case when
(the audit log: staff login and name, time, action).

What is left out, and why (Art. 15 Abs. 4 DSGVO, § 83 Abs. 1 SGB X, § 65 SGB VIII):
- other household members: only their role, never their names, birth dates or their own helps
  and consents; their names inside free text are replaced by initials;
- conference participants from other services: only discipline and organisation (their names,
  also inside free text, become initials); an external facilitator is not named;
- entries entrusted to one worker (§ 65 SGB VIII): a note does not record who entrusted it, so
  it is left out unless a valid consent in the case releases entrusted entries (the same rule
  as for protocols); the answer says how many entries were withheld, so the office can decide
  case by case;
- the anonymised statistical records of deleted cases (no personal data).

JSON keys (``format`` = ``sro-case-auskunft``, ``version`` 1): ``generated_at``, ``person``,
``household`` (with ``other_members`` as roles only), ``cases`` (each with ``status_history``,
``retention``, ``consents_given``, ``helps``, ``notes``, ``notes_withheld_entrusted``,
``conferences``, ``goals``, ``resources``, ``access_log``), ``person_access_log``,
``withheld`` (German sentences), ``information`` (Art. 15 Abs. 1 a–h, German). Dates are ISO
8601, money in euro cents; coded values come with a German ``*_label``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sro_case.cases import entrusted
from sro_case.domain.catalogues import catalogue
from sro_case.domain.enums import GoalStatus, NoteKind, PersonRole, ResourceKind, Sex
from sro_case.domain.formatting import german_date
from sro_case.domain.messages import T
from sro_case.errors import NotFound
from sro_case.retention.service import RetentionService, compute_rule, load_bases
from sro_case.storage.files import atomic_write_bytes
from sro_case.storage.orm import (
    AuditEventRecord,
    CaseNoteRecord,
    CaseRecord,
    ConferenceRecord,
    ConsentRecord,
    FamilyRecord,
    GoalRecord,
    HelpRecord,
    ParticipantRecord,
    PersonRecord,
    ResourceRecord,
    SocialSpaceRecord,
    StatusChangeRecord,
    UserRecord,
)

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork

FORMAT = "sro-case-auskunft"
VERSION = 1
ACCESS_REQUEST_ROLES = ("admin",)

WITHHELD = (
    "Angaben zu anderen Personen des Haushalts (Namen, Geburtsdaten, ihre eigenen Hilfen und "
    "Einwilligungen) sind nicht enthalten; sie werden nur mit ihrer Rolle genannt, Namen in "
    "Texten sind durch Initialen ersetzt (Art. 15 Abs. 4 DSGVO).",
    "Namen von Teilnehmenden anderer Dienste und externer Moderation sind nicht enthalten; "
    "genannt werden Disziplin und Organisation, Namen in Texten sind durch Initialen ersetzt.",
    "Einer Fachkraft anvertraute Einträge (§ 65 SGB VIII) sind nur enthalten, wenn eine "
    "gültige Einwilligung sie freigibt; die Zahl der zurückgehaltenen Einträge ist je Fall "
    "angegeben.",
)
INFORMATION = {
    "purposes": "Erfüllung der Aufgaben der Kinder- und Jugendhilfe nach dem SGB VIII: "
    "Beratung, Hilfeplanung und Hilfen, Schutzauftrag bei Kindeswohlgefährdung (§ 8a), "
    "Zusammenarbeit der Dienste im Sozialraum (Art. 15 Abs. 1 a DSGVO; §§ 62–64 SGB VIII).",
    "categories": "Stammdaten, Haushalt und Anschrift, Fallverlauf, Hilfen und Kosten, "
    "Einwilligungen, Konferenzen, Ziele, Ressourcen, Zugriffsprotokoll (Abs. 1 b).",
    "recipients": "Andere Dienste erhalten Daten nur mit Einwilligung (siehe „Einwilligungen“) "
    "oder gesetzlicher Befugnis; für Planung und Controlling nur anonymisierte Zahlen "
    "(§ 64 Abs. 3 SGB VIII) (Abs. 1 c).",
    "storage_period": "Je Fall unter „Aufbewahrung“: Akten mit Hilfen nach § 9b SGB VIII bis "
    "70 Jahre nach dem 30. Geburtstag, andere nach der festgelegten Frist ab Fallabschluss "
    "(Abs. 1 d).",
    "rights": "Sie können Berichtigung, Löschung, Einschränkung der Verarbeitung verlangen und "
    "widersprechen (Art. 16–18, 21 DSGVO, §§ 84 SGB X) und sich bei der "
    "Datenschutzaufsichtsbehörde beschweren (Art. 77 DSGVO) (Abs. 1 e, f).",
    "source": "Von Ihnen, Ihrer Familie und den beteiligten Diensten (Abs. 1 g).",
    "automated_decisions": "Es gibt keine automatisierte Entscheidungsfindung (Abs. 1 h).",
}


ACTION_LABELS = {
    "read": "gelesen",
    "create": "angelegt",
    "update": "geändert",
    "status": "Status geändert",
    "close": "abgeschlossen",
    "reopen": "wieder aufgenommen",
    "revoke": "widerrufen",
    "end": "beendet",
    "review": "bewertet",
    "export": "ausgegeben",
    "import": "übernommen",
    "retention": "gelöscht (Löschfrist)",
}
ENTITY_LABELS = {
    "case": "Fall",
    "person": "Person",
    "consent": "Einwilligung",
    "note": "Verlaufseintrag",
    "help": "Hilfe",
    "conference": "Konferenz",
    "goal": "Ziel",
    "step": "Handlungsschritt",
    "resource": "Ressource",
    "protocol": "Protokoll",
    "help_plan": "Hilfeplan",
}


def _label(enum: type, code: str | None) -> str:
    if code is None:
        return ""
    try:
        return str(enum(code).label)
    except ValueError:
        return code


def _cat(name: str, code: str | None) -> str:
    return catalogue(name).label(code) if code else ""


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


# --------------------------------------------------------------------------- collecting


class _Scrub:
    """Initials for third parties' names in free text, but never for the requester's own
    name parts (a shared family name stays: it is the requester's name too)."""

    def __init__(self, own: PersonRecord) -> None:
        from sro_case.reports.names import NameScrubber

        self._own = {t.casefold() for t in f"{own.first_name} {own.last_name}".split()}
        self._scrubber = NameScrubber()

    def add(self, name: str) -> None:
        for token in name.split():
            if token.strip(".,;:()").casefold() not in self._own:
                self._scrubber.add(token)

    def __call__(self, value: str | None) -> str:
        return self._scrubber(value or "")


def collect(
    session: Session,
    person_id: int,
    today: date,
    periods: dict[str, int],
    store: UnitOfWork | None = None,
) -> dict[str, Any]:
    """The access-request document as plain JSON-ready data. Sealed § 65 entries appear only
    where a consent releases them and ``store``'s user holds their key."""
    person = session.get(PersonRecord, person_id)
    if person is None:
        raise NotFound(T("Die Person {person_id} existiert nicht.", person_id=person_id))
    family = session.get(FamilyRecord, person.family_id)
    assert family is not None
    space = session.get(SocialSpaceRecord, family.social_space_id)
    users = {u.id: u for u in session.execute(select(UserRecord)).scalars()}
    staff = {u.name for u in users.values()}
    user_names = {u.login: u.name for u in users.values()}
    household = list(
        session.execute(
            select(PersonRecord)
            .where(PersonRecord.family_id == family.id)
            .order_by(PersonRecord.id)
        ).scalars()
    )
    scrub = _Scrub(person)
    for other in household:
        if other.id != person.id:
            scrub.add(f"{other.first_name} {other.last_name}")
    cases = list(
        session.execute(
            select(CaseRecord).where(CaseRecord.family_id == family.id).order_by(CaseRecord.id)
        ).scalars()
    )
    case_ids = [c.id for c in cases]
    participants = (
        session.execute(
            select(ParticipantRecord.name)
            .join(ConferenceRecord, ConferenceRecord.id == ParticipantRecord.conference_id)
            .where(ConferenceRecord.case_id.in_(case_ids))
        )
        .scalars()
        .all()
    )
    for name in participants:
        scrub.add(name)  # the requester's own name parts are never scrubbed
    facilitators = (
        session.execute(
            select(ConferenceRecord.facilitator).where(ConferenceRecord.case_id.in_(case_ids))
        )
        .scalars()
        .all()
    )
    for facilitator in facilitators:
        if facilitator and facilitator not in staff:
            scrub.add(facilitator)
    rules = {b.case_id: compute_rule(b, periods) for b in load_bases(session, case_ids)}
    return {
        "format": FORMAT,
        "version": VERSION,
        "legal_basis": "Art. 15 DSGVO, § 83 SGB X",
        "generated_at": today.isoformat(),
        "person": {
            "id": person.id,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "birth_date": _iso(person.birth_date),
            "sex": person.sex,
            "sex_label": _label(Sex, person.sex),
            "role": person.role,
            "role_label": _label(PersonRole, person.role),
        },
        "household": {
            "display_name": family.display_name,
            "street": family.street,
            "postal_code": family.postal_code,
            "city": family.city,
            "social_space": space.name if space else "",
            "other_members": [
                {"role": p.role, "role_label": _label(PersonRole, p.role)}
                for p in household
                if p.id != person.id
            ],
        },
        "cases": [
            _case(session, c, person, rules[c.id], users, staff, scrub, today, store) for c in cases
        ],
        "person_access_log": [
            _event(e, user_names)
            for e in session.execute(
                select(AuditEventRecord)
                .where(AuditEventRecord.entity == "person", AuditEventRecord.entity_id == person.id)
                .order_by(AuditEventRecord.seq)
            ).scalars()
        ],
        "withheld": list(WITHHELD),
        "information": INFORMATION,
    }


def _event(e: AuditEventRecord, names: dict[str, str]) -> dict[str, Any]:
    return {
        "at": _iso(e.at),
        "actor": e.actor,
        "actor_name": names.get(e.actor, ""),
        "action": e.action,
        "action_label": ACTION_LABELS.get(e.action, e.action),
        "entity": e.entity,
        "entity_label": ENTITY_LABELS.get(e.entity, e.entity),
    }


def _case(
    s: Session,
    c: CaseRecord,
    person: PersonRecord,
    rule: Any,
    users: dict[int, UserRecord],
    staff: set[str],
    scrub: _Scrub,
    today: date,
    store: UnitOfWork | None = None,
) -> dict[str, Any]:
    consents = list(s.execute(select(ConsentRecord).where(ConsentRecord.case_id == c.id)).scalars())
    released = any(
        k.releases_entrusted
        and k.given_on <= today
        and (k.revoked_on is None or k.revoked_on > today)
        and (k.expires_on is None or k.expires_on >= today)
        for k in consents
    )
    notes = list(
        s.execute(
            select(CaseNoteRecord)
            .where(CaseNoteRecord.case_id == c.id)
            .order_by(CaseNoteRecord.occurred_on, CaseNoteRecord.id)
        ).scalars()
    )
    opened = entrusted.open_many(store, s, notes) if store is not None else {}
    plain = {
        n.id: opened.get(n.id) if n.sealed else entrusted.Opened(n.text, n.participants)
        for n in notes
    }
    shown = [n for n in notes if (released or not n.entrusted) and plain[n.id] is not None]
    helps = s.execute(
        select(HelpRecord)
        .where(
            HelpRecord.case_id == c.id,
            or_(HelpRecord.person_id == person.id, HelpRecord.person_id.is_(None)),
        )
        .order_by(HelpRecord.start_on, HelpRecord.id)
    ).scalars()
    conferences = list(
        s.execute(
            select(ConferenceRecord)
            .where(ConferenceRecord.case_id == c.id)
            .order_by(ConferenceRecord.held_on, ConferenceRecord.id)
        ).scalars()
    )
    goals = s.execute(
        select(GoalRecord).where(GoalRecord.case_id == c.id).order_by(GoalRecord.id)
    ).scalars()
    lead = users.get(c.lead_worker_id) if c.lead_worker_id else None
    names = {u.login: u.name for u in users.values()}
    return {
        "file_number": c.file_number,
        "status": c.status,
        "status_label": _cat("case_statuses", c.status),
        "opened_on": _iso(c.opened_on),
        "closed_on": _iso(c.closed_on),
        "end_reason": c.end_reason,
        "end_reason_label": _cat("end_reasons", c.end_reason),
        "reason_for_contact": scrub(c.reason_for_contact),
        "focus_areas": [
            {"code": a, "label": _cat("focus_areas", a)} for a in c.focus_areas.split(",") if a
        ],
        "child_protection": c.child_protection,
        "outcome_8a": c.outcome_8a,
        "outcome_8a_label": _cat("outcomes_8a", c.outcome_8a),
        "legal_hold": c.legal_hold,
        "lead_worker": lead.name if lead else "",
        "retention": {
            "category": rule.category_label,
            "delete_from": _iso(rule.due_on),
            "closed": rule.closed,
            "legal_hold": rule.legal_hold,
        },
        "status_history": [
            {
                "changed_on": _iso(h.changed_on),
                "from_status": h.from_status,
                "to_status": h.to_status,
                "to_status_label": _cat("case_statuses", h.to_status),
                "reason": h.reason,
            }
            for h in s.execute(
                select(StatusChangeRecord)
                .where(StatusChangeRecord.case_id == c.id)
                .order_by(StatusChangeRecord.id)
            ).scalars()
        ],
        "consents_given": [
            {
                "disciplines": [
                    {"code": d, "label": _cat("disciplines", d)}
                    for d in k.disciplines.split(",")
                    if d
                ],
                "data_scope": scrub(k.data_scope),
                "releases_entrusted": k.releases_entrusted,
                "given_on": _iso(k.given_on),
                "expires_on": _iso(k.expires_on),
                "revoked_on": _iso(k.revoked_on),
            }
            for k in consents
            if k.person_id == person.id
        ],
        "helps": [
            {
                "for": "person" if h.person_id == person.id else "household",
                "help_type": h.help_type,
                "help_type_label": _cat("help_types", h.help_type),
                "provider": h.provider,
                "start_on": _iso(h.start_on),
                "end_on": _iso(h.end_on),
                "hours_per_week": h.hours_per_week,
                "monthly_cost_cents": h.monthly_cost_cents,
                "end_reason": h.end_reason,
                "end_reason_label": _cat("end_reasons", h.end_reason),
            }
            for h in helps
        ],
        "notes": [
            {
                "occurred_on": _iso(n.occurred_on),
                "kind": n.kind,
                "kind_label": _label(NoteKind, n.kind),
                "participants": scrub(plain[n.id].participants),  # type: ignore[union-attr]
                "text": scrub(plain[n.id].text),  # type: ignore[union-attr]
                "entrusted": n.entrusted,
                "author": users[n.author_id].name if n.author_id in users else "",
            }
            for n in shown
        ],
        "notes_withheld_entrusted": len(notes) - len(shown),
        "conferences": [_conference(s, k, staff, scrub) for k in conferences],
        "goals": [_goal(g, scrub) for g in goals],
        "resources": [
            {
                "kind": r.kind,
                "kind_label": _label(ResourceKind, r.kind),
                "description": scrub(r.description),
            }
            for r in s.execute(
                select(ResourceRecord)
                .where(ResourceRecord.case_id == c.id)
                .order_by(ResourceRecord.id)
            ).scalars()
        ],
        "access_log": [
            _event(e, names)
            for e in s.execute(
                select(AuditEventRecord)
                .where(AuditEventRecord.case_id == c.id)
                .order_by(AuditEventRecord.seq)
            ).scalars()
        ],
    }


def _conference(s: Session, k: ConferenceRecord, staff: set[str], scrub: _Scrub) -> dict[str, Any]:
    return {
        "held_on": _iso(k.held_on),
        "kind": k.kind,
        "kind_label": _cat("conference_kinds", k.kind),
        "facilitator": k.facilitator
        if k.facilitator in staff
        else ("extern" if k.facilitator else ""),
        "participants": [
            {
                "discipline": p.discipline,
                "discipline_label": _cat("disciplines", p.discipline),
                "organisation": scrub(p.organisation),
            }
            for p in k.participants
        ],
        "agenda": [scrub(line) for line in k.agenda.split("\n") if line],
        "family_will": scrub(k.family_will),
        "will_spoken_by": scrub(k.will_spoken_by),
        "decisions": scrub(k.decisions),
        "next_review": _iso(k.next_review),
    }


def _goal(g: GoalRecord, scrub: _Scrub) -> dict[str, Any]:
    return {
        "text": scrub(g.text),
        "indicator": scrub(g.indicator),
        "owner": scrub(g.owner),
        "target_date": _iso(g.target_date),
        "status": g.status,
        "status_label": _label(GoalStatus, g.status),
        "levels": {
            "-2": scrub(g.level_minus2),
            "-1": scrub(g.level_minus1),
            "0": scrub(g.level_0),
            "+1": scrub(g.level_plus1),
            "+2": scrub(g.level_plus2),
        },
        "reviews": [
            {"reviewed_on": _iso(r.reviewed_on), "score": r.score, "comment": scrub(r.comment)}
            for r in g.reviews
        ],
        "steps": [
            {
                "who": scrub(st.who),
                "what": scrub(st.what),
                "due_on": _iso(st.due_on),
                "done": st.done,
            }
            for st in g.steps
        ],
    }


# --------------------------------------------------------------------------- PDF


def _d(value: str | None) -> str:
    if not value:
        return "—"
    return german_date(date.fromisoformat(value[:10]))


def render_pdf(doc: dict[str, Any], json_name: str) -> bytes:
    """The same content as the JSON, for people. Embedded DejaVu fonts, Arabic shaped."""
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Paragraph, Spacer

    from sro_case.domain.formatting import german_money as money
    from sro_case.reports.document import BODY_W, Meta, build, markup, styles
    from sro_case.reports.document import table as house_table

    st = styles()
    flow: list[Any] = []

    def p(value: str, style: Any = None) -> Paragraph:
        return Paragraph(markup(value), style or st.body)

    def cell(value: Any, style: Any = None) -> Paragraph:
        return Paragraph(markup("" if value is None else str(value)), style or st.cell)

    def h1(value: str) -> None:
        flow.append(Paragraph(escape(value), st.h1))

    def h2(value: str) -> None:
        flow.append(CondPageBreak(30 * mm))  # never a heading alone at the foot of a page
        flow.append(Paragraph(escape(value), st.h2))

    def facts(rows: list[tuple[str, Any]]) -> None:
        data = [[cell(k, st.cell_head), cell(v if v not in (None, "") else "—")] for k, v in rows]
        flow.append(house_table(data, [45 * mm, BODY_W - 45 * mm], header=False))

    def table(head: list[str], rows: list[list[Any]], widths: list[float]) -> None:
        if not rows:
            flow.append(Paragraph("— keine —", st.small))
            return
        data = [[cell(h, st.cell_head) for h in head]] + [[cell(v) for v in r] for r in rows]
        total = sum(widths)
        flow.append(house_table(data, [w * BODY_W / total for w in widths]))

    person = doc["person"]
    full = f"{person['first_name']} {person['last_name']}"
    flow.append(Paragraph("Auskunft nach Art. 15 DSGVO", st.title))
    flow.append(
        Paragraph(
            escape(
                f"über die gespeicherten Daten von {full}, erstellt am {_d(doc['generated_at'])}"
            ),
            st.subtitle,
        )
    )
    flow.append(
        p(
            "Diese Auskunft enthält alle Angaben, die in der Fallakte über Sie gespeichert sind. "
            f"Die gleichen Angaben liegen maschinenlesbar in der Datei {json_name} bei."
        )
    )
    h1("Ihre Angaben")
    facts(
        [
            ("Name", full),
            ("Geburtsdatum", _d(person["birth_date"])),
            ("Geschlecht", person["sex_label"]),
            ("Rolle im Haushalt", person["role_label"]),
        ]
    )
    hh = doc["household"]
    h1("Haushalt")
    facts(
        [
            ("Haushalt", hh["display_name"]),
            ("Anschrift", f"{hh['street']}, {hh['postal_code']} {hh['city']}".strip(", ")),
            ("Sozialraum", hh["social_space"]),
            ("Weitere Personen", ", ".join(m["role_label"] for m in hh["other_members"]) or "—"),
        ]
    )
    for case in doc["cases"]:
        h1(f"Fall {case['file_number']}")
        ret = case["retention"]
        facts(
            [
                ("Status", case["status_label"]),
                ("Beginn / Abschluss", f"{_d(case['opened_on'])} / {_d(case['closed_on'])}"),
                ("Beendigungsgrund", case["end_reason_label"]),
                ("Anlass", case["reason_for_contact"]),
                ("Schwerpunkte", ", ".join(a["label"] for a in case["focus_areas"])),
                ("Kinderschutz (§ 8a)", "ja" if case["child_protection"] else "nein"),
                ("Ergebnis § 8a", case["outcome_8a_label"]),
                ("Fallführung", case["lead_worker"]),
                (
                    "Aufbewahrung",
                    f"{ret['category']}; löschbar ab {_d(ret['delete_from'])}"
                    + ("; Löschsperre" if ret["legal_hold"] else ""),
                ),
            ]
        )
        h2("Verlauf des Status")
        table(
            ["Datum", "Status", "Grund"],
            [
                [_d(h["changed_on"]), h["to_status_label"], h["reason"] or ""]
                for h in case["status_history"]
            ],
            [1, 2, 2],
        )
        h2("Ihre Einwilligungen")
        table(
            ["Empfänger", "Umfang", "erteilt", "gültig bis", "widerrufen"],
            [
                [
                    ", ".join(d["label"] for d in k["disciplines"]),
                    k["data_scope"],
                    _d(k["given_on"]),
                    _d(k["expires_on"]),
                    _d(k["revoked_on"]),
                ]
                for k in case["consents_given"]
            ],
            [3, 3, 1.3, 1.3, 1.3],
        )
        h2("Hilfen")
        table(
            ["Hilfe", "für", "Träger", "Zeitraum", "€ je Monat"],
            [
                [
                    h["help_type_label"],
                    "Sie" if h["for"] == "person" else "Haushalt",
                    h["provider"],
                    f"{_d(h['start_on'])} – {_d(h['end_on'])}",
                    money(h["monthly_cost_cents"]),
                ]
                for h in case["helps"]
            ],
            [3, 1.2, 2.5, 2.6, 1.6],
        )
        h2("Verlaufseinträge")
        table(
            ["Datum", "Art", "Beteiligte", "Inhalt", "von"],
            [
                [_d(n["occurred_on"]), n["kind_label"], n["participants"], n["text"], n["author"]]
                for n in case["notes"]
            ],
            [1.75, 1.45, 1.6, 4.6, 1.8],
        )
        if case["notes_withheld_entrusted"]:
            flow.append(
                p(
                    f"{case['notes_withheld_entrusted']} anvertraute Einträge (§ 65 SGB VIII) "
                    "sind nicht enthalten (siehe „Nicht enthalten“).",
                    st.small,
                )
            )
        h2("Konferenzen")
        for k in case["conferences"]:
            facts(
                [
                    ("Datum, Art", f"{_d(k['held_on'])}, {k['kind_label']}"),
                    (
                        "Teilnehmende",
                        "; ".join(
                            x["discipline_label"]
                            + (f" ({x['organisation']})" if x["organisation"] else "")
                            for x in k["participants"]
                        ),
                    ),
                    ("Moderation", k["facilitator"]),
                    ("Wille der Familie", k["family_will"]),
                    ("gesagt von", k["will_spoken_by"]),
                    ("Beschlüsse", k["decisions"]),
                    ("Nächste Überprüfung", _d(k["next_review"])),
                ]
            )
            flow.append(Spacer(1, 2 * mm))
        if not case["conferences"]:
            flow.append(Paragraph("— keine —", st.small))
        h2("Ziele")
        for g in case["goals"]:
            reviews = "; ".join(f"{_d(r['reviewed_on'])}: {r['score']:+d}" for r in g["reviews"])
            steps = "; ".join(f"{x['who']}: {x['what']}" for x in g["steps"])
            facts(
                [
                    ("Ziel", g["text"]),
                    ("Woran merken wir es?", g["indicator"]),
                    ("Verantwortlich", g["owner"]),
                    ("Status", g["status_label"]),
                    ("Bewertungen", reviews),
                    ("Vereinbarungen", steps),
                ]
            )
            flow.append(Spacer(1, 2 * mm))
        if not case["goals"]:
            flow.append(Paragraph("— keine —", st.small))
        h2("Ressourcen")
        table(
            ["Art", "Beschreibung"],
            [[r["kind_label"], r["description"]] for r in case["resources"]],
            [1, 4],
        )
        h2("Zugriffe auf die Fallakte")
        table(
            ["Zeitpunkt (UTC)", "Benutzer/in", "Vorgang", "Datensatz"],
            [
                [
                    e["at"].replace("T", " ")[:19],
                    e["actor_name"] or e["actor"],
                    e["action_label"],
                    e["entity_label"],
                ]
                for e in case["access_log"]
            ],
            [2, 2.5, 1.5, 1.5],
        )
    h1("Nicht enthalten")
    for line in doc["withheld"]:
        flow.append(p("• " + line))
    h1("Weitere Informationen nach Art. 15 DSGVO")
    for line in doc["information"].values():
        flow.append(p(line))
        flow.append(Spacer(1, 1.5 * mm))
    return build(
        flow,
        Meta(
            title="Auskunft nach Art. 15 DSGVO",
            subject="Auskunft über gespeicherte Sozialdaten",
            author="SRO-Fallmanagement",
            keywords="Auskunft, Art. 15 DSGVO, § 83 SGB X",
            header="Auskunft nach Art. 15 DSGVO",
            footer=f"Person {person['id']} · erstellt am {_d(doc['generated_at'])}",
        ),
    )


# --------------------------------------------------------------------------- service


@dataclass(frozen=True)
class AccessRequestFiles:
    pdf: Path
    json: Path
    pdf_sha256: str
    json_sha256: str


class AccessRequestService:
    def __init__(self, store: UnitOfWork) -> None:
        self._store = store

    def document(self, person_id: int) -> dict[str, Any]:
        """The content (for a preview); nothing is written or logged."""
        self._store.require_role(*ACCESS_REQUEST_ROLES)
        today = self._store.clock.today()
        with self._store.read() as s:
            periods = RetentionService._periods(s)
            return collect(s, person_id, today, periods, self._store)

    def write(self, person_id: int, out_dir: Path) -> AccessRequestFiles:
        """PDF and JSON into ``out_dir``; logged as an export of the person's data."""
        doc = self.document(person_id)
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        stem = f"auskunft-person-{person_id}-{self._store.clock.today():%Y%m%d}"
        json_path, pdf_path = out / f"{stem}.json", out / f"{stem}.pdf"
        data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        pdf = render_pdf(doc, json_path.name)
        files = AccessRequestFiles(
            pdf_path, json_path, hashlib.sha256(pdf).hexdigest(), hashlib.sha256(data).hexdigest()
        )
        written: list[Path] = []
        try:
            with self._store.write() as s:
                self._store.audit(
                    s,
                    "export",
                    "person",
                    person_id,
                    detail=json.dumps(
                        {
                            "kind": "auskunft_art15",
                            "pdf_sha256": files.pdf_sha256,
                            "json_sha256": files.json_sha256,
                        },
                        separators=(",", ":"),
                    ),
                )
                s.flush()
                for path, content in ((json_path, data), (pdf_path, pdf)):
                    atomic_write_bytes(path, content)
                    written.append(path)
        except BaseException:  # the log entry did not commit: leave no unrecorded file
            for path in written:
                with contextlib.suppress(OSError):
                    path.unlink()
            raise
        return files


def access_request(store: UnitOfWork, person_id: int, out_dir: Path) -> tuple[Path, Path]:
    """(pdf_path, json_path) of the access request for ``person_id``."""
    files = AccessRequestService(store).write(person_id, out_dir)
    return files.pdf, files.json
