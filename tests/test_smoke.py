import datetime as dt

from gkrules.testing import check_text, rules_of


def test_marked_head_blocks_and_mention_does_not():
    marked = check_text("000047\n秘密★3年\n加急\n\n青梧市统计局文件\n", checker="confidential-marker",
                        today=dt.date(2024, 4, 8))
    assert rules_of(marked.findings) == ["secrecy-mark"]
    assert marked.findings[0].location.line == 2
    mention = check_text("国家秘密的密级分为绝密、机密、秘密三级。\n", checker="confidential-marker")
    assert mention.findings == ()
