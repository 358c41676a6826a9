// SPDX-License-Identifier: Apache-2.0
/// @file
/// Storage registrations and named queries for the safety and consent records: risk
/// assessments, safety plans, risk flags, referrals, consents, disclosures, cultural
/// formulations, continuing education, and the rule sets an integrator configures.
///
/// Records with a history keep it on every update, whatever the caller sends:
/// - a risk flag changes only by appending status changes (its lifecycle);
/// - a referral's transitions are append-only, and once it has gone out what was sent stays;
/// - a consent's signed terms never change, and a revocation or expiry event stays recorded;
/// - a disclosure record (the accounting of disclosures) never changes;
/// - a safety-plan version is read-only once the client has their copy or a later version
///   exists (a revision is a new version: `revise`).
/// Each rule is a pure function here (`check_flag_update`, …) that `record_traits` applies.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <theracore/io/json/safety.hpp>
#include <theracore/safety.hpp>
#include <theracore/storage/json_codec.hpp>
#include <theracore/storage/keys.hpp>
#include <theracore/storage/query.hpp>
#include <theracore/storage/record_traits.hpp>
#include <theracore/storage/records/care_records.hpp>
#include <theracore/storage/records/common.hpp>
#include <theracore/storage/store.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

// ----- History rules ----------------------------------------------------------------------

namespace detail {

template <class T>
bool is_prefix(const std::vector<T>& head, const std::vector<T>& whole) {
    return head.size() <= whole.size() && std::equal(head.begin(), head.end(), whole.begin());
}

}  // namespace detail

/// Checks that replacing the stored flag `before` with `after` only moves it along its
/// lifecycle: the status changes of `before` are kept and new ones appended; everything else
/// (client, source, severity, raise time, review date, expiry, required follow-up) is as
/// raised, because `status_on` and `is_overdue_on` replay them for past dates. Pure.
/// @throws conflict naming what would be rewritten.
inline void check_flag_update(const risk_flag& before, const risk_flag& after) {
    const auto& b = before.data();
    const auto& a = after.data();
    const std::string what = "risk_flag " + b.id.str() + ": ";
    if (!detail::is_prefix(b.history, a.history)) {
        throw conflict(what + "its status history cannot be rewritten, only extended");
    }
    const char* changed = b.client != a.client                           ? "client"
                          : b.source != a.source                         ? "source"
                          : b.severity != a.severity                     ? "severity"
                          : b.raised_at != a.raised_at                   ? "raised_at"
                          : b.review_by != a.review_by                   ? "review_by"
                          : b.expires != a.expires                       ? "expires"
                          : b.required_follow_up != a.required_follow_up ? "required_follow_up"
                                                                         : nullptr;
    if (changed != nullptr) {
        throw conflict(what + "cannot change " + changed +
                       " of a raised flag; resolve it and raise a new one");
    }
}

/// True for the statuses a referral never leaves.
[[nodiscard]] constexpr bool is_final(referral_status s) noexcept {
    return s == referral_status::completed || s == referral_status::declined ||
           s == referral_status::cancelled;
}

/// Checks that replacing the stored referral `before` with `after` keeps its history: the
/// recorded transitions are kept and new ones appended; the client and creation time never
/// change; once it has left `draft`, what went out (counterpart, reason, urgency, attachments,
/// consent, direction, trigger) stays as sent; a closed referral (completed, declined,
/// cancelled) does not change at all. Pure.
/// @throws conflict naming what would be rewritten.
inline void check_referral_update(const referral& before, const referral& after) {
    const auto& b = before.data();
    const auto& a = after.data();
    const std::string what =
        "referral " + b.id.str() + " (" + std::string(to_string(b.status)) + "): ";
    if (!detail::is_prefix(b.history, a.history)) {
        throw conflict(what + "its transitions cannot be rewritten, only extended");
    }
    if (b.client != a.client || b.created_at != a.created_at) {
        throw conflict(what + "cannot change the client or the creation time");
    }
    if (is_final(b.status) && !(b == a)) {
        throw conflict(what + "a closed referral does not change");
    }
    if (b.status != referral_status::draft &&
        (b.counterpart != a.counterpart || b.reason != a.reason || b.urgency != a.urgency ||
         b.attachments != a.attachments || b.consent != a.consent || b.direction != a.direction ||
         b.suggested_by != a.suggested_by)) {
        throw conflict(what + "what was sent cannot change; cancel it and make a new referral");
    }
}

