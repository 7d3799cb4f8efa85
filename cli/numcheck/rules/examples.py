"""Run a rule's own examples: every trigger text must raise it, every pass text must not."""

from __future__ import annotations

from dataclasses import replace

from numcheck.extract import extract
from numcheck.read.document import Document
from numcheck.read.markup import prose_view
from numcheck.rules.engine import run
from numcheck.rules.model import Context, Example, Rule
from numcheck.vocab import Vocabulary


def example_failures(rule: Rule, vocab: Vocabulary) -> list[str]:
    """Return one line per example that does not behave as the rule says."""
    failures = []
    for expected, examples in ((True, rule.trigger), (False, rule.passes)):
        for example in examples:
            problem = _problem(rule, example, expected, vocab)
            if problem:
                failures.append(f"{rule.path}:{rule.line}: rule '{rule.id}' {problem}")
    return failures


def _problem(rule: Rule, example: Example, expected: bool, vocab: Vocabulary) -> str | None:
    """Run one example; say what went wrong, or None."""
    text = example.text
    doc = Document(source="example", text=text, prose=prose_view(text, "text"))
    ctx = Context(vocab, texts={"example": doc.prose}, today=example.date)
    findings = run([replace(rule, enabled=True)], extract(doc, vocab), ctx)  # a rule off by default still has examples
    got = "; ".join(f"{f.level}: {f.message}" for f in findings) or "nothing"
    if bool(findings) != expected:
        verb = "should raise" if expected else "should not raise"
        return f"{verb} a finding on {text!r} (got: {got})"
    if expected and example.message and not any(example.message in f.message for f in findings):
        return f"should say {example.message!r} on {text!r} (got: {got})"
    if expected and example.level and not any(f.level == example.level for f in findings):
        return f"should raise a finding at {example.level} on {text!r} (got: {got})"
    return None
