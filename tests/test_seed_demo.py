import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Attachment

pytestmark = pytest.mark.django_db


def test_seed_demo_fills_the_site_once_and_a_second_run_changes_nothing(settings, client):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    counts = (Article.objects.count(), Attachment.objects.count())
    assert Article.objects.published().count() >= 30
    assert counts[1] >= 3

    call_command("seed_demo", verbosity=0)
    assert (Article.objects.count(), Attachment.objects.count()) == counts

    settings.DEBUG = False
    article = Article.objects.published().exclude(cover_image="").first()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "<figure" in response.content.decode()


def test_seed_demo_refuses_known_passwords_when_debug_is_off(settings, django_user_model):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", verbosity=0)
    assert not django_user_model.objects.exists()
