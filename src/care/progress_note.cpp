// SPDX-License-Identifier: Apache-2.0
#include <theracore/care/progress_note.hpp>

#include "detail/care_validation.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace care {

problem_list missing_sections(const note_body& body) {
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

problem_list validate(const note_signature& s) {
    problem_list p;
    detail::require_nonempty(p, "by", s.by);
    detail::require_instant(p, "at", s.at);
    return p;
}

problem_list validate(const note_addendum& a) {
    problem_list p;
    detail::require_nonempty(p, "author", a.author);
    detail::require_instant(p, "at", a.at);
    detail::require_nonempty(p, "reason", a.reason);
    detail::require_nonempty(p, "text", a.text);
    return p;
}

progress_note progress_note::create(fields f) {
    throw_if_invalid(check(f), "invalid progress_note");
    return progress_note(std::move(f));
}

problem_list progress_note::check(const fields& f) {
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

note_status progress_note::status() const noexcept {
    if (!f_.signature) {
        return note_status::draft;
    }
    if (f_.cosigner && !f_.cosignature) {
        return note_status::awaiting_cosignature;
    }
    return note_status::signed_off;
}

void progress_note::set_body(note_body body) {
    if (is_locked()) {
        throw conflict("progress_note " + f_.id.str() + " is " + std::string(to_string(status())) +
                       "; a signed note is changed only by an addendum");
    }
    f_.body = std::move(body);
}

problem_list progress_note::can_sign(const note_signature& signature, const clinician& author,
                                     const std::vector<signing_precondition>& preconditions) const {
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
        p.push_back(
            {"signature.at", "is before the note was created (" + to_iso8601(f_.created) + ")"});
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

void progress_note::sign(const note_signature& signature, const clinician& author,
                         const std::vector<signing_precondition>& preconditions) {
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

void progress_note::cosign(const note_signature& signature) {
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

void progress_note::add_addendum(note_addendum a) {
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

void check_note_update(const progress_note& before, const progress_note& after) {
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

problem_list validate(const psychotherapy_note& n) {
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

namespace {

void check_note_session(const progress_note& n, const session& s, int late_after_hours) {
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

}  // namespace

documentation_timeliness timeliness(const progress_note& n, const session& s, instant now,
                                    int late_after_hours) {
    check_note_session(n, s, late_after_hours);
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

bool is_late_documentation(const progress_note& n, const session& s, int late_after_hours) {
    check_note_session(n, s, late_after_hours);
    return n.signature() &&
           n.signature()->at > s.end() + boost::posix_time::hours(late_after_hours);
}

bool operator==(const progress_note& a, const progress_note& b) {
    return a.f_ == b.f_;
}

}  // namespace care
THERACORE_NAMESPACE_END
