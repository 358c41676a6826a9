// SPDX-License-Identifier: Apache-2.0
/// @file
/// The type-erased body of the storage interface (theracore/storage/store.hpp): argument
/// checks, validation, access policy, audit, revisions, soft deletes and journaling, over a
/// backend's hooks.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <theracore/storage/backend.hpp>
#include <theracore/storage/store.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

transaction_state::~transaction_state() = default;

store_backend::~store_backend() = default;

store::store(std::unique_ptr<store_backend> backend) : backend_(std::move(backend)) {
    if (!backend_) {
        throw validation_error("no backend", {{"backend", "required"}});
    }
}

store::~store() = default;

const std::string& store::backend() const noexcept {
    return backend_->name();
}

transaction::transaction(store& s, actor who, access_mode mode,
                         std::unique_ptr<transaction_state> state,
                         std::shared_ptr<access_policy> policy, std::shared_ptr<audit_sink> audit,
                         std::function<instant()> clock)
    : store_(&s),
      state_(std::move(state)),
      who_(std::move(who)),
      mode_(mode),
      policy_(std::move(policy)),
      audit_(std::move(audit)),
      clock_(std::move(clock)) {
    ++store_->open_;
}

transaction::transaction(transaction&& other) noexcept
    : store_(other.store_),
      state_(std::move(other.state_)),
      who_(std::move(other.who_)),
      mode_(other.mode_),
      status_(other.status_),
      failure_(std::move(other.failure_)),
      policy_(std::move(other.policy_)),
      audit_(std::move(other.audit_)),
      clock_(std::move(other.clock_)) {
    other.status_ = status::rolled_back;
}

transaction::~transaction() {
    rollback();
}

std::vector<stored_record> transaction::query_rows(const record_query& q) {
    return call([&] { return store_->backend_->do_query(*state_, q); });
}

void transaction::insert_many_rows(const std::vector<stored_record>& rows) {
    call([&] { store_->backend_->do_insert_many(*state_, rows); });
}

std::vector<journal_entry> transaction::read_journal_rows(const journal_filter& f) {
    return call([&] { return store_->backend_->do_read_journal(*state_, f); });
}

void store::set_access_policy(std::shared_ptr<access_policy> policy) {
    std::lock_guard<std::mutex> lock(config_mutex_);
    policy_ = std::move(policy);
}

void store::set_audit_sink(std::shared_ptr<audit_sink> sink) {
    std::lock_guard<std::mutex> lock(config_mutex_);
    audit_ = std::move(sink);
}

void store::set_clock(std::function<instant()> clock) {
    std::lock_guard<std::mutex> lock(config_mutex_);
    clock_ = std::move(clock);
}

void transaction::commit() {
    require_active("commit");
    call([&] { store_->backend_->do_commit(*state_); });
    release();
    status_ = status::committed;
}

void transaction::rollback() noexcept {
    if (state_) {
        store_->backend_->do_rollback(*state_);
        release();
    }
    if (status_ == status::active || status_ == status::failed) {
        status_ = status::rolled_back;
    }
}

void transaction::release() noexcept {
    state_.reset();
    --store_->open_;
}

void transaction::fail(const char* why) noexcept {
    if (state_) {
        store_->backend_->do_rollback(*state_);
        release();
    }
    status_ = status::failed;
    try {
        failure_ = why;
    } catch (...) {  // out of memory: the status alone still says it failed
    }
}

void transaction::require_active(const char* what) const {
    switch (status_) {
        case status::active:
            return;
        case status::committed:
            throw conflict(std::string("cannot ") + what + ": the transaction was committed");
        case status::rolled_back:
            throw conflict(std::string("cannot ") + what + ": the transaction was rolled back");
        case status::failed:
            throw conflict(std::string("cannot ") + what +
                           ": the transaction failed and was rolled back (" + failure_ + ")");
    }
}

void transaction::require_writable(const char* what) const {
    require_active(what);
    if (mode_ == access_mode::read_only) {
        throw conflict(std::string("cannot ") + what + " in a read-only transaction");
    }
}

void transaction::check_revision(std::int64_t revision) {
    if (revision < 1) {
        throw validation_error(
            "invalid revision",
            {{"expected_revision", "must be 1 or more (got " + std::to_string(revision) + ")"}});
    }
}

void transaction::check_id(const std::string& kind, const std::string& id) {
    problem_list p;
    detail::check_text(p, "id", id, true);
    throw_if_invalid(p, "invalid " + kind + " id");
}

void transaction::check_reason(const std::string& reason) {
    problem_list p;
    detail::check_text(p, "reason", reason, true);
    throw_if_invalid(p, "a reason is required");
}

instant transaction::now() const {
    const instant t = clock_ ? clock_() : boost::posix_time::microsec_clock::universal_time();
    if (t.is_special()) {
        throw error("the store's clock returned no time");
    }
    return t;
}

