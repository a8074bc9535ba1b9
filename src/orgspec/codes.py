"""The registry of diagnostic codes: one entry per code, with its documentation.

Codes are stable: a code, once published, keeps its meaning. ``docs/checks.md``
is generated from this registry (``orgspec explain --all``) and a test fails
when the two disagree, so every code is documented.

Families:

* ``OS1xx`` reading and syntax
* ``OS2xx`` structure: statements, arguments, values, ids and references
* ``OS3xx`` arithmetic: stated counts, quotas and leadership posts
* ``OS4xx`` plaques
* ``OS5xx`` units: names, duties, ranks
* ``OS6xx`` history
* ``OS7xx`` suppressions

Imports: the standard library and attrs only.
"""

from __future__ import annotations

import attrs

__all__ = ["CODES", "Code", "render_markdown"]


@attrs.frozen(slots=True)
class Code:
    """One diagnostic code and its documentation."""

    code: str
    name: str
    severity: str
    summary: str
    explanation: str
    bad: str = ""
    good: str = ""


_ALL: tuple[Code, ...] = (
    # ---- reading and syntax -------------------------------------------------
    Code(
        "OS100",
        "unreadable-input",
        "error",
        "The input could not be read.",
        "The path does not exist, is a directory where a file was expected, or cannot be opened. "
        "Nothing in it was checked.",
    ),
    Code(
        "OS101",
        "not-utf8",
        "error",
        "The file is not valid UTF-8.",
        "Spec files are UTF-8. Files saved as GBK or GB18030 by older Chinese tools are detected "
        "and the hint shows the command that converts them. A UTF-8 byte-order mark is accepted.",
        bad="(a file saved as GB18030)",
        good="iconv -f GB18030 -t UTF-8 old.orgspec > new.orgspec",
    ),
    Code(
        "OS102",
        "unexpected-character",
        "error",
        "A character that cannot start any token.",
        "Names and text must be in double quotes; identifiers are ASCII letters, digits, `_`, "
        "`-` and `.`. Control characters such as NUL are never accepted outside strings.",
        bad="section 人事處 { }",
        good='section "人事處" { }',
    ),
    Code(
        "OS103",
        "unexpected-token",
        "error",
        "A token in a place where the grammar does not allow it.",
        "The message names what was found and what could come there instead. A common cause is "
        "a missing closing brace or a value that is not quoted.",
        bad='body "A" { kind "工作部門" }}',
        good='body "A" { kind "工作部門" }',
    ),
    Code(
        "OS104",
        "unterminated-string",
        "error",
        "A string is not closed before the end of the line.",
        "Strings are written on one line between double quotes; a quote inside a string is "
        'written `\\"` and a backslash `\\\\`.',
        bad='duty "貫徹執行',
        good='duty "貫徹執行"',
    ),
    Code(
        "OS105",
        "unexpected-end",
        "error",
        "The file ends inside a block.",
        "Every `{` needs its `}`. The related location shows the brace that is still open.",
    ),
    Code(
        "OS106",
        "limit-exceeded",
        "error",
        "The input is larger than orgspec accepts.",
        "orgspec enforces documented limits (file size, nesting depth, length of a figure) so "
        "that no input makes it run out of memory or time. See docs/limits.md.",
    ),
    Code(
        "OS107",
        "invalid-escape",
        "error",
        "A backslash escape in a string is not one orgspec knows.",
        'Strings accept `\\"`, `\\\\`, `\\n`, `\\t` and `\\u{XXXX}`.',
        bad='note "a\\qb"',
        good='note "a\\\\qb"',
    ),
    # ---- structure -----------------------------------------------------------
    Code(
        "OS201",
        "unknown-statement",
        "error",
        "A statement that is not allowed in this place.",
        "Each block accepts its own statements: a body accepts `kind`, `rank`, `plaque`, "
        "`duties`, `section`, `quota`, `posts` and so on. The hint lists what is allowed and "
        "suggests the closest keyword.",
        bad='section "人事處" { quote administrative 3 }',
        good='section "人事處" { quota administrative 3 }',
    ),
    Code(
        "OS202",
        "bad-arguments",
        "error",
        "A statement has missing, extra or wrongly typed arguments.",
        "The message says what the statement takes and what was found.",
        bad="plaque 3",
        good='plaque "港澳事務辦公室"',
    ),
    Code(
        "OS203",
        "repeated-statement",
        "error",
        "A statement that may appear once appears again.",
        "A unit has one kind, one rank and one name; the related location shows the first.",
    ),
    Code(
        "OS204",
        "invalid-number",
        "error",
        "A figure that is not a plain non-negative whole number of a sensible size.",
        "Counts are written with ASCII digits. Full-width digits, negative counts and absurdly "
        "large figures are rejected. A figure the document itself garbles is written "
        '`unreadable "365,438+0"` rather than guessed.',
        bad="quota administrative ２１",
        good="quota administrative 21",
    ),
    Code(
        "OS205",
        "invalid-date",
        "error",
        "A date that does not exist.",
        "Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; partial dates are valid, impossible ones "
        "such as 2019-02-30 are not.",
        bad="event renamed 2019-02-30",
        good="event renamed 2019-03",
    ),
    Code(
        "OS206",
        "unknown-value",
        "error",
        "A keyword value that orgspec does not know.",
        "Kinds, quota categories, event types and similar values come from fixed vocabularies; "
        "the hint lists them. A kind may also be written in Chinese as the document has it.",
        bad="quota admin 21",
        good="quota administrative 21",
    ),
    Code(
        "OS207",
        "duplicate-id",
        "error",
        "Two units, duties or lists share one id.",
        "Ids identify things across versions of a spec and in references; each must be unique "
        "within the spec. The related location shows the first use.",
    ),
    Code(
        "OS208",
        "unresolved-reference",
        "error",
        "A reference names nothing in the spec.",
        '`@id` refers to an id and `@"name"` to a unit name or plaque in the same spec. To name a '
        "body outside the spec, write a plain string instead.",
        bad='hosts @"市委外事工作委員會辦公室"   # not defined in this spec',
        good='hosts "市委外事工作委員會辦公室"',
    ),
    Code(
        "OS209",
        "reference-cycle",
        "error",
        "Relations form a cycle.",
        "A unit cannot host, manage or be the superior of itself, directly or through others (A 代管 B 代管 A).",
    ),
    Code(
        "OS301",
        "stated-count-mismatch",
        "error",
        "The document's stated count differs from what it lists.",
        '`stated sections 6` records the document\'s own "設6個內設機構". It is compared with the '
        "sections listed (units of kind section at any depth; party committees, service centres "
        "and discipline units are not counted, nor units stated `outside-count`; `unlisted` in the "
        "stated count's block adds those counted but not listed; a unit that `stands-for` a class "
        "counts as its bodies; a unit abolished or merged away in a history, and not set up again, is "
        "not counted; with `over @a @b` in its block the count is of the sections of those bodies, each "
        "class as its bodies; `optional` units count as there or not, and those a `choose` names as many as it "
        "chooses; a count with `until` is of a former state and is not compared). Likewise `stated duties`, `stated "
        "institutions` and `stated members`. Where the document itself is inconsistent, keep its figure, say so in a "
        "comment and suppress the finding with a reason.",
        bad="stated sections 6   # but five `section` statements",
    ),
    Code(
        "OS302",
        "quota-parts-exceed-total",
        "error",
        "The parts of a quota add up to more than its total.",
        "Parts written with `includes` are counted inside the total (含…). Their sum may not "
        "exceed it; the related locations show each part. A part `each @a @b …` (各4名) counts its "
        "figure once per unit.",
        bad='quota administrative 5 { includes 3 "A"; includes 4 "B" }',
    ),
    Code(
        "OS303",
        "quota-breakdown-incomplete",
        "error",
        "A breakdown declared complete does not add up to the total.",
        "`complete` in a quota block says that its parts are the whole breakdown (其中…), so "
        "they must add up to the total exactly.",
    ),
    Code(
        "OS304",
        "posts-exceed-quota",
        "error",
        "Leadership posts exceed the administrative quota.",
        "Every leader occupies a post of the administrative quota, so the body's leadership posts "
        "(concurrent posts counted once, posts approved separately left out) cannot exceed it.",
    ),
    Code(
        "OS305",
        "post-group-mismatch",
        "error",
        "A post group's breakdown does not add up to its total.",
        "正副處長11名,其中正處長6名、副處長5名: when both the chief and the deputy counts are "
        "given, they must add up to the group total; otherwise their sum may not exceed it.",
        bad='group "正副處長" 11 { post "正處長" 6; post "副處長" 4 }',
        good='group "正副處長" 11 { post "正處長" 6; post "副處長" 5 }',
    ),
    Code(
        "OS306",
        "chiefs-exceed-units",
        "error",
        "More chief posts than units for them to head.",
        "In a post group `for sections`, the chief posts (正處長) can be no more than the sections they head.",
    ),
    Code(
        "OS307",
        "deputies-exceed-quota",
        "error",
        "Deputy posts exceed what their group leaves for them.",
        "Deputy posts in a group must fit within the group total less the chief posts. This is "
        "the check users asked for first: 副處長 counts within their quota.",
        bad='group "正副處長" 11 { post "正處長" 6; post "副處長" 7 }',
    ),
    Code(
        "OS308",
        "post-parts-exceed-total",
        "error",
        "A post's sub-counts exceed the post count.",
        '"42 … including 3 for the overseas Chinese office": the sub-counts of a post are '
        "counted inside it and may not exceed it.",
    ),
    Code(
        "OS309",
        "figure-not-checked",
        "info",
        "Arithmetic skipped because a figure is unreadable or determined separately.",
        "A check that needs a figure the document does not give (另行核定, not stated), "
        "garbles (unreadable) or the stored copy cuts off (`cut-off`) says so rather than assuming zero. "
        "A stated count is not compared with a list the copy cuts off (`cut-off sections`, `cut-off page`), "
        "or a list the document quotes only part of (`excerpt sections`).",
    ),
    Code(
        "OS310",
        "numbering-anomaly",
        "warning",
        "Numbering is duplicated, skipped or out of order.",
        "Sections and duties may carry the number the document gives them. A repeated number "
        "(two sections numbered 三) or a gap is a defect of the document worth recording. A range "
        'written over several sections (`number 5 8` for "5-8. 地区处") is one slot of the '
        "numbering; the sections that carry it must be as many as its numbers. The units of a "
        "`group-header` are numbered in the sequence of the units beside it. A list the document quotes "
        "only part of (`excerpt duties`, `excerpt sections`) keeps the whole list's numbers: its gaps are "
        "not reported, a repeated or backward number is.",
    ),
    Code(
        "OS311",
        "staff-above-quota",
        "warning",
        "Staff in post exceed the quota of their category, or have no quota (超编).",
        "`actual administrative 22` records the staff in post (实有, 在职, 现有) beside the quota; a "
        "reviewer raises staff above the unit's quota of the same category (超编), and staff in a "
        "category the unit states no quota for (工勤3人 with no 工勤 quota). An `actual` without a "
        "category is compared with the sum of the unit's quotas when each has an upper bound. A range or "
        'bound (`actual at-least 100 "百余名"`) is read soundly: its least against the most the quota allows.',
        bad='quota administrative 20\nactual administrative 22 "实有22人"',
        good='quota administrative 20\nactual administrative 18 "实有18人"',
    ),
    Code(
        "OS312",
        "posts-filled-above-authorised",
        "warning",
        "More leadership posts are filled than authorised (超职数).",
        "`actual N` inside a post or a post group records the posts actually filled (实际配备); a "
        "reviewer raises more filled than the document authorises. Over several bodies of a class "
        '(`across 25 125 "…" actual` in a post of 4 of a `stands-for` body), the posts filled are '
        "compared with the post's figure times the bodies. A range or bound is read soundly: the least "
        "filled against the most authorised.",
        bad='post "副主任" 3 { actual 4 }',
        good='post "副主任" 3 { actual 3 }',
    ),
    Code(
        "OS313",
        "stated-ambiguity",
        "info",
        "The document leaves something ambiguous, and the spec says so.",
        '`ambiguous quota-owner "…"` (or `posts-pool`, `part-inside`, `count`) records a question the '
        "document leaves open — a quota written between an office and its subordinate, one 其中 after "
        "two pools — instead of guessing a reading. Each is reported as information, so that a "
        "reviewer sees what the arithmetic could not decide.",
        bad="ambiguous quota-owner \"the department's, or its centre's\"",
    ),
    Code(
        "OS314",
        "posts-exceed-quota-less-logistics",
        "error",
        "Leadership posts exceed the quota once its logistics (工勤) part is taken out.",
        "Leaders occupy cadre places, never logistics (工勤) ones. When the quota that leaders hold "
        "(the administrative quota, else the public-institution quota of an institution, else a "
        "quota the document calls the body's 机关编制) counts a "
        "logistics part inside it (`includes logistics 2`), the body's leadership posts must fit "
        "within the total less that part. A separate `quota logistics` pool is already outside the "
        "quota and is not taken out again; a logistics part whose figure is not a number leaves the "
        "check undecided; posts above the whole administrative quota are OS304 alone.",
        bad='quota administrative 5 { includes logistics 2 "工勤2名" }\nposts { post "主任" 1; post "副主任" 3 }',
        good='quota administrative 6 { includes logistics 2 "工勤2名" }\nposts { post "主任" 1; post "副主任" 3 }',
    ),
    Code(
        "OS315",
        "quota-part-disagrees-with-unit",
        "warning",
        "A quota part stated for a unit differs from the quota that unit states itself.",
        '`includes 6 "综合科" for @zh` in a body\'s quota and `quota administrative 5` in the 综合科 '
        "are two statements of one figure. A reviewer raises the part when it is larger than the "
        "unit's own quota (more places given than the unit has) or smaller (the unit claims places "
        "its body does not give it). The unit's quota of the part's category is compared (the "
        "quota's category when the part names none; a part `each @a @b` is compared with each unit's "
        "own); a unit that states no quota of it, a figure "
        "that is not a number, or two figures given for different `as-of` dates are not compared.",
        bad='quota administrative 20 { includes 6 "综合科" for @zh }\nsection zh "综合科" { quota administrative 5 }',
        good='quota administrative 20 { includes 5 "综合科" for @zh }\nsection zh "综合科" { quota administrative 5 }',
    ),
    Code(
        "OS316",
        "section-posts-fewer-than-sections",
        "warning",
        "A section leadership total with no chief/deputy split is smaller than the sections it heads.",
        "A group `for-sections` that gives only a total (内设机构领导职数12名), with no chief and deputy "
        "posts named, must give each section at least its head: a total below the number of sections "
        "leaves one without. Counted are the sections and offices directly below the unit, except "
        "those set per regulations or outside the stated count, those abolished in their history, "
        "and a section whose head is a post of its own in the unit (办公室主任 for the 办公室). "
        "Nothing is said about deputies: how many a section gets is not fixed by the total. "
        "A group with a chief/deputy split is checked by OS305-OS307 instead.",
        bad='section "甲科"\nsection "乙科"\nsection "丙科"\nposts { group "内设机构领导职数" 2 for-sections }',
        good='section "甲科"\nsection "乙科"\nsection "丙科"\nposts { group "内设机构领导职数" 3 for-sections }',
    ),
    Code(
        "OS317",
        "class-arithmetic",
        "warning",
        "The figures of a class of like bodies do not add up.",
        "A body stated `stands-for 31` stands for 31 like bodies (31个街道办事处): its posts are those "
        "of each. Its `includes` parts (实际运行19个) may not exceed the class, and add up to it when "
        "stated `complete`; it names no more `member`s than its count (a list may name only some); "
        'a post total over some of its bodies (`across 31 124 "共计124正"` in a '
        "post of 4) must be the post's figure times the bodies, and cover no more bodies than the "
        'class has; and when its bodies cover one area each (`covers "党群口" "综合口" { each }`, 分别管辖), '
        "it names as many areas as it has bodies. Posts filled over several bodies "
        "(`across 25 125 … actual`) are OS312.",
        bad='stands-for 31\nposts { post "副主任" 4 { across 31 120 "共计120副" } }',
        good='stands-for 31\nposts { post "副主任" 4 { across 31 124 "共计124副" } }',
    ),
    Code(
        "OS318",
        "statements-disagree",
        "warning",
        "One fact is stated twice, by two sources, with figures that disagree.",
        '`also FIGURE "words" source "…"` in a `stands-for` or a `quota` block keeps a second '
        "statement of the same figure (another authority's count, another document's figure for the "
        "same year) beside the first, with its source. Both are kept; where they cannot be the same "
        "number a reviewer asks which one holds.",
        bad='stands-for 31 { source "编委"; also 30 source "民政" }',
        good='stands-for 31 { source "编委"; also 31 source "民政" }',
    ),
    Code(
        "OS319",
        "two-working-offices",
        "warning",
        "One body has two working offices.",
        "A coordinating body (领导小组, 委员会, 联席会议) has one working office (办事机构) that does its "
        "day-to-day work, stated with `office-of` on the office or `working-office` on the body. Two "
        "different units stated as the office of one body, in either direction, is a contradiction a "
        "reviewer raises. An office replaced by another keeps its relation with an `until` date.",
        bad='body a "甲" { office-of "领导小组" }\nbody b "乙" { office-of "领导小组" }',
        good='body a "甲" { office-of "领导小组" { until 2018 } }\nbody b "乙" { office-of "领导小组" }',
    ),
    Code(
        "OS320",
        "quota-total-mismatch",
        "warning",
        "A total of places differs from the sum of the quotas it totals.",
        '`stated quota 32 "共有编制32人"` records a total the document gives over all the unit\'s own '
        "quotas (行政编制20人,事业编制12人,共有编制32人); a quota with `over @a @b` is a total over the "
        "quotas of its pool of the bodies named (its category; a pool in the document's words, "
        "专职干部, only those words), a body that stands for a class counting as its "
        "bodies (8个乡镇 each 44 is 352). The total must be the sum. Ranges are compared by their bounds; "
        "an open figure among the terms makes the sum uncheckable (OS309).",
        bad='stated quota 33 "共有编制33人"\nquota administrative 20\nquota public-institution 12',
        good='stated quota 32 "共有编制32人"\nquota administrative 20\nquota public-institution 12',
    ),
    Code(
        "OS321",
        "stated-breakdown-mismatch",
        "warning",
        "The breakdown of a stated count does not add up to it.",
        '`includes FIGURE "words"` in the block of a `stated` count gives its breakdown as the document '
        'does ("“4办、1队、2中心、1站”8个工作机构", "六辦一委一隊四中心"). The parts may not add up to more '
        "than the count, and, stated `complete`, they add up to it. Ranges are compared by their bounds.",
        bad='stated sections 8 "8个工作机构" { includes 4 "4办"; includes 1 "1队"; includes 2 "2中心"; complete }',
        good='stated sections 8 "8个工作机构" { includes 4 "4办"; includes 1 "1队"; includes 2 "2中心"; '
        'includes 1 "1站"; complete }',
    ),
    Code(
        "OS322",
        "held-by-mismatch",
        "warning",
        "A post held by the holders of another post names no such post, or outnumbers it.",
        '`post "主任" 1 chief held-by "副书记"` says the post is held by holders of a post counted beside it '
        "(主任1名(由副书记兼任)): it adds no person, so the group and the quota count it once. The post it "
        "names must be one of the same group (or of the unit, outside any group), and it cannot have more "
        "places than that post has holders.",
        bad='group 3 { post "书记" 1 chief; post "主任" 2 chief held-by "副书记"; post "副书记" 1 deputy }',
        good='group 3 { post "书记" 1 chief; post "主任" 1 chief held-by "副书记"; post "副书记" 2 deputy }',
    ),
    Code(
        "OS323",
        "concurrent-post-not-found",
        "warning",
        "A person's concurrent post in another body is not stated there.",
        '`holder "刘平" concurrent "委员" of @bw` says the holder also holds a post of another body of the '
        "spec (the 编办主任 is a 委员 of the 编委). When that body names its people (members or holders) but "
        "not this person in that post, the two bodies disagree about who holds it: a reviewer asks which "
        "is right. A body that names no one is not compared.",
        bad='body bw "编委" { members { member "委员" person "王五" } }\n'
        'body bb "编办" { posts { post "主任" 1 { holder "刘平" concurrent "委员" of @bw } } }',
        good='body bw "编委" { members { member "委员" person "刘平" } }\n'
        'body bb "编办" { posts { post "主任" 1 { holder "刘平" concurrent "委员" of @bw } } }',
    ),
    Code(
        "OS324",
        "choice-does-not-fit",
        "warning",
        "A choice of optional units names a unit that is not optional, or sets more than it names.",
        '`choose between 1 2 "选设1-2个" { from @a @b @c }` says how many of several optional units are set. '
        "Each unit chosen from is one the document sets only where it says (`optional`), and the least "
        "the choice sets cannot be more than the units it names: a reviewer asks which units the figure is "
        "about. Stated counts take the chosen units as the choice's figure (OS301).",
        bad='body b "某街道" { section-duties-unstated; section a "一处" { optional "选设" }\n'
        '  choose 2 "选设2个" { from @a } }',
        good='body b "某街道" { section-duties-unstated; section a "一处" { optional "选设" }\n'
        '  section c "二处" { optional "选设" }; choose 1 "选设1个" { from @a @c } }',
    ),
    # ---- arithmetic ------------------------------------------------------------
    # ---- plaques -----------------------------------------------------------------
    Code(
        "OS401",
        "plaque-is-own-name",
        "error",
        "A plaque repeats the unit's own name.",
        "A plaque is another official name of the same unit; repeating the unit's name adds "
        "nothing and usually hides a typing mistake.",
    ),
    Code(
        "OS402",
        "duplicate-plaque",
        "error",
        "A plaque name is used twice in the spec, or is the name of another unit.",
        "One name identifies one unit: the same plaque on two units, or a plaque that is the "
        "name of a different unit, makes references and diffs ambiguous.",
    ),
    Code(
        "OS403",
        "plaque-with-staff",
        "error",
        "A plaque carries staff, posts or duties.",
        "A plaque has no staff or duties of its own (一個機構兩塊牌子): put quotas, posts and "
        "duties on the unit that carries it.",
        bad='plaque "港澳事務處" { quota administrative 2 }',
    ),
    Code(
        "OS404",
        "plaque-body-with-staff",
        "warning",
        "A body that exists only as a plaque on another body states staff of its own.",
        "`plaque-on @body` says a body the document names as a body exists only as a plaque hung on "
        "another (在中卫市气象局加挂该机构牌子, 其牌子挂在…): it has no quota, staff in post or leadership "
        "posts apart from the body that carries it. Figures stated on it belong to the carrier, or the "
        "body has been set up on its own since (end the relation with `until`).",
        bad='body a "甲局" { plaque "乙局" }\nbody b "乙局" { plaque-on @a; quota administrative 3 }',
        good='body a "甲局" { plaque "乙局"; quota administrative 3 }\nbody b "乙局" { plaque-on @a }',
    ),
    # ---- units -----------------------------------------------------------------
    Code(
        "OS501",
        "section-without-duties",
        "warning",
        "A section lists no duties.",
        "Every internal section of a 三定 plan has duties; a section without them is usually an "
        "unfinished spec. Units set per regulations, party committees and service centres are "
        "exempt, a section covered by a shared duty list has duties, and a body whose document "
        "gives no duties per section (a list of names only) says so once with "
        "`section-duties-unstated`, which silences this check below it.",
    ),
    Code(
        "OS502",
        "section-outranks-body",
        "error",
        "A section has a higher rank than the unit it belongs to.",
        "An internal section cannot outrank its body: a 科級 office cannot have 處級 sections.",
    ),
    Code(
        "OS503",
        "unknown-rank",
        "warning",
        "A rank that orgspec cannot place on the scale.",
        "Known ranks are 部級, 廳局級, 處級, 科級, 股級 and their 正/副 forms, in simplified or "
        "traditional characters, and a range of two of them (正科级至副厅级); an unknown rank is kept but "
        "not compared, and so is a range.",
    ),
    Code(
        "OS504",
        "duplicate-name",
        "error",
        "Two units with the same name under one parent, or two bodies with one name.",
        "Names identify units for people, in references and in diffs. The related location shows the first.",
    ),
    Code(
        "OS505",
        "rank-as-disagrees",
        "warning",
        "A unit's rank differs from the rank of the body it is said to rank as.",
        '`rank-as @jd "与街道办事处规格相等"` gives a unit the rank of another body (规格相等, 按…对待). Where '
        "both the unit and that body state a rank on the scale and the two differ, one of them is wrong. "
        "A body outside the spec, or one with no rank, is not compared.",
        bad='body jd "街道办事处" { rank "正科级" }\nbody gs "街道工业公司" { rank "副科级"; rank-as @jd }',
        good='body jd "街道办事处" { rank "正科级" }\nbody gs "街道工业公司" { rank "正科级"; rank-as @jd }',
    ),
    # ---- history ----------------------------------------------------------------
    Code(
        "OS601",
        "events-out-of-order",
        "error",
        "History events are not in date order.",
        "Events are listed oldest first so that the state at any date can be derived by applying them in order.",
    ),
    Code(
        "OS602",
        "event-name-not-in-force",
        "error",
        "An event refers to a name or a unit that was not in force at its date.",
        "A rename's `from` must be the name in force before it: the previous rename's `to`, and "
        "the last rename's `to` must be the unit's current name. A plaque that is removed must "
        "have been carried. A unit's events are those of its own `history` and the top-level "
        "events whose `unit` names it; they come after its `established` event and, until it is "
        "`reestablished`, not after its `abolished` event. An event that refers to another unit "
        "(`unit @id`) cannot come before that unit was established.",
        bad='body s "S" { history { event established 2010 } }\n'
        'history { event renamed 2005 { unit @s; from "Q"; to "S" } }',
        good='body s "S" { history { event established 2010 } }\n'
        'history { event renamed 2015 { unit @s; from "Q"; to "S" } }',
    ),
    Code(
        "OS603",
        "event-dates-disagree",
        "warning",
        "An event's decided, approved and effective dates are out of order.",
        "A decision comes before its approval, and both come before it takes effect; an interim "
        "period (`event interim START { until END }`, 过渡期) ends after it starts.",
    ),
    Code(
        "OS604",
        "event-after-state-date",
        "warning",
        "An event of a unit's history comes after the date its state is written for.",
        '`as-of 2011-12 "2011年年底"` on a unit says that its sections, quotas and posts as written are '
        "its state on that date (a gazetteer: 2011年年底,内设机构有…). The state as written is the one "
        "after every event of its history, so an event surely after that date contradicts it. Partial "
        "dates are compared only as far as both go: an event of 2011 is not after 2011-12.",
        bad='as-of 2011-12\nhistory { event renamed 2012 { from "甲"; to "乙" } }',
        good='as-of 2012-12\nhistory { event renamed 2012 { from "甲"; to "乙" } }',
    ),
    # ---- policy and across files ------------------------------------------------------
    Code(
        "OS801",
        "policy-limit-exceeded",
        "warning",
        "A figure is above the limit a policy rule sets (a ratio rule or a body limit).",
        'Policy rules are off by default. `policy = ["r5-leadership-ratios"]` in the configuration, '
        "or `orgspec check --policy PACK` (a bundled pack or a TOML file), turns a pack on. Each rule "
        "caps one figure of the units it applies to: the chief and deputy posts of a kind of unit "
        "against the size of its quota (R5: 干部编制四人以内配备一名), the logistics share of a quota "
        "(R6), the number of sections of a kind of body (a jurisdiction's 机构限额). The finding names "
        "the rule's id, the figure, the limit and the rule's basis (the document it comes from), so "
        "that the reviewer can weigh it; a rule is a policy, not a fact of the spec. A figure given "
        "as a range is held to a limit by the most it allows (设5-8个 breaks a limit of 7), a bound "
        "with no upper end (不少于5个) only when its least value does; sections abolished in their "
        "history are not counted. See "
        "docs/configuration.md#policy-rules.",
    ),
    Code(
        "OS802",
        "facts-disagree-across-files",
        "warning",
        "One body is stated in two specs whose facts disagree.",
        "When `orgspec check` is given several files or a folder (and in the language server, for the "
        "open documents and the workspace's specs), a body stated in two specs (the same "
        "id, or the same name once scripts and spacing are folded) is compared fact by fact: its "
        "quota of each category, its total of leadership posts, its rank and the number of its "
        "sections. A fact is compared only when both specs give it as a number (or a rank) for one "
        "date that both state: a quota's `as-of`, else the date of the body's `basis` document. Two "
        "undated statements are not compared: they may be documents of different years, or two "
        "bodies of one generic name (街道办事处). Each disagreement is reported once, at the later "
        "file, with the other spec's statement as a related location. Inline suppressions do not "
        "reach it (it is found after each file's own findings): leave it out with `per-file-ignores`.",
    ),
    # ---- suppressions ---------------------------------------------------------------
    Code(
        "OS701",
        "unused-suppression",
        "warning",
        "A suppression comment suppresses nothing.",
        "`# orgspec: ignore[CODE] reason` silences the finding CODE on its own line, or, alone on "
        "its line, on the next line that is not only a comment. When no such finding is there (the "
        "document was corrected, or the comment moved away from its statement) the suppression "
        "is stale: remove it, or move it to the line of the finding.",
        bad='stated sections 2 "設2個內設機構"  # orgspec: ignore[OS301] the count is right now',
        good='stated sections 2 "設2個內設機構"',
    ),
    Code(
        "OS702",
        "invalid-suppression",
        "warning",
        "A suppression comment that orgspec cannot use.",
        "A suppression is written `# orgspec: ignore[CODE] reason`: it names one or more known "
        "codes (`ignore[OS301, OS310]`) and gives the reason the finding is accepted, so that the "
        "next reader knows why. A suppression without a reason, with an unknown code or in "
        "another shape suppresses nothing. Reading and syntax errors (OS1xx) and OS7xx findings "
        "cannot be suppressed.",
        bad='stated sections 6 "設6個內設機構"  # orgspec: ignore[OS301]',
        good='stated sections 6 "設6個內設機構"  # orgspec: ignore[OS301] the document itself lists five',
    ),
)

CODES: dict[str, Code] = {c.code: c for c in _ALL}


def render_markdown() -> str:
    """Return the text of ``docs/checks.md``: every code with its documentation."""
    lines = [
        "# Checks and diagnostic codes",
        "",
        "Every finding of `orgspec check` carries one of these codes. Codes are stable.",
        "This page is generated by `orgspec explain --all`; do not edit it by hand.",
        "",
        "| code | name | default severity | summary |",
        "|---|---|---|---|",
    ]
    for c in _ALL:
        lines.append(f"| [{c.code}](#{c.code.lower()}) | {c.name} | {c.severity} | {c.summary} |")
    for c in _ALL:
        lines += ["", f"## {c.code}", "", f"**{c.name}** ({c.severity}): {c.summary}", "", c.explanation]
        if c.bad:
            lines += ["", "Triggers it:", "", "```orgspec", c.bad, "```"]
        if c.good:
            lines += ["", "Does not:", "", "```orgspec", c.good, "```"]
    return "\n".join(lines) + "\n"
