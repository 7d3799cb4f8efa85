"""Configuration files: [tool.numcheck] in pyproject.toml, numcheck.yaml or .numcheck.yaml.

The file closest to the checked files wins (their folder, then its parents); `extend` names a
base file read first. Options on the command line beat the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from numcheck import schema as s
from numcheck.errors import ConfigError
from numcheck.paths import confined
from numcheck.records import LEVELS
from numcheck.yamlfile import LineDict

NAMES = ("numcheck.yaml", ".numcheck.yaml", "pyproject.toml")


def _jobs(value: Any) -> str | None:
    """A number of processes (1 to 256) or auto."""
    if value == "auto" or (isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 256):
        return None
    return f"expected a number of processes (1 to 256) or 'auto', got {value!r}"


HEDGE = {
    "below": s.Field(s.number_in(0, 1), doc="how far below the figure the hedge reaches, as a fraction (0 to 1)"),
    "above": s.Field(s.number_in(0, 10), doc="how far above, as a fraction (0 to 10)"),
}
FIELDS = {
    "extend": s.Field(s.string, doc="a base configuration file read first, relative to this one"),
    "rules": s.Field(s.list_of(s.string), default=[], doc="extra rule files or folders"),
    "default-rules": s.Field(s.boolean, default=True, doc="load the built-in pack"),
    "select": s.Field(s.list_of(s.string), default=[], doc="run only these rule ids or id prefixes"),
    "ignore": s.Field(s.list_of(s.string), default=[], doc="never run these rule ids or id prefixes"),
    "levels": s.Field(s.mapping, default={}, doc="rule id: error | warning | info"),
    "fail-on": s.Field(s.one_of(*LEVELS, "never"), doc="exit 1 at or above this level"),
    "exclude": s.Field(s.list_of(s.string), default=[], doc="glob patterns of files not to check"),
    "date": s.Field(s.date, doc="the day to judge dates by when a text has none"),
    "sources": s.Field(s.string, doc="a sources manifest, relative to this file"),
    "rounding": s.Field(s.number_in(0, 1), doc="how much of a round figure's last place it may be off (0.5)"),
    "hedges": s.Field(s.mapping, default={}, doc='hedge word: {below, above}, e.g. "about": {below: 0.15}'),
    "encoding": s.Field(s.string, doc="the encoding of files that are not UTF-8, e.g. cp1252"),
    "jobs": s.Field(_jobs, doc="processes for story folders: a number, or auto (one per core)"),
}


@dataclass
class Config:
    """The effective configuration and the files it came from."""

    files: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    default_rules: bool = True
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    levels: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    exclude: list[str] = field(default_factory=list)
    date: str | None = None
    sources: str | None = None
    rounding: float | None = None
    hedges: dict[str, dict[str, float]] = field(default_factory=dict)
    encoding: str | None = None
    where: dict[str, str] = field(default_factory=dict)  # key → "file:line" that set it, for messages
    jobs: int | str | None = None  # None or "auto": processes chosen by the run's size

    def as_dict(self) -> dict[str, Any]:
        """Return the configuration as plain data, for `numcheck config`."""
        return {
            "files": self.files,
            "rules": self.rules,
            "default-rules": self.default_rules,
            "select": self.select,
            "ignore": self.ignore,
            "levels": self.levels,
            "fail-on": self.fail_on or "error",
            "exclude": self.exclude,
            "date": self.date,
            "sources": self.sources,
            "rounding": self.rounding,
            "hedges": self.hedges,
            "encoding": self.encoding,
            "jobs": self.jobs or "auto",
        }


def find(start: Path) -> Path | None:
    """Return the configuration file closest to `start`: its folder, then each parent."""
    folder = start if start.is_dir() else start.parent
    for place in [folder.resolve(), *folder.resolve().parents]:
        for name in NAMES:
            candidate = place / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    """Return True when a pyproject.toml has a [tool.numcheck] table."""
    tool = _toml(path).get("tool", {})
    return isinstance(tool, dict) and "numcheck" in tool


MAX_TOML_BYTES = 2 * 1024 * 1024


def _toml(path: Path) -> dict:
    """Parse a TOML file with limits: its size, its nesting, the digits of its integers."""
    import tomllib

    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_TOML_BYTES + 1)
        if len(raw) > MAX_TOML_BYTES:
            raise ConfigError(f"{path}: larger than 2 MB; refused")
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not readable TOML: {s.excerpt(str(exc), 80)}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (ValueError, RecursionError) as exc:  # an integer of 5,000 digits; arrays nested 100,000 deep
        raise ConfigError(
            f"{path}: not readable TOML: a value out of range or nested too deeply ({type(exc).__name__})"
        ) from None


def _read(path: Path) -> dict:
    """Read one configuration file's mapping."""
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        data = _toml(path)
        return data.get("tool", {}).get("numcheck", {}) if path.name == "pyproject.toml" else data
    from numcheck.yamlfile import load_yaml

    data = load_yaml(str(path))
    return {} if data is None else data  # type: ignore[return-value]


