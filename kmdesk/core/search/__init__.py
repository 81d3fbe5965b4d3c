"""Search, behind one interface (``SearchIndex``): analysis per language, the Tantivy index,
queries, snippets and more-like-this. Nothing outside this package touches the engine."""

from kmdesk.core.search.batch import Batch
from kmdesk.core.search.document import FACETS, Like, collection, record_to_doc
from kmdesk.core.search.engine import SCHEMA_VERSION, SearchIndex

__all__ = ["FACETS", "SCHEMA_VERSION", "Batch", "Like", "SearchIndex", "collection", "record_to_doc"]
