"""Prose views of Markdown and HTML: markup is blanked out, every offset stays the same."""

from __future__ import annotations

import re
from functools import cache

_NOT_NEWLINE = re.compile(r"[^\n]")
_INLINE_CODE = re.compile(r"`+[^`\n]*`+")
_LINK_TARGET = re.compile(r"\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# A scheme or "www." then non-space characters, or an e-mail address; bounded repeats keep
# every attempt short, so the scan stays linear.
_LINK = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"']+|[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,190}")
# Where a URL of _LINK can start: "http", "https", "ftp" or "www" after no word character. It opens with
# one character class, so the engine skips straight to the next h, f or w.
_URL_START = re.compile(r"[hfw](?<!\w[hfw])(?:(?<=h)ttps?://|(?<=f)tp://|(?<=w)ww\.)")
_LOCAL_PART = 64  # the longest name _LINK reads before an e-mail's "@"
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_HIDDEN_ELEMENTS = ("script", "style", "code", "pre", "noscript", "template", "head")
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|"
    r"blockquote|figcaption|title)\b",
    re.IGNORECASE,
)


def blank(segment: str) -> str:
    """Replace every character but newlines with a space."""
    return _NOT_NEWLINE.sub(" ", segment)


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank the given (start, end) spans of text; spans may overlap."""
    if not spans:
        return text
    pieces: list[str] = []
    cursor = 0
    for start, end in sorted(spans):
        start = max(start, cursor)
        if end <= start:
            continue
        pieces.append(text[cursor:start])
        pieces.append(blank(text[start:end]))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _comment_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of HTML comments, found with str.find so the scan stays linear."""
    spans = []
    pos = text.find("<!--")
    while pos != -1:
        end = text.find("-->", pos + 4)
        end = len(text) if end == -1 else end + 3
        spans.append((pos, end))
        pos = text.find("<!--", end)
    return spans


_FRONT_OPEN = re.compile(r"---[ \t]*\r?\n")
# The closing line: "---" or "..." alone; "\r" before "\n" so CRLF files close too.
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


def _front_matter_span(text: str) -> tuple[int, int] | None:
    """Return the span of YAML front matter at the very start of a Markdown file (LF or CRLF)."""
    opened = _FRONT_OPEN.match(text)
    if opened is None:
        return None
    close = _FRONT_CLOSE.search(text, opened.end())
    if close is None:
        return None
    end = close.end()
    return 0, end + (text[end : end + 1] == "\n")


_META_LINE = re.compile(r"^(date|source|outlet|url|publisher)[ \t]*:[ \t]*(.*?)[ \t\r]*$", re.MULTILINE)
# Lines as markdown-it counts them: it ends a line at "\r\n", "\r" or "\n" only, never at a form
# feed or U+2028 as str.splitlines() would.
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")


def front_matter(text: str) -> dict[str, str]:
    """Read the date, outlet (or source/publisher) and url of a Markdown file's front matter.

    Only plain `key: value` lines are read; nothing in the front matter is ever evaluated.
    """
    return {key: value for key, (value, _) in front_matter_lines(text).items()}


def front_matter_lines(text: str) -> dict[str, tuple[str, int]]:
    """Return {key: (value, 1-based line)} of the front matter's date, outlet and url lines."""
    span = _front_matter_span(text)
    if span is None:
        return {}
    found: dict[str, tuple[str, int]] = {}
    for match in _META_LINE.finditer(text, span[0], span[1]):
        key, value = match.group(1), match.group(2).strip("\"'")
        key = "outlet" if key in ("source", "publisher") else key
        if value and key not in found:
            found[key] = (value, text.count("\n", 0, match.start()) + 1)
    return found


@cache
def _markdown_parser():
    """Build the CommonMark parser (with tables) once, on first use: block structure only.

    Only the lines of block tokens are read (token.map), so the inline pass (emphasis, links,
    entities inside each paragraph) is switched off: it changes no block and no line, and took
    over a third of a parse.
    """
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])


