// SPDX-License-Identifier: Apache-2.0
/// @file
/// Opt-in JSON adapters (nlohmann/json) for the core model; link `theracore::json`.
///
/// ```
/// nlohmann::json j = client;                         // or theracore::io::to_json_string(client)
/// auto c = j.get<theracore::client>();               // throws parse_error / validation_error
/// auto e = theracore::io::from_json_string<theracore::care_episode>(text);
/// ```
///
/// The adapters of every type of the registration lists (`theracore/io/types.hpp`) are
/// compiled into the library; the wire rules are in `theracore/io/json_core.hpp`, the generic
/// walker they are built from, which an integrator includes for types of their own.
#pragma once

// One header per area; each declares the adapters of its registration list.
#include <theracore/io/json/care.hpp>
#include <theracore/io/json/instruments.hpp>
#include <theracore/io/json/outcomes.hpp>
#include <theracore/io/json/people.hpp>
#include <theracore/io/json/safety.hpp>

THERACORE_NAMESPACE_BEGIN
namespace io {
/// Every type with compiled JSON adapters.
using json_types =
    concat_t<people_types, care_types, safety_types, instruments_types, outcomes_types>;
}  // namespace io
THERACORE_NAMESPACE_END
