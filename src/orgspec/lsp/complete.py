"""Completion: the keywords a block accepts, the values a statement takes, and ``@id`` references.

Works on the text as it is being typed (:mod:`orgspec.lsp.scan`), so an
unclosed brace or a half-written statement still gets answers. Keywords come
from the lowering's own tables (what each block accepts); values from the
model's vocabularies (kinds, quota categories, events, an event's verbs, ranks, post flags).

Imports: lsprotocol, :mod:`orgspec.lowering`, :mod:`orgspec.model`, :mod:`orgspec.lsp.scan`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import get_args

from lsprotocol import types as lsp

from orgspec.lowering.lower import _UNIT_KEYWORDS
from orgspec.lowering.lower_class import CLASS_KEYWORDS
from orgspec.lowering.lower_history import _EVENT_KEYWORDS
from orgspec.lowering.lower_staff import QUOTA_KEYWORDS
from orgspec.lsp.positions import LineIndex
from orgspec.lsp.scan import Statement, scan, statements, token_kind
from orgspec.model.units import AmbiguousWhat, CutOffWhat, EventKind, ExcerptWhat, FunctionChangeKind
from orgspec.model.values import QuotaCategory, UnitKind
from orgspec.model.vocab import EVENT_VERBS, FUNCTION_VERBS, KIND_LABELS

__all__ = ["BLOCK_KEYWORDS", "completions", "unit_ids"]

_UNITS = ("body", "section", "office", "institution")
_META = ("since", "basis", "note")
_RELATION_META = ("since", "until", "period", "item", "basis", "note")
_RELATIONS = (
    "hosts",
    "hosted-in",
    "manages",
    "managed-by",
    "colocated",
    "office-of",
    "working-office",
    "dual-led-by",
    "plaque-on",
    "performs-for",
    "performed-by",
    "office-of-post",
    "supervises",
    "supervised-by",
)

#: The statements each kind of block accepts, keyed by the keyword that opens the block ("" is the top level).
BLOCK_KEYWORDS: dict[str, tuple[str, ...]] = {
    "": ("body", "history", "note"),
    **dict.fromkeys(_UNITS, tuple(_UNIT_KEYWORDS)),
    "plaque": ("form", *_META),
    **dict.fromkeys(_RELATIONS, _RELATION_META),
    "colocated": (*_RELATION_META, "joint"),
    "quota": tuple(QUOTA_KEYWORDS),  # what the lowering accepts in a quota block, in its order
    "posts": ("post", "group"),
    "group": ("post", "actual", "includes", "across", "since", "until", "period", "note"),
    "post": ("includes", "actual", "holder", "across", "optional", "note"),
    "stands-for": CLASS_KEYWORDS,
    "covers": ("each", "note"),
    "actual": ("as-of", "includes", "note"),
    "holder": ("since", "until", "note"),
    "members": ("member",),
    "history": ("event",),
    "event": _EVENT_KEYWORDS,
    "basis": ("title", "issuer", "date", "note"),
    "stated": ("unlisted", "kind", "role", "over", "includes", "complete", "until"),
    "choose": ("from",),
    **dict.fromkeys(("includes", "excludes"), ("funding",)),
    "duties": ("duty",),
    "shared-duties": ("sections", "duty", "intro"),
    "function-changes": tuple(k.value for k in FunctionChangeKind),
    **dict.fromkeys((k.value for k in FunctionChangeKind), ("verb", "item")),
}

_CATEGORIES = tuple(c.value for c in QuotaCategory)
_COUNTS = ("separately", "unstated", "unreadable", "cut-off", "between", "at-most", "at-least")
_RANK_LEVELS = ("部级", "厅局级", "处级", "科级", "股级", "部級", "廳局級", "處級", "科級", "股級")
_RANKS = tuple(f'"{prefix}{level}"' for level in _RANK_LEVELS for prefix in ("正", "副"))
_SECTION_RANKS = tuple(f'"{level}"' for level in _RANK_LEVELS)
_POST_FLAGS = ("chief", "deputy", "approved-separately", "concurrent", "held-by", "rank", "holder")
_MEMBER_ROLES = ('"组长"', '"副组长"', '"成员"', '"組長"', '"副組長"', '"成員"')
#: Statements whose arguments name a unit: completion offers ``@id`` there.
_REFERS = frozenset({"superior", *_RELATIONS, "sections", "unit", "over", "rank-as"})
#: Words inside a statement that are followed by a reference.
_REF_WORDS = frozenset({"of", "for", "to", "from", "with", "each"})
_UNIT_STMT = re.compile(r"(?:body|section|office|institution)\Z")


def unit_ids(text: str) -> dict[str, str]:
    """Return the ids of the units declared in ``text`` with their names, in order (works on broken text)."""
    out: dict[str, str] = {}
    for stmt in statements(text):
        t = stmt.tokens
        if len(t) >= 3 and _UNIT_STMT.match(t[0].text) and token_kind(t[1].text) == "identifier":
            name = t[2].text
            if token_kind(name) == "string":
                out.setdefault(t[1].text, name.strip('"'))
    return out


def _values(block: str, stmt: Statement, index: int) -> tuple[tuple[str, ...], lsp.CompletionItemKind]:
    """Return the values that may come as argument ``index`` (0 is the first after the keyword)."""
    enum = lsp.CompletionItemKind.EnumMember
    keyword = stmt.tokens[0].text
    before = stmt.tokens[index].text if 0 < index < len(stmt.tokens) else ""
    if keyword == "kind" and index == 0:
        labels = tuple(f'"{label}"' for labels in KIND_LABELS.values() for label in labels)
        return tuple(k.value for k in UnitKind) + labels, enum
    if keyword == "funded-as" and index == 0:
        return _CATEGORIES, enum
    if keyword == "quota" or (keyword == "category" and block == "event"):
        return (_CATEGORIES if index == 0 else _COUNTS if index == 1 else ()), enum
    if keyword == "actual" and block in _UNITS:
        return ((*_CATEGORIES, *_COUNTS) if index == 0 else ()), enum
    if keyword == "actual":
        return (_COUNTS if index == 0 else ()), enum
    if keyword in ("includes", "excludes"):
        return ((*_CATEGORIES, *_COUNTS) if index == 0 else ("for", "each")), enum
    if keyword == "stated" and index == 0:
        return ("sections", "duties", "institutions", "members", "subordinates", "bodies", "quota"), enum
    if keyword == "cut-off" and index == 0:
        return get_args(CutOffWhat), enum
    if keyword == "excerpt" and index == 0:
        return get_args(ExcerptWhat), enum
    if keyword == "ambiguous" and index == 0:
        return get_args(AmbiguousWhat), enum
    if keyword == "duty" and index >= 1:
        return ("cut-off",), enum
    if keyword == "event" and block == "history" and index == 0:
        return tuple(k.value for k in EventKind), enum
    if keyword == "verb" and block == "event" and index == 0:  # the document's words, of every kind of event
        return tuple(dict.fromkeys(f'"{v}"' for verbs in EVENT_VERBS.values() for v in verbs)), enum
    if keyword == "as" and block == "event" and index == 0:  # the kind as a 组建 sentence words it (作为…)
        return tuple(f'"{label}"' for labels in KIND_LABELS.values() for label in labels), enum
    if keyword == "verb" and block in FUNCTION_VERBS and index == 0:
        return tuple(f'"{v}"' for v in FUNCTION_VERBS[block]), enum
    if keyword == "rank" and index == 0:
        return _RANKS, enum
    if keyword == "section-rank" and index == 0:
        return _SECTION_RANKS, enum
    if keyword == "post" and block in ("posts", "group"):
        if index == 1:
            return _COUNTS, enum
        return (_POST_FLAGS if index >= 2 and before not in ("concurrent", "rank", "holder") else ()), enum
    if keyword == "group" and block == "posts":
        return (*_COUNTS, "for-sections"), enum
    if keyword == "member" and block == "members" and index == 0:
        return _MEMBER_ROLES, enum
    if keyword == "member" and block == "members" and index >= 1 and before not in ("post", "of", "person"):
        return ("post", "of", "person"), enum
    if block == "function-changes" and index >= 1 and before not in _REF_WORDS:
        return ("to", "from", "with"), enum
    return (), enum


def _items(
    words: Iterable[str], kind: lsp.CompletionItemKind, edit: lsp.Range, detail: dict[str, str] | None = None
) -> list[lsp.CompletionItem]:
    return [
        lsp.CompletionItem(
            label=w,
            kind=kind,
            detail=(detail or {}).get(w),
            text_edit=lsp.TextEdit(edit, w),
            sort_text=f"{i:04d}",
        )
        for i, w in enumerate(dict.fromkeys(words))
    ]


def completions(text: str, offset: int, lines: LineIndex) -> list[lsp.CompletionItem]:
    """Return what may be typed at ``offset``: keywords, values or ``@id`` references (nothing in a comment)."""
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    if any(t.text.startswith("#") for t in scan(text[line_start:offset])):  # a comment runs to the line end
        return []
    stmt = None
    for stmt in statements(text, offset):  # noqa: B007 - the last one is the statement being typed
        pass
    if stmt is None:
        return []
    tokens = stmt.tokens
    typing_word = bool(tokens) and tokens[-1].end == offset
    start = tokens[-1].start if typing_word else offset
    if typing_word and token_kind(tokens[-1].text) in ("string", "nameref", "comment"):
        if tokens[-1].text.endswith('"') and len(tokens[-1].text) > 1 + tokens[-1].text.startswith("@"):
            return []  # after a closed string: a space must come first
        if not tokens[-1].text.startswith('"'):
            return []
    edit = lsp.Range(lsp.Position(*lines.position(start)), lsp.Position(*lines.position(offset)))
    block = stmt.blocks[-1] if stmt.blocks else ""
    if not tokens or (len(tokens) == 1 and typing_word):
        words = BLOCK_KEYWORDS.get(block, ())
        return _items(words, lsp.CompletionItemKind.Keyword, edit)
    index = len(tokens) - 1 if typing_word else len(tokens)  # 1-based position of the argument typed
    partial = tokens[-1].text if typing_word else ""
    previous = tokens[index - 1].text if index - 1 < len(tokens) else ""
    keyword = tokens[0].text
    if partial.startswith("@") or keyword in _REFERS or previous in _REF_WORDS:
        ids = unit_ids(text)
        refs = _items(
            (f"@{i}" for i in ids), lsp.CompletionItemKind.Reference, edit, {f"@{i}": n for i, n in ids.items()}
        )
        if partial.startswith("@") or keyword in ("sections", "unit") or previous in _REF_WORDS:
            return refs
        values, kind = _values(block, stmt, index - 1)
        return refs + _items(values, kind, edit)
    values, kind = _values(block, stmt, index - 1)
    return _items(values, kind, edit)
