"""--jobs: story folders checked in parallel processes, merged into the run one process would make.

A story is the files of one folder (the rules compare reports of one story, never two
stories), so each story is read, extracted and checked whole inside one worker. The parent
merges the files' results in the order one process reads them, so the output is the same
byte for byte; suppressions, the baseline and --diff then apply as usual.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from numcheck.errors import ConfigError
from numcheck.stories import story_of

if TYPE_CHECKING:
    from numcheck.config import Config
    from numcheck.pipeline import Run, Settings
    from numcheck.records import Finding

# `auto` starts processes only for this much input: below it a run is over before workers start.
AUTO_MIN_BYTES = 512 * 1024


def cores() -> int:
    """Return the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def parse_jobs(value: str | int | None, where: str = "--jobs") -> int | None:
    """Return a number of processes, None for `auto`; raise ConfigError on anything else."""
    if value is None or value == "auto":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value)
    else:
        raise ConfigError(f"{where}: expected a number of processes or 'auto', got {value!r}")
    if not 1 <= number <= 256:
        raise ConfigError(f"{where}: expected 1 to 256 processes or 'auto', got {number}")
    return number


def stories(files: list[str]) -> list[list[tuple[int, str]]]:
    """Group (number, path) of the files by folder, in the order folders first appear."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for number, path in enumerate(files, start=1):
        groups.setdefault(story_of(path), []).append((number, path))
    return list(groups.values())


def workers(jobs: int | None, groups: list[list[tuple[int, str]]]) -> int:
    """Return how many processes to start: 1 means none. `jobs` None is auto."""
    if len(groups) < 2:
        return 1  # a single story stays in one process
    if jobs is None:
        size = 0
        for group in groups:
            for _, path in group:
                try:
                    size += os.path.getsize(path)
                except OSError:
                    continue
        if size < AUTO_MIN_BYTES:
            return 1
        jobs = cores()
    return max(1, min(jobs, len(groups)))


def run_parallel(
    paths: list[str],
    settings: Settings,
    config: Config | None,
    exclude: list[str],
    jobs: int | None,
    progress: Callable | None = None,
) -> tuple[Run, list[Finding] | None] | None:
    """Read, extract and (with a config) check story folders in parallel.

    Returns (run, findings before suppressions), or None when one process is the better
    choice (one story, little input, standard input) and the caller reads as usual.
    """
    from numcheck.pipeline import Run, _rules, sort_claims
    from numcheck.read import expand_paths

    files, errors = expand_paths(paths, exclude)
    if "-" in files:
        return None
    groups = stories(files)
    count = workers(jobs, groups)
    if count <= 1:
        return None
    from concurrent.futures import ProcessPoolExecutor  # only when processes start: 25 ms

    rules = _rules(settings, config) if config is not None else None
    run = Run(usage_errors=errors, encoding=settings.encoding)
    parts: dict[int, Run] = {}
    found: list[Finding] = []
    done = 0
    total = len(files)
    with ProcessPoolExecutor(max_workers=count, initializer=_start, initargs=(settings, config, rules)) as pool:
        # Largest stories first keep every worker busy to the end; results are merged by file number.
        order = sorted(groups, key=len, reverse=True)
        for files_done, findings in pool.map(_story, order):
            for number, part in files_done:
                parts[number] = part
            found.extend(findings)
            done += len(files_done)
            if progress is not None:
                progress(done, total)
    for number in sorted(parts):
        _merge(run, parts[number])
    sort_claims(run)
    return run, (sorted(found) if rules is not None else None)


def _merge(run: Run, part: Run) -> None:
    """Add one file's results to the run, as one process would have."""
    run.files += part.files
    run.claims.extend(part.claims)
    run.relations.extend(part.relations)
    run.problems.extend(part.problems)
    run.usage_errors.extend(part.usage_errors)
    run.notes.extend(part.notes)
    run.texts.update(part.texts)
    run.paths.update(part.paths)
    run.dates.update(part.dates)
    run.suppressions.extend(part.suppressions)


_WORKER: dict = {}  # what every task of a worker process shares: set once by _start


def _start(settings: Settings, config: Config | None, rules: list | None) -> None:
    """Set up a worker process once: the settings, configuration and loaded rules."""
    _WORKER.update(settings=settings, config=config, rules=rules)


def _story(group: list[tuple[int, str]]) -> tuple[list[tuple[int, Run]], list[Finding]]:
    """Read and extract each file of one story, then run the rules over the story's claims."""
    from numcheck.pipeline import Run, read_and_extract, rule_findings

    settings = _WORKER["settings"]
    results = [(number, read_and_extract([path], settings)) for number, path in group]
    if _WORKER["rules"] is None:
        return results, []
    story = Run()
    for _, part in results:
        _merge(story, part)
    before = len(story.usage_errors)
    found = rule_findings(story, _WORKER["rules"], settings, _WORKER["config"])
    if results and len(story.usage_errors) > before:  # a rule that failed inside: reported with the story's first file
        results[0][1].usage_errors.extend(story.usage_errors[before:])
    return results, found
