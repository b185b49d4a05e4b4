"""Real servers for the publish tests: the app under gunicorn and nginx serving an export, on loopback ports.

Both run as separate processes against the test run's own databases (passed by GHR_VAR_DIR / GHR_DB_SCHEMA), so
nothing here flushes or rolls back the shared knowledge-base fixture.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from ghr.publish.export import ExportOptions, export_site
from ghr.publish.nginx import NginxSite, nginx_command, write_standalone

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return  # It answers, even if not 200.
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing answers at {url}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def app_environment(**extra: str) -> dict[str, str]:
    """The environment of an app process that reads this test run's databases."""
    config = settings.GHR
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        GHR_VAR_DIR=str(config.var_dir),
        GHR_DB_SCHEMA=config["GHR_DB_SCHEMA"],
        GHR_SECRET_KEY=settings.SECRET_KEY,
        PYTHONPATH=os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])]),
    )
    env.update(extra)
    return env


@dataclass
class Server:
    url: str
    process: subprocess.Popen


def start_gunicorn(workers: int = 1, **env: str) -> Server:
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "ghr.project.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--chdir", str(REPO), "--log-level", "warning"]  # fmt: skip
    process = subprocess.Popen(command, env=app_environment(**env))
    server = Server(f"http://127.0.0.1:{port}", process)
    try:
        wait_until_answering(server.url + "/", process)
    except Exception:
        stop(process)
        raise
    return server


@pytest.fixture(scope="session")
def nginx_binary() -> str:
    found = shutil.which("nginx") or (os.path.exists("/usr/sbin/nginx") and "/usr/sbin/nginx")
    if not found and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-q", "nginx"], capture_output=True, check=False)
        found = shutil.which("nginx") or (os.path.exists("/usr/sbin/nginx") and "/usr/sbin/nginx")
    if not found:
        pytest.skip("nginx is not installed and `apt-get install -y nginx` did not succeed")
    return found


@pytest.fixture(scope="module")
def published(django_db_setup, django_db_blocker, tmp_path_factory) -> Path:
    """The fixture knowledge base exported once for the module; returns the publish directory."""
    publish_dir = tmp_path_factory.mktemp("published") / "publish"
    with django_db_blocker.unblock():
        summary = export_site(ExportOptions(publish_dir, "http://127.0.0.1:8000", processes=1))
    assert summary.errors == []
    return publish_dir


@pytest.fixture(scope="module")
def app_server(django_db_setup) -> Iterator[Server]:
    server = start_gunicorn(workers=1)
    yield server
    stop(server.process)


def start_nginx(binary: str, publish_dir: Path, app: str, state_dir: Path) -> Server:
    port = free_port()
    conf = write_standalone(NginxSite(f"127.0.0.1:{port}", publish_dir, app), state_dir, workers=1)
    command = nginx_command(conf)
    command[0] = binary
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    server = Server(f"http://127.0.0.1:{port}", process)
    try:
        wait_until_answering(server.url + "/static/", process)
    except Exception as error:
        stop(process)
        raise RuntimeError(process.stderr.read().decode()) from error
    return server