record_meta transaction::fresh_meta() const {
    record_meta m;
    m.revision = 1;
    m.created_at = now();
    m.created_by = who_.id;
    m.updated_at = m.created_at;
    m.updated_by = who_.id;
    return m;
}

void transaction::authorize(operation op, std::string_view kind, std::string_view id,
                            const stored_record* record, const record_query* q) {
    if (!policy_) {
        return;
    }
    try {
        policy_->check(access_request{who_, op, kind, id, record, q});
    } catch (const access_denied&) {
        std::vector<std::string> ids;
        if (!id.empty()) {
            ids.emplace_back(id);
        }
        audit(op, outcome::denied, kind, std::move(ids), 0);
        throw;
    }
}

void transaction::audit(operation op, outcome result, std::string_view kind,
                        std::vector<std::string> ids, std::int64_t revision) {
    if (!audit_) {
        return;
    }
    const bool is_read =
        op == operation::read || op == operation::query || op == operation::read_journal;
    if (is_read && !audit_->audits_reads()) {
        return;
    }
    const audit_event event{who_, op, result, now(), kind, std::move(ids), revision};
    writer w(*this);
    call([&] { audit_->record(event, w); });
}

std::int64_t transaction::append_journal(const journal_entry& e) {
    return call([&] { return store_->backend_->do_append_journal(*state_, e); });
}

std::optional<stored_record> transaction::load_checked(const std::string& kind,
                                                       const std::string& id, visibility v) {
    require_active("read");
    check_id(kind, id);
    authorize(operation::read, kind, id);
    auto r = call([&] { return store_->backend_->do_load(*state_, record_key{kind, id}); });
    if (!r || (v == visibility::live && r->meta.deleted)) {
        return std::nullopt;
    }
    if (policy_ && !policy_->may_read(who_, *r)) {
        audit(operation::read, outcome::denied, kind, {id}, 0);
        throw access_denied(who_.id + " may not read " + detail::describe_key(kind, id));
    }
    audit(operation::read, outcome::succeeded, kind, {id}, r->meta.revision);
    return r;
}

void transaction::insert_checked(stored_record r) {
    r.meta = fresh_meta();
    authorize(operation::insert, r.kind, r.id, &r);
    if (!call([&] { return store_->backend_->do_insert(*state_, r); })) {
        const auto cur = call([&] { return store_->backend_->do_load(*state_, r.key()); });
        throw conflict(detail::describe_key(r.kind, r.id) + " already exists" +
                       (cur && cur->meta.deleted ? " (deleted: restore or purge it)" : ""));
    }
    audit(operation::insert, outcome::succeeded, r.kind, {r.id}, 1);
}

stored_record transaction::load_for_change(const std::string& kind, const std::string& id,
                                           std::int64_t expected) {
    auto cur = call([&] { return store_->backend_->do_load(*state_, record_key{kind, id}); });
    if (!cur) {
        throw not_found(detail::describe_key(kind, id) + " not found");
    }
    if (cur->meta.revision != expected) {
        throw conflict(detail::describe_key(kind, id) + ": revision " + std::to_string(expected) +
                       " is stale (the stored revision is " + std::to_string(cur->meta.revision) +
                       "); reload and retry");
    }
    return std::move(*cur);
}

void transaction::replace_checked(const stored_record& r, std::int64_t expected,
                                  bool replace_index) {
    if (!call([&] { return store_->backend_->do_replace(*state_, r, expected, replace_index); })) {
        throw conflict(detail::describe_key(r.kind, r.id) +
                       " was changed by another transaction; reload and retry");
    }
}

std::int64_t transaction::update_checked(stored_record r, std::int64_t expected,
                                         const std::function<void(const stored_record&)>& rule) {
    check_revision(expected);
    authorize(operation::update, r.kind, r.id, &r);
    const stored_record cur = load_for_change(r.kind, r.id, expected);
    if (cur.meta.deleted) {
        throw conflict(detail::describe_key(r.kind, r.id) +
                       " is deleted; restore it before updating");
    }
    if (rule) {
        rule(cur);
    }
    r.meta = cur.meta;
    r.meta.revision = expected + 1;
    r.meta.updated_at = now();
    r.meta.updated_by = who_.id;
    replace_checked(r, expected, true);
    audit(operation::update, outcome::succeeded, r.kind, {r.id}, r.meta.revision);
    return r.meta.revision;
}

