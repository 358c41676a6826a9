// SPDX-License-Identifier: Apache-2.0
// Uses the compiled storage backends through the installed package.
#include <cstdlib>
#include <iostream>

#include <theracore/storage/postgresql.hpp>
#include <theracore/storage/records.hpp>
#include <theracore/storage/sqlite.hpp>

int main() {
    namespace storage = theracore::storage;
    auto db = storage::make_sqlite_store(":memory:");
    theracore::client c;
    c.id = theracore::client_id("c-1");
    c.legal_name.text = "Zoë Ñúñez";
    db->transact(storage::actor{"k-1"}, [&](storage::transaction& tx) { tx.insert(c); });
    auto tx = db->begin(storage::actor{"k-1"}, storage::access_mode::read_only);
    const bool found = tx.query(storage::clients_by_name_prefix("ZOË")).size() == 1;
    // PostgreSQL links (libpq comes along); no server here, so expect `unavailable`.
    bool refused = false;
    try {
        (void)storage::make_postgresql_store("host=127.0.0.1 port=1 connect_timeout=1");
    } catch (const theracore::storage_error& e) {
        refused = e.category() == theracore::storage_errc::unavailable;
    }
    std::cout << "storage: " << (found && refused ? "ok" : "MISMATCH") << "\n";
    return found && refused ? EXIT_SUCCESS : EXIT_FAILURE;
}
