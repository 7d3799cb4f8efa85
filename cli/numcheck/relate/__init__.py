"""The relate stage: how a document's figures relate — changes, shares, partitions, ratios, rates.

read → extract → relate → rules → report. This stage reads the language; rule kinds only do
arithmetic on the typed relations it returns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from numcheck.records import Claim, Relation
from numcheck.relate.change import relate_changes
from numcheck.relate.partition import relate_partitions
from numcheck.relate.rate import relate_rates
from numcheck.relate.ratio import relate_ratios
from numcheck.relate.share import relate_shares
from numcheck.relate.tables import relate_tables
from numcheck.relate.text import Text
from numcheck.relate.words import relation_words

if TYPE_CHECKING:
    from numcheck.read.document import Document
    from numcheck.vocab import Vocabulary


def relate(doc: Document | str, claims: list[Claim], vocab: Vocabulary | None = None) -> list[Relation]:
    """Return the relations between the claims of one document (or of a prose view, without its tables)."""
    if not claims:
        return []
    words = relation_words()
    prose = doc if isinstance(doc, str) else doc.prose
    text = Text(prose, claims)
    relate_changes(text, words)
    relate_shares(text, words)
    relate_partitions(text, words)
    relate_ratios(text, words)
    relate_rates(text, words)
    if not isinstance(doc, str) and doc.kind in ("markdown", "html"):
        relate_tables(text, doc.text, doc.kind)
    return sorted(text.relations, key=lambda r: (r.span, r.id))
