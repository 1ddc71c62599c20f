"""The FTS5 search index over cases (table ``case_search``, rowid = case id)."""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session

from sro_case.domain.phonetics import cologne_phonetic, phonetic_words


def index_row(family_name: str, person_names: str, surnames: str | None = None) -> tuple[str, str]:
    """The ``names`` column (every name, for prefix search) and the ``phonetic`` column: the
    Kölner Phonetik of the family name and the persons' surnames only (``surnames``; all of
    ``person_names`` when not given). The code is made for surnames: with first names in it,
    "Maier" (67) found every family with a Maria or a Mira, a twelfth of all cases."""
    names = f"{family_name} {person_names}".strip()
    sound = f"{family_name} {person_names if surnames is None else surnames}"
    return names, phonetic_words(sound)


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
    if row is None:
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


def reindex_family(session: Session, family_id: int) -> None:
    ids = session.execute(
        text("SELECT id FROM case_file WHERE family_id = :f"), {"f": family_id}
    ).scalars()
    for case_id in list(ids):
        reindex_case(session, case_id)


_WORD = re.compile(r"[\w\-/.]+", re.UNICODE)


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


def postgresql_search(query: str) -> tuple[str, dict[str, str]] | None:
    """The same search on the team server's PostgreSQL, which has no FTS5 (revision 0002 keeps
    the rows in a plain, trigram-indexed table): every word in the names or the file number, or
    its Kölner Phonetik code among the phonetic words. SQL with bound parameters only."""
    clauses: list[str] = []
    params: dict[str, str] = {}
    for i, word in enumerate(_WORD.findall(query)):
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params[f"w{i}"] = f"%{escaped}%"
        alternatives = [f"s.names ILIKE :w{i}", f"s.file_number ILIKE :w{i}"]
        code = cologne_phonetic(word)
        if code and len(word) >= 3:  # a whole phonetic word: a regex the trigram index answers
            params[f"p{i}"] = f"(^| ){re.escape(code)}( |$)"
            alternatives.append(f"s.phonetic ~ :p{i}")
        clauses.append("(" + " OR ".join(alternatives) + ")")
    if not clauses:
        return None
    return "SELECT s.rowid FROM case_search s WHERE " + " AND ".join(clauses), params


def phonetic_match(dialect: str, code: str) -> tuple[str, dict[str, str]]:
    """SQL for the ids of the cases with a name of Kölner Phonetik ``code`` (the duplicate
    check): FTS5's column filter on the file, the phonetic words on PostgreSQL."""
    if dialect == "postgresql":
        return (
            "SELECT rowid FROM case_search WHERE phonetic ~ :m",
            {"m": f"(^| ){re.escape(code)}( |$)"},
        )
    return "SELECT rowid FROM case_search WHERE case_search MATCH :m", {"m": f'phonetic : "{code}"'}