/// Checks that replacing the stored consent `before` with `after` keeps what was signed and
/// what happened to it: the client, kind, parties, dates, release terms and study never
/// change; a revocation, once recorded, stays as recorded (one may be added); the expiry
/// event keeps its description and, once recorded, its date. The document reference may
/// change. Pure.
/// @throws conflict naming what would be rewritten.
inline void check_consent_update(const consent& before, const consent& after) {
    const auto& b = before.data();
    const auto& a = after.data();
    const std::string what = "consent " + b.id.str() + ": ";
    if (b.client != a.client || b.kind != a.kind || b.parties != a.parties ||
        b.given_on != a.given_on || b.expires_on != a.expires_on || b.release != a.release ||
        b.study != a.study) {
        throw conflict(what + "the signed terms cannot change; record a new consent");
    }
    if (b.revocation && b.revocation != a.revocation) {
        throw conflict(what + "a recorded revocation cannot be withdrawn or changed");
    }
    if (b.expires_on_event.has_value() != a.expires_on_event.has_value() ||
        (b.expires_on_event &&
         (b.expires_on_event->description != a.expires_on_event->description ||
          (b.expires_on_event->occurred_on &&
           b.expires_on_event->occurred_on != a.expires_on_event->occurred_on)))) {
        throw conflict(what + "the expiry event and its recorded date cannot change");
    }
}

// ----- Keys -------------------------------------------------------------------------------

/// Identifies one version of a safety plan (see `safety_plan_version_key`): every version of
/// a plan shares the plan's `safety_plan_id`, and each is stored as a record of its own so
/// that the plan current on any past date can be found.
struct safety_plan_version_id_tag {
    static constexpr const char* name = "safety_plan_version_id";
};
using safety_plan_version_id = basic_id<safety_plan_version_id_tag>;

/// The key of version `version` of plan `plan`: `"sp-1|2"`.
[[nodiscard]] inline safety_plan_version_id safety_plan_version_key(const safety_plan_id& plan,
                                                                    int version) {
    return safety_plan_version_id(detail::composite_key({plan.str(), std::to_string(version)}));
}

// ----- Registrations ----------------------------------------------------------------------

template <>
struct record_traits<risk_assessment> : json_codec<risk_assessment> {
    static constexpr const char* kind = "risk_assessment";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = risk_assessment_id;
    static const risk_assessment_id& id(const risk_assessment& a) noexcept { return a.id; }

    static constexpr column<risk_assessment, client_id> client{"client"};
    static constexpr column<risk_assessment, episode_id> episode{"episode"};
    static constexpr column<risk_assessment, session_id> session{"session"};
    static constexpr column<risk_assessment, clinician_id> assessor{"assessor"};
    static constexpr column<risk_assessment, date> assessed_on{"assessed_on"};
    static constexpr column<risk_assessment, risk_level> level{"level"};
    static constexpr column<risk_assessment, date> next_review{"next_review"};

    static void index(const risk_assessment& a, index_writer<risk_assessment>& w) {
        w.add(client, a.client);
        w.add_optional(episode, a.episode);
        w.add_optional(session, a.session);
        w.add(assessor, a.assessor);
        w.add(assessed_on, a.assessed_on);
        w.add(level, a.formulated_level);
        w.add_optional(next_review, a.next_review);
    }
};

template <>
struct record_traits<safety_plan> : json_codec<safety_plan> {
    static constexpr const char* kind = "safety_plan";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = safety_plan_version_id;
    static safety_plan_version_id id(const safety_plan& s) {
        return safety_plan_version_key(s.id, s.plan_version);
    }

