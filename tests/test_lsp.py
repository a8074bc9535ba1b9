"""A real LSP session: ``python -m orgspec lsp`` as a subprocess, driven over stdio with JSON-RPC.

The client below frames messages with Content-Length headers, as editors do:
initialize, didOpen a spec with an error, receive publishDiagnostics, then
hover, definition, documentSymbol, formatting, didChange, shutdown and exit.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

import pytest

import orgspec
from orgspec.cli.main import main

from .conftest import FIXTURES, require_module

require_module("pygls")

SPEC = FIXTURES / "lsp" / "errors.orgspec"
URI = SPEC.resolve().as_uri()
TIMEOUT = 30


class Client:
    """A minimal LSP client: Content-Length framing, requests by id, notifications kept in order."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "orgspec", "lsp", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        self.next_id = 0
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.log: list[bytes] = []
        assert self.proc.stdout is not None
        assert self.proc.stderr is not None
        threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True).start()
        # drain stderr so that a chatty server can never block on a full pipe
        threading.Thread(target=self.log.extend, args=(self.proc.stderr,), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            headers: dict[str, str] = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                key, _, value = line.decode("ascii").partition(":")
                headers[key.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body.decode("utf-8")))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        message = self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)
        assert "error" not in message, message
        return message["result"]

    def wait(self, match: Any) -> dict[str, Any]:
        skipped = []
        try:
            while True:
                message = self.inbox.get(timeout=TIMEOUT)
                if match(message):
                    return message
                skipped.append(message)
        finally:
            for m in skipped:
                self.inbox.put(m)

    def diagnostics(self, version: int) -> list[dict[str, Any]]:
        message = self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version
        )
        result: list[dict[str, Any]] = message["params"]["diagnostics"]
        return result


def _close(c: Client) -> None:
    if c.proc.poll() is None:
        c.proc.kill()
        c.proc.wait(timeout=TIMEOUT)
    for stream in (c.proc.stdin, c.proc.stdout, c.proc.stderr):
        if stream is not None:
            stream.close()


@pytest.fixture(scope="module")
def client() -> Any:
    c = Client()
    result = c.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
    caps = result["capabilities"]
    for name in ("hoverProvider", "definitionProvider", "documentSymbolProvider", "documentFormattingProvider"):
        assert caps[name], name
    c.notify("initialized", {})
    c.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": URI, "languageId": "orgspec", "version": 1, "text": SPEC.read_text(encoding="utf-8")}},
    )
    try:
        yield c
        assert c.request("shutdown", None) is None
        c.notify("exit", None)
        assert c.proc.wait(timeout=TIMEOUT) == 0
    finally:
        _close(c)


