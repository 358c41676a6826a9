// SPDX-License-Identifier: Apache-2.0
// Stores and reads back a client through the components asked for; with the shared-library
// build, a validation_error thrown inside libtheracore_core must be caught here by its type.
#include <cstdlib>
#include <iostream>
#include <sstream>

#include <theracore/theracore.hpp>
#ifdef WITH_SQLITE
#include <theracore/storage/records.hpp>
#include <theracore/storage/sqlite.hpp>
#endif
#ifdef WITH_SERIALIZATION
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>

#include <theracore/io/boost_serialization.hpp>
#endif

int main() {
    bool ok = true;
    try {
        (void)theracore::care_episode::create(theracore::care_episode::fields{});
        ok = false;  // an episode with no id, participants or clinician must be refused
    } catch (const theracore::validation_error& e) {
        ok = ok && !e.problems().empty();
    }
#ifdef WITH_SQLITE
    namespace storage = theracore::storage;
    auto db = storage::make_sqlite_store(":memory:");
    theracore::client c;
    c.id = theracore::client_id("c-1");
    c.legal_name.text = "Zoë Ñúñez";
    db->transact(storage::actor{"k-1"}, [&](storage::transaction& tx) { tx.insert(c); });
    auto tx = db->begin(storage::actor{"k-1"}, storage::access_mode::read_only);
    ok = ok && tx.get<theracore::client>(c.id).value.legal_name.text == c.legal_name.text;
    try {
        (void)tx.get<theracore::client>(theracore::client_id("c-2"));
        ok = false;
    } catch (const theracore::not_found&) {
    }
#endif
#ifdef WITH_SERIALIZATION
    {
        theracore::client c;
        c.id = theracore::client_id("c-3");
        c.legal_name.text = "Ana";
        std::stringstream ss;
        {
            boost::archive::text_oarchive oa(ss);
            oa << c;
        }
        theracore::client back;
        boost::archive::text_iarchive ia(ss);
        ia >> back;
        ok = ok && back == c;
    }
#endif
    std::cout << "components: " << (ok ? "ok" : "MISMATCH") << "\n";
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
