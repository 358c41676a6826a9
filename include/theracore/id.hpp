// SPDX-License-Identifier: Apache-2.0
/// @file
/// Strong identifier types. A `client_id` and an `episode_id` are both strings on the wire, but
/// comparing or assigning one to the other does not compile (see tests/compile_fail/).
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <random>
#include <string>
#include <utility>

#include <theracore/config.hpp>

THERACORE_NAMESPACE_BEGIN

/// An opaque identifier of the record kind named by `Tag`. Identifiers are caller-chosen strings
/// (an EHR's own keys) or generated UUIDs; TheraCore never parses them.
///
/// A default-constructed id is empty; validation treats an empty id as missing.
template <class Tag>
class basic_id {
  public:
    basic_id() = default;
    explicit basic_id(std::string value) : value_(std::move(value)) {}

    /// A new random (version 4) UUID. Thread-safe.
    [[nodiscard]] static basic_id generate() {
        thread_local std::mt19937_64 engine{std::random_device{}()};
        std::uniform_int_distribution<std::uint64_t> dist;
        std::uint64_t hi = dist(engine);
        std::uint64_t lo = dist(engine);
        hi = (hi & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
        lo = (lo & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;  // RFC 4122 variant
        static constexpr char hex[] = "0123456789abcdef";
        std::string s;
        s.reserve(36);
        auto put = [&](std::uint64_t v, int from_nibble, int to_nibble) {
            for (int i = from_nibble; i < to_nibble; ++i) {
                s.push_back(hex[(v >> (60 - 4 * i)) & 0xf]);
            }
        };
        put(hi, 0, 8);
        s.push_back('-');
        put(hi, 8, 12);
        s.push_back('-');
        put(hi, 12, 16);
        s.push_back('-');
        put(lo, 0, 4);
        s.push_back('-');
        put(lo, 4, 16);
        return basic_id(std::move(s));
    }

    [[nodiscard]] const std::string& str() const noexcept { return value_; }
    [[nodiscard]] bool empty() const noexcept { return value_.empty(); }

    /// The tag's name, e.g. "client_id", for messages.
    [[nodiscard]] static constexpr const char* kind() noexcept { return Tag::name; }

    friend bool operator==(const basic_id& a, const basic_id& b) { return a.value_ == b.value_; }
    friend bool operator!=(const basic_id& a, const basic_id& b) { return a.value_ != b.value_; }
    friend bool operator<(const basic_id& a, const basic_id& b) { return a.value_ < b.value_; }
    friend bool operator>(const basic_id& a, const basic_id& b) { return b < a; }
    friend bool operator<=(const basic_id& a, const basic_id& b) { return !(b < a); }
    friend bool operator>=(const basic_id& a, const basic_id& b) { return !(a < b); }
    friend std::ostream& operator<<(std::ostream& os, const basic_id& id) {
        return os << id.value_;
    }

  private:
    std::string value_;
};

#define THERACORE_DEFINE_ID(name_)                  \
    struct name_##_tag {                            \
        static constexpr const char* name = #name_; \
    };                                              \
    using name_ = basic_id<name_##_tag>

THERACORE_DEFINE_ID(client_id);
THERACORE_DEFINE_ID(clinician_id);
THERACORE_DEFINE_ID(episode_id);
THERACORE_DEFINE_ID(intake_id);
THERACORE_DEFINE_ID(administration_id);
THERACORE_DEFINE_ID(plan_id);
THERACORE_DEFINE_ID(goal_id);
THERACORE_DEFINE_ID(session_id);
THERACORE_DEFINE_ID(note_id);
THERACORE_DEFINE_ID(assignment_id);
THERACORE_DEFINE_ID(behaviour_id);
THERACORE_DEFINE_ID(risk_assessment_id);
THERACORE_DEFINE_ID(safety_plan_id);
THERACORE_DEFINE_ID(flag_id);
THERACORE_DEFINE_ID(alert_id);
THERACORE_DEFINE_ID(referral_id);
THERACORE_DEFINE_ID(consent_id);
THERACORE_DEFINE_ID(disclosure_id);
THERACORE_DEFINE_ID(ce_activity_id);

#undef THERACORE_DEFINE_ID

THERACORE_NAMESPACE_END

template <class Tag>
struct std::hash<theracore::basic_id<Tag>> {
    std::size_t operator()(const theracore::basic_id<Tag>& id) const noexcept {
        return std::hash<std::string>{}(id.str());
    }
};
