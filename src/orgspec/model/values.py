"""Small values of the model: counts, dates, references, vocabularies.

Quantities are honest: a :class:`Count` is a number, or "determined
separately" (另行核定), or "not stated", or "unreadable" (a garbled figure kept
as written), or "cut off" (the copy stops inside the figure, kept as far as it
goes), or a range or bound ("2-3名", "不超过50名", "三人至七人", kept with the
document's words); none of these is ever 0 or None.

Imports: :mod:`orgspec.model.base` (pydantic, or its light stand-in) and the standard library.
"""

from __future__ import annotations

import datetime
import enum
from typing import Literal

from orgspec.model.base import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)
from orgspec.model.trusted import trusted

__all__ = [
    "Basis",
    "Count",
    "CountStatus",
    "PartialDate",
    "QuotaCategory",
    "QuotaCategoryName",
    "Ref",
    "UnitKind",
]


def model_eq(self: BaseModel, other: object) -> bool:
    """Compare two models as pydantic does, answering the common case (same class, equal fields) first.

    pydantic's ``__eq__`` also compares the private and extra values, which the
    models of :mod:`orgspec.model` never have, before their fields: about five
    times the cost of the comparison itself, which the diff makes for every
    nested value of every unit. Any other case is pydantic's answer.
    """
    if type(other) is type(self) and self.__dict__ == other.__dict__:
        return True
    return BaseModel.__eq__(self, other)


class _Frozen(BaseModel):  # noqa: PLW1641 (pydantic gives every frozen model its __hash__)
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    __eq__ = model_eq


class CountStatus(enum.StrEnum):
    """How a figure is given in the document."""

    NUMBER = "number"
    SEPARATELY = "separately"
    UNSTATED = "unstated"
    UNREADABLE = "unreadable"
    CUT_OFF = "cut-off"
    RANGE = "range"


_NUMBER = CountStatus.NUMBER  # read once: on Python 3.11 each CountStatus.NUMBER goes through the enum's hook


class Count(_Frozen):
    """A figure as the document gives it: a number, 另行核定, not stated, unreadable, cut off, or a range.

    A range keeps its lower bound in ``value`` (None for "不超过N": no lower bound stated) and
    its upper bound in ``high`` (None for "不少于N": no upper bound stated).
    """

    status: CountStatus = CountStatus.NUMBER
    value: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0, description="the upper bound of a range (None: unbounded)")
    text: str | None = Field(
        default=None, description="the figure as written, when unreadable, cut off or a range (2-3名)"
    )

    @model_validator(mode="after")
    def _bounds(self) -> Count:
        if self.status is CountStatus.RANGE:
            if self.value is None and self.high is None:
                raise ValueError("a range needs at least one bound")
            if self.value is not None and self.high is not None and self.value > self.high:
                raise ValueError(f"the range {self.value}-{self.high} runs backwards")
        elif self.high is not None:
            raise ValueError("only a range has an upper bound ('high')")
        return self

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        # Only a range has an upper bound: other figures are dumped as before ranges existed.
        out: dict[str, object] = handler(self)
        if self.high is None:
            out.pop("high", None)
        return out

    @classmethod
    def of(cls, value: int) -> Count:
        """Return a plain numeric count."""
        return cls(status=CountStatus.NUMBER, value=value)

    @classmethod
    def separately(cls) -> Count:
        """Return a count the document leaves to be determined separately (另行核定)."""
        return cls(status=CountStatus.SEPARATELY)

    @classmethod
    def unstated(cls) -> Count:
        """Return a count the document does not give."""
        return cls(status=CountStatus.UNSTATED)

    @classmethod
    def unreadable(cls, text: str) -> Count:
        """Return a garbled figure, kept as written."""
        return cls(status=CountStatus.UNREADABLE, text=text)

    @classmethod
    def cut_off(cls, text: str) -> Count:
        """Return a figure the stored copy cuts off, kept as far as it goes (处级领…)."""
        return cls(status=CountStatus.CUT_OFF, text=text)

    @classmethod
    def between(cls, low: int | None, high: int | None, text: str | None = None) -> Count:
        """Return a range or bound: ``between(2, 3)`` is 2-3, ``between(None, 50)`` is at most 50."""
        return cls(status=CountStatus.RANGE, value=low, high=high, text=text)

    @property
    def is_range(self) -> bool:
        """Return True when the count is a range or bound."""
        return self.status is CountStatus.RANGE

    @property
    def low_bound(self) -> int | None:
        """The least the figure can be: the number, a range's lower bound (0 if none); None when open."""
        if self.status is _NUMBER:
            return self.value
        if self.status is CountStatus.RANGE:
            return self.value or 0
        return None

    @property
    def high_bound(self) -> int | None:
        """The most the figure can be: the number, a range's upper bound; None when open or unbounded."""
        if self.status is _NUMBER:
            return self.value
        if self.status is CountStatus.RANGE:
            return self.high
        return None

    def range_text(self) -> str:
        """Return a range as the document shows it: ``2-3``, ``≤50``, ``≥15``."""
        if self.value is not None and self.high is not None:
            return f"{self.value}-{self.high}"
        if self.high is not None:
            return f"\u2264{self.high}"
        return f"\u2265{self.value}"

    @property
    def known(self) -> bool:
        """Return True when the count is a number."""
        return self.status is _NUMBER and self.value is not None

    def __str__(self) -> str:
        if self.status is CountStatus.NUMBER:
            return str(self.value)
        if self.status is CountStatus.UNREADABLE:
            return f"unreadable {self.text!r}"
        if self.status is CountStatus.CUT_OFF:
            return f"cut-off {self.text!r}"
        if self.status is CountStatus.RANGE:
            return self.range_text()
        return self.status.value


