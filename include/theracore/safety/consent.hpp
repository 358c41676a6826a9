// SPDX-License-Identifier: Apache-2.0
/// @file
/// Consent records (treatment, telehealth, release of information, research), the disclosure
/// check `permits` and the accounting-of-disclosures record.
///
/// The rules follow the structure of the US HIPAA Privacy Rule (45 CFR 164.508: an authorization
/// names a recipient, a purpose, what may be disclosed and an expiry date or event; psychotherapy
/// notes need their own authorization) and 42 CFR Part 2 (substance-use disorder records need a
/// consent that names them, and each disclosure carries the redisclosure notice of § 2.32).
/// TheraCore encodes the structure, not legal advice: the integrator supplies the wording and
/// decides the jurisdiction's rules for minors; see docs/safety-and-consent.md.
#pragma once

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

/// What a consent is for.
enum class consent_kind { treatment, telehealth, release_of_information, research };
constexpr auto describe_enum(consent_kind) {
    using E = consent_kind;
    return enum_table<E, 4>{"consent_kind",
                            {{{E::treatment, "treatment"},
                              {E::telehealth, "telehealth"},
                              {E::release_of_information, "release_of_information"},
                              {E::research, "research"}}}};
}

/// In what capacity someone gave consent.
enum class consenting_role {
    client,    ///< the client themself
    guardian,  ///< a parent or legal guardian (for a minor, or an adult under guardianship)
    partner,   ///< another client of a couple or family episode whose information is shared
};
constexpr auto describe_enum(consenting_role) {
    using E = consenting_role;
    return enum_table<E, 3>{
        "consenting_role",
        {{{E::client, "client"}, {E::guardian, "guardian"}, {E::partner, "partner"}}}};
}

/// One person who consented, and when they signed.
struct consenting_party {
    consenting_role role{consenting_role::client};
    /// The person's client id; required for a partner, optional for a guardian.
    std::optional<client_id> person;
    std::string name;
    date signed_on;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("role", s.role), field("person", s.person),
                               field("name", s.name), field("signed_on", s.signed_on));
    }
};

/// Kinds of record a release may cover.
enum class record_category {
    demographics,
    attendance,
    assessments,
    diagnoses,
    treatment_plans,
    /// Progress notes, never including psychotherapy (process) notes.
    progress_notes,
    /// Psychotherapy (process) notes: only a release that covers nothing else may name them.
    psychotherapy_notes,
    /// Substance-use disorder records under 42 CFR Part 2: only a release that names them.
    substance_use_records,
};
constexpr auto describe_enum(record_category) {
    using E = record_category;
    return enum_table<E, 8>{"record_category",
                            {{{E::demographics, "demographics"},
                              {E::attendance, "attendance"},
                              {E::assessments, "assessments"},
                              {E::diagnoses, "diagnoses"},
                              {E::treatment_plans, "treatment_plans"},
                              {E::progress_notes, "progress_notes"},
                              {E::psychotherapy_notes, "psychotherapy_notes"},
                              {E::substance_use_records, "substance_use_records"}}}};
}

/// Why information is disclosed.
enum class disclosure_purpose {
    treatment,
    care_coordination,
    payment,
    legal,
    research,
    at_client_request,
    other,
};
constexpr auto describe_enum(disclosure_purpose) {
    using E = disclosure_purpose;
    return enum_table<E, 7>{"disclosure_purpose",
                            {{{E::treatment, "treatment"},
                              {E::care_coordination, "care_coordination"},
                              {E::payment, "payment"},
                              {E::legal, "legal"},
                              {E::research, "research"},
                              {E::at_client_request, "at_client_request"},
                              {E::other, "other"}}}};
}

/// A recipient of disclosed information. `identifier` (the integrator's directory key, an NPI,
/// an organisation code) is what `permits` matches; names are for people.
struct disclosure_party {
    std::string identifier;
    std::string name;
    std::optional<std::string> organization;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("identifier", s.identifier), field("name", s.name),
                               field("organization", s.organization));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const disclosure_party& d);

