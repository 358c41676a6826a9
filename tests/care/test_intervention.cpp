// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include <theracore/care/intervention.hpp>

#include "support/care_builders.hpp"

using namespace theracore;

TEST(InterventionCatalog, BuiltinHasTheEighteenModalitiesEachWithEvidence) {
    const auto c = intervention_catalog::builtin();
    const std::vector<std::string> expected{"cbt",
                                            "dbt",
                                            "act",
                                            "mindfulness_based",
                                            "psychodynamic",
                                            "ipt",
                                            "emdr",
                                            "tf_cbt",
                                            "prolonged_exposure",
                                            "cpt",
                                            "motivational_interviewing",
                                            "problem_solving",
                                            "behavioural_activation",
                                            "family_systems",
                                            "eft_couples",
                                            "gottman_method",
                                            "grief_focused",
                                            "supportive_counselling"};
    ASSERT_EQ(c.size(), expected.size());
    std::set<std::string> displays;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& m = c.modalities()[i];
        EXPECT_EQ(m.code.code, expected[i]);
        EXPECT_EQ(m.code.system, code_systems::theracore_interventions);
        EXPECT_TRUE(validate(m).empty()) << m.code.code;
        EXPECT_FALSE(m.evidence.empty()) << m.code.code;
        // Every reference is a dated citation ("… 2012;36(5):427-440." or "… 2022."), not a
        // slogan.
        for (const auto& e : m.evidence) {
            EXPECT_TRUE(std::regex_search(e, std::regex(R"((19|20)[0-9]{2}[;.])"))) << e;
        }
        displays.insert(m.code.display);
    }
    EXPECT_EQ(displays.size(), expected.size());
    EXPECT_TRUE(validate(c).empty());
}

TEST(InterventionCatalog, LookupIgnoresDisplayAndNamesMissingCodes) {
    const auto c = intervention_catalog::builtin();
    const auto* m =
        c.find(coded_concept{code_systems::theracore_interventions, "emdr", "whatever"});
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->code.display, "Eye movement desensitisation and reprocessing");
    EXPECT_TRUE(c.contains(builtin_intervention("cpt")));
    EXPECT_FALSE(c.contains(coded_concept{code_systems::snomed_ct, "cbt", ""}));
    EXPECT_EQ(c.at("ipt").code.display, "Interpersonal psychotherapy");
    try {
        (void)c.at("reiki");
        FAIL() << "expected not_found";
    } catch (const not_found& e) {
        EXPECT_NE(std::string(e.what()).find("reiki"), std::string::npos);
    }
    EXPECT_THROW((void)builtin_intervention("reiki"), not_found);
}

TEST(InterventionCatalog, UsersExtendIt) {
    auto c = intervention_catalog::builtin();
    intervention_modality cft{
        coded_concept{"urn:example:clinic", "cft", "Compassion-focused therapy"},
        "Cultivates self-compassion to counter shame and self-criticism.",
        {"Gilbert P. Compassion Focused Therapy. London: Routledge; 2010."}};
    c.add(cft);
    EXPECT_EQ(c.size(), 19u);
    EXPECT_TRUE(c.contains(cft.code));
    EXPECT_EQ(c.at("cft", "urn:example:clinic").description, cft.description);
    try {
        c.add(cft);
        FAIL() << "expected conflict";
    } catch (const conflict& e) {
        EXPECT_NE(std::string(e.what()).find("urn:example:clinic|cft"), std::string::npos);
    }
    try {
        c.add({coded_concept{"", "x", ""}, "", {""}});
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(), (problem_list{{"code.system", "required"},
                                              {"description", "required"},
                                              {"evidence[0]", "required"}}));
    }
    EXPECT_EQ(validate(intervention_modality{cft.code, "d", {}}),
              (problem_list{{"evidence", "at least one evidence reference is required"}}));
    EXPECT_EQ(c.size(), 19u);
}

TEST(InterventionCatalog, CreateRejectsDuplicateCodes) {
    auto f = intervention_catalog::builtin().data();
    f.modalities.push_back(f.modalities[0]);
    f.modalities.back().code.display = "CBT again";
    try {
        (void)intervention_catalog::create(f);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"modalities[18].code", "code cbt is already modalities[0]"}}));
    }
    EXPECT_EQ(intervention_catalog().size(), 0u);
}
