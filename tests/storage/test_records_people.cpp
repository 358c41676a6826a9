// SPDX-License-Identifier: Apache-2.0
// The storage registrations of the core model (theracore/storage/records/people.hpp): what each
// type indexes. The conformance suite checks how queries over these columns behave.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <theracore/storage/records.hpp>

#include "storage/record_helpers.hpp"
#include "support/builders.hpp"

using namespace theracore;
using namespace theracore::storage;

namespace {

using theracore::test::record_helpers::distinct_values;

using texts = std::vector<std::string>;

}  // namespace

TEST(ModelRecords, EveryModelTypeIsRegisteredUnderItsOwnKind) {
    static_assert(is_registered_record_v<client>);
    static_assert(is_registered_record_v<clinician>);
    static_assert(is_registered_record_v<care_episode>);
    static_assert(is_registered_record_v<intake>);
    static_assert(!is_registered_record_v<coded_concept>);
    const std::set<std::string> kinds{record_traits<client>::kind, record_traits<clinician>::kind,
                                      record_traits<care_episode>::kind,
                                      record_traits<intake>::kind};
    EXPECT_EQ(kinds, (std::set<std::string>{"care_episode", "client", "clinician", "intake"}));
    EXPECT_EQ(record_traits<client>::deletion, deletion_policy::soft);
    EXPECT_EQ(record_traits<care_episode>::deletion, deletion_policy::soft);
    EXPECT_EQ(record_traits<intake>::deletion, deletion_policy::soft);
    EXPECT_EQ(record_traits<clinician>::deletion, deletion_policy::soft);
}

TEST(ModelRecords, ClientsIndexEveryNameAndNamePartFolded) {
    const auto c = test::full_client();  // legal "Zoë Ñúñez", given Zoë María, preferred Zoë
    EXPECT_EQ(distinct_values(c, "name"), (texts{"maría", "zoë", "zoë ñúñez", "ñúñez"}));
    EXPECT_EQ(distinct_values(c, "sort_name"), (texts{"zoë ñúñez"}));
    EXPECT_EQ(distinct_values(c, "date_of_birth"), (texts{"1992-02-29"}));
    EXPECT_EQ(distinct_values(test::minimal_client(), "date_of_birth"), texts{});
}

TEST(ModelRecords, CliniciansIndexNameSupervisorScopeAndLicenceExpiry) {
    const auto k = test::full_clinician();
    EXPECT_EQ(distinct_values(k, "name"), (texts{"ada", "ada okafor", "okafor"}));
    EXPECT_EQ(distinct_values(k, "supervisor"), (texts{"k-sup"}));
    EXPECT_EQ(distinct_values(k, "scope"), (texts{"couples", "trauma-focused"}));
    EXPECT_EQ(distinct_values(k, "licence_expires"), (texts{"2026-02-28", "2028-01-14"}));
}

TEST(ModelRecords, EpisodesIndexEveryParticipantTheClinicianStatusAndDates) {
    const auto e = test::closed_episode();
    EXPECT_EQ(distinct_values(e, "client"), (texts{"c-lee", "c-zoe"}));
    EXPECT_EQ(distinct_values(e, "clinician"), (texts{"k-ada"}));
    EXPECT_EQ(distinct_values(e, "status"), (texts{"closed"}));
    EXPECT_EQ(distinct_values(e, "opened"), (texts{"2024-02-29"}));
    EXPECT_EQ(distinct_values(e, "closed"), (texts{"2024-12-20"}));
}

TEST(ModelRecords, IntakesIndexTheirClientEpisodeClinicianAndDate) {
    const auto i = test::full_intake();
    EXPECT_EQ(distinct_values(i, "client"), (texts{"c-zoe"}));
    EXPECT_EQ(distinct_values(i, "episode"), (texts{"e-100"}));
    EXPECT_EQ(distinct_values(i, "clinician"), (texts{"k-ada"}));
    EXPECT_EQ(distinct_values(i, "recorded_on"), (texts{"2024-03-01"}));
}
