"""The command line: numcheck check | extract | rules, with exit codes 0, 1 and 2."""

# No `from __future__ import annotations` here: typer would evaluate every parameter's annotation
# string of every command at each start (8 ms); written as objects they are evaluated once, here.
import gc
import os
import sys

# Importing typer and the modules below makes some 100,000 objects and no garbage: the cyclic
# collector would walk them over and over (a tenth of a start). It pauses here, and what the
# imports built is frozen (never walked again: it lives as long as the process) at the end.
_gc_was_enabled = gc.isenabled()
gc.disable()

from numcheck import pattern_cache  # noqa: E402
from numcheck.cachefiles import cache_dir  # noqa: E402

# Before anything else compiles a pattern (typer's imports, then the pipeline's): see pattern_cache.py.
pattern_cache.start(cache_dir())

import re  # noqa: E402
from enum import StrEnum  # noqa: E402
from typing import Annotated  # noqa: E402

import typer  # noqa: E402

from numcheck import __version__  # noqa: E402

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
PROGRESS_FROM = 20  # files: below this a run is over before a bar could be read

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Check the numbers in news articles: hedges, bounds, units, plausibility and conflicts.",
)


class Format(StrEnum):
    """Output formats."""

    table = "table"
    line = "line"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    markdown = "markdown"
    html = "html"


class ClaimFormat(StrEnum):
    """Output formats for claims."""

    table = "table"
    line = "line"
    json = "json"


class FailOn(StrEnum):
    """The lowest level that makes `check` exit 1."""

    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


Paths = Annotated[list[str], typer.Argument(help="Files or folders to read; - for standard input.")]
RulePaths = Annotated[
    list[str] | None,
    typer.Option("--rules", help="A rule file or folder to add (repeatable).", show_default=False),
]
NoDefaults = Annotated[bool, typer.Option("--no-default-rules", help="Do not load the built-in rule pack.")]
FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="table on a terminal, line otherwise.", show_default=False),
]
MaxSize = Annotated[float, typer.Option("--max-size", help="Largest file to read, in MB (at most 4096).")]
MAX_SIZE_MB = 4096.0  # a bound, so nan, inf and 1e308 are refused rather than overflow
Encoding = Annotated[
    str | None,
    typer.Option(
        "--encoding", help="Read files that are not UTF-8 (and have no byte-order mark) in this encoding, e.g. cp1252."
    ),
]
Sources = Annotated[
    str | None,
    typer.Option("--sources", help="A YAML manifest naming each file's outlet, date and URL.", show_default=False),
]


def _version(value: bool) -> None:
    if value:
        print(f"numcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Check the numbers in news articles."""


def _format(chosen: Format | ClaimFormat | None, claims: bool = False) -> str:
    """Pick the format: the one asked for; GitHub annotations in GitHub Actions; a table on a terminal."""
    if chosen is not None:
        return chosen.value
    if not claims and os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "table" if sys.stdout.isatty() else "line"


StdinName = Annotated[
    str | None,
    typer.Option("--stdin-filename", help="Name standard input (-) in reports; its extension sets the format."),
]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")]
Jobs = Annotated[
    str | None,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N|auto",
        help="Processes for story folders: a number, or auto (one per core when there are 2+ folders and 512 KB+).",
        show_default=False,
    ),
]


def _read(paths: list[str], settings, exclude: list[str], jobs=None, config=None):
    """Read and extract, with a progress bar on a terminal for long runs; exit 2 when nothing is readable.

    With a config, story folders may be checked in parallel (--jobs): then run.found holds the rules' findings.
    """
    from numcheck.pipeline import read_and_extract, report_problems

    def work(progress=None):
        if jobs != 1:
            from numcheck.jobs import run_parallel

            done = run_parallel(paths, settings, config, exclude, jobs, progress)
            if done is not None:
                return done
        return read_and_extract(paths, settings, exclude, progress), None

    if not sys.stderr.isatty() or os.environ.get("GITHUB_ACTIONS") == "true":
        run, found = work()  # piped: nothing but the report
    else:
        from numcheck.report.progress import ProgressBar

        bar = ProgressBar(PROGRESS_FROM)
        try:
            run, found = work(bar.advance)
        finally:
            bar.close()
    run.found = found
    report_problems(run)
    if run.files == 0:
        if not run.usage_errors and not run.problems:
            print("numcheck: error: nothing to check", file=sys.stderr)
        raise typer.Exit(2)
    return run


