// SPDX-License-Identifier: Apache-2.0
/// @file
/// What a backend sees: records with their type erased. The typed API (`store.hpp`) turns a
/// `client` or a `care_episode` into a `stored_record` — a kind, an id, the JSON payload, the
/// index entries its `record_traits` declare and the bookkeeping (`record_meta`) — so that a
/// backend stores every record type, present and future, the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/enum.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

using theracore::operator==;
using theracore::operator!=;

/// Who performs an operation: a clinician id, a service account ("system:importer"), … Every
/// transaction is begun on behalf of one actor; the store records it as the author of every
/// change and hands it to the access policy.
struct actor {
    std::string id;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(theracore::detail::field("id", s.id));
    }
};

/// What `transaction::remove` does to a record kind.
enum class deletion_policy {
    /// Clinical records: `remove` marks the record deleted (who, when, why) and keeps it; only
    /// `purge` erases it, and the purge is itself recorded in the journal.
    soft,
    /// Non-clinical data: `remove` erases the record and records that in the journal.
    hard,
};
constexpr auto describe_enum(deletion_policy) {
    using E = deletion_policy;
    return enum_table<E, 2>{"deletion_policy", {{{E::soft, "soft"}, {E::hard, "hard"}}}};
}

/// Who soft-deleted a record, when and why.
struct deletion_info {
    std::string by;
    instant at;
    std::string reason;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("by", s.by), field("at", s.at), field("reason", s.reason));
    }
};

/// The bookkeeping the store keeps beside every record. `revision` starts at 1 and grows by one
/// with every change (update, soft delete, restore); an update names the revision it read, and
/// the store refuses it with `conflict` when the record has moved on.
struct record_meta {
    std::int64_t revision = 0;
    instant created_at;
    std::string created_by;
    instant updated_at;
    std::string updated_by;
    std::optional<deletion_info> deleted;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("revision", s.revision), field("created_at", s.created_at),
                               field("created_by", s.created_by), field("updated_at", s.updated_at),
                               field("updated_by", s.updated_by), field("deleted", s.deleted));
    }
};

/// One indexed value of a record: `name` is a column its `record_traits` declare, `value` the
/// order-preserving text encoding of the value (see `keys.hpp`). A column may have several
/// values (an episode's participants).
struct index_entry {
    std::string name;
    std::string value;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("name", s.name), field("value", s.value));
    }
};

/// Identifies a stored record: its kind (`record_traits<T>::kind`) and its id.
struct record_key {
    std::string kind;
    std::string id;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("kind", s.kind), field("id", s.id));
    }
    friend bool operator<(const record_key& a, const record_key& b) {
        return std::tie(a.kind, a.id) < std::tie(b.kind, b.id);
    }
};

/// A record as backends store it. `payload` is the record's JSON wire form (with its
/// `"schema"` and `"version"`); `index` its index entries, sorted and without duplicates.
/// Backends may leave `index` empty when they load a record: the store never reads it back.
struct stored_record {
    std::string kind;
    std::string id;
    std::string payload;
    std::vector<index_entry> index;
    record_meta meta;

    [[nodiscard]] record_key key() const { return {kind, id}; }

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("kind", s.kind), field("id", s.id),
                               field("payload", s.payload), field("index", s.index),
                               field("meta", s.meta));
    }
};

/// One entry of the store's append-only journal: purges, hard deletes and restores today; the
/// audit trail later. Entries never contain record content — only who, when, what and why.
struct journal_entry {
    std::int64_t sequence = 0;  ///< assigned by the backend, increasing
    instant at;
    std::string actor;
    std::string category;  ///< "purge", "delete", "restore", or an audit sink's own
    std::string kind;
    std::string record_id;
    std::int64_t revision = 0;  ///< the revision the entry is about, 0 when none
    std::string detail;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("sequence", s.sequence), field("at", s.at),
                               field("actor", s.actor), field("category", s.category),
                               field("kind", s.kind), field("record_id", s.record_id),
                               field("revision", s.revision), field("detail", s.detail));
    }
};

/// Which journal entries to read; every given field must match. Entries come in sequence order
/// (newest first when `newest_first`), at most `limit` of them when it is not 0.
struct journal_filter {
    std::optional<std::string> category;
    std::optional<std::string> kind;
    std::optional<std::string> record_id;
    std::int64_t after_sequence = 0;
    std::size_t limit = 0;
    bool newest_first = false;
};

/// The journal categories the store itself writes.
namespace journal_category {
inline constexpr const char* purge = "purge";
inline constexpr const char* hard_delete = "delete";
inline constexpr const char* restore = "restore";
}  // namespace journal_category

}  // namespace storage
THERACORE_NAMESPACE_END
