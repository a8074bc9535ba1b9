"""Running Graphviz: find ``dot`` and a CJK font, and turn DOT text into SVG, PNG or PDF.

This is the only module that starts a process. Making DOT text is elsewhere
(:mod:`orgspec.render.dot`) and needs nothing installed. Every failure is a
:class:`ToolError` carrying one line that says what to install or what went
wrong; the caller prints it and exits with code 2.

Imports: the standard library, :mod:`orgspec.errors`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time

from orgspec.errors import OrgspecError

__all__ = ["PREFERRED_FONTS", "ToolError", "find_cjk_font", "find_dot", "fixed_pdf_dates", "run_dot"]

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

#: Seconds a Graphviz run may take before it is stopped.
TIMEOUT = 300


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


def run_dot(dot_text: str, fmt: str) -> bytes:
    """Lay out ``dot_text`` with Graphviz and return the ``fmt`` output (svg, png or pdf)."""
    dot = find_dot()
    if dot is None:
        raise ToolError(
            f"{fmt.upper()} output needs Graphviz, which is not installed: install it "
            "(apt-get install graphviz, brew install graphviz or https://graphviz.org/download/)"
        )
    try:
        done = subprocess.run(
            # no page margin: PDF would get half an inch each side by default, PNG and SVG get none;
            # the page's own margins are the printer's business
            [dot, "-Gmargin=0", f"-T{fmt}"],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
            env={**os.environ, "TZ": "UTC"},  # cairo then writes its dates as UTC ("Z"), fixed below
        )
    except subprocess.TimeoutExpired as err:
        raise ToolError(f"Graphviz took longer than {TIMEOUT} s and was stopped") from err
    except OSError as err:
        raise ToolError(f"cannot run Graphviz ({dot}): {err.strerror or err}") from err
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        first = message[0] if message else f"exit code {done.returncode}"
        raise ToolError(f"Graphviz failed to make {fmt.upper()}: {first}")
    return fixed_pdf_dates(done.stdout) if fmt == "pdf" else done.stdout


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
