// SPDX-License-Identifier: Apache-2.0
// score_batch(): the same numbers as score() on 100,000 random rows with missing and invalid
// cells for every built-in instrument; layouts and element types; strict mode; bad shapes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <theracore/instruments.hpp>

#include "instruments/check.hpp"

#include "support/instruments_builders.hpp"

using namespace theracore;
using namespace theracore::instruments;
using test::na;

namespace {

constexpr std::size_t property_rows = 100000;

/// Random answers for `inst`, row-major: mostly allowed values (including not-applicable
/// codes), about 8 % missing and 2 % invalid cells; skip rules are honoured in most rows so
/// that skipped items are exercised, and broken in some.
std::vector<double> random_rows(const instrument& inst, std::size_t rows, std::uint32_t seed) {
    const auto& d = inst.data();
    const std::size_t k = d.items.size();
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<std::vector<double>> allowed(k);
    for (std::size_t i = 0; i < k; ++i) {
        const auto* rs = instruments::detail::find_response_scale(d, d.items[i].response_scale);
        for (const auto& o : rs->options) {
            allowed[i].push_back(o.value);
        }
        // Free numeric entry (PG-13-R months since the death): whole steps from the minimum.
        for (int step = 0; rs->range && step <= 36; ++step) {
            const double v = rs->range->min + step;
            if (!rs->range->max || v <= *rs->range->max) {
                allowed[i].push_back(v);
            }
        }
    }
    const double invalid[] = {-1, 7, 0.5, 99, 1e300, -3};
    std::vector<double> out(rows * k);
    for (std::size_t r = 0; r < rows; ++r) {
        double* row = &out[r * k];
        for (std::size_t i = 0; i < k; ++i) {
            const double p = u(rng);
            if (p < 0.08) {
                row[i] = na;
            } else if (p < 0.10) {
                row[i] = invalid[rng() % 6];
            } else {
                row[i] = allowed[i][rng() % allowed[i].size()];
            }
        }
        for (const auto& s : d.skip_rules) {
            double sum = 0;
            bool known = true;
            for (const auto& id : s.when.items) {
                const double v = row[*inst.item_index(id)];
                known = known && !std::isnan(v);
                sum += v;
            }
            if (known && compare(sum, s.when.test, s.when.value) && u(rng) < 0.8) {
                for (const auto& id : s.skip) {
                    row[*inst.item_index(id)] = u(rng) < 0.5 ? na : s.score_as.value_or(na);
                }
            }
        }
    }
    return out;
}

bool same(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

/// Checks row `r` of `batch` against `score()` of the same answers.
void expect_row_matches(const instrument& inst, const batch_result& batch, std::size_t r,
                        const double* row) {
    const auto& d = inst.data();
    std::vector<answer> a(row, row + d.items.size());
    score_result single;
    try {
        single = score(inst, responses::ordered(a));
    } catch (const invalid_responses& e) {
        ASSERT_EQ(batch.status[r], row_status::invalid) << "row " << r << ": " << e.what();
        // A critical answer is never lost with the row: both paths judge each flag on its own
        // answers (an invalid one counting as missing) and agree on what fired or stayed open.
        for (std::size_t f = 0; f < d.flags.size(); ++f) {
            const auto& id = d.flags[f].id;
            const bool fired = std::any_of(e.flags().begin(), e.flags().end(),
                                           [&](const fired_flag& x) { return x.id == id; });
            const bool open =
                std::find(e.flags_not_evaluated().begin(), e.flags_not_evaluated().end(), id) !=
                e.flags_not_evaluated().end();
            EXPECT_EQ(((batch.flags[r] >> f) & 1U) != 0, fired) << "row " << r << " flag " << id;
            EXPECT_EQ(((batch.flags_unknown[r] >> f) & 1U) != 0, open)
                << "row " << r << " flag " << id;
        }
        std::size_t first = d.items.size();
        for (const auto& p : e.problems()) {
            first = std::min(first, *inst.item_index(p.path));
        }
        EXPECT_EQ(batch.first_invalid[r], static_cast<std::int32_t>(first)) << "row " << r;
        for (const auto& s : batch.scales) {
            EXPECT_TRUE(std::isnan(s.value[r]));
            EXPECT_EQ(s.status[r], scale_status::invalid_row);
        }
        return;
    }
    ASSERT_NE(batch.status[r], row_status::invalid) << "row " << r;
    EXPECT_EQ(batch.first_invalid[r], -1);
    bool ok = true;
    for (std::size_t k = 0; k < d.scales.size(); ++k) {
        const auto& s = single.scales[k];
        const auto& col = batch.scales[k];
        EXPECT_EQ(col.status[r], s.status) << "row " << r << " scale " << s.scale;
        EXPECT_TRUE(same(col.value[r], s.value.value_or(na)))
            << "row " << r << " scale " << s.scale << ": " << col.value[r] << " vs "
            << s.value.value_or(na);
        EXPECT_EQ(col.band[r], s.band.value_or(-1)) << "row " << r;
        EXPECT_EQ(col.prorated[r] != 0, s.prorated) << "row " << r;
        ok = ok && s.status == scale_status::scored;
        for (const auto& c : d.scales[k].cut_offs) {
            const auto bit = static_cast<std::size_t>(
                std::find(batch.cut_off_ids.begin(), batch.cut_off_ids.end(), c.id) -
                batch.cut_off_ids.begin());
            EXPECT_EQ(((batch.cut_offs[r] >> bit) & 1U) != 0,
                      std::find(s.cut_offs_met.begin(), s.cut_offs_met.end(), c.id) !=
                          s.cut_offs_met.end())
                << "row " << r << " cut-off " << c.id;
        }
    }
    for (std::size_t f = 0; f < d.flags.size(); ++f) {
        EXPECT_EQ(((batch.flags[r] >> f) & 1U) != 0, single.flagged(d.flags[f].id)) << "row " << r;
        const bool unknown =
            std::find(single.flags_not_evaluated.begin(), single.flags_not_evaluated.end(),
                      d.flags[f].id) != single.flags_not_evaluated.end();
        EXPECT_EQ(((batch.flags_unknown[r] >> f) & 1U) != 0, unknown) << "row " << r;
    }
    for (std::size_t k = 0; k < d.derived.size(); ++k) {
        // Undetermined is missing in the outcome column; what the answers reach is kept apart.
        EXPECT_EQ(batch.derived[k].reached[r], single.derived[k].level) << "row " << r;
        EXPECT_EQ(batch.derived[k].level[r],
                  single.derived[k].determined ? single.derived[k].level : -1)
            << "row " << r;
        EXPECT_EQ(single.derived[k].label == "undetermined", !single.derived[k].determined)
            << "row " << r;
        EXPECT_EQ(batch.derived[k].determined[r] != 0, single.derived[k].determined) << "row " << r;
        ok = ok && single.derived[k].determined;
    }
    EXPECT_EQ(batch.answered[r], single.answered);
    EXPECT_EQ(batch.missing[r], single.missing);
    EXPECT_EQ(batch.status[r], ok ? row_status::ok : row_status::not_scorable) << "row " << r;
}

void expect_same_result(const batch_result& a, const batch_result& b) {
    ASSERT_EQ(a.rows, b.rows);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.first_invalid, b.first_invalid);
    EXPECT_EQ(a.answered, b.answered);
    EXPECT_EQ(a.missing, b.missing);
    EXPECT_EQ(a.flags, b.flags);
    EXPECT_EQ(a.flags_unknown, b.flags_unknown);
    EXPECT_EQ(a.cut_offs, b.cut_offs);
    ASSERT_EQ(a.scales.size(), b.scales.size());
    for (std::size_t k = 0; k < a.scales.size(); ++k) {
        ASSERT_EQ(a.scales[k].value.size(), b.scales[k].value.size());
        for (std::size_t r = 0; r < a.rows; ++r) {
            ASSERT_TRUE(same(a.scales[k].value[r], b.scales[k].value[r])) << "row " << r;
        }
        EXPECT_EQ(a.scales[k].band, b.scales[k].band);
        EXPECT_EQ(a.scales[k].status, b.scales[k].status);
        EXPECT_EQ(a.scales[k].prorated, b.scales[k].prorated);
    }
    for (std::size_t k = 0; k < a.derived.size(); ++k) {
        EXPECT_EQ(a.derived[k].level, b.derived[k].level);
        EXPECT_EQ(a.derived[k].determined, b.derived[k].determined);
        EXPECT_EQ(a.derived[k].reached, b.derived[k].reached);
    }
}

class BatchProperty : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(BatchProperty, SameNumbersAsScoreOnRandomRowsWithMissingAndInvalidCells) {
    const auto& inst = test::builtin(GetParam());
    const std::size_t k = inst.items().size();
    const auto data = random_rows(inst, property_rows, 20240229U);
    const auto batch = score_batch(inst, batch_view::row_major(data.data(), property_rows, k));
    std::size_t counts[3] = {0, 0, 0};
    for (std::size_t r = 0; r < property_rows; ++r) {
        expect_row_matches(inst, batch, r, &data[r * k]);
        ++counts[static_cast<int>(batch.status[r])];
        if (HasFailure()) {
            FAIL() << "first mismatch at row " << r;
        }
    }
    // The random data must exercise every status, or the property proves little.
    EXPECT_GT(counts[0], 1000U) << "ok rows";
    EXPECT_GT(counts[1], 1000U) << "not scorable rows";
    EXPECT_GT(counts[2], 1000U) << "invalid rows";

