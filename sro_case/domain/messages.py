"""Translatable German texts of the core, without Qt.

The core speaks German (the CLI shows its messages as they are). A message that may reach a user
is written as a template with named parameters, ``T("darf nicht größer als {high} sein.",
high=168)``. The result is a ``Text``: a plain ``str`` holding the German sentence, which also
remembers its template and parameters, so a front end can translate the template and fill in
the (translated) parameters. The desktop client does that through Qt (context ``core``, see
``ui/i18n.py``); ``tests/core_messages.py`` finds every template by scanning the core.

Rules for templates: literals only (no f-strings, so a scanner can see them), German, named
``{fields}`` only; values typed by the user go into parameters, never into the template.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

#: The Qt translation context of every core template.
CONTEXT = "core"


class Text(str):
    """A German sentence (``str``) that knows the template and parameters it came from."""

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, /, **params: object) -> Text:
        german = template.format(**{k: str(v) for k, v in params.items()}) if params else template
        obj = super().__new__(cls, german)
        obj.template = template
        obj.params = dict(params)
        return obj

    def __reduce__(
        self,
    ) -> tuple[
        Callable[..., Text], tuple[str, dict[str, object]]
    ]:  # keeps template and params in pickles
        return (_rebuild, (self.template, dict(self.params)))


def _rebuild(template: str, params: dict[str, object]) -> Text:
    return Text(template, **params)


def T(template: str, /, **params: object) -> Text:
    """A translatable German message: ``T("„{value}“ ist kein zulässiger Wert.", value=v)``."""
    return Text(template, **params)


def as_text(value: str) -> Text:
    """A ``Text`` for any string: a plain literal is its own template (no parameters)."""
    return value if isinstance(value, Text) else Text(str(value))


def scoped(scope: str, field: str) -> Text:
    """A field inside a numbered part of a form: ``Person 1: Vorname``."""
    return T("{scope}: {field}", scope=as_text(scope), field=as_text(field))


def joined(parts: Iterable[str], separator: str = " ") -> Text:
    """Several messages as one ``Text`` whose parts are translated each on its own (the German
    is ``separator.join(parts)``)."""
    items = [as_text(part) for part in parts]
    if not items:
        return Text("")
    result = items[-1]
    for item in reversed(items[:-1]):
        result = T("{first}{separator}{rest}", first=item, separator=separator, rest=result)
    return result
