"""Keyed fingerprints: HMAC-SHA256 under a key of this installation, kept outside reports.

A fingerprint identifies a finding across runs (baselines, SARIF) and hashes the matched
value; with a plain hash, anyone holding a report could hash every candidate value
(10^4 mobiles behind ``139****5678``, a few million ID numbers) and find the one that
matches. Under a secret key that is impossible without the key, and the key never goes
into a report, a baseline or a log.

Where the key comes from, first match wins:

1. ``GKRULES_FINGERPRINT_KEY``: the key itself (at least 32 hex digits) — a secret store
   that hands every server of a cluster the same value;
2. ``GKRULES_FINGERPRINT_KEY_FILE``: a file holding it (a mounted secret);
3. ``$XDG_STATE_HOME/gkrules/fingerprint.key`` (default ``~/.local/state/gkrules/``),
   created on first use with 32 random bytes, readable by its owner only.

Every process that must agree on fingerprints (the servers of a cluster, a CI runner that
checks a baseline recorded elsewhere) needs the same key.
"""

from __future__ import annotations

import contextlib
import functools
import hmac
import os
import secrets
from pathlib import Path

from gkrules.errors import UsageError

ENV_KEY = "GKRULES_FINGERPRINT_KEY"
ENV_KEY_FILE = "GKRULES_FINGERPRINT_KEY_FILE"
KEY_BYTES = 32


def default_key_path() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(state) / "gkrules" / "fingerprint.key"


def _parse(text: str, where: str) -> bytes:
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        raise UsageError(f"指纹密钥（{where}）无效：应为十六进制字符串") from None
    if len(key) < 16:
        raise UsageError(f"指纹密钥（{where}）过短：至少 32 个十六进制字符")
    return key


def _read(path: Path, where: str) -> bytes:
    try:
        return _parse(path.read_text(encoding="ascii"), where)
    except (OSError, UnicodeDecodeError):
        raise UsageError(f"无法读取指纹密钥文件 {path}（{where}）") from None


def _create(path: Path) -> bytes:
    """Create the key file atomically: concurrent first runs all end up with one key."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_hex(KEY_BYTES) + "\n")
        try:
            os.link(tmp, path)  # fails if another process was first: then its key counts
        except FileExistsError:
            pass
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    except OSError:
        raise UsageError(f"无法创建指纹密钥文件 {path}：请设置环境变量 {ENV_KEY} 或 {ENV_KEY_FILE}") from None
    return _read(path, "自动创建")


@functools.cache
def installation_key() -> bytes:
    """The key of this installation (read once per process; see the module docstring)."""
    raw = os.environ.get(ENV_KEY)
    if raw:
        return _parse(raw, f"环境变量 {ENV_KEY}")
    file = os.environ.get(ENV_KEY_FILE)
    if file:
        return _read(Path(file), f"环境变量 {ENV_KEY_FILE}")
    path = default_key_path()
    if path.exists():
        return _read(path, str(path))
    return _create(path)


def keyed_digest(message: str) -> str:
    """HMAC-SHA256 of ``message`` under the installation key, hex (``hmac.digest``: the
    one-call C path, the same digest as ``hmac.new(...).hexdigest()`` at half the cost; every
    finding has one)."""
    return hmac.digest(installation_key(), message.encode("utf-8", "surrogatepass"), "sha256").hex()


__all__ = ["ENV_KEY", "ENV_KEY_FILE", "default_key_path", "installation_key", "keyed_digest"]
