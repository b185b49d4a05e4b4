"""The build: read every source's records, merge them, write a staging knowledge base, validate it, swap it in.

collect -> genes / conditions (merge) -> write (staging) -> finish (derived tables) -> validate -> swap.
"""
