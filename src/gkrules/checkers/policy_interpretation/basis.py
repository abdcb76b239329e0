"""The legal basis the policy-interpretation rules cite, each written once."""

#: 国办发〔2016〕80号 §二: who drafts interprets, policy and interpretation in step
SYNC = ("《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）第二部分（“谁起草、谁解读”，"
        "政策文件与解读方案、解读材料同步组织、同步审签、同步部署）")

MISSING = SYNC + "；各地政策解读工作规范（如辽政办〔2022〕43号）：规章、行政规范性文件及涉及群众切身利益的政策文件应当解读"
LATE = SYNC + "；地方规定解读最迟在政策文件发布后 3 个工作日内发布（如郑州 2016 年规定），严格口径为同日发布"
ORPHAN = SYNC + "；政策解读页面应提供原文链接（政策文件与解读相互关联）"
EXCERPT = SYNC + "；地方政策解读规范（如安顺）：解读不得简单摘抄、压缩文件内容"
REPOST = SYNC + "（谁起草、谁解读）"
INTERNAL_RULE = SYNC + "；《政府信息公开条例》第十六条（内部事务信息）"
