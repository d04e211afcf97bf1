"""Prints a seeded random sample of the statements `extract` found, each in its paragraph with the span marked, for judging by hand.

usage: python3 docs/speakers/sample_statements.py CORPUS.jsonl PREDICTED.jsonl [SEED] [COUNT]

PREDICTED.jsonl is the output of the indexer's `extract` command over CORPUS.jsonl (docs/facets.md), whose lines list
each article's statements (paragraph from 1, start and end offsets in the paragraph, speaker, verb). The span is
printed between ⟦ and ⟧; the paragraphs are printed, not stored: the Reuters text stays in ../shared.
statements-2026-12-03.tsv holds one such sample's verdicts by number; with it as a third argument after COUNT the
script prints the figures instead.
"""
import csv
import json
import random
import sys


def sample(corpus_path, predicted_path, seed, count):
    corpus = {}
    with open(corpus_path, encoding="utf-8") as corpus_file:
        for line in corpus_file:
            article = json.loads(line)
            corpus[article["id"]] = article
    statements = []
    with open(predicted_path, encoding="utf-8") as predicted_file:
        for line in predicted_file:
            predicted = json.loads(line)
            statements.extend((predicted["id"], s) for s in predicted.get("statements", []))
    print(f"{len(statements)} statements in {len(corpus)} articles; sample of {count}, seed {seed}", file=sys.stderr)
    random.seed(seed)
    return [(article_id, s, corpus[article_id]["paragraphs"][s["paragraph"] - 1])
            for article_id, s in random.sample(statements, count)]


def figures(verdicts_path):
    with open(verdicts_path, encoding="utf-8") as verdicts_file:
        rows = list(csv.DictReader(verdicts_file, delimiter="\t"))
    n = len(rows)
    for column in ("span", "speaker_ok", "verb_ok"):
        right = sum(r[column] == "yes" for r in rows)
        print(f"{column}: {right}/{n} = {right / n:.1%}")
    whole = sum(all(r[c] == "yes" for c in ("span", "speaker_ok", "verb_ok")) for r in rows)
    print(f"all three right: {whole}/{n} = {whole / n:.1%}")


def main(corpus_path, predicted_path, seed="2026", count="200", verdicts_path=None):
    if verdicts_path is not None:
        figures(verdicts_path)
        return
    for n, (article_id, s, paragraph) in enumerate(sample(corpus_path, predicted_path, int(seed), int(count)), 1):
        marked = paragraph[:s["start"]] + "⟦" + paragraph[s["start"]:s["end"]] + "⟧" + paragraph[s["end"]:]
        print(f"#{n} [{article_id} p{s['paragraph']}] SPEAKER = {s['speaker']} | VERB = {s['verb']}\n    {marked}\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
