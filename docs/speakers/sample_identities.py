"""Lists the most quoted people of an `extract` output with the values that may name them, for judging identities by hand.

usage: python3 docs/speakers/sample_identities.py BEFORE.jsonl AFTER.jsonl [COUNT]

BEFORE.jsonl and AFTER.jsonl are `extract` outputs over the same file (docs/facets.md), before and after a change to
speaker identities; AFTER carries each article's "speakers" with their kind. For each of the COUNT (default 100) person
values on most paragraphs in AFTER, one tab-separated line:

  canonical value, paragraphs, the values of BEFORE that share a name word with it (with paragraphs), the values of
  AFTER that do, and the BEFORE values that AFTER replaced by it in the same paragraph (merged, with paragraphs)

A judge then reads which of those name the same person (fragmentation: distinct values per real person, before and
after) and whether any merged value names someone else (a wrong merge). Only values and counts are printed.
"""
import collections
import json
import sys


def paragraph_values(path):
    values, kinds = [], {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            for speaker in article.get("speakers", []):
                kinds[speaker["name"]] = speaker["kind"]
            values.extend(set(p.get("speaker", [])) for p in article["paragraphs"])
    return values, kinds


def words(value):
    return set(value.replace("-", " ").split())


def sharing(counts, person):
    # Values naming someone by a word of the person's name: "Reagan", "Ronald Reagan", "Mrs Reagan", "Zhao".
    name = words(person)
    first, last = person.split()[0], person.split()[-1]
    return sorted(((v, n) for v, n in counts.items() if {first, last} & words(v) and (v.split()[-1] in name or v.split()[0] in name)),
                  key=lambda vn: -vn[1])


def main(before_path, after_path, count=100):
    before, _ = paragraph_values(before_path)
    after, kinds = paragraph_values(after_path)
    before_counts = collections.Counter(v for p in before for v in p)
    after_counts = collections.Counter(v for p in after for v in p)
    merged = collections.defaultdict(collections.Counter)
    for old, new in zip(before, after):
        for value in new - old:
            for gone in old - new:
                if words(gone) & words(value):
                    merged[value][gone] += 1
    people = [v for v, _ in after_counts.most_common() if kinds.get(v) == "person"][:count]
    print("n\tcanonical\tparagraphs\tbefore_values\tafter_values\tmerged")
    for n, person in enumerate(people, 1):
        def listed(pairs):
            return "; ".join(f"{v} ({c})" for v, c in pairs)
        print(f"{n}\t{person}\t{after_counts[person]}\t{listed(sharing(before_counts, person))}\t"
              f"{listed(sharing(after_counts, person))}\t{listed(merged[person].most_common())}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *(int(a) for a in sys.argv[3:4]))