# A line that CommonMark (with tables) can only read as inline content: paragraph text or an ATX
# heading, alone or as a one-line list item ("- ", "* ", "+ ", "1. ", "1) " and one space). The text
# starts at the margin (or after the marker) with a letter, a number that opens no ordered list
# ("6.05 metres", "61.2%": a list marker's "6." or "6)" is followed by a space or the line's end), an
# opening quote or bracket, a currency sign or "#". Every other block (quotes, code, HTML, tables,
# rules, setext underlines, link definitions, an item's indented continuation) starts otherwise or
# needs such a line next to it; a list item's text is inline content as a paragraph's is.
_PLAIN_LINE = re.compile(
    r"(?:(?:[-*+]|\d{1,9}[.)]) )?(?:[^\W\d_]|\d++(?![.)](?:[ \t\r\n]|$))|[\"'“‘«„(\$€£#])[^\r\n]*+(?:\r\n?|\n)?"
)
_BLANK_LINE = re.compile(r"[ \t]*+(?:\r\n?|\n)?")  # markdown-it's own blank line: spaces and tabs


def _plain_roles(lines: list[str]) -> list[str] | None:
    """Return each line's role when every line is plain prose or blank, else None (markdown-it decides).

    Such a text is paragraphs, headings and one-line list items only, whose lines are all inline
    content: most articles, which are then read without importing markdown-it (a tenth of a start).
    """
    roles = []
    for line in lines:
        if _BLANK_LINE.fullmatch(line):
            roles.append("")
        elif _PLAIN_LINE.fullmatch(line):
            roles.append("prose")
        else:
            return None
    return roles


def _block_roles(body: str, count: int) -> list[str]:
    """Return each line's role as markdown-it's block structure gives it: prose, html or blank."""
    role = [""] * count
    for token in _markdown_parser().parse(body):
        if token.map is None or token.type not in ("inline", "html_block"):
            continue
        mark = "prose" if token.type == "inline" else "html"
        for number in range(token.map[0], min(token.map[1], count)):
            role[number] = role[number] or mark
    return role


def markdown_prose(text: str) -> str:
    """Keep the prose of a Markdown text: the inline content of paragraphs, headings, lists,
    quotes and tables, with inline code, link targets, tags and comments blanked.

    markdown-it-py finds the block structure (fenced and indented code, HTML blocks, front
    matter is blanked before it parses); every line it does not report as inline content is
    blanked, and HTML blocks get the HTML prose view. Offsets never move. A text of plain
    paragraphs, headings and one-line list items needs no parser (_plain_roles): its lines are all prose.
    """
    front = _front_matter_span(text)
    body = _blank_spans(text, [front]) if front else text
    lines = _LINE.findall(body)
    role = _plain_roles(lines)
    if role is None:
        role = _block_roles(body, len(lines))
    pieces: list[str] = []
    html_run: list[str] = []
    for line, kind in zip(lines, role, strict=True):
        if kind == "html":
            html_run.append(line)
            continue
        if html_run:
            pieces.append(html_prose("".join(html_run)))
            html_run = []
        pieces.append(line if kind == "prose" else blank(line))
    if html_run:
        pieces.append(html_prose("".join(html_run)))
    view = "".join(pieces)
    spans = _comment_spans(view)
    for pattern in (_INLINE_CODE, _LINK_TARGET, _TAG):
        spans.extend(m.span() for m in pattern.finditer(view))
    # A link target is blanked but its brackets and text stay readable.
    return _decode_entities(_blank_spans(view, spans))


