// SPDX-License-Identifier: Apache-2.0
// The adapter header must work when included before any Boost archive header (Boost's own
// date_time serializers need split_free declared first; boost_core.hpp takes care of it).
#include <theracore/io/boost_serialization.hpp>

#include <sstream>

#include <gtest/gtest.h>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>

TEST(BoostSerialization, AdapterHeaderFirstCompilesAndRoundTrips) {
    theracore::client c;
    c.id = theracore::client_id("c");
    c.legal_name.text = "Ana";
    c.date_of_birth = theracore::date(2000, 2, 29);
    std::stringstream ss;
    {
        boost::archive::text_oarchive oa(ss);
        oa << c;
    }
    theracore::client back;
    boost::archive::text_iarchive ia(ss);
    ia >> back;
    EXPECT_EQ(back, c);
}
