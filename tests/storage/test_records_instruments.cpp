// SPDX-License-Identifier: Apache-2.0
// The storage registrations of the instrument records (theracore/storage/records/
// instruments.hpp): what administrations and instrument definitions index, their keys, and
// the update rules applied by every backend (the conformance suite runs them through a store).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <theracore/io/json.hpp>
#include <theracore/storage/memory.hpp>
#include <theracore/storage/records.hpp>

#include "storage/record_helpers.hpp"
#include "support/fixtures.hpp"
#include "support/storage_records_builders.hpp"

using namespace theracore;
using namespace theracore::storage;
using theracore::test::record_helpers::texts;
using theracore::test::record_helpers::values;

namespace {

template <class T>
std::vector<std::string> columns(const T& record) {
    index_writer<T> w;
    record_traits<T>::index(record, w);
    std::vector<std::string> out;
    for (const auto& e : std::move(w).take()) {
        out.push_back(e.name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// Runs `update` on a copy of `stored` in a memory store and returns whether the update rule
/// refused it (conflict).
template <class T, class F>
bool refused_after(const T& stored, F&& change) {
    T next = stored;
    change(next);
    return theracore::test::record_helpers::refused(stored, next);
}

}  // namespace

TEST(InstrumentRecords, AdministrationsIndexClientInstrumentAndTimeOnce) {
    static_assert(is_registered_record_v<instruments::administration>);
    static_assert(is_registered_record_v<instruments::instrument>);
    EXPECT_STREQ(record_traits<instruments::administration>::kind, "administration");
    EXPECT_EQ(record_traits<instruments::administration>::deletion, deletion_policy::soft);
    const auto a = test::sample_administration("a-1", "c-zoe", test::when(2024, 2, 29, 9, 30));
    EXPECT_EQ(values(a, "client"), (texts{"c-zoe"}));
    EXPECT_EQ(values(a, "instrument"), (texts{"phq9"}));
    EXPECT_EQ(values(a, "administered"), (texts{"2024-02-29T09:30:00.000000Z"}));
    // Exactly one value per column: the SQL backends keep them as the columns of a table.
    EXPECT_EQ(columns(a), (texts{"administered", "client", "instrument"}));
}

TEST(InstrumentRecords, DateRangesCoverWholeDays) {
    const auto q =
        administrations_of(client_id("c-zoe"), "phq9", date(2024, 2, 1), date(2024, 2, 29))
            .erased();
    ASSERT_EQ(q.where.size(), 3u);
    EXPECT_EQ(q.where[2].column, "administered");
    EXPECT_EQ(q.where[2].lower->value, "2024-02-01T00:00:00.000000Z");
    EXPECT_EQ(q.where[2].upper->value, "2024-02-29T23:59:59.999999Z");
    EXPECT_TRUE(q.where[2].upper->inclusive);
    EXPECT_EQ(q.order_by, std::optional<std::string>("administered"));
    EXPECT_THROW((void)administrations_of(client_id("c-zoe"), "phq9", date(), date(2024, 1, 1)),
                 validation_error);
}

TEST(InstrumentRecords, AnAdministrationMayBeRescoredOrLinkedButNotRewritten) {
    const auto a = test::sample_administration("a-1", "c-zoe", test::when(2024, 2, 29, 9));
    EXPECT_FALSE(refused_after(a, [](instruments::administration& x) {
        x.result.scales.at(0).value = 11;  // re-scored
        x.episode = episode_id("e-100");
    }));
    EXPECT_TRUE(refused_after(a, [](instruments::administration& x) {
        x.responses.form_order.at(0) = instruments::answer(3.0);
    }));
    EXPECT_TRUE(
        refused_after(a, [](instruments::administration& x) { x.client = client_id("c-lee"); }));
    EXPECT_TRUE(refused_after(a, [](instruments::administration& x) {
        x.administered_at += boost::posix_time::hours(1);
    }));
    EXPECT_TRUE(
        refused_after(a, [](instruments::administration& x) { x.administered_by.reset(); }));
    EXPECT_TRUE(refused_after(a, [](instruments::administration& x) { x.locale.reset(); }));
    EXPECT_TRUE(refused_after(a, [](instruments::administration& x) {
        x.instrument = "gad7";
        x.result.provenance.instrument = "gad7";
    }));
}

TEST(InstrumentRecords, DefinitionsAreKeyedByIdAndVersionAndNeverChange) {
    const auto def =
        instruments::load_instrument_text(test::read_fixture("instruments/custom_wellbeing.json"));
    EXPECT_EQ(record_traits<instruments::instrument>::id(def),
              instrument_version_key(def.id(), def.version()));
    EXPECT_EQ(instrument_version_key("phq9", "1.0").str(), "phq9|1.0");
    EXPECT_EQ(values(def, "instrument"), (texts{def.id()}));
    EXPECT_EQ(values(def, "version"), (texts{def.version()}));
    EXPECT_TRUE(refused_after(def, [](instruments::instrument& x) {
        auto f = x.data();
        f.name += " (edited)";
        x = instruments::instrument::create(f);
    }));
    EXPECT_FALSE(refused_after(def, [](instruments::instrument&) {}));
}

TEST(InstrumentRecords, CompositeKeysKeepTheirPartsApart) {
    EXPECT_EQ(storage::detail::composite_key({"a", "b"}), "a|b");
    EXPECT_NE(storage::detail::composite_key({"a|b", "c"}),
              storage::detail::composite_key({"a", "b|c"}));
    EXPECT_EQ(storage::detail::composite_key({"a|b", "c"}), "a%7Cb|c");
    EXPECT_NE(storage::detail::composite_key({"a%7Cb", "c"}),
              storage::detail::composite_key({"a|b", "c"}));
}
