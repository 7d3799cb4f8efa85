"""The document record: a file's text as read, and the prose view extraction sees."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """A file's text and a same-length prose view in which markup is blanked out.

    Because the prose view keeps every character's offset, a claim found in it points
    straight back into the original file.
    """

    source: str
    text: str
    prose: str
    kind: str = "text"
    date: str | None = None  # when the text was published: front matter or --sources
    outlet: str | None = None
    url: str | None = None
    # Not an init field, so dataclasses.replace() builds the table afresh for the new text.
    _line_starts: array = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = array("q", [0])  # 8 bytes a line, not the 36 of a list of ints
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        object.__setattr__(self, "_line_starts", starts)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a code-point offset."""
        index = bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1
