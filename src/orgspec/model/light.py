"""A light stand-in for pydantic's ``BaseModel``, for a process that only checks specs.

Importing pydantic and building the model's classes costs more CPU than
checking a small spec (issue 17: about 75 ms of the 0.21 s of ``orgspec check``
on a 12-unit file). The check path never validates (the lowering builds models
with :func:`orgspec.model.trusted.trusted`), dumps or exports a model: it reads
fields. So the command line's ``check``, in a process of its own, asks for the
model's classes to be defined on :class:`LightModel` instead of pydantic's
``BaseModel``; the classes, fields, defaults and methods are the same
(:mod:`orgspec.model.units` and :mod:`orgspec.model.values` are written once,
importing their base names from :mod:`orgspec.model.base`).

What a light model keeps of a pydantic one: keyword construction (without
validation: only unknown fields are refused), fields in ``__dict__`` in
declaration order, ``model_fields_set``, frozen instances, equality (same class,
same fields) and hashing as a frozen pydantic model hashes, ``repr``/``str``,
``model_copy(update=...)`` and ``model_fields`` as far as
:func:`~orgspec.model.trusted.trusted` reads it. It has no validation, no
serialisation and no JSON Schema: a process whose model is light must not need
them, which is why only a process started by the command line may ask
(:func:`allow`, then :func:`request`), and only before the model is imported.
Library users, the tests and every other command always get pydantic.

``tests/test_light_model.py`` runs ``orgspec check`` in a fresh process and
checks that pydantic is not imported, and that a light process finds exactly
the diagnostics, and builds exactly the models, of a pydantic one on the
specs, fixtures and generated corpora.

Imports: the standard library only.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

__all__ = [
    "ConfigDict",
    "Field",
    "LightModel",
    "SerializerFunctionWrapHandler",
    "allow",
    "field_validator",
    "in_use",
    "model_serializer",
    "model_validator",
    "request",
]

_ALLOWED = False
_REQUESTED = False
#: The modules that define models on the chosen base: once one is imported, the choice is made.
_MODEL_MODULES = ("orgspec.model.base", "orgspec.model.units", "orgspec.model.values", "orgspec.model.trusted")


def allow() -> None:
    """Mark this process as the command line's own, in which a command may ask for light models."""
    global _ALLOWED
    _ALLOWED = True


def request() -> bool:
    """Ask for light models in this process; return True if they will be used.

    Only in a process marked by :func:`allow` and before the model is
    imported: otherwise nothing changes and the model stays pydantic's.
    """
    global _REQUESTED
    if _ALLOWED and not any(name in sys.modules for name in _MODEL_MODULES):
        _REQUESTED = True
    return _REQUESTED


def in_use() -> bool:
    """Return True when this process's model classes are light (decided when the model is first imported)."""
    return _REQUESTED


SerializerFunctionWrapHandler = Callable[[Any], Any]


def ConfigDict(**settings: Any) -> dict[str, Any]:  # noqa: N802 - pydantic's name
    """Return the settings as a dict (light models are frozen and forbid extras whatever they say)."""
    return dict(settings)


_MISSING: Any = object()


class FieldInfo:
    """A field of a light model: its default, if it has one (the rest of ``Field()`` is ignored)."""

    __slots__ = ("default", "default_factory")

    def __init__(self, default: Any = _MISSING) -> None:
        self.default = default
        self.default_factory = None

    def is_required(self) -> bool:
        """Return True when the field has no default."""
        return self.default is _MISSING

    def get_default(self, *, call_default_factory: bool = False) -> Any:
        """Return the default (light fields have no factories)."""
        return None if self.default is _MISSING else self.default


def Field(default: Any = _MISSING, **_: Any) -> Any:  # noqa: N802 - pydantic's name
    """Return a field with ``default`` (constraints and descriptions are pydantic's business)."""
    return FieldInfo(default)


def _keep(*_args: Any, **_kwargs: Any) -> Callable[[Any], Any]:
    """Return a decorator that leaves the function as it is: light models do not validate or serialise."""

    def decorate(fn: Any) -> Any:
        return fn

    return decorate


field_validator = _keep
model_validator = _keep
model_serializer = _keep

_new = object.__new__


class LightModel:
    """The base of the model's classes in a light process: fields in ``__dict__``, frozen, no validation."""

    __slots__ = ("__dict__", "__pydantic_extra__", "__pydantic_fields_set__", "__pydantic_private__")
    __pydantic_fields_set__: set[str]

    model_config: ClassVar[dict[str, Any]] = {}
    model_fields: ClassVar[dict[str, FieldInfo]] = {}
    __private_attributes__: ClassVar[dict[str, Any]] = {}
    __pydantic_post_init__: ClassVar[None] = None
    #: Defaults of every field, in declaration order (_MISSING for a required one).
    _defaults: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields: dict[str, FieldInfo] = {}
        for base in reversed(cls.__mro__[1:]):
            fields.update(getattr(base, "model_fields", {}))
        for name in inspect.get_annotations(cls):
            if name.startswith("_") or name in ("model_config", "model_fields"):
                continue
            value = cls.__dict__.get(name, _MISSING)
            fields[name] = value if isinstance(value, FieldInfo) else FieldInfo(value)
            if value is not _MISSING:
                delattr(cls, name)  # as in pydantic, a field is an attribute of instances only
        cls.model_fields = fields
        cls._defaults = {name: f.default for name, f in fields.items()}
        if "__eq__" in cls.__dict__ and cls.__dict__.get("__hash__") is None:
            # a class that defines __eq__ loses its inherited __hash__; a frozen pydantic model
            # gets it back from pydantic's metaclass, so a light one does too
            cls.__hash__ = LightModel.__hash__  # type: ignore[method-assign]

    def __init__(self, **values: Any) -> None:
        unknown = values.keys() - self._defaults.keys()
        if unknown:
            raise TypeError(f"{type(self).__name__}: unknown fields {sorted(unknown)}")
        fields = {**self._defaults, **values}
        missing = [name for name, value in fields.items() if value is _MISSING]
        if missing:
            raise TypeError(f"{type(self).__name__}: missing fields {missing}")
        object.__setattr__(self, "__dict__", fields)
        object.__setattr__(self, "__pydantic_fields_set__", set(values))
        object.__setattr__(self, "__pydantic_extra__", None)
        object.__setattr__(self, "__pydantic_private__", None)

    @property
    def model_fields_set(self) -> set[str]:
        """The fields given when the model was made."""
        return self.__pydantic_fields_set__

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any:
        """Return a copy with the fields of ``update`` replaced (not validated, as in pydantic)."""
        copy = _new(type(self))
        object.__setattr__(copy, "__dict__", {**self.__dict__, **(update or {})})
        object.__setattr__(copy, "__pydantic_fields_set__", self.__pydantic_fields_set__ | set(update or ()))
        object.__setattr__(copy, "__pydantic_extra__", None)
        object.__setattr__(copy, "__pydantic_private__", None)
        return copy

    def __setattr__(self, name: str, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} is frozen: {name} cannot be set")

    def __delattr__(self, name: str) -> None:
        raise TypeError(f"{type(self).__name__} is frozen: {name} cannot be deleted")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LightModel):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        values = tuple(self.__dict__.values())
        return hash(values[0] if len(values) == 1 else values)  # as pydantic's itemgetter over the fields

    def __repr_args__(self) -> Iterator[tuple[str, Any]]:
        yield from self.__dict__.items()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__repr_args__())})"

    def __str__(self) -> str:
        return " ".join(f"{k}={v!r}" for k, v in self.__repr_args__())
