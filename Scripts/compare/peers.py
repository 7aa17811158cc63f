#!/usr/bin/env python3
"""The peer engines of ``Scripts/compare.sh``, each behind the same two commands.

    peers.py ENGINE build TOKENS_DIR INDEX_DIR
    peers.py ENGINE query TOKENS_DIR INDEX_DIR --top FILE [--repeat N] [--budget SECONDS]

``TOKENS_DIR`` holds what ``zhixun-bench tokenize`` wrote: ``docs.txt`` (one passage per line,
Zhixun's analysis as whitespace-separated ASCII tokens) and ``queries.txt`` (one query per line,
each token once). Every engine indexes those tokens as one text field with BM25 k1 = 1.2,
b = 0.75 (tantivy and SQLite FTS5 cannot change these, so every engine uses them) and answers
top-10 disjunctive queries on one thread.

Each command prints one JSON object. ``build`` reports seconds, index bytes and peak RSS.
``query`` opens the index, runs one untimed warm-up pass over all queries, then timed passes
(``--repeat``, fewer if ``--budget`` seconds run out) where only the engine's search call sits
inside the clock (query objects are built before it), and writes each query's top-10 passage
numbers (0-based corpus lines) to ``--top``.
"""

import argparse
import json
import os
import resource
import sys
import time

K1, B = 1.2, 0.75
TOP_K = 10


def peak_rss_bytes():
    """This process's peak resident set (``ru_maxrss`` is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def dir_bytes(path, skip=frozenset()):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files if f not in skip)


def doc_lines(tokens):
    with open(os.path.join(tokens, "docs.txt"), encoding="ascii") as f:
        for line in f:
            yield line.rstrip("\n")


def query_tokens(tokens):
    with open(os.path.join(tokens, "queries.txt"), encoding="ascii") as f:
        return [line.split() for line in f.read().split("\n")[:-1]]


class Tantivy:
    """tantivy-py: whitespace tokenizer, frequencies without positions, 2 indexing threads."""

    def build(self, tokens, index):
        import tantivy
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("body", stored=False, tokenizer_name="whitespace", index_option="freq")
        sb.add_unsigned_field("id", stored=True)
        os.makedirs(index, exist_ok=True)
        idx = tantivy.Index(sb.build(), path=index)
        writer = idx.writer(heap_size=1 << 30, num_threads=2)
        for i, line in enumerate(doc_lines(tokens)):
            writer.add_document(tantivy.Document(body=line, id=i))
        writer.commit()
        writer.wait_merging_threads()

    def open(self, index):
        import tantivy
        self.t = tantivy
        self.index = tantivy.Index.open(index)
        self.index.reload()
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

    def prepare(self, toks):
        t = self.t
        return t.Query.boolean_query([(t.Occur.Should, t.Query.term_query(self.schema, "body", x)) for x in toks])

    def search(self, query):
        return self.searcher.search(query, TOP_K).hits

    def ids(self, result):
        return [self.searcher.doc(address)["id"][0] for _, address in result]


class BM25S:
    """bm25s, method "lucene"; ``numba`` selects its numba scorer (otherwise numpy)."""

    def __init__(self, numba):
        self.backend = "numba" if numba else "numpy"

    def build(self, tokens, index):
        import bm25s
        corpus = [line.split() for line in doc_lines(tokens)]
        retriever = bm25s.BM25(method="lucene", k1=K1, b=B, backend=self.backend)
        retriever.index(corpus, show_progress=False)
        retriever.save(index)

    def open(self, index):
        import bm25s
        self.retriever = bm25s.BM25.load(index, backend=self.backend)
        self.vocab = self.retriever.vocab_dict

    def prepare(self, toks):
        known = [t for t in toks if t in self.vocab]
        return [known] if known else None

    def search(self, query):
        if query is None:
            return None
        return self.retriever.retrieve(query, k=TOP_K, show_progress=False, n_threads=0)

    def ids(self, result):
        if result is None:
            return []
        docs, scores = result.documents[0], result.scores[0]
        return [int(d) for d, s in zip(docs, scores) if s > 0]


class Pisa:
    """PISA through pyterrier-pisa: no stemming, no stopwords, block_simdbp, its default
    query algorithm (block-max WAND), called through its retrieval entry point directly."""

    def build(self, tokens, index):
        from pyterrier_pisa import PisaIndex
        idx = PisaIndex(index, text_field="text", stemmer="none", stops="none", threads=2)
        idx.index({"docno": str(i), "text": line} for i, line in enumerate(doc_lines(tokens)))
        # PISA compresses the postings and computes block-max data on first retrieval: that is
        # build work, so do it here.
        idx.bm25(k1=K1, b=B, num_results=TOP_K, threads=2)

    # Files PISA needs only while building (forward index, uncompressed postings).
    build_only = {"fwd", "inv.docs", "inv.freqs"}

    def open(self, index):
        import numpy as np
        from pyterrier_pisa import PisaIndex, _pisathon
        idx = PisaIndex(index, stemmer="none", stops="none", threads=1)
        self.retr = idx.bm25(k1=K1, b=B, num_results=TOP_K, threads=1)
        self.retr.reset_retrieval_context()
        self.pisathon = _pisathon
        self.out = dict(
            result_qidxs=np.ascontiguousarray(np.empty(TOP_K, dtype=np.int32)),
            result_docnos=np.ascontiguousarray(np.empty(TOP_K, dtype=object)),
            result_ranks=np.ascontiguousarray(np.empty(TOP_K, dtype=np.int32)),
            result_scores=np.ascontiguousarray(np.empty(TOP_K, dtype=np.float32)))

    def prepare(self, toks):
        return [(0, " ".join(toks))]

    def search(self, query):
        return self.pisathon.retrieve(self.retr._ctxt, self.retr.query_algorithm.value, query, k=TOP_K,
                                      threads=1, query_weighted=0, pretokenised=False, **self.out)

    def ids(self, size):
        return [int(d) for d in self.out["result_docnos"][:size]]


class FTS5:
    """SQLite FTS5 through Python's sqlite3 (bm25() is fixed at k1 = 1.2, b = 0.75)."""

    def build(self, tokens, index):
        import sqlite3
        os.makedirs(index, exist_ok=True)
        con = sqlite3.connect(os.path.join(index, "fts.db"))
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                          "CREATE VIRTUAL TABLE docs USING fts5(body);")
        con.executemany("INSERT INTO docs(rowid, body) VALUES (?, ?)",
                        ((i, line) for i, line in enumerate(doc_lines(tokens))))
        con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
        con.commit()
        con.close()

    def open(self, index):
        import sqlite3
        self.con = sqlite3.connect(os.path.join(index, "fts.db"))

    def prepare(self, toks):
        return " OR ".join(f'"{t}"' for t in toks)

    def search(self, query):
        if not query:
            return []
        return self.con.execute("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10", (query,)).fetchall()

    def ids(self, rows):
        return [r[0] for r in rows]


