"""The edit vocabulary of a diff: typed operations, a discriminated union, and the Diff.

Every operation names the unit it touches by a :class:`Pair` of keys: its key
in the old spec and its key in the new one (``None`` on the side where it does
not exist). A key is ``@id`` for a unit with an id, else the path of names from
its body (``徐州市外事辦公室/秘書處``), with ``[2]``, ``[3]`` for repeated
sibling names. Operations are applied in list order, each checking its
``before`` value; :mod:`orgspec.reorg.patch` applies and inverts them.

``merge``, ``absorb``, ``split``, ``quota-transferred`` and ``posts-transferred`` are derived: they group the establish,
abolish and duty-transferred operations that carry the change and change
nothing themselves. Possible renames are not operations: they are
:class:`Proposal` s beside the plain establish and abolish.

The classes live by family: :mod:`orgspec.reorg.ops_base` (the pair of keys, what every operation
carries), :mod:`orgspec.reorg.ops_duties` (duties, quotas, posts); units' own operations are here.

Imports: pydantic, :mod:`orgspec.model`, :mod:`orgspec.reorg.ops_base`, :mod:`orgspec.reorg.ops_duties`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from orgspec.model.units import Plaque, Unit
from orgspec.model.values import PartialDate, Ref, UnitKind
from orgspec.reorg.ops_base import EstablishedBy, Pair, _Frozen, _Op
from orgspec.reorg.ops_duties import (
    DutiesHandedOver,
    DutiesReordered,
    DutyAdded,
    DutyCancelled,
    DutyReworded,
    DutyTransferred,
    PostsChanged,
    PostsTransferred,
    QuotaChanged,
    QuotaTransferred,
)

__all__ = [
    "FORMAT_VERSION",
    "Abolish",
    "Absorb",
    "AttributeChanged",
    "Demote",
    "Diff",
    "DiffNote",
    "DutiesHandedOver",
    "DutiesReordered",
    "DutyAdded",
    "DutyCancelled",
    "DutyReworded",
    "DutyTransferred",
    "Establish",
    "EstablishedBy",
    "Interim",
    "KindChanged",
    "Merge",
    "Move",
    "Operation",
    "Pair",
    "PlaqueAdded",
    "PlaqueRemoved",
    "PostsChanged",
    "PostsTransferred",
    "Proposal",
    "QuotaChanged",
    "QuotaTransferred",
    "RankChanged",
    "Reconstitute",
    "Rename",
    "Reorder",
    "Respell",
    "Split",
    "Summary",
]

#: Version of the JSON form of a diff; bumped when the shape changes.
FORMAT_VERSION = 1


class Establish(_Op):
    """A unit appears (组建, 设立) under its parent at ``index``, without its children."""

    op: Literal["establish"] = "establish"
    parent: Pair | None = None
    index: int | None = Field(default=None, description="position among the parent's units (default: last)")
    after: Unit
    verb: str | None = Field(default=None, description="the document's word for it: the stating event's verb")
    stated_as: str | None = Field(
        default=None, description="the kind or standing its sentence gives it (作为国务院组成部门): the stating event's"
    )
    stated_rank: str | None = Field(
        default=None, description="the rank its sentence gives it (正处级建制): the stating event's"
    )


class Abolish(_Op):
    """A unit disappears (不再保留, 撤销); its children were moved or abolished first."""

    op: Literal["abolish"] = "abolish"
    parent: Pair | None = None
    index: int | None = Field(default=None, description="its position among the parent's units, checked")
    before: Unit
    verb: str | None = Field(default=None, description="the document's word for it: the stating event's verb")


class Demote(_Op):
    """A unit disappears and its name becomes a plaque of another (保留牌子)."""

    op: Literal["demote-to-plaque"] = "demote-to-plaque"
    parent: Pair | None = None
    index: int | None = None
    before: Unit
    into: Pair
    into_name: str
    plaque: Plaque
    verb: str | None = Field(default=None, description="the document's word for it: the stating event's verb")


class Rename(_Op):
    """The unit's name changes (更名为).

    ``short_names`` are the short names (简称) the unit has both before and after: a rename that keeps
    them (…更名为…，简称不变). A short name that changes is an ``attribute-changed`` of ``short_names``,
    which the zh summary says in the rename's sentence.
    """

    op: Literal["rename"] = "rename"
    before: str
    after: str
    short_names: tuple[str, ...] = Field(default=(), description="short names kept across the rename")


class Reconstitute(_Op):
    """A unit is built anew on the basis of an old one (在…基础上组建, 重新组建); the old one is no longer kept.

    Declared by an ``established`` or ``reestablished`` event of the new unit (with ``from`` naming
    the old unit when the name changes). The unit keeps its place and everything not otherwise
    changed; ``before`` and ``after`` are its names (equal for 重新组建 under the same name).
    ``sources`` are the names of the other bodies whose duties were merged in (整合), from the
    derived operations.
    """

    op: Literal["reconstitute"] = "reconstitute"
    before: str
    after: str
    sources: tuple[str, ...] = ()
    verb: str | None = Field(default=None, description="the document's word for it: the stating event's verb")
    stated_as: str | None = Field(
        default=None, description="the kind or standing its sentence gives it (作为国务院组成部门): the stating event's"
    )
    stated_rank: str | None = Field(
        default=None, description="the rank its sentence gives it (正处级建制): the stating event's"
    )


class Interim(_Op):
    """Derived: a body (``plaque`` None) or a plaque of ``unit`` was kept for an interim period (过渡期).

    Declared by an ``interim`` event of the new spec (``event interim START { until END … }``) whose
    end falls in the diff; the ``abolish`` or ``plaque-removed`` beside it does the change.
    """

    op: Literal["interim"] = "interim"
    plaque: str | None = None
    start: PartialDate | None = None
    end: PartialDate


class Respell(_Op):
    """A statement written in the other script only (國務院辦公廳 → 国务院办公厅): no change of substance.

    ``field`` is the unit's field (``name``, ``rank``, ``kind_label``, ``plaques``); ``before`` and
    ``after`` are its JSON values. Summaries leave it out of the establishment's changes.
    """

    op: Literal["respell"] = "respell"
    field: str
    before: Any = None
    after: Any = None


class Move(_Op):
    """The unit changes parent (or, for a body, superior); placed at ``index_after`` under the new parent."""

    op: Literal["move"] = "move"
    parent_before: Pair | None = None
    parent_after: Pair | None = None
    parent_before_name: str | None = None
    parent_after_name: str | None = None
    index_before: int | None = Field(default=None, description="position under the old parent, checked")
    index_after: int | None = Field(default=None, description="position under the new parent (default: last)")
    superior_before: Ref | None = None
    superior_after: Ref | None = None
    verb: str | None = Field(default=None, description="the document's word for it: the stating event's verb")


class Merge(_Op):
    """Derived: several units' duties went into one new unit (组建 … 整合)."""

    op: Literal["merge"] = "merge"
    sources: tuple[Pair, ...]
    source_names: tuple[str, ...]
    kept: tuple[str, ...] = Field(default=(), description="bodies that stay, having given all their duties")
    external: tuple[str, ...] = Field(default=(), description="bodies outside the spec among the sources")


