// SPDX-License-Identifier: Apache-2.0
// A critical answer is never lost: a critical-item flag is judged on its own answers whatever
// happens to the other items, in score() (the refusal carries it) and in batch scoring (the
// invalid row keeps it). PHQ-9 item 9: "any positive response warrants assessment" (Kroenke,
// Spitzer & Williams 2001, J Gen Intern Med 16:606-613), as the definition's flag cites.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <theracore/instruments.hpp>

#include "instruments/check.hpp"
#include "support/instruments_builders.hpp"

using namespace theracore;
using namespace theracore::instruments;
using test::builtin;
using test::na;

namespace {

bool fired(const invalid_responses& e, const std::string& id) {
    return std::any_of(e.flags().begin(), e.flags().end(),
                       [&](const fired_flag& f) { return f.id == id; });
}

bool open(const invalid_responses& e, const std::string& id) {
    const auto& v = e.flags_not_evaluated();
    return std::find(v.begin(), v.end(), id) != v.end();
}

/// score() of `row` (form order, NaN for missing), which must refuse it.
invalid_responses refusal(const instrument& inst, const std::vector<double>& row) {
    const std::vector<answer> a(row.begin(), row.end());  // NaN reads as missing
    try {
        (void)score(inst, responses::ordered(a));
    } catch (const invalid_responses& e) {
        return e;
    }
    ADD_FAILURE() << "score() accepted the answers";
    return invalid_responses("", {}, {}, {});
}

std::size_t flag_bit(const batch_result& b, const std::string& id) {
    return static_cast<std::size_t>(std::find(b.flag_ids.begin(), b.flag_ids.end(), id) -
                                    b.flag_ids.begin());
}

}  // namespace

TEST(CriticalItems, Phq9Item9RaisesItsFlagWhenAnotherAnswerIsOutOfRange) {
    // The case that was lost: item 9 = 3 ("nearly every day") and a 7 on item 8 (allowed 0-3).
    const auto& phq = builtin("phq9");
    const std::vector<double> row = {1, 2, 1, 0, 1, 2, 0, 7, 3};
    const auto e = refusal(phq, row);
    ASSERT_EQ(e.problems().size(), 1U);
    EXPECT_EQ(e.problems()[0].path, "phq9_8");
    EXPECT_TRUE(fired(e, "item9_self_harm"));
    EXPECT_NE(std::string(e.what()).find("item9_self_harm"), std::string::npos) << e.what();
    // Still a validation_error for callers that catch that.
    EXPECT_THROW((void)score(phq, responses::ordered({1, 2, 1, 0, 1, 2, 0, 7, 3})),
                 validation_error);

    const auto batch = score_batch(phq, batch_view::row_major(row.data(), 1, row.size()));
    EXPECT_EQ(batch.status[0], row_status::invalid);
    EXPECT_EQ(batch.first_invalid[0], 7);
    const auto bit = flag_bit(batch, "item9_self_harm");
    EXPECT_EQ((batch.flags[0] >> bit) & 1U, 1U);
    EXPECT_EQ((batch.flags_unknown[0] >> bit) & 1U, 0U);
}

TEST(CriticalItems, Phq9Item9ZeroRulesTheFlagOutWhateverElseIsInvalid) {
    const auto& phq = builtin("phq9");
    const std::vector<double> row = {1, 9, 1, 0, 1, 2, 0, 1, 0};
    const auto e = refusal(phq, row);
    EXPECT_FALSE(fired(e, "item9_self_harm"));
    EXPECT_FALSE(open(e, "item9_self_harm"));
    const auto batch = score_batch(phq, batch_view::row_major(row.data(), 1, row.size()));
    EXPECT_EQ(batch.flags[0], 0U);
    EXPECT_EQ(batch.flags_unknown[0], 0U);
}

TEST(CriticalItems, AnInvalidAnswerToTheCriticalItemItselfLeavesItsFlagOpenNotNegative) {
    const auto& phq = builtin("phq9");
    const std::vector<double> row = {1, 2, 1, 0, 1, 2, 0, 1, 4};
    const auto e = refusal(phq, row);
    EXPECT_FALSE(fired(e, "item9_self_harm"));
    EXPECT_TRUE(open(e, "item9_self_harm"));
    EXPECT_NE(std::string(e.what()).find("not evaluated: item9_self_harm"), std::string::npos)
        << e.what();
    const auto batch = score_batch(phq, batch_view::row_major(row.data(), 1, row.size()));
    const auto bit = flag_bit(batch, "item9_self_harm");
    EXPECT_EQ((batch.flags[0] >> bit) & 1U, 0U);
    EXPECT_EQ((batch.flags_unknown[0] >> bit) & 1U, 1U);
}

