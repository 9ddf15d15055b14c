"""``FactLog``: the plan's imported facts, as one immutable sequence shared by every copy of the
plan, written out in blocks once.

A plan can hold 100,000 facts. Every edit of the plan's text used to cost them again: the app's
autosave wrote the whole plan out on the window's thread (0.3 s), validated it again on the
saving thread (1-2.5 s) and serialised the facts once more for the store. The facts never change
once imported (an import makes new actuals: ``Actuals.with_facts``), so they are kept in one
object that cannot change:

- a copy of the plan (deep or not) shares it, and a plan validated with it takes it as it is
  (it was checked when it was made);
- its facts are written as JSON in blocks of ``FACTS_PER_BLOCK`` consecutive facts, each block
  once per object, hashed (``blocks()``): what the store keeps (``prospector/store/history.py``);
  a log made from another (an import adding facts at the end) takes over the blocks whose facts
  are the same objects, and a log read from the store keeps the blocks it was read from, so
  saving after an edit of the plan's text writes no fact out again;
- its keys are checked once (``duplicate()``).

It reads as a sequence (``len``, index, slice, iteration) and equals a list of the same facts.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from pydantic import GetCoreSchemaHandler, TypeAdapter
from pydantic_core import core_schema

from .records import LoggedFact

FACTS_PER_BLOCK = 2_000

_LIST = TypeAdapter(list[LoggedFact])


def block_hash(text: str) -> str:
    """The store's name of a block of facts written as ``text`` (JSON)."""
    return "f" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:23]


class FactLog(Sequence[LoggedFact]):
    """An immutable sequence of facts, with its JSON blocks written once (see the module)."""

    __slots__ = ("_blocks", "_duplicate", "_facts", "_lock")

    def __init__(self, facts: Iterable[LoggedFact] = (), *, after: FactLog | None = None,
                 blocks: Sequence[tuple[str, str] | None] | None = None) -> None:
        """``facts`` (already valid ``LoggedFact`` objects). ``after``: the log these facts
        were made from, whose written blocks are taken over where the block's facts are the
        same objects. ``blocks``: the (hash, JSON) the facts were read from, block by block."""
        self._facts: tuple[LoggedFact, ...] = tuple(facts)
        count = -(-len(self._facts) // FACTS_PER_BLOCK)
        self._blocks: list[tuple[str, str] | None] = [None] * count
        if blocks is not None and len(blocks) == count:
            self._blocks = list(blocks)
        elif after is not None:
            for i, written in enumerate(after._blocks[:count]):
                start = i * FACTS_PER_BLOCK
                mine = self._facts[start:start + FACTS_PER_BLOCK]
                theirs = after._facts[start:start + FACTS_PER_BLOCK]
                if written is not None and len(mine) == len(theirs) and all(
                        a is b for a, b in zip(mine, theirs, strict=True)):
                    self._blocks[i] = written
        self._duplicate: tuple[int, str] | None | bool = False  # False: not checked yet
        self._lock = threading.Lock()

    @classmethod
    def from_blocks(cls, texts: Sequence[tuple[str, str]]) -> FactLog:
        """The facts of blocks read from the store, ``(hash, JSON text)`` each, validated
        (``ValueError``: a block's facts are not valid)."""
        facts: list[LoggedFact] = []
        sizes = []
        for _h, text in texts:
            block = _LIST.validate_json(text)
            facts.extend(block)
            sizes.append(len(block))
        # blocks of another size (none yet) are written again, in blocks of this size
        same = all(size == FACTS_PER_BLOCK for size in sizes[:-1])
        return cls(facts, blocks=list(texts) if same else None)

    # --- the sequence --------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._facts)

    @overload
    def __getitem__(self, index: int) -> LoggedFact: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[LoggedFact, ...]: ...
    def __getitem__(self, index: int | slice) -> LoggedFact | tuple[LoggedFact, ...]:
        return self._facts[index]

    def __iter__(self) -> Iterator[LoggedFact]:
        return iter(self._facts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FactLog):
            return other is self or other._facts == self._facts
        if isinstance(other, list | tuple):
            return self._facts == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._facts)

    def __reduce__(self) -> tuple[type[FactLog], tuple[tuple[LoggedFact, ...]]]:
        return (FactLog, (self._facts,))  # pickled as its facts (its lock cannot be)

    def __repr__(self) -> str:
        return f"FactLog({len(self._facts)} facts)"

    def __copy__(self) -> FactLog:
        return self

    def __deepcopy__(self, memo: dict[int, object] | None = None) -> FactLog:
        """Itself: it never changes, so every copy of the plan shares it."""
        return self

    # --- checked and written once --------------------------------------------------------------
    def duplicate(self) -> tuple[int, str] | None:
        """The first fact whose key an earlier fact has, ``(index, key)``; None if none."""
        if self._duplicate is False:
            seen: set[str] = set()
            found = None
            for i, fact in enumerate(self._facts):
                if fact.key in seen:
                    found = (i, fact.key)
                    break
                seen.add(fact.key)
            self._duplicate = found
        return self._duplicate  # type: ignore[return-value]

    def blocks(self) -> list[tuple[str, str]]:
        """The facts as JSON blocks of ``FACTS_PER_BLOCK``: ``(hash, text)`` each, each block
        written once for this log (and its successors that keep its facts)."""
        with self._lock:  # the saving thread and a render job may ask at once
            for i, written in enumerate(self._blocks):
                if written is None:
                    start = i * FACTS_PER_BLOCK
                    text = _LIST.dump_json(
                        list(self._facts[start:start + FACTS_PER_BLOCK])).decode("utf-8")
                    self._blocks[i] = (block_hash(text), text)
            return list(self._blocks)  # type: ignore[arg-type]

    # --- pydantic --------------------------------------------------------------------------------
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        items = handler.generate_schema(list[LoggedFact])
        from_list = core_schema.no_info_after_validator_function(cls, items)
        return core_schema.json_or_python_schema(
            json_schema=from_list,
            python_schema=core_schema.union_schema(
                [core_schema.is_instance_schema(cls), from_list], mode="left_to_right"),
            serialization=core_schema.plain_serializer_function_ser_schema(
                list, return_schema=items),
        )
