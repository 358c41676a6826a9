// SPDX-License-Identifier: Apache-2.0
// The storage registrations of the core model (theracore/storage/records/people.hpp): what each
// type indexes. The conformance suite checks how queries over these columns behave.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <theracore/storage/records.hpp>

#include "support/builders.hpp"

using namespace theracore;
using namespace theracore::storage;

namespace {

template <class T>
std::vector<std::string> values(const T& record, const std::string& column) {
    index_writer<T> w;
    record_traits<T>::index(record, w);
    std::vector<std::string> out;
    for (const auto& e : std::move(w).take()) {
        if (e.name == column) {
            out.push_back(e.value);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

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
    EXPECT_EQ(values(c, "name"), (texts{"maría", "zoë", "zoë ñúñez", "ñúñez"}));
    EXPECT_EQ(values(c, "sort_name"), (texts{"zoë ñúñez"}));
    EXPECT_EQ(values(c, "date_of_birth"), (texts{"1992-02-29"}));
    EXPECT_EQ(values(test::minimal_client(), "date_of_birth"), texts{});
}

TEST(ModelRecords, CliniciansIndexNameSupervisorScopeAndLicenceExpiry) {
    const auto k = test::full_clinician();
    EXPECT_EQ(values(k, "name"), (texts{"ada", "ada okafor", "okafor"}));
    EXPECT_EQ(values(k, "supervisor"), (texts{"k-sup"}));
    EXPECT_EQ(values(k, "scope"), (texts{"couples", "trauma-focused"}));
    EXPECT_EQ(values(k, "licence_expires"), (texts{"2026-02-28", "2028-01-14"}));
}

TEST(ModelRecords, EpisodesIndexEveryParticipantTheClinicianStatusAndDates) {
    const auto e = test::closed_episode();
    EXPECT_EQ(values(e, "client"), (texts{"c-lee", "c-zoe"}));
    EXPECT_EQ(values(e, "clinician"), (texts{"k-ada"}));
    EXPECT_EQ(values(e, "status"), (texts{"closed"}));
    EXPECT_EQ(values(e, "opened"), (texts{"2024-02-29"}));
    EXPECT_EQ(values(e, "closed"), (texts{"2024-12-20"}));
}

TEST(ModelRecords, IntakesIndexTheirClientEpisodeClinicianAndDate) {
    const auto i = test::full_intake();
    EXPECT_EQ(values(i, "client"), (texts{"c-zoe"}));
    EXPECT_EQ(values(i, "episode"), (texts{"e-100"}));
    EXPECT_EQ(values(i, "clinician"), (texts{"k-ada"}));
    EXPECT_EQ(values(i, "recorded_on"), (texts{"2024-03-01"}));
}
