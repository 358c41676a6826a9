// SPDX-License-Identifier: Apache-2.0
/// @file
/// Exports and plain-text summaries of an episode's sessions and notes. Psychotherapy
/// (process) notes are left out unless the request explicitly includes them, and an export
/// made for one client holds only what that client may see (see `visible_to`).
#pragma once

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include <theracore/care/dyadic.hpp>
#include <theracore/care/progress_note.hpp>
#include <theracore/care/session.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/people/episode.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace care {

/// Whether psychotherapy (process) notes go into an export. There is deliberately no default
/// other than `exclude`: including them is always an explicit choice.
enum class psychotherapy_note_policy { exclude, include };
constexpr auto describe_enum(psychotherapy_note_policy) {
    using E = psychotherapy_note_policy;
    return enum_table<E, 2>{"psychotherapy_note_policy",
                            {{{E::exclude, "exclude"}, {E::include, "include"}}}};
}

/// What to export.
struct export_request {
    /// Export only what this client may see (an individual session of their partner is left
    /// out, see `visible_to`) and only psychotherapy notes about them. Empty: the whole
    /// episode, for the clinical record.
    std::optional<client_id> for_client;
    psychotherapy_note_policy psychotherapy_notes{psychotherapy_note_policy::exclude};
    /// Also export notes not yet signed off (drafts, notes awaiting co-signature).
    bool include_unsigned = false;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("for_client", s.for_client),
                               field("psychotherapy_notes", s.psychotherapy_notes),
                               field("include_unsigned", s.include_unsigned));
    }
};

/// An episode's records as exported: sessions in time order, their progress notes, and
/// psychotherapy notes only when they were explicitly requested.
struct care_record_export {
    static constexpr const char* schema_name = "theracore.care_record_export";
    static constexpr int schema_version = 1;

    episode_id episode;
    std::optional<client_id> for_client;
    /// True only when psychotherapy notes were explicitly requested; a recipient can tell
    /// that an export without them is complete by design.
    bool includes_psychotherapy_notes = false;
    std::vector<session> sessions;
    std::vector<progress_note> progress_notes;
    std::vector<psychotherapy_note> psychotherapy_notes;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(
            field("episode", s.episode), field("for_client", s.for_client),
            field("includes_psychotherapy_notes", s.includes_psychotherapy_notes),
            field("sessions", s.sessions), field("progress_notes", s.progress_notes),
            field("psychotherapy_notes", s.psychotherapy_notes));
    }
};

/// Every problem of `x`: sessions of its episode only, notes of its sessions only, and no
/// psychotherapy notes unless `includes_psychotherapy_notes` (and, for a client's export, only
/// notes about that client).
[[nodiscard]] THERACORE_API problem_list validate(const care_record_export& x);

/// The records of episode `e` selected by `request` from `sessions`, `notes` and
/// `psychotherapy_notes` (records of other episodes are ignored). Psychotherapy notes are
/// included only when `request.psychotherapy_notes` is `include`. Thread-safe (pure).
/// @throws validation_error when `request.for_client` is not a participant of `e`.
[[nodiscard]] THERACORE_API care_record_export export_records(
    const care_episode& e, const std::vector<session>& sessions,
    const std::vector<progress_note>& notes,
    const std::vector<psychotherapy_note>& psychotherapy_notes, const export_request& request);

/// A plain-text summary of an export, session by session: type, setting, duration, risk
/// review, then each note with its status, sections and addenda. Psychotherapy notes appear
/// only if the export holds them, which requires an explicit request. Thread-safe (pure).
[[nodiscard]] THERACORE_API std::string summarize(const care_record_export& x);

}  // namespace care
THERACORE_NAMESPACE_END
