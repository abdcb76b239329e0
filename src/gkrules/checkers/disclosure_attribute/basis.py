"""The legal basis the disclosure-attribute rules cite, each written once."""

#: the attribute is fixed while drafting and approved with the document
DRAFTING = ("《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）第一部分第（一）项"
            "（公文拟稿时明确主动公开、依申请公开、不予公开的公开属性，随公文一并报批）")
WITHHELD = DRAFTING + "；《政府信息公开条例》第十四条、第十五条、第十六条"
NORMATIVE = ("《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）"
             "（行政规范性文件应当向社会公开发布，不得以内部文件形式印发执行，未经公布的不得作为行政管理依据）；" + DRAFTING)
ON_REQUEST = DRAFTING + "；《政府信息公开条例》第二十七条（依申请公开）、第四十四条（可转为主动公开）"
CONFLICT = "GB/T 9704-2012《党政机关公文格式》第7.3.6条；《党政机关公文处理工作条例》第九条第（十二）项；" + DRAFTING
