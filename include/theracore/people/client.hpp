// SPDX-License-Identifier: Apache-2.0
/// @file
/// The client: the person receiving care.
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <theracore/coded_concept.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/id.hpp>
#include <theracore/people/contact.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace people {

/// The client's own account of their culture, following the domains of the DSM-5 Cultural
/// Formulation Interview (APA 2013). Each domain is free text in the client's words; an empty
/// optional means "not yet explored", which is different from an empty answer.
struct cultural_profile {
    /// Cultural identity: background, heritage, language, community, and what matters most.
    std::optional<std::string> cultural_identity;
    /// Cultural definition and explanation of the problem (how the client and their community
    /// name and understand it, its causes).
    std::optional<std::string> explanation_of_problem;
    /// Cultural perceptions of stressors, supports and resilience.
    std::optional<std::string> stressors_and_supports;
    /// Cultural factors affecting self-coping and past and present help-seeking.
    std::optional<std::string> help_seeking;
    /// Cultural features of the relationship between the client and the clinician.
    std::optional<std::string> clinician_relationship;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("cultural_identity", s.cultural_identity),
                               detail::field("explanation_of_problem", s.explanation_of_problem),
                               detail::field("stressors_and_supports", s.stressors_and_supports),
                               detail::field("help_seeking", s.help_seeking),
                               detail::field("clinician_relationship", s.clinician_relationship));
    }
};

[[nodiscard]] inline problem_list validate(const cultural_profile&) {
    return {};
}

/// A client. Sex at birth and gender identity are separate, optional coded concepts: never
/// inferred from each other or from a name.
struct client {
    static constexpr const char* schema_name = "theracore.client";
    static constexpr int schema_version = 1;

    client_id id;
    human_name legal_name;
    std::optional<std::string> preferred_name;
    std::optional<std::string> pronouns;
    std::optional<date> date_of_birth;
    std::optional<coded_concept> sex_at_birth;
    std::optional<coded_concept> gender_identity;
    std::vector<contact_point> telecom;
    std::optional<address> home_address;
    std::vector<emergency_contact> emergency_contacts;
    /// BCP-47 language, e.g. `language("es")`. Drives which instrument locale is offered.
    std::optional<coded_concept> preferred_language;
    bool interpreter_needed = false;
    cultural_profile culture;
    std::optional<std::string> religion_spirituality;
    std::string notes;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(
            field("id", s.id), field("legal_name", s.legal_name),
            field("preferred_name", s.preferred_name), field("pronouns", s.pronouns),
            field("date_of_birth", s.date_of_birth), field("sex_at_birth", s.sex_at_birth),
            field("gender_identity", s.gender_identity), field("telecom", s.telecom),
            field("home_address", s.home_address),
            field("emergency_contacts", s.emergency_contacts),
            field("preferred_language", s.preferred_language),
            field("interpreter_needed", s.interpreter_needed), field("culture", s.culture),
            field("religion_spirituality", s.religion_spirituality), field("notes", s.notes));
    }
};

/// Every problem of `c`: a missing id or legal name, an impossible date of birth, incomplete
/// coded concepts or contacts. Paths are relative to the client (`legal_name.text`).
[[nodiscard]] THERACORE_API problem_list validate(const client& c);

/// The name to use when addressing the client: the preferred name when given.
[[nodiscard]] inline const std::string& display_name(const client& c) noexcept {
    return c.preferred_name && !c.preferred_name->empty() ? *c.preferred_name : c.legal_name.text;
}

}  // namespace people
THERACORE_NAMESPACE_END
