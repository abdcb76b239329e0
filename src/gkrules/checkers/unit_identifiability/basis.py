"""The legal basis the unit-identifiability rules cite, each written once."""

LAW = "《中华人民共和国统计法》（2024）第二十八条、第四十二条第（三）项"
REG = "《中华人民共和国统计法实施条例》第二十九条"
#: aggregates from which a single respondent can be inferred (实施条例第二十九条第（三）项)
AGGREGATE = f"{LAW}；{REG}第（三）项（可以推断单个统计调查对象身份的汇总资料）"
#: material that names a single respondent (实施条例第二十九条第（一）项)
NAMED = f"{LAW}；{REG}第（一）项（直接标明单个统计调查对象身份的资料）"
#: what a reviewer must look at (统计法第二十九条: 依法应当保密的除外)
REVIEW = f"{LAW}；{REG}；《中华人民共和国统计法》（2024）第二十九条（依法应当保密的除外）"
