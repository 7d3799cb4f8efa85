"""Tables for a terminal, with rich: per file, per finding a headline, its figures, the reason and a plot."""

from __future__ import annotations

import os
import re
import shutil
from typing import TextIO

from numcheck.records import Claim, Finding, Relation
from numcheck.report.plain import claim_reading, relation_line, under_last_claim
from numcheck.safe import UNSAFE
from numcheck.stories import story_of

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
PIPED_WIDTH = 100  # columns when the table does not go to a terminal (and COLUMNS is not set)

# C0 and C1 controls, DEL, and the marks that can reorder what a reader sees (numcheck.safe's set).
_CONTROL = UNSAFE


def visible(text: str, plain: bool = False) -> str:
    """Return text with every control character shown, never obeyed: ESC as ␛ (or \\x1b in plain ASCII)."""

    def show(match: re.Match[str]) -> str:
        code = ord(match.group())
        if not plain and code < 0x20:
            return chr(0x2400 + code)  # the Unicode control pictures: ␛ ␊ ␉
        if not plain and code == 0x7F:
            return "␡"
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"

    text = _CONTROL.sub(show, text)
    return text.translate(_ASCII) if plain else text


# Plain ASCII for the symbols numcheck itself writes; other characters are left to the output's encoding.
_ASCII = str.maketrans(
    {"–": "-", "—": "-", "−": "-", "≤": "<=", "≥": ">=", "×": "x", "⇒": "=>", "∞": "inf", "…": "..."}
)


def plain_output(out: TextIO) -> bool:
    """Return True when only plain ASCII should be drawn: NO_COLOR is set or the output is not UTF-8."""
    if "NO_COLOR" in os.environ:
        return True
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return encoding not in ("utf8", "utf8sig")


def table_width(out: TextIO) -> int:
    """Return the terminal's width, or COLUMNS, or 100 when piped."""
    if "COLUMNS" in os.environ and os.environ["COLUMNS"].isdigit():
        return max(40, int(os.environ["COLUMNS"]))
    isatty = getattr(out, "isatty", None)
    if isatty is not None and isatty():
        return max(40, shutil.get_terminal_size((PIPED_WIDTH, 24)).columns)
    return PIPED_WIDTH


def _console(out: TextIO, width: int | None = None, plain: bool = False, terminal: bool | None = None):
    """Return a rich console that never reads markup or emoji codes from the text it prints."""
    from rich.console import Console

    return Console(
        file=out,
        highlight=False,
        soft_wrap=False,
        width=width,
        markup=False,
        emoji=False,
        no_color=plain or None,
        force_terminal=terminal,
        safe_box=plain,
    )


def where(claim: Claim, source: str) -> str:
    """Return line:col, with the file in front when the figure is in another file."""
    place = f"{claim.line}:{claim.column}"
    other = other_file(claim, source)
    return f"{other}:{place}" if other else place


def other_file(claim: Claim, source: str) -> str:
    """Return the figure's file when it is not the finding's: its name when beside it, else its path."""
    if claim.source == source:
        return ""
    if story_of(claim.source) == story_of(source):  # a report of the same story, beside it
        return os.path.basename(claim.source)
    return claim.source


def figure_line(claim: Claim) -> str:
    """Return one figure as a fact-checker reads it: its words, how they were read, what, who."""
    from numcheck.rules.kinds.base import source_name

    reading = claim_reading(claim)
    qualifier = "" if claim.qualifier == "exact" else f" ({claim.qualifier.replace('_', ' ')})"
    about = claim.concept or claim.measure
    what = f", {about}" if about else ""
    when = f", {claim.when_cue or 'at'} {claim.when}" if claim.when else ""
    return f'"{claim.text}" read as {reading}{qualifier}{what}{when} — {source_name(claim)}'


def plot_lines(found: Finding, claims: dict[str, Claim], width: int, plain: bool) -> list[str]:
    """Return the finding's interval plot as lines of at most `width` characters (none when nothing to draw)."""
    from numcheck.report.plot import ASCII, UNICODE, axis, bars, draw, scale_line

    items = bars(found, claims)
    scale = axis(items)
    if len(items) < 2 or scale is None:
        return []
    chars = ASCII if plain else UNICODE
    label = max(len(b.marker) for b in items)
    texts = [visible(b.interval_text(), plain) for b in items]
    room = max(len(t) for t in texts)
    bar_width = width - label - room - 2
    if bar_width < 12:  # too narrow for the intervals beside the bars: they are in the figure rows' words
        bar_width, texts = width - label - 1, [""] * len(items)
    lines = [
        f"{b.marker:>{label}} {draw(b, scale, bar_width, chars)} {text}".rstrip()
        for b, text in zip(items, texts, strict=True)
    ]
    units = {b.unit for b in items}
    lines.append(" " * (label + 1) + scale_line(scale, bar_width, units.pop() if len(units) == 1 else ""))
    return [visible(line, plain) for line in lines] if plain else lines


