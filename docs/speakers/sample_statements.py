"""Prints a seeded random sample of the statements `extract` found, each in its paragraph with the span marked, after the paragraph before it, for judging by hand.

usage: python3 docs/speakers/sample_statements.py [--held-out | --tune] CORPUS.jsonl PREDICTED.jsonl [SEED] [COUNT] [VERDICTS.tsv]

PREDICTED.jsonl is the output of the indexer's `extract` command over CORPUS.jsonl (docs/facets.md), whose lines list
each article's statements (paragraph from 1, start and end offsets in the paragraph, speaker, verb). The span is
printed between ⟦ and ⟧, after the article's title and the paragraph before the statement's (whom `he said` or `the
company said` stands for is often named there); the paragraphs are printed, not stored: the Reuters text stays in
../shared.
statements-held-out-seed71204.tsv holds one such sample's verdicts by number; with it as a third argument after COUNT the
script prints the figures instead, each with its 95% (Wilson) interval. With --held-out only statements of the held-out
part (reut2-012..021, score_split.py) are drawn from, with --tune only those of the tune part (reut2-000..011), the one
whose errors may be studied.
"""
import csv
import json
import math
import random
import sys

from score_split import TUNE_LAST_NEWID, newid

PARTS = {"--held-out": lambda n: n > TUNE_LAST_NEWID, "--tune": lambda n: n <= TUNE_LAST_NEWID}


def sample(corpus_path, predicted_path, seed, count, part):
    corpus = {}
    with open(corpus_path, encoding="utf-8") as corpus_file:
        for line in corpus_file:
            article = json.loads(line)
            corpus[article["id"]] = article
    statements = []
    with open(predicted_path, encoding="utf-8") as predicted_file:
        for line in predicted_file:
            if part is not None and not PARTS[part](newid(line)):
                continue
            predicted = json.loads(line)
            statements.extend((predicted["id"], s) for s in predicted.get("statements", []))
    print(f"{len(statements)} statements in {len(corpus)} articles; sample of {count}, seed {seed}", file=sys.stderr)
    random.seed(seed)
    return [(corpus[article_id], s) for article_id, s in random.sample(statements, count)]


def figures(verdicts_path):
    with open(verdicts_path, encoding="utf-8") as verdicts_file:
        rows = list(csv.DictReader(verdicts_file, delimiter="\t"))
    n = len(rows)
    for column in ("span", "speaker_ok", "verb_ok"):
        right = sum(r[column] == "yes" for r in rows)
        print(f"{column}: {right}/{n} = {right / n:.1%} {interval(right, n)}")
    whole = sum(all(r[c] == "yes" for c in ("span", "speaker_ok", "verb_ok")) for r in rows)
    print(f"all three right: {whole}/{n} = {whole / n:.1%} {interval(whole, n)}")


def interval(right, n, z=1.96):
    """The 95% Wilson score interval of a proportion, which stays inside 0..1 near its ends."""
    p = right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return f"(95% interval {centre - half:.1%} to {centre + half:.1%})"


def main(corpus_path, predicted_path, seed="2026", count="200", verdicts_path=None, part=None):
    if verdicts_path is not None:
        figures(verdicts_path)
        return
    for n, (article, s) in enumerate(sample(corpus_path, predicted_path, int(seed), int(count), part), 1):
        paragraphs = article["paragraphs"]
        paragraph = paragraphs[s["paragraph"] - 1]
        marked = paragraph[:s["start"]] + "⟦" + paragraph[s["start"]:s["end"]] + "⟧" + paragraph[s["end"]:]
        before = paragraphs[s["paragraph"] - 2] if s["paragraph"] > 1 else "(none: the statement is in the first paragraph)"
        print(f"#{n} [{article['id']} p{s['paragraph']}] SPEAKER = {s['speaker']} | VERB = {s['verb']}\n"
              f"    title: {article.get('title', '')}\n    before: {before}\n    {marked}\n")


if __name__ == "__main__":
    parts = [a for a in sys.argv[1:] if a in PARTS]
    if len(parts) > 1:
        sys.exit(__doc__)
    main(*[a for a in sys.argv[1:] if a not in PARTS], part=parts[0] if parts else None)
