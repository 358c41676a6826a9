// SPDX-License-Identifier: Apache-2.0
/// @file
/// Queries over indexed columns. A query names a record kind and a conjunction of conditions
/// on the columns its `record_traits` declare; it can order by one column and page.
///
/// ```
/// using t = record_traits<care_episode>;
/// auto q = query<care_episode>()
///              .where(t::clinician, clinician_id("k-ada"))
///              .where_any_of(t::status, {episode_status::active, episode_status::on_hold})
///              .order_by(t::opened, sort_order::descending)
///              .limit(20);
/// for (const auto& e : tx.query(q)) { … }
/// ```
///
/// Named queries for each record type (`clients_by_name_prefix`, `episodes_of_client`, …) are
/// declared beside the type's registration (`theracore/storage/records/*.hpp`).
///
/// Semantics, identical on every backend:
/// - a condition holds when at least one of the record's values of that column satisfies all of
///   its constraints (so a multi-valued column such as an episode's clients matches when any
///   value does);
/// - results are ordered by the order column's smallest value (a record without one sorts as
///   the empty text, i.e. first), then by id; `descending` reverses both;
/// - soft-deleted records are left out unless asked for.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <theracore/storage/keys.hpp>
#include <theracore/storage/record.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// Which soft-deleted records a query or lookup returns.
enum class deleted_records { excluded, included, only };

enum class sort_order { ascending, descending };

/// A bound of a range condition, on index text.
struct key_bound {
    std::string value;
    bool inclusive = true;
};

/// A condition on one column, on index text: the value is one of `any_of` (when given; an empty
/// list matches nothing) and lies within the bounds (when given).
struct key_condition {
    std::string column;
    std::optional<std::vector<std::string>> any_of;
    std::optional<key_bound> lower;
    std::optional<key_bound> upper;
};

/// A query with its record type erased: what backends evaluate.
struct record_query {
    std::string kind;
    std::vector<key_condition> where;
    std::optional<std::string> order_by;  ///< a column; by id alone when empty
    sort_order order = sort_order::ascending;
    std::optional<std::size_t> limit;
    std::size_t offset = 0;
    deleted_records deleted = deleted_records::excluded;

    /// True when a condition has an empty `any_of`: the store answers without the backend.
    [[nodiscard]] bool matches_nothing() const noexcept {
        for (const auto& c : where) {
            if (c.any_of && c.any_of->empty()) {
                return true;
            }
        }
        return false;
    }
};

template <class Record>
struct record_traits;

/// A typed query over records of type `Record`. Every method returns `*this` for chaining and
/// accepts only `Record`'s own columns with their own value types. The condition methods throw
/// `validation_error` for a value that cannot be indexed (NaN, a special date or time).
template <class Record>
class query {
  public:
    query() { q_.kind = record_traits<Record>::kind; }

    /// The column equals `value`.
    template <class V>
    query& where(const column<Record, V>& c, const typename key_codec<V>::input_type& value) {
        key_condition k{c.name, std::vector<std::string>{key_codec<V>::encode(value)}, {}, {}};
        q_.where.push_back(std::move(k));
        return *this;
    }

    /// The column equals one of `values` (none: the query matches nothing).
    template <class V>
    query& where_any_of(const column<Record, V>& c,
                        const std::vector<typename key_codec<V>::input_type>& values) {
        std::vector<std::string> keys;
        keys.reserve(values.size());
        for (const auto& v : values) {
            keys.push_back(key_codec<V>::encode(v));
        }
        q_.where.push_back({c.name, std::move(keys), {}, {}});
        return *this;
    }

    /// The column starts with `prefix` (case-insensitively for a `folded_text` column).
    template <class V>
    query& where_prefix(const column<Record, V>& c, const std::string& prefix) {
        static_assert(std::is_same_v<V, std::string> || std::is_same_v<V, folded_text>,
                      "where_prefix needs a text column");
        std::string p = key_codec<V>::encode(prefix);
        auto upper = prefix_successor(p);
        key_condition k{c.name, std::nullopt, key_bound{std::move(p), true}, std::nullopt};
        if (upper) {
            k.upper = key_bound{std::move(*upper), false};
        }
        q_.where.push_back(std::move(k));
        return *this;
    }

    /// `from <= value <= to`.
    template <class V>
    query& where_between(const column<Record, V>& c, const typename key_codec<V>::input_type& from,
                         const typename key_codec<V>::input_type& to) {
        q_.where.push_back({c.name, std::nullopt, key_bound{key_codec<V>::encode(from), true},
                            key_bound{key_codec<V>::encode(to), true}});
        return *this;
    }

