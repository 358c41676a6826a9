// SPDX-License-Identifier: Apache-2.0
// The baseline for theracore_roundtrip.cpp: the same round trip (a client with an id, a name
// and a date of birth, written as JSON and read back, then stored in and read from an SQLite
// database) with nlohmann/json and SQLiteCpp directly.
#include <iostream>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

namespace ehr {
struct human_name {
    std::string text;
};
struct client {
    std::string id;
    human_name legal_name;
    std::string date_of_birth;
};
inline bool operator==(const client& a, const client& b) {
    return a.id == b.id && a.legal_name.text == b.legal_name.text &&
           a.date_of_birth == b.date_of_birth;
}
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(human_name, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(client, id, legal_name, date_of_birth)
}  // namespace ehr

int main() {
    ehr::client c{"c-1", {"Zoë Ñúñez"}, "1990-04-01"};
    const auto text = nlohmann::json(c).dump();
    const auto back = nlohmann::json::parse(text).get<ehr::client>();

    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE records (kind TEXT, id TEXT, payload TEXT, PRIMARY KEY (kind, id))");
    {
        SQLite::Transaction tx(db);
        SQLite::Statement insert(db, "INSERT INTO records VALUES ('client', ?, ?)");
        insert.bind(1, back.id);
        insert.bind(2, nlohmann::json(back).dump());
        insert.exec();
        tx.commit();
    }
    SQLite::Statement get(db, "SELECT payload FROM records WHERE kind = 'client' AND id = ?");
    get.bind(1, c.id);
    const bool found = get.executeStep();
    const auto stored = nlohmann::json::parse(get.getColumn(0).getString()).get<ehr::client>();
    std::cout << text << "\n" << (found && stored == c ? "ok" : "MISMATCH") << "\n";
    return found && stored == c ? 0 : 1;
}
