"""The Popolo export: organizations, posts, persons and memberships as Popolo JSON.

Mapping (https://www.popoloproject.com/specs/):

* every unit is an ``organization`` with its stable id, ``name``,
  ``classification`` (the unit's kind), ``parent_id`` for nested units,
  ``founding_date`` and ``dissolution_date`` from the events about it (its
  history and spec-level events naming it: see :func:`unit_dates`), and
  ``other_names`` for its plaques, each with ``start_date``/``end_date`` where
  the spec knows them (the plaque's ``since`` or the history events that add,
  name and remove it) and the document's form (挂, 加挂) as ``note``; names
  before each rename are ``other_names`` too, noted "former name" and dated by
  the renames that began and ended them;
* basis documents become ``sources`` (their number, title and issuer as the
  note); the explicit id, if any, is an ``identifier`` with scheme ``orgspec``;
* every leadership post becomes a ``post`` (``label`` is the title); a post
  group with a breakdown gives one post per title. The authorised number is
  kept in the non-standard ``count`` field (a number, or a word such as
  ``separately`` — an open figure is never 0);
* members of coordinating bodies with a named person give a ``person`` and a
  ``membership`` (role, the post and body they serve from as label);
* an organization that stands for a class of like bodies (``stands-for``) carries
  the number of bodies in the non-standard ``stands_for`` field;
* the post's ``holder`` and ``holders`` are a ``person`` and a ``membership``
  with ``post_id``, ``role`` (the title) and ``start_date``/``end_date``; a
  concurrent post held elsewhere is kept in the non-standard ``concurrent``
  (and ``concurrent_organization_id`` or ``concurrent_organization``);
* Popolo has no term for relations beside the tree, ranks, the area a unit
  covers or the date of its state: they are the non-standard ``relations``
  (each with ``kind``, the other unit's ``organization_id`` or ``name``, or the
  ``post`` of ``office-of-post``, and its dates), ``rank``, ``rank_as``,
  ``covers`` and ``as_of`` (see docs/exports.md, "What each export carries").

Imports: :mod:`orgspec.model`, :mod:`orgspec.export.ids`.
"""

from __future__ import annotations

from typing import Any

from orgspec.export.ids import Entry, UnitIds
from orgspec.model.units import Event, EventKind, Holder, Post, PostGroup, RelationKind, Spec, Unit
from orgspec.model.values import Basis, Count, CountStatus, PartialDate, Ref

__all__ = ["basis_note", "count_value", "former_names", "plaque_dates", "popolo", "unit_dates"]


def count_value(count: Count) -> int | str:
    """Return a figure as a number, or its status word (``separately``, ``unstated``, the garbled or cut-off text)."""
    if count.status is CountStatus.NUMBER and count.value is not None:
        return count.value
    if count.status is CountStatus.UNREADABLE or count.status is CountStatus.CUT_OFF:
        return f"{count.status.value}: {count.text}"
    if count.status is CountStatus.RANGE:
        return count.range_text()
    return count.status.value


def _date(date: PartialDate | None) -> str | None:
    return None if date is None else str(date)


def basis_note(basis: Basis) -> str:
    """Return one line naming a basis document: number, title, issuer, date."""
    parts = [p for p in (basis.number, basis.title, basis.issuer, _date(basis.date), basis.note) if p]
    return " ".join(parts)


def unit_dates(unit: Unit, events: list[Event] | None = None) -> tuple[PartialDate | None, PartialDate | None]:
    """Return the founding and dissolution dates the history states, if any.

    ``events`` are the events about the unit (its own history by default; the
    exporters add spec-level events that name it). Taken in time order: the
    first ``established`` founds it; ``reestablished`` founds it when nothing
    did before, or anew after an ``abolished`` (which it then cancels);
    ``abolished`` dissolves it.
    """
    founded = dissolved = None
    history = unit.history if events is None else events
    dated = [(when, e.kind, e.item_order()) for e in history if (when := e.when()) is not None]
    dated.sort(key=lambda d: (d[0].sort_key(), d[2]))  # the events of one date by their item
    for when, kind, _ in dated:
        if kind is EventKind.ESTABLISHED and founded is None:
            founded = when
        elif kind is EventKind.REESTABLISHED and (founded is None or dissolved is not None):
            founded, dissolved = when, None
        elif kind is EventKind.ABOLISHED:
            dissolved = when
    return founded, dissolved