    /// The plan's own id, shared by its versions.
    static constexpr column<safety_plan, safety_plan_id> plan{"plan"};
    static constexpr column<safety_plan, std::int64_t> version{"version"};
    static constexpr column<safety_plan, client_id> client{"client"};
    static constexpr column<safety_plan, episode_id> episode{"episode"};
    static constexpr column<safety_plan, clinician_id> clinician{"clinician"};
    static constexpr column<safety_plan, date> created_on{"created_on"};
    static constexpr column<safety_plan, date> review_on{"review_on"};

    static void index(const safety_plan& s, index_writer<safety_plan>& w) {
        w.add(plan, s.id);
        w.add(version, s.plan_version);
        w.add(client, s.client);
        w.add_optional(episode, s.episode);
        w.add(clinician, s.clinician);
        w.add(created_on, s.created_on);
        w.add(review_on, s.review_on);
    }

    /// A version is read-only once the client has been given their copy, or once a later
    /// version of the plan is stored: revise it (`revise`) into a new version instead. The
    /// client never changes.
    /// @throws conflict.
    static void check_update(const safety_plan& stored, const safety_plan& next, transaction& tx);
};

template <>
struct record_traits<risk_flag> : json_codec<risk_flag> {
    static constexpr const char* kind = "risk_flag";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = flag_id;
    static const flag_id& id(const risk_flag& f) noexcept { return f.id(); }

    static constexpr column<risk_flag, client_id> client{"client"};
    static constexpr column<risk_flag, flag_status> status{"status"};
    static constexpr column<risk_flag, risk_level> severity{"severity"};
    static constexpr column<risk_flag, instant> raised{"raised"};
    static constexpr column<risk_flag, date> review_by{"review_by"};
    static constexpr column<risk_flag, date> expires{"expires"};

    static void index(const risk_flag& f, index_writer<risk_flag>& w) {
        w.add(client, f.client());
        w.add(status, f.status());
        w.add(severity, f.severity());
        w.add(raised, f.raised_at());
        w.add(review_by, f.review_by());
        w.add_optional(expires, f.expires());
    }

    static void check_update(const risk_flag& stored, const risk_flag& next, transaction&) {
        check_flag_update(stored, next);
    }
};

template <>
struct record_traits<referral> : json_codec<referral> {
    static constexpr const char* kind = "referral";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = referral_id;
    static const referral_id& id(const referral& r) noexcept { return r.id(); }

    static constexpr column<referral, client_id> client{"client"};
    static constexpr column<referral, episode_id> episode{"episode"};
    static constexpr column<referral, clinician_id> clinician{"clinician"};
    static constexpr column<referral, referral_status> status{"status"};
    static constexpr column<referral, referral_direction> direction{"direction"};
    static constexpr column<referral, referral_urgency> urgency{"urgency"};
    static constexpr column<referral, instant> created{"created"};

    static void index(const referral& r, index_writer<referral>& w) {
        const auto& f = r.data();
        w.add(client, f.client);
        w.add_optional(episode, f.episode);
        w.add(clinician, f.clinician);
        w.add(status, f.status);
        w.add(direction, f.direction);
        w.add(urgency, f.urgency);
        w.add(created, f.created_at);
    }

    static void check_update(const referral& stored, const referral& next, transaction&) {
        check_referral_update(stored, next);
    }
};

template <>
struct record_traits<consent> : json_codec<consent> {
    static constexpr const char* kind = "consent";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = consent_id;
    static const consent_id& id(const consent& c) noexcept { return c.id(); }

    static constexpr column<consent, client_id> client{"client"};
    static constexpr column<consent, consent_kind> kind_of{"kind"};
    static constexpr column<consent, date> given_on{"given_on"};
    static constexpr column<consent, bool> revoked{"revoked"};

    static void index(const consent& c, index_writer<consent>& w) {
        w.add(client, c.client());
        w.add(kind_of, c.kind());
        w.add(given_on, c.given_on());
        w.add(revoked, c.is_revoked());
    }

    static void check_update(const consent& stored, const consent& next, transaction&) {
        check_consent_update(stored, next);
    }
};

