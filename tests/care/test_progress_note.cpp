// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/care/progress_note.hpp>

#include "support/care_builders.hpp"

using namespace theracore;
using test::at;
using test::has_path;
using test::problems_of;

namespace {
const clinician_id ada("k-ada");
const clinician_id sup("k-sup");

progress_note draft() {
    return progress_note::create(test::draft_note_fields());
}

progress_note signed_alone() {
    auto f = test::draft_note_fields();
    f.author = clinician_id("k-ben");
    auto n = progress_note::create(f);
    n.sign({clinician_id("k-ben"), at(2024, 3, 15, 18)}, test::unsupervised_clinician());
    return n;
}
}  // namespace

TEST(ProgressNote, DraftsAreEditable) {
    auto n = draft();
    EXPECT_EQ(n.status(), note_status::draft);
    EXPECT_FALSE(n.is_locked());
    n.set_body(dap_note{"Data", "", ""});  // a draft may be incomplete
    EXPECT_TRUE(std::holds_alternative<dap_note>(n.body()));
    EXPECT_TRUE(validate(n).empty());
}

TEST(ProgressNote, RequiredFields) {
    progress_note::fields f;
    EXPECT_EQ(progress_note::check(f), (problem_list{{"id", "required"},
                                                     {"session", "required"},
                                                     {"episode", "required"},
                                                     {"author", "required"},
                                                     {"created", "required"}}));
    EXPECT_THROW((void)progress_note::create(f), validation_error);
}

TEST(ProgressNote, MissingSectionsNameTheFormatAndSection) {
    EXPECT_EQ(missing_sections(soap_note{"s", "", "a", ""}),
              (problem_list{{"body.soap.objective", "required before signing"},
                            {"body.soap.plan", "required before signing"}}));
    EXPECT_EQ(missing_sections(dap_note{"", "a", "p"}),
              (problem_list{{"body.dap.data", "required before signing"}}));
    EXPECT_EQ(missing_sections(birp_note{"b", "i", "", "p"}),
              (problem_list{{"body.birp.response", "required before signing"}}));
    EXPECT_TRUE(missing_sections(test::couple_note_fields().body).empty());
}

TEST(ProgressNote, AuthorWhoNeedsNoSupervisionSignsItOff) {
    const auto n = signed_alone();
    EXPECT_EQ(n.status(), note_status::signed_off);
    EXPECT_TRUE(n.is_locked());
    EXPECT_FALSE(n.data().cosigner.has_value());
}

TEST(ProgressNote, SupervisedAuthorNeedsTheSupervisorsCoSignature) {
    auto n = draft();
    n.sign({ada, at(2024, 3, 15, 18)}, test::full_clinician());
    EXPECT_EQ(n.status(), note_status::awaiting_cosignature);
    EXPECT_EQ(n.data().cosigner, sup);
    n.cosign({sup, at(2024, 3, 16, 9)});
    EXPECT_EQ(n.status(), note_status::signed_off);
    EXPECT_EQ(n.cosignature()->by, sup);
    EXPECT_TRUE(validate(test::signed_note_with_addendum()).empty());
}

TEST(ProgressNote, EditingASignedNoteThrowsConflict) {
    for (auto n : {signed_alone(), test::signed_note_with_addendum()}) {
        const auto before = n;
        try {
            n.set_body(soap_note{"changed", "o", "a", "p"});
            FAIL() << "expected conflict";
        } catch (const conflict& c) {
            EXPECT_NE(std::string(c.what()).find("addendum"), std::string::npos) << c.what();
        }
        EXPECT_EQ(n, before);
    }
    auto awaiting = draft();
    awaiting.sign({ada, at(2024, 3, 15, 18)}, test::full_clinician());
    EXPECT_THROW(awaiting.set_body(soap_note{"changed", "o", "a", "p"}), conflict);
}

