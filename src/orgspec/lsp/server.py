"""The pygls language server: keeps one analysis per open document and answers from it.

Features: diagnostics published on open and on every change (cleared on
close, each linked to its documentation), checked as ``orgspec check`` checks
the file: with the closest configuration, its policy packs (and those of
``orgspec lsp --policy``) and, across files, against the workspace's other
specs (:mod:`orgspec.lsp.project`; a change in one document republishes
another whose OS802 findings it changed), hover, go to definition, document
symbols, formatting, completion, references, rename (with prepareRename), code
actions (suppress a finding, fix a stated count, convert a string's script) and
semantic tokens (whole document). Documents
are synchronised incrementally; positions use the encoding negotiated with the
client (UTF-16 unless the client offers another).

Imports: pygls, lsprotocol, :mod:`orgspec.lsp.features`, :mod:`orgspec.lsp.project`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from orgspec import __version__
from orgspec.diagnostics import Diagnostic
from orgspec.lsp.complete import completions
from orgspec.lsp.edits import code_actions, prepare_rename, references, rename
from orgspec.lsp.features import Document, _diagnostic, definition, diagnostics, formatting, hover, symbols
from orgspec.lsp.project import Project, uri_path
from orgspec.lsp.tokens import LEGEND, semantic_tokens

__all__ = ["OrgspecServer", "create_server"]


class OrgspecServer(LanguageServer):
    """A language server that remembers the analysis of each open document."""

    def __init__(self, name: str, version: str, policy: Sequence[str] = ()) -> None:
        super().__init__(name, version)
        self.documents: dict[str, Document] = {}
        self.project = Project(policy)
        #: The across-file findings last published for each open document.
        self.across: dict[str, list[Diagnostic]] = {}
        self._problem: str | None = None

    def _encoding(self) -> str:
        enc = self.workspace.position_encoding
        value = getattr(enc, "value", enc)
        return str(value) if value else "utf-16"

    def _roots(self) -> list[Path]:
        folders = [uri_path(f.uri) for f in self.workspace.folders.values()]
        roots = [p for p in folders if p is not None]
        if not roots and self.workspace.root_uri:
            root = uri_path(self.workspace.root_uri)
            roots = [root] if root is not None else []
        return roots

    def load(self, uri: str, text: str) -> Document:
        """Analyse ``text`` as the document ``uri`` with its settings and packs, and remember it."""
        doc, problem = self.project.open_document(uri, text, self._encoding())
        if problem is not None and problem != self._problem:
            self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"orgspec: {problem}"))
        self._problem = problem
        self.documents[uri] = doc
        return doc

    def analyse(self, uri: str) -> Document:
        """Analyse the current text of a document, remember it and publish its diagnostics.

        The other open documents' diagnostics are published again when their findings across
        files (OS802) changed with this one.
        """
        text = self.workspace.get_text_document(uri).source
        doc = self.documents.get(uri)
        if doc is None or doc.text != text:
            doc = self.load(uri, text)
        self.publish(uri)
        return doc

    def publish(self, *changed: str) -> None:
        """Publish the diagnostics of ``changed`` and of every other document whose OS802 findings changed."""
        self.project.set_roots(self._roots())
        found = self.project.across(self.documents)
        encoding = self._encoding()
        for uri, doc in self.documents.items():
            across = found.get(uri, [])
            if uri not in changed and across == self.across.get(uri, []):
                continue
            self.across[uri] = across
            items = diagnostics(doc)
            items += [_diagnostic(doc, d, lambda r: self.project.locate(r, self.documents, encoding)) for d in across]
            version = self.workspace.get_text_document(uri).version
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=uri, diagnostics=items, version=version)
            )

    def close(self, uri: str) -> None:
        """Forget a closed document, clear its diagnostics, and compare the others with its file again."""
        self.documents.pop(uri, None)
        self.across.pop(uri, None)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self.project.refresh()
        self.publish()

    def document(self, uri: str) -> Document:
        """Return the analysis of a document's current text."""
        text = self.workspace.get_text_document(uri).source
        doc = self.documents.get(uri)
        if doc is None or doc.text != text:
            doc = self.load(uri, text)
        return doc


def create_server(policy: Sequence[str] = ()) -> OrgspecServer:
    """Return a server with every feature registered; ``policy``: packs checked besides the configured ones."""
    server = OrgspecServer("orgspec", __version__, policy)

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: OrgspecServer, params: lsp.InitializedParams) -> None:
        # ask the editor to report changed specs, config files and packs, when it can
        caps = ls.client_capabilities.workspace
        watch = caps.did_change_watched_files if caps is not None else None
        if watch is not None and watch.dynamic_registration:
            watchers = [lsp.FileSystemWatcher(glob_pattern=g) for g in ("**/*.orgspec", "**/*.toml")]
            options = lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            registration = lsp.Registration(
                id="orgspec-files", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
            )
            ls.client_register_capability(lsp.RegistrationParams(registrations=[registration]))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: OrgspecServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.project.refresh()
        ls.analyse(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: OrgspecServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.analyse(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: OrgspecServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.project.refresh()
        ls.analyse(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: OrgspecServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_files(ls: OrgspecServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        # a spec, a config file or a pack changed on disk: walk again, check every open document again
        ls.project.refresh()
        for uri, doc in list(ls.documents.items()):
            ls.load(uri, doc.text)
        ls.publish(*ls.documents)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: OrgspecServer, params: lsp.HoverParams) -> lsp.Hover | None:
        return hover(ls.document(params.text_document.uri), params.position)

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    def on_definition(ls: OrgspecServer, params: lsp.DefinitionParams) -> lsp.Location | None:
        return definition(ls.document(params.text_document.uri), params.position)

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def on_symbols(ls: OrgspecServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
        return symbols(ls.document(params.text_document.uri))

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    def on_formatting(ls: OrgspecServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit]:
        return formatting(ls.document(params.text_document.uri))

    @server.feature(
        lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=["@", " ", '"'], resolve_provider=False)
    )
    def on_completion(ls: OrgspecServer, params: lsp.CompletionParams) -> lsp.CompletionList:
        doc = ls.document(params.text_document.uri)
        return lsp.CompletionList(
            is_incomplete=False, items=completions(doc.text, doc.offset(params.position), doc.lines)
        )

    @server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
    def on_references(ls: OrgspecServer, params: lsp.ReferenceParams) -> list[lsp.Location]:
        doc = ls.document(params.text_document.uri)
        return references(doc, params.position, params.context.include_declaration)

    @server.feature(lsp.TEXT_DOCUMENT_PREPARE_RENAME)
    def on_prepare_rename(ls: OrgspecServer, params: lsp.PrepareRenameParams) -> lsp.PrepareRenamePlaceholder | None:
        return prepare_rename(ls.document(params.text_document.uri), params.position)

    @server.feature(lsp.TEXT_DOCUMENT_RENAME)  # with prepareRename, announced to clients that support it
    def on_rename(ls: OrgspecServer, params: lsp.RenameParams) -> lsp.WorkspaceEdit | None:
        return rename(ls.document(params.text_document.uri), params.position, params.new_name)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.RefactorRewrite]),
    )
    def on_code_action(ls: OrgspecServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return code_actions(ls.document(params.text_document.uri), params.range)

    @server.feature(lsp.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, LEGEND)
    def on_semantic_tokens(ls: OrgspecServer, params: lsp.SemanticTokensParams) -> lsp.SemanticTokens:
        doc = ls.document(params.text_document.uri)
        return semantic_tokens(doc.text, doc.lines)

    return server
