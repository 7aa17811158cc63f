#!/usr/bin/env python3
"""Deterministic synthetic Chinese tax-consultation corpus for Zhixun benchmarks.

Writes one JSON object per line (UTF-8, ``ensure_ascii=False``, compact):

    {"id":"syn-0000001","kind":"policy","title":"…","body":"…","tags":["…"],
     "category":"…","region":"…","status":"current","published":"YYYY-MM-DD"}

Text is drawn from a fixed vocabulary of ~60,000 words with Zipf weights
(rank^-1.0): the hand-written real tax words of ``tax_vocabulary.py`` take the
top ranks, and 2–4 character pseudo-words built from Han characters fill the
tail. About 3% of body tokens are digits (years, amounts, 第N条, rates) or
Latin tokens (VAT, PDF, OFD, …). Chinese punctuation splits bodies into
clauses and sentences of roughly 8–40 characters.

The vocabulary never depends on ``--seed`` (it uses ``VOCAB_SEED``), so corpora
and query sets generated with different seeds share one vocabulary. Output is
byte-identical for a given seed and passage count. Standard library only.

Speed: tokens are drawn with Walker's alias method over 2**16 columns whose
thresholds are quantised to bytes, driven by raw ``randbytes`` and evaluated
with ``map``/``operator`` so per-token and per-clause work runs in C. Passages
are produced in blocks of ``BLOCK`` with independently seeded generators, so
``--jobs`` parallelises the work without changing a single output byte.
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
from array import array
from dataclasses import dataclass
from random import Random

import tax_vocabulary as tv

VOCAB_SEED = 20240601          # fixed: the vocabulary is the same for every --seed
VOCAB_SIZE = 60_000            # real words + pseudo-words (special tokens are extra)
ZIPF_EXPONENT = 1.0
SPECIAL_TOKEN_SHARE = 0.03     # share of body tokens that are digits/Latin
ALIAS_COLUMNS = 1 << 16        # alias table width; indexed by 16-bit random values
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


@dataclass(frozen=True)
class Vocabulary:
    """A ranked vocabulary with Zipf weights and a fast sampling table.

    ``words`` is ordered by rank (index 0 is the most frequent). ``word_cum``
    holds cumulative Zipf weights over ``words`` for ``random.choices``.
    ``content_start`` is the first rank after the function words. The alias
    table (``alias_pairs`` of ``(alias, own)`` tokens and byte thresholds
    ``alias_cut``) samples body tokens: words with Zipf weights plus
    ``SPECIAL_TOKEN_SHARE`` of digit/Latin specials. ``mean_token_len`` is the
    expected length in characters of one body token.
    """

    words: tuple
    word_cum: tuple
    real_count: int
    content_start: int
    specials: tuple
    alias_pairs: tuple
    alias_cut: tuple
    mean_token_len: float


def real_words():
    """Return the hand-written real words, de-duplicated, in rank order."""
    seen, ordered = set(), []
    for word in tv.FUNCTION_WORDS + tv.CORE_TAX_WORDS:
        if word not in seen:
            seen.add(word)
            ordered.append(word)
    return ordered


def special_tokens():
    """Return (token, weight) pairs for digit and Latin tokens, fixed order."""
    groups = [
        ([str(y) for y in range(2008, 2026)] + [f"{y}年" for y in range(2008, 2026)], 30),
        ([f"第{n}条" for n in range(1, 121)], 20),
        ([f"{a}元" for a in (100, 500, 800, 1000, 1500, 2000, 3000, 5000, 10000,
                             20000, 36000, 50000, 100000, 120000, 300000, 1000000)]
         + [f"{a}万元" for a in (10, 15, 30, 45, 100, 300, 500)], 20),
        (["1%", "3%", "5%", "6%", "9%", "13%", "0.5%", "20%", "25%", "50%"], 10),
        (list(tv.LATIN_TOKENS), 20),
    ]
    pairs = []
    for tokens, share in groups:
        pairs.extend((token, share / len(tokens)) for token in tokens)
    return pairs


def pseudo_words(count, exclude, rng):
    """Generate ``count`` distinct 2–4 character pseudo-words not in ``exclude``.

    Characters come from the Han characters of the real words plus
    ``tax_vocabulary.COMMON_HAN``; lengths 2/3/4 are drawn with weights 5/3/2.
    """
    chars = sorted({c for w in exclude for c in w if "\u4e00" <= c <= "\u9fff"}
                   | set(tv.COMMON_HAN))
    seen, out = set(exclude), []
    while len(out) < count:
        length = rng.choices((2, 3, 4), weights=(5, 3, 2))[0]
        word = "".join(rng.choices(chars, k=length))
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


def build_alias_table(tokens, probs, columns=ALIAS_COLUMNS):
    """Build a Walker alias table with byte-quantised thresholds.

    Returns ``(pairs, cuts)``: column ``i`` yields ``pairs[i][1]`` (its own
    token) when a random byte is below ``cuts[i]`` and ``pairs[i][0]`` (its
    alias) otherwise, so ``pairs[i][byte < cuts[i]]`` is one draw. Columns past
    ``len(tokens)`` have zero weight. Construction is deterministic.
    """
    total = sum(probs)
    scaled = [p / total * columns for p in probs] + [0.0] * (columns - len(probs))
    owner = list(tokens) + [tokens[0]] * (columns - len(tokens))
    alias = list(range(columns))
    small = [i for i, x in enumerate(scaled) if x < 1.0]
    large = [i for i, x in enumerate(scaled) if x >= 1.0]
    while small and large:
        lo, hi = small.pop(), large[-1]
        alias[lo] = hi
        scaled[hi] -= 1.0 - scaled[lo]
        if scaled[hi] < 1.0:
            small.append(large.pop())
    for i in small + large:                 # numerical leftovers: keep own token
        scaled[i] = 1.0
    cuts = tuple(min(256, round(x * 256)) for x in scaled)
    pairs = tuple((owner[alias[i]], owner[i]) for i in range(columns))
    return pairs, cuts


def build_vocabulary(size=VOCAB_SIZE, seed=VOCAB_SEED):
    """Build the shared ranked vocabulary (independent of the corpus seed)."""
    real = real_words()
    words = real + pseudo_words(size - len(real), real, Random(seed))
    weights = [rank ** -ZIPF_EXPONENT for rank in range(1, len(words) + 1)]
    total = sum(weights)
    specials = special_tokens()
    special_total = sum(w for _, w in specials)
    probs = [w / total * (1 - SPECIAL_TOKEN_SHARE) for w in weights]
    probs += [w / special_total * SPECIAL_TOKEN_SHARE for _, w in specials]
    tokens = words + [t for t, _ in specials]
    pairs, cuts = build_alias_table(tokens, probs)
    return Vocabulary(
        words=tuple(words),
        word_cum=tuple(itertools.accumulate(weights)),
        real_count=len(real),
        content_start=len(tv.FUNCTION_WORDS),
        specials=tuple(t for t, _ in specials),
        alias_pairs=pairs,
        alias_cut=cuts,
        mean_token_len=sum(p * len(t) for t, p in zip(tokens, probs)),
    )


@functools.cache
def default_vocabulary():
    """Return the shared vocabulary, built once per process."""
    return build_vocabulary()


def random_u16(rng, k):
    """Return ``k`` uniform 16-bit integers as an array, platform-independent."""
    values = array("H", rng.randbytes(2 * k))
    if sys.byteorder == "big":
        values.byteswap()
    return values


def sample_tokens(vocab, rng, k):
    """Draw ``k`` body tokens (Zipf words plus ~3% specials) from ``rng``."""
    columns = random_u16(rng, k)
    coins = rng.randbytes(k)
    own = map(operator.lt, coins, map(vocab.alias_cut.__getitem__, columns))
    return list(map(operator.getitem, map(vocab.alias_pairs.__getitem__, columns), own))


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
            # Strictly increasing stops: s'[m] - m = running max of (s[m] - m).
            stops = list(map(operator.add, itertools.accumulate(
                map(operator.sub, stops, steps), max), steps))
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
