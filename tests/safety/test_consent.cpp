// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/safety/consent.hpp>

#include "support/safety_builders.hpp"

using namespace theracore;
using test::at;

namespace {

using theracore::test::has_path;

/// The only denial of a one-category request against one consent.
void expect_single_denial(const std::vector<consent>& consents, const disclosure_request& r,
                          date on, denial_reason reason, const std::string& message) {
    const auto d = permits(consents, r, on);
    EXPECT_FALSE(d.permitted);
    EXPECT_TRUE(d.grants.empty());
    ASSERT_EQ(d.denials.size(), 1u) << to_string(reason);
    EXPECT_EQ(d.denials[0].reason, reason);
    EXPECT_EQ(d.denials[0].message, message);
    EXPECT_TRUE(d.denied_because(reason));
}

disclosure_request one_category(record_category c) {
    auto r = test::psychiatrist_request();
    r.categories = {c};
    return r;
}

/// A release for the couple c-zoe + c-lee, signed by both.
consent::fields couple_release_fields() {
    auto f = test::release_fields();
    f.id = consent_id("co-couple");
    f.parties = {{consenting_role::client, client_id("c-zoe"), "Zoë Ñúñez", date(2025, 3, 1)},
                 {consenting_role::partner, client_id("c-lee"), "李小龍", date(2025, 3, 3)}};
    return f;
}

}  // namespace

TEST(Consent, AFullReleaseIsValid) {
    const auto c = test::full_release();
    EXPECT_EQ(c.kind(), consent_kind::release_of_information);
    EXPECT_TRUE(c.in_force_on(date(2025, 3, 3)));
    EXPECT_TRUE(consent::check(test::part2_release().data()).empty());
}

TEST(Consent, EveryInvariantIsChecked) {
    consent::fields f;
    f.kind = consent_kind::release_of_information;
    const problem_list expected{
        {"id", "required"},
        {"client", "required"},
        {"given_on", "required"},
        {"parties", "someone must give consent"},
        {"release", "required for a release of information"},
        {"expires_on", "a release of information needs an expiry date or event"}};
    EXPECT_EQ(consent::check(f), expected);
}

TEST(Consent, PartiesRules) {
    auto f = test::release_fields();
    f.parties = {{consenting_role::client, client_id("c-other"), "", date(2025, 3, 4)},
                 {consenting_role::partner, std::nullopt, "Lee", date(2025, 3, 1)},
                 {consenting_role::guardian, client_id("c-other"), "Guardian",
                  date(boost::date_time::not_a_date_time)}};
    const problem_list expected{
        {"parties[0].name", "required"},
        {"parties[0].signed_on",
         "after given_on: a consent takes effect when the last party signs"},
        {"parties[0].person", "the client party must be client c-zoe"},
        {"parties[1].person", "a partner is identified by client id"},
        {"parties[2].signed_on", "required"},
        {"parties[2].person", "c-other is listed twice"}};
    EXPECT_EQ(consent::check(f), expected);
}

TEST(Consent, KindSpecificParts) {
    auto f = test::release_fields();
    f.kind = consent_kind::treatment;
    EXPECT_EQ(consent::check(f),
              (problem_list{{"release", "only a release of information carries release terms"}}));
    f.release.reset();
    f.expires_on.reset();
    EXPECT_TRUE(consent::check(f).empty());  // a treatment consent may be open-ended
    f.study = "STUDY-1";
    EXPECT_EQ(consent::check(f),
              (problem_list{{"study", "only a research consent names a study"}}));
    f.kind = consent_kind::research;
    EXPECT_TRUE(consent::check(f).empty());
    f.study = "";
    EXPECT_EQ(consent::check(f), (problem_list{{"study", "required for research participation"}}));
}

TEST(Consent, ReleaseTermsRules) {
    auto f = test::release_fields();
    f.release->recipient = {};
    f.release->purposes.clear();
    f.release->categories = {record_category::psychotherapy_notes,
                             record_category::psychotherapy_notes,
                             record_category::substance_use_records};
    const problem_list expected{
        {"release.recipient.identifier", "required"},
        {"release.recipient.name", "required"},
        {"release.purposes", "name at least one purpose"},
        {"release.categories[1]", "duplicate psychotherapy_notes"},
        {"release.categories",
         "psychotherapy notes need an authorization of their own (45 CFR 164.508(b)(3)(ii)); "
         "release them separately"},
        {"release.redisclosure_notice",
         "required when substance-use records (42 CFR Part 2) are released"}};
    EXPECT_EQ(consent::check(f), expected);
    f.release = test::release_fields().release;
    f.release->categories.clear();
    EXPECT_EQ(consent::check(f),
              (problem_list{{"release.categories", "name at least one category"}}));
    f.release->categories = {record_category::psychotherapy_notes};  // on its own: fine
    EXPECT_TRUE(consent::check(f).empty());
}

