// SPDX-License-Identifier: Apache-2.0
/// @file
/// The two places where access control and auditing plug into every store, whatever the
/// backend: an `access_policy` consulted before every operation, and an `audit_sink` whose
/// entries are appended to the journal in the same transaction as the data they describe (so
/// an audit entry exists exactly when its change was committed).
///
/// The store calls both from its non-virtual base; backends know nothing of them. With neither
/// installed (the default) every operation is allowed and nothing is audited.
///
/// Thread-safety: a store calls its policy and sink from every thread that runs a transaction,
/// concurrently; implementations must be thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <theracore/enum.hpp>
#include <theracore/storage/query.hpp>
#include <theracore/storage/record.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// What a caller asks the store to do.
enum class operation { read, query, insert, update, remove, restore, purge, reindex, read_journal };
constexpr auto describe_enum(operation) {
    using E = operation;
    return enum_table<E, 9>{"operation",
                            {{{E::read, "read"},
                              {E::query, "query"},
                              {E::insert, "insert"},
                              {E::update, "update"},
                              {E::remove, "remove"},
                              {E::restore, "restore"},
                              {E::purge, "purge"},
                              {E::reindex, "reindex"},
                              {E::read_journal, "read_journal"}}}};
}

/// One request, as the access policy sees it before anything touches the backend.
struct access_request {
    const actor& who;
    operation op;
    std::string_view kind;  ///< empty for read_journal without a kind filter
    std::string_view id;    ///< empty for query, reindex and read_journal
    /// For insert and update: the record as it would be stored (its index entries name the
    /// client, clinician, episode… it concerns). Null otherwise.
    const stored_record* record = nullptr;
    /// For query: what is asked. Null otherwise.
    const record_query* query = nullptr;
};

/// Decides who may do what. Install with `store::set_access_policy`.
class access_policy {
  public:
    virtual ~access_policy() = default;

    /// Called before every operation. Throw `access_denied` to refuse it: the store then writes
    /// nothing and the transaction stays usable.
    virtual void check(const access_request& request) = 0;

    /// Called for every record a read or query is about to return. Returning false withholds
    /// it: `get` then throws `access_denied`, `query` leaves it out.
    [[nodiscard]] virtual bool may_read(const actor& who, const stored_record& record) {
        (void)who;
        (void)record;
        return true;
    }
};

/// Whether an audited operation happened or was refused.
enum class outcome { succeeded, denied };
constexpr auto describe_enum(outcome) {
    using E = outcome;
    return enum_table<E, 2>{"outcome", {{{E::succeeded, "succeeded"}, {E::denied, "denied"}}}};
}

/// One operation, as the audit sink sees it.
struct audit_event {
    const actor& who;
    operation op;
    outcome result;
    instant at;
    std::string_view kind;
    /// The records concerned (for a query: the ones returned).
    std::vector<std::string> ids;
    /// For single-record operations: the revision read or written; 0 otherwise.
    std::int64_t revision = 0;
};

/// Appends to the journal inside the current transaction. Given to the audit sink.
class journal_writer {
  public:
    virtual ~journal_writer() = default;
    /// Appends `entry` (its `sequence` is assigned by the backend) and returns the sequence.
    virtual std::int64_t append(journal_entry entry) = 0;
    /// The newest entry of `category`, including those appended in this transaction (for hash
    /// chains).
    [[nodiscard]] virtual std::optional<journal_entry> last(const std::string& category) = 0;
};

/// Turns operations into journal entries written in the same transaction as the data. Install
/// with `store::set_audit_sink`.
class audit_sink {
  public:
    virtual ~audit_sink() = default;
    /// Called after each operation succeeded in the backend (and when the access policy denied
    /// one), before the operation returns. Exceptions propagate and end the transaction.
    virtual void record(const audit_event& event, journal_writer& journal) = 0;
    /// When true (the default), reads and queries are audited too, and the store runs
    /// read-only transactions as read-write ones so that their entries can be written.
    [[nodiscard]] virtual bool audits_reads() const { return true; }
};

}  // namespace storage
THERACORE_NAMESPACE_END