/// What a release of information allows: to whom, why, and which categories.
struct release_terms {
    disclosure_party recipient;
    std::vector<disclosure_purpose> purposes;
    /// The purpose in the words of the signed form.
    std::string purpose_description;
    std::vector<record_category> categories;
    /// The 42 CFR § 2.32 notice that must accompany each disclosure of substance-use records,
    /// in the wording the integrator's counsel approved (TheraCore ships no legal text).
    std::optional<std::string> redisclosure_notice;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("recipient", s.recipient), field("purposes", s.purposes),
                               field("purpose_description", s.purpose_description),
                               field("categories", s.categories),
                               field("redisclosure_notice", s.redisclosure_notice));
    }
};

/// Problems of `r`: a recipient, a purpose, at least one category and none twice; psychotherapy
/// notes only on their own; substance-use records only with the redisclosure notice.
[[nodiscard]] THERACORE_API problem_list validate(const release_terms& r);

/// An event that ends a consent, e.g. "end of the current episode of care"; `occurred_on` is
/// recorded when it happens.
struct expiry_event {
    std::string description;
    std::optional<date> occurred_on;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("description", s.description),
                               detail::field("occurred_on", s.occurred_on));
    }
};

/// A revocation: when, by whom (the person who consented, or their guardian), and a note.
struct consent_revocation {
    instant at;
    std::string by;
    std::string note;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("at", s.at), field("by", s.by), field("note", s.note));
    }
};

/// Why a consent does not allow a disclosure.
enum class denial_reason {
    no_consent,            ///< no release of information on file for the client
    not_yet_effective,     ///< the release takes effect after the date
    expired,               ///< past its expiry date, or its expiry event has occurred
    revoked,               ///< revoked on or before the date
    wrong_recipient,       ///< the release names someone else
    purpose_not_covered,   ///< the release does not list the purpose
    category_not_covered,  ///< the release does not list the category
    psychotherapy_notes_need_separate_authorization,  ///< a general release never covers them
    part2_needs_specific_consent,  ///< substance-use records need a release that names them
    minor_needs_guardian_consent,  ///< the client is a minor and no guardian signed
    partner_consent_missing,       ///< a partner whose information is in the record did not sign
};
constexpr auto describe_enum(denial_reason) {
    using E = denial_reason;
    return enum_table<E, 11>{"denial_reason",
                             {{{E::no_consent, "no_consent"},
                               {E::not_yet_effective, "not_yet_effective"},
                               {E::expired, "expired"},
                               {E::revoked, "revoked"},
                               {E::wrong_recipient, "wrong_recipient"},
                               {E::purpose_not_covered, "purpose_not_covered"},
                               {E::category_not_covered, "category_not_covered"},
                               {E::psychotherapy_notes_need_separate_authorization,
                                "psychotherapy_notes_need_separate_authorization"},
                               {E::part2_needs_specific_consent, "part2_needs_specific_consent"},
                               {E::minor_needs_guardian_consent, "minor_needs_guardian_consent"},
                               {E::partner_consent_missing, "partner_consent_missing"}}}};
}

/// A consent. Invariants (checked by `create`, kept by every operation):
/// - an id, a client, the date it takes effect (`given_on`) and at least one party; every party
///   has a name and signed on or before `given_on` (a consent takes effect when the last party
///   has signed); a partner is identified by client id; a party in the `client` role who names a
///   person names this client; no person twice;
/// - a release of information, and only a release, carries `release` terms (see
///   `validate(release_terms)`) and needs an expiry date or event; a research consent, and only
///   a research consent, names its study;
/// - the expiry, the expiry event and a revocation are not before `given_on`.
///
/// `expires_on` is the first day the consent no longer applies; a revocation applies from the
/// day it was recorded (a disclosure later that same day is refused).
class consent {
  public:
    static constexpr const char* schema_name = "theracore.consent";
    static constexpr int schema_version = 1;

