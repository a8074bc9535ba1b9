"""The pre-commit hooks and the GitHub Action, each run for real against a temporary repository."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from orgspec.cli.main import build_parser

from .conftest import FIXTURES, ROOT, require, require_module

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
MESSY = 'body "A" {  kind "工作部門" ; section "B" { duties { duty "x" } } }\n'
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=True)
    return out.stdout.strip()


# ---- .pre-commit-hooks.yaml ---------------------------------------------------------------


def test_hooks_are_declared_for_spec_files() -> None:
    assert [h["id"] for h in HOOKS] == ["orgspec-check", "orgspec-fmt"]
    for hook in HOOKS:
        assert hook["language"] == "python"
        pattern = re.compile(hook["files"])
        assert pattern.search("specs/a.orgspec")
        assert not pattern.search("specs/a.orgspec.bak")
        assert not pattern.search("README.md")
        # the entry is a command line orgspec accepts, with the file names pre-commit appends
        program, *args = hook["entry"].split()
        assert program == "orgspec"
        build_parser().parse_args([*args, "a.orgspec"])


def _hook_repo_rev() -> str:
    require(shutil.which("git"), "git is not installed")
    try:
        rev = _git(ROOT, "rev-parse", "HEAD")
        _git(ROOT, "cat-file", "-e", f"{rev}:.pre-commit-hooks.yaml")
    except subprocess.CalledProcessError:
        require(False, "the repository has no commit with .pre-commit-hooks.yaml")
        raise
    return rev


@pytest.mark.slow  # about 25 s: pre-commit builds a virtual environment and installs orgspec into it
def test_pre_commit_runs_both_hooks(tmp_path: Path) -> None:
    require_module("pre_commit")
    rev = _hook_repo_rev()
    repo = tmp_path / "specs-repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copy(FIXTURES / "checks" / "OS307" / "fail.orgspec", repo / "bad.orgspec")
    (repo / "messy.orgspec").write_text(MESSY, encoding="utf-8")
    (repo / "notes.txt").write_text("not a spec {\n", encoding="utf-8")
    config = {"repos": [{"repo": str(ROOT), "rev": rev, "hooks": [{"id": "orgspec-fmt"}, {"id": "orgspec-check"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("GIT_DIR", None)
    run = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    out = run.stdout + run.stderr
    # without network pre-commit cannot build the hook's environment: a skip on a laptop, a failure in CI
    hook_installed = not ("An unexpected error has occurred" in out and ("pip" in out or "network" in out.lower()))
    require(hook_installed, f"pre-commit could not install the hook environment: {out[-500:]}")
    assert run.returncode == 1, out
    assert re.search(r"orgspec fmt\.+Failed", out), out
    assert "files were modified by this hook" in out
    assert re.search(r"orgspec check\.+Failed", out), out
    assert "bad.orgspec:5:18: OS307 error" in out
    assert (repo / "messy.orgspec").read_text(encoding="utf-8") == (
        'body "A" {\n  kind "工作部門"\n  section "B" {\n    duties {\n      duty "x"\n    }\n  }\n}\n'
    )
    assert (repo / "notes.txt").read_text(encoding="utf-8") == "not a spec {\n"
    # once the findings are fixed, both hooks pass (the hook environment is reused)
    shutil.copy(FIXTURES / "checks" / "OS307" / "pass.orgspec", repo / "bad.orgspec")
    _git(repo, "add", "-A")
    again = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert re.search(r"orgspec fmt\.+Passed", again.stdout)
    assert re.search(r"orgspec check\.+Passed", again.stdout)


# ---- action.yml -----------------------------------------------------------------------------


def test_action_is_a_well_formed_composite_action() -> None:
    assert {"name", "description", "inputs", "outputs", "runs"} <= set(ACTION)
    assert ACTION["runs"]["using"] == "composite"
    steps = ACTION["runs"]["steps"]
    ids = {s["id"] for s in steps if "id" in s}
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    for name in re.findall(r"inputs\.([A-Za-z0-9_-]+)", text):
        assert name in ACTION["inputs"], f"inputs.{name} is used but not declared"
    for name, spec in ACTION["inputs"].items():
        assert spec["description"], name
        assert f"inputs.{name}" in text, f"input {name} is declared but never used"
    for spec in ACTION["outputs"].values():
        (step,) = re.findall(r"steps\.([A-Za-z0-9_-]+)\.outputs", spec["value"])
        assert step in ids
    for step in steps:
        assert ("run" in step) != ("uses" in step), step
        if "run" in step:
            assert step["shell"] == "bash"
            # inputs reach scripts through the environment, never pasted into the script
            assert "${{" not in step["run"], step["name"]


def test_action_check_step_runs(tmp_path: Path) -> None:
    orgspec_exe = shutil.which("orgspec", path=str(Path(sys.executable).parent))
    bash = shutil.which("bash")
    require(orgspec_exe and bash, "needs bash and the orgspec script beside the running Python")
    assert orgspec_exe is not None
    assert bash is not None
    (step,) = [s for s in ACTION["runs"]["steps"] if s.get("id") == "check"]
    work = tmp_path / "work"
    (work / "specs").mkdir(parents=True)
    shutil.copy(FIXTURES / "checks" / "OS307" / "fail.orgspec", work / "specs" / "bad.orgspec")
    shutil.copy(FIXTURES / "checks" / "OS310" / "fail.orgspec", work / "specs" / "warn.orgspec")
    output, summary = tmp_path / "output", tmp_path / "summary.md"
    env = {
        "PATH": f"{Path(orgspec_exe).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
        "ORGSPEC_PATHS": "specs",
        "ORGSPEC_FAIL_ON": ACTION["inputs"]["fail-on"]["default"],
        "ORGSPEC_SARIF": ACTION["inputs"]["sarif-file"]["default"],
        "ORGSPEC_ARGS": "--isolated",
        "ORGSPEC_CACHE_DIR": str(tmp_path / "cache"),
    }
    if os.environ.get("PYTHONPATH"):  # the checkout under test, not whichever one is installed
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    run = subprocess.run(
        [bash, "-eo", "pipefail", "-c", step["run"]], cwd=work, env=env, capture_output=True, text=True
    )
    assert run.returncode == 1, run.stderr
    assert run.stdout.startswith("::error file=specs/bad.orgspec,line=5,col=18,"), run.stdout
    assert "::warning file=specs/warn.orgspec" in run.stdout
    assert run.stderr.endswith("2 files checked: 1 error, 1 warning, 0 info\n")
    assert output.read_text(encoding="utf-8") == "sarif-file=orgspec.sarif\n"
    jsonschema.Draft4Validator(SCHEMA).validate(json.loads((work / "orgspec.sarif").read_text(encoding="utf-8")))
    assert "| error | OS307 | `specs/bad.orgspec:5:18` |" in summary.read_text(encoding="utf-8")
