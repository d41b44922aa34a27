"""The role table (accounts/roles.py) is what a migrated database holds."""

import pytest
from django.contrib.auth.models import Group

from accounts.roles import GRANTS, Role, codenames, sync_role_groups

pytestmark = pytest.mark.django_db


def held(role: Role) -> set[tuple[str, str]]:
    group = Group.objects.get(name=role.value)
    return {(p.content_type.app_label, p.codename) for p in group.permissions.all()}


@pytest.mark.parametrize("role", list(Role))
def test_the_migrations_gave_each_role_exactly_the_permissions_of_the_role_table(role):
    assert held(role) == codenames(GRANTS[role])


def test_syncing_the_roles_restores_a_permission_taken_away_and_removes_one_added():
    editor = Group.objects.get(name="Editor")
    writer = Group.objects.get(name="Writer")
    editor.permissions.remove(*editor.permissions.filter(codename="publish_article"))
    writer.permissions.add(*editor.permissions.filter(codename="delete_tag"))
    sync_role_groups()
    assert ("articles", "publish_article") in held(Role.EDITOR)
    assert held(Role.WRITER) == codenames(GRANTS[Role.WRITER])
