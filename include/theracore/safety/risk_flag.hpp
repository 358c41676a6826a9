// SPDX-License-Identifier: Apache-2.0
/// @file
/// Risk flags on a client's record: raised by an instrument's critical item (PHQ-9 item 9,
/// EPDS item 10, CORE-10 item 6), by a high C-SSRS screener triage, or by a clinician; each with
/// a severity, a review date, an optional expiry and a required follow-up.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/safety/risk.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

/// Where a flag is in its lifecycle. Allowed moves (anything else is a `conflict`):
///
/// ```
/// open         -> followed_up | resolved | expired
/// followed_up  -> resolved | expired
/// resolved     -> (final)
/// expired      -> (final)
/// ```
///
/// `followed_up` means the required follow-up was done; the flag stays active until it is
/// resolved or expires, because a follow-up does not end the risk.
enum class flag_status { open, followed_up, resolved, expired };
constexpr auto describe_enum(flag_status) {
    using E = flag_status;
    return enum_table<E, 4>{"flag_status",
                            {{{E::open, "open"},
                              {E::followed_up, "followed_up"},
                              {E::resolved, "resolved"},
                              {E::expired, "expired"}}}};
}

/// True when a flag may move from `from` to `to`.
[[nodiscard]] constexpr bool flag_transition_allowed(flag_status from, flag_status to) noexcept {
    using S = flag_status;
    switch (from) {
        case S::open:
            return to == S::followed_up || to == S::resolved || to == S::expired;
        case S::followed_up:
            return to == S::resolved || to == S::expired;
        case S::resolved:
        case S::expired:
            return false;
    }
    return false;
}

/// The flag came from an instrument's critical item, e.g. `phq9` item `phq9_9`.
struct instrument_item_source {
    static constexpr const char* variant_tag = "instrument_item";
    std::string instrument_id;
    std::string item_id;
    /// The instrument definition's own id for the flag that fired.
    std::string flag_code;
    std::optional<administration_id> administration;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("instrument_id", s.instrument_id), field("item_id", s.item_id),
                               field("flag_code", s.flag_code),
                               field("administration", s.administration));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const instrument_item_source& s);

/// The flag came from the C-SSRS screener triage of a risk assessment.
struct cssrs_triage_source {
    static constexpr const char* variant_tag = "cssrs_triage";
    risk_assessment_id assessment;
    cssrs_triage triage{cssrs_triage::high};

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("assessment", s.assessment),
                               detail::field("triage", s.triage));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const cssrs_triage_source& s);

/// A clinician raised the flag from their own judgement.
struct clinician_raised_source {
    static constexpr const char* variant_tag = "clinician";
    clinician_id raised_by;
    std::string reason;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("raised_by", s.raised_by),
                               detail::field("reason", s.reason));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const clinician_raised_source& s);

/// What raised a flag.
using flag_source =
    std::variant<instrument_item_source, cssrs_triage_source, clinician_raised_source>;

/// One recorded status change of a flag. Follow-up and resolution name who did them.
struct flag_status_change {
    flag_status from{flag_status::open};
    flag_status to{flag_status::open};
    instant at;
    std::optional<clinician_id> by;
    std::string note;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("from", s.from), field("to", s.to), field("at", s.at),
                               field("by", s.by), field("note", s.note));
    }
};

/// A clinician's change of a flag's rating: PHQ-9 item 9 raised a `high` flag, and after a
/// risk formulation the clinician rates it `moderate`. The previous rating is kept here, so the
/// rating the flag was raised with and every later one can be shown to an auditor.
struct flag_rerating {
    risk_level from{risk_level::high};
    risk_level to{risk_level::high};
    instant at;
    clinician_id by;
    /// Why (required): "risk formulation 2026-03-02: passive ideation, no plan or intent".
    std::string reason;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("from", s.from), field("to", s.to), field("at", s.at),
                               field("by", s.by), field("reason", s.reason));
    }
};

