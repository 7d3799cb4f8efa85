"""The HTML report: self-contained and escaped (read as text), and working in headless Chromium."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from numcheck.records import Claim, Finding
from numcheck.report.html import html_report
from tests.conftest import run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--virtual-time-budget=5000",
]


class Page(HTMLParser):
    """Collect what the tests look at: marks, findings, scripts, references to other resources."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict] = []
        self.findings: list[dict] = []
        self.tags: list[str] = []
        self.outside: list[str] = []
        self.output: dict | None = None

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        self.tags.append(tag)
        if tag == "mark":
            self.marks.append(found)
        if tag == "li" and "finding" in (found.get("class") or "").split():
            self.findings.append(found)
        if tag == "output":
            self.output = found
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            value = found.get(name) or ""
            if value and not value.startswith("#"):
                self.outside.append(f"{tag} {name}={value}")


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    return page


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, dict]:
    """The HTML report of examples/, and the JSON of the same run to check it against."""
    out = tmp_path_factory.mktemp("html") / "report.html"
    result = run_cli("check", "-f", "html", "-o", str(out), "examples/")
    assert result.returncode == 1 and "in 3 files" in result.stderr, result.stderr
    data = json.loads(run_cli("check", "-f", "json", "examples/").stdout)
    return out, data


def test_the_report_is_one_self_contained_file(report):
    path, data = report
    text = path.read_text(encoding="utf-8")
    page = parse(text)
    assert page.outside == []  # no script, style, font or image from anywhere
    assert "link" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    assert "default-src 'none'" in text  # and the page could not fetch one if it tried
    assert len(page.marks) == len(data["claims"]) and len({m["id"] for m in page.marks}) == len(data["claims"])
    assert all(m["tabindex"] == "0" and m["title"].startswith("reads as ") for m in page.marks)
    assert len(page.findings) == len(data["findings"])
    assert text.count("<svg") == sum(len(f["intervals"]) >= 2 for f in data["findings"])


HOSTILE_TEXT = (
    'Officials said "><script>alert(1)</script> 26 hours a day <img src=x onerror=alert(2)>.\n'
    "Evil\x1b[31m text \u202egnp.exe and שלום 120% of respondents.\n"
)


@pytest.mark.parametrize("name", ["a.md", "x<script>y.md", 'q"uote.md', "\u202eevil.md", "שלום.md"])
def test_article_text_and_file_names_cannot_inject(tmp_path, name):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_text(f'---\nsource: <b>Bold</b> "Outlet"\n---\n{HOSTILE_TEXT}', encoding="utf-8")
    out = tmp_path / "r.html"
    result = run_cli("check", "-f", "html", "-o", str(out), str(folder))
    assert result.returncode == 1, result.stderr
    text = out.read_text(encoding="utf-8")
    page = parse(text)
    assert page.tags.count("script") == 1 and "img" not in page.tags and "b" not in page.tags
    assert "&lt;script&gt;alert(" in text and "&lt;img src=x" in text and "\x1b" not in text and "\u202e" not in text
    assert page.outside == []
    assert len(page.marks) == len(json.loads(run_cli("extract", "-f", "json", str(folder)).stdout)["claims"])


def test_overlapping_claims_still_get_one_mark_each():
    claims = [
        Claim("a.txt", 0, 9, "1", 1, 1, "about 300", 300.0, 270.0, 330.0, "", "approximate"),
        Claim("a.txt", 6, 13, "2", 1, 7, "300 000", 3e5, 3e5, 3e5, "", "exact"),
    ]
    text = html_report([], claims, {"a.txt": "about 300 000 people"}, "summary")
    assert len(parse(text).marks) == 2 and "people" in text


def chromium(url: str, *extra: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run headless Chromium on a URL with a fresh profile; nothing is downloaded."""
    if CHROMIUM is None:
        pytest.skip("no chromium on this machine (apt-get install chromium; .ci/run installs it)")
    with tempfile.TemporaryDirectory() as profile:
        try:
            done = subprocess.run(
                [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            pytest.skip(f"chromium cannot run here: {exc}")
    if done.returncode != 0 and not done.stdout:
        pytest.skip(f"chromium cannot run here: {done.stderr.strip().splitlines()[-1:]}")
    return done


def dom(path: Path, steps: str = "", *extra: str, timeout: float = 120) -> tuple[Page, str]:
    """Return the page's DOM after its scripts ran (with the test hook's steps), and Chromium's log."""
    url = path.as_uri() + (f"#numcheck-test:{steps}" if steps else "")
    done = chromium(url, "--dump-dom", "--enable-logging=stderr", "--v=0", *extra, timeout=timeout)
    return parse(done.stdout), done.stderr