    /// The plain data of a consent; `consent::create` checks it.
    struct fields {
        consent_id id;
        client_id client;
        consent_kind kind{consent_kind::treatment};
        std::vector<consenting_party> parties;
        date given_on;
        std::optional<date> expires_on;
        std::optional<expiry_event> expires_on_event;
        std::optional<release_terms> release;
        std::optional<std::string> study;
        std::optional<consent_revocation> revocation;
        /// The signed form in the integrator's document store.
        std::optional<std::string> document_reference;

        template <class Self>
        static auto describe(Self& s) {
            using detail::field;
            return std::make_tuple(field("id", s.id), field("client", s.client),
                                   field("kind", s.kind), field("parties", s.parties),
                                   field("given_on", s.given_on), field("expires_on", s.expires_on),
                                   field("expires_on_event", s.expires_on_event),
                                   field("release", s.release), field("study", s.study),
                                   field("revocation", s.revocation),
                                   field("document_reference", s.document_reference));
        }
    };

    /// An empty placeholder, only for assigning or deserializing into.
    consent() = default;

    /// @throws validation_error listing every broken invariant of `f`.
    [[nodiscard]] THERACORE_API static consent create(fields f);

    /// Every problem of `f`, without throwing.
    [[nodiscard]] THERACORE_API static problem_list check(const fields& f);

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const consent_id& id() const noexcept { return f_.id; }
    [[nodiscard]] const client_id& client() const noexcept { return f_.client; }
    [[nodiscard]] consent_kind kind() const noexcept { return f_.kind; }
    [[nodiscard]] date given_on() const noexcept { return f_.given_on; }
    [[nodiscard]] const std::optional<release_terms>& release() const noexcept {
        return f_.release;
    }
    [[nodiscard]] bool is_revoked() const noexcept { return f_.revocation.has_value(); }

    /// Why the consent does not apply on `on` (not yet effective, revoked, expired, in that
    /// order), or nothing when it is in force.
    [[nodiscard]] THERACORE_API std::optional<denial_reason> lapse_on(date on) const noexcept;

    /// True when the consent applies on `on`.
    [[nodiscard]] bool in_force_on(date on) const noexcept { return !lapse_on(on); }

    /// Records a revocation at `at` by `by`.
    /// @throws conflict when the consent is already revoked.
    /// @throws validation_error when `at` is before `given_on` or `by` is empty.
    THERACORE_API void revoke(instant at, std::string by, std::string note = {});

    /// Records that the expiry event happened on `on`.
    /// @throws conflict when the consent has no expiry event or it was already recorded.
    /// @throws validation_error when `on` is before `given_on`.
    THERACORE_API void record_expiry_event(date on);

    friend THERACORE_API bool operator==(const consent& a, const consent& b);
    friend bool operator!=(const consent& a, const consent& b) { return !(a == b); }

  private:
    explicit consent(fields f) : f_(std::move(f)) {}

    THERACORE_API static void check_parties(problem_list& p, const fields& f);

    fields f_;
};

/// Every problem of `c` (none for a consent made by `create`).
[[nodiscard]] inline problem_list validate(const consent& c) {
    return consent::check(c.data());
}

/// The consent of `kind` for `client` that is in force on `on`, or null (the first one found).
/// The pointer refers into `consents`.
[[nodiscard]] THERACORE_API const consent* consent_in_force(const std::vector<consent>& consents,
                                                            const client_id& client,
                                                            consent_kind kind, date on) noexcept;

/// A proposed disclosure: whose records, to whom, why, and which categories.
struct disclosure_request {
    client_id client;
    disclosure_party recipient;
    disclosure_purpose purpose{disclosure_purpose::treatment};
    std::vector<record_category> categories;
    /// True when the law that applies requires a guardian's consent for this client (a minor,
    /// or an adult under guardianship). The caller decides: ages of consent differ by place.
    bool client_is_minor = false;
    /// Other clients whose information is in the records (the partner in couple work, family
    /// members): each must have signed the release.
    std::vector<client_id> joint_record_partners;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("client", s.client), field("recipient", s.recipient),
                               field("purpose", s.purpose), field("categories", s.categories),
                               field("client_is_minor", s.client_is_minor),
                               field("joint_record_partners", s.joint_record_partners));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const disclosure_request& r);

