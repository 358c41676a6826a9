// SPDX-License-Identifier: Apache-2.0
// Builds a client, a clinician and a couple episode, prints them as JSON, reads the JSON back
// and checks that nothing was lost.
#include <cstdlib>
#include <iostream>

#include <theracore/io/json.hpp>
#include <theracore/theracore.hpp>

int main() {
    using namespace theracore;
    const date today(2026, 11, 25);

    client zoe;
    zoe.id = client_id("c-001");
    zoe.legal_name = {"Zoë Ñúñez", std::string("Ñúñez"), {"Zoë"}};
    zoe.pronouns = "she/her";
    zoe.date_of_birth = date(1992, 2, 29);
    zoe.preferred_language = language("es", "Spanish");
    zoe.telecom = {{contact_system::email, "zoe@example.org", contact_use::home}};
    zoe.culture.cultural_identity = "Chilean-born, bilingual; identifies strongly with family";

    client sam;
    sam.id = client_id("c-002");
    sam.legal_name = {"李小龍", std::string("李"), {"小龍"}};
    sam.preferred_name = "Sam";

    clinician ada;
    ada.id = clinician_id("k-ada");
    ada.name.text = "Ada Okafor";
    ada.credentials = {"PsyD"};
    ada.licences = {licence::create(
        {"Psychologist", "US-NY", "PSY-12345", date(2020, 1, 15), date(2028, 1, 14)})};
    ada.scope_tags = {"couples", "trauma-focused"};

    care_episode::fields f;
    f.id = episode_id("e-100");
    f.kind = episode_kind::couple;
    f.participants = {{zoe.id, participant_role::identified_client},
                      {sam.id, participant_role::partner}};
    f.primary_clinician = ada.id;
    f.opened = date(2026, 10, 1);
    f.presenting_problems = {{"Frequent conflict about finances", std::nullopt}};
    auto episode = care_episode::create(f);
    episode.transition(episode_status::assessment, date(2026, 10, 1));
    episode.transition(episode_status::active, date(2026, 10, 8));

    nlohmann::json bundle;
    bundle["clients"] = {zoe, sam};
    bundle["clinician"] = ada;
    bundle["episode"] = episode;
    std::cout << bundle.dump(2) << "\n";

    const auto zoe2 = bundle["clients"][0].get<client>();
    const auto sam2 = bundle["clients"][1].get<client>();
    const auto ada2 = bundle["clinician"].get<clinician>();
    const auto episode2 = bundle["episode"].get<care_episode>();
    const bool same = zoe2 == zoe && sam2 == sam && ada2 == ada && episode2 == episode;
    std::cout << (same ? "round-trip: identical" : "round-trip: DIFFERENT") << " ("
              << display_name(sam2) << ", licence current on " << to_iso8601(today) << ": "
              << (ada2.licences.front().is_current(today) ? "yes" : "no") << ")\n";
    return same ? EXIT_SUCCESS : EXIT_FAILURE;
}
