// SPDX-License-Identifier: Apache-2.0
#include <theracore/care/care_export.hpp>

#include "detail/care_validation.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace care {

problem_list validate(const care_record_export& x) {
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

care_record_export export_records(const care_episode& e, const std::vector<session>& sessions,
                                  const std::vector<progress_note>& notes,
                                  const std::vector<psychotherapy_note>& psychotherapy_notes,
                                  const export_request& request) {
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

namespace {

void write_body(std::ostringstream& out, const note_body& body) {
    std::visit(
        [&](const auto& b) {
            detail::for_each_field(
                b, [&](auto f) { out << "    " << f.name << ": " << f.ref << "\n"; });
        },
        body);
}

}  // namespace

std::string summarize(const care_record_export& x) {
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
            write_body(out, n.body());
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

}  // namespace care
THERACORE_NAMESPACE_END
