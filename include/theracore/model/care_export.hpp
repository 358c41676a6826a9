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

#include <theracore/detail/care_validation.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/model/dyadic.hpp>
#include <theracore/model/enum.hpp>
#include <theracore/model/episode.hpp>
#include <theracore/model/progress_note.hpp>
#include <theracore/model/session.hpp>

THERACORE_NAMESPACE_BEGIN

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
[[nodiscard]] inline problem_list validate(const care_record_export& x) {
    problem_list p;
    detail::require_nonempty(p, "episode", x.episode);
    detail::validate_each(p, "sessions", x.sessions);
    detail::validate_each(p, "progress_notes", x.progress_notes);
    detail::validate_each(p, "psychotherapy_notes", x.psychotherapy_notes);
    const auto has_session = [&](const session_id& id) {
        return std::any_of(x.sessions.begin(), x.sessions.end(),
                           [&](const session& s) { return s.id() == id; });
    };
    for (std::size_t i = 0; i < x.sessions.size(); ++i) {
        if (x.sessions[i].episode() != x.episode) {
            p.push_back(
                {detail::indexed("sessions", i) + ".episode", "is not episode " + x.episode.str()});
        }
    }
    for (std::size_t i = 0; i < x.progress_notes.size(); ++i) {
        if (!has_session(x.progress_notes[i].session())) {
            p.push_back({detail::indexed("progress_notes", i) + ".session",
                         "session " + x.progress_notes[i].session().str() + " is not exported"});
        }
    }
    if (!x.includes_psychotherapy_notes && !x.psychotherapy_notes.empty()) {
        p.push_back({"psychotherapy_notes",
                     "psychotherapy notes are exported only when explicitly requested"});
    }
    for (std::size_t i = 0; i < x.psychotherapy_notes.size(); ++i) {
        const auto& n = x.psychotherapy_notes[i];
        if (!has_session(n.session)) {
            p.push_back({detail::indexed("psychotherapy_notes", i) + ".session",
                         "session " + n.session.str() + " is not exported"});
        }
        if (x.for_client && n.client != *x.for_client) {
            p.push_back({detail::indexed("psychotherapy_notes", i) + ".client",
                         "an export for " + x.for_client->str() +
                             " holds only psychotherapy notes about them"});
        }
    }
    return p;
}

/// The records of episode `e` selected by `request` from `sessions`, `notes` and
/// `psychotherapy_notes` (records of other episodes are ignored). Psychotherapy notes are
/// included only when `request.psychotherapy_notes` is `include`. Thread-safe (pure).
/// @throws validation_error when `request.for_client` is not a participant of `e`.
[[nodiscard]] inline care_record_export export_records(
    const care_episode& e, const std::vector<session>& sessions,
    const std::vector<progress_note>& notes,
    const std::vector<psychotherapy_note>& psychotherapy_notes, const export_request& request) {
    if (request.for_client && !e.includes(*request.for_client)) {
        throw validation_error(
            "invalid export request",
            {{"for_client",
              request.for_client->str() + " is not a participant of episode " + e.id().str()}});
    }
    care_record_export x;
    x.episode = e.id();
    x.for_client = request.for_client;
    x.includes_psychotherapy_notes =
        request.psychotherapy_notes == psychotherapy_note_policy::include;
    for (const auto& s : sessions) {
        if (s.episode() == e.id() &&
            (!request.for_client || visible_to(s, e, *request.for_client))) {
            x.sessions.push_back(s);
        }
    }
    std::stable_sort(x.sessions.begin(), x.sessions.end(),
                     [](const session& a, const session& b) { return a.start() < b.start(); });
    const auto exported = [&](const session_id& id) {
        return std::any_of(x.sessions.begin(), x.sessions.end(),
                           [&](const session& s) { return s.id() == id; });
    };
    for (const auto& s : x.sessions) {
        for (const auto& n : notes) {
            if (n.session() == s.id() &&
                (request.include_unsigned || n.status() == note_status::signed_off)) {
                x.progress_notes.push_back(n);
            }
        }
    }
    if (x.includes_psychotherapy_notes) {
        for (const auto& n : psychotherapy_notes) {
            if (exported(n.session) && (!request.for_client || n.client == *request.for_client)) {
                x.psychotherapy_notes.push_back(n);
            }
        }
    }
    return x;
}

namespace detail {
inline void write_body(std::ostringstream& out, const note_body& body) {
    std::visit(
        [&](const auto& b) {
            for_each_field(b, [&](auto f) { out << "    " << f.name << ": " << f.ref << "\n"; });
        },
        body);
}
}  // namespace detail

/// A plain-text summary of an export, session by session: type, setting, duration, risk
/// review, then each note with its status, sections and addenda. Psychotherapy notes appear
/// only if the export holds them, which requires an explicit request. Thread-safe (pure).
[[nodiscard]] inline std::string summarize(const care_record_export& x) {
    std::ostringstream out;
    out << "Episode " << x.episode;
    if (x.for_client) {
        out << ", records visible to client " << *x.for_client;
    }
    out << " (psychotherapy notes "
        << (x.includes_psychotherapy_notes ? "included on request" : "excluded") << ")\n";
    for (const auto& s : x.sessions) {
        const auto& d = s.data();
        out << "\n"
            << to_iso8601(d.start) << " " << to_string(d.type) << " session ("
            << to_string(d.setting) << ", " << d.duration_minutes
            << " min), risk reviewed: " << (d.risk_reviewed ? "yes" : "no") << "\n";
        for (const auto& n : x.progress_notes) {
            if (n.session() != s.id()) {
                continue;
            }
            out << "  Progress note " << n.id() << " by " << n.author() << " ["
                << to_string(n.status());
            if (n.signature()) {
                out << ", signed " << to_iso8601(n.signature()->at);
            }
            if (n.cosignature()) {
                out << ", co-signed by " << n.cosignature()->by << " "
                    << to_iso8601(n.cosignature()->at);
            }
            out << "]\n";
            detail::write_body(out, n.body());
            for (const auto& a : n.addenda()) {
                out << "  Addendum " << to_iso8601(a.at) << " by " << a.author << " (" << a.reason
                    << "): " << a.text << "\n";
            }
        }
        for (const auto& n : x.psychotherapy_notes) {
            if (n.session == s.id()) {
                out << "  Psychotherapy note " << n.id << " by " << n.author << ": " << n.text
                    << "\n";
            }
        }
    }
    return out.str();
}

THERACORE_NAMESPACE_END
