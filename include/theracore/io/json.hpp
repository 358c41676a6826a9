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
/// The wire rules are in `theracore/io/json_core.hpp` and docs/architecture.md.
#pragma once

// One header per area; each registers its types with THERACORE_JSON_ADL.
#include <theracore/io/json/care_records.hpp>
#include <theracore/io/json/instruments.hpp>
#include <theracore/io/json/model.hpp>
#include <theracore/io/json/outcomes.hpp>
#include <theracore/io/json/safety.hpp>
