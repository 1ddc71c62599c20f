"""The search index over cases: ``case_search`` (rowid = case id) – FTS5 in the encrypted
file; on the team server a plain table whose rows become the words of ``case_search_term``.

Why words on PostgreSQL (revision 0012): row-level security lets PostgreSQL use an index only
with leakproof operators, and of the search operators only text comparison is one – the
trigram indexes of revision 0002 were never used for a person's search, which read the case
table in file number order instead (35 ms at 100,000 cases, seconds for a rare name).
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session

from sro_case.domain.phonetics import cologne_phonetic, phonetic_words
from sro_case.domain.sorting import sort_name


def index_row(family_name: str, person_names: str, surnames: str | None = None) -> tuple[str, str]:
    """The ``names`` column (every name, for prefix search) and the ``phonetic`` column: the
    Kölner Phonetik of the family name and the persons' surnames only (``surnames``; all of
    ``person_names`` when not given). The code is made for surnames: with first names in it,
    "Maier" (67) found every family with a Maria or a Mira, a twelfth of all cases."""
    names = f"{family_name} {person_names}".strip()
    sound = f"{family_name} {person_names if surnames is None else surnames}"
    return names, phonetic_words(sound)


_WORD = re.compile(r"[\w\-/.]+", re.UNICODE)
_PARTS = re.compile(r"[\-/.]+")
# a phonetic code among the words; user words cannot begin with it (``_WORD``)
PHONETIC_MARK = "#"


def search_terms(file_number: str, names: str, phonetic: str) -> set[str]:
    """The words of one ``case_search`` row for ``case_search_term``: every name and the file
    number as its base letters (``sort_name``: "Wöhlk" → "wohlk", "Strauß" → "strauss",
    "Łódź" → "lodz", at most 200 characters, so a word fits an index row), a hyphenated or
    slashed one also in its parts ("Müller-Lüdenscheidt", "2024-000404"), and each Kölner
    Phonetik code behind ``PHONETIC_MARK``."""
    terms: set[str] = set()
    for word in _WORD.findall(f"{file_number} {names}"):
        folded = sort_name(word)
        terms.add(folded)
        terms.update(part for part in _PARTS.split(folded) if part)
    terms.update(PHONETIC_MARK + code for code in phonetic.split())
    terms.discard("")
    return terms


def _write_terms(session: Session, case_id: int, row: tuple[str, str, str] | None) -> None:
    """The case's words on the team server; the lead worker is filled in by the table's
    trigger from ``case_file`` (revision 0012), never taken from the writer."""
    session.execute(text("DELETE FROM case_search_term WHERE case_id = :id"), {"id": case_id})
    if row is not None:
        session.execute(
            text("INSERT INTO case_search_term (term, case_id) VALUES (:term, :id)"),
            [{"term": term, "id": case_id} for term in sorted(search_terms(*row))],
        )


def reindex_case(session: Session, case_id: int) -> None:
    row = session.execute(
        text(
            "SELECT c.file_number, f.display_name, f.id "
            "FROM case_file c JOIN family f ON f.id = c.family_id WHERE c.id = :id"
        ),
        {"id": case_id},
    ).one_or_none()
    persons = (
        session.execute(
            text("SELECT first_name, last_name FROM person WHERE family_id = :f ORDER BY id"),
            {"f": row[2]},
        ).all()
        if row is not None
        else []
    )
    session.execute(text("DELETE FROM case_search WHERE rowid = :id"), {"id": case_id})
    on_server = session.get_bind().dialect.name == "postgresql"
    if row is None:
        if on_server:
            _write_terms(session, case_id, None)
        return
    file_number, family_name, _family_id = row
    person_names = " ".join(f"{first} {last}" for first, last in persons)
    surnames = " ".join(last for _first, last in persons)
    names, phonetic = index_row(family_name, person_names, surnames)
    session.execute(
        text(
            "INSERT INTO case_search(rowid, file_number, names, phonetic) "
            "VALUES (:id, :fn, :names, :ph)"
        ),
        {"id": case_id, "fn": file_number, "names": names, "ph": phonetic},
    )
    if on_server:
        _write_terms(session, case_id, (file_number, names, phonetic))


def reindex_family(session: Session, family_id: int) -> None:
    ids = session.execute(
        text("SELECT id FROM case_file WHERE family_id = :f"), {"f": family_id}
    ).scalars()
    for case_id in list(ids):
        reindex_case(session, case_id)


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression: every word as a prefix in names or file number, or its
    Kölner Phonetik code. User text is quoted, so it can never be FTS syntax."""
    parts = []
    for word in _WORD.findall(query):
        quoted = '"' + word.replace('"', '""') + '"'
        alternatives = [f"{{file_number names}} : {quoted}*"]
        code = cologne_phonetic(word)
        if code and len(word) >= 3:
            alternatives.append(f'phonetic : "{code}"')
        parts.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts) if parts else None