    /// `value >= from`.
    template <class V>
    query& where_at_least(const column<Record, V>& c,
                          const typename key_codec<V>::input_type& from) {
        q_.where.push_back(
            {c.name, std::nullopt, key_bound{key_codec<V>::encode(from), true}, std::nullopt});
        return *this;
    }

    /// `value > from`.
    template <class V>
    query& where_after(const column<Record, V>& c, const typename key_codec<V>::input_type& from) {
        q_.where.push_back(
            {c.name, std::nullopt, key_bound{key_codec<V>::encode(from), false}, std::nullopt});
        return *this;
    }

    /// `value <= to`.
    template <class V>
    query& where_at_most(const column<Record, V>& c, const typename key_codec<V>::input_type& to) {
        q_.where.push_back(
            {c.name, std::nullopt, std::nullopt, key_bound{key_codec<V>::encode(to), true}});
        return *this;
    }

    /// `value < to`.
    template <class V>
    query& where_before(const column<Record, V>& c, const typename key_codec<V>::input_type& to) {
        q_.where.push_back(
            {c.name, std::nullopt, std::nullopt, key_bound{key_codec<V>::encode(to), false}});
        return *this;
    }

    /// Orders by the column (then by id).
    template <class V>
    query& order_by(const column<Record, V>& c, sort_order order = sort_order::ascending) {
        q_.order_by = c.name;
        q_.order = order;
        return *this;
    }

    /// Orders by id alone (the default).
    query& order_by_id(sort_order order = sort_order::ascending) {
        q_.order_by.reset();
        q_.order = order;
        return *this;
    }

    query& limit(std::size_t n) {
        q_.limit = n;
        return *this;
    }
    query& offset(std::size_t n) {
        q_.offset = n;
        return *this;
    }
    query& deleted(deleted_records d) {
        q_.deleted = d;
        return *this;
    }

    [[nodiscard]] const record_query& erased() const noexcept { return q_; }

  private:
    record_query q_;
};

namespace detail {

/// The smallest value of `column` in `r`, or the empty text: the order key of `r`.
[[nodiscard]] inline std::string order_value(const stored_record& r, const std::string& column) {
    const std::string* best = nullptr;
    for (const auto& e : r.index) {
        if (e.name == column && (best == nullptr || e.value < *best)) {
            best = &e.value;
        }
    }
    return best != nullptr ? *best : std::string();
}

[[nodiscard]] inline bool satisfies(const std::string& v, const key_condition& c) {
    if (c.any_of) {
        bool found = false;
        for (const auto& a : *c.any_of) {
            found = found || a == v;
        }
        if (!found) {
            return false;
        }
    }
    if (c.lower && (c.lower->inclusive ? v < c.lower->value : v <= c.lower->value)) {
        return false;
    }
    if (c.upper && (c.upper->inclusive ? v > c.upper->value : v >= c.upper->value)) {
        return false;
    }
    return true;
}

/// True when `r` is of the query's kind, passes its deleted filter and every condition: the
/// reference semantics the SQL backends reproduce.
[[nodiscard]] inline bool matches(const stored_record& r, const record_query& q) {
    if (r.kind != q.kind) {
        return false;
    }
    const bool deleted = r.meta.deleted.has_value();
    if ((q.deleted == deleted_records::excluded && deleted) ||
        (q.deleted == deleted_records::only && !deleted)) {
        return false;
    }
    for (const auto& c : q.where) {
        bool any = false;
        for (const auto& e : r.index) {
            if (e.name == c.column && satisfies(e.value, c)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return false;
        }
    }
    return true;
}

/// Sorts matching records as the query asks and applies offset and limit.
inline void order_and_page(std::vector<stored_record>& rows, const record_query& q) {
    std::vector<std::pair<std::string, std::size_t>> keys;
    keys.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        keys.emplace_back(q.order_by ? order_value(rows[i], *q.order_by) : std::string(), i);
    }
    const bool desc = q.order == sort_order::descending;
    std::sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
        const auto& ra = rows[a.second];
        const auto& rb = rows[b.second];
        const bool less = a.first != b.first ? a.first < b.first : ra.id < rb.id;
        const bool greater = a.first != b.first ? a.first > b.first : ra.id > rb.id;
        return desc ? greater : less;
    });
    std::vector<stored_record> out;
    const std::size_t begin = std::min(q.offset, keys.size());
    const std::size_t end = begin + std::min(keys.size() - begin, q.limit.value_or(keys.size()));
    for (std::size_t i = begin; i < end; ++i) {
        out.push_back(std::move(rows[keys[i].second]));
    }
    rows = std::move(out);
}

}  // namespace detail

}  // namespace storage
THERACORE_NAMESPACE_END
