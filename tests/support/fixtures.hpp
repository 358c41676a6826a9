// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#ifndef THERACORE_TEST_DATA_DIR
#error "THERACORE_TEST_DATA_DIR must name tests/data"
#endif

namespace theracore::test {

/// The text of tests/data/<name>.
inline std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(THERACORE_TEST_DATA_DIR) + "/" + name, std::ios::binary);
    if (!in) {
        throw std::runtime_error("missing fixture tests/data/" + name);
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace theracore::test
