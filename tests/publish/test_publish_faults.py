"""`ghr publish` killed or interrupted (issue 17, finding 5): its workers die with it, its partial release never
counts and is removed, and pruning never removes the release being served or the newest complete ones."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ghr.publish.export import ExportOptions, export_site
from ghr.publish.layout import MANIFEST, PublishBusy, PublishDir, new_release_id
from tests.publish.conftest import REPO, app_environment


def _export(publish_dir: Path, **extra):
    options = ExportOptions(publish_dir=publish_dir, base_url="http://127.0.0.1:8000", processes=1, **extra)
    return export_site(options)


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _partial_release(publish: PublishDir) -> Path:
    """What a killed export leaves: a release folder with files and no manifest."""
    release = publish.release(new_release_id())
    (release / "site" / "gene").mkdir(parents=True)
    (release / "site" / "gene" / "ALAS2.html").write_text("<p>half")
    return release


def test_killing_publish_kills_its_workers_and_the_next_publish_cleans_up(kb, tmp_path):
    publish_dir = tmp_path / "publish"
    command = [sys.executable, "-m", "ghr", "publish", "--out", str(publish_dir), "--processes", "2", "--no-progress",
               "--full"]  # fmt: skip
    process = subprocess.Popen(command, env=app_environment(), cwd=REPO, stdout=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        workers = _children(process.pid)
        time.sleep(0.02)
    assert len(workers) >= 2, "the export finished or failed before its workers could be seen"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # leave nothing running, whatever the outcome
        os.kill(pid, signal.SIGKILL)
    assert not survivors, "workers outlived the killed export"
    publish = PublishDir(publish_dir)
    left = [release for release in publish.releases.iterdir() if not (release / MANIFEST).exists()]
    assert left, "the killed export left no partial release (it should have been killed midway)"
    summary = _export(publish_dir)
    assert summary.errors == [] and publish.current_release().name == summary.release_id
    assert [release.name for release in publish.releases.iterdir()] == [summary.release_id]


def test_pruning_keeps_the_last_good_release_and_removes_partial_ones(kb, tmp_path):
    publish_dir = tmp_path / "publish"
    publish = PublishDir(publish_dir)
    first = _export(publish_dir)
    partial = [_partial_release(publish), _partial_release(publish)]
    second = _export(publish_dir, full=True, keep_releases=2)
    names = {release.name for release in publish.releases.iterdir()}
    assert names == {first.release_id, second.release_id}
    assert not any(release.exists() for release in partial)
    # A later partial release, newer than everything, never counts and never displaces the served one.
    _partial_release(publish)
    publish.prune(1)
    assert {release.name for release in publish.releases.iterdir()} == {second.release_id}
    assert publish.current_release().name == second.release_id


def test_an_interrupted_export_removes_its_release(kb, tmp_path, monkeypatch):
    from ghr.publish import export

    publish_dir = tmp_path / "publish"
    first = _export(publish_dir)

    def interrupted(site):
        raise KeyboardInterrupt

    monkeypatch.setattr(export, "copy_static_files", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _export(publish_dir, full=True)
    assert [release.name for release in PublishDir(publish_dir).releases.iterdir()] == [first.release_id]


def test_one_export_at_a_time(kb, tmp_path):
    publish = PublishDir(tmp_path / "publish")
    with publish.locked(), pytest.raises(PublishBusy, match="another `ghr publish`"):
        _export(tmp_path / "publish")
