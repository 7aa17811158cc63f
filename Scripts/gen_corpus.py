#!/usr/bin/env python3
"""Deterministic synthetic Chinese tax-consultation corpus for Zhixun benchmarks.

Writes one JSON object per line (UTF-8, ``ensure_ascii=False``, compact):

    {"id":"syn-0000001","kind":"policy","title":"…","body":"…","tags":["…"],
     "category":"…","region":"…","status":"current","published":"YYYY-MM-DD"}

Text is drawn from the shared vocabulary of ``tax_vocabulary.py``: ~60,000
words with Zipf weights (rank^-1.0), real tax words on the top ranks and 2–4
character pseudo-words in the tail; about 3% of body tokens are digits (years,
amounts, 第N条, rates) or Latin tokens (VAT, PDF, OFD, …). Bodies are 200–2,000
characters (uniform; the cut at a sentence end may lose a character or two),
split by ，、；： into clauses and by 。 into sentences of roughly 8–40
characters. Titles have 8–30 characters and 1–4 tags come from the vocabulary.

Output is byte-identical for a given ``--seed`` whatever ``--jobs`` is, and a
smaller ``--passages`` yields a prefix of a larger run. The vocabulary never
depends on ``--seed``, so corpora and query sets always share it.

Speed: tokens come from an alias-method sampler driven by raw random bytes
and all per-token and per-clause work runs in C via ``map``/``itertools``.
Passages are produced in blocks of ``BLOCK`` with independently seeded
generators, which lets ``--jobs`` split the work across processes.
Standard library only.
"""

import argparse
import bisect
import datetime
import functools
import itertools
import json
import multiprocessing
import operator
import os
import sys
import time
from random import Random

import tax_vocabulary as tv
from tax_vocabulary import default_vocabulary, random_u16, sample_tokens

SHAPE_POOL = 1 << 16           # sentence shapes per corpus; indexed by 16-bit values
BLOCK = 10_000                 # passages per independently seeded block
BODY_MIN, BODY_MAX = 200, 2000
TITLE_MIN, TITLE_MAX = 8, 30
SENTENCE_MIN, SENTENCE_MAX = 8, 40
CLAUSE_MIN, CLAUSE_MAX = 4, 16
CLAUSE_PUNCT = (("，", 70), ("、", 12), ("；", 10), ("：", 8))
PUNCTUATION = "，。；：、"
DATE_FIRST = datetime.date(2010, 1, 1).toordinal()
DATE_LAST = datetime.date(2025, 12, 31).toordinal()
PROGRESS_EVERY = 50_000


def cum_of(pairs):
    """Split (value, weight) pairs into a values tuple and cumulative weights."""
    return tuple(v for v, _ in pairs), tuple(itertools.accumulate(w for _, w in pairs))


@functools.cache
def sentence_shapes(seed, count=SHAPE_POOL):
    """Draw ``count`` sentence shapes ``(length, clause_lengths, punctuation)``.

    A sentence of SENTENCE_MIN..SENTENCE_MAX characters (punctuation included)
    is cut into clauses of at least CLAUSE_MIN characters, each followed by
    ，、；： except the last, which ends in 。.
    """
    rand = Random(f"zhixun-shapes:{seed}").random
    marks, mark_cum = cum_of(CLAUSE_PUNCT)
    shapes = []
    for _ in range(count):
        length = SENTENCE_MIN + int(rand() * (SENTENCE_MAX - SENTENCE_MIN + 1))
        remaining, clauses, puncts = length, [], []
        while True:
            clause = CLAUSE_MIN + int(rand() * (CLAUSE_MAX - CLAUSE_MIN + 1))
            if remaining - clause - 1 < CLAUSE_MIN + 1:
                clauses.append(remaining - 1)
                puncts.append("。")
                break
            clauses.append(clause)
            puncts.append(marks[bisect.bisect_right(mark_cum, rand() * mark_cum[-1])])
            remaining -= clause + 1
        shapes.append((length, tuple(clauses), tuple(puncts)))
    return tuple(shapes)


def make_body(vocab, shapes, rng, length):
    """Return a body of at most ``length`` characters (a few less at worst).

    Sentence shapes are drawn until they cover ``length``. Each clause ends at
    the last token ending at or before its cumulative target (but holds at
    least one token), so clause and sentence lengths track their shapes within
    about one token; the punctuation mark is appended to that token. The text
    is cut at ``length`` and always ends in 。. All loops over tokens run in C.
    """
    chosen, covered, want = [], 0, length // (SENTENCE_MIN + SENTENCE_MAX) * 2 + 2
    while covered < length:
        extra = list(map(shapes.__getitem__, random_u16(rng, want)))
        chosen += extra
        covered += sum(map(operator.itemgetter(0), extra))
        want = 4
    targets = list(itertools.accumulate(
        itertools.chain.from_iterable(map(operator.itemgetter(1), chosen))))
    steps = range(len(targets))
    tokens = sample_tokens(vocab, rng, int(targets[-1] / vocab.mean_token_len * 1.04) + 8)
    while True:
        ends = list(itertools.accumulate(map(len, tokens)))
        if ends[-1] > targets[-1]:
            stops = map(bisect.bisect_right, itertools.repeat(ends), targets)
            # Stops s'[m] >= 1 and strictly increasing, computed in C as
            # s'[m] - m = running max of (s[m] - m), starting from 1.
            shifted = itertools.accumulate(map(operator.sub, stops, steps), max, initial=1)
            stops = list(map(operator.add, itertools.islice(shifted, 1, None), steps))
            if stops[-1] <= len(tokens):
                break
        tokens += sample_tokens(vocab, rng, 64)   # rare: top up the token stream
    last = list(map(operator.sub, stops, itertools.repeat(1)))
    puncts = itertools.chain.from_iterable(map(operator.itemgetter(2), chosen))
    list(map(tokens.__setitem__, last, map(operator.add, map(tokens.__getitem__, last), puncts)))
    body = "".join(itertools.islice(tokens, stops[-1]))
    if len(body) > length:
        body = body[:length - 1].rstrip(PUNCTUATION) + "。"
    return body


