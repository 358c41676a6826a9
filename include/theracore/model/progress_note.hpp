// SPDX-License-Identifier: Apache-2.0
/// @file
/// Progress notes (SOAP, DAP or BIRP) with signing, supervisor co-signing and addenda, the
/// separate psychotherapy (process) note, and late-documentation checks.
///
/// Lifecycle of a progress note:
///
/// ```
/// draft --sign(author)--> signed_off                  (author needs no supervision)
/// draft --sign(author)--> awaiting_cosignature --cosign(supervisor)--> signed_off
/// ```
///
/// A draft is edited freely. From the author's signature on, the note is immutable: any change
/// is an addendum (author, time, reason, text); `set_body` on a signed note throws `conflict`.
///
/// Extra signing rules. `sign` and `can_sign` take a list of `signing_precondition`s, each a
/// function that returns the problems that stop the note from being signed (an empty list
/// means "no objection"). This is how rules owned by other areas are applied without changing
/// this type, e.g. "a note for a client with an open high-risk flag cannot be signed until the
/// session records a risk review and a current safety plan exists": the caller wraps that
/// predicate as a precondition and passes it to every `sign` call (or a higher-level
/// `sign_note` function of the application does).
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <theracore/detail/care_validation.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/model/clinician.hpp>
#include <theracore/model/enum.hpp>
#include <theracore/model/id.hpp>
#include <theracore/model/session.hpp>
#include <theracore/model/time.hpp>

THERACORE_NAMESPACE_BEGIN

/// Subjective, Objective, Assessment, Plan.
struct soap_note {
    static constexpr const char* variant_tag = "soap";
    std::string subjective;
    std::string objective;
    std::string assessment;
    std::string plan;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("subjective", s.subjective), field("objective", s.objective),
                               field("assessment", s.assessment), field("plan", s.plan));
    }
};

/// Data, Assessment, Plan.
struct dap_note {
    static constexpr const char* variant_tag = "dap";
    std::string data;
    std::string assessment;
    std::string plan;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("data", s.data), field("assessment", s.assessment),
                               field("plan", s.plan));
    }
};

/// Behaviour, Intervention, Response, Plan.
struct birp_note {
    static constexpr const char* variant_tag = "birp";
    std::string behaviour;
    std::string intervention;
    std::string response;
    std::string plan;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("behaviour", s.behaviour),
                               field("intervention", s.intervention), field("response", s.response),
                               field("plan", s.plan));
    }
};

/// The structured content of a progress note: one of the three common formats.
using note_body = std::variant<soap_note, dap_note, birp_note>;

/// The sections of `body` that are still empty, as problems with paths such as
/// `body.soap.assessment`. A draft may have empty sections; a signed note may not.
[[nodiscard]] inline problem_list missing_sections(const note_body& body) {
    problem_list p;
    std::visit(
        [&](const auto& b) {
            using B = std::decay_t<decltype(b)>;
            detail::for_each_field(b, [&](auto f) {
                if (f.ref.empty()) {
                    p.push_back({std::string("body.") + B::variant_tag + "." + f.name,
                                 "required before signing"});
                }
            });
        },
        body);
    return p;
}

/// Who signed and when.
struct note_signature {
    clinician_id by;
    instant at;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("by", s.by), detail::field("at", s.at));
    }
};

[[nodiscard]] inline problem_list validate(const note_signature& s) {
    problem_list p;
    detail::require_nonempty(p, "by", s.by);
    detail::require_instant(p, "at", s.at);
    return p;
}

/// A change to a signed note: who, when, why and what.
struct note_addendum {
    clinician_id author;
    instant at;
    std::string reason;
    std::string text;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("author", s.author), field("at", s.at),
                               field("reason", s.reason), field("text", s.text));
    }
};

[[nodiscard]] inline problem_list validate(const note_addendum& a) {
    problem_list p;
    detail::require_nonempty(p, "author", a.author);
    detail::require_instant(p, "at", a.at);
    detail::require_nonempty(p, "reason", a.reason);
    detail::require_nonempty(p, "text", a.text);
    return p;
}

