"""Run a rule's own examples: every trigger text must raise it, every pass text must not."""

from __future__ import annotations

from numcheck.extract import extract
from numcheck.read.document import Document
from numcheck.rules.engine import run
from numcheck.rules.model import Context, Rule
from numcheck.vocab import Vocabulary


def example_failures(rule: Rule, vocab: Vocabulary) -> list[str]:
    """Return one line per example that does not behave as the rule says."""
    failures = []
    for expected, texts in ((True, rule.trigger), (False, rule.passes)):
        for text in texts:
            doc = Document(source="example", text=text, prose=text)
            findings = run([rule], extract(doc, vocab), Context(vocab, texts={"example": text}))
            if bool(findings) != expected:
                verb = "should raise" if expected else "should not raise"
                got = "; ".join(f.message for f in findings) or "nothing"
                failures.append(f"{rule.path}:{rule.line}: rule '{rule.id}' {verb} a finding on {text!r} (got: {got})")
    return failures
