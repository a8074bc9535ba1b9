"""The project around the open documents: configuration, policy packs and the workspace's specs.

The language server checks a document the way ``orgspec check`` checks the
file: with the settings of the closest config file (``select``, ``ignore``,
``severity``, ``per-file-ignores``), the policy packs it names plus those of
``orgspec lsp --policy`` (OS801), and, across files, against the other specs of
the workspace (OS802). :class:`Project` keeps what this needs between edits:

* the settings are read again at each analysis, so an edited config file or
  pack applies at the next keystroke (a pack is validated again only when its
  file changed); a config or pack that cannot be used is reported once (a
  message to the editor) and the document is checked without it;
* the workspace's spec files are found as ``orgspec check FOLDER`` finds them
  (``.gitignore`` and ``exclude`` honoured), again when a document is opened,
  saved or closed, or the editor reports changed files;
* each spec's facts (:func:`orgspec.across.facts`) come from the editor's text
  for an open document, and from the file, read again only when its size or
  modification time changed, for the others (through the result cache);
* the files are compared in the order ``orgspec check`` walks them (each
  workspace folder, then open documents outside them), so a disagreement is
  reported where the command line reports it: at the later file, with the
  other file's statement as related information. Names are relative to the
  workspace folder, as when the command runs there.

Imports: lsprotocol, pygls (``uris``), :mod:`orgspec.config`, :mod:`orgspec.policy`,
:mod:`orgspec.across`, :mod:`orgspec.runner`, :mod:`orgspec.ignore`,
:mod:`orgspec.lsp.features`, :mod:`orgspec.lsp.positions`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from lsprotocol import types as lsp
from pygls.uris import to_fs_path

from orgspec.across import compare, facts, read_source
from orgspec.config import ConfigError, Resolver, Settings
from orgspec.diagnostics import Diagnostic, Related
from orgspec.ignore import walk_spec_files
from orgspec.lsp.features import Document
from orgspec.lsp.positions import LineIndex
from orgspec.policy import PackModel, PolicyError, load_pack
from orgspec.runner import check_files
from orgspec.source import SourceText

__all__ = ["MAX_WORKSPACE_FILES", "Project", "Setup", "uri_path"]

#: The workspace's spec files compared at most (in walking order): a folder opened by mistake
#: (a home folder) costs one walk, not the analysis of every spec on the disk.
MAX_WORKSPACE_FILES = 2000


def uri_path(uri: str) -> Path | None:
    """Return the absolute path of a ``file:`` URI, None for any other scheme (``untitled:``)."""
    if not uri.startswith("file:"):
        return None
    found = to_fs_path(uri)
    return Path(os.path.abspath(found)) if found else None


@attrs.frozen(slots=True)
class Setup:
    """What applies to one document: its settings, its policy packs, and why they could not be read."""

    settings: Settings
    packs: tuple[PackModel, ...] = ()
    problem: str | None = None


@attrs.frozen(slots=True)
class _File:
    """One spec compared across files: its name in findings, its path and its URI."""

    name: str
    path: Path | None
    uri: str


class Project:
    """Settings, packs and the workspace's spec files, kept between edits."""

    def __init__(self, policy: Sequence[str] = ()) -> None:
        self.extra = tuple(policy)
        self.roots: tuple[Path, ...] = ()
        self._resolver = Resolver()
        self._walked: list[Path] | None = None
        self._packs: dict[tuple[str, int, int], PackModel] = {}
        self._disk: dict[Path, tuple[tuple[int, int], list[dict[str, Any]]]] = {}
        self._open: dict[str, tuple[str, list[dict[str, Any]]]] = {}
        self._named: dict[str, _File] = {}

    def set_roots(self, roots: Iterable[Path]) -> None:
        """Set the workspace folders whose spec files are compared (walked again when they change)."""
        found = tuple(Path(os.path.abspath(r)) for r in roots)
        if found != self.roots:
            self.roots = found
            self._walked = None

    def refresh(self) -> None:
        """Forget the list of workspace files: it is made again at the next comparison."""
        self._walked = None

    # ---- settings and packs ------------------------------------------------------------
    def setup(self, uri: str) -> Setup:
        """Return the settings and packs of a document (read again: a config edit applies at once)."""
        self._resolver = Resolver()
        path = uri_path(uri)
        try:
            settings = self._resolver.for_path(path) if path is not None else Settings()
            files = settings.policy_files(self.extra)
            packs = tuple(self._pack(f) for f in files)
        except (ConfigError, PolicyError) as err:
            return Setup(Settings(), (), str(err))
        return Setup(settings, packs)

    def _settings(self, path: Path) -> Settings:
        """Return the settings of ``path``; the defaults when its config cannot be used (reported by setup)."""
        try:
            return self._resolver.for_path(path)
        except ConfigError:
            return Settings()

    def _pack(self, file: str) -> PackModel:
        """Return the validated pack of ``file``, read again only when the file changed."""
        try:
            st = os.stat(file)
        except OSError:
            return load_pack.__wrapped__(file)  # reports why it cannot be read
        key = (file, st.st_mtime_ns, st.st_size)
        found = self._packs.get(key)
        if found is None:
            found = self._packs[key] = load_pack.__wrapped__(file)
        return found

    def open_document(self, uri: str, text: str, encoding: str) -> tuple[Document, str | None]:
        """Analyse a document with its packs and settings; also return why they could not be read."""
        setup = self.setup(uri)
        path = uri_path(uri)
        settings = setup.settings

        def configure(found: Sequence[Diagnostic]) -> list[Diagnostic]:
            return settings.apply(found, path)

        doc = Document.open(uri, text, encoding, policy=setup.packs, settings=configure if path else None)
        return doc, setup.problem

    # ---- across files ------------------------------------------------------------------
    def _workspace_files(self) -> list[Path]:
        if self._walked is None:
            walked: list[Path] = []
            seen: set[Path] = set()
            for root in self.roots:
                if not root.is_dir() or len(walked) >= MAX_WORKSPACE_FILES:
                    continue
                for p in walk_spec_files([root], exclude=lambda p: self._settings(p).excluded(p)):
                    full = Path(os.path.abspath(p))
                    if full not in seen:
                        seen.add(full)
                        walked.append(full)
                    if len(walked) >= MAX_WORKSPACE_FILES:
                        break
            self._walked = walked
        return self._walked

    def _name(self, path: Path) -> str:
        for root in self.roots:
            if path.is_relative_to(root):
                return path.relative_to(root).as_posix()
        return str(path)

    def _disk_facts(self, paths: list[Path]) -> dict[Path, list[dict[str, Any]]]:
        out: dict[Path, list[dict[str, Any]]] = {}
        stale: list[tuple[Path, tuple[int, int]]] = []
        for p in paths:
            try:
                st = os.stat(p)
            except OSError:
                continue
            key = (st.st_mtime_ns, st.st_size)
            known = self._disk.get(p)
            if known is not None and known[0] == key:
                out[p] = known[1]
            else:
                stale.append((p, key))
        if stale:
            results = check_files([p for p, _ in stale], jobs=1, facts=True).files
            for (p, key), result in zip(stale, results, strict=True):
                found = result.facts or []
                self._disk[p] = (key, found)
                out[p] = found
        return out

    def _doc_facts(self, doc: Document) -> list[dict[str, Any]]:
        known = self._open.get(doc.uri)
        if known is None or known[0] != doc.text:
            known = self._open[doc.uri] = (doc.text, facts(doc.analysis.built))
        return known[1]

    def across(self, docs: Mapping[str, Document]) -> dict[str, list[Diagnostic]]:
        """Return the OS802 findings of each open document against the workspace and each other."""
        for uri in [u for u in self._open if u not in docs]:
            del self._open[uri]
        by_path = {p: uri for uri in docs if (p := uri_path(uri)) is not None}
        walked = self._workspace_files()
        order = [_File(self._name(p), p, by_path.get(p) or p.as_uri()) for p in walked]
        inside = set(walked)
        outside = [
            _File(str(p) if p is not None else uri, p, uri)
            for uri in docs
            if (p := uri_path(uri)) is None or p not in inside
        ]
        order += sorted(outside, key=lambda f: f.name)
        if len(order) < 2:
            return {}
        disk = self._disk_facts([f.path for f in order if f.path is not None and f.uri not in docs])
        files: list[tuple[str, list[dict[str, Any]]]] = []
        for f in order:
            found = self._doc_facts(docs[f.uri]) if f.uri in docs else disk.get(f.path) if f.path else None
            if found:
                files.append((f.name, found))
        named = {f.name: f for f in order}

        def read(name: str) -> SourceText | None:
            known = named.get(name)
            if known is not None and known.uri in docs:  # the editor's text, under the name of the findings
                return SourceText(docs[known.uri].text, name)
            found = read_source(str(known.path)) if known is not None and known.path is not None else None
            return SourceText(found.text, name) if found is not None else None

        out: dict[str, list[Diagnostic]] = {}
        for d in compare(files, read):
            at = named.get(d.file or "")
            if at is None or at.uri not in docs:
                continue
            kept = self._settings(at.path).apply([d], at.path) if at.path is not None else [d]
            out.setdefault(at.uri, []).extend(kept)
        self._named = named
        return out

    def locate(self, related: Related, docs: Mapping[str, Document], encoding: str) -> lsp.Location | None:
        """Return the location of a related place in another file (an OS802 finding's other statement)."""
        source = related.source
        f = self._named.get(source.filename) if source is not None else None
        if f is None or source is None or related.span is None:
            return None
        doc = docs.get(f.uri)
        lines = doc.lines if doc is not None else LineIndex(source.text, encoding)
        start, end = lines.position(related.span.start), lines.position(related.span.end)
        return lsp.Location(f.uri, lsp.Range(lsp.Position(*start), lsp.Position(*end)))
