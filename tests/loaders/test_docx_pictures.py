"""Unreadable means unchecked: a Word document whose body is pictures with (almost) no text —
a scan pasted into Word — gets ``engine/unreadable-content``; a logo beside text does not."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from loader_makers import _png

from gkrules import Engine, InputDocument

BODY = "关于印发办法的通知\n各单位：现将《青梧市统计数据管理办法》印发给你们，请认真贯彻执行。"


def _docx(paragraphs: list[str], pictures: int) -> bytes:
    import docx
    from docx.shared import Inches

    d = docx.Document()
    for _ in range(pictures):
        d.add_picture(_png(), width=Inches(4))
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def engine():
    return Engine("national")


def _engine_rules(engine, data: bytes) -> list[str]:
    report = engine.check([InputDocument("a.docx", data)], today=dt.date(2025, 11, 20))
    return [f.rule for f in report.documents[0].findings if f.checker == "engine"]


@pytest.mark.parametrize("pictures", [1, 3])
def test_a_body_of_pictures_is_unreadable_content(engine, pictures):
    assert _engine_rules(engine, _docx([], pictures)) == ["unreadable-content"]
    assert _engine_rules(engine, _docx(["附件"], pictures)) == ["unreadable-content"]


def test_a_picture_beside_text_is_not(engine):
    assert _engine_rules(engine, _docx(BODY.split("\n"), 1)) == []
    assert _engine_rules(engine, _docx(BODY.split("\n"), 0)) == []
