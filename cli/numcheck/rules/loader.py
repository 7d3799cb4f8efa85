"""Read rule files: one generic validation for every kind, with file, line, rule and key."""

from __future__ import annotations

import re
from pathlib import Path

from numcheck import schema as s
from numcheck.errors import ConfigError
from numcheck.records import LEVELS
from numcheck.resources import pack_dir
from numcheck.rules.kinds import KINDS
from numcheck.rules.model import Example, Rule
from numcheck.rules.selector import FIELDS as SELECT_FIELDS
from numcheck.rules.selector import Selector
from numcheck.yamlfile import LineDict, load_yaml

_ID = re.compile(r"[a-z0-9][a-z0-9-]{1,63}")

COMMON = {
    "id": s.Field(s.string, required=True, doc="unique id: lowercase letters, digits, hyphens"),
    "kind": s.Field(s.one_of(*KINDS), required=True, doc="the rule kind"),
    "level": s.Field(s.one_of(*LEVELS), required=True, doc="error, warning or info"),
    "description": s.Field(s.string, required=True, doc="one line: what the rule checks"),
    "message": s.Field(s.string, doc="headline put before the explanation of a finding"),
    "select": s.Field(s.mapping, default={}, doc="which claims the rule looks at"),
    "examples": s.Field(s.mapping, required=True, doc="trigger: and pass: texts"),
    "enabled": s.Field(s.boolean, default=True, doc="false switches the rule off"),
}
EXAMPLE = {
    "text": s.Field(s.string, required=True, doc="the example text"),
    "message": s.Field(s.string, doc="a part the finding's message must contain"),
    "level": s.Field(s.one_of(*LEVELS), doc="the level the finding must have"),
    "date": s.Field(s.date, doc="the text's date, for rules that judge time"),
}


def _example(value: object) -> str | None:
    """An example: a text, or a mapping with text and what the finding must say."""
    if isinstance(value, str):
        return s.string(value)
    if isinstance(value, dict):
        unknown = sorted(set(value) - set(EXAMPLE))
        if unknown:
            return f"unknown key '{unknown[0]}' (known: {', '.join(sorted(EXAMPLE))})"
        if "text" not in value:
            return "missing key 'text'"
        for key, spec in EXAMPLE.items():
            if key in value:
                problem = spec.check(value[key])
                if problem:
                    return f"key '{key}': {problem}"
        return None
    return f"expected a text or a mapping with 'text', got {type(value).__name__}"


_example.json_schema = lambda: {"oneOf": [{"type": "string"}, {"type": "object"}]}  # type: ignore[attr-defined]

EXAMPLES = {
    "trigger": s.Field(s.list_of(_example), required=True, doc="texts that must raise a finding"),
    "pass": s.Field(s.list_of(_example), required=True, doc="texts that must raise none"),
}


def to_example(value: str | dict) -> Example:
    """Turn a validated example into a record."""
    if isinstance(value, str):
        return Example(value)
    date = s.iso_date(value["date"]) if value.get("date") is not None else None
    return Example(value["text"], value.get("message"), value.get("level"), date)


def rule_files(path: Path) -> list[Path]:
    """Return the YAML files of a rule path: the file itself or a folder's *.yaml, sorted.

    A link inside a folder that leads out of its tree (and its repository) is not followed: a
    rules folder named by a configuration in a pull request must not make numcheck read other files.
    """
    if path.is_dir():
        from numcheck.paths import inside

        files = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file() and inside(p, path))
        if not files:
            raise ConfigError(f"{path}: no .yaml rule files in this folder")
        return files
    if not path.is_file():
        raise ConfigError(f"{path}: no such rule file or folder")
    return [path]


