"""The GB/T 9704-2012 clauses the document-format rules cite, each written once."""

DOC_NUMBER = "GB/T 9704-2012《党政机关公文格式》第7.2.5条（年份用六角括号〔〕括入，序号不编虚位、不加“第”字）"
FORMED_DATE = ("GB/T 9704-2012《党政机关公文格式》第7.3.5.4条（成文日期用阿拉伯数字将年、月、日标全，"
               "年份标全称，月、日不编虚位）")
ANNOTATION = "GB/T 9704-2012《党政机关公文格式》第7.3.6条（附注居左空二字加圆括号编排在成文日期下一行）"
