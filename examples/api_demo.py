"""A short tour of the orgspec Python API, on the specs bundled with the project.

Run it from anywhere: ``python examples/api_demo.py``. It

1. loads a spec (``orgspec.load`` raises ``SpecError`` carrying every diagnostic),
2. finds a unit by one of its plaques,
3. prints the quota totals by category (a figure that is not a number says so),
4. prints the leadership posts,
5. checks a folder (``orgspec.check`` never raises on bad input) and prints the findings.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import orgspec
from orgspec.api import iter_spec_files
from orgspec.diagnostics import has_errors, sort_key
from orgspec.report import format_text, summarize

ROOT = Path(__file__).resolve().parent.parent


def show_posts(unit: orgspec.Unit, indent: str = "  ") -> None:
    """Print a unit's leadership posts, with the breakdown of each post group."""
    for item in unit.posts:
        if isinstance(item, orgspec.PostGroup):
            print(f"{indent}{item.title or 'posts'}: {item.count}")
            for post in item.posts:
                print(f"{indent}  of which {post.title}: {post.count}")
        else:
            extra = " (approved separately)" if item.approved_separately else ""
            if item.concurrent:
                extra += f" (concurrently {item.concurrent})"
            print(f"{indent}{item.title}: {item.count}{extra}")
        for part in item.parts:
            print(f"{indent}  including {part.count} {part.label or ''}".rstrip())


def main() -> int:
    """Run the tour; return the exit status."""
    # 1. Load a spec. A spec with errors raises SpecError; its .diagnostics say what and where.
    try:
        spec = orgspec.load(ROOT / "specs" / "zhenjiang-fao.orgspec")
    except orgspec.SpecError as err:
        print(format_text(err.diagnostics), file=sys.stderr)
        return 1
    body = spec.bodies[0]
    print(f"{body.name}: {len(body.duties)} duties, {len(body.units)} units")

    # 2. Find a unit by a plaque it carries: the section 投資促進處 also carries 港澳事務處.
    unit = spec.find("港澳事務處")
    if unit is not None:
        print(f"'港澳事務處' is a plaque of {unit.name} (section {unit.number})")

    # 3. Quota totals by category: 另行核定 stays "separately", never 0.
    print("quota totals:")
    for category, count in spec.totals().items():
        print(f"  {category.value}: {count}")

    # 4. Leadership posts.
    print("leadership posts:")
    show_posts(body)

    # The Hengyang spec keeps a garbled figure as unreadable rather than guessing it.
    hengyang = orgspec.load(ROOT / "specs" / "hengyang-gov-office.orgspec")
    logistics = hengyang.bodies[0].quota(orgspec.QuotaCategory.LOGISTICS)
    if logistics is not None:
        print(f"Hengyang logistics quota: {logistics.count}")

    # 5. Check a folder: every diagnostic of every spec file in it, never an exception.
    # Paths are shown as given, so pass the folder relative to the working directory.
    folder = os.path.relpath(ROOT / "specs")
    findings = sorted(orgspec.check(folder), key=sort_key)
    print(format_text(findings), end="")
    files = len(list(iter_spec_files([folder])))
    print(summarize(findings, files).line())
    return 1 if has_errors(findings) else 0


if __name__ == "__main__":
    sys.exit(main())
