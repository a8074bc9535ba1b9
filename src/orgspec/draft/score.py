"""Score a draft against a hand-written spec, field by field: precision and recall.

Fields: the body's name, its kind and the documents it is based on (basis: number, else title),
section names, plaques (with their owner), duty texts (of the body, of
sections and shared lists), the body's duty count, quotas (category, figure and
parts) and posts (title, figure, approved separately; group totals and their
breakdown). Names and texts are compared after :func:`orgspec.model.names.normalize`.

Every body of a plan is scored, not only the first: each drafted body is paired with a
reference body of the same name (script folded), else one whose name contains the other's
("省交通运输厅" and "江西省交通运输厅"), else the bodies left over are paired in their order. A
reference body with no drafted partner counts as expected items only; a drafted body with no
reference partner counts as drafted items only.

Imports: :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from orgspec.model.names import name_key, normalize
from orgspec.model.units import Post, Spec, Unit
from orgspec.model.vocab import kind_of

__all__ = ["FIELDS", "FieldScore", "pair_bodies", "score"]

FIELDS = ("section_names", "plaques", "duty_count", "duty_texts", "quotas", "posts", "body_name", "kind", "basis")


@dataclass(frozen=True)
class FieldScore:
    """How a draft's items of one field compare with the reference's."""

    matched: int
    drafted: int
    expected: int

    @property
    def precision(self) -> float:
        """Matched items over drafted items (1.0 when nothing was drafted)."""
        return self.matched / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        """Matched items over expected items (1.0 when nothing was expected)."""
        return self.matched / self.expected if self.expected else 1.0


def _compare(drafted: Iterable[Hashable], expected: Iterable[Hashable]) -> FieldScore:
    d, e = Counter(drafted), Counter(expected)
    return FieldScore(sum((d & e).values()), sum(d.values()), sum(e.values()))


_NO_NAME = "(name not found)"


def pair_bodies(drafted: Spec, reference: Spec) -> list[tuple[Unit | None, Unit | None]]:
    """Pair the bodies of a draft with those of its reference, by name, then by order.

    Returns (drafted body, reference body) pairs in the reference's order, then the drafted
    bodies left without a partner as ``(body, None)``; a reference body without one is
    ``(None, body)``.
    """
    left: list[Unit | None] = list(drafted.bodies)
    keys = [name_key(b.name) if b.name != _NO_NAME else "" for b in drafted.bodies]
    partner: dict[int, Unit] = {}
    rules = (
        lambda d, r: d == r,
        lambda d, r: len(min(d, r, key=len)) >= 2 and (d in r or r in d),
    )
    for same in rules:
        for i, ref in enumerate(reference.bodies):
            if i in partner:
                continue
            key = name_key(ref.name)
            for j, body in enumerate(left):
                if body is not None and keys[j] and same(keys[j], key):
                    partner[i], left[j] = body, None
                    break
    rest = iter([b for b in left if b is not None])
    pairs: list[tuple[Unit | None, Unit | None]] = []
    for i, ref in enumerate(reference.bodies):
        pairs.append((partner[i] if i in partner else next(rest, None), ref))
    pairs += [(b, None) for b in rest]
    return pairs


def _kind(body: Unit) -> list[Hashable]:
    """Return the body's kind; a label outside the vocabulary is read by its longest known ending."""
    if body.kind is not None and body.kind.value != "other":
        return [body.kind.value]
    label = body.kind_label or ""
    for i in range(len(label)):
        kind = kind_of(label[i:])
        if kind is not None and kind.value != "other":
            return [kind.value]
    return [normalize(label)] if label else []


def _units(body: Unit) -> list[Unit]:
    return [u for u in body.walk() if u is not body]


def _items(body: Unit | None, field: str) -> list[Hashable]:
    if body is None:
        return []
    if field == "body_name":
        return [normalize(body.name)] if body.name != _NO_NAME else []
    if field == "kind":
        return _kind(body)
    if field == "basis":
        return [normalize(b.number or b.title or "") for b in body.basis if b.number or b.title]
    if field == "section_names":
        return [normalize(u.name) for u in _units(body)]
    if field == "plaques":
        owners = [("<body>", body), *((normalize(u.name), u) for u in _units(body))]
        return [(name, normalize(p.name)) for name, u in owners for p in u.plaques]
    if field == "duty_count":
        return [("duties", len(body.duties))]
    if field == "duty_texts":
        texts = [d.text for u in body.walk() for d in u.duties]
        texts += [d.text for u in body.walk() for s in u.shared_duties for d in s.duties]
        return [normalize(t) for t in texts]
    if field == "quotas":
        out: list[Hashable] = []
        for u in body.walk():
            owner = "<body>" if u is body else normalize(u.name)
            for q in u.quotas:
                out.append((owner, q.category.value, str(q.count)))
                # a part for each of several units (各4名) is one part per unit, as a draft that
                # writes the units out one by one states it
                out += [(owner, q.category.value, "part", str(p.count)) for p in q.parts for _ in p.each or (None,)]
        return out
    posts: list[Hashable] = []
    for u in body.walk():
        owner = "<body>" if u is body else normalize(u.name)
        for p in u.posts:
            if isinstance(p, Post):
                posts.append((owner, normalize(p.title), str(p.count), p.approved_separately))
            else:
                posts.append((owner, normalize(p.title or ""), str(p.count), "group"))
                posts += [(owner, normalize(x.title), str(x.count), x.approved_separately) for x in p.posts]
    return posts


def score(draft: Spec, reference: Spec) -> dict[str, FieldScore]:
    """Return the score of each field of ``draft`` against ``reference``, summed over every body."""
    pairs = pair_bodies(draft, reference)
    out: dict[str, FieldScore] = {}
    for field in FIELDS:
        parts = [_compare(_items(d, field), _items(r, field)) for d, r in pairs]
        out[field] = FieldScore(*(sum(getattr(p, a) for p in parts) for a in ("matched", "drafted", "expected")))
    return out
