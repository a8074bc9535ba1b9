"""Score ``orgspec draft`` on the corpus: each document's draft against its hand-written spec.

Usage: ``python bench/corpus_score.py`` (run from the repository root). The found documents are
in ``corpus/found/`` (their held-out flag in ``corpus/index.json``); the shared corpus's texts are
read from ``../shared/corpus/docs/`` (or ``ORGSPEC_SHARED_CORPUS``) when present. Prints one row
per document (matched/drafted/expected per field) and the totals of the others and of each
held-out batch (a fresh set no rule was written against; batches 1-9, found 01-78, are development
documents since their held-out figures were quoted, 2026-12-04 and 2026-12-05), so that rules fitted
to some documents show up as a gap between them. Each promoted batch is also totalled apart ("of which
batch N, was held out"), inside the development total. Every body of a document is scored
(``orgspec.draft.score.pair_bodies``).

The shape catalogue (``tests/fixtures/draft_shapes/*.txt``, each beside its ``.orgspec``: made-up documents
of the field's standard types) is scored last, totalled in its own group "shape catalogue (made up)", which
counts in neither the development nor any held-out total.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import orgspec
from orgspec.draft import draft
from orgspec.draft.score import FIELDS, FieldScore, score

ROOT = Path(__file__).resolve().parent.parent


def shared_root() -> Path | None:
    """The shared corpus's folder (``ORGSPEC_SHARED_CORPUS``, else ``../shared/corpus``), or None when absent."""
    env = os.environ.get("ORGSPEC_SHARED_CORPUS")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus"]
    return next((c for c in candidates if c.is_dir()), None)


def _group(entry: dict[str, object]) -> str:
    """The group a document is totalled in: others, held out (batch 1) or held out batch N."""
    if not entry["held_out"]:
        return "others"
    return "held out" if entry.get("batch", 1) == 1 else f"held out batch {entry['batch']}"


def _by_number(spec: Path) -> tuple[str, int]:
    """Order specs by their kind, then by number: found-100 after found-99, not after found-10."""
    kind, _, rest = spec.stem.partition("-")
    number = re.match(r"\d+", rest)
    return kind, int(number.group()) if number else 0


def document_of(spec: Path, shared: Path | None) -> Path | None:
    """The document a corpus spec encodes (its "Source:" line), or None when it names none or is not here."""
    source = re.search(r"Source: (\S+)", spec.read_text("utf-8"))
    if source is None:
        return None
    path = source.group(1)
    if path.startswith("shared/corpus/"):
        return shared / path.removeprefix("shared/corpus/") if shared is not None else None
    return ROOT / path


def _documents() -> list[tuple[str, Path, Path, str]]:
    """(name, document, spec, group) for every corpus spec whose document is available."""
    out = []
    held = {
        Path(str(e["spec"])).stem: _group(e) for e in json.loads((ROOT / "corpus" / "index.json").read_text("utf-8"))
    }
    shared = shared_root()
    for spec in sorted((ROOT / "specs" / "corpus").glob("*.orgspec"), key=_by_number):
        assert re.search(r"Source: \S+", spec.read_text("utf-8")), spec
        doc = document_of(spec, shared)
        if doc is not None:
            out.append((spec.stem, doc, spec, held.get(spec.stem, "others")))
    return out


CATALOGUE = "shape catalogue (made up)"


def _catalogue() -> list[tuple[str, Path, Path, str]]:
    """(name, document, spec, group) for every made-up document of the shape catalogue with its spec."""
    folder = ROOT / "tests" / "fixtures" / "draft_shapes"
    docs = sorted(folder.glob("*.txt"))
    return [(d.stem, d, d.with_suffix(".orgspec"), CATALOGUE) for d in docs if d.with_suffix(".orgspec").exists()]


def _cell(s: FieldScore) -> str:
    return f"{s.matched}/{s.drafted}/{s.expected}"


def main() -> int:
    """Print the score table; return 0."""
    index = json.loads((ROOT / "corpus" / "index.json").read_text("utf-8"))
    groups = ["others", *sorted({_group(e) for e in index if e["held_out"]}, key=lambda g: (len(g), g))]
    promoted = {
        Path(str(e["spec"])).stem: f"of which batch {e['batch']}, was held out" for e in index if "was_held_out" in e
    }
    groups += sorted(set(promoted.values()), key=lambda g: (len(g), g))  # batch 2 before batch 10
    groups.append(CATALOGUE)
    totals = {g: {f: [0, 0, 0] for f in FIELDS} for g in groups}
    print("| document | held out | " + " | ".join(FIELDS) + " |")
    print("|---|---|" + "---|" * len(FIELDS))
    for name, doc, spec_path, held in _documents() + _catalogue():
        text = doc.read_text("utf-8")
        if held != CATALOGUE:
            text = text.split("\n", 2)[2]  # a corpus file's two header lines (source, level) are not the document
        result = score(draft(text, doc.name).spec, orgspec.load(spec_path))
        for f in FIELDS:
            for i, v in enumerate((result[f].matched, result[f].drafted, result[f].expected)):
                totals[held][f][i] += v
                if name in promoted:
                    totals[promoted[name]][f][i] += v
        mark = {"others": "", "held out": "yes", CATALOGUE: "made up"}.get(held, held.removeprefix("held out "))
        print(f"| {name} | {mark} | " + " | ".join(_cell(result[f]) for f in FIELDS) + " |")
    for label in groups:
        cells = [FieldScore(*totals[label][f]) for f in FIELDS]
        print(
            f"| **{label}** | | "
            + " | ".join(f"{_cell(c)} (P {c.precision:.2f}, R {c.recall:.2f})" for c in cells)
            + " |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
