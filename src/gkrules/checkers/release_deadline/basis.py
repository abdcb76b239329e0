"""The legal basis the release-deadline rules cite, each written once.

The texts of the regulation's articles live in :mod:`gkrules.deadlines.params`: the checker,
``gkrules deadlines`` and the API read the same rule-set section and cite the same texts
(``default_basis`` and each category's ``basis`` are what a finding cites for its period).
Here they are composed into what each rule declares.
"""

from gkrules.deadlines.params import ART_26, BASIS_49, BASIS_118

#: how working days are counted (every deadline rule says so)
CALENDAR = "工作日按国务院办公厅每年的节假日安排计算（含调休上班日），起算日不计入（《中华人民共和国民法典》第二百零一条）"

LATE = f"{ART_26}；{BASIS_118}；{BASIS_49}。{CALENDAR}"
#: historical and due-soon: the 20-working-day period, counted on the calendar
PERIOD = f"{ART_26}。{CALENDAR}"
DATES = ART_26
UNPARSEABLE_DATE = f"{ART_26}；GB/T 9704-2012 第7.3.5.4条（成文日期）"
PERIODIC = ("《政府信息公开条例》第四十九条（每年1月31日前公布上一年度政府信息公开工作年度报告）；"
            "规则集中配置的其他定期公开事项（如统计公报、统计年鉴）的公布期限")
