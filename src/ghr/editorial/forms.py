"""Forms of the editorial screens."""

from __future__ import annotations

import re

from django import forms

from ghr.editorial.models import Kind, State
from ghr.editorial.transfer import key_fits_kind


def _numbers(text: str) -> list[int]:
    parts = [part for part in re.split(r"[\s,;]+", text or "") if part]
    if not all(part.isdigit() for part in parts):
        raise forms.ValidationError("PubMed IDs are whole numbers, separated by commas or spaces.")
    return [int(part) for part in parts]


def _words(text: str) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


class RevisionForm(forms.Form):
    title = forms.CharField(max_length=300)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 20, "cols": 100}), help_text=(
        "Markdown. Link glossary terms with [[slug]] or [[slug|shown text]]."))  # fmt: skip
    references = forms.CharField(required=False, help_text="PubMed IDs, in order, separated by commas.")
    synonyms = forms.CharField(required=False, help_text="Glossary only: other ways to write the term, by commas.")
    chapter = forms.CharField(required=False, max_length=200, help_text="Handbook only: the chapter's title.")
    chapter_order = forms.IntegerField(required=False, initial=0, help_text="Handbook only: chapter's place.")
    order = forms.IntegerField(required=False, initial=0, help_text="Handbook only: topic's place in its chapter.")
    note = forms.CharField(required=False, max_length=300, help_text="What you changed, in a few words.")

    def clean_references(self):
        return _numbers(self.cleaned_data["references"])

    def clean_synonyms(self):
        return _words(self.cleaned_data["synonyms"])

    def content(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"].strip(),
            "body": data["body"].replace("\r\n", "\n").strip(),
            "references": data["references"],
            "synonyms": data["synonyms"],
            "chapter": data["chapter"].strip(),
            "chapter_order": data["chapter_order"] or 0,
            "order": data["order"] or 0,
        }

    @staticmethod
    def initial_from(revision) -> dict:
        if revision is None:
            return {}
        return {
            **revision.content(),
            "references": ", ".join(str(pmid) for pmid in revision.references),
            "synonyms": ", ".join(revision.synonyms),
        }


class NewTextForm(RevisionForm):
    kind = forms.ChoiceField(choices=Kind.choices)
    key = forms.CharField(max_length=200, help_text="e.g. ALAS2, ALAS2/x-linked-sideroblastic-anemia, heme.")

    field_order = ["kind", "key"]

    def clean(self):
        data = super().clean()
        kind, key = data.get("kind"), (data.get("key") or "").strip()
        if kind and key and not key_fits_kind(kind, key):
            self.add_error("key", f"“{key}” is not a key for a {Kind(kind).label.lower()} text.")
        data["key"] = key
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class TextFilterForm(forms.Form):
    kind = forms.ChoiceField(required=False, choices=[("", "any kind"), *Kind.choices])
    state = forms.ChoiceField(required=False, choices=[("", "any state"), *State.choices])
    q = forms.CharField(required=False, max_length=200, label="Key contains")
    due = forms.BooleanField(required=False, label="Review due only")
