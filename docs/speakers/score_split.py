"""Scores extracted facets on the tune part and on the held-out part of Reuters-21578, apart.

usage: python3 docs/speakers/score_split.py SCORER GOLD.jsonl PREDICTED.jsonl

SCORER is ../shared/tools/score_facets.py, GOLD the shared reuters-dev.jsonl, PREDICTED the `extract` command's output
over it (docs/facets.md). Reuters ids are `reuters-N` with N the NEWID, and file reut2-XXX holds N in
(1000*XXX, 1000*(XXX+1)]: the tune part is reut2-000..011 (N <= 12000), the held-out part reut2-012..021 (N > 12000).
Rules are changed looking at the tune part only, and a change is kept only if the held-out figures do not drop.

Each part's lines are streamed to the scorer through pipes: nothing from ../shared is written to disk.
"""
import os
import subprocess
import sys
import threading

TUNE_LAST_NEWID = 12000
PARTS = {
    "tune (reut2-000..011)": lambda newid: newid <= TUNE_LAST_NEWID,
    "held-out (reut2-012..021)": lambda newid: newid > TUNE_LAST_NEWID,
}


def newid(line):
    # Both files hold one JSON object a line that begins with its id: {"id": "reuters-N", ...}.
    start = line.index('"reuters-') + len('"reuters-')
    return int(line[start:line.index('"', start)])


def feed(path, keep, write_end):
    with open(path, encoding="utf-8") as source, os.fdopen(write_end, "w", encoding="utf-8") as pipe:
        for line in source:
            if line.strip() and keep(newid(line)):
                pipe.write(line)


def score(scorer, gold, predicted, keep):
    ends = [os.pipe(), os.pipe()]
    feeders = [threading.Thread(target=feed, args=(path, keep, w)) for path, (_, w) in zip((gold, predicted), ends)]
    reads = [r for r, _ in ends]
    process = subprocess.Popen([sys.executable, scorer, *(f"/dev/fd/{r}" for r in reads)], pass_fds=reads)
    for r in reads:
        os.close(r)
    for f in feeders:
        f.start()
    for f in feeders:
        f.join()
    return process.wait()


def main(scorer, gold, predicted):
    for name, keep in PARTS.items():
        print(name, flush=True)
        if score(scorer, gold, predicted, keep) != 0:
            sys.exit(f"the scorer failed on the {name} part")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