template <>
struct record_traits<disclosure_record> : json_codec<disclosure_record> {
    static constexpr const char* kind = "disclosure_record";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = disclosure_id;
    static const disclosure_id& id(const disclosure_record& d) noexcept { return d.id; }

    static constexpr column<disclosure_record, client_id> client{"client"};
    static constexpr column<disclosure_record, instant> disclosed_at{"disclosed_at"};
    static constexpr column<disclosure_record, clinician_id> disclosed_by{"disclosed_by"};
    /// The recipient's identifier.
    static constexpr column<disclosure_record, std::string> recipient{"recipient"};

    static void index(const disclosure_record& d, index_writer<disclosure_record>& w) {
        w.add(client, d.client);
        w.add(disclosed_at, d.disclosed_at);
        w.add(disclosed_by, d.disclosed_by);
        w.add(recipient, d.recipient.identifier);
    }

    /// The accounting of disclosures is a log of what happened: an entry never changes.
    /// @throws conflict for any change.
    static void check_update(const disclosure_record& stored, const disclosure_record& next,
                             transaction&) {
        if (!(stored == next)) {
            throw conflict("disclosure_record " + stored.id.str() +
                           " is an accounting entry and never changes");
        }
    }
};

template <>
struct record_traits<cultural_formulation> : json_codec<cultural_formulation> {
    static constexpr const char* kind = "cultural_formulation";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = cultural_formulation_id;
    static const cultural_formulation_id& id(const cultural_formulation& f) noexcept {
        return f.id;
    }

    static constexpr column<cultural_formulation, client_id> client{"client"};
    static constexpr column<cultural_formulation, episode_id> episode{"episode"};
    static constexpr column<cultural_formulation, clinician_id> clinician{"clinician"};
    static constexpr column<cultural_formulation, date> recorded_on{"recorded_on"};

    static void index(const cultural_formulation& f, index_writer<cultural_formulation>& w) {
        w.add(client, f.client);
        w.add_optional(episode, f.episode);
        w.add(clinician, f.clinician);
        w.add(recorded_on, f.recorded_on);
    }
};

template <>
struct record_traits<ce_activity> : json_codec<ce_activity> {
    static constexpr const char* kind = "ce_activity";
    /// A clinician's own professional record, not a client's: kept like one all the same,
    /// since licence renewals are audited against it.
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = ce_activity_id;
    static const ce_activity_id& id(const ce_activity& a) noexcept { return a.id; }

    static constexpr column<ce_activity, clinician_id> clinician{"clinician"};
    static constexpr column<ce_activity, date> completed_on{"completed_on"};
    static constexpr column<ce_activity, std::string> category{"category"};

    static void index(const ce_activity& a, index_writer<ce_activity>& w) {
        w.add(clinician, a.clinician);
        w.add(completed_on, a.completed_on);
        w.add(category, a.category);
    }
};

template <>
struct record_traits<ce_rule_set> : json_codec<ce_rule_set> {
    static constexpr const char* kind = "ce_rule_set";
    /// Configuration: a delete is journaled.
    static constexpr deletion_policy deletion = deletion_policy::hard;
    /// Keyed by its name.
    using id_type = setting_id;
    static setting_id id(const ce_rule_set& s) { return setting_id(s.name); }

    static void index(const ce_rule_set&, index_writer<ce_rule_set>&) {}
};

template <>
struct record_traits<referral_trigger_set> : json_codec<referral_trigger_set> {
    static constexpr const char* kind = "referral_trigger_set";
    /// Configuration: a delete is journaled.
    static constexpr deletion_policy deletion = deletion_policy::hard;
    /// Keyed by its name.
    using id_type = setting_id;
    static setting_id id(const referral_trigger_set& s) { return setting_id(s.name); }

    static void index(const referral_trigger_set&, index_writer<referral_trigger_set>&) {}
};