ENGINES = {
    "tantivy": Tantivy,
    "bm25s": lambda: BM25S(numba=False),
    "bm25s-numba": lambda: BM25S(numba=True),
    "pisa": Pisa,
    "fts5": FTS5,
}


def run_build(engine, tokens, index):
    start = time.perf_counter()
    engine.build(tokens, index)
    seconds = time.perf_counter() - start
    return {"build_seconds": seconds, "index_bytes": dir_bytes(index, getattr(engine, "build_only", frozenset())),
            "disk_bytes": dir_bytes(index), "peak_rss_bytes": peak_rss_bytes()}


def run_query(engine, tokens, index, top, repeat, budget):
    queries = query_tokens(tokens)
    before = rss_bytes()
    start = time.perf_counter()
    engine.open(index)
    open_seconds = time.perf_counter() - start
    rss_after_open = rss_bytes()
    prepared = [engine.prepare(q) for q in queries]
    clock = time.perf_counter
    for q in prepared:  # warm-up
        engine.search(q)
    latencies = []
    passes = 0
    began = clock()
    while passes < repeat:
        for q in prepared:
            t0 = clock()
            engine.search(q)
            latencies.append(clock() - t0)
        passes += 1
        if clock() - began > budget:
            break
    with open(top, "w") as f:
        for q in prepared:
            f.write(" ".join(str(i) for i in engine.ids(engine.search(q))) + "\n")
    latencies.sort()
    pick = lambda p: latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1e6
    return {"queries": len(latencies), "passes": passes, "open_seconds": open_seconds,
            "rss_before_open_bytes": before, "rss_after_open_bytes": rss_after_open,
            "peak_rss_bytes": peak_rss_bytes(), "p50_us": pick(0.50), "p90_us": pick(0.90),
            "p99_us": pick(0.99), "mean_us": sum(latencies) / len(latencies) * 1e6,
            "qps": len(latencies) / sum(latencies)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("engine", choices=sorted(ENGINES))
    parser.add_argument("mode", choices=["build", "query"])
    parser.add_argument("tokens")
    parser.add_argument("index")
    parser.add_argument("--top", help="file for each query's top-10 passage numbers (query mode)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budget", type=float, default=60.0, help="stop timed passes after this many seconds")
    args = parser.parse_args()
    engine = ENGINES[args.engine]()
    if args.mode == "build":
        result = run_build(engine, args.tokens, args.index)
    else:
        if not args.top:
            parser.error("query needs --top FILE")
        result = run_query(engine, args.tokens, args.index, args.top, args.repeat, args.budget)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