    // Column-major (as pandas stores a frame) gives the same columns.
    std::vector<double> cm(data.size());
    for (std::size_t r = 0; r < property_rows; ++r) {
        for (std::size_t i = 0; i < k; ++i) {
            cm[i * property_rows + r] = data[r * k + i];
        }
    }
    expect_same_result(batch,
                       score_batch(inst, batch_view::column_major(cm.data(), property_rows, k)));

    // float32 columns are read by the portable loop, doubles by the SSE2 one where the
    // platform has it: the same cells must score the same. (1e300, a valid number of months
    // for PG-13-R, has no float: those cells become -1, invalid everywhere, in both copies.)
    std::vector<double> exact(data);
    for (double& v : exact) {
        if (!std::isnan(v) && static_cast<double>(static_cast<float>(v)) != v) {
            v = -1;
        }
    }
    const std::vector<float> f32(exact.begin(), exact.end());
    expect_same_result(score_batch(inst, batch_view::row_major(exact.data(), property_rows, k)),
                       score_batch(inst, batch_view::row_major(f32.data(), property_rows, k)));
}

// Every built-in instrument, read from the catalog so that a new definition is covered without
// editing this list.
INSTANTIATE_TEST_SUITE_P(EveryBuiltin, BatchProperty, ::testing::ValuesIn(builtin_catalog().ids()),
                         [](const ::testing::TestParamInfo<std::string>& id) { return id.param; });

TEST(Batch, EdgeValuesGetTheSameStatesInBatchAsInScore) {
    // Values at the edges of the checks (negative zero, near-integers, infinities, integers
    // too large for int32, a NaN) in every column of PHQ-9, an odd number of rows so that the
    // two-row loop also ends in its one-row tail; batch scoring must agree with score().
    const auto& phq = test::builtin("phq9");
    const double edges[] = {-0.0,
                            3.0000000000000004,
                            2.9999999999999996,
                            std::numeric_limits<double>::infinity(),
                            -std::numeric_limits<double>::infinity(),
                            9007199254740993.0,
                            -2147483649.0,
                            4294967296.0,
                            255,
                            256,
                            3,
                            0,
                            na};
    const std::size_t k = phq.items().size();  // the tenth (difficulty) item left missing
    std::vector<double> data;
    for (std::size_t col = 0; col < 9; ++col) {
        for (const double e : edges) {
            for (std::size_t i = 0; i < k; ++i) {
                data.push_back(i == col ? e : (i < 9 ? static_cast<double>(i % 4) : na));
            }
        }
    }
    const std::size_t rows = data.size() / k;
    ASSERT_EQ(rows % 2, 1U);
    const auto batch = score_batch(phq, batch_view::row_major(data.data(), rows, k));
    for (std::size_t r = 0; r < rows; ++r) {
        expect_row_matches(phq, batch, r, &data[r * k]);
    }
    std::vector<double> cm(data.size());
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t i = 0; i < k; ++i) {
            cm[i * rows + r] = data[r * k + i];
        }
    }
    expect_same_result(batch, score_batch(phq, batch_view::column_major(cm.data(), rows, k)));
}

