// SPDX-License-Identifier: Apache-2.0
/// @file
/// Storage registrations and named queries for the instrument engine's records: administrations
/// (answers and scores) and the instrument definitions they were scored with.
///
/// Administrations are the one kind that grows to millions of rows. They index exactly three
/// single-valued columns (client, instrument, time); the SQL backends keep them in a table of
/// their own with those as real columns and one composite index, so that a client's history
/// is one index range scan (docs/storage.md, "Administrations").
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <theracore/instruments/instrument.hpp>
#include <theracore/instruments/responses.hpp>
#include <theracore/io/json/instruments.hpp>
#include <theracore/model/administration.hpp>
#include <theracore/storage/json_codec.hpp>
#include <theracore/storage/keys.hpp>
#include <theracore/storage/query.hpp>
#include <theracore/storage/record_traits.hpp>
#include <theracore/storage/records/common.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// An answer is a number, `null` (missing) or a string, exactly as its nlohmann adapter writes
/// it (`theracore/io/json/instruments.hpp`); nine of them per PHQ-9 administration.
template <>
struct fast_json_adapter<instruments::answer> {
    static void write(std::string& out, const instruments::answer& a) {
        if (a.is_number()) {
            fast_json::write_double(out, a.number());
        } else if (a.is_text()) {
            fast_json::write_string(out, a.text());
        } else {
            out += "null";
        }
    }
    static void read(fast_json::reader& r, instruments::answer& a) {
        if (r.null()) {
            a = instruments::answer();
        } else if (r.peek() == '"') {
            std::string text;
            r.string_into(text);
            a = instruments::answer(std::move(text));
        } else {
            a = instruments::answer(r.number_value());
        }
    }
};

/// Identifies a stored instrument definition: its id and version (see
/// `instrument_version_key`).
struct instrument_version_id_tag {
    static constexpr const char* name = "instrument_version_id";
};
using instrument_version_id = basic_id<instrument_version_id_tag>;

/// The key of version `version` of instrument `id`: `"phq9|1.0"`.
[[nodiscard]] inline instrument_version_id instrument_version_key(const std::string& id,
                                                                  const std::string& version) {
    return instrument_version_id(detail::composite_key({id, version}));
}

template <>
struct record_traits<administration> : json_codec<administration> {
    static constexpr const char* kind = "administration";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = administration_id;
    static const administration_id& id(const administration& a) noexcept { return a.id; }

    static constexpr column<administration, client_id> client{"client"};
    /// The instrument id (`phq9`).
    static constexpr column<administration, std::string> instrument{"instrument"};
    static constexpr column<administration, instant> administered{"administered"};

    /// One value per column: the SQL backends keep these as the columns of a table of their
    /// own. A new column here needs a migration there (src/storage/common/sql_store.hpp).
    static void index(const administration& a, index_writer<administration>& w) {
        w.add(client, a.client);
        w.add(instrument, a.instrument);
        w.add(administered, a.administered_at);
    }

    /// What was answered, by whom, when and in which language is history: an update may
    /// re-score (a new `result` and `instrument_version`) or link the episode, nothing else.
    /// A mistyped answer is corrected by deleting the administration and recording it again.
    /// @throws conflict naming the first field that would change.
    static void check_update(const administration& stored, const administration& next,
                             transaction&) {
        const char* changed = stored.client != next.client                     ? "client"
                              : stored.instrument != next.instrument           ? "instrument"
                              : stored.administered_at != next.administered_at ? "administered_at"
                              : stored.administered_by != next.administered_by ? "administered_by"
                              : stored.locale != next.locale                   ? "locale"
                              : stored.responses != next.responses             ? "responses"
                                                                               : nullptr;
        if (changed != nullptr) {
            throw conflict("administration " + stored.id.str() + ": cannot change " + changed +
                           "; only the score (re-scoring) and the episode may change");
        }
    }
};

template <>
struct record_traits<instruments::instrument> : json_codec<instruments::instrument> {
    static constexpr const char* kind = "instrument_definition";
    /// Scores refer to definitions by id and version: they are kept like clinical records.
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = instrument_version_id;
    static instrument_version_id id(const instruments::instrument& i) {
        return instrument_version_key(i.id(), i.version());
    }

    static constexpr column<instruments::instrument, std::string> instrument{"instrument"};
    static constexpr column<instruments::instrument, std::string> version{"version"};

    static void index(const instruments::instrument& i, index_writer<instruments::instrument>& w) {
        w.add(instrument, i.id());
        w.add(version, i.version());
    }

    /// A definition version never changes: scores recorded with it would silently mean
    /// something else. Publish a new version instead.
    /// @throws conflict for any change.
    static void check_update(const instruments::instrument& stored,
                             const instruments::instrument& next, transaction&) {
        if (!(stored.data() == next.data())) {
            throw conflict("instrument_definition " + stored.id() + " " + stored.version() +
                           " is immutable: scores refer to it; store a new version instead");
        }
    }
};

/// `client`'s administrations of `instrument` from `from` to `to` (inclusive), oldest first.
[[nodiscard]] inline query<administration> administrations_of(const client_id& client,
                                                              const std::string& instrument,
                                                              instant from, instant to) {
    using t = record_traits<administration>;
    return query<administration>()
        .where(t::client, client)
        .where(t::instrument, instrument)
        .where_between(t::administered, from, to)
        .order_by(t::administered);
}

/// `client`'s administrations of `instrument` on the days `from` to `to` (inclusive, UTC),
/// oldest first.
/// @throws validation_error for a special date.
[[nodiscard]] inline query<administration> administrations_of(const client_id& client,
                                                              const std::string& instrument,
                                                              date from, date to) {
    if (from.is_special() || to.is_special()) {
        throw validation_error("invalid date range",
                               {{from.is_special() ? "from" : "to", "not a calendar date"}});
    }
    return administrations_of(
        client, instrument, instant(from),
        instant(to) + boost::posix_time::hours(24) - boost::posix_time::microseconds(1));
}

/// Every administration of `client` (any instrument), oldest first.
[[nodiscard]] inline query<administration> administrations_of(const client_id& client) {
    using t = record_traits<administration>;
    return query<administration>().where(t::client, client).order_by(t::administered);
}

/// The stored versions of instrument `id`, by version text.
[[nodiscard]] inline query<instruments::instrument> instrument_versions(const std::string& id) {
    using t = record_traits<instruments::instrument>;
    return query<instruments::instrument>().where(t::instrument, id).order_by(t::version);
}

}  // namespace storage
THERACORE_NAMESPACE_END