TEST(ProgressNote, SigningTwiceThrowsConflict) {
    auto n = signed_alone();
    EXPECT_THROW(
        n.sign({clinician_id("k-ben"), at(2024, 3, 16, 9)}, test::unsupervised_clinician()),
        conflict);
    EXPECT_TRUE(has_path(
        n.can_sign({clinician_id("k-ben"), at(2024, 3, 16, 9)}, test::unsupervised_clinician()),
        "signature"));
}

TEST(ProgressNote, EverySigningRuleIsReported) {
    auto n = draft();
    n.set_body(soap_note{"s", "o", "a", ""});
    auto k = test::full_clinician();
    k.id = clinician_id("k-other");
    k.supervisor.reset();
    const auto p = n.can_sign({sup, at(2024, 3, 15, 15)}, k);
    EXPECT_EQ(p,
              (problem_list{
                  {"signature.by", "only the author k-ada may sign"},
                  {"author", "clinician k-other is not the note's author k-ada"},
                  {"author.supervisor", "the author requires supervision but names no supervisor"},
                  {"signature.at", "is before the note was created (2024-03-15T16:00:00Z)"},
                  {"body.soap.plan", "required before signing"}}));
    try {
        n.sign({sup, at(2024, 3, 15, 15)}, k);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(), p);
    }
    EXPECT_EQ(n.status(), note_status::draft);
    EXPECT_EQ(n.can_sign({clinician_id(), instant()}, test::full_clinician()),
              (problem_list{{"signature.by", "required"},
                            {"signature.at", "required"},
                            {"body.soap.plan", "required before signing"}}));
}

TEST(ProgressNote, CallerPreconditionsComposeWithTheNotesOwnRules) {
    // Stands in for a rule owned by another area (e.g. an open high-risk flag needs a risk
    // review in the session before its note is signed).
    bool risk_reviewed = false;
    std::vector<std::pair<note_id, instant>> seen;
    const signing_precondition risk_rule = [&](const progress_note& note,
                                               const note_signature& s) -> problem_list {
        seen.emplace_back(note.id(), s.at);
        if (!risk_reviewed) {
            return {{"session.risk_reviewed",
                     "client c-zoe has an open high risk flag: review risk before signing"}};
        }
        return {};
    };
    auto n = draft();
    const note_signature s{ada, at(2024, 3, 15, 18)};
    try {
        n.sign(s, test::full_clinician(), {risk_rule, signing_precondition{}});
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"session.risk_reviewed",
                                 "client c-zoe has an open high risk flag: review risk before "
                                 "signing"}}));
    }
    EXPECT_EQ(n.status(), note_status::draft);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].first, note_id("n-1"));
    EXPECT_EQ(seen[0].second, s.at);
    risk_reviewed = true;
    EXPECT_TRUE(n.can_sign(s, test::full_clinician(), {risk_rule}).empty());
    n.sign(s, test::full_clinician(), {risk_rule});
    EXPECT_EQ(n.status(), note_status::awaiting_cosignature);
}

TEST(ProgressNote, CoSigningRules) {
    auto d = draft();
    EXPECT_THROW(d.cosign({sup, at(2024, 3, 16, 9)}), conflict);
    auto alone = signed_alone();
    try {
        alone.cosign({sup, at(2024, 3, 16, 9)});
        FAIL() << "expected conflict";
    } catch (const conflict& c) {
        EXPECT_NE(std::string(c.what()).find("needs no co-signature"), std::string::npos);
    }
    auto n = draft();
    n.sign({ada, at(2024, 3, 15, 18)}, test::full_clinician());
    EXPECT_EQ(problems_of([&] {
                  n.cosign({clinician_id("k-ben"), at(2024, 3, 15, 17)});
              }),
              (problem_list{{"by", "only the supervisor k-sup may co-sign"},
                            {"at", "is before the author's signature (2024-03-15T18:00:00Z)"}}));
    EXPECT_EQ(problems_of([&] {
                  n.cosign({clinician_id(), instant()});
              }),
              (problem_list{{"by", "required"}, {"at", "required"}}));
    EXPECT_EQ(n.status(), note_status::awaiting_cosignature);
    n.cosign({sup, at(2024, 3, 15, 18)});  // the same minute is fine
    EXPECT_THROW(n.cosign({sup, at(2024, 3, 16, 9)}), conflict);
}

