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
from numcheck.records import LEVELS

NAMES = ("numcheck.yaml", ".numcheck.yaml", "pyproject.toml")


def _jobs(value: Any) -> str | None:
    """A number of processes (1 to 256) or auto."""
    if value == "auto" or (isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 256):
        return None
    return f"expected a number of processes (1 to 256) or 'auto', got {value!r}"


HEDGE = {
    "below": s.Field(s.number, doc="how far below the figure the hedge reaches, as a fraction"),
    "above": s.Field(s.number, doc="how far above, as a fraction"),
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
    "rounding": s.Field(s.number, doc="how much of a round figure's last place it may be off (0.5)"),
    "hedges": s.Field(s.mapping, default={}, doc='hedge word: {below, above}, e.g. "about": {below: 0.15}'),
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
    import tomllib  # only when there is a pyproject.toml to read

    try:
        return "numcheck" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"{path}: not readable TOML: {exc}") from None


def _read(path: Path) -> dict:
    """Read one configuration file's mapping."""
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        import tomllib

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not readable TOML: {exc}") from None
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
    values = s.validate(_read(path), FIELDS, str(path), "configuration")
    config = config or Config()
    if values["extend"]:
        config = load((path.parent / values["extend"]).resolve(), config, depth + 1)
    folder = path.parent
    config.files.append(str(path))
    config.rules += [str(folder / r) for r in values["rules"]]
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
    config.sources = str(folder / values["sources"]) if values["sources"] else config.sources
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


def chosen(rule_id: str, config: Config) -> bool | None:
    """Return True when `select` names a rule, False when `ignore` does, None when neither."""
    if any(rule_id == p or rule_id.startswith(p) for p in config.ignore):
        return False
    if config.select:
        return any(rule_id == p or rule_id.startswith(p) for p in config.select)
    return None
