"""The language server checks as ``orgspec check`` does: configuration, policy packs, and specs across files.

Each test starts ``python -m orgspec lsp`` over stdio (the client of :mod:`tests.test_lsp`) on a
workspace folder of its own, opens documents, edits them and reads what is published.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import require_module

require_module("pygls")

from .test_lsp import TIMEOUT, Client, _close  # noqa: E402

Published = dict[str, Any]

STREET = """\
body jd "某街道办事处" {
  section-duties-unstated
SECTIONS}
"""

BODY = """\
body fao "某市外事办公室" {
  basis "某办发〔2019〕1号" {
    date 2019-03
  }
  quota administrative QUOTA
}
"""


def _street(n: int) -> str:
    return STREET.replace("SECTIONS", "".join(f'  section "第{k}科"\n' for k in range(1, n + 1)))


class Session:
    """A server on one workspace folder, with helpers to open and edit documents."""

    def __init__(self, root: Path, *args: str, capabilities: dict[str, Any] | None = None) -> None:
        self.root = root
        self.client = Client(*args)
        self.versions: dict[str, int] = {}
        self.client.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": "ws"}],
                "capabilities": capabilities or {},
            },
        )
        self.client.notify("initialized", {})

    def uri(self, name: str) -> str:
        return (self.root / name).resolve().as_uri()

    def open(self, name: str, text: str | None = None) -> None:
        uri = self.uri(name)
        self.versions[uri] = 1
        body = text if text is not None else (self.root / name).read_text(encoding="utf-8")
        self.client.notify(
            "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "orgspec", "version": 1, "text": body}}
        )

    def change(self, name: str, text: str) -> None:
        uri = self.uri(name)
        self.versions[uri] += 1
        self.client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": self.versions[uri]}, "contentChanges": [{"text": text}]},
        )

    def published(self, name: str, match: Callable[[list[Published]], bool] = lambda _: True) -> list[Published]:
        """Wait for the next diagnostics of ``name`` that ``match`` accepts."""
        uri = self.uri(name)
        message = self.client.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and match(m["params"]["diagnostics"])
            )
        )
        found: list[Published] = message["params"]["diagnostics"]
        return found

    def pending(self, name: str) -> list[list[Published]]:
        """Return the diagnostics of ``name`` published and not yet read (after a round trip)."""
        self.client.request("textDocument/documentSymbol", {"textDocument": {"uri": self.uri(name)}})
        uri = self.uri(name)
        out = []
        kept = []
        while not self.client.inbox.empty():
            m = self.client.inbox.get()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                out.append(m["params"]["diagnostics"])
            else:
                kept.append(m)
        for m in kept:
            self.client.inbox.put(m)
        return out

    def close(self) -> None:
        try:
            assert self.client.request("shutdown", None) is None
            self.client.notify("exit", None)
            assert self.client.proc.wait(timeout=TIMEOUT) == 0
        finally:
            _close(self.client)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    root.mkdir()
    (root / ".git").mkdir()  # the config search stops here, as in a repository
    return root


@pytest.fixture
def session(workspace: Path) -> Iterator[Session]:
    s = Session(workspace)
    try:
        yield s
    finally:
        s.close()


def _codes(found: list[Published], code: str) -> list[Published]:
    return [d for d in found if d["code"] == code]


def test_policy_packs_and_settings_of_the_config_apply_and_follow_its_edits(workspace: Path) -> None:
    config = workspace / "orgspec.toml"
    config.write_text('policy = ["r6-subdistrict-model"]\nseverity = { OS801 = "error" }\n', encoding="utf-8")
    (workspace / "a.orgspec").write_text(_street(8), encoding="utf-8")
    s = Session(workspace)
    try:
        s.open("a.orgspec")
        [finding] = _codes(s.published("a.orgspec"), "OS801")
        assert finding["message"].startswith(
            "'某街道办事处' has 8 sections; rule R6-sections of policy r6-subdistrict-model allows at most 7"
        )
        assert "basis: 根據街道規模和任務數量,可綜合設置5-7個機構" in finding["message"]
        assert finding["severity"] == 1  # configured: error
        assert finding["codeDescription"]["href"].endswith("checks.md#os801")
        assert finding["data"]["policy"]["rule"] == "R6-sections"
        assert finding["data"]["policy"]["pack"] == "r6-subdistrict-model"
        assert finding["range"]["start"] == {"line": 0, "character": 8}
        # the configuration is read again at the next analysis: the policy turned off, the finding goes
        config.write_text("ignore = []\n", encoding="utf-8")
        s.change("a.orgspec", _street(8) + "\n")
        assert _codes(s.published("a.orgspec", lambda ds: not _codes(ds, "OS801")), "OS801") == []
        # a pack changed on disk, reported by the editor: the open document is checked again
        config.write_text('policy = ["r6-subdistrict-model"]\n', encoding="utf-8")
        s.client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
        assert len(_codes(s.published("a.orgspec"), "OS801")) == 1
        # ignore applies as orgspec check applies it
        config.write_text('policy = ["r6-subdistrict-model"]\nignore = ["OS8"]\n', encoding="utf-8")
        s.change("a.orgspec", _street(9))
        assert s.pending("a.orgspec")[-1] == []
    finally:
        s.close()


def test_policy_flag_of_the_server_and_a_bad_pack_reported_once(workspace: Path) -> None:
    (workspace / "a.orgspec").write_text(_street(8), encoding="utf-8")
    s = Session(workspace, "--policy", "r6-subdistrict-model")
    try:
        s.open("a.orgspec")
        assert len(_codes(s.published("a.orgspec"), "OS801")) == 1
    finally:
        s.close()
    (workspace / "orgspec.toml").write_text('policy = ["r9"]\n', encoding="utf-8")
    s = Session(workspace)
    try:
        s.open("a.orgspec")
        shown = s.client.wait(lambda m: m.get("method") == "window/showMessage")
        assert "no bundled policy pack 'r9'" in shown["params"]["message"]
        assert shown["params"]["type"] == 1
        # the document is still checked, without the configuration
        assert _codes(s.published("a.orgspec"), "OS801") == []
        s.change("a.orgspec", _street(7))
        s.published("a.orgspec")
        assert not [m for m in list(s.client.inbox.queue) if m.get("method") == "window/showMessage"]
    finally:
        s.close()


def test_a_change_in_one_document_republishes_the_other(session: Session, workspace: Path) -> None:
    for name in ("a.orgspec", "b.orgspec"):
        (workspace / name).write_text(BODY.replace("QUOTA", "21"), encoding="utf-8")
    session.open("a.orgspec")
    assert _codes(session.published("a.orgspec"), "OS802") == []
    session.open("b.orgspec")
    assert _codes(session.published("b.orgspec"), "OS802") == []
    # an unsaved edit of a (the earlier file) changes b's findings: b is published again
    session.change("a.orgspec", BODY.replace("QUOTA", "20"))
    [finding] = _codes(session.published("b.orgspec", lambda ds: bool(_codes(ds, "OS802"))), "OS802")
    assert finding["message"].startswith(
        "'某市外事办公室' states its administrative quota as 21 (as of 2019-03) here, "
        "but as 20 (as of 2019-03) in a.orgspec"
    )
    assert finding["range"]["start"]["line"] == 4
    [related] = finding["relatedInformation"]
    assert related["location"]["uri"] == session.uri("a.orgspec")
    assert related["location"]["range"]["start"] == {"line": 4, "character": 23}
    assert _codes(session.published("a.orgspec"), "OS802") == []  # reported at the later file, as check does
    # an edit of b moves its finding with the editor's text, not the file's
    session.change("b.orgspec", "\n\n" + BODY.replace("QUOTA", "21"))
    [moved] = _codes(session.published("b.orgspec"), "OS802")
    assert moved["range"]["start"]["line"] == 6
    # a agrees again: b is published again, without the finding
    session.change("a.orgspec", BODY.replace("QUOTA", "21"))
    assert _codes(session.published("b.orgspec"), "OS802") == []
    # closed with an unsaved disagreement, a is compared as its file says (21): b loses the finding
    session.change("a.orgspec", BODY.replace("QUOTA", "20"))
    assert len(_codes(session.published("b.orgspec"), "OS802")) == 1
    session.client.notify("textDocument/didClose", {"textDocument": {"uri": session.uri("a.orgspec")}})
    assert session.published("a.orgspec", lambda ds: ds == []) == []
    assert _codes(session.published("b.orgspec"), "OS802") == []


def test_open_documents_are_compared_with_the_workspace_files(session: Session, workspace: Path) -> None:
    specs = workspace / "specs"
    specs.mkdir()
    (specs / "1998.orgspec").write_text(BODY.replace("QUOTA", "19"), encoding="utf-8")
    (specs / "2019.orgspec").write_text(BODY.replace("QUOTA", "21"), encoding="utf-8")
    (workspace / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    drafts = workspace / "drafts"
    drafts.mkdir()
    (drafts / "x.orgspec").write_text(BODY.replace("QUOTA", "1"), encoding="utf-8")
    session.open("specs/2019.orgspec")
    [finding] = _codes(session.published("specs/2019.orgspec"), "OS802")
    assert "but as 19 (as of 2019-03) in specs/1998.orgspec" in finding["message"]
    assert finding["relatedInformation"][0]["location"]["uri"] == (specs / "1998.orgspec").resolve().as_uri()
    # the file on disk changes (another tool, a checkout): a save or a watched-file event reads it again
    (specs / "1998.orgspec").write_text(BODY.replace("QUOTA", "21"), encoding="utf-8")
    session.client.notify(
        "workspace/didChangeWatchedFiles", {"changes": [{"uri": session.uri("specs/1998.orgspec"), "type": 2}]}
    )
    assert _codes(session.published("specs/2019.orgspec"), "OS802") == []


def test_the_server_asks_to_be_told_of_changed_specs_and_packs(workspace: Path) -> None:
    caps = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}
    s = Session(workspace, capabilities=caps)
    try:
        asked = s.client.wait(lambda m: m.get("method") == "client/registerCapability")
        s.client.send({"id": asked["id"], "result": None})
        [registration] = asked["params"]["registrations"]
        assert registration["method"] == "workspace/didChangeWatchedFiles"
        globs = [w["globPattern"] for w in registration["registerOptions"]["watchers"]]
        assert globs == ["**/*.orgspec", "**/*.toml"]
    finally:
        s.close()


def test_the_workspace_walk_is_capped(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from orgspec.lsp import project

    monkeypatch.setattr(project, "MAX_WORKSPACE_FILES", 2)
    for name in ("a", "b", "c"):
        (workspace / f"{name}.orgspec").write_text(BODY.replace("QUOTA", "1"), encoding="utf-8")
    p = project.Project()
    p.set_roots([workspace, workspace / "other"])
    assert [f.name for f in p._workspace_files()] == ["a.orgspec", "b.orgspec"]