class PartialDate(_Frozen):
    """A date that may lack its month or day ("2018", "2018年3月")."""

    year: int = Field(ge=1, le=9999)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError for impossible dates."""
        parts = text.split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() and p.isascii() for p in parts):
            raise ValueError(f"not a date: {text!r}")
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
        day = int(parts[2]) if len(parts) > 2 else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        if day is not None:
            assert month is not None
            datetime.date(year, month, day)  # raises ValueError for 2019-02-30
        if not 1 <= year <= 9999:
            raise ValueError(f"year {year} is out of range")
        # Every bound of the fields was checked above: build without validating again.
        return trusted(cls, year=year, month=month, day=day)

    def sort_key(self) -> tuple[int, int, int]:
        """Order partial dates; a missing month or day sorts first within its year or month."""
        return (self.year, self.month or 0, self.day or 0)

    def start(self) -> datetime.date:
        """Return the first day the partial date can mean."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out


class Ref(_Frozen):
    """A reference to a unit: by id (``@id``), by name (``@"name"``) or to a body outside the spec."""

    target: str
    by: Literal["id", "name", "external"] = "external"

    def __str__(self) -> str:
        if self.by == "id":
            return f"@{self.target}"
        return self.target


class Basis(_Frozen):
    """The document that decides something: its number, title, issuer and date."""

    number: str | None = Field(default=None, description="文号 as written, e.g. 苏委〔2009〕573号")
    title: str | None = None
    issuer: str | None = None
    date: PartialDate | None = None
    note: str | None = None


class UnitKind(enum.StrEnum):
    """What sort of unit: the kinds of bodies and of internal units (see the glossary)."""

    CONSTITUENT_DEPARTMENT = "constituent-department"
    WORKING_DEPARTMENT = "working-department"
    DIRECTLY_AFFILIATED = "directly-affiliated"
    DEPARTMENT_ADMINISTERED = "department-administered"
    COORDINATING_BODY = "coordinating-body"
    DISPATCHED_UNIT = "dispatched-unit"
    PUBLIC_INSTITUTION = "public-institution"
    OFFICE = "office"
    SECTION = "section"
    PARTY_COMMITTEE = "party-committee"
    SERVICE_CENTRE = "service-centre"
    DISCIPLINE_UNIT = "discipline-unit"
    ENTERPRISE = "enterprise"  # 企业, 公司: a company under or instead of a public body
    OTHER = "other"


class QuotaCategory(enum.StrEnum):
    """Categories of staffing quota (编制)."""

    ADMINISTRATIVE = "administrative"
    PUBLIC_INSTITUTION = "public-institution"
    LOGISTICS = "logistics"
    DISPATCHED = "dispatched"
    DISCIPLINE = "discipline"
    OTHER = "other"


#: The quota categories as plain strings, for type checkers: ``unit.quota("adminstrative")`` is an error.
#: Kept equal to the values of :class:`QuotaCategory` (a test checks it).
QuotaCategoryName = Literal["administrative", "public-institution", "logistics", "dispatched", "discipline", "other"]
