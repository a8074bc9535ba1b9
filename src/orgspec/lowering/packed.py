r"""A compact store for the source map of a large file: the paths of one top-level statement in one string.

A large spec has one source-map entry per unit, duty, plaque, figure, name and
id: about 23 per kilobyte of spec. Kept as a dict of path strings to spans, the
map was a fifth of the memory of ``orgspec check`` (a 75-byte string, a dict
slot and an int per entry). :class:`PackedSpans` keeps the same mapping in about
a fifth of that:

- paths are grouped by their first two segments (``/bodies/3``, ``/history/0``):
  the block of one top-level statement. A block keeps the rest of each path
  (``/units/7/duties/2``) in one ASCII string, ``"\n"``-separated, and the spans
  in an ``array('Q')``, one 64-bit ``start << 32 | end`` each, in the same order;
- the lowering writes the paths of one block together; they are gathered in a
  small dict and packed when the next block begins (or when the map is listed);
- a path is found in its block with one ``str.find`` (a block holds the tens to
  hundreds of entries of one body); a block of more than :data:`_SCAN_MAX`
  entries gets a dict from path to slot the first time it is searched, so that
  looking up every entry of a huge body stays linear.

Reading gives :class:`Span` objects back; iteration yields every path once, a
block's paths in the order they were first written.

:class:`IntSpans` is the plain store of a build that keeps its syntax tree: a
dict of paths to the same packed ints. Both take a packed span from the lowering
(:meth:`put`), which never makes a :class:`Span` for an entry that nobody reads:
a span is made when it is asked for (a finding, the language server).

Imports: :mod:`orgspec.source`.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, MutableMapping

from orgspec.source import Span

__all__ = ["IntSpans", "PackedSpans", "pack"]

#: A block of at most this many entries is searched with ``str.find``; a larger one gets an index.
_SCAN_MAX = 64


def _split(path: str) -> tuple[str, str]:
    """Return the block of ``path`` (its first two segments) and the rest of it."""
    i = path.find("/", 1)
    j = path.find("/", i + 1) if i >= 0 else -1
    if j < 0:
        return path, ""
    return path[:j], path[j:]


def pack(start: int, end: int) -> int:
    """Return the span ``[start, end)`` as one int (both offsets below 2**32), as the stores keep it."""
    return start << 32 | end


def _unpack(packed: int) -> Span:
    return Span(packed >> 32, packed & 0xFFFFFFFF)


class IntSpans(MutableMapping[str, Span]):
    """A mapping of source-map paths to spans, kept as a dict of paths to packed ints (:func:`pack`)."""

    __slots__ = ("ints", "put")

    def __init__(self) -> None:
        #: Path -> packed span.
        self.ints: dict[str, int] = {}
        #: Record the packed span of a path (:func:`pack`): the dict's own ``__setitem__``.
        self.put: Callable[[str, int], None] = self.ints.__setitem__

    def __getitem__(self, path: str) -> Span:
        return _unpack(self.ints[path])

    def get(self, path: str, default: Span | None = None) -> Span | None:  # type: ignore[override]
        """Return the span of ``path``, or ``default``."""
        packed = self.ints.get(path)
        return default if packed is None else _unpack(packed)

    def __contains__(self, path: object) -> bool:
        return path in self.ints

    def __setitem__(self, path: str, span: Span) -> None:
        self.ints[path] = span.start << 32 | span.end

    def __delitem__(self, path: str) -> None:
        del self.ints[path]

    def __len__(self) -> int:
        return len(self.ints)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ints)


class PackedSpans(MutableMapping[str, Span]):
    """A mapping of source-map paths to spans, stored a block of paths to a string (see the module)."""

    __slots__ = ("_blocks", "_current", "_index", "_pending", "_plain", "_prefix")

    def __init__(self) -> None:
        #: Per block: ``"\n" + "\n".join(rests) + "\n"`` and the packed spans in the same order.
        self._blocks: dict[str, tuple[str, array[int]]] = {}
        #: The block being written, and its entries not packed yet (rest of the path -> packed span).
        self._current = ""
        self._pending: dict[str, int] = {}
        #: ``_current + "/"`` when the block is one of two segments: a path under it needs no split.
        self._prefix = ""
        #: Per large block searched at least once: rest of the path -> slot.
        self._index: dict[str, dict[str, int]] = {}
        #: Paths that cannot go in a block string (holding a newline), packed.
        self._plain: dict[str, int] = {}

    def _seal(self) -> None:
        """Pack the pending entries of the current block into its string and array."""
        pending = self._pending
        if not pending:
            return
        key = self._current
        old = self._blocks.get(key)
        if old is not None:
            merged = dict(zip(old[0][1:-1].split("\n"), old[1], strict=True))
            merged.update(pending)
            pending = merged
            self._index.pop(key, None)
        self._blocks[key] = ("\n" + "\n".join(pending) + "\n", array("Q", pending.values()))
        self._pending = {}

    def __setitem__(self, path: str, span: Span) -> None:
        self.put(path, span.start << 32 | span.end)

    def put(self, path: str, packed: int) -> None:
        """Record the packed span of a path (:func:`pack`)."""
        if "\n" in path:
            self._plain[path] = packed
            return
        prefix = self._prefix
        if prefix and path.startswith(prefix):  # the common case: the next path of the block being written
            self._pending[path[len(prefix) - 1 :]] = packed
            return
        key, rest = _split(path)
        if key != self._current:
            self._seal()
            self._current = key
            self._prefix = key + "/" if key.count("/") == 2 else ""
        self._pending[rest] = packed

    def _packed(self, path: str) -> int | None:
        if "\n" in path:
            return self._plain.get(path)
        key, rest = _split(path)
        if key == self._current:
            found = self._pending.get(rest)
            if found is not None:
                return found
        block = self._blocks.get(key)
        if block is None:
            return None
        text, spans = block
        if len(spans) > _SCAN_MAX:
            index = self._index.get(key)
            if index is None:
                index = self._index[key] = {r: i for i, r in enumerate(text[1:-1].split("\n"))}
            slot = index.get(rest)
            if slot is None:
                return None
        else:
            at = text.find(f"\n{rest}\n")
            if at < 0:
                return None
            slot = text.count("\n", 0, at)
        packed: int = spans[slot]
        return packed

    def __getitem__(self, path: str) -> Span:
        packed = self._packed(path) if isinstance(path, str) else None
        if packed is None:
            raise KeyError(path)
        return _unpack(packed)

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and self._packed(path) is not None

    def get(self, path: str, default: Span | None = None) -> Span | None:  # type: ignore[override]
        """Return the span of ``path``, or ``default``."""
        packed = self._packed(path)
        return default if packed is None else _unpack(packed)

    def __delitem__(self, path: str) -> None:
        if path not in self:
            raise KeyError(path)
        if "\n" in path:
            del self._plain[path]
            return
        self._seal()
        key, rest = _split(path)
        text, spans = self._blocks.pop(key)
        self._index.pop(key, None)
        kept = {r: s for r, s in zip(text[1:-1].split("\n"), spans, strict=True) if r != rest}
        if kept:
            self._blocks[key] = ("\n" + "\n".join(kept) + "\n", array("Q", kept.values()))

    def __len__(self) -> int:
        self._seal()
        return sum(len(spans) for _, spans in self._blocks.values()) + len(self._plain)

    def __iter__(self) -> Iterator[str]:
        self._seal()
        yield from self._plain
        for key, (text, _) in list(self._blocks.items()):
            for rest in text[1:-1].split("\n"):
                yield key + rest
