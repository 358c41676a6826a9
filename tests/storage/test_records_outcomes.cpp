// SPDX-License-Identifier: Apache-2.0
// The storage registrations of the outcome records (theracore/storage/records/outcomes.hpp):
// what alerts and measurement schedules index, and the alert lifecycle rule on update.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <theracore/storage/memory.hpp>
#include <theracore/storage/records.hpp>

#include "storage/record_helpers.hpp"
#include "support/storage_records_builders.hpp"

using namespace theracore;
using namespace theracore::storage;
using namespace theracore::test::record_helpers;

TEST(OutcomeRecords, AlertsIndexClientStateSeverityInstrumentAndTime) {
    static_assert(is_registered_record_v<outcomes::alert>);
    EXPECT_STREQ(record_traits<outcomes::alert>::kind, "alert");
    EXPECT_EQ(record_traits<outcomes::alert>::deletion, deletion_policy::soft);
    auto a = test::raised_alert("al-1", "c-zoe", test::when(2026, 2, 2, 11));
    EXPECT_EQ(values(a, "client"), (texts{"c-zoe"}));
    EXPECT_EQ(values(a, "state"), (texts{"raised"}));
    EXPECT_EQ(values(a, "severity"), (texts{"critical"}));
    EXPECT_EQ(values(a, "instrument"), (texts{"phq9"}));
    EXPECT_EQ(values(a, "raised"), (texts{"2026-02-02T11:00:00.000000Z"}));
    EXPECT_EQ(values(a, "episode"), texts{});
    a.acknowledge(clinician_id("k-ada"), test::when(2026, 2, 2, 12));
    EXPECT_EQ(values(a, "state"), (texts{"acknowledged"}));
}

TEST(OutcomeRecords, SchedulesAreKeyedByEpisodeAndIndexEachInstrument) {
    static_assert(is_registered_record_v<outcomes::measurement_schedule>);
    const auto s = test::sample_schedule("e-100");
    EXPECT_EQ(record_traits<outcomes::measurement_schedule>::id(s), episode_id("e-100"));
    EXPECT_EQ(values(s, "instrument"), (texts{"core10", "phq9"}));
}

TEST(OutcomeRecords, AnAlertMovesForwardAndKeepsItsFindingAndWhoActed) {
    const auto raised = test::raised_alert("al-1", "c-zoe", test::when(2026, 2, 2, 11));
    auto acked = raised;
    acked.acknowledge(clinician_id("k-ada"), test::when(2026, 2, 2, 12));
    auto resolved = acked;
    resolved.resolve(clinician_id("k-ada"), test::when(2026, 2, 3, 9), std::string("Seen"));
    EXPECT_FALSE(refused(raised, acked));
    EXPECT_FALSE(refused(raised, resolved));
    EXPECT_FALSE(refused(acked, resolved));
    EXPECT_TRUE(refused(acked, raised)) << "back to raised";
    EXPECT_TRUE(refused(resolved, acked)) << "back to acknowledged";
    auto other_ack = raised;
    other_ack.acknowledge(clinician_id("k-bob"), test::when(2026, 2, 2, 13));
    EXPECT_TRUE(refused(acked, other_ack)) << "who acknowledged is kept";
    auto f = raised.data();
    f.summary = "Something else";
    EXPECT_TRUE(refused(raised, outcomes::alert::create(f))) << "the finding is kept";
    f = raised.data();
    f.evidence.at(0).value = 3;
    EXPECT_TRUE(refused(raised, outcomes::alert::create(f))) << "the evidence is kept";
    auto other_note = acked;
    other_note.resolve(clinician_id("k-ada"), test::when(2026, 2, 3, 9), std::string("Other"));
    EXPECT_TRUE(refused(resolved, other_note)) << "the resolution is kept";
}
