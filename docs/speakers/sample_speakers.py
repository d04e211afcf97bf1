"""Prints a seeded random sample of the speaker values `extract` put on paragraphs, each with its paragraph, for judging by hand.

usage: python3 docs/speakers/sample_speakers.py [--held-out] CORPUS.jsonl PREDICTED.jsonl [SEED] [COUNT]

PREDICTED.jsonl is the output of the indexer's `extract` command over CORPUS.jsonl (docs/facets.md). The paragraphs are
printed, not stored: the Reuters text stays in ../shared. judged-2026-11-28.tsv holds one such sample's verdicts by id.
With --held-out only values of the held-out part (reut2-012 on, NEWID > 12000, as score_split.py) are drawn.
"""
import json
import random
import sys


TUNE_LAST_NEWID = 12000


def main(corpus_path, predicted_path, seed=2026, count=100, held_out=False):
    corpus = {}
    with open(corpus_path, encoding="utf-8") as corpus_file:
        for line in corpus_file:
            article = json.loads(line)
            corpus[article["id"]] = article
    values = []
    with open(predicted_path, encoding="utf-8") as predicted_file:
        for line in predicted_file:
            predicted = json.loads(line)
            if held_out and int(predicted["id"].removeprefix("reuters-")) <= TUNE_LAST_NEWID:
                continue
            for number, paragraph in enumerate(predicted.get("paragraphs", [])):
                values.extend((predicted["id"], number, speaker) for speaker in paragraph.get("speaker", []))
    print(f"{len(values)} speaker values on paragraphs; sample of {count}, seed {seed}", file=sys.stderr)
    random.seed(seed)
    for n, (article_id, number, speaker) in enumerate(random.sample(values, count), 1):
        print(f"#{n} [{article_id} p{number}] SPEAKER = {speaker}\n    {corpus[article_id]['paragraphs'][number]}\n")


if __name__ == "__main__":
    held_out = "--held-out" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--held-out"]
    main(args[0], args[1], *(int(a) for a in args[2:4]), held_out=held_out)