inline void record_traits<safety_plan>::check_update(const safety_plan& stored,
                                                     const safety_plan& next, transaction& tx) {
    const std::string what =
        "safety_plan " + stored.id.str() + " version " + std::to_string(stored.plan_version) + ": ";
    if (stored.client != next.client) {
        throw conflict(what + "cannot change the client");
    }
    if (stored.client_copy_given_on && !(stored == next)) {
        throw conflict(what + "the client has their copy (" +
                       to_iso8601(*stored.client_copy_given_on) +
                       "); revise it into a new version instead");
    }
    if (tx.find<safety_plan>(safety_plan_version_key(stored.id, stored.plan_version + 1))) {
        throw conflict(what + "superseded by version " + std::to_string(stored.plan_version + 1) +
                       " and read-only");
    }
}

// ----- Named queries ----------------------------------------------------------------------

/// Client `c`'s risk assessments, oldest first.
[[nodiscard]] inline query<risk_assessment> risk_assessments_of_client(const client_id& c) {
    using t = record_traits<risk_assessment>;
    return query<risk_assessment>().where(t::client, c).order_by(t::assessed_on);
}

/// The stored versions of plan `plan`, oldest first.
[[nodiscard]] inline query<safety_plan> safety_plan_versions(const safety_plan_id& plan) {
    using t = record_traits<safety_plan>;
    return query<safety_plan>().where(t::plan, plan).order_by(t::version);
}

/// Every version of every safety plan of client `c`, by creation date.
[[nodiscard]] inline query<safety_plan> safety_plans_of_client(const client_id& c) {
    using t = record_traits<safety_plan>;
    return query<safety_plan>().where(t::client, c).order_by(t::created_on);
}

/// Client `c`'s flags that are open or followed up, by raise time. A flag past its expiry
/// date stays here until someone records the expiry; `open_flags_of` asks `is_active_on`.
[[nodiscard]] inline query<risk_flag> unresolved_flags_of(const std::vector<client_id>& clients) {
    using t = record_traits<risk_flag>;
    return query<risk_flag>()
        .where_any_of(t::client, clients)
        .where_any_of(t::status, {flag_status::open, flag_status::followed_up})
        .order_by(t::raised);
}

/// Referrals whose status is one of `statuses`, oldest first.
[[nodiscard]] inline query<referral> referrals_by_status(
    const std::vector<referral_status>& statuses) {
    using t = record_traits<referral>;
    return query<referral>().where_any_of(t::status, statuses).order_by(t::created);
}

/// Referrals not yet closed (draft, sent, accepted, scheduled), oldest first. Narrow with
/// `.where(record_traits<referral>::clinician, k)` or `.where(…::client, c)`.
[[nodiscard]] inline query<referral> open_referrals() {
    return referrals_by_status({referral_status::draft, referral_status::sent,
                                referral_status::accepted, referral_status::scheduled});
}

/// Client `c`'s referrals, oldest first.
[[nodiscard]] inline query<referral> referrals_of_client(const client_id& c) {
    using t = record_traits<referral>;
    return query<referral>().where(t::client, c).order_by(t::created);
}

/// Client `c`'s consents, by the date they took effect (what `permits` takes).
[[nodiscard]] inline query<consent> consents_of_client(const client_id& c) {
    using t = record_traits<consent>;
    return query<consent>().where(t::client, c).order_by(t::given_on);
}

/// The accounting of disclosures of client `c`'s records, oldest first.
[[nodiscard]] inline query<disclosure_record> disclosures_of_client(const client_id& c) {
    using t = record_traits<disclosure_record>;
    return query<disclosure_record>().where(t::client, c).order_by(t::disclosed_at);
}

/// Client `c`'s cultural formulations, oldest first.
[[nodiscard]] inline query<cultural_formulation> cultural_formulations_of_client(
    const client_id& c) {
    using t = record_traits<cultural_formulation>;
    return query<cultural_formulation>().where(t::client, c).order_by(t::recorded_on);
}

/// Clinician `k`'s CE activities, oldest first (what `ce_compliance_on` takes).
[[nodiscard]] inline query<ce_activity> ce_activities_of(const clinician_id& k) {
    using t = record_traits<ce_activity>;
    return query<ce_activity>().where(t::clinician, k).order_by(t::completed_on);
}

}  // namespace storage
THERACORE_NAMESPACE_END