std::int64_t transaction::remove_checked(const std::string& kind, const std::string& id,
                                         std::int64_t expected, const std::string& reason,
                                         deletion_policy policy) {
    require_writable("remove");
    check_id(kind, id);
    check_revision(expected);
    check_reason(reason);
    authorize(operation::remove, kind, id);
    stored_record r = load_for_change(kind, id, expected);
    if (r.meta.deleted) {
        throw conflict(detail::describe_key(kind, id) + " is already deleted");
    }
    if (policy == deletion_policy::hard) {
        if (!call([&] { return store_->backend_->do_erase(*state_, r.key(), expected); })) {
            throw conflict(detail::describe_key(kind, id) +
                           " was changed by another transaction; reload and retry");
        }
        append_journal(journal_entry{0, now(), who_.id, journal_category::hard_delete, kind, id,
                                     expected, reason});
        audit(operation::remove, outcome::succeeded, kind, {id}, expected);
        return 0;
    }
    r.meta.deleted = deletion_info{who_.id, now(), reason};
    r.meta.revision = expected + 1;
    r.meta.updated_at = r.meta.deleted->at;
    r.meta.updated_by = who_.id;
    replace_checked(r, expected, false);
    audit(operation::remove, outcome::succeeded, kind, {id}, r.meta.revision);
    return r.meta.revision;
}

std::int64_t transaction::restore_checked(const std::string& kind, const std::string& id,
                                          std::int64_t expected, const std::string& reason) {
    require_writable("restore");
    check_id(kind, id);
    check_revision(expected);
    check_reason(reason);
    authorize(operation::restore, kind, id);
    stored_record r = load_for_change(kind, id, expected);
    if (!r.meta.deleted) {
        throw conflict(detail::describe_key(kind, id) + " is not deleted");
    }
    const deletion_info was = *r.meta.deleted;
    r.meta.deleted.reset();
    r.meta.revision = expected + 1;
    r.meta.updated_at = now();
    r.meta.updated_by = who_.id;
    replace_checked(r, expected, false);
    append_journal(journal_entry{0, r.meta.updated_at, who_.id, journal_category::restore, kind, id,
                                 r.meta.revision,
                                 "deleted by " + was.by + " at " + encode_instant(was.at) + " (" +
                                     was.reason + "); restored: " + reason});
    audit(operation::restore, outcome::succeeded, kind, {id}, r.meta.revision);
    return r.meta.revision;
}

void transaction::purge_checked(const std::string& kind, const std::string& id,
                                std::int64_t expected, const std::string& reason) {
    require_writable("purge");
    check_id(kind, id);
    check_revision(expected);
    check_reason(reason);
    authorize(operation::purge, kind, id);
    const stored_record r = load_for_change(kind, id, expected);
    if (!call([&] { return store_->backend_->do_erase(*state_, r.key(), expected); })) {
        throw conflict(detail::describe_key(kind, id) +
                       " was changed by another transaction; reload and retry");
    }
    append_journal(
        journal_entry{0, now(), who_.id, journal_category::purge, kind, id, expected, reason});
    audit(operation::purge, outcome::succeeded, kind, {id}, expected);
}

std::vector<stored_record> transaction::query_checked(const record_query& q) {
    require_active("query");
    authorize(operation::query, q.kind, {}, nullptr, &q);
    if (q.matches_nothing()) {
        return {};
    }
    auto rows = call([&] { return store_->backend_->do_query(*state_, q); });
    if (policy_) {
        rows.erase(
            std::remove_if(rows.begin(), rows.end(),
                           [&](const stored_record& r) { return !policy_->may_read(who_, r); }),
            rows.end());
    }
    std::vector<std::string> ids;
    ids.reserve(rows.size());
    for (const auto& r : rows) {
        ids.push_back(r.id);
    }
    audit(operation::query, outcome::succeeded, q.kind, std::move(ids), 0);
    return rows;
}

transaction store::begin(const actor& who, access_mode mode) {
    problem_list p;
    detail::check_text(p, "actor.id", who.id, true);
    throw_if_invalid(p, "invalid actor");
    std::shared_ptr<access_policy> policy;
    std::shared_ptr<audit_sink> audit;
    std::function<instant()> clock;
    {
        std::lock_guard<std::mutex> lock(config_mutex_);
        policy = policy_;
        audit = audit_;
        clock = clock_;
    }
    // An audit sink that records reads must be able to write during a read-only transaction.
    const access_mode backend_mode =
        mode == access_mode::read_only && audit && audit->audits_reads() ? access_mode::read_write
                                                                         : mode;
    auto state = backend_->do_begin(backend_mode);
    return transaction(*this, who, mode, std::move(state), std::move(policy), std::move(audit),
                       std::move(clock));
}

void store_backend::do_insert_many(transaction_state& tx,
                                   const std::vector<stored_record>& records) {
    for (const auto& r : records) {
        if (!do_insert(tx, r)) {
            throw conflict(detail::describe_key(r.kind, r.id) + " already exists");
        }
    }
}

std::vector<journal_entry> transaction::journal(const journal_filter& filter) {
    require_active("read the journal");
    authorize(operation::read_journal, filter.kind.value_or(std::string()), {});
    auto rows = call([&] { return store_->backend_->do_read_journal(*state_, filter); });
    audit(operation::read_journal, outcome::succeeded, filter.kind.value_or(std::string()), {}, 0);
    return rows;
}

}  // namespace storage
THERACORE_NAMESPACE_END