def _pos(text: str, needle: str, nth: int = 0, extra: int = 0) -> dict[str, int]:
    """The UTF-16 LSP position of the ``nth`` occurrence of ``needle`` (plus ``extra`` code points)."""
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(needle, offset + 1)
    offset += extra
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return {"line": line, "character": len(text[start:offset].encode("utf-16-le")) // 2}


TEXT = SPEC.read_text(encoding="utf-8")


def test_diagnostics_are_published_on_open_with_utf16_positions(client: Client) -> None:
    found = client.diagnostics(version=1)
    by_code = {d["code"]: d for d in found}
    # the fixture's first line is a suppression with no OS302 finding under it: OS701
    assert set(by_code) == {"OS301", "OS503", "OS701"}
    assert by_code["OS301"]["severity"] == 1
    assert "states 3 sections but lists 2" in by_code["OS301"]["message"]
    assert by_code["OS301"]["range"]["start"] == _pos(TEXT, "3\n")
    assert len(by_code["OS301"]["relatedInformation"]) == 3
    # the rank follows 𠀋 on its line: two UTF-16 units for one code point
    assert by_code["OS503"]["range"]["start"] == _pos(TEXT, 'rank "不知級"')
    assert by_code["OS503"]["range"]["start"]["character"] == TEXT.split("\n")[6].index("rank") + 1


def test_hover_on_a_unit_name(client: Client) -> None:
    result = client.request(
        "textDocument/hover", {"textDocument": {"uri": URI}, "position": _pos(TEXT, "𠀋市外事辦公室", extra=2)}
    )
    value = result["contents"]["value"]
    assert "**𠀋市外事辦公室** `@fao`" in value
    assert "kind: working-department" in value
    assert "plaques: 𠀋市港澳事務辦公室" in value
    assert "quota administrative: 10" in value
    assert "post: 主任 1" in value
    assert result["range"]["start"] == _pos(TEXT, '"𠀋市外事辦公室"')


def test_hover_on_a_code_in_a_suppression_comment(client: Client) -> None:
    result = client.request(
        "textDocument/hover", {"textDocument": {"uri": URI}, "position": _pos(TEXT, "OS302", extra=3)}
    )
    assert result["contents"]["value"].startswith("**OS302 ")


def test_hover_on_a_diagnostic_range_explains_the_check(client: Client) -> None:
    result = client.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": _pos(TEXT, "3\n")})
    assert "**OS301 " in result["contents"]["value"]
    assert "states 3 sections but lists 2" in result["contents"]["value"]


def test_hover_on_nothing_is_null(client: Client) -> None:
    assert client.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": _pos(TEXT, "kind")}) is None


@pytest.mark.parametrize(("ref", "target"), [("@a", '"秘書處"'), ('@"𠀋聯絡處"', '"𠀋聯絡處"')])
def test_definition_of_a_reference(client: Client, ref: str, target: str) -> None:
    result = client.request(
        "textDocument/definition", {"textDocument": {"uri": URI}, "position": _pos(TEXT, ref, extra=1)}
    )
    location = result[0] if isinstance(result, list) else result
    assert location["uri"] == URI
    assert location["range"]["start"] == _pos(TEXT, target)
    assert location["range"]["end"] == _pos(TEXT, target, extra=len(target))


def test_document_symbols_outline(client: Client) -> None:
    result = client.request("textDocument/documentSymbol", {"textDocument": {"uri": URI}})
    assert [s["name"] for s in result] == ["𠀋市外事辦公室"]
    body = result[0]
    assert [c["name"] for c in body["children"]] == ["秘書處", "𠀋聯絡處"]
    assert body["range"]["start"] == _pos(TEXT, "body fao")
    assert body["children"][1]["selectionRange"]["start"] == _pos(TEXT, '"𠀋聯絡處"')


def test_formatting_and_change(client: Client) -> None:
    # its own document: the edits below break the text, and the other tests of this module read the
    # shared one in whatever order the workers take them
    uri = URI.removesuffix(".orgspec") + "-edited.orgspec"
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "orgspec", "version": 1, "text": TEXT}}
    )
    edits = client.request(
        "textDocument/formatting",
        {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}},
    )
    assert len(edits) == 1
    new = edits[0]["newText"]
    assert '  section a "秘書處" {\n    number 1\n  }\n' in new
    assert "# orgspec: ignore[OS302]" in new
    # apply it as an editor would, then break the text: diagnostics follow, formatting refuses
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": new}]},
    )
    assert {d["code"] for d in client.diagnostics(version=2)} == {"OS301", "OS503", "OS701"}
    assert (
        client.request(
            "textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}}
        )
        == []
    )
    # an incremental edit, as editors send them: positions in UTF-16 on a line after 𠀋
    at = _pos(new, "stated sections 3", extra=len("stated sections "))
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [{"range": {"start": at, "end": {**at, "character": at["character"] + 1}}, "text": "2"}],
        },
    )
    assert {d["code"] for d in client.diagnostics(version=3)} == {"OS503", "OS701"}
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": new + 'body "x" {\n'}]},
    )
    assert any(d["severity"] == 1 for d in client.diagnostics(version=4))
    result = client.request(
        "textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}}
    )
    assert result == []
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


def test_negotiated_utf8_positions() -> None:
    c = Client()
    try:
        caps = {"general": {"positionEncodings": ["utf-8"]}}
        result = c.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": caps})
        assert result["capabilities"]["positionEncoding"] == "utf-8"
        c.notify("initialized", {})
        c.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": URI, "languageId": "orgspec", "version": 1, "text": TEXT}},
        )
        (warning,) = [d for d in c.diagnostics(version=1) if d["code"] == "OS503"]
        line = TEXT.split("\n")[6]
        assert warning["range"]["start"]["character"] == len(line[: line.index("rank")].encode("utf-8"))
        assert c.request("shutdown", None) is None
        c.notify("exit", None)
        assert c.proc.wait(timeout=TIMEOUT) == 0
    finally:
        _close(c)


