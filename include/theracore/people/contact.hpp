// SPDX-License-Identifier: Apache-2.0
/// @file
/// Names, contact points, addresses and emergency contacts.
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace people {

/// A person's name. `text` is the full name as the person writes it (any script, any order);
/// `family` and `given` are optional parts for sorting and for systems that need them.
struct human_name {
    std::string text;
    std::optional<std::string> family;
    std::vector<std::string> given;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("text", s.text), detail::field("family", s.family),
                               detail::field("given", s.given));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const human_name& n);

/// How a contact point is reached.
enum class contact_system { phone, sms, email, other };
constexpr auto describe_enum(contact_system) {
    using E = contact_system;
    return enum_table<E, 4>{
        "contact_system",
        {{{E::phone, "phone"}, {E::sms, "sms"}, {E::email, "email"}, {E::other, "other"}}}};
}

/// What a contact point is for.
enum class contact_use { home, work, mobile, temporary, other };
constexpr auto describe_enum(contact_use) {
    using E = contact_use;
    return enum_table<E, 5>{"contact_use",
                            {{{E::home, "home"},
                              {E::work, "work"},
                              {E::mobile, "mobile"},
                              {E::temporary, "temporary"},
                              {E::other, "other"}}}};
}

/// A phone number, e-mail address or other way to reach someone.
struct contact_point {
    contact_system system{contact_system::phone};
    std::string value;
    contact_use use{contact_use::home};

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("system", s.system), detail::field("value", s.value),
                               detail::field("use", s.use));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const contact_point& c);

/// A postal address. Every part is free text; `country` is an ISO 3166 code where known.
struct address {
    std::vector<std::string> lines;
    std::string city;
    std::string region;
    std::string postal_code;
    std::string country;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("lines", s.lines), detail::field("city", s.city),
                               detail::field("region", s.region),
                               detail::field("postal_code", s.postal_code),
                               detail::field("country", s.country));
    }
};

[[nodiscard]] inline problem_list validate(const address&) {
    return {};
}

/// Someone to contact in an emergency.
struct emergency_contact {
    std::string name;
    std::string relationship;
    std::vector<contact_point> telecom;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("name", s.name),
                               detail::field("relationship", s.relationship),
                               detail::field("telecom", s.telecom));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const emergency_contact& c);

}  // namespace people
THERACORE_NAMESPACE_END
