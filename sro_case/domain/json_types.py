"""The facade's dataclasses to and from JSON, the same on both ends of the team server's API
(the server's answers, the remote facade, the CLI against a server): one pydantic adapter per
type, built once – building one compiles its schema, which cost milliseconds per answer."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import TypeAdapter

D = TypeVar("D")

_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def adapter(kind: Any) -> TypeAdapter[Any]:
    """The adapter of ``kind`` (two threads building the same one at once is harmless)."""
    found = _ADAPTERS.get(kind)
    if found is None:
        found = _ADAPTERS[kind] = TypeAdapter(kind)
    return found


def load(kind: type[D], data: Any) -> D:
    """``data`` (JSON) as ``kind`` (a dataclass, a list of them, …), validated."""
    result: D = adapter(kind).validate_python(data)
    return result


def dump(value: object) -> Any:
    """``value`` as JSON-able data."""
    return adapter(type(value)).dump_python(value, mode="json")
