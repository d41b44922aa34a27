"""Keeps TagListing in step with articles and their tags.

An article has an entry per tag while it is published (scheduled ones too: the tag page
filters on the time, so it appears on its minute). Every save of an article and every
change to its tags, from either side, rebuilds that article's entries in the same
transaction. The tag page also checks the article's own status and time, so an entry
that were ever out of step could hide an article, never show one that is not public.
"""

from django.db.models.signals import m2m_changed, post_save

from articles.models import Article, TagListing

Tagging = Article.tags.through


def refresh(article_ids) -> None:
    """Rebuild the entries of these articles from their tags and publication."""
    article_ids = list(article_ids)
    TagListing.objects.filter(article_id__in=article_ids).delete()
    taggings = Tagging.objects.filter(
        article_id__in=article_ids,
        article__status=Article.State.PUBLISHED,
        article__published_at__isnull=False,
    ).values_list("tag_id", "article_id", "article__published_at")
    TagListing.objects.bulk_create(
        [
            TagListing(tag_id=tag, article_id=article, published_at=at)
            for tag, article, at in taggings
        ],
        ignore_conflicts=True,  # two saves of one article at once: either's rows will do
    )


def _article_saved(*, instance, raw=False, **kwargs) -> None:
    if not raw:  # loaddata: the fixture brings its own rows
        refresh([instance.pk])


def _tags_changed(*, instance, action, reverse, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if not reverse:  # article.tags.add/remove/set/clear
        refresh([instance.pk])
    elif action == "post_clear":  # tag.articles.clear()
        TagListing.objects.filter(tag=instance).delete()
    else:  # tag.articles.add/remove
        refresh(pk_set)


def connect() -> None:
    post_save.connect(_article_saved, sender=Article, dispatch_uid="tag-listings-article")
    m2m_changed.connect(_tags_changed, sender=Tagging, dispatch_uid="tag-listings-tags")
