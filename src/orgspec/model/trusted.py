"""Building models from values already known to be valid, without running pydantic's validation.

The lowering checks every argument as it reads it and hands the model values of
exactly the declared types (tuples, enums, nested models, ints within their
bounds). Validating them again costs a call into pydantic per node, a good part
of the build of a large spec. :func:`trusted` makes the very instance that
validation would make, directly:

- ``__dict__`` holds every field, in declaration order, with the defaults of
  the fields not given (every default is immutable, so one template serves);
- ``model_fields_set`` is the set of fields given, as with ``Model(**values)``.
  Models built with the same fields share one set: it is a good part of a
  small model's memory, and pydantic never changes it in place for a frozen
  model (``model_copy`` copies it before adding the fields it updates). Code
  must not change it in place either;
- no extra and no private values (the models forbid extras and have no
  private attributes).

Two more savings, invisible to a model's users:

- a model of many fields (a :class:`~orgspec.model.units.Unit` has 29, most at their
  defaults) gets a ``__dict__`` that shares its table of keys with every other
  model of its class (a split-table dict, as an instance of a plain class has):
  a third of the size of a dict of its own. It is an ordinary ``dict`` that
  compares, copies and pickles as any other; a class of few fields, whose own
  dict is smaller, keeps ordinary dicts;
- inside :func:`pooled` (the build of ``orgspec check``, which keeps the model of a
  whole file), a model equal to one already built, of the same class with the
  same fields given, is that one: a figure, a date, a reference or a duty that
  recurs is kept once. Units and the spec are never shared, so nothing that tells
  units apart by identity is affected.

So a trusted model compares, hashes, dumps and copies like a validated one.
What it skips is validation itself, including field validators such as the one
of ``Unit.units``: the caller must give values that validation would accept
unchanged. ``tests/test_trusted.py`` lowers real, fixture and generated specs
and checks that rebuilding every node with validation gives an identical node.

Imports: :mod:`orgspec.model.base` (pydantic, or its light stand-in) and the standard library.
"""

from __future__ import annotations

import contextlib
import enum
import sys
import threading
from collections.abc import Iterator
from typing import Any, TypeVar

from orgspec.model.base import BaseModel

__all__ = ["pooled", "trusted"]

M = TypeVar("M", bound=BaseModel)

_IMMUTABLE = (type(None), bool, int, str, enum.Enum)

# The four slots of every pydantic model, set as model_construct sets them (the setters of
# BaseModel's own slot descriptors, called directly: the cheapest way to set a slot).
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__

#: Per model class: every field in declaration order, mapped to its default (``_REQUIRED`` if none).
#: The dict is a split-table one (see :func:`_compact`) when that makes its copies smaller.
_TEMPLATES: dict[type[BaseModel], dict[str, Any]] = {}
_REQUIRED: Any = object()
#: Classes whose models are never shared by :func:`pooled` (told apart by identity, or too costly to hash).
_NEVER_POOLED: set[str] = {"Unit", "Spec"}


class _Pool(threading.local):
    """The models built so far inside :func:`pooled` in this thread, per tuple of field names given."""

    pool: dict[tuple[str, ...], dict[BaseModel, BaseModel]] | None = None  # None: outside pooled()


_LOCAL = _Pool()

#: The shared ``model_fields_set`` per tuple of field names given, up to a bound (the order in
#: which a unit's fields are given follows its statements, so the tuples of odd specs may vary).
_FIELDS_SETS: dict[tuple[str, ...], set[str]] = {}
_MAX_FIELDS_SETS = 4096


def _template(cls: type[BaseModel]) -> dict[str, Any]:
    """Return the fields of ``cls`` with their defaults, checking that ``trusted`` can build it."""
    if cls.model_config.get("extra") == "allow" or cls.__private_attributes__ or cls.__pydantic_post_init__:
        raise TypeError(f"{cls.__name__} has extras, private attributes or a post-init hook")
    template: dict[str, Any] = {}
    for name, field in cls.model_fields.items():
        if field.is_required():
            template[name] = _REQUIRED
            continue
        default = field.get_default(call_default_factory=False)
        if field.default_factory is not None or not (isinstance(default, _IMMUTABLE) or default == ()):
            raise TypeError(f"{cls.__name__}.{name} has a mutable default, which trusted() would share")
        template[name] = default
    template = _compact(cls, template)
    _TEMPLATES[cls] = template
    return template


def _compact(cls: type[BaseModel], template: dict[str, Any]) -> dict[str, Any]:
    """Return ``template`` as a split-table dict if its copies are smaller than those of an ordinary one.

    An instance of a plain class keeps its attributes in a dict whose table of keys
    is shared by the class's instances; ``copy()`` of such a dict shares it too, and
    setting a key it has keeps it shared. Whether that is smaller depends on the
    number of fields and on the Python version, so both are measured.
    """
    holder = type(f"_{cls.__name__}Fields", (), {})()
    try:
        for name, default in template.items():
            setattr(holder, name, default)
    except (AttributeError, TypeError):  # pragma: no cover - a field name no attribute can have
        return template
    shared: dict[str, Any] = holder.__dict__
    if list(shared.items()) != list(template.items()):  # pragma: no cover - defensive
        return template
    if sys.getsizeof(shared.copy()) < sys.getsizeof({**template}):
        return shared
    return template


def _new_fields_set(names: tuple[str, ...]) -> set[str]:
    """Return a set of ``names``, kept for sharing while there is room."""
    made = set(names)
    if len(_FIELDS_SETS) < _MAX_FIELDS_SETS:
        _FIELDS_SETS[names] = made
    return made


def trusted(cls: type[M], /, **values: Any) -> M:
    """Return ``cls(**values)`` without validating ``values``, which must already be valid.

    Every value must be of the field's exact type as validation would leave it
    (a tuple for a tuple field, an enum member for an enum field, a model
    instance for a model field, a plain ``str`` for a string), and every
    required field must be given: neither is checked here. A name that is not
    a field raises ``TypeError``.
    """
    template = _TEMPLATES.get(cls) or _template(cls)
    fields = template.copy()
    fields.update(values)
    if len(fields) != len(template):
        raise TypeError(f"trusted({cls.__name__}): unknown fields {sorted(values.keys() - template.keys())}")
    model = _new(cls)
    _set_dict(model, fields)
    names = tuple(values)
    _set_fields_set(model, _FIELDS_SETS.get(names) or _new_fields_set(names))
    _set_extra(model, None)
    _set_private(model, None)
    pool = _LOCAL.pool
    if pool is not None and cls.__name__ not in _NEVER_POOLED:
        same = pool.get(names)
        if same is None:
            same = pool[names] = {}
        try:
            return same.setdefault(model, model)  # type: ignore[return-value]
        except TypeError:  # a value that cannot be hashed: the model is not shared
            return model
    return model


@contextlib.contextmanager
def pooled() -> Iterator[None]:
    """Share equal models built by :func:`trusted` inside this block (units and specs excepted).

    Models are frozen, so an equal one serves as well: a large spec repeats many
    figures, dates, references and duties. Two models are shared only when they
    are of the same class, equal, and were given the same fields in the same order
    (so ``model_fields_set`` stays what each call would give). The pool belongs to
    the thread that entered the block, and is dropped when the block ends.
    """
    outer = _LOCAL.pool
    _LOCAL.pool = {}
    try:
        yield
    finally:
        _LOCAL.pool = outer