TEST(ProgressNote, ChangesAfterSigningAreAddenda) {
    auto d = draft();
    EXPECT_THROW(d.add_addendum({ada, at(2024, 3, 16, 9), "r", "t"}), conflict);
    auto n = signed_alone();
    EXPECT_EQ(problems_of([&] {
                  n.add_addendum({clinician_id(), at(2024, 3, 15, 17), "", ""});
              }),
              (problem_list{{"author", "required"},
                            {"reason", "required"},
                            {"text", "required"},
                            {"at", "must not be before 2024-03-15T18:00:00Z"}}));
    n.add_addendum({sup, at(2024, 3, 16, 9), "Supervision", "Discussed safety planning."});
    EXPECT_THROW(n.add_addendum({ada, at(2024, 3, 16, 8), "Order", "Earlier than the last"}),
                 validation_error);
    n.add_addendum({ada, at(2024, 3, 16, 9), "Correction", "Session began at 15:05."});
    ASSERT_EQ(n.addenda().size(), 2u);
    EXPECT_EQ(n.addenda()[1].reason, "Correction");
    EXPECT_EQ(std::get<soap_note>(n.body()).subjective,  // the signed text is untouched
              std::get<soap_note>(test::draft_note_fields().body).subjective);
}

TEST(ProgressNote, TamperedRecordsAreRejected) {
    const auto good = test::signed_note_with_addendum().data();
    auto f = good;
    f.signature->by = sup;
    EXPECT_TRUE(has_path(progress_note::check(f), "signature.by"));
    f = good;
    f.signature->at = at(2024, 3, 15, 15);
    EXPECT_TRUE(has_path(progress_note::check(f), "signature.at"));
    f = good;
    std::get<soap_note>(f.body).assessment.clear();
    EXPECT_TRUE(has_path(progress_note::check(f), "body.soap.assessment"));
    f = good;
    f.cosigner = ada;
    EXPECT_TRUE(has_path(progress_note::check(f), "cosigner"));
    EXPECT_TRUE(has_path(progress_note::check(f), "cosignature.by"));
    f = good;
    f.cosigner.reset();
    EXPECT_TRUE(has_path(progress_note::check(f), "cosignature"));
    f = good;
    f.cosignature->at = at(2024, 3, 15, 17);
    EXPECT_TRUE(has_path(progress_note::check(f), "cosignature.at"));
    f = good;
    f.addenda[0].at = at(2024, 3, 15, 17);
    EXPECT_TRUE(has_path(progress_note::check(f), "addenda[0].at"));
    f = good;
    f.addenda[0].reason.clear();
    EXPECT_TRUE(has_path(progress_note::check(f), "addenda[0].reason"));
    f = test::draft_note_fields();
    f.addenda = good.addenda;
    f.cosigner = sup;
    const auto p = progress_note::check(f);
    EXPECT_TRUE(has_path(p, "addenda"));
    EXPECT_TRUE(has_path(p, "cosigner"));
}