def test_lsp_without_pygls_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pygls", None)
    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)
    monkeypatch.delitem(sys.modules, "orgspec.lsp.server", raising=False)
    assert main(["lsp"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "pip install 'orgspec[lsp]'" in err


# ---- the fuller server, driven by pygls's own client ---------------------------------------------
FEATURES = FIXTURES / "lsp" / "features.orgspec"
FEATURES_URI = FEATURES.resolve().as_uri()
FTEXT = FEATURES.read_text(encoding="utf-8")


def _p(text: str, needle: str, extra: int = 0) -> Any:
    from lsprotocol import types as lsp

    return lsp.Position(**_pos(text, needle, extra=extra))


async def _session() -> dict[str, Any]:
    """Open the features fixture in ``orgspec lsp`` through pygls's LanguageClient and ask for everything."""
    import asyncio

    from lsprotocol import types as lsp
    from pygls.exceptions import JsonRpcException
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("orgspec-test", "1")
    published: asyncio.Queue[lsp.PublishDiagnosticsParams] = asyncio.Queue()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    await client.start_io(sys.executable, "-m", "orgspec", "lsp")
    out: dict[str, Any] = {}
    doc = lsp.TextDocumentIdentifier(uri=FEATURES_URI)
    try:
        init = await asyncio.wait_for(
            client.initialize_async(
                lsp.InitializeParams(
                    capabilities=lsp.ClientCapabilities(
                        text_document=lsp.TextDocumentClientCapabilities(
                            rename=lsp.RenameClientCapabilities(prepare_support=True)
                        )
                    ),
                    process_id=os.getpid(),
                )
            ),
            TIMEOUT,
        )
        out["capabilities"] = init.capabilities
        client.initialized(lsp.InitializedParams())
        client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(uri=FEATURES_URI, language_id="orgspec", version=1, text=FTEXT)
            )
        )
        out["diagnostics"] = (await asyncio.wait_for(published.get(), TIMEOUT)).diagnostics

        def complete(text: str, needle: str, extra: int) -> Any:
            return client.text_document_completion_async(
                lsp.CompletionParams(text_document=doc, position=_p(text, needle, extra))
            )

        out["complete_unit_keyword"] = await complete(FTEXT, "  quota administrative", 2)
        out["complete_quota_category"] = await complete(FTEXT, "quota administrative", len("quota "))
        out["complete_reference"] = await complete(FTEXT, "@mishu", 1)
        out["complete_event_keyword"] = await complete(FTEXT, "    from", 4)
        out["references"] = await client.text_document_references_async(
            lsp.ReferenceParams(
                text_document=doc,
                position=_p(FTEXT, "@lianluo", 2),
                context=lsp.ReferenceContext(include_declaration=True),
            )
        )
        out["prepare_rename"] = await client.text_document_prepare_rename_async(
            lsp.PrepareRenameParams(text_document=doc, position=_p(FTEXT, "@lianluo", 3))
        )
        out["prepare_rename_nothing"] = await client.text_document_prepare_rename_async(
            lsp.PrepareRenameParams(text_document=doc, position=_p(FTEXT, "duty", 1))
        )
        out["rename"] = await client.text_document_rename_async(
            lsp.RenameParams(
                text_document=doc, position=_p(FTEXT, "section lianluo", len("section l")), new_name="liaison"
            )
        )
        for bad in ("2nd", "mishu"):
            try:
                await client.text_document_rename_async(
                    lsp.RenameParams(text_document=doc, position=_p(FTEXT, "@lianluo", 3), new_name=bad)
                )
            except JsonRpcException as err:
                out[f"rename_refused_{bad}"] = str(err)
        at_count = _p(FTEXT, "stated sections 3", len("stated sections "))
        out["actions_on_count"] = await client.text_document_code_action_async(
            lsp.CodeActionParams(
                text_document=doc, range=lsp.Range(at_count, at_count), context=lsp.CodeActionContext(diagnostics=[])
            )
        )
        at_name = _p(FTEXT, '"聯絡處" {', 2)
        out["actions_on_name"] = await client.text_document_code_action_async(
            lsp.CodeActionParams(
                text_document=doc, range=lsp.Range(at_name, at_name), context=lsp.CodeActionContext(diagnostics=[])
            )
        )
        out["tokens"] = await client.text_document_semantic_tokens_full_async(
            lsp.SemanticTokensParams(text_document=doc)
        )
        # while typing: an unclosed block still gets completions
        broken = FTEXT.replace("  quota administrative 10\n}", "  quota administrative 10\n  posts {\n    post ")
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(version=2, uri=FEATURES_URI),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=broken)],
            )
        )
        out["complete_while_typing"] = await complete(broken, "    post ", len("    post "))
        await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
        client.exit(None)
    finally:
        server = getattr(client, "_server", None)
        if server is not None and server.returncode is None:
            server.kill()
        await asyncio.wait_for(client.stop(), TIMEOUT)
    return out


@pytest.fixture(scope="module")
def session() -> dict[str, Any]:
    import asyncio

    return asyncio.run(_session())


def _labels(result: Any) -> list[str]:
    items = result.items if hasattr(result, "items") else result
    return [i.label for i in items]


def test_client_sees_the_new_capabilities(session: dict[str, Any]) -> None:
    caps = session["capabilities"]
    assert caps.completion_provider is not None
    assert "@" in (caps.completion_provider.trigger_characters or [])
    assert caps.references_provider
    assert caps.rename_provider.prepare_provider is True
    assert set(caps.code_action_provider.code_action_kinds) == {"quickfix", "refactor.rewrite"}
    legend = caps.semantic_tokens_provider.legend
    assert "keyword" in legend.token_types
    assert caps.semantic_tokens_provider.full


