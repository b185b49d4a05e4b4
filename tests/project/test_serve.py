"""`ghr serve` (issue 17, finding 9): each instance has a gunicorn control socket of its own."""

import subprocess
import sys
from pathlib import Path

from ghr.cli import MAX_SOCKET_PATH, gunicorn_command
from ghr.conf import load_config


def _socket(command: list[str]) -> str:
    return command[command.index("--control-socket") + 1]


def test_two_instances_use_different_control_sockets(tmp_path):
    first = gunicorn_command(load_config({"GHR_VAR_DIR": str(tmp_path / "a")}), "127.0.0.1:8001")
    second = gunicorn_command(load_config({"GHR_VAR_DIR": str(tmp_path / "b")}), "127.0.0.1:8002")
    assert _socket(first) != _socket(second)
    assert _socket(first).startswith(str(tmp_path / "a"))


def test_a_deep_var_folder_still_gets_a_usable_socket_path(tmp_path):
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    path = _socket(gunicorn_command(load_config({"GHR_VAR_DIR": str(deep)}), "127.0.0.1:8001"))
    assert len(path) <= MAX_SOCKET_PATH
    other = _socket(gunicorn_command(load_config({"GHR_VAR_DIR": str(deep / "x")}), "127.0.0.1:8001"))
    assert other != path


def test_gunicorn_accepts_the_command(tmp_path):
    command = gunicorn_command(load_config({"GHR_VAR_DIR": str(tmp_path)}), "127.0.0.1:8001")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    result = subprocess.run(
        [str(gunicorn), *command[1:], "--check-config"], capture_output=True, text=True, check=False,
        env={"DJANGO_SETTINGS_MODULE": "tests.settings", "GHR_VAR_DIR": str(tmp_path),
             "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