/// A risk flag. Invariants (checked by `create`, kept by every operation):
/// - an id, a client, a source that names where it came from, a raise time, a review date on or
///   after the day it was raised, an optional expiry on or after that day, a required follow-up;
/// - the history is a chain of allowed moves from `open`, in time order from the raise, ending
///   at the current status; follow-ups and resolutions name who did them;
/// - the re-ratings are a chain from the rating the flag was raised with to `severity` (the
///   current rating), each a change, timed in order from the raise and while the flag was
///   active, naming who made it and why.
///
/// The status on a date (`status_on`) replays the history up to that date and treats a flag past
/// its expiry date as expired even before anyone records the expiry.
class risk_flag {
  public:
    static constexpr const char* schema_name = "theracore.risk_flag";
    /// 2: `rerated` (a clinician's changes of the rating).
    static constexpr int schema_version = 2;

    /// The plain data of a flag; `risk_flag::create` checks it.
    struct fields {
        flag_id id;
        client_id client;
        flag_source source;
        /// The current rating: the one it was raised with, or the last re-rating's.
        risk_level severity{risk_level::high};
        instant raised_at;
        /// The date by which the required follow-up must be done.
        date review_by;
        /// The date from which the flag no longer applies, if it lapses by itself.
        std::optional<date> expires;
        std::string required_follow_up;
        flag_status status{flag_status::open};
        std::vector<flag_status_change> history;
        /// The clinicians' changes of the rating, oldest first.
        std::vector<flag_rerating> rerated;

        template <class Self>
        static auto describe(Self& s) {
            using detail::field;
            return std::make_tuple(
                field("id", s.id), field("client", s.client), field("source", s.source),
                field("severity", s.severity), field("raised_at", s.raised_at),
                field("review_by", s.review_by), field("expires", s.expires),
                field("required_follow_up", s.required_follow_up), field("status", s.status),
                field("history", s.history), field<2>("rerated", s.rerated));
        }
    };

    /// An empty placeholder, only for assigning or deserializing into.
    risk_flag() = default;

    /// @throws validation_error listing every broken invariant of `f`.
    [[nodiscard]] THERACORE_API static risk_flag create(fields f);

    /// Every problem of `f`, without throwing.
    [[nodiscard]] THERACORE_API static problem_list check(const fields& f);

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const flag_id& id() const noexcept { return f_.id; }
    [[nodiscard]] const client_id& client() const noexcept { return f_.client; }
    [[nodiscard]] const flag_source& source() const noexcept { return f_.source; }
    /// The current rating.
    [[nodiscard]] risk_level severity() const noexcept { return f_.severity; }
    /// The rating the flag was raised with.
    [[nodiscard]] risk_level raised_severity() const noexcept {
        return f_.rerated.empty() ? f_.severity : f_.rerated.front().from;
    }
    /// The rating at the end of day `on` (the raised rating before the first re-rating).
    [[nodiscard]] THERACORE_API risk_level severity_on(date on) const noexcept;
    [[nodiscard]] const std::vector<flag_rerating>& rerated() const noexcept { return f_.rerated; }
    [[nodiscard]] instant raised_at() const noexcept { return f_.raised_at; }
    [[nodiscard]] date review_by() const noexcept { return f_.review_by; }
    [[nodiscard]] const std::optional<date>& expires() const noexcept { return f_.expires; }
    [[nodiscard]] const std::string& required_follow_up() const noexcept {
        return f_.required_follow_up;
    }
    /// The recorded status (see `status_on` for the status on a date).
    [[nodiscard]] flag_status status() const noexcept { return f_.status; }

    /// The status at the end of day `on`: the recorded changes made on or before `on`, then
    /// `expired` if `on` is on or after the expiry date and the flag was still open or followed
    /// up. Before the day it was raised a flag is reported `open`; use `is_active_on`.
    [[nodiscard]] THERACORE_API flag_status status_on(date on) const noexcept;

    /// True when the flag had been raised by `on` and was open or followed up that day.
    [[nodiscard]] THERACORE_API bool is_active_on(date on) const noexcept;