TEST(ProgressNote, LateDocumentationIsDetectable) {
    const auto s = session::create(test::individual_session_fields());  // ends 15:50 on 15 March
    auto f = test::draft_note_fields();
    const auto n = progress_note::create(f);
    EXPECT_EQ(timeliness(n, s, at(2024, 3, 16, 15, 50), 24), documentation_timeliness::pending);
    EXPECT_EQ(timeliness(n, s, at(2024, 3, 16, 15, 51), 24), documentation_timeliness::overdue);
    auto on_limit = n;
    on_limit.sign({ada, at(2024, 3, 16, 15, 50)}, test::full_clinician());
    EXPECT_EQ(timeliness(on_limit, s, at(2024, 4, 1, 0), 24), documentation_timeliness::on_time);
    EXPECT_FALSE(is_late_documentation(on_limit, s, 24));
    auto late = n;
    late.sign({ada, at(2024, 3, 17, 9)}, test::full_clinician());  // 41 h 10 min after the end
    EXPECT_TRUE(is_late_documentation(late, s, 24));
    EXPECT_FALSE(is_late_documentation(late, s, 48));  // N is the caller's policy
    EXPECT_EQ(timeliness(late, s, at(2024, 3, 17, 9), 24), documentation_timeliness::late);
    EXPECT_EQ(timeliness(late, s, at(2024, 3, 17, 9), 72), documentation_timeliness::on_time);
    EXPECT_FALSE(is_late_documentation(n, s, 0));  // unsigned: overdue, not "late"
    // Bad input names the argument.
    EXPECT_EQ(problems_of([&] { (void)is_late_documentation(n, s, -1); }),
              (problem_list{{"late_after_hours", "must not be negative"}}));
    EXPECT_EQ(problems_of([&] { (void)timeliness(n, s, instant(), 24); }),
              (problem_list{{"now", "required"}}));
    const auto other = session::create(test::couple_session_fields());
    EXPECT_EQ(problems_of([&] { (void)timeliness(n, other, at(2024, 3, 17, 9), 24); }),
              (problem_list{{"session", "note n-1 belongs to session s-1, not s-2"}}));
}

TEST(PsychotherapyNote, IsARecordOfItsOwn) {
    EXPECT_TRUE(validate(test::process_note()).empty());
    EXPECT_EQ(validate(psychotherapy_note{}), (problem_list{{"id", "required"},
                                                            {"session", "required"},
                                                            {"episode", "required"},
                                                            {"client", "required"},
                                                            {"author", "required"},
                                                            {"written", "required"},
                                                            {"text", "required"}}));
    // A progress note has no field that could carry it.
    progress_note::fields f;
    std::size_t fields = 0;
    theracore::detail::for_each_field(f, [&](auto field) {
        ++fields;
        EXPECT_EQ(std::string(field.name).find("psychotherapy"), std::string::npos);
    });
    EXPECT_EQ(fields, 10u);
}

TEST(ProgressNote, StoresCanRefuseEditsOfSignedNotes) {
    const auto draft_note = draft();
    auto edited = draft_note;
    edited.set_body(dap_note{"d", "a", "p"});
    EXPECT_NO_THROW(check_note_update(draft_note, edited));  // drafts are editable

    auto awaiting = draft();
    awaiting.sign({ada, at(2024, 3, 15, 18)}, test::full_clinician());
    auto cosigned = awaiting;
    cosigned.cosign({sup, at(2024, 3, 16, 9)});
    EXPECT_NO_THROW(check_note_update(awaiting, cosigned));
    auto amended = cosigned;
    amended.add_addendum({ada, at(2024, 3, 17, 9), "Correction", "Session began 15:05."});
    EXPECT_NO_THROW(check_note_update(cosigned, amended));
    EXPECT_NO_THROW(check_note_update(awaiting, amended));

    // The same note rebuilt with a changed signed section, as a client of a store might send.
    auto f = amended.data();
    std::get<soap_note>(f.body).plan = "Something else";
    try {
        check_note_update(amended, progress_note::create(f));
        FAIL() << "expected conflict";
    } catch (const conflict& c) {
        EXPECT_NE(std::string(c.what()).find("cannot change body"), std::string::npos) << c.what();
    }
    f = amended.data();
    f.addenda.clear();
    EXPECT_THROW(check_note_update(amended, progress_note::create(f)), conflict);
    f = amended.data();
    f.cosignature->at = at(2024, 3, 16, 10);
    EXPECT_THROW(check_note_update(amended, progress_note::create(f)), conflict);
    EXPECT_THROW(check_note_update(amended, draft_note), conflict);  // "unsigning"
    f = amended.data();
    f.id = note_id("n-9");
    EXPECT_THROW(check_note_update(amended, progress_note::create(f)), validation_error);
}
