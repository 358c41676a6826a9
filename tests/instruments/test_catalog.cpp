// SPDX-License-Identifier: Apache-2.0
// The built-in catalog: lookup, licence filtering, licences of shipped texts, confirmed LOINC
// codes (including the AUDIT / AUDIT-C swap seen in public code), thread-safe first use.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <theracore/instruments/builtin_catalog.hpp>

#include "support/instruments_builders.hpp"

using namespace theracore;
using namespace theracore::instruments;

TEST(Catalog, FindAtAndIds) {
    const auto& cat = builtin_catalog();
    // Ids come in the order of THERACORE_BUILTIN_INSTRUMENTS. Catalog branches append to that
    // list, so this checks the first seven (each branch tests its own additions).
    const std::vector<std::string> first = {"phq9",  "gad7",           "core10", "dass21",
                                            "audit", "cssrs_screener", "epds"};
    ASSERT_GE(cat.ids().size(), first.size());
    EXPECT_TRUE(std::equal(first.begin(), first.end(), cat.ids().begin()))
        << ::testing::PrintToString(cat.ids());
    EXPECT_EQ(cat.size(), cat.ids().size());
    ASSERT_NE(cat.find("gad7"), nullptr);
    EXPECT_EQ(cat.find("gad7")->name(), "Generalized Anxiety Disorder 7-item scale (GAD-7)");
    EXPECT_EQ(cat.find("sdq"), nullptr);  // not shipped: its licence forbids it
    EXPECT_EQ(&cat.at("phq9"), cat.find("phq9"));
    try {
        (void)cat.at("ors");
        FAIL();
    } catch (const not_found& e) {
        EXPECT_EQ(std::string(e.what()), "no instrument \"ors\" in the catalog");
    }
}

TEST(Catalog, CommercialProductDropsNonCommercialInstrumentsInOneCall) {
    const auto commercial = builtin_catalog().without_licences({licence_terms::non_commercial});
    EXPECT_EQ(commercial.find("audit"), nullptr);
    EXPECT_NE(commercial.find("phq9"), nullptr);
    const auto free = builtin_catalog().with_licences(
        {licence_terms::public_domain, licence_terms::free_with_attribution});
    EXPECT_NE(free.find("phq9"), nullptr);
    EXPECT_EQ(free.find("epds"), nullptr);
    // Exactly the instruments with those licences, whichever branch added them.
    for (const auto& inst : builtin_catalog().instruments()) {
        const auto l = inst.data().licence;
        EXPECT_EQ(commercial.find(inst.id()) != nullptr, l != licence_terms::non_commercial)
            << inst.id();
        EXPECT_EQ(free.find(inst.id()) != nullptr,
                  l == licence_terms::public_domain || l == licence_terms::free_with_attribution)
            << inst.id();
    }
    const auto with_items =
        builtin_catalog().filter([](const instrument& i) { return i.items().size() == 21; });
    EXPECT_EQ(with_items.ids(), (std::vector<std::string>{"dass21"}));
}

TEST(Catalog, TextsShipOnlyWhereTheReferenceAllows) {
    // Reference §1: texts may ship for the PHQ/GAD family, PCL-5, K10/K6, DASS-21 (with care);
    // never for AUDIT, DAST-10, CORE-10 (unchanged only), EPDS, WSAS, C-SSRS, PG-13-R, WHO-5.
    const std::set<std::string> may_ship = {"phq9", "phq8", "phq2", "phq4", "phq15",
                                            "gad7", "gad2", "pcl5", "k10",  "k6"};
    for (const auto& inst : builtin_catalog().instruments()) {
        for (const auto& l : inst.locales()) {
            EXPECT_FALSE(l.user_supplied) << inst.id() << ": built-ins carry no user texts";
            EXPECT_TRUE(may_ship.count(inst.id()) == 1) << inst.id() << " ships texts";
        }
        if (inst.data().texts_may_ship) {
            EXPECT_TRUE(may_ship.count(inst.id()) == 1) << inst.id();
        }
        for (const auto& it : inst.items()) {
            EXPECT_LE(it.label.size(), 60U) << inst.id() << ": labels are neutral, not wording";
        }
    }
}

TEST(Catalog, EveryNumberCitesItsSource) {
    for (const auto& inst : builtin_catalog().instruments()) {
        const auto& d = inst.data();
        EXPECT_FALSE(d.citation.empty());
        for (const auto& s : d.scales) {
            for (const auto& b : s.band_sets) {
                EXPECT_FALSE(b.source.empty()) << inst.id();
            }
            for (const auto& c : s.cut_offs) {
                EXPECT_FALSE(c.source.empty()) << inst.id();
            }
            if (s.role == scale_role::subscale) {
                EXPECT_FALSE(s.source.empty()) << inst.id() << " " << s.id;
            }
        }
    }
}

