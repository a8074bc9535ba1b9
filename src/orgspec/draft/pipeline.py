"""Run the drafting stages in order over one document.

Imports: :mod:`orgspec.draft.*` stages, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re
from typing import Any

from orgspec.draft.assemble import Provenance, assemble
from orgspec.draft.emit import emit_text, report
from orgspec.draft.extract_admin import merge_frame, read_admin, read_news
from orgspec.draft.extract_articles import article_body, drop_refusals_read_elsewhere, read_articles
from orgspec.draft.extract_bodies import extract_bodies, reconcile_with_sections
from orgspec.draft.extract_breakdown import check_breakdowns, extract_breakdowns
from orgspec.draft.extract_classes import (
    claim_totals,
    counted_classes,
    dispatchers,
    extract_classes,
    groups_set_up,
    leaders_blocks,
    one_team_plaques,
    plaques_of_members,
    working_bodies,
)
from orgspec.draft.extract_duties import clean_duties, extract_changes, extract_duties, find_repeats
from orgspec.draft.extract_en import extract_english
from orgspec.draft.extract_fates import plan_place
from orgspec.draft.extract_head import extract_head, unit_set_up_under
from orgspec.draft.extract_leaders import Leader, place_leaders, read_leaders
from orgspec.draft.extract_lists import extract_lists
from orgspec.draft.extract_name import (
    colocated,
    companions,
    infobox_kind,
    leaders_body,
    name_in_passing,
    news_subject,
)
from orgspec.draft.extract_narrative import extract_coordinating
from orgspec.draft.extract_own import keep_own_basis, order_number, own_basis_home, titled_only
from orgspec.draft.extract_owned import units_of_others
from orgspec.draft.extract_pages import article_offices, bare_lists, not_units, page_leaders, staffing_table
from orgspec.draft.extract_periods import latest_quotas
from orgspec.draft.extract_running import extract_running
from orgspec.draft.extract_sections import extract_sections, plaques_stated_as_duties, read_stated
from orgspec.draft.extract_staffing import (
    extract_institutions,
    extract_staffing,
    pools_of_others,
    range_quotas,
    unit_pools,
)
from orgspec.draft.extract_staffing_text import staffing_in_text
from orgspec.draft.facts import Facts, SectionFacts, Src
from orgspec.draft.normalize import Line, cn_int, fold, is_english, read_lines
from orgspec.draft.segment import Part, heading_kind, is_contents, segment
from orgspec.model.names import name_key
from orgspec.model.units import Plaque, Post, PostGroup, Relation, RelationKind, Spec
from orgspec.model.values import Ref, UnitKind

__all__ = ["run"]


def _chinese(lines: list[Line], facts: Facts) -> list[Part]:
    for line in lines:
        if line.text and is_contents(line):
            facts.used.add(line.no)
            facts.note(line.no, "skipped", "a table of contents")
    parts = segment(lines)
    for part in parts:
        if part.heading is not None:
            facts.used.add(part.heading.no)
    head = [line for p in parts if p.kind in ("head", "intro") for line in p.lines]
    history = [line for p in parts if p.kind == "history" for line in p.lines]
    extract_head(head, history, facts)
    for part in parts:
        if part.kind == "duties":
            extract_duties(part.lines, facts)
        elif part.kind == "changes":
            extract_changes(part.lines, facts)
    for part in parts:
        if part.kind == "sections":
            extract_sections(part.lines, facts)
        elif part.kind == "staffing":
            extract_staffing(part.lines, facts)
        elif part.kind == "institutions":
            extract_institutions(part.lines, facts)
        elif part.kind in ("head", "intro", "duties"):
            for line in part.lines:
                if line.no not in facts.used and read_stated(line, facts):
                    continue
    find_repeats(head, facts)
    for part in parts:
        if part.kind == "other" and part.heading is not None:
            first, last = part.heading.no, part.lines[-1].no if part.lines else part.heading.no
            facts.note(first, "skipped", f"part '{part.heading.text}' (lines {first}-{last}) is not part of a plan")
            facts.used.update(line.no for line in part.lines)
    return parts


def _first_heading(lines: list[Line], facts: Facts) -> int:
    """Return the line number of the first heading (or of the first line read as a fact)."""
    for line in lines:
        if line.text and heading_kind(line) is not None:
            return line.no
    return min(facts.used, default=0)


def _dedupe_listed(facts: Facts) -> None:
    """Keep the first of two listed bodies of one name (a line printed twice): the second is a note."""
    seen: set[str] = set()
    kept = []
    main = name_key(facts.name.value) if facts.name is not None else None
    for body in facts.listed:
        key = name_key(body.name.value)
        if key in seen or key == main:
            facts.note(body.name.line, "anomaly", f"'{body.name.value}' is read again; only the first is drafted")
            continue
        seen.add(key)
        kept.append(body)
    facts.listed = kept


def _dedupe_sections(facts: Facts) -> None:
    """Keep the first of two sections of one name (either script); the second is a note (a repeated list)."""
    first: dict[str, int] = {}
    index: dict[int, int] = {}
    kept: list[SectionFacts] = []
    for i, section in enumerate(facts.sections):
        key = name_key(section.name)  # "办公室" and "辦公室" are one name (check folds the script too)
        if not section.name.strip():  # "二、" with nothing after it (a cut-off copy): no unit
            facts.note(section.line, "doubt", "an enumerator with no name after it: no unit drafted")
            index[i] = -1
            continue
        if key in first:
            index[i] = index[first[key]]
            facts.note(section.line, "anomaly", f"'{section.name}' is listed again; only the first is drafted")
            facts.used.add(section.line)
            continue
        first[key] = i
        index[i] = len(kept)
        kept.append(section)
    facts.sections = kept
    for shared in facts.shared:
        shared.sections = sorted({index[i] for i in shared.sections if index[i] >= 0})


def _unheaded_groups(facts: Facts) -> None:
    """Unmark a group of posts for the sections when it has more chiefs than sections listed (OS306).

    "正副处长11名,其中正处长6名" on a page that lists no section (or fewer than six): the posts are
    kept; that the chiefs head the sections is left for the reviewer to restore.
    """
    heads = sum(1 for x in facts.sections if x.kind in (UnitKind.SECTION, UnitKind.OFFICE, UnitKind.DISCIPLINE_UNIT))
    for src in facts.posts:
        group = src.value
        if not isinstance(group, PostGroup) or not group.for_sections:
            continue
        chiefs = sum(p.count.value or 0 for p in group.posts if p.role == "chief" and p.count.known)
        if chiefs > heads:
            src.value = group.model_copy(update={"for_sections": False})
            src.notes.append(f"{chiefs} chief posts but {heads} sections listed: not marked as the sections' heads")


def _drop_clashing_plaques(facts: Facts) -> None:
    """Keep as a note a plaque that is another unit's name ("秘书处(办公室)" beside a listed 办公室).

    Two lists of one text (or two texts run together) may name the same unit as a section and as a
    second name of another; the draft must pass check (OS402), and the reader decides which it is.
    """
    names = {name_key(x.name) for x in facts.sections} | {name_key(b.name.value) for b in facts.listed}
    if facts.name is not None:
        names.add(name_key(facts.name.value))
    for section in facts.sections:
        kept = []
        for p in section.plaques:
            if name_key(p.value.name) in names and name_key(p.value.name) != name_key(section.name):
                note = f"'{p.value.name}' in parentheses is also the name of another unit: kept as a note, not a plaque"
                section.doc_notes.append(Src(f"{section.name}({p.value.name})", p.line, [note]))
            else:
                kept.append(p)
        section.plaques = kept
    # "…、党建工作办公室(挂人大工委办公室牌子)、…": the 挂 clause inside a listed unit's parentheses is
    # that unit's plaque, read there; the body does not carry it too.
    listed_plaques = {(p.value.name, p.line) for x in facts.sections for p in x.plaques}
    kept_body = []
    for p in facts.plaques:
        if (p.value.name, p.line) in listed_plaques:
            continue
        if name_key(p.value.name) in names:
            facts.doc_notes.append(Src(p.value.name, p.line, ["a plaque that is also a unit's name: kept as a note"]))
        else:
            kept_body.append(p)
    facts.plaques = kept_body


def _plaques_once(facts: Facts) -> None:
    """Keep a plaque on the first unit that carries it; a second carrier keeps it as a note (OS402).

    Two clauses (or a line printed twice under another name) may hang one plaque on two units; one
    name identifies one unit, so the draft must not say both, and the reviewer decides which is right.
    """
    seen: set[str] = set()
    carriers: list[tuple[list[Src[Plaque]], list[Src[str]]]] = [(facts.plaques, facts.doc_notes)]
    carriers += [(x.plaques, x.doc_notes) for x in facts.sections]
    carriers += [(b.plaques, facts.doc_notes) for b in facts.listed]
    for plaques, notes in carriers:
        for p in list(plaques):
            key = name_key(p.value.name)
            if key in seen:
                plaques.remove(p)
                message = f"the plaque '{p.value.name}' is hung on another unit too: kept on the first, a note here"
                notes.append(Src(p.value.name, p.line, [message]))
                facts.note(p.line, "doubt", message)
            seen.add(key)


_PLACED = re.compile(r"(?:在([\u4e00-\u9fff]{2,30}?)|([\u4e00-\u9fff]{2,30})\((?:同时|并)?)(?:加挂|挂)")


def _plaques_hung_on_units(lines: list[Line], facts: Facts) -> None:
    """Give "在X挂Y牌子" to X, not to the body: a listed section keeps it; another unit's is a note.

    "各镇在维护稳定办公室挂群众工作办公室牌子": the plaque is the office's, whatever the head reader read.
    """
    text = {line.no: line.key for line in lines}
    kept = []
    for p in facts.plaques:
        key = text.get(p.line - 1, "") + text.get(p.line, "")  # a hard-wrapped line may break before the 挂
        at = key.find(fold(p.value.name), len(text.get(p.line - 1, "")))
        window = list(_PLACED.finditer(key, max(0, at - 40), at)) if at > 0 else []
        placed = window[-1] if window and window[-1].end() >= at - 2 else None  # the 挂 right before the plaque
        unit = fold(placed.group(1) or placed.group(2)) if placed else ""
        unit = re.sub(r"^(?:设立|成立|组建|建立|设置)", "", unit)  # "设立X(加挂…)": X is the unit
        if placed is None or (facts.name is not None and unit in fold(facts.name.value)):
            kept.append(p)
            continue
        section = next((x for x in facts.sections if fold(x.name) == unit), None)
        listed = next((b for b in facts.listed if unit.endswith(fold(b.name.value))), None)
        if section is not None:
            if p.value.name not in {x.value.name for x in section.plaques}:
                section.plaques.append(p)
        elif listed is not None:
            if p.value.name not in {x.value.name for x in listed.plaques}:
                listed.plaques.append(p)  # "建立市委X委员会(同时挂“Y”牌子)": the listed body X's
        else:
            note = f"a plaque of '{placed.group(1) or placed.group(2)}', not of the body: kept as a note"
            facts.doc_notes.append(Src(p.value.name, p.line, [note]))
    facts.plaques = kept


def _class_noun_name(lines: list[Line], facts: Facts) -> None:
    """Name "街道" or "乡镇" the body of a text about such bodies in general (a reform plan, a model).

    "结合街道自身实际,设立了…8个工作机构", "将街道机构…精简到12个部门": the text names no body of its own but
    keeps saying what every 街道 (乡镇) has; the word it repeats (three times or more) names the body, noted.
    """
    counts = {word: sum(line.key.count(word) for line in lines) for word in ("街道", "乡镇")}
    word, count = max(counts.items(), key=lambda wc: (wc[1], wc[0]))
    owner = re.compile(word + r"(?:机构|内设机构|自身|工作机构|的内设机构)")
    if count < 3 or not any(owner.search(line.key) for line in lines):
        return  # the word only in compounds ("乡镇农村经济服务中心"): not the body the text is about
    for line in lines:
        side = _SIDE_BY_SIDE.search(line.key)
        if side is not None and side.group(1) != side.group(2) and side.group(1) in word + "街道":
            # "镇设A、B、C;乡设A、C": two kinds of body side by side, not one "乡镇"; the first is drafted
            first_kind, other = side.group(1), side.group(2)
            note = f"the text sets the units of every {first_kind} and every {other} side by side: named '{first_kind}'"
            facts.name = Src(line.text[side.start(1) : side.end(1)], line.no, [note])
            facts.note(line.no, "doubt", f"the units of every {other} are not drafted apart: {note}")
            return
    first = next(line.no for line in lines if word in line.key)
    note = f"the text speaks of every {word} ({count} times) and names none: the body is named by that word"
    facts.name = Src(word, first, [note])


#: "镇设党政办公室、…;乡设党政办公室、…": the units of two kinds of body, side by side
_SIDE_BY_SIDE = re.compile(r"(?:^|[。;,:])(镇|乡|街道)设[^。;]{4,200}?;(镇|乡|街道)设")


def _office_as_body(facts: Facts) -> None:
    """Draft as the body an office set in another body when the text is about it alone.

    A notice's last page: "领导小组办公室设在民政部,承担领导小组日常工作。办公室主任由…兼任": the office is
    the only unit read and the text names no body of its own, so the office is the body, hosted in the other.
    """
    own = facts.duties or facts.quotas or facts.posts or facts.listed or facts.plaques or facts.relations
    if facts.name is not None or len(facts.sections) != 1 or own or facts.sections[0].hosted_in is None:
        return
    office = facts.sections[0]
    host = facts.sections[0].hosted_in
    assert host is not None
    facts.name = Src(office.name, office.line, ["the text is about this office alone: drafted as the body"])
    facts.duties, facts.posts, facts.quotas, facts.plaques = office.duties, office.posts, office.quotas, office.plaques
    relation = Relation(kind=RelationKind.HOSTED_IN, target=Ref(target=host.value))
    facts.relations.append(Src(relation, host.line))
    facts.sections = []


def _posts_over_quota(facts: Facts) -> bool:
    """Keep as notes the posts of a unit that, as read, outnumber its administrative quota (OS304).

    Either the document disagrees with itself or the posts were read into the wrong unit; the draft
    must pass check, so the reviewer decides. Return True when any posts were moved.
    """
    moved = False
    owners: list[Facts | SectionFacts] = [facts, *facts.sections]
    for owner in owners:
        admin = [q.value.count.value for q in owner.quotas if q.value.category.value == "administrative"]
        if not admin or admin[0] is None or not owner.posts:
            continue
        total = 0
        for p in owner.posts:
            item = p.value
            if isinstance(item, Post) and item.approved_separately:
                continue
            if isinstance(item, PostGroup) and not item.count.known:  # a group of no stated total: its posts
                total += sum((x.count.value or 0) for x in item.posts if x.count.known)
                continue
            total += (item.count.value or 0) if item.count.known else 0
        if total <= admin[0]:
            continue
        line = owner.posts[0].line
        message = f"the posts read add up to {total}, more than the administrative quota of {admin[0]}: kept as notes"
        facts.note(line, "anomaly", message)
        owner.doc_notes += [Src(f"{p.value.title} {p.value.count}", p.line, [message]) for p in owner.posts]
        owner.posts = []
        moved = True
    return moved


def _say_what_was_seen(spec: Spec, lines: list[Line], facts: Facts) -> None:
    """Say "no structure found", with what was read, when no body has duties, units or quotas.

    A reorganisation news text may give a body's kind or a plaque and nothing of a plan: the report
    must not leave the reader to guess whether the drafter found a structure.
    """
    if any(b.duties or b.units or b.quotas for b in spec.bodies) or any(n.kind == "structure" for n in facts.notes):
        return
    seen = []
    for body in spec.bodies:
        parts = [
            f"{label} {n}"
            for label, n in (
                ("plaques", len(body.plaques)),
                ("posts", len(body.posts)),
                ("members", len(body.members)),
                ("relations", len(body.relations)),
                ("bases", len(body.basis)),
                ("events", len(body.history)),
            )
            if n
        ]
        parts = ([f"kind '{body.kind_label}'"] if body.kind_label else []) + parts
        seen.append(f"'{body.name}'" + (f" ({', '.join(parts)})" if parts else ""))
    skipped = sum(1 for line in lines if line.text and line.no not in facts.used)
    kept = sum(len(b.notes) for b in spec.bodies)
    what = "; what was read: " + ", ".join(seen) if seen else ""
    facts.note(
        None,
        "structure",
        f"no structure found: no duty list, sections or staffing{what}; {kept} sentences kept as notes, "
        f"{skipped} lines not read",
    )


_CJK = re.compile(r"[\u4e00-\u9fff]")
_FIGURE = re.compile(r"(\d{1,5}|[一二三四五六七八九十两兩百]{1,4})(?:名|人|个|個|处|處|科|室|项|項)")


#: the path of a note element (a sentence kept as a note): a note is not a fact
_NOTE_PATH = re.compile(r"/notes/\d+$")


def _coverage(lines: list[Line], prov: Provenance, facts: Facts, spec: Spec) -> dict[str, Any]:
    """Which lines gave a fact, the share of the text they hold, and the figures no fact placed.

    A line gave a fact when an element of the draft other than a note names it as its source (a
    heading that opens a part counts too); every other line with text is listed, with the note that
    says why when there is one. A line kept only as a ``note`` element gave no fact: it is listed
    with ``kept_as_note`` and the draft's comment on it, and its text is not counted as used. A
    figure ("25名", "6个处") is placed when the draft states that number somewhere.
    """
    sources = {no for path, (no, _) in prov.where.items() if no is not None and not _NOTE_PATH.search(path)}
    sources |= {n.line for n in facts.notes if n.kind == "anomaly" and n.line is not None}
    sources |= facts.continued
    sources |= {line.no for line in lines if line.text and heading_kind(line) is not None}
    as_note: dict[int, str] = {}
    for path, (no, msgs) in sorted(prov.where.items()):
        if no is not None and _NOTE_PATH.search(path) and no not in sources:
            as_note.setdefault(no, "; ".join(msgs) if msgs else "a sentence kept as a note")
    why = {n.line: n.message for n in facts.notes if n.line is not None}
    texts = [line for line in lines if line.text]
    no_fact: list[dict[str, Any]] = []
    for line in texts:
        if line.no in sources:
            continue
        entry: dict[str, Any] = {"line": line.no, "text": line.text}
        if line.no in as_note:
            entry["why"] = f"a note, not a fact: {as_note[line.no]}"
            entry["kept_as_note"] = True
        elif line.no in why:
            entry["why"] = why[line.no]
        no_fact.append(entry)
    total = sum(len(line.text) for line in texts)
    used = sum(len(line.text) for line in texts if line.no in sources)
    placed = {str(n) for n in re.findall(r"\d+", spec.model_dump_json())}
    figures = []
    for line in texts:
        for m in _FIGURE.finditer(line.key):
            value = cn_int(m.group(1))
            if value is not None and str(value) not in placed:
                figures.append({"line": line.no, "figure": line.text[m.start() : m.end()]})
    return {
        "lines_with_no_fact": no_fact,
        "lines_kept_as_notes": sum(1 for entry in no_fact if entry.get("kept_as_note")),
        "share_of_text_used": round(used / total, 3) if total else 0.0,
        "figures_not_placed": figures,
    }


def _blocking(text: str) -> list[str]:
    """Return the codes of the errors ``orgspec check`` finds in a draft, but OS301 (the document's own)."""
    from orgspec.api import analyze  # noqa: PLC0415 - the API imports the drafter

    codes = {d.code for d in analyze(text, "<draft>").diagnostics if d.severity.value == "error"}
    return sorted(codes - {"OS301"})


def run(text: str, source_name: str) -> tuple[Spec, str, dict[str, Any]]:
    """Draft a spec: return the model, the draft text and the report."""
    lines = read_lines(text)
    facts = Facts()
    # a bilingual page: its Chinese lines are read in Chinese, its English lines are listed as not read
    chinese_lines = sum(1 for line in lines if len(_CJK.findall(line.text)) >= 4)
    english = is_english(lines) and chinese_lines < 3
    leaders: list[Leader] = []
    skip: set[int] = set()
    # 三定 news: its frame says whose facts they are; the general readers read its text without the frame's lines
    framed = Facts() if not english else None
    seen, frame = lines, read_news(lines, framed) if framed is not None else None
    if frame is None:
        framed = None
    else:
        lines = [Line(line.no, "", "") if line.no in frame.lines else line for line in lines]
    # an administrative document of a known type (批复, 请示, 调整 通知, …): its frame says whose facts they are
    admin = framed is None and not english and read_admin(lines, facts)
    if english:
        extract_english(lines, facts)
    elif admin:
        pass
    else:
        articles = read_articles(lines, facts)  # a body's rules in articles: their lines are no other reader's
        article_offices(lines, facts)  # "本局設會計室、人事室,依法辦理…": units sharing one duty
        staffing_table(lines, facts)  # a 編制表: posts and the total
        rest = [line for line in lines if line.no not in articles]
        parts = _chinese(rest, facts)
        listed, only_bodies = extract_bodies(rest, facts)
        if not facts.listed:
            only_bodies |= working_bodies(rest, facts, set())
            listed |= only_bodies
        if not facts.listed:
            only_bodies |= leaders_blocks(rest, facts)
            listed |= only_bodies
        bare_lists(rest, parts, facts)  # "内设机构" over "A、B、C。", or an infobox row of the units
        if not facts.sections:
            extract_lists([line for line in rest if line.no not in only_bodies], facts)
        reconcile_with_sections(facts)
        unit_pools([line for p in parts if p.kind == "staffing" for line in p.lines], facts)
        skip = {line.no for p in parts if p.kind == "other" for line in p.lines} | listed | articles
        article_body(lines, facts)
        extract_classes(lines, facts, skip)
        counted_classes(lines, facts, skip)
        plaques_of_members([line for line in lines if line.no not in skip], facts)
        one_team_plaques([line for line in lines if line.no not in skip - listed], facts)
        staffing_in_text(lines, facts, skip)
        extract_running(lines, facts, skip)
        claim_totals(facts)
        extract_breakdowns(lines, facts, skip)
        leaders = read_leaders(lines, facts, skip)
        page_leaders(parts, facts)  # a page's 领导信息: posts with their holders
        range_quotas(lines, facts, skip, settled=False)
        pools_of_others(lines, facts)
        latest_quotas(lines, facts)  # a chronicle's earlier quotas are history
    if framed is not None:
        facts = merge_frame(framed, facts, frame is None or frame.decides)
    check_breakdowns(facts)
    structure = (
        admin
        or framed is not None
        or bool(facts.duties or facts.sections or facts.quotas or facts.posts or facts.kind_label or facts.listed)
    )
    if not structure:
        extract_coordinating(lines, facts)
        skipped = sum(1 for line in lines if line.text and line.no not in facts.used)
        facts.note(
            None,
            "structure",
            f"no structure found: no duty list, sections, staffing or kind of body; {skipped} lines of "
            "narrative skipped",
        )
    if structure and not english and facts.name is None:
        companions(lines, facts)
    if structure and not english and facts.name is None:
        name_in_passing(lines, facts)
    if structure and not english and facts.name is None:
        news_subject(lines, facts)
    if structure and not english and facts.name is None and (facts.sections or facts.quotas):
        _class_noun_name(lines, facts)
    if structure and not english and facts.name is None:
        leaders_body(lines, facts)
    if structure and not english and facts.name is None:
        plan_place(lines, facts)
    if structure and not english and facts.name is None and facts.subject is not None:
        facts.name = facts.subject
        facts.used.add(facts.subject.line)
    place_leaders(leaders, facts)
    if not (english or admin):
        range_quotas(lines, facts, skip)
    if structure and not (english or admin):
        dispatchers(lines, facts)
        groups_set_up(lines, facts)
    if structure and not (english or admin):
        _office_as_body(facts)
        unit_set_up_under(lines, facts)
    if structure and not (english or admin):
        colocated(lines, facts)
        infobox_kind(lines, facts)
    if structure and not (english or admin):
        first = _first_heading(lines, facts)
        for line in lines:
            if line.text and line.no not in facts.used and line.no < first:
                facts.doc_notes.append(Src(line.text, line.no, ["an introductory sentence, kept as a note"]))
                facts.used.add(line.no)
    drafted = structure or titled_only(facts)  # a plan's opening: its body by its title, no structure
    if not structure and drafted:
        keep_own_basis(facts)
    if structure and not (english or admin):
        units_of_others(lines, facts)
    clean_duties(facts)
    not_units(facts)
    _dedupe_sections(facts)
    drop_refusals_read_elsewhere(facts)
    _dedupe_listed(facts)
    own_basis_home(facts)
    order_number(lines, facts)  # the rules' basis: the order that issued them
    plaques_stated_as_duties(facts)
    _plaques_hung_on_units(lines, facts)
    _drop_clashing_plaques(facts)
    _plaques_once(facts)
    _unheaded_groups(facts)
    spec, prov = assemble(facts, lines, drafted)
    out = emit_text(spec, prov, facts.notes, source_name)
    blocking = _blocking(out)
    if blocking and facts.history:
        # a history the drafter read only in part contradicts the body as drafted: keep it as notes
        for event in facts.history:
            facts.doc_notes.append(Src(" ".join(event.value.notes) or event.value.kind.value, event.line))
        facts.history = []
        facts.note(
            None, "doubt", f"the dated history is kept as notes: as read, it fails check ({', '.join(blocking)})"
        )
        spec, prov = assemble(facts, lines, drafted)
        blocking = _blocking(emit_text(spec, prov, facts.notes, source_name))
    if "OS304" in blocking and _posts_over_quota(facts):
        spec, prov = assemble(facts, lines, drafted)
    lines = seen
    _say_what_was_seen(spec, lines, facts)
    not_read = [(line.no, line.text) for line in lines if line.text and line.no not in facts.used]
    coverage = _coverage(lines, prov, facts, spec)
    out = emit_text(spec, prov, facts.notes, source_name)
    rep = report(spec, prov, facts.notes, not_read, source_name, "en" if english else "zh")
    rep.update(coverage)
    return spec, out, rep
