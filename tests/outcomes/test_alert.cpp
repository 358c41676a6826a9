// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/outcomes/alert.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;
using boost::posix_time::hours;

namespace {
const instant t0(date(2026, 2, 2), hours(10));

alert::fields raised_fields() {
    alert::fields f;
    f.id = alert_id("al-1");
    f.client = client_id("c-1");
    f.episode = episode_id("e-1");
    f.kind = alert_kind::critical_item;
    f.severity = alert_severity::critical;
    f.instrument_id = "phq9";
    f.summary = "PHQ-9 critical item fired (phq9_9)";
    f.rule = "critical_item: any fired flag";
    f.evidence = {{evidence_role::trigger,
                   "phq9",
                   "1",
                   observation_time(date(2026, 2, 2)),
                   14,
                   administration_id("a-1"),
                   session_id("s-1"),
                   {"phq9_9"}}};
    f.raised_at = t0;
    return f;
}

const std::vector<alert_state> all_states{alert_state::raised, alert_state::acknowledged,
                                          alert_state::resolved};

alert in_state(alert_state s) {
    auto a = alert::create(raised_fields());
    if (s != alert_state::raised) {
        a.acknowledge(clinician_id("k-1"), t0 + hours(1));
    }
    if (s == alert_state::resolved) {
        a.resolve(clinician_id("k-2"), t0 + hours(2), "Risk review done; safety plan updated");
    }
    return a;
}
}  // namespace

TEST(Alert, LifecycleRaisedAcknowledgedResolved) {
    auto a = alert::create(raised_fields());
    EXPECT_EQ(a.state(), alert_state::raised);
    EXPECT_EQ(alert::schema_name, std::string("theracore.alert"));
    a.acknowledge(clinician_id("k-1"), t0 + hours(1));
    EXPECT_EQ(a.state(), alert_state::acknowledged);
    EXPECT_EQ(a.data().acknowledged_by, clinician_id("k-1"));
    EXPECT_EQ(a.data().acknowledged_at, t0 + hours(1));
    a.resolve(clinician_id("k-2"), t0 + hours(2), "Risk review done");
    EXPECT_EQ(a.state(), alert_state::resolved);
    EXPECT_EQ(a.data().resolved_by, clinician_id("k-2"));
    EXPECT_EQ(a.data().resolution_note, std::string("Risk review done"));
    EXPECT_TRUE(alert::check(a.data()).empty());  // the recorded lifecycle re-validates
}

TEST(Alert, EveryInvalidTransitionThrowsConflictNamingBothStates) {
    int conflicts = 0;
    for (auto from : all_states) {
        for (auto to : {alert_state::acknowledged, alert_state::resolved}) {
            const bool allowed = (from == alert_state::raised && to == alert_state::acknowledged) ||
                                 (from == alert_state::acknowledged && to == alert_state::resolved);
            auto a = in_state(from);
            try {
                if (to == alert_state::acknowledged) {
                    a.acknowledge(clinician_id("k-3"), t0 + hours(5));
                } else {
                    a.resolve(clinician_id("k-3"), t0 + hours(5));
                }
                EXPECT_TRUE(allowed) << to_string(from) << " -> " << to_string(to);
            } catch (const conflict& e) {
                ++conflicts;
                EXPECT_FALSE(allowed);
                const std::string expected = "alert al-1: cannot move from " +
                                             std::string(to_string(from)) + " to " +
                                             std::string(to_string(to));
                EXPECT_EQ(std::string(e.what()), expected);
                EXPECT_EQ(a, in_state(from));  // nothing changed
            }
        }
    }
    EXPECT_EQ(conflicts, 4);
}

TEST(Alert, TransitionArgumentsAreChecked) {
    auto a = alert::create(raised_fields());
    EXPECT_INVALID_AT(a.acknowledge(clinician_id(), t0), "by");
    EXPECT_INVALID_AT(a.acknowledge(clinician_id("k-1"), t0 - hours(1)), "at");
    EXPECT_INVALID_AT(a.acknowledge(clinician_id("k-1"), instant()), "at");
    EXPECT_EQ(a.state(), alert_state::raised);
    a.acknowledge(clinician_id("k-1"), t0 + hours(3));
    EXPECT_INVALID_AT(a.resolve(clinician_id("k-1"), t0 + hours(2)), "at");
}

TEST(Alert, CreateChecksEveryInvariant) {
    alert::fields f{};  // value-initialised: GCC 12 at -O2 otherwise warns (falsely) in emplace
    f.state = alert_state::resolved;
    f.acknowledged_at = t0;
    f.resolved_at = t0 - hours(1);
    f.resolution_note.emplace("x");
    f.evidence = {alert_evidence{}};
    const auto p = alert::check(f);
    for (const char* path :
         {"id", "client", "instrument_id", "summary", "evidence[0].instrument_id",
          "evidence[0].when", "raised_at", "acknowledged_by", "resolved_by", "resolved_at"}) {
        bool found = false;
        for (const auto& x : p) {
            found = found || x.path == path;
        }
        EXPECT_TRUE(found) << path;
    }
    EXPECT_THROW((void)alert::create(f), validation_error);

    auto g = raised_fields();
    g.evidence.clear();
    g.acknowledged_by = clinician_id("k-1");
    g.resolution_note.emplace("early");
    const auto q = alert::check(g);
    EXPECT_EQ(q.size(), 3u);
    EXPECT_EQ(q[0].path, "evidence");
    EXPECT_EQ(q[1].path, "acknowledged_by");
    EXPECT_EQ(q[2].path, "resolution_note");
}
