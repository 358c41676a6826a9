// SPDX-License-Identifier: Apache-2.0
// The conformance suite (StoreConformance, every backend) for administrations, instrument
// definitions, alerts and measurement schedules: round trips, bad input, update rules, bulk
// insertion, and the queries over them (a client's administrations in a date range, its
// trajectories, open alerts, the measures due for a clinician on a date).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include <theracore/storage/records.hpp>

#include "support/storage_records_builders.hpp"
// After the builders: see store_fixture.hpp.
#include "storage/store_fixture.hpp"

namespace {

using namespace theracore::test::store_suite;
using t::when;

instruments::instrument wellbeing_definition() {
    // A definition file may leave defaults out: the definition loader reads it.
    return instruments::load_instrument_text(t::read_fixture("instruments/custom_wellbeing.json"));
}

care_episode active_episode(const std::string& id, std::vector<std::string> clients,
                            const std::string& clinician, date opened) {
    care_episode::fields f;
    f.id = episode_id(id);
    f.kind = clients.size() > 1 ? episode_kind::couple : episode_kind::individual;
    for (std::size_t i = 0; i < clients.size(); ++i) {
        f.participants.push_back({client_id(clients[i]), i == 0
                                                             ? participant_role::identified_client
                                                             : participant_role::partner});
    }
    f.primary_clinician = clinician_id(clinician);
    f.opened = opened;
    auto e = care_episode::create(f);
    e.transition(episode_status::active, opened);
    return e;
}

session held(const std::string& id, const std::string& episode, const std::string& client,
             instant start) {
    session::fields f;
    f.id = session_id(id);
    f.episode = episode_id(episode);
    f.clinician = clinician_id("k-ada");
    f.start = start;
    f.duration_minutes = 50;
    f.attendees = {{client_id(client), std::nullopt, std::nullopt, attendance_role::client}};
    return session::create(f);
}

std::vector<std::string> administration_ids(const std::vector<instruments::administration>& v) {
    std::vector<std::string> out;
    for (const auto& a : v) {
        out.push_back(a.id.str());
    }
    return out;
}

// ----- Round trips and bad input ----------------------------------------------------------

TEST_P(StoreConformance, InstrumentAndOutcomeRecordsReadBackEqualAtRevisionOne) {
    auto a = t::sample_administration("a-1", "c-zoe", when(2024, 2, 29, 9, 30));
    a.episode = episode_id("e-100");
    const auto def = wellbeing_definition();
    const auto alert = t::raised_alert("al-1", "c-zoe", when(2024, 3, 1, 8));
    const auto schedule = t::sample_schedule("e-100");
    {
        auto tx = db().begin(ada);
        EXPECT_EQ(tx.insert(a), 1);
        tx.insert(def);
        tx.insert(alert);
        tx.insert(schedule);
        tx.commit();
    }
    auto tx = db().begin(bob, access_mode::read_only);
    const auto stored = tx.get<instruments::administration>(administration_id("a-1"));
    EXPECT_EQ(stored.value, a);
    EXPECT_EQ(stored.revision(), 1);
    EXPECT_EQ(stored.meta.created_by, "k-ada");
    EXPECT_EQ(stored.meta.created_at, clock_);
    EXPECT_TRUE(tx.get<instruments::instrument>(instrument_version_key(def.id(), def.version()))
                    .value.data() == def.data());
    EXPECT_EQ(tx.get<outcomes::alert>(alert_id("al-1")).value, alert);
    EXPECT_EQ(tx.get<outcomes::measurement_schedule>(episode_id("e-100")).value, schedule);
}

TEST_P(StoreConformance, InvalidInstrumentAndOutcomeRecordsAreRejectedBeforeAnyWrite) {
    {
        auto tx = db().begin(ada);
        auto a = t::sample_administration("a-1", "c-zoe", when(2024, 2, 29, 9));
        a.client = client_id();
        expect_rejected(tx, a, "client");
        a = t::sample_administration("a-1", "c-zoe", when(2024, 2, 29, 9));
        a.result.provenance.instrument = "gad7";
        expect_rejected(tx, a, "result.provenance");
        a = t::sample_administration("a-1", "c-zoe", instant());
        expect_rejected(tx, a, "administered_at");
        expect_rejected(tx, outcomes::alert{}, "id");
        auto s = t::sample_schedule("e-100");
        s.measures.push_back(s.measures[0]);
        expect_rejected(tx, s, "measures[2].instrument_id");
        expect_rejected(tx, outcomes::measurement_schedule{}, "episode");
        EXPECT_THROW(tx.insert(instruments::instrument{}), validation_error);
        // A whole batch is refused for one bad administration.
        std::vector<instruments::administration> batch{
            t::sample_administration("a-2", "c-zoe", when(2024, 3, 1)),
            t::sample_administration("a-3", "", when(2024, 3, 2))};
        EXPECT_THROW(tx.insert_all(batch), validation_error);
        EXPECT_TRUE(tx.active());
        tx.commit();
    }
    expect_empty();
}

// ----- Update rules through the store -----------------------------------------------------

TEST_P(StoreConformance, AnAdministrationMayBeRescoredButItsAnswersNeverChange) {
    put(t::sample_administration("a-1", "c-zoe", when(2024, 2, 29, 9)));
    {
        auto tx = db().begin(ada);
        auto a = tx.get<instruments::administration>(administration_id("a-1"));
        a.value.responses.form_order.at(8) = instruments::answer(0.0);
        try {
            tx.update(a);
            FAIL() << "expected conflict";
        } catch (const conflict& e) {
            EXPECT_NE(std::string(e.what()).find("responses"), std::string::npos) << e.what();
        }
        EXPECT_TRUE(tx.active()) << "refused before anything was written";
        a = tx.get<instruments::administration>(administration_id("a-1"));
        a.value.result.scales.at(0).value = 11;
        a.value.episode = episode_id("e-100");
        EXPECT_EQ(tx.update(a), 2);
        tx.commit();
    }
    const auto a = read<instruments::administration>(administration_id("a-1"));
    EXPECT_EQ(a.value.result.scales.at(0).value, 11);
    EXPECT_EQ(a.value.responses,
              t::sample_administration("a-1", "c-zoe", when(2024, 2, 29, 9)).responses);
}

TEST_P(StoreConformance, AStoredDefinitionVersionNeverChanges) {
    const auto def = wellbeing_definition();
    put(def);
    auto f = def.data();
    f.citation = "Rewritten";
    auto tx = db().begin(ada);
    EXPECT_THROW(tx.update(instruments::instrument::create(f), 1), conflict);
    EXPECT_TRUE(tx.active());
    tx.commit();
    EXPECT_EQ(
        read<instruments::instrument>(instrument_version_key(def.id(), def.version())).revision(),
        1);
}

TEST_P(StoreConformance, AnAlertOnlyMovesForward) {
    put(t::raised_alert("al-1", "c-zoe", when(2024, 3, 1, 8)));
    auto tx = db().begin(ada);
    auto a = tx.get<outcomes::alert>(alert_id("al-1"));
    const auto raised = a.value;
    a.value.acknowledge(clinician_id("k-ada"), when(2024, 3, 1, 9));
    EXPECT_EQ(tx.update(a), 2);
    EXPECT_THROW(tx.update(raised, 2), conflict) << "back to raised";
    EXPECT_EQ(tx.get<outcomes::alert>(alert_id("al-1")).value.state(),
              outcomes::alert_state::acknowledged);
}

// ----- Administrations: the dedicated path ------------------------------------------------

class StoreAdministrations : public StoreConformance {
  protected:
    void SetUp() override {
        StoreConformance::SetUp();
        if (IsSkipped()) {
            return;
        }
        // Inserted out of time order; c-zoe has PHQ-9 and GAD-7, c-lee PHQ-9 only.
        std::vector<instruments::administration> batch{
            t::sample_administration("a-3", "c-zoe", when(2024, 3, 1, 0, 0), 12),
            t::sample_administration("a-1", "c-zoe", when(2024, 1, 31, 23, 59), 18),
            t::sample_administration("a-5", "c-zoe", when(2024, 3, 31, 23, 59), 7),
            t::sample_administration("a-2", "c-zoe", when(2024, 2, 15, 9, 0), 15),
            t::sample_administration("g-1", "c-zoe", when(2024, 2, 15, 9, 5), 9, "gad7"),
            t::sample_administration("a-4", "c-zoe", when(2024, 3, 15, 9, 0), 10),
            t::sample_administration("l-1", "c-lee", when(2024, 2, 20, 10, 0), 5),
        };
        db().transact(ada, [&](transaction& tx) { tx.insert_all(batch); });
    }

