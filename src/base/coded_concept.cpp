// SPDX-License-Identifier: Apache-2.0
#include <theracore/coded_concept.hpp>

THERACORE_NAMESPACE_BEGIN

problem_list validate(const coded_concept& c) {
    problem_list p;
    if (c.system.empty()) {
        p.push_back({"system", "required"});
    }
    if (c.code.empty()) {
        p.push_back({"code", "required"});
    }
    return p;
}

THERACORE_NAMESPACE_END
