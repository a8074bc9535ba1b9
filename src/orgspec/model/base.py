"""The base names the model's classes are defined with: pydantic's, or their light stand-ins.

:mod:`orgspec.model.units` and :mod:`orgspec.model.values` take ``BaseModel``,
``ConfigDict``, ``Field`` and the validator decorators from here. They are
pydantic's, except in a process where the command line asked for light models
before the model was imported (:func:`orgspec.model.light.request`, done by
``orgspec check``): then they are :mod:`orgspec.model.light`'s, and pydantic is
not imported. Type checkers always see pydantic's.

Imports: pydantic, or :mod:`orgspec.model.light`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgspec.model import light

__all__ = [
    "BaseModel",
    "ConfigDict",
    "Field",
    "SerializerFunctionWrapHandler",
    "field_validator",
    "model_serializer",
    "model_validator",
]

if TYPE_CHECKING or not light.in_use():
    from pydantic import (
        BaseModel,
        ConfigDict,
        Field,
        SerializerFunctionWrapHandler,
        field_validator,
        model_serializer,
        model_validator,
    )
else:
    from orgspec.model.light import (
        ConfigDict,
        Field,
        SerializerFunctionWrapHandler,
        field_validator,
        model_serializer,
        model_validator,
    )
    from orgspec.model.light import LightModel as BaseModel
