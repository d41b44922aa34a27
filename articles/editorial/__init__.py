"""The staff's side of articles: the admin's forms and pages, revisions, preview.

State changes go through `articles.workflow.perform()`; this package only asks for them.
"""