TEST(Batch, IntegerColumnsWithAMissingCodeMatchDoubles) {
    const auto& inst = test::builtin("audit");
    const std::size_t k = 10, rows = 5000;
    auto data = random_rows(inst, rows, 7U);
    std::vector<std::int8_t> i8(data.size());
    std::vector<std::uint16_t> u16(data.size());
    std::vector<std::int64_t> i64(data.size());
    for (std::size_t j = 0; j < data.size(); ++j) {
        double& v = data[j];
        if (!std::isnan(v) && (std::floor(v) != v || std::fabs(v) > 100)) {
            v = 7;  // integers cannot hold a fraction: keep the cell invalid
        }
        i8[j] = std::isnan(v) ? std::int8_t{-99} : static_cast<std::int8_t>(v);
        u16[j] = std::isnan(v) ? std::uint16_t{999} : static_cast<std::uint16_t>(v < 0 ? 500 : v);
        i64[j] = std::isnan(v) ? -99 : static_cast<std::int64_t>(v);
        if (!std::isnan(v) && v < 0) {
            v = 500;  // as stored in the unsigned copy; still invalid
        }
    }
    const auto expected = score_batch(inst, batch_view::row_major(data.data(), rows, k));
    expect_same_result(expected, score_batch(inst, batch_view::row_major(i8.data(), rows, k, -99)));
    expect_same_result(expected,
                       score_batch(inst, batch_view::row_major(u16.data(), rows, k, 999)));
    expect_same_result(expected,
                       score_batch(inst, batch_view::row_major(i64.data(), rows, k, -99)));
    // float32 columns hold these small integers exactly.
    std::vector<float> f32(data.begin(), data.end());
    expect_same_result(expected, score_batch(inst, batch_view::row_major(f32.data(), rows, k)));
}