TEST(Consent, DatesAreNotBeforeTheConsent) {
    auto f = test::release_fields();  // given 2025-03-03
    f.expires_on = date(2025, 3, 2);
    f.expires_on_event = expiry_event{"", date(2025, 3, 1)};
    f.revocation = consent_revocation{at(2025, 3, 2, 9, 0), "", ""};
    const problem_list expected{
        {"expires_on", "must be on or after given_on (2025-03-03)"},
        {"expires_on_event.description", "required"},
        {"expires_on_event.occurred_on", "must be on or after given_on (2025-03-03)"},
        {"revocation.by", "required"},
        {"revocation.at", "must be on or after given_on (2025-03-03)"}};
    EXPECT_EQ(consent::check(f), expected);
}

TEST(Consent, MissingOrImpossibleDatesAreReported) {
    auto f = test::release_fields();
    f.expires_on = date(boost::date_time::not_a_date_time);
    f.revocation = consent_revocation{instant(), "Zoë", ""};
    EXPECT_EQ(consent::check(f),
              (problem_list{{"expires_on", "not a calendar date"}, {"revocation.at", "required"}}));
    f = test::release_fields();
    f.expires_on.reset();
    f.expires_on_event = expiry_event{"End of care", date(boost::date_time::not_a_date_time)};
    EXPECT_EQ(consent::check(f),
              (problem_list{{"expires_on_event.occurred_on", "not a calendar date"}}));
}

TEST(Consent, RevocationIsRecordedOnceWithItsTime) {
    auto c = test::full_release();
    c.revoke(at(2025, 6, 1, 10, 30), "Zoë Ñúñez", "By phone");
    EXPECT_TRUE(c.is_revoked());
    EXPECT_EQ(c.data().revocation->at, at(2025, 6, 1, 10, 30));
    EXPECT_TRUE(c.in_force_on(date(2025, 5, 31)));
    EXPECT_EQ(c.lapse_on(date(2025, 6, 1)), denial_reason::revoked);
    try {
        c.revoke(at(2025, 6, 2), "Zoë", "again");
        FAIL() << "expected conflict";
    } catch (const conflict& e) {
        EXPECT_EQ(std::string(e.what()),
                  "consent co-roi: cannot revoke: already revoked at 2025-06-01T10:30:00Z");
    }
    auto d = test::full_release();
    EXPECT_THROW(d.revoke(at(2025, 3, 2), "Zoë"), validation_error);  // before given_on
    EXPECT_THROW(d.revoke(at(2025, 3, 4), ""), validation_error);     // by whom
    EXPECT_FALSE(d.is_revoked());
}

TEST(Consent, ExpiryByDateOrByEvent) {
    const auto c = test::full_release();  // expires 2026-03-03
    EXPECT_EQ(c.lapse_on(date(2025, 3, 2)), denial_reason::not_yet_effective);
    EXPECT_TRUE(c.in_force_on(date(2026, 3, 2)));
    EXPECT_EQ(c.lapse_on(date(2026, 3, 3)), denial_reason::expired);

    auto e = test::part2_release();  // expires at the end of the episode
    EXPECT_TRUE(e.in_force_on(date(2030, 1, 1)));
    e.record_expiry_event(date(2025, 9, 30));
    EXPECT_TRUE(e.in_force_on(date(2025, 9, 29)));
    EXPECT_EQ(e.lapse_on(date(2025, 9, 30)), denial_reason::expired);
    EXPECT_THROW(e.record_expiry_event(date(2025, 10, 1)), conflict);  // already recorded
    auto f = test::full_release();
    EXPECT_THROW(f.record_expiry_event(date(2025, 10, 1)), conflict);  // no event to record
    auto g = test::part2_release();
    EXPECT_THROW(g.record_expiry_event(date(2025, 3, 2)), validation_error);
}

TEST(Consent, ConsentInForceByKind) {
    const std::vector<consent> set{test::revoked_treatment_consent(), test::full_release()};
    const client_id zoe("c-zoe");
    EXPECT_EQ(consent_in_force(set, zoe, consent_kind::treatment, date(2025, 4, 1)), &set[0]);
    EXPECT_EQ(consent_in_force(set, zoe, consent_kind::treatment, date(2025, 5, 1)), nullptr);
    EXPECT_EQ(consent_in_force(set, zoe, consent_kind::telehealth, date(2025, 4, 1)), nullptr);
    EXPECT_EQ(consent_in_force(set, client_id("c-lee"), consent_kind::release_of_information,
                               date(2025, 4, 1)),
              nullptr);
}