def console_errors(log: str) -> list[str]:
    return [line for line in log.splitlines() if "CONSOLE" in line or "Uncaught" in line]


def test_in_chromium_each_finding_marks_exactly_its_figures(report):
    path, data = report
    page, log = dom(path, "each")
    assert page.output is not None, "the page's script did not run"
    assert page.output["data-errors"] == "" and console_errors(log) == []
    assert len([m for m in page.marks if m.get("id", "").startswith("c-")]) == len(data["claims"])
    chosen = [set(f["data-test-chosen"].split()) for f in page.findings]
    expected = sorted(set(f["claims"]) for f in data["findings"])
    assert sorted(chosen, key=sorted) == sorted(expected, key=sorted)
    assert all(len(c) >= 1 for c in chosen)


@pytest.mark.parametrize(
    ("steps", "shown"),
    [
        ("hide=warning", {"error", "info"}),
        ("hide=warning,hide=error", {"info"}),
        ("hide=warning,hide=warning", {"error", "warning", "info"}),  # ticking again shows them again
        ("", {"error", "warning", "info"}),
    ],
)
def test_in_chromium_level_filters_hide_and_show(report, steps, shown):
    path, _ = report
    page, log = dom(path, steps or "click=0")
    assert console_errors(log) == []
    for item in page.findings:
        assert (item["data-test-shown"] == "yes") == (item["data-level"] in shown), item


def test_in_chromium_the_search_box_filters_by_words(report):
    path, data = report
    page, _ = dom(path, "search=deaths")
    expected = sum("deaths" in f["message"].lower() or "deaths" in f["headline"].lower() for f in data["findings"])
    assert 0 < sum(f["data-test-shown"] == "yes" for f in page.findings) <= expected + 1


def test_without_javascript_text_marks_and_findings_are_all_there(report, tmp_path):
    path, data = report
    html = path.read_text(encoding="utf-8")
    start, end = html.index("<script>"), html.index("</script>") + len("</script>")
    bare = tmp_path / "no-script.html"  # the page as a browser with JavaScript off runs it
    bare.write_text(html[:start] + html[end:], encoding="utf-8")
    page, log = dom(bare, "each")
    assert page.output is None and "script" not in page.tags
    assert len(page.marks) == len(data["claims"]) and len(page.findings) == len(data["findings"])
    assert all(m["title"] for m in page.marks)  # hovering still shows the reading, as the title
    assert console_errors(log) == []


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB or RGBA PNG (what Chromium writes) into rows of pixel bytes."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0
    size = 3 if colour == 2 else 4
    raw, stride, rows, previous = zlib.decompress(b"".join(chunks)), width * size, [], bytes(width * size)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
                line[i] = (line[i] + near[2]) & 255
        rows.append(bytes(line))
        previous = line
    return width, size, rows


def test_in_chromium_a_screenshot_is_not_blank(report, tmp_path):
    path, _ = report
    shot = tmp_path / "shot.png"
    chromium(path.as_uri(), f"--screenshot={shot}", "--window-size=1000,700")
    width, size, rows = png_pixels(shot.read_bytes())
    pixels = [row[i : i + 3] for row in rows[::4] for i in range(0, width * size, size * 4)]
    inked = sum(p != b"\xff\xff\xff" for p in pixels) / len(pixels)
    colours = len(set(pixels))
    assert inked > 0.05 and colours > 20, (inked, colours)


def test_in_chromium_a_report_of_50000_claims_opens(tmp_path):
    """Bad input: a huge article still gives a page that loads (its size and load time are printed)."""
    sentence = "Officials said 1,234 workers came. "
    count = 50_000
    text = sentence * count
    claims = [
        Claim(
            "big.txt",
            i * len(sentence) + 15,
            i * len(sentence) + 20,
            str(i),
            1,
            1,
            "1,234",
            1234.0,
            1233.5,
            1234.5,
            "",
            "exact",
        )
        for i in range(count)
    ]
    finding = Finding("big.txt", 1, 16, "x", "conflict", "warning", "m", claims=("0", "1"), headline="Two differ")
    path = tmp_path / "big.html"
    path.write_text(html_report([finding], claims, {"big.txt": text}, "1 warning"), encoding="utf-8")
    started = time.monotonic()
    page, log = dom(path, "click=0", timeout=300)
    seconds = time.monotonic() - started
    print(f"\n50,000 claims: {path.stat().st_size / 1e6:.1f} MB of HTML, {seconds:.1f} s in headless Chromium")
    assert len(page.marks) == count and page.output is not None and page.output["data-chosen"] == "0 1"
    assert console_errors(log) == []
