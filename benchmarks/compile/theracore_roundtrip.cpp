// SPDX-License-Identifier: Apache-2.0
// What an EHR translation unit does with TheraCore: include the umbrella header, write a client
// as JSON and read it back, and store it in an SQLite store. measure_compile.sh compiles this
// beside raw_roundtrip.cpp, which does the same with nlohmann/json and SQLiteCpp directly.
#include <iostream>

#include <theracore/io/json.hpp>
#include <theracore/storage/records.hpp>
#include <theracore/storage/sqlite.hpp>
#include <theracore/theracore.hpp>

int main() {
    namespace storage = theracore::storage;
    theracore::client c;
    c.id = theracore::client_id("c-1");
    c.legal_name.text = "Zoë Ñúñez";
    c.date_of_birth = theracore::date(1990, 4, 1);
    const auto text = theracore::io::to_json_string(c);
    const auto back = theracore::io::from_json_string<theracore::client>(text);

    auto db = storage::make_sqlite_store(":memory:");
    db->transact(storage::actor{"k-1"}, [&](storage::transaction& tx) { tx.insert(back); });
    auto tx = db->begin(storage::actor{"k-1"}, storage::access_mode::read_only);
    const auto stored = tx.get<theracore::client>(c.id);
    std::cout << text << "\n" << (stored.value == c ? "ok" : "MISMATCH") << "\n";
    return stored.value == c ? 0 : 1;
}
