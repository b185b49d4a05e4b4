"""The public read API shows published versions only, in reading order, with a release token for caches."""

from ghr.editorial import public, workflow


def test_draft_is_not_public(draft):
    assert public.published_text("gene-function", "ALAS2") is None
    assert public.published_texts("gene-function") == []


def test_text_in_review_or_approved_is_not_public(draft, writer, reviewer):
    workflow.submit(draft, writer)
    assert public.published_text("gene-function", "ALAS2") is None
    workflow.approve(draft, reviewer)
    assert public.published_text("gene-function", "ALAS2") is None


def test_published_text_is_public_with_dates_and_references(published, reviewer):
    shown = public.published_text("gene-function", "ALAS2")
    assert shown.title == "Normal function of the ALAS2 gene"
    assert '<a href="/glossary/enzyme">enzyme</a>' in shown.html
    assert shown.references == (8829630, 1309003)
    assert shown.reviewed is not None and shown.published is not None
    assert shown.revision_id == published.published_revision_id


def test_new_draft_does_not_replace_the_published_version(published, writer):
    workflow.save_draft(published, writer, title="Changed title", body="Changed body")
    shown = public.published_text("gene-function", "ALAS2")
    assert shown.title == "Normal function of the ALAS2 gene"
    assert "Changed" not in shown.html


def test_withdrawn_text_is_gone_and_token_changes(published, publisher):
    before = public.texts_release()
    workflow.withdraw(published, publisher, reason="Out of date")
    assert public.published_text("gene-function", "ALAS2") is None
    assert public.texts_release() != before


def test_publishing_changes_the_release_token(draft, writer, reviewer, publisher):
    before = public.texts_release()
    workflow.submit(draft, writer)
    workflow.approve(draft, reviewer)
    assert public.texts_release() == before
    workflow.publish(draft, publisher)
    assert public.texts_release() != before


def test_preview_context_swaps_in_the_draft_only_inside_the_block(published, writer):
    draft_revision = workflow.save_draft(published, writer, title="Draft title", body="Draft body")
    token = public.texts_release()
    with public.previewing(published, draft_revision):
        assert public.published_text("gene-function", "ALAS2").title == "Draft title"
        assert [t.title for t in public.published_texts("gene-function")] == ["Draft title"]
        assert public.published_text("gene-function", "ALAS2").published is None
        assert public.texts_release() != token
    assert public.published_text("gene-function", "ALAS2").title == "Normal function of the ALAS2 gene"
    assert public.texts_release() == token


def test_handbook_texts_come_in_reading_order(writer, reviewer, publisher):
    specs = [
        ("how-genes-work/making-proteins", "How do genes make proteins?", "How Genes Work", 2),
        ("cells-and-dna/what-is-dna", "What is DNA?", "Cells and DNA", 2),
        ("how-genes-work/what-are-proteins", "What are proteins?", "How Genes Work", 1),
        ("cells-and-dna/what-is-a-cell", "What is a cell?", "Cells and DNA", 1),
    ]
    for key, title, chapter, order in specs:
        text = workflow.create_text("handbook", key, writer, title=title, body="x", chapter=chapter, order=order)
        workflow.submit(text, writer)
        workflow.approve(text, reviewer)
        workflow.publish(text, publisher)
    assert [t.key for t in public.published_texts("handbook")] == [
        "cells-and-dna/what-is-a-cell", "cells-and-dna/what-is-dna",
        "how-genes-work/what-are-proteins", "how-genes-work/making-proteins",
    ]  # fmt: skip
    assert [t.key for t in public.published_texts("handbook", "how-genes-work/")] == [
        "how-genes-work/what-are-proteins", "how-genes-work/making-proteins",
    ]  # fmt: skip


def test_cached_lists_follow_every_publication(writer, reviewer, publisher):
    def publish_term(key, title, synonyms=()):
        text = workflow.create_text("glossary", key, writer, title=title, body="x", synonyms=list(synonyms))
        workflow.submit(text, writer)
        workflow.approve(text, reviewer)
        workflow.publish(text, publisher)
        return text

    heme = publish_term("heme", "Heme", ["haem"])
    assert public.glossary_index() == [("haem", "heme"), ("Heme", "heme")]
    publish_term("porphyrin", "Porphyrin")
    assert ("Porphyrin", "porphyrin") in public.glossary_index()
    workflow.withdraw(heme, publisher)
    assert public.glossary_index() == [("Porphyrin", "porphyrin")]
