"""Robustness on real fact-checked claims (skipped where ../shared is absent)."""

from __future__ import annotations

from numcheck.extract import extract
from numcheck.read.document import Document
from numcheck.vocab import default_vocabulary
from tests.conftest import SHARED, needs_shared


@needs_shared()
def test_every_quantemp_claim_extracts_without_error():
    lines = (SHARED / "quantemp" / "test_claims.txt").read_text(encoding="utf-8").splitlines()
    vocab = default_vocabulary()
    total = 0
    for line in lines:
        claims = extract(Document("q", line, line), vocab)
        for c in claims:
            assert line[c.start : c.end] == c.text
        total += len(claims)
    assert len(lines) > 2000 and total > len(lines)