TEST(Batch, SeparateColumnsOfMixedTypesAndStrides) {
    const auto& phq = test::builtin("phq9");
    // Nine columns picked out of a wider frame: doubles with stride 3, the rest int32.
    const std::size_t rows = 3;
    const double wide[] = {1, 0, 0, 2, 0, 0, 3, 0, 0};  // column 1 of a 3-wide frame
    const std::int32_t ints[] = {1, 1, 1, 2, 2, 2, 3, 3, 3};
    std::vector<column_view> cols;
    cols.push_back({wide, element_type::f64, 3 * sizeof(double)});
    for (int i = 0; i < 8; ++i) {
        cols.push_back({ints, element_type::i32, 3 * sizeof(std::int32_t)});
    }
    const auto b = score_batch(phq, batch_view(rows, cols));
    EXPECT_EQ(b.scales[0].value, (std::vector<double>{9, 18, 27}));  // sums of 1s, 2s, 3s
    EXPECT_EQ(b.scales[0].band, (std::vector<std::int8_t>{1, 3, 4}));
}

TEST(Batch, NineColumnPhq9FrameIsEnoughAndTenIsToo) {
    const auto& phq = test::builtin("phq9");
    const double one[9] = {1, 1, 1, 1, 1, 0, 0, 0, 0};
    EXPECT_EQ(score_batch(phq, batch_view::row_major(one, 1, 9)).scales[0].value[0], 5);
    const double ten[10] = {1, 1, 1, 1, 1, 0, 0, 0, 0, 3};
    EXPECT_EQ(score_batch(phq, batch_view::row_major(ten, 1, 10)).scales[0].value[0], 5);
    EXPECT_EQ(
        test::problem_paths([&] { (void)score_batch(phq, batch_view::row_major(one, 1, 8)); }),
        std::vector<std::string>{"view"});
    const double eleven[11] = {};
    EXPECT_EQ(
        test::problem_paths([&] { (void)score_batch(phq, batch_view::row_major(eleven, 1, 11)); }),
        std::vector<std::string>{"view"});
}

