// SPDX-License-Identifier: Apache-2.0
/// @file
/// The answers of one administration, as the form records them (before reverse keying).
#pragma once

#include <cmath>
#include <map>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/instruments/definition.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

/// One recorded answer: a number, nothing (missing), or text that is not a number (which
/// scoring rejects rather than guessing at). On the wire: a number, `null` or a string.
class answer {
  public:
    enum class kind : unsigned char { missing, number, text };

    /// A missing answer.
    answer() = default;
    /// A number. Implicit so that `{2, 1, answer(), 3}` reads like the form; NaN (how numpy
    /// and pandas spell "missing") is a missing answer.
    answer(double v) noexcept : kind_(std::isnan(v) ? kind::missing : kind::number), number_(v) {
        if (kind_ == kind::missing) {
            number_ = 0;
        }
    }
    template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
    answer(I v) noexcept : answer(static_cast<double>(v)) {}
    /// Text, e.g. from a web form; scoring reports it as "not a number".
    explicit answer(std::string text) : kind_(kind::text), text_(std::move(text)) {}

    [[nodiscard]] kind what() const noexcept { return kind_; }
    [[nodiscard]] bool is_missing() const noexcept { return kind_ == kind::missing; }
    [[nodiscard]] bool is_number() const noexcept { return kind_ == kind::number; }
    [[nodiscard]] bool is_text() const noexcept { return kind_ == kind::text; }
    /// The number (0 unless `is_number()`).
    [[nodiscard]] double number() const noexcept { return number_; }
    /// The text (empty unless `is_text()`).
    [[nodiscard]] const std::string& text() const noexcept { return text_; }

    friend bool operator==(const answer& a, const answer& b) {
        return a.kind_ == b.kind_ && a.number_ == b.number_ && a.text_ == b.text_;
    }
    friend bool operator!=(const answer& a, const answer& b) { return !(a == b); }

  private:
    kind kind_ = kind::missing;
    double number_ = 0;
    std::string text_;
};

/// The answers to an instrument, either in form order (`form_order[i]` answers item i; a
/// shorter list leaves the trailing items missing) or by item id — not both. Missing answers
/// are not errors: the scales' missing-data rules decide.
struct responses {
    std::vector<answer> form_order;
    std::map<std::string, answer> by_item;

    /// Answers in form order.
    [[nodiscard]] static responses ordered(std::vector<answer> values) {
        responses r;
        r.form_order = std::move(values);
        return r;
    }
    /// Answers keyed by item id (e.g. "phq9_9").
    [[nodiscard]] static responses keyed(std::map<std::string, answer> values) {
        responses r;
        r.by_item = std::move(values);
        return r;
    }

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(theracore::detail::field("form_order", s.form_order),
                               theracore::detail::field("by_item", s.by_item));
    }
};

}  // namespace instruments
THERACORE_NAMESPACE_END