def plaque_dates(unit: Unit, name: str) -> tuple[PartialDate | None, PartialDate | None]:
    """Return when a plaque was added and removed, from the plaque itself and the unit's history."""
    start = next((p.since for p in unit.plaques if p.name == name and p.since is not None), None)
    end = None
    for event in unit.history:
        if event.plaque != name:
            continue
        if event.kind is EventKind.PLAQUE_REMOVED:
            end = event.when()
        elif start is None:  # plaque-added, or an establishment that names the plaque it carries
            start = event.when()
    return start, end


def former_names(unit: Unit) -> list[dict[str, Any]]:
    """Return the names a unit had before each rename, dated by the renames that began and ended them."""
    out: list[dict[str, Any]] = []
    since: dict[str, PartialDate | None] = {}
    for event in unit.history:
        if event.kind is not EventKind.RENAMED or not event.before:
            continue
        entry: dict[str, Any] = {"name": event.before}
        start = since.get(event.before)
        if start is not None:
            entry["start_date"] = str(start)
        if event.when() is not None:
            entry["end_date"] = str(event.when())
        entry["note"] = "former name"
        out.append(entry)
        if event.after:
            since[event.after] = event.when()
    return out


def _organization(entry: Entry, ids: UnitIds) -> dict[str, Any]:
    unit = entry.unit
    org: dict[str, Any] = {"id": entry.id, "name": unit.name}
    if unit.kind is not None:
        org["classification"] = unit.kind.value
    if entry.parent_id is not None:
        org["parent_id"] = entry.parent_id
    founded, dissolved = unit_dates(unit, ids.events(entry))
    if founded is not None:
        org["founding_date"] = str(founded)
    if dissolved is not None:
        org["dissolution_date"] = str(dissolved)
    other_names = []
    names = [p.name for p in unit.plaques]
    names += [e.plaque for e in unit.history if e.plaque and e.plaque not in names]
    for name in names:
        other: dict[str, Any] = {"name": name}
        start, end = plaque_dates(unit, name)
        if start is not None:
            other["start_date"] = str(start)
        if end is not None:
            other["end_date"] = str(end)
        form = next((p.form for p in unit.plaques if p.name == name and p.form), None)
        other["note"] = f"plaque ({form})" if form else "plaque"
        other_names.append(other)
    other_names += [
        {"name": short.name, "note": f"short name ({short.text})" if short.text else "short name"}
        for short in unit.short_names
    ]
    other_names += former_names(unit)
    if other_names:
        org["other_names"] = other_names
    if unit.id is not None:
        org["identifiers"] = [{"identifier": unit.id, "scheme": "orgspec"}]
    if unit.basis:
        org["sources"] = [{"note": basis_note(b)} for b in unit.basis]
    if unit.stands_for is not None:
        org["stands_for"] = count_value(unit.stands_for.count)
    org.update(_extensions(unit, ids))
    return org


def _other(ref: Ref, ids: UnitIds, key: str = "organization") -> dict[str, Any]:
    """Name the other side of a relation: its stable id inside the spec, else its name."""
    uid = ids.ref_id(ref)
    return {f"{key}_id": uid} if uid is not None else {key: ref.target}


def _extensions(unit: Unit, ids: UnitIds) -> dict[str, Any]:
    """Return what Popolo has no term for: relations beside the tree, ranks, the area covered, the date of a state."""
    out: dict[str, Any] = {}
    relations = []
    for rel in unit.relations:
        item: dict[str, Any] = {"kind": rel.kind.value}
        if rel.kind is RelationKind.OFFICE_OF_POST:
            item["post"] = rel.target.target  # a post's title, never a unit
        else:
            item.update(_other(rel.target, ids))
        if rel.since is not None:
            item["start_date"] = str(rel.since)
        if rel.until is not None:
            item["end_date"] = str(rel.until)
        if rel.period is not None:
            item["period"] = rel.period
        if rel.joint:
            item["joint"] = True
        if rel.notes:
            item["note"] = " ".join(rel.notes)
        relations.append(item)
    if relations:
        out["relations"] = relations
    if unit.rank is not None:
        out["rank"] = unit.rank
    if unit.rank_as is not None:
        rank_as = _other(unit.rank_as, ids)
        if unit.rank_as_text:
            rank_as["note"] = unit.rank_as_text
        out["rank_as"] = rank_as
    if unit.covers is not None:
        out["covers"] = {"areas": list(unit.covers.areas), "each": unit.covers.each}
    if unit.as_of is not None:
        out["as_of"] = str(unit.as_of)
    return out


