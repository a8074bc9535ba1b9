"""Running Graphviz: find ``dot`` and a CJK font, and turn DOT text into SVG, PNG or PDF.

Graphviz is run through the ``graphviz`` Python package (the optional extra
``orgspec[graphviz]``), which quotes the command, picks the engine and format,
and reports Graphviz's errors; its warnings are caught and handed to the
caller, never dropped. This and :mod:`~orgspec.render.fonts` are the only
modules that start a process. Making DOT text is elsewhere
(:mod:`orgspec.render.dot`) and needs nothing installed. Every failure is a
:class:`ToolError` carrying one line that says what to install or what went
wrong; the caller prints it and exits with code 2.

Imports: the standard library, :mod:`orgspec.errors`, the ``graphviz`` package when run.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from types import ModuleType

from orgspec.errors import OrgspecError

__all__ = ["ENGINES", "PREFERRED_FONTS", "ToolError", "find_cjk_font", "find_dot", "fixed_pdf_dates", "run_dot"]

#: CJK font families tried first, in order; any other family that covers Chinese comes after.
PREFERRED_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Noto Serif CJK SC",
    "AR PL UMing CN",
)


class ToolError(OrgspecError, RuntimeError):
    """A needed program or font is missing, or Graphviz failed; the message is one line."""


def find_dot() -> str | None:
    """Return the path of Graphviz's ``dot``, or None when it is not installed."""
    return shutil.which("dot")


def find_cjk_font() -> str | None:
    """Return the family name of an installed font that covers Chinese, or None.

    Asks fontconfig (``fc-list :lang=zh family``); a preferred family is
    chosen when present, else the first family in sorted order.
    """
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        done = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    families: set[str] = set()
    for line in done.stdout.splitlines():
        families.update(part.strip() for part in line.split(",") if part.strip())
    for name in PREFERRED_FONTS:
        if name in families:
            return name
    return min(families) if families else None


#: Graphviz layout engines that may be asked for; ``dot`` draws the layered org chart.
ENGINES = ("dot", "neato", "fdp", "sfdp", "twopi", "circo", "osage", "patchwork")


def _graphviz() -> ModuleType:
    """Import the ``graphviz`` package (the optional extra), or say how to install it."""
    try:
        import graphviz  # noqa: PLC0415  (the optional extra, imported when Graphviz is run)
    except ImportError:
        raise ToolError(
            "Graphviz output needs the Python package graphviz: pip install 'orgspec[graphviz]' "
            "(or draw with the embedded engine, the default)"
        ) from None
    return graphviz  # type: ignore[no-any-return]


def run_dot(dot_text: str, fmt: str, engine: str = "dot", warn: Callable[[str], None] | None = None) -> bytes:
    """Lay out ``dot_text`` with Graphviz (through the ``graphviz`` package) and return the ``fmt`` output.

    Graphviz's warnings (e.g. "too large for cairo-renderer bitmaps, scaling") are passed to
    ``warn`` one line each, never dropped; a failure is a :class:`ToolError`. When the layout
    fails on a bug of some Graphviz versions (edge routing with ``ordering=out``, ranking of
    clusters), it is tried again without that ordering, then without the column clusters, and
    ``warn`` says so; the edges drawn are the same.
    """
    if engine not in ENGINES:
        raise ToolError(f"unknown Graphviz engine {engine!r}: use one of {', '.join(ENGINES)}")
    if find_dot() is None:
        raise ToolError(
            f"{fmt.upper()} output through Graphviz needs Graphviz, which is not installed: install it "
            "(apt-get install graphviz, brew install graphviz or https://graphviz.org/download/)"
        )
    graphviz = _graphviz()
    data: bytes = b""
    notes: list[str] = []
    failure = ""
    # Graphviz 2.43 fails on some charts: routing with ordering=out ("lost ... edge", "triangulation failed")
    # or ranking clusters ("trouble in init_rank"); each fallback drops what it trips on, and says so
    fallbacks = [
        (dot_text, ""),
        (dot_text.replace("ordering=out, ", "", 1), "with its children in order"),
        (
            dot_text.replace("ordering=out, ", "", 1).replace("subgraph cluster_", "subgraph stack_"),
            "its columns grouped",
        ),
    ]
    for text, lost in fallbacks:
        try:
            data, notes = _pipe(graphviz, text, fmt, engine)
        except graphviz.CalledProcessError as err:
            lines = _lines(err.stderr)
            failure = lines[0] if lines else str(err)
            if not any(k in ln for ln in lines for k in ("lost", "triangulation", "init_rank", "Pshortestpath")):
                break
            continue
        except graphviz.ExecutableNotFound as err:
            raise ToolError(f"cannot run Graphviz: {err}") from None
        except OSError as err:
            raise ToolError(f"cannot run Graphviz: {err.strerror or err}") from None
        if lost:
            notes.insert(0, f"Graphviz could not draw the chart {lost}; it is drawn without that")
        failure = ""
        break
    if failure:
        raise ToolError(f"Graphviz failed to make {fmt.upper()}: {failure}")
    if not data:
        raise ToolError(f"Graphviz made no {fmt.upper()} output")
    for note in notes:
        if warn is not None:
            warn(note)
    return fixed_pdf_dates(data) if fmt == "pdf" else data


def _lines(stderr: object) -> list[str]:
    text = stderr.decode("utf-8", errors="replace") if isinstance(stderr, bytes) else str(stderr or "")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _pipe(graphviz: ModuleType, dot_text: str, fmt: str, engine: str) -> tuple[bytes, list[str]]:
    """Run Graphviz; return its output and its warnings (which the package writes to sys.stderr)."""
    caught = io.StringIO()
    old_tz = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"  # cairo then writes its dates as UTC ("Z"), fixed by fixed_pdf_dates
    try:
        with contextlib.redirect_stderr(caught):
            data: bytes = graphviz.pipe(engine, fmt, dot_text.encode("utf-8"))
    finally:
        if old_tz is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old_tz
    return data, [f"Graphviz: {line}" for line in _lines(caught.getvalue())]


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)\d{14}(?=Z\))")


def fixed_pdf_dates(pdf: bytes) -> bytes:
    """Replace the creation and modification times cairo writes into a PDF with a fixed one.

    The time is ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention),
    else 1970-01-01 00:00:00 UTC. The replacement has the same length, so the
    cross-reference offsets stay valid and the same chart gives the same bytes.
    """
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    except ValueError:
        epoch = 0
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(min(max(epoch, 0), 253402300799))).encode("ascii")
    return _PDF_DATE.sub(lambda m: m.group(1) + stamp, pdf)
