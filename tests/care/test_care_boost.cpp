// SPDX-License-Identifier: Apache-2.0
#include <sstream>

#include <gtest/gtest.h>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <theracore/io/boost_serialization.hpp>

#include "support/care_builders.hpp"

using namespace theracore;
using boost::serialization::make_nvp;

namespace {

template <class OArchive, class IArchive, class T>
T round_trip(const T& value) {
    std::stringstream ss;
    {
        OArchive oa(ss);
        oa << make_nvp("value", value);
    }
    T back{};
    {
        IArchive ia(ss);
        ia >> make_nvp("value", back);
    }
    return back;
}

template <class T>
void expect_round_trip_all_archives(const T& value) {
    using namespace boost::archive;
    EXPECT_EQ((round_trip<text_oarchive, text_iarchive>(value)), value);
    EXPECT_EQ((round_trip<xml_oarchive, xml_iarchive>(value)), value);
    EXPECT_EQ((round_trip<binary_oarchive, binary_iarchive>(value)), value);
}

template <class T>
std::string xml_of(const T& value) {
    std::stringstream ss;
    {
        boost::archive::xml_oarchive oa(ss);
        oa << make_nvp("value", value);
    }
    return ss.str();
}

}  // namespace

TEST(CareRecordsBoost, EveryTypeRoundTripsThroughTextXmlAndBinary) {
    const auto plan = test::revised_plan();
    expect_round_trip_all_archives(plan);
    expect_round_trip_all_archives(plan.current());
    expect_round_trip_all_archives(plan.goal(goal_id("g-mood")));
    expect_round_trip_all_archives(*plan.goal(goal_id("g-mood")).measure);
    expect_round_trip_all_archives(plan.goal(goal_id("g-mood")).objectives[0]);
    expect_round_trip_all_archives(plan.goal(goal_id("g-mood")).interventions[0]);
    expect_round_trip_all_archives(plan.goal(goal_id("g-mood")).history[0]);
    expect_round_trip_all_archives(*plan.goal(goal_id("g-sleep")).gas);
    expect_round_trip_all_archives(plan.goal(goal_id("g-sleep")).gas->ratings[0]);
    expect_round_trip_all_archives(plan.current().problems[0]);
    expect_round_trip_all_archives(plan.current().agreements[0]);
    expect_round_trip_all_archives(evaluate_measure_goal(
        plan.goal(goal_id("g-mood")), test::couple_observations(), date(2024, 4, 1)));
    expect_round_trip_all_archives(intervention_catalog::builtin());
    expect_round_trip_all_archives(intervention_catalog::builtin().modalities()[0]);
    expect_round_trip_all_archives(session::create(test::individual_session_fields()));
    expect_round_trip_all_archives(session::create(test::couple_session_fields()));
    expect_round_trip_all_archives(test::couple_session_fields().attendees[2]);
    expect_round_trip_all_archives(test::signed_note_with_addendum());
    expect_round_trip_all_archives(progress_note::create(test::couple_note_fields()));
    auto dap = test::draft_note_fields();
    dap.body = dap_note{"Data", "Assessment", "Plan"};
    expect_round_trip_all_archives(progress_note::create(dap));
    expect_round_trip_all_archives(*test::signed_note_with_addendum().signature());
    expect_round_trip_all_archives(test::signed_note_with_addendum().addenda()[0]);
    expect_round_trip_all_archives(soap_note{"s", "o", "a", "p"});
    expect_round_trip_all_archives(dap_note{"d", "a", "p"});
    expect_round_trip_all_archives(birp_note{"b", "i", "r", "p"});
    expect_round_trip_all_archives(test::process_note());
    const auto h = homework_assignment::create(test::assignment_fields());
    expect_round_trip_all_archives(h);
    expect_round_trip_all_archives(h.log()[1]);
    expect_round_trip_all_archives(h.adherence(date(2024, 3, 15), date(2024, 3, 22)));
    const auto d = behaviour_diary::create(test::diary_fields());
    expect_round_trip_all_archives(d);
    expect_round_trip_all_archives(d.targets()[1]);
    expect_round_trip_all_archives(d.entries()[0]);
    expect_round_trip_all_archives(
        d.weekly_summaries(behaviour_id("b-drink"), date(2024, 3, 18), date(2024, 3, 24))[0]);
    expect_round_trip_all_archives(d.trend(behaviour_id("b-drink"), date(2024, 3, 18),
                                           date(2024, 3, 31), trend_metric::action_rate));
    expect_round_trip_all_archives(test::couple_observations()[0]);
    expect_round_trip_all_archives(
        dyadic("csi16", client_id("c-zoe"), client_id("c-lee"), test::couple_observations(), 3));
    expect_round_trip_all_archives(side_by_side("csi16", {client_id("c-zoe"), client_id("c-lee")},
                                                test::couple_observations()));
    expect_round_trip_all_archives(
        export_request{client_id("c-zoe"), psychotherapy_note_policy::include, false});
    export_request req;
    req.psychotherapy_notes = psychotherapy_note_policy::include;
    expect_round_trip_all_archives(
        export_records(care_episode::create(test::couple_episode_fields()),
                       {session::create(test::individual_session_fields())},
                       {test::signed_note_with_addendum()}, {test::process_note()}, req));
}

TEST(CareRecordsBoost, XmlUsesTheWireNames) {
    const auto xml = xml_of(test::signed_note_with_addendum());
    for (const char* tag : {"<cosignature", "<addenda", "<subjective", "<reason"}) {
        EXPECT_NE(xml.find(tag), std::string::npos) << tag;
    }
    EXPECT_NE(xml_of(test::revised_plan()).find("<much_less_than_expected"), std::string::npos);
}

namespace {
// Lays out an archive exactly as progress_note does, from fields that break its invariants,
// as a tampered archive would.
struct note_shadow {
    progress_note::fields f;
    template <class Archive>
    void serialize(Archive& ar, const unsigned int /*version*/) {
        ar& make_nvp("fields", f);
    }
};
}  // namespace
BOOST_CLASS_VERSION(note_shadow, 1)

TEST(CareRecordsBoost, LoadingASignedNoteRechecksItsInvariants) {
    note_shadow shadow{test::signed_note_with_addendum().data()};
    const auto write = [&] {
        std::stringstream ss;
        {
            boost::archive::text_oarchive oa(ss);
            oa << make_nvp("value", shadow);
        }
        return ss.str();
    };
    {
        std::stringstream in(write());
        boost::archive::text_iarchive ia(in);
        progress_note n;
        ia >> make_nvp("value", n);
        EXPECT_EQ(n, test::signed_note_with_addendum());
    }
    // Someone rewrote the signed text in the archive and dropped the co-signer.
    std::get<soap_note>(shadow.f.body).assessment.clear();
    shadow.f.cosigner.reset();
    std::stringstream in(write());
    boost::archive::text_iarchive ia(in);
    progress_note n;
    try {
        ia >> make_nvp("value", n);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_TRUE(test::has_path(e.problems(), "body.soap.assessment"));
        EXPECT_TRUE(test::has_path(e.problems(), "cosignature"));
    }
}
