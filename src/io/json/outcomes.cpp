// SPDX-License-Identifier: Apache-2.0
/// @file
/// The compiled JSON adapters of `THERACORE_OUTCOMES_TYPES` and of `observation_time`.

#include <optional>
#include <string>

#include <theracore/io/json/outcomes.hpp>
#include <theracore/io/json_core.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

void to_json(nlohmann::json& j, const observation_time& t) {
    if (t.is_set()) {
        j = t.iso8601();
    } else {
        j = nullptr;  // validate() reports it; reading null back fails loudly
    }
}

void from_json(const nlohmann::json& j, observation_time& t) {
    const auto v = j.is_string() ? observation_time::parse(j.get<std::string>()) : std::nullopt;
    if (!v) {
        throw parse_error("", "expected YYYY-MM-DD or an ISO-8601 date-time with a zone, got " +
                                  io::detail::kind_of(j));
    }
    t = *v;
}

THERACORE_OUTCOMES_TYPES(THERACORE_JSON_DEFINE)

}  // namespace outcomes
THERACORE_NAMESPACE_END
