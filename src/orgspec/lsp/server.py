"""The pygls language server: keeps one analysis per open document and answers from it.

Features: diagnostics published on open and on every change (cleared on
close, each linked to its documentation), hover, go to definition, document
symbols, formatting, completion, references, rename (with prepareRename), code
actions (suppress a finding, fix a stated count, convert a string's script) and
semantic tokens (whole document). Documents
are synchronised incrementally; positions use the encoding negotiated with the
client (UTF-16 unless the client offers another).

Imports: pygls, lsprotocol, :mod:`orgspec.lsp.features`.
"""

from __future__ import annotations

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from orgspec import __version__
from orgspec.lsp.complete import completions
from orgspec.lsp.edits import code_actions, prepare_rename, references, rename
from orgspec.lsp.features import Document, definition, diagnostics, formatting, hover, symbols
from orgspec.lsp.tokens import LEGEND, semantic_tokens

__all__ = ["OrgspecServer", "create_server"]


class OrgspecServer(LanguageServer):
    """A language server that remembers the analysis of each open document."""

    def __init__(self, name: str, version: str) -> None:
        super().__init__(name, version)
        self.documents: dict[str, Document] = {}

    def _encoding(self) -> str:
        enc = self.workspace.position_encoding
        value = getattr(enc, "value", enc)
        return str(value) if value else "utf-16"

    def analyse(self, uri: str) -> Document:
        """Analyse the current text of a document, remember it and publish its diagnostics."""
        text = self.workspace.get_text_document(uri).source
        doc = self.documents.get(uri)
        if doc is None or doc.text != text:
            doc = Document.open(uri, text, self._encoding())
            self.documents[uri] = doc
        version = self.workspace.get_text_document(uri).version
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics(doc), version=version)
        )
        return doc

    def document(self, uri: str) -> Document:
        """Return the analysis of a document's current text."""
        text = self.workspace.get_text_document(uri).source
        doc = self.documents.get(uri)
        if doc is None or doc.text != text:
            doc = Document.open(uri, text, self._encoding())
            self.documents[uri] = doc
        return doc


def create_server() -> OrgspecServer:
    """Return a server with every feature registered."""
    server = OrgspecServer("orgspec", __version__)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: OrgspecServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.analyse(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: OrgspecServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.analyse(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: OrgspecServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.documents.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

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
