// SPDX-License-Identifier: Apache-2.0
#include <cstdlib>
#include <iostream>
#include <sstream>

#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>

#include <theracore/io/boost_serialization.hpp>
#include <theracore/io/json.hpp>
#include <theracore/theracore.hpp>

int main() {
    theracore::client c;
    c.id = theracore::client_id::generate();
    c.legal_name.text = "Zoë Ñúñez";
    c.date_of_birth = theracore::date(2000, 2, 29);

    const auto back =
        theracore::io::from_json_string<theracore::client>(theracore::io::to_json_string(c));

    std::stringstream ss;
    {
        boost::archive::text_oarchive oa(ss);
        oa << c;
    }
    theracore::client from_archive;
    {
        boost::archive::text_iarchive ia(ss);
        ia >> from_archive;
    }
    std::cout << "theracore " << theracore::version_string << ": "
              << (back == c && from_archive == c ? "ok" : "MISMATCH") << "\n";
    return back == c && from_archive == c ? EXIT_SUCCESS : EXIT_FAILURE;
}