def content_words(vocab, rng, k):
    """Draw ``k`` Zipf-weighted words, skipping the function words."""
    cum, last = vocab.word_cum, len(vocab.words) - 1
    base = cum[vocab.content_start - 1]
    span = cum[-1] - base
    return [vocab.words[min(bisect.bisect_right(cum, base + rng.random() * span), last)]
            for _ in range(k)]


def make_title(vocab, rng):
    """Fill a title template with content words; result is 8–30 characters."""
    for _ in range(20):
        template = tv.TITLE_TEMPLATES[int(rng.random() * len(tv.TITLE_TEMPLATES))]
        title = template.format(*content_words(vocab, rng, template.count("{}")))
        while len(title) < TITLE_MIN:
            title += content_words(vocab, rng, 1)[0]
        if len(title) <= TITLE_MAX:
            return title
    return title[:TITLE_MAX]


def make_tags(vocab, rng):
    """Return 1–4 distinct Zipf-weighted content-word tags, in draw order."""
    tags = []
    for word in content_words(vocab, rng, 1 + int(rng.random() * 4)):
        if word not in tags:
            tags.append(word)
    return tags


def render_block(seed, block, passages):
    """Render passages ``block*BLOCK+1 ..`` (at most BLOCK, at most ``passages``).

    Returns UTF-8 JSON lines. Each block has its own seeded generator, so the
    result depends only on ``(seed, block)``, never on how blocks are scheduled.
    """
    vocab, shapes = default_vocabulary(), sentence_shapes(seed)
    rng = Random(f"zhixun-corpus:{seed}:{block}")
    kinds, statuses, regions = cum_of(tv.KINDS), cum_of(tv.STATUSES), cum_of(tv.REGIONS)
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def pick(pair):
        """Draw one value from a (values, cumulative weights) pair."""
        return pair[0][bisect.bisect_right(pair[1], rng.random() * pair[1][-1])]

    lines = []
    for n in range(block * BLOCK + 1, min((block + 1) * BLOCK, passages) + 1):
        length = BODY_MIN + int(rng.random() * (BODY_MAX - BODY_MIN + 1))
        lines.append(encode({
            "id": f"syn-{n:07d}",
            "kind": pick(kinds),
            "title": make_title(vocab, rng),
            "body": make_body(vocab, shapes, rng, length),
            "tags": make_tags(vocab, rng),
            "category": tv.CATEGORIES[int(rng.random() * len(tv.CATEGORIES))],
            "region": pick(regions),
            "status": pick(statuses),
            "published": datetime.date.fromordinal(
                DATE_FIRST + int(rng.random() * (DATE_LAST - DATE_FIRST + 1))).isoformat(),
        }))
        lines.append("\n")
    return "".join(lines).encode("utf-8")


def _render_task(task):
    """Pool adapter for :func:`render_block` (takes one tuple argument)."""
    return render_block(*task)


def generate(out, passages, seed, jobs=1, progress=False):
    """Write ``passages`` JSON lines to the binary stream ``out``."""
    tasks = [(seed, block, passages) for block in range(-(-passages // BLOCK))]
    default_vocabulary(), sentence_shapes(seed)   # build before forking workers
    pool = multiprocessing.Pool(jobs) if jobs > 1 and len(tasks) > 1 else None
    try:
        results = pool.imap(_render_task, tasks) if pool else map(_render_task, tasks)
        for (_, block, _), data in zip(tasks, results):
            out.write(data)
            done = min((block + 1) * BLOCK, passages)
            if progress and (done % PROGRESS_EVERY == 0 or done == passages):
                print(f"gen_corpus: {done:,}/{passages:,} passages", file=sys.stderr)
    finally:
        if pool:
            pool.close()
            pool.join()


def parse_args(argv=None):
    """Parse command-line arguments."""
    parser = argparse.ArgumentParser(
        description="Generate a deterministic synthetic Chinese tax corpus (JSON lines).",
        epilog="Output depends only on --seed and --passages (a prefix of a larger "
               "corpus with the same seed is byte-identical), never on --jobs.")
    parser.add_argument("--passages", type=int, required=True, metavar="N",
                        help="number of passages (lines) to write")
    parser.add_argument("--seed", type=int, default=42,
                        help="random seed for documents (default: 42); "
                             "the vocabulary is fixed and seed-independent")
    parser.add_argument("--out", required=True, metavar="FILE.jsonl",
                        help="output path ('-' for stdout)")
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1), metavar="J",
                        help="worker processes (default: min(4, CPUs)); 1 disables workers")
    args = parser.parse_args(argv)
    if args.passages < 0 or args.jobs < 1:
        parser.error("--passages must be >= 0 and --jobs >= 1")
    return args


def main(argv=None):
    """Command-line entry point."""
    args = parse_args(argv)
    started = time.perf_counter()
    progress = sys.stderr.isatty()
    if args.out == "-":
        generate(sys.stdout.buffer, args.passages, args.seed, args.jobs, progress)
    else:
        with open(args.out, "wb") as out:
            generate(out, args.passages, args.seed, args.jobs, progress)
    if progress:
        elapsed = time.perf_counter() - started
        print(f"gen_corpus: wrote {args.passages:,} passages in {elapsed:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
