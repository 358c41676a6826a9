// SPDX-License-Identifier: Apache-2.0
/// @file
/// An administration: one completion of an instrument by a client, with the raw answers and
/// the score they gave. Storage keeps it; outcomes builds trajectories from a client's
/// administrations.
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include <theracore/coded_concept.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/id.hpp>
#include <theracore/instruments/instrument.hpp>
#include <theracore/instruments/responses.hpp>
#include <theracore/instruments/score.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

/// A clinical record of one administration. The score is kept beside the answers it came
/// from, with the definition's id and version, so it can be re-scored when a definition
/// changes. The norm group used, if any, is `result.norm_group`.
struct administration {
    static constexpr const char* schema_name = "theracore.administration";
    static constexpr int schema_version = 1;

    administration_id id;
    client_id client;
    std::optional<episode_id> episode;
    /// Instrument id and definition version (as `result.provenance`).
    std::string instrument;
    std::string instrument_version;
    instant administered_at;
    /// The clinician who administered it; empty for self-report outside a session.
    std::optional<clinician_id> administered_by;
    /// The BCP-47 language the form was given in.
    std::optional<coded_concept> locale;
    /// The answers as recorded (before reverse keying).
    instruments::responses responses;
    instruments::score_result result;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("id", s.id), field("client", s.client), field("episode", s.episode),
            field("instrument", s.instrument), field("instrument_version", s.instrument_version),
            field("administered_at", s.administered_at),
            field("administered_by", s.administered_by), field("locale", s.locale),
            field("responses", s.responses), field("result", s.result));
    }
};

/// Every problem of `a`: missing ids or time, a result from another instrument or version, a
/// locale that is not a BCP-47 language.
[[nodiscard]] THERACORE_API problem_list validate(const administration& a);

/// Scores `answers` with `inst` and returns the administration record (episode, clinician and
/// locale are left for the caller to set).
/// @throws validation_error as `instruments::score`.
[[nodiscard]] THERACORE_API administration
administer(const instruments::instrument& inst, administration_id id, client_id client,
           instant administered_at, instruments::responses answers,
           const instruments::score_options& options = {});

}  // namespace instruments
THERACORE_NAMESPACE_END
