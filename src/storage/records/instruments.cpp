// SPDX-License-Identifier: Apache-2.0
/// @file
/// What the storage registrations of the administrations and instrument definitions index, their
/// update rules and named queries.

#include <theracore/storage/records/instruments.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

query<instruments::administration> administrations_of(const client_id& client,
                                                      const std::string& instrument, instant from,
                                                      instant to) {
    using t = record_traits<instruments::administration>;
    return query<instruments::administration>()
        .where(t::client, client)
        .where(t::instrument, instrument)
        .where_between(t::administered, from, to)
        .order_by(t::administered);
}

query<instruments::administration> administrations_of(const client_id& client,
                                                      const std::string& instrument, date from,
                                                      date to) {
    if (from.is_special() || to.is_special()) {
        throw validation_error("invalid date range",
                               {{from.is_special() ? "from" : "to", "not a calendar date"}});
    }
    return administrations_of(
        client, instrument, instant(from),
        instant(to) + boost::posix_time::hours(24) - boost::posix_time::microseconds(1));
}

query<instruments::administration> administrations_of(const client_id& client) {
    using t = record_traits<instruments::administration>;
    return query<instruments::administration>().where(t::client, client).order_by(t::administered);
}

query<instruments::instrument> instrument_versions(const std::string& id) {
    using t = record_traits<instruments::instrument>;
    return query<instruments::instrument>().where(t::instrument, id).order_by(t::version);
}

void record_traits<instruments::administration>::index(
    const instruments::administration& a, index_writer<instruments::administration>& w) {
    w.add(client, a.client);
    w.add(instrument, a.instrument);
    w.add(administered, a.administered_at);
}

void record_traits<instruments::administration>::check_update(
    const instruments::administration& stored, const instruments::administration& next,
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

void record_traits<instruments::instrument>::index(const instruments::instrument& i,
                                                   index_writer<instruments::instrument>& w) {
    w.add(instrument, i.id());
    w.add(version, i.version());
}

void record_traits<instruments::instrument>::check_update(const instruments::instrument& stored,
                                                          const instruments::instrument& next,
                                                          transaction&) {
    if (!(stored.data() == next.data())) {
        throw conflict("instrument_definition " + stored.id() + " " + stored.version() +
                       " is immutable: scores refer to it; store a new version instead");
    }
}

}  // namespace storage
THERACORE_NAMESPACE_END