/// A category the decision allows, and the consent that allows it.
struct category_grant {
    record_category category{record_category::demographics};
    consent_id consent;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("category", s.category),
                               detail::field("consent", s.consent));
    }
};

/// One reason a category cannot be disclosed, with the consent it concerns (none for
/// `no_consent`) and a message for people.
struct disclosure_denial {
    record_category category{record_category::demographics};
    std::optional<consent_id> consent;
    denial_reason reason{denial_reason::no_consent};
    std::string message;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("category", s.category), field("consent", s.consent),
                               field("reason", s.reason), field("message", s.message));
    }
};

/// The answer of `permits`: allowed only when every requested category is granted. When it is
/// not, `denials` lists every reason of every release considered, per category not granted.
struct disclosure_decision {
    bool permitted = false;
    std::vector<category_grant> grants;
    std::vector<disclosure_denial> denials;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("permitted", s.permitted), field("grants", s.grants),
                               field("denials", s.denials));
    }

    /// True when some denial gives `reason`.
    [[nodiscard]] THERACORE_API bool denied_because(denial_reason reason) const noexcept;
};

/// Whether `consents` allow the disclosure `r` on `on`, and why not. Each requested category
/// must be allowed by one release of information of the client that is in force, names the
/// recipient (by identifier) and the purpose, lists the category, and was signed by a guardian
/// when the client is a minor and by every partner whose information is included. Consents of
/// other clients, and consents that are not releases, are not considered.
/// Pure; thread-safe for distinct arguments.
/// @throws validation_error when `r` is malformed (no client, recipient identifier or category).
[[nodiscard]] THERACORE_API disclosure_decision permits(const std::vector<consent>& consents,
                                                        const disclosure_request& r, date on);

/// One entry of the accounting of disclosures: what went to whom, when, why, by whom, and on
/// what basis. Rules (`validate`): an id, a client, a recipient, at least one category, a time,
/// the clinician and a description of what was disclosed; every category is covered by a grant
/// (a consent) unless a `legal_basis` is given for a disclosure without consent (an emergency, a
/// court order, a mandated report); grants name only disclosed categories; substance-use records
/// carry the redisclosure notice.
struct disclosure_record {
    static constexpr const char* schema_name = "theracore.disclosure_record";
    static constexpr int schema_version = 1;

    disclosure_id id;
    client_id client;
    disclosure_party recipient;
    disclosure_purpose purpose{disclosure_purpose::treatment};
    std::vector<record_category> categories;
    std::vector<category_grant> authorised_by;
    std::optional<std::string> legal_basis;
    instant disclosed_at;
    clinician_id disclosed_by;
    std::string description;
    std::optional<std::string> redisclosure_notice;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(
            field("id", s.id), field("client", s.client), field("recipient", s.recipient),
            field("purpose", s.purpose), field("categories", s.categories),
            field("authorised_by", s.authorised_by), field("legal_basis", s.legal_basis),
            field("disclosed_at", s.disclosed_at), field("disclosed_by", s.disclosed_by),
            field("description", s.description),
            field("redisclosure_notice", s.redisclosure_notice));
    }
};

/// Every problem of `d` (see `disclosure_record`).
[[nodiscard]] THERACORE_API problem_list validate(const disclosure_record& d);

/// The accounting entry for disclosing `r` at `at`, after checking `permits(consents, r,
/// at.date())`. The entry names the consent for each category and carries the redisclosure
/// notice of the release that allows substance-use records. Call it for every disclosure made.
/// @throws access_denied when the consents do not allow the disclosure; the message lists every
///         denial.
/// @throws validation_error when `r` is malformed or the entry would break a rule (e.g. an
///         empty description).
[[nodiscard]] THERACORE_API disclosure_record
record_disclosure(const std::vector<consent>& consents, const disclosure_request& r,
                  disclosure_id id, instant at, clinician_id by, std::string description);

}  // namespace safety
THERACORE_NAMESPACE_END