TEST(Catalog, ConfirmedLoincCodes) {
    const auto& cat = builtin_catalog();
    // PHQ-9 (verification notes §1, C2).
    EXPECT_EQ(cat.at("phq9").data().code->code, "44249-1");
    EXPECT_EQ(cat.at("phq9").total()->code->code, "44261-6");
    EXPECT_EQ(cat.at("phq9").items()[8].code->code, "44260-8");
    EXPECT_EQ(cat.at("phq9").items()[9].code->code, "69722-7");
    // GAD-7 (C2): the panel 69737-5 is not the total 70274-6 (one code base confuses them).
    EXPECT_EQ(cat.at("gad7").data().code->code, "69737-5");
    EXPECT_EQ(cat.at("gad7").total()->code->code, "70274-6");
    EXPECT_EQ(cat.at("gad7").items()[0].code->code, "69725-0");
    // AUDIT total is 75624-7; 75626-2 is AUDIT-C's total (two public code bases swap them).
    EXPECT_EQ(cat.at("audit").data().code->code, "72110-0");
    EXPECT_EQ(cat.at("audit").total()->code->code, "75624-7");
    EXPECT_FALSE(cat.at("audit").find_scale("consumption")->code.has_value());
    // C-SSRS screener (C2).
    EXPECT_EQ(cat.at("cssrs_screener").data().code->code, "93373-9");
    EXPECT_EQ(cat.at("cssrs_screener").items()[6].code->code, "93269-9");
    EXPECT_EQ(cat.at("cssrs_screener").derived()[0].code->code, "93374-7");
    // Unconfirmed: no codes for CORE-10, DASS-21, EPDS (71354-5 vs 99046-5 conflict).
    for (const char* id : {"core10", "dass21", "epds"}) {
        EXPECT_FALSE(cat.at(id).data().code.has_value()) << id;
        for (const auto& s : cat.at(id).scales()) {
            EXPECT_FALSE(s.code.has_value()) << id;
        }
    }
    for (const auto& inst : cat.instruments()) {
        for (const auto& it : inst.items()) {
            if (it.code) {
                EXPECT_EQ(it.code->system, code_systems::loinc);
            }
        }
    }
}

TEST(Catalog, PsychometricsForChangeAnalysis) {
    const auto& core = test::builtin("core10");
    const auto& p = core.total()->psychometrics;
    // Barkham 2013: alpha .90; RCI 6 at 90 % confidence; clinical cut-off 11.
    EXPECT_DOUBLE_EQ(p.reliability[0].value, 0.90);
    EXPECT_EQ(p.reliability[0].kind, reliability_kind::cronbach_alpha);
    EXPECT_DOUBLE_EQ(p.change_criteria[0].reliable_change, 6);
    EXPECT_DOUBLE_EQ(*p.change_criteria[0].confidence, 0.9);
    // Connell & Barkham 2007: clinical 19.7 (7.7), general population 4.7 (4.8).
    EXPECT_EQ(p.norms[0].population, norm_population::clinical);
    EXPECT_DOUBLE_EQ(p.norms[0].sd, 7.7);
    EXPECT_DOUBLE_EQ(p.norms[1].mean, 4.7);
    // NHS Talking Therapies: PHQ-9 drop >= 6, caseness 10; GAD-7 drop >= 4, caseness 8.
    const auto& phq = test::builtin("phq9").total()->psychometrics.change_criteria[0];
    EXPECT_EQ(phq.reliable_change, 6);
    EXPECT_EQ(*phq.caseness, 10);
    const auto& gad = test::builtin("gad7").total()->psychometrics.change_criteria[0];
    EXPECT_EQ(gad.reliable_change, 4);
    EXPECT_EQ(*gad.caseness, 8);
}

TEST(Catalog, BadCatalogsAreRejected) {
    EXPECT_EQ(test::problem_paths([] {
                  (void)catalog({test::toy(), test::toy()});
              }),
              std::vector<std::string>{"[1]"});
    EXPECT_EQ(test::problem_paths([] { (void)catalog({instrument{}}); }),
              std::vector<std::string>{"[0]"});
}

TEST(Catalog, FirstUseFromSeveralThreadsBuildsOneCatalog) {
    std::vector<const catalog*> seen(4, nullptr);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < seen.size(); ++i) {
        threads.emplace_back([&seen, i] { seen[i] = &builtin_catalog(); });
    }
    for (auto& t : threads) {
        t.join();
    }
    for (const auto* c : seen) {
        EXPECT_EQ(c, &builtin_catalog());
    }
}
