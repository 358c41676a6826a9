// SPDX-License-Identifier: Apache-2.0
/// @file
/// The fast-path writers and readers of the types with nlohmann adapters of their own that
/// stored records contain (answers, observation times); each agrees exactly with its adapter.
#pragma once

#include <string>
#include <utility>

#include <theracore/instruments/responses.hpp>
#include <theracore/outcomes/series.hpp>

#include "storage/detail/fast_json.hpp"

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

/// An observation time is its ISO-8601 text, as its nlohmann adapter writes it
/// (`theracore/io/json/outcomes.hpp`).
template <>
struct fast_json_adapter<outcomes::observation_time> {
    static void write(std::string& out, const outcomes::observation_time& t) {
        if (t.is_set()) {
            fast_json::write_string(out, t.iso8601());
        } else {
            out += "null";
        }
    }
    static void read(fast_json::reader& r, outcomes::observation_time& t) {
        std::string scratch;
        const auto v = outcomes::observation_time::parse(r.string(scratch));
        if (!v) {
            throw fast_json::bail{};
        }
        t = *v;
    }
};

}  // namespace storage
THERACORE_NAMESPACE_END
