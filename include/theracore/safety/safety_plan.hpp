// SPDX-License-Identifier: Apache-2.0
/// @file
/// Safety plans in the Stanley–Brown structure (Stanley & Brown, "Safety Planning Intervention",
/// Cogn Behav Pract 2012;19:256–264): warning signs, internal coping strategies, people and
/// social settings for distraction, people to ask for help, professionals and agencies to
/// contact in a crisis, making the environment safe, and reasons for living.
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/people/contact.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

/// A person (or place) the client can turn to, with ways to reach them where they have any.
struct safety_contact {
    std::string name;
    std::optional<std::string> relationship;
    std::vector<contact_point> telecom;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("name", s.name), field("relationship", s.relationship),
                               field("telecom", s.telecom));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const safety_contact& c);

/// What kind of professional help a safety-plan entry is.
enum class support_service_kind { professional, agency, crisis_line, emergency_services };
constexpr auto describe_enum(support_service_kind) {
    using E = support_service_kind;
    return enum_table<E, 4>{"support_service_kind",
                            {{{E::professional, "professional"},
                              {E::agency, "agency"},
                              {E::crisis_line, "crisis_line"},
                              {E::emergency_services, "emergency_services"}}}};
}

/// A professional, agency, crisis line or emergency service, with contact details.
struct support_service {
    support_service_kind kind{support_service_kind::professional};
    std::string name;
    std::optional<std::string> organization;
    std::vector<contact_point> telecom;
    /// When it can be reached, e.g. "24/7" or "weekdays 9–17".
    std::optional<std::string> availability;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("kind", s.kind), field("name", s.name),
                               field("organization", s.organization), field("telecom", s.telecom),
                               field("availability", s.availability));
    }
};

/// Problems of `s`: a name; a crisis line or emergency service needs a way to reach it.
[[nodiscard]] THERACORE_API problem_list validate(const support_service& s);

/// One step making the environment safer (means restriction): what, how, and who helps.
struct means_safety_step {
    std::string means;   ///< e.g. "stockpiled medication"
    std::string action;  ///< e.g. "pharmacist to dispense weekly"
    std::optional<std::string> responsible;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("means", s.means), field("action", s.action),
                               field("responsible", s.responsible));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const means_safety_step& m);

/// One version of a client's safety plan. Every version of a plan shares its `id`; `plan_version`
/// counts from 1 and a revision is a new value (see `revise`), so earlier versions stay readable.
///
/// Rules (`validate`): an id, a plan version ≥ 1, a client and a clinician; a creation date and a
/// review date on or after it; the client's copy not dated before the plan; at least one warning
/// sign (step 1, the plan's trigger); at least one crisis line or emergency service in step 5,
/// so the plan always says where to turn when nothing else works; no empty entries.
struct safety_plan {
    static constexpr const char* schema_name = "theracore.safety_plan";
    static constexpr int schema_version = 1;

    safety_plan_id id;
    /// Counts from 1; "version" is taken on the wire by the record schema version.
    int plan_version = 1;
    client_id client;
    std::optional<episode_id> episode;
    clinician_id clinician;
    date created_on;
    date review_on;
    /// When the client was given their copy of this version.
    std::optional<date> client_copy_given_on;
    std::vector<std::string> warning_signs;                   ///< step 1
    std::vector<std::string> internal_coping_strategies;      ///< step 2
    std::vector<safety_contact> distraction_contacts;         ///< step 3: people
    std::vector<std::string> distraction_settings;            ///< step 3: social settings
    std::vector<safety_contact> help_contacts;                ///< step 4: people to ask for help
    std::vector<support_service> professionals_and_agencies;  ///< step 5
    std::vector<means_safety_step> environment_safety;        ///< step 6: means restriction
    std::vector<std::string> reasons_for_living;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("id", s.id), field("plan_version", s.plan_version),
                               field("client", s.client), field("episode", s.episode),
                               field("clinician", s.clinician), field("created_on", s.created_on),
                               field("review_on", s.review_on),
                               field("client_copy_given_on", s.client_copy_given_on),
                               field("warning_signs", s.warning_signs),
                               field("internal_coping_strategies", s.internal_coping_strategies),
                               field("distraction_contacts", s.distraction_contacts),
                               field("distraction_settings", s.distraction_settings),
                               field("help_contacts", s.help_contacts),
                               field("professionals_and_agencies", s.professionals_and_agencies),
                               field("environment_safety", s.environment_safety),
                               field("reasons_for_living", s.reasons_for_living));
    }
};

/// Every problem of `s` (see `safety_plan`).
[[nodiscard]] THERACORE_API problem_list validate(const safety_plan& s);

/// The next version of `plan`, created on `on` by `by` and due for review on `review_on`: the
/// same id and content, `plan_version + 1`, and no client copy yet (the client needs the new one).
/// @throws validation_error when `on` is before the plan's creation date or the result breaks a
///         rule of `safety_plan`.
[[nodiscard]] THERACORE_API safety_plan revise(const safety_plan& plan, date on, date review_on,
                                               clinician_id by);

/// The safety plan of `client` that is current on `on`, or null. A version is current when it
/// was created on or before `on`, no later version of the same plan was created by then, and
/// its review date has not passed (`on <= review_on`): an unreviewed plan past its review date
/// is not current. When several plans qualify, the most recently created wins.
/// The pointer refers into `plans`.
[[nodiscard]] THERACORE_API const safety_plan* current_safety_plan(
    const std::vector<safety_plan>& plans, const client_id& client, date on) noexcept;

}  // namespace safety
THERACORE_NAMESPACE_END