_FRAGMENT = re.compile(r"[0-9][0-9\-/.]*|[0-9\-/.]*[0-9]", re.ASCII)


def file_number_fragment(query: str) -> str | None:
    """A LIKE pattern for a search that is a piece of a file number (digits with - / .,
    at least three digits): the index finds file numbers only by their beginning, so
    ``000404`` or ``2024-000404`` found nothing."""
    text_ = query.strip()
    if not _FRAGMENT.fullmatch(text_) or sum(c.isdigit() for c in text_) < 3:
        return None
    escaped = text_.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _after(prefix: str) -> str | None:
    """The first string after every string that begins with ``prefix`` in code point order
    (the column's collation is "C"), or None past the last code point."""
    last = ord(prefix[-1]) + 1
    if 0xD800 <= last <= 0xDFFF:  # surrogates are no characters of a UTF-8 text
        last = 0xE000
    return prefix[:-1] + chr(last) if last <= 0x10FFFF else None


def postgresql_search(query: str) -> tuple[str, dict[str, str]] | None:
    """The same search on the team server: every word of ``query`` as the beginning of a
    word of the case (name or file number), or its Kölner Phonetik code among the codes –
    the ids of the cases with all words. Each part is a range or an equality on
    ``case_search_term``'s primary key, which row-level security lets PostgreSQL answer from
    the index alone (see the module). SQL with bound parameters only."""
    words: list[str] = []
    params: dict[str, str] = {}
    for i, word in enumerate(_WORD.findall(query)):
        folded = sort_name(word)
        if not any(c.isalnum() for c in folded):
            continue
        params[f"lo{i}"] = folded
        upper = _after(folded)
        if upper is None:
            arms = [f"SELECT case_id FROM case_search_term WHERE starts_with(term, :lo{i})"]
        else:
            params[f"hi{i}"] = upper
            arms = [f"SELECT case_id FROM case_search_term WHERE term >= :lo{i} AND term < :hi{i}"]
        code = cologne_phonetic(word)
        if code and len(word) >= 3:
            params[f"p{i}"] = PHONETIC_MARK + code
            arms.append(f"SELECT case_id FROM case_search_term WHERE term = :p{i}")
        words.append(" UNION ALL ".join(arms))
    if not words:
        return None
    if len(words) == 1:
        return words[0], params
    return " INTERSECT ".join(f"({arm})" for arm in words), params


def phonetic_match(dialect: str, code: str) -> tuple[str, dict[str, str]]:
    """SQL for the ids of the cases with a name of Kölner Phonetik ``code`` (the duplicate
    check): FTS5's column filter on the file, the phonetic words on PostgreSQL."""
    if dialect == "postgresql":
        return (
            "SELECT case_id FROM case_search_term WHERE term = :m",
            {"m": PHONETIC_MARK + code},
        )
    return "SELECT rowid FROM case_search WHERE case_search MATCH :m", {"m": f'phonetic : "{code}"'}
