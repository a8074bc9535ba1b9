"""List every wrong fact the drafter stated on a batch of the corpus the first time it met it.

Usage (from the repository root)::

    python bench/first_measured_errors.py            # batches 1-9, each by its first drafter
    python bench/first_measured_errors.py --today    # the same documents, today's drafter

For each development batch (1-9) the drafter that first met it is main's drafter at the commit that
added the batch's first document; that commit is checked out in a scratch worktree
(``/tmp/p12-N``, ``git worktree add --detach``) and its drafter runs in a subprocess on the
batch's documents as they are today. Each draft is read back with today's ``orgspec.loads`` and
paired with today's hand spec by :func:`orgspec.draft.score.pair_bodies`; every drafted item that
has no equal among the reference's (per field, per paired body, as :func:`orgspec.draft.score.score`
counts them) is a wrong fact, listed with the document line it was read from (the draft's
``# L12`` comment of the statement that names it). Prints a markdown table and the totals per
batch; held-out batches (10 and later) are never read.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Hashable
from pathlib import Path

import orgspec
from orgspec.api import analyze
from orgspec.draft.score import FIELDS, _items, pair_bodies
from orgspec.model.names import normalize

ROOT = Path(__file__).resolve().parent.parent

#: batch → (the commit that added its first document, the found documents' numbers)
BATCHES: dict[int, tuple[str, list[int]]] = {
    1: ("18976c5", [3, 6, 9, 12, 15, 18, 21, 24]),
    2: ("5827567", list(range(26, 32))),
    3: ("272979a", list(range(32, 44))),
    4: ("659eafc", list(range(44, 54))),
    5: ("fa2a895", list(range(54, 64))),
    6: ("f91d54e", list(range(64, 70))),
    7: ("f418da5", list(range(70, 74))),
    8: ("094fc9b", [74, 75]),
    9: ("c330304", [76, 77, 78]),
}

#: the causes of the first-measured wrong facts, by the reader's evidence (docs/draft.md, "Precision on
#: unseen documents"); keyed by (document, field), the field's rows of that document all of one cause
CAUSES = {
    "A": "a list in running prose read as sections by its shape and a set-up verb; its owner unsaid",
    "B": "enumerated lines under a heading of another kind (bodies kept, set up) read as sections",
    "C": "the body's name from a line's shape or a fragment (an enumerated first line, '3个委员会')",
    "D1": "a figure of several units, a system, a place or the staff in post read as the body's",
    "D2": "a figure or post of another unit (named in the sentence, or the sections') read as the body's",
    "E": "a plaque whose owner the clause names (在X挂, each town's, a dispatched office's) or that lapsed",
    "F": "a line under a duty heading of another kind (a section's name, a credit, a quoted article)",
    "G": "a document number or title cited, not the body's basis (or the basis without its number)",
    "H": "a page's metadata label glued to its value (发文机关, 发文字号)",
    "I": "the kind from a class heading or a reform text",
    "J": "the duty count of a body whose duties were missed or split (follows from F or a miss)",
}
_CAUSE = {
    **{(d, "duty_count"): "J" for d in ("09", "15", "29", "41", "51", "63", "73")},
    **{(d, "body_name"): "C" for d in ("12", "30", "50", "58", "62")},
    ("32", "body_name"): "H",
    ("32", "basis"): "H",
    **{(d, "duty_texts"): "F" for d in ("15", "36", "56", "63", "73", "78")},
    **{(d, "plaques"): "E" for d in ("21", "28", "31", "38", "45")},
    **{(d, "section_names"): "A" for d in ("37", "39", "66", "71", "75")},
    **{(d, "section_names"): "B" for d in ("58", "67")},
    **{(d, "quotas"): "D1" for d in ("28", "37", "40", "42", "45", "48")},
    **{(d, "posts"): "D2" for d in ("12", "28", "35", "45")},
    **{(d, "posts"): "D1" for d in ("40", "41")},
    **{(d, "basis"): "G" for d in ("48", "77")},
    **{(d, "kind"): "I" for d in ("58", "71")},
}

_CHILD = r"""
import json, sys
from orgspec.draft import draft
out = {}
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read().split("\n", 2)[2]
    try:
        out[path] = draft(text, path.rsplit("/", 1)[-1]).text
    except Exception as exc:  # an old drafter may fail on a later document
        out[path] = "ERROR " + repr(exc)
