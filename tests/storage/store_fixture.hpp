// SPDX-License-Identifier: Apache-2.0
// The fixture of the storage conformance suite (StoreConformance), shared by the test files
// that add to it: test_store.cpp (the interface, the model records, instantiation for every
// backend) and test_store_<area>.cpp (the records of each area). A TEST_P in any of them runs
// on every backend.
//
// Include an area's own builders (care_builders.hpp, safety_builders.hpp) before this
// header: their `at` helpers would otherwise be ambiguous with storage_builders.hpp's.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <theracore/storage/memory.hpp>
#include <theracore/storage/records.hpp>
#include <theracore/storage/store.hpp>

#include "support/builders.hpp"
#include "support/storage_builders.hpp"

namespace theracore::test::store_suite {

using namespace theracore;
using namespace theracore::storage;
namespace t = theracore::test;

inline const actor ada{"k-ada"};
inline const actor bob{"k-bob"};

inline care_episode individual_episode(const std::string& id, const std::string& client,
                                       const std::string& clinician, date opened) {
    care_episode::fields f;
    f.id = episode_id(id);
    f.kind = episode_kind::individual;
    f.participants = {{client_id(client), participant_role::identified_client}};
    f.primary_clinician = clinician_id(clinician);
    f.opened = opened;
    return care_episode::create(f);
}

inline client named(const std::string& id, const std::string& name) {
    client c;
    c.id = client_id(id);
    c.legal_name.text = name;
    return c;
}

template <class T>
std::vector<std::string> ids_of(const std::vector<versioned<T>>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) {
        out.push_back(record_traits<T>::id(r.value).str());
    }
    return out;
}

using ids = std::vector<std::string>;

class StoreConformance : public ::testing::TestWithParam<t::backend> {
  protected:
    void SetUp() override {
        if (GetParam().needs_postgres && !t::postgres_dsn()) {
            GTEST_SKIP() << t::no_postgres_reason;
        }
        db_ = GetParam().open(scratch_);
        db_->set_clock([this] { return clock_; });
    }

    void TearDown() override { db_.reset(); }

    store& db() { return *db_; }

    template <class T>
    void put(const T& value) {
        db().transact(ada, [&](transaction& tx) { tx.insert(value); });
    }

    template <class T>
    std::vector<versioned<T>> all(deleted_records d = deleted_records::excluded) {
        auto tx = db().begin(ada, access_mode::read_only);
        return tx.list<T>(d);
    }

    template <class T>
    std::vector<std::string> found(const storage::query<T>& q) {
        auto tx = db().begin(ada, access_mode::read_only);
        return ids_of(tx.query(q));
    }

    template <class T>
    versioned<T> read(const id_of<T>& id, visibility v = visibility::live) {
        auto tx = db().begin(ada, access_mode::read_only);
        return tx.get<T>(id, v);
    }

    std::vector<journal_entry> journal(const journal_filter& f = {}) {
        auto tx = db().begin(ada, access_mode::read_only);
        return tx.journal(f);
    }

    /// No record of any kind and no journal entry: what the bad-input tests expect after a
    /// rejection.
    void expect_empty() {
        expect_no_records<client, clinician, care_episode, intake, t::memo, t::scratch_note,
                          instruments::administration, instruments::instrument, outcomes::alert,
                          outcomes::measurement_schedule, treatment_plan, session, progress_note,
                          psychotherapy_note, homework_assignment, behaviour_diary,
                          intervention_catalog, risk_assessment, safety_plan, risk_flag, referral,
                          consent, disclosure_record, cultural_formulation, ce_activity,
                          ce_rule_set, referral_trigger_set>();
        EXPECT_TRUE(journal().empty());
    }

    template <class... T>
    void expect_no_records() {
        auto tx = db().begin(ada, access_mode::read_only);
        (expect_none<T>(tx), ...);
    }

    template <class T>
    static void expect_none(transaction& tx) {
        EXPECT_TRUE(tx.list<T>(deleted_records::included).empty()) << record_traits<T>::kind;
    }

    /// Inserts `value`, expecting `validation_error` with a problem at `path`; the transaction
    /// goes on.
    template <class T>
    void expect_rejected(transaction& tx, const T& value, const std::string& path) {
        try {
            tx.insert(value);
            ADD_FAILURE() << record_traits<T>::kind << ": expected validation_error at " << path;
        } catch (const validation_error& e) {
            bool found = false;
            for (const auto& p : e.problems()) {
                found = found || p.path == path;
            }
            EXPECT_TRUE(found) << record_traits<T>::kind << ": no problem at " << path << " in "
                               << e.what();
        }
        EXPECT_TRUE(tx.active());
    }

    std::shared_ptr<void> scratch_;  // outlives the store: its file or schema
    std::unique_ptr<store> db_;
    instant clock_ = t::at(2025, 1, 15, 10, 0, 0, 123456);
};

}  // namespace theracore::test::store_suite
