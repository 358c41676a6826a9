// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/people/client.hpp>

#include "support/builders.hpp"

using namespace theracore;

TEST(Client, FullAndMinimalClientsAreValid) {
    EXPECT_TRUE(validate(test::full_client()).empty());
    EXPECT_TRUE(validate(test::minimal_client()).empty());
}

TEST(Client, RegularValueSemantics) {
    auto a = test::full_client();
    auto b = a;
    EXPECT_EQ(a, b);
    b.culture.help_seeking.reset();
    EXPECT_NE(a, b);
    b = a;
    b.emergency_contacts[0].telecom[0].value = "+56 9 0000 0000";
    EXPECT_NE(a, b);
}

TEST(Client, ValidationReportsEveryProblemWithItsPath) {
    client c;
    c.preferred_language = coded_concept{"urn:iso:std:iso:639", "", ""};
    c.emergency_contacts = {{"", "", {}}};
    c.telecom = {{contact_system::email, "", contact_use::work}};
    const auto p = validate(c);
    const problem_list expected{
        {"id", "required"},
        {"legal_name.text", "required"},
        {"preferred_language.code", "required"},
        {"preferred_language.system", "a language must be a BCP-47 tag (system urn:ietf:bcp:47)"},
        {"telecom[0].value", "required"},
        {"emergency_contacts[0].name", "required"},
        {"emergency_contacts[0].telecom",
         "an emergency contact needs at least one way to reach them"},
    };
    EXPECT_EQ(p, expected);
    try {
        (void)ensure_valid(c, "invalid client");
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(), expected);
    }
}

TEST(Client, DisplayNamePrefersThePreferredName) {
    auto c = test::minimal_client();
    EXPECT_EQ(display_name(c), "李小龍");
    c.preferred_name = "Lee";
    EXPECT_EQ(display_name(c), "Lee");
    c.preferred_name = "";
    EXPECT_EQ(display_name(c), "李小龍");
}