    std::vector<std::string> in_range(const std::string& client, const std::string& instrument,
                                      date from, date to) {
        return found(administrations_of(client_id(client), instrument, from, to));
    }
};

TEST_P(StoreAdministrations, AClientsAdministrationsOfAnInstrumentInADateRangeInTimeOrder) {
    EXPECT_EQ(in_range("c-zoe", "phq9", date(2024, 2, 1), date(2024, 3, 31)),
              (ids{"a-2", "a-3", "a-4", "a-5"}));
    EXPECT_EQ(in_range("c-zoe", "phq9", date(2024, 1, 31), date(2024, 2, 29)), (ids{"a-1", "a-2"}))
        << "whole days: 23:59 on the first day counts";
    EXPECT_EQ(in_range("c-zoe", "phq9", date(2024, 3, 1), date(2024, 3, 1)), (ids{"a-3"}));
    EXPECT_EQ(in_range("c-zoe", "gad7", date(2024, 1, 1), date(2024, 12, 31)), (ids{"g-1"}));
    EXPECT_EQ(in_range("c-lee", "phq9", date(2024, 1, 1), date(2024, 12, 31)), (ids{"l-1"}));
    EXPECT_EQ(in_range("c-zoe", "core10", date(2024, 1, 1), date(2024, 12, 31)), ids{});
    EXPECT_EQ(in_range("c-nobody", "phq9", date(2024, 1, 1), date(2024, 12, 31)), ids{});
    EXPECT_EQ(found(administrations_of(client_id("c-zoe"), "phq9", when(2024, 2, 15, 9),
                                       when(2024, 3, 1))),
              (ids{"a-2", "a-3"}))
        << "instants: both bounds inclusive";
    using a = record_traits<instruments::administration>;
    EXPECT_EQ(found(administrations_of(client_id("c-zoe"))
                        .order_by(a::administered, sort_order::descending)
                        .limit(2)),
              (ids{"a-5", "a-4"}));
    EXPECT_EQ(found(query<instruments::administration>()
                        .where(a::instrument, std::string("phq9"))
                        .limit(3)),
              (ids{"a-1", "a-2", "a-3"}))
        << "by id when no order is given";
}

TEST_P(StoreAdministrations, TrajectoriesAreTheOrderedAdministrationsPerInstrument) {
    auto tx = db().begin(ada, access_mode::read_only);
    const auto phq9 = client_trajectory(tx, client_id("c-zoe"), "phq9");
    EXPECT_EQ(administration_ids(phq9), (ids{"a-1", "a-2", "a-3", "a-4", "a-5"}));
    std::vector<double> totals;
    for (const auto& a : phq9) {
        totals.push_back(*a.result.scales.at(0).value);
    }
    EXPECT_EQ(totals, (std::vector<double>{18, 15, 12, 10, 7}));
    EXPECT_EQ(phq9[2], t::sample_administration("a-3", "c-zoe", when(2024, 3, 1, 0, 0), 12));
    const auto all = client_trajectories(tx, client_id("c-zoe"));
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(administration_ids(all.at("phq9")), administration_ids(phq9));
    EXPECT_EQ(administration_ids(all.at("gad7")), (ids{"g-1"}));
    EXPECT_TRUE(client_trajectories(tx, client_id("c-nobody")).empty());
}

TEST_P(StoreAdministrations, DeletesRestoresPurgesAndReindexWorkOnAdministrations) {
    {
        auto tx = db().begin(bob);
        EXPECT_EQ(
            tx.remove<instruments::administration>(administration_id("a-2"), 1, "Entered twice"),
            2);
        tx.commit();
    }
    EXPECT_EQ(in_range("c-zoe", "phq9", date(2024, 1, 1), date(2024, 12, 31)),
              (ids{"a-1", "a-3", "a-4", "a-5"}));
    const auto gone =
        read<instruments::administration>(administration_id("a-2"), visibility::include_deleted);
    ASSERT_TRUE(gone.deleted());
    EXPECT_EQ(gone.meta.deleted->by, "k-bob");
    EXPECT_EQ(found(administrations_of(client_id("c-zoe")).deleted(deleted_records::only)),
              (ids{"a-2"}));
    db().transact(ada, [](transaction& tx) {
        tx.restore<instruments::administration>(administration_id("a-2"), 2, "Was not a duplicate");
        tx.purge<instruments::administration>(administration_id("a-5"), 1, "Wrong chart");
        EXPECT_EQ(tx.reindex<instruments::administration>(), 6u);
    });
    EXPECT_EQ(in_range("c-zoe", "phq9", date(2024, 1, 1), date(2024, 12, 31)),
              (ids{"a-1", "a-2", "a-3", "a-4"}));
    EXPECT_FALSE(read<instruments::administration>(administration_id("a-1")).deleted());
    auto tx = db().begin(ada, access_mode::read_only);
    EXPECT_FALSE(tx.find<instruments::administration>(administration_id("a-5"),
                                                      visibility::include_deleted));
    EXPECT_EQ(tx.journal({std::string("purge"), {}, {}, 0, 0, false}).size(), 1u);
}

TEST_P(StoreAdministrations, UpdatesKeepTheTimeOrder) {
    // Re-scoring a.4 changes nothing of its place; the order column is the administration time.
    db().transact(ada, [](transaction& tx) {
        auto a = tx.get<instruments::administration>(administration_id("a-4"));
        a.value.result.scales.at(0).value = 20;
        tx.update(a);
    });
    auto tx = db().begin(ada, access_mode::read_only);
    const auto phq9 = client_trajectory(tx, client_id("c-zoe"), "phq9");
    EXPECT_EQ(administration_ids(phq9), (ids{"a-1", "a-2", "a-3", "a-4", "a-5"}));
    EXPECT_EQ(phq9[3].result.scales.at(0).value, 20);
}

TEST_P(StoreAdministrations, BulkInsertIsAllOrNothing) {
    std::vector<instruments::administration> batch;
    for (int i = 0; i < 400; ++i) {
        batch.push_back(t::sample_administration("b-" + std::to_string(1000 + i), "c-max",
                                                 when(2024, 1, 1) + boost::posix_time::hours(i),
                                                 i % 28));
    }
    db().transact(ada, [&](transaction& tx) { tx.insert_all(batch); });
    {
        auto tx = db().begin(ada, access_mode::read_only);
        const auto stored = client_trajectory(tx, client_id("c-max"), "phq9");
        ASSERT_EQ(stored.size(), 400u);
        EXPECT_EQ(stored[123], batch[123]);
        EXPECT_EQ(stored.back(), batch.back());
    }
    std::vector<instruments::administration> clash{
        t::sample_administration("b-new", "c-max", when(2025, 1, 1)),
        t::sample_administration("a-3", "c-max", when(2025, 1, 2))};
    auto tx = db().begin(ada);
    EXPECT_THROW(tx.insert_all(clash), conflict);
    EXPECT_FALSE(tx.active());
    EXPECT_FALSE(read<instruments::administration>(administration_id("a-3")).value.client ==
                 client_id("c-max"));
    auto check = db().begin(ada, access_mode::read_only);
    EXPECT_FALSE(check.find<instruments::administration>(administration_id("b-new")));
}

// ----- Alerts and due measures ------------------------------------------------------------

TEST_P(StoreConformance, OpenAlertsOfAClientAndOfACaseload) {
    auto acknowledged = t::raised_alert("al-2", "c-zoe", when(2024, 3, 2, 8));
    acknowledged.acknowledge(clinician_id("k-ada"), when(2024, 3, 2, 9));
    auto resolved = t::raised_alert("al-3", "c-zoe", when(2024, 3, 3, 8));
    resolved.acknowledge(clinician_id("k-ada"), when(2024, 3, 3, 9));
    resolved.resolve(clinician_id("k-ada"), when(2024, 3, 3, 10));
    db().transact(ada, [&](transaction& tx) {
        tx.insert(t::raised_alert("al-1", "c-zoe", when(2024, 3, 5, 8)));
        tx.insert(acknowledged);
        tx.insert(resolved);
        tx.insert(t::raised_alert("al-4", "c-lee", when(2024, 3, 1, 8)));
        tx.insert(t::raised_alert("al-5", "c-max", when(2024, 3, 1, 8)));
        tx.insert(active_episode("e-1", {"c-zoe"}, "k-ada", date(2024, 1, 8)));
        tx.insert(active_episode("e-2", {"c-lee"}, "k-ada", date(2024, 1, 8)));
        tx.insert(active_episode("e-3", {"c-max"}, "k-bob", date(2024, 1, 8)));
    });
    EXPECT_EQ(found(open_alerts_of(client_id("c-zoe"))), (ids{"al-2", "al-1"}));
    auto tx = db().begin(ada, access_mode::read_only);
    EXPECT_EQ(ids_of(open_alerts_for_clinician(tx, clinician_id("k-ada"))),
              (ids{"al-4", "al-2", "al-1"}));
    EXPECT_EQ(ids_of(open_alerts_for_clinician(tx, clinician_id("k-bob"))), (ids{"al-5"}));
    EXPECT_EQ(ids_of(open_alerts_for_clinician(tx, clinician_id("k-nobody"))), ids{});
}

class StoreDueMeasures : public StoreConformance {
  protected:
    void SetUp() override {
        StoreConformance::SetUp();
        if (IsSkipped()) {
            return;
        }
        auto tx = db().begin(ada);
        // e-1: c-zoe with k-ada from 2024-01-08; PHQ-9 at intake and every session, CORE-10
        // every 28 days (grace 7).
        tx.insert(active_episode("e-1", {"c-zoe"}, "k-ada", date(2024, 1, 8)));
        tx.insert(t::sample_schedule("e-1"));
        tx.insert(held("s-1", "e-1", "c-zoe", when(2024, 1, 8, 10)));
        tx.insert(held("s-2", "e-1", "c-zoe", when(2024, 1, 15, 10)));
        tx.insert(held("s-3", "e-1", "c-zoe", when(2024, 1, 22, 10)));
        auto a1 = t::sample_administration("a-1", "c-zoe", when(2024, 1, 8, 10, 5));
        a1.episode = episode_id("e-1");
        tx.insert(a1);
        tx.insert(t::sample_administration("a-2", "c-zoe", when(2024, 1, 15, 10, 5)));
        auto c1 = t::sample_administration("c-1", "c-zoe", when(2024, 1, 8, 10, 10), 12, "core10");
        c1.episode = episode_id("e-1");
        tx.insert(c1);
        // Linked to another episode: does not count for e-1.
        auto other = t::sample_administration("a-9", "c-zoe", when(2024, 1, 22, 10, 5));
        other.episode = episode_id("e-9");
        tx.insert(other);
        // e-5: a couple, PHQ-9 at intake for each partner; only c-lee has done it.
        tx.insert(active_episode("e-5", {"c-lee", "c-max"}, "k-ada", date(2024, 1, 10)));
        outcomes::measurement_schedule at_intake;
        at_intake.episode = episode_id("e-5");
        at_intake.measures = {t::sample_schedule("e-5").measures[0]};
        at_intake.measures[0].every_sessions.reset();
        tx.insert(at_intake);
        tx.insert(t::sample_administration("l-1", "c-lee", when(2024, 1, 10, 9)));
        // Not counted: another clinician's episode, a closed one, one without a schedule.
        tx.insert(active_episode("e-3", {"c-kim"}, "k-bob", date(2024, 1, 8)));
        tx.insert(t::sample_schedule("e-3"));
        auto closed = active_episode("e-2", {"c-ann"}, "k-ada", date(2023, 6, 1));
        closed.transition(episode_status::closed, date(2023, 12, 1));
        tx.insert(closed);
        tx.insert(t::sample_schedule("e-2"));
        tx.insert(active_episode("e-4", {"c-bea"}, "k-ada", date(2024, 1, 8)));
        tx.commit();
    }