/// Where a progress note is in its lifecycle (derived from its signatures). `signed_off`: signed
/// by the author and, where required, co-signed.
enum class note_status { draft, awaiting_cosignature, signed_off };
constexpr auto describe_enum(note_status) {
    using E = note_status;
    return enum_table<E, 3>{"note_status",
                            {{{E::draft, "draft"},
                              {E::awaiting_cosignature, "awaiting_cosignature"},
                              {E::signed_off, "signed_off"}}}};
}

class progress_note;

/// An extra rule checked when a note is signed: returns the problems that stop `note` from
/// being signed with `signature` (empty: no objection). Must not throw for ordinary findings.
using signing_precondition =
    std::function<problem_list(const progress_note& note, const note_signature& signature)>;

/// A progress note. Invariants (checked by `create`, kept by every operation):
/// - an id, a session, an episode, an author and a creation time;
/// - a signature is the author's, not before creation, and only on a note with every section
///   filled in;
/// - a required co-signer exists only on a signed note and is not the author; a co-signature
///   is that co-signer's and not before the signature;
/// - addenda exist only on a signed note, are complete, and are in time order from the
///   signature on.
///
/// Thread-safety: const members may be called concurrently; modifying calls need exclusive
/// access. Preconditions are called on the calling thread.
class progress_note {
  public:
    static constexpr const char* schema_name = "theracore.progress_note";
    static constexpr int schema_version = 1;

    /// The plain data of a note; `progress_note::create` checks it.
    struct fields {
        note_id id;
        session_id session;
        episode_id episode;
        clinician_id author;
        instant created;
        note_body body;
        std::optional<note_signature> signature;
        /// The supervisor who must co-sign; set at signing when the author requires
        /// supervision.
        std::optional<clinician_id> cosigner;
        std::optional<note_signature> cosignature;
        std::vector<note_addendum> addenda;

        template <class Self>
        static auto describe(Self& s) {
            using detail::field;
            return std::make_tuple(
                field("id", s.id), field("session", s.session), field("episode", s.episode),
                field("author", s.author), field("created", s.created), field("body", s.body),
                field("signature", s.signature), field("cosigner", s.cosigner),
                field("cosignature", s.cosignature), field("addenda", s.addenda));
        }
    };

    /// An empty placeholder, only for assigning or deserializing into.
    progress_note() = default;

    /// @throws validation_error listing every broken invariant of `f`.
    [[nodiscard]] static progress_note create(fields f) {
        throw_if_invalid(check(f), "invalid progress_note");
        return progress_note(std::move(f));
    }

    /// Every problem of `f`, without throwing.
    [[nodiscard]] static problem_list check(const fields& f) {
        problem_list p;
        detail::require_nonempty(p, "id", f.id);
        detail::require_nonempty(p, "session", f.session);
        detail::require_nonempty(p, "episode", f.episode);
        detail::require_nonempty(p, "author", f.author);
        detail::require_instant(p, "created", f.created);
        if (f.signature) {
            detail::append_prefixed(p, "signature", validate(*f.signature));
            if (!f.signature->by.empty() && f.signature->by != f.author) {
                p.push_back({"signature.by", "only the author " + f.author.str() + " signs"});
            }
            if (before(f.signature->at, f.created)) {
                p.push_back({"signature.at", "is before the note was created"});
            }
            const auto missing = missing_sections(f.body);
            p.insert(p.end(), missing.begin(), missing.end());
        }
        if (f.cosigner) {
            if (!f.signature) {
                p.push_back({"cosigner", "is set when the author signs"});
            }
            if (f.cosigner->empty() || *f.cosigner == f.author) {
                p.push_back({"cosigner", "must be a supervisor other than the author"});
            }
        }
        if (f.cosignature) {
            detail::append_prefixed(p, "cosignature", validate(*f.cosignature));
            if (!f.cosigner) {
                p.push_back({"cosignature", "the note does not require a co-signature"});
            } else if (f.cosignature->by != *f.cosigner) {
                p.push_back(
                    {"cosignature.by", "only the supervisor " + f.cosigner->str() + " co-signs"});
            }
            if (f.signature && before(f.cosignature->at, f.signature->at)) {
                p.push_back({"cosignature.at", "is before the author's signature"});
            }
        }
        if (!f.addenda.empty() && !f.signature) {
            p.push_back({"addenda", "a draft has no addenda; edit it instead"});
        }
        detail::validate_each(p, "addenda", f.addenda);
        for (std::size_t i = 0; i < f.addenda.size(); ++i) {
            const instant earliest =
                i == 0 ? (f.signature ? f.signature->at : instant()) : f.addenda[i - 1].at;
            if (before(f.addenda[i].at, earliest)) {
                p.push_back({detail::indexed("addenda", i) + ".at",
                             "addenda are dated in order, after the signature"});
            }
        }
        return p;
    }

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const note_id& id() const noexcept { return f_.id; }
    [[nodiscard]] const session_id& session() const noexcept { return f_.session; }
    [[nodiscard]] const episode_id& episode() const noexcept { return f_.episode; }
    [[nodiscard]] const clinician_id& author() const noexcept { return f_.author; }
    [[nodiscard]] const note_body& body() const noexcept { return f_.body; }
    [[nodiscard]] const std::optional<note_signature>& signature() const noexcept {
        return f_.signature;
    }
    [[nodiscard]] const std::optional<note_signature>& cosignature() const noexcept {
        return f_.cosignature;
    }
    [[nodiscard]] const std::vector<note_addendum>& addenda() const noexcept { return f_.addenda; }