def test_diagnostics_link_to_their_documentation(session: dict[str, Any]) -> None:
    (d,) = session["diagnostics"]
    assert d.code == "OS301"
    href = d.code_description.href
    page, _, anchor = href.partition("#")
    assert anchor == "os301"
    from urllib.parse import urlparse
    from urllib.request import url2pathname

    text = Path(url2pathname(urlparse(page).path)).read_text(encoding="utf-8")
    assert "\n## OS301\n" in text  # the heading whose anchor is #os301


def test_completion_of_keywords_values_and_references(session: dict[str, Any]) -> None:
    from orgspec.lowering.lower import _UNIT_KEYWORDS

    assert _labels(session["complete_unit_keyword"]) == list(_UNIT_KEYWORDS)
    assert _labels(session["complete_quota_category"]) == [
        "administrative",
        "public-institution",
        "logistics",
        "dispatched",
        "discipline",
        "other",
    ]
    refs = session["complete_reference"].items
    assert [i.label for i in refs] == ["@fao", "@mishu", "@lianluo"]
    assert refs[1].detail == "秘书处"
    # the completion replaces what was typed, '@' included
    assert refs[1].text_edit.range.start == _p(FTEXT, "@mishu")
    assert "unit" in _labels(session["complete_event_keyword"])
    assert "chief" not in _labels(session["complete_event_keyword"])
    assert _labels(session["complete_while_typing"]) == []  # a post's title comes first: nothing to offer


def test_references_and_rename_of_an_id(session: dict[str, Any]) -> None:
    starts = [loc.range.start for loc in session["references"]]
    assert starts == [_p(FTEXT, "lianluo"), _p(FTEXT, "@lianluo"), _p(FTEXT, "@lianluo\n    from")]
    assert all(loc.uri == FEATURES_URI for loc in session["references"])
    prepared = session["prepare_rename"]
    assert prepared.placeholder == "lianluo"
    assert prepared.range.start == _p(FTEXT, "@lianluo", 1)
    assert session["prepare_rename_nothing"] is None
    edits = session["rename"].changes[FEATURES_URI]
    renamed = FTEXT
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        lines = renamed.split("\n")
        line = lines[edit.range.start.line]
        lines[edit.range.start.line] = (
            line[: edit.range.start.character] + edit.new_text + line[edit.range.end.character :]
        )
        renamed = "\n".join(lines)
    assert renamed == FTEXT.replace("lianluo", "liaison")
    assert orgspec.check_text(renamed)[0].code == "OS301"  # nothing else broke
    assert "not an id" in session["rename_refused_2nd"]
    assert "already the id of '秘书处'" in session["rename_refused_mishu"]


def test_code_actions_fix_the_count_suppress_and_convert(session: dict[str, Any]) -> None:
    by_title = {a.title: a for a in session["actions_on_count"]}
    fix = by_title["Change the stated count 3 to 2, the number listed"]
    assert fix.kind == "quickfix"
    (edit,) = fix.edit.changes[FEATURES_URI]
    assert edit.new_text == "2"
    assert edit.range.start == _p(FTEXT, "stated sections 3", len("stated sections "))
    suppress = by_title["Suppress OS301 on this line (with a reason to fill in)"]
    (edit,) = suppress.edit.changes[FEATURES_URI]
    line = FTEXT.split("\n")[3]
    suppressed = FTEXT.replace(line, line + edit.new_text)
    assert edit.range.start.character == len(line.encode("utf-16-le")) // 2
    assert orgspec.check_text(suppressed) == []  # a valid suppression, with a reason
    titles = [a.title for a in session["actions_on_name"]]
    assert titles == ['Convert to simplified characters: "联络处"']
    assert session["actions_on_name"][0].kind == "refactor.rewrite"


def test_semantic_tokens_of_the_document(session: dict[str, Any]) -> None:
    data = session["tokens"].data
    legend = ["keyword", "enumMember", "variable", "string", "number", "comment"]
    line = char = 0
    decoded = []
    lines = FTEXT.split("\n")
    for i in range(0, len(data), 5):
        dl, dc, length, kind, mods = data[i : i + 5]
        line += dl
        char = char + dc if dl == 0 else dc
        text = lines[line].encode("utf-16-le")[2 * char : 2 * (char + length)].decode("utf-16-le")
        decoded.append((text, legend[kind], mods))
    assert decoded[0][1] == "comment"
    assert ("body", "keyword", 0) in decoded
    assert ("fao", "variable", 1) in decoded  # declaration
    assert ('"某市外事办公室"', "string", 0) in decoded
    assert ("administrative", "enumMember", 0) in decoded
    assert ("@mishu", "variable", 0) in decoded
    assert ("2010", "number", 0) in decoded
