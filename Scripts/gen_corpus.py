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

Speed: token sampling uses a quantised alias-free lookup table indexed by raw
random bytes, so all per-token work happens in C; Python code runs once per
clause, not once per token.
"""

import argparse
import bisect
import datetime
import itertools
import json
import operator
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
TABLE_BITS = 22                # lookup table of 2**22 slots (~32 MB of references)
BODY_MIN, BODY_MAX = 200, 2000
TITLE_MIN, TITLE_MAX = 8, 30
SENTENCE_MIN, SENTENCE_MAX = 8, 40
CLAUSE_MIN, CLAUSE_MAX = 4, 16
CLAUSE_PUNCT = (("，", 70), ("、", 12), ("；", 10), ("：", 8))
PUNCTUATION = "，。；：、"
DATE_FIRST = datetime.date(2010, 1, 1).toordinal()
DATE_LAST = datetime.date(2025, 12, 31).toordinal()
WRITE_CHUNK = 2_000            # documents per buffered write
PROGRESS_EVERY = 50_000


@dataclass(frozen=True)
class Vocabulary:
    """A ranked vocabulary with Zipf weights and a fast sampling table.

    ``words`` is ordered by rank (index 0 is the most frequent). ``word_cum``
    holds cumulative Zipf weights over ``words`` for ``random.choices``.
    ``content_start`` is the first rank after the function words. ``table`` has
    ``2**TABLE_BITS`` entries in which every word and special token appears in
    proportion to its body-text probability.
    """

    words: tuple
    word_cum: tuple
    real_count: int
    content_start: int
    specials: tuple
    table: tuple


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


def build_sampling_table(tokens, probs, bits):
    """Quantise ``probs`` into a table of ``2**bits`` slots (largest remainder).

    Every token gets at least one slot; leftover slots go to the top ranks.
    """
    size = 1 << bits
    counts = [max(1, int(p * size)) for p in probs]
    surplus = size - sum(counts)
    for i in range(abs(surplus)):
        counts[i % len(counts)] += 1 if surplus > 0 else -1
    table = []
    for token, n in zip(tokens, counts):
        table.extend([token] * n)
    return tuple(table)


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
    return Vocabulary(
        words=tuple(words),
        word_cum=tuple(itertools.accumulate(weights)),
        real_count=len(real),
        content_start=len(tv.FUNCTION_WORDS),
        specials=tuple(t for t, _ in specials),
        table=build_sampling_table(tokens, probs, TABLE_BITS),
    )


def sample_tokens(vocab, rng, k):
    """Draw ``k`` body tokens (Zipf words plus ~3% specials) from ``rng``."""
    raw = array("I", rng.randbytes(4 * k))
    shift = 8 * raw.itemsize - TABLE_BITS
    return list(map(vocab.table.__getitem__, map(operator.rshift, raw, itertools.repeat(shift, k))))


def cum_of(pairs):
    """Split (value, weight) pairs into a values tuple and cumulative weights."""
    return tuple(v for v, _ in pairs), tuple(itertools.accumulate(w for _, w in pairs))


def make_body(vocab, rng, length, punct):
    """Return a body of about ``length`` characters (never more), ending in 。.

    Tokens are grouped into clauses of CLAUSE_MIN..CLAUSE_MAX characters joined
    by ，、；： and into sentences of SENTENCE_MIN..SENTENCE_MAX characters.
    """
    punct_values, punct_cum = punct
    tokens = sample_tokens(vocab, rng, length // 2 + 32)
    ends = list(itertools.accumulate(map(len, tokens)))
    rand, join, bisect_right = rng.random, "".join, bisect.bisect_right
    parts, total, i = [], 0, 0
    while total < length:
        target = min(SENTENCE_MIN + int(rand() * (SENTENCE_MAX - SENTENCE_MIN + 1)),
                     max(length - total, SENTENCE_MIN))
        sentence = 0
        while True:
            if i >= len(tokens) - 1:          # rare: refill the token stream
                tokens += sample_tokens(vocab, rng, 256)
                ends = list(itertools.accumulate(map(len, tokens)))
            want = min(CLAUSE_MIN + int(rand() * (CLAUSE_MAX - CLAUSE_MIN + 1)),
                       target - sentence - 1)
            start = ends[i - 1] if i else 0
            j = max(bisect_right(ends, start + want, i), i + 1)
            parts.append(join(tokens[i:j]))
            sentence += ends[j - 1] - start + 1
            i = j
            if sentence >= max(target - 2, SENTENCE_MIN):
                parts.append("。")
                break
            parts.append(punct_values[bisect_right(punct_cum, rand() * punct_cum[-1])])
        total += sentence
    body = join(parts)
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


def generate(out, passages, seed, vocab=None, progress=False):
    """Write ``passages`` JSON lines to the text stream ``out``."""
    vocab = vocab or build_vocabulary()
    rng = Random(seed)
    kinds, statuses, regions = cum_of(tv.KINDS), cum_of(tv.STATUSES), cum_of(tv.REGIONS)
    punct = cum_of(CLAUSE_PUNCT)
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def pick(pair):
        """Draw one value from a (values, cumulative weights) pair."""
        return pair[0][bisect.bisect_right(pair[1], rng.random() * pair[1][-1])]

    buffer = []
    for n in range(1, passages + 1):
        length = BODY_MIN + int(rng.random() * (BODY_MAX - BODY_MIN + 1))
        doc = {
            "id": f"syn-{n:07d}",
            "kind": pick(kinds),
            "title": make_title(vocab, rng),
            "body": make_body(vocab, rng, length, punct),
            "tags": make_tags(vocab, rng),
            "category": tv.CATEGORIES[int(rng.random() * len(tv.CATEGORIES))],
            "region": pick(regions),
            "status": pick(statuses),
            "published": datetime.date.fromordinal(
                DATE_FIRST + int(rng.random() * (DATE_LAST - DATE_FIRST + 1))).isoformat(),
        }
        buffer.append(encode(doc))
        if len(buffer) >= WRITE_CHUNK or n == passages:
            out.write("\n".join(buffer) + "\n")
            buffer.clear()
        if progress and n % PROGRESS_EVERY == 0:
            print(f"gen_corpus: {n:,}/{passages:,} passages", file=sys.stderr)


def parse_args(argv=None):
    """Parse command-line arguments."""
    parser = argparse.ArgumentParser(
        description="Generate a deterministic synthetic Chinese tax corpus (JSON lines).")
    parser.add_argument("--passages", type=int, required=True, metavar="N",
                        help="number of passages (lines) to write")
    parser.add_argument("--seed", type=int, default=42,
                        help="random seed for documents (default: 42); "
                             "the vocabulary is fixed and seed-independent")
    parser.add_argument("--out", required=True, metavar="FILE.jsonl",
                        help="output path ('-' for stdout)")
    args = parser.parse_args(argv)
    if args.passages < 0:
        parser.error("--passages must be non-negative")
    return args


def main(argv=None):
    """Command-line entry point."""
    args = parse_args(argv)
    started = time.perf_counter()
    progress = sys.stderr.isatty()
    if args.out == "-":
        generate(sys.stdout, args.passages, args.seed, progress=progress)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n", buffering=1 << 22) as out:
            generate(out, args.passages, args.seed, progress=progress)
    if progress:
        elapsed = time.perf_counter() - started
        print(f"gen_corpus: wrote {args.passages:,} passages in {elapsed:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
