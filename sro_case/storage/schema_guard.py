"""Triggers and views are code that runs inside every later session: a slot holder with the raw
database key could plant one (say, one that switches their account back on after an admin
removed them, or deletes the admin's next audit entry). The program's own ones are known by
the digest of their SQL; at sign-in an unknown one is removed (and the removal logged), a
changed one keeps the database closed.

``OWN`` is checked against a freshly migrated database by tests/test_schema_guard.py: a
migration that adds or changes a trigger must update it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

#: name -> the first 32 hex digits of SHA-256 over the ``sql`` column (schema 0010)
OWN: dict[str, str] = {
    "tally_case_delete": "b96887ac2e5df7fbc70eb69e43071636",
    "tally_case_insert": "7ce208d10b29dadbac270034223e6785",
    "tally_case_statistic_delete": "6f4380e1e104d16b17e4922717adc454",
    "tally_case_update": "88015fd6b8b9e28ed6a0473f1a757591",
    "tally_conference_delete": "6309adb5f653790ee803635d8699c8e0",
    "tally_conference_insert": "5f4302d62587dc537baf7c19d14af8b5",
    "tally_conference_update": "6e1f53ff9fd6d5c89eec1fe26838af26",
    "tally_goal_update": "32046c08948cb15798750e2a17103918",
    "tally_help_delete": "0a518ccde0d7dfe89f184dcabfd9e497",
    "tally_help_insert": "422b7393263987c4879fe058055aa759",
    "tally_help_update": "8cd53406301e5dfbe302561ed02a996b",
    "tally_participant_delete": "50aa44c72d11c45a56e81983a8e1eea1",
    "tally_participant_insert": "0d3511d71a1cf501f207bbea565e0e19",
    "tally_participant_update": "aa9d2cbc4c77c9703c23e5c67b5ab8cc",
    "tally_person_update": "701234adb35c1de83a5c382adbbbf89a",
    "tally_review_delete": "80dca46b67cb98199681b5aa4a4122b2",
    "tally_review_insert": "c03c12283571ea3a226eb6ebb8b63368",
    "tally_review_update": "a069fe2863ba0ce6a7cbb61a5dfcee75",
    "tally_space_delete": "0b4113e2a41680b223721f53f1b25797",
    "tally_space_insert": "5d2c1164f23e3097edbdd80fdf0965a2",
    "tally_space_update": "d6150a709e6217011f36c15b8289f8c9",
}


@dataclass(frozen=True)
class Foreign:
    unknown: tuple[tuple[str, str], ...]  # (type, name) not made by this program
    changed: tuple[str, ...]  # own names whose SQL differs


def digest(sql: str) -> str:
    return hashlib.sha256(sql.encode("utf-8")).hexdigest()[:32]


def foreign_objects(conn: Any) -> Foreign:
    """Triggers and views of the open database (a SQLAlchemy connection) that are not this
    program's own."""
    unknown: list[tuple[str, str]] = []
    changed: list[str] = []
    rows = conn.exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_schema WHERE type IN ('trigger', 'view')"
    ).all()
    for kind, name, sql in rows:
        if name not in OWN:
            unknown.append((str(kind), str(name)))
        elif digest(str(sql or "")) != OWN[name]:
            changed.append(str(name))
    return Foreign(tuple(sorted(unknown)), tuple(sorted(changed)))


def drop(conn: Any, objects: tuple[tuple[str, str], ...]) -> None:
    """Remove unknown triggers and views (names quoted; they come from the file)."""
    for kind, name in objects:
        quoted = '"' + name.replace('"', '""') + '"'
        conn.exec_driver_sql(
            f"DROP {'TRIGGER' if kind == 'trigger' else 'VIEW'} IF EXISTS {quoted}"
        )