// ---- permits: the allowed case and every denial reason -------------------------------------

TEST(Permits, AReleaseCoveringRecipientPurposeAndCategoriesAllowsTheDisclosure) {
    const auto d = permits({test::full_release()}, test::psychiatrist_request(), date(2025, 3, 4));
    EXPECT_TRUE(d.permitted);
    EXPECT_TRUE(d.denials.empty());
    EXPECT_EQ(d.grants,
              (std::vector<category_grant>{{record_category::assessments, consent_id("co-roi")},
                                           {record_category::diagnoses, consent_id("co-roi")}}));
}

TEST(Permits, DeniedNoConsent) {
    const auto r = one_category(record_category::assessments);
    expect_single_denial({}, r, date(2025, 3, 4), denial_reason::no_consent,
                         "no release of information on file for client c-zoe");
    // A treatment consent is not a release, and another client's release does not count.
    auto other = test::release_fields();
    other.client = client_id("c-lee");
    other.parties[0].person = client_id("c-lee");
    expect_single_denial({test::revoked_treatment_consent(), consent::create(other)}, r,
                         date(2025, 3, 4), denial_reason::no_consent,
                         "no release of information on file for client c-zoe");
}

TEST(Permits, DeniedNotYetEffective) {
    expect_single_denial({test::full_release()}, one_category(record_category::assessments),
                         date(2025, 3, 2), denial_reason::not_yet_effective,
                         "consent co-roi: takes effect on 2025-03-03");
}

TEST(Permits, DeniedExpired) {
    expect_single_denial({test::full_release()}, one_category(record_category::assessments),
                         date(2026, 3, 3), denial_reason::expired, "consent co-roi: expired");
}

TEST(Permits, DeniedRevoked) {
    auto c = test::full_release();
    c.revoke(at(2025, 4, 1, 16, 0), "Zoë Ñúñez");
    // Same-day revocation is honoured for the whole day.
    expect_single_denial({c}, one_category(record_category::assessments), date(2025, 4, 1),
                         denial_reason::revoked, "consent co-roi: revoked at 2025-04-01T16:00:00Z");
    EXPECT_TRUE(
        permits({c}, one_category(record_category::assessments), date(2025, 3, 31)).permitted);
}

TEST(Permits, DeniedWrongRecipient) {
    auto r = one_category(record_category::assessments);
    r.recipient.identifier = "npi-1111111111";
    r.recipient.name = "Dr. Inés Ortúzar";  // same name, different identifier: still wrong
    expect_single_denial({test::full_release()}, r, date(2025, 3, 4),
                         denial_reason::wrong_recipient,
                         "consent co-roi: names recipient npi-0000000000, not npi-1111111111");
}

TEST(Permits, DeniedPurposeNotCovered) {
    auto r = one_category(record_category::assessments);
    r.purpose = disclosure_purpose::payment;
    expect_single_denial({test::full_release()}, r, date(2025, 3, 4),
                         denial_reason::purpose_not_covered,
                         "consent co-roi: does not cover the purpose payment");
}

TEST(Permits, DeniedCategoryNotCovered) {
    expect_single_denial({test::full_release()}, one_category(record_category::treatment_plans),
                         date(2025, 3, 4), denial_reason::category_not_covered,
                         "consent co-roi: does not cover treatment_plans");
}

TEST(Permits, DeniedPsychotherapyNotesUnderAGeneralRelease) {
    // The release covers progress notes; psychotherapy notes are never part of them.
    expect_single_denial({test::full_release()}, one_category(record_category::psychotherapy_notes),
                         date(2025, 3, 4),
                         denial_reason::psychotherapy_notes_need_separate_authorization,
                         "consent co-roi: psychotherapy notes need an authorization of their "
                         "own; a general release never covers them");
    // A separate authorization for psychotherapy notes alone allows them.
    auto f = test::release_fields();
    f.id = consent_id("co-pn");
    f.release->categories = {record_category::psychotherapy_notes};
    const auto d = permits({test::full_release(), consent::create(f)},
                           one_category(record_category::psychotherapy_notes), date(2025, 3, 4));
    EXPECT_TRUE(d.permitted);
    EXPECT_EQ(d.grants[0].consent, consent_id("co-pn"));
}

