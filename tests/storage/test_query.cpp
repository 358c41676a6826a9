// SPDX-License-Identifier: Apache-2.0
// The query builder and the reference semantics (detail::matches, detail::order_and_page) that
// every backend reproduces.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <theracore/storage/query.hpp>
#include <theracore/storage/records.hpp>

#include "support/storage_builders.hpp"

using namespace theracore;
using namespace theracore::storage;
namespace t = theracore::test;

namespace {

using m = record_traits<t::memo>;

stored_record rec(const std::string& id, std::vector<index_entry> index, bool deleted = false) {
    stored_record r;
    r.kind = "test_memo";
    r.id = id;
    r.index = std::move(index);
    if (deleted) {
        r.meta.deleted = deletion_info{"k", t::at(2024, 1, 1), "x"};
    }
    return r;
}

std::vector<std::string> ids_after(std::vector<stored_record> rows, const record_query& q) {
    rows.erase(
        std::remove_if(rows.begin(), rows.end(),
                       [&](const stored_record& r) { return !storage::detail::matches(r, q); }),
        rows.end());
    storage::detail::order_and_page(rows, q);
    std::vector<std::string> out;
    for (const auto& r : rows) {
        out.push_back(r.id);
    }
    return out;
}

using ids = std::vector<std::string>;

}  // namespace

TEST(Query, BuildsConditionsOnIndexText) {
    const auto q = query<t::memo>()
                       .where(m::client, client_id("c-1"))
                       .where_any_of(m::tag, {"a", "b"})
                       .where_between(m::priority, -1, 1)
                       .where_before(m::written, t::at(2024, 1, 1))
                       .where_at_least(m::score, 0.5)
                       .where_after(m::priority, 3)
                       .where_at_most(m::priority, 9)
                       .order_by(m::written, sort_order::descending)
                       .limit(10)
                       .offset(20)
                       .deleted(deleted_records::only)
                       .erased();
    EXPECT_EQ(q.kind, "test_memo");
    ASSERT_EQ(q.where.size(), 7u);
    EXPECT_EQ(q.where[0].column, "client");
    EXPECT_EQ(q.where[0].any_of, (std::vector<std::string>{"c-1"}));
    EXPECT_EQ(q.where[1].any_of, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(q.where[2].lower->value, key_codec<std::int64_t>::encode(-1));
    EXPECT_TRUE(q.where[2].lower->inclusive);
    EXPECT_TRUE(q.where[2].upper->inclusive);
    EXPECT_FALSE(q.where[3].lower.has_value());
    EXPECT_EQ(q.where[3].upper->value, "2024-01-01T00:00:00.000000Z");
    EXPECT_FALSE(q.where[3].upper->inclusive);
    EXPECT_TRUE(q.where[4].lower->inclusive);
    EXPECT_FALSE(q.where[5].lower->inclusive);
    EXPECT_TRUE(q.where[6].upper->inclusive);
    EXPECT_EQ(q.order_by, "written");
    EXPECT_EQ(q.order, sort_order::descending);
    EXPECT_EQ(q.limit, 10u);
    EXPECT_EQ(q.offset, 20u);
    EXPECT_EQ(q.deleted, deleted_records::only);
    EXPECT_FALSE(q.matches_nothing());
    EXPECT_TRUE(query<t::memo>().where_any_of(m::tag, {}).erased().matches_nothing());
}

TEST(Query, PrefixOnFoldedTextIsAFoldedHalfOpenRange) {
    const auto q = clients_by_name_prefix("ZOË").erased();
    ASSERT_EQ(q.where.size(), 1u);
    EXPECT_EQ(q.where[0].lower->value, "zoë");
    EXPECT_TRUE(q.where[0].lower->inclusive);
    EXPECT_EQ(q.where[0].upper->value, *prefix_successor("zoë"));
    EXPECT_FALSE(q.where[0].upper->inclusive);
    EXPECT_EQ(q.order_by, "sort_name");
    // An empty prefix has no upper bound: every record with a name matches.
    EXPECT_FALSE(clients_by_name_prefix("").erased().where[0].upper.has_value());
}

TEST(QuerySemantics, AConditionHoldsWhenAnyValueOfTheColumnSatisfiesIt) {
    const std::vector<stored_record> rows{rec("a", {{"tag", "x"}, {"tag", "y"}}),
                                          rec("b", {{"tag", "y"}}), rec("c", {})};
    record_query q;
    q.kind = "test_memo";
    q.where = {{"tag", std::vector<std::string>{"x"}, {}, {}}};
    EXPECT_EQ(ids_after(rows, q), (ids{"a"}));
    q.where = {{"tag", std::nullopt, key_bound{"y", true}, std::nullopt}};
    EXPECT_EQ(ids_after(rows, q), (ids{"a", "b"}));
    q.where = {{"tag", std::nullopt, key_bound{"x", false}, key_bound{"y", false}}};
    EXPECT_EQ(ids_after(rows, q), ids{});
    q.where = {{"other", std::nullopt, std::nullopt, std::nullopt}};
    EXPECT_EQ(ids_after(rows, q), ids{}) << "no value of the column: no match";
    q.where = {};
    q.kind = "client";
    EXPECT_EQ(ids_after(rows, q), ids{}) << "other kinds never match";
}

TEST(QuerySemantics, DeletedRecordsAreLeftOutUnlessAsked) {
    const std::vector<stored_record> rows{rec("a", {}), rec("b", {}, true)};
    record_query q;
    q.kind = "test_memo";
    EXPECT_EQ(ids_after(rows, q), (ids{"a"}));
    q.deleted = deleted_records::included;
    EXPECT_EQ(ids_after(rows, q), (ids{"a", "b"}));
    q.deleted = deleted_records::only;
    EXPECT_EQ(ids_after(rows, q), (ids{"b"}));
}

TEST(QuerySemantics, OrderBySmallestValueMissingFirstTiesById) {
    const std::vector<stored_record> rows{rec("d", {{"n", "2"}}), rec("a", {{"n", "2"}}),
                                          rec("c", {}), rec("b", {{"n", "9"}, {"n", "1"}})};
    record_query q;
    q.kind = "test_memo";
    q.order_by = "n";
    EXPECT_EQ(ids_after(rows, q), (ids{"c", "b", "a", "d"}));
    q.order = sort_order::descending;
    EXPECT_EQ(ids_after(rows, q), (ids{"d", "a", "b", "c"}));
    q.order_by.reset();
    EXPECT_EQ(ids_after(rows, q), (ids{"d", "c", "b", "a"}));
    q.order = sort_order::ascending;
    q.offset = 1;
    q.limit = 2;
    EXPECT_EQ(ids_after(rows, q), (ids{"b", "c"}));
    q.offset = 3;
    q.limit = std::numeric_limits<std::size_t>::max();
    EXPECT_EQ(ids_after(rows, q), (ids{"d"}));
    q.offset = 7;
    EXPECT_EQ(ids_after(rows, q), ids{});
}