def _settings(config, max_size: float, sources: str | None, stdin_name: str | None, encoding: str | None, **checking):
    """Settings for check and extract: the command line over the configuration; `checking` adds check's own."""
    from numcheck.pipeline import Settings
    from numcheck.read.sources import check_encoding

    if not 0.001 <= max_size <= MAX_SIZE_MB:  # also false for nan
        _usage(f"--max-size: expected a number of MB from 0.001 to {MAX_SIZE_MB:g}, got {max_size}")
    encoding = encoding or config.encoding
    return Settings(
        max_bytes=int(max_size * 1024 * 1024),
        sources=sources or config.sources,
        stdin_name=stdin_name,
        encoding=check_encoding(encoding) if encoding else None,
        **checking,
    )


# Every module a story's work imports, so that --jobs workers inherit them instead of each importing its own
# (tests/test_start_paths.py checks that a story's work imports nothing more).
EXTRACT_STAGES = (
    "numcheck.config",
    "numcheck.pipeline",
    "numcheck.read",
    "numcheck.read.manifest",
    "numcheck.read.suppressions",
    "numcheck.extract",
    "numcheck.relate",
)
CHECK_STAGES = (
    *EXTRACT_STAGES,
    "numcheck.rules.loader",
    "numcheck.rules.engine",
    "numcheck.report",
    "numcheck.hashing",
)


def _load_stages(modules: tuple[str, ...]) -> None:
    """Import the stages a command runs and load the vocabulary with the collector paused, then freeze them.

    Every run needs them and what they build lives as long as the process: walking it again and
    again would cost more than a tenth of a check. Markdown's parser is left to the first Markdown file.
    """
    if all(name in sys.modules for name in modules):
        return  # loaded by an earlier run in this process
    import importlib

    enabled = gc.isenabled()
    gc.disable()
    try:
        for name in modules:
            importlib.import_module(name)
        from numcheck.vocab import default_vocabulary

        default_vocabulary()
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _warn_unheeded(paths: list[str], isolated: bool) -> None:
    """Warn about checked folders whose own configuration file the run does not read."""
    from numcheck.config import unheeded

    for warning in unheeded(paths, isolated):
        print(f"numcheck: warning: {warning}", file=sys.stderr)


def _usage(message: str) -> None:
    """Print a usage error and exit 2."""
    print(f"numcheck: error: {message}", file=sys.stderr)
    raise typer.Exit(2)


