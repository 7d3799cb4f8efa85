"""The pipeline end to end: read → extract → relate → rules → findings, with per-file problems kept."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from numcheck.errors import ConfigError, InputError
from numcheck.records import Claim, Finding, Relation

if TYPE_CHECKING:
    from numcheck.config import Config
    from numcheck.read.suppressions import Suppression
    from numcheck.vocab import Vocabulary


@dataclass
class Settings:
    """How to read and check: from the command line, over the configuration file."""

    max_bytes: int = 10 * 1024 * 1024
    sources: str | None = None
    stdin_name: str | None = None
    rule_paths: list[str] = field(default_factory=list)
    default_rules: bool = True
    today: str | None = None
    undecidable: bool = False
    warn_unused: bool = False
    baseline: str | None = None
    diff: str | None = None


@dataclass
class Run:
    """What one run produced: claims, findings, and the files it could not read."""

    files: int = 0
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)  # how each text's claims relate (the relate stage)
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    usage_errors: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # source → prose view
    dates: dict[str, str] = field(default_factory=dict)  # source → publication date
    suppressions: list[Suppression] = field(default_factory=list)
    rule_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # rule id → (kind, description)


def read_and_extract(
    paths: list[str], settings: Settings, exclude: list[str] | None = None, progress: Callable | None = None
) -> Run:
    """Read every file, extract its claims and relate them; unreadable files become problems.

    `progress(done, total)` is called after each file when given (a terminal's progress bar).
    """
    from numcheck.extract import extract
    from numcheck.read import expand_paths, load
    from numcheck.read.manifest import key, load_manifest
    from numcheck.read.suppressions import parse
    from numcheck.relate import relate
    from numcheck.vocab import default_vocabulary

    vocab = default_vocabulary()
    sources = load_manifest(settings.sources) if settings.sources else {}
    files, errors = expand_paths(paths, exclude or [])
    run = Run(usage_errors=errors)
    for number, path in enumerate(files, start=1):
        if progress is not None:
            progress(number - 1, len(files))
        try:
            doc = load(path, settings.max_bytes, name=settings.stdin_name if path == "-" else None)
        except InputError as exc:
            run.problems.append(str(exc))
            continue
        info = sources.get(key(path))
        if info is not None:  # the manifest speaks for the file over its own front matter
            doc = replace(doc, outlet=info.outlet or doc.outlet, date=info.date or doc.date, url=info.url or doc.url)
        run.files += 1
        prefix = f"{number}." if len(files) > 1 else ""
        claims = extract(doc, vocab, prefix=prefix)
        run.claims.extend(claims)
        run.relations.extend(relate(doc, claims, vocab))
        run.texts[doc.source] = doc.prose
        if doc.date:
            run.dates[doc.source] = doc.date
        if doc.kind in ("markdown", "html"):
            found, problems = parse(doc.source, doc.text)
            run.suppressions.extend(found)
            run.problems.extend(problems)
    return run


def check(run: Run, settings: Settings, config: Config) -> None:
    """Run the rules over the claims; then apply suppressions, the baseline and --diff."""
    from numcheck.rules.engine import run as run_rules
    from numcheck.rules.model import Context
    from numcheck.vocab import default_vocabulary

    rules = _rules(settings, config)
    run.rule_names = {r.id: (r.kind, r.description) for r in rules}
    vocab = tuned(default_vocabulary(), config)
    ctx = Context(
        vocab,
        texts=run.texts,
        dates=run.dates,
        today=settings.today,
        show_undecidable=settings.undecidable,
        relations=tuple(run.relations),
    )
    findings = _suppress(run_rules(rules, run.claims, ctx), run.suppressions, settings.warn_unused)
    if settings.baseline:
        from numcheck.report.baseline import without_baseline

        findings = without_baseline(findings, settings.baseline)
    if settings.diff:
        from numcheck.report.diff import changed_lines

        findings = _touching(findings, run.claims, changed_lines(settings.diff, list(run.texts)))
    run.findings = findings


def _rules(settings: Settings, config: Config) -> list:
    """Load the rules and apply the configuration's select, ignore and levels."""
    from numcheck.config import chosen
    from numcheck.rules.loader import load_rules

    rules = load_rules(settings.rule_paths, settings.default_rules)
    known = {r.id for r in rules}
    for rule_id in config.levels:
        if rule_id not in known:
            raise ConfigError(f"{config.files[-1]}: configuration: levels: no rule '{rule_id}' is loaded")
    chosen_rules = []
    for rule in rules:
        pick = chosen(rule.id, config)
        rule = replace(rule, enabled=rule.enabled if pick is None else pick)  # select turns a rule on
        if rule.id in config.levels:
            rule = replace(rule, level=config.levels[rule.id])
        chosen_rules.append(rule)
    return chosen_rules


def tuned(vocab: Vocabulary, config: Config) -> Vocabulary:
    """Return the vocabulary with the configuration's rounding and hedge margins."""
    if config.rounding is None and not config.hedges:
        return vocab
    from numcheck.extract.tokens import phrase

    modifiers = dict(vocab.modifiers)
    for words, margins in config.hedges.items():
        key = phrase(words)
        if key not in modifiers:
            raise ConfigError(f"{config.files[-1]}: configuration: hedges: '{words}' is no hedge of the vocabulary")
        old = modifiers[key]
        below = old.below if margins["below"] is None else margins["below"]
        above = old.above if margins["above"] is None else margins["above"]
        modifiers[key] = replace(old, below=below, above=above)
    rounding = vocab.rounding_fraction if config.rounding is None else config.rounding
    return replace(vocab, modifiers=modifiers, rounding_fraction=rounding)


def _suppress(findings: list[Finding], suppressions: list[Suppression], warn_unused: bool) -> list[Finding]:
    """Drop findings a suppression comment covers; report comments that covered nothing."""
    used: set[int] = set()
    kept = []
    for item in findings:
        hits = [i for i, s in enumerate(suppressions) if s.source == item.source and s.covers(item.rule, item.line)]
        used.update(hits)
        if not hits:
            kept.append(item)
    if warn_unused:
        for index, s in enumerate(suppressions):
            if index not in used:
                names = ", ".join(s.rules) if s.rules else "all rules"
                kept.append(
                    Finding(
                        source=s.source,
                        line=s.line,
                        column=1,
                        rule="unused-suppression",
                        kind="suppression",
                        level="warning",
                        message=f"This numcheck comment silences {names} but nothing was found to silence",
                        end_line=s.line,
                        end_column=2,
                        fingerprint=f"unused-suppression:{s.source}:{s.rules}:{s.first}",
                    )
                )
    return sorted(kept)


def _touching(findings: list[Finding], claims: list[Claim], changed: dict[str, set[int]]) -> list[Finding]:
    """Keep the findings that involve a line changed since the --diff reference."""
    from numcheck.read.manifest import key

    lines = {c.id: (key(c.source), c.line) for c in claims}
    wanted = {key(path): numbers for path, numbers in changed.items()}

    def touched(item: Finding) -> bool:
        places = [lines[i] for i in item.claims if i in lines] or [(key(item.source), item.line)]
        return any(line in wanted.get(path, ()) for path, line in places)

    return [f for f in findings if touched(f)]


def report_problems(run: Run) -> None:
    """Print one line per file that could not be checked."""
    for message in run.usage_errors:
        print(f"numcheck: error: {message}", file=sys.stderr)
    for message in run.problems:
        print(f"numcheck: warning: {message}", file=sys.stderr)
