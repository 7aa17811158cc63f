print("zhixun")