@app.command()
def check(
    paths: Paths,
    rules: RulePaths = None,
    no_default_rules: NoDefaults = False,
    format: FormatOption = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write the report to this file.", show_default=False)
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on", help="Exit 1 when a finding is at or above this level [default: error].", show_default=False
        ),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even with findings (2 still means a usage or input error).")
    ] = False,
    max_size: MaxSize = 10.0,
    sources: Sources = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Judge dates against this day (YYYY-MM-DD) when a text gives none."),
    ] = None,
    show_undecidable: Annotated[
        bool, typer.Option("--show-undecidable", help="List checks that could not decide, at info.")
    ] = False,
    warn_unused_suppressions: Annotated[
        bool, typer.Option("--warn-unused-suppressions", help="Report numcheck comments that silenced nothing.")
    ] = False,
    baseline: Annotated[
        str | None, typer.Option("--baseline", help="Report only findings not recorded in this baseline file.")
    ] = None,
    write_baseline: Annotated[
        str | None, typer.Option("--write-baseline", help="Record the current findings in this file and exit 0.")
    ] = None,
    diff: Annotated[
        str | None, typer.Option("--diff", help="Report only findings on lines changed since this git ref.")
    ] = None,
    stdin_filename: StdinName = None,
    isolated: Isolated = False,
    encoding: Encoding = None,
    jobs: Jobs = None,
) -> None:
    """Extract the claims, run the rules, print the findings; exit 1 on findings at the fail level."""
    _load_stages(CHECK_STAGES)
    from numcheck.config import discover
    from numcheck.jobs import parse_jobs
    from numcheck.pipeline import check as run_checks
    from numcheck.read.sources import excerpt
    from numcheck.report import exit_code, summary, summary_line
    from numcheck.schema import valid_date

    config = discover(paths, isolated)
    _warn_unheeded(paths, isolated)
    if date is not None and (_ISO_DAY.fullmatch(date) is None or not valid_date(date)):
        _usage(f"--date: expected YYYY-MM-DD (a real day), got '{excerpt(date)}'")
    processes = parse_jobs(jobs or config.jobs)
    date = date or config.date
    settings = _settings(
        config,
        max_size,
        sources,
        stdin_filename,
        encoding,
        rule_paths=[*config.rules, *(rules or [])],
        default_rules=config.default_rules and not no_default_rules,
        today=date,
        undecidable=show_undecidable,
        warn_unused=warn_unused_suppressions,
        baseline=baseline,
        diff=diff,
    )
    run = _read(paths, settings, config.exclude, processes, config)
    before = len(run.usage_errors)
    run_checks(run, settings, config, run.found)
    for message in run.usage_errors[before:]:  # found by the rules stage: suppression comments naming no rule
        print(f"numcheck: error: {message}", file=sys.stderr)
    if write_baseline:
        from numcheck.report.baseline import write_baseline as record

        record(run.findings, write_baseline, run.claims)
        print(f"numcheck: recorded {len(run.findings)} findings in {write_baseline}", file=sys.stderr)
        raise typer.Exit(2 if run.usage_errors else 0)
    counts = summary(run.findings, run.files, len(run.claims))
    chosen = _format(format)
    from numcheck.report.output import write_report

    level = fail_on.value if fail_on is not None else (config.fail_on or "error")
    write_report(chosen, run, counts, summary_line(counts), output, level)
    code = 0 if exit_zero else exit_code(run.findings, level)
    raise typer.Exit(2 if run.usage_errors else code)


@app.command()
def extract(
    paths: Paths,
    format: Annotated[
        ClaimFormat | None,
        typer.Option("--format", "-f", help="table on a terminal, line otherwise.", show_default=False),
    ] = None,
    max_size: MaxSize = 10.0,
    sources: Sources = None,
    stdin_filename: StdinName = None,
    isolated: Isolated = False,
    encoding: Encoding = None,
    jobs: Jobs = None,
) -> None:
    """Print every numeric claim found and how it was read."""
    _load_stages(EXTRACT_STAGES)
    from numcheck.config import discover
    from numcheck.jobs import parse_jobs

    config = discover(paths, isolated)
    _warn_unheeded(paths, isolated)
    processes = parse_jobs(jobs or config.jobs)
    run = _read(paths, _settings(config, max_size, sources, stdin_filename, encoding), config.exclude, processes)
    chosen = _format(format, claims=True)
    if chosen == "json":
        from numcheck.report.plain import write_claims_json

        write_claims_json(run.claims, sys.stdout, relations=run.relations)
    elif chosen == "table":
        from numcheck.report.table import write_claims_table

        write_claims_table(run.claims, sys.stdout, run.relations)
    else:
        from numcheck.report.plain import write_claims_lines

        write_claims_lines(run.claims, sys.stdout, run.relations)
    raise typer.Exit(2 if run.usage_errors else 0)


