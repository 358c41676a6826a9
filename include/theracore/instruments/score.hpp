// SPDX-License-Identifier: Apache-2.0
/// @file
/// Scoring one administration: `score(instrument, responses) -> score_result`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <theracore/config.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/error.hpp>
#include <theracore/instruments/batch_view.hpp>
#include <theracore/instruments/instrument.hpp>
#include <theracore/instruments/responses.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

/// Where a score came from: which definition, and which library computed it.
struct score_provenance {
    std::string instrument;
    std::string instrument_version;
    std::string library_version;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("instrument", s.instrument),
                               field("instrument_version", s.instrument_version),
                               field("library_version", s.library_version));
    }
};

/// One scale's result.
struct scale_score {
    std::string scale;
    /// Empty when the scale could not be scored; `status` and `reason` say why.
    std::optional<double> value;
    scale_status status = scale_status::scored;
    std::string reason;
    /// Id of the band set reported (empty when the scale has no bands).
    std::string band_set;
    /// Index into that band set and its label, when scored and banded.
    std::optional<int> band;
    std::string band_label;
    /// Ids of the cut-offs the value meets.
    std::vector<std::string> cut_offs_met;
    /// Items answered (or scored by a skip rule), missing and not applicable in this scale.
    int answered = 0;
    int missing = 0;
    int not_applicable = 0;
    /// Missing items were prorated under the scale's missing-data rule.
    bool prorated = false;
    /// The prorating rule is a library or caller policy, not a published one.
    bool nonstandard_rule = false;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("scale", s.scale), field("value", s.value), field("status", s.status),
            field("reason", s.reason), field("band_set", s.band_set), field("band", s.band),
            field("band_label", s.band_label), field("cut_offs_met", s.cut_offs_met),
            field("answered", s.answered), field("missing", s.missing),
            field("not_applicable", s.not_applicable), field("prorated", s.prorated),
            field("nonstandard_rule", s.nonstandard_rule));
    }
};

/// A critical-item flag that fired.
struct fired_flag {
    std::string id;
    std::string name;
    flag_severity severity = flag_severity::urgent;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("name", s.name),
                               field("severity", s.severity));
    }
};

/// The outcome of a derived rule: met, not met or undetermined (triage: a level or
/// undetermined). Undetermined is never negative: a PCL-5 with missing items that could still
/// meet the DSM-5 rule is not a "not met".
struct derived_result {
    std::string id;
    /// Criteria rules: 1 met, 0 not met. Triage rules: index into the levels. When not
    /// determined, what the answered items reach (for triage a lower bound).
    int level = 0;
    /// "met" / "not met", or the triage level's name; "undetermined" when not determined.
    std::string label;
    /// False when missing answers could change the outcome.
    bool determined = true;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("level", s.level), field("label", s.label),
                               field("determined", s.determined));
    }
};

/// Everything scoring one administration yields.
struct score_result {
    score_provenance provenance;
    /// One entry per scale, in definition order.
    std::vector<scale_score> scales;
    /// Flags that fired (raised even when no scale could be scored).
    std::vector<fired_flag> flags;
    /// Flags that could neither fire nor be ruled out because their items are missing.
    std::vector<std::string> flags_not_evaluated;
    std::vector<derived_result> derived;
    /// Answered and missing items among those the scoring uses.
    int answered = 0;
    int missing = 0;
    /// Some scale was prorated.
    bool prorated = false;
    /// The answers were taken as item scores, already reverse keyed (`score_options::coding`
    /// or the definition's `answers`).
    bool reverse_keying_applied = false;
    /// The norm group chosen for this administration, if any.
    std::optional<std::string> norm_group;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("provenance", s.provenance), field("scales", s.scales),
                               field("flags", s.flags),
                               field("flags_not_evaluated", s.flags_not_evaluated),
                               field("derived", s.derived), field("answered", s.answered),
                               field("missing", s.missing), field("prorated", s.prorated),
                               field("reverse_keying_applied", s.reverse_keying_applied),
                               field("norm_group", s.norm_group));
    }

    /// The result of scale `id`, or nullptr.
    [[nodiscard]] const scale_score* scale(std::string_view id) const noexcept {
        for (const auto& s : scales) {
            if (s.scale == id) {
                return &s;
            }
        }
        return nullptr;
    }
    /// Whether flag `id` fired.
    [[nodiscard]] bool flagged(std::string_view id) const noexcept {
        for (const auto& f : flags) {
            if (f.id == id) {
                return true;
            }
        }
        return false;
    }
    /// The outcome of derived rule `id`, or nullptr.
    [[nodiscard]] const derived_result* outcome(std::string_view id) const noexcept {
        for (const auto& d : derived) {
            if (d.id == id) {
                return &d;
            }
        }
        return nullptr;
    }
};

/// `score` refused the answers (`problems()` lists every reason, as `validation_error` does), but
/// the instrument's critical items were still judged on their own answers, whatever happened to
/// the others: `flags()` fired, `flags_not_evaluated()` could not be ruled out because one of
/// their own answers is missing or invalid. A critical answer is never lost with the rest: a
/// caller that records the refusal records these too, and `what()` names them.
class THERACORE_API invalid_responses : public validation_error {
  public:
    invalid_responses(const std::string& what, problem_list problems, std::vector<fired_flag> flags,
                      std::vector<std::string> flags_not_evaluated);
    invalid_responses(const invalid_responses&) = default;
    invalid_responses& operator=(const invalid_responses&) = default;
    ~invalid_responses() override;

    [[nodiscard]] const std::vector<fired_flag>& flags() const noexcept { return flags_; }
    [[nodiscard]] const std::vector<std::string>& flags_not_evaluated() const noexcept {
        return not_evaluated_;
    }

  private:
    std::vector<fired_flag> flags_;
    std::vector<std::string> not_evaluated_;
};

/// Every problem of `r`: an empty provenance, a value without `scored` status (or the reverse),
/// a non-finite value.
[[nodiscard]] THERACORE_API problem_list validate(const score_result& r);

/// Scores one administration of `inst`. Answers are as the form records them (before reverse
/// keying); missing answers follow each scale's missing-data rule. Uses the same kernel as
/// `score_batch`, so both give identical numbers.
/// @throws invalid_responses (a `validation_error`) listing every problem, each with its item id
/// as path, and the critical-item flags judged on their own answers regardless: an answer
/// outside the item's allowed values (a 7 on a 0–3 item, a 1 on AUDIT item 9), an unknown item
/// id, text instead of a number, a non-finite number, too many answers in form order, answers
/// both in form order and by id, an answer to an item a skip rule does not ask; or options that
/// name scales, band sets or norm groups the instrument lacks; or a default-constructed
/// instrument.
[[nodiscard]] THERACORE_API score_result score(const instrument& inst, const responses& r,
                                               const score_options& options = {});

}  // namespace instruments
THERACORE_NAMESPACE_END
