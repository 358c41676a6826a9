// SPDX-License-Identifier: Apache-2.0
/// @file
/// What the storage registrations of the risk, safety, referral, consent, culture and
/// continuing-education records index, their update rules and named queries.

#include <theracore/storage/records/safety.hpp>

#include <algorithm>

THERACORE_NAMESPACE_BEGIN
namespace storage {

void check_flag_update(const risk_flag& before, const risk_flag& after) {
    const auto& b = before.data();
    const auto& a = after.data();
    const std::string what = "risk_flag " + b.id.str() + ": ";
    if (!detail::is_prefix(b.history, a.history)) {
        throw conflict(what + "its status history cannot be rewritten, only extended");
    }
    if (!detail::is_prefix(b.rerated, a.rerated)) {
        throw conflict(what + "its re-ratings cannot be rewritten, only extended");
    }
    if (a.rerated.size() > b.rerated.size()) {
        if (b.status == flag_status::resolved || b.status == flag_status::expired) {
            throw conflict(what + "a closed flag is not re-rated; raise a new one");
        }
        if (a.rerated[b.rerated.size()].from != b.severity) {
            throw conflict(what + "a new re-rating starts from the stored rating (" +
                           std::string(to_string(b.severity)) + ")");
        }
        instant last = b.raised_at;
        for (const auto& h : b.history) {
            last = std::max(last, h.at);
        }
        for (const auto& r : b.rerated) {
            last = std::max(last, r.at);
        }
        if (a.rerated[b.rerated.size()].at < last) {
            throw conflict(what + "a new re-rating cannot predate the stored flag's last change");
        }
    }
    // The rating changes only by a re-rating, which `create` ties to `severity`.
    const char* changed = b.client != a.client   ? "client"
                          : b.source != a.source ? "source"
                          : b.severity != a.severity && b.rerated.size() == a.rerated.size()
                              ? "severity (re-rate it)"
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

void check_referral_update(const referral& before, const referral& after) {
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

void check_consent_update(const consent& before, const consent& after) {
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

void record_traits<safety_plan>::check_update(const safety_plan& stored, const safety_plan& next,
                                              transaction& tx) {
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

query<risk_assessment> risk_assessments_of_client(const client_id& c) {
    using t = record_traits<risk_assessment>;
    return query<risk_assessment>().where(t::client, c).order_by(t::assessed_on);
}

query<safety_plan> safety_plan_versions(const safety_plan_id& plan) {
    using t = record_traits<safety_plan>;
    return query<safety_plan>().where(t::plan, plan).order_by(t::version);
}

query<safety_plan> safety_plans_of_client(const client_id& c) {
    using t = record_traits<safety_plan>;
    return query<safety_plan>().where(t::client, c).order_by(t::created_on);
}

query<risk_flag> unresolved_flags_of(const std::vector<client_id>& clients) {
    using t = record_traits<risk_flag>;
    return query<risk_flag>()
        .where_any_of(t::client, clients)
        .where_any_of(t::status, {flag_status::open, flag_status::followed_up})
        .order_by(t::raised);
}

query<referral> referrals_by_status(const std::vector<referral_status>& statuses) {
    using t = record_traits<referral>;
    return query<referral>().where_any_of(t::status, statuses).order_by(t::created);
}

query<referral> open_referrals() {
    return referrals_by_status({referral_status::draft, referral_status::sent,
                                referral_status::accepted, referral_status::scheduled});
}

query<referral> referrals_of_client(const client_id& c) {
    using t = record_traits<referral>;
    return query<referral>().where(t::client, c).order_by(t::created);
}

query<consent> consents_of_client(const client_id& c) {
    using t = record_traits<consent>;
    return query<consent>().where(t::client, c).order_by(t::given_on);
}

query<disclosure_record> disclosures_of_client(const client_id& c) {
    using t = record_traits<disclosure_record>;
    return query<disclosure_record>().where(t::client, c).order_by(t::disclosed_at);
}

query<cultural_formulation> cultural_formulations_of_client(const client_id& c) {
    using t = record_traits<cultural_formulation>;
    return query<cultural_formulation>().where(t::client, c).order_by(t::recorded_on);
}

query<ce_activity> ce_activities_of(const clinician_id& k) {
    using t = record_traits<ce_activity>;
    return query<ce_activity>().where(t::clinician, k).order_by(t::completed_on);
}

void record_traits<risk_assessment>::index(const risk_assessment& a,
                                           index_writer<risk_assessment>& w) {
    w.add(client, a.client);
    w.add_optional(episode, a.episode);
    w.add_optional(session, a.session);
    w.add(assessor, a.assessor);
    w.add(assessed_on, a.assessed_on);
    w.add(level, a.formulated_level);
    w.add_optional(next_review, a.next_review);
}

void record_traits<safety_plan>::index(const safety_plan& s, index_writer<safety_plan>& w) {
    w.add(plan, s.id);
    w.add(version, s.plan_version);
    w.add(client, s.client);
    w.add_optional(episode, s.episode);
    w.add(clinician, s.clinician);
    w.add(created_on, s.created_on);
    w.add(review_on, s.review_on);
}

void record_traits<risk_flag>::index(const risk_flag& f, index_writer<risk_flag>& w) {
    w.add(client, f.client());
    w.add(status, f.status());
    w.add(severity, f.severity());
    w.add(raised, f.raised_at());
    w.add(review_by, f.review_by());
    w.add_optional(expires, f.expires());
}

void record_traits<risk_flag>::check_update(const risk_flag& stored, const risk_flag& next,
                                            transaction&) {
    check_flag_update(stored, next);
}

void record_traits<referral>::index(const referral& r, index_writer<referral>& w) {
    const auto& f = r.data();
    w.add(client, f.client);
    w.add_optional(episode, f.episode);
    w.add(clinician, f.clinician);
    w.add(status, f.status);
    w.add(direction, f.direction);
    w.add(urgency, f.urgency);
    w.add(created, f.created_at);
}

void record_traits<referral>::check_update(const referral& stored, const referral& next,
                                           transaction&) {
    check_referral_update(stored, next);
}

void record_traits<consent>::index(const consent& c, index_writer<consent>& w) {
    w.add(client, c.client());
    w.add(kind_of, c.kind());
    w.add(given_on, c.given_on());
    w.add(revoked, c.is_revoked());
}

void record_traits<consent>::check_update(const consent& stored, const consent& next,
                                          transaction&) {
    check_consent_update(stored, next);
}

void record_traits<disclosure_record>::index(const disclosure_record& d,
                                             index_writer<disclosure_record>& w) {
    w.add(client, d.client);
    w.add(disclosed_at, d.disclosed_at);
    w.add(disclosed_by, d.disclosed_by);
    w.add(recipient, d.recipient.identifier);
}

void record_traits<disclosure_record>::check_update(const disclosure_record& stored,
                                                    const disclosure_record& next, transaction&) {
    if (!(stored == next)) {
        throw conflict("disclosure_record " + stored.id.str() +
                       " is an accounting entry and never changes");
    }
}

void record_traits<cultural_formulation>::index(const cultural_formulation& f,
                                                index_writer<cultural_formulation>& w) {
    w.add(client, f.client);
    w.add_optional(episode, f.episode);
    w.add(clinician, f.clinician);
    w.add(recorded_on, f.recorded_on);
}

void record_traits<ce_activity>::index(const ce_activity& a, index_writer<ce_activity>& w) {
    w.add(clinician, a.clinician);
    w.add(completed_on, a.completed_on);
    w.add(category, a.category);
}

}  // namespace storage
THERACORE_NAMESPACE_END
