"""Keyed fingerprints: a report's fingerprints and masked evidence cannot be turned back into
the personal values they stand for; the same installation key gives the same fingerprints."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gkrules import Engine, InputDocument
from gkrules import fingerprints as fp

TODAY = dt.date(2025, 11, 20)
MOBILE = "13912345678"
TEXT = f"关于开放日活动的通知\n联系人手机：{MOBILE}\n"


@pytest.fixture
def key_env(monkeypatch, tmp_path):
    monkeypatch.delenv(fp.ENV_KEY, raising=False)
    monkeypatch.delenv(fp.ENV_KEY_FILE, raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    fp.installation_key.cache_clear()
    yield tmp_path
    fp.installation_key.cache_clear()


def _mobile_finding():
    report = Engine("national").check([InputDocument("a.txt", TEXT)], today=TODAY)
    found = [f for f in report.documents[0].findings if f.rule == "mobile"]
    assert len(found) == 1
    return found[0]


def test_the_key_is_created_on_first_use_for_the_owner_only(key_env):
    key = fp.installation_key()
    path = key_env / "state" / "gkrules" / "fingerprint.key"
    assert path.is_file() and len(key) == fp.KEY_BYTES
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    fp.installation_key.cache_clear()
    assert fp.installation_key() == key  # read back, not made again


def test_concurrent_first_runs_agree_on_one_key(key_env):
    code = "from gkrules.fingerprints import installation_key; print(installation_key().hex())"
    env = dict(os.environ)
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=env) for _ in range(6)]
    keys = {p.communicate(timeout=60)[0].strip() for p in procs}
    assert len(keys) == 1


def test_same_key_same_fingerprints_other_key_other_fingerprints(key_env, monkeypatch):
    monkeypatch.setenv(fp.ENV_KEY, "11" * 32)
    fp.installation_key.cache_clear()
    first = _mobile_finding().fingerprint
    fp.installation_key.cache_clear()
    assert _mobile_finding().fingerprint == first  # a baseline recorded here still matches
    keyfile = key_env / "cluster.key"
    keyfile.write_text("22" * 32, encoding="ascii")
    monkeypatch.delenv(fp.ENV_KEY)
    monkeypatch.setenv(fp.ENV_KEY_FILE, str(keyfile))
    fp.installation_key.cache_clear()
    assert _mobile_finding().fingerprint != first


def test_an_invalid_key_is_a_clear_error(key_env, monkeypatch):
    from gkrules.errors import UsageError

    monkeypatch.setenv(fp.ENV_KEY, "not hex")
    fp.installation_key.cache_clear()
    with pytest.raises(UsageError, match="十六进制"):
        fp.installation_key()


def test_brute_force_over_the_masked_evidence_recovers_nothing(key_env):
    """What an attacker with the report can try: every mobile the evidence allows, hashed as
    the fingerprints used to be (unkeyed), numbered as the engine numbers them."""
    finding = _mobile_finding()
    assert MOBILE not in repr(finding)
    head, tail = finding.evidence.split("****")
    hits = []
    for middle in range(10 ** (11 - len(head) - len(tail))):
        candidate = f"{head}{middle:04d}{tail}"
        for version in ("v1", "v2"):
            base = hashlib.sha256(f"gkrules/{version}\0personal-info\0mobile\0{candidate}".encode()).hexdigest()
            if hashlib.sha256(f"{base}:0".encode()).hexdigest()[:32] == finding.fingerprint:
                hits.append(candidate)
    assert hits == []


def test_the_key_never_appears_in_a_report(key_env, tmp_path):
    key = fp.installation_key().hex()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, "-m", "gkrules", "check", str(tmp_path / "a.txt"), "--format", "json"],
                          capture_output=True, env=env, timeout=60)
    assert proc.returncode in (0, 1) and b'"mobile"' in proc.stdout
    assert key.encode() not in proc.stdout + proc.stderr
    assert Path(env["XDG_STATE_HOME"], "gkrules", "fingerprint.key").is_file()


def test_the_redaction_report_stays_out_of_the_folder_meant_for_publication(tmp_path):
    import gkrules

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    gkrules.redact([tmp_path / "in"], output=out, today=TODAY)
    assert sorted(p.name for p in out.iterdir()) == ["a.txt"]
    assert MOBILE not in (out / "a.txt").read_text(encoding="utf-8")
    assert (tmp_path / "out.redaction-report.json").is_file()
    # asked for explicitly, it goes where it is asked
    gkrules.redact([tmp_path / "in"], output=tmp_path / "o2", today=TODAY, report_path=tmp_path / "o2" / "r.json")
    assert (tmp_path / "o2" / "r.json").is_file()
