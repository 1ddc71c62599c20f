"""Search: file numbers and names by prefix, surnames also by their sound (Kölner Phonetik)."""

from __future__ import annotations

from datetime import date

from sro_case.domain import models as m
from sro_case.domain.models import CaseFilter
from sro_case.store import Store


def _family(store: Store, number: str, surname: str, child: str) -> int:
    return store.cases.create(
        m.CaseDraft(
            number,
            m.FamilyDraft(f"Familie {surname}", "toitenwinkel", "Am Hang 3", "18147"),
            (
                m.PersonDraft(child, surname, date(2015, 3, 1), "female", "child"),
                m.PersonDraft("Sven", surname, date(1985, 7, 9), "male", "parent"),
            ),
            lead_worker="admin",
            opened_on=date(2026, 2, 1),
            reason_for_contact="Schule meldet häufige Fehlzeiten.",
            focus_areas=("schule",),
        )
    ).id


def found(store: Store, query: str) -> set[int]:
    return {c.id for c in store.cases.list(CaseFilter(search=query))}


def test_surname_variants_found_but_not_first_names_that_sound_alike(store: Store) -> None:
    meyer = _family(store, "51.2-2026-000001", "Meyer", "Lena")
    schulz = _family(store, "51.2-2026-000002", "Schulz", "Maria")  # Maria sounds like Maier
    for variant in ("Maier", "Mayer", "Meier", "meyer"):
        assert found(store, variant) == {meyer}, variant
    # a first name is still found by its beginning (and the query itself may sound like Meyer)
    assert schulz in found(store, "Mari") and schulz in found(store, "Maria")
    assert found(store, "Schultz") == {schulz}  # and the surname by its sound


def test_edited_surname_is_found_by_its_sound(store: Store) -> None:
    case = _family(store, "51.2-2026-000001", "Schulz", "Lena")
    detail = store.cases.get(case)
    child = detail.family.persons[0]
    store.cases.update_person(
        case,
        child.id,
        m.PersonDraft(child.first_name, "Meyer", child.birth_date, child.sex, child.role),
    )
    assert case in found(store, "Maier")


def test_the_team_servers_search_words_are_base_letters() -> None:
    """Revision 0012's words are the names' sort keys (the same base letters the lists sort
    by), their parts, and the phonetic codes behind #: "Lodz" finds Łódź on the server too."""
    from sro_case.cases.search_index import search_terms

    terms = search_terms("51.2-2026-000404", "Familie Łódź-Straße", "365 82")
    assert {"lodz-strasse", "lodz", "strasse", "51.2-2026-000404", "000404"} <= terms
    assert {"#365", "#82"} <= terms and "" not in terms
