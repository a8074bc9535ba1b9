"""Finding a font file that covers Chinese, for the PNG and PDF the embedded engine draws.

``ORGSPEC_CJK_FONT`` (a font file, optionally ``file.ttc:INDEX``) wins; else
fontconfig is asked (``fc-list :lang=zh``), preferring the families of
:data:`~orgspec.render.graphviz_run.PREFERRED_FONTS`; else a few well-known
paths are tried. No font found is a :class:`~orgspec.render.graphviz_run.ToolError`
with one line saying what to install.

:func:`subset_font` cuts a font down to the characters a document uses (fontTools,
a dependency of fpdf2): a CJK font holds some 65,000 glyphs, and reading all of
them took most of a PDF's time.

Imports: the standard library, :mod:`orgspec.render.graphviz_run`, fontTools when subsetting.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

from orgspec.render.graphviz_run import PREFERRED_FONTS, ToolError

__all__ = ["FontFile", "cjk_font_files", "subset_font"]

#: Fonts tried when fontconfig is not there (Debian/Ubuntu Noto, macOS, Windows).
KNOWN_PATHS = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("C:\\Windows\\Fonts\\msyh.ttc", 0),
    ("C:\\Windows\\Fonts\\simhei.ttf", 0),
)


class FontFile(NamedTuple):
    """A font file and the index of the face in a collection (``.ttc``)."""

    path: str
    face: int = 0


def _parse(text: str) -> FontFile:
    path, _, index = text.rpartition(":") if text.rpartition(":")[2].isdigit() else (text, "", "0")
    return FontFile(path, int(index or 0))


def _fontconfig() -> dict[str, dict[str, FontFile]]:
    """Return {family: {"regular"|"bold": file}} of the fonts fontconfig says cover Chinese."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return {}
    try:
        done = subprocess.run(
            [fc_list, ":lang=zh", "--format", "%{file}|%{index}|%{family}|%{weight}\\n"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    out: dict[str, dict[str, FontFile]] = {}
    for line in done.stdout.splitlines():
        parts = line.split("|")
        if len(parts) != 4 or not parts[0].lower().endswith((".ttf", ".otf", ".ttc", ".otc")):
            continue
        path, index, families, weight_text = parts
        try:
            weight = float(weight_text.strip("[]").split()[0])
        except (ValueError, IndexError):
            continue
        style = "bold" if weight >= 200 else "regular" if 80 <= weight < 100 else ""
        if not style:
            continue
        for family in families.split(","):
            out.setdefault(family.strip(), {}).setdefault(style, FontFile(path, int(index or 0)))
    return out


def cjk_font_files() -> tuple[FontFile, FontFile]:
    """Return the regular and bold font files (the same when there is no bold) to draw Chinese with."""
    named = os.environ.get("ORGSPEC_CJK_FONT")
    if named:
        font = _parse(named)
        if not Path(font.path).is_file():
            raise ToolError(f"ORGSPEC_CJK_FONT names {font.path!r}, which is not a file")
        return font, font
    found = _fontconfig()
    for family in [*PREFERRED_FONTS, *sorted(found)]:
        faces = found.get(family, {})
        if "regular" in faces:
            return faces["regular"], faces.get("bold", faces["regular"])
    for path, index in KNOWN_PATHS:
        if Path(path).is_file():
            return FontFile(path, index), FontFile(path, index)
    raise ToolError(
        "no installed font covers Chinese, so the text would be empty boxes: install one "
        "(apt-get install fonts-noto-cjk, or any Noto Sans CJK / WenQuanYi font) or set ORGSPEC_CJK_FONT to a font file"
    )


#: Tables the PDF does not use: text is placed glyph by glyph, horizontally, without OpenType layout.
_UNUSED_TABLES = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "DSIG")


def subset_font(font: FontFile, chars: str, folder: Path) -> FontFile:
    """Return a copy of ``font`` in ``folder`` holding only the glyphs of ``chars`` (and .notdef).

    The copy has the same glyph outlines and advance widths, so text measured and
    drawn with it is the text the full font would give. When fontTools cannot
    subset the font (an unusual format), the full font is returned unchanged.
    """
    try:
        from fontTools import subset, ttLib  # type: ignore[import-untyped]  # noqa: PLC0415  (fpdf2 depends on fontTools)

        face = ttLib.TTFont(font.path, fontNumber=font.face, lazy=True, recalcTimestamp=False, recalcBBoxes=False)
        for tag in _UNUSED_TABLES:
            if tag in face:
                del face[tag]  # not read at all (the layout tables of a CJK font are large)
        options = subset.Options(
            notdef_outline=True, recommended_glyphs=True, name_IDs=["*"], name_languages=["*"], layout_features=[]
        )
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted({ord(ch) for ch in chars}))
        subsetter.subset(face)
        out = folder / ("subset.otf" if "CFF " in face or "CFF2" in face else "subset.ttf")
        face.flavor = None  # a WOFF or WOFF2 font is written as a plain OpenType file
        face.save(str(out))
        face.close()
    except Exception:  # fontTools raises many kinds for a font it cannot cut: the full font still works
        return font
    return FontFile(str(out), 0)
