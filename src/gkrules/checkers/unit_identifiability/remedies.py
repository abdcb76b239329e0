"""Remedies to suggest (unit-identifiability.md §9). gkrules suggests; it never applies them."""

from __future__ import annotations

from .tables import TableView

SMALL_CELL = ("将该类别与相邻类别合并（调整表式，比隐藏更安全），或并入“其他”；如改为隐藏，"
              "须同时隐藏足够的其他单元格并重新检查，防止通过合计反推。")
DOMINANCE = "合并类别，或隐藏该单元格并配套隐藏其他单元格后重新检查；集中度规则的参数不应写入公开材料。"
NEGATIVE = "该单元格含负值贡献，集中度规则不适用：请人工复核，必要时按绝对值计算或合并类别。"
GROUP = "改为不指明单位数的表述，或与其他组别合并后再公布。"
SINGLETON = "该关系中只剩两个隐藏值且其中一个只有1个单位，该单位可反推另一个：再隐藏同一关系中的另一单元格，或合并类别。"


def rectangle(view: TableView, r: int, c: int) -> str:
    """A concrete complementary suppression: one more cell in the same row, one in the same
    column and the opposite corner, preferring published non-zero cells (Hypercube-style)."""
    cols = [col.index for col in view.columns if col.role in ("count", "magnitude") and col.index != c
            and not col.is_total]
    rows = [i for i, row in enumerate(view.rows) if i != r and row.kind == "body"]

    def usable(i: int, j: int) -> bool:
        e = view.entry(i, j)
        return e.kind == "number" and bool(e.value)

    for j in cols:
        if not usable(r, j):
            continue
        for i in rows:
            if usable(i, c) and usable(i, j):
                return (f"在同一行再隐藏“{view.columns[j].header.strip()}”、同一列再隐藏“{view.rows[i].label.strip()}”，"
                        "并隐藏二者交叉处的单元格，使隐藏值构成矩形；或同时隐藏相应合计。完成后重新检查。")
    return "增加隐藏的单元格，使每个隐藏值都处在隐藏值构成的闭合矩形中（或同时隐藏合计），然后重新检查；也可合并类别。"
