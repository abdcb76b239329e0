"""The review record in a database: SQLite (WAL) for one server, PostgreSQL for several.

One table, ``gkrules_decision``, holds every decision ever made, one row each, and is only
ever inserted into: the record's current entry for a finding is its latest row, the earlier
rows are its history. Concurrent reviewers therefore cannot overwrite each other (there is
no read-modify-write), and the history is append-only by construction. Written with
SQLAlchemy Core so the same code runs on both back ends (no SQL per back end); the schema
carries its version in ``gkrules_schema`` and :func:`migrate` brings an older database up
to date (one step so far) — a small versioned schema rather than Alembic, whose machinery
(env.py, script folder) would outweigh one table.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping

from gkrules.baseline.decide import Decision, enforce
from gkrules.baseline.policy import ReviewPolicy
from gkrules.baseline.record import Baseline, Entry, Review
from gkrules.errors import UsageError
from gkrules.model import Severity

SCHEMA_VERSION = 1


def _tables():
    import sqlalchemy as sa

    meta = sa.MetaData()
    version = sa.Table("gkrules_schema", meta, sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                       sa.Column("version", sa.Integer, nullable=False))
    decision = sa.Table(
        "gkrules_decision", meta,
        sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("checker", sa.String(200), nullable=False),
        sa.Column("rule", sa.String(200), nullable=False),
        sa.Column("severity", sa.String(8), nullable=False),
        sa.Column("title", sa.Text, nullable=False, default=""),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("stage", sa.String(8), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("document_sha256", sa.String(64)),
        sa.Column("bulk", sa.Boolean, nullable=False, default=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Index("ix_gkrules_decision_key", "document", "fingerprint"),
    )
    return meta, version, decision


class SqlStore:
    def __init__(self, url: str):
        try:
            import sqlalchemy as sa
        except ImportError:
            raise UsageError("数据库审查记录需要额外的依赖：pip install 'gkrules[db]'") from None
        self.url = url
        kwargs = {}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": 60}
        try:
            self.engine = sa.create_engine(url, future=True, **kwargs)
        except Exception as exc:  # unknown dialect, missing driver
            raise UsageError(f"无法打开审查记录数据库（{type(exc).__name__}）：请检查地址格式，"
                             "如 sqlite:///记录.db、postgresql+psycopg://用户@主机/库") from None
        if url.startswith("sqlite"):
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self.meta, self.version, self.table = _tables()
        migrate(self)

    def read(self) -> Baseline:
        import sqlalchemy as sa

        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(self.table).order_by(self.table.c.id)).mappings().all()
        return fold(rows)

    def record(self, decisions: Iterable[Decision], policy: ReviewPolicy,
               titles: Mapping[tuple[str, str], str] | None = None) -> Baseline:
        decisions = enforce(policy, decisions)
        now = dt.datetime.now(dt.timezone.utc)
        rows = [_row(d, (titles or {}).get((d.finding.checker, d.finding.rule), ""), now) for d in decisions]
        if rows:
            with self.engine.begin() as conn:  # one transaction: all decisions or none
                conn.execute(self.table.insert(), rows)
        return self.read()


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cur.execute("PRAGMA busy_timeout=60000")
    cur.close()


def migrate(store: SqlStore, attempts: int = 20) -> None:
    """Create the tables, or bring an older schema up to :data:`SCHEMA_VERSION`.

    Several processes may open a new database at once: the loser of the race to create a
    table (or to insert the single version row, id 1) sees a database error and tries again,
    finding the work done."""
    import sqlalchemy as sa

    for attempt in range(attempts):
        try:
            with store.engine.begin() as conn:
                store.meta.create_all(conn, checkfirst=True)
                found = conn.execute(sa.select(store.version.c.version).where(store.version.c.id == 1)).scalar()
                if found is None:
                    conn.execute(store.version.insert(), {"id": 1, "version": SCHEMA_VERSION})
            break
        except sa.exc.DBAPIError:
            if attempt == attempts - 1:
                raise UsageError("无法建立审查记录数据库的表（多次重试失败），请检查数据库权限") from None
            time.sleep(0.05 * (attempt + 1))
    if found is not None and found > SCHEMA_VERSION:
        raise UsageError(f"审查记录数据库的版本（{found}）比本程序支持的（{SCHEMA_VERSION}）新：请升级 gkrules")


def _row(d: Decision, title: str, now: dt.datetime) -> dict:
    f, r = d.finding, d.review
    return {"document": d.document, "fingerprint": f.fingerprint, "checker": f.checker, "rule": f.rule,
            "severity": f.severity.value, "title": title, "reviewer": r.reviewer, "stage": r.stage,
            "decision": r.decision, "reason": r.reason, "date": r.date, "document_sha256": d.document_sha256,
            "bulk": bool(r.bulk), "recorded_at": now}


def fold(rows) -> Baseline:
    """Rows in insertion order as a record: the latest row per finding is its entry."""
    by_key: dict[tuple[str, str], list] = defaultdict(list)
    for row in rows:
        by_key[(row["document"], row["fingerprint"])].append(row)
    entries = []
    for (document, fingerprint), group in by_key.items():
        reviews = [Review(g["reviewer"], g["stage"], g["reason"], g["date"], g["decision"], g["document_sha256"],
                          bool(g["bulk"])) for g in group]
        last, cur = group[-1], reviews[-1]
        entries.append(Entry(document=document, fingerprint=fingerprint, checker=last["checker"], rule=last["rule"],
                             severity=Severity(last["severity"]), reviewer=cur.reviewer, stage=cur.stage,
                             reason=cur.reason, date=cur.date, title=last["title"] or "", decision=cur.decision,
                             document_sha256=cur.document_sha256, bulk=cur.bulk, history=tuple(reviews[:-1])))
    return Baseline().with_entries(entries)
