// SPDX-License-Identifier: Apache-2.0
#include <cstdlib>
#include <iostream>

#include <theracore/theracore.hpp>

int main() {
    auto e = theracore::care_episode::create([] {
        theracore::care_episode::fields f;
        f.id = theracore::episode_id("e1");
        f.participants = {
            {theracore::client_id("c1"), theracore::participant_role::identified_client}};
        f.primary_clinician = theracore::clinician_id("k1");
        f.opened = theracore::date(2026, 1, 5);
        return f;
    }());
    e.transition(theracore::episode_status::active, theracore::date(2026, 1, 5));
    std::cout << "episode " << e.id() << " is " << theracore::to_string(e.status()) << "\n";
    return e.status() == theracore::episode_status::active ? EXIT_SUCCESS : EXIT_FAILURE;
}
