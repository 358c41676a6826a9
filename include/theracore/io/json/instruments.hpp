// SPDX-License-Identifier: Apache-2.0
/// @file
/// JSON for the instrument engine (link `theracore::json`): loading instrument definitions
/// (reporting every problem at once), locale overlays, responses, score results and
/// administrations.
///
/// ```
/// auto phq = theracore::instruments::load_instrument_text(text);   // or load_instrument(json)
/// nlohmann::json j = phq;                                          // the same format back
/// ```
///
/// The definition format is documented in docs/instrument-format.md, with a JSON Schema in
/// docs/instrument.schema.json.
/// Declarations only: the adapters are compiled into the library (src/io/json/instruments.cpp),
/// one pair for each type of `THERACORE_INSTRUMENTS_TYPES` (theracore/io/types.hpp), and for
/// answers and instrument definitions.
#pragma once

#include <string_view>

#include <theracore/instruments.hpp>
#include <theracore/instruments/administration.hpp>
#include <theracore/io/json_api.hpp>
#include <theracore/io/types.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

/// Loads and checks an instrument definition (`{"schema": "theracore.instrument", "version":
/// 1, …}`, see docs/instrument-format.md).
/// @throws validation_error listing every problem at once, each with its path (`scales[0].
/// band_sets[0].bands[2]`): wrong types, unknown or missing keys, and every rule
/// `instrument::create` checks (bands that overlap or leave gaps, unknown items, reverse keying
/// without bounds, missing-data rules that cannot be met, texts the licence forbids, …).
[[nodiscard]] THERACORE_API instrument load_instrument(const nlohmann::json& j);

/// Loads an instrument definition from JSON text.
/// @throws parse_error for text that is not JSON; validation_error as `load_instrument`.
[[nodiscard]] THERACORE_API instrument load_instrument_text(std::string_view text);

/// Loads a locale overlay (`{"tag": "de", "item_texts": {…}, …}`) for `with_locale`.
/// @throws validation_error listing every problem of its shape.
[[nodiscard]] THERACORE_API instrument_locale load_locale(const nlohmann::json& j);

/// An answer is a number, `null` (missing) or a string (kept, and rejected when scored).
THERACORE_JSON_DECLARE(answer)
/// An instrument is its definition; reading it applies `load_instrument`'s checks.
THERACORE_JSON_DECLARE(instrument)
THERACORE_INSTRUMENTS_TYPES(THERACORE_JSON_DECLARE)

}  // namespace instruments

namespace io {
/// A definition read as the wire form of a record: a missing or wrong `"schema"` is a
/// parse_error, as for every record (`load_instrument`, which `j.get<instrument>()` uses,
/// reports every problem as one validation_error instead).
template <>
THERACORE_API instruments::instrument from_json_value<instruments::instrument>(const json& j);

/// The types of `THERACORE_INSTRUMENTS_TYPES`.
using instruments_types = THERACORE_TYPE_LIST(THERACORE_INSTRUMENTS_TYPES,
                                              THERACORE_TYPE_LIST_ITEM_INSTRUMENTS);
}  // namespace io

THERACORE_NAMESPACE_END
