// SPDX-License-Identifier: Apache-2.0
// What only the in-memory store can show from one thread: two transactions open at once
// (SQLite would make the second writer wait). Everything else is in the conformance suite.
#include <gtest/gtest.h>

#include <theracore/storage/memory.hpp>
#include <theracore/storage/records.hpp>

#include "support/builders.hpp"
#include "support/storage_builders.hpp"

using namespace theracore;
using namespace theracore::storage;

namespace {
using theracore::test::ada;
const actor bob{"k-bob"};
}  // namespace

TEST(MemoryStore, NamesItself) {
    EXPECT_EQ(make_memory_store()->backend(), "memory");
}

TEST(MemoryStore, WritesStayInvisibleUntilCommit) {
    auto db = make_memory_store();
    auto writer = db->begin(ada);
    writer.insert(test::full_client());
    {
        auto reader = db->begin(bob, access_mode::read_only);
        EXPECT_FALSE(reader.find<client>(client_id("c-zoe")).has_value());
        EXPECT_TRUE(reader.list<client>().empty());
    }
    writer.commit();
    auto reader = db->begin(bob, access_mode::read_only);
    EXPECT_TRUE(reader.find<client>(client_id("c-zoe")).has_value());
}

TEST(MemoryStore, TheSecondOfTwoInterleavedUpdatesFailsAtCommit) {
    auto db = make_memory_store();
    db->transact(ada, [](transaction& tx) { tx.insert(test::full_client()); });
    auto first = db->begin(ada);
    auto second = db->begin(bob);
    auto a = first.get<client>(client_id("c-zoe"));
    auto b = second.get<client>(client_id("c-zoe"));
    a.value.notes = "ada";
    b.value.notes = "bob";
    first.update(a);
    second.update(b);  // both read revision 1; neither has committed
    first.commit();
    EXPECT_THROW(second.commit(), conflict);
    EXPECT_FALSE(second.active());
    auto tx = db->begin(ada, access_mode::read_only);
    const auto c = tx.get<client>(client_id("c-zoe"));
    EXPECT_EQ(c.value.notes, "ada");
    EXPECT_EQ(c.revision(), 2);
}

TEST(MemoryStore, TheSecondOfTwoInterleavedInsertsOfOneIdFailsAtCommit) {
    auto db = make_memory_store();
    auto first = db->begin(ada);
    auto second = db->begin(bob);
    first.insert(test::full_client());
    auto other = test::minimal_client();
    other.id = client_id("c-zoe");
    second.insert(other);
    first.commit();
    EXPECT_THROW(second.commit(), conflict);
    auto tx = db->begin(ada, access_mode::read_only);
    EXPECT_EQ(tx.get<client>(client_id("c-zoe")).value, test::full_client());
}
