"""What is derived once per object: tables and patterns made from a vocabulary or a phrase table."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
Owner = TypeVar("Owner")


def once_per(cache: dict[int, tuple], owner: Owner, build: Callable[[Owner], T]) -> T:
    """Return build(owner), made once per owner object and kept in `cache`.

    Vocabularies and their phrase tables are built once and never changed, but they are not hashable
    (mutable dataclasses and dicts): the cache is keyed by id, and the owner is kept beside its value
    so that a reused id is never mistaken for it.
    """
    held = cache.get(id(owner))
    if held is None or held[0] is not owner:
        held = cache[id(owner)] = (owner, build(owner))
    return held[1]
