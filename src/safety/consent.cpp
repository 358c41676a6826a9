// SPDX-License-Identifier: Apache-2.0
#include <theracore/safety/consent.hpp>

#include "detail/safety_rules.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

problem_list validate(const disclosure_party& d) {
    problem_list p;
    detail::require_nonempty(p, "identifier", d.identifier);
    detail::require_nonempty(p, "name", d.name);
    return p;
}

problem_list validate(const release_terms& r) {
    problem_list p;
    detail::append_prefixed(p, "recipient", validate(r.recipient));
    if (r.purposes.empty()) {
        p.push_back({"purposes", "name at least one purpose"});
    }
    if (r.categories.empty()) {
        p.push_back({"categories", "name at least one category"});
    }
    std::set<record_category> seen;
    for (std::size_t i = 0; i < r.categories.size(); ++i) {
        if (!seen.insert(r.categories[i]).second) {
            p.push_back({"categories[" + std::to_string(i) + "]",
                         "duplicate " + std::string(to_string(r.categories[i]))});
        }
    }
    if (detail::safety::contains(r.categories, record_category::psychotherapy_notes) &&
        seen.size() > 1) {
        p.push_back({"categories",
                     "psychotherapy notes need an authorization of their own (45 CFR "
                     "164.508(b)(3)(ii)); release them separately"});
    }
    if (detail::safety::contains(r.categories, record_category::substance_use_records) &&
        (!r.redisclosure_notice || r.redisclosure_notice->empty())) {
        p.push_back({"redisclosure_notice",
                     "required when substance-use records (42 CFR Part 2) are released"});
    }
    return p;
}

consent consent::create(fields f) {
    throw_if_invalid(check(f), "invalid consent");
    return consent(std::move(f));
}

problem_list consent::check(const fields& f) {
    problem_list p;
    detail::require_nonempty(p, "id", f.id);
    detail::require_nonempty(p, "client", f.client);
    detail::safety::require_date(p, "given_on", f.given_on);
    check_parties(p, f);
    const bool is_release = f.kind == consent_kind::release_of_information;
    if (is_release && !f.release) {
        p.push_back({"release", "required for a release of information"});
    }
    if (!is_release && f.release) {
        p.push_back({"release", "only a release of information carries release terms"});
    }
    if (f.release) {
        detail::append_prefixed(p, "release", validate(*f.release));
    }
    if (is_release && !f.expires_on && !f.expires_on_event) {
        p.push_back({"expires_on", "a release of information needs an expiry date or event"});
    }
    const bool is_research = f.kind == consent_kind::research;
    if (is_research && (!f.study || f.study->empty())) {
        p.push_back({"study", "required for research participation"});
    }
    if (!is_research && f.study) {
        p.push_back({"study", "only a research consent names a study"});
    }
    detail::safety::check_optional_date(p, "expires_on", f.expires_on);
    if (f.expires_on) {
        detail::safety::not_before(p, "expires_on", *f.expires_on, f.given_on, "given_on");
    }
    if (f.expires_on_event) {
        detail::require_nonempty(p, "expires_on_event.description",
                                 f.expires_on_event->description);
        detail::safety::check_optional_date(p, "expires_on_event.occurred_on",
                                            f.expires_on_event->occurred_on);
        if (f.expires_on_event->occurred_on) {
            detail::safety::not_before(p, "expires_on_event.occurred_on",
                                       *f.expires_on_event->occurred_on, f.given_on, "given_on");
        }
    }
    if (f.revocation) {
        detail::safety::require_instant(p, "revocation.at", f.revocation->at);
        detail::require_nonempty(p, "revocation.by", f.revocation->by);
        if (!f.revocation->at.is_special()) {
            detail::safety::not_before(p, "revocation.at", f.revocation->at.date(), f.given_on,
                                       "given_on");
        }
    }
    return p;
}

std::optional<denial_reason> consent::lapse_on(date on) const noexcept {
    if (on < f_.given_on) {
        return denial_reason::not_yet_effective;
    }
    if (f_.revocation && !f_.revocation->at.is_special() && f_.revocation->at.date() <= on) {
        return denial_reason::revoked;
    }
    if ((f_.expires_on && on >= *f_.expires_on) ||
        (f_.expires_on_event && f_.expires_on_event->occurred_on &&
         on >= *f_.expires_on_event->occurred_on)) {
        return denial_reason::expired;
    }
    return std::nullopt;
}

void consent::revoke(instant at, std::string by, std::string note) {
    if (f_.revocation) {
        throw conflict("consent " + f_.id.str() + ": cannot revoke: already revoked at " +
                       to_iso8601(f_.revocation->at));
    }
    fields next = f_;
    next.revocation = consent_revocation{at, std::move(by), std::move(note)};
    throw_if_invalid(check(next), "invalid revocation");
    f_ = std::move(next);
}

