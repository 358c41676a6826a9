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

#include <theracore/care/session.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/people/clinician.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace care {

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
[[nodiscard]] THERACORE_API problem_list missing_sections(const note_body& body);

/// Who signed and when.
struct note_signature {
    clinician_id by;
    instant at;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("by", s.by), detail::field("at", s.at));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const note_signature& s);

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

[[nodiscard]] THERACORE_API problem_list validate(const note_addendum& a);

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
    [[nodiscard]] THERACORE_API static progress_note create(fields f);

    /// Every problem of `f`, without throwing.
    [[nodiscard]] THERACORE_API static problem_list check(const fields& f);

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

    [[nodiscard]] THERACORE_API note_status status() const noexcept;

    /// True once the author has signed: the note can then change only by addendum.
    [[nodiscard]] bool is_locked() const noexcept { return f_.signature.has_value(); }

    /// Replaces the body of a draft.
    /// @throws conflict when the note is signed (add an addendum instead).
    THERACORE_API void set_body(note_body body);

    /// Every problem that stops `signature` from signing this note now: a note already signed,
    /// a signer who is not the author, a clinician record that is not the author's (or names no
    /// supervisor although supervision is required), a time before the note was created, empty
    /// sections, and whatever the `preconditions` report. Thread-safe (pure).
    [[nodiscard]] THERACORE_API problem_list
    can_sign(const note_signature& signature, const clinician& author,
             const std::vector<signing_precondition>& preconditions = {}) const;

    /// Signs the note as its author. When `author` requires supervision, the note then awaits
    /// the co-signature of `author.supervisor`. On any error the note is unchanged.
    /// @throws conflict when the note is already signed; validation_error listing every
    /// problem `can_sign` reports otherwise.
    THERACORE_API void sign(const note_signature& signature, const clinician& author,
                            const std::vector<signing_precondition>& preconditions = {});

    /// Co-signs the note as the supervisor recorded at signing.
    /// @throws conflict when the note is a draft, needs no co-signature or is already
    /// co-signed; validation_error when `signature` is incomplete, not the supervisor's, or
    /// before the author's signature.
    THERACORE_API void cosign(const note_signature& signature);

    /// Adds an addendum to a signed note.
    /// @throws conflict when the note is a draft (edit it instead); validation_error when the
    /// addendum is incomplete or dated before the signature or the previous addendum.
    THERACORE_API void add_addendum(note_addendum a);

    friend THERACORE_API bool operator==(const progress_note& a, const progress_note& b);
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
THERACORE_API void check_note_update(const progress_note& before, const progress_note& after);

/// A psychotherapy (process) note: the clinician's private notes on the process of a session.
/// It is a record of its own, never part of a progress note, and exports and summaries leave
/// it out unless the caller explicitly asks for it (see `theracore/care/care_export.hpp`).
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

[[nodiscard]] THERACORE_API problem_list validate(const psychotherapy_note& n);

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

/// Timeliness of note `n` for session `s` as of `now`: the author's signature is due within
/// `late_after_hours` hours after the session ended (start + duration). Signing exactly at the
/// limit is on time. The limit is the caller's policy (agencies commonly use 24 to 72 hours).
/// Thread-safe (pure).
/// @throws validation_error when `n` is not a note of `s`, `late_after_hours` is negative or
/// `now` is missing.
[[nodiscard]] THERACORE_API documentation_timeliness timeliness(const progress_note& n,
                                                                const session& s, instant now,
                                                                int late_after_hours);

/// True when note `n` was signed more than `late_after_hours` hours after session `s` ended.
/// An unsigned note is not (yet) late documentation; see `timeliness` for overdue drafts.
/// @throws validation_error when `n` is not a note of `s` or `late_after_hours` is negative.
[[nodiscard]] THERACORE_API bool is_late_documentation(const progress_note& n, const session& s,
                                                       int late_after_hours);

}  // namespace care
THERACORE_NAMESPACE_END
