"""Renders the shipped nginx configuration (src/ghr/publish/nginx/, linked from deploy/nginx/)."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

TEMPLATES = Path(__file__).with_name("nginx")


@dataclass
class NginxSite:
    listen: str
    """What nginx listens on: '127.0.0.1:8080', '80'..."""
    publish_dir: Path
    """The publish directory (its ``current`` symlink names the release served)."""
    app: str
    """host:port of the app (gunicorn) that answers everything not exported."""
    headers: dict[str, str] | None = None
    """Security headers added to exported files; None: the app's own (ghr.project.headers, from the settings)."""


def _fill(template: str, values: dict[str, str]) -> str:
    text = (TEMPLATES / template).read_text()
    for name, value in values.items():
        text = text.replace(f"@@{name}@@", value)
    if "@@" in text:
        raise ValueError(f"{template}: placeholder left unfilled")
    return text


def _header_lines(headers: dict[str, str]) -> str:
    return "\n".join(f'        add_header {name} "{value}" always;' for name, value in headers.items())


def site_config(site: NginxSite) -> str:
    """The http-level part: redirect maps, the app upstream and the server block."""
    from ghr.project.headers import configured_security_headers

    headers = site.headers if site.headers is not None else configured_security_headers()
    values = {"LISTEN": site.listen, "PUBLISH_DIR": str(site.publish_dir.resolve()), "APP": site.app,
              "SECURITY_HEADERS": _header_lines(headers)}  # fmt: skip
    return _fill("ghr.conf", values)


def write_standalone(site: NginxSite, state_dir: Path, workers: int = 2, access_log: bool = False) -> Path:
    """Write nginx.conf and ghr.conf into ``state_dir`` for ``nginx -p DIR -c DIR/nginx.conf``; returns nginx.conf."""
    state_dir = state_dir.resolve()
    state_dir.mkdir(parents=True, exist_ok=True)
    (state_dir / "ghr.conf").write_text(site_config(site))
    # As root nginx would hand requests to 'nobody', who may not read a private publish folder.
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    main = _fill(
        "standalone.conf",
        {
            "USER": user,
            "WORKERS": str(workers),
            "STATE_DIR": str(state_dir),
            "ACCESS_LOG": f"{state_dir}/access.log" if access_log else "off",
        },
    )
    path = state_dir / "nginx.conf"
    path.write_text(main)
    return path


def nginx_command(conf: Path) -> list[str]:
    """Run in the foreground, with the error log in the state folder from the start."""
    state_dir = conf.parent
    return ["nginx", "-p", str(state_dir), "-e", str(state_dir / "error.log"), "-c", str(conf), "-g", "daemon off;"]
