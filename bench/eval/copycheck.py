#!/usr/bin/env python3
"""Lists runs of four words an eval message shares with content or word lists, not with the seed.

Tuning must never copy eval sentences into what the bot reads. Run after every content or lexicon
change:  python3 bench/eval/copycheck.py [EVAL.jsonl ...]   (default: every eval set we have).
Prints each shared run and, per set, the runs per message. Natural phrases ("how do i get")
are shared by anyone writing about the same things, so read the tuned sets' rate against the
first-sight sets' (written without seeing content): a tuned set well above them means copying.
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORD = re.compile(r"[\w']+", re.UNICODE)


def runs(text, n=4):
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def main(argv):
    sets = argv or sorted(glob.glob(os.path.join(ROOT, "bench/eval/*.jsonl"))
                          + glob.glob(os.path.join(ROOT, "../shared/eval/*.jsonl")))
    read = []
    for pattern in ("content/**/*.md", "content/**/*.yaml", "content/**/*.txt",
                    "src/main/resources/no/faqbot/**/*.txt"):
        read += glob.glob(os.path.join(ROOT, pattern), recursive=True)
    where = {}
    for path in read:
        with open(path, encoding="utf-8") as f:
            for run in runs(f.read()):
                where.setdefault(run, os.path.relpath(path, ROOT))
    # Words the FAQ itself uses are fair: content is written from the seed, and so are the sets.
    seed = set()
    for path in glob.glob(os.path.join(ROOT, "../shared/seed/*")):
        with open(path, encoding="utf-8") as f:
            seed |= runs(f.read())
    found = 0
    rates = []
    for s in sets:
        before = found
        with open(s, encoding="utf-8") as f:
            n = 0
            for n, line in enumerate(f, 1):
                q = json.loads(line)["q"]
                for run in sorted(runs(q)):
                    if run in where and run not in seed:
                        found += 1
                        print(f"{os.path.basename(s)}:{n}: '{run}' also in {where[run]}")
        rates.append((os.path.basename(s), found - before, n))
    for name, shared, items in rates:
        print(f"{name:24} {shared:4} shared runs in {items:4} messages = {shared / max(items, 1):.2f} a message")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
