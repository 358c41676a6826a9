// SPDX-License-Identifier: Apache-2.0
#include <theracore/instruments/builtin_catalog.hpp>
#include <theracore/io/json/instruments.hpp>

#include "embedded_definitions.hpp"

THERACORE_NAMESPACE_BEGIN
namespace instruments {

namespace {

catalog load_builtins() {
    using theracore_catalog_detail::builtin_definition_count;
    using theracore_catalog_detail::builtin_definitions;
    std::vector<instrument> all;
    all.reserve(builtin_definition_count);
    problem_list problems;
    for (std::size_t i = 0; i < builtin_definition_count; ++i) {
        const std::string name = builtin_definitions[i].name;
        try {
            all.push_back(load_instrument_text(builtin_definitions[i].json));
            if (all.back().id() != name) {
                problems.push_back({name, "defines instrument \"" + all.back().id() +
                                              "\"; the file must be named after its id"});
            }
        } catch (const validation_error& e) {
            theracore::detail::append_prefixed(problems, name, e.problems());
        } catch (const parse_error& e) {
            problems.push_back({name, e.what()});
        }
    }
    throw_if_invalid(problems, "invalid built-in instrument definitions");
    return catalog(std::move(all));
}

}  // namespace

const catalog& builtin_catalog() {
    // A function-local static: built once, on first use, thread-safely (C++11 magic statics).
    static const catalog builtins = load_builtins();
    return builtins;
}

}  // namespace instruments
THERACORE_NAMESPACE_END
