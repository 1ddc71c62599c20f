"""Domain rules, phonetics, German sorting, age groups, catalogues — no database."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.catalogues import CATALOGUE_NAMES, age_group, catalogue
from sro_case.domain.phonetics import cologne_phonetic
from sro_case.domain.sorting import sort_german
from sro_case.domain.validation import TEXT_MAX, Checker
from sro_case.errors import ValidationError

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Meier", "67"),
        ("Maier", "67"),
        ("Mayer", "67"),
        ("Meyer", "67"),
        ("Müller-Lüdenscheidt", "65752682"),
        ("Wikipedia", "3412"),
        ("Breschnew", "17863"),
        ("Schmidt", "862"),
        ("Schmitt", "862"),
        ("", ""),
    ],
)
def test_cologne_phonetic(word: str, code: str) -> None:
    assert cologne_phonetic(word) == code


@given(st.text(max_size=50))
def test_phonetic_code_is_digits(word: str) -> None:
    assert cologne_phonetic(word).isdigit() or cologne_phonetic(word) == ""


def test_german_order() -> None:
    names = [
        "Zander",
        "Özdemir",
        "Ahmed",
        "Ärztin",
        "Oberst",
        "Müller",
        "Mueller",
        "Strauß",
        "Straub",
    ]
    assert sort_german(names) == [
        "Ahmed",
        "Ärztin",
        "Mueller",
        "Müller",
        "Oberst",
        "Özdemir",
        "Straub",
        "Strauß",
        "Zander",
    ]


@pytest.mark.parametrize(
    ("birth", "group"),
    [
        (date(2024, 6, 1), "u3"),
        (date(2023, 11, 25), "3-6"),
        (date(2023, 11, 26), "u3"),
        (date(2010, 1, 1), "15-18"),
        (date(2006, 1, 1), "18-21"),
        (date(1980, 1, 1), "27+"),
        (None, "ohne_angabe"),
    ],
)
def test_age_groups_of_the_official_statistics(birth: date | None, group: str) -> None:
    assert age_group(birth, TODAY) == group


def test_catalogues_are_complete() -> None:
    for name in CATALOGUE_NAMES:
        assert len(catalogue(name)) > 0
    helps = catalogue("help_types")
    for code in (
        "27_2",
        "28",
        "29",
        "30",
        "31",
        "32",
        "33",
        "34",
        "35",
        "35a",
        "41",
        "41a",
        "11",
        "13",
        "13a",
        "16",
        "22_24",
    ):
        assert code in helps
    spaces = {s.name: s for s in catalogue("social_spaces")}
    assert {n for n, s in spaces.items() if s.get("is_model_region")} == {
        "Toitenwinkel",
        "Groß Klein",
    }
    assert {s.get("district_group") for s in spaces.values()} == {
        "Mitte",
        "Nordwest I",
        "Nordwest II",
        "West",
        "Ost",
    }
    assert [a.name for a in catalogue("age_groups")][:8] == [
        "unter 3",
        "3 bis unter 6",
        "6 bis unter 9",
        "9 bis unter 12",
        "12 bis unter 15",
        "15 bis unter 18",
        "18 bis unter 21",
        "21 bis unter 27",
    ]
    assert len(catalogue("outcomes_8a")) == 4


hostile = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["\x00", "\u202e", "'; DROP TABLE case_file; --", "x" * (TEXT_MAX + 1), "\r\n", "🌼" * 50]
    ),
)


@settings(max_examples=200, deadline=None)
@given(
    first=hostile,
    last=hostile,
    birth=st.one_of(st.none(), st.dates(date(1850, 1, 1), date(2100, 1, 1))),
)
def test_person_validation_accepts_or_explains(first: str, last: str, birth: date | None) -> None:
    try:
        p = rules.check_person(m.PersonDraft(first, last, birth, "female", "child"), TODAY)
    except ValidationError as exc:
        assert exc.problems and all(msg for _, msg in exc.problems)
        return
    assert p.first_name and p.last_name and len(p.first_name) <= 200
    assert not any(ord(c) < 32 for c in p.first_name + p.last_name)
    assert birth is None or date(1900, 1, 1) <= birth <= TODAY


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=25_000))
def test_free_text_keeps_line_breaks_and_refuses_other_control_characters(value: str) -> None:
    c = Checker()
    out = c.text("Text", value, max_len=TEXT_MAX, multiline=True)
    if not c.problems:
        assert len(out) <= TEXT_MAX
        assert all(ch in "\n\t" or (ord(ch) >= 32 and not (0x7F <= ord(ch) < 0xA0)) for ch in out)


def test_ten_thousand_characters_are_fine_in_a_note_but_not_in_a_name() -> None:
    long = "ä" * 10_000
    assert rules.check_note(m.NoteDraft(TODAY, "phone", long), TODAY).text == long
    with pytest.raises(ValidationError, match="zu lang"):
        rules.check_person(m.PersonDraft(long, "X"), TODAY)


def test_right_to_left_and_emoji_names_are_kept() -> None:
    p = rules.check_person(m.PersonDraft("مريم", "🌟 Öztürk‏"), TODAY)
    assert p.first_name == "مريم" and p.last_name == "🌟 Öztürk‏"


def test_enum_labels_do_not_collide_across_enums() -> None:
    from sro_case.domain.enums import NoteKind, PersonRole

    assert PersonRole.OTHER.label == "sonstige Bezugsperson"
    assert NoteKind.OTHER.label == "Sonstiges"