TEST(Batch, StrictModeThrowsAtTheFirstInvalidRowNamingRowAndItem) {
    const auto& phq = test::builtin("phq9");
    const double data[] = {0, 0, 0, 0, 0, 0, 0, 0, 0,   // ok
                           0, 0, 7, 0, 0, 0, 0, 0, 0,   // invalid: item 3
                           0, 0, 0, 0, 9, 0, 0, 0, 0};  // invalid: item 5
    const auto view = batch_view::row_major(data, 3, 9);
    const auto lenient = score_batch(phq, view);
    EXPECT_EQ(lenient.status,
              (std::vector<row_status>{row_status::ok, row_status::invalid, row_status::invalid}));
    EXPECT_EQ(lenient.first_invalid, (std::vector<std::int32_t>{-1, 2, 4}));
    try {
        (void)score_batch(phq, view, batch_options{true});
        FAIL();
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 1U);
        EXPECT_EQ(e.problems()[0].path, "[1].phq9_3");
        EXPECT_EQ(e.problems()[0].message, "7 is not an allowed answer (allowed: 0, 1, 2, 3)");
    }
    const auto& audit = test::builtin("audit");
    const double skipped[] = {0, 3, na, na, na, na, na, na, 0, 0};
    try {
        (void)score_batch(audit, batch_view::row_major(skipped, 1, 10), batch_options{true});
        FAIL();
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems()[0].path, "[0].audit_2");
    }
}

TEST(Batch, RowRangesFillOneResultAndBadArgumentsThrow) {
    const auto& gad = test::builtin("gad7");
    const auto data = random_rows(gad, 1000, 3U);
    const auto view = batch_view::row_major(data.data(), 1000, 7);
    auto parts = make_batch_result(gad.plan(), 1000);
    score_rows(gad.plan(), view, 0, 400, parts);
    score_rows(gad.plan(), view, 400, 1000, parts);
    expect_same_result(score_batch(gad, view), parts);
    EXPECT_EQ(test::problem_paths([&] { score_rows(gad.plan(), view, 10, 1001, parts); }),
              std::vector<std::string>{"rows"});
    auto wrong = make_batch_result(gad.plan(), 5);
    EXPECT_EQ(test::problem_paths([&] { score_rows(gad.plan(), view, 0, 5, wrong); }),
              std::vector<std::string>{"out"});
    EXPECT_THROW((void)score_batch(scoring_plan{}, view), validation_error);
    EXPECT_EQ(test::problem_paths([] {
                  (void)batch_view(2, {column_view{nullptr, element_type::f64, 8}});
              }),
              std::vector<std::string>{"columns[0]"});
    // An empty view scores nothing.
    const double none[7] = {};
    EXPECT_EQ(score_batch(gad, batch_view::row_major(none, 0, 7)).rows, 0U);
}

TEST(Batch, OptionsCompileIntoAPlan) {
    const auto& core = test::builtin("core10");
    score_options pre;
    pre.coding = answer_coding::scores;
    const double zeros[10] = {};
    EXPECT_EQ(
        score_batch(core.compile(pre), batch_view::row_major(zeros, 1, 10)).scales[0].value[0], 0);
    EXPECT_EQ(score_batch(core, batch_view::row_major(zeros, 1, 10)).scales[0].value[0], 8);
}

// ---- Answer coding (issue 15, correction 4). EPDS items 3 and 5-10 are reverse keyed (Cox,
// Holden & Sagovsky 1987: scored 3 - option position). Pre-scored data with item 10 = 3 ("yes,
// quite often") read as positions scored 18 and lost the self-harm flag.

namespace {

/// `rows` EPDS administrations as item scores (column-major): a latent severity 0-3 per row,
/// each item within one point of it.
std::vector<double> epds_item_scores(std::size_t rows, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<double> out(rows * 10);
    for (std::size_t r = 0; r < rows; ++r) {
        const int level = static_cast<int>(rng() % 4);
        for (std::size_t j = 0; j < 10; ++j) {
            const int v = level + static_cast<int>(rng() % 3) - 1;
            out[j * rows + r] = std::clamp(v, 0, 3);
        }
    }
    return out;
}

/// The same answers as form positions: the reverse-keyed items mirrored (3 - score).
std::vector<double> as_positions(std::vector<double> scores, std::size_t rows) {
    for (const std::size_t j : {2U, 4U, 5U, 6U, 7U, 8U, 9U}) {
        for (std::size_t r = 0; r < rows; ++r) {
            scores[j * rows + r] = 3 - scores[j * rows + r];
        }
    }
    return scores;
}

}  // namespace

TEST(AnswerCoding, EveryBuiltinDefinitionStatesPositions) {
    for (const auto& inst : builtin_catalog().instruments()) {
        EXPECT_EQ(inst.answers(), answer_coding::positions) << inst.id();
    }
}