print(json.dumps(out, ensure_ascii=False))
"""


def _documents(numbers: list[int]) -> list[tuple[Path, Path]]:
    """(document, hand spec) for each found document of ``numbers`` (never 79 or later)."""
    index = json.loads((ROOT / "corpus" / "index.json").read_text("utf-8"))
    out = []
    for entry in index:
        file = str(entry["file"])
        m = re.match(r"found/(\d+)_", file)
        if m and int(m.group(1)) in numbers and int(m.group(1)) < 79:
            out.append((ROOT / "corpus" / file, ROOT / str(entry["spec"])))
    return out


def _worktree(batch: int, commit: str) -> Path:
    path = Path(f"/tmp/p12-{batch}")
    if not path.is_dir():
        subprocess.run(["git", "worktree", "add", "--detach", str(path), commit], cwd=ROOT, check=True)
    return path


def _drafts(src: Path, docs: list[Path]) -> dict[str, str]:
    env = {"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin:/usr/local/bin"}
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, *map(str, docs)], env=env, capture_output=True, text=True, check=True
    )
    return dict(json.loads(run.stdout))


def _needle(field: str, item: Hashable) -> str:
    """The text of a drafted item to look for in the draft's statements."""
    if field == "duty_count":
        return "duties {"
    if isinstance(item, tuple):
        return str(item[2] if field == "posts" else item[-1])
    return str(item)


def _source_line(draft_text: str, field: str, item: Hashable, doc_lines: list[str]) -> tuple[str, str]:
    """(``L12``, the document's line) of the statement that states ``item``, best effort."""
    needle = _needle(field, item)
    title = item[1] if field == "posts" and isinstance(item, tuple) else None
    for line in draft_text.splitlines():
        m = re.search(r"# L(\d+)", line)
        if not m or line.lstrip().startswith("#"):
            continue
        norm = normalize(line)
        if needle and needle in norm and (title is None or str(title) in norm):
            no = int(m.group(1))
            return f"L{no}", doc_lines[no - 1].strip()[:60] if 0 < no <= len(doc_lines) else ""
    return "", ""


def wrong_facts(texts: dict[str, str], docs: list[tuple[Path, Path]]) -> list[dict[str, str]]:
    """Every drafted item of ``texts`` that has no equal in its document's hand spec."""
    rows = []
    for doc, spec_path in docs:
        text = texts[str(doc)]
        name = doc.name.split("_")[0]
        if text.startswith("ERROR"):
            rows.append({"doc": name, "field": "(draft failed)", "item": text[:80], "line": "", "text": ""})
            continue
        try:
            drafted = analyze(text).spec  # a draft with a check error (OS301) is still a draft
        except Exception as exc:  # a draft that today's parser refuses
            rows.append({"doc": name, "field": "(unreadable)", "item": repr(exc)[:80], "line": "", "text": ""})
            continue
        reference = orgspec.load(spec_path)
        doc_lines = doc.read_text("utf-8").split("\n", 2)[2].splitlines()
        for field in FIELDS:
            for d, r in pair_bodies(drafted, reference):
                extra = Counter(_items(d, field)) - Counter(_items(r, field))
                for item in extra.elements():
                    line, src = _source_line(text, field, item, doc_lines)
                    shown = item if not isinstance(item, tuple) else " · ".join(map(str, item))
                    rows.append({"doc": name, "field": field, "item": str(shown)[:70], "line": line, "text": src})
    return rows


def main(argv: list[str]) -> int:
    """Print the table of wrong facts (and per-batch totals); return 0."""
    today = "--today" in argv
    print("| batch | doc | field | cause | drafted item | line | the line |")
    print("|---|---|---|---|---|---|---|")
    causes: Counter[str] = Counter()
    where: dict[str, set[str]] = {}
    totals: dict[int, Counter[str]] = {}
    for batch, (commit, numbers) in BATCHES.items():
        docs = _documents(numbers)
        src = ROOT / "src" if today else _worktree(batch, commit) / "src"
        rows = wrong_facts(_drafts(src, [d for d, _ in docs]), docs)
        totals[batch] = Counter(r["field"] for r in rows)
        for r in rows:
            cause = _CAUSE.get((r["doc"], r["field"]), "?")
            causes[cause] += 1
            where.setdefault(cause, set()).add(r["doc"])
            cells = (str(batch), r["doc"], r["field"], cause, r["item"], r["line"], r["text"])
            print("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    print()
    print("| batch | " + " | ".join(FIELDS) + " | all |")
    print("|---|" + "---|" * (len(FIELDS) + 1))
    for batch, count in totals.items():
        print(f"| {batch} | " + " | ".join(str(count[f]) for f in FIELDS) + f" | {sum(count.values())} |")
    print()
    print("| cause | wrong facts | documents | the reader's evidence |")
    print("|---|---|---|---|")
    for cause, what in CAUSES.items():
        docs = sorted(where.get(cause, ()))
        print(f"| {cause} | {causes[cause]} | {', '.join(docs)} | {what} |")
    if causes["?"]:
        print(f"| ? | {causes['?']} | | not classified |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
