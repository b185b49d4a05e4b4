"""Site search: genes, conditions, glossary terms and handbook topics, found by any of their names.

- ``ghr.search.indexer.build_index(using)``: writes the index tables into a knowledge base (run by the build).
- ``ghr.search.engine.search(query, kinds=..., suggest=False)``: ranked results (see ghr.search.ranking for the
  order and why); ``answer()`` also says what was searched ("Showing results for ...") and which one page a code
  names.
- ``ghr.search.meanings``: codes, bands, GRCh38 positions, questions and requests for genes, read before names are
  matched (forms in ghr.search.codes; everyday words, spellings and question words in ghr.search.everyday).
- ``ghr.search.views``: /search (HTML), /search.json and /api/v1/search (JSON), /api/v1/suggest (autocomplete).
- ``ghr.search.backends``: SQLite FTS5 or PostgreSQL full text + pg_trgm, chosen by the knowledge base's database.
"""