def write_findings_table(
    findings: list[Finding],
    summary: str,
    out: TextIO,
    claims: list[Claim] | None = None,
    width: int | None = None,
    plain: bool | None = None,
) -> None:
    """Print one table per file: each finding's headline, a row per figure, the reason and a plot; then the summary."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from numcheck.report.plot import bars, marker_letters

    plain = plain_output(out) if plain is None else plain
    width = width or table_width(out)
    import io

    buffer = io.StringIO()
    isatty = getattr(out, "isatty", None)
    colour = bool(isatty and isatty()) and not plain  # drawn into a buffer first: say where it goes
    console = _console(buffer, width, plain, terminal=colour or None)
    by_id = {c.id: c for c in claims or ()}
    for source in sorted({f.source for f in findings}):
        items = [f for f in findings if f.source == source]
        places = [f"{f.line}:{f.column}" for f in items]
        places += [f"{by_id[i].line}:{by_id[i].column}" for f in items for i in f.claims if i in by_id]
        where_width = min(max(len("line:col"), *map(len, places)), max(8, width // 4))
        level_width = max(len("level"), *(len(f.level) for f in items))
        text_width = max(20, width - 10 - where_width - level_width)  # 4 borders and 3 × 2 padding
        table = Table(
            title=Text(visible(source, plain)),
            title_justify="left",
            box=box.ASCII if plain else box.HEAVY_HEAD,
            expand=False,
        )
        table.add_column("line:col", width=where_width, overflow="fold")
        table.add_column("level", width=level_width, no_wrap=True)
        table.add_column("finding", width=text_width, overflow="fold")
        for f in items:
            style = "" if plain else STYLES[f.level]
            head = Text.assemble((visible(f.headline or f.message, plain), "bold"))
            head.append(f"  {f.rule}" + ("  (undecidable)" if f.outcome == "undecidable" else ""), style="dim")
            rows = [(Text(f"{f.line}:{f.column}"), Text(f.level, style=style), head)]
            letters = marker_letters(f)
            known = [by_id[i] for i in f.claims if i in by_id]
            for claim in known:
                line = Text.assemble((f"{letters[claim.id]} ", "bold"))
                other = other_file(claim, source)
                line.append(visible(figure_line(claim) + (f" (in {other})" if other else ""), plain))
                rows.append((Text(f"{claim.line}:{claim.column}"), Text(""), line))
            for bar in bars(f, by_id):
                if not bar.claim:  # a derived value or a limit: name it, since the plot shows only its letter
                    line = Text.assemble((f"{bar.marker} ", "bold"))
                    line.append(visible(f"{bar.label}: {bar.interval_text()}", plain))
                    rows.append((Text(""), Text(""), line))
            reason = (f.reason if known else f.message) if f.headline else ""  # else the headline said it
            if reason:
                rows.append((Text(""), Text(""), Text(visible("⇒ " + reason, plain))))
            drawn = plot_lines(f, by_id, text_width, plain)
            if drawn:
                rows.append((Text(""), Text(""), Text("\n".join(drawn), style=style, no_wrap=True)))
            for index, row in enumerate(rows):
                table.add_row(*row, end_section=index == len(rows) - 1)
        console.print(table)
    console.print(Text(summary))
    encoding = getattr(out, "encoding", None) or "utf-8"
    out.write(buffer.getvalue().encode(encoding, "backslashreplace").decode(encoding))  # never an encoding error


def write_claims_table(claims: list[Claim], out: TextIO, relations: list[Relation] | None = None) -> None:
    """Print the claims of each file as a table, each relation in a row under its claims."""
    from rich.table import Table
    from rich.text import Text

    console = _console(out)
    by_id = {c.id: c for c in claims}
    shown = under_last_claim(claims, relations or [])
    for source in dict.fromkeys(c.source for c in claims):
        table = Table(title=Text(visible(source)), title_justify="left", expand=True)
        for name in ("line:col", "text", "reading", "qualifier", "measure / concept", "source", "frame"):
            table.add_column(name, overflow="fold")
        for c in (c for c in claims if c.source == source):
            measure = " / ".join(x for x in (c.measure, c.concept) if x)
            frame = "; ".join(
                f"{name}={getattr(c, name)}"
                for name in ("counted", "predicate", "scope", "part_of")
                if getattr(c, name)
            )
            cells = (f"{c.line}:{c.column}", c.text, claim_reading(c), c.qualifier, measure, c.attribution or "", frame)
            table.add_row(*(Text(visible(cell)) for cell in cells))
            for relation in shown.get(c.id, []):
                line = f"↳ relation {relation_line(relation, by_id)}"
                table.add_row("", Text(visible(line), style="dim"), "", "", "", "", "")
        console.print(table)
