r"""Every example in README.md and docs/*.md is run: commands, their output, Python and specs.

Documentation cannot drift: each page is read block by block, in order, and every block that
can run is run, from a fresh temporary copy of the repository's ``specs/``, ``examples/``,
``tests/fixtures/`` and ``pyproject.toml`` (so paths in the docs work as they do in a clone).
A failure names the page and the line of the block, and shows the expected and actual text.

The markup (plain Markdown, rendered as usual; directives are HTML comments, invisible on
GitHub):

``console`` blocks
    ``$ orgspec …`` lines, each followed by exactly what it prints: stdout and stderr
    together, as a terminal shows them (no colour). A command line ending in ``\`` goes on.
    A line ``...`` alone in the output stands for any number of lines (for shortened
    output). The exit code must be 0, unless the command ends with a comment ``# exit N``.
    ``2>/dev/null``, ``>/dev/null``, ``> FILE`` and ``< FILE`` redirect as in a shell;
    ``NAME=value`` before the command sets an environment variable.
``sh`` (also ``shell``, ``bash``) blocks
    one command a line, no output shown: each is run and must exit 0 (or ``# exit N``);
    its output is not compared.
    Commands that run: ``orgspec …`` and ``python -m orgspec …`` (in this process, through
    :func:`orgspec.cli.main.main`, which is fast), ``python FILE.py …`` (in this process,
    with ``runpy``), ``cat FILE``, and ``cd DIR`` (for the rest of the page, python blocks
    included).
``python`` blocks
    run in order, one namespace per page, in the page's working copy. A block right after
    it marked ``<!-- test: output -->`` is what it must print (``...`` as above).
``orgspec`` blocks
    a whole spec: it must check with no error or warning, and be in the canonical layout
    (``orgspec fmt --check``). Words in a ``<!-- test: … -->`` line just above change that:
    ``findings`` (it shows findings on purpose), ``not-canonical`` (it shows another
    layout on purpose), ``file=PATH`` (also written to PATH for the commands below; any
    other fenced block can be written to a file the same way).
``<!-- test: output-of: COMMAND -->`` above any block
    the block is what COMMAND (run as in a ``console`` block, from the current folder) prints
    on stdout; ``...`` lines as above. A JSON block may be shortened: objects may leave out
    keys and lists items (the order kept; an item ``"…"`` marks the cut), and a string
    ending in ``…`` stands for any string that starts so.
``<!-- test: in=PATH -->`` above any block
    an excerpt: its lines, re-indented, are consecutive lines of PATH in the working copy
    (a file of the repository, or one a command above wrote). An excerpt of a spec is not
    checked alone; its file is.
``<!-- test: needs=PROGRAM,… -->`` above any block
    the block runs only where each PROGRAM is installed (e.g. ``dot``, Graphviz;
    ``cjk-font``: a font that covers Chinese, for PNG and PDF).
``<!-- test: no-run REASON -->`` above any block
    the block is not run; the reason is required (e.g. it installs packages, or starts a
    server that waits for an editor).
``<!-- test: append-to-body=PATH -->`` above an ``orgspec`` block
    lines the text asks the reader to add at the end of the body in PATH: the harness puts
    them before the file's last line (the body's ``}``), one level in. The block is checked
    as part of that file by the commands that follow, not alone.
``<!-- test: replace FILE OLD NEW -->`` on a line of its own
    an edit the text asks the reader to make by hand (``OLD`` and ``NEW`` quoted as in a
    shell): the harness makes it in the working copy, and fails if OLD is not found.
``<!-- test: same-file A B -->`` on a line of its own
    files A and B of the working copy must be equal (e.g. the file a tutorial assembled,
    and the copy of it kept in ``examples/``).

Blocks of other languages (JSON, YAML, TOML, text …, listed in ``ILLUSTRATIONS``) are
illustrations; they are compared only when marked (``output``, ``output-of:``, ``in=``) or
written (``file=``). A block of a language the harness does not know, and a directive word
it does not know, fail the page (so a typo cannot switch a check off). The
checks page is generated from :mod:`orgspec.codes` (``tests/test_docs.py`` keeps it current);
its examples are single statements, run here placed in the smallest body that takes them.

Output is compared exactly. ``ORGSPEC_UPDATE_DOCS=1`` writes what each ``console`` command
printed into the page in place of a shown output that differs (review the change: it is the
documentation). The working copy's absolute path is shown as
``/home/me/specs-repo``; nothing else is normalised.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import runpy
import shlex
import shutil
import sys
import textwrap
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import orgspec
from orgspec.cli.main import main
from orgspec.fmt import format_source

from .conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: What each page's working copy holds, relative to the repository.
COPIED = ["specs", "examples", "tests/fixtures", "pyproject.toml"]
#: How the working copy's absolute path is shown in the docs.
SHOWN_ROOT = "/home/me/specs-repo"
#: Pages whose examples are tested elsewhere (generated from the code).
GENERATED = {"checks.md"}
SHELL = {"console", "sh", "shell", "bash"}
DIRECTIVE = re.compile(r"^\s*<!--\s*test:\s*(.*?)\s*-->\s*$")
FENCE = re.compile(r"^(?P<indent>\s*)(?P<ticks>`{3,})(?P<info>[^`]*)$")
STANDALONE = {"replace", "same-file"}
#: Directive words above a block: flags, and options written NAME=VALUE.
FLAGS = {"findings", "not-canonical", "output"}
OPTIONS = {"file", "in", "needs", "append-to-body"}
#: Languages of blocks that show data or configuration for other tools, not run here.
ILLUSTRATIONS = {"", "text", "json", "yaml", "toml", "xml", "turtle", "markdown", "elisp", "lua", "js", "rst"}
EXIT = re.compile(r"^#\s*exit\s+(\d+)\b")


@dataclass
class Block:
    """One fenced block of a page."""

    page: str
    line: int  # line of the opening fence, 1-based
    lang: str
    body: str
    directive: str = ""  # the text of a <!-- test: … --> line just above, if any
    words: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    def option(self, name: str) -> str | None:
        """Return the value of ``name=VALUE`` in the directive, else None."""
        for word in self.words:
            if word.startswith(name + "="):
                return word.split("=", 1)[1]
        return None


@dataclass
class Edit:
    """A ``replace`` directive on a line of its own."""

    page: str
    line: int
    args: list[str]


def parse_page(path: Path) -> list[Block | Edit]:
    """Return the fenced blocks and edit directives of a page, in order."""
    page = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    lines = path.read_text(encoding="utf-8").splitlines()
    items: list[Block | Edit] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        directive = DIRECTIVE.match(line)
        if directive and directive.group(1).split()[0] in STANDALONE:
            items.append(Edit(page, i + 1, shlex.split(directive.group(1))))
        fence = FENCE.match(line)
        if fence is None:
            i += 1
            continue
        indent, ticks = len(fence["indent"]), fence["ticks"]
        info = fence["info"].strip()
        j = i + 1
        while j < len(lines) and not re.fullmatch(rf"\s*{ticks}`*\s*", lines[j]):
            j += 1
        body = "".join(f"{_unindent(text, indent)}\n" for text in lines[i + 1 : j])
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        above = DIRECTIVE.match(lines[k]) if k >= 0 else None
        text = above.group(1) if above and above.group(1).split()[0] not in STANDALONE else ""
        items.append(Block(page, i + 1, info.split()[0] if info else "", body, text, text.split()))
        i = j + 1
    return items


def _installed(name: str) -> bool:
    """Whether a program (or ``cjk-font``: a font that covers Chinese) is installed."""
    if name == "cjk-font":
        from orgspec.render.graphviz_run import find_cjk_font

        return find_cjk_font() is not None
    return shutil.which(name) is not None


def _unindent(text: str, indent: int) -> str:
    """Remove the fence's indentation from a line of its block."""
    return text[indent:] if text[:indent].isspace() or not indent else text.lstrip()


