"""Finds every message template the core can produce, by reading its source (no import).

A template is a German literal that reaches a user through ``ValidationError`` or the
``Checker``: the first argument of ``T(...)``, a literal field name or message given to a
checker (``c.text("Vorname", …)``, ``c.fail(field, "…")``, ``c.order(…, "dem Beginn")``,
``c.within(…)``), or a literal inside ``ValidationError([...])`` / ``problems.append((…))``.
An f-string or a concatenation in one of these places is reported as untranslatable: its
text would change with the values and could never be looked up.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "sro_case"

# Errors of the core whose message reaches the user (ValidationError is handled apart).
ERROR_CLASSES = {
    "NotFound",
    "WorkflowError",
    "PermissionDenied",
    "DatabaseInUse",
    "BackupFailed",
    "KeyFileMissing",
    "KeyFileDamaged",
    "DatabaseDamaged",
    "DatabaseMissing",
    "DatabaseExists",
    "SchemaTooNew",
    "WrongPassphrase",
    "SroCaseError",
    "ImportRefused",
}

CHECKER_METHODS = {"text": (0,), "date": (0,), "choice": (0,), "integer": (0,), "order": (0, 3)}
CHECKER_NAMES = {"c", "checker"}


@dataclass
class Scan:
    templates: dict[str, list[str]] = field(default_factory=dict)  # template → where
    untranslatable: list[str] = field(default_factory=list)
    # other errors whose message is still an f-string (German only): "file:line"
    german_only_errors: list[str] = field(default_factory=list)

    def add(self, node: ast.AST, where: str) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value:
                self.templates.setdefault(node.value, []).append(where)
        elif isinstance(node, ast.JoinedStr | ast.BinOp):
            self.untranslatable.append(f"{where}: {ast.unparse(node)}")


def _receiver(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.value.id
    return None


def _problem_elements(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.List | ast.Tuple):
        out: list[ast.AST] = []
        for element in node.elts:
            if isinstance(element, ast.Tuple):
                out.extend(element.elts)
            else:
                out.append(element)
        return out
    return [node]


def scan_core(root: Path = CORE) -> Scan:
    scan = Scan()
    for path in sorted(root.rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError:
            if __name__ != "__main__":
                raise
            continue
        rel = path.relative_to(ROOT).as_posix()
        # ``problems.append(...)`` counts only where such a list is raised as ValidationError.
        raises_problems = any(
            isinstance(n, ast.Call)
            and isinstance(n.func, ast.Name)
            and n.func.id == "ValidationError"
            and n.args
            and isinstance(n.args[0], ast.Name)
            for n in ast.walk(tree)
        )
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{rel}:{node.lineno}"
            func = node.func
            name = func.id if isinstance(func, ast.Name) else None
            attr = func.attr if isinstance(func, ast.Attribute) else None
            receiver = _receiver(node)
            if name in ("T", "Text"):
                if node.args and isinstance(node.args[0], ast.Constant):
                    scan.add(node.args[0], where)
                elif not rel.endswith("domain/messages.py"):  # the definitions themselves
                    scan.untranslatable.append(f"{where}: {name}() without a literal template")
            elif name in ERROR_CLASSES and node.args:
                message = node.args[0]
                if isinstance(message, ast.JoinedStr | ast.BinOp):
                    scan.german_only_errors.append(where)
                else:
                    scan.add(message, where)
            elif node.args and (
                name == "ValidationError"
                or (attr == "append" and receiver == "problems" and raises_problems)
            ):
                for element in _problem_elements(node.args[0]):
                    scan.add(element, where)
            elif attr in CHECKER_METHODS and receiver in CHECKER_NAMES:
                for i in CHECKER_METHODS[attr]:
                    if i < len(node.args):
                        scan.add(node.args[i], where)
                for kw in node.keywords:
                    if kw.arg == "what":
                        scan.add(kw.value, where)
            elif attr in ("fail", "within") and (
                receiver in CHECKER_NAMES or (receiver == "self" and rel.endswith("validation.py"))
            ):
                for arg in node.args[:2]:
                    scan.add(arg, where)
    return scan


# Catalogues the client shows by name. Sozialräume are place names; age groups appear only in
# the anonymised export, which is a German document.
SHOWN_CATALOGUES = (
    "case_statuses",
    "conference_kinds",
    "disciplines",
    "end_reasons",
    "focus_areas",
    "help_types",
    "outcomes_8a",
    "reopen_reasons",
)


def core_labels(root: Path = ROOT) -> dict[str, str]:
    """German labels the core hands to the client: every enum label (``_LABEL_LIST`` in
    ``sro_case/domain/enums.py``), the goal-attainment captions and every name in the shipped
    catalogues the client shows.
    label → where."""
    import json

    labels: dict[str, str] = {}
    enums = root / "sro_case" / "domain" / "enums.py"
    for node in ast.walk(ast.parse(enums.read_text(encoding="utf-8"))):
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == "_LABEL_LIST" for t in targets):
                for pair in node.value.elts:  # type: ignore[union-attr]
                    label = pair.elts[1]
                    labels.setdefault(label.value, f"sro_case/domain/enums.py:{label.lineno}")
    for node in ast.walk(ast.parse(enums.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "LEVEL_CAPTIONS" for t in node.targets
        ):  # the goal-attainment captions the conference screen shows
            for caption in node.value.elts:  # type: ignore[attr-defined]
                labels.setdefault(caption.value, f"sro_case/domain/enums.py:{caption.lineno}")
    for name in SHOWN_CATALOGUES:
        data = json.loads((root / "resources" / "catalogues" / f"{name}.json").read_text("utf-8"))
        for item in data["items"]:
            labels.setdefault(item["name"], f"resources/catalogues/{name}.json")
    return labels


if __name__ == "__main__":
    result = scan_core()
    for t in sorted(result.templates):
        print(repr(t))
    print(len(result.templates), "templates")
    print(len(core_labels()), "labels")
    for u in result.untranslatable:
        print("UNTRANSLATABLE", u)
