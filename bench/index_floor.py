"""What indexing alone costs, kmdesk's documents against raw Whoosh's, on the same records:
``python bench/index_floor.py [N]`` (default 3,000).

The import's goal is a ratio to raw Whoosh (``scale_bench.py --only import``); this says how much
of the distance is Whoosh's own work on the fields kmdesk indexes, before any SQLite, sealing or
parsing. Each line indexes the same N corpus records (``zipf_corpus``) into a fresh directory,
one writer, one commit, and prints CPU seconds, postings and terms:

- raw Whoosh: title, keywords and body with ``StandardAnalyzer`` (what ``scale_bench`` compares with);
- kmdesk's documents (``search.record_to_doc``: neutral, language and facet fields, stored text
  and sortable columns) through Whoosh's own writer and codec, then through kmdesk's writer
  (``index_writer``: its pool and its codec);
- raw Whoosh's three fields through kmdesk's writer.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from zipf_corpus import Corpus  # noqa: E402


def _raw_docs(records: list[dict]) -> tuple[object, list[dict]]:
    from whoosh.analysis import StandardAnalyzer
    from whoosh.fields import ID, TEXT, Schema

    analyzer = StandardAnalyzer()
    schema = Schema(id=ID(stored=True, unique=True), title=TEXT(analyzer=analyzer), keywords=TEXT(analyzer=analyzer),
                    body=TEXT(analyzer=analyzer))
    docs = [{"id": r["id"], "title": " ".join(r["title"].values()), "keywords": " ".join(r["keywords"]),
             "body": " ".join(r["body"].values())} for r in records]
    return schema, docs


def _kmdesk_docs(records: list[dict]) -> tuple[object, list[dict]]:
    from kmdesk.core.search import record_to_doc, schema

    return schema(), [record_to_doc({**r, "access": {"level": "public"}}) for r in records]


def index(schema: object, docs: list[dict], kmdesk_writer: bool) -> dict:
    from whoosh.filedb.filestore import FileStorage

    from kmdesk.core.index_writer import Writer
    from kmdesk.core.search import SearchIndex

    with tempfile.TemporaryDirectory() as where:
        ix = FileStorage(where).create_index(schema)
        c0 = time.process_time()
        writer = Writer(ix, SearchIndex.LIMIT_MB) if kmdesk_writer else ix.writer(limitmb=SearchIndex.LIMIT_MB)
        for doc in docs:
            writer.add_document(**doc)
        added = time.process_time()
        writer.commit()
        done = time.process_time()
        with ix.reader() as reader:
            terms = postings = 0
            for fieldname, text in reader.all_terms():
                terms += 1
                postings += reader.doc_frequency(fieldname, text)
    return {"cpu": done - c0, "analysis": added - c0, "commit": done - added, "terms": terms, "postings": postings}


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    records = list(Corpus().records(n))
    raw, kmdesk = _raw_docs(records), _kmdesk_docs(records)
    runs = [("raw Whoosh, 3 fields, Whoosh's writer", raw, False),
            ("kmdesk's documents, Whoosh's writer", kmdesk, False),
            ("kmdesk's documents, kmdesk's writer", kmdesk, True),
            ("raw Whoosh, 3 fields, kmdesk's writer", raw, True)]
    print(f"{n} records; CPU seconds (adding documents + commit)")
    base = None
    for what, (schema, docs), ours in runs:
        out = index(schema, docs, ours)
        base = base or out["cpu"]
        print(f"{what:<40} {out['cpu']:7.1f} s ({out['analysis']:.1f} + {out['commit']:.1f})  {out['cpu'] / base:5.2f}x  "
              f"{out['postings']:>9,} postings {out['terms']:>8,} terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