class Absorb(_Op):
    """Derived: an abolished unit's duties went into a unit that stays (并入)."""

    op: Literal["absorb"] = "absorb"
    source: Pair
    source_name: str


class Split(_Op):
    """Derived: one unit's duties went into several new units (分设), some perhaps outside the spec.

    ``external`` names the successors outside the spec, declared in the new spec's own history by
    ``event split { unit "X" to "Z" }`` (X split, Z one of its successors; Z's listed duties went there).
    """

    op: Literal["split"] = "split"
    into: tuple[Pair, ...]
    into_names: tuple[str, ...]
    kept: tuple[str, ...] = Field(default=(), description="in the inverse of a merge: the bodies that stay")
    external: tuple[str, ...] = Field(default=(), description="successors outside the spec (分设 into them)")


class PlaqueAdded(_Op):
    """The unit carries a new plaque (加挂…牌子); placed last."""

    op: Literal["plaque-added"] = "plaque-added"
    plaque: Plaque
    verb: str | None = Field(default=None, description="the document's word for it: the stating event's verb")


class PlaqueRemoved(_Op):
    """The unit no longer carries a plaque."""

    op: Literal["plaque-removed"] = "plaque-removed"
    plaque: Plaque


class KindChanged(_Op):
    """The unit's kind changes."""

    op: Literal["kind-changed"] = "kind-changed"
    before: UnitKind | None = None
    after: UnitKind | None = None
    before_label: str | None = None
    after_label: str | None = None


