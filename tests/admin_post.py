"""What the article admin form posts, built from an article (as a browser would send it)."""

from django.urls import reverse
from django.utils import timezone


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def article_form_data(article, **overrides) -> dict:
    local = timezone.localtime(article.published_at) if article.published_at else None
    embargo = timezone.localtime(article.embargo_until) if article.embargo_until else None
    bylines = list(article.bylines.all())
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "cover_caption": article.cover_caption,
        "cover_alt": article.cover_alt,
        "tags": [tag.pk for tag in article.tags.all()],
        "published_at_0": f"{local:%d/%m/%Y}" if local else "",
        "published_at_1": f"{local:%H:%M:%S}" if local else "",
        "embargo_until_0": f"{embargo:%d/%m/%Y}" if embargo else "",
        "embargo_until_1": f"{embargo:%H:%M:%S}" if embargo else "",
        "base_version": article.version,
        "bylines-TOTAL_FORMS": len(bylines),
        "bylines-INITIAL_FORMS": len(bylines),
        "attachments-TOTAL_FORMS": 0,
        "attachments-INITIAL_FORMS": 0,
    }
    for i, byline in enumerate(bylines):
        data[f"bylines-{i}-id"] = byline.pk
        data[f"bylines-{i}-article"] = article.pk
        data[f"bylines-{i}-author"] = byline.author_id
        data[f"bylines-{i}-position"] = byline.position
    data.update(overrides)
    return data