    /// True when the follow-up is still outstanding after the review date.
    [[nodiscard]] bool is_overdue_on(date on) const noexcept {
        return is_active_on(on) && status_on(on) == flag_status::open && on > f_.review_by;
    }

    /// Moves the flag to `to` at `at`, by `by`, with `note`.
    /// @throws conflict when the move is not allowed (the message names both states).
    /// @throws validation_error when `at` is before the raise or the last change, a follow-up or
    ///         resolution names no one, or an expiry is recorded before the expiry date.
    THERACORE_API void transition(flag_status to, instant at, std::optional<clinician_id> by = {},
                                  std::string note = {});

    /// Records that the required follow-up was done. @throws as `transition`.
    void follow_up(instant at, clinician_id by, std::string note) {
        transition(flag_status::followed_up, at, std::move(by), std::move(note));
    }

    /// Records that the risk the flag names is resolved. @throws as `transition`.
    void resolve(instant at, clinician_id by, std::string note) {
        transition(flag_status::resolved, at, std::move(by), std::move(note));
    }

    /// Records that the flag lapsed on its expiry date. @throws as `transition`.
    void expire(instant at) { transition(flag_status::expired, at); }

    /// Changes the rating to `to` at `at`, by clinician `by`, for `reason`; the previous
    /// rating is kept in `rerated`. The risk gate reads the current rating, so rating an
    /// item-9 flag `moderate` after a formulation lets notes be signed; rating it `high` again
    /// holds them.
    /// @throws conflict when the flag is resolved or expired (a closed flag is not re-rated:
    ///         raise a new one).
    /// @throws validation_error when `to` is the current rating, `by` or `reason` is empty, or
    ///         `at` is before the raise or the flag's last change.
    THERACORE_API void rerate(risk_level to, instant at, clinician_id by, std::string reason);

    friend THERACORE_API bool operator==(const risk_flag& a, const risk_flag& b);
    friend bool operator!=(const risk_flag& a, const risk_flag& b) { return !(a == b); }

  private:
    explicit risk_flag(fields f) : f_(std::move(f)) {}

    THERACORE_API static void check_history(problem_list& p, const fields& f);
    THERACORE_API static void check_ratings(problem_list& p, const fields& f);

    fields f_;
};

/// Every problem of `f` (none for a flag made by `create`).
[[nodiscard]] inline problem_list validate(const risk_flag& f) {
    return risk_flag::check(f.data());
}

/// "A critical item fired", as plain data: what the instrument engine reports when, for example,
/// PHQ-9 item 9 is above 0. This is the connection point between score results and flags.
struct critical_item_fired {
    client_id client;
    std::string instrument_id;  ///< e.g. "phq9"
    std::string item_id;        ///< e.g. "phq9_9"
    std::string flag_code;      ///< the instrument definition's flag id
    risk_level severity{risk_level::high};
    instant when;
    std::optional<administration_id> administration;
    /// The review date; the day it fired when empty (the reference asks for an urgent risk
    /// review or immediate safety evaluation for each of PHQ-9 item 9, EPDS item 10 and CORE-10
    /// item 6, whatever the total).
    std::optional<date> review_by;
    /// What must be done; "Risk review: <instrument> item <item> endorsed" when empty.
    std::string required_follow_up;
};

/// A new open flag for a critical item that fired.
/// @throws validation_error when `e` lacks a client, instrument, item, flag code or time.
[[nodiscard]] THERACORE_API risk_flag flag_from_critical_item(const critical_item_fired& e,
                                                              flag_id id);

/// A new open `high` flag when the assessment's C-SSRS screener triage is high; nothing
/// otherwise. The follow-up is the screener's "immediate safety action" (§2.18), due the same day.
/// @throws validation_error when `a` has no id or client, or `when` is not a time.
[[nodiscard]] THERACORE_API std::optional<risk_flag> flag_from_cssrs(const risk_assessment& a,
                                                                     flag_id id, instant when);

}  // namespace safety
THERACORE_NAMESPACE_END
