import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from intake.models import CoordinatorQueue, RoutingRule, Site


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_creates_one_user_per_role(roles) -> None:
    call_command("seed_demo", "--password", "pw-one-two-three")
    call_command("seed_demo", "--password", "pw-one-two-three")
    User = get_user_model()
    users = {u.username: u for u in User.objects.all()}
    assert set(users) == {"coordinator", "clinician", "reviewer", "programadmin"}
    assert users["coordinator"].groups.get().name == "Intake coordinator"
    assert users["programadmin"].groups.get().name == "Program admin"
    assert users["reviewer"].check_password("pw-one-two-three")
    assert Site.objects.count() == 3
    virtual = Site.objects.get(slug="virtual")
    assert virtual.local_name("es") == "Programa virtual"
    assert virtual.local_name("pt-br") == "Programa on-line"
    assert Site.objects.get(slug="eastside").local_name("es") == "Eastside"  # a place's name
    assert Site.objects.get(slug="downtown").address == "200 Example Street, 2nd floor"
    assert virtual.address == ""  # nobody visits the virtual program in person
    assert CoordinatorQueue.objects.filter(is_default=True).count() == 1
    assert set(CoordinatorQueue.objects.values_list("video_visit_url", flat=True)) == {
        "https://video.example.org/reengage"
    }
    assert RoutingRule.objects.count() == 1
