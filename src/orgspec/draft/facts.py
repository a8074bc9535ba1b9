"""What the extractors found: facts with the line they came from, and located notes.

The extractors fill one :class:`Facts`; :mod:`orgspec.draft.assemble` turns it
into a model. Every fact is a :class:`Src` (the value, its source line and the
draft notes to print beside it); every doubt or anomaly of the document that
belongs to no single fact is a :class:`Note`.

Imports: :mod:`orgspec.model`, the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from orgspec.model.units import BodyClass, Duty, Event, FunctionChange, Member, Plaque, Post, PostGroup, Quota, Relation
from orgspec.model.values import Basis, UnitKind
from orgspec.model.vocab import kind_of

__all__ = [
    "COUNT_ONLY",
    "Companion",
    "Facts",
    "ListedBody",
    "Note",
    "SectionFacts",
    "SharedFacts",
    "Src",
    "section_kind",
]

T = TypeVar("T")

#: the note of a count stated with its noun first ("内设机构6个"), which a list need not follow
COUNT_ONLY = "a count of the sections ('内设机构N个'): the text need not name them"


@dataclass
class Src(Generic[T]):
    """A fact read from the document: its value, its line, and draft notes about it."""

    value: T
    line: int
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Note:
    """A located note: something not read, doubtful, or an anomaly of the document."""

    line: int | None
    kind: str  # "skipped", "doubt", "anomaly", "unreadable", "junk", "structure"
    message: str


@dataclass
class SectionFacts:
    """An internal section, an institution or another unit under the body."""

    name: str
    line: int
    number: int | None = None
    kind: UnitKind = UnitKind.SECTION
    per_regulations: bool = False
    outside_count: bool = False
    optional: str | None = None  # "本部為應業務需要得設下列…": set only as the document says, in its words
    funding: str | None = None
    hosted_in: Src[str] | None = None  # "领导小组办公室设在省民政厅": the body it is set in
    plaques: list[Src[Plaque]] = field(default_factory=list)
    duties: list[Src[Duty]] = field(default_factory=list)
    quotas: list[Src[Quota]] = field(default_factory=list)
    posts: list[Src[Post | PostGroup]] = field(default_factory=list)
    doc_notes: list[Src[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # "一 秘書室:下設文書、機要等二股": the units it sets up, with the count the list states
    units: list[SectionFacts] = field(default_factory=list)
    stated_units: Src[tuple[int, str]] | None = None


@dataclass
class SharedFacts:
    """One duty list shared by several sections (上述两个处的主要职责是)."""

    sections: list[int]
    intro: str | None
    line: int
    duties: list[Src[Duty]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Companion:
    """A second body the text sets beside the one it is about ("街道党工委作为区委的派出机关")."""

    name: Src[str]
    kind_label: Src[str] | None
    superior: Src[str] | None
    note: Src[str]
    after: bool = False  # drafted after the body (a body it shares offices with), not before it
    relations: list[Src[Relation]] = field(default_factory=list)
    quotas: list[Src[Quota]] = field(default_factory=list)
    posts: list[Src[Post | PostGroup]] = field(default_factory=list)


@dataclass
class ListedBody:
    """A body a list of bodies names, with what the list says of it (``draft.extract_bodies``)."""

    name: Src[str]
    kind_label: Src[str] | None = None
    plaques: list[Src[Plaque]] = field(default_factory=list)
    relations: list[Src[Relation]] = field(default_factory=list)
    quotas: list[Src[Quota]] = field(default_factory=list)
    posts: list[Src[Post | PostGroup]] = field(default_factory=list)
    duties: list[Src[Duty]] = field(default_factory=list)
    members: list[Src[Member]] = field(default_factory=list)
    basis: list[Src[Basis]] = field(default_factory=list)
    history: list[Src[Event]] = field(default_factory=list)  # its fate in a reform text (组建, 撤销 …)
    stands_for: Src[BodyClass] | None = None  # a class of like bodies the text does not name one by one
    kind: UnitKind | None = None
    sections: list[SectionFacts] = field(default_factory=list)  # its own list of units (draft.extract_owned)


@dataclass
class Facts:
    """Everything read from one document, with where it was read."""

    name: Src[str] | None = None
    subject: Src[str] | None = None  # the subject of posts set in running text, a name of last resort
    kind_label: Src[str] | None = None
    kind: Src[UnitKind] | None = None  # a kind the document's type gives, with no label of its own
    superior: Src[str] | None = None
    rank: Src[str] | None = None
    funding: Src[str] | None = None
    members: list[Src[Member]] = field(default_factory=list)  # of the body (a group a notice sets up)
    section_rank: Src[str] | None = None
    basis: list[Src[Basis]] = field(default_factory=list)
    plaques: list[Src[Plaque]] = field(default_factory=list)
    relations: list[Src[Relation]] = field(default_factory=list)
    stated_sections: Src[tuple[int, str]] | None = None
    list_cut: int | None = None  # the line where the copy stops at the opening of a next listed item
    duties: list[Src[Duty]] = field(default_factory=list)
    changes: list[Src[FunctionChange]] = field(default_factory=list)
    sections: list[SectionFacts] = field(default_factory=list)
    shared: list[SharedFacts] = field(default_factory=list)
    quotas: list[Src[Quota]] = field(default_factory=list)
    posts: list[Src[Post | PostGroup]] = field(default_factory=list)
    history: list[Src[Event]] = field(default_factory=list)
    doc_notes: list[Src[str]] = field(default_factory=list)
    coordinating: list[tuple[Src[str], list[Src[Member]]]] = field(default_factory=list)
    companions: list[Companion] = field(default_factory=list)
    listed: list[ListedBody] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    #: lines a copy broke a fact's words onto (an item wrapped over lines): they gave that fact
    continued: set[int] = field(default_factory=set)

    def note(self, line: int | None, kind: str, message: str) -> None:
        """Record a note about the document that belongs to no single fact."""
        self.notes.append(Note(line, kind, message))


def section_kind(name: str) -> UnitKind:
    """Return the kind of a listed unit from its name: party committee, service centre or section."""
    key = name.strip()
    kind = kind_of(key)
    if kind is not None and kind is not UnitKind.OFFICE:
        return kind
    if key.endswith(("党委", "黨委")):
        return UnitKind.PARTY_COMMITTEE
    if key.endswith(("服务中心", "服務中心")):
        return UnitKind.SERVICE_CENTRE
    return UnitKind.SECTION
