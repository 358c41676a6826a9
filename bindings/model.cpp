// SPDX-License-Identifier: Apache-2.0
#include "common.hpp"

#include <theracore/people.hpp>

namespace theracore::python {

void bind_model(py::module_& m) {
    bind_enum<contact_system>(m, "ContactSystem", "How a contact point is reached.");
    bind_enum<contact_use>(m, "ContactUse", "What a contact point is for.");
    bind_enum<episode_kind>(m, "EpisodeKind", "Who is seen together in an episode.");
    bind_enum<participant_role>(m, "ParticipantRole", "A participant's role in an episode.");
    bind_enum<episode_status>(m, "EpisodeStatus", "Where an episode is in its lifecycle.");

    bind_struct<coded_concept>(m, "CodedConcept",
                               "A concept from an open terminology: system, code, display.");
    bind_struct<human_name>(m, "HumanName", "A person's name: full text plus optional parts.");
    bind_struct<contact_point>(m, "ContactPoint", "A phone number, e-mail address or similar.");
    bind_struct<address>(m, "Address", "A postal address.");
    bind_struct<emergency_contact>(m, "EmergencyContact", "Someone to contact in an emergency.");
    bind_struct<cultural_profile>(m, "CulturalProfile",
                                  "The client's account of their culture (DSM-5 CFI domains).");
    bind_struct<client>(m, "Client", "A client: the person receiving care.")
        .def(
            "validate", [](const client& c) { return problems(validate(c)); },
            "Every problem as (path, message) pairs; empty when valid.");
    bind_validated<licence>(m, "Licence", "A professional licence; expires after it is issued.")
        .def("is_current", &licence::is_current, py::arg("on"));
    bind_struct<clinician>(m, "Clinician", "A clinician with credentials, licences and scope.")
        .def("validate", [](const clinician& c) { return problems(validate(c)); })
        .def("has_scope", &has_scope, py::arg("tag"));
    bind_struct<participant>(m, "Participant", "A client taking part in an episode, in a role.");
    bind_struct<presenting_problem>(
        m, "PresentingProblem", "A presenting problem with an optional clinician-entered code.");
    bind_struct<status_change>(m, "StatusChange", "One recorded episode status change.");
    bind_validated<care_episode>(m, "CareEpisode", "A course of care with a checked lifecycle.")
        .def("transition", &care_episode::transition, py::arg("to"), py::arg("on"),
             py::arg("reason") = py::none(),
             "Moves to another status. Raises ConflictError for a move the lifecycle forbids.")
        .def("add_participant", &care_episode::add_participant, py::arg("participant"))
        .def("includes", &care_episode::includes, py::arg("client"));
    bind_struct<intake>(m, "Intake", "The intake assessment as recorded.")
        .def("validate", [](const intake& i) { return problems(validate(i)); });

    m.def("episode_transition_allowed", &episode_transition_allowed, py::arg("from_"),
          py::arg("to"));
    m.def("language", &language, py::arg("tag"), py::arg("display") = "",
          "A BCP-47 language as a CodedConcept.");
}

}  // namespace theracore::python