def load(path: Path, config: Config | None = None, depth: int = 0) -> Config:
    """Read a configuration file (and what it extends) on top of `config`."""
    if depth > 10:
        raise ConfigError(f"{path}: 'extend' goes more than 10 files deep")
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    data = _read(path)
    values = s.validate(data, FIELDS, str(path), "configuration")

    def where(key: str) -> str:
        return f"{path}:{data.line_of(key) if isinstance(data, LineDict) else 0}"

    def inside(key: str, name: str) -> str:
        return str(confined(name, str(path), f"{where(key)}: configuration: key '{key}'"))

    config = config or Config()
    if values["extend"]:
        config = load(Path(inside("extend", values["extend"])).resolve(), config, depth + 1)
    config.files.append(str(path))
    config.rules += [inside("rules", r) for r in values["rules"]]
    for key in ("select", "ignore", "levels"):
        if key in data:
            config.where[key] = where(key)
    config.default_rules = values["default-rules"]
    config.select += values["select"]
    config.ignore += values["ignore"]
    for rule_id, level in values["levels"].items():
        problem = s.one_of(*LEVELS)(level)
        if problem:
            raise ConfigError(f"{path}: configuration: levels: key '{rule_id}': {problem}")
        config.levels[rule_id] = level
    config.fail_on = values["fail-on"] or config.fail_on
    config.exclude += values["exclude"]
    config.date = s.iso_date(values["date"]) if values["date"] is not None else config.date
    config.sources = inside("sources", values["sources"]) if values["sources"] else config.sources
    config.encoding = values["encoding"] or config.encoding
    config.rounding = values["rounding"] if values["rounding"] is not None else config.rounding
    config.jobs = values["jobs"] if values["jobs"] is not None else config.jobs
    for word, margins in values["hedges"].items():
        config.hedges[word] = s.validate(margins, HEDGE, str(path), f"configuration: hedges: '{word}'")
    return config


def discover(paths: list[str], isolated: bool = False) -> Config:
    """Return the effective configuration for the checked paths (none when isolated)."""
    if isolated:
        return Config()
    real = [p for p in paths if p != "-"]
    found = find(Path(real[0]) if real else Path.cwd())
    return load(found) if found else Config()


def unheeded(paths: list[str], isolated: bool = False) -> list[str]:
    """Return a warning for each checked path whose closest configuration is not the one the run uses.

    One configuration applies to a run (the first path's), so a second folder's own file is not read:
    say so rather than check it silently under other rules.
    """
    real = [p for p in paths if p != "-"]
    if isolated or len(real) < 2:
        return []
    used = find(Path(real[0]))
    seen: set[Path] = set()
    warnings = []
    for path in real[1:]:
        if not Path(path).exists():
            continue  # a missing path is an error of its own
        folder = Path(path) if Path(path).is_dir() else Path(path).parent
        key = folder.resolve()
        if key in seen:
            continue  # one warning a folder
        seen.add(key)
        try:
            own = find(Path(path))
        except (ConfigError, OSError):
            continue  # a file the run never reads must not stop it (an unreadable pyproject.toml)
        if own == used:
            continue
        if own is None:
            said = f"has no configuration file, yet the run applies {_shown(used)}, the first path's"
        elif used is None:
            said = f"its own {_shown(own)} is not read: the first path has none, so the run uses none"
        else:
            said = f"its own {_shown(own)} is not read: the run uses {_shown(used)}, the first path's"
        warnings.append(f"{path}: {said}; check it separately")
    return warnings


def _shown(path: Path) -> str:
    """Return a path relative to the working folder when it is inside it."""
    import os

    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def check_rule_ids(config: Config, known: set[str]) -> None:
    """Raise ConfigError for an id in select, ignore or levels that names no loaded rule, with a guess."""
    for key, names in (("select", config.select), ("ignore", config.ignore), ("levels", list(config.levels))):
        for name in names:
            prefix_ok = key != "levels" and any(rule_id.startswith(name) for rule_id in known)
            if name not in known and not prefix_ok:
                place = config.where.get(key, config.files[-1] if config.files else "configuration")
                raise ConfigError(
                    f"{place}: configuration: {key}: no rule '{s.excerpt(name)}' is loaded{did_you_mean(name, known)}"
                )


def did_you_mean(name: str, known: set[str]) -> str:
    """Return " (did you mean 'x'?)" for the closest known id, or nothing."""
    import difflib

    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def chosen(rule_id: str, config: Config) -> bool | None:
    """Return True when `select` names a rule, False when `ignore` does, None when neither."""
    if any(rule_id == p or rule_id.startswith(p) for p in config.ignore):
        return False
    if config.select:
        return any(rule_id == p or rule_id.startswith(p) for p in config.select)
    return None