# ---- running commands in this process ------------------------------------------------------


@dataclass
class Command:
    """One shell command of a block."""

    line: int
    text: str
    exit: int = 0
    output: list[str] = field(default_factory=list)
    end: int = 0  # the command's last line (continuations included); its output follows


def shell_commands(block: Block) -> list[Command]:
    """Split a console or sh block into commands (with their expected output for console)."""
    commands: list[Command] = []
    console = block.lang == "console"
    pending = ""
    for offset, raw in enumerate(block.body.splitlines(), start=1):
        if pending:
            pending += " " + raw.strip()
        elif console and raw.startswith("$ "):
            pending = raw[2:]
            start = block.line + offset
        elif console:
            if not commands:
                raise AssertionError(f"{block.page}:{block.line + offset}: output before any `$ ` command")
            commands[-1].output.append(raw)
            continue
        elif raw.strip() and not raw.lstrip().startswith("#"):
            pending = raw.strip()
            start = block.line + offset
        else:
            continue
        if pending.endswith("\\"):
            pending = pending[:-1].rstrip()
            continue
        text, comment = _split_comment(pending)
        exit_ = EXIT.match(comment)
        commands.append(Command(start, text, int(exit_.group(1)) if exit_ else 0, end=block.line + offset))
        pending = ""
    if pending:
        raise AssertionError(f"{block.where}: the last command ends with a backslash")
    return commands


