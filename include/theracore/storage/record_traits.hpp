// SPDX-License-Identifier: Apache-2.0
/// @file
/// How a record type plugs into storage: one specialization of `record_traits<T>`.
///
/// Backends never see record types; they store `stored_record`s (kind, id, payload, index
/// entries, bookkeeping). A type becomes storable by saying, in one place, what kind it is, how
/// to find its id, how it is encoded, which columns it can be queried by and how it is deleted:
///
/// ```
/// template <>
/// struct record_traits<intake> : json_codec<intake> {       // encode/decode: JSON wire form
///     static constexpr const char* kind = "intake";          // unique, stable, lower_snake
///     static constexpr deletion_policy deletion = deletion_policy::soft;
///     using id_type = intake_id;
///     static const intake_id& id(const intake& r) noexcept { return r.id; }
///
///     static constexpr column<intake, client_id> client{"client"};
///     static constexpr column<intake, date> recorded_on{"recorded_on"};
///     static void index(const intake& r, index_writer<intake>& w) {
///         w.add(client, r.client);
///         w.add(recorded_on, r.recorded_on);
///     }
/// };
/// ```
///
/// The store calls `validate(record)` (found by ADL) before anything is written, so a type
/// needs a `validate` overload too. A type whose stored history must not be rewritten (a
/// signed note, a superseded plan version, a referral's transitions) adds an update rule:
///
/// ```
///     /// Called by `transaction::update` with the stored value before anything is written.
///     static void check_update(const progress_note& stored, const progress_note& next,
///                              transaction& tx) {
///         check_note_update(stored, next);   // throws conflict for an edit of a signed note
///     }
/// ```
///
/// See docs/storage.md, "Adding a record type".
#pragma once

#include <string>
#include <type_traits>
#include <utility>

#include <theracore/storage/keys.hpp>
#include <theracore/storage/record.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// Specialize for every storable record type (see the file comment). A specialization provides:
/// - `static constexpr const char* kind`: the record kind, unique among all types, never
///   changed once data exists (it is stored with every record);
/// - `static constexpr deletion_policy deletion`;
/// - `using id_type` (a `basic_id`) and `static const id_type& id(const T&)` (or by value);
/// - `static std::string encode(const T&)` and `static T decode(const std::string&)` — usually
///   inherited from `json_codec<T>` (`theracore/storage/json_codec.hpp`);
/// - `static void index(const T&, index_writer<T>&)` adding the values of its columns, which
///   are `static constexpr column<T, V>` members;
/// - optionally `static void check_update(const T& stored, const T& next, transaction& tx)`,
///   which `transaction::update` calls with the stored value (deleted or not, at the expected
///   revision) before it writes anything; it throws `conflict` for a change the type's history
///   forbids and may read other records through `tx`.
template <class T>
struct record_traits;

class transaction;

namespace detail {

template <class T, class = void>
struct is_registered : std::false_type {};
template <class T>
struct is_registered<
    T, std::void_t<decltype(record_traits<T>::kind), decltype(record_traits<T>::deletion),
                   typename record_traits<T>::id_type,
                   decltype(record_traits<T>::id(std::declval<const T&>())),
                   decltype(record_traits<T>::encode(std::declval<const T&>())),
                   decltype(record_traits<T>::decode(std::declval<const std::string&>())),
                   decltype(record_traits<T>::index(std::declval<const T&>(),
                                                    std::declval<index_writer<T>&>()))>>
    : std::true_type {};

template <class T, class = void>
struct has_update_rule : std::false_type {};
template <class T>
struct has_update_rule<
    T, std::void_t<decltype(record_traits<T>::check_update(
           std::declval<const T&>(), std::declval<const T&>(), std::declval<transaction&>()))>>
    : std::true_type {};

}  // namespace detail

/// True when `record_traits<T>` is a complete registration.
template <class T>
inline constexpr bool is_registered_record_v = detail::is_registered<T>::value;

}  // namespace storage
THERACORE_NAMESPACE_END