TEST(Permits, DeniedPart2RecordsWithoutASpecificConsent) {
    expect_single_denial({test::full_release()},
                         one_category(record_category::substance_use_records), date(2025, 3, 4),
                         denial_reason::part2_needs_specific_consent,
                         "consent co-roi: substance-use records (42 CFR Part 2) need a release "
                         "that names them");
    EXPECT_TRUE(permits({test::full_release(), test::part2_release()},
                        one_category(record_category::substance_use_records), date(2025, 3, 4))
                    .permitted);
}

TEST(Permits, DeniedMinorWithoutGuardianConsent) {
    auto r = one_category(record_category::assessments);
    r.client_is_minor = true;
    expect_single_denial({test::full_release()}, r, date(2025, 3, 4),
                         denial_reason::minor_needs_guardian_consent,
                         "consent co-roi: the client is a minor and no guardian signed");
    auto f = test::release_fields();
    f.parties.push_back({consenting_role::guardian, std::nullopt, "María Ñúñez", date(2025, 3, 3)});
    EXPECT_TRUE(permits({consent::create(f)}, r, date(2025, 3, 4)).permitted);
}

TEST(Permits, DeniedCoupleWorkWithoutEachPartner) {
    auto r = one_category(record_category::progress_notes);
    r.joint_record_partners = {client_id("c-lee")};
    expect_single_denial({test::full_release()}, r, date(2025, 3, 4),
                         denial_reason::partner_consent_missing,
                         "consent co-roi: partner c-lee did not sign");
    EXPECT_TRUE(permits({consent::create(couple_release_fields())}, r, date(2025, 3, 4)).permitted);
    r.joint_record_partners.push_back(client_id("c-kid"));  // a family record: each must sign
    expect_single_denial({consent::create(couple_release_fields())}, r, date(2025, 3, 4),
                         denial_reason::partner_consent_missing,
                         "consent co-couple: partner c-kid did not sign");
}

TEST(Permits, EveryReasonOfEveryReleaseIsListed) {
    auto r = one_category(record_category::psychotherapy_notes);
    r.recipient.identifier = "someone-else";
    r.purpose = disclosure_purpose::legal;
    r.client_is_minor = true;
    r.joint_record_partners = {client_id("c-lee")};
    const auto d = permits({test::full_release(), test::part2_release()}, r, date(2026, 3, 3));
    std::vector<std::pair<std::string, denial_reason>> got;
    for (const auto& x : d.denials) {
        got.emplace_back(x.consent->str(), x.reason);
    }
    using R = denial_reason;
    const std::vector<std::pair<std::string, denial_reason>> expected{
        {"co-roi", R::expired},
        {"co-roi", R::wrong_recipient},
        {"co-roi", R::purpose_not_covered},
        {"co-roi", R::psychotherapy_notes_need_separate_authorization},
        {"co-roi", R::minor_needs_guardian_consent},
        {"co-roi", R::partner_consent_missing},
        {"co-part2", R::wrong_recipient},
        {"co-part2", R::purpose_not_covered},
        {"co-part2", R::psychotherapy_notes_need_separate_authorization},
        {"co-part2", R::minor_needs_guardian_consent},
        {"co-part2", R::partner_consent_missing}};
    EXPECT_EQ(got, expected);
}

TEST(Permits, CategoriesMayBeGrantedByDifferentReleasesButAllMustBe) {
    auto r = test::psychiatrist_request();
    r.categories = {record_category::assessments, record_category::substance_use_records};
    const auto both = permits({test::full_release(), test::part2_release()}, r, date(2025, 3, 4));
    EXPECT_TRUE(both.permitted);
    EXPECT_EQ(both.grants, (std::vector<category_grant>{
                               {record_category::assessments, consent_id("co-roi")},
                               {record_category::substance_use_records, consent_id("co-part2")}}));

    const auto partial = permits({test::full_release()}, r, date(2025, 3, 4));
    EXPECT_FALSE(partial.permitted);
    EXPECT_EQ(partial.grants,
              (std::vector<category_grant>{{record_category::assessments, consent_id("co-roi")}}));
    ASSERT_EQ(partial.denials.size(), 1u);
    EXPECT_EQ(partial.denials[0].category, record_category::substance_use_records);
}

TEST(Permits, AMalformedRequestIsAnError) {
    disclosure_request r;
    r.joint_record_partners = {client_id("")};
    try {
        (void)permits({}, r, date(2025, 3, 4));
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"client", "required"},
                                {"recipient.identifier", "required"},
                                {"categories", "name at least one category"},
                                {"joint_record_partners[0]", "must name another client"}}));
    }
}