    [[nodiscard]] note_status status() const noexcept {
        if (!f_.signature) {
            return note_status::draft;
        }
        if (f_.cosigner && !f_.cosignature) {
            return note_status::awaiting_cosignature;
        }
        return note_status::signed_off;
    }

    /// True once the author has signed: the note can then change only by addendum.
    [[nodiscard]] bool is_locked() const noexcept { return f_.signature.has_value(); }

    /// Replaces the body of a draft.
    /// @throws conflict when the note is signed (add an addendum instead).
    void set_body(note_body body) {
        if (is_locked()) {
            throw conflict("progress_note " + f_.id.str() + " is " +
                           std::string(to_string(status())) +
                           "; a signed note is changed only by an addendum");
        }
        f_.body = std::move(body);
    }

    /// Every problem that stops `signature` from signing this note now: a note already signed,
    /// a signer who is not the author, a clinician record that is not the author's (or names no
    /// supervisor although supervision is required), a time before the note was created, empty
    /// sections, and whatever the `preconditions` report. Thread-safe (pure).
    [[nodiscard]] problem_list can_sign(
        const note_signature& signature, const clinician& author,
        const std::vector<signing_precondition>& preconditions = {}) const {
        problem_list p;
        if (is_locked()) {
            p.push_back({"signature", "the note is already signed by " + f_.signature->by.str() +
                                          " at " + to_iso8601(f_.signature->at)});
        }
        detail::append_prefixed(p, "signature", validate(signature));
        if (!signature.by.empty() && signature.by != f_.author) {
            p.push_back({"signature.by", "only the author " + f_.author.str() + " may sign"});
        }
        if (author.id != f_.author) {
            p.push_back({"author", "clinician " + author.id.str() + " is not the note's author " +
                                       f_.author.str()});
        }
        if (author.requires_supervision &&
            (!author.supervisor || author.supervisor->empty() || *author.supervisor == author.id)) {
            p.push_back(
                {"author.supervisor", "the author requires supervision but names no supervisor"});
        }
        if (before(signature.at, f_.created)) {
            p.push_back({"signature.at",
                         "is before the note was created (" + to_iso8601(f_.created) + ")"});
        }
        const auto missing = missing_sections(f_.body);
        p.insert(p.end(), missing.begin(), missing.end());
        for (const auto& check_extra : preconditions) {
            if (check_extra) {
                const auto extra = check_extra(*this, signature);
                p.insert(p.end(), extra.begin(), extra.end());
            }
        }
        return p;
    }

    /// Signs the note as its author. When `author` requires supervision, the note then awaits
    /// the co-signature of `author.supervisor`. On any error the note is unchanged.
    /// @throws conflict when the note is already signed; validation_error listing every
    /// problem `can_sign` reports otherwise.
    void sign(const note_signature& signature, const clinician& author,
              const std::vector<signing_precondition>& preconditions = {}) {
        if (is_locked()) {
            throw conflict("progress_note " + f_.id.str() + ": cannot sign a note that is " +
                           std::string(to_string(status())));
        }
        throw_if_invalid(can_sign(signature, author, preconditions),
                         "cannot sign progress_note " + f_.id.str());
        f_.signature = signature;
        if (author.requires_supervision) {
            f_.cosigner = author.supervisor;
        }
    }

