"""ghr: an open Genetics Home Reference.

Data flows one way through the sub-packages:
``sources`` (fetch and parse publishers' files) -> ``build`` (merge, validate, swap in the knowledge base,
whose schema is ``kb``) -> the readers: ``web``, ``api``, ``search``, ``editorial``, ``publish``.
"""

__version__ = "0.1.0"
