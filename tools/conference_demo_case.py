"""Synthetic case for conference screenshots/tests."""

from datetime import date

from sro_case.domain import models as m

ENTRUSTED = "Mutter erzählt vertraulich von Schulden beim Vermieter"
REASON = "Kita meldet häufige Fehltage und Müdigkeit"
OLD_INDICATOR = "Elif ist an vier von fünf Tagen in der Kita"


def make_case(store):
    s = store.cases.create(
        m.CaseDraft(
            "51.2-2026-004711",
            m.FamilyDraft("Familie Yılmaz", "toitenwinkel", "Kurt-Schumacher-Ring 12", "18147"),
            (
                m.PersonDraft("Ayşe", "Yılmaz", date(1988, 4, 12), "female", "parent"),
                m.PersonDraft("Elif", "Yılmaz", date(2020, 1, 20), "female", "child"),
                m.PersonDraft("Deniz", "Yılmaz", date(2012, 6, 1), "male", "adolescent"),
            ),
            lead_worker="admin",
            opened_on=date(2026, 2, 1),
            reason_for_contact=REASON,
        )
    )
    cid = s.id
    persons = store.cases.get(cid).family.persons
    mother = persons[0]
    store.cases.add_consent(
        cid, m.ConsentDraft(mother.id, ("kita", "hze_traeger"), date(2026, 3, 1), date(2027, 3, 1))
    )
    store.cases.add_note(
        cid, m.NoteDraft(date(2026, 5, 2), "home_visit", ENTRUSTED, "Mutter", entrusted=True)
    )
    store.cases.add_note(
        cid, m.NoteDraft(date(2026, 5, 9), "phone", "Telefonat mit der Kita", "Kita")
    )
    store.cases.add_help(
        cid,
        m.HelpDraft(
            "31", date(2026, 4, 1), provider="Träger Lichtblick e. V.", monthly_cost_cents=123400
        ),
    )
    conf = store.conferences.record(
        cid,
        m.ConferenceDraft(
            date(2026, 4, 15),
            "hpg_36",
            "Katrin Beck",
            (
                m.ParticipantDraft("Katrin Beck", "asd"),
                m.ParticipantDraft("Ayşe Yılmaz", "familie"),
            ),
            family_will="Wir wollen, dass Elif gern in die Kita geht.",
            will_spoken_by="Ayşe Yılmaz",
            resources=(m.ResourceDraft("family", "Oma Gül wohnt zwei Straßen weiter"),),
            goals=(
                m.GoalDraft(
                    "Elif geht jeden Morgen gern in die Kita",
                    OLD_INDICATOR,
                    "Ayşe Yılmaz",
                    levels=(
                        "Elif fehlt mehr als zwei Tage pro Woche",
                        "Elif fehlt zwei Tage",
                        "Elif fehlt einen Tag",
                        "Elif fehlt selten",
                        "Elif fehlt nie",
                    ),
                    steps=(m.StepDraft("Ayşe Yılmaz", "bringt Elif um 8 Uhr", date(2026, 5, 1)),),
                ),
                m.GoalDraft("Deniz schafft die Versetzung", "Zeugnis ohne Fünf"),
            ),
            next_review=date(2026, 11, 25),
        ),
    )
    detail = store.cases.get(cid)
    g1, g2 = detail.goals
    store.conferences.review_goal(
        m.ReviewDraft(g1.id, date(2026, 6, 1), -1, "schwieriger Start", conf.id)
    )
    store.conferences.review_goal(m.ReviewDraft(g1.id, date(2026, 8, 1), 0, "besser"))
    store.conferences.review_goal(m.ReviewDraft(g2.id, date(2026, 8, 1), 1, ""))
    return cid
