"""A self-contained HTML report: each text with its figures marked, the findings beside it, interval plots."""

from __future__ import annotations

import re
from html import escape
from typing import TextIO

from numcheck.records import LEVELS, Claim, Finding
from numcheck.safe import INVISIBLE

_BODY_CONTROL = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{INVISIBLE}]")  # tabs and line ends stay
CHUNK = 4000  # characters: the text is laid out in blocks of about this size
ORDER = tuple(reversed(LEVELS))  # errors first
TITLES = {"error": "Errors", "warning": "Warnings", "info": "Information"}

STYLE = """
:root{--error:#a4001d;--warning:#7a4300;--info:#00538a;--mark:#fff1a8;--chosen:#ffd3dc;--ink:#1b1b1b;--muted:#4a4a4a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,sans-serif;color:var(--ink);background:#fff}
header{position:sticky;top:0;z-index:2;background:#f4f4f4;border-bottom:1px solid #bbb;padding:.5rem 1rem}
h1{font-size:1.2rem;margin:0 .8rem 0 0;display:inline}
.summary{display:inline}
.filters{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;margin:.3rem 0 0;border:0;padding:0}
.filters label{cursor:pointer}
main{padding:0 1rem}
section.file{border-bottom:2px solid #ccc;padding-bottom:1rem}
h2{font-size:1.05rem;word-break:break-all}
.columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem;align-items:start}
@media (max-width:800px){.columns{grid-template-columns:1fr}}
pre.doc{white-space:pre-wrap;overflow-wrap:break-word;font:14px/1.6 ui-monospace,monospace;margin:0;padding:.5rem;
 border:1px solid #ccc;background:#fcfcfc;max-height:80vh;overflow:auto}
.chunk{content-visibility:auto;contain-intrinsic-size:auto 30em}
mark{background:var(--mark);color:inherit;border-bottom:2px solid #8a7400;cursor:help;scroll-margin:4rem}
mark.flagged{border-bottom-color:var(--error)}
mark:focus{outline:3px solid #1a4fd0;outline-offset:1px}
mark.chosen,mark:target{background:var(--chosen);outline:3px solid var(--error)}
.ctl{color:#a4001d;font-size:.8em}
.findings{max-height:80vh;overflow:auto}
.findings h3{font-size:1rem;margin:.6rem 0 .2rem}
.findings h3.error{color:var(--error)}.findings h3.warning{color:var(--warning)}.findings h3.info{color:var(--info)}
ol.level{list-style:none;margin:0;padding:0}
li.finding{border:1px solid #ccc;border-left:6px solid;border-radius:3px;padding:.4rem .6rem;margin:.4rem 0}
li.finding.error{border-left-color:var(--error)}li.finding.warning{border-left-color:var(--warning)}
li.finding.info{border-left-color:var(--info)}
li.finding[aria-current="true"]{background:#f0f4ff}
a.choose{font-weight:600;color:var(--ink)}
.rule{color:var(--muted);font-family:ui-monospace,monospace;font-size:.85em}
ul.figures{margin:.2rem 0;padding-left:1.2rem}
.reason{margin:.2rem 0;color:var(--muted)}
svg.plot{max-width:100%;height:auto;margin-top:.2rem}
svg.plot .rest{stroke:#bbb;stroke-width:1}
svg.plot text{font:11px system-ui,sans-serif;fill:var(--ink)}
svg.plot .point{fill:#fff;stroke:var(--ink);stroke-width:2}
svg.plot.error .bar{fill:var(--error)}svg.plot.warning .bar{fill:var(--warning)}svg.plot.info .bar{fill:var(--info)}
#tip{position:absolute;z-index:3;max-width:28rem;background:#1b1b1b;color:#fff;padding:.3rem .5rem;border-radius:3px;
 font-size:13px;pointer-events:none}
.hide-error .finding.error,.hide-warning .finding.warning,.hide-info .finding.info,.finding.unmatched{display:none}
body:has(#show-error:not(:checked)) .finding.error,body:has(#show-warning:not(:checked)) .finding.warning,
body:has(#show-info:not(:checked)) .finding.info{display:none}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
"""

