"""The command line: numcheck check | extract | rules, with exit codes 0, 1 and 2."""

from __future__ import annotations

import os
import re
import sys
from enum import StrEnum
from typing import Annotated

import typer

from numcheck import __version__

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
MaxSize = Annotated[float, typer.Option("--max-size", help="Largest file to read, in MB.", min=0.001)]
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


def _read(paths: list[str], settings, exclude: list[str]):
    """Read and extract, with a progress bar on a terminal for long runs; exit 2 when nothing is readable."""
    from numcheck.pipeline import read_and_extract, report_problems

    if not sys.stderr.isatty() or os.environ.get("GITHUB_ACTIONS") == "true":
        run = read_and_extract(paths, settings, exclude)  # piped: nothing but the report
    else:
        from numcheck.report.progress import ProgressBar

        bar = ProgressBar(PROGRESS_FROM)
        try:
            run = read_and_extract(paths, settings, exclude, bar.advance)
        finally:
            bar.close()
    report_problems(run)
    if run.files == 0:
        if not run.usage_errors and not run.problems:
            print("numcheck: error: nothing to check", file=sys.stderr)
        raise typer.Exit(2)
    return run


def _settings(config, max_size: float, sources: str | None, stdin_name: str | None, **checking):
    """Settings for check and extract: the command line over the configuration; `checking` adds check's own."""
    from numcheck.pipeline import Settings

    return Settings(
        max_bytes=int(max_size * 1024 * 1024),
        sources=sources or config.sources,
        stdin_name=stdin_name,
        **checking,
    )


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
) -> None:
    """Extract the claims, run the rules, print the findings; exit 1 on findings at the fail level."""
    from numcheck.config import discover
    from numcheck.pipeline import check as run_checks
    from numcheck.report import exit_code, summary, summary_line

    config = discover(paths, isolated)
    date = date or config.date
    if date is not None and _ISO_DAY.fullmatch(date) is None:
        print(f"numcheck: error: --date: expected YYYY-MM-DD, got '{date}'", file=sys.stderr)
        raise typer.Exit(2)
    settings = _settings(
        config,
        max_size,
        sources,
        stdin_filename,
        rule_paths=[*config.rules, *(rules or [])],
        default_rules=config.default_rules and not no_default_rules,
        today=date,
        undecidable=show_undecidable,
        warn_unused=warn_unused_suppressions,
        baseline=baseline,
        diff=diff,
    )
    run = _read(paths, settings, config.exclude)
    run_checks(run, settings, config)
    if write_baseline:
        from numcheck.report.baseline import write_baseline as record

        record(run.findings, write_baseline)
        print(f"numcheck: recorded {len(run.findings)} findings in {write_baseline}", file=sys.stderr)
        raise typer.Exit(2 if run.usage_errors else 0)
    counts = summary(run.findings, run.files, len(run.claims))
    chosen = _format(format)
    from numcheck.report.output import write_report

    write_report(chosen, run, counts, summary_line(counts), output)
    level = fail_on.value if fail_on is not None else (config.fail_on or "error")
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
) -> None:
    """Print every numeric claim found and how it was read."""
    from numcheck.config import discover

    config = discover(paths, isolated)
    run = _read(paths, _settings(config, max_size, sources, stdin_filename), config.exclude)
    chosen = _format(format, claims=True)
    if chosen == "json":
        from numcheck.report.plain import write_json

        claims = [c.to_json() for c in run.claims]
        write_json({"version": 1, "claims": claims, "relations": [r.to_json() for r in run.relations]}, sys.stdout)
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
        print(f"numcheck: error: no rule '{rule_id}' (see `numcheck rules`)", file=sys.stderr)
        raise typer.Exit(2)
    print(describe_rule(found[0]))


@rules_app.command("validate")
def validate_rules(paths: Annotated[list[str], typer.Argument(help="Rule files or folders.")]) -> None:
    """Check rule files; exit 0 when they are valid, 2 with file:line, rule and key otherwise."""
    from numcheck.rules.loader import load_rules

    loaded = load_rules(paths, defaults=False)
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


def main() -> None:
    """Run the app; turn every known error into one line and exit code 2, never a traceback."""
    from numcheck.errors import NumcheckError

    try:
        app(prog_name="numcheck")
    except NumcheckError as exc:
        print(f"numcheck: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
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