    std::vector<std::string> summary(date on) {
        auto tx = db().begin(ada, access_mode::read_only);
        std::vector<std::string> out;
        for (const auto& d : measures_due_for_clinician(tx, clinician_id("k-ada"), on)) {
            out.push_back(d.episode.str() + " " + d.client.str() + " " + d.measure.instrument_id +
                          " " + std::string(to_string(d.measure.status)) + " since " +
                          to_iso8601(d.measure.due_since.value()));
        }
        return out;
    }
};

TEST_P(StoreDueMeasures, MeasuresDueForAClinicianOnADate) {
    // 2024-01-22: session s-3 without a PHQ-9 (a-9 belongs to e-9); CORE-10 next due 02-05.
    // c-max never did the intake PHQ-9 of e-5 (due 01-10, no grace: overdue).
    EXPECT_EQ(summary(date(2024, 1, 22)), (ids{"e-1 c-zoe phq9 due since 2024-01-22",
                                               "e-5 c-max phq9 overdue since 2024-01-10"}));
    // 2024-02-20: the PHQ-9 is overdue now, and CORE-10 too (02-05 + 7 days of grace).
    EXPECT_EQ(summary(date(2024, 2, 20)), (ids{"e-1 c-zoe phq9 overdue since 2024-01-22",
                                               "e-1 c-zoe core10 overdue since 2024-02-05",
                                               "e-5 c-max phq9 overdue since 2024-01-10"}));
    // 2024-01-15, before s-2's PHQ-9 was done that day? It was (10:05): nothing due for c-zoe.
    EXPECT_EQ(summary(date(2024, 1, 15)), (ids{"e-5 c-max phq9 overdue since 2024-01-10"}));
    auto tx = db().begin(ada, access_mode::read_only);
    EXPECT_TRUE(measures_due_for_clinician(tx, clinician_id("k-ada"), date(2024, 2, 20),
                                           {episode_status::on_hold})
                    .empty());
    EXPECT_THROW((void)measures_due_for_clinician(tx, clinician_id("k-ada"), date()),
                 validation_error);
}

std::string outcomes_backend_name(const ::testing::TestParamInfo<t::backend>& info) {
    return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreAdministrations, ::testing::ValuesIn(t::all_backends()),
                         outcomes_backend_name);
INSTANTIATE_TEST_SUITE_P(Backends, StoreDueMeasures, ::testing::ValuesIn(t::all_backends()),
                         outcomes_backend_name);

}  // namespace
