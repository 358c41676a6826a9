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

#include <theracore/io/types.hpp>
#include <theracore/safety.hpp>
#include <theracore/storage/json_codec.hpp>
#include <theracore/storage/keys.hpp>
#include <theracore/storage/query.hpp>
#include <theracore/storage/record_traits.hpp>
#include <theracore/storage/records/care.hpp>
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
/// lifecycle: the status changes and re-ratings of `before` are kept and new ones appended (a
/// new re-rating starts from the stored rating, comes no earlier than the stored flag's last
/// change, and never follows its closing); the severity changes only by such a re-rating;
/// everything else (client, source, raise time, review date, expiry, required follow-up) is as
/// raised, because `status_on`, `severity_on` and `is_overdue_on` replay them for past dates.
/// Pure.
/// @throws conflict naming what would be rewritten.
THERACORE_API void check_flag_update(const risk_flag& before, const risk_flag& after);

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
THERACORE_API void check_referral_update(const referral& before, const referral& after);

/// Checks that replacing the stored consent `before` with `after` keeps what was signed and
/// what happened to it: the client, kind, parties, dates, release terms and study never
/// change; a revocation, once recorded, stays as recorded (one may be added); the expiry
/// event keeps its description and, once recorded, its date. The document reference may
/// change. Pure.
/// @throws conflict naming what would be rewritten.
THERACORE_API void check_consent_update(const consent& before, const consent& after);

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

    THERACORE_API static void index(const risk_assessment& a, index_writer<risk_assessment>& w);
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

    THERACORE_API static void index(const safety_plan& s, index_writer<safety_plan>& w);

    /// A version is read-only once the client has been given their copy, or once a later
    /// version of the plan is stored: revise it (`revise`) into a new version instead. The
    /// client never changes.
    /// @throws conflict.
    THERACORE_API static void check_update(const safety_plan& stored, const safety_plan& next,
                                           transaction& tx);
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

    THERACORE_API static void index(const risk_flag& f, index_writer<risk_flag>& w);

    THERACORE_API static void check_update(const risk_flag& stored, const risk_flag& next,
                                           transaction&);
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

    THERACORE_API static void index(const referral& r, index_writer<referral>& w);

    THERACORE_API static void check_update(const referral& stored, const referral& next,
                                           transaction&);
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

    THERACORE_API static void index(const consent& c, index_writer<consent>& w);

    THERACORE_API static void check_update(const consent& stored, const consent& next,
                                           transaction&);
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

    THERACORE_API static void index(const disclosure_record& d, index_writer<disclosure_record>& w);

    /// The accounting of disclosures is a log of what happened: an entry never changes.
    /// @throws conflict for any change.
    THERACORE_API static void check_update(const disclosure_record& stored,
                                           const disclosure_record& next, transaction&);
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

    THERACORE_API static void index(const cultural_formulation& f,
                                    index_writer<cultural_formulation>& w);
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

    THERACORE_API static void index(const ce_activity& a, index_writer<ce_activity>& w);
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

// ----- Named queries ----------------------------------------------------------------------

/// Client `c`'s risk assessments, oldest first.
[[nodiscard]] THERACORE_API query<risk_assessment> risk_assessments_of_client(const client_id& c);

/// The stored versions of plan `plan`, oldest first.
[[nodiscard]] THERACORE_API query<safety_plan> safety_plan_versions(const safety_plan_id& plan);

/// Every version of every safety plan of client `c`, by creation date.
[[nodiscard]] THERACORE_API query<safety_plan> safety_plans_of_client(const client_id& c);

/// Client `c`'s flags that are open or followed up, by raise time. A flag past its expiry
/// date stays here until someone records the expiry; `open_flags_of` asks `is_active_on`.
[[nodiscard]] THERACORE_API query<risk_flag> unresolved_flags_of(
    const std::vector<client_id>& clients);

/// Referrals whose status is one of `statuses`, oldest first.
[[nodiscard]] THERACORE_API query<referral> referrals_by_status(
    const std::vector<referral_status>& statuses);

/// Referrals not yet closed (draft, sent, accepted, scheduled), oldest first. Narrow with
/// `.where(record_traits<referral>::clinician, k)` or `.where(…::client, c)`.
[[nodiscard]] THERACORE_API query<referral> open_referrals();

/// Client `c`'s referrals, oldest first.
[[nodiscard]] THERACORE_API query<referral> referrals_of_client(const client_id& c);

/// Client `c`'s consents, by the date they took effect (what `permits` takes).
[[nodiscard]] THERACORE_API query<consent> consents_of_client(const client_id& c);

/// The accounting of disclosures of client `c`'s records, oldest first.
[[nodiscard]] THERACORE_API query<disclosure_record> disclosures_of_client(const client_id& c);

/// Client `c`'s cultural formulations, oldest first.
[[nodiscard]] THERACORE_API query<cultural_formulation> cultural_formulations_of_client(
    const client_id& c);

/// Clinician `k`'s CE activities, oldest first (what `ce_compliance_on` takes).
[[nodiscard]] THERACORE_API query<ce_activity> ce_activities_of(const clinician_id& k);

/// The record types of `THERACORE_SAFETY_RECORDS` (theracore/io/types.hpp).
using safety_records = THERACORE_TYPE_LIST(THERACORE_SAFETY_RECORDS, THERACORE_TYPE_LIST_ITEM);

}  // namespace storage
THERACORE_NAMESPACE_END
