"""The legal basis the hidden-content rules cite, each written once."""

REVIEW = ("《政府信息公开条例》第十四条、第十五条、第十七条（公开前审查，不得公开涉及国家秘密、商业秘密、"
          "个人隐私的信息）")
PERSONAL = "《中华人民共和国个人信息保护法》第四条、第十三条；" + REVIEW
STATISTICS = "《中华人民共和国统计法》（2024）第三十九条（统计调查对象的资料应当保密）；" + REVIEW