void consent::record_expiry_event(date on) {
    if (!f_.expires_on_event) {
        throw conflict("consent " + f_.id.str() + " has no expiry event");
    }
    if (f_.expires_on_event->occurred_on) {
        throw conflict("consent " + f_.id.str() + ": expiry event already recorded on " +
                       to_iso8601(*f_.expires_on_event->occurred_on));
    }
    fields next = f_;
    next.expires_on_event->occurred_on = on;
    throw_if_invalid(check(next), "invalid expiry event");
    f_ = std::move(next);
}

void consent::check_parties(problem_list& p, const fields& f) {
    if (f.parties.empty()) {
        p.push_back({"parties", "someone must give consent"});
    }
    std::set<client_id> people;
    for (std::size_t i = 0; i < f.parties.size(); ++i) {
        const auto& party = f.parties[i];
        const std::string path = "parties[" + std::to_string(i) + "]";
        detail::require_nonempty(p, path + ".name", party.name);
        detail::safety::require_date(p, path + ".signed_on", party.signed_on);
        if (!party.signed_on.is_special() && !f.given_on.is_special() &&
            party.signed_on > f.given_on) {
            p.push_back({path + ".signed_on",
                         "after given_on: a consent takes effect when the last party signs"});
        }
        if (party.role == consenting_role::partner && (!party.person || party.person->empty())) {
            p.push_back({path + ".person", "a partner is identified by client id"});
        }
        if (party.role == consenting_role::client && party.person && *party.person != f.client) {
            p.push_back({path + ".person", "the client party must be client " + f.client.str()});
        }
        if (party.person && !party.person->empty() && !people.insert(*party.person).second) {
            p.push_back({path + ".person", party.person->str() + " is listed twice"});
        }
    }
}

const consent* consent_in_force(const std::vector<consent>& consents, const client_id& client,
                                consent_kind kind, date on) noexcept {
    for (const auto& c : consents) {
        if (c.client() == client && c.kind() == kind && c.in_force_on(on)) {
            return &c;
        }
    }
    return nullptr;
}

problem_list validate(const disclosure_request& r) {
    problem_list p;
    detail::require_nonempty(p, "client", r.client);
    detail::require_nonempty(p, "recipient.identifier", r.recipient.identifier);
    if (r.categories.empty()) {
        p.push_back({"categories", "name at least one category"});
    }
    for (std::size_t i = 0; i < r.joint_record_partners.size(); ++i) {
        if (r.joint_record_partners[i].empty() || r.joint_record_partners[i] == r.client) {
            p.push_back(
                {"joint_record_partners[" + std::to_string(i) + "]", "must name another client"});
        }
    }
    return p;
}

bool disclosure_decision::denied_because(denial_reason reason) const noexcept {
    return std::any_of(denials.begin(), denials.end(),
                       [reason](const disclosure_denial& d) { return d.reason == reason; });
}

namespace {

std::vector<std::pair<denial_reason, std::string>> release_denials(const consent& c,
                                                                   const disclosure_request& r,
                                                                   record_category category,
                                                                   date on) {
    std::vector<std::pair<denial_reason, std::string>> out;
    const auto& terms = *c.release();
    if (const auto lapse = c.lapse_on(on)) {
        std::string why;
        switch (*lapse) {
            case denial_reason::not_yet_effective:
                why = "takes effect on " + to_iso8601(c.given_on());
                break;
            case denial_reason::revoked:
                why = "revoked at " + to_iso8601(c.data().revocation->at);
                break;
            default:
                why = "expired";
                break;
        }
        out.emplace_back(*lapse, why);
    }
    if (terms.recipient.identifier != r.recipient.identifier) {
        out.emplace_back(
            denial_reason::wrong_recipient,
            "names recipient " + terms.recipient.identifier + ", not " + r.recipient.identifier);
    }
    if (!detail::safety::contains(terms.purposes, r.purpose)) {
        out.emplace_back(denial_reason::purpose_not_covered,
                         "does not cover the purpose " + std::string(to_string(r.purpose)));
    }
    if (!detail::safety::contains(terms.categories, category)) {
        if (category == record_category::psychotherapy_notes) {
            out.emplace_back(denial_reason::psychotherapy_notes_need_separate_authorization,
                             "psychotherapy notes need an authorization of their own; a general "
                             "release never covers them");
        } else if (category == record_category::substance_use_records) {
            out.emplace_back(denial_reason::part2_needs_specific_consent,
                             "substance-use records (42 CFR Part 2) need a release that names "
                             "them");
        } else {
            out.emplace_back(denial_reason::category_not_covered,
                             "does not cover " + std::string(to_string(category)));
        }
    }
    const auto& parties = c.data().parties;
    if (r.client_is_minor &&
        std::none_of(parties.begin(), parties.end(), [](const consenting_party& p) {
            return p.role == consenting_role::guardian;
        })) {
        out.emplace_back(denial_reason::minor_needs_guardian_consent,
                         "the client is a minor and no guardian signed");
    }
    for (const auto& partner : r.joint_record_partners) {
        if (std::none_of(parties.begin(), parties.end(), [&](const consenting_party& p) {
                return p.person && *p.person == partner;
            })) {
            out.emplace_back(denial_reason::partner_consent_missing,
                             "partner " + partner.str() + " did not sign");
        }
    }
    return out;
}

}  // namespace

