"""Prints a seeded random sample of the speaker values `extract` put on paragraphs, each with its paragraph, for judging by hand.

usage: python3 docs/speakers/sample_speakers.py CORPUS.jsonl PREDICTED.jsonl [SEED] [COUNT]

PREDICTED.jsonl is the output of the indexer's `extract` command over CORPUS.jsonl (docs/facets.md). The paragraphs are
printed, not stored: the Reuters text stays in ../shared. judged-2026-11-28.tsv holds one such sample's verdicts by id.
"""
import json
import random
import sys


def main(corpus_path, predicted_path, seed=2026, count=100):
    corpus = {}
    with open(corpus_path, encoding="utf-8") as corpus_file:
        for line in corpus_file:
            article = json.loads(line)
            corpus[article["id"]] = article
    values = []
    with open(predicted_path, encoding="utf-8") as predicted_file:
        for line in predicted_file:
            predicted = json.loads(line)
            for number, paragraph in enumerate(predicted.get("paragraphs", [])):
                values.extend((predicted["id"], number, speaker) for speaker in paragraph.get("speaker", []))
    print(f"{len(values)} speaker values on paragraphs; sample of {count}, seed {seed}", file=sys.stderr)
    random.seed(seed)
    for n, (article_id, number, speaker) in enumerate(random.sample(values, count), 1):
        print(f"#{n} [{article_id} p{number}] SPEAKER = {speaker}\n    {corpus[article_id]['paragraphs'][number]}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *(int(a) for a in sys.argv[3:5]))
