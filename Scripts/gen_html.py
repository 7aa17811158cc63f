#!/usr/bin/env python3
"""Turn synthetic corpus lines (gen_corpus.py output) into HTML policy pages for the ingest benchmark.

Each page has the chrome a real government site carries (header, nav, script, style, footer, aside,
comments), an <h1> title, a document number and date, chapter headings, article paragraphs and a
table, so the parser does the work it does on real pages.

    python3 Scripts/gen_html.py --corpus bench-out/data/corpus-10000.jsonl --pages 2000 --out DIR
"""
import argparse
import html
import json
import os

CHINESE_NUMERALS = "一二三四五六七八九十"


def numeral(n: int) -> str:
    """Chinese numeral for 1..99."""
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (CHINESE_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (CHINESE_NUMERALS[ones - 1] if ones else "")


def page(doc: dict, index: int) -> str:
    """One HTML page for a corpus line."""
    sentences = [s for s in doc["body"].replace("；", "。").split("。") if s.strip()]
    parts, article = [], 1
    for chapter in range(1, 4):
        parts.append(f"<h2>第{numeral(chapter)}章 {html.escape(doc['title'][:6])}</h2>")
        for s in sentences[(chapter - 1) * len(sentences) // 3: chapter * len(sentences) // 3]:
            parts.append(f"<p>第{numeral(article)}条 {html.escape(s)}。</p>")
            article += 1
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(doc['title'])} - 税务局</title>
<style>body {{ font-family: sans-serif; }}</style><script>window.analytics = {{ page: {index} }};</script></head>
<body><header><div class="banner">国家税务总局某某省税务局</div></header>
<nav><a href="/">首页</a> <a href="/zcfg/">政策法规</a> <a href="/nsfw/">纳税服务</a></nav>
<!-- main content -->
<main><h1>{html.escape(doc['title'])}</h1><p>智询说明〔2024〕{index}号 {doc.get('published', '2024-01-01')[:4]}年1月1日发布</p>
{''.join(parts)}
<table><tr><th>项目</th><th>说明</th></tr><tr><td>{html.escape(doc.get('category', ''))}</td><td>{html.escape(doc.get('region', ''))}</td></tr></table>
<p><a href="https://example.invalid/etax">前往电子税务局</a></p></main>
<aside>相关链接</aside><footer>版权所有 © 2024</footer></body></html>
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", required=True, help="JSONL from gen_corpus.py")
    parser.add_argument("--pages", type=int, default=2000, help="number of pages to write")
    parser.add_argument("--out", required=True, help="output folder")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with open(args.corpus, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= args.pages:
                break
            with open(os.path.join(args.out, f"page-{i:06d}.html"), "w", encoding="utf-8") as out:
                out.write(page(json.loads(line), i + 1))


if __name__ == "__main__":
    main()