def load_rule(entry: object, path: str, index: int) -> Rule:
    """Validate one rule mapping into a Rule."""
    line = getattr(entry, "line", 0)
    if not isinstance(entry, dict):
        raise ConfigError(f"{path}:{line}: rule {index}: expected a mapping")
    rule_id = entry.get("id")
    what = f"rule '{rule_id}'" if isinstance(rule_id, str) else f"rule {index}"
    kind = KINDS.get(entry.get("kind")) if isinstance(entry.get("kind"), str) else None
    if kind is None:  # report the kind first: its options depend on it
        problem = COMMON["kind"].check(entry.get("kind"))
        where = entry.line_of("kind") if isinstance(entry, LineDict) else line
        raise ConfigError(f"{path}:{where}: {what}: key 'kind': {problem or 'missing'}")
    fields = {**COMMON, **kind.OPTIONS}
    values = s.validate(entry, fields, path, what)
    _check_unit_texts(entry, path, what, line)
    if not _ID.fullmatch(values["id"]):
        where = _line(entry, "id", line)
        raise ConfigError(f"{path}:{where}: {what}: key 'id': use lowercase letters, digits and hyphens")
    select = s.validate(values["select"], SELECT_FIELDS, path, f"{what}: select")
    examples = s.validate(values["examples"], EXAMPLES, path, f"{what}: examples")
    options = {key: values[key] for key in kind.OPTIONS}
    check_options = getattr(kind, "validate", None)  # only kinds with cross-option rules need one
    if check_options is not None:
        check_options(options, path, what, entry.line_of if isinstance(entry, LineDict) else lambda _: line)
    for unit in _units(select.get("unit")):
        from numcheck.normalise.units import check_unit

        check_unit(unit, f"{path}:{_line(values['select'], 'unit', line)}: {what}: select: key 'unit'")
    return Rule(
        id=values["id"],
        kind=values["kind"],
        level=values["level"],
        description=values["description"],
        message=values["message"],
        select=Selector.from_options(select),
        options=options,
        trigger=tuple(to_example(e) for e in examples["trigger"]),
        passes=tuple(to_example(e) for e in examples["pass"]),
        path=path,
        line=line,
        enabled=values["enabled"],
    )


def _check_unit_texts(value: object, path: str, what: str, line: int, depth: int = 0) -> None:
    """Refuse, before pint sees it, any `unit` string of a rule that could not be parsed quickly."""
    from numcheck.rules.selector import unit_problem

    if depth > 8:
        return
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if key == "unit":
            for unit in [item] if isinstance(item, str) else item if isinstance(item, list) else []:
                problem = unit_problem(unit) if isinstance(unit, str) else None
                if problem:
                    where = _line(value, "unit", line)
                    raise ConfigError(f"{path}:{where}: {what}: key 'unit': {problem}: '{s.excerpt(unit)}'")
        elif isinstance(item, dict | list):
            _check_unit_texts(item, path, what, getattr(item, "line", line), depth + 1)


def _units(value: object) -> list[str]:
    """Return a selector's units as a list."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)  # type: ignore[arg-type]


def _line(mapping: object, key: str, default: int) -> int:
    """Return the line of a key in a mapping loaded from YAML."""
    return mapping.line_of(key) if isinstance(mapping, LineDict) else default


def load_file(path: Path, errors: list[str] | None = None) -> list[Rule]:
    """Load and validate every rule of one YAML file; with `errors`, collect each bad rule's error there."""
    data = load_yaml(str(path))
    if data is None:
        raise ConfigError(f"{path}: empty rule file")
    top = s.validate(data, {"rules": s.Field(s.list_of(s.mapping), required=True)}, str(path), "rule file")
    rules = []
    for n, entry in enumerate(top["rules"]):
        try:
            rules.append(load_rule(entry, str(path), n + 1))
        except ConfigError as exc:
            if errors is None:
                raise
            errors.extend(exc.problems)
    return rules


def load_rules(paths: list[str], defaults: bool = True, errors: list[str] | None = None) -> list[Rule]:
    """Load the built-in pack (unless defaults is False) and every given rule path.

    Without `errors` the first problem raises ConfigError; with it (`rules validate`) every
    problem of every file is collected there and the valid rules are returned.
    """
    files: list[Path] = []
    if defaults:
        files.extend(rule_files(pack_dir() / "pack"))
    for given in paths:
        try:
            files.extend(rule_files(Path(given)))
        except ConfigError as exc:
            if errors is None:
                raise
            errors.extend(exc.problems)
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for file in files:
        try:
            loaded = load_file(file, errors)
        except ConfigError as exc:
            if errors is None:
                raise
            errors.extend(exc.problems)
            continue
        for rule in loaded:
            if rule.id in seen:
                first = seen[rule.id]
                problem = f"{rule.path}:{rule.line}: rule '{rule.id}': id already used at {first.path}:{first.line}"
                if errors is None:
                    raise ConfigError(problem)
                errors.append(problem)
                continue
            seen[rule.id] = rule
            rules.append(rule)
    return rules
