// SPDX-License-Identifier: Apache-2.0
/// @file
/// The intake assessment: what the client brings at the start of an episode, as recorded.
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/id.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace people {

/// An intake record. Medications are free text as the client reports them: TheraCore never
/// validates, interprets or reconciles them as prescriptions.
struct intake {
    static constexpr const char* schema_name = "theracore.intake";
    static constexpr int schema_version = 1;

    intake_id id;
    client_id client;
    episode_id episode;
    clinician_id clinician;
    date recorded_on;
    std::string presenting_concerns;
    std::optional<std::string> mental_health_history;
    std::optional<std::string> prior_treatment;
    std::vector<std::string> current_medications;
    std::optional<std::string> substance_use;
    /// Whether the client reports a history of trauma; empty when not asked.
    std::optional<bool> trauma_history;
    std::vector<std::string> current_symptoms;
    /// The client's goals, in the client's own words.
    std::vector<std::string> goals_in_own_words;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(
            field("id", s.id), field("client", s.client), field("episode", s.episode),
            field("clinician", s.clinician), field("recorded_on", s.recorded_on),
            field("presenting_concerns", s.presenting_concerns),
            field("mental_health_history", s.mental_health_history),
            field("prior_treatment", s.prior_treatment),
            field("current_medications", s.current_medications),
            field("substance_use", s.substance_use), field("trauma_history", s.trauma_history),
            field("current_symptoms", s.current_symptoms),
            field("goals_in_own_words", s.goals_in_own_words));
    }
};

/// Every problem of `i`.
[[nodiscard]] THERACORE_API problem_list validate(const intake& i);

}  // namespace people
THERACORE_NAMESPACE_END