class RankChanged(_Op):
    """The unit's rank changes."""

    op: Literal["rank-changed"] = "rank-changed"
    before: str | None = None
    after: str | None = None


class AttributeChanged(_Op):
    """Any other statement of the unit changes (relations, notes, basis, …), as JSON values."""

    op: Literal["attribute-changed"] = "attribute-changed"
    field: str
    before: Any = None
    after: Any = None


class Reorder(_Op):
    """The children of a unit (or the bodies, when ``unit`` is empty) are put in another order."""

    op: Literal["reorder"] = "reorder"
    before: tuple[Pair, ...]
    after: tuple[Pair, ...]


Operation = Annotated[
    Establish
    | Abolish
    | Demote
    | Rename
    | Reconstitute
    | Respell
    | Move
    | Merge
    | Absorb
    | Split
    | Interim
    | QuotaTransferred
    | PostsTransferred
    | PlaqueAdded
    | PlaqueRemoved
    | DutyTransferred
    | DutyAdded
    | DutyCancelled
    | DutyReworded
    | DutiesReordered
    | DutiesHandedOver
    | QuotaChanged
    | PostsChanged
    | KindChanged
    | RankChanged
    | AttributeChanged
    | Reorder,
    Field(discriminator="op"),
]


class Proposal(_Frozen):
    """A possible rename that similarity suggests; never applied, never asserted."""

    kind: Literal["possible-rename"] = "possible-rename"
    old: Pair
    new: Pair
    old_name: str
    new_name: str
    score: float


class DiffNote(_Frozen):
    """A finding of the diff: something that does not reconcile, or a bound that was hit."""

    code: str
    severity: Literal["warning", "info"] = "warning"
    message: str
    unit: Pair | None = None


class Summary(_Frozen):
    """Counts of the operations, the change of each quota total and of the leadership posts."""

    counts: dict[str, int] = {}  # noqa: RUF012 (pydantic copies defaults)
    duties: dict[str, int] = {}  # noqa: RUF012
    quota: dict[str, str] = {}  # noqa: RUF012
    posts: str | None = Field(
        default=None, description="net change of the leadership posts (+1, -2, open); null when none"
    )


class Diff(_Frozen):
    """A reorganisation: the operations that turn the old spec into the new one."""

    version: int = FORMAT_VERSION
    old: str | None = Field(default=None, description="label of the old side (file or date)")
    new: str | None = Field(default=None, description="label of the new side")
    summary: Summary = Summary()
    operations: tuple[Operation, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    notes: tuple[DiffNote, ...] = ()
    candidate_limit_hit: bool = False
    refs: dict[str, str] = Field(
        default={},
        description="the names of the units the operations refer to by id (superior @a, managed-by @a): "
        "id → name, in the new spec (else the old); the printed forms say the name",
    )

    @property
    def empty(self) -> bool:
        """Return True when nothing changed."""
        return not self.operations
