"""Package the compiled front end: ``python -m pip install ./bench/compiled_front`` (a prototype, not orgspec's)."""

from __future__ import annotations

from pathlib import Path

from setuptools import Extension, setup

HERE = Path(__file__).resolve().parent


def extension() -> Extension:
    """Return the C extension, built from the committed engine and generated tables."""
    return Extension(
        "_orgfront",
        sources=[str(HERE / "_orgfront.c")],
        include_dirs=[str(HERE)],
        depends=[str(HERE / "_orgfront_tables.h")],
        extra_compile_args=["-O2"],
    )


if __name__ == "__main__":
    setup(
        name="orgspec-compiled-front",
        version="0.0.1",
        description="A prototype compiled front end for orgspec, generated from grammar.lark",
        py_modules=["orgfront"],
        ext_modules=[extension()],
    )
