"""The `ghr` command: operators' entry point.

Most sub-commands are Django management commands of ghr's apps (`ghr fetch`, `ghr build`, `ghr explain`,
`ghr texts`, `ghr publish`, ... each with --help); `serve` and `settings` are handled here because they wrap a server
process and the settings registry rather than the database.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from pathlib import Path

from ghr.conf import SETTINGS, load_config


def print_settings() -> int:
    config = load_config()
    for setting in SETTINGS:
        default = setting.default_text(os.environ)
        print(f"{setting.name} = {config[setting.name]!r}\n    {setting.help}\n    default: {default!r}")
    return 0


# A Unix socket's path holds at most 107 bytes.
MAX_SOCKET_PATH = 100


def control_socket(var_dir: Path) -> Path:
    """gunicorn's control socket for this instance: in its own var folder, so two sites on one machine (or two
    clones) never share one (gunicorn's default is one path per user)."""
    path = var_dir / "gunicorn.ctl"
    if len(str(path)) <= MAX_SOCKET_PATH:
        return path
    digest = hashlib.sha256(str(var_dir).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"ghr-{digest}.ctl"


def gunicorn_command(config, bind: str) -> list[str]:
    return ["gunicorn", "ghr.project.wsgi:application", "--bind", bind, "--workers", str(config["GHR_WORKERS"]),
            "--access-logfile", "-", "--graceful-timeout", "5",
            "--control-socket", str(control_socket(config.var_dir))]  # fmt: skip


def serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ghr serve", description="Prepare the databases and serve the site.")
    parser.add_argument(
        "--dev", action="store_true", help="Django's auto-reloading development server instead of gunicorn."
    )
    args = parser.parse_args(argv)
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings

    from ghr.project.databases import ensure_schemas

    ensure_schemas()
    call_command("migrate", database="default", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    config = settings.GHR
    bind = f"{config['GHR_HOST']}:{config['GHR_PORT']}"
    print(f"ghr: serving at http://{bind}/ (Ctrl-C stops)", flush=True)
    if args.dev:
        call_command("runserver", bind)
        return 0
    command = gunicorn_command(config, bind)
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    os.execv(gunicorn, command)
    return 0  # pragma: no cover (execv does not return)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ghr.project.settings")
    if argv[:1] == ["serve"]:
        return serve(argv[1:])
    if argv[:1] == ["settings"]:
        return print_settings()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ghr", *argv])
    return 0