disclosure_decision permits(const std::vector<consent>& consents, const disclosure_request& r,
                            date on) {
    throw_if_invalid(validate(r), "invalid disclosure request");
    disclosure_decision d;
    std::vector<const consent*> releases;
    for (const auto& c : consents) {
        if (c.client() == r.client && c.kind() == consent_kind::release_of_information &&
            c.release()) {
            releases.push_back(&c);
        }
    }
    for (const auto category : r.categories) {
        if (releases.empty()) {
            d.denials.push_back({category, std::nullopt, denial_reason::no_consent,
                                 "no release of information on file for client " + r.client.str()});
            continue;
        }
        std::vector<disclosure_denial> why_not;
        const consent* granted = nullptr;
        for (const auto* c : releases) {
            const auto reasons = release_denials(*c, r, category, on);
            if (reasons.empty()) {
                granted = c;
                break;
            }
            for (const auto& [reason, message] : reasons) {
                why_not.push_back(
                    {category, c->id(), reason, "consent " + c->id().str() + ": " + message});
            }
        }
        if (granted) {
            d.grants.push_back({category, granted->id()});
        } else {
            d.denials.insert(d.denials.end(), why_not.begin(), why_not.end());
        }
    }
    d.permitted = d.denials.empty();
    return d;
}

problem_list validate(const disclosure_record& d) {
    problem_list p;
    detail::require_nonempty(p, "id", d.id);
    detail::require_nonempty(p, "client", d.client);
    detail::append_prefixed(p, "recipient", validate(d.recipient));
    if (d.categories.empty()) {
        p.push_back({"categories", "name at least one category"});
    }
    const bool legal = d.legal_basis && !d.legal_basis->empty();
    if (d.legal_basis && d.legal_basis->empty()) {
        p.push_back({"legal_basis", "empty"});
    }
    for (std::size_t i = 0; i < d.categories.size(); ++i) {
        const auto c = d.categories[i];
        const bool granted = std::any_of(d.authorised_by.begin(), d.authorised_by.end(),
                                         [c](const category_grant& g) { return g.category == c; });
        if (!granted && !legal) {
            p.push_back({"categories[" + std::to_string(i) + "]",
                         std::string(to_string(c)) + " has no consent and no legal basis"});
        }
    }
    for (std::size_t i = 0; i < d.authorised_by.size(); ++i) {
        const std::string path = "authorised_by[" + std::to_string(i) + "]";
        detail::require_nonempty(p, path + ".consent", d.authorised_by[i].consent);
        if (!detail::safety::contains(d.categories, d.authorised_by[i].category)) {
            p.push_back({path + ".category", "not a disclosed category"});
        }
    }
    detail::safety::require_instant(p, "disclosed_at", d.disclosed_at);
    detail::require_nonempty(p, "disclosed_by", d.disclosed_by);
    detail::require_nonempty(p, "description", d.description);
    if (detail::safety::contains(d.categories, record_category::substance_use_records) &&
        (!d.redisclosure_notice || d.redisclosure_notice->empty())) {
        p.push_back({"redisclosure_notice", "required when substance-use records are disclosed"});
    }
    return p;
}

disclosure_record record_disclosure(const std::vector<consent>& consents,
                                    const disclosure_request& r, disclosure_id id, instant at,
                                    clinician_id by, std::string description) {
    if (at.is_special()) {
        throw validation_error("invalid disclosure", {{"at", "required"}});
    }
    const auto decision = permits(consents, r, at.date());
    if (!decision.permitted) {
        std::string what = "disclosure to " + r.recipient.identifier + " not permitted:";
        for (const auto& denial : decision.denials) {
            what += "\n  " + std::string(to_string(denial.category)) + ": " + denial.message;
        }
        throw access_denied(what);
    }
    disclosure_record d;
    d.id = std::move(id);
    d.client = r.client;
    d.recipient = r.recipient;
    d.purpose = r.purpose;
    d.categories = r.categories;
    d.authorised_by = decision.grants;
    d.disclosed_at = at;
    d.disclosed_by = std::move(by);
    d.description = std::move(description);
    for (const auto& g : decision.grants) {
        if (g.category != record_category::substance_use_records) {
            continue;
        }
        for (const auto& c : consents) {
            if (c.id() == g.consent && c.release()) {
                d.redisclosure_notice = c.release()->redisclosure_notice;
            }
        }
    }
    throw_if_invalid(validate(d), "invalid disclosure record");
    return d;
}

bool operator==(const consent& a, const consent& b) {
    return a.f_ == b.f_;
}

}  // namespace safety
THERACORE_NAMESPACE_END
