// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/safety/culture.hpp>

#include "support/safety_builders.hpp"

using namespace theracore;

TEST(CulturalFormulation, FullFormulationIsValid) {
    const auto f = test::full_cultural_formulation();
    EXPECT_TRUE(validate(f).empty()) << detail::join_problems("", validate(f));
    EXPECT_TRUE(any_domain_explored(f));
}

TEST(CulturalFormulation, RequiredFieldsAndAtLeastOneDomain) {
    const problem_list expected{{"id", "required"},
                                {"client", "required"},
                                {"clinician", "required"},
                                {"recorded_on", "required"},
                                {"", "no CFI domain has been explored"}};
    EXPECT_EQ(validate(cultural_formulation{}), expected);
}

TEST(CulturalFormulation, AnAnswerInAnyOneDomainCounts) {
    cultural_formulation f;
    f.id = cultural_formulation_id("cf");
    f.client = client_id("c");
    f.clinician = clinician_id("k");
    f.recorded_on = date(2025, 1, 1);
    f.current_help_seeking.clinician_relationship = "";  // asked; nothing said still counts
    EXPECT_TRUE(validate(f).empty());
    f.current_help_seeking.clinician_relationship.reset();
    f.coping_and_past_help.barriers = "Cost";
    EXPECT_TRUE(validate(f).empty());
}

TEST(CulturalFormulation, InformantVersionNamesTheInformant) {
    auto f = test::full_cultural_formulation();
    f.respondent = cfi_respondent::informant;
    EXPECT_EQ(validate(f),
              (problem_list{{"informant_name", "required for the informant version"},
                            {"informant_relationship", "required for the informant version"}}));
    f.informant_name = "Tomás Ñúñez";
    f.informant_relationship = "brother";
    EXPECT_TRUE(validate(f).empty());
}

TEST(CulturalFormulation, LanguageIsBcp47AndConceptsAreComplete) {
    auto f = test::full_cultural_formulation();
    f.language = coded_concept{"urn:iso:std:iso:639", "es", "Spanish"};
    f.cultural_concepts_of_distress.push_back({"", "ataque", ""});
    EXPECT_EQ(validate(f),
              (problem_list{
                  {"language.system", "a language must be a BCP-47 tag (system urn:ietf:bcp:47)"},
                  {"cultural_concepts_of_distress[1].system", "required"}}));
}

TEST(CulturalFormulation, DerivesTheClientsCulturalProfileDomainByDomain) {
    const auto p = derive_cultural_profile(test::full_cultural_formulation());
    EXPECT_EQ(p.cultural_identity, std::string("Chilean, Catholic, bilingual"));
    EXPECT_EQ(p.explanation_of_problem,
              std::string("In own words: Nervios since the move\n"
                          "As others describe it: My mother says I am 'sad from being far away'\n"
                          "Most troubling: Not sleeping\n"
                          "Causes: Losing my father while abroad"));
    EXPECT_EQ(p.stressors_and_supports,
              std::string("Stressors: Visa paperwork, money\nSupports: Church group; sister"));
    EXPECT_EQ(p.help_seeking, std::string("Self-coping: Prayer, walking\n"
                                          "Past help seeking: Talked to a priest\n"
                                          "Barriers: Cost; worry about being seen as 'loca'\n"
                                          "Preferences: Talking therapy in Spanish"));
    EXPECT_EQ(p.clinician_relationship, std::string("Comfortable; prefers Spanish for feelings"));
}

TEST(CulturalFormulation, UnexploredDomainsStayUnexploredInTheProfile) {
    cultural_formulation f;
    f.cause_context_support.supports = "Sister";
    f.problem_definition.most_troubling = "";  // asked, nothing said: nothing to carry over
    const auto p = derive_cultural_profile(f);
    EXPECT_FALSE(p.cultural_identity);
    EXPECT_FALSE(p.explanation_of_problem);
    EXPECT_EQ(p.stressors_and_supports, std::string("Supports: Sister"));
    EXPECT_FALSE(p.help_seeking);
    EXPECT_FALSE(p.clinician_relationship);
}
