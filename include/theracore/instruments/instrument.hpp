// SPDX-License-Identifier: Apache-2.0
/// @file
/// `instrument`: a checked instrument definition, compiled once for scoring.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <theracore/config.hpp>
#include <theracore/error.hpp>
#include <theracore/instruments/definition.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

class instrument;

namespace detail {
/// The compiled form the scoring kernel reads (private to the library).
struct plan;
}  // namespace detail

/// An instrument compiled with a set of `score_options`, ready for `score_batch`. Cheap to
/// copy (it shares the compiled data); immutable, so usable from several threads at once.
class scoring_plan {
  public:
    scoring_plan() = default;

    /// True for a default-constructed plan, which scores nothing.
    [[nodiscard]] bool empty() const noexcept { return p_ == nullptr; }
    /// Item ids in form order (the columns a batch view holds).
    /// @throws validation_error for an empty plan.
    [[nodiscard]] THERACORE_API const std::vector<std::string>& item_ids() const;
    /// How many leading columns a batch view needs (trailing unscored items may be left out).
    /// @throws validation_error for an empty plan.
    [[nodiscard]] THERACORE_API std::size_t required_columns() const;
    /// @throws validation_error for an empty plan.
    [[nodiscard]] THERACORE_API const score_options& options() const;
    /// Ids of the flags, by bit of `batch_result::flags` (definition order).
    /// @throws validation_error for an empty plan.
    [[nodiscard]] THERACORE_API const std::vector<std::string>& flag_ids() const;
    /// Ids of the cut-offs of every scale, by bit of `batch_result::cut_offs`.
    /// @throws validation_error for an empty plan.
    [[nodiscard]] THERACORE_API const std::vector<std::string>& cut_off_ids() const;
    /// Index of the band set reported for scale `k` (definition order) under these options;
    /// 0 for a scale without band sets.
    /// @throws validation_error for an empty plan or `k` out of range.
    [[nodiscard]] THERACORE_API std::size_t band_set_index(std::size_t k) const;

    /// The compiled data, for the scoring functions (an incomplete type outside the library).
    /// @throws validation_error for an empty plan.
    [[nodiscard]] THERACORE_API const detail::plan& get() const;

  private:
    friend class instrument;
    explicit scoring_plan(std::shared_ptr<const detail::plan> p) : p_(std::move(p)) {}
    std::shared_ptr<const detail::plan> p_;
};

/// A questionnaire's definition, checked and compiled (see definition.hpp for its parts and
/// docs/instrument-format.md for the JSON). Invariants, checked by `create`: ids are valid and
/// unique; every item, response scale, level and norm group a rule names exists; bands cover
/// each scale's range without gaps or overlaps; missing-data rules can be met; texts appear
/// only where the licence allows. Immutable after `create`; safe to share between threads.
class instrument {
  public:
    static constexpr const char* schema_name = "theracore.instrument";
    /// 2: a derived criterion may test a `condition` (PG-13-R's symptom score); a definition
    /// states its answer coding (`answers`).
    static constexpr int schema_version = 2;

    using fields = instrument_definition;

    /// An empty placeholder, only for assigning or deserializing into.
    instrument() = default;

    /// Fills defaults (item ids `<id>_<n>`, labels "Item n", the only response scale), checks
    /// the definition and compiles it.
    /// @throws validation_error listing every problem of `f`.
    [[nodiscard]] THERACORE_API static instrument create(fields f);

    /// Every problem of `f` (after filling defaults as `create` does), without throwing.
    [[nodiscard]] THERACORE_API static problem_list check(fields f);

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const std::string& id() const noexcept { return f_.id; }
    [[nodiscard]] const std::string& name() const noexcept { return f_.name; }
    [[nodiscard]] const std::string& version() const noexcept { return f_.version; }
    [[nodiscard]] licence_terms licence() const noexcept { return f_.licence; }
    [[nodiscard]] score_direction direction() const noexcept { return f_.direction; }
    /// How answers are coded unless a caller says otherwise.
    [[nodiscard]] answer_coding answers() const noexcept { return f_.answers; }
    [[nodiscard]] const std::vector<item>& items() const noexcept { return f_.items; }
    [[nodiscard]] const std::vector<scale>& scales() const noexcept { return f_.scales; }
    [[nodiscard]] const std::vector<flag_rule>& flags() const noexcept { return f_.flags; }
    [[nodiscard]] const std::vector<derived_rule>& derived() const noexcept { return f_.derived; }
    [[nodiscard]] const std::vector<instrument_locale>& locales() const noexcept {
        return f_.locales;
    }

    /// The scale with this id, or nullptr.
    [[nodiscard]] const scale* find_scale(std::string_view id) const noexcept {
        for (const auto& s : f_.scales) {
            if (s.id == id) {
                return &s;
            }
        }
        return nullptr;
    }

    /// The total scale, or nullptr (C-SSRS screener, DASS-21 have none).
    [[nodiscard]] const scale* total() const noexcept {
        for (const auto& s : f_.scales) {
            if (s.role == scale_role::total) {
                return &s;
            }
        }
        return nullptr;
    }

    /// Form position (0-based) of the item with this id, or nothing.
    [[nodiscard]] std::optional<std::size_t> item_index(std::string_view id) const noexcept {
        for (std::size_t i = 0; i < f_.items.size(); ++i) {
            if (f_.items[i].id == id) {
                return i;
            }
        }
        return std::nullopt;
    }

    /// The plan compiled with default options.
    /// @throws validation_error for a default-constructed instrument.
    [[nodiscard]] const scoring_plan& plan() const {
        (void)plan_.get();
        return plan_;
    }

    /// A plan compiled with `options` (the cached default plan when `options` are default).
    /// @throws validation_error when `options` name scales, band sets or norm groups this
    /// instrument lacks or carry a missing-data rule that cannot be met.
    [[nodiscard]] THERACORE_API scoring_plan compile(const score_options& options) const;

    friend bool operator==(const instrument& a, const instrument& b) { return a.f_ == b.f_; }
    friend bool operator!=(const instrument& a, const instrument& b) { return !(a == b); }

  private:
    fields f_;
    scoring_plan plan_;
};

/// Every problem of `i` (none for an instrument made by `create`).
[[nodiscard]] THERACORE_API problem_list validate(const instrument& i);

}  // namespace instruments
THERACORE_NAMESPACE_END