@app.command("config")
def show_config(
    paths: Annotated[list[str] | None, typer.Argument(help="Where the files to check are (default: here).")] = None,
    isolated: Isolated = False,
) -> None:
    """Print the effective configuration and the file(s) it came from."""
    import yaml

    from numcheck.config import discover

    config = discover(paths or ["."], isolated)
    data = config.as_dict()
    files = data.pop("files")
    print("# from: " + (", ".join(files) if files else "no configuration file (defaults)"))
    sys.stdout.write(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


rules_app = typer.Typer(
    no_args_is_help=False,
    help="List, explain, validate and test rules (with no subcommand: list the loaded rules).",
)
app.add_typer(rules_app, name="rules")


@rules_app.callback(invoke_without_command=True)
def list_rules(ctx: typer.Context, rules: RulePaths = None, no_default_rules: NoDefaults = False) -> None:
    """List the loaded rules: id, kind, level and what each checks."""
    if ctx.invoked_subcommand is not None:
        return
    from numcheck.rules.loader import load_rules

    for rule in load_rules(rules or [], not no_default_rules):
        state = "" if rule.enabled else " (disabled)"
        print(f"{rule.id:<28} {rule.kind:<18} {rule.level:<8} {rule.description}{state}")


@rules_app.command("show")
def show_rule(
    rule_id: Annotated[str, typer.Argument(metavar="RULE-ID", help="The id of a loaded rule.")],
    rules: RulePaths = None,
    no_default_rules: NoDefaults = False,
) -> None:
    """Print a rule: description, parameters, examples, and its kind's documentation."""
    from numcheck.rules.loader import load_rules
    from numcheck.rules.show import describe_rule

    loaded = load_rules(rules or [], not no_default_rules)
    found = [r for r in loaded if r.id == rule_id]
    if not found:
        from numcheck.config import did_you_mean
        from numcheck.schema import excerpt

        guess = did_you_mean(rule_id, {r.id for r in loaded})
        _usage(f"no rule '{excerpt(rule_id)}'{guess} (see `numcheck rules`)")
    print(describe_rule(found[0]))


@rules_app.command("validate")
def validate_rules(paths: Annotated[list[str], typer.Argument(help="Rule files or folders.")]) -> None:
    """Check rule files; exit 0 when they are valid, 2 with file:line, rule and key otherwise."""
    from numcheck.rules.loader import load_rules

    errors: list[str] = []
    loaded = load_rules(paths, defaults=False, errors=errors)
    for message in errors:  # every problem in every file, not only the first
        print(f"numcheck: error: {message}", file=sys.stderr)
    if errors:
        print(f"{len(errors)} error{'s' if len(errors) != 1 else ''}; {len(loaded)} rules valid", file=sys.stderr)
        raise typer.Exit(2)
    print(f"{len(loaded)} rules valid in {', '.join(paths)}")


@rules_app.command("test")
def test_rules(paths: Annotated[list[str], typer.Argument(help="Rule files or folders.")]) -> None:
    """Run the examples of rule files; exit 1 and list each failure when one misbehaves."""
    from numcheck.rules.examples import example_failures
    from numcheck.rules.loader import load_rules
    from numcheck.vocab import default_vocabulary

    loaded = load_rules(paths, defaults=False)
    vocab = default_vocabulary()
    failures = [line for rule in loaded for line in example_failures(rule, vocab)]
    for line in failures:
        print(line)
    count = sum(len(r.trigger) + len(r.passes) for r in loaded)
    print(f"{count - len(failures)} of {count} examples behave as stated in {len(loaded)} rules", file=sys.stderr)
    raise typer.Exit(1 if failures else 0)


@rules_app.command("docs")
def rules_docs() -> None:
    """Print the rule reference (docs/rules.md) written from the kinds and the pack."""
    from numcheck.rules.docs import render

    sys.stdout.write(render())


@rules_app.command("schema")
def rules_schema() -> None:
    """Print the JSON Schema of rule files (rules/rules.schema.json)."""
    from numcheck.rules.jsonschema import render

    sys.stdout.write(render())


if _gc_was_enabled:
    gc.freeze()  # else the first allocation after enable() would walk every object made since the pause
    gc.enable()


def main() -> None:
    """Run the app; turn every known error into one line and exit code 2, never a traceback."""
    import signal

    from numcheck.errors import Interrupted, NumcheckError

    def interrupted(signum, frame) -> None:
        raise Interrupted  # not a KeyboardInterrupt, which click would turn into "Aborted!"

    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, interrupted)
    try:
        try:
            app(prog_name="numcheck")
        finally:
            pattern_cache.save()  # after the run, so the patterns of every stage are in re's cache
    except NumcheckError as exc:
        print(f"numcheck: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except (KeyboardInterrupt, Interrupted):
        print("numcheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # the last line of defence: one line, never a traceback
        if os.environ.get("NUMCHECK_DEBUG"):
            raise
        print(
            f"numcheck: internal error: {type(exc).__name__}: {exc} (set NUMCHECK_DEBUG=1 for details)", file=sys.stderr
        )
        sys.exit(2)
