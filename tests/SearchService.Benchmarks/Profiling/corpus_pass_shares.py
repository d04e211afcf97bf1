"""Where a corpus pass's time goes, from a sampled thread-time trace of the query benchmark.

    dotnet-trace collect --profile dotnet-sampled-thread-time -o pass.nettrace -- \
        dotnet tests/SearchService.Benchmarks/bin/Release/net10.0/SearchService.Benchmarks.dll \
        query --engines searchservice --limit 6000 --queries-per-class 1 --warmup 0 --passes 1 --questions 1
    dotnet-trace convert pass.nettrace --format speedscope -o pass
    python3 tests/SearchService.Benchmarks/Profiling/corpus_pass_shares.py pass.speedscope.json

Prints two tables: the indexing workers' time (running or waiting) by what they were doing, and, within the pass,
the samples of threads running managed code by thread (workers, Lucene's refresh, merges, commits, the rest).
A sample is put in the first bucket its stack matches: waits for a collection or a lock, then from reading down to
the writer.
"""
import collections
import json
import sys

WORKER = '<Run>b__2'  # the thread body of ArticlePipeline.Run

EXTRACTION = [('StatementExtractor', 'extraction: statements (Quotes)'),
              ('SpeakerIdentities', 'extraction: speaker identities'),
              ('SpeakerExtractor', 'extraction: speakers'),
              ('TopicClassifier', 'extraction: topics'),
              ('TextTokens.Tokenize', 'extraction: tokenising (shared by the three facets)')]

ROLES = [(WORKER, 'indexing workers'), ('ControlledRealTimeReopen', 'NRT refresh (flushes a segment)'),
         ('MergeThread', 'merges'), ('CommitScheduler', 'commits'), ('TimerQueue', 'commits')]


def has(names, part):
    return any(part in n for n in names)


LOCKS = [('GetClassForInterface', "Lucene.Net's attribute factory (a new token stream)"),
         ('StoredFieldsProcessor', 'the stored fields writer (held by no other thread)'),
         ('DocumentsWriterFlushControl', "the writer's flush control"),
         ('ReentrantLock', "the writer's thread states")]


def bucket(names):
    # Waits first, wherever they fall: a thread stopped for a collection, or spinning on a monitor another thread holds.
    if has(names, 'PollGC'):
        return 'waiting for a garbage collection'
    if has(names[-3:], 'Enter_Slowpath'):
        return 'waiting for a lock: ' + next((what for part, what in LOCKS if has(names, part)), 'other')
    if has(names, 'OrderedHandOut.Next'):
        return 'paragraph splitting' if has(names, 'ParagraphSplitter') else 'reading the .jsonl'
    if has(names, 'NewsFacetExtractor.Extract'):
        return next((b for part, b in EXTRACTION if has(names, part)), 'extraction: regions and the rest')
    if has(names, 'StatementIndex.Replace'):
        return 'statement index (its documents, analysis and writer)'
    # The only System.Threading.Lock on the write path is the commit scheduler's.
    if has(names, 'CommitScheduler') or (has(names, 'Lock.TryEnterSlow') and not has(names, 'Lucene')):
        return 'waiting for the commit lock'
    # Sampled stacks are sometimes cut short above the writer's frames; these two are told by their own frames.
    if has(names, 'DefaultAttributeFactory'):
        return 'analysis: token stream set-up (a lock in Lucene.Net\'s attribute factory)'
    if has(names, 'RamUsageEstimator'):
        return 'doc values: Lucene.Net measuring numeric doc values by reflection'
    if has(names, 'DocumentsWriter.PreUpdate') or has(names, 'DocumentsWriter.PostUpdate'):
        return 'IndexWriter: flushing segments in the writing thread'
    if has(names, 'UpdateDocuments'):
        if has(names, 'ParagraphDocuments+<Build>'):
            return 'building documents (ParagraphDocuments)'
        if has(names, 'ProcessFields'):
            rest = names[max(i for i, n in enumerate(names) if 'ProcessFields' in n) + 1:]
            if has(rest, 'GetTokenStream') or has(rest, 'StringTokenStream'):
                return 'analysis: token stream set-up (all fields)'
            if has(rest, 'AdjacentPairFilter'):
                return 'analysis: phrases (adjacent pairs)'
            if has(rest, 'TermsHashPerField'):
                return 'inverting: postings of every field'
            return 'analysis: tokenising, stop words, stemming (title, text, words)'
        if has(names, 'StoredFields'):
            return 'stored fields'
        if has(names, 'DocValues'):
            return 'doc values'
        return 'IndexWriter: the rest'
    return 'the rest'


def main(path):
    trace = json.load(open(path))
    frames = [f['name'].split('!')[-1] for f in trace['shared']['frames']]
    workers = [p for p in trace['profiles'] if any(WORKER in frames[e['frame']] for e in p['events'] if e['type'] == 'O')]
    start = min(p['events'][0]['at'] for p in workers)
    end = max(p['events'][-1]['at'] for p in workers)
    buckets, roles = collections.Counter(), collections.Counter()
    waiting_for_gc = worker_time = 0.0
    for profile in trace['profiles']:
        stack, last = [], None
        for event in profile['events']:
            at = event['at']
            if last is not None and stack and start <= at <= end:
                names = [frames[f] for f in stack]
                span = at - last
                role = next((r for part, r in ROLES if has(names, part)), 'other threads (main, garbage collector, pool)')
                if names[-1] == 'CPU_TIME':
                    roles[role] += span
                if role == 'indexing workers':
                    worker_time += span
                    buckets[bucket(names)] += span
                    if has(names, 'PollGC'):
                        waiting_for_gc += span
            last = at
            if event['type'] == 'O':
                stack.append(event['frame'])
            else:
                stack.pop()
    print(f'Indexing workers: {len(workers)} threads, {worker_time / 1000:.1f} s; '
          f'{100 * waiting_for_gc / worker_time:.1f}% of it waiting for a garbage collection, wherever it was')
    for name, span in buckets.most_common():
        print(f'| {name} | {100 * span / worker_time:.1f}% |')
    running = sum(roles.values())
    print(f'The pass: {(end - start) / 1000:.1f} s; samples of threads running managed code in it: {running / 1000:.1f} s')
    for name, span in roles.most_common():
        print(f'| {name} | {100 * span / running:.1f}% |')


if __name__ == '__main__':
    main(sys.argv[1])