def _post(entry: Entry, pid: str, post: Post, group: PostGroup | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": pid,
        "label": post.title,
        "organization_id": entry.id,
        "count": count_value(post.count),
    }
    if post.role is not None:
        out["role"] = post.role
    if group is not None and group.title:
        out["other_label"] = group.title
    if post.concurrent:
        out["concurrent"] = post.concurrent
    if post.held_by:
        out["held_by"] = post.held_by  # held by holders of that post beside it: the person is counted once
    if post.rank:
        out["rank"] = post.rank
    if post.approved_separately:
        out["approved_separately"] = True
    return out


def _holders(entry: Entry, pid: str, post: Post) -> list[tuple[str, Holder]]:
    """Return ``(membership id, holder)`` for each person the post names (``holder "…"`` and its holders)."""
    named = [(f"{pid}/holder", Holder(person=post.holder))] if post.holder else []
    return named + [(f"{pid}/holders/{k}", h) for k, h in enumerate(post.holders)]


def _every_post(entry: Entry) -> list[tuple[str, Post]]:
    out: list[tuple[str, Post]] = []
    for i, item in enumerate(entry.unit.posts):
        pid = f"{entry.id}/posts/{i}"
        if isinstance(item, Post):
            out.append((pid, item))
        else:
            out += [(f"{pid}/posts/{j}", p) for j, p in enumerate(item.posts)]
    return out


def _posts(entry: Entry) -> list[dict[str, Any]]:
    out = []
    for i, item in enumerate(entry.unit.posts):
        pid = f"{entry.id}/posts/{i}"
        if isinstance(item, Post):
            out.append(_post(entry, pid, item, None))
        elif item.posts:
            out += [_post(entry, f"{pid}/posts/{j}", p, item) for j, p in enumerate(item.posts)]
        else:
            label = item.title or ("section heads and deputies" if item.for_sections else "posts")
            out.append({"id": pid, "label": label, "organization_id": entry.id, "count": count_value(item.count)})
    return out


def popolo(spec: Spec, ids: UnitIds | None = None) -> dict[str, Any]:
    """Return the Popolo document of a spec: organizations, posts, persons, memberships."""
    ids = ids or UnitIds(spec)
    organizations = [_organization(e, ids) for e in ids]
    posts = [p for e in ids for p in _posts(e)]
    persons: dict[str, dict[str, Any]] = {}
    memberships = []
    for entry in ids:
        for pid, post in _every_post(entry):
            for mid, holder in _holders(entry, pid, post):
                person_id = persons.setdefault(holder.person, {"id": f"person/{len(persons)}", "name": holder.person})[
                    "id"
                ]
                held: dict[str, Any] = {
                    "id": mid,
                    "person_id": person_id,
                    "organization_id": entry.id,
                    "post_id": pid,
                    "role": post.title,
                }
                if holder.since is not None:
                    held["start_date"] = str(holder.since)
                if holder.until is not None:
                    held["end_date"] = str(holder.until)
                if holder.concurrent:
                    held["concurrent"] = holder.concurrent
                elif holder.concurrent_unstated:
                    held["concurrent"] = "unstated"
                if holder.concurrent_of is not None:
                    held.update(_other(holder.concurrent_of, ids, "concurrent_organization"))
                memberships.append(held)
        for i, member in enumerate(entry.unit.members):
            if not member.person:
                continue
            person_id = persons.setdefault(member.person, {"id": f"person/{len(persons)}", "name": member.person})["id"]
            membership: dict[str, Any] = {
                "id": f"{entry.id}/members/{i}",
                "person_id": person_id,
                "organization_id": entry.id,
                "role": member.role,
            }
            # a body of the spec named by id (of @zf) is labelled by its name; any other as written
            body = ids.resolve(member.body) if member.body is not None and member.body.by == "id" else None
            where = body.unit.name if body is not None else member.body.target if member.body else None
            serving = " ".join(x for x in (where, member.post) if x)
            if serving:
                membership["label"] = serving
            memberships.append(membership)
    return {
        "organizations": organizations,
        "posts": posts,
        "persons": list(persons.values()),
        "memberships": memberships,
    }
