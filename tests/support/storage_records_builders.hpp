// SPDX-License-Identifier: Apache-2.0
// Records for the storage tests of administrations, alerts and measurement schedules, made
// from the fixtures in tests/data (so that they are whole, valid records) with the fields a
// test varies set by the caller. Safe to include beside any other builders header: it defines
// no `at` helper of its own (use `when`).
#pragma once

#include <string>
#include <utility>

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <theracore/instruments/administration.hpp>
#include <theracore/io/json.hpp>
#include <theracore/outcomes/alert.hpp>
#include <theracore/outcomes/schedule.hpp>

#include "support/fixtures.hpp"

namespace theracore::test {

/// A UTC instant (named so as not to collide with the area builders' `at`).
inline instant when(int y, int mo, int d, int h = 0, int mi = 0) {
    return instant(date(static_cast<unsigned short>(y), static_cast<unsigned short>(mo),
                        static_cast<unsigned short>(d)),
                   boost::posix_time::hours(h) + boost::posix_time::minutes(mi));
}

/// The PHQ-9 administration of tests/data/administration.json (total 10, item 9 endorsed)
/// with another id, client, time and total; `instrument` renames the instrument and its
/// provenance (the answers stay those of the fixture).
inline instruments::administration sample_administration(const std::string& id,
                                                         const std::string& client, instant at,
                                                         double total = 10,
                                                         const std::string& instrument = "phq9") {
    static const instruments::administration fixture =
        io::from_json_string<instruments::administration>(read_fixture("administration.json"));
    instruments::administration a = fixture;
    a.id = administration_id(id);
    a.client = client_id(client);
    a.episode.reset();
    a.administered_at = at;
    a.instrument = instrument;
    a.result.provenance.instrument = instrument;
    a.result.scales.at(0).value = total;
    return a;
}

/// The raised alert of tests/data/alert.json (acknowledged there) about `client`, raised at
/// `raised`, with its acknowledgement removed.
inline outcomes::alert raised_alert(const std::string& id, const std::string& client,
                                    instant raised) {
    static const outcomes::alert fixture =
        io::from_json_string<outcomes::alert>(read_fixture("alert.json"));
    auto f = fixture.data();
    f.id = alert_id(id);
    f.client = client_id(client);
    f.episode.reset();
    f.raised_at = raised;
    f.evidence.at(0).when = outcomes::observation_time(raised);
    f.state = outcomes::alert_state::raised;
    f.acknowledged_by.reset();
    f.acknowledged_at.reset();
    return outcomes::alert::create(std::move(f));
}

/// A schedule for `episode`: PHQ-9 at intake and every session, CORE-10 every 28 days.
inline outcomes::measurement_schedule sample_schedule(const std::string& episode) {
    outcomes::measurement_schedule s;
    s.episode = episode_id(episode);
    outcomes::measure_rule phq9;
    phq9.instrument_id = "phq9";
    phq9.at_intake = true;
    phq9.every_sessions = 1;
    outcomes::measure_rule core10;
    core10.instrument_id = "core10";
    core10.every_days = 28;
    core10.grace_days = 7;
    s.measures = {phq9, core10};
    return s;
}

}  // namespace theracore::test