    /// Co-signs the note as the supervisor recorded at signing.
    /// @throws conflict when the note is a draft, needs no co-signature or is already
    /// co-signed; validation_error when `signature` is incomplete, not the supervisor's, or
    /// before the author's signature.
    void cosign(const note_signature& signature) {
        if (status() != note_status::awaiting_cosignature) {
            throw conflict("progress_note " + f_.id.str() + ": cannot co-sign a note that is " +
                           std::string(to_string(status())) +
                           (f_.signature && !f_.cosigner ? " and needs no co-signature" : ""));
        }
        problem_list p = validate(signature);
        if (!signature.by.empty() && signature.by != *f_.cosigner) {
            p.push_back({"by", "only the supervisor " + f_.cosigner->str() + " may co-sign"});
        }
        if (before(signature.at, f_.signature->at)) {
            p.push_back(
                {"at", "is before the author's signature (" + to_iso8601(f_.signature->at) + ")"});
        }
        throw_if_invalid(p, "cannot co-sign progress_note " + f_.id.str());
        f_.cosignature = signature;
    }

    /// Adds an addendum to a signed note.
    /// @throws conflict when the note is a draft (edit it instead); validation_error when the
    /// addendum is incomplete or dated before the signature or the previous addendum.
    void add_addendum(note_addendum a) {
        if (!is_locked()) {
            throw conflict("progress_note " + f_.id.str() +
                           " is a draft: edit it instead of adding an addendum");
        }
        problem_list p = validate(a);
        const instant earliest = f_.addenda.empty() ? f_.signature->at : f_.addenda.back().at;
        if (before(a.at, earliest)) {
            p.push_back({"at", "must not be before " + to_iso8601(earliest)});
        }
        throw_if_invalid(p, "invalid addendum");
        f_.addenda.push_back(std::move(a));
    }

    friend bool operator==(const progress_note& a, const progress_note& b) { return a.f_ == b.f_; }
    friend bool operator!=(const progress_note& a, const progress_note& b) { return !(a == b); }

  private:
    explicit progress_note(fields f) : f_(std::move(f)) {}

    static bool before(const instant& t, const instant& reference) {
        return !t.is_special() && !reference.is_special() && t < reference;
    }

    fields f_;
};

/// Every problem of `n` (none for a note made by `create`).
[[nodiscard]] inline problem_list validate(const progress_note& n) {
    return progress_note::check(n.data());
}

/// Checks that replacing the stored note `before` with `after` is a permitted change, for
/// stores and services that receive whole notes: a draft may change in any way; from the
/// author's signature on, only a co-signature may be added (to a note awaiting one) and
/// addenda appended. Thread-safe (pure).
/// @throws validation_error when the ids differ; conflict for any other change of a signed
/// note (the message names the first changed field).
inline void check_note_update(const progress_note& before, const progress_note& after) {
    if (before.id() != after.id()) {
        throw validation_error("not the same note",
                               {{"id", "is " + after.id().str() + ", not " + before.id().str()}});
    }
    if (!before.is_locked()) {
        return;
    }
    const auto& b = before.data();
    const auto& a = after.data();
    std::string changed;
    detail::for_each_field(b, [&](auto f) {
        if (!changed.empty()) {
            return;
        }
        const std::string name = f.name;
        if (name == "cosignature" && !b.cosignature) {
            return;  // may be added
        }
        if (name == "addenda") {
            if (a.addenda.size() < b.addenda.size() ||
                !std::equal(b.addenda.begin(), b.addenda.end(), a.addenda.begin())) {
                changed = name;
            }
            return;
        }
        detail::for_each_field(a, [&](auto g) {
            if (name == g.name) {
                if constexpr (std::is_same_v<decltype(f.ref), decltype(g.ref)>) {
                    if (!(f.ref == g.ref)) {
                        changed = name;
                    }
                }
            }
        });
    });
    if (!changed.empty()) {
        throw conflict("progress_note " + before.id().str() + " is " +
                       std::string(to_string(before.status())) + ": cannot change " + changed +
                       "; only a co-signature and addenda may be added");
    }
}