# Progressive: without it the text, marks, tooltips (title) and findings (links to the figures) all work.
SCRIPT = r"""
(function () {
  "use strict";
  var body = document.body;
  var tip = document.createElement("div");
  tip.id = "tip"; tip.setAttribute("role", "tooltip"); tip.hidden = true;
  body.appendChild(tip);
  function reading(mark) {
    if (mark.title) { mark.dataset.reading = mark.title; mark.removeAttribute("title"); }
    return mark.dataset.reading || "";
  }
  function show(mark) {
    tip.textContent = reading(mark);
    var box = mark.getBoundingClientRect();
    tip.style.left = (window.scrollX + box.left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 4) + "px";
    tip.hidden = false;
    mark.setAttribute("aria-describedby", "tip");
  }
  function hide() { tip.hidden = true; }
  document.addEventListener("mouseover", function (e) {
    var mark = e.target.closest && e.target.closest("mark");
    if (mark) { show(mark); } else { hide(); }
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("mark")) { show(e.target); } else { hide(); }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  function choose(item) {
    document.querySelectorAll("mark.chosen").forEach(function (m) { m.classList.remove("chosen"); });
    document.querySelectorAll("li.finding[aria-current]").forEach(function (f) { f.removeAttribute("aria-current"); });
    var ids = (item.dataset.claims || "").split(" ").filter(Boolean);
    var first = null;
    ids.forEach(function (id) {
      var mark = document.getElementById("c-" + id);
      if (mark) { mark.classList.add("chosen"); first = first || mark; }
    });
    item.setAttribute("aria-current", "true");
    var status = document.getElementById("status");
    status.textContent = ids.length + " figure" + (ids.length === 1 ? "" : "s") + " marked";
    if (first) { first.scrollIntoView({block: "center"}); first.focus({preventScroll: true}); }
  }
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a.choose");
    if (link) { e.preventDefault(); choose(link.closest("li.finding")); }
  });
  function filter() {
    ["error", "warning", "info"].forEach(function (level) {
      var box = document.getElementById("show-" + level);
      if (box) { body.classList.toggle("hide-" + level, !box.checked); }
    });
    var words = (document.getElementById("search").value || "").toLowerCase();
    var shown = 0;
    document.querySelectorAll("li.finding").forEach(function (item) {
      item.classList.toggle("unmatched", words !== "" && item.textContent.toLowerCase().indexOf(words) < 0);
      if (getComputedStyle(item).display !== "none") { shown += 1; }
    });
    document.getElementById("status").textContent = shown + " finding" + (shown === 1 ? "" : "s") + " shown";
  }
  document.querySelectorAll(".filters input").forEach(function (input) {
    input.addEventListener("input", filter);
    input.addEventListener("change", filter);
  });
  document.getElementById("search").hidden = false;
  document.querySelector("label[for=search]").hidden = false;
  // A test hook, read by the browser tests: "#numcheck-test:click=2,hide=warning" clicks the third
  // finding, unticks a level, then records what is marked and shown in data attributes; "each" clicks
  // every finding in turn and records on each what it marked. It only writes what it sees.
  function chosenIds() {
    return Array.prototype.map.call(
      document.querySelectorAll("mark.chosen"), function (m) { return m.id.slice(2); }).join(" ");
  }
  var hash = decodeURIComponent(location.hash || "");
  if (hash.indexOf("#numcheck-test:") === 0) {
    var errors = [];
    window.addEventListener("error", function (e) { errors.push(String(e.message)); });
    hash.slice(15).split(",").forEach(function (step) {
      var parts = step.split("="), items = document.querySelectorAll("li.finding a.choose");
      if (parts[0] === "click" && items[+parts[1]]) { items[+parts[1]].click(); }
      if (parts[0] === "each") {
        items.forEach(function (link) {
          link.click();
          link.closest("li.finding").dataset.testChosen = chosenIds();
        });
      }
      if (parts[0] === "hide") { document.getElementById("show-" + parts[1]).click(); }
      if (parts[0] === "search") { var s = document.getElementById("search"); s.value = parts[1]; filter(); }
    });
    document.querySelectorAll("li.finding").forEach(function (item) {
      item.dataset.testShown = getComputedStyle(item).display === "none" ? "no" : "yes";
    });
    var out = document.createElement("output");
    out.id = "numcheck-test";
    out.dataset.chosen = chosenIds();
    out.dataset.errors = errors.join(" | ");
    body.appendChild(out);
  }
})();
"""


