// SPDX-License-Identifier: Apache-2.0
/// @file
/// A concept from an open terminology (ICD-10, DSM-5, LOINC, SNOMED CT, BCP-47 languages).
/// Open terminologies are never enums: new codes appear every year.
#pragma once

#include <string>
#include <tuple>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>

THERACORE_NAMESPACE_BEGIN

/// Well-known code system URIs (the FHIR spellings).
namespace code_systems {
inline constexpr const char* icd10 = "http://hl7.org/fhir/sid/icd-10";
inline constexpr const char* icd10_cm = "http://hl7.org/fhir/sid/icd-10-cm";
inline constexpr const char* dsm5 = "urn:theracore:dsm-5";
inline constexpr const char* loinc = "http://loinc.org";
inline constexpr const char* snomed_ct = "http://snomed.info/sct";
inline constexpr const char* bcp47 = "urn:ietf:bcp:47";
/// TheraCore's own code system for the built-in intervention modalities (`cbt`, `dbt`, …).
inline constexpr const char* theracore_interventions = "urn:theracore:intervention";
inline constexpr const char* administrative_gender = "http://hl7.org/fhir/administrative-gender";
}  // namespace code_systems

/// `{system, code, display}`. `display` is for people; `system` + `code` identify the concept.
struct coded_concept {
    std::string system;
    std::string code;
    std::string display;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("system", s.system), detail::field("code", s.code),
                               detail::field("display", s.display));
    }
};

/// A BCP-47 language concept, e.g. `language("es-MX", "Spanish (Mexico)")`.
[[nodiscard]] inline coded_concept language(std::string tag, std::string display = {}) {
    return coded_concept{code_systems::bcp47, std::move(tag), std::move(display)};
}

/// Problems of `c` (system and code are required); paths are relative to `c`.
[[nodiscard]] THERACORE_API problem_list validate(const coded_concept& c);

THERACORE_NAMESPACE_END