// ---- accounting of disclosures ------------------------------------------------------------

TEST(DisclosureRecord, EachDisclosureMadeProducesAnAccountingEntry) {
    const auto d = test::full_disclosure_record();
    EXPECT_TRUE(validate(d).empty());
    EXPECT_EQ(d.id, disclosure_id("d-1"));
    EXPECT_EQ(d.client, client_id("c-zoe"));
    EXPECT_EQ(d.recipient.identifier, "npi-0000000000");
    EXPECT_EQ(d.purpose, disclosure_purpose::treatment);
    EXPECT_EQ(d.categories, (std::vector<record_category>{record_category::assessments,
                                                          record_category::diagnoses}));
    EXPECT_EQ(d.authorised_by.size(), 2u);
    EXPECT_EQ(d.disclosed_at, at(2025, 3, 4, 11, 0));
    EXPECT_EQ(d.disclosed_by, clinician_id("k-ada"));
    EXPECT_FALSE(d.redisclosure_notice);
    EXPECT_FALSE(d.legal_basis);
}

TEST(DisclosureRecord, Part2DisclosuresCarryTheRedisclosureNotice) {
    const auto d = record_disclosure({test::part2_release()},
                                     one_category(record_category::substance_use_records),
                                     disclosure_id("d-2"), at(2025, 3, 4, 11, 0),
                                     clinician_id("k-ada"), "AUDIT and treatment summary");
    EXPECT_EQ(d.redisclosure_notice,
              std::string("[EXAMPLE 42 CFR 2.32 NOTICE TEXT SUPPLIED BY COUNSEL]"));
}

TEST(DisclosureRecord, ADeniedDisclosureIsRefusedWithItsReasons) {
    auto r = one_category(record_category::psychotherapy_notes);
    try {
        (void)record_disclosure({test::full_release()}, r, disclosure_id("d-3"),
                                at(2025, 3, 4, 11, 0), clinician_id("k-ada"), "notes");
        FAIL() << "expected access_denied";
    } catch (const access_denied& e) {
        EXPECT_EQ(std::string(e.what()),
                  "disclosure to npi-0000000000 not permitted:\n  psychotherapy_notes: consent "
                  "co-roi: psychotherapy notes need an authorization of their own; a general "
                  "release never covers them");
    }
    // The decision is taken on the day of the disclosure.
    EXPECT_THROW((void)record_disclosure({test::full_release()}, test::psychiatrist_request(),
                                         disclosure_id("d-4"), at(2026, 3, 3, 9, 0),
                                         clinician_id("k-ada"), "late"),
                 access_denied);
    EXPECT_THROW(
        (void)record_disclosure({test::full_release()}, test::psychiatrist_request(),
                                disclosure_id("d-5"), instant(), clinician_id("k-ada"), "x"),
        validation_error);
    EXPECT_THROW(
        (void)record_disclosure({test::full_release()}, test::psychiatrist_request(),
                                disclosure_id("d-6"), at(2025, 3, 4), clinician_id("k-ada"), ""),
        validation_error);
}

TEST(DisclosureRecord, EveryRule) {
    disclosure_record d;
    d.categories = {record_category::assessments, record_category::substance_use_records};
    d.authorised_by = {{record_category::diagnoses, consent_id("")}};
    d.legal_basis = "";
    const problem_list expected{
        {"id", "required"},
        {"client", "required"},
        {"recipient.identifier", "required"},
        {"recipient.name", "required"},
        {"legal_basis", "empty"},
        {"categories[0]", "assessments has no consent and no legal basis"},
        {"categories[1]", "substance_use_records has no consent and no legal basis"},
        {"authorised_by[0].consent", "required"},
        {"authorised_by[0].category", "not a disclosed category"},
        {"disclosed_at", "required"},
        {"disclosed_by", "required"},
        {"description", "required"},
        {"redisclosure_notice", "required when substance-use records are disclosed"}};
    EXPECT_EQ(validate(d), expected);
    EXPECT_TRUE(has_path(validate(disclosure_record{}), "categories"));
}

TEST(DisclosureRecord, ADisclosureWithoutConsentNeedsALegalBasis) {
    auto d = test::full_disclosure_record();
    d.authorised_by.clear();
    EXPECT_EQ(validate(d).size(), 2u);
    d.legal_basis = "Emergency: imminent risk to life (documented in note n-12)";
    EXPECT_TRUE(validate(d).empty());
}
