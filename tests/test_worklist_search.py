"""Finding a person on the worklist: a keyed blind index of name words, the contact hashes,
and a search id in the address instead of what was typed (kept 15 minutes, for its user)."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta
from importlib import import_module

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import timezone

from intake import crypto, services, worklist
from intake.admin import search
from intake.models import AuditEvent, Inquiry
from intake.roles import COORDINATOR, PROGRAM_ADMIN
from tests.factories import UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.django_db

WORKLIST = "/admin/intake/inquiry/"
SEARCH = "/admin/intake/inquiry/search/"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def people(roles, django_capture_on_commit_callbacks):
    queue = default_queue()
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    made = {}
    with django_capture_on_commit_callbacks(execute=True):
        for key, name, email in (
            ("jordan", "Jordan Lee", "jordan@example.com"),
            ("marisol", "Marisol Ortega", "marisol@example.com"),
            ("jordana", "Jordana", "jordana@example.com"),
            ("jose", "José O'Brien", "jose@example.com"),
            ("nameless", "", "quiet@example.com"),
        ):
            made[key] = services.inquiry_submit(
                submission=submission(preferred_name=name, email=email, phone="")
            )
    client = Client()
    client.force_login(lee)
    return {"lee": lee, "client": client, **made}


def found(term: str) -> set[int]:
    return set(Inquiry.objects.filter(worklist.search_q(term)).values_list("pk", flat=True))


# --- the blind index ---------------------------------------------------------------------


def test_name_words_are_normalised_for_case_accents_and_apostrophes() -> None:
    assert crypto.name_tokens("  JOSÉ  o'Brien-Lee jose ") == ["jose", "obrien", "lee"]
    assert crypto.name_index("José") == crypto.name_index("JOSE") == crypto.name_index("jose")
    assert crypto.name_index("Zoë") == crypto.name_index("zoe")
    assert crypto.name_index("") == crypto.name_index("  -  ") == ""
    many = " ".join(f"word{n}" for n in range(20))
    assert len(crypto.name_index(many)) <= Inquiry._meta.get_field("name_index").max_length


def test_the_index_key_is_derived_from_the_contact_key_and_is_not_it(settings) -> None:
    key = settings.CONTACT_HASH_KEY.encode()
    derived = hmac.new(key, crypto.NAME_INDEX_CONTEXT, hashlib.sha256).digest()
    expected = hmac.new(derived, b"jordan", hashlib.sha256).hexdigest()[: crypto.NAME_TOKEN_HEX]
    assert crypto.name_token_hash("jordan") == expected
    # Never the contact hash of the same text, and never a plain hash of the name.
    assert not crypto.contact_hash("jordan").startswith(expected)
    assert hashlib.sha256(b"jordan").hexdigest()[: crypto.NAME_TOKEN_HEX] != expected
    settings.CONTACT_HASH_KEY = "another-key-entirely-0123456789"
    assert crypto.name_token_hash("jordan") != expected


def test_jordan_finds_jordan_and_not_marisol_or_jordana(people) -> None:
    assert found("jordan") == {people["jordan"].pk}
    assert found("Marisol") == {people["marisol"].pk}
    assert found("JORDANA") == {people["jordana"].pk}
    assert found("jordan lee") == {people["jordan"].pk}
    assert found("jordan ortega") == set()  # every word must match
    assert found("jose") == found("JOSÉ") == found("obrien") == {people["jose"].pk}
    assert found("jord") == set()  # whole words: a prefix says too much about a name
    assert found("nobody") == set()


def test_e_mail_and_phone_match_exactly_through_the_contact_hash(people) -> None:
    assert found(" Jordan@Example.com ") == {people["jordan"].pk}
    assert found("jordan@example.co") == set()
    with_phone = services.inquiry_submit(submission=submission(phone="(617) 555-0134"))
    assert found("+1 617 555 0134") == {with_phone.pk}


def test_the_database_holds_hashes_of_the_name_never_the_name(people) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name_index FROM intake_inquiry WHERE id = %s", [people["jose"].pk])
        (raw,) = cursor.fetchone()
    assert raw == crypto.name_index("José O'Brien")
    assert "jos" not in raw.lower() and "brien" not in raw.lower()
    assert Inquiry.objects.get(pk=people["nameless"].pk).name_index == ""


def test_retention_erases_the_name_index_with_the_name(people) -> None:
    old = timezone.now() - timedelta(days=4000)
    Inquiry.objects.filter(pk=people["jordan"].pk).update(status="closed", updated_at=old)
    services.purge_expired()
    erased = Inquiry.objects.get(pk=people["jordan"].pk)
    assert erased.preferred_name == "" and erased.name_index == ""
    assert found("jordan") == set()


def test_the_data_migration_fills_the_index_of_earlier_inquiries(people) -> None:
    Inquiry.objects.update(name_index="")
    with connection.cursor() as cursor:  # a name no listed key decrypts is left out
        cursor.execute(
            "UPDATE intake_inquiry SET preferred_name = %s WHERE id = %s",
            [crypto.TOKEN_PREFIX + "not-a-token", people["marisol"].pk],
        )
    import_module("intake.migrations.0106_backfill_name_index").fill(apps, None)
    assert found("jordan") == {people["jordan"].pk}
    assert found("jose") == {people["jose"].pk}
    assert Inquiry.objects.filter(pk=people["marisol"].pk).values_list("name_index")[0] == ("",)


# --- the search id -----------------------------------------------------------------------


def test_a_search_id_stands_for_the_term_for_its_user_only_and_for_fifteen_minutes(
    people,
) -> None:
    lee, bo = people["lee"], UserFactory(username="bo")
    search_id = search.search_remember(lee, "Jordan")
    assert "jordan" not in search_id.lower() and len(search_id) >= 16
    assert search.search_recall(lee, search_id) == "Jordan"
    assert search.search_recall(bo, search_id) is None
    assert search.search_recall(lee, "no-such-search-id-at-all") is None
    assert search.search_recall(lee, "../../etc") is None
    # Kept encrypted, never as typed.
    kept = cache.get(f"{search.CACHE_PREFIX}{lee.pk}:{search_id}")
    assert kept["term"].startswith(crypto.TOKEN_PREFIX) and "Jordan" not in str(kept)
    with time_machine.travel(timezone.now() + timedelta(minutes=14), tick=False):
        assert search.search_recall(lee, search_id) == "Jordan"
    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        assert search.search_recall(lee, search_id) is None


def test_searching_posts_and_the_worklist_opens_at_the_id_with_the_matches(people) -> None:
    client = people["client"]
    response = client.post(SEARCH, {"find": "jordan"})
    assert response.status_code == 303
    location = response["Location"]
    assert location.startswith(f"{WORKLIST}?search=") and "jordan" not in location.lower()
    page = client.get(location)
    assert [row.pk for row in page.context["cl"].result_list] == [people["jordan"].pk]
    assert page.context["search_term"] == "jordan"
    # Another coordinator's browser cannot use it: the id is bound to who searched.
    bo = coordinator(default_queue(), "bo")
    bo.groups.add(Group.objects.get(name=COORDINATOR))
    other = Client()
    other.force_login(bo)
    refused = other.get(location)
    assert refused.status_code == 302 and "search=" not in refused["Location"]


def test_an_expired_search_sends_the_coordinator_back_with_a_note(people) -> None:
    client = people["client"]
    location = client.post(SEARCH, {"find": "jordan"})["Location"]
    cache.clear()  # what 15 minutes do to it (the sign-in itself would have ended by then)
    response = client.get(location, follow=True)
    assert "search=" not in response.redirect_chain[-1][0]
    assert "That search has ended" in response.content.decode()


def test_the_audit_log_records_that_a_search_happened_never_its_value(people) -> None:
    client = people["client"]
    for term in ("Jordan", "marisol@example.com", "617 555 0134"):
        client.post(SEARCH, {"find": term})
    rows = AuditEvent.objects.filter(action=AuditEvent.Action.SEARCH)
    assert rows.count() == 3
    assert {(r.actor, r.object_type, r.path) for r in rows} == {(people["lee"], "inquiry", SEARCH)}
    everything = " ".join(
        str(value)
        for row in AuditEvent.objects.values_list("path", "object_type", "object_id")
        for value in row
    ).lower()
    for term in ("jordan", "marisol", "example.com", "555", "0134"):
        assert term not in everything


def test_the_address_search_is_gone(people, roles) -> None:
    client = people["client"]
    response = client.get(WORKLIST, {"q": "jordan@example.com", "status": "all"})
    assert response.status_code == 302
    assert response["Location"] == f"{WORKLIST}?status=all"
    # An old link to an inquiry from a searched list: the term is carried on nowhere.
    inquiry = people["jordan"].pk
    page = client.get(
        f"{WORKLIST}{inquiry}/change/", {"_changelist_filters": "q=marisol@example.com&view=mine"}
    )
    assert page.status_code == 200
    links = [*page.context["case_nav"].values(), page.context["preserved_filters"]]
    assert not [link for link in links if "marisol" in link.lower()]
    assert "view%3Dmine" in page.context["case_nav"]["next"] + page.context["case_nav"]["query"]
    assert client.get(SEARCH).status_code == 302  # the box only posts
    assert client.post(SEARCH, {"find": ""})["Location"] == WORKLIST
    # Staff who may not open the worklist may not search it either.
    pat = UserFactory(username="pat")
    pat.groups.add(Group.objects.get(name=PROGRAM_ADMIN))
    admin_client = Client()
    admin_client.force_login(pat)
    assert admin_client.post(SEARCH, {"find": "jordan"}).status_code == 403
    assert admin_client.get(WORKLIST, {"q": "jordan"}).status_code == 403
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.SEARCH, actor=pat).exists()