def _body_text(text: str) -> str:
    """Escape a piece of an article for the page; control and direction characters are shown, not obeyed."""
    text = text.replace("\r\n", "\n")

    def show(match: re.Match[str]) -> str:
        return f'<span class="ctl">\\u{ord(match.group()):04x}</span>'

    return _BODY_CONTROL.sub(show, escape(text, quote=False)).replace("\r", "")


def _attr(text: str) -> str:
    """Escape text for an attribute value, with control characters shown."""
    from numcheck.report.table import visible

    return escape(visible(text), quote=True)


def _text(text: str) -> str:
    """Escape text for element content, isolated so right-to-left names cannot reorder what follows."""
    from numcheck.report.table import visible

    return f"<bdi>{escape(visible(text), quote=False)}</bdi>"


def reading_of(claim: Claim) -> str:
    """Return how a figure was read, for its tooltip: interval, unit, qualifier, what, who, when."""
    from numcheck.report.plain import claim_reading
    from numcheck.rules.kinds.base import source_name

    parts = [f"reads as {claim_reading(claim)} ({claim.qualifier.replace('_', ' ')})"]
    about = claim.concept or claim.measure
    if about:
        parts.append(f"counts {about}")
    parts.append(f"said by {source_name(claim)}")
    if claim.when:
        parts.append(f"{claim.when_cue or 'at'} {claim.when}")
    return "; ".join(parts)


def _original(source: str, fallback: str, encoding: str | None = None) -> str:
    """Return a file's text as written (claims' offsets point into it), or the prose view when unreadable."""
    if source == "-":
        return fallback
    from numcheck.errors import InputError
    from numcheck.read import load

    try:
        text = load(source, len(fallback) * 4 + 1024, encoding=encoding).text
    except (InputError, OSError, ValueError):  # gone or changed since: the report still shows the prose view
        return fallback
    return text if len(text) == len(fallback) else fallback


def marked_text(text: str, claims: list[Claim], flagged: set[str]) -> str:
    """Return the text as HTML with one <mark> per claim; a claim overlapping the one before starts after it.

    The text is cut into blocks at line ends between figures, so a browser lays out (and skips, when off
    screen) a long article piece by piece instead of as one paragraph.
    """
    parts = ['<div class="chunk">']
    cursor = since = 0
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        start = min(max(claim.start, cursor), len(text))
        end = min(max(claim.end, start), len(text))
        since = _gap(parts, text, cursor, start, since)
        css = ' class="flagged"' if claim.id in flagged else ""  # every <mark> is a figure: few bytes each
        parts.append(
            f'<mark{css} id="c-{_attr(claim.id)}" tabindex="0" title="{_attr(reading_of(claim))}">'
            f"{_body_text(text[start:end])}</mark>"
        )
        cursor = end
    _gap(parts, text, cursor, len(text), since)
    parts.append("</div>")
    return "".join(parts)


def _gap(parts: list[str], text: str, start: int, end: int, since: int) -> int:
    """Add the text between two figures, starting a new block at a line end once a block is long enough."""
    cut = -1
    if end - since > CHUNK:
        cut = text.rfind("\n", start, end)
        if cut < 0 and end - since > 5 * CHUNK:  # one enormous line: a break at a space is better than none
            cut = text.rfind(" ", start, end)
    if cut < 0:
        parts.append(_body_text(text[start:end]))
        return since
    parts.append(_body_text(text[start : cut + 1]) + '</div><div class="chunk">' + _body_text(text[cut + 1 : end]))
    return cut + 1


