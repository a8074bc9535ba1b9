"""Operations on duties and staffing: duties moved (划入/划出), added, cancelled, reworded, reordered.

Quotas and leadership posts changed or transferred are here too.

Imports: pydantic, :mod:`orgspec.model`, :mod:`orgspec.reorg.ops_base`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from orgspec.model.units import Duty, PostItem, Quota
from orgspec.model.values import QuotaCategory
from orgspec.reorg.ops_base import Pair, _Op

__all__ = [
    "DutiesHandedOver",
    "DutiesReordered",
    "DutyAdded",
    "DutyCancelled",
    "DutyReworded",
    "DutyTransferred",
    "PostsChanged",
    "PostsTransferred",
    "QuotaChanged",
    "QuotaTransferred",
]


class DutyTransferred(_Op):
    """A duty moves from one unit to another (将…职责划入…); ``unit`` is where it goes."""

    op: Literal["duty-transferred"] = "duty-transferred"
    source: Pair
    source_name: str
    before: Duty
    after: Duty
    verb: str | None = Field(default=None, description="the document's word for it (划转): the stating verb")


class DutyAdded(_Op):
    """A duty appears (增加); placed last. With ``counterpart``: it came from a body outside the spec (划入)."""

    op: Literal["duty-added"] = "duty-added"
    after: Duty
    counterpart: str | None = Field(default=None, description="the body outside the spec it came from (划入)")


class DutyCancelled(_Op):
    """A duty disappears (取消). With ``counterpart``: it went to a body outside the spec (划出, 划入 that body)."""

    op: Literal["duty-cancelled"] = "duty-cancelled"
    before: Duty
    counterpart: str | None = Field(default=None, description="the body outside the spec it went to (划出)")
    verb: str | None = Field(default=None, description="the document's word for the move out (交由, 划转), if stated")


class DutiesHandedOver(_Op):
    """Derived: duties ``unit`` gives to an executor outside the spec (交由…承担) that neither spec lists.

    Declared by a ``duties-transferred`` event of the new spec with ``to`` naming no unit of it (商标、
    专利执法职责交由市场监管综合执法队伍承担). It changes neither spec: the duties were never listed as
    the unit's, so nothing moves; it states where they went.
    """

    op: Literal["duties-handed-over"] = "duties-handed-over"
    counterpart: str = Field(description="who carries them now: a body or force outside the spec")
    duties: tuple[str, ...]
    verb: str | None = Field(default=None, description="the document's word for it (交由): the stating event's verb")
    back: bool = Field(default=False, description="the inverse: the duties come back from the executor")


class DutyReworded(_Op):
    """A duty with the same number is worded differently."""

    op: Literal["duty-reworded"] = "duty-reworded"
    before: Duty
    after: Duty


class DutiesReordered(_Op):
    """The unit's duty list is the same set in another order or numbering."""

    op: Literal["duties-reordered"] = "duties-reordered"
    before: tuple[Duty, ...]
    after: tuple[Duty, ...]


class QuotaChanged(_Op):
    """A quota of one category changes, appears (before None) or goes (after None)."""

    op: Literal["quota-changed"] = "quota-changed"
    category: QuotaCategory
    before: Quota | None = None
    after: Quota | None = None


class PostsChanged(_Op):
    """The unit's leadership posts change (the whole list, before and after)."""

    op: Literal["posts-changed"] = "posts-changed"
    before: tuple[PostItem, ...]
    after: tuple[PostItem, ...]


class QuotaTransferred(_Op):
    """Derived: a quota of one category left ``source`` and the same number arrived in ``unit``."""

    op: Literal["quota-transferred"] = "quota-transferred"
    source: Pair
    source_name: str
    category: QuotaCategory
    category_label: str | None = Field(
        default=None, description="the pool's name in the document's words, with the category other (专职干部)"
    )
    amount: int


class PostsTransferred(_Op):
    """Derived: ``amount`` leadership posts left ``source`` and the same number arrived in ``unit``."""

    op: Literal["posts-transferred"] = "posts-transferred"
    source: Pair
    source_name: str
    amount: int
