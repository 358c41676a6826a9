// SPDX-License-Identifier: Apache-2.0
/// @file
/// What the storage registrations of the treatment plans, sessions, notes, homework, behaviour
/// diaries and the intervention catalog index, their update rules and named queries.

#include <theracore/storage/records/care.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

query<treatment_plan> plans_of_episode(const episode_id& e) {
    return query<treatment_plan>().where(record_traits<treatment_plan>::episode, e);
}

query<treatment_plan> plans_of_client(const client_id& c) {
    return query<treatment_plan>().where(record_traits<treatment_plan>::client, c);
}

query<treatment_plan> plans_due_for_review(date day) {
    using t = record_traits<treatment_plan>;
    return query<treatment_plan>().where_at_most(t::review_due, day).order_by(t::review_due);
}

query<session> sessions_of_episode(const episode_id& e) {
    using t = record_traits<session>;
    return query<session>().where(t::episode, e).order_by(t::start);
}

query<session> sessions_of_client(const client_id& c) {
    using t = record_traits<session>;
    return query<session>().where(t::client, c).order_by(t::start);
}

query<session> sessions_of_clinician(const clinician_id& k, instant from, instant to) {
    using t = record_traits<session>;
    return query<session>()
        .where(t::clinician, k)
        .where_between(t::start, from, to)
        .order_by(t::start);
}

query<progress_note> progress_notes_of_episode(const episode_id& e) {
    using t = record_traits<progress_note>;
    return query<progress_note>().where(t::episode, e).order_by(t::created);
}

query<progress_note> progress_notes_of_session(const session_id& s) {
    using t = record_traits<progress_note>;
    return query<progress_note>().where(t::session, s).order_by(t::created);
}

query<progress_note> unsigned_notes_older_than(instant now, std::int64_t hours) {
    if (hours < 0 || now.is_special()) {
        throw validation_error(
            "invalid unsigned-notes query",
            {{hours < 0 ? "hours" : "now", hours < 0 ? "must not be negative" : "required"}});
    }
    using t = record_traits<progress_note>;
    return query<progress_note>()
        .where(t::is_signed, false)
        .where_before(t::created, now - boost::posix_time::hours(hours))
        .order_by(t::created);
}

query<progress_note> notes_awaiting_cosignature(const clinician_id& supervisor) {
    using t = record_traits<progress_note>;
    return query<progress_note>()
        .where(t::cosigner, supervisor)
        .where(t::status, note_status::awaiting_cosignature)
        .order_by(t::created);
}

query<psychotherapy_note> psychotherapy_notes_of_client(const client_id& c) {
    using t = record_traits<psychotherapy_note>;
    return query<psychotherapy_note>().where(t::client, c).order_by(t::written);
}

query<psychotherapy_note> psychotherapy_notes_of_session(const session_id& s) {
    using t = record_traits<psychotherapy_note>;
    return query<psychotherapy_note>().where(t::session, s).order_by(t::written);
}

query<homework_assignment> homework_of_client(const client_id& c) {
    using t = record_traits<homework_assignment>;
    return query<homework_assignment>().where(t::client, c).order_by(t::due);
}

query<behaviour_diary> diaries_of_client(const client_id& c) {
    return query<behaviour_diary>().where(record_traits<behaviour_diary>::client, c);
}

void record_traits<treatment_plan>::index(const treatment_plan& p,
                                          index_writer<treatment_plan>& w) {
    w.add(episode, p.episode());
    for (const auto& c : p.clients()) {
        w.add(client, c);
    }
    w.add(review_due, p.current().review_due);
}

void record_traits<treatment_plan>::check_update(const treatment_plan& stored,
                                                 const treatment_plan& next, transaction&) {
    check_plan_update(stored, next);
}

void record_traits<session>::index(const session& s, index_writer<session>& w) {
    w.add(episode, s.episode());
    w.add(clinician, s.clinician());
    for (const auto& c : s.attending_clients()) {
        w.add(client, c);
    }
    w.add(start, s.start());
    w.add(type, s.type());
}

void record_traits<progress_note>::index(const progress_note& n, index_writer<progress_note>& w) {
    w.add(episode, n.episode());
    w.add(session, n.session());
    w.add(author, n.author());
    w.add_optional(cosigner, n.data().cosigner);
    w.add(status, n.status());
    w.add(is_signed, n.is_locked());
    w.add(created, n.data().created);
}

void record_traits<progress_note>::check_update(const progress_note& stored,
                                                const progress_note& next, transaction&) {
    check_note_update(stored, next);
}

void record_traits<psychotherapy_note>::index(const psychotherapy_note& n,
                                              index_writer<psychotherapy_note>& w) {
    w.add(episode, n.episode);
    w.add(session, n.session);
    w.add(client, n.client);
    w.add(author, n.author);
    w.add(written, n.written);
}

void record_traits<psychotherapy_note>::check_update(const psychotherapy_note& stored,
                                                     const psychotherapy_note& next, transaction&) {
    const char* changed = stored.author != next.author     ? "author"
                          : stored.client != next.client   ? "client"
                          : stored.session != next.session ? "session"
                          : stored.episode != next.episode ? "episode"
                          : stored.written != next.written ? "written"
                                                           : nullptr;
    if (changed != nullptr) {
        throw conflict("psychotherapy_note " + stored.id.str() + ": cannot change " + changed +
                       "; only the text may be revised");
    }
}

void record_traits<homework_assignment>::index(const homework_assignment& h,
                                               index_writer<homework_assignment>& w) {
    const auto& f = h.data();
    w.add(client, f.client);
    w.add(episode, f.episode);
    w.add(assigned_by, f.assigned_by);
    w.add_optional(assigned_in, f.assigned_in);
    w.add(due, f.due);
}

void record_traits<behaviour_diary>::index(const behaviour_diary& d,
                                           index_writer<behaviour_diary>& w) {
    w.add(client, d.data().client);
    w.add(episode, d.data().episode);
}

}  // namespace storage
THERACORE_NAMESPACE_END