def _finding_html(found: Finding, by_id: dict[str, Claim], source: str) -> str:
    """Return one finding as a list item: headline (a link to its figures), figures, reason, plot."""
    from numcheck.report.plot import bars, marker_letters, svg
    from numcheck.report.table import figure_line, where

    letters = marker_letters(found)
    known = [by_id[i] for i in found.claims if i in by_id]
    first = f"#c-{_attr(known[0].id)}" if known else "#"
    undecided = " (undecidable)" if found.outcome == "undecidable" else ""
    items = "".join(
        f'<li><a href="#c-{_attr(c.id)}">{letters[c.id]}</a> {_text(figure_line(c))} '
        f'<span class="rule">{_text(where(c, source))}</span></li>'
        for c in known
    )
    plotted = bars(found, by_id)
    for bar in plotted:
        if not bar.claim:
            items += f"<li>{bar.marker} {_text(f'{bar.label}: {bar.interval_text()}')}</li>"
    reason = (found.reason if known else found.message) if found.headline else ""  # else the headline said it
    drawing = svg(plotted, found.level) if len(plotted) >= 2 else ""
    paragraph = f'<p class="reason">{_text(reason)}</p>' if reason else ""
    return (
        f'<li class="finding {found.level}" data-level="{found.level}" data-rule="{_attr(found.rule)}" '
        f'data-claims="{_attr(" ".join(c.id for c in known))}">'
        f'<a class="choose" href="{first}">{_text(found.headline or found.message)}</a> '
        f'<span class="rule">{_text(found.rule)} · {found.line}:{found.column}{undecided}</span>'
        f'<ul class="figures" aria-label="Figures">{items}</ul>{paragraph}{drawing}</li>'
    )


def html_report(
    findings: list[Finding],
    claims: list[Claim],
    texts: dict[str, str],
    summary: str,
    paths: dict[str, str] | None = None,
    encoding: str | None = None,
) -> str:
    """Return the whole report as one HTML document that loads nothing from anywhere."""
    by_id = {c.id: c for c in claims}
    flagged = {i for f in findings for i in f.claims}
    claims_of: dict[str, list[Claim]] = {}
    for claim in claims:
        claims_of.setdefault(claim.source, []).append(claim)
    counts = {level: sum(f.level == level for f in findings) for level in ORDER}
    filters = "".join(
        f'<label><input type="checkbox" id="show-{level}" checked> {TITLES[level]} ({counts[level]})</label>'
        for level in ORDER
    )
    out = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">",
        f"<title>numcheck report</title><style>{STYLE}</style></head><body>",
        f'<header><h1>numcheck</h1><p class="summary">{escape(summary)}</p>',
        f'<fieldset class="filters"><legend class="visually-hidden">Show findings</legend>{filters}',
        '<label for="search" hidden>Find</label><input type="search" id="search" hidden>',
        '<span id="status" role="status" aria-live="polite"></span></fieldset></header><main>',
    ]
    for number, source in enumerate(sorted(texts), start=1):
        mine = [f for f in findings if f.source == source]
        out.append(
            f'<section class="file" aria-labelledby="file-{number}"><h2 id="file-{number}">{_text(source)}</h2>'
            f'<div class="columns"><pre class="doc" dir="auto" tabindex="0" aria-label="Text of {_attr(source)}">'
        )
        original = _original(
            (paths or {}).get(source, source), texts[source], encoding
        )  # the name shown may be escaped
        out.append(marked_text(original, claims_of.get(source, []), flagged))
        out.append(f'</pre><div class="findings" role="region" aria-label="Findings in {_attr(source)}">')
        if not mine:
            out.append("<p>No findings.</p>")
        for level in ORDER:
            items = [f for f in mine if f.level == level]
            if items:
                out.append(f'<h3 class="{level} finding">{TITLES[level]} ({len(items)})</h3><ol class="level">')
                out.extend(_finding_html(f, by_id, source) for f in items)
                out.append("</ol>")
        out.append("</div></div></section>")
    out.append(f"</main><script>{SCRIPT}</script></body></html>\n")
    return "".join(out)


def write_html(
    findings: list[Finding],
    claims: list[Claim],
    texts: dict[str, str],
    summary: str,
    out: TextIO,
    paths: dict[str, str] | None = None,
    encoding: str | None = None,
) -> None:
    """Write the HTML report."""
    out.write(html_report(findings, claims, texts, summary, paths, encoding))