def _hidden_element_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of elements whose content is never shown as prose."""
    spans = []
    lower = text.lower()
    for name in _HIDDEN_ELEMENTS:
        pos = lower.find(f"<{name}")
        while pos != -1:
            after = pos + len(name) + 1
            if after < len(lower) and (lower[after].isalnum() or lower[after] == "-"):
                pos = lower.find(f"<{name}", after)
                continue
            end = lower.find(f"</{name}", after)
            end = len(text) if end == -1 else lower.find(">", end) + 1 or len(text)
            spans.append((pos, end))
            pos = lower.find(f"<{name}", end)
    return spans


def html_prose(text: str) -> str:
    """Blank tags, comments and hidden elements of an HTML text; decode entities in place.

    A decoded entity is written at the end of its span, after spaces, so offsets still hold.
    """
    view = _blank_spans(text, _comment_spans(text) + _hidden_element_spans(text))

    def tag(match: re.Match[str]) -> str:
        # Block-level tags end sentences: a newline where the tag began keeps them apart.
        raw = match.group()
        if _BLOCK_TAG.match(raw):
            return "\n\n" + blank(raw[2:])
        return blank(raw)

    view = _TAG.sub(tag, view)
    return _decode_entities(view)


_ENTITY_RUN = re.compile(rf"(?:{_ENTITY.pattern})+")
_NO_BREAK = frozenset("\u00a0\u2009\u202f")


def _decode_entities(view: str) -> str:
    """Decode entities in place; a run of adjacent ones ("&#50;&#54;") decodes as one piece."""
    if "&" not in view:
        return view
    import html  # with its table of entities: only for a text that has one

    def run(match: re.Match[str]) -> str:
        raw = match.group()
        decoded = html.unescape(raw)
        if len(decoded) > len(raw) or any(ch in "\n\r" for ch in decoded):
            return raw
        if decoded and set(decoded) <= _NO_BREAK:
            # A no-break space keeps its whole length as no-break spaces: "12&nbsp;000" still reads
            # as one number, and no ordinary space is invented between its digits.
            return decoded[0] * len(raw)
        pad = " " * (len(raw) - len(decoded))
        glued_before = view[match.start() - 1 : match.start()].isalnum() and not decoded[:1].isspace()
        glued_after = view[match.end() : match.end() + 1].isalnum() and not decoded[-1:].isspace()
        # Pad on the side away from what the run is glued to: "&pound;12" keeps £ beside 12,
        # "&#50;&#54; hours" keeps 26 where the figure starts in the file.
        if glued_before or not glued_after:
            return decoded + pad
        return pad + decoded

    return _ENTITY_RUN.sub(run, view)


def _link_spans(text: str) -> list[tuple[int, int]]:
    """Spans of bare URLs and e-mail addresses, whose digits ("%20", "id=2024") are no figures."""
    if "@" not in text and "://" not in text and "www." not in text:
        return []  # every link the pattern finds holds one of these: most texts skip the regex scan
    # The spans _LINK.finditer gives, without trying its e-mail branch (up to 64 characters) at every
    # character: a match starts only at a URL's start or at most 64 characters before an "@", so _LINK
    # is tried at those places only, in text order. The next URL start and "@" are searched for again
    # only once the scan has passed them, so the text is scanned once, however many "@" it holds.
    spans = []
    pos, n = 0, len(text)
    url = _URL_START.search(text)
    at = text.find("@")
    while pos < n:
        if url is not None and url.start() < pos:
            url = _URL_START.search(text, pos)
        if 0 <= at < pos:
            at = text.find("@", pos)
        first = last = url.start() if url else n
        if at >= 0 and max(pos, at - _LOCAL_PART) < first:
            first, last = max(pos, at - _LOCAL_PART), at
        if first >= n:
            break
        for i in range(first, min(last, n - 1) + 1):
            match = _LINK.match(text, i)
            if match:
                spans.append(match.span())
                pos = match.end()
                break
        else:
            pos = last + 1
    return spans


def prose_view(text: str, kind: str) -> str:
    """Return the same-length prose view of a text of the given kind."""
    if kind == "markdown":
        text = markdown_prose(text)
    elif kind == "html":
        text = html_prose(text)
    return _blank_spans(text, _link_spans(text) + _terminal_spans(text))


# A terminal's colour or cursor sequence (ESC [ … letter), as in text pasted from a console: its
# digits ("\x1b[31m") are no figures.
_TERMINAL = re.compile(r"\x1b\[[0-?]{0,32}[ -/]{0,8}[@-~]")


def _terminal_spans(text: str) -> list[tuple[int, int]]:
    """Spans of terminal escape sequences."""
    if "\x1b" not in text:
        return []
    return [m.span() for m in _TERMINAL.finditer(text)]
