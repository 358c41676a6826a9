// SPDX-License-Identifier: Apache-2.0
/// @file
/// Referrals to and from other professionals and services, with a time-stamped status lifecycle.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/people/contact.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

/// Whether we refer the client elsewhere (outbound) or receive a referral (inbound).
enum class referral_direction { outbound, inbound };
constexpr auto describe_enum(referral_direction) {
    using E = referral_direction;
    return enum_table<E, 2>{"referral_direction",
                            {{{E::outbound, "outbound"}, {E::inbound, "inbound"}}}};
}

/// Who a referral goes to or comes from.
enum class referral_party_kind {
    psychiatrist,
    psychologist,
    primary_care_physician,
    specialist_service,
    crisis_service,
    social_services,
    other,
};
constexpr auto describe_enum(referral_party_kind) {
    using E = referral_party_kind;
    return enum_table<E, 7>{"referral_party_kind",
                            {{{E::psychiatrist, "psychiatrist"},
                              {E::psychologist, "psychologist"},
                              {E::primary_care_physician, "primary_care_physician"},
                              {E::specialist_service, "specialist_service"},
                              {E::crisis_service, "crisis_service"},
                              {E::social_services, "social_services"},
                              {E::other, "other"}}}};
}

/// How soon the referral must be acted on. Ordered: `routine < urgent < emergency`.
enum class referral_urgency { routine, urgent, emergency };
constexpr auto describe_enum(referral_urgency) {
    using E = referral_urgency;
    return enum_table<E, 3>{
        "referral_urgency",
        {{{E::routine, "routine"}, {E::urgent, "urgent"}, {E::emergency, "emergency"}}}};
}

/// Where a referral is in its lifecycle. Allowed moves (anything else is a `conflict`):
///
/// ```
/// draft      -> sent | cancelled
/// sent       -> accepted | declined | cancelled
/// accepted   -> scheduled | cancelled
/// scheduled  -> completed | cancelled
/// completed, declined, cancelled -> (final)
/// ```
///
/// For an inbound referral `sent` marks its receipt, and `accepted`/`declined` are our answer.
enum class referral_status { draft, sent, accepted, scheduled, completed, declined, cancelled };
constexpr auto describe_enum(referral_status) {
    using E = referral_status;
    return enum_table<E, 7>{"referral_status",
                            {{{E::draft, "draft"},
                              {E::sent, "sent"},
                              {E::accepted, "accepted"},
                              {E::scheduled, "scheduled"},
                              {E::completed, "completed"},
                              {E::declined, "declined"},
                              {E::cancelled, "cancelled"}}}};
}

/// True when a referral may move from `from` to `to`.
[[nodiscard]] constexpr bool referral_transition_allowed(referral_status from,
                                                         referral_status to) noexcept {
    using S = referral_status;
    switch (from) {
        case S::draft:
            return to == S::sent || to == S::cancelled;
        case S::sent:
            return to == S::accepted || to == S::declined || to == S::cancelled;
        case S::accepted:
            return to == S::scheduled || to == S::cancelled;
        case S::scheduled:
            return to == S::completed || to == S::cancelled;
        case S::completed:
        case S::declined:
        case S::cancelled:
            return false;
    }
    return false;
}

/// The other side of a referral.
struct referral_party {
    referral_party_kind kind{referral_party_kind::other};
    std::string name;
    std::optional<std::string> organization;
    /// The party's identifier in the integrator's directory (e.g. an NPI or ODS code).
    std::optional<std::string> identifier;
    std::vector<contact_point> telecom;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("kind", s.kind), field("name", s.name),
                               field("organization", s.organization),
                               field("identifier", s.identifier), field("telecom", s.telecom));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const referral_party& r);

/// What an attachment is.
enum class attachment_kind { assessment, summary, treatment_plan, letter, other };
constexpr auto describe_enum(attachment_kind) {
    using E = attachment_kind;
    return enum_table<E, 5>{"attachment_kind",
                            {{{E::assessment, "assessment"},
                              {E::summary, "summary"},
                              {E::treatment_plan, "treatment_plan"},
                              {E::letter, "letter"},
                              {E::other, "other"}}}};
}