TEST(AnswerCoding, PreScoredEpdsKeepsItsItem10FlagWhenToldItsCoding) {
    const auto& e = test::builtin("epds");
    // Item scores summing to 18, item 10 = 3 ("yes, quite often"), as the issue found them.
    const std::vector<double> scored{2, 2, 2, 2, 2, 2, 1, 1, 1, 3};
    const auto as_read = score(e, test::answers(scored));  // read as positions, as before
    EXPECT_FALSE(as_read.flagged("item10_self_harm"));
    score_options pre;
    pre.coding = answer_coding::scores;
    const auto told = score(e, test::answers(scored), pre);
    EXPECT_TRUE(told.flagged("item10_self_harm"));
    EXPECT_EQ(*told.scales[0].value, 18);
    EXPECT_TRUE(told.reverse_keying_applied);
    // A definition may state that its answers are item scores; options still override it.
    auto d = e.data();
    d.answers = answer_coding::scores;
    const auto scores_def = instrument::create(d);
    EXPECT_TRUE(score(scores_def, test::answers(scored)).flagged("item10_self_harm"));
    score_options positions;
    positions.coding = answer_coding::positions;
    EXPECT_FALSE(score(scores_def, test::answers(scored), positions).flagged("item10_self_harm"));
}

TEST(AnswerCoding, ABatchInTheOtherCodingIsReported) {
    const auto& e = test::builtin("epds");
    const std::size_t rows = 400;
    const auto scores = epds_item_scores(rows, 7);
    const auto positions = as_positions(scores, rows);
    const auto pos_view = batch_view::column_major(positions.data(), rows, 10);
    const auto score_view = batch_view::column_major(scores.data(), rows, 10);

    const auto right = check_answer_coding(e, pos_view);
    EXPECT_EQ(right.assumed, answer_coding::positions);
    EXPECT_EQ(right.scale, "total");
    EXPECT_EQ(right.reverse_items.size(), 7u);
    EXPECT_EQ(right.rows_used, rows);
    EXPECT_GT(right.agreement, 0.2);
    EXPECT_FALSE(right.mismatch);

    const auto wrong = check_answer_coding(e, score_view);  // pre-scored, read as positions
    EXPECT_LT(wrong.agreement, -0.2);
    ASSERT_TRUE(wrong.mismatch);
    EXPECT_EQ(*wrong.mismatch, answer_coding::scores);
    EXPECT_NE(wrong.message.find("look like scores"), std::string::npos) << wrong.message;
    // Mirror images: the same data read the other way agree exactly as much.
    EXPECT_NEAR(check_answer_coding(e, score_view, answer_coding::scores).agreement,
                right.agreement, 1e-12);

    // A subscale may be named; too few complete rows decide nothing.
    const auto sub = check_answer_coding(e, batch_view::column_major(scores.data(), 400, 10),
                                         std::nullopt, "epds3a");
    EXPECT_EQ(sub.scale, "epds3a");
    EXPECT_EQ(sub.reverse_items, (std::vector<std::string>{"epds_3", "epds_5"}));
    auto gappy = scores;
    for (std::size_t r = 10; r < rows; ++r) {
        gappy[9 * rows + r] = std::nan("");
    }
    const auto ten = check_answer_coding(e, batch_view::column_major(gappy.data(), rows, 10));
    EXPECT_EQ(ten.rows_used, 10u);
    EXPECT_FALSE(ten.mismatch);
    EXPECT_NE(ten.message.find("cannot be checked"), std::string::npos) << ten.message;

    // Without reverse-keyed items both codings score alike: nothing to check.
    const std::vector<double> phq(9 * 40, 1.0);
    const auto plain =
        check_answer_coding(test::builtin("phq9"), batch_view::column_major(phq.data(), 40, 9));
    EXPECT_TRUE(plain.reverse_items.empty());
    EXPECT_FALSE(plain.mismatch);
    EXPECT_TRUE(std::isnan(plain.agreement));
    // Bad arguments are named.
    EXPECT_THROW((void)check_answer_coding(e, pos_view, std::nullopt, "nope"), validation_error);
    EXPECT_THROW((void)check_answer_coding(e, batch_view::column_major(scores.data(), rows, 9)),
                 validation_error);
}