def _split_comment(command: str) -> tuple[str, str]:
    """Split a command line at its first unquoted ``#`` that starts a word."""
    quote = ""
    for i, char in enumerate(command):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or command[i - 1].isspace()):
            return command[:i].rstrip(), command[i:]
    return command.rstrip(), ""


def _text(target: io.BytesIO) -> io.TextIOWrapper:
    """A text stream writing through to ``target`` at once, so two streams interleave as in a terminal."""
    return io.TextIOWrapper(target, encoding="utf-8", write_through=True)


def run_command(command: Command, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """Run one command in this process; return its exit code and what it showed."""
    words = shlex.split(command.text)
    if {"&&", "||", "|", ";", "&"} & set(words):
        raise AssertionError(f"`{command.text}`: the docs harness runs one command a line, without pipes or lists")
    if words[:1] == ["python3"]:
        words[0] = "python"
    env: dict[str, str] = {}
    while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", words[0]):
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    args: list[str] = []
    stdout_to: str | None = None
    stdin = b""
    drop_stderr = drop_stdout = False
    it = iter(words)
    for word in it:
        if word in ("2>/dev/null",):
            drop_stderr = True
        elif word in (">/dev/null", "1>/dev/null"):
            drop_stdout = True
        elif word == "2>&1":
            pass
        elif word in (">", "<"):
            target = next(it)
            if word == ">":
                stdout_to = target
            else:
                stdin = (cwd / target).read_bytes()
        elif word.startswith(">") or word.startswith("<"):
            if word[0] == ">":
                stdout_to = word[1:]
            else:
                stdin = (cwd / word[1:]).read_bytes()
        else:
            args.append(word)
    shown = io.BytesIO()
    sink = io.BytesIO()
    to_file = io.BytesIO()
    out = _text(sink if drop_stdout else to_file if stdout_to else shown)
    err = _text(sink if drop_stderr else shown)
    with monkeypatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = _dispatch(args, cwd)
            out.flush()
            err.flush()
    if stdout_to:
        (cwd / stdout_to).write_bytes(to_file.getvalue())
    return code, shown.getvalue().decode("utf-8")


def _dispatch(args: list[str], cwd: Path) -> int:
    if args[:1] == ["orgspec"]:
        return main(args[1:])
    if args[:3] == ["python", "-m", "orgspec"]:
        return main(args[3:])
    if len(args) >= 2 and args[0] == "python" and args[1].endswith(".py"):
        saved = sys.argv
        sys.argv = args[1:]
        try:
            runpy.run_path(str(cwd / args[1]), run_name="__main__")
        except SystemExit as exit_:
            return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        finally:
            sys.argv = saved
        return 0
    if args[:1] == ["cat"]:
        for name in args[1:]:
            sys.stdout.write((cwd / name).read_text(encoding="utf-8"))
        return 0
    raise AssertionError(
        f"the docs harness cannot run `{' '.join(args)}`; run it through orgspec or python, "
        "or mark the block <!-- test: no-run REASON -->"
    )


def matches(expected: list[str], actual: list[str]) -> bool:
    """Compare line lists exactly, a line ``...`` standing for any number of lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and matches(expected[1:], actual[1:])


def json_shortened(shown: object, actual: object, path: str) -> str:
    """Return where ``shown`` is not ``actual`` shortened, or "" (an object may leave out keys,
    a list items, keeping the order; a string ending in "…" stands for any string it starts)."""
    if isinstance(shown, dict) and isinstance(actual, dict):
        for key, value in shown.items():
            if key not in actual:
                return f"{path}/{key}: not printed"
            difference = json_shortened(value, actual[key], f"{path}/{key}")
            if difference:
                return difference
        return ""
    if isinstance(shown, list) and isinstance(actual, list):
        rest = iter(enumerate(actual))
        for i, item in enumerate(x for x in shown if x not in ("…", "...")):
            if not any(not json_shortened(item, other, "") for _, other in rest):
                return f"{path}/{i}: {json.dumps(item, ensure_ascii=False)[:200]} is not printed (in this order)"
        return ""
    if isinstance(shown, str) and isinstance(actual, str) and shown.endswith("…"):
        return "" if actual.startswith(shown[:-1]) else f"{path}: {actual!r} does not start with {shown[:-1]!r}"
    return "" if shown == actual and type(shown) is type(actual) else f"{path}: shown {shown!r}, printed {actual!r}"


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def _mismatch(where: str, what: str, expected: list[str], actual: list[str]) -> str:
    shown = "\n".join(f"    {line}" for line in expected) or "    (nothing)"
    got = "\n".join(f"    {line}" for line in actual) or "    (nothing)"
    return f"{where}: {what}\n  the docs say:\n{shown}\n  it printed:\n{got}"


# ---- the page runner -----------------------------------------------------------------------


class PageRun:
    """Runs the blocks of one page in order and collects every failure."""

    def __init__(self, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.cwd = cwd
        self.here = cwd  # changed by `cd` for the rest of the page, as in a shell session
        self.monkeypatch = monkeypatch
        self.namespace: dict[str, object] = {"__name__": "__docs__"}
        self.failures: list[str] = []
        self.last_python: tuple[Block, str] | None = None
        self.updates: list[tuple[str, int, int, list[str]]] = []

    def normalise(self, text: str) -> str:
        for form in {str(self.cwd), str(self.cwd.resolve())}:
            text = text.replace(form, SHOWN_ROOT)
        return text

    def run(self, items: list[Block | Edit]) -> None:
        for item in items:
            try:
                if isinstance(item, Edit):
                    self.edit(item)
                else:
                    self.block(item)
            except Exception as err:  # a harness error is a failure of the page, with its place
                detail = "".join(traceback.format_exception_only(type(err), err)).strip()
                detail = detail.removeprefix("AssertionError: ")
                where = item.where if isinstance(item, Block) else f"{item.page}:{item.line}"
                page = item.page + ":"
                self.failures.append(detail if detail.startswith(page) else f"{where}: {detail}")

    def edit(self, edit: Edit) -> None:
        kind, *args = edit.args
        if kind == "same-file":
            first, second = ((self.here / name).read_text(encoding="utf-8").splitlines() for name in args)
            if first != second:
                self.failures.append(
                    _mismatch(f"{edit.page}:{edit.line}", f"{args[0]} and {args[1]} differ", second, first)
                )
            return
        path, old, new = self.here / args[0], args[1], args[2]
        text = path.read_text(encoding="utf-8")
        if old not in text:
            raise AssertionError(f"replace: {old!r} is not in {args[0]}")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def block(self, block: Block) -> None:
        words = block.words
        if words[:1] == ["no-run"]:
            if len(words) < 2:
                raise AssertionError("no-run needs a reason")
            return
        if block.lang not in SHELL | {"python", "orgspec"} | ILLUSTRATIONS:
            raise AssertionError(
                f"a ```{block.lang} block: the docs harness does not know the language; add it to ILLUSTRATIONS or mark the block no-run"
            )
        if not block.directive.startswith("output-of:"):
            unknown = [w for w in words if w not in FLAGS and w.split("=", 1)[0] not in OPTIONS]
            if unknown:
                raise AssertionError(f"unknown word in <!-- test: … -->: {' '.join(unknown)}")
        needs = block.option("needs")
        if needs and not all(_installed(name) for name in needs.split(",")):
            return
        if "output" in words:
            self.compare_output(block)
            return
        if block.directive.startswith("output-of:"):
            self.shows(block, block.directive.removeprefix("output-of:").strip())
            return
        inside = block.option("in")
        if inside:
            self.excerpt(block, inside)
            return
        target = block.option("file")
        if target:
            (self.here / target).parent.mkdir(parents=True, exist_ok=True)
            (self.here / target).write_text(block.body, encoding="utf-8")
        if block.lang in SHELL:
            self.shell(block)
        elif block.lang == "python":
            self.python(block)
        elif block.lang == "orgspec":
            self.spec(block)

    def shell(self, block: Block) -> None:
        for command in shell_commands(block):
            words = shlex.split(command.text)
            if words[:1] == ["cd"] and len(words) == 2:
                self.here = (self.here / words[1]).resolve()
                self.monkeypatch.chdir(self.here)
                continue
            code, shown = run_command(command, self.here, self.monkeypatch)
            actual = _trim(self.normalise(shown).splitlines())
            where = f"{block.page}:{command.line}"
            if block.lang == "console" and not matches(_trim(command.output), actual):
                self.updates.append((block.page, command.end, len(command.output), actual))
                self.failures.append(_mismatch(where, f"`{command.text}` prints other text", command.output, actual))
            if code != command.exit:
                self.failures.append(
                    f"{where}: `{command.text}` exits {code}, the docs say {command.exit}"
                    + ("" if block.lang == "console" else "\n" + "\n".join(f"    {x}" for x in actual[-15:]))
                )

    def python(self, block: Block) -> None:
        code = compile("\n" * block.line + block.body, block.page, "exec")
        shown = io.StringIO()
        with contextlib.redirect_stdout(shown):
            try:
                exec(code, self.namespace)
            except Exception as err:
                lines = [f.lineno for f in traceback.extract_tb(err.__traceback__) if f.filename == block.page]
                detail = "".join(traceback.format_exception_only(type(err), err)).strip()
                raise AssertionError(f"{block.page}:{lines[-1] if lines else block.line}: {detail}") from None
        self.last_python = (block, shown.getvalue())

    def shows(self, block: Block, command_text: str) -> None:
        """Compare a block with what a command prints on stdout (JSON as a shortened document)."""
        code, shown = run_command(Command(block.line, command_text + " 2>/dev/null"), self.here, self.monkeypatch)
        if code != 0:
            self.failures.append(f"{block.where}: `{command_text}` exits {code}")
            return
        shown = self.normalise(shown)
        if block.lang == "json":
            difference = json_shortened(json.loads(block.body), json.loads(shown), "")
            if difference:
                self.failures.append(f"{block.where}: the JSON is not what `{command_text}` prints: {difference}")
        elif not matches(_trim(block.body.splitlines()), _trim(shown.splitlines())):
            self.failures.append(
                _mismatch(
                    block.where, f"`{command_text}` prints other text", block.body.splitlines(), shown.splitlines()
                )
            )

    def compare_output(self, block: Block) -> None:
        if self.last_python is None:
            raise AssertionError("an output block with no python block before it")
        source, shown = self.last_python
        actual = _trim(self.normalise(shown).splitlines())
        if not matches(_trim(block.body.splitlines()), actual):
            self.failures.append(
                _mismatch(
                    block.where,
                    f"the python block at line {source.line} prints other text",
                    block.body.splitlines(),
                    actual,
                )
            )

    def spec(self, block: Block) -> None:
        body_of = block.option("append-to-body")
        if body_of:
            lines = (self.here / body_of).read_text(encoding="utf-8").splitlines(keepends=True)
            added = "".join(f"  {line}" if line.strip() else line for line in block.body.splitlines(keepends=True))
            (self.here / body_of).write_text("".join(lines[:-1]) + added + lines[-1], encoding="utf-8")
            return
        if "findings" not in block.words:
            found = [
                f"{d.line}:{d.column}: {d.code} {d.message}"
                for d in orgspec.check_text(block.body, block.page)
                if d.severity is not orgspec.Severity.INFO
            ]
            if found:
                self.failures.append(
                    f"{block.where}: the spec has findings (mark it `findings` if meant):\n    " + "\n    ".join(found)
                )
        if "not-canonical" not in block.words:
            formatted = format_source(block.body).output
            if formatted is None:
                self.failures.append(f"{block.where}: the spec does not parse, so it cannot be formatted")
            elif formatted != block.body:
                self.failures.append(
                    _mismatch(
                        block.where,
                        "the spec is not in the canonical layout (orgspec fmt)",
                        block.body.splitlines(),
                        formatted.splitlines(),
                    )
                )

    def excerpt(self, block: Block, name: str) -> None:
        whole = (self.here / name).read_text(encoding="utf-8").splitlines()
        part = textwrap.dedent(block.body).splitlines()
        for start in range(len(whole) - len(part) + 1):
            window = whole[start : start + len(part)]
            indent = len(window[0]) - len(window[0].lstrip()) if window else 0
            if window and all(w == (" " * indent + p if p else "") for w, p in zip(window, part, strict=True)):
                return
        self.failures.append(f"{block.where}: the excerpt is not a part of {name} (re-indented)")


@contextlib.contextmanager
def working_copy(tmp: Path) -> Iterator[Path]:
    """A copy of what the docs refer to, as a repository root of its own."""
    root = tmp / "repo"
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    (root / ".git").mkdir()  # config files above the copy never apply
    yield root


def _rewrite(page: Path, updates: list[tuple[str, int, int, list[str]]]) -> None:
    """Put each command's actual output in place of what the page shows (ORGSPEC_UPDATE_DOCS=1)."""
    lines = page.read_text(encoding="utf-8").splitlines()
    for _, end, count, actual in sorted(updates, key=lambda u: u[1], reverse=True):
        lines[end : end + count] = actual
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_page(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PageRun:
    """Run every block of a page in a fresh working copy; return the run with its failures."""
    items = parse_page(page)
    with working_copy(tmp_path) as cwd:
        monkeypatch.chdir(cwd)
        monkeypatch.setenv("NO_COLOR", "1")
        monkeypatch.setenv("COLUMNS", "100")
        monkeypatch.setenv("ORGSPEC_CACHE_DIR", str(tmp_path / "cache"))
        for name in ("FORCE_COLOR", "CI", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "ORGSPEC_CONFIG"):
            monkeypatch.delenv(name, raising=False)
        run = PageRun(cwd, monkeypatch)
        run.run(items)
    return run


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_page_examples_are_true(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if page.name in GENERATED:
        pytest.skip("generated from orgspec.codes; test_checks_page_examples_do_what_they_say runs its examples")
    run = run_page(page, tmp_path, monkeypatch)
    if run.updates and os.environ.get("ORGSPEC_UPDATE_DOCS") == "1":
        _rewrite(page, run.updates)
    if run.failures:
        pytest.fail("\n\n".join(run.failures), pytrace=False)


# ---- the harness itself can fail -----------------------------------------------------------


def _failures(text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    tmp_path.mkdir(exist_ok=True)
    page = tmp_path / "page.md"
    page.write_text(textwrap.dedent(text), encoding="utf-8")
    return run_page(page, tmp_path, monkeypatch).failures


def test_a_drifted_output_names_the_page_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    failures = _failures(
        """\
        # A page

        ```console
        $ orgspec check specs/zhenjiang-fao.orgspec
        1 file checked: 0 errors, 0 warnings, 0 info
        $ orgspec check specs/jiangxi-fao.orgspec
        1 file checked: 0 errors, 0 warnings, 0 info
        ```
        """,
        tmp_path,
        monkeypatch,
    )
    assert len(failures) == 1
    assert failures[0].startswith("page.md:6: `orgspec check specs/jiangxi-fao.orgspec` prints other text")
    assert "    specs/jiangxi-fao.orgspec:75:3: OS310 warning" in failures[0]


def test_elision_exit_codes_and_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = """\
        <!-- test: file=a.orgspec -->
        ```orgspec
        body "甲" {
          section "乙" {
            duties {
              duty "丙"
            }
          }
        }
        ```

        <!-- test: replace a.orgspec '"丙"' '"丁"' -->
        ```console
        $ orgspec fmt - < a.orgspec 2>/dev/null
        body "甲" {
        ...
              duty "丁"
        ...
        $ orgspec check missing.orgspec  # exit 2
        ...
        ```
        """
    assert _failures(good, tmp_path / "good", monkeypatch) == []
    bad = good.replace("# exit 2", "").replace('"丁"\n', '"戊"\n')
    failures = _failures(bad, tmp_path / "bad", monkeypatch)
    assert [f.split("\n")[0] for f in failures] == [
        "page.md:14: `orgspec fmt - < a.orgspec 2>/dev/null` prints other text",
        "page.md:19: `orgspec check missing.orgspec` exits 2, the docs say 0",
    ]


def test_specs_python_and_markers_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    failures = _failures(
        """\
        ```orgspec
        body "甲" { kind "工作部門" }
        ```

        <!-- test: not-canonical -->
        ```orgspec
        body "甲" { stated sections 2 }
        ```

        ```python
        x = 1
        assert x == 2
        ```

        <!-- test: no-run -->
        ```sh
        python -m pip install .
        ```

        ```sh
        git status
        ```

        <!-- test: not-canonicle -->
        ```orgspec
        body "甲" { kind "工作部門" }
        ```

        ```pycon
        >>> 1
        ```
        """,
        tmp_path,
        monkeypatch,
    )
    assert [f.split("\n")[0] for f in failures] == [
        "page.md:1: the spec is not in the canonical layout (orgspec fmt)",
        "page.md:6: the spec has findings (mark it `findings` if meant):",
        "page.md:12: AssertionError",
        "page.md:16: no-run needs a reason",
        "page.md:20: the docs harness cannot run `git status`; run it through orgspec or python, "
        "or mark the block <!-- test: no-run REASON -->",
        "page.md:25: unknown word in <!-- test: … -->: not-canonicle",
        "page.md:29: a ```pycon block: the docs harness does not know the language; add it to ILLUSTRATIONS "
        "or mark the block no-run",
    ]


def test_elision_matches_any_number_of_lines() -> None:
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert matches(["a", "...", "b"], ["a", "b"])
    assert not matches(["a", "...", "d"], ["a", "b", "c"])
    assert not matches(["a"], ["a", "b"])


# ---- the checks page ----------------------------------------------------------------------

#: Where a statement of the checks page can stand: alone, or in the smallest body that takes it.
_PLACES = [
    "{x}",
    'body "某辦公室" {{\n{x}\n}}',
    'body "某辦公室" {{\n  posts {{\n{x}\n  }}\n}}',
    'body "某辦公室" {{\n  section "某處" {{\n{x}\n  }}\n}}',
    'body "某辦公室" {{\n  duties {{\n{x}\n  }}\n}}',
    'body "某辦公室" {{\n  history {{\n{x}\n  }}\n}}',
]
#: Codes whose examples are not spec text.
_PROSE = {"OS101": "a file's encoding, described in words and fixed by a shell command"}


def _codes_in_some_place(example: str) -> list[set[str]]:
    return [{d.code for d in orgspec.check_text(place.format(x=example), "example.orgspec")} for place in _PLACES]


def test_checks_page_examples_do_what_they_say() -> None:
    """Each "Triggers it" example of docs/checks.md triggers its code, and each "Does not" does not."""
    from orgspec.codes import CODES

    wrong: list[str] = []
    for code in CODES.values():
        if code.code in _PROSE:
            continue
        if code.bad and not any(code.code in found for found in _codes_in_some_place(code.bad)):
            wrong.append(f"{code.code}: 'Triggers it' does not trigger it: {code.bad!r}")
        parses = [f for f in _codes_in_some_place(code.good) if not any(c.startswith("OS1") or c == "OS201" for c in f)]
        if code.good and not any(code.code not in found for found in parses):
            wrong.append(f"{code.code}: 'Does not' triggers it (or parses nowhere): {code.good!r}")
    assert wrong == []


def test_shortened_json_may_leave_out_but_not_change() -> None:
    actual = {"a": 1, "b": [{"x": 1, "y": 2}, {"x": 3}, {"x": 4}], "c": "a long message"}
    assert json_shortened({"b": [{"x": 1}, {"x": 4}, "…"], "c": "a long…"}, actual, "") == ""
    assert json_shortened({"b": [{"x": 4}, {"x": 1}]}, actual, "") == '/b/1: {"x": 1} is not printed (in this order)'
    assert json_shortened({"a": 2}, actual, "") == "/a: shown 2, printed 1"
    assert json_shortened({"a": True}, {"a": 1}, "") == "/a: shown True, printed 1"
    assert json_shortened({"d": 1}, actual, "") == "/d: not printed"