/// An attachment by reference: the id or URI of a record or document the integrator stores.
struct referral_attachment {
    attachment_kind kind{attachment_kind::other};
    std::string reference;
    std::string description;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("kind", s.kind), field("reference", s.reference),
                               field("description", s.description));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const referral_attachment& a);

/// One recorded status change of a referral.
struct referral_status_change {
    referral_status from{referral_status::draft};
    referral_status to{referral_status::draft};
    instant at;
    std::string note;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("from", s.from), field("to", s.to), field("at", s.at),
                               field("note", s.note));
    }
};

/// A referral. Invariants (checked by `create`, kept by every operation):
/// - an id, a client, a responsible clinician, a counterpart with a name, a reason, a creation
///   time; attachments name what they refer to;
/// - the history is a chain of allowed moves from `draft`, in time order from the creation,
///   ending at the current status;
/// - an outbound referral that has been sent names the consent used (`consent`), unless it is an
///   emergency referral: only an emergency may go out before consent is on file.
class referral {
  public:
    static constexpr const char* schema_name = "theracore.referral";
    static constexpr int schema_version = 1;

    /// The plain data of a referral; `referral::create` checks it.
    struct fields {
        referral_id id;
        client_id client;
        std::optional<episode_id> episode;
        referral_direction direction{referral_direction::outbound};
        referral_party counterpart;
        clinician_id clinician;
        std::string reason;
        referral_urgency urgency{referral_urgency::routine};
        std::vector<referral_attachment> attachments;
        /// The consent under which the client's information goes with the referral.
        std::optional<consent_id> consent;
        /// The scope-of-practice trigger that suggested it, if any.
        std::optional<std::string> suggested_by;
        instant created_at;
        referral_status status{referral_status::draft};
        std::vector<referral_status_change> history;

        template <class Self>
        static auto describe(Self& s) {
            using detail::field;
            return std::make_tuple(
                field("id", s.id), field("client", s.client), field("episode", s.episode),
                field("direction", s.direction), field("counterpart", s.counterpart),
                field("clinician", s.clinician), field("reason", s.reason),
                field("urgency", s.urgency), field("attachments", s.attachments),
                field("consent", s.consent), field("suggested_by", s.suggested_by),
                field("created_at", s.created_at), field("status", s.status),
                field("history", s.history));
        }
    };

    /// An empty placeholder, only for assigning or deserializing into.
    referral() = default;

    /// @throws validation_error listing every broken invariant of `f`.
    [[nodiscard]] THERACORE_API static referral create(fields f);

    /// Every problem of `f`, without throwing.
    [[nodiscard]] THERACORE_API static problem_list check(const fields& f);

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const referral_id& id() const noexcept { return f_.id; }
    [[nodiscard]] const client_id& client() const noexcept { return f_.client; }
    [[nodiscard]] referral_direction direction() const noexcept { return f_.direction; }
    [[nodiscard]] referral_urgency urgency() const noexcept { return f_.urgency; }
    [[nodiscard]] referral_status status() const noexcept { return f_.status; }
    [[nodiscard]] const referral_party& counterpart() const noexcept { return f_.counterpart; }

    /// The status at the end of day `on`, replaying the recorded changes up to then.
    [[nodiscard]] THERACORE_API referral_status status_on(date on) const noexcept;

    /// When the referral was sent (or, inbound, received); nothing while it is a draft.
    [[nodiscard]] THERACORE_API std::optional<instant> sent_at() const noexcept;

    /// Moves the referral to `to` at `at`, with an optional note.
    /// @throws conflict when the move is not allowed (the message names both states).
    /// @throws validation_error when `at` is before the creation or the last change, or sending
    ///         an outbound non-emergency referral that names no consent.
    THERACORE_API void transition(referral_status to, instant at, std::string note = {});

    friend THERACORE_API bool operator==(const referral& a, const referral& b);
    friend bool operator!=(const referral& a, const referral& b) { return !(a == b); }

  private:
    explicit referral(fields f) : f_(std::move(f)) {}

    THERACORE_API static void check_history(problem_list& p, const fields& f);

    fields f_;
};

/// Every problem of `r` (none for a referral made by `create`).
[[nodiscard]] inline problem_list validate(const referral& r) {
    return referral::check(r.data());
}

}  // namespace safety
THERACORE_NAMESPACE_END
