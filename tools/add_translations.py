"""Adds English translations to a context of a ``.ts`` file (creating the context if needed):

    python tools/add_translations.py resources/translations/sro_case_en.ts Context pairs.tsv

``pairs.tsv`` holds one ``German<TAB>English`` pair per line. A source already present in the
context keeps its translation. Written for translators' convenience; the client reads the
``.ts`` files directly (see ``ui.i18n``)."""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape


def add(ts: Path, context: str, pairs: list[tuple[str, str]]) -> int:
    text = ts.read_text(encoding="utf-8")
    marker = f"<name>{escape(context)}</name>"
    start = text.find(marker)
    if start < 0:
        text = text.replace("</TS>", f"<context>\n    {marker}\n</context>\n</TS>")
        start = text.find(marker)
    end = text.find("</context>", start)
    block = text[start:end]
    new = ""
    for source, translation in pairs:
        if f"<source>{escape(source)}</source>" in block:
            continue
        new += (
            "    <message>\n"
            f"        <source>{escape(source)}</source>\n"
            f"        <translation>{escape(translation)}</translation>\n"
            "    </message>\n"
        )
    ts.write_text(text[:end] + new + text[end:], encoding="utf-8")
    return new.count("<message>")


if __name__ == "__main__":
    ts_path, ctx, tsv = sys.argv[1:4]
    rows = [
        tuple(line.split("\t", 1))
        for line in Path(tsv).read_text(encoding="utf-8").splitlines()
        if "\t" in line
    ]
    print(add(Path(ts_path), ctx, [(a, b) for a, b in rows]), "added")
