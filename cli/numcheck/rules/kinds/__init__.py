"""The table of rule kinds: each is a module with OPTIONS, DOC and check(), and validate() when
its options constrain each other beyond their own types."""

from __future__ import annotations

from types import ModuleType

from numcheck.rules.kinds import (
    bounds,
    conflict,
    corroboration,
    derive,
    dimension,
    direction,
    granularity,
    growth,
    needs_attribution,
    needs_date,
    outlier_source,
    part_whole,
    partition,
    precision,
    range_order,
    rate_total,
    ratio_word,
    reference,
    share,
    stale,
)

KINDS: dict[str, ModuleType] = {
    "bounds": bounds,
    "range-order": range_order,
    "dimension": dimension,
    "precision": precision,
    "share": share,
    "partition": partition,
    "part-whole": part_whole,
    "ratio-word": ratio_word,
    "growth": growth,
    "direction": direction,
    "granularity": granularity,
    "derive": derive,
    "rate-total": rate_total,
    "conflict": conflict,
    "corroboration": corroboration,
    "outlier-source": outlier_source,
    "reference": reference,
    "needs-attribution": needs_attribution,
    "needs-date": needs_date,
    "stale": stale,
}
