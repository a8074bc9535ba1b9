"""Every command that writes a file writes it atomically: a failure half-way leaves the old file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from orgspec.cli.main import main

from .conftest import GOLDEN, SPECS

ZJ = SPECS / "zhenjiang-fao.orgspec"
#: A 三定 document kept with the draft goldens, so the test needs no ../shared beside the repository.
DOCUMENT = GOLDEN / "draft" / "inputs" / "000_6d360ffbc73a8950.txt"


def _fail_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)


def _commands(tmp_path: Path, target: Path) -> dict[str, list[str]]:
    spec = tmp_path / "spec.orgspec"
    spec.write_text(ZJ.read_text(encoding="utf-8").replace("  kind", "      kind", 1), encoding="utf-8")
    return {
        "render": ["render", str(ZJ), "-o", str(target.with_suffix(".svg"))],
        "export": ["export", str(ZJ), "--format", "json", "-o", str(target.with_suffix(".json"))],
        "check": ["check", str(ZJ), "--output-file", f"sarif={target.with_suffix('.sarif')}"],
        "fmt": ["fmt", str(spec)],
        "draft": ["draft", str(DOCUMENT), "-o", str(target.with_suffix(".orgspec"))],
    }


@pytest.mark.parametrize("command", ["render", "export", "check", "fmt", "draft"])
def test_failed_write_keeps_the_old_file(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = _commands(tmp_path, tmp_path / "out")[command]
    written = Path(argv[argv.index("-o") + 1]) if "-o" in argv else None
    if command == "check":
        written = tmp_path / "out.sarif"
    if command == "fmt":
        written = tmp_path / "spec.orgspec"
    assert written is not None
    if command != "fmt":
        written.write_text("OLD CONTENT", encoding="utf-8")
    before = written.read_bytes()
    _fail_fsync(monkeypatch)
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert written.read_bytes() == before
    assert "No space left on device" in err
    assert "Traceback" not in err
    assert "internal error" not in err
    leftovers = [p.name for p in tmp_path.iterdir() if ".orgspec-tmp-" in p.name or p.name.endswith(".tmp")]
    assert leftovers == []