TEST(CriticalItems, TextInAnotherItemDoesNotHideTheFlag) {
    // "NA" typed into item 3 of a form whose item 9 is 2.
    const auto& phq = builtin("phq9");
    std::vector<answer> a = {1, 2, answer("NA"), 0, 1, 2, 0, 1, 2};
    try {
        (void)score(phq, responses::ordered(a));
        FAIL() << "accepted text";
    } catch (const invalid_responses& e) {
        EXPECT_EQ(e.problems()[0].path, "phq9_3");
        EXPECT_TRUE(fired(e, "item9_self_harm"));
    }
}

// Every flag of every built-in instrument: find a valid form on which it fires, then spoil an
// answer the flag does not read; the refusal and the invalid batch row both keep the flag.
class EveryFlag : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryFlag, SurvivesAnInvalidAnswerElsewhere) {
    const auto& inst = builtin(GetParam());
    const auto& d = inst.data();
    const std::size_t k = d.items.size();
    auto extreme = [&](bool high) {
        std::vector<double> row(k, na);
        for (std::size_t i = 0; i < k; ++i) {
            const auto& rs =
                *instruments::detail::find_response_scale(d, d.items[i].response_scale);
            double lo = std::numeric_limits<double>::infinity(), hi = -lo;
            for (const auto& o : rs.options) {
                if (!o.not_applicable) {
                    lo = std::min(lo, o.value);
                    hi = std::max(hi, o.value);
                }
            }
            if (rs.range) {
                lo = rs.range->min;
                hi = rs.range->max.value_or(rs.range->min + 24);
            }
            row[i] = high ? hi : lo;
        }
        return row;
    };
    std::size_t checked = 0;
    for (std::size_t f = 0; f < d.flags.size(); ++f) {
        const auto& flag = d.flags[f];
        std::vector<std::string> reads;
        for (const auto& c : flag.any_of) {
            reads.insert(reads.end(), c.items.begin(), c.items.end());
        }
        for (const bool high : {true, false}) {
            auto row = extreme(high);
            const auto clean = score_batch(inst, batch_view::row_major(row.data(), 1, k));
            if (clean.status[0] == row_status::invalid || ((clean.flags[0] >> f) & 1U) == 0) {
                continue;
            }
            // Spoil the last answer the flag does not read and no skip rule's condition reads.
            std::size_t spoil = k;
            for (std::size_t i = k; i-- > 0;) {
                const auto& id = d.items[i].id;
                bool used = std::find(reads.begin(), reads.end(), id) != reads.end();
                for (const auto& s : d.skip_rules) {
                    used = used || std::find(s.when.items.begin(), s.when.items.end(), id) !=
                                       s.when.items.end();
                }
                if (!used) {
                    spoil = i;
                    break;
                }
            }
            if (spoil == k) {
                break;  // every item feeds the flag: nothing else to spoil
            }
            row[spoil] = -7;
            const auto e = refusal(inst, row);
            EXPECT_TRUE(fired(e, flag.id)) << flag.id << ": " << e.what();
            const auto batch = score_batch(inst, batch_view::row_major(row.data(), 1, k));
            EXPECT_EQ(batch.status[0], row_status::invalid) << flag.id;
            EXPECT_EQ((batch.flags[0] >> f) & 1U, 1U) << flag.id;
            ++checked;
            break;
        }
    }
    EXPECT_GT(checked, 0U) << "no flag of " << GetParam() << " was exercised";
}

std::vector<std::string> flagged_builtins() {
    std::vector<std::string> ids;
    for (const auto& id : builtin_catalog().ids()) {
        if (!builtin(id).data().flags.empty()) {
            ids.push_back(id);
        }
    }
    return ids;
}

// Read from the catalog, so that a new definition with a flag is covered without editing this.
INSTANTIATE_TEST_SUITE_P(Builtins, EveryFlag, ::testing::ValuesIn(flagged_builtins()),
                         [](const ::testing::TestParamInfo<std::string>& id) { return id.param; });
