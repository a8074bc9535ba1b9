"""Build the compiled front end: regenerate its tables from grammar.lark, then compile it in place.

    python bench/compiled_front/build.py               # tables, then _orgfront*.so beside this file
    python bench/compiled_front/build.py --out DIR     # the extension and orgfront.py into DIR
    python -m pip install ./bench/compiled_front       # the same, as a package (setup.py)

Needs a C compiler and Python's headers (``gcc`` and ``python3-dev`` on Debian), and setuptools.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def build(out: Path, *, generate: bool = True) -> Path:
    """Compile the extension into ``out`` (with ``orgfront.py`` beside it); return the extension's path."""
    from setup import extension
    from setuptools import Distribution

    if generate:
        import gen_tables as gen

        gen.main([])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        dist = Distribution({"name": "orgspec-compiled-front", "ext_modules": [extension()]})
        cmd = dist.get_command_obj("build_ext")
        cmd.build_lib = str(out)  # type: ignore[attr-defined]
        cmd.build_temp = tmp  # type: ignore[attr-defined]
        cmd.ensure_finalized()
        cmd.run()
        built = Path(cmd.get_ext_fullpath("_orgfront"))  # type: ignore[attr-defined]
    if out.resolve() != HERE:
        shutil.copy(HERE / "orgfront.py", out / "orgfront.py")
    return built


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--no-generate", action="store_true", help="compile the committed tables as they are")
    args = ap.parse_args(argv)
    print(build(args.out, generate=not args.no_generate))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