/// A psychotherapy (process) note: the clinician's private notes on the process of a session.
/// It is a record of its own, never part of a progress note, and exports and summaries leave
/// it out unless the caller explicitly asks for it (see `theracore/model/care_export.hpp`).
struct psychotherapy_note {
    static constexpr const char* schema_name = "theracore.psychotherapy_note";
    static constexpr int schema_version = 1;

    note_id id;
    session_id session;
    episode_id episode;
    client_id client;
    clinician_id author;
    instant written;
    std::string text;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("id", s.id), field("session", s.session),
                               field("episode", s.episode), field("client", s.client),
                               field("author", s.author), field("written", s.written),
                               field("text", s.text));
    }
};

[[nodiscard]] inline problem_list validate(const psychotherapy_note& n) {
    problem_list p;
    detail::require_nonempty(p, "id", n.id);
    detail::require_nonempty(p, "session", n.session);
    detail::require_nonempty(p, "episode", n.episode);
    detail::require_nonempty(p, "client", n.client);
    detail::require_nonempty(p, "author", n.author);
    detail::require_instant(p, "written", n.written);
    detail::require_nonempty(p, "text", n.text);
    return p;
}

/// Whether a note was documented in time: within the policy's hours after the session ended.
enum class documentation_timeliness {
    pending,  ///< not signed yet, still within the allowed time
    on_time,  ///< signed within the allowed time
    late,     ///< signed, but after the allowed time
    overdue,  ///< not signed and the allowed time has passed
};
constexpr auto describe_enum(documentation_timeliness) {
    using E = documentation_timeliness;
    return enum_table<E, 4>{"documentation_timeliness",
                            {{{E::pending, "pending"},
                              {E::on_time, "on_time"},
                              {E::late, "late"},
                              {E::overdue, "overdue"}}}};
}

namespace detail {
inline void check_note_session(const progress_note& n, const session& s, int late_after_hours) {
    problem_list p;
    if (n.session() != s.id()) {
        p.push_back({"session", "note " + n.id().str() + " belongs to session " +
                                    n.session().str() + ", not " + s.id().str()});
    }
    if (late_after_hours < 0) {
        p.push_back({"late_after_hours", "must not be negative"});
    }
    throw_if_invalid(p, "cannot check documentation time");
}
}  // namespace detail

/// Timeliness of note `n` for session `s` as of `now`: the author's signature is due within
/// `late_after_hours` hours after the session ended (start + duration). Signing exactly at the
/// limit is on time. The limit is the caller's policy (agencies commonly use 24 to 72 hours).
/// Thread-safe (pure).
/// @throws validation_error when `n` is not a note of `s`, `late_after_hours` is negative or
/// `now` is missing.
[[nodiscard]] inline documentation_timeliness timeliness(const progress_note& n, const session& s,
                                                         instant now, int late_after_hours) {
    detail::check_note_session(n, s, late_after_hours);
    if (now.is_special()) {
        throw validation_error("cannot check documentation time", {{"now", "required"}});
    }
    const instant deadline = s.end() + boost::posix_time::hours(late_after_hours);
    if (n.signature()) {
        return n.signature()->at > deadline ? documentation_timeliness::late
                                            : documentation_timeliness::on_time;
    }
    return now > deadline ? documentation_timeliness::overdue : documentation_timeliness::pending;
}

/// True when note `n` was signed more than `late_after_hours` hours after session `s` ended.
/// An unsigned note is not (yet) late documentation; see `timeliness` for overdue drafts.
/// @throws validation_error when `n` is not a note of `s` or `late_after_hours` is negative.
[[nodiscard]] inline bool is_late_documentation(const progress_note& n, const session& s,
                                                int late_after_hours) {
    detail::check_note_session(n, s, late_after_hours);
    return n.signature() &&
           n.signature()->at > s.end() + boost::posix_time::hours(late_after_hours);
}

THERACORE_NAMESPACE_END
