#!/usr/bin/env python3
"""Deterministic synthetic search queries for the Zhixun synthetic tax corpus.

Writes one JSON object per line (UTF-8, ``ensure_ascii=False``, compact):

    {"qid":"q0001","query":"…"}

Queries use the same vocabulary as ``gen_corpus.py`` (imported from it, so
both share words and Zipf ranks) but favour mid-frequency words, as real
users rarely search for function words: ``REAL_WORD_SHARE`` of the words are
real tax terms (ranks after the function words, weight rank^-0.5) and the
rest are pseudo-words from ranks up to ``MAX_RANK`` (weight rank^-0.7). A query
concatenates 2–5 words, sometimes with filler such as 请问/怎么/如何 or 吗, and
occasionally a digit or Latin token (2024年, VAT, 12366, …). Every query has
4–20 Han characters and queries are distinct. Output is byte-identical for a
given ``--seed`` and ``--count``. Standard library only.
"""

import argparse
import bisect
import itertools
import json
import sys
from random import Random

import tax_vocabulary as tv
from gen_corpus import cum_of, default_vocabulary

HAN_MIN, HAN_MAX = 4, 20
MAX_RANK = 20_000               # pseudo-words are drawn from ranks below this
REAL_WORD_SHARE = 0.4           # share of query words that are real tax terms
REAL_EXPONENT, PSEUDO_EXPONENT = 0.5, 0.7
WORD_COUNTS = ((2, 30), (3, 35), (4, 22), (5, 13))
PREFIX_RATE, SUFFIX_RATE, SPECIAL_RATE = 0.25, 0.2, 0.06
MAX_ATTEMPTS_FACTOR = 1_000     # give up after count * factor draws


def han_count(text):
    """Return the number of CJK unified ideographs in ``text``."""
    return sum(1 for c in text if tv.HAN_FIRST <= c <= tv.HAN_LAST)


def ranked_sampler(words, first_rank, exponent):
    """Return ``(words, cum_weights)`` with weights ``rank ** -exponent``.

    ``first_rank`` is the 1-based rank of ``words[0]`` in the full vocabulary.
    """
    weights = ((first_rank + i) ** -exponent for i in range(len(words)))
    return tuple(words), tuple(itertools.accumulate(weights))


def query_samplers(vocab):
    """Build the word-count, real-word and pseudo-word samplers for queries."""
    real = vocab.words[vocab.content_start:vocab.real_count]
    pseudo = vocab.words[vocab.real_count:MAX_RANK]
    return (cum_of(WORD_COUNTS),
            ranked_sampler(real, vocab.content_start + 1, REAL_EXPONENT),
            ranked_sampler(pseudo, vocab.real_count + 1, PSEUDO_EXPONENT))


def draw(rng, sampler):
    """Draw one value from a ``(values, cum_weights)`` sampler."""
    values, cum = sampler
    return values[min(bisect.bisect_right(cum, rng.random() * cum[-1]), len(values) - 1)]


def make_query(rng, vocab, samplers):
    """Build one candidate query; may violate the Han length bounds."""
    counts, real, pseudo = samplers
    words = []
    for _ in range(draw(rng, counts)):
        word = draw(rng, real if rng.random() < REAL_WORD_SHARE else pseudo)
        if not words or words[-1] != word:
            words.append(word)
    if rng.random() < SPECIAL_RATE:
        special = vocab.specials[int(rng.random() * len(vocab.specials))]
        words.insert(int(rng.random() * (len(words) + 1)), special)
    if rng.random() < PREFIX_RATE:
        words.insert(0, tv.QUERY_PREFIXES[int(rng.random() * len(tv.QUERY_PREFIXES))])
    if rng.random() < SUFFIX_RATE:
        words.append(tv.QUERY_SUFFIXES[int(rng.random() * len(tv.QUERY_SUFFIXES))])
    return "".join(words)


def generate_queries(count, seed, vocab=None):
    """Return ``count`` distinct queries, deterministic for ``seed``."""
    vocab = vocab or default_vocabulary()
    rng, samplers = Random(f"zhixun-queries:{seed}"), query_samplers(vocab)
    queries, seen = [], set()
    for _ in range(count * MAX_ATTEMPTS_FACTOR):
        if len(queries) == count:
            break
        query = make_query(rng, vocab, samplers)
        if HAN_MIN <= han_count(query) <= HAN_MAX and query not in seen:
            seen.add(query)
            queries.append(query)
    else:
        raise RuntimeError(f"could only build {len(queries)} distinct queries")
    return queries


def write_queries(out, queries):
    """Write ``queries`` as ``{"qid","query"}`` JSON lines to text stream ``out``."""
    width = max(4, len(str(len(queries))))
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for n, query in enumerate(queries, 1):
        out.write(encode({"qid": f"q{n:0{width}d}", "query": query}) + "\n")


def parse_args(argv=None):
    """Parse command-line arguments."""
    parser = argparse.ArgumentParser(
        description="Generate deterministic synthetic tax search queries (JSON lines) "
                    "over the same vocabulary as gen_corpus.py.")
    parser.add_argument("--count", type=int, required=True, metavar="N",
                        help="number of distinct queries to write")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default: 7)")
    parser.add_argument("--out", required=True, metavar="FILE.jsonl",
                        help="output path ('-' for stdout)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be non-negative")
    return args


def main(argv=None):
    """Command-line entry point."""
    args = parse_args(argv)
    queries = generate_queries(args.count, args.seed)
    if args.out == "-":
        write_queries(sys.stdout, queries)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n") as out:
            write_queries(out, queries)


if __name__ == "__main__":
    main()
